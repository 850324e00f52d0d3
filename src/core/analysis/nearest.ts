import type { CoverageSite } from './engine';
import { metricScale } from './geodesy';

/**
 * The nearest of a few sites to a point given as offsets in degrees from (ox, oy), by distance in metres
 * at each site's latitude: a ring search over a small grid of the sites (a plain scan for ≤ 24 sites).
 * Ties go to the lower id, so the answer does not depend on the order of the list. Returns the id, or
 * -1 without sites.
 */
export function createNearestFinder(
  list: readonly Pick<CoverageSite, 'lon' | 'lat'>[],
  ids: readonly number[],
  ox: number,
  oy: number,
): (x: number, y: number) => number {
  const n = list.length;
  const sx = new Float64Array(n);
  const sy = new Float64Array(n);
  const kx = new Float64Array(n);
  const ky = new Float64Array(n);
  for (const [j, s] of list.entries()) {
    sx[j] = s.lon - ox;
    sy[j] = s.lat - oy;
    const k = metricScale(s.lat);
    kx[j] = k.kx;
    ky[j] = k.ky;
  }
  // the best site so far of the current query (ties go to the lower site index: deterministic)
  let bj = -1;
  let bd = Infinity;
  const consider = (j: number, x: number, y: number): void => {
    const dx = (x - (sx[j] ?? 0)) * (kx[j] ?? 0);
    const dy = (y - (sy[j] ?? 0)) * (ky[j] ?? 0);
    const d = dx * dx + dy * dy;
    if (d < bd || (d === bd && (ids[j] ?? 0) < (ids[bj] ?? 0))) {
      bd = d;
      bj = j;
    }
  };
  if (n <= 24) {
    return (x, y) => {
      bj = -1;
      bd = Infinity;
      for (let j = 0; j < n; j++) consider(j, x, y);
      return ids[bj] ?? -1;
    };
  }
  // a grid of about one site per bucket over the sites' extent
  let gx0 = Infinity;
  let gy0 = Infinity;
  let gx1 = -Infinity;
  let gy1 = -Infinity;
  for (let j = 0; j < n; j++) {
    gx0 = Math.min(gx0, sx[j] ?? 0);
    gx1 = Math.max(gx1, sx[j] ?? 0);
    gy0 = Math.min(gy0, sy[j] ?? 0);
    gy1 = Math.max(gy1, sy[j] ?? 0);
  }
  const side = Math.max(Math.sqrt(((gx1 - gx0) * (gy1 - gy0)) / n), 1e-4);
  const gc = Math.max(1, Math.ceil((gx1 - gx0) / side) + 1);
  const gr = Math.max(1, Math.ceil((gy1 - gy0) / side) + 1);
  const start = new Uint32Array(gc * gr + 1);
  const cellOf = (x: number, y: number): [number, number] => [
    Math.min(gc - 1, Math.max(0, Math.floor((x - gx0) / side))),
    Math.min(gr - 1, Math.max(0, Math.floor((y - gy0) / side))),
  ];
  for (let j = 0; j < n; j++) {
    const [c, r] = cellOf(sx[j] ?? 0, sy[j] ?? 0);
    const b = r * gc + c + 1;
    start[b] = (start[b] ?? 0) + 1;
  }
  for (let b = 0; b < gc * gr; b++) start[b + 1] = (start[b + 1] ?? 0) + (start[b] ?? 0);
  const order = new Uint32Array(n);
  const fill = start.slice(0, gc * gr);
  for (let j = 0; j < n; j++) {
    const [c, r] = cellOf(sx[j] ?? 0, sy[j] ?? 0);
    const b = r * gc + c;
    order[fill[b] ?? 0] = j;
    fill[b] = (fill[b] ?? 0) + 1;
  }
  const scale = metricScale(oy + (gy0 + gy1) / 2);
  const sideM = side * Math.min(scale.kx, scale.ky) * 0.99;
  return (x, y) => {
    const [ci, ri] = cellOf(x, y);
    bj = -1;
    bd = Infinity;
    for (let k = 0; ; k++) {
      const cLo = ci - k;
      const cHi = ci + k;
      const rLo = ri - k;
      const rHi = ri + k;
      for (let r = Math.max(0, rLo); r <= Math.min(gr - 1, rHi); r++) {
        const edgeRow = r === rLo || r === rHi;
        for (let c = Math.max(0, cLo); c <= Math.min(gc - 1, cHi); c++) {
          if (!edgeRow && c !== cLo && c !== cHi) continue;
          const b = r * gc + c;
          for (let q = start[b] ?? 0; q < (start[b + 1] ?? 0); q++) consider(order[q] ?? 0, x, y);
        }
      }
      const coversAll = cLo <= 0 && rLo <= 0 && cHi >= gc - 1 && rHi >= gr - 1;
      if (coversAll) break;
      // every unseen site lies outside the searched square: at least k buckets from the cell's bucket
      const bound = k * sideM;
      if (bj >= 0 && bd <= bound * bound) break;
    }
    return ids[bj] ?? -1;
  };
}
