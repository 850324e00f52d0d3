import { useRef, useState } from 'preact/hooks';
import type { App } from '../state/app';
import { buildExport, type ExportKind } from '../state/exports';
import { download } from './download';

const ITEMS: readonly {
  kind: ExportKind;
  testid: string;
  key: 'export.geojson' | 'export.geojsonGcj' | 'export.csv' | 'export.xlsx' | 'export.countyCsv';
}[] = [
  { kind: 'geojson', testid: 'export-geojson', key: 'export.geojson' },
  { kind: 'geojsonGcj', testid: 'export-geojson-gcj02', key: 'export.geojsonGcj' },
  { kind: 'csv', testid: 'export-csv', key: 'export.csv' },
  { kind: 'xlsx', testid: 'export-xlsx', key: 'export.xlsx' },
  { kind: 'countyCsv', testid: 'export-county-csv', key: 'export.countyCsv' },
];

/** The import button and the export menu of the top bar. */
export function ImportExport({ app }: { app: App }) {
  const { state, actions } = app;
  const t = state.t.value;
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLDivElement>(null);

  const run = async (kind: ExportKind): Promise<void> => {
    setOpen(false);
    const f = await buildExport(kind, state.scenario.value, state.summary.value, state.lang.value, state.index);
    download(f.name, f.data, f.mime);
  };

  return (
    <div class="io-actions">
      <button
        type="button"
        class="ghost"
        data-testid="import-open"
        title={t('import.openTitle')}
        onClick={() => actions.importer.open()}
      >
        {t('import.open')}
      </button>
      <div
        class="menu"
        ref={menu}
        onFocusOut={(e) => {
          if (!menu.current?.contains(e.relatedTarget as Node | null)) setOpen(false);
        }}
      >
        <button
          type="button"
          class="ghost"
          data-testid="export-open"
          aria-haspopup="menu"
          aria-expanded={open}
          title={t('export.title')}
          onClick={() => setOpen(!open)}
        >
          {t('export.open')} ▾
        </button>
        {open && (
          <div class="menu-list" role="menu">
            {ITEMS.map((i) => (
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
  );
}
