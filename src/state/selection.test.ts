import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import type { ProjectFeature } from '../core/model/project';
import { loadSeed } from '../../tests/helpers/scenarioFixture';
import { createSelection } from './selection';

const seed = loadSeed();
const byIdOf = (list: readonly ProjectFeature[]) => new Map(list.map((p) => [p.id, p]));

describe('selection store', () => {
  it('selects, flies on request, and shows the selected project at the pointer while dragged', () => {
    const byId = signal<ReadonlyMap<string, ProjectFeature>>(byIdOf(seed.features));
    const flights: [number, number][] = [];
    const sel = createSelection({ byId, flyTo: (lon, lat) => flights.push([lon, lat]) });
    const p = seed.features[0];
    if (!p) throw new Error('empty seed');
    sel.actions.select(p.id, { fly: true });
    expect(sel.state.selected.value?.id).toBe(p.id);
    expect(flights).toEqual([p.geometry.coordinates]);
    sel.actions.dragTo({ id: p.id, lon: 118.7, lat: 24.95 });
    expect(sel.state.dragPreview.value).toEqual({ id: p.id, lon: 118.7, lat: 24.95 });
    // the project and its ring are untouched: the drag is a preview the map's drag marker draws
    expect(sel.state.selected.value?.geometry.coordinates).toEqual(p.geometry.coordinates);
    expect(sel.state.selectedList.value[0]?.geometry.coordinates).toEqual(p.geometry.coordinates);
  });

  it('forgets projects that are gone and resets drafts when the scenario changes', () => {
    const byId = signal<ReadonlyMap<string, ProjectFeature>>(byIdOf(seed.features));
    const sel = createSelection({ byId, flyTo: () => undefined });
    const [a, b, c] = seed.features;
    if (!a || !b || !c) throw new Error('seed too small');
    sel.actions.select(a.id);
    sel.actions.setChecked([a.id, b.id]);
    sel.actions.toggleChecked(c.id);
    sel.actions.toggleChecked(b.id);
    expect([...sel.state.checked.value]).toEqual([a.id, c.id]);
    byId.value = byIdOf(seed.features.filter((p) => p.id !== a.id));
    sel.reconcile();
    expect(sel.state.selectedId.value).toBeNull();
    expect([...sel.state.checked.value]).toEqual([c.id]);
    sel.actions.setMode({ type: 'add', kind: 'primary' });
    sel.actions.dragTo({ id: c.id, lon: 1, lat: 2 });
    sel.reset();
    expect([sel.state.mode.value, sel.state.dragPreview.value]).toEqual([{ type: 'select' }, null]);
  });
});
