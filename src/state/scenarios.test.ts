import { describe, expect, it } from 'vitest';
import { createMemoryRepository } from '../persistence/memory';
import type { Repository } from '../persistence/repository';
import { createChannelHub } from './tabs';
import {
  index,
  seed,
  SEED_ID,
  disk,
  tab,
  slowAnswers,
  heldChannel,
  tick,
  settle,
  shown,
  seatsEdit,
  expectShownIsStored,
} from '../../tests/helpers/scenarioTabs';

describe('scenario store: what is shown is what is stored', () => {
  it('keeps an edit on screen when another tab’s message is heard while an earlier commit is slow', async () => {
    // the defect: B's second edit (seats → 333) was replaced on screen by a reload that read storage
    // before the edit was committed, and nothing brought it back, while the header said 已保存
    const repo = createMemoryRepository(index, { durable: true });
    const slow = slowAnswers(repo);
    const hub = createChannelHub();
    const a = tab(repo, hub(), 'A');
    const b = tab(slow.repo, hub(), 'B');
    await a.store.init(null);
    await b.store.init(null);
    const [p0, p1] = seed.features;
    if (!p0 || !p1) throw new Error('seed too small');
    slow.holdNext();
    const edit1 = b.store.commit(seatsEdit(p0, 300)); // 1. committed, but the answer is slow to come back
    await slow.held();
    await a.store.commit(seatsEdit(p1, 111)); // 2. A commits another project and posts its message
    await tick(); // 3. B hears it while edit 1 is in flight, and queues its handling behind it
    const cur = b.store.state.byId.value.get(p0.id);
    if (!cur) throw new Error('missing project');
    const edit2 = b.store.commit(seatsEdit(cur, 333)); // 4. shown at once
    expect(b.store.state.byId.value.get(p0.id)?.properties.seats).toBe(333);
    slow.release();
    expect([await edit1, await edit2]).toEqual([true, true]);
    await settle([a.store, b.store]);
    expect((await repo.loadScenario(SEED_ID))?.projects.find((p) => p.id === p0.id)?.properties.seats).toBe(333);
    expect(b.store.state.byId.value.get(p0.id)?.properties.seats).toBe(333);
    expect(b.store.state.byId.value.get(p1.id)?.properties.seats).toBe(111);
    expect(b.store.state.saveStatus.value).toBe('saved');
    await expectShownIsStored(repo, b.store);
    await expectShownIsStored(repo, a.store);
  });

  it('keeps an edit on screen that was made while a reload after a failed write was queued', async () => {
    const d = disk();
    const repo = createMemoryRepository(index, { durable: true, onCommit: d.onCommit });
    const { store, notices } = tab(repo, createChannelHub()(), 'A');
    await store.init(null);
    const [p0, p1] = seed.features;
    if (!p0 || !p1) throw new Error('seed too small');
    d.next('quota');
    expect(await store.commit(seatsEdit(p1, 302))).toBe(false); // refused: taken back, storage read again
    const later = store.commit(seatsEdit(p0, 303)); // made before that reload has run
    expect(shown(store)?.properties.seats).toBe(303);
    expect(await later).toBe(true);
    await settle([store]);
    expect(store.state.byId.value.get(p0.id)?.properties.seats).toBe(303);
    expect(store.state.byId.value.get(p1.id)?.properties.seats).toBe(p1.properties.seats);
    expect(notices.map((n) => n.key)).toContain('storage.quotaFull');
    await expectShownIsStored(repo, store);
    expect(store.state.saveStatus.value).toBe('saved');
  });

  it('keeps an edit on screen that was made while a reload after a revision gap was queued', async () => {
    const repo = createMemoryRepository(index, { durable: true });
    const hub = createChannelHub();
    const a = tab(repo, hub(), 'A');
    const muted = heldChannel(hub());
    const b = tab(repo, muted.channel, 'B');
    await a.store.init(null);
    await b.store.init(null);
    const [p0, p1] = seed.features;
    if (!p0 || !p1) throw new Error('seed too small');
    muted.hold();
    await a.store.commit(seatsEdit(p1, 111)); // B never hears of it: its next commit finds a gap
    expect(await b.store.commit(seatsEdit(p0, 300))).toBe(true);
    const cur = b.store.state.byId.value.get(p0.id);
    if (!cur) throw new Error('missing project');
    const edit2 = b.store.commit(seatsEdit(cur, 333)); // made before the reload the gap asked for has run
    expect(await edit2).toBe(true);
    await settle([a.store, b.store]);
    expect(b.store.state.byId.value.get(p0.id)?.properties.seats).toBe(333);
    expect(b.store.state.byId.value.get(p1.id)?.properties.seats).toBe(111);
    await expectShownIsStored(repo, b.store);
  });

  /**
   * B shows the seed scenario at revision 4 (A edited it three times); then, while B hears nothing, A
   * deletes it, restores it (revision 1 again, in a new epoch) and edits it to 444 (revision 2).
   */
  async function recreatedBehindB() {
    const repo = createMemoryRepository(index, { durable: true });
    const hub = createChannelHub();
    const a = tab(repo, hub(), 'A');
    const held = heldChannel(hub());
    const b = tab(repo, held.channel, 'B');
    await a.store.init(null);
    await a.store.create('第二个方案');
    await a.store.switchTo(SEED_ID);
    await b.store.init(SEED_ID);
    const [p0] = seed.features;
    if (!p0) throw new Error('seed too small');
    const edit = async (seats: number): Promise<void> => {
      const cur = a.store.state.byId.value.get(p0.id);
      if (!cur) throw new Error('missing project');
      await a.store.commit(seatsEdit(cur, seats));
    };
    for (const seats of [310, 320, 330]) await edit(seats);
    held.deliver();
    await settle([a.store, b.store]);
    expect(b.store.state.byId.value.get(p0.id)?.properties.seats).toBe(330);
    held.hold();
    const before = a.store.state.scenario.value;
    await a.store.remove();
    await a.store.restore(before);
    await edit(444);
    return { repo, a, b, held, p0, edit };
  }

  it('notices a scenario deleted and re-created under the same id (a new epoch), whatever its revision', async () => {
    const { repo, a, b, held, p0, edit } = await recreatedBehindB();
    // only the last message reaches B (the others were lost): revision 2 < 4, but a new epoch
    held.deliver((m) => m.type === 'commit');
    await settle([a.store, b.store]);
    expect(b.store.state.byId.value.get(p0.id)?.properties.seats).toBe(444);
    await expectShownIsStored(repo, b.store);
    // and it keeps applying A's edits from there
    held.open();
    await edit(445);
    await settle([a.store, b.store]);
    expect(b.store.state.byId.value.get(p0.id)?.properties.seats).toBe(445);
  });

  it('revisions of a re-created scenario are compared within its epoch only (every message heard late)', async () => {
    const { repo, a, b, held, p0 } = await recreatedBehindB();
    held.deliver(); // all of them, late: by then the scenario exists again
    await settle([a.store, b.store]);
    expect(b.store.state.scenario.value.scenario.id).toBe(SEED_ID);
    expect(b.store.state.byId.value.get(p0.id)?.properties.seats).toBe(444);
    await expectShownIsStored(repo, b.store);
  });
});

describe('scenario store: storage faults', () => {
  it('a lost connection keeps the edits on screen, marked unsaved, in order; retry stores them', async () => {
    const d = disk();
    const repo = createMemoryRepository(index, { durable: true, onCommit: d.onCommit });
    const t = tab(repo, createChannelHub()(), 'A');
    await t.store.init(null);
    const [p0, p1] = seed.features;
    if (!p0 || !p1) throw new Error('seed too small');
    d.next('lost');
    expect(await t.store.commit(seatsEdit(p0, 401))).toBe(false);
    expect(t.store.state.saveStatus.value).toBe('unsaved');
    expect(t.notices.at(-1)).toMatchObject({ key: 'storage.unsaved', action: 'retrySave', offerExport: true });
    // a later edit waits behind the unsaved one: it fails with it, so the order of the two is kept
    d.next('lost');
    expect(await t.store.commit(seatsEdit(p1, 402))).toBe(false);
    expect(t.store.state.unsavedCount.value).toBe(2);
    expect(t.store.state.history.value.undo).toMatchObject({ kind: 'edit', subject: p1.properties.name });
    expect([shown(t.store)?.properties.seats, t.store.state.byId.value.get(p1.id)?.properties.seats]).toEqual([
      401, 402,
    ]);
    expect((await repo.loadScenario(SEED_ID))?.projects.find((p) => p.id === p0.id)?.properties.seats).toBe(
      p0.properties.seats,
    );
    // the disk is back: retry stores both, in order
    expect(await t.store.retry()).toBe(true);
    await settle([t.store]);
    expect(t.store.state.saveStatus.value).toBe('saved');
    await expectShownIsStored(repo, t.store);
    expect((await repo.loadScenario(SEED_ID))?.history.undoCount).toBe(2);
  });

  it('undo of an unsaved edit drops it from the screen (it was never stored)', async () => {
    const d = disk();
    const repo = createMemoryRepository(index, { durable: true, onCommit: d.onCommit });
    const t = tab(repo, createChannelHub()(), 'A');
    await t.store.init(null);
    const [p0] = seed.features;
    if (!p0) throw new Error('seed too small');
    d.next('lost');
    await t.store.commit(seatsEdit(p0, 401));
    expect(await t.store.undo()).toMatchObject({ kind: 'edit' });
    expect(t.store.state.saveStatus.value).toBe('saved');
    await expectShownIsStored(repo, t.store);
  });

  it('says when the stored data was cleared, keeps the scenario on screen and saves it again', async () => {
    let repo = createMemoryRepository(index, { durable: true });
    // a repository whose data can be wiped under the app, as "clear site data" does
    const wiping: Repository = {
      durable: true,
      loadSettings: () => repo.loadSettings(),
      saveSettings: (x) => repo.saveSettings(x),
      loadView: () => repo.loadView(),
      saveView: (x) => repo.saveView(x),
      loadReference: (k) => repo.loadReference(k),
      saveReference: (k, v) => repo.saveReference(k, v),
      listScenarios: () => repo.listScenarios(),
      loadScenario: (id) => repo.loadScenario(id),
      createScenario: (m, list) => repo.createScenario(m, list),
      deleteScenario: (id) => repo.deleteScenario(id),
      seedOnce: (m, list) => repo.seedOnce(m, list),
      commit: (id, e) => repo.commit(id, e),
      undo: (id) => repo.undo(id),
      redo: (id) => repo.redo(id),
    };
    const t = tab(wiping, createChannelHub()(), 'A');
    await t.store.init(null);
    const [p0] = seed.features;
    if (!p0) throw new Error('seed too small');
    await t.store.commit(seatsEdit(p0, 410));
    repo = createMemoryRepository(index, { durable: true });
    const cur = t.store.state.byId.value.get(p0.id);
    if (!cur) throw new Error('missing project');
    expect(await t.store.commit(seatsEdit(cur, 420))).toBe(false);
    expect(t.notices.at(-1)).toMatchObject({ key: 'storage.cleared', action: 'retrySave', offerExport: true });
    expect(t.store.state.saveStatus.value).toBe('unsaved');
    expect(t.store.state.byId.value.get(p0.id)?.properties.seats).toBe(420);
    expect(await t.store.retry()).toBe(true);
    expect(t.store.state.saveStatus.value).toBe('saved');
    expect((await repo.loadScenario(SEED_ID))?.projects.find((p) => p.id === p0.id)?.properties.seats).toBe(420);
  });

  it('never says 已保存 on a store that does not outlive the page', async () => {
    const repo = createMemoryRepository(index);
    const t = tab(repo, createChannelHub()(), 'A');
    await t.store.init(null);
    const [p0] = seed.features;
    if (!p0) throw new Error('seed too small');
    await t.store.commit(seatsEdit(p0, 401));
    expect(repo.durable).toBe(false);
    expect(t.store.state.saveStatus.value).toBe('volatile');
  });
});
