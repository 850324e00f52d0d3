/**
 * The planner's edits shown on screen whose commits are not confirmed yet, in the order they were made
 * (the scenario store's bookkeeping). An edit leaves only when its own commit is confirmed or refused.
 */
import { labelOf, type EditLabel } from '../core/edits/describe';
import { isEmptyEdit, type Edit } from '../core/edits/edit';
import { HISTORY_LIMIT } from '../core/edits/history';
import { applyEdit, type ScenarioState } from '../core/edits/replay';
import type { HistoryInfo, LoadedScenario, ScenarioSummary, StorageFailure } from '../persistence/repository';

/** An edit shown on screen whose commit has not been confirmed by the repository. */
export interface Pending {
  readonly scenarioId: string;
  /** The edit as the planner made it: what is committed (the repository rebases it onto what is stored). */
  readonly edit: Edit;
  /** The edit as the screen shows it (rebased onto what is shown before it). */
  local: Edit;
  /** Set when its write failed in a way that keeps it on screen, marked unsaved. */
  unsaved: StorageFailure | null;
}

/** What this tab knows of the shown scenario in storage: its state, bookkeeping and undo labels. */
export interface Stored {
  readonly id: string;
  readonly state: ScenarioState;
  readonly revision: number;
  readonly epoch: string;
  readonly history: HistoryInfo;
}

/** What a scenario read from storage tells of it. */
export const storedOf = (loaded: LoadedScenario): Stored => ({
  id: loaded.summary.meta.id,
  state: { meta: loaded.summary.meta, features: loaded.projects },
  revision: loaded.summary.revision,
  epoch: loaded.summary.epoch,
  history: loaded.history,
});

/** The scenario list with one summary replaced (or added). */
export const upsert = (list: readonly ScenarioSummary[], s: ScenarioSummary): readonly ScenarioSummary[] =>
  list.some((x) => x.meta.id === s.meta.id) ? list.map((x) => (x.meta.id === s.meta.id ? s : x)) : [...list, s];

/** Failures after which the edit stays on screen, marked unsaved (the others are taken back). */
export const KEEPS_EDIT: ReadonlySet<StorageFailure> = new Set(['connection', 'version', 'missing']);

/**
 * Storage committed `applied` as `summary.revision`. When that is the next revision of what this tab
 * knows (same epoch), the edit is applied to it; otherwise something was committed in between (or the
 * scenario was re-created) and null says: read it again.
 */
export function advance(stored: Stored, summary: ScenarioSummary, applied: Edit, history: HistoryInfo): Stored | null {
  if (summary.epoch !== stored.epoch || summary.revision !== stored.revision + 1) return null;
  return { ...stored, state: applyEdit(stored.state, applied).state, revision: summary.revision, history };
}

export function createOutbox() {
  let items: Pending[] = [];
  const of = (scenarioId: string): Pending[] => items.filter((p) => p.scenarioId === scenarioId);
  return {
    add: (item: Pending): void => {
      items.push(item);
    },
    has: (item: Pending): boolean => items.includes(item),
    remove: (item: Pending): void => {
      items = items.filter((p) => p !== item);
    },
    /** The pending edits of one scenario, oldest first. */
    of,
    /** Forgets a scenario's pending edits (it was deleted or re-created); returns how many there were. */
    drop: (scenarioId: string): number => {
      const n = of(scenarioId).length;
      items = items.filter((p) => p.scenarioId !== scenarioId);
      return n;
    },
    /** Edits that could not be stored and are kept on screen, marked unsaved. */
    unsaved: (): Pending[] => items.filter((p) => p.unsaved !== null),
    /** The undo button names the newest edit on screen, stored or not. */
    history: (scenarioId: string, stored: HistoryInfo): HistoryInfo => {
      const mine = of(scenarioId).filter((p) => !isEmptyEdit(p.local));
      const last = mine[mine.length - 1];
      if (!last) return stored;
      return {
        undo: labelOf(last.local),
        redo: null,
        undoCount: Math.min(HISTORY_LIMIT, stored.undoCount + mine.length),
        redoCount: 0,
      };
    },
    /** Undo of an edit that was never stored drops it: returns its label, or null when the last is stored. */
    discardLastUnsaved: (scenarioId: string): EditLabel | null => {
      const mine = of(scenarioId);
      const last = mine[mine.length - 1];
      if (!last || last.unsaved === null) return null;
      items = items.filter((p) => p !== last);
      return labelOf(last.local);
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;

/** User-timing measures ("qz:commit", "qz:load-scenario") for the benchmark and the browser's profiler. */
export function timed<T>(name: string, run: () => Promise<T>): Promise<T> {
  if (typeof performance === 'undefined') return run();
  const start = performance.now();
  return run().finally(() => {
    performance.measure(name, { start, end: performance.now() });
  });
}
