/**
 * Which datum degrees in a file are in, when the file does not say. Chinese web-map data (高德, 腾讯, DataV,
 * 百度) is more often GCJ-02 or BD-09 than WGS84, and read as WGS84 it lands 500–600 m off in 泉州. Two kinds
 * of evidence: a signature (the property set DataV and 高德 district files carry; column or file names
 * that name the map) and a fit (outlines whose vertices fall onto our county lines under one datum).
 */
import type { FeatureCollection, MultiPolygon } from 'geojson';
import { metricScale } from '../analysis/geodesy';
import { normaliseHeader } from './fields';
import { toWgs84 } from './crs';

export const DATUMS = ['wgs84', 'gcj02', 'bd09'] as const;
export type Datum = (typeof DATUMS)[number];

export interface DatumSignature {
  readonly datum: Datum;
  /** What gave it away: the columns or the file name, as read. */
  readonly evidence: string;
}

/** DataV (阿里云) and 高德 district boundaries: `adcode` with `center` / `centroid` / `acroutes` / `citycode`. */
const AMAP_DISTRICT = ['center', 'centroid', 'acroutes', 'citycode', 'childrennum', 'subfeatureindex'];

/** Properties, column names or a file name that say which web map the coordinates come from. */
export function datumSignature(columns: readonly string[], fileName: string): DatumSignature | null {
  const norm = columns.map((c) => normaliseHeader(c));
  if (norm.includes('adcode')) {
    const also = AMAP_DISTRICT.filter((k) => norm.includes(k));
    if (also.length > 0) return { datum: 'gcj02', evidence: ['adcode', ...also].join(', ') };
  }
  const named = (re: RegExp): string | undefined => columns.find((c) => re.test(c));
  const bd = named(/百度|baidu|bd-?09|bmap/i);
  if (bd !== undefined) return { datum: 'bd09', evidence: bd };
  const gcj = named(/高德|腾讯|gcj-?02|amap|gaode|火星/i);
  if (gcj !== undefined) return { datum: 'gcj02', evidence: gcj };
  if (/百度|baidu|bd-?09|bmap/i.test(fileName)) return { datum: 'bd09', evidence: fileName };
  if (/高德|腾讯|gcj-?02|amap|gaode|datav|火星/i.test(fileName)) return { datum: 'gcj02', evidence: fileName };
  return null;
}

interface Segment {
  readonly ax: number;
  readonly ay: number;
  readonly bx: number;
  readonly by: number;
}

/** Our county lines as segments in a ~1 km grid, for distances from points to the nearest line. */
export interface BoundaryIndex {
  /** Metres from a WGS84 point to the nearest county line, or `cap` when none is within it. */
  distance(lon: number, lat: number, cap: number): number;
}

const CELL = 0.01;

export function createBoundaryIndex(counties: FeatureCollection<MultiPolygon>): BoundaryIndex {
  const grid = new Map<number, Segment[]>();
  const key = (cx: number, cy: number): number => cx * 100_000 + cy;
  for (const f of counties.features)
    for (const polygon of f.geometry.coordinates)
      for (const ring of polygon)
        for (let i = 1; i < ring.length; i++) {
          const [ax = 0, ay = 0] = ring[i - 1] ?? [];
          const [bx = 0, by = 0] = ring[i] ?? [];
          const s = { ax, ay, bx, by };
          for (let cx = Math.floor(Math.min(ax, bx) / CELL); cx <= Math.floor(Math.max(ax, bx) / CELL); cx++)
            for (let cy = Math.floor(Math.min(ay, by) / CELL); cy <= Math.floor(Math.max(ay, by) / CELL); cy++) {
              const k = key(cx, cy);
              const list = grid.get(k);
              if (list) list.push(s);
              else grid.set(k, [s]);
            }
        }
  return {
    distance(lon, lat, cap) {
      const { kx, ky } = metricScale(lat);
      const rx = Math.ceil(cap / kx / CELL);
      const ry = Math.ceil(cap / ky / CELL);
      const cx0 = Math.floor(lon / CELL);
      const cy0 = Math.floor(lat / CELL);
      let best = cap;
      for (let cx = cx0 - rx; cx <= cx0 + rx; cx++)
        for (let cy = cy0 - ry; cy <= cy0 + ry; cy++)
          for (const s of grid.get(key(cx, cy)) ?? []) {
            // point to segment in local metres around the point
            const ax = (s.ax - lon) * kx;
            const ay = (s.ay - lat) * ky;
            const dx = (s.bx - s.ax) * kx;
            const dy = (s.by - s.ay) * ky;
            const len = dx * dx + dy * dy;
            const t = len === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len));
            const d = Math.hypot(ax + t * dx, ay + t * dy);
            if (d < best) best = d;
          }
      return best;
    },
  };
}

export interface DatumFit {
  readonly datum: Datum;
  /** Median metres from the file's outline vertices to our county lines under this datum (capped). */
  readonly medianM: number;
}

/** Distances are capped here: a vertex farther than this from every county line says nothing. */
const CAP_M = 3000;
const SAMPLE = 3000;

/**
 * How well outline vertices fit our county lines under each datum; `best` is set only when one datum is
 * clearly better (median under 250 m and under half of every other one), which boundary-like data
 * (district outlines, parcels along borders) shows and scattered points do not.
 */
export function datumFit(
  vertices: readonly (readonly [number, number])[],
  index: BoundaryIndex,
): { fits: DatumFit[]; best: Datum | null } {
  if (vertices.length < 20) return { fits: [], best: null };
  const step = Math.max(1, Math.floor(vertices.length / SAMPLE));
  const sample = vertices.filter((_, i) => i % step === 0);
  const fits = DATUMS.map((datum): DatumFit => {
    const conv = toWgs84(datum);
    const d: number[] = [];
    if (conv.ok)
      for (const [x, y] of sample) {
        const p = conv.value(x, y);
        if (p) d.push(index.distance(p[0], p[1], CAP_M));
      }
    d.sort((a, b) => a - b);
    return { datum, medianM: d.length === 0 ? CAP_M : (d[Math.floor(d.length / 2)] ?? CAP_M) };
  });
  // nowhere near our county lines under any datum (a file of elsewhere): no evidence either way
  if (fits.every((f) => f.medianM >= CAP_M)) return { fits: [], best: null };
  const sorted = [...fits].sort((a, b) => a.medianM - b.medianM);
  const [first, second] = sorted;
  const best = first && second && first.medianM < 250 && first.medianM * 2 < second.medianM ? first.datum : null;
  return { fits, best };
}
