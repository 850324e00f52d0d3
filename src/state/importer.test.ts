import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadIndex, loadReference } from '../../tests/helpers/reference';
import { loadSeed, loadTargets } from '../../tests/helpers/scenarioFixture';
import { createMemoryRepository } from '../persistence/memory';
import type { Repository } from '../persistence/repository';
import { createApp, type App } from './app';
import { combineFiles } from '../core/io/combine';
import { createCoverageClient, inProcessTransport } from '../workers/coverageService';

const index = loadIndex();
const reference = loadReference();
const seed = loadSeed();
const targets = loadTargets();

const fixture = (name: string): { name: string; bytes: Uint8Array } => ({
  name,
  bytes: new Uint8Array(readFileSync(new URL(`../../tests/fixtures/io/${name}`, import.meta.url))),
});

const shipped = (): Promise<ArrayBuffer> =>
  Promise.resolve(new Uint8Array(readFileSync(new URL('../../geodata/population.bin', import.meta.url))).buffer);

async function make(repo: Repository = createMemoryRepository(index), withEngine = false): Promise<App> {
  let n = 0;
  const app = createApp({
    reference,
    scenario: seed,
    targets,
    repository: repo,
    ...(withEngine ? { coverage: { client: createCoverageClient(inProcessTransport()), loadSurface: shipped } } : {}),
    newId: () => `id-${++n}`,
    viewSaveDelay: 0,
  });
  await app.init();
  return app;
}

describe('importer (files read in process)', () => {
  it('writes nothing until confirmed, then creates a new scenario recording the file and system', async () => {
    const repo = createMemoryRepository(index);
    const app = await make(repo);
    const im = app.actions.importer;
    im.open();
    await im.read([fixture('projects-gcj02.csv')]);
    const s = app.state.importer.session.value;
    expect(s?.stage).toBe('ready');
    expect(s?.crs).toBe('gcj02');
    expect(s?.crsReason).toBe('header');
    expect(app.state.importer.projects.value).toHaveLength(3);
    // nothing stored yet
    expect((await repo.listScenarios()).scenarios).toHaveLength(1);
    const r = await im.confirm();
    expect(r.ok).toBe(true);
    await app.flush();
    expect(app.state.importer.session.value).toBeNull();
    const meta = app.state.scenario.value.scenario;
    expect(meta.name).toBe('projects-gcj02');
    expect(meta.imported).toMatchObject({ file: 'projects-gcj02.csv', format: 'csv', crs: 'gcj02' });
    expect(app.state.scenario.value.features).toHaveLength(3);
    const stored = (await repo.listScenarios()).scenarios.find((x) => x.meta.id === meta.id);
    expect(stored?.meta.imported?.crs).toBe('gcj02');
    expect(stored?.projectCount).toBe(3);
  });

  it('merges into the current scenario as one undoable edit', async () => {
    const app = await make();
    const before = app.state.scenario.value.features.length;
    app.actions.importer.open();
    await app.actions.importer.read([fixture('survey.kmz')]);
    app.actions.importer.setTarget('merge');
    expect((await app.actions.importer.confirm()).ok).toBe(true);
    await app.flush();
    expect(app.state.scenario.value.features.length).toBe(before + 2);
    await app.actions.undo();
    await app.flush();
    expect(app.state.scenario.value.features.length).toBe(before);
  });

  it('merges into another scenario: it is shown, and the merge is undone there', async () => {
    const app = await make();
    await app.actions.newScenario('方案B');
    await app.flush();
    const b = app.state.scenario.value.scenario.id;
    await app.actions.switchScenario('illustrative-2022');
    app.actions.importer.open();
    await app.actions.importer.read([fixture('projects-gbk.csv')]);
    app.actions.importer.setMergeInto(b);
    expect((await app.actions.importer.confirm()).ok).toBe(true);
    await app.flush();
    expect(app.state.scenario.value.scenario.id).toBe(b);
    expect(app.state.scenario.value.features).toHaveLength(4);
    expect(app.state.scenarios.value.find((s) => s.meta.id === 'illustrative-2022')?.projectCount).toBe(90);
    await app.actions.undo();
    await app.flush();
    expect(app.state.scenario.value.features).toHaveLength(0);
  });

  it('a malformed file is reported and leaves the scenarios as they were', async () => {
    const repo = createMemoryRepository(index);
    const app = await make(repo);
    const revision = app.state.summary.value?.revision;
    app.actions.importer.open();
    await app.actions.importer.read([{ name: 'x.geojson', bytes: new TextEncoder().encode('{"type":') }]);
    expect(app.state.importer.session.value).toMatchObject({ stage: 'failed', error: { code: 'invalidJson' } });
    expect((await app.actions.importer.confirm()).ok).toBe(false);
    expect(app.state.summary.value?.revision).toBe(revision);
    expect((await repo.listScenarios()).scenarios.map((s) => s.projectCount)).toEqual([90]);
  });

  it('existing schools are kept in the repository and count as existing seats', async () => {
    const repo = createMemoryRepository(index);
    const app = await make(repo);
    app.actions.importer.open('existing');
    await app.actions.importer.read([fixture('schools-4549.zip')]);
    expect(app.state.importer.session.value?.crs).toBe('EPSG:4549');
    expect((await app.actions.importer.confirm()).ok).toBe(true);
    expect(app.state.analysis.existing.value).toHaveLength(3);
    const jinjiang = app.state.analysis.demandRows.value.find((r) => r.id === '350582');
    expect(jinjiang?.stages.preschool.existing).toBe(360);
    // a second app on the same storage reads the layer back
    const again = await make(repo);
    expect(again.state.existingLayer.value?.schools.map((s) => s.name)).toContain('晋江市第二实验幼儿园');
    await again.actions.clearExisting();
    expect(await repo.loadReference('existingSchools')).toBeUndefined();
  });

  it('a population raster replaces the modelled surface, is kept, and the modelled one can be restored', async () => {
    const repo = createMemoryRepository(index);
    const app = await make(repo, true);
    const ready = async (modelled: boolean): Promise<number> => {
      for (let i = 0; i < 200; i++) {
        const s = app.state.analysis.surface.value;
        if (s.type === 'ready' && s.info.modelled === modelled) return s.info.total;
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error('surface not ready');
    };
    expect(await ready(true)).toBe(8_850_000);
    app.actions.importer.open('population');
    await app.actions.importer.read([fixture('population.tif')]);
    expect(app.state.importer.session.value?.target).toBe('population');
    expect((await app.actions.importer.confirm()).ok).toBe(true);
    const total = await ready(false);
    expect(total).toBeGreaterThan(10_000);
    expect(total).toBeLessThan(20_001);
    expect(app.state.populationSource.value).toMatchObject({ file: 'population.tif', total });
    // a new app on the same storage starts from the imported surface
    const again = await make(repo, true);
    for (let i = 0; i < 200 && again.state.analysis.surface.value.type !== 'ready'; i++)
      await new Promise((r) => setTimeout(r, 10));
    const s = again.state.analysis.surface.value;
    expect(s.type === 'ready' && s.info.total).toBe(total);
    await app.actions.clearPopulation();
    expect(await ready(true)).toBe(8_850_000);
    expect(await repo.loadReference('population')).toBeUndefined();
  });

  it('loose Shapefile parts are zipped into one file', () => {
    const f = combineFiles([
      { name: 'a.shp', bytes: new Uint8Array([1]) },
      { name: 'a.dbf', bytes: new Uint8Array([2]) },
      { name: 'readme.txt', bytes: new Uint8Array([3]) },
    ]);
    expect(f?.name).toBe('a.zip');
    expect([...(f?.bytes.slice(0, 2) ?? [])]).toEqual([0x50, 0x4b]);
  });
});
