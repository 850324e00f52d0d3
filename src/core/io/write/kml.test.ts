import { DOMParser } from '@xmldom/xmldom';
import { kml as toGeoJson } from '@tmcw/togeojson';
import { describe, expect, it } from 'vitest';
import { kmlColor, writeKml } from './kml';

describe('KML writer', () => {
  it("writes colours in KML's aabbggrr order", () => {
    expect(kmlColor('#F28E2B')).toBe('ff2b8ef2');
    expect(kmlColor('#3E9B4F', '40')).toBe('404f9b3e');
  });

  it('escapes names and values, and an independent reader (togeojson) reads points with sites', () => {
    const text = writeKml({
      name: '方案 <A> & B',
      description: '坐标：WGS84',
      styles: { primary: { color: '#3E9B4F', label: '小学' } },
      icon: null,
      placemarks: [
        {
          name: '泉州"实验"小学 & 附属',
          style: 'primary',
          point: [118.6, 24.9],
          polygon: [
            [
              [118.599, 24.899],
              [118.601, 24.899],
              [118.601, 24.901],
              [118.599, 24.899],
            ],
          ],
          attributes: [['seats', '新增学位', '1,080 <个>']],
        },
      ],
    });
    const doc = new DOMParser().parseFromString(text, 'text/xml');
    const fc = toGeoJson(doc);
    const [f] = fc.features;
    expect(f?.properties).toMatchObject({ name: '泉州"实验"小学 & 附属', seats: '1,080 <个>' });
    expect(f?.geometry?.type).toBe('GeometryCollection');
    expect(text).toContain('<name>方案 &lt;A&gt; &amp; B</name>');
  });
});
