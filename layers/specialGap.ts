/**
 * 特教学校缺口: counties of at least 200,000 people with no special-education school, existing or planned
 * (lacking), and those where it is not known because no existing special schools are loaded (unknown).
 */
import { rgbaCss } from './analysisColors';
import type { AnalysisLayerModule, CountyShade, Rgba } from './types';

export const SPECIAL_LACKING_FILL: Rgba = [190, 24, 93, 45];
export const SPECIAL_LACKING_LINE: Rgba = [190, 24, 93, 230];
/** Unknown is grey, never the lacking colour: without data nothing is claimed. */
export const SPECIAL_UNKNOWN_FILL: Rgba = [100, 116, 139, 40];
export const SPECIAL_UNKNOWN_LINE: Rgba = [100, 116, 139, 200];

const fill = (p: CountyShade['properties']): Rgba =>
  p.special === 'lacking' ? SPECIAL_LACKING_FILL : SPECIAL_UNKNOWN_FILL;
const line = (p: CountyShade['properties']): Rgba =>
  p.special === 'lacking' ? SPECIAL_LACKING_LINE : SPECIAL_UNKNOWN_LINE;

export const specialGapLayer: AnalysisLayerModule = {
  id: 'specialGap',
  labelKey: 'layer.specialGap',
  legend: [
    {
      labelKey: 'legend.specialGap',
      swatch: { type: 'fill', color: rgbaCss(SPECIAL_LACKING_FILL), outline: rgbaCss(SPECIAL_LACKING_LINE) },
    },
    {
      labelKey: 'legend.specialUnknown',
      swatch: { type: 'fill', color: rgbaCss(SPECIAL_UNKNOWN_FILL), outline: rgbaCss(SPECIAL_UNKNOWN_LINE) },
    },
  ],
  build: (input) => [
    {
      type: 'counties',
      id: 'special-gap',
      data: input.analysis.specialGap,
      visible: input.visible.has('specialGap'),
      lineWidthPx: 3,
      fill,
      line,
    },
  ],
};
