import { describe, expect, it } from 'vitest';
import { loadReference, readJson } from '../../../tests/helpers/reference';
import { loadSeed } from '../../../tests/helpers/scenarioFixture';
import type { ExistingSchool } from '../analysis/demand';
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
const input = { projects: seed.features, existing: [], counties, ownershipAssumed: true };
const existingKg = (county: string, ownership: ExistingSchool['ownership'], seats: number, enrolled?: number) => ({
  kind: 'kindergarten' as const,
  seats,
  countyCode: county,
  zone: null,
  ownership,
  ...(enrolled !== undefined ? { enrolled } : {}),
});

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

  it('special education: without existing-schools data a county is unknown, not lacking (the defect: all 11 painted lacking)', () => {
    const p = targetProgress(target('special-ed-rule'), input);
    expect(p.counties?.length).toBe(11);
    expect(p.counties?.every((c) => c.state === 'unknown' && c.value === null)).toBe(true);
    expect(p).toMatchObject({ status: 'needsData', note: 'noExistingSpecial', achieved: 0 });
    // a planned special school settles its county even without data
    const special = {
      ...kg('sp1', '350503', 100, null),
      properties: { ...kg('sp1', '350503', 100, null).properties, kind: 'special' as const },
    };
    const withOne = targetProgress(target('special-ed-rule'), { ...input, projects: [...seed.features, special] });
    expect(withOne.counties?.filter((c) => c.state === 'ok').map((c) => c.adcode)).toEqual(['350503']);
    expect(withOne.status).toBe('needsData');
    // existing schools that include special schools: the others are known to lack one
    const existing = targetProgress(target('special-ed-rule'), {
      ...input,
      existing: [{ kind: 'special', seats: 200, countyCode: '350582', zone: null, ownership: 'public' }],
    });
    expect(existing.achieved).toBe(1);
    expect(existing.status).toBe('short');
    expect(existing.counties?.filter((c) => c.state === 'short')).toHaveLength(10);
    expect(existing.counties?.find((c) => c.adcode === '350582')).toMatchObject({ state: 'ok', value: 1 });
  });

  it('20万人口以上 means at least 200,000 (≥), and each county carries the population it was judged by', () => {
    const at = counties.map((c) => (c.adcode === '350503' ? { ...c, pop2021: 200_000 } : c));
    const below = counties.map((c) => (c.adcode === '350503' ? { ...c, pop2021: 199_999 } : c));
    const has = (list: typeof counties): boolean =>
      (targetProgress(target('special-ed-rule'), { ...input, counties: list }).counties ?? []).some(
        (c) => c.adcode === '350503',
      );
    expect(has(at)).toBe(true);
    expect(has(below)).toBe(false);
    const p = targetProgress(target('special-ed-rule'), input);
    const jinjiang = counties.find((c) => c.adcode === '350582');
    expect(p.counties?.find((c) => c.adcode === '350582')?.population).toBe(jinjiang?.pop2021);
  });
});

describe('公办率 and 普惠率', () => {
  it('follow the definitions: public ÷ all, (public + inclusive private) ÷ all, existing plus planned', () => {
    const rates = kindergartenRates(
      [
        kg('a', '350503', 300, 'public'),
        kg('b', '350503', 200, 'privateInclusive'),
        kg('c', '350503', 100, 'privateOther'),
      ],
      [existingKg('350503', 'public', 400)],
    ).get('350503');
    expect(rates?.publicRate).toBeCloseTo((700 / 1000) * 100, 9);
    expect(rates?.inclusiveRate).toBeCloseTo((900 / 1000) * 100, 9);
    expect(rates?.basis).toBe('capacity');
  });

  it('count children enrolled where the file gives them, and say so', () => {
    const r = kindergartenRates(
      [],
      [existingKg('350503', 'public', 400, 300), existingKg('350503', 'privateOther', 400, 100)],
    );
    expect(r.get('350503')).toMatchObject({ publicRate: 75, basis: 'enrolment' });
    const mixed = kindergartenRates(
      [],
      [existingKg('350503', 'public', 400, 300), existingKg('350503', 'privateOther', 400)],
    );
    expect(mixed.get('350503')).toMatchObject({ publicRate: (300 / 700) * 100, basis: 'mixed' });
  });

  it('are unknown from planned kindergartens alone: the illustrative scenario is never counted as meeting them', () => {
    // the defect: every kindergarten of the seed is 公办, so every county showed 100 % and both targets 达成
    for (const id of ['kg-public-rate', 'kg-inclusive-rate']) {
      const p = targetProgress(target(id), input);
      expect(p).toMatchObject({ status: 'needsData', note: 'noExistingKindergartens', achieved: null });
      expect(p.counties?.every((c) => c.state === 'unknown' && c.value === null)).toBe(true);
    }
  });

  it('with existing kindergartens: illustrative when the planned ownership is assumed, judged when it is data', () => {
    const existing = counties.filter((c) => c.pop2021 !== null).map((c) => existingKg(c.adcode, 'public', 600));
    const assumed = targetProgress(target('kg-public-rate'), { ...input, existing });
    expect(assumed).toMatchObject({ status: 'illustrative', note: 'ownershipIllustrative', basis: 'capacity' });
    const own = targetProgress(target('kg-public-rate'), { ...input, existing, ownershipAssumed: false });
    expect(own.status).toBe('met');
    // one county's existing kindergartens are mostly private: short there
    const privateLicheng = existing.map((e) =>
      e.countyCode === '350502' ? existingKg('350502', 'privateOther', 9000) : e,
    );
    const short = targetProgress(target('kg-public-rate'), {
      ...input,
      existing: privateLicheng,
      ownershipAssumed: false,
    });
    expect(short.status).toBe('short');
    expect(short.counties?.find((c) => c.adcode === '350502')?.state).toBe('short');
  });

  it('checks every county against ≥ 50 % and ≥ 90 %; a county without existing data is unknown', () => {
    const projects = [kg('a', '350503', 300, 'public'), kg('b', '350503', 700, 'privateInclusive')];
    const existing = [existingKg('350503', 'public', 0)];
    const pub = targetProgress(target('kg-public-rate'), { ...input, projects, existing, ownershipAssumed: false });
    expect(pub.counties?.find((c) => c.adcode === '350503')).toEqual({ adcode: '350503', state: 'short', value: 30 });
    expect(pub.status).toBe('short');
    const inc = targetProgress(target('kg-inclusive-rate'), { ...input, projects, existing, ownershipAssumed: false });
    expect(inc.counties?.find((c) => c.adcode === '350503')?.state).toBe('ok');
    expect(inc.counties?.find((c) => c.adcode === '350582')).toEqual({
      adcode: '350582',
      state: 'unknown',
      value: null,
    });
    expect(inc).toMatchObject({ status: 'needsData', note: 'partialKindergartens' });
  });
});
