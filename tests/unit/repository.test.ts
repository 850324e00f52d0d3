import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { createIdbRepository, DB_VERSION } from '../../src/persistence/idb';
import { createMemoryRepository } from '../../src/persistence/memory';
import type { Repository } from '../../src/persistence/repository';
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
const implementations: [string, Make][] = [
  ['memory', () => createMemoryRepository(index, { now })],
  ['idb', () => createIdbRepository(index, { dbName: dbName(), now })],
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

describe.each(implementations)('Repository contract: %s', (_name, make) => {
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
    };
    await repo.saveView(view);
    expect(await repo.loadView()).toEqual(view);
  });

  it('seeds the illustrative scenario on first run only, never again', async () => {
    const repo = make();
    expect(await repo.seedOnce(meta, projects)).toBe(true);
    expect(await repo.seedOnce(meta, projects)).toBe(false);
    await repo.deleteScenario(meta.id);
    expect(await repo.seedOnce(meta, projects)).toBe(false);
    expect((await repo.listScenarios()).scenarios).toEqual([]);
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
    await repo.deleteScenario('other');
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
