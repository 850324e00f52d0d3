/** The planner's operations on scenarios as a whole: switch, create, duplicate, rename, delete, restore, reset. */
import { renameScenarioEdit } from '../core/edits/build';
import type { ScenarioCollection } from '../core/model/project';
import type { Notify } from './notices';
import type { ScenarioStore } from './scenarios';

export interface ScenarioActions {
  switchScenario(id: string): Promise<void>;
  newScenario(name: string): Promise<boolean>;
  duplicateScenario(name: string): Promise<boolean>;
  renameScenario(name: string): Promise<boolean>;
  deleteScenario(): Promise<boolean>;
  /** Brings back the scenario deleted last (offered in the notice right after deleting). */
  restoreDeletedScenario(): Promise<boolean>;
  resetIllustrative(): Promise<boolean>;
}

export interface ScenarioActionDeps {
  readonly store: ScenarioStore;
  readonly notify: Notify;
  /** Closes the dialog that asked (each operation is confirmed in one). */
  readonly closeDialog: () => void;
  readonly dismissNotice: () => void;
}

export function createScenarioActions(deps: ScenarioActionDeps): ScenarioActions {
  const { store } = deps;
  /** What the last deleted scenario held, for the notice's "restore" button. */
  let deleted: ScenarioCollection | null = null;
  const closing =
    <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      deps.closeDialog();
      return run(...args);
    };

  return {
    switchScenario: async (id) => {
      if (id === store.state.scenario.peek().scenario.id) return;
      await store.switchTo(id);
    },
    newScenario: closing((name: string) => store.create(name.trim())),
    duplicateScenario: closing((name: string) => store.duplicate(name.trim())),
    renameScenario: closing(async (name: string) => {
      const edit = renameScenarioEdit(store.state.scenario.peek().scenario, name);
      return edit ? store.commit(edit) : false;
    }),
    deleteScenario: closing(async () => {
      const held = await store.remove();
      if (!held) return false;
      deleted = held;
      deps.notify({
        tone: 'info',
        key: 'scenario.deleted',
        params: { name: held.scenario.name },
        action: 'restoreScenario',
      });
      return true;
    }),
    restoreDeletedScenario: async () => {
      const held = deleted;
      deleted = null;
      deps.dismissNotice();
      return held ? store.restore(held) : false;
    },
    resetIllustrative: closing(() => store.resetIllustrative()),
  };
}
