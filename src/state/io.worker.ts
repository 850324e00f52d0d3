/** Web Worker entry: reads imported files with the codec registry, off the main thread (see importService.ts). */
import { readFile } from '../core/io/registry';
import type { ReadRequest, ReadResponse } from './importService';

interface WorkerScope {
  onmessage: ((e: MessageEvent<ReadRequest>) => void) | null;
  postMessage(message: ReadResponse, transfer?: Transferable[]): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.onmessage = (e) => {
  const { id, file, ref } = e.data;
  let last = 0;
  void readFile(file, {
    ref,
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
