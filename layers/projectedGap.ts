/** 预测学位余缺: counties shaded by seats ÷ projected demand in the phasing slider's year (需求预测's stage and variant). */
import { GAP_COLORS, gapClass, rgbaCss } from './analysisColors';
import type { AnalysisLayerModule, CountyShade, Rgba } from './types';

const NO_DEMAND: Rgba = [0, 0, 0, 0];
const LINE: Rgba = [30, 64, 120, 220];
const fill = (p: CountyShade['properties']): Rgba =>
  p.pct === null || p.pct === undefined ? NO_DEMAND : (GAP_COLORS[gapClass(p.pct)] ?? NO_DEMAND);
const line = (): Rgba => LINE;

const keys = ['legend.gapBelow50', 'legend.gap50to80', 'legend.gap80to100', 'legend.gapMet'] as const;

export const projectedGapLayer: AnalysisLayerModule = {
  id: 'projectedGap',
  labelKey: 'layer.projectedGap',
  legend: keys.map((labelKey, i) => ({
    labelKey,
    swatch: { type: 'fill', color: rgbaCss(GAP_COLORS[i] ?? [0, 0, 0, 0]), outline: '#1e4078' },
  })),
  build: (input) => [
    {
      type: 'counties',
      id: 'projected-gap',
      data: input.analysis.projectedGap,
      visible: input.visible.has('projectedGap'),
      lineWidthPx: 1.5,
      fill,
      line,
    },
  ],
};
