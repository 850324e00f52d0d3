/**
 * The exact optimum of a small siting instance by trying every set of k candidates: the yardstick the
 * solver is measured against in its tests and in `npm run bench` (≤ 40 candidates, k ≤ 4).
 */
import type { DemandIndex } from './demandIndex';
import type { CandidateList } from './solve';

export function exhaustiveOptimum(
  index: DemandIndex,
  candidates: CandidateList,
  k: number,
  seats = Infinity,
): { served: number; set: number[] } {
  const n = candidates.length;
  const take = Math.min(k, n);
  let best = -1;
  let bestSet: number[] = [];
  const set: number[] = [];
  const fraction = (reach: number): number => (reach <= seats ? 1 : seats / reach);
  const value = (): number => {
    index.mark();
    let sum = 0;
    for (const c of set) {
      const x = candidates.lon(c);
      const y = candidates.lat(c);
      sum += index.serve(x, y, fraction(index.reach(x, y)));
    }
    index.rollback();
    return sum;
  };
  const walk = (from: number): void => {
    if (set.length === take) {
      const v = value();
      if (v > best) {
        best = v;
        bestSet = set.slice();
      }
      return;
    }
    for (let c = from; c <= n - (take - set.length); c++) {
      set.push(c);
      walk(c + 1);
      set.pop();
    }
  };
  walk(0);
  return { served: Math.max(0, best), set: bestSet };
}
