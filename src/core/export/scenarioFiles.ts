/** Files the planner exports: the scenario as GeoJSON (WGS84 or GCJ-02), the project table and per-county statistics as CSV/XLSX. */
import type { ReferenceIndex } from '../geodata/reference';
import { writeCsv } from '../io/csv';
import { writeScenarioGeoJson } from '../io/geojson';
import { countySheet, projectSheet } from '../io/sheets';
import { translate, type Lang } from '../i18n/translate';
import { SCHEMA_VERSION, type ScenarioCollection } from '../model/project';

export const EXPORT_KINDS = ['geojson', 'geojsonGcj', 'csv', 'xlsx', 'countyCsv'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** When the scenario was created and last changed (ms since 1970), as storage knows it; absent when unknown. */
export interface ScenarioDates {
  readonly createdAt?: number;
  readonly modifiedAt?: number;
}

/** Who wrote the file: named in a GeoJSON's metadata. */
export interface ExportOrigin {
  readonly appVersion: string;
  /** Time of the export (ms since 1970). */
  readonly now: number;
}

export interface ExportFile {
  readonly name: string;
  readonly mime: string;
  readonly data: string | Uint8Array;
}

const iso = (ms: number | undefined): string | null => (ms === undefined ? null : new Date(ms).toISOString());

export async function buildExport(
  kind: ExportKind,
  scenario: ScenarioCollection,
  dates: ScenarioDates | null,
  lang: Lang,
  index: ReferenceIndex,
  origin: ExportOrigin,
): Promise<ExportFile> {
  const base = scenario.scenario.name;
  const t = (k: 'export.sheetProjects' | 'export.sheetCounties'): string => translate(lang, k);
  switch (kind) {
    case 'geojson':
    case 'geojsonGcj': {
      const gcj = kind === 'geojsonGcj';
      const text = writeScenarioGeoJson(scenario, {
        app: '泉州学校建设规划地图',
        appVersion: origin.appVersion,
        schemaVersion: SCHEMA_VERSION,
        exportedAt: new Date(origin.now).toISOString(),
        createdAt: iso(dates?.createdAt),
        modifiedAt: iso(dates?.modifiedAt),
        crs: gcj ? 'GCJ-02' : 'EPSG:4326',
      });
      return { name: `${base}${gcj ? '-GCJ02' : ''}.geojson`, mime: 'application/geo+json', data: text };
    }
    case 'csv': {
      const s = projectSheet(scenario.features, lang, index, t('export.sheetProjects'));
      return { name: `${base}.csv`, mime: 'text/csv;charset=utf-8', data: writeCsv(s.header, s.rows) };
    }
    case 'countyCsv': {
      const s = countySheet(scenario.features, lang, index, t('export.sheetCounties'));
      return { name: `${base}-${s.name}.csv`, mime: 'text/csv;charset=utf-8', data: writeCsv(s.header, s.rows) };
    }
    case 'xlsx': {
      const { writeXlsx } = await import('../io/xlsx');
      const bytes = await writeXlsx([
        projectSheet(scenario.features, lang, index, t('export.sheetProjects')),
        countySheet(scenario.features, lang, index, t('export.sheetCounties')),
      ]);
      return {
        name: `${base}.xlsx`,
        mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        data: bytes,
      };
    }
  }
}
