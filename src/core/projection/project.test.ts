import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../analysis/params';
import type { CountyProperties } from '../geodata/reference';
import type { ProjectFeature } from '../model/project';
import { loadReference, readJson } from '../../../tests/helpers/reference';
import { loadSeed } from '../../../tests/helpers/scenarioFixture';
import { parseDemography, type Demography } from './demography';
import {
  FIRST_BIRTH_YEAR,
  LAST_BIRTH_YEAR,
  projectDemand,
  type ImportedDemography,
  type ProjectionInput,
} from './project';
import { calibrate, modelledCensusChildren } from './calibrate';
import { cityBirths, countyBirths } from './births';
import { survivalTable } from './survival';
import { projectionYears } from './types';

const shipped = (): Demography => {
  const d = parseDemography(readJson('seeds/demography.json'));
  if (!d.ok) throw new Error(d.error);
  return d.value;
};

/** A city of two counties, 1,000,000 people, a flat 10‰ birth rate, no deaths, no census: hand-checkable. */
function flat(): { d: Demography; counties: CountyProperties[] } {
  const national: Record<number, number> = {};
  for (let y = 2004; y <= 2024; y++) national[y] = 10;
  const src = 'x';
  const d: Demography = {
    sources: { x: { zh: 'x', en: 'x', url: 'x', kind: 'official' } },
    cityBirthRate: [
      { year: 2010, value: 10, source: src },
      { year: 2020, value: 10, source: src },
    ],
    cityPopulation: [
      { year: 2010, value: 1_000_000, source: src },
      { year: 2021, value: 1_000_000, source: src },
    ],
    countyBirthRate2021: { '1': 10, '2': 10 },
    nationalBirthRate: national,
    census0to14: [],
    mortality: { infant: 0, under5: 0, childPerYear: 0 },
    vocationalPct: 25,
    variants: { low: -10, medium: 0, high: 10 },
  };
  const county = (adcode: string, pop: number): CountyProperties => ({
    adcode,
    name: `county ${adcode}`,
    nameEn: `County ${adcode}`,
    pop2021: pop,
    pop2021ExclZones: pop,
    pop2010: pop,
    pop2010ExclZones: pop,
    zones: [],
    areaKm2: 1,
    labelLon: 118,
    labelLat: 25,
  });
  return { d, counties: [county('1', 600_000), county('2', 400_000)] };
}

const project = (
  id: string,
  kind: ProjectFeature['properties']['kind'],
  seats: number,
  year: number,
  countyCode = '1',
) =>
  ({
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [118.6, 24.9] },
    properties: { id, kind, seats, year, countyCode, zone: null },
  }) as unknown as ProjectFeature;

const input = (over: Partial<ProjectionInput> & Pick<ProjectionInput, 'demography' | 'counties'>): ProjectionInput => ({
  projects: [],
  existing: [],
  enrolment: { preschool: 100, primary: 100, junior: 100, upperSecondary: 100 },
  variant: 'medium',
  vocationalPct: over.demography.vocationalPct,
  marginPct: 10,
  imported: null,
  baseline: 'none',
  ...over,
});

describe('the cohort arithmetic, by hand', () => {
  it('counts each stage as births × its single years of age', () => {
    const { d, counties } = flat();
    const p = projectDemand(input({ demography: d, counties }));
    const a = p.units.find((u) => u.id === '1');
    // 10‰ of 1,000,000 = 10,000 births a year; county 1 has 60% of them
    expect(a?.stages.preschool.children[0]).toBeCloseTo(3 * 6000, 6);
    expect(a?.stages.primary.children[5]).toBeCloseTo(6 * 6000, 6);
    expect(a?.stages.junior.demand[13]).toBeCloseTo(3 * 6000, 6);
    expect(a?.stages.upperSecondary.demand[0]).toBeCloseTo(3 * 6000, 6);
    // 普高 / 中职 split by the share (25% vocational)
    expect(a?.stages.vocational.demand[0]).toBeCloseTo(0.25 * 18000, 6);
    expect(a?.stages.generalHigh.demand[0]).toBeCloseTo(0.75 * 18000, 6);
    const city = p.units.at(-1);
    expect(city?.id).toBe('city');
    expect(city?.stages.primary.demand[0]).toBeCloseTo(6 * 10000, 6);
  });

  it('applies the enrolment rate of each stage', () => {
    const { d, counties } = flat();
    const p = projectDemand(
      input({ demography: d, counties, enrolment: { preschool: 90, primary: 100, junior: 100, upperSecondary: 80 } }),
    );
    const city = p.units.at(-1);
    expect(city?.stages.preschool.demand[0]).toBeCloseTo(0.9 * 30000, 6);
    expect(city?.stages.preschool.children[0]).toBeCloseTo(30000, 6);
    expect(city?.stages.upperSecondary.demand[0]).toBeCloseTo(0.8 * 30000, 6);
  });

  it('follows the variant after the last national year: −10% a year shrinks the youngest cohorts', () => {
    const { d, counties } = flat();
    const low = projectDemand(input({ demography: d, counties, variant: 'low' }));
    const years = projectionYears();
    const i2028 = years.indexOf(2028);
    // preschool 2028 = ages 3–5 = births 2025 (0.9), 2024 (1), 2023 (1)
    expect(low.units.at(-1)?.stages.preschool.children[i2028]).toBeCloseTo(10000 * (0.9 + 1 + 1), 6);
    expect(low.cityBirths.origin[2025 - FIRST_BIRTH_YEAR]).toBe('projected');
  });

  it('counts planned seats from their year on, and today’s seats by the baseline', () => {
    const { d, counties } = flat();
    const projects = [
      project('k', 'kindergarten', 300, 2025),
      project('n', 'nineYear', 1000, 2024),
      project('v', 'vocational', 500, 2030),
    ];
    const p = projectDemand(input({ demography: d, counties, projects }));
    const a = p.units.find((u) => u.id === '1');
    const years = projectionYears();
    expect(a?.stages.preschool.seats[years.indexOf(2024)]).toBe(0);
    expect(a?.stages.preschool.seats[years.indexOf(2025)]).toBe(300);
    expect(a?.stages.vocational.seats[years.indexOf(2030)]).toBe(500);
    expect(a?.stages.generalHigh.seats[years.indexOf(2035)]).toBe(0);
    expect(a?.stages.upperSecondary.seats[years.indexOf(2035)]).toBe(500);
    // a nine-year school's seats split between primary and junior, as everywhere else
    const nine =
      (a?.stages.primary.seats[years.indexOf(2024)] ?? 0) + (a?.stages.junior.seats[years.indexOf(2024)] ?? 0);
    expect(nine).toBeCloseTo(1000, 6);
    // the base year met: seats = the first year's demand + planned
    const met = projectDemand(input({ demography: d, counties, projects, baseline: 'baseYearMet' }));
    const m = met.units.find((u) => u.id === '1');
    expect(m?.stages.preschool.seats[years.indexOf(2025)]).toBeCloseTo(18000 + 300, 6);
    expect(m?.stages.preschool.existing[0]).toBeCloseTo(18000, 6);
    // existing schools count only when they are the baseline
    const existing = [{ kind: 'primary' as const, seats: 700, countyCode: '2', zone: null, ownership: null }];
    const withSchools = projectDemand(input({ demography: d, counties, existing, baseline: 'imported' }));
    expect(withSchools.units.find((u) => u.id === '2')?.stages.primary.seats[0]).toBe(700);
    const without = projectDemand(input({ demography: d, counties, existing, baseline: 'none' }));
    expect(without.units.find((u) => u.id === '2')?.stages.primary.seats[0]).toBe(0);
  });
});

describe('the projection on the shipped data', () => {
  const ref = loadReference();
  const counties = ref.counties.features.map((f) => f.properties);
  const d = shipped();
  const base = (over: Partial<ProjectionInput> = {}): ProjectionInput =>
    input({ demography: d, counties, enrolment: DEFAULT_PARAMS.enrolment, baseline: 'baseYearMet', ...over });

  it('has the 11 counties with a population and the city, every stage, every year 2022–2035', () => {
    const p = projectDemand(base({ projects: loadSeed().features }));
    expect(p.units.map((u) => u.id)).toEqual([
      ...counties.filter((c) => c.pop2021 !== null).map((c) => c.adcode),
      'city',
    ]);
    expect(p.years).toEqual(Array.from({ length: 14 }, (_, i) => 2022 + i));
    for (const u of p.units)
      for (const s of Object.values(u.stages))
        for (const v of s.demand) expect(Number.isFinite(v) && v >= 0).toBe(true);
    // births fell by about 45% between 2016 and 2022: preschool demand falls over the plan period
    const city = p.units.at(-1);
    const pre = city?.stages.preschool.demand ?? [];
    expect((pre[5] ?? 0) / (pre[0] ?? 1)).toBeLessThan(0.8);
    // while junior demand still rises for some years (the 2012–2016 cohorts)
    const junior = city?.stages.junior.demand ?? [];
    expect(Math.max(...junior)).toBeGreaterThan((junior[0] ?? 0) * 1.2);
  });

  it('shifting every birth one year later shifts every stage’s demand one year later', () => {
    const birthsOf = (shift: number): ImportedDemography => {
      const births: { adcode: string; year: number; births: number }[] = [];
      for (const c of counties.filter((x) => x.pop2021 !== null))
        for (let y = FIRST_BIRTH_YEAR; y <= LAST_BIRTH_YEAR; y++) {
          // any shape will do: a rise and a fall
          const at = y - shift;
          births.push({
            adcode: c.adcode,
            year: y,
            births: 1000 + 40 * Math.abs(2014 - at) + Number(c.adcode.slice(-2)),
          });
        }
      return { births, ages: [], source: { file: 't.csv', importedAt: 0 } };
    };
    const a = projectDemand(base({ imported: birthsOf(0), baseline: 'none' }));
    const b = projectDemand(base({ imported: birthsOf(1), baseline: 'none' }));
    for (const [i, u] of a.units.entries())
      for (const s of ['preschool', 'primary', 'junior', 'upperSecondary'] as const)
        for (let y = 1; y < a.years.length; y++)
          expect(b.units[i]?.stages[s].demand[y]).toBeCloseTo(u.stages[s].demand[y - 1] ?? NaN, 6);
  });

  it('doubling the births doubles the demand (the migration factor is fitted once, on the published births)', () => {
    const city = cityBirths(d, 'medium', FIRST_BIRTH_YEAR, LAST_BIRTH_YEAR);
    const doubled: ImportedDemography = {
      births: [...countyBirths(d, counties, city)].flatMap(([adcode, s]) =>
        s.values.map((v, i) => ({ adcode, year: s.first + i, births: 2 * v })),
      ),
      ages: [],
      source: { file: 'x', importedAt: 0 },
    };
    const one = projectDemand(base({ baseline: 'none' }));
    const two = projectDemand(base({ baseline: 'none', imported: doubled }));
    for (const [i, u] of one.units.entries())
      for (const s of ['preschool', 'primary', 'junior', 'upperSecondary'] as const)
        u.stages[s].demand.forEach((v, y) => expect(two.units[i]?.stages[s].demand[y]).toBeCloseTo(2 * v, 4));
  });

  it('calibration reproduces the census counts it was fitted to (晋江 on its own; the rest of the city as a group)', () => {
    const city = cityBirths(d, 'medium', FIRST_BIRTH_YEAR, LAST_BIRTH_YEAR);
    const births = countyBirths(d, counties, city);
    const survival = survivalTable(d.mortality, 17);
    const factors = calibrate(births, survival, d.census0to14);
    const jj = factors.get('350582');
    expect(jj?.basis).toBe('census');
    const jjSeries = births.get('350582');
    if (!jjSeries || !jj) throw new Error('no 晋江');
    expect(modelledCensusChildren(jjSeries, survival) * jj.factor).toBeCloseTo(Math.round(2061551 * 0.1833), 3);
    let rest = 0;
    for (const [unit, series] of births)
      if (unit !== '350582') {
        const f = factors.get(unit);
        expect(f?.basis).toBe('censusGroup');
        rest += modelledCensusChildren(series, survival) * (f?.factor ?? NaN);
      }
    expect(rest + Math.round(2061551 * 0.1833)).toBeCloseTo(Math.round(8782285 * 0.2062), 3);
    // the factor stands for children moving in with their parents: more than 1, not absurd
    expect(jj.factor).toBeGreaterThan(1);
    expect(jj.factor).toBeLessThan(1.5);
  });

  it('a county’s own births change that county and the city, and no other county', () => {
    const mine: ImportedDemography = {
      births: [2016, 2017, 2018, 2019, 2020].map((year) => ({ adcode: '350505', year, births: 9999 })),
      ages: [],
      source: { file: 'x', importedAt: 0 },
    };
    const before = projectDemand(base());
    const after = projectDemand(base({ imported: mine }));
    for (const [i, u] of before.units.entries()) {
      const same = JSON.stringify(u.stages) === JSON.stringify(after.units[i]?.stages);
      expect(same, u.id).toBe(u.id !== '350505' && u.id !== 'city');
    }
    expect(after.units.find((u) => u.id === '350505')?.importedBirths).toBe(5);
  });

  it('ages an imported population by single year of age on from its year', () => {
    const ages: ImportedDemography = {
      births: [],
      ages: Array.from({ length: 18 }, (_, age) => ({ adcode: '350526', year: 2022, age, population: 1000 + age })),
      source: { file: 'x', importedAt: 0 },
    };
    const p = projectDemand(base({ imported: ages, baseline: 'none' }));
    const u = p.units.find((x) => x.id === '350526');
    expect(u?.importedAges).toBe(true);
    const s = survivalTable(d.mortality, 17);
    // primary 2022: ages 6–11 as counted
    expect(u?.stages.primary.children[0]).toBeCloseTo(
      [6, 7, 8, 9, 10, 11].reduce((t, a) => t + 1000 + a, 0),
      6,
    );
    // junior 2025: ages 12–14 in 2025 were 9–11 in 2022, aged on by survival
    const want = [12, 13, 14].reduce((t, a) => t + ((1000 + a - 3) * (s[a] ?? 1)) / (s[a - 3] ?? 1), 0);
    expect(u?.stages.junior.children[3]).toBeCloseTo(want, 6);
  });
});
