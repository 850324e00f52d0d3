/** 特教学校缺口: counties over 200,000 people with no special-education school, existing or planned. */
import type { AnalysisLayerModule } from './types';

export const SPECIAL_GAP_FILL = [190, 24, 93, 45] as const;
export const SPECIAL_GAP_LINE = [190, 24, 93, 230] as const;

export const specialGapLayer: AnalysisLayerModule = {
  id: 'specialGap',
  labelKey: 'layer.specialGap',
  legend: [
    { labelKey: 'legend.specialGap', swatch: { type: 'fill', color: 'rgba(190,24,93,0.18)', outline: '#be185d' } },
  ],
  build: (input) => [
    {
      type: 'counties',
      id: 'special-gap',
      data: input.analysis.specialGap,
      visible: input.visible.has('specialGap'),
      lineWidthPx: 3,
    },
  ],
};
