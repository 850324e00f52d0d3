import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';

import { createIdbRepository, DB_VERSION } from './idb';
import { storageFailure } from './repository';
import { DEFAULT_SETTINGS, parseSettings } from '../core/settings/settings';
import { updateProjectEdit } from '../core/edits/build';
import type { ProjectFeature } from '../core/model/project';
import {
  dbName,
  edit,
  first,
  forceClose,
  index,
  meta,
  projects,
  setSeats,
} from '../../tests/helpers/repositoryFixture';

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

  it('opens while the reference data is still arriving; reading projects back and edits wait for it', async () => {
    const name = dbName();
    await createIdbRepository(index, { dbName: name }).createScenario(meta, projects);
    let arrive: (i: typeof index) => void = () => undefined;
    const later = new Promise<typeof index>((resolve) => (arrive = resolve));
    const repo = createIdbRepository(later, { dbName: name });
    // the database opens (and upgrades) without the index
    expect(await repo.loadSettings()).toBeUndefined();
    const seen: { loaded?: Awaited<ReturnType<typeof repo.loadScenario>> } = {};
    const loading = repo.loadScenario(meta.id).then((x) => (seen.loaded = x));
    const committing = repo.commit(meta.id, edit(first, 321));
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual({});
    arrive(index);
    await loading;
    await committing;
    expect(seen.loaded?.projects.length).toBe(projects.length);
    expect((await repo.loadScenario(meta.id))?.projects[0]?.properties.seats).toBe(321);
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
