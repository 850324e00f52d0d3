/** 学位缺口: counties shaded by seats ÷ school-age demand of the analysed stage. */
import { GAP_COLORS, gapClass, rgbaCss } from './analysisColors';
import type { AnalysisLayerModule, CountyShade, Rgba } from './types';

const NO_DEMAND: Rgba = [0, 0, 0, 0];
const LINE: Rgba = [71, 85, 105, 200];
const fill = (p: CountyShade['properties']): Rgba =>
  p.pct === null || p.pct === undefined ? NO_DEMAND : (GAP_COLORS[gapClass(p.pct)] ?? NO_DEMAND);
const line = (): Rgba => LINE;

const keys = ['legend.gapBelow50', 'legend.gap50to80', 'legend.gap80to100', 'legend.gapMet'] as const;

export const seatGapLayer: AnalysisLayerModule = {
  id: 'seatGap',
  labelKey: 'layer.seatGap',
  legend: keys.map((labelKey, i) => ({
    labelKey,
    swatch: { type: 'fill', color: rgbaCss(GAP_COLORS[i] ?? [0, 0, 0, 0]), outline: '#64748b' },
  })),
  build: (input) => [
    {
      type: 'counties',
      id: 'seat-gap',
      data: input.analysis.seatGap,
      visible: input.visible.has('seatGap'),
      lineWidthPx: 1,
      fill,
      line,
    },
  ],
};
