import { describe, expect, it } from 'vitest';
import { loadIndex } from '../../tests/unit/reference';
import { editContext, loadSeed, prng } from '../../tests/unit/scenarioFixture';
import {
  addProjectsEdit,
  deleteProjectsEdit,
  moveProjectEdit,
  newProject,
  updateProjectEdit,
} from '../core/edits/build';
import type { Edit } from '../core/edits/edit';
import type { ProjectFeature, ScenarioCollection } from '../core/model/project';
import { createMemoryRepository, type WriteOp } from '../persistence/memory';
import type { Repository } from '../persistence/repository';
import type { NoticeRequest } from './notices';
import { createScenarioStore, type ScenarioStore } from './scenarios';
import { createChannelHub, type TabChannel, type TabMessage } from './tabs';

const index = loadIndex();
const ctx = editContext();
const full = loadSeed();
/** A small scenario keeps the property test fast; the logic does not depend on the count. */
const seed: ScenarioCollection = { ...full, features: full.features.slice(0, 12) };
const SEED_ID = seed.scenario.id;

/** Commit-time faults of the shared store: a write can be held (a slow disk) or refused (a full disk). */
function disk() {
  const held: (() => void)[] = [];
  const plan: ('slow' | 'quota' | 'lost')[] = [];
  const onCommit = async (op: WriteOp): Promise<void> => {
    if (op === 'saveView' || op === 'saveSettings') return;
    const fault = plan.shift();
    if (fault === 'quota') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    if (fault === 'lost') throw new DOMException('The database connection is closing.', 'InvalidStateError');
    if (fault === 'slow') await new Promise<void>((release) => held.push(release));
  };
  return {
    onCommit,
    /** The next write of any tab will wait / fail. */
    next: (fault: 'slow' | 'quota' | 'lost') => plan.push(fault),
    releaseOne: (i: number): boolean => {
      const [release] = held.splice(i % Math.max(1, held.length), 1);
      release?.();
      return release !== undefined;
    },
    releaseAll: () => {
      while (held.length > 0) held.shift()?.();
    },
    /** Waits until a write is being held, then lets it (and any other held one) go. */
    releaseWhenHeld: async (): Promise<void> => {
      for (let i = 0; i < 100 && held.length === 0; i++) await new Promise((r) => setTimeout(r, 0));
      while (held.length > 0) held.shift()?.();
    },
    get holding() {
      return held.length;
    },
    clearPlan: () => plan.splice(0),
  };
}

function tab(repo: Repository, channel: TabChannel, name: string) {
  const notices: NoticeRequest[] = [];
  let n = 0;
  const store = createScenarioStore({
    repository: repo,
    channel,
    index,
    seed,
    newId: () => `${name}-${++n}`,
    tabId: name,
    notify: (x) => notices.push(x),
    onSwitched: () => undefined,
    onChanged: () => undefined,
  });
  return { store, notices, name };
}

/** A repository whose commits are stored at once but whose answer can be held back (a slow transaction end). */
function slowAnswers(inner: Repository) {
  let hold = false;
  let waiting: (() => void) | null = null;
  let heldNow = false;
  const repo: Repository = {
    ...inner,
    commit: async (id, edit) => {
      const r = await inner.commit(id, edit);
      if (hold) {
        hold = false;
        heldNow = true;
        await new Promise<void>((resolve) => (waiting = resolve));
      }
      return r;
    },
  };
  return {
    repo,
    holdNext: () => {
      hold = true;
    },
    held: async (): Promise<void> => {
      for (let i = 0; i < 100 && !heldNow; i++) await tick();
    },
    release: () => waiting?.(),
  };
}

/** A tab's channel whose incoming messages can be held back and delivered later (or lost). */
function heldChannel(inner: TabChannel) {
  let holding = false;
  const queued: TabMessage[] = [];
  const listeners = new Set<(m: TabMessage) => void>();
  inner.listen((m) => {
    if (holding) queued.push(m);
    else for (const l of listeners) l(m);
  });
  return {
    channel: {
      post: (m: TabMessage) => inner.post(m),
      listen: (l: (m: TabMessage) => void) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
      close: () => inner.close(),
    } satisfies TabChannel,
    hold: () => {
      holding = true;
    },
    open: () => {
      holding = false;
    },
    /** Delivers the held messages that pass `keep` (the others are lost); still holding afterwards. */
    deliver: (keep: (m: TabMessage) => boolean = () => true) => {
      for (const m of queued.splice(0)) if (keep(m)) for (const l of listeners) l(m);
    },
  };
}

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
async function settle(stores: readonly ScenarioStore[]): Promise<void> {
  for (let i = 0; i < 8; i++) {
    await Promise.all(stores.map((s) => s.flush()));
    await tick();
  }
}

const byIdOf = (list: readonly ProjectFeature[]): Map<string, ProjectFeature> => new Map(list.map((p) => [p.id, p]));
const shown = (s: ScenarioStore): ProjectFeature | undefined => s.state.scenario.value.features[0];

function seatsEdit(p: ProjectFeature, seats: number): Edit {
  const e = updateProjectEdit(p, { ...p, properties: { ...p.properties, seats } });
  if (!e) throw new Error('expected an edit');
  return e;
}

/** What storage holds of the scenario a tab shows, against what the tab shows: project by project. */
async function expectShownIsStored(repo: Repository, s: ScenarioStore): Promise<void> {
  const cur = s.state.scenario.value;
  const stored = await repo.loadScenario(cur.scenario.id);
  expect(stored, `scenario ${cur.scenario.id} is stored`).not.toBe(null);
  expect(byIdOf(cur.features)).toEqual(byIdOf(stored?.projects ?? []));
  expect(cur.scenario).toEqual(stored?.summary.meta);
}

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

describe('scenario store: property test of interleavings', () => {
  type Tab = ReturnType<typeof tab>;

  /** One random edit a planner could make in this tab, built from what the tab shows (as the UI does). */
  function randomEdit(t: Tab, rand: () => number, n: number): Edit | null {
    const list = t.store.state.scenario.value.features;
    const p = list[Math.floor(rand() * list.length)];
    const r = rand();
    if (!p || r < 0.1) {
      const q = newProject(
        'kindergarten',
        118.59 + rand() * 0.02,
        24.9 + rand() * 0.02,
        {
          id: `${t.name}-new-${n}`,
          year: 2022,
          existingNames: new Set(list.map((f) => f.properties.name)),
        },
        ctx,
      );
      return q ? addProjectsEdit([q]) : null;
    }
    if (r < 0.2) return deleteProjectsEdit([p]);
    if (r < 0.4) {
      const m = moveProjectEdit(p, 118.58 + rand() * 0.03, 24.89 + rand() * 0.03, ctx);
      return m.ok ? m.value : null;
    }
    if (r < 0.55) {
      const e = updateProjectEdit(p, { ...p, properties: { ...p.properties, notes: `${t.name}${n}` } });
      return e;
    }
    return updateProjectEdit(p, { ...p, properties: { ...p.properties, seats: 30 + Math.floor(rand() * 1000) } });
  }

  /** QZ_RUNS=400 for a longer search; 40 in the suite. */
  const RUNS = Number(process.env.QZ_RUNS ?? 40);
  const STEPS = 45;

  it(
    `after the queue drains, each tab shows what is stored, project by project (${RUNS} runs)`,
    async () => {
      for (let run = 0; run < RUNS; run++) {
        const rand = prng(1000 + run);
        const d = disk();
        const repo = createMemoryRepository(index, { durable: true, onCommit: d.onCommit });
        const hub = createChannelHub();
        const tabs = [tab(repo, hub(), 'A'), tab(repo, hub(), 'B')];
        for (const t of tabs) await t.store.init(SEED_ID);
        await tabs[0]?.store.create('方案二');
        await tabs[0]?.store.switchTo(SEED_ID);
        const inflight: Promise<unknown>[] = [];
        const deleted = new Map<string, ScenarioCollection>();
        for (let i = 0; i < STEPS; i++) {
          const t = tabs[Math.floor(rand() * tabs.length)];
          if (!t) continue;
          const r = rand();
          if (r < 0.45) {
            const e = randomEdit(t, rand, i);
            if (e) inflight.push(t.store.commit(e));
          } else if (r < 0.53) inflight.push(t.store.undo());
          else if (r < 0.58) inflight.push(t.store.redo());
          else if (r < 0.68) d.next('slow');
          else if (r < 0.71) d.next('quota');
          else if (r < 0.73) d.next('lost');
          else if (r < 0.78)
            inflight.push(t.store.switchTo(t.store.state.scenario.value.scenario.id)); // a reload
          else if (r < 0.81) {
            const id = t.store.state.scenario.value.scenario.id;
            inflight.push(
              t.store.remove().then((held) => {
                if (held) deleted.set(id, held);
              }),
            );
          } else if (r < 0.85 && deleted.size > 0) {
            const [id, held] = [...deleted][0] ?? [];
            if (id && held) {
              deleted.delete(id);
              inflight.push(t.store.restore(held));
            }
          } else if (r < 0.9) {
            const other = t.store.state.scenarios.value[Math.floor(rand() * t.store.state.scenarios.value.length)];
            if (other) inflight.push(t.store.switchTo(other.meta.id));
          } else if (d.holding > 0) d.releaseOne(Math.floor(rand() * 10));
          // let some of the queued work run before the next step
          for (let k = Math.floor(rand() * 3); k > 0; k--) await tick();
        }
        d.clearPlan();
        for (let k = 0; k < 50 && (d.holding > 0 || k < 3); k++) {
          d.releaseAll();
          await settle(tabs.map((t) => t.store));
        }
        await Promise.all(inflight);
        await settle(tabs.map((t) => t.store));
        // edits kept on screen after a lost connection are stored when the planner retries
        for (const t of tabs) if (t.store.state.unsavedCount.value > 0) await t.store.retry();
        await settle(tabs.map((t) => t.store));
        for (const t of tabs) {
          const status = t.store.state.saveStatus.value;
          expect(['saved', 'error'], `run ${run} tab ${t.name}: status ${status}`).toContain(status);
          expect(t.store.state.unsavedCount.value).toBe(0);
          try {
            await expectShownIsStored(repo, t.store);
          } catch (e: unknown) {
            throw new Error(`run ${run}, tab ${t.name}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
          }
        }
      }
    },
    RUNS * 1_500,
  );
});
