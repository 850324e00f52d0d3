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
  if (projected !== undefined || model === 1)
    return err({ code: 'tiffCrs', params: { code: String(projected ?? 'projected') } });
  if (geographic !== undefined && geographic !== 4326 && geographic !== 4490)
    return err({ code: 'tiffCrs', params: { code: String(geographic) } });
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
    return err({ code: 'tiffCrs', params: { code: 'bbox' } });
  const values = raster instanceof Float32Array ? raster : Float32Array.from(raster as ArrayLike<number>);
  return ok({
    format: 'geotiff',
    unit: 'feature',
    columns: [],
    records: [],
    problems: [],
    declaredCrs: 'wgs84',
    raster: { width, height, bbox: [w, s, e, n], values, noData: image.getGDALNoData() },
  });
}
