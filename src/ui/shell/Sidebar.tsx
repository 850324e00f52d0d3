import { SIDEBAR_TABS } from '../../state/ui';
import { CoveragePanel } from '../analysis/CoveragePanel';
import { PhasingPanel } from '../analysis/PhasingPanel';
import { TargetsPanel } from '../analysis/TargetsPanel';
import { Tabs } from '../common/Tabs';
import { useT, useUi, useView } from '../context';
import { LayerPanel } from '../legend/LayerPanel';
import { Legend } from '../legend/Legend';
import { SlidesPanel } from '../meeting/SlidesPanel';

/** The left panel: layers, coverage, targets and slides. Folds to a strip to give the map the room (remembered). */
export function Sidebar() {
  const t = useT();
  const ui = useUi();
  const view = useView();
  const tab = ui.state.sidebarTab.value;
  const open = view.state.sidebarOpen.value;
  const toggle = (
    <button
      type="button"
      class="icon-btn panel-toggle"
      data-testid="sidebar-toggle"
      aria-expanded={open}
      aria-controls="sidebar-body"
      title={open ? t('panel.sidebarHide') : t('panel.sidebarShow')}
      aria-label={open ? t('panel.sidebarHide') : t('panel.sidebarShow')}
      onClick={() => view.actions.toggleSidebar()}
    >
      <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
        <path d={open ? 'M12.5 4 6.5 10l6 6' : 'M7.5 4l6 6-6 6'} fill="none" stroke="currentColor" stroke-width="2" />
      </svg>
    </button>
  );
  if (!open)
    return (
      <aside class="sidebar folded" data-testid="sidebar">
        {toggle}
      </aside>
    );
  return (
    <aside class="sidebar" data-testid="sidebar">
      <div class="sidebar-head">
        <Tabs
          class="sidebar-tabs"
          testid="sidebar-tab"
          label={t('sidebar.tabs')}
          items={SIDEBAR_TABS.map((id) => ({ id, label: t(`sidebar.${id}`) }))}
          active={tab}
          onSelect={(id) => ui.actions.setSidebarTab(id)}
        />
        {toggle}
      </div>
      <div class="sidebar-body" id="sidebar-body">
        {tab === 'layers' && (
          <>
            <LayerPanel />
            <PhasingPanel />
            <Legend />
          </>
        )}
        {tab === 'coverage' && <CoveragePanel />}
        {tab === 'targets' && <TargetsPanel />}
        {tab === 'slides' && <SlidesPanel />}
      </div>
    </aside>
  );
}
