/** Two tabs of the scenario store over one memory repository, with the faults a disk and a channel can have. */
import { expect } from 'vitest';
import { loadIndex } from './reference';
import { editContext, loadSeed } from './scenarioFixture';
import { updateProjectEdit } from '../../src/core/edits/build';
import type { Edit } from '../../src/core/edits/edit';
import type { ProjectFeature, ScenarioCollection } from '../../src/core/model/project';
import { type WriteOp } from '../../src/persistence/memory';
import type { Repository } from '../../src/persistence/repository';
import type { NoticeRequest } from '../../src/state/notices';
import { createScenarioStore, type ScenarioStore } from '../../src/state/scenarios';
import { type TabChannel, type TabMessage } from '../../src/state/tabs';

export const index = loadIndex();
export const ctx = editContext();
export const full = loadSeed();
/** A small scenario keeps the property test fast; the logic does not depend on the count. */
export const seed: ScenarioCollection = { ...full, features: full.features.slice(0, 12) };
export const SEED_ID = seed.scenario.id;

/** Commit-time faults of the shared store: a write can be held (a slow disk) or refused (a full disk). */
export function disk() {
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

export function tab(repo: Repository, channel: TabChannel, name: string) {
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
export function slowAnswers(inner: Repository) {
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
export function heldChannel(inner: TabChannel) {
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

export const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
export async function settle(stores: readonly ScenarioStore[]): Promise<void> {
  for (let i = 0; i < 8; i++) {
    await Promise.all(stores.map((s) => s.flush()));
    await tick();
  }
}

export const byIdOf = (list: readonly ProjectFeature[]): Map<string, ProjectFeature> =>
  new Map(list.map((p) => [p.id, p]));
export const shown = (s: ScenarioStore): ProjectFeature | undefined => s.state.scenario.value.features[0];

export function seatsEdit(p: ProjectFeature, seats: number): Edit {
  const e = updateProjectEdit(p, { ...p, properties: { ...p.properties, seats } });
  if (!e) throw new Error('expected an edit');
  return e;
}

/** What storage holds of the scenario a tab shows, against what the tab shows: project by project. */
export async function expectShownIsStored(repo: Repository, s: ScenarioStore): Promise<void> {
  const cur = s.state.scenario.value;
  const stored = await repo.loadScenario(cur.scenario.id);
  expect(stored, `scenario ${cur.scenario.id} is stored`).not.toBe(null);
  expect(byIdOf(cur.features)).toEqual(byIdOf(stored?.projects ?? []));
  expect(cur.scenario).toEqual(stored?.summary.meta);
}
