import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import type { Conflict } from '../core/edits/apply';
import { resetEdit } from '../core/edits/build';
import { labelOf, type EditLabel } from '../core/edits/describe';
import { isEmptyEdit, type Edit } from '../core/edits/edit';
import { deepEqual } from '../core/edits/equal';
import { HISTORY_LIMIT } from '../core/edits/history';
import { applyEdit, replay, type ScenarioState } from '../core/edits/replay';
import type { ReferenceIndex } from '../core/geodata/reference';
import { translate } from '../core/i18n/translate';
import { SCHEMA_VERSION, type ProjectFeature, type ScenarioCollection, type ScenarioMeta } from '../core/model/project';
import {
  NO_HISTORY,
  storageErrorText,
  storageFailure,
  type CommitResult,
  type HistoryInfo,
  type LoadedScenario,
  type Repository,
  type StorageFailure,
  type ScenarioSummary,
} from '../persistence/repository';
import type { NoticeRequest } from './notices';
import type { TabChannel, TabMessage } from './tabs';

/**
 * saved: everything on screen is stored. saving: writes in flight. error: the last write was refused
 * (a full disk) and taken back, so the screen shows what is stored. unsaved: edits on screen that
 * could not be stored (connection lost, newer version, data cleared) and are kept, marked.
 * volatile: stored only in this page's memory (no IndexedDB): closing the tab loses it.
 */
export type SaveStatus = 'saved' | 'saving' | 'error' | 'unsaved' | 'volatile';

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

/** User-timing measures ("qz:commit", "qz:load-scenario") for the benchmark and the browser's profiler. */
function timed<T>(name: string, run: () => Promise<T>): Promise<T> {
  if (typeof performance === 'undefined') return run();
  const start = performance.now();
  return run().finally(() => {
    performance.measure(name, { start, end: performance.now() });
  });
}

/** An edit shown on screen whose commit has not been confirmed by the repository. */
interface Pending {
  readonly scenarioId: string;
  /** The edit as the planner made it: what is committed (the repository rebases it onto what is stored). */
  readonly edit: Edit;
  /** The edit as the screen shows it (rebased onto what is shown before it). */
  local: Edit;
  /** Set when its write failed in a way that keeps it on screen, marked unsaved. */
  unsaved: StorageFailure | null;
}

/** What this tab knows of the shown scenario in storage: its state, bookkeeping and undo labels. */
interface Stored {
  readonly id: string;
  readonly state: ScenarioState;
  readonly revision: number;
  readonly epoch: string;
  readonly history: HistoryInfo;
}

/** Failures after which the edit stays on screen, marked unsaved (the others are taken back). */
const KEEPS_EDIT: ReadonlySet<StorageFailure> = new Set(['connection', 'version', 'missing']);

/**
 * The scenarios and the shown scenario's projects. The repository is the source of truth; the screen
 * shows what is stored with the planner's unconfirmed edits replayed on top:
 *
 *   shown = replay(stored, pending edits of the shown scenario)
 *
 * Edits are committed one at a time in order. Each stays in `pending` until its own commit is confirmed
 * (then it is part of what is stored) or refused (then it is taken back, or kept and marked unsaved).
 * Whatever replaces the stored state — a reload, another tab's edit, a missed message — the screen is
 * recomputed by the rule above, so an edit shown is never dropped from the screen while it is pending.
 */
export function createScenarioStore(deps: ScenarioStoreDeps) {
  const { repository: repo, channel } = deps;
  const seedState: ScenarioState = { meta: deps.seed.scenario, features: deps.seed.features };
  const scenarios = signal<readonly ScenarioSummary[]>([]);
  const scenario = signal<ScenarioCollection>(deps.seed);
  const history = signal<HistoryInfo>(NO_HISTORY);
  const writes = signal(0);
  const unsavedCount = signal(0);
  const lastFailed = signal(false);
  const lastSavedAt = signal<number | null>(null);
  const saveStatus = computed<SaveStatus>(() =>
    unsavedCount.value > 0
      ? 'unsaved'
      : writes.value > 0
        ? 'saving'
        : lastFailed.value
          ? 'error'
          : repo.durable
            ? 'saved'
            : 'volatile',
  );
  const byId = computed(() => new Map(scenario.value.features.map((p) => [p.id, p])));
  const summary = computed(() => scenarios.value.find((s) => s.meta.id === scenario.value.scenario.id) ?? null);

  let stored: Stored = { id: deps.seed.scenario.id, state: seedState, revision: 0, epoch: '', history: NO_HISTORY };
  let pending: Pending[] = [];
  /** The shown scenario, to create again in storage after the stored data was cleared; else null. */
  let recreate: ScenarioState | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const currentId = (): string => stored.id;
  const pendingOf = (id: string): Pending[] => pending.filter((p) => p.scenarioId === id);

  function countUnsaved(): void {
    unsavedCount.value = pending.filter((p) => p.unsaved !== null).length + (recreate ? 1 : 0);
  }

  /** Serialises every repository call, so edits commit in the order the planner made them. */
  function enqueue<T>(fn: () => Promise<T>, write: boolean): Promise<T> {
    if (write) writes.value++;
    const p = queue.then(fn);
    queue = p.then(
      () => undefined,
      () => undefined,
    );
    if (!write) return p;
    return p.finally(() => {
      if (--writes.value === 0 && !lastFailed.peek() && unsavedCount.peek() === 0) lastSavedAt.value = Date.now();
    });
  }

  /** The undo button names the newest edit on screen, stored or not. */
  function shownHistory(): HistoryInfo {
    const mine = pendingOf(stored.id).filter((p) => !isEmptyEdit(p.local));
    const last = mine[mine.length - 1];
    if (!last) return stored.history;
    return {
      undo: labelOf(last.local),
      redo: null,
      undoCount: Math.min(HISTORY_LIMIT, stored.history.undoCount + mine.length),
      redoCount: 0,
    };
  }

  /** Recomputes the screen from what is stored and the pending edits. */
  function render(): void {
    const mine = pendingOf(stored.id);
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

  function upsertSummary(s: ScenarioSummary): void {
    const list = scenarios.peek();
    scenarios.value = list.some((x) => x.meta.id === s.meta.id)
      ? list.map((x) => (x.meta.id === s.meta.id ? s : x))
      : [...list, s];
  }

  async function refreshList(): Promise<readonly ScenarioSummary[]> {
    const { scenarios: list, skipped } = await repo.listScenarios();
    scenarios.value = list;
    if (skipped > 0) deps.notify({ tone: 'error', key: 'storage.skippedScenarios', params: { count: skipped } });
    return list;
  }

  function adoptLoaded(loaded: LoadedScenario): void {
    const { summary: s } = loaded;
    stored = {
      id: s.meta.id,
      state: { meta: s.meta, features: loaded.projects },
      revision: s.revision,
      epoch: s.epoch,
      history: loaded.history,
    };
    upsertSummary(s);
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
    const lost = pending.filter((p) => p.scenarioId === id).length;
    if (lost === 0) return;
    pending = pending.filter((p) => p.scenarioId !== id);
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
    pending = pending.filter((p) => p.scenarioId !== id);
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

  function reportConflicts(conflicts: readonly Conflict[]): void {
    const [c] = conflicts;
    if (!c) return;
    if (c.reason === 'fields')
      deps.notify({ tone: 'info', key: 'sync.conflictFields', params: { name: c.name }, fields: c.fields });
    else
      deps.notify({
        tone: 'info',
        key: c.reason === 'deleted' ? 'sync.conflictDeleted' : 'sync.conflictExists',
        params: { name: c.name },
      });
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
    lastFailed.value = false;
    if (id !== stored.id) return;
    if (r.summary.epoch === stored.epoch && r.summary.revision === stored.revision + 1) {
      stored = {
        ...stored,
        state: applyEdit(stored.state, r.applied).state,
        revision: r.summary.revision,
        history: r.history,
      };
      if (shownAs && r.conflicts.length === 0 && deepEqual(r.applied, shownAs)) history.value = shownHistory();
      else render();
    } else await reloadShown();
    reportConflicts(r.conflicts);
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
    if (item && KEEPS_EDIT.has(failure)) {
      item.unsaved = failure;
      countUnsaved();
      deps.notify({
        tone: 'error',
        key: failure === 'version' ? 'storage.unsavedVersion' : 'storage.unsaved',
        params: { message },
        action: failure === 'version' ? 'reload' : 'retrySave',
        offerExport: true,
      });
      return;
    }
    if (item) pending = pending.filter((p) => p !== item);
    lastFailed.value = true;
    deps.notify({
      tone: 'error',
      key: failure === 'quota' ? 'storage.quotaFull' : 'storage.saveFailed',
      params: { message },
      ...(failure === 'quota' ? { offerExport: true } : {}),
    });
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
    pending = pending.filter((p) => p !== item);
    countUnsaved();
    await committed(item.scenarioId, r, shownAs);
    return true;
  }

  /** Commits an edit after the unsaved edits made before it to the same scenario, keeping their order. */
  async function writePending(item: Pending): Promise<boolean> {
    // dropped while it waited (its scenario was deleted): nothing to store
    if (!pending.includes(item)) return false;
    if (recreate && item.scenarioId === stored.id) {
      item.unsaved = 'missing';
      countUnsaved();
      return false;
    }
    for (const p of pendingOf(item.scenarioId)) {
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
    pending.push(item);
    batch(() => {
      scenario.value = { type: 'FeatureCollection', scenario: state.meta, features: state.features };
      history.value = shownHistory();
    });
    deps.onChanged();
    return enqueue(() => writePending(item), true);
  }

  /** Undo of an edit that was never stored: it is simply dropped from the screen. */
  function discardLastUnsaved(id: string): EditLabel | null {
    const mine = pendingOf(id);
    const last = mine[mine.length - 1];
    if (!last || last.unsaved === null) return null;
    pending = pending.filter((p) => p !== last);
    countUnsaved();
    render();
    return labelOf(last.local);
  }

  function step(direction: 'undo' | 'redo'): Promise<EditLabel | null> {
    const id = currentId();
    return enqueue(async () => {
      if (pendingOf(id).some((p) => p.unsaved !== null)) return direction === 'undo' ? discardLastUnsaved(id) : null;
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
      if (m.summary.epoch === stored.epoch && m.revision === stored.revision + 1) {
        stored = {
          ...stored,
          state: applyEdit(stored.state, m.applied).state,
          revision: m.revision,
          history: m.history,
        };
        upsertSummary(m.summary);
        render();
      } else await reloadShown();
      deps.notify({ tone: 'info', key: 'sync.remoteEdit', edit: labelOf(m.applied) });
    }, false);
  }

  const unlisten = channel.listen(receive);

  const createAndShow = (meta: ScenarioMeta, projects: readonly ProjectFeature[]): Promise<boolean> =>
    enqueue(async () => {
      try {
        await repo.createScenario(meta, projects);
      } catch (e: unknown) {
        lastFailed.value = true;
        deps.notify({ tone: 'error', key: 'storage.saveFailed', params: { message: storageErrorText(e) } });
        return false;
      }
      lastFailed.value = false;
      await refreshList();
      channel.post({ type: 'scenarios', from: deps.tabId });
      return show(meta.id);
    }, true);

  /** Tries again to store what could not be stored: the unsaved edits in order, or the whole scenario. */
  function retry(): Promise<boolean> {
    return enqueue(async () => {
      if (recreate) {
        const { meta, features } = recreate;
        try {
          await repo.createScenario(meta, features);
        } catch (e: unknown) {
          deps.notify({
            tone: 'error',
            key: 'storage.unsaved',
            params: { message: storageErrorText(e) },
            action: 'retrySave',
            offerExport: true,
          });
          return false;
        }
        recreate = null;
        pending = pending.filter((p) => p.scenarioId !== meta.id);
        countUnsaved();
        lastFailed.value = false;
        await refreshList();
        channel.post({ type: 'scenarios', from: deps.tabId });
        return show(meta.id);
      }
      for (const item of pending.filter((p) => p.unsaved !== null)) if (!(await attempt(item))) return false;
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
      saveStatus,
      /** Edits on screen that could not be stored. */
      unsavedCount: unsavedCount as ReadonlySignal<number>,
      lastSavedAt: lastSavedAt as ReadonlySignal<number | null>,
    },
    /** First run seeds the illustrative scenario; later runs show the stored one the planner last used. */
    async init(preferredId: string | null): Promise<void> {
      await enqueue(async () => {
        await repo.seedOnce(deps.seed.scenario, deps.seed.features);
        let list = await refreshList();
        if (list.length === 0) {
          // everything was lost or removed outside the app: start an empty scenario rather than re-seed
          await repo.createScenario(
            emptyMeta(deps.newId(), translate('zh', 'scenario.defaultName', { n: 1 }), deps.seed.scenario.planYear),
            [],
          );
          list = await refreshList();
        }
        const pick = list.find((s) => s.meta.id === preferredId) ?? list[0];
        if (pick) await show(pick.meta.id);
      }, false);
    },
    commit,
    undo: () => step('undo'),
    redo: () => step('redo'),
    retry,
    switchTo: (id: string): Promise<unknown> =>
      enqueue(async () => {
        if (!(await show(id))) await refreshList();
      }, false),
    create: (name: string) => createAndShow(emptyMeta(deps.newId(), name, scenario.peek().scenario.planYear), []),
    duplicate: (name: string) => {
      const cur = scenario.peek();
      const { nameEn, ...rest } = cur.scenario;
      return createAndShow({ ...rest, id: deps.newId(), name }, cur.features);
    },
    /** Deletes the shown scenario; resolves to what it held (to offer restoring it), or null. */
    remove: (): Promise<ScenarioCollection | null> => {
      const id = currentId();
      const held = scenario.peek();
      if (scenarios.peek().length <= 1) return Promise.resolve(null);
      return enqueue(async () => {
        try {
          // refused when another deletion (here or in another tab) got there first or left it the last one
          if (!(await repo.deleteScenario(id))) {
            await refreshList();
            return null;
          }
        } catch (e: unknown) {
          lastFailed.value = true;
          deps.notify({ tone: 'error', key: 'storage.saveFailed', params: { message: storageErrorText(e) } });
          return null;
        }
        pending = pending.filter((p) => p.scenarioId !== id);
        countUnsaved();
        const list = await refreshList();
        channel.post({ type: 'scenarios', from: deps.tabId });
        const next = list[0];
        if (next) await show(next.meta.id);
        return held;
      }, true);
    },
    /** Re-creates a deleted scenario from what it held (its undo history is not kept), in a new epoch. */
    restore: (held: ScenarioCollection): Promise<boolean> => createAndShow(held.scenario, held.features),
    /** Restores the illustrative scenario: one undoable edit if it exists, re-created if it was deleted. */
    async resetIllustrative(): Promise<boolean> {
      const seedId = deps.seed.scenario.id;
      if (!scenarios.peek().some((s) => s.meta.id === seedId))
        return createAndShow(deps.seed.scenario, deps.seed.features);
      if (currentId() !== seedId) await enqueue(() => show(seedId), false);
      const cur = scenario.peek();
      return commit(resetEdit(cur.features, cur.scenario, deps.seed.features, deps.seed.scenario));
    },
    /** Resolves when every queued write has finished (tests, and before closing). */
    flush: (): Promise<unknown> => queue,
    dispose: () => {
      unlisten();
      channel.close();
    },
  };
}

export type ScenarioStore = ReturnType<typeof createScenarioStore>;

export const emptyMeta = (id: string, name: string, planYear: number): ScenarioMeta => ({
  id,
  name,
  planYear,
  illustrative: false,
  schemaVersion: SCHEMA_VERSION,
});
