/**
 * npm run bench — prints every benchmark figure and its ratio to scripts/bench/baseline.json.
 * Targets live here, not in timed tests. `npm run bench -- --update` rewrites the baseline.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { coverageFigures } from './coverage';
import { editingFigures } from './editing';
import { ioFigures } from './io';
import { buildSizes, timeToFirstMap, type Figure } from './startup';

const BASELINE = join(import.meta.dirname, 'baseline.json');

async function main(): Promise<void> {
  const figures: Figure[] = [
    ...buildSizes(),
    ...coverageFigures(),
    ...(await ioFigures()),
    ...(await timeToFirstMap()),
    ...(await editingFigures()),
  ];
  const baseline = JSON.parse(readFileSync(BASELINE, 'utf8')) as { measured: string; figures: Record<string, number> };
  console.log(`\nbenchmark                                   value        baseline (${baseline.measured})   ratio`);
  for (const f of figures) {
    const base = baseline.figures[f.name];
    const ratio = base ? f.value / base : NaN;
    const flag = Number.isFinite(ratio) && f.lowerIsBetter && ratio > 1.25 ? '  ← slower/larger than baseline' : '';
    console.log(
      `${f.name.padEnd(42)} ${`${f.value} ${f.unit}`.padStart(10)}   ${base === undefined ? '—' : `${base} ${f.unit}`.padStart(10)}   ${Number.isFinite(ratio) ? ratio.toFixed(2) : '—'}${flag}`,
    );
  }
  if (process.argv.includes('--update')) {
    writeFileSync(
      BASELINE,
      `${JSON.stringify({ measured: new Date().toISOString().slice(0, 10), machine: '2 cores, headless Debian Chromium, SwiftShader', figures: Object.fromEntries(figures.map((f) => [f.name, f.value])) }, null, 2)}\n`,
    );
    console.log('baseline updated');
  }
}

void main();
