/** 中心市区 layer: a gold ring around the plan's central-district (抓城建提品质) projects. */
import { statsOf } from './projectKindLayer';
import type { MapLayerModule, Rgba } from './types';

const GOLD: Rgba = [212, 160, 23, 255];
const GOLD_FILL: Rgba = [255, 214, 102, 45];

export const centralLayer: MapLayerModule = {
  id: 'central',
  labelKey: 'layer.central',
  legend: { labelKey: 'legend.central', swatch: { type: 'ring', color: GOLD, fill: GOLD_FILL } },
  stats: (input) => statsOf(input.central),
  build: (input) => [
    {
      type: 'rings',
      id: 'central-rings',
      data: input.central,
      visible: input.visible.has('central'),
      radiusMeters: 620,
      minRadiusPx: 9,
      maxRadiusPx: 19,
      lineWidthPx: 2.5,
      lineColor: GOLD,
      fillColor: GOLD_FILL,
    },
  ],
};
