import { DEFAULT_PARAMS, parseAnalysisParams, type AnalysisParams, type Stage } from '../analysis/params';
import { isLang, type Lang } from '../i18n/translate';
import { isRecord } from '../result';

/**
 * offline: the embedded basemap; file: an archive the planner loaded (stored in the browser); deployed: an
 * archive IT placed beside index.html; custom: an intranet tile service; osm, tdt*: opt-in internet maps.
 */
export const BASEMAPS = ['offline', 'file', 'deployed', 'custom', 'osm', 'tdtVector', 'tdtImagery'] as const;
export type BasemapId = (typeof BASEMAPS)[number];
export const isBasemapId = (v: unknown): v is BasemapId => (BASEMAPS as readonly unknown[]).includes(v);
/** Basemaps whose tiles come from the internet (never the default). */
export const isOnlineBasemap = (b: BasemapId): boolean => b === 'osm' || b === 'tdtVector' || b === 'tdtImagery';

/** The datum a tile source is drawn in: GCJ-02 sources are offset by hundreds of metres from our WGS84 data. */
export type TileCrs = 'wgs84' | 'gcj02';
export const isTileCrs = (v: unknown): v is TileCrs => v === 'wgs84' || v === 'gcj02';

/** An intranet XYZ/WMTS service, as the planner entered it. */
export interface CustomTiles {
  readonly template: string;
  readonly crs: TileCrs;
  readonly attribution: string;
}
export const NO_CUSTOM_TILES: CustomTiles = { template: '', crs: 'wgs84', attribution: '' };

function parseCustomTiles(v: unknown): CustomTiles | null {
  if (!isRecord(v)) return null;
  const { template, crs, attribution } = v;
  if (typeof template !== 'string' || template.length > 2000 || !isTileCrs(crs)) return null;
  if (typeof attribution !== 'string' || attribution.length > 500) return null;
  return { template, crs, attribution };
}
export const needsTiandituKey = (b: BasemapId): boolean => b === 'tdtVector' || b === 'tdtImagery';

export interface Settings {
  /** 2: enrolment defaults in the concepts the demand formula needs (see V1_DEFAULTS). */
  readonly version: 2;
  readonly lang: Lang;
  readonly basemap: BasemapId;
  /** 天地图 browser key; empty when not given. */
  readonly tiandituKey: string;
  /** Which loaded file (its id) or deployed archive (its file name) the file/deployed basemap shows. */
  readonly basemapRef: string;
  readonly customTiles: CustomTiles;
  /** Radii, age shares, enrolment rates, 千人指标 and class sizes of the analysis (defaults: standards.md). */
  readonly analysis: AnalysisParams;
}

export const DEFAULT_SETTINGS: Settings = {
  version: 2,
  lang: 'zh',
  basemap: 'offline',
  tiandituKey: '',
  basemapRef: '',
  customTiles: NO_CUSTOM_TILES,
  analysis: DEFAULT_PARAMS,
};

/** A Tianditu key is 32 hex characters; anything else is kept out of tile URLs. */
export const isPlausibleTiandituKey = (k: string): boolean => /^[0-9a-f]{32}$/i.test(k.trim());

/**
 * Defaults of settings version 1 that were wrong: the nine-year 巩固率 (95.5 %, cohort retention) used as the
 * primary and junior enrolment rate, and an upper-secondary 千人指标 (30) inconsistent with its own
 * formula. A stored value equal to one of these is the old default, not the planner's choice, and is
 * replaced by today's default; any other value is kept.
 */
const V1_DEFAULTS: readonly { group: 'enrolment' | 'perThousand'; stage: Stage; value: number }[] = [
  { group: 'enrolment', stage: 'primary', value: 95.5 },
  { group: 'enrolment', stage: 'junior', value: 95.5 },
  { group: 'perThousand', stage: 'upperSecondary', value: 30 },
];

function upgradeV1(p: AnalysisParams): AnalysisParams {
  let out = p;
  for (const { group, stage, value } of V1_DEFAULTS)
    if (out[group][stage] === value)
      out = { ...out, [group]: { ...out[group], [stage]: DEFAULT_PARAMS[group][stage] } };
  return out;
}

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
  const basemapRef =
    typeof input.basemapRef === 'string' && input.basemapRef.length <= 300
      ? input.basemapRef
      : (input.basemapRef !== undefined && dropped.push('basemapRef'), '');
  const customTiles =
    parseCustomTiles(input.customTiles) ??
    (input.customTiles !== undefined && dropped.push('customTiles'), NO_CUSTOM_TILES);
  const analysis = parseAnalysisParams(input.analysis);
  dropped.push(...analysis.dropped);
  const params = input.version === 2 ? analysis.params : upgradeV1(analysis.params);
  return { settings: { version: 2, lang, basemap, tiandituKey, basemapRef, customTiles, analysis: params }, dropped };
}
