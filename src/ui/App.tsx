import { useEffect } from 'preact/hooks';
import { MapView } from '../map/MapView';
import type { App as AppModel } from '../state/app';
import { Header } from './Header';
import { LayerPanel } from './LayerPanel';
import { Legend } from './Legend';
import { describeEdit } from '../core/edits/describe';
import { fieldLabelKey } from '../core/model/validate';
import { EditToolbar } from './EditToolbar';
import { ProjectForm } from './ProjectForm';
import { readPicked } from './files';
import { ImportDialog } from './ImportDialog';
import { exportScenario } from './ExportMenu';
import { ScenarioDialog } from './ScenarioDialog';
import { ProjectTable } from './ProjectTable';
import { SettingsDialog } from './SettingsDialog';
import { CoveragePanel } from './CoveragePanel';
import { TargetsPanel } from './TargetsPanel';
import { Tabs } from './Tabs';
import { CompareView } from './CompareView';
import { PhasingPanel } from './PhasingPanel';
import { Presentation } from './Presentation';
import { SlidesPanel } from './SlidesPanel';
import { UpdatePrompt } from './UpdatePrompt';
import type { SidebarTab } from '../state/app';

const SIDEBAR_TABS: readonly SidebarTab[] = ['layers', 'coverage', 'targets', 'slides'];

function Sidebar({ app }: { app: AppModel }) {
  const t = app.state.t.value;
  const tab = app.state.sidebarTab.value;
  return (
    <aside class="sidebar">
      <Tabs
        class="sidebar-tabs"
        testid="sidebar-tab"
        label={t('sidebar.tabs')}
        items={SIDEBAR_TABS.map((id) => ({ id, label: t(`sidebar.${id}`) }))}
        active={tab}
        onSelect={(id) => app.actions.setSidebarTab(id)}
      />
      <div class="sidebar-body">
        {tab === 'layers' && (
          <>
            <LayerPanel app={app} />
            <PhasingPanel app={app} />
            <Legend app={app} />
          </>
        )}
        {tab === 'coverage' && <CoveragePanel app={app} />}
        {tab === 'targets' && <TargetsPanel app={app} />}
        {tab === 'slides' && <SlidesPanel app={app} />}
      </div>
    </aside>
  );
}

function Credits({ app }: { app: AppModel }) {
  const t = app.state.t.value;
  const { basemap, tiandituKey } = app.state.settings.value;
  const online =
    basemap === 'osm'
      ? t('credit.osm')
      : (basemap === 'tdtVector' || basemap === 'tdtImagery') && tiandituKey !== ''
        ? t('credit.tdt')
        : null;
  return (
    <p class="credits" data-testid="credits">
      {online && <span>{online} · </span>}
      {t('credit.text')}
    </p>
  );
}

function NoticeBar({ app }: { app: AppModel }) {
  const n = app.state.notice.value;
  if (!n) return null;
  const t = app.state.t.value;
  const lang = app.state.lang.value;
  const params = {
    ...n.params,
    ...(n.edit ? { edit: describeEdit(n.edit, lang) } : {}),
    ...(n.fields
      ? {
          fields: n.fields
            .map((f) => {
              const key = fieldLabelKey(f);
              return key ? t(key) : f;
            })
            .join(lang === 'zh' ? '、' : ', '),
        }
      : {}),
  };
  return (
    <div
      class={`notice ${n.tone}`}
      role={n.tone === 'error' ? 'alert' : 'status'}
      data-testid="notice"
      data-key={n.key}
    >
      <span>{t(n.key, params)}</span>
      {n.action === 'undo' && (
        <button
          type="button"
          class="link"
          data-testid="notice-undo"
          onClick={() => {
            app.actions.dismissNotice();
            void app.actions.undo();
          }}
        >
          {t('history.undo')}
        </button>
      )}
      {n.action === 'retrySave' && (
        <button
          type="button"
          class="link"
          data-testid="notice-retry"
          onClick={() => {
            app.actions.dismissNotice();
            void app.actions.retrySave();
          }}
        >
          {t('storage.retry')}
        </button>
      )}
      {n.action === 'reload' && (
        <button type="button" class="link" data-testid="notice-reload" onClick={() => location.reload()}>
          {t('storage.reloadPage')}
        </button>
      )}
      {n.offerExport && (
        <button
          type="button"
          class="link"
          data-testid="notice-export"
          onClick={() => void exportScenario(app, 'geojson')}
        >
          {t('storage.export')}
        </button>
      )}
      {n.action === 'restoreScenario' && (
        <button
          type="button"
          class="link"
          data-testid="notice-restore"
          onClick={() => void app.actions.restoreDeletedScenario()}
        >
          {t('scenario.restore')}
        </button>
      )}
      <button
        type="button"
        class="icon-btn"
        aria-label={t('notice.dismiss')}
        onClick={() => app.actions.dismissNotice()}
      >
        ×
      </button>
    </div>
  );
}

export function App({ app }: { app: AppModel }) {
  const hasSelection = app.state.selected.value !== null;
  const presenting = app.state.meeting.presentation.value !== null;
  const comparing = app.state.compare.session.value !== null;
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const { state, actions } = app;
      if (state.settingsOpen.peek() || state.dialog.peek() || state.meeting.presentation.peek()) return;
      if (e.key === 'Escape') {
        // Esc cancels placing or drawing first, then closes the selection
        if (state.mode.peek().type !== 'select') actions.setMode({ type: 'select' });
        else actions.select(null);
        return;
      }
      const target = e.target as HTMLElement | null;
      const typing =
        target !== null && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
      if (typing || !(e.ctrlKey || e.metaKey)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        void actions.undo();
      } else if ((key === 'z' && e.shiftKey) || key === 'y') {
        e.preventDefault();
        void actions.redo();
      }
    };
    // a write still in flight, or edits that are not (or cannot be) stored: ask the browser to confirm leaving
    const onLeave = (e: BeforeUnloadEvent): void => {
      const status = app.state.saveStatus.peek();
      const volatileChanges = status === 'volatile' && app.state.history.peek().undoCount > 0;
      if (status === 'saving' || status === 'unsaved' || volatileChanges) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('beforeunload', onLeave);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('beforeunload', onLeave);
    };
  }, []);
  return (
    <div
      class={`app${hasSelection ? ' with-details' : ''}${presenting ? ' presenting' : ''}${comparing ? ' comparing' : ''}`}
      onDragOver={(e) => {
        if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
      }}
      onDrop={(e) => {
        // a file dropped anywhere on the app (the map included) opens the import dialog with it
        const files = e.dataTransfer?.files;
        if (!files || files.length === 0) return;
        e.preventDefault();
        void readPicked(files).then((list) => {
          if (!app.state.importer.session.peek()) app.actions.importer.open();
          return app.actions.importer.read(list);
        });
      }}
    >
      <Header app={app} />
      <main class="workspace">
        <Sidebar app={app} />
        <section class="map-area">
          <MapView app={app} />
          <EditToolbar app={app} />
          <Credits app={app} />
          <NoticeBar app={app} />
          <Presentation app={app} />
        </section>
        <ProjectForm app={app} />
      </main>
      <ProjectTable app={app} />
      <SettingsDialog app={app} />
      <ScenarioDialog app={app} />
      <ImportDialog app={app} />
      <CompareView app={app} />
      <UpdatePrompt app={app} />
    </div>
  );
}
