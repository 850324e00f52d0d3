/** A raster of population density classes painted by the coverage worker (population, uncovered residents). */
import type { MessageKey } from '../src/core/i18n/messages';
import type { DensityRamp } from '../src/core/analysis/raster';
import { rgbaCss } from './analysisColors';
import type { AnalysisLayerId, AnalysisLayerInput, AnalysisLayerModule, RasterOverlay } from './types';

export function densityRasterLayer(options: {
  readonly id: AnalysisLayerId;
  readonly labelKey: MessageKey;
  readonly descriptorId: string;
  readonly ramp: DensityRamp;
  /** Legend entries: message and the ramp class they show. */
  readonly legend: readonly (readonly [MessageKey, number])[];
  readonly overlay: (a: AnalysisLayerInput) => RasterOverlay | null;
}): AnalysisLayerModule {
  return {
    id: options.id,
    labelKey: options.labelKey,
    legend: options.legend.map(([labelKey, k]) => ({
      labelKey,
      swatch: { type: 'fill', color: rgbaCss(options.ramp.colors[k] ?? [0, 0, 0, 0]), outline: 'transparent' },
    })),
    build: (input) => {
      const overlay = options.overlay(input.analysis);
      return [
        {
          type: 'raster',
          id: options.descriptorId,
          overlay,
          visible: input.visible.has(options.id) && overlay !== null,
          opacity: 1,
        },
      ];
    },
  };
}
