/// <reference lib="webworker" />
/**
 * The site solver off the main thread: one job per worker (cancelling terminates it, a solver cannot be
 * interrupted otherwise). Decodes the surface it is given and runs src/core/analysis/siting/run.ts.
 */
import { runSiting } from '../core/analysis/siting/run';
import { decodeSurface } from '../core/analysis/surfaceCodec';
import type { SitingJob, SitingReply } from './sitingMessages';

declare const self: DedicatedWorkerGlobalScope;

const post = (m: SitingReply): void => self.postMessage(m);

self.onmessage = (e: MessageEvent<SitingJob>) => {
  const t0 = performance.now();
  const decoded = decodeSurface(e.data.surface);
  if (!decoded.ok) {
    post({ type: 'failed', error: decoded.error });
    return;
  }
  let last = 0;
  try {
    const outcome = runSiting(decoded.value.surface, e.data.request, (fraction) => {
      const now = performance.now();
      if (now - last > 100) {
        last = now;
        post({ type: 'progress', fraction });
      }
      return true;
    });
    post({ type: 'done', outcome, ms: Math.round(performance.now() - t0) });
  } catch (err: unknown) {
    post({ type: 'failed', error: err instanceof Error ? err.message : String(err) });
  }
};
