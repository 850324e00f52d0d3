import { useRef, useState } from 'preact/hooks';
import { version } from '../../../package.json';
import { buildExport, type ExportKind } from '../../core/export/scenarioFiles';
import { download } from '../common/download';
import { useFixed, useI18n, useImporter, useScenarios, useT } from '../context';

type LabelKey = 'export.geojson' | 'export.geojsonGcj' | 'export.csv' | 'export.xlsx' | 'export.countyCsv';

/** Always in view: the formats planners use most. */
const MAIN: readonly { kind: ExportKind; testid: string; short: string; key: LabelKey }[] = [
  { kind: 'geojson', testid: 'export-geojson', short: 'GeoJSON', key: 'export.geojson' },
  { kind: 'csv', testid: 'export-csv', short: 'CSV', key: 'export.csv' },
  { kind: 'xlsx', testid: 'export-xlsx', short: 'Excel', key: 'export.xlsx' },
];
/** In the "more" menu. */
const MORE: readonly { kind: ExportKind; testid: string; key: LabelKey }[] = [
  { kind: 'geojsonGcj', testid: 'export-geojson-gcj02', key: 'export.geojsonGcj' },
  { kind: 'countyCsv', testid: 'export-county-csv', key: 'export.countyCsv' },
];

/** Builds an export of the scenario on screen and hands it to the browser as a download. */
export function useExportScenario(): (kind: ExportKind) => Promise<void> {
  const { state } = useScenarios();
  const { lang } = useI18n();
  const { index } = useFixed();
  return async (kind) => {
    const origin = { appVersion: version, now: Date.now() };
    const f = await buildExport(kind, state.scenario.peek(), state.summary.peek(), lang.peek(), index, origin);
    download(f.name, f.data, f.mime);
  };
}

/** The import button and the export buttons of the top bar. */
export function ImportExport() {
  const t = useT();
  const importer = useImporter();
  const exportScenario = useExportScenario();
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLDivElement>(null);

  const run = async (kind: ExportKind): Promise<void> => {
    setOpen(false);
    await exportScenario(kind);
  };

  return (
    <div class="io-actions">
      <button
        type="button"
        class="ghost small"
        data-testid="import-open"
        title={t('import.openTitle')}
        onClick={() => importer.open()}
      >
        {t('import.open')}
      </button>
      <div class="export-group" role="group" aria-label={t('export.title')}>
        <span class="export-label">{t('export.open')}</span>
        {MAIN.map((i) => (
          <button
            key={i.kind}
            type="button"
            class="ghost small"
            data-testid={i.testid}
            data-i18n-exempt=""
            title={t(i.key)}
            onClick={() => void run(i.kind)}
          >
            {i.short}
          </button>
        ))}
        <div
          class="menu"
          ref={menu}
          onFocusOut={(e) => {
            if (!menu.current?.contains(e.relatedTarget as Node | null)) setOpen(false);
          }}
        >
          <button
            type="button"
            class="ghost small"
            data-testid="export-more"
            aria-haspopup="menu"
            aria-expanded={open}
            title={t('export.more')}
            onClick={() => setOpen(!open)}
          >
            ⋯
          </button>
          {open && (
            <div class="menu-list" role="menu">
              {MORE.map((i) => (
                <button
                  key={i.kind}
                  type="button"
                  role="menuitem"
                  data-testid={i.testid}
                  onClick={() => void run(i.kind)}
                >
                  {t(i.key)}
                </button>
              ))}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
