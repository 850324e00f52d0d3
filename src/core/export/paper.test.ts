import { describe, expect, it } from 'vitest';
import { exportPixelRatio, metresPerPixel, paperPt, paperPx, pngSize, scaleBar, viewBounds } from './paper';

describe('paper and image sizes', () => {
  it('gives ISO A sizes in points and pixels', () => {
    expect(paperPt('A4', 'portrait')).toEqual([595.28, 841.89]);
    expect(paperPt('A3', 'landscape')).toEqual([1190.55, 841.89]);
    expect(paperPx('A3', 'landscape', 300)).toEqual([4961, 3508]);
    expect(pngSize('a3-150', { width: 1, height: 1 })).toEqual([2480, 1754]);
    expect(pngSize('hd', { width: 1, height: 1 })).toEqual([1920, 1080]);
    expect(pngSize('screen', { width: 1366.4, height: 700 })).toEqual([1366, 700]);
  });

  it('draws big images with a pixel ratio that keeps the screen amount of detail', () => {
    expect(exportPixelRatio(1280, 720)).toBe(1);
    expect(exportPixelRatio(4961, 3508)).toBeCloseTo(3.1, 1);
  });

  it('picks a 1-2-5 scale bar length that fits', () => {
    expect(scaleBar(10, 150)).toEqual({ metres: 1000, px: 100, label: '1 km' });
    expect(scaleBar(3, 150).label).toBe('200 m');
    expect(scaleBar(60, 150).label).toBe('5 km');
    const mpp = metresPerPixel(0, 0);
    expect(mpp).toBeCloseTo(78271.5, 0);
  });
});

describe('viewBounds', () => {
  it('gives the box a camera shows, symmetric in longitude, fewer degrees of latitude to the north (Mercator)', () => {
    const [w, s, e, n] = viewBounds({ lon: 118.6, lat: 24.9, zoom: 10 }, 1024, 512);
    // 1024 px at zoom 10 = 2 tiles of 512 px = 360 / 1024 × 2 degrees
    expect(e - w).toBeCloseTo((360 / 1024) * 2, 9);
    expect((w + e) / 2).toBeCloseTo(118.6, 9);
    expect(n - 24.9).toBeLessThan(24.9 - s);
    expect(n - s).toBeCloseTo(((360 / 1024) * 1) / (1 / Math.cos((24.9 * Math.PI) / 180)), 2);
  });
});
