import { computed, signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../core/i18n/translate';
import type { ProjectFeature } from '../core/model/project';
import { loadSeed } from '../../tests/helpers/scenarioFixture';
import { createTable } from './table';

const seed = loadSeed();

describe('table store', () => {
  it('filters, sorts (seats descending first) and follows the projects and the language', () => {
    const projects = signal<readonly ProjectFeature[]>(seed.features);
    const lang = signal<Lang>('zh');
    const projectName = computed(
      () => (p: ProjectFeature) =>
        lang.value === 'en' ? (p.properties.nameEn ?? p.properties.name) : p.properties.name,
    );
    const table = createTable({ projects, projectName, lang });
    expect(table.state.rows.value).toHaveLength(seed.features.length);
    table.actions.setFilter({ kind: 'kindergarten' });
    const kg = seed.features.filter((p) => p.properties.kind === 'kindergarten');
    expect(table.state.rows.value.map((p) => p.id).sort()).toEqual(kg.map((p) => p.id).sort());
    table.actions.sortBy('seats');
    const seats = table.state.rows.value.map((p) => p.properties.seats);
    expect(seats).toEqual([...seats].sort((a, b) => b - a));
    table.actions.sortBy('seats');
    expect(table.state.sort.value).toEqual({ key: 'seats', dir: 'asc' });
    projects.value = seed.features.slice(0, 3);
    table.actions.clearFilter();
    expect(table.state.rows.value).toHaveLength(3);
  });
});
