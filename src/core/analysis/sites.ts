/** From projects to catchment sites and to seats per school-age stage. */
import type { ProjectKind } from '../model/kinds';
import type { ProjectFeature } from '../model/project';
import type { CoverageSite } from './engine';
import type { AnalysisParams, CoverageLevel, Stage } from './params';

/** A nine-year school's seats split by grades: 6 of 9 primary, 3 of 9 junior. */
export const NINE_YEAR_PRIMARY_SHARE = 6 / 9;

/** The levels (and their share of the school's seats) a kind of school serves; special schools have none. */
export function levelsOf(kind: ProjectKind): readonly (readonly [CoverageLevel, number])[] {
  return LEVELS_OF[kind];
}

const LEVELS_OF: Readonly<Record<ProjectKind, readonly (readonly [CoverageLevel, number])[]>> = {
  kindergarten: [['kindergarten', 1]],
  primary: [['primary', 1]],
  junior: [['junior', 1]],
  high: [['high', 1]],
  vocational: [['vocational', 1]],
  nineYear: [
    ['primary', NINE_YEAR_PRIMARY_SHARE],
    ['junior', 1 - NINE_YEAR_PRIMARY_SHARE],
  ],
  special: [],
};

const STAGE_OF_KIND: Readonly<Record<Exclude<ProjectKind, 'nineYear' | 'special'>, Stage>> = {
  kindergarten: 'preschool',
  primary: 'primary',
  junior: 'junior',
  high: 'upperSecondary',
  vocational: 'upperSecondary',
};

/** Seats of a school per demand stage (a nine-year school's seats are split by grades). */
export function seatsByStage(kind: ProjectKind, seats: number): Partial<Record<Stage, number>> {
  if (kind === 'special') return {};
  if (kind === 'nineYear')
    return { primary: seats * NINE_YEAR_PRIMARY_SHARE, junior: seats * (1 - NINE_YEAR_PRIMARY_SHARE) };
  return { [STAGE_OF_KIND[kind]]: seats };
}

/** The key of a project's site at a level: the project id, or id + ':' + level for a school with several levels. */
export const siteKey = (projectId: string, level: CoverageLevel, kind: ProjectKind): string =>
  levelsOf(kind).length > 1 ? `${projectId}:${level}` : projectId;

/**
 * The sites of each project, per radii: a project object (they are immutable) gives the same site objects
 * every time, so a drag that changes one project of thousands builds one site, and the worker sees the
 * others unchanged without comparing them.
 */
const memo = new WeakMap<AnalysisParams, WeakMap<ProjectFeature, readonly CoverageSite[]>>();

/** Catchment sites of the projects under the current radii (nine-year schools give two). */
export function sitesFromProjects(projects: readonly ProjectFeature[], params: AnalysisParams): CoverageSite[] {
  let known = memo.get(params);
  if (!known) {
    known = new WeakMap();
    memo.set(params, known);
  }
  const out: CoverageSite[] = [];
  for (const p of projects) {
    let sites = known.get(p);
    if (!sites) {
      sites = sitesOf(p, params);
      known.set(p, sites);
    }
    for (const s of sites) out.push(s);
  }
  return out;
}

function sitesOf(p: ProjectFeature, params: AnalysisParams): CoverageSite[] {
  return levelsOf(p.properties.kind).map(([level, share]) => ({
    key: siteKey(p.id, level, p.properties.kind),
    projectId: p.id,
    level,
    lon: p.geometry.coordinates[0] ?? 0,
    lat: p.geometry.coordinates[1] ?? 0,
    radius: params.radius[level],
    seats: p.properties.seats * share,
    county: p.properties.countyCode,
  }));
}
