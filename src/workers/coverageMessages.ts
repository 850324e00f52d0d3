/** The messages between the app and the coverage worker (coverage.worker.ts, coverageService.ts). */
import type { CoverageSite } from '../core/analysis/engine';
import type { CoverageLevel } from '../core/analysis/params';
import type { RasterImage } from '../core/analysis/raster';
import type { RasterGrid } from '../core/analysis/surface';

export interface SurfaceInfo {
  readonly counties: readonly string[];
  /** Population per county index. */
  readonly population: readonly number[];
  readonly total: number;
  readonly grid: RasterGrid;
  readonly bounds: readonly [number, number, number, number];
  readonly modelled: boolean;
  readonly description: string;
  readonly cellCount: number;
  readonly bytesPerCell: number;
  readonly buildMs: number;
}

export interface CoverageResult {
  readonly seq: number;
  readonly level: CoverageLevel;
  /** Covered population per level: one entry per county index, then the whole surface. */
  readonly covered: Readonly<Record<CoverageLevel, readonly number[]>>;
  /** Population within each site's radius, by site key. */
  readonly sitePop: Readonly<Record<string, number>>;
  readonly uncovered: { readonly image: RasterImage; readonly cells: number; readonly population: number } | null;
  readonly assignment: {
    readonly keys: readonly string[];
    readonly served: readonly number[];
    readonly unassigned: number;
    readonly image: RasterImage;
  } | null;
  readonly ms: number;
  readonly cellsVisited: number;
}

export type CoverageRequest =
  | { readonly type: 'surface'; readonly buffer: ArrayBuffer }
  | {
      readonly type: 'compute';
      readonly seq: number;
      readonly sites: SitePatch;
      readonly level: CoverageLevel;
      readonly uncovered: boolean;
      readonly assignment: boolean;
    }
  /** Covered population of two site sets (scenario comparison), on an engine of its own. */
  | {
      readonly type: 'compare';
      readonly seq: number;
      readonly a: readonly CoverageSite[];
      readonly b: readonly CoverageSite[];
    };

/** Covered population per level: one entry per county index, then the whole surface. */
/**
 * The sites of a request as a change to those of the previous one: a drag changes one site of
 * thousands, and copying every site to the worker on each pointer move would cost more than the answer.
 */
export interface SitePatch {
  /** The whole list (the first request, or after a failure): `upsert` holds every site. */
  readonly reset: boolean;
  /** Sites new or changed since the previous request. */
  readonly upsert: readonly CoverageSite[];
  /** Keys of the sites gone since the previous request. */
  readonly remove: readonly string[];
}

export type CoveredByLevel = Readonly<Record<CoverageLevel, readonly number[]>>;

export type CoverageResponse =
  | { readonly type: 'surface'; readonly ok: true; readonly info: SurfaceInfo; readonly population: RasterImage }
  | { readonly type: 'surface'; readonly ok: false; readonly error: string }
  | { readonly type: 'result'; readonly result: CoverageResult }
  | { readonly type: 'compared'; readonly seq: number; readonly a: CoveredByLevel; readonly b: CoveredByLevel }
  | { readonly type: 'failed'; readonly seq: number; readonly error: string };
