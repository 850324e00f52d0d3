/**
 * Where the school-age demand is, for the site solver: weighted points with the residual (not yet
 * served) weight of each, and the two queries the solver asks — how much residual demand lies within the
 * radius of a place, and serve (a share of) it. Distances use the coverage engine's metric (the local
 * WGS84 scale at the school, geodesy.ts), so a suggestion's figures equal what the coverage panel shows
 * once it is adopted. Points are bucketed once (CSR, like the engine) and queried many times.
 */
import { metricScale } from '../geodesy';

export interface DemandPoints {
  readonly lon: Float64Array;
  readonly lat: Float64Array;
  /** Demand (children) at each point. */
  readonly weight: Float64Array;
}

/** A change to residual weights, kept so an evaluation can be undone. */
interface Undo {
  readonly cells: number[];
  readonly before: number[];
}

export interface DemandIndex {
  readonly radius: number;
  /** Residual demand within the radius of a place. */
  reach(lon: number, lat: number): number;
  /** Serves `fraction` of every residual weight within the radius; returns the demand served. */
  serve(lon: number, lat: number, fraction: number): number;
  /** Marks a save point; `rollback` undoes every serve since. */
  mark(): void;
  rollback(): void;
  /** Residual demand in total. */
  residual(): number;
  /** Demand in total (before anything was served). */
  total(): number;
  /** The residual demand of each input point, in the order given. */
  residualByPoint(): Float64Array;
}

export function createDemandIndex(
  points: DemandPoints,
  radius: number,
  bucketMetres = Math.max(100, radius / 2),
): DemandIndex {
  const n = points.weight.length;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = points.lon[i] ?? 0;
    const y = points.lat[i] ?? 0;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  if (n === 0) minX = minY = maxX = maxY = 0;
  const mid = metricScale((minY + maxY) / 2);
  const bw = bucketMetres / mid.kx;
  const bh = bucketMetres / mid.ky;
  const cols = Math.max(1, Math.floor((maxX - minX) / bw) + 1);
  const rows = Math.max(1, Math.floor((maxY - minY) / bh) + 1);
  const start = new Uint32Array(cols * rows + 1);
  const bucket = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const c = Math.min(cols - 1, Math.floor(((points.lon[i] ?? 0) - minX) / bw));
    const r = Math.min(rows - 1, Math.floor(((points.lat[i] ?? 0) - minY) / bh));
    const b = r * cols + c;
    bucket[i] = b;
    start[b + 1] = (start[b + 1] ?? 0) + 1;
  }
  for (let b = 0; b < cols * rows; b++) start[b + 1] = (start[b + 1] ?? 0) + (start[b] ?? 0);
  const X = new Float64Array(n);
  const Y = new Float64Array(n);
  const W = new Float64Array(n);
  /** Where each input point went in the bucket order. */
  const slot = new Uint32Array(n);
  let total = 0;
  {
    const fill = start.slice(0, cols * rows);
    for (let i = 0; i < n; i++) {
      const b = bucket[i] ?? 0;
      const j = fill[b] ?? 0;
      fill[b] = j + 1;
      slot[i] = j;
      X[j] = points.lon[i] ?? 0;
      Y[j] = points.lat[i] ?? 0;
      W[j] = points.weight[i] ?? 0;
      total += W[j] ?? 0;
    }
  }
  let residual = total;
  const r2 = radius * radius;
  let undo: Undo | null = null;

  /** Calls fn for every point within the radius of (lon, lat), with its index. */
  function within(lon: number, lat: number, fn: (i: number) => void): void {
    const { kx, ky } = metricScale(lat);
    const c0 = Math.max(0, Math.floor((lon - radius / kx - minX) / bw));
    const c1 = Math.min(cols - 1, Math.floor((lon + radius / kx - minX) / bw));
    const rr0 = Math.max(0, Math.floor((lat - radius / ky - minY) / bh));
    const rr1 = Math.min(rows - 1, Math.floor((lat + radius / ky - minY) / bh));
    for (let row = rr0; row <= rr1; row++) {
      const s = start[row * cols + c0] ?? 0;
      const e = start[row * cols + c1 + 1] ?? 0;
      for (let i = s; i < e; i++) {
        const dx = ((X[i] ?? 0) - lon) * kx;
        const dy = ((Y[i] ?? 0) - lat) * ky;
        if (dx * dx + dy * dy <= r2) fn(i);
      }
    }
  }

  return {
    radius,
    reach(lon, lat) {
      let sum = 0;
      within(lon, lat, (i) => {
        sum += W[i] ?? 0;
      });
      return sum;
    },
    serve(lon, lat, fraction) {
      let served = 0;
      const f = Math.max(0, Math.min(1, fraction));
      within(lon, lat, (i) => {
        const w = W[i] ?? 0;
        if (w <= 0) return;
        if (undo) {
          undo.cells.push(i);
          undo.before.push(w);
        }
        const take = f >= 1 ? w : w * f;
        W[i] = w - take;
        served += take;
      });
      residual -= served;
      return served;
    },
    mark() {
      undo = { cells: [], before: [] };
    },
    rollback() {
      if (!undo) return;
      for (let k = undo.cells.length - 1; k >= 0; k--) {
        const i = undo.cells[k] ?? 0;
        const w = undo.before[k] ?? 0;
        residual += w - (W[i] ?? 0);
        W[i] = w;
      }
      undo = null;
    },
    residual: () => residual,
    total: () => total,
    residualByPoint: () => {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = W[slot[i] ?? 0] ?? 0;
      return out;
    },
  };
}
