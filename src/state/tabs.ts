import { parseEdit, type EditLabel } from '../core/edits/describe';
import { EDIT_KINDS, type Edit } from '../core/edits/edit';
import { validateScenarioMeta } from '../core/model/validate';
import type { HistoryInfo, ScenarioSummary } from '../persistence/repository';
import type { ReferenceIndex } from '../core/geodata/reference';
import { isRecord } from '../core/result';

/** What one tab tells the others after it has committed something to the shared database. */
export type TabMessage =
  | {
      readonly type: 'commit';
      readonly from: string;
      readonly scenarioId: string;
      /** The scenario's revision after this commit; a gap means a message was missed. */
      readonly revision: number;
      readonly applied: Edit;
      /** The scenario's bookkeeping and undo/redo labels after the commit. */
      readonly summary: ScenarioSummary;
      readonly history: HistoryInfo;
    }
  | { readonly type: 'scenarios'; readonly from: string };

export interface TabChannel {
  post(message: TabMessage): void;
  /** Returns an unsubscribe function. Messages are validated before the listener sees them. */
  listen(listener: (message: TabMessage) => void): () => void;
  close(): void;
}

const count = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

function parseLabel(v: unknown): EditLabel | null | undefined {
  if (v === null) return null;
  if (
    !isRecord(v) ||
    !(EDIT_KINDS as readonly unknown[]).includes(v.kind) ||
    typeof v.subject !== 'string' ||
    !count(v.count)
  )
    return undefined;
  return {
    kind: v.kind as EditLabel['kind'],
    subject: v.subject,
    ...(typeof v.field === 'string' ? { field: v.field } : {}),
    count: v.count,
  };
}

function parseHistory(v: unknown): HistoryInfo | null {
  if (!isRecord(v) || !count(v.undoCount) || !count(v.redoCount)) return null;
  const undo = parseLabel(v.undo);
  const redo = parseLabel(v.redo);
  if (undo === undefined || redo === undefined) return null;
  return { undo, redo, undoCount: v.undoCount, redoCount: v.redoCount };
}

function parseSummary(v: unknown): ScenarioSummary | null {
  if (!isRecord(v)) return null;
  const meta = validateScenarioMeta(v.meta);
  const nums = [v.projectCount, v.seats, v.createdAt, v.modifiedAt, v.revision];
  if (!meta.ok || !nums.every(count) || typeof v.epoch !== 'string' || v.epoch === '') return null;
  return {
    meta: meta.value,
    projectCount: v.projectCount as number,
    seats: v.seats as number,
    createdAt: v.createdAt as number,
    modifiedAt: v.modifiedAt as number,
    revision: v.revision as number,
    epoch: v.epoch,
  };
}

/** Messages come from another tab's memory: checked like any other input before they are applied. */
export function parseTabMessage(raw: unknown, index: ReferenceIndex): TabMessage | null {
  if (!isRecord(raw) || typeof raw.from !== 'string') return null;
  if (raw.type === 'scenarios') return { type: 'scenarios', from: raw.from };
  if (raw.type !== 'commit' || typeof raw.scenarioId !== 'string' || typeof raw.revision !== 'number') return null;
  const applied = parseEdit(raw.applied, index);
  const summary = parseSummary(raw.summary);
  const history = parseHistory(raw.history);
  if (!applied.ok || !summary || !history) return null;
  return {
    type: 'commit',
    from: raw.from,
    scenarioId: raw.scenarioId,
    revision: raw.revision,
    applied: applied.value,
    summary,
    history,
  };
}

export const CHANNEL_NAME = 'qz-school-planning';

/** BroadcastChannel between tabs of the same origin; a silent no-op where it is unavailable. */
export function createBroadcastChannel(index: ReferenceIndex, name: string = CHANNEL_NAME): TabChannel {
  if (typeof BroadcastChannel === 'undefined') return createLocalChannel();
  const channel = new BroadcastChannel(name);
  return {
    post: (m) => channel.postMessage(m),
    listen: (listener) => {
      const onMessage = (e: MessageEvent): void => {
        const m = parseTabMessage(e.data, index);
        if (m) listener(m);
      };
      channel.addEventListener('message', onMessage);
      return () => channel.removeEventListener('message', onMessage);
    },
    close: () => channel.close(),
  };
}

/**
 * In-process channels for tests: every channel made from one hub hears the others' messages
 * (never its own), delivered asynchronously like BroadcastChannel.
 */
export function createChannelHub(): () => TabChannel {
  const members = new Set<(m: TabMessage) => void>();
  return () => {
    const mine = new Set<(m: TabMessage) => void>();
    return {
      post: (m) => {
        const copy = structuredClone(m);
        for (const l of members) if (!mine.has(l)) queueMicrotask(() => l(copy));
      },
      listen: (listener) => {
        mine.add(listener);
        members.add(listener);
        return () => {
          mine.delete(listener);
          members.delete(listener);
        };
      },
      close: () => {
        for (const l of mine) members.delete(l);
        mine.clear();
      },
    };
  };
}

export const createLocalChannel = (): TabChannel => createChannelHub()();
