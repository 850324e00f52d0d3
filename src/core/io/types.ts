/** Shared types of the import/export codecs: raw tables, file errors and row problems as values. */
import type { Polygon } from 'geojson';
import type { ScenarioCollection } from '../model/project';
import type { CrsId } from './crs';

export const FORMAT_IDS = [
  'geojson',
  'topojson',
  'csv',
  'xlsx',
  'kml',
  'kmz',
  'shapefile',
  'geotiff',
  'landtxt',
] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

/** A file as handed to a codec: its name (for the extension) and its bytes. */
export interface InputFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Files above this are refused before reading (the app must never freeze on a huge drop). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** Rows or features read from one file (population grids can be large; project imports are capped lower). */
export const MAX_RECORDS = 2_000_000;
/** Projects imported into a scenario at once. */
export const MAX_PROJECT_ROWS = 20_000;
/** Columns (or distinct property names) kept from one file. */
export const MAX_COLUMNS = 200;
/** Total bytes a zip may expand to, and entries it may hold (zip bombs). */
export const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 2_000;

/** Why a whole file could not be read. Each code has a message `io.error.<code>`. */
export type IoErrorCode =
  | 'empty'
  | 'tooLarge'
  | 'tooManyRecords'
  | 'tooManyProjects'
  | 'unknownFormat'
  | 'invalidJson'
  | 'notGeoJson'
  | 'encoding'
  | 'zipInvalid'
  | 'zipBomb'
  | 'zipSizeMismatch'
  | 'zipNoData'
  | 'noHeader'
  | 'csvQuote'
  | 'noRecords'
  | 'xlsxInvalid'
  | 'kmlInvalid'
  | 'shpInvalid'
  | 'shpNoDbf'
  | 'prjUnknown'
  | 'tiffInvalid'
  | 'tiffCrs'
  | 'tiffNoGeo'
  | 'notPopulation'
  | 'landTxtDatum'
  | 'landTxtZone'
  | 'shpAlone'
  | 'noCoordinates'
  | 'layerNotFound'
  | 'scenarioInvalid'
  | 'schemaVersion'
  | 'cancelled';

export interface IoError {
  readonly code: IoErrorCode;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** A problem with one row (CSV/XLSX) or feature (GeoJSON/KML/Shapefile); the row is skipped or fixed. */
export type RowProblemCode =
  | 'noGeometry'
  | 'badCoordinate'
  | 'outsideArea'
  | 'wrongHemisphere'
  | 'geometryType'
  | 'multiPointSplit'
  | 'multiGeometryPoint'
  | 'multiGeometryPolygon'
  | 'unknownKind'
  | 'noKind'
  | 'kindDefaulted'
  | 'badNumber'
  | 'badYear'
  | 'noName'
  | 'formulaCell'
  | 'unsafeKey'
  | 'countyMismatch'
  | 'invalidProject'
  | 'duplicateId'
  | 'badPopulation'
  | 'unknownCounty'
  | 'badDemographyYear'
  | 'badAge'
  | 'duplicateDemography';

export interface RowProblem {
  /** 1-based row (spreadsheet row, header = 1) or feature number, per the table's unit. */
  readonly row: number;
  readonly code: RowProblemCode;
  readonly severity: 'error' | 'warning';
  /** The column or field concerned, when one is. */
  readonly field?: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export type CellValue = string | number | boolean | null;

/** Geometry as read, still in the file's coordinate system. */
export type RawGeometry =
  | {
      readonly type: 'Point';
      readonly coordinates: readonly [number, number];
      /** A site outline given with the point (a KML MultiGeometry of one point and one polygon). */
      readonly site?: Polygon['coordinates'];
    }
  | { readonly type: 'Polygon'; readonly coordinates: Polygon['coordinates'] };

export interface RawRecord {
  /** Row or feature number, 1-based, as the planner sees it in the file. */
  readonly n: number;
  /** One value per column of the table (arrays, not objects: no key can reach a prototype). */
  readonly values: readonly CellValue[];
  readonly geometry: RawGeometry | null;
}

/** What a codec understood of a file, before any field mapping or coordinate conversion. */
export interface RawTable {
  readonly format: FormatId;
  readonly unit: 'row' | 'feature';
  readonly columns: readonly string[];
  readonly records: readonly RawRecord[];
  readonly problems: readonly RowProblem[];
  /** The text encoding used (CSV, DBF). */
  readonly encoding?: string;
  /** Where a DBF's encoding came from: its .cpg, its language driver byte, or a guess from the bytes. */
  readonly encodingFrom?: 'cpg' | 'ldid' | 'guess';
  /** The coordinate system the file declares (.prj, GeoJSON is WGS84), or null when it says nothing. */
  readonly declaredCrs: CrsId | null;
  /** The .prj's name, to show which system the file declares. */
  readonly prjName?: string;
  /** The .prj text, used to convert when it is not one of the systems we name ('prj'). */
  readonly prjWkt?: string;
  /** Our own export, read losslessly: the scenario exactly as exported. */
  readonly scenario?: ScenarioCollection;
  /** Metadata of our own export (created/modified, app version), when present. */
  readonly exportInfo?: ExportInfo;
  /** A population raster (GeoTIFF): cell centres and values already in WGS84. */
  readonly raster?: RasterData;
  /** Sheet read (XLSX): the first sheet with data. */
  readonly sheet?: string;
  /** The layers of a file that holds several (a zip of Shapefiles, TopoJSON objects): the dialog lists them. */
  readonly layers?: readonly LayerInfo[];
  /** The layer this table was read from, when the file has several. */
  readonly layer?: string;
}

/** One layer of a file that holds several, as the dialog lists it. */
export interface LayerInfo {
  readonly name: string;
  readonly format: FormatId;
  /** The geometry types found (Point, Polygon …), or '—' for a table without geometry. */
  readonly geometry: string;
  /** Features or rows. */
  readonly count: number;
}

export interface RasterData {
  readonly width: number;
  readonly height: number;
  /** West, south, east, north in degrees. */
  readonly bbox: readonly [number, number, number, number];
  readonly values: Float32Array;
  readonly noData: number | null;
}

/** The scenario metadata written into our GeoJSON export as the `qzExport` foreign member. */
export interface ExportInfo {
  readonly app: string;
  readonly appVersion: string;
  readonly schemaVersion: number;
  readonly exportedAt: string;
  readonly createdAt: string | null;
  readonly modifiedAt: string | null;
  readonly crs: 'EPSG:4326' | 'GCJ-02';
}

export type Progress = (fraction: number) => void;
