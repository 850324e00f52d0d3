/** A stored basemap archive's description, as kept beside the file (a boundary: read back with a schema). */
import { isRecord } from '../result';
import { isTileCrs, type TileCrs } from '../settings/settings';
import type { ArchiveInfo, TileType, VectorSchema } from './archive';

export interface BasemapFileRecord {
  readonly id: string;
  /** The file's name as the planner chose it. */
  readonly name: string;
  readonly size: number;
  readonly addedAt: string;
  /** The datum the planner declared for the tiles. */
  readonly crs: TileCrs;
  readonly info: ArchiveInfo;
}

const TILE_TYPES: readonly TileType[] = ['mvt', 'png', 'jpeg', 'webp'];
const SCHEMAS: readonly (VectorSchema | null)[] = ['protomaps', 'openmaptiles', null];
const nums = (v: unknown, n: number): v is number[] =>
  Array.isArray(v) && v.length === n && v.every((x) => typeof x === 'number' && Number.isFinite(x));

function parseInfo(v: unknown): ArchiveInfo | null {
  if (!isRecord(v)) return null;
  const { tileType, schema, minZoom, maxZoom, bounds, center, gzipTiles, name, attribution, vectorLayers } = v;
  const { metadata, minimumSize } = v;
  if (!TILE_TYPES.includes(tileType as TileType) || !SCHEMAS.includes(schema as VectorSchema | null)) return null;
  if (typeof minZoom !== 'number' || typeof maxZoom !== 'number' || typeof gzipTiles !== 'boolean') return null;
  if (!nums(bounds, 4) || !nums(center, 3) || typeof name !== 'string' || typeof attribution !== 'string') return null;
  if (!Array.isArray(vectorLayers) || !vectorLayers.every((l) => typeof l === 'string')) return null;
  if (!isRecord(metadata) || typeof metadata.offset !== 'number' || typeof metadata.length !== 'number') return null;
  if (typeof minimumSize !== 'number') return null;
  return {
    tileType: tileType as TileType,
    schema: schema as VectorSchema | null,
    minZoom,
    maxZoom,
    bounds: [bounds[0] ?? 0, bounds[1] ?? 0, bounds[2] ?? 0, bounds[3] ?? 0],
    center: [center[0] ?? 0, center[1] ?? 0, center[2] ?? 0],
    gzipTiles,
    name,
    attribution,
    vectorLayers,
    metadata: { offset: metadata.offset, length: metadata.length },
    minimumSize,
  };
}

/** Records read back from storage; malformed ones are left out (and counted). */
export function parseBasemapRecords(v: unknown): { records: BasemapFileRecord[]; skipped: number } {
  if (!Array.isArray(v)) return { records: [], skipped: v === undefined || v === null ? 0 : 1 };
  const records: BasemapFileRecord[] = [];
  let skipped = 0;
  for (const r of v) {
    const info = isRecord(r) ? parseInfo(r.info) : null;
    if (
      !isRecord(r) ||
      !info ||
      typeof r.id !== 'string' ||
      typeof r.name !== 'string' ||
      typeof r.size !== 'number' ||
      typeof r.addedAt !== 'string' ||
      !isTileCrs(r.crs)
    ) {
      skipped++;
      continue;
    }
    records.push({ id: r.id, name: r.name, size: r.size, addedAt: r.addedAt, crs: r.crs, info });
  }
  return { records, skipped };
}
