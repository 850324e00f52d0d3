/**
 * A small PMTiles v3 writer for test fixtures (one root directory, no leaves: up to a few thousand tiles).
 * Spec: https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md — header 127 bytes, little-endian;
 * directory = varint count, then tile-id deltas, run lengths, lengths, offsets (0 = right after the last).
 */
import { gzipSync } from 'node:zlib';
import { zxyToTileId } from 'pmtiles';

export interface WriterTile {
  readonly z: number;
  readonly x: number;
  readonly y: number;
  readonly data: Uint8Array;
}

export interface WriterOptions {
  /** 1 mvt, 2 png, 3 jpeg, 4 webp. */
  readonly tileType: number;
  /** Whether tile data is gzip-compressed (vector tiles usually are). */
  readonly gzipTiles: boolean;
  readonly bounds: readonly [number, number, number, number];
  readonly center: readonly [number, number, number];
  readonly metadata: Record<string, unknown>;
}

function varints(values: readonly number[]): Uint8Array {
  const out: number[] = [];
  for (let v of values) {
    while (v >= 0x80) {
      out.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    out.push(v);
  }
  return Uint8Array.from(out);
}

export function writePmtiles(tiles: readonly WriterTile[], o: WriterOptions): Uint8Array {
  const entries = tiles
    .map((t) => ({ id: zxyToTileId(t.z, t.x, t.y), data: o.gzipTiles ? gzipSync(t.data) : t.data, z: t.z }))
    .sort((a, b) => a.id - b.id);
  let offset = 0;
  const placed = entries.map((e) => {
    const p = { ...e, offset, length: e.data.length };
    offset += e.data.length;
    return p;
  });
  const ids: number[] = [];
  let last = 0;
  for (const e of placed) {
    ids.push(e.id - last);
    last = e.id;
  }
  const dir = gzipSync(
    Buffer.concat([
      varints([placed.length]),
      varints(ids),
      varints(placed.map(() => 1)),
      varints(placed.map((e) => e.length)),
      varints(placed.map((e, i) => (i > 0 ? 0 : e.offset + 1))),
    ]),
  );
  const meta = gzipSync(Buffer.from(JSON.stringify(o.metadata), 'utf8'));
  const rootOffset = 127;
  const metaOffset = rootOffset + dir.length;
  const dataOffset = metaOffset + meta.length;
  const h = Buffer.alloc(127);
  h.write('PMTiles', 0, 'ascii');
  h.writeUInt8(3, 7);
  const u64 = (at: number, v: number): void => void h.writeBigUInt64LE(BigInt(v), at);
  u64(8, rootOffset);
  u64(16, dir.length);
  u64(24, metaOffset);
  u64(32, meta.length);
  u64(40, 0);
  u64(48, 0);
  u64(56, dataOffset);
  u64(64, offset);
  u64(72, placed.length);
  u64(80, placed.length);
  u64(88, placed.length);
  h.writeUInt8(1, 96); // clustered
  h.writeUInt8(2, 97); // internal compression gzip
  h.writeUInt8(o.gzipTiles ? 2 : 1, 98);
  h.writeUInt8(o.tileType, 99);
  h.writeUInt8(Math.min(...placed.map((e) => e.z)), 100);
  h.writeUInt8(Math.max(...placed.map((e) => e.z)), 101);
  const e7 = (at: number, v: number): void => void h.writeInt32LE(Math.round(v * 1e7), at);
  e7(102, o.bounds[0]);
  e7(106, o.bounds[1]);
  e7(110, o.bounds[2]);
  e7(114, o.bounds[3]);
  h.writeUInt8(o.center[2], 118);
  e7(119, o.center[0]);
  e7(123, o.center[1]);
  return Buffer.concat([h, dir, meta, ...placed.map((e) => e.data)]);
}
