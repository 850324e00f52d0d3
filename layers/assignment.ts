/** 就近入学分区: each cell to its nearest school of the level in its county; over-subscribed schools ringed. */
import { CATCHMENT_PALETTE, UNASSIGNED, rgbaCss } from './analysisColors';
import type { AnalysisLayerModule, Rgba } from './types';

const OVER: Rgba = [190, 18, 60, 255];

export const assignmentLayer: AnalysisLayerModule = {
  id: 'assignment',
  labelKey: 'layer.assignment',
  legend: [
    {
      labelKey: 'legend.assignment',
      swatch: { type: 'fill', color: rgbaCss(CATCHMENT_PALETTE[0] ?? UNASSIGNED), outline: 'transparent' },
    },
    { labelKey: 'legend.unassigned', swatch: { type: 'fill', color: rgbaCss(UNASSIGNED), outline: 'transparent' } },
    { labelKey: 'legend.oversubscribed', swatch: { type: 'ring', color: OVER, fill: null } },
  ],
  build: (input) => {
    const visible = input.visible.has('assignment') && input.analysis.assignment !== null;
    return [
      { type: 'raster', id: 'assignment-cells', overlay: input.analysis.assignment, visible, opacity: 1 },
      {
        type: 'rings',
        id: 'assignment-oversubscribed',
        data: input.analysis.oversubscribed,
        visible,
        radiusMeters: 260,
        minRadiusPx: 17,
        maxRadiusPx: 30,
        lineWidthPx: 3,
        lineColor: OVER,
        fillColor: null,
      },
    ];
  },
};
