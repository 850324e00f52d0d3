/**
 * The site solver's speed and quality (issue 18): the whole city of 1M cells with every inhabited cell a
 * candidate, K = 20 (target ≤ 1 s); a county, K = 5 (≤ 100 ms); the shipped surface; and the objective
 * against the exhaustive optimum on 50 random small instances (≥ 99% on average, never below 95%).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDemandIndex } from '../../src/core/analysis/siting/demandIndex';
import { exhaustiveOptimum } from '../../src/core/analysis/siting/exhaustive';
import { runSiting, type SitingRequest } from '../../src/core/analysis/siting/run';
import { candidateList, solveSiting } from '../../src/core/analysis/siting/solve';
import type { PopulationSurface } from '../../src/core/analysis/surface';
import { decodeSurface } from '../../src/core/analysis/surfaceCodec';
import { mulberry32 } from '../lib/prng';
import { syntheticSurface } from './coverage';
import type { Figure } from './startup';

const request = (radius: number, k: number, county: string | null): SitingRequest => ({
  radius,
  k,
  seats: null,
  county,
  minSpacing: 0,
  exclusion: 0,
  childrenPerResident: 0.083,
  existing: [],
  planned: [],
  candidates: null,
});

function timed(surface: PopulationSurface, req: SitingRequest, runs = 3): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    runSiting(surface, req);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)] ?? NaN);
}

export function sitingFigures(): Figure[] {
  const big = syntheticSurface(1_000_000);
  const cityPrimary = timed(big, request(500, 20, null));
  const cityJunior = timed(big, request(1000, 20, null), 1);
  const cityHigh = timed(big, request(3000, 20, null), 1);
  const county = timed(big, request(500, 5, 'c5'), 5);
  const bytes = readFileSync(join(import.meta.dirname, '../../geodata/population.bin'));
  const decoded = decodeSurface(new Uint8Array(bytes).buffer);
  if (!decoded.ok) throw new Error(decoded.error);
  const shipped = timed(decoded.value.surface, request(500, 20, null));

  // quality: against the exhaustive optimum
  const rand = mulberry32(29);
  const ratios: number[] = [];
  for (let t = 0; t < 50; t++) {
    const n = 80 + Math.floor(rand() * 200);
    const lon = new Float64Array(n);
    const lat = new Float64Array(n);
    const weight = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const town = Math.floor(rand() * 5);
      lon[i] = 118.5 + town * 0.015 + (rand() - 0.5) * 0.02;
      lat[i] = 24.9 + (town % 2) * 0.012 + (rand() - 0.5) * 0.02;
      weight[i] = 1 + Math.floor(rand() * 60);
    }
    const index = createDemandIndex({ lon, lat, weight }, 400 + rand() * 700);
    const nc = 10 + Math.floor(rand() * 31);
    const cands = candidateList(
      Array.from({ length: nc }, (_, i) => ({
        id: `c${i}`,
        lon: 118.49 + rand() * 0.08,
        lat: 24.88 + rand() * 0.04,
      })),
    );
    const k = 1 + Math.floor(rand() * 4);
    const exact = exhaustiveOptimum(index, cands, k).served;
    const got = solveSiting(index, cands, { k }).served;
    ratios.push(exact > 0 ? got / exact : 1);
  }
  const mean = (ratios.reduce((a, b) => a + b, 0) / ratios.length) * 100;
  const worst = Math.min(...ratios) * 100;
  console.log(
    `  whole city 1M cells, K = 20: primary ${cityPrimary} ms, junior ${cityJunior} ms, high ${cityHigh} ms; a county, K = 5: ${county} ms; shipped surface (${decoded.value.surface.pop.length} cells), K = 20: ${shipped} ms`,
  );
  console.log(
    `  vs exhaustive (50 instances ≤ 40 candidates, K ≤ 4): mean ${mean.toFixed(2)}%, worst ${worst.toFixed(2)}%`,
  );
  return [
    {
      name: 'siting: whole city 1M cells, K=20, 500 m',
      value: cityPrimary,
      unit: 'ms',
      lowerIsBetter: true,
      target: 1000,
    },
    { name: 'siting: whole city 1M cells, K=20, 1 km', value: cityJunior, unit: 'ms', lowerIsBetter: true },
    { name: 'siting: whole city 1M cells, K=20, 3 km', value: cityHigh, unit: 'ms', lowerIsBetter: true },
    { name: 'siting: a county, K=5', value: county, unit: 'ms', lowerIsBetter: true, target: 100 },
    { name: 'siting: shipped surface, K=20, 500 m', value: shipped, unit: 'ms', lowerIsBetter: true },
    {
      name: 'siting: vs exhaustive, mean',
      value: Math.round(mean * 100) / 100,
      unit: '%',
      lowerIsBetter: false,
      target: 99,
    },
    {
      name: 'siting: vs exhaustive, worst',
      value: Math.round(worst * 100) / 100,
      unit: '%',
      lowerIsBetter: false,
      target: 95,
    },
  ];
}
