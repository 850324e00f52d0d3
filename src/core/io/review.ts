/**
 * What the import dialog shows of a file before anything is written: its problems by row (errors before
 * warnings), how many rows are read, kept and refused, where the data lands, and whether it may be
 * confirmed.
 */
import type { Polygon } from 'geojson';
import type { ProjectFeature } from '../model/project';
import type { Result } from '../result';
import type { Interpretation } from './interpret';
import type { IoError, RawTable, RowProblem } from './types';

/** A row or feature where the data is, for the preview map: `ok` when it lands in a county. */
export interface ReviewPoint {
  readonly row: number;
  readonly lon: number;
  readonly lat: number;
  readonly ok: boolean;
}

export interface ImportReview {
  /** The problems, by row, errors before warnings. */
  readonly problems: readonly RowProblem[];
  /** Rows with an error (not imported), warnings, and rows read. */
  readonly errorRows: number;
  readonly warnings: number;
  readonly total: number;
  /** Projects that would be imported (0 for a population grid). */
  readonly count: number;
  readonly points: readonly ReviewPoint[];
  readonly sites: readonly Polygon[];
  readonly canConfirm: boolean;
}

export interface ReviewInput {
  readonly table: RawTable | null;
  /** The rows interpreted as projects (null for our own export, a raster, or a population grid). */
  readonly interpretation: Result<Interpretation, IoError> | null;
  /** The projects that would be imported. */
  readonly projects: readonly ProjectFeature[];
  /** Whether the file becomes the population surface, and whether a column holds the population. */
  readonly population: boolean;
  readonly populationMapped: boolean;
  /** Whether the file has been read (not reading, saving or failed). */
  readonly ready: boolean;
  /** Read as births or population by age (the demand projection's data): its kept rows and problems. */
  readonly demography?: { readonly count: number; readonly problems: readonly RowProblem[] } | null;
}

export function reviewImport(input: ReviewInput): ImportReview {
  const { table: t, interpretation: interp, projects, population } = input;
  if (input.demography !== undefined) return reviewDemography(t, input.demography, input.ready);
  const own = t?.scenario ?? null;
  const problems = [...(interp?.ok ? interp.value.problems : (t?.problems ?? []))].sort(
    (a, b) => a.row - b.row || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1),
  );
  const count = population ? 0 : projects.length;
  const populationReady = t?.raster !== undefined || (t !== null && input.populationMapped);
  return {
    problems,
    errorRows: new Set(problems.filter((p) => p.severity === 'error').map((p) => p.row)).size,
    warnings: problems.filter((p) => p.severity === 'warning').length,
    total: t ? new Set(t.records.map((r) => r.n)).size : 0,
    count,
    points: own
      ? own.features.map((f, i) => ({
          row: i + 1,
          lon: f.geometry.coordinates[0] ?? 0,
          lat: f.geometry.coordinates[1] ?? 0,
          ok: true,
        }))
      : interp?.ok
        ? interp.value.points
        : [],
    sites: projects.flatMap((p) => (p.properties.site ? [p.properties.site] : [])),
    canConfirm: input.ready && (population ? populationReady : count > 0 && (interp === null || interp.ok)),
  };
}

/** A demography table: its row problems and kept rows; null when its headers name no births or ages. */
function reviewDemography(
  t: RawTable | null,
  d: { readonly count: number; readonly problems: readonly RowProblem[] } | null,
  ready: boolean,
): ImportReview {
  const problems = [...(d?.problems ?? [])].sort(
    (a, b) => a.row - b.row || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1),
  );
  return {
    problems,
    errorRows: new Set(problems.filter((p) => p.severity === 'error').map((p) => p.row)).size,
    warnings: problems.filter((p) => p.severity === 'warning').length,
    total: t ? new Set(t.records.map((r) => r.n)).size : 0,
    count: d?.count ?? 0,
    points: [],
    sites: [],
    canConfirm: ready && d !== null && d.count > 0,
  };
}
