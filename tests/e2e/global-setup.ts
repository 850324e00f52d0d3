import { existsSync } from 'node:fs';
import { preview } from 'vite';
import { CHROMIUM } from '../helpers/browser';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Serves the production build (dist/, built by `npm run test:e2e`) on loopback for the whole run. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}. Install Debian's packages first: apt-get install -y chromium fonts-noto-cjk (bash .ci/run does it), or set CHROMIUM_PATH.`,
    );
  }
  if (!existsSync('dist/index.html'))
    throw new Error('No production build in dist/: run `npm run test:e2e`, which builds first.');
  const server = await preview({ preview: { host: '127.0.0.1', port: 4174, strictPort: true }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  project.provide('baseUrl', url);
  return async () => {
    await server.close();
  };
}
