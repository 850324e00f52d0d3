/** Web Worker entry: reads imported files and builds population surfaces, off the main thread (see importService.ts). */
import { readFile } from '../core/io/registry';
import { runPopulationJob } from './importService';
import type { IoRequest, IoResponse } from './ioMessages';

interface WorkerScope {
  onmessage: ((e: MessageEvent<IoRequest>) => void) | null;
  postMessage(message: IoResponse, transfer?: Transferable[]): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.onmessage = (e) => {
  const req = e.data;
  if (req.type === 'population') {
    const result = runPopulationJob(req.job);
    scope.postMessage(
      { id: req.id, type: 'population', result },
      result.ok ? [result.value.bytes.buffer as ArrayBuffer] : [],
    );
    return;
  }
  const { id, file, ref, layer } = req;
  let last = 0;
  void readFile(file, {
    ref,
    ...(layer !== undefined ? { layer } : {}),
    onProgress: (fraction) => {
      if (fraction - last < 0.02 && fraction < 1) return;
      last = fraction;
      scope.postMessage({ id, type: 'progress', fraction });
    },
  }).then((result) => {
    const transfer = result.ok && result.value.raster ? [result.value.raster.values.buffer as ArrayBuffer] : [];
    scope.postMessage({ id, type: 'done', result }, transfer);
  });
};
