/**
 * The shipped population surface's binary format (geodata/population.bin), read and written here only.
 *
 *   "QZPS" | u32 header length | header JSON (UTF-8) | pad to 4 |
 *   county raster: u8 per grid cell, row 0 = south, 255 = no cell |
 *   pad to 2 | population: u16 per cell that has a county, in raster order
 */
import { err, ok, type Result } from '../result';
import { arrayOf, bool, literal, num, object, parse, str, type Infer } from '../schema';
import { NO_COUNTY, type PopulationSurface } from './surface';

const headerSchema = object({
  version: literal(1),
  grid: object({ west: num, south: num, cellLon: num, cellLat: num, cols: num, rows: num }),
  counties: arrayOf(str),
  cellCount: num,
  totalPopulation: num,
  modelled: bool,
  /** Where the numbers come from and how they were modelled. */
  description: str,
});
export type SurfaceHeader = Infer<typeof headerSchema>;

const MAGIC = 'QZPS';
const pad = (n: number, to: number): number => Math.ceil(n / to) * to;

export function encodeSurface(header: SurfaceHeader, countyRaster: Uint8Array, pop: Uint16Array): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const rasterAt = pad(8 + json.length, 4);
  const popAt = pad(rasterAt + countyRaster.length, 2);
  const out = new Uint8Array(popAt + pop.length * 2);
  out.set(new TextEncoder().encode(MAGIC), 0);
  const view = new DataView(out.buffer);
  view.setUint32(4, json.length, true);
  out.set(json, 8);
  out.set(countyRaster, rasterAt);
  for (let i = 0; i < pop.length; i++) view.setUint16(popAt + i * 2, pop[i] ?? 0, true);
  return out;
}

const parseHeader = (raw: unknown): Result<SurfaceHeader, string> => parse(headerSchema, raw, 'population surface');

export function decodeSurface(
  buffer: ArrayBuffer,
): Result<{ header: SurfaceHeader; surface: PopulationSurface }, string> {
  const bytes = new Uint8Array(buffer);
  if (bytes.length < 8 || new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC)
    return err('population surface: not a QZPS file');
  const view = new DataView(buffer);
  const len = view.getUint32(4, true);
  if (8 + len > bytes.length) return err('population surface: truncated header');
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + len)));
  } catch {
    return err('population surface: header is not JSON');
  }
  const h = parseHeader(raw);
  if (!h.ok) return h;
  const header = h.value;
  const { cols, rows } = header.grid;
  const rasterAt = pad(8 + len, 4);
  const popAt = pad(rasterAt + cols * rows, 2);
  if (popAt + header.cellCount * 2 !== bytes.length) return err('population surface: size does not match its header');
  const raster = bytes.subarray(rasterAt, rasterAt + cols * rows);
  const m = header.cellCount;
  const dlon = new Float32Array(m);
  const dlat = new Float32Array(m);
  const pop = new Float32Array(m);
  const county = new Uint8Array(m);
  const g = header.grid;
  let k = 0;
  let total = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const cc = raster[r * cols + c] ?? NO_COUNTY;
      if (cc === NO_COUNTY) continue;
      if (k >= m || cc >= header.counties.length) return err('population surface: raster does not match its header');
      dlon[k] = (c + 0.5) * g.cellLon;
      dlat[k] = (r + 0.5) * g.cellLat;
      const p = view.getUint16(popAt + k * 2, true);
      pop[k] = p;
      county[k] = cc;
      total += p;
      k++;
    }
  }
  if (k !== m) return err('population surface: cell count does not match its header');
  if (total !== header.totalPopulation) return err('population surface: population total does not match its header');
  return ok({
    header,
    surface: {
      originLon: g.west,
      originLat: g.south,
      dlon,
      dlat,
      pop,
      county,
      counties: header.counties,
      grid: g,
      modelled: header.modelled,
    },
  });
}
