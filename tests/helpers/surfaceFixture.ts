/** Synthetic population surfaces and school sites for the coverage engine's tests (seeded, deterministic). */
import { DEFAULT_PARAMS, COVERAGE_LEVELS } from '../../src/core/analysis/params';
import type { CoverageSite } from '../../src/core/analysis/engine';
import { surfaceFromCells, type PopulationSurface, type SurfaceCell } from '../../src/core/analysis/surface';
import { prng } from './scenarioFixture';

export const COUNTIES = ['350502', '350503', '350582'];

/** A deterministic synthetic surface: cells jittered around a 60 m grid near 鲤城, 3 counties by longitude. */
export function syntheticCells(n: number, seed: number, spanDeg = 0.06): SurfaceCell[] {
  const rand = prng(seed);
  const cells: SurfaceCell[] = [];
  for (let i = 0; i < n; i++) {
    const lon = 118.55 + rand() * spanDeg;
    const lat = 24.88 + rand() * spanDeg;
    const band = Math.min(2, Math.floor(((lon - 118.55) / spanDeg) * 3));
    cells.push({ lon, lat, pop: Math.floor(rand() * 200), county: COUNTIES[band] ?? null });
  }
  return cells;
}

export function surfaceOf(cells: readonly SurfaceCell[]): PopulationSurface {
  const s = surfaceFromCells(cells);
  if (!s.ok) throw new Error(s.error);
  return s.value;
}

export function randomSites(n: number, seed: number, spanDeg = 0.06): CoverageSite[] {
  const rand = prng(seed);
  return Array.from({ length: n }, (_, i) => {
    const level = COVERAGE_LEVELS[i % 4] ?? 'primary';
    const lon = 118.55 + rand() * spanDeg;
    const band = Math.min(2, Math.floor(((lon - 118.55) / spanDeg) * 3));
    return {
      key: `s${i}`,
      projectId: `s${i}`,
      level,
      lon,
      lat: 24.88 + rand() * spanDeg,
      radius: DEFAULT_PARAMS.radius[level],
      seats: 500,
      county: COUNTIES[band] ?? '350502',
    };
  });
}
