/**
 * Migration factors fitted to the 2020 census: children counted ÷ children the births would leave
 * (births × survival) for ages 0–14 on census day. A unit with its own census count gets its own factor;
 * the units without one share the factor fitted to the city's count less those units' counts; with no
 * count at all the factor is 1 and the projection says so.
 */
import { birthsIn, type BirthSeries } from './types';

export const CENSUS_YEAR = 2020;
export const CENSUS_MAX_AGE = 14;

export interface Calibration {
  readonly basis: 'census' | 'censusGroup' | 'none';
  readonly factor: number;
}

/** Children aged 0–14 in the census year that the births and survival alone would give. */
export function modelledCensusChildren(births: BirthSeries, survival: readonly number[]): number {
  let sum = 0;
  for (let a = 0; a <= CENSUS_MAX_AGE; a++) sum += birthsIn(births, CENSUS_YEAR - a) * (survival[a] ?? 1);
  return sum;
}

/** The factor of every unit: its own count where there is one, the group's elsewhere, else 1. */
export function calibrate(
  births: ReadonlyMap<string, BirthSeries>,
  survival: readonly number[],
  census: readonly { readonly unit: string; readonly count: number }[],
): Map<string, Calibration> {
  const counts = new Map(census.map((c) => [c.unit, c.count]));
  const out = new Map<string, Calibration>();
  let groupModelled = 0;
  let groupCount = counts.get('city') ?? null;
  for (const [unit, series] of births) {
    const own = counts.get(unit);
    const modelled = modelledCensusChildren(series, survival);
    if (own !== undefined && modelled > 0) {
      out.set(unit, { basis: 'census', factor: own / modelled });
      if (groupCount !== null) groupCount -= own;
    } else groupModelled += modelled;
  }
  const group: Calibration =
    groupCount !== null && groupModelled > 0 && groupCount > 0
      ? { basis: 'censusGroup', factor: groupCount / groupModelled }
      : { basis: 'none', factor: 1 };
  for (const unit of births.keys()) if (!out.has(unit)) out.set(unit, group);
  return out;
}
