/**
 * A bounded zip reader for KMZ, zipped Shapefiles and XLSX: the central directory is read first, and
 * entries are inflated into buffers of their declared size only, with limits on entry count, total
 * size and compression ratio, so a zip bomb is refused before anything is inflated.
 */
import { Inflate } from 'fflate';
import { err, ok, type Result } from '../result';
import { MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES, type IoError } from './types';

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

export type ZipError = 'zipInvalid' | 'zipBomb' | 'zipSizeMismatch';

/** Ratio above which a large entry is treated as a bomb (spreadsheet XML compresses 10–30×). */
const MAX_RATIO = 200;

export const isZip = (b: Uint8Array): boolean => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** Lists entries from the central directory, checking the limits. */
export function listZip(bytes: Uint8Array): Result<ZipEntry[], ZipError> {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (v.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return err('zipInvalid');
  const count = v.getUint16(eocd + 10, true);
  const cdOffset = v.getUint32(eocd + 16, true);
  if (count > MAX_ZIP_ENTRIES) return err('zipBomb');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  let total = 0;
  const decoder = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || v.getUint32(p, true) !== 0x02014b50) return err('zipInvalid');
    const flags = v.getUint16(p + 8, true);
    const method = v.getUint16(p + 10, true);
    const compressedSize = v.getUint32(p + 20, true);
    const size = v.getUint32(p + 24, true);
    const nameLen = v.getUint16(p + 28, true);
    const extraLen = v.getUint16(p + 30, true);
    const commentLen = v.getUint16(p + 32, true);
    const localOffset = v.getUint32(p + 42, true);
    if (p + 46 + nameLen > bytes.length) return err('zipInvalid');
    const rawName = bytes.subarray(p + 46, p + 46 + nameLen);
    // bit 11: UTF-8 names; Chinese tools often write GBK names without it
    let name: string;
    try {
      name =
        (flags & 0x800) !== 0 ? decoder.decode(rawName) : new TextDecoder('utf-8', { fatal: true }).decode(rawName);
    } catch {
      name = new TextDecoder('gb18030').decode(rawName);
    }
    total += size;
    if (total > MAX_UNZIPPED_BYTES) return err('zipBomb');
    if (size > 1_000_000 && size / Math.max(1, compressedSize) > MAX_RATIO) return err('zipBomb');
    if (size === 0xffffffff || compressedSize === 0xffffffff) return err('zipBomb');
    entries.push({ name, method, compressedSize, size, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return ok(entries);
}

/**
 * Inflates into a buffer of the declared size, stopping the moment the data runs past it: an entry
 * that inflates to more (or less) than its header declares is refused, never cut to size and handed on
 * as if whole.
 */
function inflateExactly(data: Uint8Array, size: number): Result<Uint8Array, ZipError> {
  const out = new Uint8Array(size);
  let n = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    if (n + chunk.length > size) {
      over = true;
      throw new RangeError('entry larger than declared');
    }
    out.set(chunk, n);
    n += chunk.length;
  });
  try {
    inflater.push(data, true);
  } catch {
    return err(over ? 'zipSizeMismatch' : 'zipInvalid');
  }
  return n === size ? ok(out) : err('zipSizeMismatch');
}

/** Inflates one entry; its size must be exactly the declared one. */
export function readZipEntry(bytes: Uint8Array, e: ZipEntry): Result<Uint8Array, ZipError> {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const p = e.localOffset;
  if (p + 30 > bytes.length || v.getUint32(p, true) !== 0x04034b50) return err('zipInvalid');
  const start = p + 30 + v.getUint16(p + 26, true) + v.getUint16(p + 28, true);
  const data = bytes.subarray(start, start + e.compressedSize);
  if (data.length < e.compressedSize) return err('zipInvalid');
  if (e.method === 0) return e.size === e.compressedSize ? ok(data.slice()) : err('zipSizeMismatch');
  if (e.method !== 8) return err('zipInvalid');
  return inflateExactly(data, e.size);
}

/** Entries whose names match, read; macOS resource forks are skipped. A failure names the entry. */
export function readZip(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
): Result<Map<string, Uint8Array>, IoError> {
  const list = listZip(bytes);
  if (!list.ok) return err({ code: list.error });
  const out = new Map<string, Uint8Array>();
  for (const e of list.value) {
    if (e.name.includes('__MACOSX') || e.name.endsWith('/') || !wanted(e.name)) continue;
    const r = readZipEntry(bytes, e);
    if (!r.ok) return err({ code: r.error, params: { name: e.name } });
    out.set(e.name, r.value);
  }
  return ok(out);
}
