import { describe, expect, it } from 'vitest';
import { loadReference, readJson } from '../../../tests/unit/reference';
import { loadSeed } from '../../../tests/unit/scenarioFixture';
import type { ProjectFeature } from '../model/project';
import { kindergartenRates, targetProgress } from './progress';
import { parsePlanTargets } from './targets';

const targets = (() => {
  const r = parsePlanTargets(readJson('seeds/plan-targets.json'));
  if (!r.ok) throw new Error(r.error);
  return r.value.targets;
})();
const target = (id: string) => {
  const t = targets.find((x) => x.id === id);
  if (!t) throw new Error(id);
  return t;
};
const counties = loadReference().counties.features.map((f) => f.properties);
const seed = loadSeed();
const input = { projects: seed.features, existing: [], counties };

const kg = (id: string, county: string, seats: number, ownership: ProjectFeature['properties']['ownership']) => {
  const base = seed.features.find((p) => p.properties.kind === 'kindergarten');
  if (!base) throw new Error('no kindergarten');
  return { ...base, id, properties: { ...base.properties, countyCode: county, seats, ownership } };
};

describe('target progress', () => {
  it('shows the seeded scenario on target for every count and seat target of the plan', () => {
    for (const id of [
      'kg-projects',
      'kg-seats',
      'compulsory-projects',
      'compulsory-seats',
      'high-projects',
      'high-seats',
      'vocational-projects',
      'vocational-seats',
      'central-district-projects',
    ]) {
      const p = targetProgress(target(id), input);
      expect([id, p.status, p.fraction]).toEqual([id, 'met', 1]);
    }
    expect(targetProgress(target('kg-seats'), input).achieved).toBe(12000);
    expect(targetProgress(target('central-district-projects'), input).achieved).toBe(43);
  });

  it('computes progress as a fraction of the target, capped at 1', () => {
    const half = seed.features
      .filter((p) => p.properties.kind !== 'high' || p.properties.seats < 0)
      .concat(seed.features.filter((p) => p.properties.kind === 'high').slice(0, 2));
    const p = targetProgress(target('high-projects'), { ...input, projects: half });
    expect(p).toMatchObject({ status: 'short', achieved: 2, fraction: 0.5 });
  });

  it('marks targets the scenario cannot measure as needing other data', () => {
    expect(targetProgress(target('kg-demonstration'), input)).toMatchObject({ status: 'needsData', achieved: null });
  });

  it('flags every county over 200,000 people without a special-education school, existing or planned', () => {
    const p = targetProgress(target('special-ed-rule'), input);
    expect(p.counties?.length).toBe(11);
    expect(p.counties?.every((c) => !c.ok)).toBe(true);
    const special = {
      ...kg('sp1', '350503', 100, null),
      properties: { ...kg('sp1', '350503', 100, null).properties, kind: 'special' as const },
    };
    const withOne = targetProgress(target('special-ed-rule'), { ...input, projects: [...seed.features, special] });
    expect(withOne.counties?.filter((c) => c.ok).map((c) => c.adcode)).toEqual(['350503']);
    const existing = targetProgress(target('special-ed-rule'), {
      ...input,
      existing: [{ kind: 'special', seats: 200, countyCode: '350582', zone: null, ownership: 'public' }],
    });
    expect(existing.achieved).toBe(1);
  });
});

describe('公办率 and 普惠率', () => {
  it('follow the definitions: public ÷ all, (public + inclusive private) ÷ all', () => {
    const rates = kindergartenRates(
      [
        kg('a', '350503', 300, 'public'),
        kg('b', '350503', 200, 'privateInclusive'),
        kg('c', '350503', 100, 'privateOther'),
      ],
      [{ kind: 'kindergarten', seats: 400, countyCode: '350503', zone: null, ownership: 'public' }],
    ).get('350503');
    expect(rates?.publicRate).toBeCloseTo((700 / 1000) * 100, 9);
    expect(rates?.inclusiveRate).toBeCloseTo((900 / 1000) * 100, 9);
  });

  it('checks every county against ≥ 50 % and ≥ 90 %', () => {
    const projects = [kg('a', '350503', 300, 'public'), kg('b', '350503', 700, 'privateInclusive')];
    const pub = targetProgress(target('kg-public-rate'), { ...input, projects });
    expect(pub.counties?.find((c) => c.adcode === '350503')).toEqual({ adcode: '350503', ok: false, value: 30 });
    expect(pub.status).toBe('short');
    const inc = targetProgress(target('kg-inclusive-rate'), { ...input, projects });
    expect(inc.counties?.find((c) => c.adcode === '350503')?.ok).toBe(true);
    expect(inc.counties?.find((c) => c.adcode === '350582')).toEqual({ adcode: '350582', ok: false, value: null });
  });
});
