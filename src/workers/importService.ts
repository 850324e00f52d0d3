/**
 * Heavy import work off the main thread: the io worker reads files with the codec registry (with
 * progress) and builds population surfaces from them. Cancelling terminates the worker (a parser
 * cannot be interrupted otherwise) and a new one is started for the next job. Without workers
 * (unit tests) the same code runs in process.
 */
import type { ReferenceIndex } from '../core/geodata/reference';
import type { PopulationResult } from '../core/io/population';
import type { InputFile, IoError, RawTable } from '../core/io/types';
import { err, type Result } from '../core/result';
import type { IoRequest, IoResponse, PopulationJob } from './ioMessages';

export type { IoRequest, IoResponse, PopulationJob } from './ioMessages';

export interface FileReader {
  /** Reads a file (one layer of it: `layer`, or the first). */
  read(file: InputFile, onProgress: (fraction: number) => void, layer?: string): Promise<Result<RawTable, IoError>>;
  buildPopulation(job: PopulationJob): Promise<Result<PopulationResult, IoError>>;
  /** Stops the job in progress; it resolves with the 'cancelled' error. */
  cancel(): void;
}

/** Minimal worker surface, so tests can pass a fake and the app a real Worker. */
export interface WorkerLike {
  onmessage: ((e: MessageEvent<IoResponse>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  postMessage(message: IoRequest, transfer: Transferable[]): void;
  terminate(): void;
}

type Settle = (r: IoResponse | null, error?: IoError) => void;

export function createFileReader(ref: ReferenceIndex, makeWorker: (() => WorkerLike) | null): FileReader {
  let worker: WorkerLike | null = null;
  let seq = 0;
  let pending: { id: number; settle: Settle; progress: (f: number) => void } | null = null;

  const fail = (error: IoError): void => {
    const p = pending;
    pending = null;
    p?.settle(null, error);
  };

  function ensure(): WorkerLike | null {
    if (!makeWorker) return null;
    if (worker) return worker;
    const w = makeWorker();
    w.onmessage = (e) => {
      const m = e.data;
      if (!pending || m.id !== pending.id) return;
      if (m.type === 'progress') {
        pending.progress(m.fraction);
        return;
      }
      const p = pending;
      pending = null;
      p.settle(m);
    };
    w.onerror = (e) => {
      fail({ code: 'notGeoJson', params: { detail: e.message } });
      w.terminate();
      worker = null;
    };
    worker = w;
    return w;
  }

  /** Posts a request and resolves with its answer (or the error that ended it). */
  function post<T>(
    w: WorkerLike,
    make: (id: number) => { req: IoRequest; transfer: Transferable[] },
    pick: (m: IoResponse) => Result<T, IoError> | null,
    progress: (f: number) => void = () => undefined,
  ): Promise<Result<T, IoError>> {
    if (pending) fail({ code: 'cancelled' });
    const id = ++seq;
    return new Promise((resolve) => {
      pending = {
        id,
        progress,
        settle: (m, error) =>
          resolve(m ? (pick(m) ?? err({ code: 'cancelled' })) : err(error ?? { code: 'cancelled' })),
      };
      const { req, transfer } = make(id);
      w.postMessage(req, transfer);
    });
  }

  return {
    read(file, onProgress, layer) {
      const w = ensure();
      // without workers (unit tests) the codecs run here, loaded on first use
      if (!w)
        return import('../core/io/registry').then((m) =>
          m.readFile(file, { ref, onProgress, ...(layer !== undefined ? { layer } : {}) }),
        );
      return post(
        w,
        (id) => {
          const bytes = file.bytes.slice();
          return {
            req: { id, type: 'read', file: { name: file.name, bytes }, ref, ...(layer !== undefined ? { layer } : {}) },
            transfer: [bytes.buffer],
          };
        },
        (m) => (m.type === 'done' ? m.result : null),
        onProgress,
      );
    },
    buildPopulation(job) {
      const w = ensure();
      if (!w) return import('./populationJob').then((m) => m.runPopulationJob(job));
      return post(
        w,
        (id) => ({ req: { id, type: 'population', job }, transfer: [] }),
        (m) => (m.type === 'population' ? m.result : null),
      );
    },
    cancel() {
      if (!pending) return;
      worker?.terminate();
      worker = null;
      fail({ code: 'cancelled' });
    },
  };
}
