import { useEffect } from 'preact/hooks';
import { MapView } from '../map/MapView';
import type { App as AppModel } from '../state/app';
import { Header } from './Header';
import { LayerPanel } from './LayerPanel';
import { Legend } from './Legend';
import { ProjectDetails } from './ProjectDetails';
import { ProjectTable } from './ProjectTable';
import { SettingsDialog } from './SettingsDialog';

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
  return (
    <div class={`notice ${n.tone}`} role={n.tone === 'error' ? 'alert' : 'status'} data-testid="notice">
      <span>{t(n.key, n.params)}</span>
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
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape' && !app.state.settingsOpen.peek()) app.actions.select(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div class={`app${hasSelection ? ' with-details' : ''}`}>
      <Header app={app} />
      <main class="workspace">
        <aside class="sidebar">
          <LayerPanel app={app} />
          <Legend app={app} />
        </aside>
        <section class="map-area">
          <MapView app={app} />
          <Credits app={app} />
          <NoticeBar app={app} />
        </section>
        <ProjectDetails app={app} />
      </main>
      <ProjectTable app={app} />
      <SettingsDialog app={app} />
    </div>
  );
}
