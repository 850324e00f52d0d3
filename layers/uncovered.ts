/** 未覆盖人口: cells with residents outside every catchment of the analysed level, by density. */
import { UNCOVERED_RAMP, rgbaCss } from './analysisColors';
import type { AnalysisLayerModule } from './types';

export const uncoveredLayer: AnalysisLayerModule = {
  id: 'uncovered',
  labelKey: 'layer.uncovered',
  legend: [
    {
      labelKey: 'legend.uncoveredSparse',
      swatch: { type: 'fill', color: rgbaCss(UNCOVERED_RAMP.colors[1] ?? [0, 0, 0, 0]), outline: 'transparent' },
    },
    {
      labelKey: 'legend.uncoveredDense',
      swatch: { type: 'fill', color: rgbaCss(UNCOVERED_RAMP.colors[4] ?? [0, 0, 0, 0]), outline: 'transparent' },
    },
  ],
  build: (input) => [
    {
      type: 'raster',
      id: 'uncovered-cells',
      overlay: input.analysis.uncovered,
      visible: input.visible.has('uncovered') && input.analysis.uncovered !== null,
      opacity: 1,
    },
  ],
};
