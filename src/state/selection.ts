/**
 * The selected project (map and table share it), the rows ticked for a bulk edit, what a click on the
 * map does (select, place a project, draw a site outline), and the project being dragged.
 */
import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import type { ProjectKind } from '../core/model/kinds';
import type { ProjectFeature } from '../core/model/project';

/** What a click on the map does: select (default), place a new project, or draw a site outline. */
export type EditMode =
  | { readonly type: 'select' }
  | { readonly type: 'add'; readonly kind: ProjectKind }
  | { readonly type: 'site'; readonly projectId: string };

/** A project being dragged: shown at the pointer before the move is committed on release. */
export interface DragPreview {
  readonly id: string;
  readonly lon: number;
  readonly lat: number;
}

export interface SelectionState {
  readonly selectedId: ReadonlySignal<string | null>;
  readonly selected: ReadonlySignal<ProjectFeature | null>;
  /** The selected project as a 0- or 1-element array (for the ring layer; a drag does not move it: see layerInput.ts). */
  readonly selectedList: ReadonlySignal<readonly ProjectFeature[]>;
  readonly checked: ReadonlySignal<ReadonlySet<string>>;
  readonly mode: ReadonlySignal<EditMode>;
  readonly dragPreview: ReadonlySignal<DragPreview | null>;
}

export interface SelectionActions {
  /** Selects a project (or none); `fly` asks the map to go to it. */
  select(id: string | null, options?: { fly?: boolean }): void;
  toggleChecked(id: string): void;
  setChecked(ids: readonly string[]): void;
  setMode(mode: EditMode): void;
  dragTo(preview: DragPreview | null): void;
}

export interface SelectionDeps {
  readonly byId: ReadonlySignal<ReadonlyMap<string, ProjectFeature>>;
  readonly flyTo: (lon: number, lat: number) => void;
}

export function createSelection(deps: SelectionDeps) {
  const selectedId = signal<string | null>(null);
  const checked = signal<ReadonlySet<string>>(new Set());
  const mode = signal<EditMode>({ type: 'select' });
  const dragPreview = signal<DragPreview | null>(null);
  const selected = computed(() => deps.byId.value.get(selectedId.value ?? '') ?? null);
  const selectedList = computed<readonly ProjectFeature[]>(() => {
    const p = selected.value;
    return p ? [p] : [];
  });

  const actions: SelectionActions = {
    select: (id, options) => {
      selectedId.value = id;
      const p = id === null ? undefined : deps.byId.peek().get(id);
      if (p && options?.fly) deps.flyTo(p.geometry.coordinates[0] ?? 0, p.geometry.coordinates[1] ?? 0);
    },
    toggleChecked: (id) => {
      const next = new Set(checked.value);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      checked.value = next;
    },
    setChecked: (ids) => {
      checked.value = new Set(ids);
    },
    setMode: (m) => {
      mode.value = m;
    },
    dragTo: (preview) => {
      dragPreview.value = preview;
    },
  };

  const state: SelectionState = { selectedId, selected, selectedList, checked, mode, dragPreview };
  return {
    state,
    actions,
    /** Forgets a selected or ticked project that is no longer shown (deleted here or in another tab). */
    reconcile: (): void => {
      const ids = deps.byId.peek();
      batch(() => {
        const sel = selectedId.peek();
        if (sel !== null && !ids.has(sel)) selectedId.value = null;
        const c = checked.peek();
        if ([...c].some((id) => !ids.has(id))) checked.value = new Set([...c].filter((id) => ids.has(id)));
      });
    },
    /** Another scenario is shown: drafts (placing, drawing, dragging) are stale. */
    reset: (): void => {
      batch(() => {
        mode.value = { type: 'select' };
        dragPreview.value = null;
      });
    },
  };
}

export type Selection = ReturnType<typeof createSelection>;
