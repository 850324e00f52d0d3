/** Colours of the analysis layers, shared by the rasters the coverage worker paints and the legend. */
import type { CoverageLevel } from '../src/core/analysis/params';
import type { DensityRamp } from '../src/core/analysis/raster';
import type { Rgba } from './types';

/** Catchment circle colour per level (the kind colours of the symbols, lighter). */
export const LEVEL_COLORS: Readonly<Record<CoverageLevel, Rgba>> = {
  kindergarten: [234, 138, 30, 255],
  primary: [34, 139, 34, 255],
  junior: [37, 99, 235, 255],
  high: [220, 38, 38, 255],
  vocational: [146, 98, 57, 255],
};

/** Population density (persons per km²), light to dark purple. */
export const POPULATION_RAMP: DensityRamp = {
  breaks: [200, 1000, 3000, 8000, 15000],
  colors: [
    [237, 233, 254, 70],
    [221, 214, 254, 130],
    [196, 181, 253, 160],
    [167, 139, 250, 185],
    [124, 58, 237, 205],
    [76, 29, 149, 225],
  ],
};

/** Uncovered residents: sparse cells (< 300 per km², the modelled rural background) are counted but not drawn. */
export const UNCOVERED_RAMP: DensityRamp = {
  breaks: [300, 1000, 3000, 8000],
  colors: [
    [254, 202, 202, 0],
    [252, 165, 165, 150],
    [248, 113, 113, 190],
    [239, 68, 68, 220],
    [185, 28, 28, 240],
  ],
};

/** Nearest-school catchments: a qualitative palette, cycled by school. */
export const CATCHMENT_PALETTE: readonly Rgba[] = [
  [31, 119, 180, 120],
  [255, 127, 14, 120],
  [44, 160, 44, 120],
  [214, 39, 40, 120],
  [148, 103, 189, 120],
  [140, 86, 75, 120],
  [227, 119, 194, 120],
  [127, 127, 127, 120],
  [188, 189, 34, 120],
  [23, 190, 207, 120],
];
export const UNASSIGNED: Rgba = [100, 100, 100, 90];

/** Seats ÷ demand, percent: classes of the seat-gap choropleth. */
export const GAP_BREAKS = [50, 80, 100] as const;
export const GAP_COLORS: readonly Rgba[] = [
  [220, 38, 38, 120],
  [249, 115, 22, 110],
  [250, 204, 21, 100],
  [34, 197, 94, 90],
];

/** The class of a seats ÷ demand percentage: an index into GAP_COLORS (and the legend). */
export function gapClass(pct: number): number {
  const k = GAP_BREAKS.findIndex((b) => pct < b);
  return k < 0 ? GAP_BREAKS.length : k;
}

export const rgbaCss = ([r, g, b, a]: Rgba): string => `rgba(${r},${g},${b},${(a / 255).toFixed(2)})`;
