import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { forceCloseDatabase } from 'fake-indexeddb';

/** fake-indexeddb 6 declares it as taking the class, not a connection (its types.d.ts); it takes a connection. */
const forceClose = forceCloseDatabase as unknown as (db: IDBDatabase) => void;
import { createIdbRepository, DB_VERSION } from '../../src/persistence/idb';
import { createMemoryRepository } from '../../src/persistence/memory';
import { storageFailure, type Repository } from '../../src/persistence/repository';
import { DEFAULT_SETTINGS, parseSettings } from '../../src/core/settings/settings';
import { addProjectsEdit, deleteProjectsEdit, renameScenarioEdit, updateProjectEdit } from '../../src/core/edits/build';
import type { ProjectFeature, ScenarioMeta } from '../../src/core/model/project';
import { loadSeed } from './scenarioFixture';
import { loadIndex } from './reference';

const index = loadIndex();
const seed = loadSeed();
const meta = seed.scenario;
const projects = seed.features.slice(0, 10);
const first = projects[0] as ProjectFeature;
const other: ScenarioMeta = { ...meta, id: 'other', name: '方案B', illustrative: false };

let n = 0;
const dbName = (): string => `test-${++n}-${Date.now()}`;
let clock = 1_700_000_000_000;
const now = (): number => (clock += 1000);

type Make = () => Repository;

/**
 * A full disk as Chromium reports it: every request of the transaction succeeds, then the
 * transaction aborts as it commits (QuotaExceededError on `tx.error`, `tx.done` rejects), not a
 * synchronous throw from `put`. For fake-indexeddb this aborts the next read-write transaction at the
 * moment it would fire `complete`; its writes are rolled back.
 */
function failNextIdbCommit(): () => void {
  interface FakeTx {
    readonly mode: string;
    dispatchEvent(e: Event): boolean;
    _abort(name: string): void;
  }
  const proto = IDBTransaction.prototype as unknown as FakeTx;
  const original = Object.getOwnPropertyDescriptor(proto, 'dispatchEvent');
  let armed = true;
  const dispatch: (this: FakeTx, e: Event) => boolean = Reflect.get(proto, 'dispatchEvent');
  proto.dispatchEvent = function (this: FakeTx, event: Event): boolean {
    if (armed && event.type === 'complete' && this.mode === 'readwrite') {
      armed = false;
      this._abort('QuotaExceededError');
      return true;
    }
    return dispatch.call(this, event);
  };
  return () => {
    if (original) Object.defineProperty(proto, 'dispatchEvent', original);
    else delete (proto as { dispatchEvent?: unknown }).dispatchEvent;
  };
}

/** Each implementation, and a way to make the next write fail as it commits (a full disk). */
const implementations: [string, Make, (make: Make) => { repo: Repository; failNext: () => () => void }][] = [
  [
    'memory',
    () => createMemoryRepository(index, { now }),
    () => {
      let fail = false;
      const repo = createMemoryRepository(index, {
        now,
        onCommit: () => {
          if (!fail) return;
          fail = false;
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        },
      });
      return {
        repo,
        failNext: () => {
          fail = true;
          return () => undefined;
        },
      };
    },
  ],
  [
    'idb',
    () => createIdbRepository(index, { dbName: dbName(), now }),
    (make) => ({ repo: make(), failNext: failNextIdbCommit }),
  ],
];

const setSeats = (p: ProjectFeature, seats: number): ProjectFeature => ({
  ...p,
  properties: { ...p.properties, seats },
});
function edit(p: ProjectFeature, seats: number) {
  const e = updateProjectEdit(p, setSeats(p, seats));
  if (!e) throw new Error('expected an edit');
  return e;
}

describe.each(implementations)('Repository contract: %s', (_name, make, faulty) => {
  it('a full disk at commit time (the transaction aborts as it commits) writes nothing and says quota', async () => {
    const { repo, failNext } = faulty(make);
    await repo.createScenario(meta, projects);
    await repo.commit(meta.id, edit(first, 600));
    const restore = failNext();
    let error: unknown = null;
    try {
      await repo.commit(meta.id, edit(setSeats(first, 600), 700));
    } catch (e: unknown) {
      error = e;
    } finally {
      restore();
    }
    expect(storageFailure(error)).toBe('quota');
    expect(String(error)).toContain('QuotaExceededError');
    const loaded = await repo.loadScenario(meta.id);
    expect(loaded?.projects[0]?.properties.seats).toBe(600);
    expect(loaded?.history.undoCount).toBe(1);
    expect(loaded?.summary.revision).toBe(2);
    // and the next write goes through
    await repo.commit(meta.id, edit(setSeats(first, 600), 710));
    expect((await repo.loadScenario(meta.id))?.projects[0]?.properties.seats).toBe(710);
  });

  it('a scenario deleted and created again starts a new epoch', async () => {
    const repo = make();
    await repo.createScenario(meta, projects);
    await repo.createScenario(other, []);
    const one = (await repo.loadScenario(meta.id))?.summary;
    expect(await repo.deleteScenario(meta.id)).toBe(true);
    const two = await repo.createScenario(meta, projects);
    expect(two.revision).toBe(1);
    expect(two.epoch).not.toBe(one?.epoch);
    expect((await repo.commit(meta.id, edit(first, 5))).summary.epoch).toBe(two.epoch);
  });

  it('an edit to a scenario that is not stored fails as missing', async () => {
    const repo = make();
    let error: unknown = null;
    await repo.commit('nope', addProjectsEdit([first])).catch((e: unknown) => (error = e));
    expect(storageFailure(error)).toBe('missing');
  });

  it('returns nothing before anything is saved, then a copy of what was saved', async () => {
    const repo = make();
    expect(await repo.loadSettings()).toBeUndefined();
    const s = { ...DEFAULT_SETTINGS, basemap: 'tdtVector' as const, tiandituKey: 'abc' };
    await repo.saveSettings(s);
    const loaded = await repo.loadSettings();
    expect(parseSettings(loaded).settings).toEqual(s);
    expect(loaded).not.toBe(s);
    const view = {
      scenarioId: 'x',
      camera: { lon: 118.6, lat: 24.9, zoom: 10 },
      hidden: ['primary'],
      shown: ['catchments'],
      panels: { table: false, sidebar: true },
    };
    await repo.saveView(view);
    expect(await repo.loadView()).toEqual(view);
  });

  it('seeds the illustrative scenario on first run only, never again', async () => {
    const repo = make();
    expect(await repo.seedOnce(meta, projects)).toBe(true);
    expect(await repo.seedOnce(meta, projects)).toBe(false);
    await repo.createScenario(other, []);
    expect(await repo.deleteScenario(meta.id)).toBe(true);
    expect(await repo.seedOnce(meta, projects)).toBe(false);
    expect((await repo.listScenarios()).scenarios.map((s) => s.meta.id)).toEqual(['other']);
  });

  it('never deletes the last scenario, nor one that is not stored', async () => {
    const repo = make();
    await repo.createScenario(meta, projects);
    expect(await repo.deleteScenario(meta.id)).toBe(false);
    expect(await repo.deleteScenario('nope')).toBe(false);
    expect((await repo.loadScenario(meta.id))?.projects).toHaveLength(10);
  });

  it('lists scenarios with counts, seats and times, and loads their projects', async () => {
    const repo = make();
    await repo.createScenario(meta, projects);
    await repo.createScenario(other, []);
    const { scenarios, skipped } = await repo.listScenarios();
    expect(skipped).toBe(0);
    expect(scenarios.map((s) => [s.meta.id, s.projectCount])).toEqual([
      [meta.id, 10],
      ['other', 0],
    ]);
    expect(scenarios[0]?.seats).toBe(projects.reduce((s, p) => s + p.properties.seats, 0));
    const loaded = await repo.loadScenario(meta.id);
    expect(loaded?.projects).toEqual(projects);
    expect(loaded?.history).toEqual({ undo: null, redo: null, undoCount: 0, redoCount: 0 });
    await expect(repo.createScenario(other, [])).rejects.toThrow(/exists/);
  });

  it('commits an edit, names it for undo, and undo/redo walk it back and forth', async () => {
    const repo = make();
    await repo.createScenario(meta, projects);
    const before = (await repo.listScenarios()).scenarios[0];
    const r = await repo.commit(meta.id, edit(first, 999));
    expect(r.history.undo).toEqual({ kind: 'edit', subject: first.properties.name, count: 1 });
    expect(r.summary.revision).toBe((before?.revision ?? 0) + 1);
    expect(r.summary.modifiedAt).toBeGreaterThan(before?.modifiedAt ?? 0);
    expect(r.summary.seats).toBe((before?.seats ?? 0) - first.properties.seats + 999);
    const seatsOf = async () => (await repo.loadScenario(meta.id))?.projects[0]?.properties.seats;
    expect(await seatsOf()).toBe(999);
    const u = await repo.undo(meta.id);
    expect(u?.history).toMatchObject({ undoCount: 0, redoCount: 1, redo: { kind: 'edit' } });
    expect(await seatsOf()).toBe(first.properties.seats);
    await repo.redo(meta.id);
    expect(await seatsOf()).toBe(999);
    expect(await repo.redo(meta.id)).toBe(null);
    // a new edit after undo drops the redo branch
    await repo.undo(meta.id);
    const d = await repo.commit(meta.id, deleteProjectsEdit([first]));
    expect(d.history).toMatchObject({ undoCount: 1, redoCount: 0, undo: { kind: 'delete' } });
    expect(d.summary.projectCount).toBe(9);
  });

  it('renames through the history too', async () => {
    const repo = make();
    await repo.createScenario(meta, projects);
    const rename = renameScenarioEdit(meta, '我的方案');
    if (!rename) throw new Error('expected an edit');
    const r = await repo.commit(meta.id, rename);
    expect(r.summary.meta.name).toBe('我的方案');
    await repo.undo(meta.id);
    expect((await repo.listScenarios()).scenarios[0]?.meta.name).toBe(meta.name);
  });

  it('keeps only the last 500 edits per scenario', async () => {
    const repo = make();
    await repo.createScenario(meta, projects);
    let r;
    for (let i = 1; i <= 505; i++)
      r = await repo.commit(
        meta.id,
        edit({ ...first, properties: { ...first.properties, seats: i - 1 === 0 ? first.properties.seats : i - 1 } }, i),
      );
    expect(r?.history.undoCount).toBe(500);
    let undone = 0;
    while (await repo.undo(meta.id)) undone++;
    expect(undone).toBe(500);
    // the five oldest edits are gone: undoing everything stops at seats = 5
    expect((await repo.loadScenario(meta.id))?.projects[0]?.properties.seats).toBe(5);
  }, 60_000);

  it('deleting a scenario removes its projects and history and nothing else', async () => {
    const repo = make();
    await repo.createScenario(meta, projects);
    await repo.createScenario(other, [first]);
    await repo.commit('other', edit(first, 5));
    expect(await repo.deleteScenario('other')).toBe(true);
    expect(await repo.loadScenario('other')).toBe(null);
    expect((await repo.loadScenario(meta.id))?.projects).toHaveLength(10);
    // re-creating it starts clean
    await repo.createScenario(other, []);
    expect((await repo.loadScenario('other'))?.history.undoCount).toBe(0);
    expect((await repo.loadScenario('other'))?.projects).toEqual([]);
  });

  it('rejects edits to a scenario that does not exist', async () => {
    await expect(make().commit('nope', addProjectsEdit([first]))).rejects.toThrow(/not found/);
  });
});

describe('idb repository', () => {
  it('survives reopening the same database (a reload)', async () => {
    const name = dbName();
    const a = createIdbRepository(index, { dbName: name });
    await a.saveSettings({ ...DEFAULT_SETTINGS, basemap: 'osm' });
    await a.createScenario(meta, projects);
    await a.commit(meta.id, edit(first, 777));
    const b = createIdbRepository(index, { dbName: name });
    expect(parseSettings(await b.loadSettings()).settings.basemap).toBe('osm');
    const loaded = await b.loadScenario(meta.id);
    expect(loaded?.projects[0]?.properties.seats).toBe(777);
    expect(loaded?.history.undo?.kind).toBe('edit');
  });

  it('two tabs editing different fields of one project both keep their change', async () => {
    const name = dbName();
    const tabA = createIdbRepository(index, { dbName: name });
    const tabB = createIdbRepository(index, { dbName: name });
    await tabA.createScenario(meta, projects);
    await tabA.commit(meta.id, edit(first, 500));
    // tab B still shows the old project and edits its notes
    const notes = updateProjectEdit(first, { ...first, properties: { ...first.properties, notes: '乙' } });
    if (!notes) throw new Error('expected an edit');
    const r = await tabB.commit(meta.id, notes);
    expect(r.conflicts).toEqual([]);
    const p = (await tabA.loadScenario(meta.id))?.projects[0];
    expect([p?.properties.seats, p?.properties.notes]).toEqual([500, '乙']);
  });

  it('upgrades a version-1 database and keeps its settings', async () => {
    const name = dbName();
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('settings');
      },
    });
    await v1.put('settings', { version: 1, lang: 'en', basemap: 'osm', tiandituKey: '' }, 'app');
    v1.close();
    const repo = createIdbRepository(index, { dbName: name });
    expect(parseSettings(await repo.loadSettings()).settings).toMatchObject({ lang: 'en', basemap: 'osm' });
    expect(await repo.listScenarios()).toEqual({ scenarios: [], skipped: 0 });
    expect(await repo.seedOnce(meta, projects)).toBe(true);
    const db = await openDB(name);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['history', 'projects', 'scenarios', 'settings']);
    db.close();
  });

  it('reads records of schema version 1 (no ownership, investment, site) and skips corrupt ones', async () => {
    const name = dbName();
    const repo = createIdbRepository(index, { dbName: name });
    await repo.createScenario(meta, projects.slice(0, 2));
    const db = await openDB(name);
    const dropped = new Set(['ownership', 'investment', 'landArea', 'site']);
    const v1props = Object.fromEntries(Object.entries(first.properties).filter(([k]) => !dropped.has(k)));
    await db.put('projects', { scenarioId: meta.id, id: first.id, v: 1, feature: { ...first, properties: v1props } });
    await db.put('projects', {
      scenarioId: meta.id,
      id: 'bad',
      v: 2,
      feature: { type: 'Feature', properties: { seats: 'x' } },
    });
    await db.put('projects', { scenarioId: meta.id, id: 'future', v: 99, feature: first });
    await db.put('scenarios', { id: 'broken', v: 2, meta: 'garbage' });
    db.close();
    const loaded = await repo.loadScenario(meta.id);
    expect(loaded?.skipped).toBe(2);
    expect(loaded?.projects.find((p) => p.id === first.id)?.properties).toMatchObject({ ownership: null, site: null });
    expect((await repo.listScenarios()).skipped).toBe(1);
  });

  it('another tab holding an older version open: waits, says so, and carries on once it closes', async () => {
    const name = dbName();
    const old = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('settings');
      },
    }); // an old tab: no versionchange handler, so it never lets go by itself
    const events: boolean[] = [];
    const repo = createIdbRepository(index, { dbName: name, onBlocked: (b) => events.push(b) });
    let done = false;
    const loading = repo.listScenarios().then((r) => {
      done = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 30));
    expect(events).toEqual([true]);
    expect(done).toBe(false);
    old.close(); // the planner closes or reloads the old tab
    expect(await loading).toEqual({ scenarios: [], skipped: 0 });
    expect(events).toEqual([true, false]);
  });

  it('a connection closed under it (site data cleared, I/O error) is reopened once and the write retried', async () => {
    const name = dbName();
    const opened: IDBDatabase[] = [];
    const open = indexedDB.open.bind(indexedDB);
    indexedDB.open = (...args: Parameters<IDBFactory['open']>) => {
      const req = open(...args);
      req.addEventListener('success', () => opened.push(req.result));
      return req;
    };
    let terminated = 0;
    try {
      const repo = createIdbRepository(index, { dbName: name, onTerminated: () => terminated++ });
      await repo.createScenario(meta, projects);
      const db = opened.at(-1);
      if (!db) throw new Error('expected a connection');
      forceClose(db);
      await new Promise((r) => setTimeout(r, 10));
      expect(terminated).toBe(1);
      await repo.commit(meta.id, edit(first, 640));
      expect((await repo.loadScenario(meta.id))?.projects[0]?.properties.seats).toBe(640);
      expect(opened.length).toBe(2);
    } finally {
      indexedDB.open = open;
    }
  });

  it('a connection that keeps failing: one retry, then a classified connection error and nothing written', async () => {
    const name = dbName();
    const repo = createIdbRepository(index, { dbName: name });
    await repo.createScenario(meta, projects);
    const proto = IDBDatabase.prototype;
    const transaction: IDBDatabase['transaction'] = Reflect.get(proto, 'transaction');
    let calls = 0;
    proto.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
      if (args[1] === 'readwrite' && calls++ < 2)
        throw new DOMException('The database connection is closing.', 'InvalidStateError');
      return transaction.apply(this, args);
    };
    let error: unknown = null;
    try {
      await repo.commit(meta.id, edit(first, 650)).catch((e: unknown) => (error = e));
    } finally {
      proto.transaction = transaction;
    }
    expect(calls).toBe(2);
    expect(storageFailure(error)).toBe('connection');
    expect((await repo.loadScenario(meta.id))?.projects[0]?.properties.seats).toBe(first.properties.seats);
    // a single failure is healed by the retry
    calls = 1;
    proto.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
      if (args[1] === 'readwrite' && calls++ < 2)
        throw new DOMException('The database connection is closing.', 'InvalidStateError');
      return transaction.apply(this, args);
    };
    try {
      await repo.commit(meta.id, edit(first, 660));
    } finally {
      proto.transaction = transaction;
    }
    expect((await repo.loadScenario(meta.id))?.projects[0]?.properties.seats).toBe(660);
  });

  it('a newer version in another tab: writes already running commit, every later one is reported', async () => {
    const name = dbName();
    let told = 0;
    const repo = createIdbRepository(index, { dbName: name, onVersionChange: () => told++ });
    await repo.createScenario(meta, projects);
    const results: Promise<string>[] = [];
    const write = (seats: number): void => {
      results.push(
        repo.commit(meta.id, edit({ ...first, properties: { ...first.properties, seats: seats - 1 } }, seats)).then(
          () => 'stored',
          (e: unknown) => storageFailure(e),
        ),
      );
    };
    write(701);
    write(702);
    // the newer app opens version 3 while those writes are queued
    const newer = openDB(name, DB_VERSION + 1, { upgrade: () => undefined });
    write(703);
    const upgraded = await newer;
    write(704);
    const outcomes = await Promise.all(results);
    expect(told).toBe(1);
    // nothing silent: each write either committed or was reported as superseded by the new version
    for (const o of outcomes) expect(['stored', 'version']).toContain(o);
    expect(outcomes.at(-1)).toBe('version');
    const stored = (await upgraded.get('projects', [meta.id, first.id])) as { feature: ProjectFeature } | undefined;
    const lastStored = [701, 702, 703, 704].filter((_, i) => outcomes[i] === 'stored').at(-1) ?? first.properties.seats;
    expect(stored?.feature.properties.seats).toBe(lastStored);
    upgraded.close();
  });

  it('a failed write rejects and leaves nothing half-written', async () => {
    const name = dbName();
    const repo = createIdbRepository(index, { dbName: name });
    await repo.createScenario(meta, projects);
    await repo.commit(meta.id, edit(first, 600));
    const proto = IDBObjectStore.prototype;
    const put = Object.getOwnPropertyDescriptor(proto, 'put')?.value as IDBObjectStore['put'];
    proto.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'scenarios') throw new DOMException('quota', 'QuotaExceededError');
      return put.apply(this, args);
    };
    try {
      await expect(repo.commit(meta.id, edit(setSeats(first, 600), 700))).rejects.toThrow(/quota/);
    } finally {
      proto.put = put;
    }
    const loaded = await createIdbRepository(index, { dbName: name }).loadScenario(meta.id);
    expect(loaded?.projects[0]?.properties.seats).toBe(600);
    expect(loaded?.history.undoCount).toBe(1);
  });
});
