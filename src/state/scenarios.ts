import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import { labelOf, type EditLabel } from '../core/edits/describe';
import { isEmptyEdit, type Edit } from '../core/edits/edit';
import { deepEqual } from '../core/edits/equal';
import { applyEdit, replay, type ScenarioState } from '../core/edits/replay';
import type { ReferenceIndex } from '../core/geodata/reference';
import type { ProjectFeature, ScenarioCollection } from '../core/model/project';
import {
  NO_HISTORY,
  storageErrorText,
  storageFailure,
  type CommitResult,
  type HistoryInfo,
  type LoadedScenario,
  type Repository,
  type ScenarioSummary,
} from '../persistence/repository';
import { conflictNotice, failureNotice, type NoticeRequest } from './notices';
import { createScenarioList } from './scenarioList';
import { advance, createOutbox, KEEPS_EDIT, storedOf, timed, upsert, type Pending, type Stored } from './outbox';
import { createWriteQueue } from './writeQueue';
import type { TabChannel, TabMessage } from './tabs';

export interface ScenarioStoreDeps {
  readonly repository: Repository;
  readonly channel: TabChannel;
  readonly index: ReferenceIndex;
  /** The illustrative scenario shipped with the app: seeded on first run, and the target of "reset". */
  readonly seed: ScenarioCollection;
  readonly newId: () => string;
  readonly tabId: string;
  readonly notify: (n: NoticeRequest) => void;
  /** Tells the app the shown scenario was replaced (switch, reload): selection and drafts are stale. */
  readonly onSwitched: (id: string) => void;
  /** Tells the app the shown projects changed (an edit here, undo/redo, another tab, a replay). */
  readonly onChanged: () => void;
}

/**
 * The scenarios and the shown scenario's projects. The repository is the source of truth; the screen
 * shows what is stored with the planner's unconfirmed edits replayed on top:
 *
 *   shown = replay(stored, pending edits of the shown scenario)
 *
 * Edits are committed one at a time in order. Each stays in `pending` until its own commit is confirmed
 * (then it is part of what is stored) or refused (then it is taken back, or kept and marked unsaved).
 * Whatever replaces the stored state (a reload, another tab's edit, a missed message), the screen is
 * recomputed by that rule: an edit shown is never dropped from the screen while it is pending.
 */
export function createScenarioStore(deps: ScenarioStoreDeps) {
  const { repository: repo, channel } = deps;
  const scenarios = signal<readonly ScenarioSummary[]>([]);
  const scenario = signal<ScenarioCollection>(deps.seed);
  const history = signal<HistoryInfo>(NO_HISTORY);
  const writeQueue = createWriteQueue(repo.durable);
  const { enqueue } = writeQueue;
  const byId = computed(() => new Map(scenario.value.features.map((p) => [p.id, p])));
  const summary = computed(() => scenarios.value.find((s) => s.meta.id === scenario.value.scenario.id) ?? null);

  const seedState: ScenarioState = { meta: deps.seed.scenario, features: deps.seed.features };
  let stored: Stored = { id: deps.seed.scenario.id, state: seedState, revision: 0, epoch: '', history: NO_HISTORY };
  const pending = createOutbox();
  /** The shown scenario, to create again in storage after the stored data was cleared; else null. */
  let recreate: ScenarioState | null = null;

  const currentId = (): string => stored.id;

  function countUnsaved(): void {
    writeQueue.setUnsaved(pending.unsaved().length + (recreate ? 1 : 0));
  }

  const shownHistory = (): HistoryInfo => pending.history(stored.id, stored.history);

  /** Recomputes the screen from what is stored and the pending edits. */
  function render(): void {
    const mine = pending.of(stored.id);
    const r = replay(
      stored.state,
      mine.map((p) => p.edit),
    );
    mine.forEach((p, i) => {
      p.local = r.applied[i] ?? p.local;
    });
    batch(() => {
      scenario.value = { type: 'FeatureCollection', scenario: r.meta, features: r.features };
      history.value = shownHistory();
    });
    deps.onChanged();
  }

  const upsertSummary = (s: ScenarioSummary): void => {
    scenarios.value = upsert(scenarios.peek(), s);
  };

  async function refreshList(): Promise<readonly ScenarioSummary[]> {
    const { scenarios: list, skipped } = await repo.listScenarios();
    scenarios.value = list;
    if (skipped > 0) deps.notify({ tone: 'error', key: 'storage.skippedScenarios', params: { count: skipped } });
    return list;
  }

  function adoptLoaded(loaded: LoadedScenario): void {
    stored = storedOf(loaded);
    upsertSummary(loaded.summary);
  }

  /**
   * Reads a scenario from the repository and shows it, with this tab's pending edits to it on top
   * (not queued: callers run it inside the queue). False when it is not stored.
   */
  async function show(id: string): Promise<boolean> {
    const loaded = await timed('qz:load-scenario', () => repo.loadScenario(id));
    if (!loaded) return false;
    adoptLoaded(loaded);
    render();
    deps.onSwitched(id);
    if (loaded.skipped > 0)
      deps.notify({ tone: 'error', key: 'storage.skippedProjects', params: { count: loaded.skipped } });
    return true;
  }

  /** Drops the pending edits of a scenario that no longer exists; says so when any were unsaved. */
  function dropPending(id: string): void {
    const lost = pending.drop(id);
    if (lost === 0) return;
    countUnsaved();
    deps.notify({ tone: 'error', key: 'sync.pendingDropped', params: { count: lost } });
  }

  /**
   * The shown scenario is not in storage. Deleted in another tab: show another one. Storage emptied
   * (site data cleared): keep what is on screen, marked unsaved, and offer to save it again.
   */
  async function shownIsGone(): Promise<void> {
    const id = stored.id;
    const list = await refreshList();
    const next = list[0];
    if (next) {
      dropPending(id);
      deps.notify({ tone: 'info', key: 'sync.scenarioDeleted' });
      await show(next.meta.id);
      return;
    }
    // nothing stored at all: the screen is the only copy. Keep it, as one unsaved re-creation.
    const meta = scenario.peek().scenario;
    const features = scenario.peek().features;
    pending.drop(id);
    stored = { id, state: { meta, features }, revision: 0, epoch: '', history: NO_HISTORY };
    recreate = { meta, features };
    countUnsaved();
    render();
    deps.notify({ tone: 'error', key: 'storage.cleared', action: 'retrySave', offerExport: true });
  }
  /**
   * Reloads the shown scenario from the repository (inside the queue); pending edits stay on top. When
   * even reading fails, the screen keeps what it shows and the planner is told.
   */
  async function reloadShown(): Promise<void> {
    if (recreate) return;
    try {
      if (!(await show(stored.id))) await shownIsGone();
    } catch (e: unknown) {
      render();
      deps.notify({ tone: 'error', key: 'storage.loadFailed', params: { message: storageErrorText(e) } });
    }
  }

  function announce(id: string, r: CommitResult): void {
    upsertSummary(r.summary);
    if (!isEmptyEdit(r.applied))
      channel.post({
        type: 'commit',
        from: deps.tabId,
        scenarioId: id,
        revision: r.summary.revision,
        applied: r.applied,
        summary: r.summary,
        history: r.history,
      });
  }

  /**
   * The repository committed an edit to scenario `id` (this tab's, or an undo/redo). When it is the
   * next revision of what this tab knows, it is applied to the stored state; otherwise something else
   * was committed in between and the stored state is read again. `shownAs` is how the screen already
   * shows it (a pending edit): when the commit did exactly that, the screen needs no recomputing.
   */
  async function committed(id: string, r: CommitResult, shownAs: Edit | null): Promise<void> {
    announce(id, r);
    writeQueue.setFailed(false);
    if (id !== stored.id) return;
    const next = advance(stored, r.summary, r.applied, r.history);
    if (next) {
      stored = next;
      if (shownAs && r.conflicts.length === 0 && deepEqual(r.applied, shownAs)) history.value = shownHistory();
      else render();
    } else await reloadShown();
    const conflict = conflictNotice(r.conflicts);
    if (conflict) deps.notify(conflict);
  }

  /** A write failed: take the edit back (a refused write), or keep it on screen marked unsaved. */
  async function failed(item: Pending | null, e: unknown): Promise<void> {
    const failure = storageFailure(e);
    const message = storageErrorText(e);
    if (item && failure === 'missing') {
      // the scenario is not in storage: deleted (here or in another tab), or storage was cleared
      if (item.scenarioId === stored.id) await shownIsGone();
      else dropPending(item.scenarioId);
      return;
    }
    const kept = item !== null && KEEPS_EDIT.has(failure);
    deps.notify(failureNotice(failure, message, kept));
    if (item && kept) {
      item.unsaved = failure;
      countUnsaved();
      return;
    }
    if (item) pending.remove(item);
    writeQueue.setFailed(true);
    await reloadShown();
  }

  /** Commits one pending edit (inside the queue); true when stored. */
  async function attempt(item: Pending): Promise<boolean> {
    let r: CommitResult;
    try {
      r = await timed('qz:commit', () => repo.commit(item.scenarioId, item.edit));
    } catch (e: unknown) {
      await failed(item, e);
      return false;
    }
    const shownAs = item.local;
    pending.remove(item);
    countUnsaved();
    await committed(item.scenarioId, r, shownAs);
    return true;
  }

  /** Commits an edit after the unsaved edits made before it to the same scenario, keeping their order. */
  async function writePending(item: Pending): Promise<boolean> {
    // dropped while it waited (its scenario was deleted): nothing to store
    if (!pending.has(item)) return false;
    if (recreate && item.scenarioId === stored.id) {
      item.unsaved = 'missing';
      countUnsaved();
      return false;
    }
    for (const p of pending.of(item.scenarioId)) {
      if (p === item) break;
      if (p.unsaved !== null && !(await attempt(p))) {
        item.unsaved = p.unsaved;
        countUnsaved();
        return false;
      }
    }
    return attempt(item);
  }

  /** Shows an edit at once and commits it; resolves to whether it was stored. */
  function commit(edit: Edit): Promise<boolean> {
    const id = currentId();
    const { state, applied } = applyEdit({ meta: scenario.peek().scenario, features: scenario.peek().features }, edit);
    if (isEmptyEdit(applied)) return Promise.resolve(false);
    const item: Pending = { scenarioId: id, edit, local: applied, unsaved: null };
    pending.add(item);
    batch(() => {
      scenario.value = { type: 'FeatureCollection', scenario: state.meta, features: state.features };
      history.value = shownHistory();
    });
    deps.onChanged();
    return enqueue(() => writePending(item), true);
  }

  /** Undo of an edit that was never stored: it is simply dropped from the screen. */
  function discardLastUnsaved(id: string): EditLabel | null {
    const label = pending.discardLastUnsaved(id);
    if (label === null) return null;
    countUnsaved();
    render();
    return label;
  }

  function step(direction: 'undo' | 'redo'): Promise<EditLabel | null> {
    const id = currentId();
    return enqueue(async () => {
      if (pending.of(id).some((p) => p.unsaved !== null)) return direction === 'undo' ? discardLastUnsaved(id) : null;
      let r: CommitResult | null;
      try {
        r = direction === 'undo' ? await repo.undo(id) : await repo.redo(id);
      } catch (e: unknown) {
        await failed(null, e);
        return null;
      }
      if (!r) return null;
      await committed(id, r, null);
      if (r.skippedEntry) deps.notify({ tone: 'error', key: 'storage.skippedEntry' });
      return labelOf(r.applied);
    }, true);
  }

  /** Another tab committed: apply its edit when it is the next revision, else read the scenario again. */
  function receive(m: TabMessage): void {
    if (m.from === deps.tabId) return;
    if (m.type === 'scenarios') {
      void enqueue(async () => {
        if (recreate) return;
        const list = await refreshList();
        const mine = list.find((s) => s.meta.id === currentId());
        if (!mine) await shownIsGone();
        else if (mine.epoch !== stored.epoch) await reloadShown();
      }, false);
      return;
    }
    void enqueue(async () => {
      if (m.scenarioId !== currentId()) {
        upsertSummary(m.summary);
        return;
      }
      if (m.summary.epoch === stored.epoch && m.revision <= stored.revision) return;
      const next = advance(stored, m.summary, m.applied, m.history);
      if (next) {
        stored = next;
        upsertSummary(m.summary);
        render();
      } else await reloadShown();
      deps.notify({ tone: 'info', key: 'sync.remoteEdit', edit: labelOf(m.applied) });
    }, false);
  }

  const unlisten = channel.listen(receive);
  /** Tries again to store what could not be stored: the unsaved edits in order, or the whole scenario. */
  function retry(): Promise<boolean> {
    return enqueue(async () => {
      if (recreate) {
        const { meta, features } = recreate;
        try {
          await repo.createScenario(meta, features);
        } catch (e: unknown) {
          deps.notify(failureNotice('connection', storageErrorText(e), true));
          return false;
        }
        recreate = null;
        pending.drop(meta.id);
        countUnsaved();
        writeQueue.setFailed(false);
        await refreshList();
        channel.post({ type: 'scenarios', from: deps.tabId });
        return show(meta.id);
      }
      for (const item of pending.unsaved()) if (!(await attempt(item))) return false;
      return true;
    }, true);
  }

  return {
    state: {
      scenarios: scenarios as ReadonlySignal<readonly ScenarioSummary[]>,
      scenario: scenario as ReadonlySignal<ScenarioCollection>,
      byId: byId as ReadonlySignal<ReadonlyMap<string, ProjectFeature>>,
      summary,
      history: history as ReadonlySignal<HistoryInfo>,
      saveStatus: writeQueue.saveStatus,
      unsavedCount: writeQueue.unsavedCount,
      lastSavedAt: writeQueue.lastSavedAt,
    },
    commit,
    undo: () => step('undo'),
    redo: () => step('redo'),
    retry,
    ...createScenarioList({
      repo,
      deps,
      enqueue,
      show,
      refreshList,
      commit,
      currentId,
      scenario,
      scenarios,
      failed: (e) => {
        writeQueue.setFailed(true);
        deps.notify(failureNotice(storageFailure(e), storageErrorText(e), false));
      },
      created: () => writeQueue.setFailed(false),
      dropPending: (id) => {
        pending.drop(id);
        countUnsaved();
      },
    }),
    /** Resolves when every queued write has finished (tests, and before closing). */
    flush: writeQueue.flush,
    dispose: () => {
      unlisten();
      channel.close();
    },
  };
}

export type ScenarioStore = ReturnType<typeof createScenarioStore>;
