import { DEFAULT_PARAMS } from '../core/analysis/params';
import { describe, expect, it } from 'vitest';
import { loadIndex, loadReference, readJson } from '../../tests/helpers/reference';
import { validateScenario } from '../core/model/validate';
import { parsePlanTargets } from '../core/plan/targets';
import { parseSettings } from '../core/settings/settings';
import { draftFromProject } from '../core/edits/form';
import { createMemoryRepository } from '../persistence/memory';
import type { Repository } from '../persistence/repository';
import { createApp, type App } from './app';
import { createChannelHub, type TabChannel } from './tabs';

const index = loadIndex();
const reference = loadReference();
const seedResult = validateScenario(readJson('seeds/scenario-2022.geojson'), index);
const targetsResult = parsePlanTargets(readJson('seeds/plan-targets.json'));
if (!seedResult.ok || !targetsResult.ok) throw new Error('seed data invalid');
const seed = seedResult.value.scenario;
const targets = targetsResult.value;

function make(repo: Repository = createMemoryRepository(index, { durable: true }), channel?: TabChannel): App {
  let n = 0;
  return createApp({
    reference,
    scenario: seed,
    targets,
    repository: repo,
    ...(channel ? { channel } : {}),
    newId: () => `id-${Math.random().toString(36).slice(2, 8)}-${++n}`,
    viewSaveDelay: 0,
  });
}
const settle = async (app: App): Promise<void> => {
  for (let i = 0; i < 5; i++) {
    await app.flush();
    await new Promise((r) => setTimeout(r, 5));
  }
};
const projectIn = (app: App, id: string) => app.state.scenario.value.features.find((p) => p.id === id);
const FIRST = 'qz2022-001';

describe('app state', () => {
  it('seeds the illustrative scenario on first run, in Chinese, with every layer visible', async () => {
    const app = make();
    await app.init();
    expect(app.state.lang.value).toBe('zh');
    expect(app.state.settings.value.basemap).toBe('offline');
    expect(app.state.visible.value.size).toBe(9);
    expect(app.state.rows.value.length).toBe(90);
    expect(app.state.scenarios.value.map((s) => [s.meta.id, s.projectCount])).toEqual([['illustrative-2022', 90]]);
  });

  it('restores settings, the scenario and the hidden layers, and saves changes through the repository', async () => {
    const repo = createMemoryRepository(index, {
      initial: { settings: { version: 1, lang: 'en', basemap: 'osm', tiandituKey: '' } },
    });
    const first = make(repo);
    await first.init();
    await first.actions.newScenario('方案B');
    first.actions.toggleLayer('primary');
    first.actions.cameraChanged({ lon: 118.6, lat: 24.9, zoom: 12 });
    first.actions.setBasemap('tdtImagery');
    first.actions.setTiandituKey('  abc  ');
    await settle(first);
    expect(parseSettings(await repo.loadSettings()).settings).toEqual({
      version: 2,
      lang: 'en',
      basemap: 'tdtImagery',
      tiandituKey: 'abc',
      basemapRef: '',
      customTiles: { template: '', crs: 'wgs84', attribution: '' },
      analysis: DEFAULT_PARAMS,
    });
    const again = make(repo);
    await again.init();
    expect(again.state.lang.value).toBe('en');
    expect(again.state.scenario.value.scenario.name).toBe('方案B');
    expect(again.state.visible.value.has('primary')).toBe(false);
    expect(again.state.initialCamera.value).toEqual({ lon: 118.6, lat: 24.9, zoom: 12 });
    // the illustrative scenario was not seeded again
    expect(again.state.scenarios.value).toHaveLength(2);
  });

  it('adds, moves, edits and deletes projects, with undo and redo named after each edit', async () => {
    const repo = createMemoryRepository(index, { durable: true });
    const app = make(repo);
    await app.init();
    app.actions.setMode({ type: 'add', kind: 'kindergarten' });
    expect(await app.actions.placeProject(118.6, 24.92)).toBe(true);
    const id = app.state.selectedId.value ?? '';
    expect(projectIn(app, id)?.properties).toMatchObject({ name: '新建幼儿园1', countyCode: '350503' });
    expect(app.state.mode.value).toEqual({ type: 'select' });
    await app.actions.moveProject(id, 118.61, 24.93);
    expect(projectIn(app, id)?.geometry.coordinates).toEqual([118.61, 24.93]);
    const p = projectIn(app, id);
    if (!p) throw new Error('expected the new project');
    const bad = await app.actions.saveProject(id, { ...draftFromProject(p), name: '', seats: 'x' });
    expect(bad.errors.map((i) => i.field).sort()).toEqual(['name', 'seats']);
    const good = await app.actions.saveProject(id, {
      ...draftFromProject(p),
      name: '东海幼儿园',
      seats: '360',
      classes: '12',
    });
    expect(good.errors).toEqual([]);
    expect(app.state.history.value.undo).toMatchObject({ kind: 'edit', subject: '东海幼儿园' });
    await app.actions.deleteProjects([id]);
    expect(projectIn(app, id)).toBeUndefined();
    expect(app.state.selectedId.value).toBe(null);
    await app.actions.undo();
    expect(projectIn(app, id)?.properties.name).toBe('东海幼儿园');
    expect(app.state.notice.value).toMatchObject({ key: 'history.undone', edit: { kind: 'delete' } });
    await app.actions.undo();
    await app.actions.undo();
    expect(projectIn(app, id)?.geometry.coordinates).toEqual([118.6, 24.92]);
    await app.actions.redo();
    expect(projectIn(app, id)?.geometry.coordinates).toEqual([118.61, 24.93]);
    await settle(app);
    expect(app.state.saveStatus.value).toBe('saved');
    // what is shown is what is stored
    const stored = await repo.loadScenario('illustrative-2022');
    expect(stored?.projects.find((f) => f.id === id)?.geometry.coordinates).toEqual([118.61, 24.93]);
    expect(stored?.history).toMatchObject({ undoCount: 2, redoCount: 2 });
  });

  it('refuses to place or move a project into the sea', async () => {
    const app = make();
    await app.init();
    app.actions.setMode({ type: 'add', kind: 'primary' });
    expect(await app.actions.placeProject(119.3, 24.6)).toBe(false);
    expect(app.state.notice.value?.key).toBe('edit.outside');
    expect(await app.actions.moveProject(FIRST, 119.3, 24.6)).toBe(false);
    expect(app.state.rows.value).toHaveLength(90);
  });

  it('sets one field for the checked rows in one undoable edit', async () => {
    const app = make();
    await app.init();
    const ids = app.state.rows.value.slice(0, 4).map((p) => p.id);
    app.actions.setChecked(ids);
    expect(await app.actions.bulkSet('status', 'completed')).toEqual([]);
    expect(ids.every((id) => projectIn(app, id)?.properties.status === 'completed')).toBe(true);
    expect(app.state.history.value.undo?.kind).toBe('bulk');
    await app.actions.undo();
    expect(ids.map((id) => projectIn(app, id)?.properties.status)).toEqual(
      ids.map((id) => seed.features.find((p) => p.id === id)?.properties.status),
    );
  });

  it('creates, duplicates, renames, switches and deletes scenarios; resets the illustrative one', async () => {
    const app = make();
    await app.init();
    await app.actions.moveProject(FIRST, 118.6, 24.93);
    await app.actions.duplicateScenario('方案A 副本');
    expect(app.state.scenario.value.scenario.name).toBe('方案A 副本');
    expect(projectIn(app, FIRST)?.geometry.coordinates).toEqual([118.6, 24.93]);
    expect(app.state.history.value.undoCount).toBe(0);
    await app.actions.renameScenario('方案C');
    expect(app.state.scenarios.value.map((s) => s.meta.name)).toContain('方案C');
    await app.actions.undo();
    expect(app.state.scenario.value.scenario.name).toBe('方案A 副本');
    await app.actions.deleteScenario();
    expect(app.state.scenarios.value.map((s) => s.meta.id)).toEqual(['illustrative-2022']);
    expect(await app.actions.deleteScenario()).toBe(false);
    // the notice after deleting offers to bring it back, projects and all
    await app.actions.restoreDeletedScenario();
    expect(app.state.scenarios.value.map((s) => s.meta.name)).toEqual([seed.scenario.name, '方案A 副本']);
    expect(projectIn(app, FIRST)?.geometry.coordinates).toEqual([118.6, 24.93]);
    await app.actions.resetIllustrative();
    expect(projectIn(app, FIRST)?.geometry.coordinates).toEqual(seed.features[0]?.geometry.coordinates);
    expect(app.state.history.value.undo?.kind).toBe('reset');
  });

  it('two tabs on one database see each other’s edits and keep both', async () => {
    const repo = createMemoryRepository(index, { durable: true });
    const hub = createChannelHub();
    const a = make(repo, hub());
    const b = make(repo, hub());
    await a.init();
    await b.init();
    await a.actions.moveProject(FIRST, 118.6, 24.93);
    await settle(b);
    expect(projectIn(b, FIRST)?.geometry.coordinates).toEqual([118.6, 24.93]);
    expect(b.state.notice.value).toMatchObject({ key: 'sync.remoteEdit', edit: { kind: 'move' } });
    // both edit the same project at once: different fields merge
    const p = projectIn(b, FIRST);
    if (!p) throw new Error('expected project');
    await Promise.all([
      a.actions.saveProject(FIRST, { ...draftFromProject(p), seats: '300' }),
      b.actions.saveProject(FIRST, { ...draftFromProject(p), notes: '乙' }),
    ]);
    await settle(a);
    await settle(b);
    for (const tab of [a, b]) expect(projectIn(tab, FIRST)?.properties).toMatchObject({ seats: 300, notes: '乙' });
    // the same field: the later save wins, and the tab that saved it is told
    const q = projectIn(a, FIRST);
    if (!q) throw new Error('expected project');
    await a.actions.saveProject(FIRST, { ...draftFromProject(q), seats: '330' });
    await b.actions.saveProject(FIRST, { ...draftFromProject(q), seats: '360' });
    await settle(a);
    await settle(b);
    for (const tab of [a, b]) expect(projectIn(tab, FIRST)?.properties.seats).toBe(360);
  });

  it('a failed write is reported, the change is taken back and nothing saved before is lost', async () => {
    const repo = createMemoryRepository(index, { durable: true });
    const app = make({
      ...repo,
      commit: (id, edit) =>
        edit.kind === 'delete'
          ? Promise.reject(new DOMException('disk full', 'QuotaExceededError'))
          : repo.commit(id, edit),
      saveView: () => Promise.reject(new DOMException('disk full', 'QuotaExceededError')),
    });
    await app.init();
    await app.actions.moveProject(FIRST, 118.6, 24.93);
    await app.actions.deleteProjects([FIRST]);
    await settle(app);
    expect(app.state.saveStatus.value).toBe('error');
    expect(app.state.notice.value).toMatchObject({ tone: 'error', key: 'storage.quotaFull', offerExport: true });
    expect(projectIn(app, FIRST)?.geometry.coordinates).toEqual([118.6, 24.93]);
    expect((await repo.loadScenario('illustrative-2022'))?.projects).toHaveLength(90);
    // a failing view save afterwards does not hide the message about the planner's data
    app.actions.cameraChanged({ lon: 118.6, lat: 24.9, zoom: 11 });
    await settle(app);
    expect(app.state.notice.value?.key).toBe('storage.quotaFull');
  });

  it('toggles layers and keeps per-kind data arrays stable; a drag moves coverage, not the layers', async () => {
    const app = make();
    await app.init();
    const before = app.state.layerInput.value;
    app.actions.toggleLayer('primary');
    const after = app.state.layerInput.value;
    expect(after.visible.has('primary')).toBe(false);
    expect(after.projectsByKind.get('primary')).toBe(before.projectsByKind.get('primary'));
    // a drag moves what coverage follows, and nothing the map's layers read (the map's drag marker draws it)
    const drawn = app.state.layerInput.value;
    app.actions.dragTo({ id: FIRST, lon: 118.7, lat: 25 });
    expect(app.state.layerInput.value).toBe(drawn);
    expect(app.state.shown.value.find((p) => p.id === FIRST)?.geometry.coordinates).toEqual([118.7, 25]);
    app.actions.dragTo(null);
    expect(app.state.layerInput.value).toBe(drawn);
    expect(app.state.shown.value.find((p) => p.id === FIRST)?.geometry.coordinates).toEqual(
      projectIn(app, FIRST)?.geometry.coordinates,
    );
  });

  it('draws a site outline only once its project is built by the phasing year, on the live map as in exports', async () => {
    const app = make();
    await app.init();
    const p = projectIn(app, FIRST);
    if (!p) throw new Error('expected project');
    const [lon = 0, lat = 0] = p.geometry.coordinates;
    const d = 0.001;
    const ring = [
      [lon - d, lat - d],
      [lon + d, lat - d],
      [lon + d, lat + d],
      [lon - d, lat + d],
      [lon - d, lat - d],
    ];
    expect(await app.actions.setSite(FIRST, { type: 'Polygon', coordinates: [ring] })).toBe(true);
    const later = projectIn(app, FIRST);
    if (!later) throw new Error('expected project');
    await app.actions.saveProject(FIRST, { ...draftFromProject(later), year: '2030' });
    const ids = (list: readonly { id: string }[]): string[] => list.map((x) => x.id).sort();
    const all = new Set(app.state.layerInput.value.visible);
    for (const year of [2025, 2030, null]) {
      app.actions.setPhaseYear(year);
      const live = app.state.layerInput.value;
      const exported = app.state.layerInputFor(all, year);
      const built = year === null || year >= 2030;
      expect(
        live.sites.some((x) => x.id === FIRST),
        `site in ${year}`,
      ).toBe(built);
      // one derivation: the live map and an export of the same year show the same projects in every list
      expect(ids(live.sites)).toEqual(ids(exported.sites));
      expect(ids(live.central)).toEqual(ids(exported.central));
      for (const [kind, list] of live.projectsByKind)
        expect(ids(list)).toEqual(ids(exported.projectsByKind.get(kind) ?? []));
    }
  });

  it('filters and sorts the table rows, and names things in the current language', async () => {
    const app = make();
    await app.init();
    app.actions.select('qz2022-005', { fly: true });
    expect(app.state.camera.value).toMatchObject({ type: 'project' });
    app.actions.setFilter({ countyCode: '350526' });
    expect(app.state.rows.value.every((p) => p.properties.countyCode === '350526')).toBe(true);
    app.actions.sortBy('seats');
    expect(app.state.sort.value).toEqual({ key: 'seats', dir: 'desc' });
    app.actions.clearFilter();
    expect(app.state.rows.value.length).toBe(90);
    app.actions.setLang('en');
    expect(app.state.countyName.value('350526')).toBe('Dehua County');
  });
});
