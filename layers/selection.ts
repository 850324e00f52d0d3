/** The selected project, ringed on top of everything (map and table selection are one state). */
import type { LayerDescriptor, LayerInput, LegendEntry, Rgba } from './types';

const SELECTED: Rgba = [8, 145, 178, 255];

export const selectionLegend: LegendEntry = {
  labelKey: 'legend.selected',
  swatch: { type: 'ring', color: SELECTED, fill: null },
};

/** The ring's size and colour (the map's drag marker draws the same ring at the pointer). */
export const SELECTION_RING = {
  radiusMeters: 700,
  minRadiusPx: 11,
  maxRadiusPx: 22,
  lineWidthPx: 4,
  lineColor: SELECTED,
};

export function buildSelectionLayer(input: LayerInput): LayerDescriptor {
  return {
    type: 'rings',
    id: 'selection',
    data: input.selected,
    visible: input.selected.length > 0,
    ...SELECTION_RING,
    fillColor: null,
  };
}
