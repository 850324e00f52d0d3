import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { metricScale } from '../geodesy';
import { runBatch } from './batch';

const { kx, ky } = metricScale(24.9);
const pt = (east: number, north: number, properties: Record<string, unknown>) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [118.6 + east / kx, 24.9 + north / ky] },
  properties,
});
const fc = <T>(features: T[]) => ({ type: 'FeatureCollection', features });

const demand = fc([
  pt(0, 0, { pop: 300 }),
  pt(2000, 0, { pop: 200 }),
  pt(4000, 0, { pop: 100 }),
  pt(6000, 0, { pop: 50 }),
]);
const candidates = fc([
  pt(0, 0, { id: 'A', name: '东地块' }),
  pt(2000, 0, { id: 'B' }),
  pt(4000, 0, { id: 'C' }),
  pt(6000, 0, { id: 7 }),
]);

describe('the batch solver (npm run -s siting)', () => {
  it('returns the chosen candidates in rank order with their properties, rank, gain and covered', () => {
    const r = runBatch({ demand, candidates, existing: fc([pt(4000, 100, {})]), radius: 500, k: 2 });
    if (!r.ok) throw new Error(r.error);
    expect(r.value.type).toBe('FeatureCollection');
    expect(r.value.total).toBe(650);
    // the existing school already covers the 100 at C
    expect(r.value.features.map((f) => f.properties)).toEqual([
      { id: 'A', name: '东地块', rank: 1, gain: 300, covered: 400 },
      { id: 'B', rank: 2, gain: 200, covered: 600 },
    ]);
    expect(r.value.covered).toBe(600);
    expect(r.value.features[0]?.geometry.coordinates).toEqual(candidates.features[0]?.geometry.coordinates);
  });

  it('caps a site at its seats', () => {
    const r = runBatch({ demand, candidates, radius: 500, k: 1, seats: 120 });
    expect(r.ok && r.value.features[0]?.properties.gain).toBe(120);
  });

  it('says what is wrong', () => {
    const bad = (over: Partial<Parameters<typeof runBatch>[0]>) => {
      const r = runBatch({ demand, candidates, radius: 500, k: 2, ...over });
      return r.ok ? 'ok' : r.error;
    };
    expect(bad({ k: 9 })).toBe('--k 9 is more than the 4 candidates');
    expect(bad({ k: 0 })).toMatch(/--k/);
    expect(bad({ radius: -1 })).toMatch(/--radius/);
    expect(bad({ demand: fc([pt(0, 0, { people: 3 })]) })).toBe('demand: feature 1 has no numeric "pop" property');
    expect(bad({ candidates: fc([pt(0, 0, {})]) })).toBe('candidates: feature 1 has no "id" property');
    expect(bad({ candidates: fc([pt(0, 0, { id: 'x' }), pt(1, 0, { id: 'x' })]) })).toMatch(/appears twice/);
    expect(bad({ demand: { type: 'Feature' } })).toBe('demand: not a GeoJSON FeatureCollection');
    expect(bad({ existing: fc([{ type: 'Feature', geometry: { type: 'LineString', coordinates: [] } }]) })).toBe(
      'existing: feature 1 is not a Point',
    );
  });

  it('runs as a command: GeoJSON on stdout, errors on stderr with a non-zero exit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'siting-'));
    const d = join(dir, 'demand.geojson');
    const c = join(dir, 'candidates.geojson');
    writeFileSync(d, JSON.stringify(demand));
    writeFileSync(c, JSON.stringify(candidates));
    const run = (args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'scripts/siting.ts', ...args], { encoding: 'utf8' });
    const good = run(['--demand', d, '--candidates', c, '--radius', '500', '--k', '2']);
    expect(good.status).toBe(0);
    const out = JSON.parse(good.stdout) as { features: { properties: { id: string; rank: number } }[]; total: number };
    expect(out.features.map((f) => [f.properties.id, f.properties.rank])).toEqual([
      ['A', 1],
      ['B', 2],
    ]);
    expect(out.total).toBe(650);
    const wrong = run(['--demand', d, '--candidates', c, '--radius', '500', '--k', '9']);
    expect(wrong.status).toBe(1);
    expect(wrong.stdout).toBe('');
    expect(wrong.stderr).toContain('--k 9 is more than the 4 candidates');
    const missing = run(['--demand', join(dir, 'nope.geojson'), '--candidates', c, '--radius', '500', '--k', '1']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('cannot read');
  });
});
