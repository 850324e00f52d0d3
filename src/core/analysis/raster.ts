/**
 * Paints engine cells into an RGBA image of the surface's grid (row 0 of the image = north): the
 * population surface, the uncovered cells of a level, and nearest-school catchments. Colours are packed
 * little-endian 0xAABBGGRR so one Uint32 write paints a pixel.
 */
import type { Assignment, CoverageEngine } from './engine';
import { metricScale } from './geodesy';
import type { CoverageLevel } from './params';
import type { RasterGrid } from './surface';

export type Rgba = readonly [number, number, number, number];

export interface RasterImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray;
}

export const packRgba = ([r, g, b, a]: Rgba): number => ((a << 24) | (b << 16) | (g << 8) | r) >>> 0;

/** Area of one grid cell in km² at the grid's middle latitude. */
export function cellAreaKm2(g: RasterGrid): number {
  const { kx, ky } = metricScale(g.south + (g.rows * g.cellLat) / 2);
  return (g.cellLon * kx * g.cellLat * ky) / 1e6;
}

/** A colour ramp by density class: breaks in persons per km², one colour more than breaks. */
export interface DensityRamp {
  readonly breaks: readonly number[];
  readonly colors: readonly Rgba[];
}

function classOf(ramp: DensityRamp, density: number): number {
  let k = 0;
  while (k < ramp.breaks.length && density >= (ramp.breaks[k] ?? Infinity)) k++;
  return k;
}

function image(g: RasterGrid): { img: RasterImage; px: Uint32Array } {
  const data = new Uint8ClampedArray(g.cols * g.rows * 4);
  return { img: { width: g.cols, height: g.rows, data }, px: new Uint32Array(data.buffer) };
}

/** Every populated cell, coloured by density. */
export function paintPopulation(engine: CoverageEngine, g: RasterGrid, ramp: DensityRamp): RasterImage {
  const { img, px } = image(g);
  const area = cellAreaKm2(g);
  const colors = ramp.colors.map(packRgba);
  for (let i = 0; i < engine.cellCount; i++) {
    const p = engine.cellPop(i);
    const pix = engine.cellPixel(i);
    if (p <= 0 || pix < 0) continue;
    px[pix] = colors[classOf(ramp, p / area)] ?? 0;
  }
  return img;
}

/** Cells with people that no school of the level covers, coloured by density. */
export function paintUncovered(
  engine: CoverageEngine,
  level: CoverageLevel,
  g: RasterGrid,
  ramp: DensityRamp,
): { image: RasterImage; cells: number; population: number } {
  const { img, px } = image(g);
  const area = cellAreaKm2(g);
  const colors = ramp.colors.map(packRgba);
  const list = engine.uncovered(level);
  let population = 0;
  for (const i of list) {
    const p = engine.cellPop(i);
    population += p;
    const pix = engine.cellPixel(i);
    if (pix >= 0) px[pix] = colors[classOf(ramp, p / area)] ?? 0;
  }
  return { image: img, cells: list.length, population };
}

/** Nearest-school catchments: each school's cells in its colour; cells no school serves in `none`. */
export function paintAssignment(
  engine: CoverageEngine,
  a: Assignment,
  g: RasterGrid,
  colorOf: (siteIndex: number) => Rgba,
  none: Rgba,
): RasterImage {
  const { img, px } = image(g);
  const colors = a.keys.map((_, j) => packRgba(colorOf(j)));
  const noneColor = packRgba(none);
  for (let i = 0; i < engine.cellCount; i++) {
    const pix = engine.cellPixel(i);
    if (pix < 0 || engine.cellPop(i) <= 0) continue;
    const j = a.cellSite[i] ?? -1;
    px[pix] = j >= 0 ? (colors[j] ?? 0) : noneColor;
  }
  return img;
}
