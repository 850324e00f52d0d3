/** 未覆盖人口: cells with residents outside every catchment of the analysed level, by density. */
import { UNCOVERED_RAMP } from './analysisColors';
import { densityRasterLayer } from './densityRaster';

export const uncoveredLayer = densityRasterLayer({
  id: 'uncovered',
  labelKey: 'layer.uncovered',
  descriptorId: 'uncovered-cells',
  ramp: UNCOVERED_RAMP,
  legend: [
    ['legend.uncoveredSparse', 1],
    ['legend.uncoveredDense', 4],
  ],
  overlay: (a) => a.uncovered,
});
