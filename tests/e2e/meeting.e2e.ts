/** Meeting mode: slides, presenting, PNG and PDF export, scenario comparison, phasing, offline. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { waitForMap } from '../helpers/browser';
import { control, download, jumpTo, openApp, seedProjects, setCamera, useBrowser } from '../helpers/e2e';
import { parsePdf } from '../helpers/pdf';

const browser = useBrowser();
const seed = seedProjects();

/** The map camera once it has stopped moving. */
async function settledCamera(page: Page): Promise<{ lon: number; lat: number; zoom: number }> {
  await page.waitForFunction(() => window.__qzMap && !window.__qzMap.map.isMoving(), undefined, { timeout: 15_000 });
  return page.evaluate(() => {
    const m = window.__qzMap?.map;
    const c = m?.getCenter();
    return { lon: c?.lng ?? 0, lat: c?.lat ?? 0, zoom: m?.getZoom() ?? 0 };
  });
}

/** Decodes a PNG in the page and samples it: distinct colours, sea-blue and kindergarten-orange pixels. */
function pngStats(
  page: Page,
  bytes: Buffer,
): Promise<{ colours: number; sea: number; orange: number; samples: number } | null> {
  return page.evaluate(async (b64) => {
    const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bmp = await createImageBitmap(new Blob([data], { type: 'image/png' }));
    const c = document.createElement('canvas');
    c.width = bmp.width;
    c.height = bmp.height;
    const ctx = c.getContext('2d');
    if (!ctx) return null;
    ctx.drawImage(bmp, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const colours = new Set<number>();
    let sea = 0;
    let orange = 0;
    for (let i = 0; i < d.length; i += 4) {
      const [r = 0, g = 0, b = 0] = [d[i], d[i + 1], d[i + 2]];
      colours.add((r << 16) | (g << 8) | b);
      if (Math.abs(r - 0xbc) < 12 && Math.abs(g - 0xd9) < 12 && Math.abs(b - 0xe6) < 14) sea++;
      if (Math.abs(r - 0xf2) < 30 && Math.abs(g - 0x8e) < 30 && Math.abs(b - 0x2b) < 30) orange++;
    }
    return { colours: colours.size, sea, orange, samples: d.length / 4 };
  }, bytes.toString('base64'));
}

const visibleLayers = (page: Page): Promise<string[]> =>
  page.evaluate(() => [...(window.__qzApp?.state.visible.value ?? [])].sort());

const boxesApart = (a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean =>
  a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;

describe('meeting mode', () => {
  it('saves three slides, presents them with the keyboard, and exports a PNG and a PDF', async () => {
    const s = await openApp(browser());
    const { page } = s;
    await page.getByTestId('sidebar-tab-slides').click();
    const views = [
      { lon: 118.6, lat: 24.95, zoom: 9.6, hide: null },
      { lon: 118.6, lat: 24.9, zoom: 12.2, hide: 'kindergarten' },
      { lon: 118.56, lat: 24.78, zoom: 11.4, hide: 'primary' },
    ] as const;
    for (const v of views) {
      if (v.hide) await page.evaluate((id) => window.__qzApp?.actions.toggleLayer(id), v.hide);
      await setCamera(page, v.lon, v.lat, v.zoom);
      await page.getByTestId('view-save').click();
    }
    await expect.poll(() => page.getByTestId('view-list').getAttribute('data-count')).toBe('3');
    // rename the third slide; undo and redo go through the scenario's history
    const title = page.getByTestId('view-title').nth(2);
    await title.fill('晋江南安片区');
    await title.press('Enter');
    await expect.poll(() => page.evaluate(() => window.__qzApp?.state.history.value.undo?.kind)).toBe('slideEdit');
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('view-title').nth(2).inputValue()).toBe('幻灯片 3');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => page.getByTestId('view-title').nth(2).inputValue()).toBe('晋江南安片区');
    const slides = await page.evaluate(() => window.__qzApp?.state.meeting.slides.value ?? []);
    expect(slides.map((x) => x.layers.includes('kindergarten'))).toEqual([true, false, false]);
    expect(slides.map((x) => x.layers.includes('primary'))).toEqual([true, true, false]);

    // present at 1366×768: each slide sets its camera and its layers
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByTestId('present-start').click();
    await expect.poll(() => page.getByTestId('presentation').getAttribute('data-index')).toBe('0');
    const expectSlide = async (i: number): Promise<void> => {
      await expect.poll(() => page.getByTestId('presentation').getAttribute('data-index')).toBe(String(i));
      const slide = slides[i];
      if (!slide) throw new Error('slide missing');
      await expect
        .poll(
          async () => {
            const c = await settledCamera(page);
            return Math.abs(c.lon - slide.camera.lon) < 1e-4 && Math.abs(c.zoom - slide.camera.zoom) < 0.01;
          },
          { timeout: 15_000 },
        )
        .toBe(true);
      expect(await visibleLayers(page)).toEqual([...slide.layers].sort());
      expect(await page.getByTestId('present-title').innerText()).toContain(slide.title);
    };
    await expectSlide(0);
    await page.keyboard.press('ArrowRight');
    await expectSlide(1);
    // the legend lists the visible layers only
    expect(await page.getByTestId('present-legend').innerText()).not.toContain('幼儿园');
    await page.keyboard.press('End');
    await expectSlide(2);
    await page.keyboard.press('ArrowRight');
    await expectSlide(2);
    await page.keyboard.press('Home');
    await expectSlide(0);
    await page.getByTestId('present-next').click();
    await expectSlide(1);
    // a clean layout: title block, legend, credit and controls inside the screen, none overlapping
    for (const size of [
      { width: 1366, height: 768 },
      { width: 1920, height: 1080 },
    ]) {
      await page.setViewportSize(size);
      await page.waitForTimeout(200);
      const ids = ['present-title', 'present-legend', 'present-credit', 'present-next'];
      const boxes = await Promise.all(ids.map((id) => page.getByTestId(id).boundingBox()));
      for (const b of boxes) {
        if (!b) throw new Error('presentation element missing');
        expect(b.x >= 0 && b.y >= 0 && b.x + b.width <= size.width && b.y + b.height <= size.height).toBe(true);
      }
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i], boxes[j]];
          if (a && b) expect(boxesApart(a, b), `${ids[i] ?? ''} / ${ids[j] ?? ''}`).toBe(true);
        }
    }
    expect(await page.getByTestId('present-credit').innerText()).toContain('位置示意');
    await page.getByTestId('present-prev').click();
    await expectSlide(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('presentation').count()).toBe(0);
    await page.setViewportSize({ width: 1440, height: 900 });

    // PNG of slide 2 at 1920×1080: drawn at that size, not blank
    await (await control(page, 'export-png')).click();
    await page.getByTestId('export-content').selectOption(slides[1]?.id ?? '');
    await page.getByTestId('export-size-hd').check();
    const png = await download(page, 'export-go');
    expect(png.name).toMatch(/\.png$/);
    expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)]).toEqual([1920, 1080]);
    const stats = await pngStats(page, png.bytes);
    if (!stats) throw new Error('could not decode the PNG');
    // a real map: many colours, and the title block, legend and symbols drawn over it
    expect(stats.colours).toBeGreaterThan(500);
    expect(stats.sea / stats.samples).toBeLessThan(0.95);

    // PDF, A4 landscape: the map page, the statistics page and the demand projection's page, Chinese text
    // extractable (of a district:
    // fewer tiles to lay out than the whole city, on this software-rendered VM)
    await jumpTo(page, 118.6, 24.9, 12.5);
    await (await control(page, 'export-pdf')).click();
    await page.getByTestId('export-paper').selectOption('A4');
    await page.getByTestId('export-all-slides').uncheck();
    const pdfFile = await download(page, 'export-go', 180_000);
    const pdf = await parsePdf(new Uint8Array(pdfFile.bytes));
    expect(pdf.pages).toHaveLength(3);
    for (const p of pdf.pages) {
      expect(p.width).toBeCloseTo(841.89, 1);
      expect(p.height).toBeCloseTo(595.28, 1);
    }
    expect(pdf.title).toBe('2022年度建设计划（示意）');
    expect(pdf.pages[0]?.text).toContain('2022年度建设计划（示意）');
    expect(pdf.pages[0]?.text).toContain('泉州市教育局');
    expect(pdf.pages[1]?.text).toContain('分区县统计');
    expect(pdf.pages[1]?.text).toContain('鲤城区');
    expect(pdf.pages[1]?.text).toContain('第 2 页，共 3 页');
    // the projection: its variant, the first short year per county and stage, what it rests on
    const projection = pdf.pages[2]?.text ?? '';
    expect(projection).toContain('学位需求预测 · 中方案');
    expect(projection).toContain('首次不足');
    expect(projection).toContain('晋江市');
    expect(projection).toContain('七普');
    expect(projection).toContain('模型推算');
    expect(projection).toContain('第 3 页，共 3 页');
    expect(s.consoleErrors).toEqual([]);
    await s.context.close();
  }, 240_000);

  it('compares two scenarios: swipe and side by side, the table of changes, flying to a row, CSV; phasing by year', async () => {
    const s = await openApp(browser());
    const { page } = s;
    // phasing: projects completed by 2022
    await page.getByTestId('year-slider').fill('2022');
    const by2022 = seed.filter((p) => p.properties.year <= 2022).length;
    await expect.poll(() => page.getByTestId('phase-status').getAttribute('data-shown')).toBe(String(by2022));
    await expect.poll(() => page.getByTestId('year-value').innerText()).toBe('2022');
    expect(await page.locator('[data-testid=phase-chart] rect').count()).toBe(14);
    await page.getByTestId('year-all').check();
    await expect.poll(() => page.getByTestId('phase-status').getAttribute('data-shown')).toBe(String(seed.length));

    // scenario B: a copy with one project deleted, one moved, one completed
    const [gone, moved, grown] = seed;
    if (!gone || !moved || !grown) throw new Error('seed too small');
    await page.evaluate(
      async ({ gone, moved, grown }) => {
        const app = window.__qzApp;
        if (!app) return;
        await app.actions.duplicateScenario('方案B');
        await app.actions.deleteProjects([gone]);
        await app.actions.moveProject(moved.id, moved.lon, moved.lat);
        app.actions.setChecked([grown]);
        await app.actions.bulkSet('status', 'completed');
        await app.flush();
      },
      {
        gone: gone.id,
        moved: {
          id: moved.id,
          lon: (moved.geometry.coordinates[0] ?? 0) + 0.01,
          lat: moved.geometry.coordinates[1] ?? 0,
        },
        grown: grown.id,
      },
    );
    await page.getByTestId('compare-open').click();
    expect(await page.getByTestId('compare-a').inputValue()).toBe('illustrative-2022');
    await expect.poll(() => page.getByTestId('compare-diff').getAttribute('data-rows')).toBe('3');
    const rows = page.getByTestId('compare-row');
    expect(
      await rows.evaluateAll((els) =>
        els.map((e) => [e.getAttribute('data-id'), e.getAttribute('data-status'), e.getAttribute('data-moved')]),
      ),
    ).toEqual([
      [moved.id, 'modified', 'true'],
      [grown.id, 'modified', 'false'],
      [gone.id, 'removed', 'false'],
    ]);
    expect(await page.getByTestId('compare-summary').innerText()).toContain('删除 1');
    const city = page.locator('[data-testid=compare-seats] tr[data-county=city] td[data-delta]');
    expect(await city.getAttribute('data-delta')).toBe(String(-gone.properties.seats));
    await page.waitForSelector('[data-testid=compare-coverage]', { timeout: 60_000 });
    await page.waitForSelector('[data-testid=compare-maps][data-ready=true]', { timeout: 60_000 });
    // both maps draw the projects (kindergartens in orange)
    for (const id of ['compare-map-a', 'compare-map-b'])
      await expect
        .poll(async () => (await pngStats(page, await page.getByTestId(id).screenshot()))?.orange ?? 0, {
          timeout: 30_000,
          interval: 1000,
        })
        .toBeGreaterThan(30);
    // the swipe bar clips map B; side by side shows both
    const clip = await page.getByTestId('compare-map-b').evaluate((el) => getComputedStyle(el).clipPath);
    expect(clip).toContain('inset');
    await page.getByTestId('compare-mode-side').click();
    expect(await page.getByTestId('compare-maps').getAttribute('data-mode')).toBe('side');
    const [a, b] = await Promise.all([
      page.getByTestId('compare-map-a').boundingBox(),
      page.getByTestId('compare-map-b').boundingBox(),
    ]);
    expect(a && b && a.x + a.width <= b.x + 1).toBe(true);
    // a row flies map B to the project
    await rows.nth(2).click();
    const [gx = 0, gy = 0] = gone.geometry.coordinates;
    await expect
      .poll(
        async () => {
          const c = (await page.getByTestId('compare-maps').getAttribute('data-center'))?.split(',').map(Number) ?? [];
          return Math.abs((c[0] ?? 0) - gx) < 0.001 && Math.abs((c[1] ?? 0) - gy) < 0.001;
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    const csv = await download(page, 'compare-export-csv');
    const text = csv.bytes.toString('utf8');
    expect(text).toContain(gone.id);
    expect(text).toContain('删除');
    // the same scenario on both sides: nothing differs
    await page.getByTestId('compare-a').selectOption(await page.getByTestId('compare-b').inputValue());
    await expect.poll(() => page.getByTestId('compare-diff').getAttribute('data-rows')).toBe('0');
    await page.getByTestId('compare-close').click();
    expect(await page.getByTestId('compare-view').count()).toBe(0);
    expect(s.consoleErrors).toEqual([]);
    await s.context.close();
  });

  it('works offline after the first load, and offers a new version without losing a saved edit', async () => {
    const s = await openApp(browser(), { serviceWorker: true });
    const { page } = s;
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
    // a new version: another script URL for the same scope installs and waits
    await page.evaluate(() => navigator.serviceWorker.register('./sw.js?build=next', { scope: './' }));
    await page.getByTestId('update-prompt').waitFor({ timeout: 60_000 });
    await page.getByTestId('sidebar-tab-slides').click();
    await page.getByTestId('view-save').click();
    await Promise.all([page.waitForEvent('load', { timeout: 60_000 }), page.getByTestId('update-reload').click()]);
    await waitForMap(page);
    expect(await page.evaluate(() => window.__qzApp?.state.meeting.slides.value.length)).toBe(1);
    // no network: the app opens from its cache and works
    await s.context.setOffline(true);
    await page.reload();
    await waitForMap(page);
    expect(await page.getByTestId('load-error').count()).toBe(0);
    expect(await page.evaluate(() => window.__qzApp?.state.scenario.value.features.length)).toBe(seed.length);
    await page.getByTestId('sidebar-tab-slides').click();
    await page.getByTestId('view-save').click();
    await expect.poll(() => page.getByTestId('view-list').getAttribute('data-count')).toBe('2');
    await s.context.setOffline(false);
    await s.context.close();
  });
});
