/**
 * The scenario store's operations on whole scenarios: first-run seeding, switching, creating,
 * duplicating, deleting and restoring, and resetting the illustrative one. They run in the store's
 * queue, like edits, so they never interleave with a commit.
 */
import type { ReadonlySignal } from '@preact/signals';
import { resetEdit } from '../core/edits/build';
import type { Edit } from '../core/edits/edit';
import { translate } from '../core/i18n/translate';
import { SCHEMA_VERSION, type ProjectFeature, type ScenarioCollection, type ScenarioMeta } from '../core/model/project';
import type { Repository, ScenarioSummary } from '../persistence/repository';
import type { ScenarioStoreDeps } from './scenarios';

export const emptyMeta = (id: string, name: string, planYear: number): ScenarioMeta => ({
  id,
  name,
  planYear,
  illustrative: false,
  schemaVersion: SCHEMA_VERSION,
});

/** What the operations use of the store's inside. */
export interface ScenarioListKernel {
  readonly repo: Repository;
  readonly deps: ScenarioStoreDeps;
  readonly enqueue: <T>(fn: () => Promise<T>, write: boolean) => Promise<T>;
  /** Reads a scenario and shows it (inside the queue); false when it is not stored. */
  readonly show: (id: string) => Promise<boolean>;
  readonly refreshList: () => Promise<readonly ScenarioSummary[]>;
  readonly commit: (edit: Edit) => Promise<boolean>;
  readonly currentId: () => string;
  readonly scenario: ReadonlySignal<ScenarioCollection>;
  readonly scenarios: ReadonlySignal<readonly ScenarioSummary[]>;
  /** A write was refused: marks the status and tells the planner. */
  readonly failed: (e: unknown) => void;
  /** A write succeeded (clears a refused status). */
  readonly created: () => void;
  /** Forgets the pending edits of a scenario that is gone. */
  readonly dropPending: (id: string) => void;
}

export function createScenarioList(k: ScenarioListKernel) {
  const { repo, deps, enqueue, show, refreshList } = k;
  const announce = (): void => deps.channel.post({ type: 'scenarios', from: deps.tabId });

  const createAndShow = (meta: ScenarioMeta, projects: readonly ProjectFeature[]): Promise<boolean> =>
    enqueue(async () => {
      try {
        await repo.createScenario(meta, projects);
      } catch (e: unknown) {
        k.failed(e);
        return false;
      }
      k.created();
      await refreshList();
      announce();
      return show(meta.id);
    }, true);

  return {
    /** First run seeds the illustrative scenario; later runs show the stored one the planner last used. */
    async init(preferredId: string | null): Promise<void> {
      await enqueue(async () => {
        await repo.seedOnce(deps.seed.scenario, deps.seed.features);
        let list = await refreshList();
        if (list.length === 0) {
          // everything was lost or removed outside the app: start an empty scenario rather than re-seed
          const name = translate('zh', 'scenario.defaultName', { n: 1 });
          await repo.createScenario(emptyMeta(deps.newId(), name, deps.seed.scenario.planYear), []);
          list = await refreshList();
        }
        const pick = list.find((s) => s.meta.id === preferredId) ?? list[0];
        if (pick) await show(pick.meta.id);
      }, false);
    },
    switchTo: (id: string): Promise<unknown> =>
      enqueue(async () => {
        if (!(await show(id))) await refreshList();
      }, false),
    create: (name: string) => createAndShow(emptyMeta(deps.newId(), name, k.scenario.peek().scenario.planYear), []),
    duplicate: (name: string) => {
      const cur = k.scenario.peek();
      const { nameEn: _own, ...rest } = cur.scenario;
      return createAndShow({ ...rest, id: deps.newId(), name }, cur.features);
    },
    /** Deletes the shown scenario; resolves to what it held (to offer restoring it), or null. */
    remove: (): Promise<ScenarioCollection | null> => {
      const id = k.currentId();
      const held = k.scenario.peek();
      if (k.scenarios.peek().length <= 1) return Promise.resolve(null);
      return enqueue(async () => {
        try {
          // refused when another deletion (here or in another tab) got there first or left it the last one
          if (!(await repo.deleteScenario(id))) {
            await refreshList();
            return null;
          }
        } catch (e: unknown) {
          k.failed(e);
          return null;
        }
        k.dropPending(id);
        const list = await refreshList();
        announce();
        const next = list[0];
        if (next) await show(next.meta.id);
        return held;
      }, true);
    },
    /** Re-creates a deleted scenario from what it held (its undo history is not kept), in a new epoch. */
    restore: (held: ScenarioCollection): Promise<boolean> => createAndShow(held.scenario, held.features),
    /** Restores the illustrative scenario: one undoable edit if it exists, re-created if it was deleted. */
    async resetIllustrative(): Promise<boolean> {
      const seed = deps.seed;
      if (!k.scenarios.peek().some((s) => s.meta.id === seed.scenario.id))
        return createAndShow(seed.scenario, seed.features);
      if (k.currentId() !== seed.scenario.id) await enqueue(() => show(seed.scenario.id), false);
      const cur = k.scenario.peek();
      return k.commit(resetEdit(cur.features, cur.scenario, seed.features, seed.scenario));
    },
  };
}
