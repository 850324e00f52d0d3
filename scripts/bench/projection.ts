/**
 * The demand projection's speed: the whole projection (11 counties + the city × 6 stages × 14 years),
 * all three variants, recomputed as after an edit. Target (issue 17): ≤ 5 ms, so it follows edits live.
 */
import { DEFAULT_PARAMS } from '../../src/core/analysis/params';
import { validateScenario } from '../../src/core/model/validate';
import { parseDemography } from '../../src/core/projection/demography';
import { projectDemand } from '../../src/core/projection/project';
import { VARIANTS } from '../../src/core/projection/types';
import { readJson, readReference } from '../lib/reference';
import type { Figure } from './startup';

export function projectionFigures(): Figure[] {
  const ref = readReference();
  const d = parseDemography(readJson('seeds/demography.json'));
  if (!d.ok) throw new Error(d.error);
  const seed = validateScenario(readJson('seeds/scenario-2022.geojson'));
  if (!seed.ok) throw new Error('seed scenario is invalid');
  const counties = ref.counties.features.map((f) => f.properties);
  const projects = seed.value.scenario.features;
  const all = (): void => {
    for (const variant of VARIANTS)
      projectDemand({
        demography: d.value,
        counties,
        projects,
        existing: [],
        enrolment: DEFAULT_PARAMS.enrolment,
        variant,
        vocationalPct: d.value.vocationalPct,
        marginPct: 10,
        imported: null,
        baseline: 'baseYearMet',
      });
  };
  for (let i = 0; i < 20; i++) all();
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    all();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number): number => Math.round((times[Math.floor(q * (times.length - 1))] ?? NaN) * 1000) / 1000;
  console.log(`  projection, all variants: median ${at(0.5)} ms, p95 ${at(0.95)} ms (${times.length} runs)`);
  return [
    {
      name: 'projection: all variants, after an edit (median)',
      value: at(0.5),
      unit: 'ms',
      lowerIsBetter: true,
      target: 5,
    },
    { name: 'projection: all variants, after an edit (p95)', value: at(0.95), unit: 'ms', lowerIsBetter: true },
  ];
}
