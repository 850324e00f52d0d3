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
import { encodingFromCpg } from './text';
import type { IoError, RawTable, RowProblem } from './types';
import { readZip } from './zip';

const base = (name: string): string => name.replace(/\.[^./]+$/, '').toLowerCase();
const ext = (name: string): string => (/\.([^./]+)$/.exec(name)?.[1] ?? '').toLowerCase();

/** The DBF's records decoded with an encoding, or null when they are not valid in it. */
function decodeRecords(dbf: Uint8Array, label: string): string | null {
  const headerLen = dbf.length >= 10 ? (dbf[8] ?? 0) | ((dbf[9] ?? 0) << 8) : 0;
  try {
    return new TextDecoder(label, { fatal: true }).decode(dbf.subarray(headerLen));
  } catch {
    return null;
  }
}

/**
 * The code page a DBF's language driver byte (LDID, header byte 29) names, per the dBase / ESRI tables.
 * 0x57 and 0x03 mean "ANSI": the writer's own code page, which on a Chinese Windows is GBK.
 */
const LDID: Readonly<Record<number, string>> = {
  0x4d: 'gb18030',
  0x7a: 'gb18030',
  0x4f: 'big5',
  0x78: 'big5',
  0x4e: 'euc-kr',
  0x79: 'euc-kr',
  0x13: 'shift_jis',
  0x7b: 'shift_jis',
  0xc8: 'windows-1250',
  0xc9: 'windows-1251',
  0x64: 'ibm866',
};
const ANSI_LDID = new Set([0x03, 0x57]);

export interface DbfEncoding {
  /** A WHATWG encoding label. */
  readonly label: string;
  /** Where it came from: the .cpg, the DBF's language driver byte, or a guess from the bytes. */
  readonly from: 'cpg' | 'ldid' | 'guess';
}

/** The DBF's text encoding: its .cpg first, then its language driver byte, then a guess (UTF-8, else GBK). */
export function dbfEncoding(dbf: Uint8Array, cpgText: string): DbfEncoding {
  const cpg = encodingFromCpg(cpgText);
  if (cpg) return { label: cpg, from: 'cpg' };
  const ldid = dbf.length > 29 ? (dbf[29] ?? 0) : 0;
  const named = LDID[ldid];
  if (named && decodeRecords(dbf, named) !== null) return { label: named, from: 'ldid' };
  if (decodeRecords(dbf, 'utf-8') !== null) return { label: 'utf-8', from: 'guess' };
  if (ANSI_LDID.has(ldid)) {
    // "ANSI": GBK when the bytes read as Chinese, else Western European
    const gbk = decodeRecords(dbf, 'gb18030') ?? '';
    const high = Array.from(gbk).filter((c) => c.charCodeAt(0) > 0x7f);
    const cjk = high.filter((c) => /[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]/.test(c)).length;
    return { label: high.length > 0 && cjk / high.length > 0.8 ? 'gb18030' : 'windows-1252', from: 'ldid' };
  }
  return { label: 'gb18030', from: 'guess' };
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

/** The parts of one Shapefile layer, by extension (shp, dbf, prj, cpg). */
export interface ShapefileParts {
  readonly shp?: Uint8Array;
  readonly dbf?: Uint8Array;
  readonly prj?: Uint8Array;
  readonly cpg?: Uint8Array;
}

/** The layers (base names of .shp files) among the named files of a zip or a picked folder. */
export function shapefileLayers(names: readonly string[]): string[] {
  return [...new Set(names.filter((n) => ext(n) === 'shp').map(base))];
}

/** One layer's parts among named files. */
export function partsOf(files: ReadonlyMap<string, Uint8Array>, layer: string): ShapefileParts {
  const byExt = (e: string): Uint8Array | undefined => {
    for (const [name, data] of files) if (base(name) === layer && ext(name) === e) return data;
    return undefined;
  };
  const parts: { -readonly [K in keyof ShapefileParts]: ShapefileParts[K] } = {};
  for (const e of ['shp', 'dbf', 'prj', 'cpg'] as const) {
    const data = byExt(e);
    if (data) parts[e] = data;
  }
  return parts;
}

/** A Shapefile's geometry type from its .shp header (Point, Polygon …), for the layer list. */
export function shpGeometryType(shp: Uint8Array | undefined): string {
  if (!shp || shp.length < 100) return '—';
  const code = new DataView(shp.buffer, shp.byteOffset, shp.byteLength).getInt32(32, true) % 10;
  return ({ 1: 'Point', 3: 'LineString', 5: 'Polygon', 8: 'MultiPoint' } as Record<number, string>)[code] ?? '—';
}

/** Records a DBF holds (its header says), for the layer list. */
export const dbfRecordCount = (dbf: Uint8Array | undefined): number =>
  dbf && dbf.length >= 8 ? new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength).getUint32(4, true) : 0;

export function readShapefileZip(bytes: Uint8Array): Result<RawTable, IoError> {
  const files = readZip(bytes, (n) => ['shp', 'dbf', 'prj', 'cpg'].includes(ext(n)));
  if (!files.ok) return files;
  const [layer] = shapefileLayers([...files.value.keys()]);
  if (layer === undefined) return err({ code: 'zipNoData', params: { expected: '.shp' } });
  return readShapefileParts(partsOf(files.value, layer));
}

export function readShapefileParts(parts: ShapefileParts): Result<RawTable, IoError> {
  const { shp, dbf, prj, cpg } = parts;
  if (!shp || shp.length < 100 || new DataView(shp.buffer, shp.byteOffset).getInt32(0, false) !== 9994)
    return err({ code: 'shpInvalid', params: { detail: 'header' } });
  if (!dbf) return err({ code: 'shpNoDbf' });
  const encoding = dbfEncoding(dbf, cpg ? new TextDecoder().decode(cpg) : '');
  let geometries: unknown[];
  let rows: Record<string, unknown>[];
  try {
    geometries = parseShp(shp);
    rows = parseDbf(dbf, encoding.label === 'gb18030' ? 'gbk' : encoding.label);
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
    encoding: encoding.label,
    encodingFrom: encoding.from,
    problems,
    ...(prjName !== undefined ? { prjName } : {}),
  });
  if (!t.ok) return t;
  return ok({ ...t.value, ...(prjWkt !== undefined ? { prjWkt } : {}) });
}
