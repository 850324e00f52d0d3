/**
 * What every layer reads, derived in one place: the phased projects by kind, the central-district and
 * site lists, the visible layers, the selection and the analysis rasters. The same derivation
 * (layers/input.ts) gives a slide's or an export's input.
 *
 * A drag does not change what the layers read: the dragged project is drawn at the pointer by the map's
 * drag marker (src/map/pointDrag.ts), and only coverage (`shown`) and the analysis follow it. Moving it in
 * the layers re-tiled three or four GeoJSON sources per pointer move, and without a GPU each of the two or
 * three map frames that followed held the page for about 100 ms (docs/ARCHITECTURE.md, Start-up, sixth round).
 */
import { computed, type ReadonlySignal } from '@preact/signals';
import type { ProjectKind } from '../core/model/kinds';
import type { ProjectFeature } from '../core/model/project';
import { cumulativeSeats, projectsByYear, type SeatsByYear } from '../core/plan/phasing';
import { centralOf, groupByKind, layerProjects, sitesOf, withDragged } from '../../layers/input';
import type { AnalysisLayerInput, LayerId, LayerInput } from '../../layers/types';
import type { DragPreview } from './selection';
import type { SlideProjection } from '../core/model/slides';

export interface LayerInputState {
  /** Projects completed by the phasing year, by kind (not moved by a drag). */
  readonly projectsByKind: ReadonlySignal<ReadonlyMap<ProjectKind, readonly ProjectFeature[]>>;
  readonly layerInput: ReadonlySignal<LayerInput>;
  /** The phased projects where they are shown (a dragged one at the pointer): what coverage follows. */
  readonly shown: ReadonlySignal<readonly ProjectFeature[]>;
  /** Cumulative new seats by year, 2022–2035, of the whole scenario. */
  readonly seatsByYear: ReadonlySignal<SeatsByYear>;
  /** What the layers read for a slide or export: these layers, projects completed by `year`, no selection. */
  layerInputFor(layers: ReadonlySet<LayerId>, year: number | null, projection?: SlideProjection | null): LayerInput;
}

export function createLayerInput(deps: {
  readonly projects: ReadonlySignal<readonly ProjectFeature[]>;
  readonly phaseYear: ReadonlySignal<number | null>;
  readonly dragPreview: ReadonlySignal<DragPreview | null>;
  readonly visible: ReadonlySignal<ReadonlySet<LayerId>>;
  readonly selected: ReadonlySignal<readonly ProjectFeature[]>;
  readonly analysis: ReadonlySignal<AnalysisLayerInput>;
  /** The projected-gap counties of another year, for a slide or an export of that year. */
  readonly projectedGapFor?: (year: number | null, view?: SlideProjection | null) => AnalysisLayerInput['projectedGap'];
}): LayerInputState {
  const projectsByKind = computed(() => groupByKind(projectsByYear(deps.projects.value, deps.phaseYear.value)));
  // the same arrays, except the dragged project's kind, where it is at the pointer: what coverage follows
  const shownByKind = computed(() => withDragged(projectsByKind.value, deps.dragPreview.value));
  const central = computed(() => centralOf(projectsByKind.value));
  const sites = computed(() => sitesOf(projectsByKind.value));
  const layerInput = computed<LayerInput>(() => ({
    projectsByKind: projectsByKind.value,
    central: central.value,
    sites: sites.value,
    visible: deps.visible.value,
    selected: deps.selected.value,
    analysis: deps.analysis.value,
  }));
  return {
    projectsByKind,
    layerInput,
    shown: computed(() => [...shownByKind.value.values()].flat()),
    seatsByYear: computed(() => cumulativeSeats(deps.projects.value)),
    layerInputFor: (layers, year, projection) => ({
      ...layerProjects(deps.projects.peek(), year),
      visible: layers,
      selected: [],
      analysis: layers.has('projectedGap')
        ? {
            ...deps.analysis.peek(),
            projectedGap: deps.projectedGapFor?.(year, projection) ?? deps.analysis.peek().projectedGap,
          }
        : deps.analysis.peek(),
    }),
  };
}
