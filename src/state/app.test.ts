import { describe, expect, it } from 'vitest';
import { loadReference, readJson } from '../../tests/unit/reference';
import { validateScenario } from '../core/model/validate';
import { parsePlanTargets } from '../core/plan/targets';
import { parseSettings } from '../core/settings/settings';
import { createMemoryRepository } from '../persistence/memory';
import { createApp } from './app';

function make(stored?: unknown): {
  app: ReturnType<typeof createApp>;
  repo: ReturnType<typeof createMemoryRepository>;
} {
  const scenario = validateScenario(readJson('seeds/scenario-2022.geojson'));
  const targets = parsePlanTargets(readJson('seeds/plan-targets.json'));
  if (!scenario.ok || !targets.ok) throw new Error('seed data invalid');
  const repo = createMemoryRepository(stored);
  return {
    app: createApp({
      reference: loadReference(),
      scenario: scenario.value.scenario,
      targets: targets.value,
      repository: repo,
    }),
    repo,
  };
}

describe('app state', () => {
  it('starts in Chinese on the offline basemap with every layer visible', async () => {
    const { app } = make();
    await app.init();
    expect(app.state.lang.value).toBe('zh');
    expect(app.state.settings.value.basemap).toBe('offline');
    expect(app.state.visible.value.size).toBe(8);
    expect(app.state.rows.value.length).toBe(90);
  });

  it('restores stored settings and saves changes through the repository', async () => {
    const { app, repo } = make({ version: 1, lang: 'en', basemap: 'osm', tiandituKey: '' });
    await app.init();
    expect(app.state.lang.value).toBe('en');
    expect(app.state.t.value('app.title')).toBe('Quanzhou School Construction Planning Map');
    app.actions.setBasemap('tdtImagery');
    app.actions.setTiandituKey('  abc  ');
    await Promise.resolve();
    expect(parseSettings(await repo.loadSettings()).settings).toEqual({
      version: 1,
      lang: 'en',
      basemap: 'tdtImagery',
      tiandituKey: 'abc',
    });
  });

  it('toggles layers and keeps per-kind data arrays stable', () => {
    const { app } = make();
    const before = app.state.layerInput.value;
    app.actions.toggleLayer('primary');
    const after = app.state.layerInput.value;
    expect(after.visible.has('primary')).toBe(false);
    expect(after.projectsByKind.get('primary')).toBe(before.projectsByKind.get('primary'));
    app.actions.setAllLayers(false);
    expect(app.state.visible.value.size).toBe(0);
  });

  it('shares one selection between map and table, and asks the camera to fly when requested', () => {
    const { app } = make();
    app.actions.select('qz2022-005', { fly: true });
    expect(app.state.selected.value?.id).toBe('qz2022-005');
    expect(app.state.layerInput.value.selected.map((p) => p.id)).toEqual(['qz2022-005']);
    expect(app.state.camera.value).toMatchObject({ type: 'project' });
    const seq = app.state.camera.value?.seq;
    app.actions.select(null);
    expect(app.state.selected.value).toBeNull();
    expect(app.state.camera.value?.seq).toBe(seq);
  });

  it('filters and sorts the table rows, and names things in the current language', () => {
    const { app } = make();
    app.actions.setFilter({ countyCode: '350526' });
    expect(app.state.rows.value.every((p) => p.properties.countyCode === '350526')).toBe(true);
    app.actions.sortBy('seats');
    expect(app.state.sort.value).toEqual({ key: 'seats', dir: 'desc' });
    app.actions.sortBy('seats');
    expect(app.state.sort.value.dir).toBe('asc');
    app.actions.clearFilter();
    expect(app.state.rows.value.length).toBe(90);
    app.actions.setLang('en');
    expect(app.state.countyName.value('350526')).toBe('Dehua County');
    expect(app.state.townshipName.value('350503007')).toBe('Donghai Subdistrict');
  });

  it('reports a failed save as a notice instead of throwing', async () => {
    const { app } = make();
    // a repository whose writes fail (quota, private mode)
    const broken = createApp({
      reference: loadReference(),
      scenario: app.state.scenario.value,
      targets: app.state.targets,
      repository: {
        loadSettings: () => Promise.resolve(undefined),
        saveSettings: () => Promise.reject(new Error('QuotaExceededError')),
      },
    });
    await broken.init();
    broken.actions.setLang('en');
    await new Promise((r) => setTimeout(r, 0));
    expect(broken.state.notice.value).toMatchObject({
      tone: 'error',
      key: 'settings.saveError',
      params: { message: 'QuotaExceededError' },
    });
    expect(broken.state.lang.value).toBe('en');
  });
});
