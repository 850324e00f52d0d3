/**
 * The coverage engine against the naive Turf way, on the same synthetic city (Node, one thread).
 *
 * Synthetic city: 11,000 km² around Quanzhou, cells on a regular lon/lat grid (1,000,000 cells ≈ 105 m,
 * 100,000 ≈ 330 m), population heavier in 8 urban cores; schools clustered in those cores, radii
 * 300 / 500 / 1000 / 3000 m by level. Naive Turf: turf.circle (64 steps) per school, then
 * booleanPointInPolygon for every cell × school; run on a sample of schools and extrapolated.
 *
 * Targets (issue 4, this 2-core machine): full recompute 1,000 × 1,000,000 ≤ 30 ms; moving one school
 * ≤ 1 ms median; ≥ 5,000× faster than naive Turf at 1,000 × 100,000; index build for 1,000,000 cells
 * ≤ 300 ms; memory ≤ 40 bytes per cell.
 *
 *   npx tsx scripts/bench/coverage.ts      (also part of npm run bench)
 */
import { booleanPointInPolygon, circle, point } from '@turf/turf';
import { createCoverageEngine, type CoverageSite } from '../../src/core/analysis/engine';
import { COVERAGE_LEVELS, DEFAULT_PARAMS } from '../../src/core/analysis/params';
import type { PopulationSurface } from '../../src/core/analysis/surface';
import { mulberry32 } from '../lib/prng';
import type { Figure } from './startup';

const WEST = 117.6;
const SOUTH = 24.4;
const SPAN_LON = 1.15; // ≈ 116 km
const SPAN_LAT = 0.86; // ≈ 95 km → ≈ 11,000 km²
const CORES: readonly [number, number][] = [
  [118.59, 24.91],
  [118.58, 24.81],
  [118.65, 24.73],
  [118.39, 24.96],
  [118.8, 25.03],
  [118.19, 25.06],
  [118.3, 25.32],
  [118.92, 25.12],
];

export function syntheticSurface(cells: number): PopulationSurface {
  const side = Math.round(Math.sqrt(cells * (SPAN_LON / SPAN_LAT)));
  const cols = side;
  const rows = Math.round(cells / cols);
  const m = cols * rows;
  const cellLon = SPAN_LON / cols;
  const cellLat = SPAN_LAT / rows;
  const dlon = new Float32Array(m);
  const dlat = new Float32Array(m);
  const pop = new Float32Array(m);
  const county = new Uint8Array(m);
  let i = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const x = (c + 0.5) * cellLon;
      const y = (r + 0.5) * cellLat;
      let w = 0.2;
      for (const [lon, lat] of CORES) {
        const dx = (WEST + x - lon) * 101;
        const dy = (SOUTH + y - lat) * 111;
        w += 40 * Math.exp(-(dx * dx + dy * dy) / 18);
      }
      dlon[i] = x;
      dlat[i] = y;
      pop[i] = w * (1e6 / m) * 0.5;
      county[i] = Math.min(11, Math.floor((x / SPAN_LON) * 12));
      i++;
    }
  }
  return {
    originLon: WEST,
    originLat: SOUTH,
    dlon,
    dlat,
    pop,
    county,
    counties: Array.from({ length: 12 }, (_, k) => `c${k}`),
    grid: { west: WEST, south: SOUTH, cellLon, cellLat, cols, rows },
    modelled: true,
  };
}

function syntheticSchools(n: number, seed: number): CoverageSite[] {
  const rand = mulberry32(seed);
  return Array.from({ length: n }, (_, i) => {
    const [lon, lat] = CORES[i % CORES.length] ?? [118.6, 24.9];
    const level = COVERAGE_LEVELS[i % 4] ?? 'primary';
    const a = rand() * 2 * Math.PI;
    const d = Math.sqrt(rand()) * 0.08;
    return {
      key: `s${i}`,
      projectId: `s${i}`,
      level,
      lon: lon + d * Math.cos(a),
      lat: lat + d * Math.sin(a),
      radius: DEFAULT_PARAMS.radius[level],
      seats: 1000,
      county: `c${Math.min(11, Math.floor(((lon - WEST) / SPAN_LON) * 12))}`,
    };
  });
}

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * q))] ?? NaN;
};
const median = (xs: number[]): number => quantile(xs, 0.5);
const time = (f: () => void): number => {
  const t = performance.now();
  f();
  return performance.now() - t;
};
const round = (v: number, d = 2): number => Number(v.toFixed(d));

export function coverageFigures(): Figure[] {
  const out: Figure[] = [];
  const schools = syntheticSchools(1000, 7);

  // ---- 1,000,000 cells ----
  const big = syntheticSurface(1_000_000);
  const builds: number[] = [];
  let engine = createCoverageEngine(big);
  for (let k = 0; k < 3; k++) builds.push(time(() => (engine = createCoverageEngine(big))));
  const full: number[] = [];
  let visited = 0;
  for (let k = 0; k < 9; k++)
    full.push(
      time(() => {
        visited = engine.recompute(schools).cellsVisited;
      }),
    );
  const rand = mulberry32(99);
  const moves: number[] = [];
  let current = schools;
  for (let k = 0; k < 400; k++) {
    const j = Math.floor(rand() * current.length);
    const next = current.map((s, i) =>
      i === j ? { ...s, lon: s.lon + (rand() - 0.5) * 0.004, lat: s.lat + (rand() - 0.5) * 0.004 } : s,
    );
    moves.push(time(() => engine.update(next)));
    current = next;
  }
  // a plain scan: squared distance from one point to every cell, the floor of touching a cell once
  const scans: number[] = [];
  let sink = 0;
  for (let k = 0; k < 9; k++)
    scans.push(
      time(() => {
        const x = big.dlon;
        const y = big.dlat;
        let n = 0;
        for (let i = 0; i < x.length; i++) {
          const dx = (x[i] ?? 0) - 0.5;
          const dy = (y[i] ?? 0) - 0.4;
          if (dx * dx + dy * dy < 0.0001) n++;
        }
        sink += n;
      }),
    );
  engine.assign('primary');
  const bytes = engine.bytesPerCell();
  const fullMs = median(full);
  const perVisited = (fullMs * 1e6) / Math.max(1, visited);
  const perScanned = (median(scans) * 1e6) / big.pop.length;
  out.push(
    { name: 'coverage: index build, 1M cells', value: round(median(builds), 0), unit: 'ms', lowerIsBetter: true },
    { name: 'coverage: full recompute, 1k × 1M', value: round(fullMs, 1), unit: 'ms', lowerIsBetter: true },
    {
      name: 'coverage: move one school, 1M (median)',
      value: round(median(moves) * 1000, 0),
      unit: 'µs',
      lowerIsBetter: true,
      target: 30,
    },
    {
      name: 'coverage: move one school, 1M (p95)',
      value: round(quantile(moves, 0.95) * 1000, 0),
      unit: 'µs',
      lowerIsBetter: true,
    },
    { name: 'coverage: memory per cell', value: round(bytes, 1), unit: 'B', lowerIsBetter: true },
    { name: 'coverage: ns per visited cell (full)', value: round(perVisited), unit: 'ns', lowerIsBetter: true },
    { name: 'coverage: ns per cell, plain scan', value: round(perScanned), unit: 'ns', lowerIsBetter: true },
  );
  console.log(
    `coverage 1k × 1M: build ${median(builds).toFixed(0)} ms, full ${fullMs.toFixed(1)} ms (${visited} cells visited, ` +
      `${perVisited.toFixed(2)} ns each vs ${perScanned.toFixed(2)} ns per cell for a plain scan: ${(perVisited / perScanned).toFixed(1)}×), ` +
      `move one ${(median(moves) * 1000).toFixed(0)} µs median, ${bytes.toFixed(1)} B/cell${sink < 0 ? '' : ''}`,
  );

  // ---- 100,000 cells: against the naive Turf way ----
  const small = syntheticSurface(100_000);
  const eSmall = createCoverageEngine(small);
  const smallFull: number[] = [];
  for (let k = 0; k < 15; k++) smallFull.push(time(() => eSmall.recompute(schools)));
  const engineMs = median(smallFull);
  const sample = schools.filter((_, i) => i % 100 === 0); // 10 schools: the naive way is O(schools × cells)
  const lon = Array.from(small.dlon, (v) => small.originLon + v);
  const lat = Array.from(small.dlat, (v) => small.originLat + v);
  const covered = new Uint8Array(small.pop.length);
  const naiveSample = time(() => {
    for (const s of sample) {
      const poly = circle(point([s.lon, s.lat]), s.radius / 1000, { steps: 64, units: 'kilometers' });
      for (let i = 0; i < lon.length; i++) if (booleanPointInPolygon([lon[i] ?? 0, lat[i] ?? 0], poly)) covered[i] = 1;
    }
  });
  const naiveMs = (naiveSample / sample.length) * schools.length;
  const ratio = naiveMs / engineMs;
  out.push(
    { name: 'coverage: full recompute, 1k × 100k', value: round(engineMs), unit: 'ms', lowerIsBetter: true },
    {
      name: 'coverage: naive Turf, 1k × 100k (extrap.)',
      value: round(naiveMs / 1000, 1),
      unit: 's',
      lowerIsBetter: true,
    },
    { name: 'coverage: speed-up over naive Turf', value: round(ratio, 0), unit: '×', lowerIsBetter: false },
  );
  console.log(
    `coverage 1k × 100k: engine ${engineMs.toFixed(2)} ms; naive Turf ${(naiveSample / 1000).toFixed(1)} s for ${sample.length} schools → ${(naiveMs / 1000).toFixed(0)} s for 1,000 (extrapolated): ${ratio.toFixed(0)}× faster`,
  );
  const targets: [string, boolean][] = [
    ['full recompute 1k × 1M ≤ 30 ms', fullMs <= 30],
    ['move one school ≤ 1 ms (median)', median(moves) <= 1],
    ['≥ 5,000× naive Turf at 1k × 100k', ratio >= 5000],
    ['index build 1M ≤ 300 ms', median(builds) <= 300],
    ['memory ≤ 40 B per cell', bytes <= 40],
  ];
  for (const [what, ok] of targets) console.log(`  ${ok ? 'meets' : 'MISSES'} target: ${what}`);
  return out;
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) coverageFigures();
