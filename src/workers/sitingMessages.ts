/** Messages between the page and the siting worker (src/workers/siting.worker.ts). */
import type { SitingOutcome, SitingRequest } from '../core/analysis/siting/run';

export interface SitingJob {
  readonly type: 'run';
  /** The population surface (QZPS bytes), transferred. */
  readonly surface: ArrayBuffer;
  readonly request: SitingRequest;
}

export type SitingReply =
  | { readonly type: 'progress'; readonly fraction: number }
  | { readonly type: 'done'; readonly outcome: SitingOutcome; readonly ms: number }
  | { readonly type: 'failed'; readonly error: string };
