/**
 * The share of a year's births still alive at a given age (completed years), from infant and under-5
 * mortality and a small yearly mortality after five: half the infant deaths fall before a birth cohort's
 * first count (age 0), the rest of under-5 mortality spreads evenly over ages 1–5.
 */
export interface Mortality {
  /** ‰ dying before age 1. */
  readonly infant: number;
  /** ‰ dying before age 5. */
  readonly under5: number;
  /** ‰ a year after age 5. */
  readonly childPerYear: number;
}

export function survival(m: Mortality, age: number): number {
  if (age <= 0) return 1 - m.infant / 2000;
  const young = Math.min(age, 5);
  const byFive = 1 - m.infant / 1000 - ((m.under5 - m.infant) / 1000) * ((young - 1) / 4);
  return age <= 5 ? byFive : byFive * (1 - m.childPerYear / 1000) ** (age - 5);
}

/** survival(age) for ages 0…max, computed once. */
export const survivalTable = (m: Mortality, max: number): number[] =>
  Array.from({ length: max + 1 }, (_, a) => survival(m, a));
