/**
 * An upper bound of the demand within a radius, for every candidate at once, when the demand points are
 * not at the centres of the surface's grid (the grid index handles those exactly): the weights summed
 * into the grid, prefix sums along each row, and per candidate one subtraction per grid row the circle
 * spans. The circle's column range is widened by a cell on each side (and a row above and below), so the
 * sum never falls short of the exact count whatever the position of a point inside its cell: the lazy
 * greedy needs bounds, not exact values.
 */
import { metricScale } from '../geodesy';
import type { RasterGrid } from '../surface';

export function createRasterBound(
  grid: RasterGrid,
  lon: Float64Array,
  lat: Float64Array,
  weight: Float64Array,
  radius: number,
): (lon: number, lat: number) => number {
  const { cols, rows, west, south, cellLon, cellLat } = grid;
  const prefix = new Float64Array(rows * (cols + 1));
  for (let i = 0; i < weight.length; i++) {
    const w = weight[i] ?? 0;
    if (w <= 0) continue;
    const c = Math.min(cols - 1, Math.max(0, Math.floor(((lon[i] ?? 0) - west) / cellLon)));
    const r = Math.min(rows - 1, Math.max(0, Math.floor(((lat[i] ?? 0) - south) / cellLat)));
    const k = r * (cols + 1) + c + 1;
    prefix[k] = (prefix[k] ?? 0) + w;
  }
  for (let r = 0; r < rows; r++) {
    const base = r * (cols + 1);
    for (let c = 1; c <= cols; c++) prefix[base + c] = (prefix[base + c] ?? 0) + (prefix[base + c - 1] ?? 0);
  }
  return (x: number, y: number): number => {
    const { kx, ky } = metricScale(y);
    const r0 = Math.max(0, Math.floor((y - radius / ky - south) / cellLat) - 1);
    const r1 = Math.min(rows - 1, Math.floor((y + radius / ky - south) / cellLat) + 1);
    let sum = 0;
    for (let r = r0; r <= r1; r++) {
      // the row's latitude nearest the place bounds the row's half-width from above
      const rowSouth = south + r * cellLat;
      const near = Math.max(rowSouth, Math.min(rowSouth + cellLat, y));
      const dy = (near - y) * ky;
      const hw = Math.sqrt(Math.max(0, radius * radius - dy * dy)) / kx;
      const c0 = Math.max(0, Math.floor((x - hw - west) / cellLon) - 1);
      const c1 = Math.min(cols - 1, Math.floor((x + hw - west) / cellLon) + 1);
      if (c1 < c0) continue;
      const base = r * (cols + 1);
      sum += (prefix[base + c1 + 1] ?? 0) - (prefix[base + c0] ?? 0);
    }
    return sum;
  };
}
