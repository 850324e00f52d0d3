import { describe, expect, it } from 'vitest';
import { loadIndex } from '../../tests/helpers/reference';
import { editContext, loadSeed } from '../../tests/helpers/scenarioFixture';
import { createMemoryRepository } from '../persistence/memory';
import { createEditing } from './editing';
import type { NoticeRequest } from './notices';
import { createScenarioStore } from './scenarios';
import { createSelection } from './selection';
import { createLocalChannel } from './tabs';

const index = loadIndex();
const seed = loadSeed();

async function setup() {
  const repo = createMemoryRepository(index, { durable: true });
  const notices: NoticeRequest[] = [];
  let closed = 0;
  let n = 0;
  const store = createScenarioStore({
    repository: repo,
    channel: createLocalChannel(),
    index,
    seed,
    newId: () => `new-${++n}`,
    tabId: 'tab',
    notify: (x) => notices.push(x),
    onSwitched: () => undefined,
    onChanged: () => selection.reconcile(),
  });
  const selection = createSelection({ byId: store.state.byId, flyTo: () => undefined });
  const editing = createEditing({
    store,
    selection,
    ctx: editContext(),
    newId: () => `new-${++n}`,
    notify: (x) => notices.push(x),
    closeDialog: () => {
      closed++;
    },
  });
  await store.init(null);
  return { repo, store, selection, editing, notices, closed: () => closed };
}

describe('editing actions', () => {
  it('places a project only in add mode and on land in the city; the new one is selected', async () => {
    const { store, selection, editing, notices } = await setup();
    expect(await editing.placeProject(118.6, 24.9)).toBe(false);
    selection.actions.setMode({ type: 'add', kind: 'primary' });
    expect(await editing.placeProject(119.5, 24.5)).toBe(false);
    expect(notices.at(-1)?.key).toBe('edit.outside');
    expect(store.state.scenario.value.features).toHaveLength(seed.features.length);
    expect(await editing.placeProject(118.6, 24.91)).toBe(true);
    expect(store.state.scenario.value.features).toHaveLength(seed.features.length + 1);
    expect(selection.state.selected.value?.properties.kind).toBe('primary');
    expect(selection.state.mode.value).toEqual({ type: 'select' });
  });

  it('ends a drag on release, and refuses a move out to sea without changing the project', async () => {
    const { store, selection, editing, notices } = await setup();
    const p = seed.features[0];
    if (!p) throw new Error('empty seed');
    selection.actions.dragTo({ id: p.id, lon: 119.9, lat: 24.0 });
    expect(await editing.moveProject(p.id, 119.9, 24.0)).toBe(false);
    expect(selection.state.dragPreview.value).toBeNull();
    expect(notices.at(-1)?.key).toBe('edit.outside');
    expect(store.state.byId.value.get(p.id)?.geometry).toEqual(p.geometry);
  });

  it('deletes through the one write path, closes the dialog and offers undo, which brings the projects back', async () => {
    const { store, editing, notices, closed } = await setup();
    const ids = seed.features.slice(0, 2).map((p) => p.id);
    expect(await editing.deleteProjects(ids)).toBe(true);
    expect(closed()).toBe(1);
    expect(notices.at(-1)).toMatchObject({ key: 'history.deleted', action: 'undo' });
    expect(ids.some((id) => store.state.byId.value.has(id))).toBe(false);
    await editing.undo();
    expect(ids.every((id) => store.state.byId.value.has(id))).toBe(true);
    expect(notices.at(-1)?.key).toBe('history.undone');
  });

  it('bulk-sets a field on the ticked projects as one edit, and returns the problems of a bad value', async () => {
    const { store, selection, editing } = await setup();
    const ids = seed.features.slice(0, 3).map((p) => p.id);
    selection.actions.setChecked(ids);
    expect((await editing.bulkSet('year', 1800)).length).toBeGreaterThan(0);
    expect(await editing.bulkSet('year', 2025)).toEqual([]);
    expect(ids.map((id) => store.state.byId.value.get(id)?.properties.year)).toEqual([2025, 2025, 2025]);
    expect(store.state.history.value.undoCount).toBe(1);
  });
});
