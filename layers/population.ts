/** 人口分布: the population surface (modelled by default: 模拟人口分布，仅供演示), by density. */
import { POPULATION_RAMP } from './analysisColors';
import { densityRasterLayer } from './densityRaster';

export const populationLayer = densityRasterLayer({
  id: 'population',
  labelKey: 'layer.population',
  descriptorId: 'population-surface',
  ramp: POPULATION_RAMP,
  legend: [
    ['legend.populationLow', 1],
    ['legend.populationHigh', 5],
  ],
  overlay: (a) => a.population,
});
