/** Web Worker entry: reads imported files and builds population surfaces, off the main thread (see importService.ts). */
import { readFile } from '../core/io/registry';
import { runPopulationJob } from './populationJob';
import type { IoRequest, IoResponse } from './ioMessages';

// in this module `self` is the worker's scope (the WebWorker library's type), not a window
declare const self: DedicatedWorkerGlobalScope;
const scope = self;
const post = (message: IoResponse, transfer: Transferable[] = []): void => scope.postMessage(message, transfer);
scope.onmessage = (e: MessageEvent<IoRequest>) => {
  const req = e.data;
  if (req.type === 'population') {
    const result = runPopulationJob(req.job);
    post({ id: req.id, type: 'population', result }, result.ok ? [result.value.bytes.buffer as ArrayBuffer] : []);
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
      post({ id, type: 'progress', fraction });
    },
  }).then((result) => {
    const transfer = result.ok && result.value.raster ? [result.value.raster.values.buffer as ArrayBuffer] : [];
    post({ id, type: 'done', result }, transfer);
  });
};
