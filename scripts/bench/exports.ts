/**
 * What a planner waits for on a machine without a GPU, beyond the first map:
 * - showing a county shading (学位缺口): from the click to the map drawn with it;
 * - a map frame with two shadings shown (学位缺口, 特教学校), against one without: timed with
 *   `requestAnimationFrame` after a repaint, so that it includes Chromium reading the frame back;
 * - exporting a 1920×1080 PNG of the city, and an A4 PDF: from the click to the file.
 * Run in Chromium's GPU-less configuration whatever the bench's flags (it is the case these figures are
 * about; with SwiftShader as a GPU the page does not wait for the map's frames).
 */
import type { Page } from 'playwright-core';
import { launch, waitForMap } from '../../tests/helpers/browser';
import { control, download } from '../../tests/helpers/e2e';
import { withPreview } from '../lib/preview';
import { median, type Figure } from './startup';

const ms = (name: string, values: readonly number[]): Figure => ({
  name,
  value: Math.round(median(values)),
  unit: 'ms',
  lowerIsBetter: true,
});

/** Median time of a map frame: repaint, MapLibre's render, then two animation frames (the read-back). */
const frameTime = (page: Page): Promise<number> =>
  page.evaluate(async () => {
    const map = window.__qzMap?.map;
    if (!map) return NaN;
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      const rendered = new Promise((r) => map.once('render', r));
      map.triggerRepaint();
      await rendered;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      times.push(performance.now() - t0);
    }
    return times.sort((a, b) => a - b)[3] ?? NaN;
  });

async function toggle(page: Page, id: string, on: boolean): Promise<number> {
  const t0 = Date.now();
  await page.getByTestId(`layer-toggle-${id}`).setChecked(on);
  await waitForMap(page);
  return Date.now() - t0;
}

export async function exportFigures(): Promise<Figure[]> {
  const figures: Figure[] = [];
  await withPreview(4177, async (url) => {
    const browser = await launch([]);
    try {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
      const page = await context.newPage();
      await page.goto(url);
      await waitForMap(page);
      await page.waitForTimeout(2000);

      const plain: number[] = [];
      const shaded: number[] = [];
      const shows: number[] = [];
      for (let i = 0; i < 3; i++) {
        plain.push(await frameTime(page));
        shows.push(await toggle(page, 'seatGap', true));
        await toggle(page, 'specialGap', true);
        shaded.push(await frameTime(page));
        await toggle(page, 'seatGap', false);
        await toggle(page, 'specialGap', false);
      }
      figures.push(
        ms('show a county shading, GPU-less (median)', shows),
        ms('map frame, city view, GPU-less (median)', plain),
        ms('map frame with two county shadings, GPU-less', shaded),
      );

      const png: number[] = [];
      for (let i = 0; i < 3; i++) {
        await (await control(page, 'export-png')).click();
        await page.getByTestId('export-size-hd').check();
        const t0 = Date.now();
        await download(page, 'export-go');
        png.push(Date.now() - t0);
        await page.keyboard.press('Escape');
      }
      await (await control(page, 'export-pdf')).click();
      await page.getByTestId('export-paper').selectOption('A4');
      const t0 = Date.now();
      await download(page, 'export-go', 180_000);
      figures.push(
        ms('export a 1920×1080 PNG, GPU-less (median)', png),
        ms('export an A4 PDF of the city, GPU-less', [Date.now() - t0]),
      );
    } finally {
      await browser.close();
    }
  });
  return figures;
}
