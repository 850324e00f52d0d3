/** Runs `fn` against `vite preview` of dist/ on a loopback port, then stops the server. */
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser } from 'playwright-core';
import { launch, SWIFTSHADER_AS_GPU } from '../../tests/helpers/browser';

/**
 * The bench's browser: with the flags the tests used until round 5 (SwiftShader as a GPU), so that its
 * figures compare with every baseline measured so far; `QZ_BENCH_GPU_LESS=1 npm run bench` measures
 * Chromium's GPU-less configuration instead, the tests' own, in which the drag round trip measured about
 * 180 ms instead of 3 (docs/ARCHITECTURE.md, Start-up, fifth round).
 */
export const launchForBench = (): Promise<Browser> =>
  launch(process.env.QZ_BENCH_GPU_LESS === '1' ? [] : SWIFTSHADER_AS_GPU);

export async function withPreview(port: number, fn: (url: string) => Promise<void>): Promise<void> {
  const url = `http://127.0.0.1:${port}/`;
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    stdio: 'ignore',
    detached: true,
  });
  try {
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(url)).ok) break;
      } catch {
        await sleep(200);
      }
    }
    await fn(url);
  } finally {
    if (server.pid) process.kill(-server.pid);
  }
}
