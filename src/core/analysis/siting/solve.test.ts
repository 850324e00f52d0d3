import { describe, expect, it } from 'vitest';
import { prng } from '../../../../tests/helpers/scenarioFixture';
import { metricScale } from '../geodesy';
import { createDemandIndex, type DemandPoints } from './demandIndex';
import { exhaustiveOptimum } from './exhaustive';
import { candidateList, metres, solveSiting, type Candidate } from './solve';

const LAT = 24.9;
const LON = 118.6;
const { kx, ky } = metricScale(LAT);
/** A place `east` and `north` metres from the origin. */
const at = (east: number, north: number): { lon: number; lat: number } => ({
  lon: LON + east / kx,
  lat: LAT + north / ky,
});

function points(list: readonly { east: number; north: number; w: number }[]): DemandPoints {
  return {
    lon: Float64Array.from(list.map((p) => at(p.east, p.north).lon)),
    lat: Float64Array.from(list.map((p) => at(p.east, p.north).lat)),
    weight: Float64Array.from(list.map((p) => p.w)),
  };
}
const cand = (id: string, east: number, north: number): Candidate => ({ id, ...at(east, north) });

describe('the site solver', () => {
  it('takes the biggest clusters first, and counts each child once', () => {
    // three clusters 5 km apart; radius 500 m
    const demand = points([
      { east: 0, north: 0, w: 300 },
      { east: 100, north: 0, w: 200 },
      { east: 5000, north: 0, w: 400 },
      { east: 10000, north: 0, w: 100 },
    ]);
    const idx = createDemandIndex(demand, 500);
    const cands = [cand('a', 50, 0), cand('b', 5000, 0), cand('c', 10000, 0), cand('a2', 60, 10)];
    const r = solveSiting(idx, candidateList(cands), { k: 2 });
    expect(r.suggestions.map((s) => cands[s.candidate]?.id)).toEqual(['a', 'b']);
    expect(r.suggestions.map((s) => s.gain)).toEqual([500, 400]);
    expect(r.suggestions.map((s) => s.cumulative)).toEqual([500, 900]);
    expect(r.served).toBe(900);
    // the index is back where it started
    expect(idx.residual()).toBe(1000);
  });

  it('a point a millimetre inside the radius is served, one a centimetre beyond is not', () => {
    const demand = points([
      { east: 499.999, north: 0, w: 7 },
      { east: 0, north: 500.01, w: 9 },
    ]);
    const idx = createDemandIndex(demand, 500);
    expect(idx.reach(LON, LAT)).toBe(7);
  });

  it('the seats-aware variant: a site serves at most its seats, and the rest stays for the next', () => {
    const demand = points([
      { east: 0, north: 0, w: 1000 },
      { east: 3000, north: 0, w: 500 },
    ]);
    const idx = createDemandIndex(demand, 500);
    const cands = [cand('big', 0, 0), cand('big2', 10, 0), cand('small', 3000, 0)];
    const r = solveSiting(idx, candidateList(cands), { k: 2, seats: 600 });
    // 600 of the 1,000 at the big cluster; then the 500 (over the 400 left at the big one)
    expect(r.suggestions.map((s) => [cands[s.candidate]?.id, Math.round(s.gain)])).toEqual([
      ['big', 600],
      ['small', 500],
    ]);
    // with three sites the big cluster gets a second school for its remaining 400
    const three = solveSiting(idx, candidateList(cands), { k: 3, seats: 600 });
    expect(Math.round(three.served)).toBe(1500);
  });

  it('keeps suggestions the minimum distance apart', () => {
    const demand = points([
      { east: 0, north: 0, w: 500 },
      { east: 800, north: 0, w: 450 },
      { east: 4000, north: 0, w: 100 },
    ]);
    const idx = createDemandIndex(demand, 500);
    const cands = [cand('a', 0, 0), cand('b', 800, 0), cand('c', 4000, 0)];
    const free = solveSiting(idx, candidateList(cands), { k: 2 });
    expect(free.suggestions.map((s) => cands[s.candidate]?.id)).toEqual(['a', 'b']);
    const apart = solveSiting(idx, candidateList(cands), { k: 2, minSpacing: 1000 });
    const ids = apart.suggestions.map((s) => cands[s.candidate]?.id);
    expect(ids).toEqual(['a', 'c']);
    const [p, q] = apart.suggestions.map((s) => cands[s.candidate]);
    if (!p || !q) throw new Error('two suggestions expected');
    expect(metres(p, q)).toBeGreaterThanOrEqual(1000);
  });

  it('stops when asked', () => {
    const demand = points([{ east: 0, north: 0, w: 5 }]);
    const r = solveSiting(createDemandIndex(demand, 500), candidateList([cand('a', 0, 0)]), {
      k: 1,
      onProgress: () => false,
    });
    expect(r.cancelled).toBe(true);
  });

  it('reaches at least 99% of the exhaustive optimum on average over 50 random small instances, never below 95%', () => {
    const rand = prng(17);
    const ratios: number[] = [];
    for (let t = 0; t < 50; t++) {
      const n = 60 + Math.floor(rand() * 200);
      const list = Array.from({ length: n }, () => {
        // clustered demand: a few towns
        const town = Math.floor(rand() * 4);
        return {
          east: town * 1500 + (rand() - 0.5) * 1800,
          north: (town % 2) * 1200 + (rand() - 0.5) * 1800,
          w: Math.round(1 + rand() * 50),
        };
      });
      const idx = createDemandIndex(points(list), 400 + Math.floor(rand() * 600));
      const nc = 10 + Math.floor(rand() * 31);
      const cands = Array.from({ length: nc }, (_, i) => cand(`c${i}`, -900 + rand() * 6300, -900 + rand() * 3000));
      const k = 1 + Math.floor(rand() * 4);
      const exact = exhaustiveOptimum(idx, candidateList(cands), k);
      const got = solveSiting(idx, candidateList(cands), { k });
      ratios.push(exact.served > 0 ? got.served / exact.served : 1);
    }
    const mean = ratios.reduce((a, b) => a + b, 0) / ratios.length;
    const worst = Math.min(...ratios);
    console.log(`siting vs exhaustive: mean ${(mean * 100).toFixed(2)}%, worst ${(worst * 100).toFixed(2)}%`);
    expect(mean).toBeGreaterThanOrEqual(0.99);
    expect(worst).toBeGreaterThanOrEqual(0.95);
  });
});
