/**
 * The composition root: builds the stores and wires them together. Each store owns its facts and its
 * actions (the only writers); nothing else lives here. Components read the stores through src/ui/context;
 * `App.state` and `App.actions` are the same stores seen flat, for tests and the browser console.
 */
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { ProjectFeature } from '../core/model/project';
import { createSitingRunner } from '../workers/sitingService';
import { createSiting } from './siting';
import { createBasemap } from './basemap';
import { memoryBasemapStore } from '../persistence/basemapFiles';
import type { CoverageLevel } from '../core/analysis/params';
import { createCountyLocator } from '../core/geodata/locate';
import { indexReference } from '../core/geodata/reference';
import { translate } from '../core/i18n/translate';
import { ANALYSIS_LAYER_IDS } from '../../layers/types';
import { createAnalysis } from './analysis';
import { createCompare } from './compare';
import { createEditing } from './editing';
import { createI18n } from './i18n';
import { createFileReader } from '../workers/importService';
import { createImporter } from './importer';
import { createLayerInput } from './layerInput';
import { createMeeting } from './meeting';
import { errorMessage } from './notices';
import { createProjection } from './projection';
import { createPreferences } from './preferences';
import { createReference } from './reference';
import { createScenarioActions } from './scenarioActions';
import { createScenarioStore } from './scenarios';
import { createSelection } from './selection';
import { createTable } from './table';
import { createLocalChannel } from './tabs';
import { createUi, type SidebarTab } from './ui';
import { createView } from './view';
import type { App, AppDeps, StaticState, Stores } from './stores';

// the stores' shapes live in ./stores; components and tests import them from here as before
export type { App, AppActions, AppDeps, AppState, MapStores, StaticState, Stores } from './stores';

const randomId = (): string =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `id-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

export function createApp(deps: AppDeps): App {
  const { repository } = deps;
  const index = indexReference(deps.reference);
  const ctx = { index, locateCounty: createCountyLocator(deps.reference.counties) };
  const newId = deps.newId ?? randomId;
  const fixed: StaticState = {
    reference: deps.reference,
    index,
    targets: deps.targets,
    illustrativeId: deps.scenario.scenario.id,
    durable: repository.durable,
    storageNote: deps.storageNote ?? null,
  };

  const ui = createUi({ showTable: () => view.showTable() });
  const { notify } = ui;
  /** A convenience's failed save (a preference, the view) never hides a message about the planner's data. */
  const quietError = (key: 'settings.saveError' | 'settings.viewSaveError') => (e: unknown) => {
    if (!ui.dataErrorShown()) notify({ tone: 'error', key, params: { message: errorMessage(e) } });
  };
  const preferences = createPreferences({ repository, onSaveError: quietError('settings.saveError') });
  const i18n = createI18n(preferences.state.lang, index);
  const store = createScenarioStore({
    repository,
    channel: deps.channel ?? createLocalChannel(),
    index,
    seed: deps.scenario,
    newId,
    tabId: newId(),
    notify,
    onSwitched: () => {
      selection.reconcile();
      selection.reset();
      view.save();
    },
    onChanged: () => selection.reconcile(),
  });
  const scenario = store.state.scenario;
  const projects = computed(() => scenario.value.features);
  const view = createView({
    repository,
    scenarioId: () => scenario.peek().scenario.id,
    onSaveError: quietError('settings.viewSaveError'),
    ...(deps.viewSaveDelay !== undefined ? { saveDelay: deps.viewSaveDelay } : {}),
  });
  const selection = createSelection({ byId: store.state.byId, flyTo: view.flyToProject });
  const table = createTable({ projects, projectName: i18n.projectName, lang: i18n.lang });
  const reference = createReference({
    repository,
    index,
    notify,
    // the analysis is created below; these are only called after start-up
    loadSurface: (load) => analysis.loadSurface(load),
    shippedSurface: deps.coverage?.loadSurface ?? null,
  });
  const analysisInput = computed(() => analysis.state.layerInput.value);
  const layers = createLayerInput({
    projects,
    phaseYear: view.state.phaseYear,
    dragPreview: selection.state.dragPreview,
    visible: view.state.visible,
    selected: selection.state.selectedList,
    analysis: analysisInput,
    // the projection store is made below; this is called only for slides and exports
    projectedGapFor: (year, view) => projection.shadesFor(year, view),
  });
  const { visible } = view.state;
  const params = computed(() => preferences.state.settings.value.analysis);
  const projection = createProjection({
    counties: deps.reference.counties.features,
    projects,
    existing: reference.state.existing,
    params,
    imported: reference.state.demography,
    phaseYear: view.state.phaseYear,
    wanted: computed(
      () =>
        (ui.state.sidebarTab.value === 'projection' && view.state.sidebarOpen.value) ||
        visible.value.has('projectedGap'),
    ),
  });
  // the siting store is made after the analysis (it reads the surface through it); its ghosts are bound here
  const ghostSource = signal<ReadonlySignal<readonly ProjectFeature[]> | null>(null);
  const analysis = createAnalysis({
    reference: deps.reference,
    targets: deps.targets,
    shown: layers.shown,
    projects,
    byId: store.state.byId,
    params,
    visible,
    wanted: computed(
      () =>
        (ui.state.sidebarTab.value === 'coverage' && view.state.sidebarOpen.value) ||
        selection.state.selectedId.value !== null ||
        ANALYSIS_LAYER_IDS.some(
          (id) => id !== 'seatGap' && id !== 'specialGap' && id !== 'projectedGap' && visible.value.has(id),
        ),
    ),
    client: deps.coverage?.client ?? null,
    // an imported population surface, when one is stored, replaces the shipped modelled one
    loadSurface: deps.coverage
      ? async () =>
          (await reference.startupSurface()) ?? deps.coverage?.loadSurface() ?? Promise.reject(new Error('no surface'))
      : null,
    existing: reference.state.existing,
    ownershipAssumed: computed(() => scenario.value.scenario.illustrative),
    projectedGap: projection.state.gapShades,
    suggestions: computed(() => ghostSource.value?.value ?? []),
  });
  /** Shows a sidebar tab, unfolding the sidebar if it is folded away. */
  const showTab = (tab: SidebarTab): void => {
    ui.actions.setSidebarTab(tab);
    if (!view.state.sidebarOpen.peek()) view.actions.toggleSidebar();
  };
  const importer = createImporter({
    reader: createFileReader(index, deps.makeIoWorker ?? null),
    referenceData: deps.reference,
    ctx,
    newId,
    scenario,
    scenarioNames: () => new Set(store.state.scenarios.peek().map((s) => s.meta.name)),
    scenarioIds: () => new Set(store.state.scenarios.peek().map((s) => s.meta.id)),
    createScenario: (held) => store.restore(held),
    commit: (edit) => store.commit(edit),
    switchTo: (id) => store.switchTo(id),
    loadSurface: (load) => analysis.loadSurface(load),
    reference,
    showLayer: (id) => {
      if (!visible.peek().has(id)) view.actions.toggleLayer(id);
    },
    showSiting: () => showTab('siting'),
    showProjection: () => showTab('projection'),
    notify,
  });
  const meeting = createMeeting({
    scenario,
    commit: (edit) => store.commit(edit),
    camera: view.lastCamera,
    visible,
    setVisible: view.setVisible,
    year: view.state.phaseYear,
    setYear: (year) => view.actions.setPhaseYear(year),
    projection: {
      get: () => ({ stage: projection.state.stage.peek(), variant: projection.state.variant.peek() }),
      set: (v) => {
        projection.actions.setStage(v.stage);
        projection.actions.setVariant(v.variant);
      },
    },
    goTo: view.goTo,
    newId,
    defaultTitle: () => translate(i18n.lang.peek(), 'slides.defaultTitle'),
    notify,
  });
  const compare = createCompare({
    repository,
    scenarios: store.state.scenarios,
    current: scenario,
    countyOrder: deps.reference.counties.features.map((f) => f.properties.adcode),
    lang: i18n.lang,
    countyName: i18n.countyName,
    compareCoverage: (a, b) => analysis.compareCoverage(a, b),
  });
  const siting = createSiting({
    ctx,
    scenario,
    existing: reference.state.existing,
    parcels: reference.state.parcels,
    params,
    surfaceBytes: () => analysis.surfaceBytes(),
    modelled: () => {
      const s = analysis.state.surface.peek();
      return s.type !== 'ready' || s.info.modelled;
    },
    runner: createSitingRunner(deps.makeSitingWorker ?? null),
    commit: (edit) => store.commit(edit),
    newId,
    notify,
    showLayer: () => {
      if (!visible.peek().has('suggestions')) view.actions.toggleLayer('suggestions');
    },
  });
  ghostSource.value = siting.state.ghosts;
  const basemap = createBasemap({
    settings: preferences.state.settings,
    choose: (b, ref) => preferences.actions.setBasemap(b, ref),
    openStore: deps.openBasemapStore ?? (() => Promise.resolve(memoryBasemapStore())),
    sameOrigin: deps.sameOrigin ?? null,
    newId,
    centre: [
      (deps.reference.city.bbox[0] + deps.reference.city.bbox[2]) / 2,
      (deps.reference.city.bbox[1] + deps.reference.city.bbox[3]) / 2,
    ],
  });
  const closeDialog = (): void => ui.actions.openDialog(null);
  const editing = createEditing({ store, selection, ctx, newId, notify, closeDialog });
  const scenarioActions = createScenarioActions({
    store,
    notify,
    closeDialog,
    dismissNotice: () => ui.actions.dismissNotice(),
  });
  const referenceActions = {
    clearExisting: () => reference.clearExisting(),
    clearPopulation: () => reference.clearPopulation(),
    clearDemography: () => reference.clearDemography(),
    clearParcels: () => reference.clearParcels(),
  };
  const setLevel = (level: CoverageLevel): void => analysis.setLevel(level);

  const stores: Stores = {
    fixed,
    i18n,
    ui,
    preferences,
    view,
    selection,
    table,
    layers,
    scenarios: { state: store.state, actions: scenarioActions },
    editing,
    reference: { state: reference.state, actions: referenceActions },
    analysis: { state: analysis.state, actions: { setLevel } },
    projection: { state: projection.state, actions: projection.actions },
    siting,
    importer,
    meeting,
    compare,
    basemap: { state: basemap.state, actions: basemap.actions },
  };

  const init = async (): Promise<void> => {
    let storedView: unknown;
    try {
      const [storedSettings, viewRecord] = await Promise.all([repository.loadSettings(), repository.loadView()]);
      preferences.load(storedSettings);
      storedView = viewRecord;
    } catch (e: unknown) {
      notify({ tone: 'error', key: 'settings.saveError', params: { message: errorMessage(e) } });
    }
    const saved = view.load(storedView);
    await reference.init();
    try {
      await store.init(saved.scenarioId);
    } catch (e: unknown) {
      notify({ tone: 'error', key: 'storage.loadFailed', params: { message: errorMessage(e) } });
    }
    preferences.ready();
    view.ready();
    // stored basemap files and deployed archives: read in the background, never holding up the first map
    void basemap.init();
    if (deps.requestPersistence)
      deps.requestPersistence().then(preferences.setPersisted, () => preferences.setPersisted(false));
  };

  const { state: importerState, ...importerActions } = importer;
  return {
    stores,
    state: {
      ...fixed,
      ...i18n,
      ...ui.state,
      ...preferences.state,
      ...view.state,
      ...selection.state,
      ...table.state,
      ...layers,
      ...store.state,
      ...reference.state,
      analysis: analysis.state,
      importer: importerState,
      meeting: meeting.state,
      compare: compare.state,
    },
    actions: {
      ...ui.actions,
      ...preferences.actions,
      ...view.actions,
      ...selection.actions,
      ...table.actions,
      ...editing,
      ...scenarioActions,
      ...referenceActions,
      setAnalysisLevel: setLevel,
      meeting: meeting.actions,
      compare: compare.actions,
      importer: importerActions,
    },
    init,
    // edits and settings: what the update prompt's reload, and the tests, wait for
    flush: () => Promise.all([store.flush(), preferences.flush()]),
    dispose: () => {
      analysis.dispose();
      projection.dispose();
      store.dispose();
      view.dispose();
    },
  };
}
