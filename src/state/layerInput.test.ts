import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import type { ProjectFeature } from '../core/model/project';
import { loadSeed } from '../../tests/helpers/scenarioFixture';
import { NO_ANALYSIS, type LayerId } from '../../layers/types';
import { createLayerInput } from './layerInput';
import type { DragPreview } from './selection';

const seed = loadSeed();

function setup() {
  const deps = {
    projects: signal<readonly ProjectFeature[]>(seed.features),
    phaseYear: signal<number | null>(null),
    dragPreview: signal<DragPreview | null>(null),
    visible: signal<ReadonlySet<LayerId>>(new Set<LayerId>(['primary'])),
    selected: signal<readonly ProjectFeature[]>([]),
    analysis: signal(NO_ANALYSIS),
  };
  return { deps, input: createLayerInput(deps) };
}

describe('layer input store', () => {
  it('groups the phased projects by kind, with the central and site lists from the same projects', () => {
    const { deps, input } = setup();
    const count = (): number => [...input.layerInput.value.projectsByKind.values()].flat().length;
    expect(count()).toBe(seed.features.length);
    deps.phaseYear.value = 2022;
    const done2022 = seed.features.filter((p) => p.properties.year <= 2022);
    expect(count()).toBe(done2022.length);
    expect(input.layerInput.value.central.every((p) => p.properties.year <= 2022)).toBe(true);
    expect(input.layerInput.value.sites.every((p) => p.properties.year <= 2022)).toBe(true);
  });

  it('moves the dragged project for coverage only: the layers read the same input (no map work per move)', () => {
    const { deps, input } = setup();
    const before = input.layerInput.value;
    const shownBefore = input.shown.value;
    const p = seed.features.find((f) => f.properties.kind === 'primary' && f.properties.centralDistrict);
    if (!p) throw new Error('no central primary school in the seed');
    deps.dragPreview.value = { id: p.id, lon: 118.61, lat: 24.91 };
    expect(input.layerInput.value).toBe(before);
    expect(input.shown.value).not.toBe(shownBefore);
    expect(input.shown.value.find((f) => f.id === p.id)?.geometry.coordinates).toEqual([118.61, 24.91]);
    expect(input.shown.value.filter((f) => f.id !== p.id)).toEqual(shownBefore.filter((f) => f.id !== p.id));
    // a slide's input is the stored positions, no selection
    const slide = input.layerInputFor(new Set<LayerId>(['primary']), null);
    expect(slide.selected).toEqual([]);
    expect([...slide.projectsByKind.values()].flat().find((f) => f.id === p.id)?.geometry).toEqual(p.geometry);
  });
});
