/**
 * The facts about a PMTiles archive that the app needs before it reads one (how many bytes to read
 * first, the names of tile types it refuses), apart from the reader itself (archive.ts, which brings a
 * gzip decoder and loads the first time an archive is inspected).
 */
export const HEADER_BYTES = 127;
/** The header and the root directory are within the first 16 KiB of every valid archive. */
export const HEAD_BYTES = 16_384;

const TILE_TYPE_NAMES: Readonly<Record<number, string>> = { 0: 'unknown', 5: 'AVIF', 6: 'MLT (MapLibre Tile)' };
/** A tile type the app refuses, by name (the spec's numbers: 5 AVIF, 6 MLT). */
export const tileTypeName = (n: number): string => TILE_TYPE_NAMES[n] ?? String(n);
