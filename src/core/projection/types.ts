/**
 * The school-age demand projection's vocabulary: years, variants of future births, stages by age, and
 * where each year's births come from (so every figure can say what it rests on).
 */
import type { Stage } from '../analysis/params';

/** The years the projection reports (the plan period and beyond, as the phasing slider). */
export const PROJECTION_YEARS = { first: 2022, last: 2035 } as const;
export const projectionYears = (): number[] =>
  Array.from({ length: PROJECTION_YEARS.last - PROJECTION_YEARS.first + 1 }, (_, i) => PROJECTION_YEARS.first + i);

/** Future births after the last year with data: falling, holding, recovering (assumptions in seeds/demography.json). */
export const VARIANTS = ['low', 'medium', 'high'] as const;
export type Variant = (typeof VARIANTS)[number];

/** The four stages by age, and senior high split into 普高 and 中职 by a share. */
export const PROJECTION_STAGES = [
  'preschool',
  'primary',
  'junior',
  'upperSecondary',
  'generalHigh',
  'vocational',
] as const;
export type ProjectionStage = (typeof PROJECTION_STAGES)[number];

/** Single years of age of each stage, inclusive. */
export const STAGE_AGES: Readonly<Record<Stage, readonly [number, number]>> = {
  preschool: [3, 5],
  primary: [6, 11],
  junior: [12, 14],
  upperSecondary: [15, 17],
};
export const MAX_AGE = 17;
export const MIN_AGE = 3;

/** Where one year's births of a unit come from. */
export type BirthsOrigin =
  /** the city's published crude birth rate (official or reproduced) */
  | 'published'
  /** between two published years: the national rate scaled by the interpolated ratio of the two */
  | 'interpolated'
  /** outside the published years: the national rate scaled by the nearest published ratio */
  | 'scaledNational'
  /** after the last national figure: the chosen variant's assumption */
  | 'projected'
  /** the planner's own births table */
  | 'imported';

/** Births by year for one unit (a county, or the city), from `first` on. */
export interface BirthSeries {
  readonly first: number;
  readonly values: readonly number[];
  readonly origin: readonly BirthsOrigin[];
}

export const birthsIn = (s: BirthSeries, year: number): number => {
  const v = s.values[year - s.first];
  if (v === undefined)
    throw new RangeError(`no births for ${year} (series ${s.first}–${s.first + s.values.length - 1})`);
  return v;
};
