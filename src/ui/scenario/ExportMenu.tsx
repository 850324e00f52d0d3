import { version } from '../../../package.json';
import type { ExportKind } from '../../core/export/scenarioFiles';
import { KIND_COLORS } from '../../../layers/symbols';
import type { GisExportKind } from '../../core/export/gisFiles';
import type { ExportCrs } from '../../core/io/write/exportCrs';
import { download } from '../common/download';
import { useLazy } from '../common/lazy';
import { Menu } from '../common/Menu';
import { useState } from 'preact/hooks';
import { useFixed, useI18n, useImporter, useScenarios, useT } from '../context';

const FORMATS = [
  { kind: 'geojson', testid: 'export-geojson', key: 'export.geojson' },
  { kind: 'geojsonGcj', testid: 'export-geojson-gcj02', key: 'export.geojsonGcj' },
  { kind: 'csv', testid: 'export-csv', key: 'export.csv' },
  { kind: 'xlsx', testid: 'export-xlsx', key: 'export.xlsx' },
  { kind: 'countyCsv', testid: 'export-county-csv', key: 'export.countyCsv' },
] as const satisfies readonly { kind: ExportKind; testid: string; key: string }[];

/** Builds an export of the scenario on screen and hands it to the browser as a download. */
export function useExportScenario(): (kind: ExportKind) => Promise<void> {
  const { state } = useScenarios();
  const { lang } = useI18n();
  const { index } = useFixed();
  return async (kind) => {
    const origin = { appVersion: version, now: Date.now() };
    // the writers (XLSX, CSV, GeoJSON, coordinate systems) load on the first export
    const { buildExport } = await import('../../core/export/scenarioFiles');
    const f = await buildExport(kind, state.scenario.peek(), state.summary.peek(), lang.peek(), index, origin);
    download(f.name, f.data, f.mime);
  };
}

/** Builds one GIS export of the scenario on screen and downloads it. */
export function useExportGis(): (
  kind: GisExportKind,
  crs: ExportCrs,
  kmlDatum: 'wgs84' | 'gcj02',
) => Promise<string | null> {
  const { state } = useScenarios();
  const { lang } = useI18n();
  const { index } = useFixed();
  /** Resolves to the error's message when the export failed, else null. */
  return async (kind, crs, kmlDatum) => {
    try {
      const { buildGisExport } = await import('../../core/export/gisFiles');
      const f = buildGisExport(kind, state.scenario.peek(), {
        lang: lang.peek(),
        index,
        crs,
        kmlDatum,
        kindColors: KIND_COLORS,
        now: Date.now(),
      });
      download(f.name, f.data, f.mime);
      return null;
    } catch (e: unknown) {
      return e instanceof Error ? e.message : String(e);
    }
  };
}

/** The import button and the export menu of the top bar. */
export function ImportExport() {
  const t = useT();
  const importer = useImporter();
  const exportScenario = useExportScenario();
  const exportGis = useExportGis();
  const [gisOpen, setGisOpen] = useState(false);
  // the dialog loads the first time it is opened
  const GisExportDialog = useLazy(gisOpen, () => import('./GisExportDialog').then((x) => x.GisExportDialog));
  return (
    <div class="io-actions" role="group" aria-label={t('export.title')}>
      <button
        type="button"
        class="ghost"
        data-testid="import-open"
        title={t('import.openTitle')}
        onClick={() => importer.open()}
      >
        {t('import.open')}
      </button>
      <Menu
        testid="export-more"
        label={<>{t('export.open')} ▾</>}
        title={t('export.title')}
        items={[
          ...FORMATS.map((f) => ({ testid: f.testid, label: t(f.key), onSelect: () => void exportScenario(f.kind) })),
          // 用地红线 as polygon features, for GIS (WGS84, RFC 7946)
          {
            testid: 'export-sites',
            label: t('export.sites'),
            onSelect: () => void exportGis('sites', 'EPSG:4326', 'wgs84'),
          },
          { testid: 'export-gis', label: t('export.gis'), onSelect: () => setGisOpen(true) },
        ]}
      />
      {gisOpen && GisExportDialog && <GisExportDialog open={gisOpen} onClose={() => setGisOpen(false)} />}
    </div>
  );
}
