import { DEFAULT_PARAMS, parseAnalysisParams, type AnalysisParams } from '../analysis/params';
import { isLang, type Lang } from '../i18n/translate';
import { isRecord } from '../result';

export const BASEMAPS = ['offline', 'osm', 'tdtVector', 'tdtImagery'] as const;
export type BasemapId = (typeof BASEMAPS)[number];
export const isBasemapId = (v: unknown): v is BasemapId => (BASEMAPS as readonly unknown[]).includes(v);
export const isOnlineBasemap = (b: BasemapId): boolean => b !== 'offline';
export const needsTiandituKey = (b: BasemapId): boolean => b === 'tdtVector' || b === 'tdtImagery';

export interface Settings {
  readonly version: 1;
  readonly lang: Lang;
  readonly basemap: BasemapId;
  /** 天地图 browser key; empty when not given. */
  readonly tiandituKey: string;
  /** Radii, age shares, enrolment rates, 千人指标 and class sizes of the analysis (defaults: standards.md). */
  readonly analysis: AnalysisParams;
}

export const DEFAULT_SETTINGS: Settings = {
  version: 1,
  lang: 'zh',
  basemap: 'offline',
  tiandituKey: '',
  analysis: DEFAULT_PARAMS,
};

/** A Tianditu key is 32 hex characters; anything else is kept out of tile URLs. */
export const isPlausibleTiandituKey = (k: string): boolean => /^[0-9a-f]{32}$/i.test(k.trim());

/**
 * Reads stored settings (a boundary: IndexedDB → app). Unknown or malformed fields fall back to the
 * defaults one by one, so one bad value never throws away the rest.
 */
export function parseSettings(input: unknown): { settings: Settings; dropped: string[] } {
  if (!isRecord(input)) return { settings: DEFAULT_SETTINGS, dropped: input === undefined ? [] : ['settings'] };
  const dropped: string[] = [];
  const lang = isLang(input.lang) ? input.lang : (dropped.push('lang'), DEFAULT_SETTINGS.lang);
  const basemap = isBasemapId(input.basemap) ? input.basemap : (dropped.push('basemap'), DEFAULT_SETTINGS.basemap);
  const tiandituKey =
    typeof input.tiandituKey === 'string' && input.tiandituKey.length <= 128
      ? input.tiandituKey.trim()
      : (dropped.push('tiandituKey'), '');
  const analysis = parseAnalysisParams(input.analysis);
  dropped.push(...analysis.dropped);
  return { settings: { version: 1, lang, basemap, tiandituKey, analysis: analysis.params }, dropped };
}
