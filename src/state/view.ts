/**
 * What the map shows and where the planner looks: visible layers, the phasing year, camera requests
 * (MapLibre owns the camera; state only asks it to move), and the open panels. Kept in the repository
 * as the saved view, so a reload opens where the planner left off.
 */
import { batch, signal, type ReadonlySignal } from '@preact/signals';
import { PHASE_YEARS } from '../core/model/slides';
import { parseView, type SavedView } from '../core/settings/view';
import type { Repository } from '../persistence/repository';
import { ANALYSIS_LAYER_IDS, LAYER_IDS, type LayerId } from '../../layers/types';

export type CameraRequest =
  | { readonly seq: number; readonly type: 'project'; readonly lon: number; readonly lat: number }
  | { readonly seq: number; readonly type: 'city' }
  | { readonly seq: number; readonly type: 'view'; readonly lon: number; readonly lat: number; readonly zoom: number };

export interface Camera {
  readonly lon: number;
  readonly lat: number;
  readonly zoom: number;
}

const isOptIn = (id: LayerId): boolean => (ANALYSIS_LAYER_IDS as readonly string[]).includes(id);
export const DEFAULT_VISIBLE: readonly LayerId[] = LAYER_IDS.filter((id) => !isOptIn(id));

export interface ViewState {
  readonly visible: ReadonlySignal<ReadonlySet<LayerId>>;
  /** Phasing: show projects completed by the end of this year (null: all). */
  readonly phaseYear: ReadonlySignal<number | null>;
  readonly camera: ReadonlySignal<CameraRequest | null>;
  /** The camera to start from (restored from the last session), or null for the whole city. */
  readonly initialCamera: ReadonlySignal<Camera | null>;
  /** Whether the project list (drawer) and the sidebar are open. */
  readonly tableOpen: ReadonlySignal<boolean>;
  readonly sidebarOpen: ReadonlySignal<boolean>;
}

export interface ViewActions {
  toggleLayer(id: LayerId): void;
  setAllLayers(visible: boolean): void;
  setPhaseYear(year: number | null): void;
  flyToCity(): void;
  /** The map reports where it is, to be restored on reload. */
  cameraChanged(camera: Camera): void;
  toggleTable(): void;
  toggleSidebar(): void;
}

export interface ViewDeps {
  readonly repository: Repository;
  /** The scenario shown, stored with the view. */
  readonly scenarioId: () => string;
  /** A failed save, said unless a notice about the planner's data is on screen. */
  readonly onSaveError: (e: unknown) => void;
  /** Delay before a change is stored, so a pan stores once (ms). */
  readonly saveDelay?: number;
}

export function createView(deps: ViewDeps) {
  const visible = signal<ReadonlySet<LayerId>>(new Set(DEFAULT_VISIBLE));
  const phaseYear = signal<number | null>(null);
  const camera = signal<CameraRequest | null>(null);
  const tableOpen = signal(true);
  const sidebarOpen = signal(true);
  const initialCamera = signal<Camera | null>(null);
  let lastCamera: Camera | null = null;
  let seq = 0;
  let loaded = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  /** Stores the view shortly after the last change. */
  function save(): void {
    if (!loaded) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      const view: SavedView = {
        scenarioId: deps.scenarioId(),
        camera: lastCamera,
        hidden: LAYER_IDS.filter((id) => !isOptIn(id) && !visible.peek().has(id)),
        shown: LAYER_IDS.filter((id) => isOptIn(id) && visible.peek().has(id)),
        panels: { table: tableOpen.peek(), sidebar: sidebarOpen.peek() },
      };
      deps.repository.saveView(view).catch(deps.onSaveError);
    }, deps.saveDelay ?? 400);
  }

  const setVisible = (ids: ReadonlySet<LayerId>): void => {
    visible.value = ids;
    save();
  };

  const actions: ViewActions = {
    toggleLayer: (id) => {
      const next = new Set(visible.value);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      setVisible(next);
    },
    setAllLayers: (on) => {
      // "show all" shows every project layer; analysis layers keep their own state
      const keep = [...visible.value].filter(isOptIn);
      setVisible(new Set([...(on ? DEFAULT_VISIBLE : []), ...keep]));
    },
    setPhaseYear: (year) => {
      phaseYear.value = year === null ? null : Math.max(PHASE_YEARS.min, Math.min(PHASE_YEARS.max, Math.round(year)));
    },
    flyToCity: () => {
      camera.value = { seq: ++seq, type: 'city' };
    },
    cameraChanged: (c) => {
      lastCamera = c;
      save();
    },
    toggleTable: () => {
      tableOpen.value = !tableOpen.value;
      save();
    },
    toggleSidebar: () => {
      sidebarOpen.value = !sidebarOpen.value;
      save();
    },
  };

  const state: ViewState = {
    visible,
    phaseYear,
    camera,
    initialCamera,
    tableOpen,
    sidebarOpen,
  };

  return {
    state,
    actions,
    save,
    setVisible,
    /** Opens the project list (a drawer tab was chosen). */
    showTable: (): void => {
      if (tableOpen.peek()) return;
      tableOpen.value = true;
      save();
    },
    flyToProject: (lon: number, lat: number): void => {
      camera.value = { seq: ++seq, type: 'project', lon, lat };
    },
    goTo: (c: Camera): void => {
      camera.value = { seq: ++seq, type: 'view', lon: c.lon, lat: c.lat, zoom: c.zoom };
    },
    lastCamera: (): Camera | null => lastCamera,
    /** Restores the stored view (at start-up); saving starts with `ready`. */
    load: (raw: unknown): SavedView => {
      const view = parseView(raw, LAYER_IDS);
      initialCamera.value = view.camera;
      lastCamera = view.camera;
      batch(() => {
        visible.value = new Set(
          LAYER_IDS.filter((id) => (isOptIn(id) ? view.shown.includes(id) : !view.hidden.includes(id))),
        );
        tableOpen.value = view.panels.table;
        sidebarOpen.value = view.panels.sidebar;
      });
      return view;
    },
    ready: (): void => {
      loaded = true;
    },
    dispose: (): void => {
      if (timer !== null) clearTimeout(timer);
    },
  };
}

export type View = ReturnType<typeof createView>;
