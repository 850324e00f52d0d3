import { PROJECT_KINDS, type ProjectKind } from '../src/core/model/kinds';
import type { ProjectFeature } from '../src/core/model/project';
import { projectsByYear } from '../src/core/plan/phasing';

/**
 * What the project layers draw, derived in one place for the live map, slides and exports, so they
 * cannot drift apart: every list comes from the same phased projects (those completed by the year).
 */
export interface LayerProjects {
  readonly projectsByKind: ReadonlyMap<ProjectKind, readonly ProjectFeature[]>;
  /** The 中心市区 projects (drawn with a gold ring). */
  readonly central: readonly ProjectFeature[];
  /** Projects with a site outline (用地红线). */
  readonly sites: readonly ProjectFeature[];
}

/** A project shown at the pointer while it is being dragged. */
export interface DraggedAt {
  readonly id: string;
  readonly lon: number;
  readonly lat: number;
}

/** The projects of each kind, in a map with every kind (empty lists included). */
export function groupByKind(projects: readonly ProjectFeature[]): ReadonlyMap<ProjectKind, readonly ProjectFeature[]> {
  const byKind = new Map<ProjectKind, ProjectFeature[]>(PROJECT_KINDS.map((k) => [k, []]));
  for (const p of projects) byKind.get(p.properties.kind)?.push(p);
  return byKind;
}

/**
 * The same lists with one project at the pointer (what coverage follows while a project is dragged).
 * Only the dragged project's kind gets a new array; every other kind keeps its identity.
 */
export function withDragged(
  byKind: ReadonlyMap<ProjectKind, readonly ProjectFeature[]>,
  drag: DraggedAt | null,
): ReadonlyMap<ProjectKind, readonly ProjectFeature[]> {
  if (!drag) return byKind;
  for (const [kind, list] of byKind) {
    const i = list.findIndex((p) => p.id === drag.id);
    const p = list[i];
    if (!p) continue;
    const next = new Map(byKind);
    const moved: ProjectFeature = { ...p, geometry: { type: 'Point', coordinates: [drag.lon, drag.lat] } };
    next.set(
      kind,
      list.map((f, j) => (j === i ? moved : f)),
    );
    return next;
  }
  return byKind;
}

export const centralOf = (byKind: ReadonlyMap<ProjectKind, readonly ProjectFeature[]>): readonly ProjectFeature[] =>
  [...byKind.values()].flatMap((list) => list.filter((p) => p.properties.centralDistrict));

export const sitesOf = (byKind: ReadonlyMap<ProjectKind, readonly ProjectFeature[]>): readonly ProjectFeature[] =>
  [...byKind.values()].flatMap((list) => list.filter((p) => p.properties.site !== null));

/** What the project layers show of a scenario at a phasing year (null: every project), nothing dragged. */
export function layerProjects(projects: readonly ProjectFeature[], year: number | null): LayerProjects {
  const projectsByKind = groupByKind(projectsByYear(projects, year));
  return { projectsByKind, central: centralOf(projectsByKind), sites: sitesOf(projectsByKind) };
}
