import type { Feature, Point, Polygon } from 'geojson';
import type { ProjectAction, ProjectKind, ProjectStatus } from './kinds';
import type { Slide } from './slides';

/** Where a project's point comes from. 'illustrative' = 位置示意: a made-up site for demonstration. */
export const LOCATION_PRECISIONS = ['illustrative', 'approximate', 'surveyed', 'suggested'] as const;
export type LocationPrecision = (typeof LOCATION_PRECISIONS)[number];

/** Kindergarten ownership (举办者): 公办 / 普惠性民办 / 其他民办. Drives 公办率 and 普惠率 (standards.md). */
export const OWNERSHIPS = ['public', 'privateInclusive', 'privateOther'] as const;
export type Ownership = (typeof OWNERSHIPS)[number];

export const ZONE_IDS = ['qtz', 'etdz'] as const;
/** qtz = 泉州台商投资区, etdz = 泉州经济技术开发区 */
export type ZoneId = (typeof ZONE_IDS)[number];

/** The typed properties of a planned school project (GeoJSON Feature<Point>, RFC 7946, WGS84). */
export interface ProjectProperties {
  readonly id: string;
  readonly name: string;
  /** Optional English display name; the Chinese name is authoritative. */
  readonly nameEn?: string;
  readonly kind: ProjectKind;
  readonly action: ProjectAction;
  readonly status: ProjectStatus;
  /** Plan year (2020–2035). */
  readonly year: number;
  /** Seats added by the project (新增学位). */
  readonly seats: number;
  /** Classes added by the project (新增班级). */
  readonly classes: number;
  /** GB/T 2260 county code, e.g. "350503". */
  readonly countyCode: string;
  /** 9-digit township code, or null when not known. */
  readonly townshipCode: string | null;
  /** Functional zone the project belongs to, when any. */
  readonly zone: ZoneId | null;
  /** One of the plan's 43 "抓城建提品质" central-district projects (item 20). */
  readonly centralDistrict: boolean;
  readonly locationPrecision: LocationPrecision;
  /** Kindergartens only: who runs it; null when unknown or not a kindergarten. */
  readonly ownership: Ownership | null;
  /** Planned investment in 万元 (10,000 CNY), when known. */
  readonly investment: number | null;
  /** Land area in m² (用地面积); computed from the site outline when one is drawn. */
  readonly landArea: number | null;
  /** The site outline (用地红线) in WGS84, when known. */
  readonly site: Polygon | null;
  /** Where the project's facts come from (a report, a plan item). */
  readonly source?: string;
  readonly notes?: string;
}

export type ProjectFeature = Feature<Point, ProjectProperties> & { readonly id: string };

export interface ScenarioMeta {
  readonly id: string;
  readonly name: string;
  readonly nameEn?: string;
  readonly planYear: number;
  readonly description?: string;
  readonly descriptionEn?: string;
  readonly illustrative: boolean;
  readonly schemaVersion: typeof SCHEMA_VERSION;
  /** Where an imported scenario came from: the file, its format and the coordinate system chosen. */
  readonly imported?: ImportRecord;
  /** Saved views for presenting (幻灯片), in order; absent = none. */
  readonly slides?: readonly Slide[];
}

export interface ImportRecord {
  readonly file: string;
  readonly format: string;
  /** The coordinate system the file's positions were read in ('wgs84', 'gcj02', 'EPSG:4549', …). */
  readonly crs: string;
  /** ISO date and time of the import. */
  readonly at: string;
}

/**
 * Version of the scenario/project data schema (files and stored records).
 * 1: foundation. 2: adds ownership, investment, landArea and site (missing in v1 data = null).
 */
export const SCHEMA_VERSION = 2;

/** A scenario (方案) as exchanged: a FeatureCollection with the metadata as a foreign member. */
export interface ScenarioCollection {
  readonly type: 'FeatureCollection';
  readonly scenario: ScenarioMeta;
  readonly features: readonly ProjectFeature[];
}
