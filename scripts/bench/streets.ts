/**
 * First map with a street basemap file loaded (issue 19): the same stored camera over 丰泽区 at zoom 13,
 * opened with the embedded basemap and with tests/fixtures/basemap/streets.pmtiles loaded (kept in OPFS),
 * alternating, a fresh profile for each pair. With the file: navigation → the map drawn with its streets
 * (mark qz:basemap, the first idle after the archive's layers were added); without: → qz:first-map.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { waitForMap } from '../../tests/helpers/browser';
import { launchForBench, withPreview } from '../lib/preview';
import { markTime, median, type Figure } from './startup';

const VIEWPORT = { width: 1440, height: 900 };

async function pair(browser: Browser, url: string, archive: string): Promise<[number, number]> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.goto(url);
  await waitForMap(page);
  await page.evaluate(() => {
    window.__qzMap?.map.jumpTo({ center: [118.6, 24.9], zoom: 13 });
  });
  // the camera is stored after a pause; both starts open where the planner left off
  await page.waitForTimeout(1500);
  await page.reload();
  const without = await markTime(page, 'qz:first-map');
  await waitForMap(page);
  await page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    await window.__qzApp?.stores.basemap.actions.addFile(new File([bytes], 'streets.pmtiles'));
  }, archive);
  await page.waitForTimeout(1000);
  await page.reload();
  const withFile = Math.max(await markTime(page, 'qz:first-map'), await markTime(page, 'qz:basemap'));
  await context.close();
  return [without, withFile];
}

export async function streetsFigures(runs = 4): Promise<Figure[]> {
  const archive = readFileSync('tests/fixtures/basemap/streets.pmtiles').toString('base64');
  const plain: number[] = [];
  const streets: number[] = [];
  await withPreview(4182, async (url) => {
    const browser = await launchForBench();
    for (let i = 0; i < runs; i++) {
      const [a, b] = await pair(browser, url, archive);
      plain.push(a);
      streets.push(b);
    }
    await browser.close();
  });
  console.log(`  first map at zoom 13 (ms), embedded basemap: ${plain.map(Math.round).join(', ')}`);
  console.log(`  first map at zoom 13 (ms), with streets:     ${streets.map(Math.round).join(', ')}`);
  const a = Math.round(median(plain));
  const b = Math.round(median(streets));
  return [
    { name: 'first map, zoom 13, embedded basemap (median)', value: a, unit: 'ms', lowerIsBetter: true },
    { name: 'first map, zoom 13, street archive loaded (median)', value: b, unit: 'ms', lowerIsBetter: true },
    {
      name: 'with street archive ÷ without',
      value: Math.round((b / a) * 100) / 100,
      unit: '×',
      lowerIsBetter: true,
      target: 1.5,
    },
  ];
}
