/**
 * Reads what a PMTiles v3 archive says about itself — header, bounds, zoom range, tile type and the
 * metadata (name, attribution, vector layers) — from its first bytes, before anything is stored. Every
 * reason a file cannot be used is its own error value, so the planner is told exactly what is wrong.
 * Spec: https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md
 */
import { gunzipSync } from 'fflate';
import { err, isRecord, ok, type Result } from '../result';
import { HEAD_BYTES, HEADER_BYTES } from './head';

export { HEAD_BYTES, HEADER_BYTES, tileTypeName } from './head';

export type TileType = 'mvt' | 'png' | 'jpeg' | 'webp';
/** The vector schemas our street style knows. */
export type VectorSchema = 'protomaps' | 'openmaptiles';

export interface ArchiveInfo {
  readonly tileType: TileType;
  /** null for raster archives. */
  readonly schema: VectorSchema | null;
  readonly minZoom: number;
  readonly maxZoom: number;
  /** [west, south, east, north] in degrees. */
  readonly bounds: readonly [number, number, number, number];
  readonly center: readonly [number, number, number];
  /** Whether tiles are gzip-compressed (the browser inflates them). */
  readonly gzipTiles: boolean;
  readonly name: string;
  /** The archive's attribution as plain text (HTML tags removed); empty when it names none. */
  readonly attribution: string;
  /** The vector layer ids the archive holds (empty for raster). */
  readonly vectorLayers: readonly string[];
  /** Where the metadata lies, for reading it in a second step. */
  readonly metadata: { readonly offset: number; readonly length: number };
  /** The bytes the archive must have: the end of its furthest section. */
  readonly minimumSize: number;
}

export type ArchiveError =
  | { readonly code: 'truncated'; readonly size: number; readonly needed: number }
  | { readonly code: 'magic' }
  | { readonly code: 'version'; readonly version: number }
  | { readonly code: 'tileType'; readonly tileType: number }
  | { readonly code: 'compression'; readonly compression: number }
  | { readonly code: 'bounds' }
  | { readonly code: 'metadata' }
  | { readonly code: 'schema'; readonly layers: readonly string[] };

const TILE_TYPES: Readonly<Record<number, TileType>> = { 1: 'mvt', 2: 'png', 3: 'jpeg', 4: 'webp' };

interface RawHeader {
  readonly rootOffset: number;
  readonly rootLength: number;
  readonly metadataOffset: number;
  readonly metadataLength: number;
  readonly leafOffset: number;
  readonly leafLength: number;
  readonly tileDataOffset: number;
  readonly tileDataLength: number;
  readonly internalCompression: number;
  readonly tileCompression: number;
  readonly tileType: number;
  readonly minZoom: number;
  readonly maxZoom: number;
  readonly bounds: [number, number, number, number];
  readonly center: [number, number, number];
}

function readHeader(bytes: Uint8Array): Result<RawHeader, ArchiveError> {
  if (bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4d && bytes[2] === 2)
    return err({ code: 'version', version: 2 });
  const magic = String.fromCharCode(...bytes.subarray(0, 7));
  if (bytes.length >= 7 && magic !== 'PMTiles') return err({ code: 'magic' });
  if (bytes.length < HEADER_BYTES) return err({ code: 'truncated', size: bytes.length, needed: HEADER_BYTES });
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = v.getUint8(7);
  if (version !== 3) return err({ code: 'version', version });
  const u64 = (o: number): number => Number(v.getBigUint64(o, true));
  const e7 = (o: number): number => v.getInt32(o, true) / 1e7;
  return ok({
    rootOffset: u64(8),
    rootLength: u64(16),
    metadataOffset: u64(24),
    metadataLength: u64(32),
    leafOffset: u64(40),
    leafLength: u64(48),
    tileDataOffset: u64(56),
    tileDataLength: u64(64),
    internalCompression: v.getUint8(97),
    tileCompression: v.getUint8(98),
    tileType: v.getUint8(99),
    minZoom: v.getUint8(100),
    maxZoom: v.getUint8(101),
    bounds: [e7(102), e7(106), e7(110), e7(114)],
    center: [e7(119), e7(123), v.getUint8(118)],
  });
}

/** Compression codes: 1 none, 2 gzip (3 brotli and 4 zstd are not readable in a browser without a library). */
const readable = (c: number): boolean => c === 1 || c === 2;

function validBounds([w, s, e, n]: readonly number[]): boolean {
  const lonOk = (x: number | undefined): boolean => x !== undefined && x >= -180 && x <= 180;
  const latOk = (y: number | undefined): boolean => y !== undefined && y >= -90 && y <= 90;
  return lonOk(w) && lonOk(e) && latOk(s) && latOk(n) && (w ?? 0) < (e ?? 0) && (s ?? 0) < (n ?? 0);
}

/** Plain text of an attribution that may carry HTML links. */
export function plainAttribution(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&copy;/g, '©')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Which street style fits the archive's vector layers. */
export function detectSchema(layers: readonly string[]): VectorSchema | null {
  const has = (id: string): boolean => layers.includes(id);
  if (has('roads') && (has('earth') || has('water') || has('places'))) return 'protomaps';
  if (has('transportation') || has('transportation_name')) return 'openmaptiles';
  return null;
}

/**
 * Step one: the header (from the first bytes of the file) and the file's size. Tells where the metadata
 * is; `readArchiveInfo` finishes with the metadata bytes.
 */
export function readArchiveHead(
  head: Uint8Array,
  size: number,
): Result<Omit<ArchiveInfo, 'schema' | 'name' | 'attribution' | 'vectorLayers'>, ArchiveError> {
  const h = readHeader(head);
  if (!h.ok) return h;
  const r = h.value;
  const tileType = TILE_TYPES[r.tileType];
  if (!tileType) return err({ code: 'tileType', tileType: r.tileType });
  if (!readable(r.internalCompression)) return err({ code: 'compression', compression: r.internalCompression });
  if (!readable(r.tileCompression)) return err({ code: 'compression', compression: r.tileCompression });
  if (!validBounds(r.bounds) || r.minZoom > r.maxZoom || r.maxZoom > 30) return err({ code: 'bounds' });
  const minimumSize = Math.max(
    r.rootOffset + r.rootLength,
    r.metadataOffset + r.metadataLength,
    r.leafOffset + r.leafLength,
    r.tileDataOffset + r.tileDataLength,
  );
  if (size < minimumSize) return err({ code: 'truncated', size, needed: minimumSize });
  if (r.rootOffset + r.rootLength > HEAD_BYTES && r.rootLength > 0 && head.length < r.rootOffset + r.rootLength)
    return err({ code: 'truncated', size: head.length, needed: r.rootOffset + r.rootLength });
  return ok({
    tileType,
    minZoom: r.minZoom,
    maxZoom: r.maxZoom,
    bounds: r.bounds,
    center: r.center,
    gzipTiles: r.tileCompression === 2,
    metadata: { offset: r.metadataOffset, length: r.metadataLength },
    minimumSize,
  });
}

/** Step two: the metadata JSON (gzip-inflated when the archive's internal compression says so). */
export function readArchiveInfo(
  head: Uint8Array,
  size: number,
  metadataBytes: Uint8Array,
): Result<ArchiveInfo, ArchiveError> {
  const h = readArchiveHead(head, size);
  if (!h.ok) return h;
  const gz = head[97] === 2;
  let meta: unknown = {};
  if (metadataBytes.length > 0) {
    try {
      const raw = gz ? gunzipSync(metadataBytes) : metadataBytes;
      meta = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
    } catch {
      return err({ code: 'metadata' });
    }
  }
  if (!isRecord(meta)) return err({ code: 'metadata' });
  const layers = Array.isArray(meta.vector_layers)
    ? meta.vector_layers.flatMap((l) => (isRecord(l) && typeof l.id === 'string' ? [l.id] : []))
    : [];
  const schema = h.value.tileType === 'mvt' ? detectSchema(layers) : null;
  if (h.value.tileType === 'mvt' && !schema) return err({ code: 'schema', layers });
  return ok({
    ...h.value,
    schema,
    name: typeof meta.name === 'string' ? meta.name : '',
    attribution: typeof meta.attribution === 'string' ? plainAttribution(meta.attribution) : '',
    vectorLayers: layers,
  });
}
