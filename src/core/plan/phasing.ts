import { PROJECT_KINDS, type ProjectKind } from '../model/kinds';
import type { ProjectFeature } from '../model/project';
import { PHASE_YEARS } from '../model/slides';

/** Projects completed by the end of `year` (plan year ≤ year); null shows every project. */
export function projectsByYear(projects: readonly ProjectFeature[], year: number | null): readonly ProjectFeature[] {
  if (year === null) return projects;
  return projects.filter((p) => p.properties.year <= year);
}

export interface SeatsByYear {
  readonly years: readonly number[];
  /** Seats added by the end of each year, per kind (projects before the first year count in it). */
  readonly byKind: Readonly<Record<ProjectKind, readonly number[]>>;
  readonly total: readonly number[];
}

/** Cumulative new seats by completion year, from `from` to `to` inclusive. */
export function cumulativeSeats(
  projects: readonly ProjectFeature[],
  from: number = PHASE_YEARS.min,
  to: number = PHASE_YEARS.max,
): SeatsByYear {
  const years = Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
  const added = Object.fromEntries(PROJECT_KINDS.map((k) => [k, years.map(() => 0)])) as Record<ProjectKind, number[]>;
  for (const p of projects) {
    const { year, kind, seats } = p.properties;
    if (year > to) continue;
    const i = Math.max(0, year - from);
    const row = added[kind];
    row[i] = (row[i] ?? 0) + seats;
  }
  const byKind = Object.fromEntries(
    PROJECT_KINDS.map((k) => {
      let sum = 0;
      return [k, added[k].map((v) => (sum += v))];
    }),
  ) as Record<ProjectKind, number[]>;
  const total = years.map((_, i) => PROJECT_KINDS.reduce((s, k) => s + (byKind[k][i] ?? 0), 0));
  return { years, byKind, total };
}
