/**
 * The undo history of a scenario as a window of consecutive sequence numbers [base, top], with
 * `head` the last applied entry (head = base − 1 when everything is undone). Pure bookkeeping shared
 * by every repository implementation, so they agree on what undo, redo and the bound mean.
 */
export interface HistoryPointer {
  readonly base: number;
  readonly head: number;
  readonly top: number;
}

/** Edits kept per scenario; older ones drop off the far end. */
export const HISTORY_LIMIT = 500;

export const EMPTY_HISTORY: HistoryPointer = { base: 1, head: 0, top: 0 };

export const canUndo = (h: HistoryPointer): boolean => h.head >= h.base;
export const canRedo = (h: HistoryPointer): boolean => h.head < h.top;
export const undoCount = (h: HistoryPointer): number => h.head - h.base + 1;
export const redoCount = (h: HistoryPointer): number => h.top - h.head;

export interface HistoryPush {
  readonly pointer: HistoryPointer;
  /** Sequence number of the new entry. */
  readonly seq: number;
  /** Entries to delete: the redo branch that the new edit replaces, and those beyond the limit. */
  readonly drop: readonly number[];
}

export function pushHistory(h: HistoryPointer, limit: number = HISTORY_LIMIT): HistoryPush {
  const drop: number[] = [];
  for (let s = h.head + 1; s <= h.top; s++) drop.push(s);
  const seq = h.head + 1;
  let base = h.base;
  while (seq - base + 1 > limit) drop.push(base++);
  return { pointer: { base, head: seq, top: seq }, seq, drop };
}

/** The entry to undo and the pointer after undoing it, or null when there is nothing to undo. */
export function undoStep(h: HistoryPointer): { seq: number; pointer: HistoryPointer } | null {
  return canUndo(h) ? { seq: h.head, pointer: { ...h, head: h.head - 1 } } : null;
}

export function redoStep(h: HistoryPointer): { seq: number; pointer: HistoryPointer } | null {
  return canRedo(h) ? { seq: h.head + 1, pointer: { ...h, head: h.head + 1 } } : null;
}

export function isHistoryPointer(v: unknown): v is HistoryPointer {
  if (typeof v !== 'object' || v === null) return false;
  const { base, head, top } = v as Record<string, unknown>;
  return (
    Number.isInteger(base) &&
    Number.isInteger(head) &&
    Number.isInteger(top) &&
    (base as number) >= 1 &&
    (head as number) >= (base as number) - 1 &&
    (head as number) <= (top as number)
  );
}
