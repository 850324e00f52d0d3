/**
 * Runs the site solver in a worker (the app) or in process (unit tests). One run at a time; `cancel`
 * terminates the worker, and the run resolves as cancelled.
 */
import type { SitingOutcome, SitingRequest } from '../core/analysis/siting/run';
import { err, ok, type Result } from '../core/result';
import type { SitingJob, SitingReply } from './sitingMessages';

export interface SitingWorkerLike {
  onmessage: ((e: MessageEvent<SitingReply>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  postMessage(message: SitingJob, transfer: Transferable[]): void;
  terminate(): void;
}

export interface SitingRunner {
  run(
    surface: ArrayBuffer,
    request: SitingRequest,
    onProgress: (fraction: number) => void,
  ): Promise<Result<{ outcome: SitingOutcome; ms: number }, string>>;
  cancel(): void;
}

export function createSitingRunner(makeWorker: (() => SitingWorkerLike) | null): SitingRunner {
  let current: {
    worker: SitingWorkerLike | null;
    settle: (r: Result<{ outcome: SitingOutcome; ms: number }, string>) => void;
  } | null = null;
  const finish = (r: Result<{ outcome: SitingOutcome; ms: number }, string>): void => {
    const c = current;
    current = null;
    c?.worker?.terminate();
    c?.settle(r);
  };
  return {
    run(surface, request, onProgress) {
      if (current) finish(err('cancelled'));
      return new Promise((settle) => {
        if (!makeWorker) {
          // in process (tests): the same code, on this thread, loaded only then
          current = { worker: null, settle };
          void Promise.all([import('../core/analysis/siting/run'), import('../core/analysis/surfaceCodec')]).then(
            ([{ runSiting }, { decodeSurface }]) => {
              const t0 = performance.now();
              const decoded = decodeSurface(surface);
              if (!decoded.ok) {
                finish(err(decoded.error));
                return;
              }
              const outcome = runSiting(decoded.value.surface, request, (f) => {
                onProgress(f);
                return current !== null;
              });
              if (current) finish(ok({ outcome, ms: Math.round(performance.now() - t0) }));
            },
          );
          return;
        }
        const worker = makeWorker();
        current = { worker, settle };
        worker.onmessage = (e) => {
          const m = e.data;
          if (m.type === 'progress') onProgress(m.fraction);
          else if (m.type === 'done') finish(ok({ outcome: m.outcome, ms: m.ms }));
          else finish(err(m.error));
        };
        worker.onerror = (e) => finish(err(e.message || 'siting worker error'));
        worker.postMessage({ type: 'run', surface, request }, [surface]);
      });
    },
    cancel() {
      if (current) finish(err('cancelled'));
    },
  };
}
