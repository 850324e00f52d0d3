/** The registry of map layers, in panel order; drawing order puts small, dense kinds on top. */
import { assignmentLayer } from './assignment';
import { existingLayer } from './existing';
import { catchmentsLayer } from './catchments';
import { centralLayer } from './central';
import { populationLayer } from './population';
import { seatGapLayer } from './seatGap';
import { specialGapLayer } from './specialGap';
import { uncoveredLayer } from './uncovered';
import { highLayer } from './high';
import { juniorLayer } from './junior';
import { kindergartenLayer } from './kindergarten';
import { nineYearLayer } from './nineYear';
import { primaryLayer } from './primary';
import { buildSelectionLayer } from './selection';
import { sitesLayer } from './sites';
import { specialLayer } from './special';
import type { AnalysisLayerModule, LayerDescriptor, LayerInput, MapLayerModule } from './types';
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

/** Analysis layers, in panel order. */
export const ANALYSIS_LAYERS: readonly AnalysisLayerModule[] = [
  catchmentsLayer,
  uncoveredLayer,
  assignmentLayer,
  populationLayer,
  seatGapLayer,
  specialGapLayer,
  existingLayer,
];
/** Analysis layers bottom to top: all below the project symbols. */
const ANALYSIS_DRAW_ORDER: readonly AnalysisLayerModule[] = [
  populationLayer,
  seatGapLayer,
  assignmentLayer,
  uncoveredLayer,
  specialGapLayer,
  catchmentsLayer,
  existingLayer,
];

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
  return [
    ...ANALYSIS_DRAW_ORDER.flatMap((l) => l.build(input)),
    ...DRAW_ORDER.flatMap((l) => l.build(input)),
    buildSelectionLayer(input),
  ];
}

export * from './types';
export { selectionLegend } from './selection';
