/**
 * The shapes of the app's stores and of what builds them (src/state/app.ts wires them together): the
 * dependencies the page hands in, the stores each with its state and actions, and the flat views of
 * them that tests and the console read.
 */
import type { SitingWorkerLike } from '../workers/sitingService';
import type { SitingActions, SitingState } from './siting';
import type { BasemapActions, BasemapState } from './basemap';
import type { SameOrigin } from './basemapSources';
import type { BasemapFileStore } from '../persistence/basemapFiles';
import type { CoverageLevel } from '../core/analysis/params';
import type { ReferenceData, ReferenceIndex } from '../core/geodata/reference';
import type { ScenarioCollection } from '../core/model/project';
import type { PlanTargets } from '../core/plan/targets';
import type { Repository } from '../persistence/repository';
import type { AnalysisState } from './analysis';
import type { CompareActions, CompareState } from './compare';
import type { CoverageClient } from '../workers/coverageService';
import type { EditingActions } from './editing';
import type { I18nState } from './i18n';
import type { WorkerLike } from '../workers/importService';
import type { Importer } from './importer';
import type { LayerInputState } from './layerInput';
import type { MeetingActions, MeetingState } from './meeting';
import type { ProjectionActions, ProjectionState } from './projection';
import type { PreferencesActions, PreferencesState } from './preferences';
import type { ReferenceState } from './reference';
import type { ScenarioActions } from './scenarioActions';
import type { ScenarioStore } from './scenarios';
import type { SelectionActions, SelectionState } from './selection';
import type { TableActions, TableState } from './table';
import type { TabChannel } from './tabs';
import type { UiActions, UiState } from './ui';
import type { ViewActions, ViewState } from './view';

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
  /** Starts a worker for one siting run (none in unit tests: the solver runs in process). */
  readonly makeSitingWorker?: () => SitingWorkerLike;
  /** Where loaded basemap files are kept (OPFS or IndexedDB in the app; memory in unit tests). */
  readonly openBasemapStore?: () => Promise<BasemapFileStore>;
  /** Fetches from the app's own server: the archives IT deployed beside index.html (none in unit tests). */
  readonly sameOrigin?: SameOrigin;
}

/** What never changes while the page is open: the reference geography, the plan's targets, the storage kind. */
export interface StaticState {
  readonly reference: ReferenceData;
  readonly index: ReferenceIndex;
  readonly targets: PlanTargets;
  /** Id of the illustrative scenario shipped with the app (the one "reset" restores). */
  readonly illustrativeId: string;
  /** False when the app runs on the in-memory fallback: nothing outlives the page. */
  readonly durable: boolean;
  /** Why storage is not durable (the browser's words), when it is not. */
  readonly storageNote: string | null;
}

/** The stores, each with its own state (read-only signals) and actions. */
export interface Stores {
  readonly fixed: StaticState;
  readonly i18n: I18nState;
  readonly ui: { readonly state: UiState; readonly actions: UiActions };
  readonly preferences: { readonly state: PreferencesState; readonly actions: PreferencesActions };
  readonly view: { readonly state: ViewState; readonly actions: ViewActions };
  readonly selection: { readonly state: SelectionState; readonly actions: SelectionActions };
  readonly table: { readonly state: TableState; readonly actions: TableActions };
  readonly layers: LayerInputState;
  readonly scenarios: { readonly state: ScenarioStore['state']; readonly actions: ScenarioActions };
  readonly editing: EditingActions;
  readonly reference: {
    readonly state: ReferenceState;
    readonly actions: {
      clearExisting(): Promise<void>;
      clearPopulation(): Promise<void>;
      clearDemography(): Promise<void>;
      clearParcels(): Promise<void>;
    };
  };
  readonly projection: { readonly state: ProjectionState; readonly actions: ProjectionActions };
  readonly siting: { readonly state: SitingState; readonly actions: SitingActions };
  readonly analysis: { readonly state: AnalysisState; readonly actions: { setLevel(level: CoverageLevel): void } };
  readonly importer: Importer;
  readonly meeting: { readonly state: MeetingState; readonly actions: MeetingActions };
  readonly compare: { readonly state: CompareState; readonly actions: CompareActions };
  readonly basemap: { readonly state: BasemapState; readonly actions: BasemapActions };
}

/** What the map adapter (src/map) reads and calls. */
export type MapStores = Pick<
  Stores,
  'fixed' | 'i18n' | 'preferences' | 'view' | 'selection' | 'layers' | 'editing' | 'analysis' | 'meeting' | 'basemap'
>;

/** Every store's state in one object (tests and the console read it). */
export type AppState = StaticState &
  I18nState &
  UiState &
  PreferencesState &
  ViewState &
  SelectionState &
  TableState &
  LayerInputState &
  ScenarioStore['state'] &
  ReferenceState & {
    readonly analysis: AnalysisState;
    readonly importer: Importer['state'];
    readonly meeting: MeetingState;
    readonly compare: CompareState;
  };

/** Every store's actions in one object. */
export type AppActions = UiActions &
  PreferencesActions &
  ViewActions &
  SelectionActions &
  TableActions &
  EditingActions &
  ScenarioActions &
  Stores['reference']['actions'] & {
    setAnalysisLevel(level: CoverageLevel): void;
    readonly meeting: MeetingActions;
    readonly compare: CompareActions;
    /** Import: nothing is written before `confirm`. */
    readonly importer: Omit<Importer, 'state'>;
  };

export interface App {
  readonly stores: Stores;
  readonly state: AppState;
  readonly actions: AppActions;
  /** Loads stored settings, view, reference layers and scenarios (seeding on first run); call once. */
  readonly init: () => Promise<void>;
  /** Resolves when every queued write has committed. */
  readonly flush: () => Promise<unknown>;
  readonly dispose: () => void;
}
