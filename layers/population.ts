/** 人口分布: the population surface (modelled by default: 模拟人口分布，仅供演示), by density. */
import { POPULATION_RAMP, rgbaCss } from './analysisColors';
import type { AnalysisLayerModule } from './types';

export const populationLayer: AnalysisLayerModule = {
  id: 'population',
  labelKey: 'layer.population',
  legend: [
    {
      labelKey: 'legend.populationLow',
      swatch: { type: 'fill', color: rgbaCss(POPULATION_RAMP.colors[1] ?? [0, 0, 0, 0]), outline: 'transparent' },
    },
    {
      labelKey: 'legend.populationHigh',
      swatch: { type: 'fill', color: rgbaCss(POPULATION_RAMP.colors[5] ?? [0, 0, 0, 0]), outline: 'transparent' },
    },
  ],
  build: (input) => [
    {
      type: 'raster',
      id: 'population-surface',
      overlay: input.analysis.population,
      visible: input.visible.has('population') && input.analysis.population !== null,
      opacity: 1,
    },
  ],
};
