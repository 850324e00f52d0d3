import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { ReferenceIndex } from '../core/geodata/reference';
import type { Settings } from '../core/settings/settings';
import type { SavedView } from '../core/settings/view';
import {
  commitIn,
  historyInfo,
  newScenarioRecord,
  parseProjectRecord,
  parseScenarioRecord,
  projectRecord,
  stepIn,
  summaryOf,
  type HistoryRecord,
  type ProjectRecord,
  type ScenarioRecord,
  type TxStore,
} from './records';
import { storageErrorText, storageFailure, StorageError, type Repository, type ScenarioSummary } from './repository';

/** Any failure as a StorageError that names its class and keeps the browser's own words. */
const classified = (e: unknown): StorageError =>
  e instanceof StorageError ? e : new StorageError(storageFailure(e), storageErrorText(e));

export const DB_NAME = 'qz-school-planning';
/**
 * 1: settings only (foundation). 2: adds scenarios, projects and history; settings are kept as they
 * were. Each upgrade step only adds; see `upgrade` below and the migration test.
 */
export const DB_VERSION = 2;

interface Schema extends DBSchema {
  settings: { key: string; value: unknown };
  scenarios: { key: string; value: ScenarioRecord };
  projects: { key: [string, string]; value: ProjectRecord; indexes: { byScenario: string } };
  history: { key: [string, number]; value: HistoryRecord };
}

const SETTINGS_KEY = 'app';
const VIEW_KEY = 'view';
const SEEDED_KEY = 'seeded';
const STORES = ['settings', 'scenarios', 'projects', 'history'] as const;

type WriteTx = IDBPTransaction<Schema, typeof STORES extends readonly (infer S)[] ? S[] : never, 'readwrite'>;

/** Every key of one scenario in a [scenarioId, …] keyed store: arrays sort after numbers and strings. */
const scenarioRange = (id: string): IDBKeyRange => IDBKeyRange.bound([id], [id, []]);

function txStore(tx: WriteTx): TxStore {
  const scenarios = tx.objectStore('scenarios');
  const projects = tx.objectStore('projects');
  const history = tx.objectStore('history');
  return {
    getScenario: (id) => scenarios.get(id),
    putScenario: async (r) => {
      await scenarios.put(r);
    },
    getProject: (sid, id) => projects.get([sid, id]),
    putProject: async (r) => {
      await projects.put(r);
    },
    deleteProject: (sid, id) => projects.delete([sid, id]),
    getEntry: (sid, seq) => history.get([sid, seq]),
    putEntry: async (r) => {
      await history.put(r);
    },
    deleteEntry: (sid, seq) => history.delete([sid, seq]),
  };
}

export interface IdbOptions {
  readonly dbName?: string;
  /** The schema version to open (tests open an older or newer one); DB_VERSION by default. */
  readonly version?: number;
  /**
   * A newer version of the app in another tab needs this connection closed to upgrade the database.
   * The connection is closed at once (transactions already running still finish); every later call
   * fails as a 'version' StorageError, so no write is lost silently.
   */
  readonly onVersionChange?: () => void;
  /**
   * Another tab holds the database open at an older version and keeps this one from opening it:
   * called with true while waiting, then with false the moment it can carry on.
   */
  readonly onBlocked?: (blocked: boolean) => void;
  /** The browser closed the connection abnormally (site data cleared, an I/O error). */
  readonly onTerminated?: () => void;
  readonly now?: () => number;
}

/**
 * IndexedDB repository (idb). Each write is one transaction, resolved only once it has committed;
 * a failed transaction (quota, I/O) rejects and leaves nothing half-written. A call that fails because
 * the connection was lost is retried once on a new connection; every failure reaches the caller as a
 * classified StorageError.
 */
export function createIdbRepository(
  index: ReferenceIndex | Promise<ReferenceIndex>,
  options: IdbOptions = {},
): Repository {
  const now = options.now ?? Date.now;
  // the page may open the database while its reference data is still arriving: only reading projects
  // back and applying edits need the index, and they wait for it
  let known = index instanceof Promise ? null : index;
  const indexed = Promise.resolve(index).then((i) => (known = i));
  indexed.catch(() => undefined); // the page reports data that cannot be read; calls here reject with it
  /** Synchronous once the index is known, so that writes start in the order they were asked for. */
  const withIndex = <T>(fn: (i: ReferenceIndex) => Promise<T>): Promise<T> => (known ? fn(known) : indexed.then(fn));
  let db: Promise<IDBPDatabase<Schema>> | null = null;
  /** Set once a newer version took the database over: nothing more is read or written here. */
  let superseded = false;

  function forget(): void {
    const old = db;
    db = null;
    void old?.then(
      (d) => d.close(),
      () => undefined,
    );
  }

  const open = (): Promise<IDBPDatabase<Schema>> => {
    if (db) return db;
    let wasBlocked = false;
    const opening = openDB<Schema>(options.dbName ?? DB_NAME, options.version ?? DB_VERSION, {
      upgrade(database, oldVersion) {
        if (oldVersion < 1) database.createObjectStore('settings');
        if (oldVersion < 2) {
          database.createObjectStore('scenarios', { keyPath: 'id' });
          const projects = database.createObjectStore('projects', { keyPath: ['scenarioId', 'id'] });
          projects.createIndex('byScenario', 'scenarioId');
          database.createObjectStore('history', { keyPath: ['scenarioId', 'seq'] });
        }
      },
      blocked() {
        wasBlocked = true;
        options.onBlocked?.(true);
      },
      blocking() {
        // a newer version is waiting in another tab: let it upgrade; what runs now still finishes
        superseded = true;
        forget();
        options.onVersionChange?.();
      },
      terminated() {
        if (db === opening) db = null;
        options.onTerminated?.();
      },
    });
    db = opening;
    opening.then(
      () => {
        if (wasBlocked) options.onBlocked?.(false);
      },
      () => {
        if (db === opening) db = null;
      },
    );
    return opening;
  };

  const supersededError = (): StorageError =>
    new StorageError('version', 'VersionError: a newer version of the app has upgraded the database in another tab');

  /** Runs a call; a lost connection gets one reopen and retry. Failures come out classified. */
  async function guarded<T>(run: () => Promise<T>): Promise<T> {
    if (superseded) throw supersededError();
    try {
      return await run();
    } catch (e: unknown) {
      if (superseded) throw supersededError();
      if (storageFailure(e) !== 'connection') throw classified(e);
      forget();
      try {
        return await run();
      } catch (again: unknown) {
        throw superseded ? supersededError() : classified(again);
      }
    }
  }

  const read = <T>(fn: (d: IDBPDatabase<Schema>) => Promise<T>): Promise<T> => guarded(async () => fn(await open()));

  async function attempt<T>(fn: (tx: WriteTx) => Promise<T>): Promise<T> {
    const tx = (await open()).transaction([...STORES], 'readwrite');
    try {
      const result = await fn(tx);
      // a full disk shows here: the browser aborts the transaction as it commits
      await tx.done;
      return result;
    } catch (e: unknown) {
      try {
        tx.abort();
      } catch {
        // already finished (aborted by the failure itself)
      }
      await tx.done.catch(() => undefined);
      throw e;
    }
  }

  const write = <T>(fn: (tx: WriteTx) => Promise<T>): Promise<T> => guarded(() => attempt(fn));

  async function putScenarioWithProjects(
    tx: WriteTx,
    meta: Parameters<Repository['createScenario']>[0],
    projects: Parameters<Repository['createScenario']>[1],
  ): Promise<ScenarioSummary> {
    const rec = newScenarioRecord(meta, projects, now());
    if (await tx.objectStore('scenarios').get(meta.id))
      throw new StorageError('other', `scenario ${meta.id} already exists`);
    const store = tx.objectStore('projects');
    for (const p of projects) void store.put(projectRecord(meta.id, p));
    await tx.objectStore('scenarios').put(rec);
    return summaryOf(rec);
  }

  return {
    durable: true,
    loadSettings: () => read((d) => d.get('settings', SETTINGS_KEY)),
    async saveSettings(settings: Settings) {
      await write(async (tx) => {
        await tx.objectStore('settings').put(structuredClone(settings), SETTINGS_KEY);
      });
    },
    loadView: () => read((d) => d.get('settings', VIEW_KEY)),
    async saveView(view: SavedView) {
      await write(async (tx) => {
        await tx.objectStore('settings').put(structuredClone(view), VIEW_KEY);
      });
    },
    loadReference: (key) => read((d) => d.get('settings', `reference:${key}`)),
    async saveReference(key, value) {
      await write(async (tx) => {
        const store = tx.objectStore('settings');
        if (value === null || value === undefined) await store.delete(`reference:${key}`);
        else await store.put(structuredClone(value), `reference:${key}`);
      });
    },
    listScenarios: () =>
      read(async (d) => {
        const raw = await d.getAll('scenarios');
        const scenarios: ScenarioSummary[] = [];
        for (const r of raw) {
          const rec = parseScenarioRecord(r);
          if (rec) scenarios.push(summaryOf(rec));
        }
        scenarios.sort((a, b) => a.createdAt - b.createdAt || a.meta.id.localeCompare(b.meta.id));
        return { scenarios, skipped: raw.length - scenarios.length };
      }),
    loadScenario: (id) =>
      withIndex((index) =>
        read(async (d) => {
          const tx = d.transaction(['scenarios', 'projects', 'history'], 'readonly');
          const rec = parseScenarioRecord(await tx.objectStore('scenarios').get(id));
          if (!rec) return null;
          const raw = await tx.objectStore('projects').index('byScenario').getAll(id);
          const projects = [];
          for (const r of raw) {
            const p = parseProjectRecord(r, index);
            if (p) projects.push(p);
          }
          const history = tx.objectStore('history');
          const info = await historyInfo({ getEntry: (sid, seq) => history.get([sid, seq]) }, id, rec.history, index);
          await tx.done;
          return { summary: summaryOf(rec), projects, history: info, skipped: raw.length - projects.length };
        }),
      ),
    createScenario: (meta, projects) => write((tx) => putScenarioWithProjects(tx, meta, projects)),
    deleteScenario: (id) =>
      write(async (tx) => {
        const scenarios = tx.objectStore('scenarios');
        if ((await scenarios.getKey(id)) === undefined || (await scenarios.count()) <= 1) return false;
        await scenarios.delete(id);
        await tx.objectStore('projects').delete(scenarioRange(id));
        await tx.objectStore('history').delete(scenarioRange(id));
        return true;
      }),
    seedOnce: (meta, projects) =>
      write(async (tx) => {
        if ((await tx.objectStore('settings').get(SEEDED_KEY)) !== undefined) return false;
        await tx.objectStore('settings').put({ at: now(), scenarioId: meta.id }, SEEDED_KEY);
        await putScenarioWithProjects(tx, meta, projects);
        return true;
      }),
    commit: (scenarioId, edit) =>
      withIndex((index) => write((tx) => commitIn(txStore(tx), scenarioId, edit, index, now()))),
    undo: (scenarioId) => withIndex((index) => write((tx) => stepIn(txStore(tx), scenarioId, 'undo', index, now()))),
    redo: (scenarioId) => withIndex((index) => write((tx) => stepIn(txStore(tx), scenarioId, 'redo', index, now()))),
  };
}
