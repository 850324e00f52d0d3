/** Runs `fn` against `vite preview` of dist/ on a loopback port, then stops the server. */
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

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
