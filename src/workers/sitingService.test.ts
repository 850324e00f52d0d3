import { describe, expect, it } from 'vitest';
import type { SitingRequest } from '../core/analysis/siting/run';
import type { SitingJob, SitingReply } from './sitingMessages';
import { createSitingRunner, type SitingWorkerLike } from './sitingService';

/** A worker that records what it is sent and answers when told. */
function fakeWorker() {
  const sent: SitingJob[] = [];
  let terminated = false;
  const w: SitingWorkerLike & { reply(m: SitingReply): void; sent: SitingJob[]; terminated(): boolean } = {
    onmessage: null,
    onerror: null,
    postMessage: (m) => sent.push(m),
    terminate: () => {
      terminated = true;
    },
    reply: (m) => w.onmessage?.({ data: m } as MessageEvent<SitingReply>),
    sent,
    terminated: () => terminated,
  };
  return w;
}

const request = {
  radius: 500,
  k: 1,
  seats: null,
  county: null,
  minSpacing: 0,
  exclusion: 0,
  childrenPerResident: 0.08,
  existing: [],
  planned: [],
  candidates: null,
} satisfies SitingRequest;

describe('the siting runner', () => {
  it('reports progress, and resolves with the worker’s result', async () => {
    const w = fakeWorker();
    const runner = createSitingRunner(() => w);
    const progress: number[] = [];
    const done = runner.run(new ArrayBuffer(8), request, (f) => progress.push(f));
    expect(w.sent[0]?.type).toBe('run');
    w.reply({ type: 'progress', fraction: 0.5 });
    const outcome = {
      suggestions: [],
      total: 1,
      reachedBefore: 0,
      gained: 0,
      candidates: 0,
      greedy: 0,
      swaps: 0,
      dropOne: [],
      cancelled: false,
    };
    w.reply({ type: 'done', outcome, ms: 12 });
    const r = await done;
    expect(progress).toEqual([0.5]);
    expect(r).toEqual({ ok: true, value: { outcome, ms: 12 } });
    expect(w.terminated()).toBe(true);
  });

  it('cancel terminates the worker and the run resolves as cancelled; a worker error is said', async () => {
    const w = fakeWorker();
    const runner = createSitingRunner(() => w);
    const done = runner.run(new ArrayBuffer(8), request, () => undefined);
    runner.cancel();
    expect(await done).toEqual({ ok: false, error: 'cancelled' });
    expect(w.terminated()).toBe(true);
    const w2 = fakeWorker();
    const again = createSitingRunner(() => w2).run(new ArrayBuffer(8), request, () => undefined);
    w2.reply({ type: 'failed', error: 'population surface: not a QZPS file' });
    expect(await again).toEqual({ ok: false, error: 'population surface: not a QZPS file' });
  });
});
