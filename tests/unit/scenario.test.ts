import { describe, expect, it } from 'vitest';
import { createCountyLocator } from '../../src/core/geodata/locate';
import { indexReference } from '../../src/core/geodata/reference';
import type { ProjectKind } from '../../src/core/model/kinds';
import { validateScenario } from '../../src/core/model/validate';
import { achieved, parsePlanTargets } from '../../src/core/plan/targets';
import { loadReference, readJson } from '../helpers/reference';

const ref = loadReference();
const result = validateScenario(readJson('seeds/scenario-2022.geojson'), indexReference(ref));
if (!result.ok) throw new Error(JSON.stringify(result.error.slice(0, 3)));
const { scenario } = result.value;
const projects = scenario.features;
const of = (...kinds: ProjectKind[]): typeof projects => projects.filter((p) => kinds.includes(p.properties.kind));
const seats = (ps: typeof projects): number => ps.reduce((s, p) => s + p.properties.seats, 0);

describe('illustrative 2022 scenario (seeds/scenario-2022.geojson)', () => {
  it('is named and marked illustrative in data', () => {
    expect(scenario.scenario.name).toBe('2022年度建设计划（示意）');
    expect(scenario.scenario.illustrative).toBe(true);
    expect(projects.every((p) => p.properties.locationPrecision === 'illustrative')).toBe(true);
  });

  it('matches the plan: counts and seats per kind', () => {
    expect([of('kindergarten').length, seats(of('kindergarten'))]).toEqual([33, 12000]);
    expect([of('primary', 'junior', 'nineYear').length, seats(of('primary', 'junior', 'nineYear'))]).toEqual([
      51, 27000,
    ]);
    expect(of('primary').length * of('junior').length * of('nineYear').length).toBeGreaterThan(0);
    expect([of('high').length, seats(of('high'))]).toEqual([4, 4000]);
    expect([of('vocational').length, seats(of('vocational'))]).toEqual([2, 2000]);
  });

  it('meets every measurable city-wide target in seeds/plan-targets.json', () => {
    const targets = parsePlanTargets(readJson('seeds/plan-targets.json'));
    if (!targets.ok) throw new Error(targets.error);
    for (const t of targets.value.targets) {
      const v = achieved(t, projects);
      if (v !== null) expect(v, t.id).toBeGreaterThanOrEqual(t.value);
    }
  });

  it('flags 43 central-district projects, all in the central urban area', () => {
    const central = projects.filter((p) => p.properties.centralDistrict);
    expect(central.length).toBe(43);
    const centralTownships = new Set(['350582107', '350582113', '350583116', '350583117']);
    for (const p of central) {
      const q = p.properties;
      const inCore =
        ['350502', '350503', '350504'].includes(q.countyCode) ||
        q.zone === 'qtz' ||
        (q.townshipCode !== null && centralTownships.has(q.townshipCode));
      expect(inCore, q.name).toBe(true);
    }
  });

  it('places every project on land inside its own county', () => {
    const locate = createCountyLocator(ref.counties);
    for (const p of projects)
      expect(locate(p.geometry.coordinates[0] ?? 0, p.geometry.coordinates[1] ?? 0), p.properties.name).toBe(
        p.properties.countyCode,
      );
  });

  it('spreads the other projects over the counties roughly by population', () => {
    const others = projects.filter((p) => !p.properties.centralDistrict);
    const perCounty = (code: string): number => others.filter((p) => p.properties.countyCode === code).length;
    expect(perCounty('350582')).toBeGreaterThan(perCounty('350526')); // 晋江 206.9万 vs 德化 33.7万
    expect(perCounty('350583')).toBeGreaterThan(perCounty('350525')); // 南安 vs 永春
    expect(perCounty('350527')).toBe(0); // 金门
  });

  it('includes the publicly named projects by name', () => {
    const names = projects.map((p) => p.properties.name);
    for (const n of [
      '泉州师范学院第二附属小学扩建',
      '泉州市实验小学洛江第二校区',
      '泉州台商投资区第三实验小学',
      '晋江市罗山中心小学（军民小学）',
      '泉州晋光小学扩建',
      '泉州晋光小学滨海校区',
      '泉州市第二实验小学城东北校区',
    ]) {
      expect(names).toContain(n);
    }
  });
});
