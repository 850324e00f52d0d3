/** The registry of map layers, in panel order; drawing order puts small, dense kinds on top. */
import { centralLayer } from './central';
import { highLayer } from './high';
import { juniorLayer } from './junior';
import { kindergartenLayer } from './kindergarten';
import { nineYearLayer } from './nineYear';
import { primaryLayer } from './primary';
import { buildSelectionLayer } from './selection';
import { sitesLayer } from './sites';
import { specialLayer } from './special';
import type { LayerDescriptor, LayerInput, MapLayerModule } from './types';
import { vocationalLayer } from './vocational';

export const PROJECT_LAYERS: readonly MapLayerModule[] = [
  kindergartenLayer,
  primaryLayer,
  juniorLayer,
  nineYearLayer,
  highLayer,
  vocationalLayer,
  specialLayer,
];
export const MAP_LAYERS: readonly MapLayerModule[] = [...PROJECT_LAYERS, centralLayer, sitesLayer];

const DRAW_ORDER: readonly MapLayerModule[] = [
  sitesLayer,
  centralLayer,
  vocationalLayer,
  highLayer,
  nineYearLayer,
  juniorLayer,
  primaryLayer,
  kindergartenLayer,
  specialLayer,
];

/** Everything deck.gl draws, bottom to top. */
export function buildLayers(input: LayerInput): LayerDescriptor[] {
  return [...DRAW_ORDER.flatMap((l) => l.build(input)), buildSelectionLayer(input)];
}

export * from './types';
export { selectionLegend } from './selection';
