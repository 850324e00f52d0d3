import { describe, expect, it } from 'vitest';
import { prng } from '../../../tests/helpers/scenarioFixture';
import { metricScale } from './geodesy';
import { createNearestFinder } from './nearest';

/** The nearest by brute force, with the same metric and tie rule. */
function bruteForce(sites: readonly { lon: number; lat: number }[], ids: readonly number[], lon: number, lat: number) {
  let best = -1;
  let bestD = Infinity;
  sites.forEach((s, j) => {
    const k = metricScale(s.lat);
    const d = ((lon - s.lon) * k.kx) ** 2 + ((lat - s.lat) * k.ky) ** 2;
    const id = ids[j] ?? 0;
    if (d < bestD || (d === bestD && id < best)) [best, bestD] = [id, d];
  });
  return best;
}

describe('nearest site', () => {
  it('agrees with a brute-force search for few and many sites, over the whole city', () => {
    const rand = prng(7);
    const ox = 117.5;
    const oy = 24.3;
    for (const n of [1, 5, 24, 25, 300]) {
      const sites = Array.from({ length: n }, () => ({ lon: 118.2 + rand() * 0.9, lat: 24.6 + rand() * 0.7 }));
      const ids = sites.map((_, j) => 1000 - j * 3);
      const nearest = createNearestFinder(sites, ids, ox, oy);
      for (let q = 0; q < 400; q++) {
        const lon = 117.9 + rand() * 1.5;
        const lat = 24.4 + rand() * 1.2;
        expect(nearest(lon - ox, lat - oy)).toBe(bruteForce(sites, ids, lon, lat));
      }
    }
  });

  it('breaks ties by the lower id and answers -1 without sites', () => {
    const sites = [
      { lon: 118.6, lat: 24.9 },
      { lon: 118.6, lat: 24.9 },
    ];
    expect(createNearestFinder(sites, [9, 4], 118, 24)(0.5, 0.8)).toBe(4);
    expect(createNearestFinder([], [], 118, 24)(0.5, 0.8)).toBe(-1);
  });
});
