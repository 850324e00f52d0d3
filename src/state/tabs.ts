import { parseEdit } from '../core/edits/describe';
import type { Edit } from '../core/edits/edit';
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
    }
  | { readonly type: 'scenarios'; readonly from: string };

export interface TabChannel {
  post(message: TabMessage): void;
  /** Returns an unsubscribe function. Messages are validated before the listener sees them. */
  listen(listener: (message: TabMessage) => void): () => void;
  close(): void;
}

/** Messages come from another tab's memory: checked like any other input before they are applied. */
export function parseTabMessage(raw: unknown, index: ReferenceIndex): TabMessage | null {
  if (!isRecord(raw) || typeof raw.from !== 'string') return null;
  if (raw.type === 'scenarios') return { type: 'scenarios', from: raw.from };
  if (raw.type !== 'commit' || typeof raw.scenarioId !== 'string' || typeof raw.revision !== 'number') return null;
  const applied = parseEdit(raw.applied, index);
  if (!applied.ok) return null;
  return { type: 'commit', from: raw.from, scenarioId: raw.scenarioId, revision: raw.revision, applied: applied.value };
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
