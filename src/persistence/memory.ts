import type { ReferenceIndex } from '../core/geodata/reference';
import type { ProjectFeature, ScenarioMeta } from '../core/model/project';
import {
  commitIn,
  historyInfo,
  newScenarioRecord,
  parseProjectRecord,
  parseScenarioRecord,
  projectRecord,
  stepIn,
  summaryOf,
  type TxStore,
} from './records';
import { StorageError, type Repository, type ScenarioSummary } from './repository';

const DELETED = Symbol('deleted');
const key = (...parts: (string | number)[]): string => parts.join('\u0000');

/** The write operations of a repository, named for the commit hook. */
export type WriteOp =
  | 'saveSettings'
  | 'saveView'
  | 'saveReference'
  | 'createScenario'
  | 'deleteScenario'
  | 'seedOnce'
  | 'commit'
  | 'undo'
  | 'redo';

export interface MemoryOptions {
  readonly now?: () => number;
  /** Raw records to start from, as an IndexedDB export would hold them (for tests). */
  readonly initial?: { readonly settings?: unknown };
  /**
   * Whether to present this store as durable. False by default: it is the fallback when the browser
   * offers no IndexedDB, and what it holds is gone with the page. Tests that stand it in for
   * IndexedDB set true.
   */
  readonly durable?: boolean;
  /**
   * Called as each write commits: after its work, before anything is applied. It may wait (a slow
   * disk) or throw (a full disk, a lost connection); when it throws, nothing of that write is applied,
   * as when a browser aborts an IndexedDB transaction at commit time.
   */
  readonly onCommit?: (op: WriteOp) => void | Promise<void>;
}

/**
 * In-memory repository: for tests, and the fallback when IndexedDB is unavailable (private mode).
 * Writes are staged and applied only when the whole operation succeeds, like a transaction.
 */
export function createMemoryRepository(index: ReferenceIndex, options: MemoryOptions = {}): Repository {
  const now = options.now ?? Date.now;
  const kv = new Map<string, unknown>();
  if (options.initial?.settings !== undefined) kv.set('settings', structuredClone(options.initial.settings));
  const scenarios = new Map<string, unknown>();
  const projects = new Map<string, Map<string, unknown>>();
  const history = new Map<string, unknown>();
  let queue: Promise<unknown> = Promise.resolve();

  function applyStaged(staged: ReadonlyMap<string, unknown>): void {
    for (const [k, v] of staged) {
      const [store, a = '', b = ''] = k.split('\u0000');
      if (store === 's') {
        if (v === DELETED) scenarios.delete(a);
        else scenarios.set(a, v);
      } else if (store === 'p') {
        let m = projects.get(a);
        if (!m) {
          m = new Map<string, unknown>();
          projects.set(a, m);
        }
        if (v === DELETED) m.delete(b);
        else m.set(b, v);
      } else if (v === DELETED) history.delete(key(a, b));
      else history.set(key(a, b), v);
    }
  }

  /**
   * Runs fn against a staging layer, then applies its writes (and the changes it asked for with
   * `atCommit`) at once; serialised like IndexedDB read-write transactions.
   */
  function write<T>(op: WriteOp, fn: (tx: TxStore, atCommit: (change: () => void) => void) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      const staged = new Map<string, unknown>();
      const later: (() => void)[] = [];
      const read = (k: string, base: () => unknown): unknown => {
        const v = staged.has(k) ? staged.get(k) : base();
        return v === DELETED || v === undefined ? undefined : structuredClone(v);
      };
      const tx: TxStore = {
        getScenario: (id) => Promise.resolve(read(key('s', id), () => scenarios.get(id))),
        putScenario: (r) => Promise.resolve(void staged.set(key('s', r.id), structuredClone(r))),
        getProject: (sid, id) => Promise.resolve(read(key('p', sid, id), () => projects.get(sid)?.get(id))),
        putProject: (r) => Promise.resolve(void staged.set(key('p', r.scenarioId, r.id), structuredClone(r))),
        deleteProject: (sid, id) => Promise.resolve(void staged.set(key('p', sid, id), DELETED)),
        getEntry: (sid, seq) => Promise.resolve(read(key('h', sid, seq), () => history.get(key(sid, seq)))),
        putEntry: (r) => Promise.resolve(void staged.set(key('h', r.scenarioId, r.seq), structuredClone(r))),
        deleteEntry: (sid, seq) => Promise.resolve(void staged.set(key('h', sid, seq), DELETED)),
      };
      const result = await fn(tx, (change) => later.push(change));
      await options.onCommit?.(op);
      applyStaged(staged);
      for (const change of later) change();
      return result;
    };
    const p = queue.then(run, run);
    queue = p.catch(() => undefined);
    return p;
  }

  const create = (tx: TxStore, meta: ScenarioMeta, list: readonly ProjectFeature[]): Promise<ScenarioSummary> =>
    (async () => {
      if (await tx.getScenario(meta.id)) throw new StorageError('other', `scenario ${meta.id} already exists`);
      const rec = newScenarioRecord(meta, list, now());
      for (const p of list) await tx.putProject(projectRecord(meta.id, p));
      await tx.putScenario(rec);
      return summaryOf(rec);
    })();

  /** A settings-store write: one key set (or removed, for null) when the write commits. */
  const putKey = (op: WriteOp, k: string, value: unknown): Promise<void> =>
    write(op, (_tx, atCommit) => {
      const copy = value === null || value === undefined ? undefined : structuredClone(value);
      atCommit(() => (copy === undefined ? kv.delete(k) : kv.set(k, copy)));
      return Promise.resolve();
    });

  return {
    durable: options.durable ?? false,
    loadSettings: () => Promise.resolve(structuredClone(kv.get('settings'))),
    saveSettings: (settings) => putKey('saveSettings', 'settings', settings),
    loadView: () => Promise.resolve(structuredClone(kv.get('view'))),
    saveView: (view) => putKey('saveView', 'view', view),
    loadReference: (k) => Promise.resolve(structuredClone(kv.get(`reference:${k}`))),
    saveReference: (k, value) => putKey('saveReference', `reference:${k}`, value),
    listScenarios: () => {
      const list: ScenarioSummary[] = [];
      for (const raw of scenarios.values()) {
        const rec = parseScenarioRecord(raw);
        if (rec) list.push(summaryOf(rec));
      }
      list.sort((a, b) => a.createdAt - b.createdAt || a.meta.id.localeCompare(b.meta.id));
      return Promise.resolve({ scenarios: list, skipped: scenarios.size - list.length });
    },
    async loadScenario(id) {
      const rec = parseScenarioRecord(scenarios.get(id));
      if (!rec) return null;
      const raw = [...(projects.get(id)?.values() ?? [])];
      const list: ProjectFeature[] = [];
      for (const r of raw) {
        const p = parseProjectRecord(structuredClone(r), index);
        if (p) list.push(p);
      }
      list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const info = await historyInfo(
        { getEntry: (sid, seq) => Promise.resolve(structuredClone(history.get(key(sid, seq)))) },
        id,
        rec.history,
        index,
      );
      return { summary: summaryOf(rec), projects: list, history: info, skipped: raw.length - list.length };
    },
    createScenario: (meta, list) => write('createScenario', (tx) => create(tx, meta, list)),
    deleteScenario: (id) =>
      write('deleteScenario', (_tx, atCommit) => {
        if (!scenarios.has(id) || scenarios.size <= 1) return Promise.resolve(false);
        atCommit(() => {
          scenarios.delete(id);
          projects.delete(id);
          for (const k of [...history.keys()]) if (k.startsWith(key(id, ''))) history.delete(k);
        });
        return Promise.resolve(true);
      }),
    seedOnce: (meta, list) =>
      write('seedOnce', async (tx, atCommit) => {
        if (kv.has('seeded')) return false;
        await create(tx, meta, list);
        atCommit(() => kv.set('seeded', { at: now(), scenarioId: meta.id }));
        return true;
      }),
    commit: (sid, edit) => write('commit', (tx) => commitIn(tx, sid, edit, index, now())),
    undo: (sid) => write('undo', (tx) => stepIn(tx, sid, 'undo', index, now())),
    redo: (sid) => write('redo', (tx) => stepIn(tx, sid, 'redo', index, now())),
  };
}
