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
import type { Repository, ScenarioSummary } from './repository';

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
  /** Called when a newer version of the app in another tab needs this connection closed. */
  readonly onVersionChange?: () => void;
  readonly now?: () => number;
}

/**
 * IndexedDB repository (idb). Each write is one transaction, resolved only once it has committed;
 * a failed transaction (quota, I/O) rejects and leaves nothing half-written.
 */
export function createIdbRepository(index: ReferenceIndex, options: IdbOptions = {}): Repository {
  const now = options.now ?? Date.now;
  let db: Promise<IDBPDatabase<Schema>> | null = null;
  const open = (): Promise<IDBPDatabase<Schema>> =>
    (db ??= openDB<Schema>(options.dbName ?? DB_NAME, DB_VERSION, {
      upgrade(database, oldVersion) {
        if (oldVersion < 1) database.createObjectStore('settings');
        if (oldVersion < 2) {
          database.createObjectStore('scenarios', { keyPath: 'id' });
          const projects = database.createObjectStore('projects', { keyPath: ['scenarioId', 'id'] });
          projects.createIndex('byScenario', 'scenarioId');
          database.createObjectStore('history', { keyPath: ['scenarioId', 'seq'] });
        }
      },
      blocking() {
        // a newer version is waiting in another tab: let it upgrade, and tell the planner to reload
        void db?.then((d) => d.close());
        db = null;
        options.onVersionChange?.();
      },
    }));

  async function write<T>(fn: (tx: WriteTx) => Promise<T>): Promise<T> {
    const tx = (await open()).transaction([...STORES], 'readwrite');
    try {
      const result = await fn(tx);
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

  async function putScenarioWithProjects(
    tx: WriteTx,
    meta: Parameters<Repository['createScenario']>[0],
    projects: Parameters<Repository['createScenario']>[1],
  ): Promise<ScenarioSummary> {
    const rec = newScenarioRecord(meta, projects, now());
    if (await tx.objectStore('scenarios').get(meta.id)) throw new Error(`scenario ${meta.id} already exists`);
    const store = tx.objectStore('projects');
    for (const p of projects) void store.put(projectRecord(meta.id, p));
    await tx.objectStore('scenarios').put(rec);
    return summaryOf(rec);
  }

  return {
    async loadSettings() {
      return (await open()).get('settings', SETTINGS_KEY);
    },
    async saveSettings(settings: Settings) {
      await write(async (tx) => {
        await tx.objectStore('settings').put(structuredClone(settings), SETTINGS_KEY);
      });
    },
    async loadView() {
      return (await open()).get('settings', VIEW_KEY);
    },
    async saveView(view: SavedView) {
      await write(async (tx) => {
        await tx.objectStore('settings').put(structuredClone(view), VIEW_KEY);
      });
    },
    async loadReference(key) {
      return (await open()).get('settings', `reference:${key}`);
    },
    async saveReference(key, value) {
      await write(async (tx) => {
        const store = tx.objectStore('settings');
        if (value === null || value === undefined) await store.delete(`reference:${key}`);
        else await store.put(structuredClone(value), `reference:${key}`);
      });
    },
    async listScenarios() {
      const raw = await (await open()).getAll('scenarios');
      const scenarios: ScenarioSummary[] = [];
      for (const r of raw) {
        const rec = parseScenarioRecord(r);
        if (rec) scenarios.push(summaryOf(rec));
      }
      scenarios.sort((a, b) => a.createdAt - b.createdAt || a.meta.id.localeCompare(b.meta.id));
      return { scenarios, skipped: raw.length - scenarios.length };
    },
    async loadScenario(id) {
      const tx = (await open()).transaction(['scenarios', 'projects', 'history'], 'readonly');
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
    },
    createScenario: (meta, projects) => write((tx) => putScenarioWithProjects(tx, meta, projects)),
    async deleteScenario(id) {
      await write(async (tx) => {
        await tx.objectStore('scenarios').delete(id);
        await tx.objectStore('projects').delete(scenarioRange(id));
        await tx.objectStore('history').delete(scenarioRange(id));
      });
    },
    seedOnce: (meta, projects) =>
      write(async (tx) => {
        if ((await tx.objectStore('settings').get(SEEDED_KEY)) !== undefined) return false;
        await tx.objectStore('settings').put({ at: now(), scenarioId: meta.id }, SEEDED_KEY);
        await putScenarioWithProjects(tx, meta, projects);
        return true;
      }),
    commit: (scenarioId, edit) => write((tx) => commitIn(txStore(tx), scenarioId, edit, index, now())),
    undo: (scenarioId) => write((tx) => stepIn(txStore(tx), scenarioId, 'undo', index, now())),
    redo: (scenarioId) => write((tx) => stepIn(txStore(tx), scenarioId, 'redo', index, now())),
  };
}
