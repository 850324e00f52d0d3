/**
 * Seats by year per county and projection stage: the existing schools' seats every year (when a layer of
 * them is imported), plus each planned project's seats from its plan year on (the phasing slider's rule:
 * a project counts from the year it is completed by).
 */
import type { ExistingSchool } from '../analysis/demand';
import { seatsByStage } from '../analysis/sites';
import type { ProjectKind } from '../model/kinds';
import type { ProjectFeature } from '../model/project';
import { PROJECTION_STAGES, type ProjectionStage } from './types';

export type SeatSeries = Record<ProjectionStage, number[]>;

const emptySeries = (n: number): SeatSeries =>
  Object.fromEntries(PROJECTION_STAGES.map((s) => [s, new Array<number>(n).fill(0)])) as SeatSeries;

/** A school's seats per projection stage: the four stages, and 普高 / 中职 by kind. */
function stagesOf(kind: ProjectKind, seats: number): [ProjectionStage, number][] {
  const out = Object.entries(seatsByStage(kind, seats)) as [ProjectionStage, number][];
  if (kind === 'high') out.push(['generalHigh', seats]);
  if (kind === 'vocational') out.push(['vocational', seats]);
  return out;
}

export interface SupplyByYear {
  /** Existing and planned seats per county (adcode), per stage, per year of `years`. */
  readonly total: ReadonlyMap<string, SeatSeries>;
  readonly existing: ReadonlyMap<string, SeatSeries>;
}

export function supplyByYear(
  years: readonly number[],
  projects: readonly ProjectFeature[],
  existing: readonly ExistingSchool[],
): SupplyByYear {
  const total = new Map<string, SeatSeries>();
  const existingOnly = new Map<string, SeatSeries>();
  const get = (m: Map<string, SeatSeries>, k: string): SeatSeries => {
    let s = m.get(k);
    if (!s) m.set(k, (s = emptySeries(years.length)));
    return s;
  };
  for (const e of existing)
    for (const [stage, n] of stagesOf(e.kind, e.seats)) {
      const t = get(total, e.countyCode)[stage];
      const x = get(existingOnly, e.countyCode)[stage];
      for (let i = 0; i < years.length; i++) {
        t[i] = (t[i] ?? 0) + n;
        x[i] = (x[i] ?? 0) + n;
      }
    }
  for (const p of projects) {
    const { kind, seats, countyCode, year } = p.properties;
    for (const [stage, n] of stagesOf(kind, seats)) {
      const t = get(total, countyCode)[stage];
      years.forEach((y, i) => {
        if (year <= y) t[i] = (t[i] ?? 0) + n;
      });
    }
  }
  return { total, existing: existingOnly };
}
