import { PROJECT_ACTIONS, PROJECT_KINDS, PROJECT_STATUSES, type ProjectKind, type ProjectStatus } from '../model/kinds';
import type { ProjectFeature } from '../model/project';

export const SORT_KEYS = [
  'name',
  'kind',
  'action',
  'county',
  'township',
  'status',
  'year',
  'seats',
  'classes',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface TableFilter {
  readonly countyCode: string | null;
  readonly kind: ProjectKind | null;
  readonly status: ProjectStatus | null;
  /** Only the plan's central-district (中心市区, item 20) projects. */
  readonly centralOnly: boolean;
  readonly text: string;
}
export interface TableSort {
  readonly key: SortKey;
  readonly dir: 'asc' | 'desc';
}
export const EMPTY_FILTER: TableFilter = { countyCode: null, kind: null, status: null, centralOnly: false, text: '' };
export const DEFAULT_SORT: TableSort = { key: 'county', dir: 'asc' };

export const isFilterActive = (f: TableFilter): boolean =>
  f.countyCode !== null || f.kind !== null || f.status !== null || f.centralOnly || f.text.trim() !== '';

/** One collator per language, built on first use: building one costs more than a sort of the table. */
const collators = new Map<string, Intl.Collator>();
function collatorFor(locale: string): Intl.Collator {
  let c = collators.get(locale);
  if (!c) {
    c = new Intl.Collator(locale === 'zh' ? 'zh-CN' : 'en', { numeric: true, sensitivity: 'base' });
    collators.set(locale, c);
  }
  return c;
}

/** Filters and sorts projects for the table. `displayName` gives the name shown in the current language. */
export function queryProjects(
  projects: readonly ProjectFeature[],
  filter: TableFilter,
  sort: TableSort,
  displayName: (p: ProjectFeature) => string,
  locale: 'zh' | 'en',
): ProjectFeature[] {
  const needle = filter.text.trim().toLowerCase();
  const rows = projects.filter((p) => {
    const q = p.properties;
    if (filter.countyCode !== null && q.countyCode !== filter.countyCode) return false;
    if (filter.kind !== null && q.kind !== filter.kind) return false;
    if (filter.status !== null && q.status !== filter.status) return false;
    if (filter.centralOnly && !q.centralDistrict) return false;
    if (needle !== '') {
      const hay = `${q.name}\n${q.nameEn ?? ''}\n${q.id}`.toLowerCase();
      if (!hay.includes(needle)) return false;
    }
    return true;
  });
  const collator = collatorFor(locale);
  const rank = <T>(list: readonly T[], v: T): number => list.indexOf(v);
  const byName = (a: ProjectFeature, b: ProjectFeature): number => collator.compare(displayName(a), displayName(b));
  const compare = (a: ProjectFeature, b: ProjectFeature): number => {
    const x = a.properties;
    const y = b.properties;
    switch (sort.key) {
      case 'name':
        return byName(a, b);
      case 'kind':
        return rank(PROJECT_KINDS, x.kind) - rank(PROJECT_KINDS, y.kind);
      case 'action':
        return rank(PROJECT_ACTIONS, x.action) - rank(PROJECT_ACTIONS, y.action);
      case 'status':
        return rank(PROJECT_STATUSES, x.status) - rank(PROJECT_STATUSES, y.status);
      case 'county':
        return x.countyCode.localeCompare(y.countyCode);
      case 'township':
        return (x.townshipCode ?? '').localeCompare(y.townshipCode ?? '');
      case 'year':
        return x.year - y.year;
      case 'seats':
        return x.seats - y.seats;
      case 'classes':
        return x.classes - y.classes;
    }
  };
  const sign = sort.dir === 'asc' ? 1 : -1;
  // ties fall back to the name, then the id, so the order is total and stable
  return rows.sort((a, b) => sign * compare(a, b) || byName(a, b) || a.id.localeCompare(b.id));
}
