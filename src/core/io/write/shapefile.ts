/**
 * An ESRI Shapefile set (.shp, .shx, .dbf, .prj, .cpg) for points or polygons, written by hand:
 * @mapbox/shp-write (the maintained JS writer) writes only a WGS84 .prj and no .cpg, and its dBase writer
 * cuts field names by characters — a four-character Chinese name is 12 bytes in UTF-8, over dBase's
 * limit — so ArcGIS and QGIS would show mojibake or refuse the field. Here field names are checked
 * to ≤ 10 bytes, text is UTF-8 (declared in the .cpg), numbers, dates and logicals are typed.
 * Spec: ESRI Shapefile Technical Description (1998); dBase III table format.
 */

export type DbfType = 'C' | 'N' | 'D' | 'L';
export interface DbfField {
  /** ≤ 10 bytes in UTF-8. */
  readonly name: string;
  readonly type: DbfType;
  /** Bytes (C), digits (N); D is 8 and L is 1 whatever is given. */
  readonly width: number;
  readonly decimals?: number;
}
export type DbfValue = string | number | boolean | Date | null;

export type ShapeGeometry =
  | { readonly type: 'Point'; readonly coordinates: readonly [number, number] }
  | { readonly type: 'Polygon'; readonly coordinates: readonly (readonly (readonly [number, number])[])[] };

export interface ShapeLayer {
  readonly name: string;
  readonly shapeType: 'point' | 'polygon';
  readonly fields: readonly DbfField[];
  readonly records: readonly { readonly geometry: ShapeGeometry; readonly values: readonly DbfValue[] }[];
  /** The .prj text. */
  readonly prj: string;
}

const utf8 = new TextEncoder();
const byteLength = (s: string): number => utf8.encode(s).length;

/** Cuts a string to at most `max` UTF-8 bytes without splitting a character. */
export function truncateUtf8(s: string, max: number): Uint8Array {
  const bytes = utf8.encode(s);
  if (bytes.length <= max) return bytes;
  let end = max;
  // back off continuation bytes (10xxxxxx) so a character is never cut in two
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end);
}

/** Fields whose name does not fit dBase (more than 10 bytes), or repeats: a programming error. */
export function checkFields(fields: readonly DbfField[]): string[] {
  const seen = new Set<string>();
  const bad: string[] = [];
  for (const f of fields) {
    if (byteLength(f.name) > 10 || f.name === '' || seen.has(f.name)) bad.push(f.name);
    seen.add(f.name);
  }
  return bad;
}

const widthOf = (f: DbfField): number => (f.type === 'D' ? 8 : f.type === 'L' ? 1 : f.width);

function cell(f: DbfField, v: DbfValue): Uint8Array {
  const w = widthOf(f);
  const out = new Uint8Array(w).fill(0x20);
  if (v === null || v === '') return f.type === 'L' ? out.fill(0x3f) : out;
  switch (f.type) {
    case 'C':
      out.set(truncateUtf8(String(v), w));
      return out;
    case 'N': {
      const n = typeof v === 'number' ? v : Number(v);
      if (!Number.isFinite(n)) return out;
      const s = n.toFixed(f.decimals ?? 0);
      if (s.length > w) return out;
      out.set(utf8.encode(s), w - s.length);
      return out;
    }
    case 'D': {
      const d = v instanceof Date ? v : new Date(String(v));
      if (Number.isNaN(d.getTime())) return out;
      const s = `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
      out.set(utf8.encode(s));
      return out;
    }
    case 'L':
      out[0] = v === true ? 0x54 : 0x46;
      return out;
  }
}

export function writeDbf(fields: readonly DbfField[], rows: readonly (readonly DbfValue[])[], today: Date): Uint8Array {
  const headerLength = 32 + 32 * fields.length + 1;
  const recordLength = 1 + fields.reduce((s, f) => s + widthOf(f), 0);
  const out = new Uint8Array(headerLength + recordLength * rows.length + 1);
  const v = new DataView(out.buffer);
  out[0] = 0x03;
  out[1] = today.getUTCFullYear() - 1900;
  out[2] = today.getUTCMonth() + 1;
  out[3] = today.getUTCDate();
  v.setUint32(4, rows.length, true);
  v.setUint16(8, headerLength, true);
  v.setUint16(10, recordLength, true);
  fields.forEach((f, i) => {
    const at = 32 + 32 * i;
    out.set(truncateUtf8(f.name, 10), at);
    out[at + 11] = f.type.charCodeAt(0);
    out[at + 16] = widthOf(f);
    out[at + 17] = f.type === 'N' ? (f.decimals ?? 0) : 0;
  });
  out[headerLength - 1] = 0x0d;
  let at = headerLength;
  for (const row of rows) {
    out[at++] = 0x20;
    fields.forEach((f, i) => {
      const c = cell(f, row[i] ?? null);
      out.set(c, at);
      at += c.length;
    });
  }
  out[at] = 0x1a;
  return out;
}

/** Twice the signed area (shoelace; positive = counter-clockwise with y up). */
function signedArea(ring: readonly (readonly [number, number])[]): number {
  let s = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x1, y1] = ring[i] ?? [0, 0];
    const [x2, y2] = ring[i + 1] ?? [0, 0];
    s += x1 * y2 - x2 * y1;
  }
  return s;
}

/** Shapefile ring order: the outer ring clockwise, holes counter-clockwise (the reverse of RFC 7946). */
function shapefileRings(
  rings: readonly (readonly (readonly [number, number])[])[],
): (readonly (readonly [number, number])[])[] {
  return rings.map((r, i) => {
    const closed =
      r.length > 0 && (r[0]?.[0] !== r.at(-1)?.[0] || r[0]?.[1] !== r.at(-1)?.[1]) ? [...r, r[0] ?? [0, 0]] : r;
    const clockwise = signedArea(closed) < 0;
    return (i === 0) === clockwise ? closed : [...closed].reverse();
  });
}

interface Box {
  xmin: number;
  ymin: number;
  xmax: number;
  ymax: number;
}
const emptyBox = (): Box => ({ xmin: Infinity, ymin: Infinity, xmax: -Infinity, ymax: -Infinity });
function grow(b: Box, [x, y]: readonly [number, number]): void {
  b.xmin = Math.min(b.xmin, x);
  b.ymin = Math.min(b.ymin, y);
  b.xmax = Math.max(b.xmax, x);
  b.ymax = Math.max(b.ymax, y);
}

function content(g: ShapeGeometry): Uint8Array {
  if (g.type === 'Point') {
    const b = new Uint8Array(20);
    const v = new DataView(b.buffer);
    v.setInt32(0, 1, true);
    v.setFloat64(4, g.coordinates[0], true);
    v.setFloat64(12, g.coordinates[1], true);
    return b;
  }
  const rings = shapefileRings(g.coordinates);
  const points = rings.flat();
  const b = new Uint8Array(44 + 4 * rings.length + 16 * points.length);
  const v = new DataView(b.buffer);
  const box = emptyBox();
  for (const p of points) grow(box, p);
  v.setInt32(0, 5, true);
  v.setFloat64(4, box.xmin, true);
  v.setFloat64(12, box.ymin, true);
  v.setFloat64(20, box.xmax, true);
  v.setFloat64(28, box.ymax, true);
  v.setInt32(36, rings.length, true);
  v.setInt32(40, points.length, true);
  let start = 0;
  rings.forEach((r, i) => {
    v.setInt32(44 + 4 * i, start, true);
    start += r.length;
  });
  let at = 44 + 4 * rings.length;
  for (const [x, y] of points) {
    v.setFloat64(at, x, true);
    v.setFloat64(at + 8, y, true);
    at += 16;
  }
  return b;
}

function header(type: number, lengthBytes: number, box: Box): Uint8Array {
  const h = new Uint8Array(100);
  const v = new DataView(h.buffer);
  v.setInt32(0, 9994, false);
  v.setInt32(24, lengthBytes / 2, false);
  v.setInt32(28, 1000, true);
  v.setInt32(32, type, true);
  const finite = Number.isFinite(box.xmin);
  v.setFloat64(36, finite ? box.xmin : 0, true);
  v.setFloat64(44, finite ? box.ymin : 0, true);
  v.setFloat64(52, finite ? box.xmax : 0, true);
  v.setFloat64(60, finite ? box.ymax : 0, true);
  return h;
}

/** The five files of one layer, by file name. */
export function writeShapefile(layer: ShapeLayer, today: Date): Record<string, Uint8Array | string> {
  const bad = checkFields(layer.fields);
  if (bad.length > 0) throw new Error(`dBase field names must be 1–10 bytes and unique: ${bad.join(', ')}`);
  const type = layer.shapeType === 'point' ? 1 : 5;
  const contents = layer.records.map((r) => content(r.geometry));
  const box = emptyBox();
  for (const r of layer.records)
    for (const p of r.geometry.type === 'Point' ? [r.geometry.coordinates] : r.geometry.coordinates.flat())
      grow(box, p);
  const shpLength = 100 + contents.reduce((s, c) => s + 8 + c.length, 0);
  const shp = new Uint8Array(shpLength);
  const shx = new Uint8Array(100 + 8 * contents.length);
  shp.set(header(type, shpLength, box));
  shx.set(header(type, shx.length, box));
  const sv = new DataView(shp.buffer);
  const xv = new DataView(shx.buffer);
  let at = 100;
  contents.forEach((c, i) => {
    sv.setInt32(at, i + 1, false);
    sv.setInt32(at + 4, c.length / 2, false);
    xv.setInt32(100 + 8 * i, at / 2, false);
    xv.setInt32(104 + 8 * i, c.length / 2, false);
    shp.set(c, at + 8);
    at += 8 + c.length;
  });
  return {
    [`${layer.name}.shp`]: shp,
    [`${layer.name}.shx`]: shx,
    [`${layer.name}.dbf`]: writeDbf(
      layer.fields,
      layer.records.map((r) => r.values),
      today,
    ),
    [`${layer.name}.prj`]: layer.prj,
    [`${layer.name}.cpg`]: 'UTF-8',
  };
}
