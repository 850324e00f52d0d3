/** GeoTIFF population rasters (WorldPop and the like) in geographic coordinates, via geotiff.js. */
import { fromArrayBuffer } from 'geotiff';
import { err, ok, type Result } from '../result';
import type { IoError, RawTable } from './types';

/** 20 million pixels: WorldPop 100 m over all of Fujian is about 6 million. */
const MAX_PIXELS = 20_000_000;

export const isTiff = (b: Uint8Array): boolean =>
  (b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a && b[3] === 0) ||
  (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && b[3] === 0x2a);

export async function readGeoTiff(bytes: Uint8Array): Promise<Result<RawTable, IoError>> {
  let tiff;
  let image;
  try {
    tiff = await fromArrayBuffer(bytes.slice().buffer);
    image = await tiff.getImage();
  } catch (e) {
    return err({ code: 'tiffInvalid', params: { detail: e instanceof Error ? e.message.slice(0, 80) : 'parse' } });
  }
  const width = image.getWidth();
  const height = image.getHeight();
  if (width * height > MAX_PIXELS) return err({ code: 'tooManyRecords', params: { max: MAX_PIXELS } });
  const keys = image.getGeoKeys() ?? {};
  const k = keys as Record<string, unknown>;
  const code = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
  const geographic = code(k.GeographicTypeGeoKey);
  const projected = code(k.ProjectedCSTypeGeoKey);
  const model = code(k.GTModelTypeGeoKey);
  const georeferenced =
    Object.keys(k).length > 0 ||
    image.fileDirectory.hasTag('ModelTiepoint') ||
    image.fileDirectory.hasTag('ModelTransformation');
  if (!georeferenced) return err({ code: 'tiffNoGeo' });
  // 32767 is "user-defined": the key says a system is described elsewhere in the file, not which one
  const named = (c: number): string => (c === 32767 ? 'user-defined (32767)' : `EPSG:${c}`);
  if (projected !== undefined || model === 1)
    return err({ code: 'tiffCrs', params: { code: projected !== undefined ? named(projected) : 'projected' } });
  if (geographic !== undefined && geographic !== 4326 && geographic !== 4490)
    return err({ code: 'tiffCrs', params: { code: named(geographic) } });
  let bbox: number[];
  let raster;
  try {
    bbox = image.getBoundingBox();
    raster = await image.readRasters({ samples: [0], interleave: true });
  } catch (e) {
    return err({ code: 'tiffInvalid', params: { detail: e instanceof Error ? e.message.slice(0, 80) : 'read' } });
  }
  const [w = 0, s = 0, e = 0, n = 0] = bbox;
  if (!(w >= -180 && e <= 180 && s >= -90 && n <= 90 && e > w && n > s))
    return err({
      code: 'tiffCrs',
      params: { code: `${w.toFixed(0)}…${e.toFixed(0)}, ${s.toFixed(0)}…${n.toFixed(0)}` },
    });
  const values = raster instanceof Float32Array ? raster : Float32Array.from(raster as ArrayLike<number>);
  const noData = image.getGDALNoData();
  const format = image.getSampleFormat();
  const found = populationCheck(
    image.getSamplesPerPixel(),
    image.getBitsPerSample(),
    format === 3 ? 'float' : format === 2 ? 'int' : 'uint',
    values,
    noData,
    [w, s, e, n],
    width,
    height,
  );
  if (found !== null) return err({ code: 'notPopulation', params: { found } });
  return ok({
    format: 'geotiff',
    unit: 'feature',
    columns: [],
    records: [],
    problems: [],
    declaredCrs: 'wgs84',
    raster: { width, height, bbox: [w, s, e, n], values, noData },
  });
}

/**
 * Whether a raster can be people per cell; null when it can, else what was found that says it is not:
 * several bands (an RGB image), 8-bit unsigned values spread over 0–255 (a picture or a class map),
 * negative values, or a density no place has (over 100,000 people per km²).
 */
export function populationCheck(
  bands: number,
  bits: number,
  format: 'uint' | 'int' | 'float',
  values: Float32Array,
  noData: number | null,
  bbox: readonly [number, number, number, number],
  width: number,
  height: number,
): string | null {
  let min = Infinity;
  let max = -Infinity;
  let total = 0;
  let n = 0;
  for (const v of values) {
    if (!Number.isFinite(v) || v === noData) continue;
    n++;
    total += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const describe = `${bands} band(s), ${bits}-bit ${format}, no-data ${noData ?? '—'}, values ${n > 0 ? `${min}…${max}` : '—'}, total ${Math.round(total)}`;
  if (bands > 1) return describe;
  if (n === 0) return describe;
  if (min < 0) return describe;
  // people per km² of the densest cell
  const [w, s, e, nn] = bbox;
  const lat = ((s + nn) / 2) * (Math.PI / 180);
  const cellKm2 = ((e - w) / width) * 111.32 * Math.cos(lat) * (((nn - s) / height) * 110.57);
  if (cellKm2 > 0 && max / cellKm2 > 100_000) return describe;
  if (bits === 8 && format === 'uint' && max === 255 && total / n > 60) return describe;
  return null;
}
