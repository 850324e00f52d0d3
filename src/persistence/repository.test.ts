import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';

import { createIdbRepository } from './idb';
import { createMemoryRepository } from './memory';
import { storageFailure, type Repository } from './repository';
import { DEFAULT_SETTINGS, parseSettings } from '../core/settings/settings';
import { addProjectsEdit, deleteProjectsEdit, renameScenarioEdit } from '../core/edits/build';
import {
  dbName,
  edit,
  first,
  index,
  meta,
  now,
  other,
  projects,
  setSeats,
} from '../../tests/helpers/repositoryFixture';

type Make = () => Repository;

/**
 * A full disk as Chromium reports it: every request of the transaction succeeds, then the
 * transaction aborts as it commits (QuotaExceededError on `tx.error`, `tx.done` rejects), not a
 * synchronous throw from `put`. For fake-indexeddb this aborts the next read-write transaction at the
 * moment it would fire `complete`; its writes are rolled back.
 */
function failNextIdbCommit(): () => void {
  const proto: IDBTransaction = IDBTransaction.prototype;
  const original = Object.getOwnPropertyDescriptor(proto, 'dispatchEvent');
  let armed = true;
  const dispatch: (this: IDBTransaction, e: Event) => boolean = Reflect.get(proto, 'dispatchEvent');
  proto.dispatchEvent = function (this: IDBTransaction, event: Event): boolean {
    if (armed && event.type === 'complete' && this.mode === 'readwrite') {
      armed = false;
      // fake-indexeddb's own abort, as a commit-time failure (not part of the IndexedDB interface)
      const abort: unknown = Reflect.get(this, '_abort');
      if (typeof abort !== 'function') throw new Error('fake-indexeddb changed: no _abort to fail a commit with');
      Reflect.apply(abort, this, ['QuotaExceededError']);
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
