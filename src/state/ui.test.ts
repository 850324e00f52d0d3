import { describe, expect, it } from 'vitest';
import { createUi } from './ui';

describe('ui store', () => {
  it('numbers notices so an equal one is shown afresh, and knows when a data error is on screen', () => {
    const ui = createUi({ showTable: () => undefined });
    ui.notify({ tone: 'info', key: 'bulk.done', params: { count: 2 } });
    const first = ui.state.notice.value;
    expect(ui.dataErrorShown()).toBe(false);
    ui.notify({ tone: 'error', key: 'storage.cleared' });
    ui.notify({ tone: 'error', key: 'storage.cleared' });
    expect(ui.state.notice.value?.seq).toBe((first?.seq ?? 0) + 2);
    expect(ui.dataErrorShown()).toBe(true);
    ui.actions.dismissNotice();
    expect(ui.state.notice.value).toBeNull();
  });

  it('opens the project list when a drawer tab is chosen, and keeps dialogs, settings and tabs', () => {
    let shown = 0;
    const ui = createUi({
      showTable: () => {
        shown++;
      },
    });
    ui.actions.setDrawerTab('demand');
    expect([ui.state.drawerTab.value, shown]).toEqual(['demand', 1]);
    ui.actions.openDialog({ type: 'deleteProjects', ids: ['a'] });
    expect(ui.state.dialog.value).toEqual({ type: 'deleteProjects', ids: ['a'] });
    ui.actions.openSettings(true);
    ui.actions.setSidebarTab('targets');
    expect([ui.state.settingsOpen.value, ui.state.sidebarTab.value]).toEqual([true, 'targets']);
  });
});
