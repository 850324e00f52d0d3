/**
 * The scenario store's queue of repository calls and the save status it shows. Calls run one at a time
 * in order, so edits commit in the order the planner made them.
 */
import { computed, signal, type ReadonlySignal } from '@preact/signals';

/**
 * saved: everything on screen is stored. saving: writes in flight. error: the last write was refused
 * (a full disk) and taken back, so the screen shows what is stored. unsaved: edits on screen that
 * could not be stored (connection lost, newer version, data cleared) and are kept, marked.
 * volatile: stored only in this page's memory (no IndexedDB): closing the tab loses it.
 */
export type SaveStatus = 'saved' | 'saving' | 'error' | 'unsaved' | 'volatile';

export function createWriteQueue(durable: boolean) {
  const writes = signal(0);
  const unsavedCount = signal(0);
  const lastFailed = signal(false);
  const lastSavedAt = signal<number | null>(null);
  let queue: Promise<unknown> = Promise.resolve();
  const saveStatus = computed<SaveStatus>(() =>
    unsavedCount.value > 0
      ? 'unsaved'
      : writes.value > 0
        ? 'saving'
        : lastFailed.value
          ? 'error'
          : durable
            ? 'saved'
            : 'volatile',
  );
  return {
    saveStatus,
    /** Edits on screen that could not be stored. */
    unsavedCount: unsavedCount as ReadonlySignal<number>,
    lastSavedAt: lastSavedAt as ReadonlySignal<number | null>,
    setUnsaved: (n: number): void => {
      unsavedCount.value = n;
    },
    /** Whether the last write was refused (taken back): the status says so until a write succeeds. */
    setFailed: (failed: boolean): void => {
      lastFailed.value = failed;
    },
    /** Runs `fn` after every call queued before it; a write shows "saving" until it is done. */
    enqueue: <T>(fn: () => Promise<T>, write: boolean): Promise<T> => {
      if (write) writes.value++;
      const p = queue.then(fn);
      queue = p.then(
        () => undefined,
        () => undefined,
      );
      if (!write) return p;
      return p.finally(() => {
        if (--writes.value === 0 && !lastFailed.peek() && unsavedCount.peek() === 0) lastSavedAt.value = Date.now();
      });
    },
    /** Resolves when every queued call has finished. */
    flush: (): Promise<unknown> => queue,
  };
}
