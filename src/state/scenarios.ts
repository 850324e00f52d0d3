import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import { applyToFeatures, rebaseEdit, type Conflict } from '../core/edits/apply';
import { resetEdit } from '../core/edits/build';
import { labelOf, type EditLabel } from '../core/edits/describe';
import { isEmptyEdit, type Edit } from '../core/edits/edit';
import type { ReferenceIndex } from '../core/geodata/reference';
import { translate, type MessageKey, type Params } from '../core/i18n/translate';
import { SCHEMA_VERSION, type ProjectFeature, type ScenarioCollection, type ScenarioMeta } from '../core/model/project';
import { NO_HISTORY, type HistoryInfo, type Repository, type ScenarioSummary } from '../persistence/repository';
import type { TabChannel, TabMessage } from './tabs';

export type SaveStatus = 'saved' | 'saving' | 'error';

export interface NoticeRequest {
  readonly tone: 'info' | 'error';
  readonly key: MessageKey;
  readonly params?: Params;
  /** Named in the planner's language when shown: the {edit} placeholder. */
  readonly edit?: EditLabel;
  /** Project fields, named in the planner's language when shown: the {fields} placeholder. */
  readonly fields?: readonly string[];
  /** A button offered with the notice. */
  readonly action?: 'undo' | 'restoreScenario';
}

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
  /** Tells the app an edit changed projects (from this tab, undo/redo or another tab). */
  readonly onApplied: (edit: Edit) => void;
}

/** User-timing measures ("qz:commit", "qz:load-scenario") for the benchmark and the browser's profiler. */
function timed<T>(name: string, run: () => Promise<T>): Promise<T> {
  if (typeof performance === 'undefined') return run();
  const start = performance.now();
  return run().finally(() => {
    performance.measure(name, { start, end: performance.now() });
  });
}

const errorText = (e: unknown): string => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

/**
 * The scenarios and the shown scenario's projects. The repository is the source of truth: edits are
 * shown at once (optimistically), committed one at a time in order, and the shown state is reloaded
 * from the repository whenever it may have drifted (a failed write, a conflict, a missed message).
 */
export function createScenarioStore(deps: ScenarioStoreDeps) {
  const { repository: repo, channel } = deps;
  const scenarios = signal<readonly ScenarioSummary[]>([]);
  const scenario = signal<ScenarioCollection>(deps.seed);
  const history = signal<HistoryInfo>(NO_HISTORY);
  const saveStatus = signal<SaveStatus>('saved');
  const lastSavedAt = signal<number | null>(null);
  const byId = computed(() => new Map(scenario.value.features.map((p) => [p.id, p])));
  const summary = computed(() => scenarios.value.find((s) => s.meta.id === scenario.value.scenario.id) ?? null);
  /** The revision of the shown scenario as this tab last saw it in the repository. */
  let knownRevision = 0;
  let writes = 0;
  let queue: Promise<unknown> = Promise.resolve();

  /** Serialises every repository call, so edits commit in the order the planner made them. */
  function enqueue<T>(fn: () => Promise<T>, write: boolean): Promise<T> {
    if (write) {
      writes++;
      saveStatus.value = 'saving';
    }
    const p = queue.then(fn);
    queue = p.then(
      () => undefined,
      () => undefined,
    );
    if (!write) return p;
    return p.then(
      (v) => {
        if (--writes === 0) {
          saveStatus.value = 'saved';
          lastSavedAt.value = Date.now();
        }
        return v;
      },
      (e: unknown) => {
        writes--;
        saveStatus.value = 'error';
        throw e;
      },
    );
  }

  const currentId = (): string => scenario.peek().scenario.id;

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

  /** Reads a scenario from the repository and shows it (not queued: callers run it inside the queue). */
  async function show(id: string): Promise<boolean> {
    const loaded = await timed('qz:load-scenario', () => repo.loadScenario(id));
    if (!loaded) return false;
    batch(() => {
      scenario.value = { type: 'FeatureCollection', scenario: loaded.summary.meta, features: loaded.projects };
      history.value = loaded.history;
      upsertSummary(loaded.summary);
    });
    knownRevision = loaded.summary.revision;
    deps.onSwitched(id);
    if (loaded.skipped > 0)
      deps.notify({ tone: 'error', key: 'storage.skippedProjects', params: { count: loaded.skipped } });
    return true;
  }

  const reload = (): Promise<unknown> => enqueue(() => show(currentId()), false);

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

  /** After a repository call returns: adopt its bookkeeping, and reload if anything drifted. */
  function adopt(
    id: string,
    r: { summary: ScenarioSummary; history: HistoryInfo; applied: Edit; conflicts: readonly Conflict[] },
    before: number,
  ): void {
    batch(() => {
      upsertSummary(r.summary);
      if (currentId() === id) history.value = r.history;
    });
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
    if (currentId() !== id) return;
    const drifted = r.summary.revision !== before + 1 || r.conflicts.length > 0;
    knownRevision = r.summary.revision;
    reportConflicts(r.conflicts);
    if (drifted) void reload();
  }

  /** Puts an already rebased edit on screen and tells the app (selection, checked rows). */
  function showApplied(edit: Edit): void {
    const cur = scenario.peek();
    scenario.value = {
      type: 'FeatureCollection',
      scenario: edit.meta?.after ?? cur.scenario,
      features: applyToFeatures(cur.features, edit),
    };
    deps.onApplied(edit);
  }

  /** A write failed: say so; the caller decides whether the shown state must be reloaded. */
  const reportFailure = (e: unknown): void =>
    deps.notify({ tone: 'error', key: 'storage.saveFailed', params: { message: errorText(e) } });

  /** Shows an edit at once and commits it; on failure, reports it and reloads what is stored. */
  function commit(edit: Edit): Promise<boolean> {
    const id = currentId();
    const cur = scenario.peek();
    const local = rebaseEdit(edit, byId.peek(), cur.scenario).edit;
    if (isEmptyEdit(local)) return Promise.resolve(false);
    // the undo button names the new edit at once; the repository's answer confirms it
    const h = history.peek();
    history.value = { undo: labelOf(local), redo: null, undoCount: h.undoCount + 1, redoCount: 0 };
    showApplied(local);
    return enqueue(async () => {
      const before = knownRevision;
      const r = await timed('qz:commit', () => repo.commit(id, edit));
      adopt(id, r, before);
      return true;
    }, true).catch((e: unknown) => {
      reportFailure(e);
      void reload();
      return false;
    });
  }

  function step(direction: 'undo' | 'redo'): Promise<EditLabel | null> {
    const id = currentId();
    return enqueue(async () => {
      const before = knownRevision;
      const r = direction === 'undo' ? await repo.undo(id) : await repo.redo(id);
      if (!r) return null;
      if (currentId() === id && !isEmptyEdit(r.applied)) showApplied(r.applied);
      adopt(id, r, before);
      if (r.skippedEntry) deps.notify({ tone: 'error', key: 'storage.skippedEntry' });
      return labelOf(r.applied);
    }, true).catch((e: unknown) => {
      reportFailure(e);
      void reload();
      return null;
    });
  }

  /** Another tab committed: apply its edit directly when it is the next revision, else reload. */
  function receive(m: TabMessage): void {
    if (m.from === deps.tabId) return;
    if (m.type === 'scenarios') {
      void enqueue(async () => {
        const list = await refreshList();
        if (!list.some((s) => s.meta.id === currentId()) && list[0]) {
          deps.notify({ tone: 'info', key: 'sync.scenarioDeleted' });
          await show(list[0].meta.id);
        }
      }, false);
      return;
    }
    void enqueue(async () => {
      if (m.scenarioId !== currentId()) {
        await refreshList();
        return;
      }
      if (m.revision <= knownRevision) return;
      if (m.revision === knownRevision + 1 && writes === 0) {
        knownRevision = m.revision;
        history.value = m.history;
        upsertSummary(m.summary);
        showApplied(m.applied);
      } else await show(m.scenarioId);
      deps.notify({ tone: 'info', key: 'sync.remoteEdit', edit: labelOf(m.applied) });
    }, false);
  }

  const unlisten = channel.listen(receive);

  const createAndShow = (meta: ScenarioMeta, projects: readonly ProjectFeature[]): Promise<boolean> =>
    enqueue(async () => {
      await repo.createScenario(meta, projects);
      await refreshList();
      channel.post({ type: 'scenarios', from: deps.tabId });
      return show(meta.id);
    }, true).catch((e: unknown) => {
      reportFailure(e);
      return false;
    });

  return {
    state: {
      scenarios: scenarios as ReadonlySignal<readonly ScenarioSummary[]>,
      scenario: scenario as ReadonlySignal<ScenarioCollection>,
      byId: byId as ReadonlySignal<ReadonlyMap<string, ProjectFeature>>,
      summary,
      history: history as ReadonlySignal<HistoryInfo>,
      saveStatus: saveStatus as ReadonlySignal<SaveStatus>,
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
    switchTo: (id: string): Promise<unknown> =>
      enqueue(async () => {
        if (!(await show(id))) await refreshList();
      }, false),
    create: (name: string) => createAndShow(emptyMeta(deps.newId(), name, scenario.peek().scenario.planYear), []),
    duplicate: (name: string) => {
      const cur = scenario.peek();
      const meta: Record<string, unknown> = { ...cur.scenario, id: deps.newId(), name };
      delete meta.nameEn;
      return createAndShow(meta as unknown as ScenarioMeta, cur.features);
    },
    /** Deletes the shown scenario; resolves to what it held (to offer restoring it), or null. */
    remove: (): Promise<ScenarioCollection | null> => {
      const id = currentId();
      const held = scenario.peek();
      if (scenarios.peek().length <= 1) return Promise.resolve(null);
      return enqueue(async () => {
        await repo.deleteScenario(id);
        const list = await refreshList();
        channel.post({ type: 'scenarios', from: deps.tabId });
        const next = list[0];
        if (next) await show(next.meta.id);
        return held;
      }, true).catch((e: unknown) => {
        reportFailure(e);
        return null;
      });
    },
    /** Re-creates a deleted scenario from what it held (its undo history is not kept). */
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
