/**
 * The planner's settings (language, basemap, 天地图 key, analysis parameters), stored in the repository.
 * Before `load` nothing is written, so start-up never overwrites what is stored with the defaults.
 */
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import {
  DEFAULT_PARAMS,
  isParamValueValid,
  type AnalysisParams,
  type DemandMethod,
  type ParamGroup,
} from '../core/analysis/params';
import type { Lang } from '../core/i18n/translate';
import {
  DEFAULT_SETTINGS,
  parseSettings,
  type BasemapId,
  type CustomTiles,
  type Settings,
} from '../core/settings/settings';
import type { Repository } from '../persistence/repository';

export interface PreferencesState {
  readonly settings: ReadonlySignal<Settings>;
  readonly lang: ReadonlySignal<Lang>;
  /** Whether the browser agreed to keep the data (navigator.storage.persist), null before it answers. */
  readonly persisted: ReadonlySignal<boolean | null>;
}

export interface PreferencesActions {
  setLang(lang: Lang): void;
  /** `ref`: which file (id) or deployed archive (name) for the file and deployed basemaps. */
  setBasemap(basemap: BasemapId, ref?: string): void;
  setCustomTiles(tiles: CustomTiles): void;
  setTiandituKey(key: string): void;
  /** Sets one parameter; false (and nothing stored) when the value is out of range. */
  setParam(group: ParamGroup, key: string, value: number): boolean;
  setDemandMethod(method: DemandMethod): void;
  resetParams(): void;
}

export interface PreferencesDeps {
  readonly repository: Repository;
  /** A failed save (the setting stays on screen for this session). */
  readonly onSaveError: (e: unknown) => void;
}

export function createPreferences(deps: PreferencesDeps) {
  const settings = signal<Settings>(DEFAULT_SETTINGS);
  const persisted = signal<boolean | null>(null);
  const lang = computed(() => settings.value.lang);
  let loaded = false;
  /** Every settings write so far (a reload right after a change would otherwise abort its transaction). */
  let writes: Promise<unknown> = Promise.resolve();

  const persist = (next: Settings): void => {
    settings.value = next;
    if (!loaded) return;
    writes = Promise.all([writes, deps.repository.saveSettings(next).catch(deps.onSaveError)]);
  };

  const actions: PreferencesActions = {
    setLang: (l) => persist({ ...settings.value, lang: l }),
    setBasemap: (basemap, ref) => persist({ ...settings.value, basemap, basemapRef: ref ?? settings.value.basemapRef }),
    setCustomTiles: (customTiles) => persist({ ...settings.value, customTiles }),
    setTiandituKey: (key) => persist({ ...settings.value, tiandituKey: key.trim() }),
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
  };

  const state: PreferencesState = { settings, lang, persisted };
  return {
    state,
    actions,
    /** Reads what is stored (called once at start-up); writes are allowed from then on. */
    load: (stored: unknown): void => {
      settings.value = parseSettings(stored).settings;
    },
    /** From now on changes are stored. */
    ready: (): void => {
      loaded = true;
    },
    setPersisted: (ok: boolean): void => {
      persisted.value = ok;
    },
    /** Resolves when every settings change made so far is stored (or its failure reported). */
    flush: (): Promise<unknown> => writes,
  };
}

export type Preferences = ReturnType<typeof createPreferences>;
