import { batch, computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import type { Polygon } from 'geojson';
import {
  addProjectsEdit,
  bulkEdit,
  deleteProjectsEdit,
  moveProjectEdit,
  newProject,
  renameScenarioEdit,
  siteArea,
  siteEdit,
  updateProjectEdit,
  type BulkField,
  type EditContext,
} from '../core/edits/build';
import { labelOf } from '../core/edits/describe';
import { projectFromDraft, type ProjectDraft } from '../core/edits/form';
import type { ReferenceData, ReferenceIndex } from '../core/geodata/reference';
import { createCountyLocator } from '../core/geodata/locate';
import { indexReference } from '../core/geodata/reference';
import { translate, type Lang, type MessageKey, type Params } from '../core/i18n/translate';
import type { ProjectKind } from '../core/model/kinds';
import type { ProjectFeature, ScenarioCollection } from '../core/model/project';
import type { ValidationIssue } from '../core/model/validate';
import type { PlanTargets } from '../core/plan/targets';
import { DEFAULT_SETTINGS, parseSettings, type BasemapId, type Settings } from '../core/settings/settings';
import { parseView, type SavedView } from '../core/settings/view';
import {
  DEFAULT_SORT,
  EMPTY_FILTER,
  queryProjects,
  type SortKey,
  type TableFilter,
  type TableSort,
} from '../core/table/query';
import type { HistoryInfo, Repository, ScenarioSummary } from '../persistence/repository';
import { ANALYSIS_LAYER_IDS, LAYER_IDS, type LayerId, type LayerInput } from '../../layers/types';
import {
  DEFAULT_PARAMS,
  isParamValueValid,
  type AnalysisParams,
  type CoverageLevel,
  type DemandMethod,
  type ParamGroup,
} from '../core/analysis/params';
import { createFileReader, type WorkerLike } from './importService';
import { createImporter, type Importer } from './importer';
import { createAnalysis, type AnalysisState } from './analysis';
import type { CoverageClient } from './coverageService';
import { createMeeting, type MeetingActions, type MeetingState } from './meeting';
import { createCompare, type CompareActions, type CompareState } from './compare';
import { cumulativeSeats, projectsByYear, type SeatsByYear } from '../core/plan/phasing';
import { PHASE_YEARS } from '../core/model/slides';
import { createScenarioStore, type NoticeRequest, type SaveStatus } from './scenarios';
import { createLocalChannel, type TabChannel } from './tabs';
import { centralOf, groupByKind, layerProjects, sitesOf, withDragged } from '../../layers/input';

export type CameraRequest =
  | { readonly seq: number; readonly type: 'project'; readonly lon: number; readonly lat: number }
  | { readonly seq: number; readonly type: 'city' }
  | { readonly seq: number; readonly type: 'view'; readonly lon: number; readonly lat: number; readonly zoom: number };

export interface Camera {
  readonly lon: number;
  readonly lat: number;
  readonly zoom: number;
}

export interface Notice extends NoticeRequest {
  readonly seq: number;
}

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

export type Dialog =
  | { readonly type: 'newScenario' }
  | { readonly type: 'duplicateScenario' }
  | { readonly type: 'renameScenario' }
  | { readonly type: 'deleteScenario' }
  | { readonly type: 'resetScenario' }
  | { readonly type: 'deleteProjects'; readonly ids: readonly string[] };

export type SidebarTab = 'layers' | 'coverage' | 'targets' | 'slides';
export type DrawerTab = 'projects' | 'demand';

export interface AppDeps {
  readonly reference: ReferenceData;
  /** The illustrative scenario shipped with the app (seeded on first run only). */
  readonly scenario: ScenarioCollection;
  readonly targets: PlanTargets;
  readonly repository: Repository;
  /** Why the repository is not durable (IndexedDB missing or failing to open), shown with the status. */
  readonly storageNote?: string;
  readonly channel?: TabChannel;
  readonly newId?: () => string;
  /** Asks the browser to keep the data (navigator.storage.persist); resolves to whether it agreed. */
  readonly requestPersistence?: () => Promise<boolean>;
  /** Delay before a camera change is stored, so a pan stores once (ms). */
  readonly viewSaveDelay?: number;
  /** Starts the worker that reads imported files (none in unit tests: files are read in process). */
  readonly makeIoWorker?: () => WorkerLike;
  /** The coverage engine (a worker in the app) and the population surface it starts from. */
  readonly coverage?: { readonly client: CoverageClient; readonly loadSurface: () => Promise<ArrayBuffer> };
}

/** Read-only view of the app state: components and the map read these, never write them. */
export interface AppState {
  readonly reference: ReferenceData;
  readonly index: ReferenceIndex;
  readonly targets: PlanTargets;
  /** Id of the illustrative scenario shipped with the app (the one "reset" restores). */
  readonly illustrativeId: string;
  readonly lang: ReadonlySignal<Lang>;
  readonly settings: ReadonlySignal<Settings>;
  readonly scenarios: ReadonlySignal<readonly ScenarioSummary[]>;
  readonly scenario: ReadonlySignal<ScenarioCollection>;
  readonly summary: ReadonlySignal<ScenarioSummary | null>;
  readonly history: ReadonlySignal<HistoryInfo>;
  readonly saveStatus: ReadonlySignal<SaveStatus>;
  /** Edits on screen that could not be stored (kept, marked unsaved). */
  readonly unsavedCount: ReadonlySignal<number>;
  /** False when the app runs on the in-memory fallback: nothing outlives the page. */
  readonly durable: boolean;
  /** Why storage is not durable (the browser's words), when it is not. */
  readonly storageNote: string | null;
  readonly lastSavedAt: ReadonlySignal<number | null>;
  readonly persisted: ReadonlySignal<boolean | null>;
  readonly projectsByKind: ReadonlySignal<ReadonlyMap<ProjectKind, readonly ProjectFeature[]>>;
  readonly visible: ReadonlySignal<ReadonlySet<LayerId>>;
  readonly selectedId: ReadonlySignal<string | null>;
  readonly selected: ReadonlySignal<ProjectFeature | null>;
  readonly layerInput: ReadonlySignal<LayerInput>;
  readonly filter: ReadonlySignal<TableFilter>;
  readonly sort: ReadonlySignal<TableSort>;
  readonly rows: ReadonlySignal<readonly ProjectFeature[]>;
  readonly checked: ReadonlySignal<ReadonlySet<string>>;
  readonly camera: ReadonlySignal<CameraRequest | null>;
  /** The camera to start from (restored from the last session), or null for the whole city. */
  readonly initialCamera: Camera | null;
  readonly mode: ReadonlySignal<EditMode>;
  readonly dragPreview: ReadonlySignal<DragPreview | null>;
  readonly dialog: ReadonlySignal<Dialog | null>;
  readonly settingsOpen: ReadonlySignal<boolean>;
  readonly tableOpen: ReadonlySignal<boolean>;
  readonly sidebarTab: ReadonlySignal<SidebarTab>;
  readonly drawerTab: ReadonlySignal<DrawerTab>;
  readonly notice: ReadonlySignal<Notice | null>;
  readonly t: ReadonlySignal<(key: MessageKey, params?: Params) => string>;
  readonly projectName: ReadonlySignal<(p: ProjectFeature) => string>;
  readonly countyName: ReadonlySignal<(code: string) => string>;
  readonly townshipName: ReadonlySignal<(code: string | null) => string>;
  readonly analysis: AnalysisState;
  readonly importer: Importer['state'];
  readonly byId: ReadonlySignal<ReadonlyMap<string, ProjectFeature>>;
  /** Phasing: show projects completed by the end of this year (null: all). */
  readonly phaseYear: ReadonlySignal<number | null>;
  /** Cumulative new seats by year, 2022–2035, of the whole scenario. */
  readonly seatsByYear: ReadonlySignal<SeatsByYear>;
  readonly meeting: MeetingState;
  readonly compare: CompareState;
  /** What the layers read for a slide or export: these layers, projects completed by `year`, no selection. */
  layerInputFor(layers: ReadonlySet<LayerId>, year: number | null): LayerInput;
}

export interface AppActions {
  setLang(lang: Lang): void;
  toggleLayer(id: LayerId): void;
  setAllLayers(visible: boolean): void;
  select(id: string | null, options?: { fly?: boolean }): void;
  setFilter(patch: Partial<TableFilter>): void;
  clearFilter(): void;
  sortBy(key: SortKey): void;
  flyToCity(): void;
  setBasemap(basemap: BasemapId): void;
  setTiandituKey(key: string): void;
  openSettings(open: boolean): void;
  toggleTable(): void;
  setSidebarTab(tab: SidebarTab): void;
  setDrawerTab(tab: DrawerTab): void;
  dismissNotice(): void;
  /** The map reports where it is, to be restored on reload. */
  cameraChanged(camera: Camera): void;

  // editing: every change goes through the scenario store's one write path
  setMode(mode: EditMode): void;
  /** Places a new project of the add mode's kind; returns false at sea or outside the city. */
  placeProject(lon: number, lat: number): Promise<boolean>;
  dragTo(preview: DragPreview | null): void;
  moveProject(id: string, lon: number, lat: number): Promise<boolean>;
  /** Validates and saves the form; returns the issues to show next to the fields (none when saved). */
  saveProject(id: string, draft: ProjectDraft): Promise<{ errors: ValidationIssue[]; warnings: ValidationIssue[] }>;
  setSite(id: string, site: Polygon | null): Promise<boolean>;
  deleteProjects(ids: readonly string[]): Promise<boolean>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  /** Tries again to store the edits that could not be stored (or the scenario, after storage was cleared). */
  retrySave(): Promise<boolean>;
  /** A newer version of the app in another tab took the database over: say so, offer reload and export. */
  storageSuperseded(): void;
  toggleChecked(id: string): void;
  setChecked(ids: readonly string[]): void;
  bulkSet(field: BulkField, value: unknown): Promise<ValidationIssue[]>;

  // scenarios
  openDialog(dialog: Dialog | null): void;
  switchScenario(id: string): Promise<void>;
  newScenario(name: string): Promise<boolean>;
  duplicateScenario(name: string): Promise<boolean>;
  renameScenario(name: string): Promise<boolean>;
  deleteScenario(): Promise<boolean>;
  /** Brings back the scenario deleted last (offered in the notice right after deleting). */
  restoreDeletedScenario(): Promise<boolean>;
  resetIllustrative(): Promise<boolean>;

  // analysis
  setAnalysisLevel(level: CoverageLevel): void;
  /** Sets one parameter; false (and nothing stored) when the value is out of range. */
  setParam(group: ParamGroup, key: string, value: number): boolean;
  setDemandMethod(method: DemandMethod): void;
  resetParams(): void;

  setPhaseYear(year: number | null): void;
  readonly meeting: MeetingActions;
  readonly compare: CompareActions;

  // import: nothing is written before `confirm`
  readonly importer: Omit<Importer, 'state' | 'init' | 'startupSurface'>;
}

export interface App {
  readonly state: AppState;
  readonly actions: AppActions;
  /** Loads stored settings, view and scenarios (seeding on first run); call once at start-up. */
  readonly init: () => Promise<void>;
  /** Resolves when every queued write has committed. */
  readonly flush: () => Promise<unknown>;
  readonly dispose: () => void;
}

const randomId = (): string =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `id-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

export function createApp(deps: AppDeps): App {
  const index = indexReference(deps.reference);
  const ctx: EditContext = { index, locateCounty: createCountyLocator(deps.reference.counties) };
  const newId = deps.newId ?? randomId;
  const settings = signal<Settings>(DEFAULT_SETTINGS);
  const isOptIn = (id: LayerId): boolean => (ANALYSIS_LAYER_IDS as readonly string[]).includes(id);
  const DEFAULT_VISIBLE = LAYER_IDS.filter((id) => !isOptIn(id));
  const visible = signal<ReadonlySet<LayerId>>(new Set(DEFAULT_VISIBLE));
  const selectedId = signal<string | null>(null);
  const filter = signal<TableFilter>(EMPTY_FILTER);
  const sort = signal<TableSort>(DEFAULT_SORT);
  const checked = signal<ReadonlySet<string>>(new Set());
  const camera = signal<CameraRequest | null>(null);
  const mode = signal<EditMode>({ type: 'select' });
  const dragPreview = signal<DragPreview | null>(null);
  const dialog = signal<Dialog | null>(null);
  const settingsOpen = signal(false);
  const tableOpen = signal(true);
  const sidebarTab = signal<SidebarTab>('layers');
  const drawerTab = signal<DrawerTab>('projects');
  const notice = signal<Notice | null>(null);
  const persisted = signal<boolean | null>(null);
  const phaseYear = signal<number | null>(null);
  let initialCamera: Camera | null = null;
  /** What the last deleted scenario held, for the notice's "restore" button. */
  let deleted: ScenarioCollection | null = null;
  let lastCamera: Camera | null = null;
  let seq = 0;
  let loaded = false;

  const notify = (n: NoticeRequest): void => {
    notice.value = { ...n, seq: ++seq };
  };

  const store = createScenarioStore({
    repository: deps.repository,
    channel: deps.channel ?? createLocalChannel(),
    index,
    seed: deps.scenario,
    newId,
    tabId: newId(),
    notify,
    onSwitched: () => {
      batch(() => {
        const ids = store.state.byId.peek();
        if (selectedId.peek() !== null && !ids.has(selectedId.peek() ?? '')) selectedId.value = null;
        checked.value = new Set([...checked.peek()].filter((id) => ids.has(id)));
        mode.value = { type: 'select' };
        dragPreview.value = null;
      });
      saveView();
    },
    onChanged: () => {
      // a selected or checked project that is no longer shown (deleted here or elsewhere) is not selected
      const ids = store.state.byId.peek();
      batch(() => {
        const sel = selectedId.peek();
        if (sel !== null && !ids.has(sel)) selectedId.value = null;
        const c = checked.peek();
        if ([...c].some((id) => !ids.has(id))) checked.value = new Set([...c].filter((id) => ids.has(id)));
      });
    },
  });
  const scenario = store.state.scenario;

  const lang = computed(() => settings.value.lang);
  // the project layers' lists: one derivation (layers/input.ts) for the live map and for exports
  const projectsByKind = computed(() => groupByKind(projectsByYear(scenario.value.features, phaseYear.value)));
  /** The same arrays, except the dragged project's kind, where it is shown at the pointer. */
  const shownByKind = computed(() => withDragged(projectsByKind.value, dragPreview.value));
  // from the shown positions, so the central-district ring follows a dragged project
  const central = computed(() => centralOf(shownByKind.value));
  const sites = computed(() => sitesOf(projectsByKind.value));
  const selected = computed(() => store.state.byId.value.get(selectedId.value ?? '') ?? null);
  const selectedList = computed<readonly ProjectFeature[]>(() => {
    const p = selected.value;
    if (!p) return [];
    const drag = dragPreview.value;
    return drag && drag.id === p.id ? [{ ...p, geometry: { type: 'Point', coordinates: [drag.lon, drag.lat] } }] : [p];
  });
  const shownProjects = computed<readonly ProjectFeature[]>(() => [...shownByKind.value.values()].flat());
  const importer = createImporter({
    reader: createFileReader(index, deps.makeIoWorker ?? null),
    repository: deps.repository,
    reference: deps.reference,
    ctx,
    newId,
    scenario,
    scenarioNames: () => new Set(store.state.scenarios.peek().map((s) => s.meta.name)),
    scenarioIds: () => new Set(store.state.scenarios.peek().map((s) => s.meta.id)),
    createScenario: (held) => store.restore(held),
    commit: (edit) => store.commit(edit),
    switchTo: (id) => store.switchTo(id),
    // the analysis is created next; this is only called after start-up
    loadSurface: (load) => analysis.loadSurface(load),
    shippedSurface: deps.coverage?.loadSurface ?? null,
    showLayer: (id) => {
      if (!visible.peek().has(id)) actions.toggleLayer(id);
    },
    notify,
  });
  const analysis = createAnalysis({
    reference: deps.reference,
    targets: deps.targets,
    shown: shownProjects,
    projects: computed(() => scenario.value.features),
    byId: store.state.byId,
    params: computed(() => settings.value.analysis),
    visible,
    wanted: computed(
      () =>
        sidebarTab.value === 'coverage' ||
        selectedId.value !== null ||
        ANALYSIS_LAYER_IDS.some((id) => id !== 'seatGap' && id !== 'specialGap' && visible.value.has(id)),
    ),
    client: deps.coverage?.client ?? null,
    // an imported population surface, when one is stored, replaces the shipped modelled one
    loadSurface: deps.coverage
      ? async () =>
          (await importer.startupSurface()) ?? deps.coverage?.loadSurface() ?? Promise.reject(new Error('no surface'))
      : null,
    existing: computed(() => importer.state.existingLayer.value?.schools ?? []),
    ownershipAssumed: computed(() => scenario.value.scenario.illustrative),
  });
  const meeting = createMeeting({
    scenario,
    commit: (edit) => store.commit(edit),
    camera: () => lastCamera,
    visible,
    setVisible: (ids) => {
      visible.value = ids;
      saveView();
    },
    year: phaseYear,
    setYear: (year) => {
      phaseYear.value = year;
    },
    goTo: (c) => {
      camera.value = { seq: ++seq, type: 'view', lon: c.lon, lat: c.lat, zoom: c.zoom };
    },
    newId,
    defaultTitle: () => translate(lang.peek(), 'slides.defaultTitle'),
    notify,
  });
  const seatsByYear = computed(() => cumulativeSeats(scenario.value.features));
  const layerInput = computed<LayerInput>(() => ({
    projectsByKind: shownByKind.value,
    central: central.value,
    sites: sites.value,
    visible: visible.value,
    selected: selectedList.value,
    analysis: analysis.state.layerInput.value,
  }));
  const t = computed(() => {
    const l = lang.value;
    return (key: MessageKey, params?: Params) => translate(l, key, params);
  });
  const projectName = computed(() => {
    const l = lang.value;
    return (p: ProjectFeature) => (l === 'en' && p.properties.nameEn ? p.properties.nameEn : p.properties.name);
  });
  const countyName = computed(() => {
    const l = lang.value;
    return (code: string) => {
      const c = index.countyByCode.get(code);
      return c ? (l === 'en' ? c.nameEn : c.name) : code;
    };
  });
  const townshipName = computed(() => {
    const l = lang.value;
    return (code: string | null) => {
      if (code === null) return translate(l, 'common.none');
      const tw = index.townshipByCode.get(code);
      return tw ? (l === 'en' ? tw.nameEn : tw.name) : code;
    };
  });
  const compare = createCompare({
    repository: deps.repository,
    scenarios: store.state.scenarios,
    current: scenario,
    countyOrder: deps.reference.counties.features.map((f) => f.properties.adcode),
    lang,
    countyName,
    compareCoverage: (a, b) => analysis.compareCoverage(a, b),
  });
  const rows = computed(() =>
    queryProjects(scenario.value.features, filter.value, sort.value, projectName.value, lang.value),
  );

  const errorMessage = (e: unknown): string => (e instanceof Error ? e.message : String(e));

  const persist = (next: Settings): void => {
    settings.value = next;
    if (!loaded) return;
    deps.repository.saveSettings(next).catch((e: unknown) => {
      // a preference's failure never hides a message about the planner's data
      if (notice.peek()?.tone === 'error') return;
      notify({ tone: 'error', key: 'settings.saveError', params: { message: errorMessage(e) } });
    });
  };

  let viewTimer: ReturnType<typeof setTimeout> | null = null;
  function saveView(): void {
    if (!loaded) return;
    if (viewTimer !== null) clearTimeout(viewTimer);
    viewTimer = setTimeout(() => {
      viewTimer = null;
      const view: SavedView = {
        scenarioId: scenario.peek().scenario.id,
        camera: lastCamera,
        hidden: LAYER_IDS.filter((id) => !isOptIn(id) && !visible.peek().has(id)),
        shown: LAYER_IDS.filter((id) => isOptIn(id) && visible.peek().has(id)),
      };
      deps.repository.saveView(view).catch((e: unknown) => {
        // the view is a convenience: its failure never hides a message about the planner's data
        if (notice.peek()?.tone === 'error') return;
        notify({ tone: 'error', key: 'settings.viewSaveError', params: { message: errorMessage(e) } });
      });
    }, deps.viewSaveDelay ?? 400);
  }

  // keep <html lang> and the document title in step with the language
  const disposeDocEffect = effect(() => {
    if (typeof document === 'undefined') return;
    document.documentElement.lang = lang.value === 'zh' ? 'zh-CN' : 'en';
    document.title = t.value('app.title');
  });

  const byId = (id: string): ProjectFeature | undefined => store.state.byId.peek().get(id);

  const actions: AppActions = {
    setLang: (l) => persist({ ...settings.value, lang: l }),
    toggleLayer: (id) => {
      const next = new Set(visible.value);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      visible.value = next;
      saveView();
    },
    setAllLayers: (on) => {
      // "show all" shows every project layer; analysis layers keep their own state
      const keep = [...visible.value].filter(isOptIn);
      visible.value = new Set([...(on ? DEFAULT_VISIBLE : []), ...keep]);
      saveView();
    },
    select: (id, options) => {
      batch(() => {
        selectedId.value = id;
        const p = id === null ? undefined : byId(id);
        if (p && options?.fly)
          camera.value = {
            seq: ++seq,
            type: 'project',
            lon: p.geometry.coordinates[0] ?? 0,
            lat: p.geometry.coordinates[1] ?? 0,
          };
      });
    },
    setFilter: (patch) => {
      filter.value = { ...filter.value, ...patch };
    },
    clearFilter: () => {
      filter.value = EMPTY_FILTER;
    },
    sortBy: (key) => {
      const cur = sort.value;
      sort.value =
        cur.key === key
          ? { key, dir: cur.dir === 'asc' ? 'desc' : 'asc' }
          : { key, dir: key === 'seats' || key === 'classes' ? 'desc' : 'asc' };
    },
    setPhaseYear: (year) => {
      phaseYear.value = year === null ? null : Math.max(PHASE_YEARS.min, Math.min(PHASE_YEARS.max, Math.round(year)));
    },
    meeting: meeting.actions,
    compare: compare.actions,
    flyToCity: () => {
      camera.value = { seq: ++seq, type: 'city' };
    },
    setBasemap: (basemap) => persist({ ...settings.value, basemap }),
    setTiandituKey: (key) => persist({ ...settings.value, tiandituKey: key.trim() }),
    openSettings: (open) => {
      settingsOpen.value = open;
    },
    toggleTable: () => {
      tableOpen.value = !tableOpen.value;
    },
    setSidebarTab: (tab) => {
      sidebarTab.value = tab;
    },
    setDrawerTab: (tab) => {
      batch(() => {
        drawerTab.value = tab;
        tableOpen.value = true;
      });
    },
    dismissNotice: () => {
      notice.value = null;
    },
    cameraChanged: (c) => {
      lastCamera = c;
      saveView();
    },

    setMode: (m) => {
      mode.value = m;
    },
    placeProject: async (lon, lat) => {
      const m = mode.peek();
      if (m.type !== 'add') return false;
      const cur = scenario.peek();
      const p = newProject(
        m.kind,
        lon,
        lat,
        {
          id: newId(),
          year: cur.scenario.planYear,
          existingNames: new Set(cur.features.map((f) => f.properties.name)),
        },
        ctx,
      );
      if (!p) {
        notify({ tone: 'error', key: 'edit.outside' });
        return false;
      }
      batch(() => {
        mode.value = { type: 'select' };
        selectedId.value = p.id;
      });
      return store.commit(addProjectsEdit([p]));
    },
    dragTo: (preview) => {
      dragPreview.value = preview;
    },
    moveProject: async (id, lon, lat) => {
      const p = byId(id);
      dragPreview.value = null;
      if (!p) return false;
      const edit = moveProjectEdit(p, lon, lat, ctx);
      if (!edit.ok) {
        notify({ tone: 'error', key: 'edit.outside' });
        return false;
      }
      return store.commit(edit.value);
    },
    saveProject: async (id, draft) => {
      const p = byId(id);
      if (!p) return { errors: [], warnings: [] };
      const r = projectFromDraft(draft, p, index);
      if (!r.ok) return { errors: r.error, warnings: [] };
      const edit = updateProjectEdit(p, r.value.project);
      if (edit) await store.commit(edit);
      return { errors: [], warnings: r.value.warnings };
    },
    setSite: async (id, site) => {
      const p = byId(id);
      mode.value = { type: 'select' };
      if (!p) return false;
      const edit = siteEdit(p, site, index);
      if (!edit.ok) {
        notify({ tone: 'error', key: 'edit.siteInvalid', params: { detail: site ? siteArea(site) : 0 } });
        return false;
      }
      return edit.value ? store.commit(edit.value) : false;
    },
    deleteProjects: async (ids) => {
      const list = ids.map(byId).filter((p): p is ProjectFeature => p !== undefined);
      dialog.value = null;
      if (list.length === 0) return false;
      const edit = deleteProjectsEdit(list);
      const done = await store.commit(edit);
      if (done) notify({ tone: 'info', key: 'history.deleted', edit: labelOf(edit), action: 'undo' });
      return done;
    },
    undo: async () => {
      const label = await store.undo();
      if (label) notify({ tone: 'info', key: 'history.undone', edit: label });
    },
    redo: async () => {
      const label = await store.redo();
      if (label) notify({ tone: 'info', key: 'history.redone', edit: label });
    },
    retrySave: () => store.retry(),
    storageSuperseded: () =>
      notify({ tone: 'error', key: 'storage.versionChange', action: 'reload', offerExport: true }),
    toggleChecked: (id) => {
      const next = new Set(checked.value);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      checked.value = next;
    },
    setChecked: (ids) => {
      checked.value = new Set(ids);
    },
    bulkSet: async (field, value) => {
      const list = [...checked.peek()].map(byId).filter((p): p is ProjectFeature => p !== undefined);
      const r = bulkEdit(list, field, value, index);
      if (!r.ok) return r.error;
      if (r.value.changes.length > 0) await store.commit(r.value);
      notify({ tone: 'info', key: 'bulk.done', params: { count: r.value.changes.length } });
      return [];
    },

    openDialog: (d) => {
      dialog.value = d;
    },
    switchScenario: async (id) => {
      if (id === scenario.peek().scenario.id) return;
      await store.switchTo(id);
    },
    newScenario: async (name) => {
      dialog.value = null;
      return store.create(name.trim());
    },
    duplicateScenario: async (name) => {
      dialog.value = null;
      return store.duplicate(name.trim());
    },
    renameScenario: async (name) => {
      dialog.value = null;
      const edit = renameScenarioEdit(scenario.peek().scenario, name);
      return edit ? store.commit(edit) : false;
    },
    deleteScenario: async () => {
      dialog.value = null;
      const held = await store.remove();
      if (!held) return false;
      deleted = held;
      notify({
        tone: 'info',
        key: 'scenario.deleted',
        params: { name: held.scenario.name },
        action: 'restoreScenario',
      });
      return true;
    },
    restoreDeletedScenario: async () => {
      const held = deleted;
      deleted = null;
      notice.value = null;
      return held ? store.restore(held) : false;
    },
    resetIllustrative: async () => {
      dialog.value = null;
      return store.resetIllustrative();
    },

    setAnalysisLevel: (l) => analysis.setLevel(l),
    setParam: (group, key, value) => {
      if (!isParamValueValid(group, value)) return false;
      const cur = settings.value.analysis;
      const table = cur[group] as Readonly<Record<string, number>>;
      if (!(key in table)) return false;
      const next: AnalysisParams = { ...cur, [group]: { ...table, [key]: value } };
      persist({ ...settings.value, analysis: next });
      return true;
    },
    setDemandMethod: (method) =>
      persist({ ...settings.value, analysis: { ...settings.value.analysis, demandMethod: method } }),
    resetParams: () => persist({ ...settings.value, analysis: DEFAULT_PARAMS }),
    importer,
  };

  const init = async (): Promise<void> => {
    let view: SavedView = parseView(undefined, LAYER_IDS);
    try {
      const [storedSettings, storedView] = await Promise.all([
        deps.repository.loadSettings(),
        deps.repository.loadView(),
      ]);
      settings.value = parseSettings(storedSettings).settings;
      view = parseView(storedView, LAYER_IDS);
    } catch (e: unknown) {
      notify({ tone: 'error', key: 'settings.saveError', params: { message: errorMessage(e) } });
    }
    initialCamera = view.camera;
    lastCamera = view.camera;
    visible.value = new Set(
      LAYER_IDS.filter((id) => (isOptIn(id) ? view.shown.includes(id) : !view.hidden.includes(id))),
    );
    await importer.init();
    try {
      await store.init(view.scenarioId);
    } catch (e: unknown) {
      notify({ tone: 'error', key: 'storage.loadFailed', params: { message: errorMessage(e) } });
    }
    loaded = true;
    if (deps.requestPersistence)
      deps.requestPersistence().then(
        (ok) => {
          persisted.value = ok;
        },
        () => {
          persisted.value = false;
        },
      );
  };

  const state: AppState = {
    reference: deps.reference,
    index,
    targets: deps.targets,
    illustrativeId: deps.scenario.scenario.id,
    lang,
    settings,
    scenarios: store.state.scenarios,
    scenario,
    summary: store.state.summary,
    history: store.state.history,
    saveStatus: store.state.saveStatus,
    unsavedCount: store.state.unsavedCount,
    durable: deps.repository.durable,
    storageNote: deps.storageNote ?? null,
    lastSavedAt: store.state.lastSavedAt,
    persisted,
    projectsByKind,
    visible,
    selectedId,
    selected,
    layerInput,
    filter,
    sort,
    rows,
    checked,
    camera,
    get initialCamera() {
      return initialCamera;
    },
    mode,
    dragPreview,
    dialog,
    settingsOpen,
    tableOpen,
    sidebarTab,
    drawerTab,
    notice,
    t,
    projectName,
    countyName,
    townshipName,
    analysis: analysis.state,
    importer: importer.state,
    byId: store.state.byId,
    phaseYear,
    seatsByYear,
    layerInputFor: (layers, year) => ({
      ...layerProjects(scenario.peek().features, year),
      visible: layers,
      selected: [],
      analysis: analysis.state.layerInput.peek(),
    }),
    meeting: meeting.state,
    compare: compare.state,
  };
  return {
    state,
    actions,
    init,
    flush: () => store.flush(),
    dispose: () => {
      disposeDocEffect();
      analysis.dispose();
      store.dispose();
      if (viewTimer !== null) clearTimeout(viewTimer);
    },
  };
}
