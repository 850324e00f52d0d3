import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { launch, waitForMap } from './browser';
import { readJson } from '../../scripts/lib/reference';
import { validateScenario } from '../../src/core/model/validate';
import type { ProjectFeature } from '../../src/core/model/project';

export const baseUrl = (): string => inject('baseUrl');

/** One browser per test file (each test still gets its own context, so no state is shared). */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('browser not launched yet');
    return browser;
  };
}

/** The seeded scenario the app starts with, read and validated like the app does. */
export function seedProjects(): readonly ProjectFeature[] {
  const r = validateScenario(readJson('seeds/scenario-2022.geojson'));
  if (!r.ok) throw new Error('seed scenario is invalid');
  return r.value.scenario.features;
}
export const origin = (): string => new URL(baseUrl()).origin;

export interface Session {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly requests: string[];
  readonly consoleErrors: string[];
}

/**
 * After the first map the app looks for basemap archives IT may have deployed beside index.html
 * (basemaps.json, basemap.pmtiles); on a server without them the browser logs the 404 of that lookup.
 */
export const isDeploymentLookup = (text: string, url: string): boolean =>
  /status of 404/.test(text) && /\/(basemaps\.json|basemap\.pmtiles)$/.test(url);

/** A fresh context (own storage) with every request and console error recorded. */
export async function openApp(
  browser: Browser,
  options: {
    wait?: boolean;
    viewport?: { width: number; height: number };
    serviceWorker?: boolean;
    /** Script run in the page before the app's own (page.addInitScript). */
    init?: string;
  } = {},
): Promise<Session> {
  // the service worker's first caching of the build costs each page load ~2 s on this VM: only the
  // test of offline use and updates lets it run
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1440, height: 900 },
    serviceWorkers: options.serviceWorker === true ? 'allow' : 'block',
  });
  const page = await context.newPage();
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' && !isDeploymentLookup(m.text(), m.location().url)) consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  if (options.init) await page.addInitScript({ content: options.init });
  await page.goto(baseUrl());
  if (options.wait !== false) await waitForMap(page);
  return { context, page, requests, consoleErrors };
}

/** Requests that left the app's own origin (data: and blob: URLs stay in the page). */
export function foreignRequests(s: Session): string[] {
  const own = origin();
  return s.requests.filter((u) => !u.startsWith(own) && !u.startsWith('data:') && !u.startsWith('blob:'));
}

/** Counts canvas pixels within `tol` of an RGB colour (reads the map's WebGL canvas). */
export async function countColor(page: Page, hex: string, tol = 14): Promise<number> {
  await waitForMap(page);
  return page.evaluate(
    ({ hex, tol }) => {
      const c = window.__qzMap?.map.getCanvas();
      if (!c) return -1;
      const off = document.createElement('canvas');
      off.width = c.width;
      off.height = c.height;
      const ctx = off.getContext('2d');
      if (!ctx) return -1;
      ctx.drawImage(c, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      const r = Number.parseInt(hex.slice(1, 3), 16);
      const g = Number.parseInt(hex.slice(3, 5), 16);
      const b = Number.parseInt(hex.slice(5, 7), 16);
      let n = 0;
      for (let i = 0; i < d.length; i += 4) {
        if (
          Math.abs((d[i] ?? 0) - r) <= tol &&
          Math.abs((d[i + 1] ?? 0) - g) <= tol &&
          Math.abs((d[i + 2] ?? 0) - b) <= tol
        )
          n++;
      }
      return n;
    },
    { hex, tol },
  );
}

/** The RGB colour of the map canvas at a geographic point. */
export async function colorAt(page: Page, lon: number, lat: number): Promise<[number, number, number]> {
  await waitForMap(page);
  return page.evaluate(
    ({ lon, lat }) => {
      const m = window.__qzMap?.map;
      if (!m) return [0, 0, 0] as [number, number, number];
      const c = m.getCanvas();
      const p = m.project([lon, lat]);
      const ratio = c.width / c.clientWidth;
      const off = document.createElement('canvas');
      off.width = c.width;
      off.height = c.height;
      const ctx = off.getContext('2d');
      ctx?.drawImage(c, 0, 0);
      const d = ctx?.getImageData(Math.round(p.x * ratio), Math.round(p.y * ratio), 1, 1).data;
      return [d?.[0] ?? 0, d?.[1] ?? 0, d?.[2] ?? 0] as [number, number, number];
    },
    { lon, lat },
  );
}

export const hexToRgb = (hex: string): [number, number, number] => [
  Number.parseInt(hex.slice(1, 3), 16),
  Number.parseInt(hex.slice(3, 5), 16),
  Number.parseInt(hex.slice(5, 7), 16),
];
export const near = (a: readonly number[], b: readonly number[], tol = 10): boolean =>
  a.every((v, i) => Math.abs(v - (b[i] ?? 0)) <= tol);

/** Moves the camera and waits for the frame to settle. */
export async function jumpTo(page: Page, lon: number, lat: number, zoom: number): Promise<void> {
  await setCamera(page, lon, lat, zoom);
  await waitForMap(page);
}

/**
 * Moves the camera without waiting for the map to draw there, for steps that need only the camera (the
 * app hears of it at once: MapLibre's moveend fires within jumpTo); a step that reads no pixels need not
 * wait for the map to draw the new view.
 */
export async function setCamera(page: Page, lon: number, lat: number, zoom: number): Promise<void> {
  // a block, not an expression: jumpTo returns the map, which playwright would serialise (4–5 s, typed arrays)
  await page.evaluate(
    ({ lon, lat, zoom }) => {
      window.__qzMap?.map.jumpTo({ center: [lon, lat], zoom });
    },
    { lon, lat, zoom },
  );
}

/** Screen position (page coordinates) of a geographic point on the map. */
export async function screenPoint(page: Page, lon: number, lat: number): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ({ lon, lat }) => {
      const m = window.__qzMap?.map;
      if (!m) return { x: 0, y: 0 };
      const p = m.project([lon, lat]);
      const r = m.getContainer().getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    },
    { lon, lat },
  );
}

declare global {
  interface Window {
    __snapshots?: Record<string, Uint8ClampedArray>;
    /** A connection an older version holds open, to block the app's upgrade (persistence.e2e.ts). */
    __old?: IDBDatabase;
  }
}

/** Keeps the map canvas's current pixels under a name (in the page), for later comparison. */
export async function snapshot(page: Page, name: string): Promise<void> {
  await waitForMap(page);
  await page.evaluate((name) => {
    const c = window.__qzMap?.map.getCanvas();
    if (!c) throw new Error('no map');
    const off = document.createElement('canvas');
    off.width = c.width;
    off.height = c.height;
    const ctx = off.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    ctx.drawImage(c, 0, 0);
    window.__snapshots = { ...window.__snapshots, [name]: ctx.getImageData(0, 0, c.width, c.height).data };
  }, name);
}

/** Number of pixels that differ noticeably between two snapshots. */
export async function changedPixels(page: Page, a: string, b: string): Promise<number> {
  return page.evaluate(
    ({ a, b }) => {
      const x = window.__snapshots?.[a];
      const y = window.__snapshots?.[b];
      if (!x || !y || x.length !== y.length) return -1;
      let n = 0;
      for (let i = 0; i < x.length; i += 4) {
        const d =
          Math.abs((x[i] ?? 0) - (y[i] ?? 0)) +
          Math.abs((x[i + 1] ?? 0) - (y[i + 1] ?? 0)) +
          Math.abs((x[i + 2] ?? 0) - (y[i + 2] ?? 0));
        if (d > 24) n++;
      }
      return n;
    },
    { a, b },
  );
}

/** Waits until every change is committed to IndexedDB (the header says 已保存). */
export async function waitSaved(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('save-status').getAttribute('data-status')).toBe('saved');
}

/** Controls that live in a menu of the top bar, and the button that opens it. */
const IN_MENU: Readonly<Record<string, string>> = {
  'scenario-new': 'scenario-menu',
  'scenario-duplicate': 'scenario-menu',
  'scenario-rename': 'scenario-menu',
  'scenario-delete': 'scenario-menu',
  'scenario-reset': 'scenario-menu',
  'export-geojson': 'export-more',
  'export-geojson-gcj02': 'export-more',
  'export-csv': 'export-more',
  'export-xlsx': 'export-more',
  'export-county-csv': 'export-more',
  'export-sites': 'export-more',
  'export-gis': 'export-more',
  'export-png': 'export-map',
  'export-pdf': 'export-map',
};

/** A control by its test id, opening the menu it lives in first when it is one of the menus' items. */
export async function control(page: Page, testid: string): Promise<Locator> {
  const item = page.getByTestId(testid);
  const menu = IN_MENU[testid];
  if (menu && !(await item.isVisible())) await page.getByTestId(menu).click();
  return item;
}

/** Clicks a control that downloads a file, and reads the file. */
export async function download(
  page: Page,
  testid: string,
  timeout = 120_000,
): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout }), (await control(page, testid)).click()]);
  const path = await d.path();
  return { name: d.suggestedFilename(), bytes: readFileSync(path) };
}
