/** What a store asks the page to tell the planner: a message, in their language when shown, and a button. */
import type { Conflict } from '../core/edits/apply';
import type { EditLabel } from '../core/edits/describe';
import type { StorageFailure } from '../persistence/repository';
import type { MessageKey, Params } from '../core/i18n/translate';

export type NoticeAction = 'undo' | 'restoreScenario' | 'retrySave' | 'reload';

export interface NoticeRequest {
  readonly tone: 'info' | 'error';
  readonly key: MessageKey;
  readonly params?: Params;
  /** Named in the planner's language when shown: the {edit} placeholder. */
  readonly edit?: EditLabel;
  /** Project fields, named in the planner's language when shown: the {fields} placeholder. */
  readonly fields?: readonly string[];
  /** A button offered with the notice. */
  readonly action?: NoticeAction;
  /** Offers to export the scenario on screen (a backup of what could not be stored). */
  readonly offerExport?: boolean;
}

/** A notice on screen; `seq` tells two equal notices apart (each is shown afresh). */
export interface Notice extends NoticeRequest {
  readonly seq: number;
}

export type Notify = (n: NoticeRequest) => void;

/** The message of a caught value. */
export const errorMessage = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** What to tell the planner when another tab changed what their edit changed (the first conflict). */
export function conflictNotice(conflicts: readonly Conflict[]): NoticeRequest | null {
  const [c] = conflicts;
  if (!c) return null;
  if (c.reason === 'fields')
    return { tone: 'info', key: 'sync.conflictFields', params: { name: c.name }, fields: c.fields };
  return {
    tone: 'info',
    key: c.reason === 'deleted' ? 'sync.conflictDeleted' : 'sync.conflictExists',
    params: { name: c.name },
  };
}

/**
 * What to tell the planner when a write failed: `kept` when the edit stays on screen marked unsaved (then
 * they can retry, or reload after a newer version took over), else it was taken back.
 */
export function failureNotice(failure: StorageFailure, message: string, kept: boolean): NoticeRequest {
  if (kept)
    return {
      tone: 'error',
      key: failure === 'version' ? 'storage.unsavedVersion' : 'storage.unsaved',
      params: { message },
      action: failure === 'version' ? 'reload' : 'retrySave',
      offerExport: true,
    };
  return {
    tone: 'error',
    key: failure === 'quota' ? 'storage.quotaFull' : 'storage.saveFailed',
    params: { message },
    ...(failure === 'quota' ? { offerExport: true } : {}),
  };
}
