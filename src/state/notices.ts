/** What a store asks the page to tell the planner: a message, in their language when shown, and a button. */
import type { EditLabel } from '../core/edits/describe';
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
