/**
 * Street-level basemaps: a PMTiles file loaded through Settings → 底图 (stored in OPFS, there after a
 * reload and with the network off), a raster archive, a broken file refused with nothing changed, an
 * archive IT deployed beside index.html, and an intranet XYZ service (tested, drawn, credited).
 * Fixtures: tests/fixtures/basemap, made by scripts/build-basemap-fixture.ts from our own data.
 */
import { readFileSync } from 'node:fs';
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STREET_COLORS } from '../../layers/basemap';
import { waitForMap } from '../helpers/browser';
import {
  control,
  countColor,
  download,
  foreignRequests,
  jumpTo,
  openApp,
  useBrowser,
  type Session,
} from '../helpers/e2e';
import { parsePdf } from '../helpers/pdf';

const fixture = (name: string): Buffer => readFileSync(`tests/fixtures/basemap/${name}`);
const browser = useBrowser();

/** Answers range requests for a file, as an intranet web server does. */
function serveRanges(bytes: Buffer) {
  return (route: Route): Promise<void> => {
    const range = /bytes=(\d+)-(\d+)/.exec(route.request().headers().range ?? '');
    if (!range) return route.fulfill({ status: 200, body: bytes, contentType: 'application/octet-stream' });
    const from = Number(range[1]);
    const to = Math.min(bytes.length - 1, Number(range[2]));
    return route.fulfill({
      status: 206,
      body: bytes.subarray(from, to + 1),
      headers: {
        'Content-Range': `bytes ${from}-${to}/${bytes.length}`,
        'Content-Type': 'application/octet-stream',
      },
    });
  };
}

const openSettings = async (page: Page): Promise<void> => {
  if (await page.getByTestId('settings-dialog').isVisible()) return;
  await page.getByTestId('settings-open').click();
  await page.getByTestId('basemap-settings').waitFor();
};
const closeSettings = async (page: Page): Promise<void> => {
  await page.getByTestId('settings-close').click();
  await waitForMap(page);
};

/** Names of the street features drawn on screen. */
const streetNames = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const m = window.__qzMap?.map;
    if (!m?.getLayer('bm-road-names')) return [];
    return [...new Set(m.queryRenderedFeatures({ layers: ['bm-road-names'] }).map((f) => String(f.properties.name)))];
  });

describe('street basemaps', () => {
  let s: Session | null = null;
  const session = (): Session => {
    if (!s) throw new Error('no page');
    return s;
  };
  beforeAll(async () => {
    s = await openApp(browser());
  });
  afterAll(async () => {
    await s?.context.close();
  });

  it('by default shows the embedded basemap, finds no deployed archive and requests nothing off the origin', async () => {
    const { page } = session();
    await openSettings(page);
    await expect.poll(() => page.getByTestId('basemap-deployed-none').isVisible()).toBe(true);
    expect(await page.getByTestId('basemap-select').inputValue()).toBe('offline');
    await closeSettings(page);
    expect(await page.getByTestId('basemap-attribution').count()).toBe(0);
    expect(foreignRequests(session())).toEqual([]);
  });

  it('refuses a file that is not an archive with its own message', async () => {
    const { page } = session();
    await openSettings(page);
    await page.getByTestId('basemap-file-input').setInputFiles({
      name: 'quanzhou.pmtiles',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('PK\u0003\u0004 this is a zip, not tiles'.padEnd(400, ' ')),
    });
    const msg = page.getByTestId('basemap-message');
    await expect.poll(() => msg.getAttribute('data-tone')).toBe('error');
    expect(await msg.textContent()).toContain('不是 PMTiles 文件');
    const cut = fixture('streets.pmtiles').subarray(0, 5000);
    await page.getByTestId('basemap-file-input').setInputFiles({ name: 'cut.pmtiles', mimeType: '', buffer: cut });
    await expect.poll(() => msg.textContent()).toContain('不完整');
    expect(await page.getByTestId('basemap-file').count()).toBe(0);
    expect(await page.getByTestId('basemap-select').inputValue()).toBe('offline');
  });

  it('loads a vector archive and draws its streets, buildings and names at street zoom', async () => {
    const { page } = session();
    await openSettings(page);
    await page.getByTestId('basemap-file-input').setInputFiles({
      name: 'streets.pmtiles',
      mimeType: 'application/octet-stream',
      buffer: fixture('streets.pmtiles'),
    });
    await expect.poll(() => page.getByTestId('basemap-message').getAttribute('data-tone')).toBe('info');
    expect(await page.getByTestId('basemap-file').count()).toBe(1);
    const details = await page.getByTestId('basemap-file-details').textContent();
    expect(details).toContain('矢量 · 10–14 级');
    expect(details).toContain('118.57°–118.63°E');
    expect(await page.getByTestId('basemap-select').inputValue()).toMatch(/^file:/);
    await closeSettings(page);
    const before = await countColor(page, STREET_COLORS.building, 3);
    await jumpTo(page, 118.607, 24.9015, 16);
    await expect.poll(() => streetNames(page), { timeout: 15_000 }).toContain('测试大街');
    expect(await countColor(page, STREET_COLORS.building, 3)).toBeGreaterThan(before + 2000);
    expect(await page.getByTestId('basemap-attribution').textContent()).toBe(
      '测试数据 Test data © 泉州学校建设规划地图',
    );
    expect(foreignRequests(session())).toEqual([]);
  });

  it('keeps the file after a reload, draws it with the network off, and credits it in the PDF', async () => {
    const { page, context } = session();
    await page.reload();
    await waitForMap(page);
    await context.setOffline(true);
    try {
      await jumpTo(page, 118.6, 24.9, 15);
      await expect.poll(() => streetNames(page), { timeout: 15_000 }).toContain('学府测试路');
      expect(await page.getByTestId('basemap-attribution').isVisible()).toBe(true);
    } finally {
      await context.setOffline(false);
    }
    // the exported PDF credits the archive's data (the export code loads on first use: online here; the
    // service worker keeps it for offline use, tested in persistence.e2e.ts)
    await (await control(page, 'export-pdf')).click();
    await page.getByTestId('export-paper').selectOption('A4');
    const pdf = await parsePdf(new Uint8Array((await download(page, 'export-go', 180_000)).bytes));
    expect(pdf.pages[0]?.text).toContain('底图：测试数据 Test data © 泉州学校建设规划地图');
  });

  it('says so when the planner declares the file GCJ-02', async () => {
    const { page } = session();
    await openSettings(page);
    await page.getByTestId('basemap-file-crs').selectOption('gcj02');
    await closeSettings(page);
    expect(await page.getByTestId('basemap-warning').textContent()).toContain('GCJ-02');
    expect(await page.getByTestId('basemap-attribution').textContent()).toContain('GCJ-02');
    await openSettings(page);
    await page.getByTestId('basemap-file-crs').selectOption('wgs84');
    await closeSettings(page);
    expect(await page.getByTestId('basemap-warning').count()).toBe(0);
  });

  it('draws a raster archive, and removing a file goes back to the embedded basemap', async () => {
    const { page } = session();
    await openSettings(page);
    await page.getByTestId('basemap-file-input').setInputFiles({
      name: 'raster.pmtiles',
      mimeType: 'application/octet-stream',
      buffer: fixture('raster.pmtiles'),
    });
    await expect.poll(() => page.getByTestId('basemap-file').count()).toBe(2);
    await closeSettings(page);
    await jumpTo(page, 118.6, 24.9, 10);
    // the archive's lavender tiles (#C8A0F0), found nowhere else on our map
    await expect.poll(() => countColor(page, '#C8A0F0', 4), { timeout: 15_000 }).toBeGreaterThan(50_000);
    await openSettings(page);
    await page.getByTestId('basemap-file').nth(1).getByTestId('basemap-file-remove').click();
    await expect.poll(() => page.getByTestId('basemap-file').count()).toBe(1);
    expect(await page.getByTestId('basemap-select').inputValue()).toBe('offline');
    await closeSettings(page);
    expect(await countColor(page, '#C8A0F0', 4)).toBe(0);
  });
});

describe('basemaps from the bureau’s servers', () => {
  it('offers an archive deployed beside index.html and draws it', async () => {
    const s = await openApp(browser(), { wait: false });
    try {
      const { page } = s;
      await page.route('**/basemap.pmtiles', serveRanges(fixture('streets.pmtiles')));
      await page.reload();
      await waitForMap(page);
      await page.getByTestId('settings-open').click();
      await expect.poll(() => page.getByTestId('basemap-deployed').count(), { timeout: 15_000 }).toBe(1);
      await page.getByTestId('basemap-select').selectOption('deployed:basemap.pmtiles');
      await closeSettings(page);
      await jumpTo(page, 118.607, 24.9015, 16);
      await expect.poll(() => streetNames(page), { timeout: 15_000 }).toContain('测试大街');
      expect(foreignRequests(s)).toEqual([]);
    } finally {
      await s.context.close();
    }
  });

  it('tests an intranet XYZ service, draws its tiles and credits it; a wrong address says 404', async () => {
    const s = await openApp(browser());
    try {
      const { page } = s;
      const tile = fixture('tile.png');
      await page.route('http://tiles.intranet.test/**', (route) =>
        route.request().url().includes('/missing/')
          ? route.fulfill({ status: 404, body: 'not found', headers: { 'Access-Control-Allow-Origin': '*' } })
          : route.fulfill({
              status: 200,
              body: tile,
              headers: { 'Content-Type': 'image/png', 'Access-Control-Allow-Origin': '*' },
            }),
      );
      await openSettings(page);
      const url = page.getByTestId('basemap-custom-url');
      await url.fill('http://tiles.intranet.test/{z}/{x}.png');
      await url.blur();
      await expect.poll(() => page.getByTestId('basemap-custom-error').textContent()).toContain('{y}');
      await url.fill('http://tiles.intranet.test/missing/{z}/{x}/{y}.png');
      await url.blur();
      await page.getByTestId('basemap-custom-test').click();
      const result = page.getByTestId('basemap-custom-result');
      await expect.poll(() => result.getAttribute('data-code')).toBe('status');
      expect(await result.textContent()).toContain('404');
      await url.fill('http://tiles.intranet.test/{z}/{x}/{y}.png');
      await url.blur();
      await page.getByTestId('basemap-custom-attribution').fill('泉州市教育局信息中心');
      await page.getByTestId('basemap-custom-attribution').blur();
      await page.getByTestId('basemap-custom-test').click();
      await expect.poll(() => result.getAttribute('data-code')).toBe('ok');
      expect(await result.textContent()).toContain('256×256');
      await page.getByTestId('basemap-select').selectOption('custom');
      await closeSettings(page);
      await expect.poll(() => countColor(page, '#F0B450', 4), { timeout: 15_000 }).toBeGreaterThan(100_000);
      expect(await page.getByTestId('basemap-attribution').textContent()).toBe('泉州市教育局信息中心');
      // only the service the planner named was asked, and nothing else off the origin
      const foreign = foreignRequests(s);
      expect(foreign.length).toBeGreaterThan(0);
      expect(foreign.every((u) => u.startsWith('http://tiles.intranet.test/'))).toBe(true);
    } finally {
      await s.context.close();
    }
  });
});
