/**
 * Screenshots of the production build in both languages (docs/screenshots/), for the README and for
 * looking at what we ship. Run after `npm run build`:  npm run screenshots
 */
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { launch, waitForMap } from '../tests/e2e/browser';

const PORT = 4179;
const URL = `http://127.0.0.1:${PORT}/`;

async function main(): Promise<void> {
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], {
    stdio: 'ignore',
    detached: true,
  });
  try {
    for (let i = 0; i < 50; i++) {
      try {
        if ((await fetch(URL)).ok) break;
      } catch {
        await sleep(200);
      }
    }
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
    await page.getByTestId('lang-toggle').click();
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
    await browser.close();
  } finally {
    if (server.pid) process.kill(-server.pid);
  }
}

void main();
