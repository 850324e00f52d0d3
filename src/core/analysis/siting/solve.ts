/**
 * Where to build: the maximal covering location problem on a demand index. Greedy with lazy gain
 * evaluation (gains only fall as demand is served, so a stale gain is an upper bound: a candidate is
 * re-evaluated only when it reaches the top), then site exchange (vertex substitution) until no swap
 * helps. The seats-aware variant caps what a site serves at its seats: it serves that share of every
 * child within reach, and its value is the smaller of its seats and the unserved demand it reaches.
 */
import { metricScale } from '../geodesy';
import type { DemandIndex } from './demandIndex';

export interface Candidate {
  readonly id: string;
  readonly lon: number;
  readonly lat: number;
}

/** Candidates without an object each (a city has hundreds of thousands of inhabited cells). */
export interface CandidateList {
  readonly length: number;
  lon(i: number): number;
  lat(i: number): number;
  id(i: number): string;
}

export const candidateList = (list: readonly Candidate[]): CandidateList => ({
  length: list.length,
  lon: (i) => list[i]?.lon ?? NaN,
  lat: (i) => list[i]?.lat ?? NaN,
  id: (i) => list[i]?.id ?? '',
});

const place = (c: CandidateList, i: number): { lon: number; lat: number } => ({ lon: c.lon(i), lat: c.lat(i) });

export interface SitingOptions {
  readonly k: number;
  /** Seats per suggested school (the seats-aware variant); Infinity or absent: plain coverage. */
  readonly seats?: number;
  /** Metres that must separate two suggestions (0: none). */
  readonly minSpacing?: number;
  /** An upper bound of each candidate's reach before anything is chosen, when the caller has a faster way
   * (evaluated exactly before a candidate is taken). */
  readonly initialReach?: (c: number) => number;
  /** Exchange passes after the greedy (0: greedy only). */
  readonly swapPasses?: number;
  /** Candidates tried as replacements in each exchange: the best by initial reach, and those near each pick. */
  readonly swapPool?: number;
  /** Progress (0–1) and a way to stop: return false to cancel. */
  readonly onProgress?: (fraction: number) => boolean;
}

export interface Suggestion {
  /** Index into the candidates. */
  readonly candidate: number;
  readonly rank: number;
  /** Demand this site newly serves, given the sites ranked before it. */
  readonly gain: number;
  /** Demand served by the sites up to this one (existing service excluded). */
  readonly cumulative: number;
}

export interface SitingResult {
  readonly suggestions: readonly Suggestion[];
  /** Demand served by all suggestions. */
  readonly served: number;
  /** The greedy's objective before exchange, and how many swaps improved it. */
  readonly greedy: number;
  readonly swaps: number;
  readonly evaluations: number;
  readonly cancelled: boolean;
}

/**
 * A binary max-heap of (key, value) in typed arrays; equal values come out lowest key first (deterministic
 * ties). Filled in one go and heapified (linear time): a city has hundreds of thousands of candidates.
 */
class MaxHeap {
  private keys: Int32Array;
  private vals: Float64Array;
  private n = 0;
  constructor(capacity: number) {
    this.keys = new Int32Array(Math.max(1, capacity));
    this.vals = new Float64Array(Math.max(1, capacity));
  }
  get size(): number {
    return this.n;
  }
  private above(a: number, b: number): boolean {
    const va = this.vals[a] ?? 0;
    const vb = this.vals[b] ?? 0;
    return va > vb || (va === vb && (this.keys[a] ?? 0) < (this.keys[b] ?? 0));
  }
  private swap(a: number, b: number): void {
    const k = this.keys[a] ?? 0;
    const v = this.vals[a] ?? 0;
    this.keys[a] = this.keys[b] ?? 0;
    this.vals[a] = this.vals[b] ?? 0;
    this.keys[b] = k;
    this.vals[b] = v;
  }
  private down(i: number): void {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.n && this.above(l, m)) m = l;
      if (r < this.n && this.above(r, m)) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }
  /** Adds without ordering; call heapify() once all are in. */
  add(key: number, val: number): void {
    this.keys[this.n] = key;
    this.vals[this.n] = val;
    this.n++;
  }
  heapify(): void {
    for (let i = (this.n >> 1) - 1; i >= 0; i--) this.down(i);
  }
  push(key: number, val: number): void {
    this.add(key, val);
    let i = this.n - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.above(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }
  pop(): [number, number] | null {
    if (this.n === 0) return null;
    const top: [number, number] = [this.keys[0] ?? 0, this.vals[0] ?? 0];
    this.n--;
    if (this.n > 0) {
      this.keys[0] = this.keys[this.n] ?? 0;
      this.vals[0] = this.vals[this.n] ?? 0;
      this.down(0);
    }
    return top;
  }
}

/** Metres between two places (the local metric, as the engine). */
export function metres(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const { kx, ky } = metricScale((a.lat + b.lat) / 2);
  return Math.hypot((a.lon - b.lon) * kx, (a.lat - b.lat) * ky);
}

export function solveSiting(index: DemandIndex, candidates: CandidateList, o: SitingOptions): SitingResult {
  const seats = o.seats !== undefined && Number.isFinite(o.seats) && o.seats > 0 ? o.seats : Infinity;
  const spacing = o.minSpacing ?? 0;
  const value = (reach: number): number => Math.min(seats, reach);
  const fractionFor = (reach: number): number => (reach <= seats ? 1 : seats / reach);
  let evaluations = 0;
  const reachOf = (c: number): number => {
    evaluations++;
    return index.reach(candidates.lon(c), candidates.lat(c));
  };
  const tooClose = (c: number, chosen: readonly number[]): boolean => {
    if (spacing <= 0) return false;
    const here = place(candidates, c);
    return chosen.some((j) => metres(here, place(candidates, j)) < spacing);
  };
  /** Serves the reach of candidate c (its seats' share of it); returns the demand served. */
  const serveAt = (c: number): number => {
    const x = candidates.lon(c);
    const y = candidates.lat(c);
    return index.serve(x, y, fractionFor(index.reach(x, y)));
  };

  // initial reach of every candidate (nothing is served yet): exact, or an upper bound from the caller
  const exactStart = o.initialReach === undefined;
  const initial = new Float64Array(candidates.length);
  const heap = new MaxHeap(candidates.length);
  for (let c = 0; c < candidates.length; c++) {
    const r = o.initialReach ? o.initialReach(c) : reachOf(c);
    initial[c] = r;
    if (r > 0) heap.add(c, exactStart ? value(r) : value(r) * (1 + 1e-9) + 1e-9);
    if (o.onProgress && (c & 0x3fff) === 0 && !o.onProgress((0.4 * c) / Math.max(1, candidates.length)))
      return { suggestions: [], served: 0, greedy: 0, swaps: 0, evaluations, cancelled: true };
  }

  heap.heapify();

  // greedy, lazily: re-evaluate the top; if it still beats the next bound, take it
  const chosen: number[] = [];
  const k = Math.max(0, Math.floor(o.k));
  let served = 0;
  // the greedy serves for real; rolled back after, so the exchange measures sets from the same start
  index.mark();
  // when each candidate's heap value was last computed exactly (the number of picks then; -1: a bound)
  const evaluatedAt = new Int32Array(candidates.length).fill(exactStart ? 0 : -1);
  /** No pick since `since` lies within twice the radius of c: its exact value then is its value now. */
  const unaffected = (c: number, since: number): boolean => {
    const here = place(candidates, c);
    for (let j = since; j < chosen.length; j++)
      if (metres(here, place(candidates, chosen[j] ?? 0)) <= 2 * index.radius + 1) return false;
    return true;
  };
  while (chosen.length < k && heap.size > 0) {
    const top = heap.pop();
    if (!top) break;
    const [c, stored] = top;
    if (tooClose(c, chosen)) continue;
    const since = evaluatedAt[c] ?? -1;
    let now: number;
    if (since >= 0 && unaffected(c, since)) now = stored;
    else {
      now = value(reachOf(c));
      evaluatedAt[c] = chosen.length;
    }
    if (now <= 0) continue;
    const next = heap.size > 0 ? (heap.pop() ?? null) : null;
    if (next) heap.push(next[0], next[1]);
    if (!next || now > next[1] || (now === next[1] && c < next[0])) {
      served += serveAt(c);
      chosen.push(c);
      if (o.onProgress && !o.onProgress(0.4 + (0.4 * chosen.length) / Math.max(1, k))) {
        index.rollback();
        return { suggestions: [], served: 0, greedy: 0, swaps: 0, evaluations, cancelled: true };
      }
    } else heap.push(c, now);
  }
  const greedy = served;
  index.rollback();

  // exchange: replace a chosen site by a candidate if the whole set then serves more
  let swaps = 0;
  const passes = o.swapPasses ?? 4;
  const pool = o.swapPool ?? 24;
  let current = chosen.slice();
  if (passes > 0 && current.length > 0) {
    const byInitial = topByValue(initial, pool);
    const grid = candidateGrid(candidates, index.radius / 2);
    for (let pass = 0; pass < passes; pass++) {
      let improved = false;
      for (let i = 0; i < current.length; i++) {
        const out = current[i] ?? -1;
        if (out < 0) continue;
        const rest = current.filter((_, j) => j !== i);
        // replacements: the best overall, and candidates around the site taken out (evenly sampled)
        const around = grid.near(candidates.lon(out), candidates.lat(out), index.radius / 2);
        const step = Math.max(1, Math.floor(around.length / pool));
        const tries = [...new Set([...byInitial, ...around.filter((_, j) => j % step === 0)])];
        // the others serve first; then each try adds what it reaches beyond them
        index.mark();
        let base = 0;
        for (const c of rest) base += serveAt(c);
        const currentValue = base + value(index.reach(candidates.lon(out), candidates.lat(out)));
        let bestTry = -1;
        let bestValue = currentValue;
        for (const c of tries) {
          if (c === out || rest.includes(c) || tooClose(c, rest)) continue;
          evaluations++;
          const v = base + value(index.reach(candidates.lon(c), candidates.lat(c)));
          if (v > bestValue + 1e-6) {
            bestValue = v;
            bestTry = c;
          }
        }
        index.rollback();
        if (bestTry >= 0) {
          current = [...current.slice(0, i), bestTry, ...current.slice(i + 1)];
          swaps++;
          improved = true;
        }
      }
      if (o.onProgress && !o.onProgress(0.8 + (0.2 * (pass + 1)) / passes)) break;
      if (!improved) break;
    }
  }

  // ranks and gains in the final set's order of contribution (each the best of those left)
  const order: Suggestion[] = [];
  index.mark();
  const left = current.slice();
  let cumulative = 0;
  while (left.length > 0) {
    let bestAt = 0;
    let bestGain = -1;
    left.forEach((c, j) => {
      const g = value(index.reach(candidates.lon(c), candidates.lat(c)));
      if (g > bestGain) {
        bestGain = g;
        bestAt = j;
      }
    });
    const c = left.splice(bestAt, 1)[0] ?? 0;
    const gain = serveAt(c);
    cumulative += gain;
    order.push({ candidate: c, rank: order.length + 1, gain, cumulative });
  }
  index.rollback();
  return { suggestions: order, served: cumulative, greedy, swaps, evaluations, cancelled: false };
}

/** The indices of the n largest positive values, largest first (one pass, no sort of the whole list). */
function topByValue(values: Float64Array, n: number): number[] {
  if (n <= 0) return [];
  // the n best so far, kept sorted ascending (n is small)
  const best: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? 0;
    if (v <= 0) continue;
    if (best.length === n && v <= (values[best[0] ?? 0] ?? 0)) continue;
    let at = 0;
    while (at < best.length && (values[best[at] ?? 0] ?? 0) < v) at++;
    best.splice(at, 0, i);
    if (best.length > n) best.shift();
  }
  return best.reverse();
}

/** Candidate indices bucketed once (CSR, typed), to find those around a place (the exchange's local replacements). */
function candidateGrid(
  c: CandidateList,
  cellMetres: number,
): { near(lon: number, lat: number, radius: number): number[] } {
  const n = c.length;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = c.lon(i);
    const y = c.lat(i);
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  if (n === 0) minX = minY = maxX = maxY = 0;
  const { kx, ky } = metricScale((minY + maxY) / 2);
  const bw = Math.max(1, cellMetres) / kx;
  const bh = Math.max(1, cellMetres) / ky;
  const cols = Math.max(1, Math.floor((maxX - minX) / bw) + 1);
  const rows = Math.max(1, Math.floor((maxY - minY) / bh) + 1);
  const start = new Uint32Array(cols * rows + 1);
  const bucket = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const b =
      Math.min(rows - 1, Math.floor((c.lat(i) - minY) / bh)) * cols +
      Math.min(cols - 1, Math.floor((c.lon(i) - minX) / bw));
    bucket[i] = b;
    start[b + 1] = (start[b + 1] ?? 0) + 1;
  }
  for (let b = 0; b < cols * rows; b++) start[b + 1] = (start[b + 1] ?? 0) + (start[b] ?? 0);
  const order = new Uint32Array(n);
  const fill = start.slice(0, cols * rows);
  for (let i = 0; i < n; i++) {
    const b = bucket[i] ?? 0;
    order[fill[b] ?? 0] = i;
    fill[b] = (fill[b] ?? 0) + 1;
  }
  return {
    near(lon, lat, radius) {
      const out: number[] = [];
      const c0 = Math.max(0, Math.floor((lon - radius / kx - minX) / bw));
      const c1 = Math.min(cols - 1, Math.floor((lon + radius / kx - minX) / bw));
      const r0 = Math.max(0, Math.floor((lat - radius / ky - minY) / bh));
      const r1 = Math.min(rows - 1, Math.floor((lat + radius / ky - minY) / bh));
      for (let row = r0; row <= r1; row++)
        for (let j = start[row * cols + c0] ?? 0; j < (start[row * cols + c1 + 1] ?? 0); j++) {
          const i = order[j] ?? 0;
          if (metres({ lon, lat }, { lon: c.lon(i), lat: c.lat(i) }) <= radius) out.push(i);
        }
      return out;
    },
  };
}
