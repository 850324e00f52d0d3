import { describe, expect, it } from 'vitest';
import { prng } from '../../../tests/helpers/scenarioFixture';
import { randomSites, surfaceOf, syntheticCells } from '../../../tests/helpers/surfaceFixture';
import { createCoverageEngine, type CoverageEngine, type CoverageSite } from './engine';
import { COVERAGE_LEVELS } from './params';

/** Everything the engine reports, to compare an engine moved step by step with one computed afresh. */
function state(e: CoverageEngine, sites: readonly CoverageSite[]) {
  return {
    covered: COVERAGE_LEVELS.flatMap((l) => [e.covered(l), ...e.counties.map((_, c) => e.covered(l, c))]),
    uncovered: COVERAGE_LEVELS.map((l) => [...e.uncovered(l)]),
    sitePop: sites.map((s) => e.sitePopulation(s.key)),
  };
}

function expectSame(a: ReturnType<typeof state>, b: ReturnType<typeof state>): void {
  expect(a.uncovered).toEqual(b.uncovered);
  a.covered.forEach((v, i) => expect(v).toBeCloseTo(b.covered[i] ?? NaN, 6));
  a.sitePop.forEach((v, i) => expect(v).toBeCloseTo(b.sitePop[i] ?? NaN, 6));
}

describe('moveCircle (through the engine)', () => {
  it('leaves the engine exactly as a full recompute would, over 600 random moves of every size', () => {
    const surface = surfaceOf(syntheticCells(20_000, 3, 0.08));
    const moved = createCoverageEngine(surface, { bucketMetres: 200 });
    let sites = randomSites(24, 5, 0.08);
    moved.recompute(sites);
    const rand = prng(11);
    for (let step = 0; step < 600; step++) {
      const j = Math.floor(rand() * sites.length);
      // drag steps of a few metres, jumps across the surface, and moves off its edge
      const scale = step % 10 === 0 ? 0.2 : step % 3 === 0 ? 0.01 : 0.0004;
      sites = sites.map((s, i) =>
        i === j ? { ...s, lon: s.lon + (rand() - 0.5) * scale, lat: s.lat + (rand() - 0.5) * scale } : s,
      );
      moved.update(sites);
      if (step % 50 === 49) {
        const fresh = createCoverageEngine(surface, { bucketMetres: 200 });
        fresh.recompute(sites);
        expectSame(state(moved, sites), state(fresh, sites));
      }
    }
  });

  it('tests far fewer cells than removing and adding the circle for a drag step of a 3 km circle', () => {
    const surface = surfaceOf(syntheticCells(60_000, 9, 0.12));
    const engine = createCoverageEngine(surface);
    const [base] = randomSites(1, 2, 0.12);
    if (!base) throw new Error('no site');
    const site: CoverageSite = { ...base, lon: 118.61, lat: 24.94, level: 'high', radius: 3000 };
    const added = engine.recompute([site]).cellsVisited;
    const step = engine.update([{ ...site, lon: site.lon + 0.0002 }]).cellsVisited;
    // remove + add would test about twice the cells of one circle
    expect(step).toBeLessThan((2 * added) / 4);
    const fresh = createCoverageEngine(surface);
    fresh.recompute([{ ...site, lon: site.lon + 0.0002 }]);
    expectSame(state(engine, [site]), state(fresh, [site]));
  });

  it('touches nothing for a site object it has already seen at the same place in the list', () => {
    const surface = surfaceOf(syntheticCells(5_000, 4));
    const engine = createCoverageEngine(surface);
    const sites = randomSites(10, 6);
    engine.recompute(sites);
    const again = engine.update(sites);
    expect(again).toEqual({ added: 0, removed: 0, changed: 0, cellsVisited: 0 });
  });
});
