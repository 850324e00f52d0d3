/**
 * Reading files off the main thread: the io worker runs the codec registry and reports progress;
 * cancelling terminates the worker (a parser cannot be interrupted otherwise) and a new one is started
 * for the next file. Without workers (unit tests) the same code runs in process.
 */
import type { ReferenceIndex } from '../core/geodata/reference';
import { readFile } from '../core/io/registry';
import type { InputFile, IoError, RawTable } from '../core/io/types';
import { err, type Result } from '../core/result';

export type ReadRequest = { readonly id: number; readonly file: InputFile; readonly ref: ReferenceIndex };
export type ReadResponse =
  | { readonly id: number; readonly type: 'progress'; readonly fraction: number }
  | { readonly id: number; readonly type: 'done'; readonly result: Result<RawTable, IoError> };

export interface FileReader {
  read(file: InputFile, onProgress: (fraction: number) => void): Promise<Result<RawTable, IoError>>;
  /** Stops the read in progress; it resolves with the 'cancelled' error. */
  cancel(): void;
}

/** Minimal worker surface, so tests can pass a fake and the app a real Worker. */
export interface WorkerLike {
  onmessage: ((e: MessageEvent<ReadResponse>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  postMessage(message: ReadRequest, transfer: Transferable[]): void;
  terminate(): void;
}

export function createFileReader(ref: ReferenceIndex, makeWorker: (() => WorkerLike) | null): FileReader {
  let worker: WorkerLike | null = null;
  let seq = 0;
  let pending: { id: number; resolve: (r: Result<RawTable, IoError>) => void; progress: (f: number) => void } | null =
    null;

  const settle = (r: Result<RawTable, IoError>): void => {
    const p = pending;
    pending = null;
    p?.resolve(r);
  };

  function ensure(): WorkerLike | null {
    if (!makeWorker) return null;
    if (worker) return worker;
    const w = makeWorker();
    w.onmessage = (e) => {
      const m = e.data;
      if (!pending || m.id !== pending.id) return;
      if (m.type === 'progress') pending.progress(m.fraction);
      else settle(m.result);
    };
    w.onerror = (e) => {
      settle(err({ code: 'notGeoJson', params: { detail: e.message } }));
      w.terminate();
      worker = null;
    };
    worker = w;
    return w;
  }

  return {
    read(file, onProgress) {
      if (pending) settle(err({ code: 'cancelled' }));
      const id = ++seq;
      const w = ensure();
      if (!w) return readFile(file, { ref, onProgress });
      return new Promise((resolve) => {
        pending = { id, resolve, progress: onProgress };
        const bytes = file.bytes.slice();
        w.postMessage({ id, file: { name: file.name, bytes }, ref }, [bytes.buffer]);
      });
    },
    cancel() {
      if (!pending) return;
      worker?.terminate();
      worker = null;
      settle(err({ code: 'cancelled' }));
    },
  };
}
