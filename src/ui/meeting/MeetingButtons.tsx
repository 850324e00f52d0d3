import { useState } from 'preact/hooks';
import { Menu } from '../common/Menu';
import { useCompare, useMeeting, useScenarios, useT } from '../context';
import { useLazy } from '../common/lazy';
import type { MapExportKind } from './ExportMapDialog';

/** 演示 · 比较 · 图片 · PDF: the meeting tools, beside the scenario operations. */
export function MeetingButtons() {
  const t = useT();
  const meeting = useMeeting();
  const compare = useCompare();
  const [exporting, setExporting] = useState<MapExportKind | null>(null);
  const single = useScenarios().state.scenarios.value.length < 2;
  // the export renderer, the PDF writer and their dialog load on the first export
  const ExportMapDialog = useLazy(exporting !== null, () => import('./ExportMapDialog').then((m) => m.ExportMapDialog));
  return (
    <div class="meeting-actions" role="group" aria-label={t('present.start')}>
      <button
        type="button"
        class="primary"
        data-testid="present-start"
        title={t('present.startTitle')}
        onClick={() => meeting.actions.present()}
      >
        <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
          <path d="M3 4h14v9H3zM10 13v3M6 17h8" fill="none" stroke="currentColor" stroke-width="1.8" />
          <path d="M8.5 6.5v4l3.5-2z" fill="currentColor" />
        </svg>
        {t('present.start')}
      </button>
      <button
        type="button"
        class="ghost"
        data-testid="compare-open"
        title={t('compare.openTitle')}
        disabled={single}
        onClick={() => compare.actions.open()}
      >
        {t('compare.open')}
      </button>
      <Menu
        testid="export-map"
        label={<>{t('export.mapMenu')} ▾</>}
        title={t('export.mapMenuTitle')}
        items={[
          { testid: 'export-png', label: t('export.png'), onSelect: () => setExporting('png') },
          { testid: 'export-pdf', label: t('export.pdf'), onSelect: () => setExporting('pdf') },
        ]}
      />
      {ExportMapDialog && <ExportMapDialog kind={exporting} onClose={() => setExporting(null)} />}
    </div>
  );
}
