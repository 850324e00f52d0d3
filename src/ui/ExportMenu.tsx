import { useRef, useState } from 'preact/hooks';
import type { App } from '../state/app';
import { buildExport, type ExportKind } from '../state/exports';
import { download } from './download';

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
export async function exportScenario(app: App, kind: ExportKind): Promise<void> {
  const { state } = app;
  const f = await buildExport(kind, state.scenario.value, state.summary.value, state.lang.value, state.index);
  download(f.name, f.data, f.mime);
}

/** The import button and the export buttons of the top bar. */
export function ImportExport({ app }: { app: App }) {
  const { state, actions } = app;
  const t = state.t.value;
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLDivElement>(null);

  const run = async (kind: ExportKind): Promise<void> => {
    setOpen(false);
    await exportScenario(app, kind);
  };

  return (
    <div class="io-actions">
      <button
        type="button"
        class="ghost small"
        data-testid="import-open"
        title={t('import.openTitle')}
        onClick={() => actions.importer.open()}
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
