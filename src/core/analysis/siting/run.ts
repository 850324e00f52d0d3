/**
 * A siting run on a population surface: demand = each inhabited cell's residents × the stage's
 * children per resident; what existing and planned schools of the level already reach is served first;
 * candidates are the inhabited cells of the area (or the planner's parcels), away from schools of the
 * same level by the exclusion distance; then the solver. Also, for each planned school of the level, the
 * children only it reaches (drop one): what a smaller budget would lose.
 */
import type { PopulationSurface } from '../surface';
import { NO_COUNTY } from '../surface';
import { createDemandIndex } from './demandIndex';
import { centredOn, createGridIndex } from './gridIndex';
import { createRasterBound } from './rasterBound';
import { candidateList, metres, solveSiting, type Candidate, type CandidateList } from './solve';

export interface SitingPoint {
  readonly lon: number;
  readonly lat: number;
}

export interface PlannedPoint extends SitingPoint {
  readonly projectId: string;
}

export interface SitingRequest {
  /** Metres: the level's service radius. */
  readonly radius: number;
  readonly k: number;
  /** Seats per suggested school: the seats-aware variant; null for plain coverage. */
  readonly seats: number | null;
  /** Only this county's children and cells (adcode), or the whole city (null). */
  readonly county: string | null;
  /** Metres between suggestions (0: none). */
  readonly minSpacing: number;
  /** Metres kept from existing and planned schools of the level (0: none). */
  readonly exclusion: number;
  /** Children per resident of the stage (the demand settings). */
  readonly childrenPerResident: number;
  /** Existing schools of the level: they already serve. */
  readonly existing: readonly SitingPoint[];
  /** The scenario's planned schools of the level: they already serve; each is also measured by drop-one. */
  readonly planned: readonly PlannedPoint[];
  /** The planner's candidate parcels; null: every inhabited cell of the area. */
  readonly candidates: readonly Candidate[] | null;
}

export interface SuggestedSite {
  readonly rank: number;
  readonly id: string;
  readonly lon: number;
  readonly lat: number;
  /** Children newly within reach (after the sites ranked before it). */
  readonly gain: number;
  readonly cumulative: number;
}

export interface SitingOutcome {
  readonly suggestions: readonly SuggestedSite[];
  /** Children in the area, and those reached before any suggestion (existing + planned). */
  readonly total: number;
  readonly reachedBefore: number;
  /** Children newly reached by all suggestions. */
  readonly gained: number;
  readonly candidates: number;
  readonly greedy: number;
  readonly swaps: number;
  /** Each planned school: the children only it reaches, fewest first. */
  readonly dropOne: readonly { readonly projectId: string; readonly only: number }[];
  readonly cancelled: boolean;
}

export function runSiting(
  surface: PopulationSurface,
  req: SitingRequest,
  onProgress?: (fraction: number) => boolean,
): SitingOutcome {
  const countyIndex = req.county === null ? -1 : surface.counties.indexOf(req.county);
  const inArea = (i: number): boolean =>
    req.county === null ? (surface.county[i] ?? NO_COUNTY) !== NO_COUNTY : surface.county[i] === countyIndex;
  let count = 0;
  for (let i = 0; i < surface.pop.length; i++) if ((surface.pop[i] ?? 0) > 0 && inArea(i)) count++;
  const cells = new Int32Array(count);
  count = 0;
  for (let i = 0; i < surface.pop.length; i++) if ((surface.pop[i] ?? 0) > 0 && inArea(i)) cells[count++] = i;
  const lon = new Float64Array(cells.length);
  const lat = new Float64Array(cells.length);
  const weight = new Float64Array(cells.length);
  cells.forEach((c, j) => {
    lon[j] = surface.originLon + (surface.dlon[c] ?? 0);
    lat[j] = surface.originLat + (surface.dlat[c] ?? 0);
    weight[j] = (surface.pop[c] ?? 0) * req.childrenPerResident;
  });
  // on the surface's grid (every cell at its centre) the grid index answers in one step per row
  const points = { lon, lat, weight };
  const onGrid = centredOn(surface.grid, points);
  const index = onGrid ? createGridIndex(surface.grid, points, req.radius) : createDemandIndex(points, req.radius);
  const total = index.total();
  for (const e of req.existing) index.serve(e.lon, e.lat, 1);

  // drop one: the children each planned school alone reaches, given the existing and the other planned
  const dropOne = req.planned.map((p) => {
    index.mark();
    for (const q of req.planned) if (q !== p) index.serve(q.lon, q.lat, 1);
    const only = index.reach(p.lon, p.lat);
    index.rollback();
    return { projectId: p.projectId, only };
  });
  dropOne.sort((a, b) => a.only - b.only);
  for (const p of req.planned) index.serve(p.lon, p.lat, 1);
  const reachedBefore = total - index.residual();

  const schools = [...req.existing, ...req.planned];
  const away = (x: number, y: number): boolean =>
    req.exclusion <= 0 || schools.every((s) => metres(s, { lon: x, lat: y }) >= req.exclusion);
  let candidates: CandidateList;
  if (req.candidates) candidates = candidateList(req.candidates.filter((c) => away(c.lon, c.lat)));
  else {
    // the inhabited cells of the area, as arrays (no object per cell)
    let kept = 0;
    const keep = new Int32Array(cells.length);
    for (let j = 0; j < cells.length; j++) if (away(lon[j] ?? 0, lat[j] ?? 0)) keep[kept++] = j;
    candidates = {
      length: kept,
      lon: (i) => lon[keep[i] ?? 0] ?? NaN,
      lat: (i) => lat[keep[i] ?? 0] ?? NaN,
      id: (i) => `cell-${cells[keep[i] ?? 0] ?? -1}`,
    };
  }
  // off the grid: every candidate's reach bounded at once from the grid (exact reach asked near the top)
  const bound = onGrid ? null : createRasterBound(surface.grid, lon, lat, index.residualByPoint(), req.radius);
  const result = solveSiting(index, candidates, {
    k: req.k,
    ...(bound ? { initialReach: (c: number) => bound(candidates.lon(c), candidates.lat(c)) } : {}),
    ...(req.seats !== null ? { seats: req.seats } : {}),
    minSpacing: req.minSpacing,
    ...(onProgress ? { onProgress } : {}),
  });
  return {
    suggestions: result.suggestions.map((s) => {
      return {
        rank: s.rank,
        id: candidates.id(s.candidate),
        lon: candidates.lon(s.candidate),
        lat: candidates.lat(s.candidate),
        gain: s.gain,
        cumulative: s.cumulative,
      };
    }),
    total,
    reachedBefore,
    gained: result.served,
    candidates: candidates.length,
    greedy: result.greedy,
    swaps: result.swaps,
    dropOne,
    cancelled: result.cancelled,
  };
}
