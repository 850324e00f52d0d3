/** The years a planner asks about, for one unit and stage: first shortfall, peak demand, empty seats. */
export interface Milestones {
  /** The first year demand exceeds seats (null: never in the period). */
  readonly firstShort: number | null;
  /** The year demand is highest (the first of equal years). */
  readonly peak: number | null;
  /** The first year seats exceed demand by more than the margin (null: never). */
  readonly surplusFrom: number | null;
}

export function milestones(
  years: readonly number[],
  demand: readonly number[],
  seats: readonly number[],
  marginPct: number,
): Milestones {
  let firstShort: number | null = null;
  let peak: number | null = null;
  let peakValue = -Infinity;
  let surplusFrom: number | null = null;
  years.forEach((y, i) => {
    const d = demand[i] ?? 0;
    const s = seats[i] ?? 0;
    if (firstShort === null && Math.round(d) > Math.round(s)) firstShort = y;
    if (d > peakValue) {
      peakValue = d;
      peak = y;
    }
    if (surplusFrom === null && d > 0 && s > d * (1 + marginPct / 100)) surplusFrom = y;
  });
  return { firstShort, peak: peakValue > 0 ? peak : null, surplusFrom };
}
