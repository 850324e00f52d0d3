import { SIDEBAR_TABS } from '../../state/ui';
import { PhasingPanel } from '../analysis/PhasingPanel';
import { useLazy } from '../common/lazy';
import { Tabs } from '../common/Tabs';
import { useT, useUi, useView } from '../context';
import { LayerPanel } from '../legend/LayerPanel';
import { Legend } from '../legend/Legend';

/** The left panel: layers, coverage, targets and slides. It folds away to give the map the room (remembered). */
export function Sidebar() {
  const t = useT();
  const ui = useUi();
  const view = useView();
  const tab = ui.state.sidebarTab.value;
  const open = view.state.sidebarOpen.value;
  // the analysis and slides panels load the first time their tab is opened
  const CoveragePanel = useLazy(open && tab === 'coverage', () =>
    import('../analysis/CoveragePanel').then((m) => m.CoveragePanel),
  );
  const TargetsPanel = useLazy(open && tab === 'targets', () =>
    import('../analysis/TargetsPanel').then((m) => m.TargetsPanel),
  );
  const ProjectionPanel = useLazy(open && tab === 'projection', () =>
    import('../projection/ProjectionPanel').then((m) => m.ProjectionPanel),
  );
  const SitingPanel = useLazy(open && tab === 'siting', () =>
    import('../siting/SitingPanel').then((m) => m.SitingPanel),
  );
  const SlidesPanel = useLazy(open && tab === 'slides', () =>
    import('../meeting/SlidesPanel').then((m) => m.SlidesPanel),
  );
  if (!open) return null;
  return (
    <aside class="sidebar" data-testid="sidebar">
      <Tabs
        class="sidebar-tabs"
        testid="sidebar-tab"
        label={t('sidebar.tabs')}
        items={SIDEBAR_TABS.map((id) => ({ id, label: t(`sidebar.${id}`) }))}
        active={tab}
        onSelect={(id) => ui.actions.setSidebarTab(id)}
      />
      <div class="sidebar-body" id="sidebar-body">
        {tab === 'layers' && (
          <>
            <LayerPanel />
            <PhasingPanel />
            <Legend />
          </>
        )}
        {tab === 'coverage' && (CoveragePanel ? <CoveragePanel /> : <Loading />)}
        {tab === 'targets' && (TargetsPanel ? <TargetsPanel /> : <Loading />)}
        {tab === 'projection' && (ProjectionPanel ? <ProjectionPanel /> : <Loading />)}
        {tab === 'siting' && (SitingPanel ? <SitingPanel /> : <Loading />)}
        {tab === 'slides' && (SlidesPanel ? <SlidesPanel /> : <Loading />)}
      </div>
    </aside>
  );
}

function Loading() {
  return (
    <p class="hint" role="status">
      {useT()('panel.loading')}
    </p>
  );
}

/** The handle on the map's left edge that folds the side panel away and brings it back. */
export function SidebarHandle() {
  const t = useT();
  const view = useView();
  const open = view.state.sidebarOpen.value;
  const label = open ? t('panel.sidebarHide') : t('panel.sidebarShow');
  return (
    <button
      type="button"
      class="panel-handle"
      data-testid="sidebar-toggle"
      aria-expanded={open}
      title={label}
      aria-label={label}
      onClick={() => view.actions.toggleSidebar()}
    >
      <svg viewBox="0 0 12 20" width="10" height="18" aria-hidden="true">
        <path d={open ? 'M8.5 4 3.5 10l5 6' : 'M3.5 4l5 6-5 6'} fill="none" stroke="currentColor" stroke-width="2" />
      </svg>
    </button>
  );
}
