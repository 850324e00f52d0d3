/** 选址建议: suggested sites as ghost symbols of the level, ringed in violet and numbered by rank. */
import type { AnalysisLayerModule, Rgba } from './types';

const VIOLET: Rgba = [126, 34, 206, 255];
const VIOLET_FILL: Rgba = [126, 34, 206, 36];

export const suggestionsLayer: AnalysisLayerModule = {
  id: 'suggestions',
  labelKey: 'layer.suggestions',
  legend: [{ labelKey: 'legend.suggestion', swatch: { type: 'ring', color: VIOLET, fill: VIOLET_FILL } }],
  build: (input) => [
    {
      type: 'rings',
      id: 'suggestion-rings',
      data: input.analysis.suggestions,
      visible: input.visible.has('suggestions'),
      radiusMeters: 160,
      minRadiusPx: 12,
      maxRadiusPx: 44,
      lineWidthPx: 2.5,
      lineColor: VIOLET,
      fillColor: VIOLET_FILL,
    },
    {
      type: 'icons',
      id: 'suggestion-icons',
      data: input.analysis.suggestions,
      visible: input.visible.has('suggestions'),
      sizeMeters: 150,
      minPx: 14,
      maxPx: 40,
      pickable: false,
      labelled: true,
    },
  ],
};
