/** Launching Debian Chromium through playwright-core with flags that give WebGL2 (SwiftShader) offline. */
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
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
];

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
