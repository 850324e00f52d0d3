/**
 * Launching Debian Chromium through playwright-core as it runs on a machine without a usable GPU (a
 * virtual desktop, a 信创 PC without a driver): there chrome://gpu says Compositing, Rasterization and
 * Canvas "Software only" and WebGL "Software only" (SwiftShader, which managed machines keep through the
 * EnableUnsafeSwiftShader policy). Until round 5 of the start-up work the tests also forced
 * `--use-angle=swiftshader --ignore-gpu-blocklist`: chrome://gpu then says "Hardware accelerated"
 * everywhere, and the GPU process composites and rasterises every page through SwiftShader — a set-up no
 * planner's machine has, which hid a deck.gl picking bug (src/map/analysisOverlay.ts) and cost the suite
 * about 12 % of its time (docs/ARCHITECTURE.md, Start-up).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-swiftshader',
];

/** The flags the tests used until round 5: SwiftShader as if it were a GPU, compositing included. */
export const SWIFTSHADER_AS_GPU = ['--use-angle=swiftshader', '--ignore-gpu-blocklist'];

/** `extra`: more Chromium flags (a host resolver rule, WebGL turned off). */
export async function launch(extra: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...extra], headless: true });
}

/** A persistent profile, for tests of what survives a browser restart. */
export async function launchPersistent(
  dir = mkdtempSync(join(tmpdir(), 'qz-profile-')),
): Promise<{ context: BrowserContext; dir: string }> {
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1440, height: 900 },
  });
  return { context, dir };
}

/** Waits until the map has drawn its first full frame with the project layers. */
export async function waitForMap(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__qzMap !== undefined, undefined, { timeout: 30_000 });
  await page.evaluate(() => window.__qzMap?.ready);
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const m = window.__qzMap?.map;
        if (!m) return resolve();
        if (m.loaded() && !m.isMoving()) m.once('idle', () => resolve());
        else m.once('idle', () => resolve());
        m.triggerRepaint();
      }),
  );
}
