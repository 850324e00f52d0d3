/** 用地红线: the site outlines planners drew or imported, red as on planning drawings. */
import { statsOf } from './projectKindLayer';
import type { MapLayerModule, Rgba } from './types';

const RED: Rgba = [220, 38, 38, 255];
const RED_FILL: Rgba = [220, 38, 38, 40];

export const sitesLayer: MapLayerModule = {
  id: 'sites',
  labelKey: 'layer.sites',
  legend: { labelKey: 'legend.sites', swatch: { type: 'fill', color: 'rgba(220,38,38,0.16)', outline: '#dc2626' } },
  stats: (input) => statsOf(input.sites),
  build: (input) => [
    {
      type: 'polygons',
      id: 'site-outlines',
      data: input.sites,
      visible: input.visible.has('sites'),
      lineColor: RED,
      fillColor: RED_FILL,
      lineWidthPx: 2,
    },
  ],
};
