/**
 * Zipped Shapefile (.shp + .dbf, with .prj and .cpg): geometry and attributes via shpjs, read in the
 * file's own coordinates; the .prj names the system (CGCS2000 Gauss-Krüger zones are recognised).
 * DBF text is GBK when the .cpg says so, or when it is not valid UTF-8.
 */
import { parseDbf, parseShp } from 'shpjs';
import { err, ok, type Result } from '../result';
import { crsFromPrj } from './crs';
import { tableFromFeatures } from './geojson';
import { UNSAFE_KEYS } from './tabular';
import { encodingFromCpg, type TextEncodingId } from './text';
import type { IoError, RawTable, RowProblem } from './types';
import { readZip } from './zip';

const base = (name: string): string => name.replace(/\.[^./]+$/, '').toLowerCase();
const ext = (name: string): string => (/\.([^./]+)$/.exec(name)?.[1] ?? '').toLowerCase();

/** The DBF's record bytes decode as UTF-8? (Headers are ASCII; records start after the header.) */
function dbfIsUtf8(dbf: Uint8Array): boolean {
  const headerLen = dbf.length >= 10 ? (dbf[8] ?? 0) | ((dbf[9] ?? 0) << 8) : 0;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(dbf.subarray(headerLen));
    return true;
  } catch {
    return false;
  }
}

/** The field names a DBF header declares (ASCII by the format), trimmed of padding. */
export function dbfFieldNames(dbf: Uint8Array): string[] {
  if (dbf.length < 33) return [];
  const v = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  const headerLen = v.getUint16(8, true);
  const names: string[] = [];
  for (let o = 32; o + 32 <= Math.min(headerLen, dbf.length) && dbf[o] !== 0x0d; o += 32) {
    const raw = dbf.subarray(o, o + 11);
    const end = raw.indexOf(0);
    names.push(new TextDecoder('latin1').decode(end < 0 ? raw : raw.subarray(0, end)).trim());
  }
  return names;
}

export function readShapefileZip(bytes: Uint8Array): Result<RawTable, IoError> {
  const files = readZip(bytes, (n) => ['shp', 'dbf', 'prj', 'cpg'].includes(ext(n)));
  if (!files.ok) return files;
  const byExt = (layer: string, e: string): Uint8Array | undefined => {
    for (const [name, data] of files.value) if (base(name) === layer && ext(name) === e) return data;
    return undefined;
  };
  const shpName = [...files.value.keys()].find((n) => ext(n) === 'shp');
  if (shpName === undefined) return err({ code: 'zipNoData', params: { expected: '.shp' } });
  const layer = base(shpName);
  const shp = byExt(layer, 'shp');
  const dbf = byExt(layer, 'dbf');
  const prj = byExt(layer, 'prj');
  const cpg = byExt(layer, 'cpg');
  if (!shp || shp.length < 100 || new DataView(shp.buffer, shp.byteOffset).getInt32(0, false) !== 9994)
    return err({ code: 'shpInvalid', params: { detail: 'header' } });
  if (!dbf) return err({ code: 'shpNoDbf' });
  const cpgText = cpg ? new TextDecoder().decode(cpg) : '';
  const encoding: TextEncodingId = encodingFromCpg(cpgText) ?? (dbfIsUtf8(dbf) ? 'utf-8' : 'gb18030');
  let geometries: unknown[];
  let rows: Record<string, unknown>[];
  try {
    geometries = parseShp(shp);
    rows = parseDbf(dbf, encoding === 'gb18030' ? 'gbk' : encoding);
  } catch (e) {
    return err({ code: 'shpInvalid', params: { detail: e instanceof Error ? e.message.slice(0, 80) : 'parse' } });
  }
  // unsafe field names are reported from the DBF header itself: a "__proto__" field never shows up
  // as an own key of the parser's row objects, so it would otherwise vanish without a word
  const problems: RowProblem[] = dbfFieldNames(dbf)
    .filter((name) => UNSAFE_KEYS.has(name))
    .map((key) => ({ row: 0, code: 'unsafeKey' as const, severity: 'warning' as const, params: { key } }));
  const features = geometries.map((g, i) => {
    const props: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(rows[i] ?? {})) {
      // DBF names are padded: trimmed before the check, so "prototype " is caught like "prototype"
      const key = k.trim();
      if (UNSAFE_KEYS.has(key)) continue;
      props[key] = typeof v === 'string' ? v.trim() : v;
    }
    return { type: 'Feature', geometry: g, properties: props };
  });
  if (features.length === 0) return err({ code: 'noRecords' });
  let declared: RawTable['declaredCrs'] = null;
  let prjName: string | undefined;
  let prjWkt: string | undefined;
  if (prj) {
    const wkt = new TextDecoder().decode(prj);
    const c = crsFromPrj(wkt);
    if (!c) return err({ code: 'prjUnknown', params: { name: wkt.slice(0, 60) } });
    declared = c.crs;
    prjName = c.name;
    prjWkt = wkt;
  }
  const t = tableFromFeatures(features, 'shapefile', {
    declaredCrs: declared,
    encoding,
    problems,
    ...(prjName !== undefined ? { prjName } : {}),
  });
  if (!t.ok) return t;
  return ok({ ...t.value, ...(prjWkt !== undefined ? { prjWkt } : {}) });
}
