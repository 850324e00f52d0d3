import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadIndex, loadReference } from '../../tests/helpers/reference';
import { loadSeed, loadTargets } from '../../tests/helpers/scenarioFixture';
import { createMemoryRepository } from '../persistence/memory';
import { createApp, type App } from './app';
import { createCoverageClient, inProcessTransport } from '../workers/coverageService';

const index = loadIndex();
const reference = loadReference();
const seed = loadSeed();
const targets = loadTargets();

const surfaceBytes = (): Promise<ArrayBuffer> => {
  const b = readFileSync(join(import.meta.dirname, '..', '..', 'geodata', 'population.bin'));
  return Promise.resolve(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
};

function make(loadSurface = surfaceBytes): App {
  let n = 0;
  return createApp({
    reference,
    scenario: seed,
    targets,
    repository: createMemoryRepository(index),
    newId: () => `id-${++n}`,
    viewSaveDelay: 0,
    coverage: { client: createCoverageClient(inProcessTransport()), loadSurface },
  });
}

const cityCovered = (app: App): number => app.state.analysis.coverageRows.value.at(-1)?.covered ?? NaN;

/** Waits until the worker (here: in-process) has answered for the current state. */
async function computed(app: App, predicate: () => boolean = () => true): Promise<void> {
  for (let i = 0; i < 200; i++) {
    await new Promise((r) => setTimeout(r, 5));
    if (app.state.analysis.result.value && predicate()) return;
  }
  throw new Error('no coverage result');
}

describe('analysis state', () => {
  it('rests the worker until something shows coverage', async () => {
    const app = make();
    await app.init();
    await new Promise((r) => setTimeout(r, 100));
    expect(app.state.analysis.surface.value.type).toBe('ready');
    expect(app.state.analysis.result.value).toBeNull();
    app.actions.select(seed.features[0]?.id ?? null);
    await computed(app);
    expect(app.state.analysis.result.value?.sitePop[seed.features[0]?.id ?? '']).toBeGreaterThan(0);
    app.dispose();
  });

  it('computes coverage per county and for the city from the shipped surface', async () => {
    const app = make();
    await app.init();
    app.actions.setSidebarTab('coverage');
    await computed(app);
    const rows = app.state.analysis.coverageRows.value;
    expect(rows.at(-1)?.id).toBe('city');
    expect(rows.at(-1)?.population).toBe(8_850_000);
    const sum = rows.slice(0, -1).reduce((s, r) => s + r.covered, 0);
    expect(sum).toBeCloseTo(cityCovered(app), 3);
    expect(cityCovered(app)).toBeGreaterThan(0);
    expect(app.state.analysis.surface.value.type).toBe('ready');
    app.dispose();
  });

  it('follows a dragged school before the move is committed, and a changed radius', async () => {
    const app = make();
    await app.init();
    app.actions.setSidebarTab('coverage');
    await computed(app);
    const start = cityCovered(app);
    const p = seed.features.find((f) => f.properties.kind === 'primary' && f.properties.countyCode === '350503');
    if (!p) throw new Error('no primary');
    const [lon = 0, lat = 0] = p.geometry.coordinates;
    app.actions.dragTo({ id: p.id, lon: lon - 0.03, lat: lat + 0.012 });
    await computed(app, () => cityCovered(app) !== start);
    expect(cityCovered(app)).toBeLessThan(start);
    app.actions.dragTo(null);
    await computed(app, () => cityCovered(app) === start);

    expect(app.actions.setParam('radius', 'primary', 1000)).toBe(true);
    await computed(app, () => cityCovered(app) > start);
    expect(app.actions.setParam('radius', 'primary', -1)).toBe(false);
    expect(app.state.settings.value.analysis.radius.primary).toBe(1000);
    app.actions.resetParams();
    await computed(app, () => cityCovered(app) === start);
    app.dispose();
  });

  it('assigns every person in a county with a school of the level to one of them', async () => {
    const app = make();
    await app.init();
    app.actions.toggleLayer('assignment');
    app.actions.setAnalysisLevel('junior');
    await computed(
      app,
      () => app.state.analysis.result.value?.assignment !== null && app.state.analysis.result.value?.level === 'junior',
    );
    const served = app.state.analysis.served.value;
    const a = app.state.analysis.result.value?.assignment;
    if (!a) throw new Error('no assignment');
    // 13 junior + 8 nine-year schools serve the junior level
    expect(served).toHaveLength(21);
    const total = served.reduce((s, x) => s + x.served, 0) + a.unassigned;
    expect(total).toBeCloseTo(8_850_000, 0);
    expect(app.state.analysis.layerInput.value.assignment?.image.width).toBeGreaterThan(100);
    expect(app.state.analysis.layerInput.value.oversubscribed.length).toBe(
      served.filter((s) => s.oversubscribed).length,
    );
    app.dispose();
  });

  it('reports a surface that cannot be loaded without touching the planner’s data', async () => {
    const app = make(() => Promise.resolve(new TextEncoder().encode('not a surface').buffer));
    await app.init();
    for (let i = 0; i < 50 && app.state.analysis.surface.value.type === 'loading'; i++)
      await new Promise((r) => setTimeout(r, 5));
    const s = app.state.analysis.surface.value;
    expect(s.type === 'failed' ? s.message : '').toMatch(/QZPS/);
    expect(app.state.scenario.value.features).toHaveLength(90);
    expect(app.state.analysis.progress.value.find((p) => p.target.id === 'kg-seats')?.status).toBe('met');
    app.dispose();
  });
});
