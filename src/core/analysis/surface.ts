/**
 * A population surface: weighted cells (lon, lat, population, county). Coordinates are stored as Float32
 * offsets in degrees from an origin (≈1 cm resolution over the city), never as absolute Float32 lon/lat
 * (≈40 cm). Cells usually lie on a regular lon/lat grid, which is also how they are drawn.
 */
import { err, ok, type Result } from '../result';

/** A regular lon/lat grid; row 0 is the southernmost row, column 0 the westernmost. */
export interface RasterGrid {
  readonly west: number;
  readonly south: number;
  readonly cellLon: number;
  readonly cellLat: number;
  readonly cols: number;
  readonly rows: number;
}

export interface PopulationSurface {
  readonly originLon: number;
  readonly originLat: number;
  readonly dlon: Float32Array;
  readonly dlat: Float32Array;
  readonly pop: Float32Array;
  /** Index into `counties`; NO_COUNTY for a cell outside every county. */
  readonly county: Uint8Array;
  /** County adcodes, at most 254. */
  readonly counties: readonly string[];
  /** The grid the cells are drawn on. */
  readonly grid: RasterGrid;
  /** True for the shipped modelled surface (shown as 模拟人口分布，仅供演示). */
  readonly modelled: boolean;
}

export const NO_COUNTY = 255;
export const MAX_CELLS = 2_000_000;

export interface SurfaceCell {
  readonly lon: number;
  readonly lat: number;
  readonly pop: number;
  readonly county: string | null;
}

/** Bounds [west, south, east, north] of a grid. */
export const gridBounds = (g: RasterGrid): [number, number, number, number] => [
  g.west,
  g.south,
  g.west + g.cols * g.cellLon,
  g.south + g.rows * g.cellLat,
];

/** Pixel index of a point in the grid's image (row 0 of the image is the north edge), or -1 outside. */
export function gridPixel(g: RasterGrid, lon: number, lat: number): number {
  const col = Math.floor((lon - g.west) / g.cellLon);
  const row = Math.floor((lat - g.south) / g.cellLat);
  if (col < 0 || row < 0 || col >= g.cols || row >= g.rows) return -1;
  return (g.rows - 1 - row) * g.cols + col;
}

/**
 * Builds a surface from arbitrary cells (e.g. an imported population grid). The display grid is chosen
 * from the cells' spacing when not given, at most 2048 pixels a side.
 */
export function surfaceFromCells(
  cells: readonly SurfaceCell[],
  options: { grid?: RasterGrid; modelled?: boolean } = {},
): Result<PopulationSurface, string> {
  if (cells.length === 0) return err('no cells');
  if (cells.length > MAX_CELLS) return err(`too many cells (${cells.length} > ${MAX_CELLS})`);
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const counties: string[] = [];
  const countyIndex = new Map<string, number>();
  for (const [i, c] of cells.entries()) {
    if (!Number.isFinite(c.lon) || !Number.isFinite(c.lat) || Math.abs(c.lon) > 180 || Math.abs(c.lat) > 90)
      return err(`cell ${i + 1}: bad coordinates`);
    if (!Number.isFinite(c.pop) || c.pop < 0) return err(`cell ${i + 1}: population must be a number ≥ 0`);
    w = Math.min(w, c.lon);
    e = Math.max(e, c.lon);
    s = Math.min(s, c.lat);
    n = Math.max(n, c.lat);
    if (c.county !== null && !countyIndex.has(c.county)) {
      if (counties.length >= NO_COUNTY - 1) return err('too many counties');
      countyIndex.set(c.county, counties.length);
      counties.push(c.county);
    }
  }
  const grid = options.grid ?? autoGrid(cells, w, s, e, n);
  const m = cells.length;
  const dlon = new Float32Array(m);
  const dlat = new Float32Array(m);
  const pop = new Float32Array(m);
  const county = new Uint8Array(m);
  for (const [i, c] of cells.entries()) {
    dlon[i] = c.lon - w;
    dlat[i] = c.lat - s;
    pop[i] = c.pop;
    county[i] = c.county === null ? NO_COUNTY : (countyIndex.get(c.county) ?? NO_COUNTY);
  }
  return ok({
    originLon: w,
    originLat: s,
    dlon,
    dlat,
    pop,
    county,
    counties,
    grid,
    modelled: options.modelled ?? false,
  });
}

function autoGrid(cells: readonly SurfaceCell[], w: number, s: number, e: number, n: number): RasterGrid {
  // spacing: the median gap between consecutive distinct longitudes in a sample of the cells
  const lons = [...new Set(cells.slice(0, 20000).map((c) => c.lon))].sort((a, b) => a - b);
  const gaps = lons
    .slice(1)
    .map((v, i) => v - (lons[i] ?? v))
    .filter((g) => g > 1e-7)
    .sort((a, b) => a - b);
  const span = Math.max(e - w, n - s, 1e-3);
  const step = Math.max(gaps[Math.floor(gaps.length / 2)] ?? span / 512, span / 2048);
  const cols = Math.max(1, Math.ceil((e - w) / step) + 1);
  const rows = Math.max(1, Math.ceil((n - s) / step) + 1);
  return { west: w - step / 2, south: s - step / 2, cellLon: step, cellLat: step, cols, rows };
}
