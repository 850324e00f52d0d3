import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomSites } from '../../tests/helpers/surfaceFixture';
import type { CoverageSite } from '../core/analysis/engine';
import type { CoverageResponse } from './coverageMessages';
import { createCoverageClient, createCoverageHandler, diffSites, type CoverageTransport } from './coverageService';

describe('diffSites', () => {
  const sites = randomSites(6, 1);
  const held = new Map(sites.map((s) => [s.key, s]));

  it('sends every site when the worker holds none known', () => {
    expect(diffSites(null, sites)).toEqual({ reset: true, upsert: sites, remove: [] });
  });

  it('sends only the moved, added and removed sites', () => {
    const [a, b, ...rest] = sites;
    if (!a || !b) throw new Error('fixture');
    const moved = { ...a, lon: a.lon + 0.001 };
    const added: CoverageSite = { ...b, key: 'new', projectId: 'new' };
    const next = [moved, ...rest, added];
    expect(diffSites(held, next)).toEqual({ reset: false, upsert: [moved, added], remove: [b.key] });
    // a rebuilt but equal site is not sent again
    expect(
      diffSites(
        held,
        sites.map((s) => ({ ...s })),
      ).upsert,
    ).toEqual([]);
  });
});

describe('the coverage client and worker handler', () => {
  it('answer as a full recompute would, whatever mix of full lists and patches went between them', async () => {
    // the shipped surface of 泉州
    const encoded = new Uint8Array(readFileSync(join(import.meta.dirname, '..', '..', 'geodata', 'population.bin')));
    const handle = createCoverageHandler();
    const posted: CoverageResponse[] = [];
    let listener: ((r: CoverageResponse) => void) | null = null;
    const sizes: number[] = [];
    const transport: CoverageTransport = {
      post: (req) => {
        if (req.type === 'compute') sizes.push(req.sites.upsert.length + req.sites.remove.length);
        const { response } = handle(req);
        posted.push(response);
        queueMicrotask(() => listener?.(response));
      },
      onMessage: (cb) => {
        listener = cb;
      },
      terminate: () => undefined,
    };
    const client = createCoverageClient(transport);
    await client.loadSurface(encoded.slice().buffer);
    const results: number[][] = [];
    client.onResult((r) => results.push([...r.covered.primary]));
    const ask = async (sites: readonly CoverageSite[]): Promise<void> => {
      client.compute({ sites, level: 'primary', uncovered: false, assignment: false });
      await new Promise((r) => setTimeout(r, 0));
    };
    let sites = randomSites(40, 3);
    await ask(sites);
    for (let i = 0; i < 20; i++) {
      sites = sites.map((s, j) => (j === i ? { ...s, lon: s.lon + 0.002 } : s)).filter((_, j) => j !== 30 + (i % 5));
      await ask(sites);
    }
    // after the first request, each carried a few sites, not forty
    expect(sizes[0]).toBe(40);
    expect(Math.max(...sizes.slice(1))).toBeLessThanOrEqual(3);
    const fresh = createCoverageHandler();
    fresh({ type: 'surface', buffer: encoded.slice().buffer });
    const expected = fresh({
      type: 'compute',
      seq: 1,
      sites: { reset: true, upsert: sites, remove: [] },
      level: 'primary',
      uncovered: false,
      assignment: false,
    }).response;
    if (expected.type !== 'result') throw new Error('no result');
    results.at(-1)?.forEach((v, i) => expect(v).toBeCloseTo(expected.result.covered.primary[i] ?? NaN, 6));
  });
});
