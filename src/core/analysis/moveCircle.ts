/**
 * Moving one catchment circle on the bucketed cell grid of the coverage engine, touching only the cells
 * that can change: those near the edge of either circle. Cells well inside both circles (most of a
 * 3 km circle moved by a drag step) are skipped bucket by bucket, without testing their distance.
 */
import { metricScale } from './geodesy';

/** The engine's cell grid and per-cell state, shared (not copied) with the engine. */
export interface CellGrid {
  /** Cell positions, offsets from the surface origin in degrees, sorted by bucket (row-major). */
  readonly X: Float32Array;
  readonly Y: Float32Array;
  readonly P: Float32Array;
  /** County per cell, already mapped to the index of `coveredPop` for a level (see countyOf). */
  readonly county: (i: number) => number;
  /** First cell of each bucket (length buckets + 1). */
  readonly bStart: Uint32Array;
  readonly bCols: number;
  readonly bRows: number;
  readonly minX: number;
  readonly minY: number;
  /** Bucket size in degrees. */
  readonly bw: number;
  readonly bh: number;
  readonly originLon: number;
  readonly originLat: number;
  /** Per level × cell: how many circles of the level cover the cell. */
  readonly counts: Uint16Array;
  /** Per level × county: population covered. */
  readonly coveredPop: Float64Array;
  readonly cellCount: number;
  readonly countySlots: number;
}

export interface Circle {
  readonly lon: number;
  readonly lat: number;
  /** Metres. */
  readonly radius: number;
}

export interface MoveResult {
  /** Population inside the new circle minus that inside the old one. */
  readonly popDelta: number;
  readonly visited: number;
}

/** A touch of slack so float rounding never makes a skipped cell one whose test would differ. */
const EPS = 1e-9;

interface Bounds {
  /** Centre in grid offsets (degrees). */
  readonly sx: number;
  readonly sy: number;
  readonly kx: number;
  readonly ky: number;
  readonly r2: number;
  readonly r: number;
}

const boundsOf = (c: Circle, g: CellGrid): Bounds => {
  const { kx, ky } = metricScale(c.lat);
  return { sx: c.lon - g.originLon, sy: c.lat - g.originLat, kx, ky, r: c.radius, r2: c.radius * c.radius };
};

/**
 * The x-range (degrees) of a circle within the band of y in [y0, y1]: `outer` holds every cell of the
 * band inside the circle; `inner` holds only cells inside it (null when none is sure to be).
 */
function chord(b: Bounds, y0: number, y1: number): { outer: [number, number] | null; inner: [number, number] | null } {
  const near = b.sy < y0 ? (y0 - b.sy) * b.ky : b.sy > y1 ? (b.sy - y1) * b.ky : 0;
  const far = Math.max(Math.abs(y0 - b.sy), Math.abs(y1 - b.sy)) * b.ky;
  if (near > b.r) return { outer: null, inner: null };
  const wide = Math.sqrt(b.r2 - near * near) / b.kx;
  const outer: [number, number] = [b.sx - wide - EPS, b.sx + wide + EPS];
  if (far >= b.r) return { outer, inner: null };
  const narrow = Math.sqrt(b.r2 - far * far) / b.kx;
  return { outer, inner: [b.sx - narrow + EPS, b.sx + narrow - EPS] };
}

/**
 * Moves a circle of one level from `from` to `to` (same radius): updates the counts and the covered
 * population of every cell whose coverage changes, and returns the change of the population inside.
 */
export function moveCircle(g: CellGrid, level: number, from: Circle, to: Circle): MoveResult {
  const a = boundsOf(from, g);
  const b = boundsOf(to, g);
  const off = level * g.cellCount;
  const covOff = level * g.countySlots;
  const { X, Y, P, counts, coveredPop, bStart, bCols, minX, minY, bw, bh } = g;
  const colOf = (x: number): number => Math.floor((x - minX) / bw);
  const yTop = Math.max(a.sy + a.r / a.ky, b.sy + b.r / b.ky);
  const yBottom = Math.min(a.sy - a.r / a.ky, b.sy - b.r / b.ky);
  const row0 = Math.max(0, Math.floor((yBottom - minY) / bh));
  const row1 = Math.min(g.bRows - 1, Math.floor((yTop - minY) / bh));
  let delta = 0;
  let visited = 0;

  const scan = (row: number, c0: number, c1: number): void => {
    if (c0 > c1) return;
    const start = bStart[row * bCols + c0] ?? 0;
    const end = bStart[row * bCols + c1 + 1] ?? 0;
    visited += end - start;
    for (let i = start; i < end; i++) {
      const x = X[i] ?? 0;
      const y = Y[i] ?? 0;
      const ax = (x - a.sx) * a.kx;
      const ay = (y - a.sy) * a.ky;
      const bx = (x - b.sx) * b.kx;
      const by = (y - b.sy) * b.ky;
      const inA = ax * ax + ay * ay <= a.r2;
      const inB = bx * bx + by * by <= b.r2;
      if (inA === inB) continue;
      const p = P[i] ?? 0;
      const before = counts[off + i] ?? 0;
      if (inB) {
        counts[off + i] = before + 1;
        delta += p;
        if (before === 0) coveredPop[covOff + g.county(i)] = (coveredPop[covOff + g.county(i)] ?? 0) + p;
      } else {
        counts[off + i] = before - 1;
        delta -= p;
        if (before === 1) coveredPop[covOff + g.county(i)] = (coveredPop[covOff + g.county(i)] ?? 0) - p;
      }
    }
  };

  for (let row = row0; row <= row1; row++) {
    const y0 = minY + row * bh - EPS;
    const y1 = minY + (row + 1) * bh + EPS;
    const ca = chord(a, y0, y1);
    const cb = chord(b, y0, y1);
    // columns that may hold a cell whose coverage changes: the union of both circles' outer ranges…
    const ranges: [number, number][] = [];
    for (const o of [ca.outer, cb.outer])
      if (o) ranges.push([Math.max(0, colOf(o[0])), Math.min(bCols - 1, colOf(o[1]))]);
    if (ranges.length === 0) continue;
    ranges.sort((p, q) => p[0] - q[0]);
    const merged: [number, number][] = [];
    for (const r of ranges) {
      const last = merged[merged.length - 1];
      if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
      else merged.push([r[0], r[1]]);
    }
    // …less the columns lying wholly inside both circles (their cells stay covered)
    let hole0 = 1;
    let hole1 = 0;
    if (ca.inner && cb.inner) {
      const lo = Math.max(ca.inner[0], cb.inner[0]);
      const hi = Math.min(ca.inner[1], cb.inner[1]);
      hole0 = Math.ceil((lo - minX) / bw);
      hole1 = Math.floor((hi - minX) / bw) - 1;
      // the last column also holds cells clamped into it: never skip it
      hole1 = Math.min(hole1, bCols - 2);
    }
    for (const [c0, c1] of merged) {
      if (hole0 > hole1 || hole1 < c0 || hole0 > c1) scan(row, c0, c1);
      else {
        scan(row, c0, hole0 - 1);
        scan(row, hole1 + 1, c1);
      }
    }
  }
  return { popDelta: delta, visited };
}
