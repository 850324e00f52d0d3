/**
 * Deployed as a bureau's IT would: the build served by a plain static server (scripts/lib/staticServer.ts)
 * under a sub-path, opened by a made-up intranet host name over plain HTTP (Chromium's host resolver maps
 * it to this machine) — not a secure context — and by http://127.0.0.1 (a secure context). Plus the
 * built JavaScript's syntax against the browsers we support, a browser without WebGL, an old browser,
 * and the Content-Security-Policy the build ships.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../scripts/lib/staticServer';
import { launch, waitForMap } from '../helpers/browser';
import { isDeploymentLookup } from '../helpers/e2e';

const BASE = '/jyj/planning/';
const HOST = 'jyj-gh.intranet';

let server: Server | null = null;
let port = 0;
beforeAll(async () => {
  const s = await startServer({ dir: 'dist', base: BASE, host: '127.0.0.1', port: 0 });
  server = s.server;
  port = Number(new URL(s.url).port);
});
afterAll(() => {
  server?.close();
});

/** Console errors and CSP violations of a page (the deployment lookups' 404s aside). */
function watch(page: Page): { errors: string[]; violations: () => Promise<string[]> } {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !isDeploymentLookup(m.text(), m.location().url))
      errors.push(`${m.text()} ${m.location().url}`);
  });
  page.on('pageerror', (e) => errors.push(e.message));
  void page.addInitScript(() => {
    const list: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = list;
    document.addEventListener('securitypolicyviolation', (e) => list.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return {
    errors,
    violations: () => page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []),
  };
}

describe('the build', () => {
  it('parses as ES2022, the syntax of the oldest browsers we support (es-check)', () => {
    const out = execFileSync('node_modules/.bin/es-check', ['es2022', 'dist/assets/*.js', 'dist/sw.js', '--module'], {
      encoding: 'utf8',
    });
    expect(out).toMatch(/passed/i);
    // and compat.js, which any browser must run, is ES5
    execFileSync('node_modules/.bin/es-check', ['es5', 'dist/compat.js']);
  });

  it('holds a gzipped copy of each file that gzip shrinks, for servers that send them as they are', () => {
    const files = readdirSync('dist', { recursive: true, encoding: 'utf8' }).map((f) => join('dist', f));
    const text = files.filter((f) => /\.(m?js|css|html|json|geojson|bin)$/.test(f) && statSync(f).size >= 1024);
    const zipped = text.filter((f) => existsSync(`${f}.gz`));
    // every script, style and data file the first map needs, and the population grid
    for (const name of [
      /index-.*\.js$/,
      /maplibre-gl-worker-.*\.mjs$/,
      /index-.*\.css$/,
      /counties-.*\.geojson$/,
      /population-.*\.bin$/,
    ])
      expect(
        zipped.some((f) => name.test(f)),
        String(name),
      ).toBe(true);
    expect(zipped.length).toBeGreaterThan(text.length * 0.9);
    for (const f of zipped) expect(gunzipSync(readFileSync(`${f}.gz`)).equals(readFileSync(f)), f).toBe(true);
    // nothing else: no copies of source maps or of files a server reads by range (basemap archives)
    expect(files.filter((f) => f.endsWith('.gz') && !zipped.includes(f.slice(0, -3)))).toEqual([]);
  });

  it('ships a Content-Security-Policy: scripts and workers from its own origin only', () => {
    const html = readFileSync('dist/index.html', 'utf8');
    const csp = (/http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '').replace(/&#39;/g, "'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
  });
});

describe('served from an intranet web server under a sub-path', () => {
  let browser: Browser | null = null;
  beforeAll(async () => {
    browser = await launch([`--host-resolver-rules=MAP ${HOST} 127.0.0.1`]);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('over plain HTTP by host name: works and saves, says why it cannot work offline, keeps large files in IndexedDB, no CSP violation', async () => {
    if (!browser) throw new Error('no browser');
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const w = watch(page);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const encodings = new Map<string, string>();
    page.on('response', (r) => {
      const file = new URL(r.url()).pathname.split('/').pop() ?? '';
      encodings.set(file.replace(/-[\w-]{8}\./, '.'), r.headers()['content-encoding'] ?? 'identity');
    });
    await page.goto(`http://${HOST}:${port}${BASE}`);
    await waitForMap(page);
    // the build's gzipped copies (docs/DEPLOY.md: nginx gzip_static): what the first map needs arrives compressed
    expect(
      ['index.js', 'maplibre-gl-worker.mjs', 'land.geojson', 'counties.geojson', 'scenario-2022.geojson'].map((f) =>
        encodings.get(f),
      ),
    ).toEqual(['gzip', 'gzip', 'gzip', 'gzip', 'gzip']);
    expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
    const status = page.getByTestId('offline-status');
    expect(await status.getAttribute('data-available')).toBe('false');
    expect(await status.getAttribute('data-reason')).toBe('insecure');
    expect(await status.textContent()).toContain('需要 HTTPS 部署');
    expect(await status.getAttribute('title')).toContain('IndexedDB');

    // IndexedDB still saves: a new scenario is there after a reload
    await page.evaluate(() => window.__qzApp?.actions.newScenario('内网部署测试'));
    await expect
      .poll(() => page.evaluate(() => window.__qzApp?.state.scenario.value.scenario.name))
      .toBe('内网部署测试');
    await page.evaluate(() => window.__qzApp?.flush());
    // a basemap file goes to IndexedDB here (no OPFS outside a secure context), and stays
    await page.getByTestId('settings-open').click();
    await page.getByTestId('basemap-file-input').setInputFiles({
      name: 'streets.pmtiles',
      mimeType: 'application/octet-stream',
      buffer: readFileSync('tests/fixtures/basemap/streets.pmtiles'),
    });
    await expect.poll(() => page.getByTestId('basemap-file').count()).toBe(1);
    expect(await page.getByTestId('basemap-settings').textContent()).toContain('IndexedDB');
    await page.reload();
    await waitForMap(page);
    expect(await page.evaluate(() => window.__qzApp?.state.scenario.value.scenario.name)).toBe('内网部署测试');
    await page.getByTestId('settings-open').click();
    await expect.poll(() => page.getByTestId('basemap-file').count()).toBe(1);

    expect(
      requests.every(
        (u) => u.startsWith(`http://${HOST}:${port}${BASE}`) || u.startsWith('data:') || u.startsWith('blob:'),
      ),
    ).toBe(true);
    expect(await w.violations()).toEqual([]);
    expect(w.errors).toEqual([]);
    await context.close();
  });

  it('over http://127.0.0.1 (a secure context): the service worker installs, the status says so, and the page opens offline', async () => {
    if (!browser) throw new Error('no browser');
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, serviceWorkers: 'allow' });
    const page = await context.newPage();
    const w = watch(page);
    await page.goto(`http://127.0.0.1:${port}${BASE}`);
    await waitForMap(page);
    const status = page.getByTestId('offline-status');
    await expect.poll(() => status.getAttribute('data-available'), { timeout: 60_000, interval: 500 }).toBe('true');
    expect(await status.textContent()).toBe('可离线使用');
    await context.setOffline(true);
    await page.reload();
    await waitForMap(page);
    await expect
      .poll(() => page.getByTestId('offline-status').getAttribute('data-available'), { timeout: 30_000, interval: 500 })
      .toBe('true');
    await context.setOffline(false);
    expect(await w.violations()).toEqual([]);
    expect(w.errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('an old browser gets a clear page in both languages, not a blank one', async () => {
    if (!browser) throw new Error('no browser');
    const context = await browser.newContext();
    const page = await context.newPage();
    // what a browser older than Chromium 98 lacks
    await page.addInitScript(() => {
      delete (window as { structuredClone?: unknown }).structuredClone;
    });
    await page.goto(`http://127.0.0.1:${port}${BASE}`);
    const box = page.getByTestId('browser-unsupported');
    await box.waitFor();
    const text = (await box.textContent()) ?? '';
    expect(text).toContain('浏览器版本过旧');
    expect(text).toContain('This browser is too old');
    // and it stays: the app does not start over it (it once did, replacing the message a moment later)
    await page.waitForLoadState('networkidle');
    expect(await box.isVisible()).toBe(true);
    expect(await page.evaluate(() => window.__qzApp === undefined)).toBe(true);
    await context.close();
  });
});

describe('a browser without WebGL', () => {
  it('says the map cannot be drawn and why, in both languages', async () => {
    const browser = await launch(['--disable-webgl', '--disable-3d-apis']);
    try {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${port}${BASE}`);
      const box = page.getByTestId('webgl-unavailable');
      await box.waitFor({ timeout: 30_000 });
      const text = (await box.textContent()) ?? '';
      expect(text).toContain('WebGL 2');
      expect(text).toContain('no usable WebGL 2');
      // the rest of the app is there: the project list
      expect(await page.getByTestId('project-table').count()).toBeGreaterThan(0);
    } finally {
      await browser.close();
    }
  });
});
