import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadIndex, loadReference } from '../../tests/helpers/reference';
import { loadSeed, loadTargets } from '../../tests/helpers/scenarioFixture';
import { createMemoryRepository } from '../persistence/memory';
import { createCoverageClient, inProcessTransport } from '../workers/coverageService';
import { createApp } from './app';

const shipped = (): Promise<ArrayBuffer> =>
  Promise.resolve(new Uint8Array(readFileSync(new URL('../../geodata/population.bin', import.meta.url))).buffer);

async function make() {
  let n = 0;
  const app = createApp({
    reference: loadReference(),
    scenario: loadSeed(),
    targets: loadTargets(),
    repository: createMemoryRepository(loadIndex()),
    coverage: { client: createCoverageClient(inProcessTransport()), loadSurface: shipped },
    newId: () => `id-${++n}`,
    viewSaveDelay: 0,
  });
  await app.init();
  for (let i = 0; i < 400 && app.state.analysis.surface.value.type !== 'ready'; i++)
    await new Promise((r) => setTimeout(r, 10));
  return app;
}

describe('the siting store', () => {
  it('runs on a county, shows ghosts numbered by rank, and adopts one as a planned project in one undoable edit', async () => {
    const app = await make();
    const siting = app.stores.siting;
    siting.actions.choose({ level: 'kindergarten', county: '350503', k: 3 });
    await siting.actions.run();
    expect(siting.state.status.value.type).toBe('done');
    const result = siting.state.result.value;
    expect(result?.outcome.suggestions).toHaveLength(3);
    expect(result?.counties.every((c) => c === '350503')).toBe(true);
    // the layer is shown, with ghosts named by rank
    expect(app.state.visible.value.has('suggestions')).toBe(true);
    expect(app.state.analysis.layerInput.value.suggestions.map((g) => g.properties.name)).toEqual(['1', '2', '3']);
    const first = result?.outcome.suggestions[0];
    if (!first) throw new Error('no suggestion');
    const before = app.state.scenario.value.features.length;
    expect(await siting.actions.adopt([1])).toBe(true);
    await app.flush();
    const added = app.state.scenario.value.features.at(-1);
    expect(app.state.scenario.value.features).toHaveLength(before + 1);
    expect(added?.properties).toMatchObject({
      kind: 'kindergarten',
      name: '建议选址幼儿园1',
      locationPrecision: 'suggested',
      countyCode: '350503',
      seats: 270,
    });
    expect(added?.geometry.coordinates[0]).toBeCloseTo(first.lon, 5);
    // the suggestions are stale once one is built
    expect(siting.state.result.value).toBeNull();
    await app.actions.undo();
    await app.flush();
    expect(app.state.scenario.value.features).toHaveLength(before);
  });

  it('a new run with the adopted school counts it as serving', async () => {
    const app = await make();
    const siting = app.stores.siting;
    siting.actions.choose({ level: 'primary', county: '350582', k: 2 });
    await siting.actions.run();
    const one = siting.state.result.value?.outcome;
    await siting.actions.adopt([1]);
    await app.flush();
    await siting.actions.run();
    const two = siting.state.result.value?.outcome;
    expect(two?.reachedBefore).toBeCloseTo((one?.reachedBefore ?? 0) + (one?.suggestions[0]?.gain ?? 0), 0);
  });

  it('imports candidate parcels through the import dialog (no kind needed), keeps them, and chooses among them only', async () => {
    const app = await make();
    const csv =
      '\uFEFF名称,经度,纬度\r\n丰泽控规A-01,118.6035,24.9012\r\n丰泽控规A-02,118.6201,24.8893\r\n晋江控规C-11,118.552,24.781\r\n';
    app.actions.importer.open('candidates');
    await app.actions.importer.read([{ name: '控规教育用地.csv', bytes: new TextEncoder().encode(csv) }]);
    expect(app.state.importer.session.value?.target).toBe('candidates');
    const review = app.state.importer.review.value;
    expect(review?.count).toBe(3);
    expect(review?.problems).toEqual([]);
    expect((await app.actions.importer.confirm()).ok).toBe(true);
    expect(app.state.sidebarTab.value).toBe('siting');
    expect(app.state.parcels.value?.parcels.map((p) => [p.id, p.countyCode])).toEqual([
      ['丰泽控规A-01', '350503'],
      ['丰泽控规A-02', '350503'],
      ['晋江控规C-11', '350582'],
    ]);
    const siting = app.stores.siting;
    siting.actions.choose({ level: 'primary', county: '350503', k: 2, useParcels: true });
    await siting.actions.run();
    const out = siting.state.result.value?.outcome;
    expect(out?.candidates).toBe(2);
    expect(out?.suggestions.map((x) => x.id).sort()).toEqual(['丰泽控规A-01', '丰泽控规A-02']);
    await app.actions.clearParcels();
    expect(app.state.parcels.value).toBeNull();
  });

  it('says so when there is no population surface', async () => {
    const app = createApp({
      reference: loadReference(),
      scenario: loadSeed(),
      targets: loadTargets(),
      repository: createMemoryRepository(loadIndex()),
      viewSaveDelay: 0,
    });
    await app.init();
    await app.stores.siting.actions.run();
    expect(app.stores.siting.state.status.value).toEqual({ type: 'failed', message: 'surface' });
  });
});
