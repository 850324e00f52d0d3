/** What the page shows around the map: dialogs, the settings panel, the drawer and sidebar tabs, notices. */
import { signal, type ReadonlySignal } from '@preact/signals';
import type { Notice, NoticeRequest } from './notices';

export type Dialog =
  | { readonly type: 'newScenario' }
  | { readonly type: 'duplicateScenario' }
  | { readonly type: 'renameScenario' }
  | { readonly type: 'deleteScenario' }
  | { readonly type: 'resetScenario' }
  | { readonly type: 'deleteProjects'; readonly ids: readonly string[] };

export const SIDEBAR_TABS = ['layers', 'coverage', 'targets', 'projection', 'siting', 'slides'] as const;
export type SidebarTab = (typeof SIDEBAR_TABS)[number];
export type DrawerTab = 'projects' | 'demand';

export interface UiState {
  readonly dialog: ReadonlySignal<Dialog | null>;
  readonly settingsOpen: ReadonlySignal<boolean>;
  readonly sidebarTab: ReadonlySignal<SidebarTab>;
  readonly drawerTab: ReadonlySignal<DrawerTab>;
  readonly notice: ReadonlySignal<Notice | null>;
}

export interface UiActions {
  openDialog(dialog: Dialog | null): void;
  openSettings(open: boolean): void;
  setSidebarTab(tab: SidebarTab): void;
  /** Shows a drawer tab (and opens the drawer). */
  setDrawerTab(tab: DrawerTab): void;
  dismissNotice(): void;
}

export interface Ui {
  readonly state: UiState;
  readonly actions: UiActions;
  /** Shows a notice (replacing the one on screen). */
  readonly notify: (n: NoticeRequest) => void;
  /** Whether a notice about the planner's data is on screen (a preference's failure never hides it). */
  readonly dataErrorShown: () => boolean;
}

/** `showTable` opens the project list when a drawer tab is chosen (the view store keeps it open or not). */
export function createUi(deps: { readonly showTable: () => void }): Ui {
  const dialog = signal<Dialog | null>(null);
  const settingsOpen = signal(false);
  const sidebarTab = signal<SidebarTab>('layers');
  const drawerTab = signal<DrawerTab>('projects');
  const notice = signal<Notice | null>(null);
  let seq = 0;
  return {
    state: { dialog, settingsOpen, sidebarTab, drawerTab, notice },
    notify: (n) => {
      notice.value = { ...n, seq: ++seq };
    },
    dataErrorShown: () => notice.peek()?.tone === 'error',
    actions: {
      openDialog: (d) => {
        dialog.value = d;
      },
      openSettings: (open) => {
        settingsOpen.value = open;
      },
      setSidebarTab: (tab) => {
        sidebarTab.value = tab;
      },
      setDrawerTab: (tab) => {
        drawerTab.value = tab;
        deps.showTable();
      },
      dismissNotice: () => {
        notice.value = null;
      },
    },
  };
}
