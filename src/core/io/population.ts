/**
 * Imported population (CSV/XLSX points with a population column, GeoJSON/Shapefile polygons with one,
 * or a GeoTIFF raster such as WorldPop) → the app's population surface (QZPS, ~250 m cells, each
 * cell in one county). Polygons are spread over the cells whose centres they contain, by area.
 */
import { booleanPointInPolygon } from '@turf/turf';
import type { CountyLocator } from '../geodata/locate';
import { NO_COUNTY } from '../analysis/surface';
import { encodeSurface, type SurfaceHeader } from '../analysis/surfaceCodec';
import { err, ok, type Result } from '../result';
import { toWgs84, type CrsId } from './crs';
import type { FieldMapping } from './fields';
import { parseCoordinate, parseNumber } from './values';
import type { IoError, RawTable, RowProblem } from './types';

/** ≈ 250 m at Quanzhou's latitude, like the shipped surface. */
export const POP_CELL_LON = 0.0025;
export const POP_CELL_LAT = 0.00225;
const U16_MAX = 65_535;

export interface PopulationOptions {
  readonly mapping: FieldMapping;
  readonly crs: CrsId;
  readonly swapped: boolean;
  readonly prjWkt?: string;
  /** Written into the surface header: file name, format, when. */
  readonly description: string;
}

export interface PopulationResult {
  readonly bytes: Uint8Array;
  readonly header: SurfaceHeader;
  readonly problems: readonly RowProblem[];
  /** People in the file that fell outside every county (at sea, or beyond the city). */
  readonly outside: number;
  readonly total: number;
}

export function buildPopulationSurface(
  table: RawTable,
  o: PopulationOptions,
  locate: CountyLocator,
  counties: readonly string[],
  box: readonly [number, number, number, number],
): Result<PopulationResult, IoError> {
  const [w, s, e, n] = box;
  const cols = Math.ceil((e - w) / POP_CELL_LON);
  const rows = Math.ceil((n - s) / POP_CELL_LAT);
  const acc = new Float64Array(cols * rows);
  const problems: RowProblem[] = [];
  let outside = 0;
  const bin = (lon: number, lat: number): number => {
    const c = Math.floor((lon - w) / POP_CELL_LON);
    const r = Math.floor((lat - s) / POP_CELL_LAT);
    return c < 0 || r < 0 || c >= cols || r >= rows ? -1 : r * cols + c;
  };
  const add = (lon: number, lat: number, pop: number): void => {
    const k = bin(lon, lat);
    if (k < 0) outside += pop;
    else acc[k] = (acc[k] ?? 0) + pop;
  };

  if (table.raster) {
    const { width, height, bbox, values, noData } = table.raster;
    const [rw, rs, re, rn] = bbox;
    const dx = (re - rw) / width;
    const dy = (rn - rs) / height;
    for (let y = 0; y < height; y++) {
      const lat = rn - (y + 0.5) * dy;
      for (let x = 0; x < width; x++) {
        const v = values[y * width + x] ?? 0;
        if (!(v > 0) || v === noData || !Number.isFinite(v)) continue;
        add(rw + (x + 0.5) * dx, lat, v);
      }
    }
  } else {
    const popCol = o.mapping.population;
    if (popCol === null) return err({ code: 'noHeader', params: { field: 'population' } });
    const conv = toWgs84(o.crs, o.prjWkt);
    if (!conv.ok) return err({ code: 'prjUnknown', params: { name: o.crs } });
    const to = (x: number, y: number): readonly [number, number] | null =>
      o.swapped ? conv.value(y, x) : conv.value(x, y);
    for (const rec of table.records) {
      const pop = parseNumber(rec.values[popCol] ?? null);
      if (pop === null || Number.isNaN(pop) || pop < 0) {
        problems.push({
          row: rec.n,
          code: 'badPopulation',
          severity: 'error',
          params: { value: String(rec.values[popCol] ?? '') },
        });
        continue;
      }
      if (pop === 0) continue;
      const g = rec.geometry;
      if (g?.type === 'Polygon') {
        const rings = g.coordinates.map((ring) => ring.map((p) => to(p[0] ?? Number.NaN, p[1] ?? Number.NaN)));
        if (rings.some((r) => r.some((p) => p === null))) {
          problems.push({ row: rec.n, code: 'badCoordinate', severity: 'error' });
          continue;
        }
        const poly = {
          type: 'Polygon' as const,
          coordinates: rings.map((r) => r.map((p) => [p?.[0] ?? 0, p?.[1] ?? 0])),
        };
        const outer = poly.coordinates[0] ?? [];
        const lons = outer.map((p) => p[0] ?? 0);
        const lats = outer.map((p) => p[1] ?? 0);
        const inside: [number, number][] = [];
        const c0 = Math.floor((Math.min(...lons) - w) / POP_CELL_LON);
        const c1 = Math.floor((Math.max(...lons) - w) / POP_CELL_LON);
        const r0 = Math.floor((Math.min(...lats) - s) / POP_CELL_LAT);
        const r1 = Math.floor((Math.max(...lats) - s) / POP_CELL_LAT);
        if ((c1 - c0 + 1) * (r1 - r0 + 1) > 4_000_000) {
          problems.push({ row: rec.n, code: 'outsideArea', severity: 'error' });
          continue;
        }
        for (let r = r0; r <= r1; r++)
          for (let c = c0; c <= c1; c++) {
            const lon = w + (c + 0.5) * POP_CELL_LON;
            const lat = s + (r + 0.5) * POP_CELL_LAT;
            if (booleanPointInPolygon([lon, lat], poly)) inside.push([lon, lat]);
          }
        if (inside.length === 0) {
          // smaller than a cell: all of it at the centre of its outline
          add(lons.reduce((a, b) => a + b, 0) / lons.length, lats.reduce((a, b) => a + b, 0) / lats.length, pop);
        } else for (const [lon, lat] of inside) add(lon, lat, pop / inside.length);
        continue;
      }
      let x: number | null;
      let y: number | null;
      if (g?.type === 'Point') [x, y] = g.coordinates;
      else {
        x = o.mapping.lon === null ? null : parseCoordinate(rec.values[o.mapping.lon] ?? null);
        y = o.mapping.lat === null ? null : parseCoordinate(rec.values[o.mapping.lat] ?? null);
      }
      const p = x === null || y === null ? null : to(x, y);
      if (!p) {
        problems.push({ row: rec.n, code: 'noGeometry', severity: 'error' });
        continue;
      }
      add(p[0], p[1], pop);
    }
  }

  // county per cell; cells outside every county are dropped (and counted)
  const countyIndex = new Map(counties.map((c, i) => [c, i]));
  const raster = new Uint8Array(cols * rows).fill(NO_COUNTY);
  const pops: number[] = [];
  let total = 0;
  let clipped = 0;
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const k = r * cols + c;
      const v = acc[k] ?? 0;
      if (v <= 0) continue;
      const code = locate(w + (c + 0.5) * POP_CELL_LON, s + (r + 0.5) * POP_CELL_LAT);
      const ci = code === null ? undefined : countyIndex.get(code);
      if (ci === undefined) {
        outside += v;
        continue;
      }
      let rounded = Math.round(v);
      if (rounded > U16_MAX) {
        clipped++;
        rounded = U16_MAX;
      }
      if (rounded === 0) continue;
      raster[k] = ci;
      pops.push(rounded);
      total += rounded;
    }
  if (pops.length === 0) return err({ code: 'noRecords', params: { reason: 'outside' } });
  if (clipped > 0) problems.push({ row: 0, code: 'badPopulation', severity: 'warning', params: { clipped } });
  const header: SurfaceHeader = {
    version: 1,
    grid: { west: w, south: s, cellLon: POP_CELL_LON, cellLat: POP_CELL_LAT, cols, rows },
    counties,
    cellCount: pops.length,
    totalPopulation: total,
    modelled: false,
    description: o.description,
  };
  return ok({
    bytes: encodeSurface(header, raster, Uint16Array.from(pops)),
    header,
    problems,
    outside: Math.round(outside),
    total,
  });
}
