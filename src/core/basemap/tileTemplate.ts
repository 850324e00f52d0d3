/**
 * An intranet tile service's URL template (the bureau's GeoServer, the 政务外网 edition of 天地图): XYZ
 * `{z}/{x}/{y}`, WMTS KVP (`TILEMATRIX={z}&TILEROW={y}&TILECOL={x}` or the `{TileMatrix}` names) or WMTS
 * REST. Normalised to MapLibre's `{z}/{x}/{y}` and checked for what would never line up or never load.
 */
import { err, ok, type Result } from '../result';

export type TemplateError =
  | { readonly code: 'empty' }
  | { readonly code: 'scheme' }
  | { readonly code: 'placeholders'; readonly missing: readonly string[] }
  | { readonly code: 'geographic' };

export interface TileTemplate {
  /** MapLibre tile URLs ({s} expanded to the listed subdomains). */
  readonly tiles: readonly string[];
  readonly host: string;
  /** TMS row order ({-y}): rows counted from the south. */
  readonly tms: boolean;
}

const WMTS_NAMES: readonly [RegExp, string][] = [
  [/\{TileMatrix\}/gi, '{z}'],
  [/\{TileRow\}/gi, '{y}'],
  [/\{TileCol\}/gi, '{x}'],
];

/** Names of tile matrix sets that are not Web Mercator (天地图's `c`, EPSG:4326, CGCS2000 geographic). */
const GEOGRAPHIC = /(TILEMATRIXSET=c(&|$))|EPSG:?4326|EPSG:?4490|CRS:84|_c\/wmts/i;

export function parseTileTemplate(
  input: string,
  subdomains: readonly string[] = ['a', 'b', 'c'],
): Result<TileTemplate, TemplateError> {
  const raw = input.trim();
  if (raw === '') return err({ code: 'empty' });
  let url: URL;
  try {
    url = new URL(raw.replace(/[{}]/g, (c) => (c === '{' ? '%7B' : '%7D')));
  } catch {
    return err({ code: 'scheme' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return err({ code: 'scheme' });
  if (GEOGRAPHIC.test(raw)) return err({ code: 'geographic' });
  let t = raw;
  for (const [re, to] of WMTS_NAMES) t = t.replace(re, to);
  const tms = t.includes('{-y}');
  t = t.replace('{-y}', '{y}');
  const missing = ['{z}', '{x}', '{y}'].filter((p) => !t.includes(p));
  if (missing.length > 0) return err({ code: 'placeholders', missing });
  const tiles = t.includes('{s}') ? subdomains.map((s) => t.replace('{s}', s)) : [t];
  return ok({ tiles, host: url.host, tms });
}

/** The tile at zoom `z` that holds a point: the test button fetches the one over the city's centre. */
export function tileAt(lon: number, lat: number, z: number): { z: number; x: number; y: number } {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const r = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  return { z, x: Math.min(n - 1, Math.max(0, x)), y: Math.min(n - 1, Math.max(0, y)) };
}

/** One tile's URL from a template. */
export function tileUrl(template: TileTemplate, t: { z: number; x: number; y: number }): string {
  const y = template.tms ? 2 ** t.z - 1 - t.y : t.y;
  const first = template.tiles[0] ?? '';
  return first.replace('{z}', String(t.z)).replace('{x}', String(t.x)).replace('{y}', String(y));
}

/** What a test fetch of one tile found, judged from what the browser tells a page. */
export type TileProbe =
  | { readonly code: 'ok'; readonly width: number; readonly height: number }
  | { readonly code: 'status'; readonly status: number }
  | { readonly code: 'network' }
  | { readonly code: 'notImage'; readonly contentType: string }
  | { readonly code: 'size'; readonly width: number; readonly height: number };

/** Classifies a finished fetch; 401/403 usually mean a wrong or missing key. */
export function judgeTile(
  status: number,
  contentType: string,
  size: { width: number; height: number } | null,
): TileProbe {
  if (status < 200 || status >= 300) return { code: 'status', status };
  if (!/^image\//i.test(contentType) && !size) return { code: 'notImage', contentType };
  if (!size) return { code: 'notImage', contentType };
  if (size.width !== size.height || (size.width !== 256 && size.width !== 512))
    return { code: 'size', width: size.width, height: size.height };
  return { code: 'ok', width: size.width, height: size.height };
}
