import { readFileSync } from 'node:fs';
import { launch, waitForMap } from '../tests/helpers/browser';
const b = await launch();
const ctx = await b.newContext({ viewport: { width: 1366, height: 768 } });
const page = await ctx.newPage();
await page.goto('http://127.0.0.1:4174/');
await waitForMap(page);
await page.getByTestId('settings-open').click();
await page
  .getByTestId('basemap-file-input')
  .setInputFiles({
    name: 'streets.pmtiles',
    mimeType: 'application/octet-stream',
    buffer: readFileSync('tests/fixtures/basemap/streets.pmtiles'),
  });
await page.waitForTimeout(1500);
await page.getByTestId('basemap-settings').scrollIntoViewIfNeeded();
await page.screenshot({ path: '/tmp/set-zh.png' });
await page.getByTestId('settings-lang').selectOption('en');
await page.waitForTimeout(300);
await page.getByTestId('basemap-custom-url').scrollIntoViewIfNeeded();
await page.screenshot({ path: '/tmp/set-en.png' });
await page.getByTestId('settings-lang').selectOption('zh');
await page.getByTestId('settings-close').click();
await page.evaluate(() => window.__qzMap?.map.jumpTo({ center: [118.604, 24.902], zoom: 15.5 }));
await waitForMap(page);
await page.screenshot({ path: '/tmp/street-zh.png' });
await b.close();
