import { describe, expect, it } from 'vitest';
import { createMemoryRepository } from '../persistence/memory';
import { loadIndex } from '../../tests/helpers/reference';
import { createView, DEFAULT_VISIBLE } from './view';

const index = loadIndex();
const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 5));

describe('view store', () => {
  it('restores layers, camera and open panels, and stores them once after a change', async () => {
    const repo = createMemoryRepository(index);
    const view = createView({ repository: repo, scenarioId: () => 's1', onSaveError: () => undefined, saveDelay: 0 });
    view.load({
      scenarioId: 's1',
      camera: { lon: 118.6, lat: 24.9, zoom: 11 },
      hidden: ['primary'],
      shown: ['catchments'],
      panels: { table: false, sidebar: true },
    });
    expect(view.state.initialCamera.value).toEqual({ lon: 118.6, lat: 24.9, zoom: 11 });
    expect(view.state.visible.value.has('primary')).toBe(false);
    expect(view.state.visible.value.has('catchments')).toBe(true);
    expect([view.state.tableOpen.value, view.state.sidebarOpen.value]).toEqual([false, true]);
    // nothing is stored before `ready`
    view.actions.toggleSidebar();
    await tick();
    expect(await repo.loadView()).toBeUndefined();
    view.ready();
    view.actions.cameraChanged({ lon: 118.5, lat: 24.8, zoom: 12 });
    view.showTable();
    await tick();
    expect(await repo.loadView()).toEqual({
      scenarioId: 's1',
      camera: { lon: 118.5, lat: 24.8, zoom: 12 },
      hidden: ['primary'],
      shown: ['catchments'],
      panels: { table: true, sidebar: false },
    });
  });

  it('shows all project layers without touching analysis layers, and clamps the phasing year', () => {
    const view = createView({ repository: createMemoryRepository(index), scenarioId: () => '', onSaveError: () => 0 });
    view.actions.toggleLayer('catchments');
    view.actions.setAllLayers(false);
    expect([...view.state.visible.value]).toEqual(['catchments']);
    view.actions.setAllLayers(true);
    expect(view.state.visible.value.size).toBe(DEFAULT_VISIBLE.length + 1);
    view.actions.setPhaseYear(1999.6);
    expect(view.state.phaseYear.value).toBe(2022);
    view.actions.setPhaseYear(2024.4);
    expect(view.state.phaseYear.value).toBe(2024);
  });

  it('asks the map to move with numbered requests', () => {
    const view = createView({ repository: createMemoryRepository(index), scenarioId: () => '', onSaveError: () => 0 });
    view.actions.flyToCity();
    const a = view.state.camera.value;
    view.flyToProject(118.6, 24.9);
    expect(a?.type).toBe('city');
    expect(view.state.camera.value).toEqual({ seq: (a?.seq ?? 0) + 1, type: 'project', lon: 118.6, lat: 24.9 });
  });
});
