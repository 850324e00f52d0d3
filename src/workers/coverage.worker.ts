/** Web Worker entry: runs the coverage engine off the main thread (see coverageService.ts). */
import type { CoverageRequest, CoverageResponse } from './coverageMessages';
import { createCoverageHandler } from './coverageService';

// in this module `self` is the worker's scope (the WebWorker library's type), not a window
declare const self: DedicatedWorkerGlobalScope;
const scope = self;
const handle = createCoverageHandler();
scope.onmessage = (e: MessageEvent<CoverageRequest>) => {
  let out: ReturnType<typeof handle>;
  try {
    out = handle(e.data);
  } catch (err: unknown) {
    const error = err instanceof Error ? err.message : String(err);
    out = {
      response:
        e.data.type === 'surface' ? { type: 'surface', ok: false, error } : { type: 'failed', seq: e.data.seq, error },
      transfer: [],
    };
  }
  const response: CoverageResponse = out.response;
  scope.postMessage(response, out.transfer);
};
