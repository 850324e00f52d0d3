import { describe, expect, it } from 'vitest';
import { editContext, loadSeed, prng } from '../../../tests/helpers/scenarioFixture';
import { round6 } from '../edits/build';
import { PROJECT_ACTIONS, PROJECT_KINDS, PROJECT_STATUSES } from '../model/kinds';
import type { ProjectFeature, ScenarioCollection } from '../model/project';
import { readGeoJson, writeScenarioGeoJson } from './geojson';
import type { ExportInfo } from './types';

const INFO: ExportInfo = {
  app: '泉州学校建设规划地图',
  appVersion: '0.1.0',
  schemaVersion: 2,
  exportedAt: '2026-11-29T00:00:00.000Z',
  createdAt: '2026-11-01T00:00:00.000Z',
  modifiedAt: '2026-11-28T00:00:00.000Z',
  crs: 'EPSG:4326',
};

/** A random valid scenario: the seed's places, with every field varied (text with quotes, newlines, emoji). */
function randomScenario(seed: number): ScenarioCollection {
  const rnd = prng(seed);
  const base = loadSeed();
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const texts = ['', '普通', 'say "hi", ok', '多行\n备注', '😀 emoji', '=1+1', "O'Brien; a,b"];
  const features: ProjectFeature[] = base.features.slice(0, 5 + Math.floor(rnd() * 40)).map((p, i) => {
    const kind = pick(PROJECT_KINDS);
    const [lon = 0, lat = 0] = p.geometry.coordinates;
    const x = round6(lon + (rnd() - 0.5) * 0.002);
    const y = round6(lat + (rnd() - 0.5) * 0.002);
    const d = 0.0005;
    const withSite = rnd() < 0.4;
    const note = pick(texts);
    const source = pick(texts);
    return {
      type: 'Feature',
      id: `r${seed}-${i}`,
      geometry: { type: 'Point', coordinates: [x, y] },
      properties: {
        id: `r${seed}-${i}`,
        name: `${pick(['学校', 'School "A"', '第一,中学'])}${i}`,
        ...(rnd() < 0.5 ? { nameEn: `School ${i}` } : {}),
        kind,
        action: pick(PROJECT_ACTIONS),
        status: pick(PROJECT_STATUSES),
        year: 2020 + Math.floor(rnd() * 16),
        seats: Math.floor(rnd() * 3000),
        classes: Math.floor(rnd() * 60),
        countyCode: p.properties.countyCode,
        townshipCode: rnd() < 0.5 ? p.properties.townshipCode : null,
        zone: p.properties.zone,
        centralDistrict: rnd() < 0.3,
        locationPrecision: pick(['illustrative', 'approximate', 'surveyed'] as const),
        ownership: kind === 'kindergarten' ? pick(['public', 'privateInclusive', 'privateOther'] as const) : null,
        investment: rnd() < 0.5 ? Math.round(rnd() * 1e6) / 100 : null,
        landArea: rnd() < 0.5 ? Math.round(rnd() * 50_000) : null,
        site: withSite
          ? {
              type: 'Polygon',
              coordinates: [
                [
                  [x - d, y - d],
                  [round6(x + d), y - d],
                  [round6(x + d), round6(y + d)],
                  [x - d, round6(y + d)],
                  [x - d, y - d],
                ].map(([a = 0, b = 0]) => [round6(a), round6(b)]),
              ],
            }
          : null,
        ...(source !== '' ? { source } : {}),
        ...(note !== '' ? { notes: note } : {}),
      },
    };
  });
  return {
    type: 'FeatureCollection',
    scenario: {
      id: `s${seed}`,
      name: `方案 ${seed} "测试"`,
      planYear: 2022 + (seed % 5),
      illustrative: seed % 2 === 0,
      schemaVersion: 2,
      ...(seed % 3 === 0 ? { description: '说明\n第二行' } : {}),
    },
    features,
  };
}

describe('GeoJSON scenario export', () => {
  it('round-trips random scenarios losslessly, property by property', () => {
    const ctx = editContext();
    for (let seed = 1; seed <= 60; seed++) {
      const s = randomScenario(seed);
      const text = writeScenarioGeoJson(s, INFO);
      const r = readGeoJson(text, ctx.index);
      if (!r.ok) throw new Error(`seed ${seed}: ${r.error.code} ${JSON.stringify(r.error.params)}`);
      expect(r.value.scenario).toEqual(s);
      expect(r.value.exportInfo).toEqual(INFO);
    }
  });

  it('writes RFC 7946 WGS84 with 6 decimals and the metadata as foreign members', () => {
    const seed = loadSeed();
    const doc = JSON.parse(writeScenarioGeoJson(seed, INFO)) as {
      type: string;
      scenario: unknown;
      qzExport: ExportInfo;
      crs?: unknown;
      features: { geometry: { coordinates: number[] } }[];
    };
    expect(doc.type).toBe('FeatureCollection');
    expect(doc.crs).toBeUndefined();
    expect(doc.scenario).toEqual(seed.scenario);
    expect(doc.qzExport.schemaVersion).toBe(2);
    for (const f of doc.features)
      for (const c of f.geometry.coordinates) expect(Math.abs(c * 1e6 - Math.round(c * 1e6))).toBeLessThan(1e-6);
  });

  it('a GCJ-02 export is offset by hundreds of metres and comes back to WGS84 within 0.5 m', () => {
    const seed = loadSeed();
    const text = writeScenarioGeoJson(seed, { ...INFO, crs: 'GCJ-02' });
    const raw = JSON.parse(text) as { features: { geometry: { coordinates: [number, number] } }[] };
    const [gx = 0, gy = 0] = raw.features[0]?.geometry.coordinates ?? [];
    const [wx = 0, wy = 0] = seed.features[0]?.geometry.coordinates ?? [];
    expect(Math.hypot((gx - wx) * 101_000, (gy - wy) * 111_000)).toBeGreaterThan(200);
    const back = readGeoJson(text, editContext().index);
    if (!back.ok || !back.value.scenario) throw new Error('not read');
    back.value.scenario.features.forEach((p, i) => {
      const [a = 0, b = 0] = p.geometry.coordinates;
      const [c = 0, d = 0] = seed.features[i]?.geometry.coordinates ?? [];
      expect(Math.hypot((a - c) * 101_000, (b - d) * 111_000)).toBeLessThan(0.5);
    });
  });

  it('reads foreign GeoJSON (QGIS crs member) as a table with its declared zone', () => {
    const r = readGeoJson(
      JSON.stringify({
        type: 'FeatureCollection',
        crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4549' } },
        features: [
          {
            type: 'Feature',
            properties: { 名称: 'A', 学位: 900 },
            geometry: { type: 'Point', coordinates: [357000, 2755000] },
          },
        ],
      }),
    );
    expect(r.ok && r.value.declaredCrs).toBe('EPSG:4549');
    expect(r.ok && r.value.columns).toEqual(['名称', '学位']);
  });
});
