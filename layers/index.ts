/** The registry of map layers, in panel order; drawing order puts small, dense kinds on top. */
import { assignmentLayer } from './assignment';
import { existingLayer } from './existing';
import { catchmentsLayer } from './catchments';
import { centralLayer } from './central';
import { populationLayer } from './population';
import { seatGapLayer } from './seatGap';
import { projectedGapLayer } from './projectedGap';
import { specialGapLayer } from './specialGap';
import { uncoveredLayer } from './uncovered';
import { buildSelectionLayer } from './selection';
import { sitesLayer } from './sites';
import { suggestionsLayer } from './suggestions';
import type { MessageKey } from '../src/core/i18n/messages';
import { PROJECT_KINDS, type ProjectKind } from '../src/core/model/kinds';
import { createProjectKindLayer } from './projectKindLayer';
import type { AnalysisLayerModule, LayerDescriptor, LayerId, LayerInput, LegendSwatch, MapLayerModule } from './types';

/** One layer per project kind (projectKindLayer.ts), in the order of the kinds. */
const KIND_LAYERS: ReadonlyMap<ProjectKind, MapLayerModule> = new Map(
  PROJECT_KINDS.map((k) => [k, createProjectKindLayer(k)]),
);
const kindLayer = (kind: ProjectKind): MapLayerModule => {
  const l = KIND_LAYERS.get(kind);
  if (!l) throw new Error(`no layer for ${kind}`);
  return l;
};
export const PROJECT_LAYERS: readonly MapLayerModule[] = PROJECT_KINDS.map(kindLayer);
export const MAP_LAYERS: readonly MapLayerModule[] = [...PROJECT_LAYERS, centralLayer, sitesLayer];

/** Analysis layers, in panel order. */
export const ANALYSIS_LAYERS: readonly AnalysisLayerModule[] = [
  catchmentsLayer,
  uncoveredLayer,
  assignmentLayer,
  populationLayer,
  seatGapLayer,
  projectedGapLayer,
  specialGapLayer,
  existingLayer,
  suggestionsLayer,
];
/** Analysis layers bottom to top: all below the project symbols. */
const ANALYSIS_DRAW_ORDER: readonly AnalysisLayerModule[] = [
  populationLayer,
  seatGapLayer,
  projectedGapLayer,
  assignmentLayer,
  uncoveredLayer,
  specialGapLayer,
  catchmentsLayer,
  existingLayer,
  suggestionsLayer,
];

const DRAW_ORDER: readonly MapLayerModule[] = [
  sitesLayer,
  centralLayer,
  // small, dense kinds on top
  ...(['vocational', 'high', 'nineYear', 'junior', 'primary', 'kindergarten', 'special'] as const).map(kindLayer),
];

/** Everything the map draws, bottom to top (src/map/planLayers.ts: MapLibre the projects and county shading, deck.gl the rest). */
export function buildLayers(input: LayerInput): LayerDescriptor[] {
  return [
    ...ANALYSIS_DRAW_ORDER.flatMap((l) => l.build(input)),
    ...DRAW_ORDER.flatMap((l) => l.build(input)),
    buildSelectionLayer(input),
  ];
}

export * from './types';
export { selectionLegend } from './selection';

/** The legend of what is on the map: visible project kinds, the central-district ring, visible analysis layers. */
export function visibleLegend(
  visible: ReadonlySet<LayerId>,
): { readonly labelKey: MessageKey; readonly swatch: LegendSwatch }[] {
  const out: { labelKey: MessageKey; swatch: LegendSwatch }[] = [];
  for (const l of MAP_LAYERS) if (visible.has(l.id)) out.push({ labelKey: l.legend.labelKey, swatch: l.legend.swatch });
  for (const l of ANALYSIS_LAYERS) if (visible.has(l.id)) out.push(...l.legend);
  return out;
}

const rgba = (c: readonly number[]): string =>
  `rgba(${c[0] ?? 0},${c[1] ?? 0},${c[2] ?? 0},${((c[3] ?? 255) / 255).toFixed(2)})`;

/** A legend swatch as a standalone 22×22 SVG document (drawn into exported images). */
export function swatchSvg(swatch: LegendSwatch): string {
  const wrap = (body: string): string =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="22" height="22" viewBox="0 0 22 22">${body}</svg>`;
  switch (swatch.type) {
    case 'icon':
      return swatch.svg;
    case 'ring':
      return wrap(
        `<circle cx="11" cy="11" r="8" fill="${swatch.fill ? rgba(swatch.fill) : 'none'}" stroke="${rgba(swatch.color)}" stroke-width="2.5"/>`,
      );
    case 'line':
      return wrap(
        `<line x1="2" y1="11" x2="20" y2="11" stroke="${swatch.color}" stroke-width="${swatch.width}"${swatch.dash ? ` stroke-dasharray="${swatch.dash}"` : ''}/>`,
      );
    case 'fill':
      return wrap(
        `<rect x="3" y="5" width="16" height="12" rx="2" fill="${swatch.color}" stroke="${swatch.outline}" stroke-width="1"/>`,
      );
  }
}
