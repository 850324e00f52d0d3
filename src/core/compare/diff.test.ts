import { describe, expect, it } from 'vitest';
import { vincenty } from '../../../tests/helpers/geodesic';
import { loadIndex, readJson } from '../../../tests/helpers/reference';
import { translate } from '../i18n/translate';
import { parseCsv } from '../io/csv';
import { validateScenario } from '../model/validate';
import type { ScenarioCollection } from '../model/project';
import { diffScenarios, pointDistance } from './diff';
import { diffCsv, seatsDiffCsv } from './diffCsv';

const load = (name: string): ScenarioCollection => {
  const r = validateScenario(readJson(`tests/fixtures/compare/${name}.geojson`), loadIndex());
  if (!r.ok) throw new Error(`${name} is invalid`);
  return r.value.scenario;
};
const a = load('scenario-a');
const b = load('scenario-b');
const counties = [...loadIndex().countyByCode.keys()];

describe('diffScenarios', () => {
  const diff = diffScenarios(a.features, b.features, counties);
  const byId = new Map(diff.rows.map((r) => [r.id, r]));
  const [p0, p1, p2, p3] = a.features;

  it('finds the added, removed, moved and changed projects of the fixtures', () => {
    expect(diff.counts).toEqual({ added: 1, removed: 1, moved: 2, changed: 2 });
    expect(byId.get('cmp-new-1')?.status).toBe('added');
    expect(byId.get(p0?.id ?? '')?.status).toBe('removed');
    expect(byId.get(p0?.id ?? '')?.seatsDelta).toBe(-(p0?.properties.seats ?? 0));
    const moved = byId.get(p1?.id ?? '');
    expect(moved?.moved).toBe(true);
    expect(moved?.fields).toEqual([]);
    expect(moved?.distance).toBeCloseTo(500, 0);
    expect(byId.get(p2?.id ?? '')?.fields).toEqual(['status', 'seats']);
    expect(byId.get(p2?.id ?? '')?.seatsDelta).toBe(90);
    expect(byId.get(p3?.id ?? '')?.moved).toBe(true);
    expect(byId.get(p3?.id ?? '')?.distance).toBeCloseTo(1200, 0);
    expect(byId.get(p3?.id ?? '')?.fields).toEqual(['name']);
    // the two untouched projects are not listed
    expect(diff.rows).toHaveLength(5);
  });

  it('totals seats per kind and county in A and B, ending with the whole city', () => {
    const city = diff.seats.at(-1);
    expect(city?.countyCode).toBeNull();
    const sum = (list: ScenarioCollection['features']): number => list.reduce((s, p) => s + p.properties.seats, 0);
    expect(city?.total).toEqual({ a: sum(a.features), b: sum(b.features) });
    const primary = (list: ScenarioCollection['features']): number =>
      sum(list.filter((p) => p.properties.kind === 'primary'));
    expect(city?.byKind.primary).toEqual({ a: primary(a.features), b: primary(b.features) });
    const delta = diff.rows.reduce((s, r) => s + r.seatsDelta, 0);
    expect((city?.total.b ?? 0) - (city?.total.a ?? 0)).toBe(delta);
    // counties come in the territory's order
    const order = diff.seats.slice(0, -1).map((r) => counties.indexOf(r.countyCode ?? ''));
    expect(order).toEqual([...order].sort((x, y) => x - y));
  });

  it('finds nothing between a scenario and itself', () => {
    const same = diffScenarios(a.features, a.features, counties);
    expect(same.rows).toEqual([]);
    expect(same.counts).toEqual({ added: 0, removed: 0, moved: 0, changed: 0 });
  });

  it('measures distance on the ellipsoid: within 2 cm of the WGS84 geodesic at 1 km, where a sphere is off by metres', () => {
    const from: [number, number] = [118.6, 24.9];
    const R = 6_371_008.8; // the mean-radius sphere of haversine
    const haversine = (a: readonly number[], b: readonly number[]): number => {
      const [x1 = 0, y1 = 0] = a.map((v) => (v * Math.PI) / 180);
      const [x2 = 0, y2 = 0] = b.map((v) => (v * Math.PI) / 180);
      const h = Math.sin((y2 - y1) / 2) ** 2 + Math.cos(y1) * Math.cos(y2) * Math.sin((x2 - x1) / 2) ** 2;
      return 2 * R * Math.asin(Math.sqrt(h));
    };
    // north and east, 1 km and 5 km: the reference is Vincenty's geodesic
    for (const to of [
      [118.6, 24.909],
      [118.61, 24.9],
      [118.6, 24.945],
      [118.65, 24.9],
    ]) {
      const truth = vincenty(from[0], from[1], to[0] ?? 0, to[1] ?? 0);
      expect(Math.abs(pointDistance(from, to) - truth), `to ${to.join(',')}`).toBeLessThan(truth < 2000 ? 0.02 : 0.4);
      // the same check would fail for a spherical formula
      expect(Math.abs(haversine(from, to) - truth)).toBeGreaterThan(0.5);
    }
  });

  it('exports the rows and the seats table as CSV a planner can re-open', () => {
    const name = (code: string): string => loadIndex().countyByCode.get(code)?.name ?? code;
    const table = parseCsv(diffCsv(diff, 'zh', name).replace(/^\uFEFF/, ''));
    const [header, ...rows] = table.rows;
    expect(header?.[0]).toBe(translate('zh', 'compare.col.change'));
    expect(rows).toHaveLength(5);
    expect(rows.find((r) => r[9] === 'cmp-new-1')?.[0]).toBe('新增');
    expect(rows.find((r) => r[9] === p1?.id)?.[4]).toBe('500');
    const seats = parseCsv(seatsDiffCsv(diff, 'en', name).replace(/^\uFEFF/, ''));
    expect(seats.rows.at(-1)?.[0]).toBe('Whole city');
  });
});
