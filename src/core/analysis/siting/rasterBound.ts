/**
 * The demand within a radius, for every candidate at once, when the demand lies on a regular lon/lat grid
 * (the population surface): the weights summed into the grid, prefix sums along each row, and per
 * candidate one subtraction per grid row the circle spans. With every point at its cell's centre the sums
 * are exact (the candidates start with exact values); otherwise the circle's column range is widened by a
 * cell on each side, so the sum is an upper bound whatever the position of a point inside its cell.
 */
import { metricScale } from '../geodesy';
import type { RasterGrid } from '../surface';

export function createRasterBound(
  grid: RasterGrid,
  lon: Float64Array,
  lat: Float64Array,
  weight: Float64Array,
  radius: number,
): { readonly reach: (lon: number, lat: number) => number; readonly exact: boolean } {
  const { cols, rows, west, south, cellLon, cellLat } = grid;
  // every point at its cell's centre (the population surface): the sums are exact, not only bounds
  let centred = true;
  for (let i = 0; i < weight.length && centred; i++) {
    const fx = ((lon[i] ?? 0) - west) / cellLon - 0.5;
    const fy = ((lat[i] ?? 0) - south) / cellLat - 0.5;
    if (Math.abs(fx - Math.round(fx)) > 1e-3 || Math.abs(fy - Math.round(fy)) > 1e-3) centred = false;
  }
  const widen = centred ? 0 : 1;
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
  const reach = (x: number, y: number): number => {
    const { kx, ky } = metricScale(y);
    const r0 = Math.max(0, Math.floor((y - radius / ky - south) / cellLat) - 1);
    const r1 = Math.min(rows - 1, Math.floor((y + radius / ky - south) / cellLat) + 1);
    let sum = 0;
    for (let r = r0; r <= r1; r++) {
      const rowSouth = south + r * cellLat;
      // centred: the row's centre line; otherwise its latitude nearest the place, which bounds the width
      const at = centred ? rowSouth + cellLat / 2 : Math.max(rowSouth, Math.min(rowSouth + cellLat, y));
      const dy = (at - y) * ky;
      if (centred && Math.abs(dy) > radius) continue;
      const hw = Math.sqrt(Math.max(0, radius * radius - dy * dy)) / kx;
      const c0 = Math.max(
        0,
        centred ? Math.ceil((x - hw - west) / cellLon - 0.5) : Math.floor((x - hw - west) / cellLon) - widen,
      );
      const c1 = Math.min(
        cols - 1,
        centred ? Math.floor((x + hw - west) / cellLon - 0.5) : Math.floor((x + hw - west) / cellLon) + widen,
      );
      if (c1 < c0) continue;
      const base = r * (cols + 1);
      sum += (prefix[base + c1 + 1] ?? 0) - (prefix[base + c0] ?? 0);
    }
    return sum;
  };
  return { reach, exact: centred };
}
