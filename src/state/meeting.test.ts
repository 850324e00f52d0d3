import { describe, expect, it } from 'vitest';
import { loadIndex, loadReference, readJson } from '../../tests/helpers/reference';
import { validateScenario } from '../core/model/validate';
import { parsePlanTargets } from '../core/plan/targets';
import { createMemoryRepository } from '../persistence/memory';
import type { Repository } from '../persistence/repository';
import { createApp, type App } from './app';
import { createCoverageClient, inProcessTransport } from '../workers/coverageService';
import { readFileSync } from 'node:fs';

const index = loadIndex();
const reference = loadReference();
const seedResult = validateScenario(readJson('seeds/scenario-2022.geojson'), index);
const targetsResult = parsePlanTargets(readJson('seeds/plan-targets.json'));
if (!seedResult.ok || !targetsResult.ok) throw new Error('seed data invalid');
const seed = seedResult.value.scenario;

function make(repo: Repository = createMemoryRepository(index), withCoverage = false): App {
  let n = 0;
  const bytes = readFileSync('geodata/population.bin');
  return createApp({
    reference,
    scenario: seed,
    targets: targetsResult.ok ? targetsResult.value : (undefined as never),
    repository: repo,
    newId: () => `id-${++n}`,
    viewSaveDelay: 0,
    ...(withCoverage
      ? {
          coverage: {
            client: createCoverageClient(inProcessTransport()),
            loadSurface: () => Promise.resolve(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length)),
          },
        }
      : {}),
  });
}
const until = async (cond: () => boolean): Promise<void> => {
  for (let i = 0; i < 400 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!cond()) throw new Error('condition not met');
};

describe('slides and presenting', () => {
  it('saves views as slides through the write path, undoes them, and keeps them after a reload', async () => {
    const repo = createMemoryRepository(index);
    const app = make(repo);
    await app.init();
    app.actions.cameraChanged({ lon: 118.6, lat: 24.9, zoom: 10 });
    await app.actions.meeting.saveSlide();
    app.actions.toggleLayer('kindergarten');
    app.actions.setPhaseYear(2024);
    app.actions.cameraChanged({ lon: 118.55, lat: 24.8, zoom: 12.5 });
    await app.actions.meeting.saveSlide('晋江 2024');
    const slides = app.state.meeting.slides.value;
    expect(slides.map((s) => s.title)).toEqual(['幻灯片 1', '晋江 2024']);
    expect(slides[1]).toMatchObject({ camera: { lon: 118.55, lat: 24.8, zoom: 12.5 }, year: 2024 });
    expect(slides[1]?.layers).not.toContain('kindergarten');
    expect(slides[0]?.layers).toContain('kindergarten');
    expect(app.state.history.value.undo?.kind).toBe('slideAdd');
    await app.actions.undo();
    expect(app.state.meeting.slides.value).toHaveLength(1);
    await app.actions.redo();
    await app.flush();
    const again = make(repo);
    await again.init();
    expect(again.state.meeting.slides.value.map((s) => s.title)).toEqual(['幻灯片 1', '晋江 2024']);
  });

  it('steps through slides: each sets its layers, year and camera, and exit restores the layers', async () => {
    const app = make();
    await app.init();
    app.actions.cameraChanged({ lon: 118.6, lat: 24.9, zoom: 10 });
    await app.actions.meeting.saveSlide('A');
    app.actions.toggleLayer('primary');
    app.actions.setPhaseYear(2023);
    app.actions.cameraChanged({ lon: 118.7, lat: 25.0, zoom: 13 });
    await app.actions.meeting.saveSlide('B');
    app.actions.toggleLayer('junior');
    const before = new Set(app.state.visible.value);
    app.actions.meeting.present();
    expect(app.state.meeting.currentSlide.value?.title).toBe('A');
    expect(app.state.visible.value.has('primary')).toBe(true);
    expect(app.state.phaseYear.value).toBeNull();
    app.actions.meeting.step(1);
    expect(app.state.meeting.currentSlide.value?.title).toBe('B');
    expect(app.state.visible.value.has('primary')).toBe(false);
    expect(app.state.phaseYear.value).toBe(2023);
    expect(app.state.camera.value).toMatchObject({ type: 'view', lon: 118.7, lat: 25, zoom: 13 });
    // the projects shown follow the slide's year
    const shown = [...app.state.projectsByKind.value.values()].flat();
    expect(shown.every((p) => p.properties.year <= 2023)).toBe(true);
    app.actions.meeting.step(1);
    expect(app.state.meeting.presentation.value?.index).toBe(1);
    app.actions.meeting.goToSlide(0);
    expect(app.state.meeting.currentSlide.value?.title).toBe('A');
    app.actions.meeting.exitPresentation();
    expect(app.state.meeting.presentation.value).toBeNull();
    expect(app.state.visible.value).toEqual(before);
  });
});

describe('a slide of the projected gap', () => {
  it('keeps the projection’s stage and variant, brings them back when shown, and its export shades by them', async () => {
    const app = make();
    await app.init();
    app.actions.cameraChanged({ lon: 118.6, lat: 24.9, zoom: 10 });
    // without the layer a slide carries no projection view
    await app.actions.meeting.saveSlide('plain');
    expect(app.state.meeting.slides.value[0]?.projection).toBeUndefined();
    app.actions.toggleLayer('projectedGap');
    app.stores.projection.actions.setStage('preschool');
    app.stores.projection.actions.setVariant('low');
    app.actions.setPhaseYear(2030);
    await app.actions.meeting.saveSlide('幼儿园 2030 低方案');
    expect(app.state.meeting.slides.value[1]?.projection).toEqual({ stage: 'preschool', variant: 'low' });
    app.stores.projection.actions.setStage('junior');
    app.stores.projection.actions.setVariant('high');
    app.actions.meeting.showSlide(app.state.meeting.slides.value[1]?.id ?? '');
    expect(app.stores.projection.state.stage.value).toBe('preschool');
    expect(app.stores.projection.state.variant.value).toBe('low');
    // an export of that slide shades by its variant, even when the screen shows another
    await app.stores.projection.actions.ensure();
    app.stores.projection.actions.setVariant('high');
    const pct = (variant: 'low' | 'high') =>
      app.stores.layers
        .layerInputFor(new Set(['projectedGap']), 2035, { stage: 'preschool', variant })
        .analysis.projectedGap.find((f) => f.properties.adcode === '350582')?.properties.pct ?? NaN;
    // fewer births under the low variant: the same seats meet more of the demand
    expect(pct('low')).toBeGreaterThan(pct('high'));
  });
});

describe('scenario comparison', () => {
  it('diffs the scenario on screen against another, with coverage of both', async () => {
    const app = make(createMemoryRepository(index), true);
    await app.init();
    await app.actions.duplicateScenario('方案B');
    await app.actions.deleteProjects(['qz2022-001']);
    app.actions.compare.open();
    await until(() => app.state.compare.coverage.value?.type === 'ready');
    const session = app.state.compare.session.value;
    expect(session?.b).toBe(app.state.scenario.value.scenario.id);
    expect(session?.a).toBe('illustrative-2022');
    expect(app.state.compare.diff.value?.counts).toEqual({ added: 0, removed: 1, moved: 0, changed: 0 });
    const cov = app.state.compare.coverage.value;
    if (cov?.type !== 'ready') throw new Error('coverage expected');
    const city = (side: 'a' | 'b'): number => cov.value[side].kindergarten.at(-1) ?? 0;
    expect(city('a')).toBeGreaterThanOrEqual(city('b'));
    const csv = app.actions.compare.csv('changes');
    expect(csv?.name).toMatch(/\.csv$/);
    expect(csv?.text).toContain('qz2022-001');
    app.actions.compare.setA(app.state.scenario.value.scenario.id);
    await until(() => app.state.compare.diff.value?.rows.length === 0);
    app.actions.compare.close();
    expect(app.state.compare.session.value).toBeNull();
  });
});
