import { batch, computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import type { ReferenceData, ReferenceIndex } from '../core/geodata/reference';
import { indexReference } from '../core/geodata/reference';
import { translate, type Lang, type MessageKey, type Params } from '../core/i18n/translate';
import { PROJECT_KINDS, type ProjectKind } from '../core/model/kinds';
import type { ProjectFeature, ScenarioCollection } from '../core/model/project';
import type { PlanTargets } from '../core/plan/targets';
import { DEFAULT_SETTINGS, parseSettings, type BasemapId, type Settings } from '../core/settings/settings';
import {
  DEFAULT_SORT,
  EMPTY_FILTER,
  queryProjects,
  type SortKey,
  type TableFilter,
  type TableSort,
} from '../core/table/query';
import type { SettingsRepository } from '../persistence/repository';
import { LAYER_IDS, type LayerId, type LayerInput } from '../../layers/types';

export type CameraRequest =
  | { readonly seq: number; readonly type: 'project'; readonly lon: number; readonly lat: number }
  | { readonly seq: number; readonly type: 'city' };

export interface Notice {
  readonly seq: number;
  readonly tone: 'info' | 'error';
  readonly key: MessageKey;
  readonly params?: Params;
}

export interface AppDeps {
  readonly reference: ReferenceData;
  readonly scenario: ScenarioCollection;
  readonly targets: PlanTargets;
  readonly repository: SettingsRepository;
}

/** Read-only view of the app state: components and the map read these, never write them. */
export interface AppState {
  readonly reference: ReferenceData;
  readonly index: ReferenceIndex;
  readonly targets: PlanTargets;
  readonly lang: ReadonlySignal<Lang>;
  readonly settings: ReadonlySignal<Settings>;
  readonly scenario: ReadonlySignal<ScenarioCollection>;
  readonly projectsByKind: ReadonlySignal<ReadonlyMap<ProjectKind, readonly ProjectFeature[]>>;
  readonly visible: ReadonlySignal<ReadonlySet<LayerId>>;
  readonly selectedId: ReadonlySignal<string | null>;
  readonly selected: ReadonlySignal<ProjectFeature | null>;
  readonly layerInput: ReadonlySignal<LayerInput>;
  readonly filter: ReadonlySignal<TableFilter>;
  readonly sort: ReadonlySignal<TableSort>;
  readonly rows: ReadonlySignal<readonly ProjectFeature[]>;
  readonly camera: ReadonlySignal<CameraRequest | null>;
  readonly settingsOpen: ReadonlySignal<boolean>;
  readonly tableOpen: ReadonlySignal<boolean>;
  readonly notice: ReadonlySignal<Notice | null>;
  readonly t: ReadonlySignal<(key: MessageKey, params?: Params) => string>;
  readonly projectName: ReadonlySignal<(p: ProjectFeature) => string>;
  readonly countyName: ReadonlySignal<(code: string) => string>;
  readonly townshipName: ReadonlySignal<(code: string | null) => string>;
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
  dismissNotice(): void;
}

export interface App {
  readonly state: AppState;
  readonly actions: AppActions;
  /** Loads stored settings; call once at start-up. */
  readonly init: () => Promise<void>;
  readonly dispose: () => void;
}

export function createApp(deps: AppDeps): App {
  const index = indexReference(deps.reference);
  const settings = signal<Settings>(DEFAULT_SETTINGS);
  const scenario = signal(deps.scenario);
  const visible = signal<ReadonlySet<LayerId>>(new Set(LAYER_IDS));
  const selectedId = signal<string | null>(null);
  const filter = signal<TableFilter>(EMPTY_FILTER);
  const sort = signal<TableSort>(DEFAULT_SORT);
  const camera = signal<CameraRequest | null>(null);
  const settingsOpen = signal(false);
  const tableOpen = signal(true);
  const notice = signal<Notice | null>(null);
  let seq = 0;
  let loaded = false;

  const lang = computed(() => settings.value.lang);
  const projectsByKind = computed(() => {
    const byKind = new Map<ProjectKind, ProjectFeature[]>(PROJECT_KINDS.map((k) => [k, []]));
    for (const p of scenario.value.features) byKind.get(p.properties.kind)?.push(p);
    const result: ReadonlyMap<ProjectKind, readonly ProjectFeature[]> = byKind;
    return result;
  });
  const central = computed(() => scenario.value.features.filter((p) => p.properties.centralDistrict));
  const selected = computed(() => scenario.value.features.find((p) => p.id === selectedId.value) ?? null);
  const selectedList = computed<readonly ProjectFeature[]>(() => (selected.value ? [selected.value] : []));
  const layerInput = computed<LayerInput>(() => ({
    projectsByKind: projectsByKind.value,
    central: central.value,
    visible: visible.value,
    selected: selectedList.value,
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
  const rows = computed(() =>
    queryProjects(scenario.value.features, filter.value, sort.value, projectName.value, lang.value),
  );

  const persist = (next: Settings): void => {
    settings.value = next;
    if (!loaded) return;
    deps.repository.saveSettings(next).catch((e: unknown) => {
      notice.value = {
        seq: ++seq,
        tone: 'error',
        key: 'settings.saveError',
        params: { message: e instanceof Error ? e.message : String(e) },
      };
    });
  };

  // keep <html lang> and the document title in step with the language
  const disposeDocEffect = effect(() => {
    if (typeof document === 'undefined') return;
    document.documentElement.lang = lang.value === 'zh' ? 'zh-CN' : 'en';
    document.title = t.value('app.title');
  });

  const actions: AppActions = {
    setLang: (l) => persist({ ...settings.value, lang: l }),
    toggleLayer: (id) => {
      const next = new Set(visible.value);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      visible.value = next;
    },
    setAllLayers: (on) => {
      visible.value = new Set(on ? LAYER_IDS : []);
    },
    select: (id, options) => {
      batch(() => {
        selectedId.value = id;
        const p = id === null ? undefined : scenario.value.features.find((f) => f.id === id);
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
    dismissNotice: () => {
      notice.value = null;
    },
  };

  const init = async (): Promise<void> => {
    try {
      const stored = parseSettings(await deps.repository.loadSettings());
      settings.value = stored.settings;
    } catch (e: unknown) {
      notice.value = {
        seq: ++seq,
        tone: 'error',
        key: 'settings.saveError',
        params: { message: e instanceof Error ? e.message : String(e) },
      };
    }
    loaded = true;
  };

  const state: AppState = {
    reference: deps.reference,
    index,
    targets: deps.targets,
    lang,
    settings,
    scenario,
    projectsByKind,
    visible,
    selectedId,
    selected,
    layerInput,
    filter,
    sort,
    rows,
    camera,
    settingsOpen,
    tableOpen,
    notice,
    t,
    projectName,
    countyName,
    townshipName,
  };
  return { state, actions, init, dispose: disposeDocEffect };
}
