/** The project list: its filter and sort, and the rows they give (names in the planner's language). */
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { Lang } from '../core/i18n/translate';
import type { ProjectFeature } from '../core/model/project';
import {
  DEFAULT_SORT,
  EMPTY_FILTER,
  queryProjects,
  type SortKey,
  type TableFilter,
  type TableSort,
} from '../core/table/query';

export interface TableState {
  readonly filter: ReadonlySignal<TableFilter>;
  readonly sort: ReadonlySignal<TableSort>;
  readonly rows: ReadonlySignal<readonly ProjectFeature[]>;
}

export interface TableActions {
  setFilter(patch: Partial<TableFilter>): void;
  clearFilter(): void;
  sortBy(key: SortKey): void;
}

export function createTable(deps: {
  readonly projects: ReadonlySignal<readonly ProjectFeature[]>;
  readonly projectName: ReadonlySignal<(p: ProjectFeature) => string>;
  readonly lang: ReadonlySignal<Lang>;
}): { state: TableState; actions: TableActions } {
  const filter = signal<TableFilter>(EMPTY_FILTER);
  const sort = signal<TableSort>(DEFAULT_SORT);
  const rows = computed(() =>
    queryProjects(deps.projects.value, filter.value, sort.value, deps.projectName.value, deps.lang.value),
  );
  return {
    state: { filter, sort, rows },
    actions: {
      setFilter: (patch) => {
        filter.value = { ...filter.value, ...patch };
      },
      clearFilter: () => {
        filter.value = EMPTY_FILTER;
      },
      sortBy: (key) => {
        const cur = sort.value;
        sort.value =
          cur.key === key
            ? { key, dir: cur.dir === 'asc' ? 'desc' : 'asc' }
            : { key, dir: key === 'seats' || key === 'classes' ? 'desc' : 'asc' };
      },
    },
  };
}
