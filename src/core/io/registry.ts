/**
 * The codec registry: one codec per format behind one interface. `detect` looks at the name and the
 * first bytes; `read` turns the file into a raw table (errors as values); heavy parsers (XLSX, KML,
 * Shapefile, GeoTIFF) are imported only when a file of that format arrives.
 */
import type { ReferenceIndex } from '../geodata/reference';
import { err, ok, type Result } from '../result';
import { parseCsv } from './csv';
import { readGeoJson } from './geojson';
import { looksLikeLandTxt, readLandTxt } from './landtxt';
import { tableFromRows } from './tabular';
import { decodeText, looksBinary } from './text';
import {
  MAX_FILE_BYTES,
  MAX_RECORDS,
  type FormatId,
  type InputFile,
  type IoError,
  type Progress,
  type RawTable,
} from './types';
import { isZip, listZip } from './zip';

export interface ReadContext {
  readonly ref?: ReferenceIndex;
  readonly onProgress?: Progress;
  /** Which layer to read from a file that holds several (a zip of Shapefiles, TopoJSON objects). */
  readonly layer?: string;
}

export interface Codec {
  readonly id: FormatId;
  readonly extensions: readonly string[];
  /** How sure the codec is that it can read this file: 0 (no) … 1 (certain). */
  detect(file: InputFile): number;
  read(file: InputFile, ctx: ReadContext): Promise<Result<RawTable, IoError>>;
}

const extOf = (name: string): string => (/\.([^./\\]+)$/.exec(name)?.[1] ?? '').toLowerCase();

/** The first non-space character of a text file (after a BOM). */
function firstChar(b: Uint8Array): string {
  let i = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  while (i < b.length && (b[i] === 0x20 || b[i] === 0x0a || b[i] === 0x0d || b[i] === 0x09)) i++;
  return i < b.length ? String.fromCharCode(b[i] ?? 0) : '';
}

/** Names inside a zip, without reading its entries (for telling KMZ, Shapefile and XLSX apart). */
function zipNames(b: Uint8Array): string[] {
  const l = listZip(b);
  return l.ok ? l.value.map((e) => e.name.toLowerCase()) : [];
}

const text = (file: InputFile): Result<string, IoError> => {
  const t = decodeText(file.bytes);
  if (!t.ok || looksBinary(t.value.text)) return err({ code: 'encoding' });
  return ok(t.value.text);
};

export const CODECS: readonly Codec[] = [
  {
    id: 'geojson',
    extensions: ['geojson', 'json', 'topojson'],
    detect: (f) =>
      ['geojson', 'json', 'topojson'].includes(extOf(f.name)) ? 0.9 : ['{', '['].includes(firstChar(f.bytes)) ? 0.6 : 0,
    read: (f, ctx) => {
      const t = text(f);
      ctx.onProgress?.(0.3);
      return Promise.resolve(t.ok ? readGeoJson(t.value, ctx.ref, ctx.layer) : t);
    },
  },
  {
    id: 'landtxt',
    extensions: ['txt'],
    // the 自然资源 parcel exchange text: recognised by its [地块坐标] section, whatever its name
    detect: (f) => {
      if (isZip(f.bytes) || !['txt', ''].includes(extOf(f.name))) return 0;
      const head = decodeText(f.bytes.subarray(0, 20_000));
      return head.ok && looksLikeLandTxt(head.value.text) ? 0.99 : 0;
    },
    read: (f) => {
      const t = text(f);
      return Promise.resolve(t.ok ? readLandTxt(t.value) : t);
    },
  },
  {
    id: 'csv',
    extensions: ['csv', 'txt', 'tsv'],
    detect: (f) => (['csv', 'txt', 'tsv'].includes(extOf(f.name)) ? 0.9 : 0.1),
    read: (f, ctx) => {
      const t = decodeText(f.bytes);
      if (!t.ok || looksBinary(t.value.text)) return Promise.resolve(err({ code: 'encoding' }));
      const parsed = parseCsv(t.value.text, {
        limit: MAX_RECORDS + 20,
        ...(ctx.onProgress ? { onProgress: ctx.onProgress } : {}),
      });
      if (parsed.truncated) return Promise.resolve(err({ code: 'tooManyRecords', params: { max: MAX_RECORDS } }));
      if (parsed.unterminatedQuote)
        return Promise.resolve(err({ code: 'csvQuote', params: { row: parsed.rows.length } }));
      return Promise.resolve(tableFromRows(parsed.rows, 'csv', { encoding: t.value.encoding }));
    },
  },
  {
    id: 'xlsx',
    extensions: ['xlsx', 'xlsm'],
    detect: (f) =>
      isZip(f.bytes) && (['xlsx', 'xlsm'].includes(extOf(f.name)) || zipNames(f.bytes).some((n) => n.startsWith('xl/')))
        ? 0.95
        : 0,
    read: async (f) => (await import('./xlsx')).readXlsx(f.bytes),
  },
  {
    id: 'kml',
    extensions: ['kml'],
    detect: (f) => (extOf(f.name) === 'kml' ? 0.9 : firstChar(f.bytes) === '<' ? 0.5 : 0),
    read: async (f) => (await import('./kml')).readKml(f.bytes),
  },
  {
    id: 'kmz',
    extensions: ['kmz'],
    detect: (f) =>
      isZip(f.bytes) &&
      (extOf(f.name) === 'kmz' || (extOf(f.name) !== 'zip' && zipNames(f.bytes).some((n) => n.endsWith('.kml'))))
        ? 0.95
        : 0,
    read: async (f) => (await import('./kml')).readKmz(f.bytes),
  },
  {
    // a zip of layers: Shapefiles, GeoJSON / TopoJSON, CSV, KML, 界址点 TXT (one read, all listed)
    id: 'shapefile',
    extensions: ['zip'],
    detect: (f) => (isZip(f.bytes) ? (zipNames(f.bytes).some((n) => n.endsWith('.shp')) ? 0.97 : 0.9) : 0),
    read: async (f, ctx) =>
      (await import('./container')).readZipContainer(f.bytes, ctx.layer, (inner, layer) =>
        readFile(inner, { ...(ctx.ref ? { ref: ctx.ref } : {}), ...(layer !== undefined ? { layer } : {}) }),
      ),
  },
  {
    id: 'geotiff',
    extensions: ['tif', 'tiff'],
    detect: (f) =>
      f.bytes.length > 8 && (f.bytes[0] === 0x49 || f.bytes[0] === 0x4d) && ['tif', 'tiff'].includes(extOf(f.name))
        ? 0.95
        : 0,
    read: async (f) => (await import('./geotiff')).readGeoTiff(f.bytes),
  },
];

/** Extensions the file picker offers. */
export const ACCEPTED_EXTENSIONS = [...new Set(CODECS.flatMap((c) => c.extensions))].map((e) => `.${e}`);

/** The codec most likely to read the file, or null when none recognises it. */
export function detectCodec(file: InputFile): Codec | null {
  let best: Codec | null = null;
  let score = 0;
  for (const c of CODECS) {
    const s = c.detect(file);
    if (s > score) {
      best = c;
      score = s;
    }
  }
  // a binary file with an unknown extension: refuse rather than parse it as CSV
  if (best?.id === 'csv' && score < 0.5) {
    const head = decodeText(file.bytes.subarray(0, 4096));
    if (!head.ok || looksBinary(head.value.text)) return null;
  }
  return best;
}

/** Reads a file with the codec that recognises it; every failure is a value with a code for its message. */
export async function readFile(file: InputFile, ctx: ReadContext = {}): Promise<Result<RawTable, IoError>> {
  if (file.bytes.length === 0) return err({ code: 'empty' });
  if (file.bytes.length > MAX_FILE_BYTES)
    return err({
      code: 'tooLarge',
      params: { size: Math.round(file.bytes.length / 1048576), max: MAX_FILE_BYTES / 1048576 },
    });
  // Excel 97–2003 workbooks (OLE compound files) are common in bureaus: say what to do with them
  const ole = file.bytes[0] === 0xd0 && file.bytes[1] === 0xcf && file.bytes[2] === 0x11 && file.bytes[3] === 0xe0;
  if (ole || /\.xls$/i.test(file.name)) return err({ code: 'xlsxInvalid', params: { detail: '.xls' } });
  // one part of a Shapefile on its own: say which parts to add
  if (/\.(shp|dbf|shx|prj|cpg|sbn|sbx)$/i.test(file.name) && !isZip(file.bytes))
    return err({ code: 'shpAlone', params: { name: file.name } });
  const codec = detectCodec(file);
  if (!codec) return err({ code: 'unknownFormat', params: { name: file.name } });
  try {
    const r = await codec.read(file, ctx);
    ctx.onProgress?.(1);
    return r;
  } catch (e) {
    // a parser bug must not take the app down: report it as the format's own failure
    const detail = e instanceof Error ? e.message.slice(0, 80) : String(e);
    const code: IoError['code'] =
      codec.id === 'xlsx'
        ? 'xlsxInvalid'
        : codec.id === 'shapefile'
          ? 'shpInvalid'
          : codec.id === 'geotiff'
            ? 'tiffInvalid'
            : codec.id === 'kml' || codec.id === 'kmz'
              ? 'kmlInvalid'
              : 'notGeoJson';
    return err({ code, params: { detail } });
  }
}
