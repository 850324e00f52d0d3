/**
 * Coordinate systems planners' files come in, and conversion to WGS84 (what the app stores).
 * WGS84 and CGCS2000 geographic differ by centimetres and are treated as one; GCJ-02 (高德/腾讯) and
 * BD-09 (百度) are converted with gcoord; CGCS2000 Gauss-Krüger zones with proj4.
 */
import gcoord from 'gcoord';
import proj4 from 'proj4';
import { err, ok, type Result } from '../result';

export type CrsId = 'wgs84' | 'cgcs2000' | 'gcj02' | 'bd09' | `EPSG:${number}` | 'prj';

/** The systems offered in the import dialog, in the order a Quanzhou planner meets them. */
export const CRS_CHOICES: readonly CrsId[] = [
  'wgs84',
  'cgcs2000',
  'gcj02',
  'bd09',
  'EPSG:4548',
  'EPSG:4549',
  'EPSG:4527',
  'EPSG:4528',
  'EPSG:4509',
  'EPSG:4498',
];

export interface GaussKruger {
  readonly epsg: number;
  readonly centralMeridian: number;
  readonly falseEasting: number;
  /** 3° or 6° zones. */
  readonly width: 3 | 6;
  /** Zone number written before the easting (EPSG:4513–4533, 4491–4501), or null. */
  readonly zone: number | null;
}

/** CGCS2000 Gauss-Krüger zones by EPSG code: 3° with zone prefix 4513–4533, without 4534–4554; 6° 4491–4501 / 4502–4512. */
export function gaussKruger(epsg: number): GaussKruger | null {
  if (epsg >= 4513 && epsg <= 4533) {
    const zone = 25 + (epsg - 4513);
    return { epsg, centralMeridian: zone * 3, falseEasting: zone * 1e6 + 500_000, width: 3, zone };
  }
  if (epsg >= 4534 && epsg <= 4554)
    return { epsg, centralMeridian: 75 + 3 * (epsg - 4534), falseEasting: 500_000, width: 3, zone: null };
  if (epsg >= 4491 && epsg <= 4501) {
    const zone = 13 + (epsg - 4491);
    return { epsg, centralMeridian: zone * 6 - 3, falseEasting: zone * 1e6 + 500_000, width: 6, zone };
  }
  if (epsg >= 4502 && epsg <= 4512)
    return { epsg, centralMeridian: 75 + 6 * (epsg - 4502), falseEasting: 500_000, width: 6, zone: null };
  return null;
}

const gkDef = (gk: GaussKruger): string =>
  `+proj=tmerc +lat_0=0 +lon_0=${gk.centralMeridian} +k=1 +x_0=${gk.falseEasting} +y_0=0 +ellps=GRS80 +units=m +no_defs`;

export const epsgOf = (crs: CrsId): number | null => (crs.startsWith('EPSG:') ? Number(crs.slice(5)) : null);

/** Whether coordinates in this system are metres (projected) rather than degrees. */
export const isProjected = (crs: CrsId): boolean => crs === 'prj' || epsgOf(crs) !== null;

export type ToWgs84 = (x: number, y: number) => readonly [number, number] | null;

const finite = (p: readonly number[]): readonly [number, number] | null => {
  const [a, b] = p;
  return a !== undefined && b !== undefined && Number.isFinite(a) && Number.isFinite(b) ? [a, b] : null;
};

/** A converter from the system to WGS84 lon/lat, or an error for an unknown system. */
export function toWgs84(crs: CrsId, prjWkt?: string): Result<ToWgs84, string> {
  switch (crs) {
    case 'wgs84':
    case 'cgcs2000':
      return ok((x, y) => [x, y]);
    case 'gcj02':
      return ok((x, y) => finite(gcoord.transform([x, y], gcoord.GCJ02, gcoord.WGS84)));
    case 'bd09':
      return ok((x, y) => finite(gcoord.transform([x, y], gcoord.BD09, gcoord.WGS84)));
    case 'prj': {
      if (!prjWkt) return err('no .prj');
      try {
        const c = proj4(prjWkt, 'WGS84');
        return ok((x, y) => finite(c.forward([x, y])));
      } catch (e) {
        return err(e instanceof Error ? e.message : String(e));
      }
    }
    default: {
      const code = epsgOf(crs);
      if (code === 4326 || code === 4490) return ok((x, y) => [x, y]);
      const gk = code === null ? null : gaussKruger(code);
      if (!gk) return err(`unsupported ${crs}`);
      const c = proj4(gkDef(gk), 'WGS84');
      return ok((x, y) => finite(c.forward([x, y])));
    }
  }
}

/** WGS84 → GCJ-02, for the optional export to 高德-based tools. */
export function wgs84ToGcj02(lon: number, lat: number): [number, number] {
  const p = gcoord.transform([lon, lat], gcoord.WGS84, gcoord.GCJ02);
  return [p[0], p[1]];
}

/**
 * Reads a .prj (ESRI or OGC WKT) into one of our systems when it is one of them (so the dialog can
 * name it), or 'prj' when proj4 can read it, or null when it cannot be read at all.
 */
export function crsFromPrj(wkt: string): { crs: CrsId; name: string } | null {
  const name = /^\s*(?:PROJCS|GEOGCS|PROJCRS|GEOGCRS)\s*\[\s*"([^"]*)"/i.exec(wkt)?.[1] ?? '';
  const param = (key: string): number | null => {
    const m = new RegExp(`PARAMETER\\s*\\[\\s*"${key}"\\s*,\\s*([-0-9.eE]+)`, 'i').exec(wkt);
    return m?.[1] !== undefined ? Number(m[1]) : null;
  };
  const projected = /^\s*PROJ/i.test(wkt);
  const cgcs = /2000/.test(wkt);
  if (!projected) {
    if (/GEOG/i.test(wkt)) return { crs: cgcs ? 'cgcs2000' : 'wgs84', name };
    return null;
  }
  const isTm = /Gauss|Transverse_Mercator|Transverse Mercator/i.test(wkt);
  const cm = param('Central_Meridian') ?? param('central_meridian');
  const fe = param('False_Easting') ?? param('false_easting');
  const k = param('Scale_Factor') ?? param('scale_factor') ?? 1;
  if (cgcs && isTm && cm !== null && fe !== null && Math.abs(k - 1) < 1e-9) {
    for (let code = 4491; code <= 4554; code++) {
      const gk = gaussKruger(code);
      if (gk && gk.centralMeridian === cm && gk.falseEasting === fe) {
        // a 3° CM that is also a 6° CM (e.g. 117°E) with the same false easting is the same projection
        return { crs: `EPSG:${code}`, name };
      }
    }
  }
  try {
    proj4(wkt, 'WGS84');
    return { crs: 'prj', name };
  } catch {
    return null;
  }
}

/** Which way round x/y are, and in which system, judged by how many points land in the area. */
export interface CrsGuess {
  readonly crs: CrsId;
  readonly swapped: boolean;
  /** Share of the sample inside the area with this guess. */
  readonly inside: number;
}

const insideBox = (p: readonly [number, number] | null, box: readonly number[]): boolean =>
  p !== null &&
  p[0] >= (box[0] ?? -180) &&
  p[0] <= (box[2] ?? 180) &&
  p[1] >= (box[1] ?? -90) &&
  p[1] <= (box[3] ?? 90);

/**
 * Suggests the system and axis order for raw coordinates: degrees stay in `degreesCrs` (WGS84 unless a
 * header or the file says 高德/百度); metres are tried in every Gauss-Krüger zone that fits. Surveyors'
 * tables often put X = northing first, so both orders are tried.
 */
export function guessCrs(
  points: readonly (readonly [number, number])[],
  box: readonly [number, number, number, number],
  degreesCrs: CrsId = 'wgs84',
): CrsGuess | null {
  const sample = points.filter((p) => Number.isFinite(p[0]) && Number.isFinite(p[1])).slice(0, 200);
  if (sample.length === 0) return null;
  const candidates = new Set<CrsId>();
  const degrees = sample.filter((p) => Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 180).length;
  if (degrees > sample.length / 2) candidates.add(degreesCrs);
  else {
    for (const [a, b] of sample.slice(0, 20)) {
      for (const v of [a, b]) {
        const zone = Math.floor(v / 1e6);
        if (zone >= 25 && zone <= 45) candidates.add(`EPSG:${4513 + zone - 25}`);
        if (zone >= 13 && zone <= 23) candidates.add(`EPSG:${4491 + zone - 13}`);
      }
    }
    for (const c of ['EPSG:4548', 'EPSG:4549', 'EPSG:4509', 'EPSG:4510'] as const) candidates.add(c);
  }
  let best: CrsGuess | null = null;
  for (const crs of candidates) {
    const t = toWgs84(crs);
    if (!t.ok) continue;
    for (const swapped of [false, true]) {
      const hits = sample.filter(([a, b]) => insideBox(swapped ? t.value(b, a) : t.value(a, b), box)).length;
      const inside = hits / sample.length;
      if (!best || inside > best.inside) best = { crs, swapped, inside };
    }
  }
  return best && best.inside > 0 ? best : null;
}

/** A header or file name that says which map the coordinates were copied from. */
export function crsHintFromText(text: string): CrsId | null {
  if (/百度|baidu|bd-?09|bmap/i.test(text)) return 'bd09';
  if (/高德|腾讯|gcj|amap|火星|tencent|qq/i.test(text)) return 'gcj02';
  if (/cgcs|2000/i.test(text)) return 'cgcs2000';
  if (/wgs|gps|84/i.test(text)) return 'wgs84';
  return null;
}
