/**
 * npm run bench — prints every benchmark figure, its target where the issue set one, and its ratio to
 * scripts/bench/baseline.json. Targets live here, not in timed tests.
 *   npm run bench -- --update          rewrites the baseline
 *   npm run bench -- --only startup    one group (build, coverage, io, startup, editing, export, projection, siting, streets)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { coverageFigures } from './coverage';
import { editingFigures } from './editing';
import { exportFigures } from './exports';
import { ioFigures } from './io';
import { projectionFigures } from './projection';
import { sitingFigures } from './siting';
import { streetsFigures } from './streets';
import { buildSizes, startupFigures, type Figure } from './startup';

const BASELINE = join(import.meta.dirname, 'baseline.json');

const GROUPS: Record<string, () => Figure[] | Promise<Figure[]>> = {
  build: () => buildSizes(),
  coverage: coverageFigures,
  io: ioFigures,
  startup: () => startupFigures(),
  editing: editingFigures,
  export: exportFigures,
  projection: projectionFigures,
  siting: sitingFigures,
  streets: () => streetsFigures(),
};

async function main(): Promise<void> {
  const only = process.argv.indexOf('--only');
  const chosen = only >= 0 ? (process.argv[only + 1] ?? '').split(',') : Object.keys(GROUPS);
  const figures: Figure[] = [];
  for (const name of chosen) {
    const group = GROUPS[name];
    if (!group) throw new Error(`unknown benchmark group ${name}: ${Object.keys(GROUPS).join(', ')}`);
    console.log(`— ${name}`);
    figures.push(...(await group()));
  }
  const baseline = JSON.parse(readFileSync(BASELINE, 'utf8')) as { measured: string; figures: Record<string, number> };
  console.log(
    `\n${'benchmark'.padEnd(46)} ${'value'.padStart(11)}  ${'target'.padStart(10)}  ${`baseline (${baseline.measured})`.padStart(22)}  ratio`,
  );
  for (const f of figures) {
    const base = baseline.figures[f.name];
    const ratio = base ? f.value / base : NaN;
    const flag = Number.isFinite(ratio) && f.lowerIsBetter && ratio > 1.25 ? '  ← slower/larger than baseline' : '';
    const miss = f.target !== undefined && (f.lowerIsBetter ? f.value > f.target : f.value < f.target);
    console.log(
      `${f.name.padEnd(46)} ${`${f.value} ${f.unit}`.padStart(11)}  ${f.target === undefined ? '—'.padStart(10) : `${miss ? '✗' : '✓'} ${f.target} ${f.unit}`.padStart(10)}  ${base === undefined ? '—'.padStart(22) : `${base} ${f.unit}`.padStart(22)}  ${Number.isFinite(ratio) ? ratio.toFixed(2) : '—'}${flag}`,
    );
  }
  if (process.argv.includes('--update')) {
    const old = JSON.parse(readFileSync(BASELINE, 'utf8')) as { figures: Record<string, number> };
    writeFileSync(
      BASELINE,
      `${JSON.stringify({ measured: new Date().toISOString().slice(0, 10), machine: '2 cores, headless Debian Chromium, SwiftShader', figures: { ...old.figures, ...Object.fromEntries(figures.map((f) => [f.name, f.value])) } }, null, 2)}\n`,
    );
    console.log('baseline updated');
  }
}

void main();
