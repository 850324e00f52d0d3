/**
 * Start-up figures of the production build (dist/): gzip size, and the time from navigation to the
 * map's first fully drawn frame (MapLibre idle, deck.gl layers loaded) in headless Debian Chromium
 * with software WebGL (SwiftShader) — a pessimistic stand-in for a planner's laptop.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch, waitForMap } from '../../tests/helpers/browser';
import { withPreview } from '../lib/preview';

export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** Whether a larger value is worse (sizes, times). */
  readonly lowerIsBetter: boolean;
}

export function buildSizes(dist = 'dist'): Figure[] {
  const files = [...readdirSync(join(dist, 'assets')).map((f) => join(dist, 'assets', f)), join(dist, 'index.html')];
  let gz = 0;
  let js = 0;
  for (const f of files) {
    const g = gzipSync(readFileSync(f), { level: 9 }).length;
    gz += g;
    if (/\.m?js$/.test(f)) js += g;
  }
  return [
    { name: 'build gzip total', value: Math.round(gz / 1024), unit: 'KB', lowerIsBetter: true },
    { name: 'build gzip JavaScript', value: Math.round(js / 1024), unit: 'KB', lowerIsBetter: true },
  ];
}

export async function timeToFirstMap(runs = 5): Promise<Figure[]> {
  const times: number[] = [];
  await withPreview(4181, async (url) => {
    const browser = await launch();
    for (let run = 0; run < runs; run++) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      const t0 = performance.now();
      await page.goto(url);
      await waitForMap(page);
      times.push(Math.round(performance.now() - t0));
      await page.close();
    }
    await browser.close();
  });
  times.sort((a, b) => a - b);
  console.log(`  first-map runs (ms): ${times.join(', ')}`);
  return [
    {
      name: 'time to first map idle (median)',
      value: times[Math.floor(times.length / 2)] ?? 0,
      unit: 'ms',
      lowerIsBetter: true,
    },
  ];
}
