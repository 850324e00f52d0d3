/** Web Worker entry: runs the coverage engine off the main thread (see coverageService.ts). */
import type { CoverageRequest, CoverageResponse } from './coverageMessages';
import { createCoverageHandler } from './coverageService';

interface WorkerScope {
  onmessage: ((e: MessageEvent<CoverageRequest>) => void) | null;
  postMessage(message: CoverageResponse, transfer: Transferable[]): void;
}

const scope = globalThis as unknown as WorkerScope;
const handle = createCoverageHandler();
scope.onmessage = (e) => {
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
  scope.postMessage(out.response, out.transfer);
};
