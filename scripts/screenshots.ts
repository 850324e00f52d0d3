/**
 * Screenshots of the production build in both languages (docs/screenshots/), for the README and for
 * looking at what we ship. Run after `npm run build`:  npm run screenshots
 */
import type { Page } from 'playwright-core';
import { launch, waitForMap } from '../tests/helpers/browser';
import { withPreview } from './lib/preview';

/** Switches the language and waits until the page shows it (English loads on first use). */
async function toggleLang(page: Page): Promise<void> {
  const before = await page.evaluate(() => document.documentElement.lang);
  await page.getByTestId('lang-toggle').click();
  await page.waitForFunction((b) => document.documentElement.lang !== b, before);
}

async function main(): Promise<void> {
  await withPreview(4179, async (URL) => {
    const browser = await launch();
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const t0 = Date.now();
    await page.goto(URL);
    await waitForMap(page);
    console.log(`first map idle after ${Date.now() - t0} ms`);
    await page.screenshot({ path: 'docs/screenshots/overview-zh.png' });
    await page.getByTestId('project-row-qz2022-022').click();
    await waitForMap(page);
    await page.waitForTimeout(1200);
    await page.screenshot({ path: 'docs/screenshots/details-zh.png' });
    // editing: zoom to the project, draw its site outline corner by corner, check rows for a bulk edit
    const at = await page.evaluate(() => {
      const p = window.__qzApp?.state.selected.value;
      const m = window.__qzMap?.map;
      if (!p || !m) return null;
      m.jumpTo({ center: [p.geometry.coordinates[0] ?? 0, p.geometry.coordinates[1] ?? 0], zoom: 16 });
      const r = m.getContainer().getBoundingClientRect();
      const s = m.project([p.geometry.coordinates[0] ?? 0, p.geometry.coordinates[1] ?? 0]);
      return { x: r.left + s.x, y: r.top + s.y };
    });
    await waitForMap(page);
    if (at) {
      await page.getByTestId('site-draw').click();
      for (const [dx, dy] of [
        [-70, -40],
        [60, -55],
        [80, 35],
        [-50, 60],
      ] as const) {
        await page.mouse.click(at.x + dx, at.y + dy);
        await page.waitForTimeout(150);
      }
      await page.keyboard.press('Enter');
      await page.waitForTimeout(800);
    }
    for (const id of ['qz2022-019', 'qz2022-020', 'qz2022-021']) await page.getByTestId(`project-check-${id}`).check();
    await page.getByTestId('add-project-kindergarten').click();
    await waitForMap(page);
    await page.screenshot({ path: 'docs/screenshots/editing-zh.png' });
    await page.keyboard.press('Escape');
    await page.getByTestId('bulk-clear').click();
    await toggleLang(page);
    await page.waitForTimeout(500);
    await page.screenshot({ path: 'docs/screenshots/details-en.png' });
    await page.getByTestId('details-close').click();
    await page.getByTestId('map-fit-city').click();
    await page.waitForTimeout(1500);
    await page.screenshot({ path: 'docs/screenshots/overview-en.png' });
    // a typical meeting-room laptop
    const laptop = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await laptop.goto(URL);
    await waitForMap(laptop);
    await laptop.getByTestId('table-filter-county').selectOption('350582');
    await laptop.getByTestId('project-row-qz2022-053').click();
    await laptop.waitForTimeout(1500);
    await waitForMap(laptop);
    await laptop.screenshot({ path: 'docs/screenshots/laptop-zh.png' });

    // analysis: coverage with catchments and uncovered residents, then nearest-school catchments,
    // targets and the demand table (a fresh context: the analysis layers start hidden)
    const ctx = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const a = await ctx.newPage();
    await a.goto(URL);
    await waitForMap(a);
    await a.getByTestId('sidebar-tab-coverage').click();
    await a.getByTestId('coverage-show-catchments').check();
    await a.getByTestId('coverage-show-uncovered').check();
    await a.evaluate(() => {
      window.__qzMap?.map.jumpTo({ center: [118.6, 24.87], zoom: 11.3 });
    });
    await a.waitForTimeout(1500);
    await waitForMap(a);
    await a.screenshot({ path: 'docs/screenshots/coverage-zh.png' });
    await a.getByTestId('coverage-show-uncovered').uncheck();
    await a.getByTestId('coverage-show-catchments').uncheck();
    await a.getByTestId('coverage-show-assignment').check();
    await a.getByTestId('sidebar-tab-targets').click();
    await a.getByTestId('drawer-tab-demand').click();
    await a.waitForTimeout(1500);
    await waitForMap(a);
    await a.screenshot({ path: 'docs/screenshots/analysis-zh.png' });
    await toggleLang(a);
    await a.getByTestId('sidebar-tab-coverage').click();
    await a.waitForTimeout(800);
    await waitForMap(a);
    await a.screenshot({ path: 'docs/screenshots/analysis-en.png' });

    // import: a bureau's GBK CSV (a title row, a row without coordinates, a formula cell), then a
    // Shapefile in CGCS2000 Gauss-Krüger as existing schools, in English
    const ictx = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const im = await ictx.newPage();
    await im.goto(URL);
    await waitForMap(im);
    await im.getByTestId('import-open').click();
    await im.getByTestId('import-file-input').setInputFiles('tests/fixtures/io/projects-gbk.csv');
    await im.getByTestId('import-preview').waitFor();
    await im.waitForTimeout(2500);
    await im.screenshot({ path: 'docs/screenshots/import-zh.png' });
    await im.getByTestId('import-close').click();
    await toggleLang(im);
    await im.getByTestId('import-open').click();
    await im.getByTestId('import-file-input').setInputFiles('tests/fixtures/io/schools-4549.zip');
    await im.getByTestId('import-preview').waitFor();
    await im.getByTestId('import-target-existing').check();
    await im.waitForTimeout(2500);
    await im.screenshot({ path: 'docs/screenshots/import-en.png' });
    // a 高德/DataV file that does not say it is GCJ-02: the three datums over our county lines
    await im.getByTestId('import-close').click();
    await toggleLang(im);
    await im.getByTestId('import-open').click();
    await im.getByTestId('import-file-input').setInputFiles('tests/fixtures/real/datav-350500_full.json');
    await im.getByTestId('import-preview').waitFor();
    await im.waitForTimeout(2500);
    await im.screenshot({ path: 'docs/screenshots/import-datum-zh.png' });

    // meeting mode: a slide presented at 1920×1080 (Chinese) and 1366×768 (English), then two
    // scenarios compared under the swipe bar
    const mctx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const m = await mctx.newPage();
    await m.goto(URL);
    await waitForMap(m);
    await m.evaluate(async () => {
      const app = window.__qzApp;
      const map = window.__qzMap?.map;
      if (!app || !map) return;
      map.jumpTo({ center: [118.62, 24.9], zoom: 11.6 });
      app.actions.setPhaseYear(2025);
      await app.actions.meeting.saveSlide('中心市区 2025 年前建成项目');
      const id = app.state.meeting.slides.value[0]?.id;
      if (id) await app.actions.meeting.updateSlide(id, { caption: '“抓城建提品质”43 个项目中已列入本方案的部分' });
      app.actions.setPhaseYear(null);
      app.actions.meeting.present();
    });
    await m.waitForTimeout(2500);
    await waitForMap(m);
    await m.screenshot({ path: 'docs/screenshots/present-zh.png' });
    await m.keyboard.press('Escape');
    await toggleLang(m);
    await m.setViewportSize({ width: 1366, height: 768 });
    await m.getByTestId('present-start').click();
    await m.waitForTimeout(2500);
    await waitForMap(m);
    await m.screenshot({ path: 'docs/screenshots/present-en.png' });
    await m.keyboard.press('Escape');
    await toggleLang(m);
    await m.setViewportSize({ width: 1600, height: 1000 });
    await m.evaluate(async () => {
      const app = window.__qzApp;
      if (!app) return;
      await app.actions.duplicateScenario('方案B（调整选址）');
      await app.actions.deleteProjects(['qz2022-001']);
      await app.actions.moveProject('qz2022-002', 118.64, 24.915);
      app.actions.setChecked(['qz2022-003']);
      await app.actions.bulkSet('status', 'completed');
      app.actions.compare.open();
    });
    await m.getByTestId('compare-coverage').waitFor({ timeout: 60_000 });
    await m.waitForTimeout(8000);
    await m.screenshot({ path: 'docs/screenshots/compare-zh.png' });

    // trust: the targets as the data allows them (special education unknown, on the map in grey), an
    // edit kept on screen after the connection was lost, and a browser without IndexedDB
    const tctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const tp = await tctx.newPage();
    await tp.goto(URL);
    await waitForMap(tp);
    await tp.getByTestId('sidebar-tab-targets').click();
    await tp.getByTestId('targets-show-special').click();
    await tp.getByTestId('target-special-ed-rule-counties').locator('summary').click();
    await tp.getByTestId('target-special-ed-rule').scrollIntoViewIfNeeded();
    await tp.waitForTimeout(1500);
    await waitForMap(tp);
    await tp.screenshot({ path: 'docs/screenshots/targets-zh.png' });
    await tp.evaluate(async () => {
      // the connection keeps failing: every read-write transaction throws as if the database closed
      IDBDatabase.prototype.transaction = () => {
        throw new DOMException('The database connection is closing.', 'InvalidStateError');
      };
      await window.__qzApp?.actions.moveProject('qz2022-010', 118.6, 24.93);
    });
    await toggleLang(tp);
    await tp.waitForTimeout(800);
    await tp.screenshot({ path: 'docs/screenshots/unsaved-en.png' });
    const vctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    await vctx.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
    });
    const vp = await vctx.newPage();
    await vp.goto(URL);
    await waitForMap(vp);
    await vp.screenshot({ path: 'docs/screenshots/volatile-zh.png', clip: { x: 0, y: 0, width: 1366, height: 200 } });
    await browser.close();
  });
}

void main();
