import type { Feature, MultiPolygon } from 'geojson';
import type { CoverageLevel } from '../src/core/analysis/params';
import type { RasterImage } from '../src/core/analysis/raster';
import type { MessageKey } from '../src/core/i18n/messages';
import { PROJECT_KINDS, type ProjectKind } from '../src/core/model/kinds';
import type { ProjectFeature } from '../src/core/model/project';
import type { ExistingSchoolRecord } from '../src/core/io/existing';

export type Rgba = readonly [number, number, number, number];

/** One layer per project kind, in education-level order, plus the central-district set. */
export const PROJECT_LAYER_IDS = PROJECT_KINDS;
/** Analysis layers start hidden: the planner switches them on. */
export const ANALYSIS_LAYER_IDS = [
  'catchments',
  'uncovered',
  'population',
  'assignment',
  'seatGap',
  'projectedGap',
  'specialGap',
  'existing',
  'suggestions',
] as const;
export type AnalysisLayerId = (typeof ANALYSIS_LAYER_IDS)[number];
export const LAYER_IDS = [...PROJECT_LAYER_IDS, 'central', 'sites', ...ANALYSIS_LAYER_IDS] as const;
export type LayerId = (typeof LAYER_IDS)[number];
export const isLayerId = (v: unknown): v is LayerId => (LAYER_IDS as readonly unknown[]).includes(v);

/** One school's catchment at one level, drawn as a circle of its service radius. */
export interface CatchmentCircle {
  readonly key: string;
  readonly projectId: string;
  readonly level: CoverageLevel;
  readonly position: readonly [number, number];
  /** Metres. */
  readonly radius: number;
}

/** An image on a lon/lat grid (painted by the coverage worker). */
export interface RasterOverlay {
  readonly image: RasterImage;
  readonly bounds: readonly [number, number, number, number];
}

/**
 * A county shaded by an analysis layer. State gives the facts (a seats ÷ demand percentage, or the
 * special-education state); the layer module turns them into colours.
 */
export type CountyShade = Feature<
  MultiPolygon,
  {
    readonly adcode: string;
    /** Seats ÷ school-age demand of the analysed stage, percent (null without demand). */
    readonly pct?: number | null;
    /** Special education: lacking a school, or not known (no existing-schools data). */
    readonly special?: 'lacking' | 'unknown';
  }
>;

/** What the analysis layers read; null rasters are not computed (yet). */
export interface AnalysisLayerInput {
  readonly circles: readonly CatchmentCircle[];
  readonly population: RasterOverlay | null;
  readonly uncovered: RasterOverlay | null;
  readonly assignment: RasterOverlay | null;
  /** Schools whose nearest-school catchment holds more school-age demand than they have seats. */
  readonly oversubscribed: readonly ProjectFeature[];
  readonly seatGap: readonly CountyShade[];
  /** Seats ÷ projected demand in the phasing year (the demand projection's stage and variant). */
  readonly projectedGap: readonly CountyShade[];
  readonly specialGap: readonly CountyShade[];
  /** Existing schools imported as a reference layer. */
  readonly existing: readonly ExistingSchoolRecord[];
  /** Suggested sites (选址建议) as ghost projects: their name is their rank. */
  readonly suggestions: readonly ProjectFeature[];
}

/** No analysis yet (nothing computed, nothing imported): the analysis layers draw nothing. */
export const NO_ANALYSIS: AnalysisLayerInput = {
  circles: [],
  population: null,
  uncovered: null,
  assignment: null,
  oversubscribed: [],
  seatGap: [],
  projectedGap: [],
  specialGap: [],
  existing: [],
  suggestions: [],
};

/** What every layer function reads. Arrays keep their identity while the scenario is unchanged. */
export interface LayerInput {
  readonly projectsByKind: ReadonlyMap<ProjectKind, readonly ProjectFeature[]>;
  readonly central: readonly ProjectFeature[];
  /** Projects with a site outline (用地红线). */
  readonly sites: readonly ProjectFeature[];
  readonly visible: ReadonlySet<LayerId>;
  /** The selected project as a 0- or 1-element array (identity-stable while the selection is unchanged). */
  readonly selected: readonly ProjectFeature[];
  readonly analysis: AnalysisLayerInput;
}

/** Icons from the symbol atlas, one per project (shape/colour by kind, outline by action, fill by status). */
export interface IconLayerDescriptor {
  readonly type: 'icons';
  readonly id: string;
  readonly data: readonly ProjectFeature[];
  readonly visible: boolean;
  /** Symbols grow with zoom: a size in metres, clamped to a pixel range so they stay legible. */
  readonly sizeMeters: number;
  readonly minPx: number;
  readonly maxPx: number;
  readonly pickable: boolean;
  /** Writes each project's name beside its symbol (the rank of a suggested site). */
  readonly labelled?: boolean;
}

/** Rings drawn around projects (central-district marker, selection). */
export interface RingLayerDescriptor {
  readonly type: 'rings';
  readonly id: string;
  readonly data: readonly ProjectFeature[];
  readonly visible: boolean;
  readonly radiusMeters: number;
  readonly minRadiusPx: number;
  readonly maxRadiusPx: number;
  readonly lineWidthPx: number;
  readonly lineColor: Rgba;
  readonly fillColor: Rgba | null;
}

/** Site outlines (用地红线) of projects, as polygons in WGS84. */
export interface PolygonLayerDescriptor {
  readonly type: 'polygons';
  readonly id: string;
  readonly data: readonly ProjectFeature[];
  readonly visible: boolean;
  readonly lineColor: Rgba;
  readonly fillColor: Rgba;
  readonly lineWidthPx: number;
}

/** Catchment circles, radius in metres, coloured by level. */
export interface CircleLayerDescriptor {
  readonly type: 'circles';
  readonly id: string;
  readonly data: readonly CatchmentCircle[];
  readonly visible: boolean;
  readonly colors: Readonly<Record<CoverageLevel, Rgba>>;
  readonly fillAlpha: number;
  readonly lineWidthPx: number;
}

/** An image draped on the map between lon/lat bounds. */
export interface RasterLayerDescriptor {
  readonly type: 'raster';
  readonly id: string;
  readonly overlay: RasterOverlay | null;
  readonly visible: boolean;
  readonly opacity: number;
}

/** County polygons filled and outlined per feature. */
export interface CountyLayerDescriptor {
  readonly type: 'counties';
  readonly id: string;
  readonly data: readonly CountyShade[];
  readonly visible: boolean;
  readonly lineWidthPx: number;
  /** Colours of a county from its facts (module-level functions: their identity is stable). */
  readonly fill: (p: CountyShade['properties']) => Rgba;
  readonly line: (p: CountyShade['properties']) => Rgba;
}

/** Small dots of a fixed pixel size, coloured by kind (existing schools). */
export interface DotLayerDescriptor {
  readonly type: 'dots';
  readonly id: string;
  readonly data: readonly ExistingSchoolRecord[];
  readonly visible: boolean;
  readonly colors: Readonly<Record<ProjectKind, Rgba>>;
  readonly radiusPx: number;
}

export type LayerDescriptor =
  | DotLayerDescriptor
  | IconLayerDescriptor
  | RingLayerDescriptor
  | PolygonLayerDescriptor
  | CircleLayerDescriptor
  | RasterLayerDescriptor
  | CountyLayerDescriptor;

export type LegendSwatch =
  | { readonly type: 'icon'; readonly svg: string }
  | { readonly type: 'ring'; readonly color: Rgba; readonly fill: Rgba | null }
  | { readonly type: 'line'; readonly color: string; readonly width: number; readonly dash?: string }
  | { readonly type: 'fill'; readonly color: string; readonly outline: string };

export interface LegendEntry {
  readonly labelKey: MessageKey;
  readonly swatch: LegendSwatch;
}

/** An analysis layer: descriptors from state, and a legend of several entries. */
export interface AnalysisLayerModule {
  readonly id: AnalysisLayerId;
  readonly labelKey: MessageKey;
  readonly legend: readonly LegendEntry[];
  readonly build: (input: LayerInput) => LayerDescriptor[];
}

export interface LayerStats {
  readonly count: number;
  readonly seats: number;
}

/** One map layer: a pure function from state to descriptors, plus what the panel and legend show. */
export interface MapLayerModule {
  readonly id: LayerId;
  readonly labelKey: MessageKey;
  readonly legend: LegendEntry;
  readonly stats: (input: LayerInput) => LayerStats;
  readonly build: (input: LayerInput) => LayerDescriptor[];
}
