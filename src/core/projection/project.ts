/**
 * The whole projection: children by single year of age from births, survival and a migration factor
 * (fitted to the 2020 census), demand = children × enrolment per stage, against seats by year, for each
 * county and the city, 2022–2035. Pure and fast (well under a millisecond): it follows edits live.
 */
import type { ExistingSchool } from '../analysis/demand';
import type { Stage } from '../analysis/params';
import type { CountyProperties } from '../geodata/reference';
import type { ProjectFeature } from '../model/project';
import { cityBirths, countyBirths, type CityBirths } from './births';
import { calibrate, type Calibration } from './calibrate';
import type { Demography } from './demography';
import { milestones, type Milestones } from './milestones';
import { supplyByYear } from './supply';
import { survivalTable } from './survival';
import {
  MAX_AGE,
  MIN_AGE,
  PROJECTION_STAGES,
  PROJECTION_YEARS,
  STAGE_AGES,
  birthsIn,
  projectionYears,
  type BirthSeries,
  type ProjectionStage,
  type Variant,
} from './types';

/** The planner's own data: births by county and year, and/or population by single year of age. */
export interface ImportedDemography {
  readonly births: readonly { readonly adcode: string; readonly year: number; readonly births: number }[];
  readonly ages: readonly {
    readonly adcode: string;
    readonly year: number;
    readonly age: number;
    readonly population: number;
  }[];
  readonly source: { readonly file: string; readonly importedAt: number };
}

export interface ProjectionInput {
  readonly demography: Demography;
  readonly counties: readonly CountyProperties[];
  readonly projects: readonly ProjectFeature[];
  readonly existing: readonly ExistingSchool[];
  /** Percent per stage (the analysis settings' enrolment concepts). */
  readonly enrolment: Readonly<Record<Stage, number>>;
  readonly variant: Variant;
  /** 中职's share of senior-high demand, percent. */
  readonly vocationalPct: number;
  /** Seats above demand by more than this (percent) count as empty seats. */
  readonly marginPct: number;
  readonly imported: ImportedDemography | null;
  /** What stands for today's schools: the imported layer, the first year's demand taken as met, or nothing. */
  readonly baseline: Baseline;
}

/**
 * Today's seats: 'imported' — the existing-schools layer; 'baseYearMet' — an assumption, each county's
 * 2022 demand of each stage is met by the schools it has (the question is then only what changes);
 * 'none' — planned seats alone.
 */
export const BASELINES = ['imported', 'baseYearMet', 'none'] as const;
export type Baseline = (typeof BASELINES)[number];

export interface StageSeries {
  readonly children: readonly number[];
  readonly demand: readonly number[];
  readonly seats: readonly number[];
  /** Of the seats, today's (imported existing schools, or the base year's demand when so assumed). */
  readonly existing: readonly number[];
}

export interface ProjectionUnit {
  /** County adcode, or 'city'. */
  readonly id: string;
  /** The migration factor and what it was fitted to (the city: null, it is the sum of its counties). */
  readonly calibration: Calibration | null;
  /** Years of births, and whether ages, come from the planner's own table. */
  readonly importedBirths: number;
  readonly importedAges: boolean;
  readonly stages: Readonly<Record<ProjectionStage, StageSeries>>;
  readonly milestones: Readonly<Record<ProjectionStage, Milestones>>;
}

export interface Projection {
  readonly years: readonly number[];
  readonly variant: Variant;
  readonly vocationalPct: number;
  readonly marginPct: number;
  /** Counties (in the input's order, those with births), then the city. */
  readonly units: readonly ProjectionUnit[];
  /** The city's default births, rate and population by year from the first birth year needed. */
  readonly cityBirths: CityBirths;
  readonly baseline: Baseline;
}

/** Births needed: from the oldest child of the first year, to the youngest of the last. */
export const FIRST_BIRTH_YEAR = PROJECTION_YEARS.first - MAX_AGE - 1;
export const LAST_BIRTH_YEAR = PROJECTION_YEARS.last - MIN_AGE;

function withImportedBirths(series: BirthSeries, rows: readonly { year: number; births: number }[]): BirthSeries {
  if (rows.length === 0) return series;
  const values = [...series.values];
  const origin = [...series.origin];
  for (const r of rows) {
    const i = r.year - series.first;
    if (i < 0 || i >= values.length) continue;
    values[i] = r.births;
    origin[i] = 'imported';
  }
  return { first: series.first, values, origin };
}

const zeros = (n: number): number[] => new Array<number>(n).fill(0);

export function projectDemand(input: ProjectionInput): Projection {
  const years = projectionYears();
  const n = years.length;
  const d = input.demography;
  const city = cityBirths(d, input.variant, FIRST_BIRTH_YEAR, LAST_BIRTH_YEAR);
  const defaults = countyBirths(d, input.counties, city);
  const survival = survivalTable(d.mortality, MAX_AGE);
  // factors are fitted on the published births: a planner's births table replaces births, not the fit
  const factors = calibrate(defaults, survival, d.census0to14);
  const supply = supplyByYear(years, input.projects, input.baseline === 'imported' ? input.existing : []);
  const voc = input.vocationalPct / 100;

  const units: ProjectionUnit[] = [];
  const cityStages = Object.fromEntries(
    PROJECTION_STAGES.map((s) => [s, { children: zeros(n), demand: zeros(n), seats: zeros(n), existing: zeros(n) }]),
  ) as Record<ProjectionStage, { children: number[]; demand: number[]; seats: number[]; existing: number[] }>;

  for (const [adcode, base] of defaults) {
    const importedRows = input.imported?.births.filter((r) => r.adcode === adcode) ?? [];
    const births = withImportedBirths(base, importedRows);
    const calibration = factors.get(adcode) ?? { basis: 'none' as const, factor: 1 };
    const ageRows = input.imported?.ages.filter((r) => r.adcode === adcode) ?? [];
    const ageYear = ageRows.length > 0 ? Math.max(...ageRows.map((r) => r.year)) : null;
    const byAge = new Map(ageRows.filter((r) => r.year === ageYear).map((r) => [r.age, r.population]));
    /** Children of an age in a year: counted (an imported age table, aged on) or from births. */
    const children = (year: number, age: number): number => {
      if (ageYear !== null && year >= ageYear) {
        const then = age - (year - ageYear);
        const counted = byAge.get(then);
        if (counted !== undefined) return (counted * (survival[age] ?? 1)) / (survival[then] ?? 1);
      }
      return birthsIn(births, year - age) * (survival[age] ?? 1) * calibration.factor;
    };
    const raw = {} as Record<ProjectionStage, StageSeries>;
    const seats = supply.total.get(adcode);
    const existing = supply.existing.get(adcode);
    for (const s of ['preschool', 'primary', 'junior', 'upperSecondary'] as const) {
      const [from, to] = STAGE_AGES[s];
      const kids = years.map((y) => {
        let sum = 0;
        for (let a = from; a <= to; a++) sum += children(y, a);
        return sum;
      });
      const rate = input.enrolment[s] / 100;
      raw[s] = {
        children: kids,
        demand: kids.map((k) => k * rate),
        seats: seats?.[s] ?? zeros(n),
        existing: existing?.[s] ?? zeros(n),
      };
    }
    const upper = raw.upperSecondary;
    for (const [s, share] of [
      ['generalHigh', 1 - voc],
      ['vocational', voc],
    ] as const)
      raw[s] = {
        children: upper.children.map((k) => k * share),
        demand: upper.demand.map((k) => k * share),
        seats: seats?.[s] ?? zeros(n),
        existing: existing?.[s] ?? zeros(n),
      };
    const stages = input.baseline === 'baseYearMet' ? withBaseYearMet(raw) : raw;
    for (const s of PROJECTION_STAGES) {
      const into = cityStages[s];
      const from = stages[s];
      for (let i = 0; i < n; i++) {
        into.children[i] = (into.children[i] ?? 0) + (from.children[i] ?? 0);
        into.demand[i] = (into.demand[i] ?? 0) + (from.demand[i] ?? 0);
        into.seats[i] = (into.seats[i] ?? 0) + (from.seats[i] ?? 0);
        into.existing[i] = (into.existing[i] ?? 0) + (from.existing[i] ?? 0);
      }
    }
    units.push({
      id: adcode,
      calibration,
      importedBirths: importedRows.length,
      importedAges: ageYear !== null,
      stages,
      milestones: stageMilestones(years, stages, input.marginPct),
    });
  }
  units.push({
    id: 'city',
    calibration: null,
    importedBirths: units.reduce((s, u) => s + u.importedBirths, 0),
    importedAges: units.some((u) => u.importedAges),
    stages: cityStages,
    milestones: stageMilestones(years, cityStages, input.marginPct),
  });
  return {
    years,
    variant: input.variant,
    vocationalPct: input.vocationalPct,
    marginPct: input.marginPct,
    units,
    cityBirths: city,
    baseline: input.baseline,
  };
}

/** Today's seats taken as the first year's demand, held: seats = that + planned. */
function withBaseYearMet(stages: Record<ProjectionStage, StageSeries>): Record<ProjectionStage, StageSeries> {
  const out = {} as Record<ProjectionStage, StageSeries>;
  for (const s of PROJECTION_STAGES) {
    const x = stages[s];
    const base = x.demand[0] ?? 0;
    out[s] = { ...x, existing: x.seats.map(() => base), seats: x.seats.map((v) => v + base) };
  }
  return out;
}

function stageMilestones(
  years: readonly number[],
  stages: Readonly<Record<ProjectionStage, StageSeries>>,
  marginPct: number,
): Record<ProjectionStage, Milestones> {
  const out = {} as Record<ProjectionStage, Milestones>;
  for (const s of PROJECTION_STAGES) out[s] = milestones(years, stages[s].demand, stages[s].seats, marginPct);
  return out;
}
