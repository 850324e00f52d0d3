/** Files the planner exports: the scenario as GeoJSON (WGS84 or GCJ-02), the project table and per-county statistics as CSV/XLSX. */
import type { ReferenceIndex } from '../core/geodata/reference';
import { writeCsv } from '../core/io/csv';
import { writeScenarioGeoJson } from '../core/io/geojson';
import { countySheet, projectSheet } from '../core/io/sheets';
import { translate, type Lang } from '../core/i18n/translate';
import { SCHEMA_VERSION, type ScenarioCollection } from '../core/model/project';
import type { ScenarioSummary } from '../persistence/repository';
import { version } from '../../package.json';

export const EXPORT_KINDS = ['geojson', 'geojsonGcj', 'csv', 'xlsx', 'countyCsv'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export interface ExportFile {
  readonly name: string;
  readonly mime: string;
  readonly data: string | Uint8Array;
}

const iso = (ms: number | undefined): string | null => (ms === undefined ? null : new Date(ms).toISOString());

export async function buildExport(
  kind: ExportKind,
  scenario: ScenarioCollection,
  summary: ScenarioSummary | null,
  lang: Lang,
  index: ReferenceIndex,
  now: number = Date.now(),
): Promise<ExportFile> {
  const base = scenario.scenario.name;
  const t = (k: 'export.sheetProjects' | 'export.sheetCounties'): string => translate(lang, k);
  switch (kind) {
    case 'geojson':
    case 'geojsonGcj': {
      const gcj = kind === 'geojsonGcj';
      const text = writeScenarioGeoJson(scenario, {
        app: '泉州学校建设规划地图',
        appVersion: version,
        schemaVersion: SCHEMA_VERSION,
        exportedAt: new Date(now).toISOString(),
        createdAt: iso(summary?.createdAt),
        modifiedAt: iso(summary?.modifiedAt),
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
      const { writeXlsx } = await import('../core/io/xlsx');
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
