import { describe, expect, it } from 'vitest';
import { crsFromPrj, epsgOf, gaussKruger } from '../crs';
import { crsLabel, defaultExportZone, EXPORT_CRS, fromWgs84, prjText } from './projected';

describe('projected exports', () => {
  it('picks the 3° zone the projects mostly fall in (boundary 118.5°E)', () => {
    expect(defaultExportZone([118.2, 118.4])).toBe('EPSG:4548');
    expect(defaultExportZone([118.6, 118.7, 118.2])).toBe('EPSG:4549');
  });

  it('projects to CGCS2000 GK as PROJ does (value from gdaltransform, GDAL 3.6.2 / PROJ)', () => {
    // echo "118.596835 24.91774" | gdaltransform -s_srs EPSG:4326 -t_srs EPSG:4548 → 661321.362913592 2757889.33225326
    const [e, n] = fromWgs84('EPSG:4548')(118.596835, 24.91774);
    expect(e).toBeCloseTo(661321.3629, 3);
    expect(n).toBeCloseTo(2757889.3323, 3);
    const [ez] = fromWgs84('EPSG:4527')(118.596835, 24.91774);
    expect(ez).toBeCloseTo(39_661321.3629, 3);
  });

  it('writes a .prj our own reader recognises as the same system', () => {
    for (const crs of EXPORT_CRS) {
      const read = crsFromPrj(prjText(crs))?.crs;
      if (crs === 'EPSG:4326' || crs === 'EPSG:4490') {
        expect(read).toBe(crs === 'EPSG:4326' ? 'wgs84' : 'cgcs2000');
        continue;
      }
      // the same projection: a 3° zone's CM 117°E is also the 6° zone's (EPSG:4509 = 4548's parameters)
      const a = gaussKruger(Number(crs.slice(5)));
      const b = read ? gaussKruger(epsgOf(read) ?? 0) : null;
      expect([b?.centralMeridian, b?.falseEasting]).toEqual([a?.centralMeridian, a?.falseEasting]);
    }
  });

  it('names the system in both languages', () => {
    expect(crsLabel('EPSG:4527', 'zh')).toBe('CGCS2000 3°高斯-克吕格 中央经线 117°E（带号 39，EPSG:4527）');
    expect(crsLabel('EPSG:4549', 'en')).toBe('CGCS2000 3° Gauss–Krüger CM 120°E (no zone prefix, EPSG:4549)');
  });
});
