import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { waitForMap } from '../helpers/browser';
import { openApp, useBrowser } from '../helpers/e2e';

const browser = useBrowser();
const SHOTS = 'test-results/layout';
mkdirSync(SHOTS, { recursive: true });

interface Clipped {
  readonly control: string;
  readonly why: string;
}

/**
 * Every visible control of the top bar, the panels' tabs, the list's toolbar and the edit toolbar: inside
 * the window, not cut by a parent that scrolls or hides overflow, and its words not cut inside it.
 */
function clippedControls(page: Page): Promise<Clipped[]> {
  return page.evaluate(() => {
    const out: { control: string; why: string }[] = [];
    const areas = ['.topbar', '.sidebar-tabs', '.table-head', '.edit-toolbar', '.panel-handle'];
    const controls = areas.flatMap((a) => [
      ...document.querySelectorAll<HTMLElement>(
        `${a} button, ${a} select, ${a} input, ${a}[role="tab"], ${a}.panel-handle`,
      ),
    ]);
    for (const el of new Set(controls)) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      const name = el.dataset.testid ?? el.textContent?.trim().slice(0, 24) ?? el.tagName;
      if (r.left < -0.5 || r.right > innerWidth + 0.5 || r.top < -0.5 || r.bottom > innerHeight + 0.5)
        out.push({ control: name, why: `outside the window (${Math.round(r.left)}–${Math.round(r.right)})` });
      if (el.tagName === 'BUTTON' && el.scrollWidth > el.clientWidth + 1)
        out.push({ control: name, why: `text cut (${el.scrollWidth} > ${el.clientWidth})` });
      for (let p = el.parentElement; p; p = p.parentElement) {
        const s = getComputedStyle(p);
        if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
        const b = p.getBoundingClientRect();
        if (r.left < b.left - 0.5 || r.right > b.right + 0.5 || r.top < b.top - 0.5 || r.bottom > b.bottom + 0.5) {
          // a control scrolled out of a scrolling list is reachable; one cut by a box that hides is not
          if (s.overflowX === 'hidden' || s.overflowY === 'hidden' || s.overflowX === 'clip')
            out.push({ control: name, why: `cut by ${p.className || p.tagName}` });
        }
      }
    }
    return out;
  });
}

/** Rows of the top bar: its items grouped by where they start vertically. */
function headerRows(page: Page): Promise<number> {
  return page.evaluate(() => {
    const tops = [...(document.querySelector('.topbar')?.children ?? [])]
      .map((c) => c.getBoundingClientRect())
      .filter((r) => r.height > 0)
      .map((r) => r.top)
      .sort((a, b) => a - b);
    let rows = 0;
    let last = -Infinity;
    for (const t of tops) {
      if (t - last > 12) rows++;
      last = Math.max(last, t);
    }
    return rows;
  });
}

const mapShare = (page: Page): Promise<number> =>
  page.evaluate(() => (document.querySelector('.map-area')?.getBoundingClientRect().height ?? 0) / innerHeight);

describe('a screen that fits', () => {
  // one page load, resized: the checks only read the page until the last part folds the panels
  it('fits the top bar in two rows (one in Chinese) and clips no control at 1280×720 and 1920×1080; folds the panels away for the map and remembers it', async () => {
    const { page, context } = await openApp(browser(), { viewport: { width: 1280, height: 720 } });
    for (const [width, height] of [
      [1280, 720],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width, height });
      for (const lang of ['zh', 'en'] as const) {
        const shown = await page.evaluate(() => document.documentElement.lang);
        if (shown !== (lang === 'zh' ? 'zh-CN' : 'en')) await page.getByTestId('lang-toggle').click();
        await expect
          .poll(() => page.evaluate(() => document.documentElement.lang))
          .toBe(lang === 'zh' ? 'zh-CN' : 'en');
        const where = `${lang} at ${width}×${height}`;
        expect(await headerRows(page), `${where}: rows of the top bar`).toBeLessThanOrEqual(
          lang === 'zh' || width >= 1920 ? 1 : 2,
        );
        expect(await clippedControls(page), where).toEqual([]);
        // the menus of the top bar open inside the window too
        for (const menu of ['scenario-menu', 'export-more', 'export-map']) {
          await page.getByTestId(menu).click();
          const box = await page.locator('.menu-list').boundingBox();
          const inside = box !== null && box.x >= 0 && box.x + box.width <= width && box.y + box.height <= height;
          expect(inside, `${where}: ${menu} ${JSON.stringify(box)}`).toBe(true);
          // and on top: what is under each item's centre is the item, not the map's toolbar
          const covered = await page.evaluate(() =>
            [...document.querySelectorAll<HTMLElement>('.menu-list [role="menuitem"]')]
              .filter((el) => {
                const r = el.getBoundingClientRect();
                return !el.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
              })
              .map((el) => el.dataset.testid),
          );
          expect(covered, `${where}: ${menu} items under something else`).toEqual([]);
          await page.keyboard.press('Escape');
        }
        expect(await mapShare(page), `${where}: share of the height the map gets`).toBeGreaterThan(0.5);
        await page.screenshot({ path: `${SHOTS}/${width}x${height}-${lang}.png` });
      }
    }

    // folding: the side panel and the list give their room to the map, and a reload keeps it so
    await page.setViewportSize({ width: 1366, height: 768 });
    const mapSize = () =>
      page.evaluate(() => {
        const r = document.querySelector('.map-area')?.getBoundingClientRect();
        const c = document.querySelector('.maplibregl-canvas')?.getBoundingClientRect();
        return { h: r?.height ?? 0, w: r?.width ?? 0, canvasW: c?.width ?? 0 };
      });
    // the canvas has followed the new window size (MapLibre resizes on its own observer, a frame or more later)
    const settled = async () => {
      const s = await mapSize();
      return s.w > 1000 && s.w <= 1366 && Math.abs(s.canvasW - s.w) < 2;
    };
    await expect.poll(settled).toBe(true);
    const before = await mapSize();
    await page.getByTestId('sidebar-toggle').click();
    await page.getByTestId('table-toggle').click();
    expect(await page.getByTestId('sidebar').count()).toBe(0);
    expect(await page.getByTestId('sidebar-toggle').getAttribute('aria-expanded')).toBe('false');
    // the map canvas follows its box (MapLibre resizes with it)
    await expect.poll(async () => (await mapSize()).canvasW).toBeGreaterThan(before.canvasW + 250);
    await expect.poll(settled).toBe(true);
    const after = await mapSize();
    expect(after.h).toBeGreaterThan(before.h + 150);
    expect(after.h / 768).toBeGreaterThan(0.8);
    expect(await clippedControls(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/1366x768-folded.png` });
    await page.waitForTimeout(600);
    await page.reload();
    await waitForMap(page);
    expect(await page.getByTestId('sidebar').count()).toBe(0);
    expect(await page.getByTestId('table-toggle').getAttribute('aria-expanded')).toBe('false');
    await page.getByTestId('sidebar-toggle').click();
    await expect.poll(() => page.getByTestId('sidebar').isVisible()).toBe(true);
    expect(await page.getByTestId('sidebar-tab-layers').getAttribute('aria-selected')).toBe('true');
    await context.close();
  });
});
