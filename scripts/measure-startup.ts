/**
 * Measures what the foundation issue asks for: the gzip size of the production build, and the time
 * from navigation to the map's first fully drawn frame (MapLibre idle + deck.gl layers loaded) in
 * headless Debian Chromium (software WebGL). Run after `npm run build`:  npx tsx scripts/measure-startup.ts
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch, waitForMap } from '../tests/e2e/browser';
import { withPreview } from './lib/preview';

function sizes(): void {
  const files = readdirSync('dist/assets').map((f) => join('dist/assets', f));
  let raw = 0;
  let gz = 0;
  const rows: [string, number, number][] = [];
  for (const f of [...files, 'dist/index.html']) {
    const b = readFileSync(f);
    const g = gzipSync(b, { level: 9 }).length;
    raw += statSync(f).size;
    gz += g;
    rows.push([f.replace('dist/assets/', '').replace(/-[\w-]{8}\./, '.'), b.length, g]);
  }
  rows.sort((a, b) => b[2] - a[2]);
  for (const [name, r, g] of rows.slice(0, 8))
    console.log(
      `${name.padEnd(32)} ${(r / 1024).toFixed(0).padStart(6)} KB  gz ${(g / 1024).toFixed(0).padStart(5)} KB`,
    );
  console.log(`total ${(raw / 1024).toFixed(0)} KB, gzip ${(gz / 1024).toFixed(0)} KB`);
}

async function main(): Promise<void> {
  sizes();
  await withPreview(4181, async (URL) => {
    const browser = await launch();
    const times: number[] = [];
    for (let run = 0; run < 5; run++) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      const t0 = Date.now();
      await page.goto(URL);
      await waitForMap(page);
      times.push(Date.now() - t0);
      await page.close();
    }
    times.sort((a, b) => a - b);
    console.log(`time to first map idle with all layers (ms), 5 runs: ${times.join(', ')}; median ${times[2]}`);
    await browser.close();
  });
}

void main();
