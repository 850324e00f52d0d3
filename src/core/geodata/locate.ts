import { bbox as turfBbox, booleanPointInPolygon } from '@turf/turf';
import type { Position } from 'geojson';
import type { CountyCollection } from './reference';

export type CountyLocator = (lon: number, lat: number) => string | null;

/** Grid cell size in degrees (~1 km): cells no county boundary crosses answer from a cache. */
const CELL = 0.01;
const UNKNOWN = -2;
const OUTSIDE = -1;

/**
 * Point-in-polygon lookup of the county (adcode) containing a point; null at sea or outside.
 * A grid over the counties marks the cells that some boundary edge passes through; every other cell
 * lies wholly inside one county (or outside all), so the answer for any point in it is the answer for
 * the first point asked there, cached. Only points in boundary cells pay for a polygon test, which
 * makes locating hundreds of thousands of points (imported grids, population rasters) cheap.
 */
export function createCountyLocator(counties: CountyCollection): CountyLocator {
  const entries = counties.features.map((f) => ({ adcode: f.properties.adcode, feature: f, box: turfBbox(f) }));
  const exact = (lon: number, lat: number): number => {
    for (const [i, e] of entries.entries()) {
      const [w, s, east, n] = e.box;
      if (lon < w || lon > east || lat < s || lat > n) continue;
      if (booleanPointInPolygon([lon, lat], e.feature)) return i;
    }
    return OUTSIDE;
  };
  if (entries.length === 0) return () => null;
  const west = Math.min(...entries.map((e) => e.box[0]));
  const south = Math.min(...entries.map((e) => e.box[1]));
  const cols = Math.ceil((Math.max(...entries.map((e) => e.box[2])) - west) / CELL) + 1;
  const rows = Math.ceil((Math.max(...entries.map((e) => e.box[3])) - south) / CELL) + 1;
  const boundary = new Uint8Array(cols * rows);
  const cache = new Int16Array(cols * rows).fill(UNKNOWN);
  const col = (lon: number): number => Math.min(cols - 1, Math.max(0, Math.floor((lon - west) / CELL)));
  const row = (lat: number): number => Math.min(rows - 1, Math.max(0, Math.floor((lat - south) / CELL)));
  const markRing = (ring: readonly Position[]): void => {
    for (let i = 1; i < ring.length; i++) {
      const a = ring[i - 1] ?? [0, 0];
      const b = ring[i] ?? [0, 0];
      const c0 = col(Math.min(a[0] ?? 0, b[0] ?? 0));
      const c1 = col(Math.max(a[0] ?? 0, b[0] ?? 0));
      const r0 = row(Math.min(a[1] ?? 0, b[1] ?? 0));
      const r1 = row(Math.max(a[1] ?? 0, b[1] ?? 0));
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) boundary[r * cols + c] = 1;
    }
  };
  for (const e of entries) for (const poly of e.feature.geometry.coordinates) for (const ring of poly) markRing(ring);

  return (lon, lat) => {
    const c = Math.floor((lon - west) / CELL);
    const r = Math.floor((lat - south) / CELL);
    if (c < 0 || r < 0 || c >= cols || r >= rows) return null;
    const k = r * cols + c;
    let i: number;
    if (boundary[k] === 1) i = exact(lon, lat);
    else {
      i = cache[k] ?? UNKNOWN;
      if (i === UNKNOWN) {
        i = exact(lon, lat);
        cache[k] = i;
      }
    }
    return i === OUTSIDE ? null : (entries[i]?.adcode ?? null);
  };
}
