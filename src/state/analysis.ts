/**
 * Analysis state: coverage from the worker, demand against seats, and progress on the plan's targets,
 * all derived from the scenario. Coverage follows the projects as shown (a dragged school counts where
 * it is being dragged); demand and targets read the committed projects, which a drag does not change.
 */
import { batch, computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import type { Feature, MultiPolygon } from 'geojson';
import { demandTable, type DemandRow } from '../core/analysis/demand';
import type { ExistingSchoolRecord } from '../core/io/existing';
import {
  LEVEL_STAGE,
  schoolAgePopulation,
  stageDemand,
  type AnalysisParams,
  type CoverageLevel,
} from '../core/analysis/params';
import { sitesFromProjects } from '../core/analysis/sites';
import type { RasterImage } from '../core/analysis/raster';
import type { CountyProperties, ReferenceData } from '../core/geodata/reference';
import type { ProjectFeature } from '../core/model/project';
import { targetProgress, type TargetProgress } from '../core/plan/progress';
import type { PlanTargets } from '../core/plan/targets';
import type { AnalysisLayerInput, CatchmentCircle, CountyShade, LayerId, RasterOverlay } from '../../layers/types';
import type { CoverageClient, CoverageResult, CoveredByLevel, SurfaceInfo } from '../workers/coverageService';

export interface CoverageRow {
  /** County adcode, or 'city'. */
  readonly id: string;
  readonly population: number;
  readonly covered: number;
  /** Covered ÷ population, percent (null without population). */
  readonly pct: number | null;
  /** School-age children of the level's stage living within a catchment. */
  readonly schoolAge: number;
}

export interface ServedSchool {
  readonly key: string;
  readonly projectId: string;
  /** Population whose nearest school (of the level, in the county) this is. */
  readonly served: number;
  /** The school-age demand of that population. */
  readonly demand: number;
  readonly seats: number;
  readonly oversubscribed: boolean;
}

export type SurfaceStatus =
  | { readonly type: 'loading' }
  | { readonly type: 'ready'; readonly info: SurfaceInfo }
  | { readonly type: 'failed'; readonly message: string };

/** Covered population of scenario A and B per level: per county (the surface's order), then the city. */
export interface CoverageComparison {
  readonly counties: readonly string[];
  readonly population: readonly number[];
  readonly a: CoveredByLevel;
  readonly b: CoveredByLevel;
}

export interface AnalysisState {
  readonly level: ReadonlySignal<CoverageLevel>;
  readonly surface: ReadonlySignal<SurfaceStatus>;
  readonly result: ReadonlySignal<CoverageResult | null>;
  /** Per county (with population on the surface) and the city (last), for the analysed level. */
  readonly coverageRows: ReadonlySignal<readonly CoverageRow[]>;
  readonly demandRows: ReadonlySignal<readonly DemandRow[]>;
  readonly progress: ReadonlySignal<readonly TargetProgress[]>;
  readonly served: ReadonlySignal<readonly ServedSchool[]>;
  readonly existing: ReadonlySignal<readonly ExistingSchoolRecord[]>;
  readonly layerInput: ReadonlySignal<AnalysisLayerInput>;
}

export interface AnalysisDeps {
  readonly reference: ReferenceData;
  readonly targets: PlanTargets;
  /** Projects where they are shown (a dragged one at the pointer): what coverage follows. */
  readonly shown: ReadonlySignal<readonly ProjectFeature[]>;
  /** The scenario's committed projects: seats, counties and ownership, which a drag does not change. */
  readonly projects: ReadonlySignal<readonly ProjectFeature[]>;
  readonly byId: ReadonlySignal<ReadonlyMap<string, ProjectFeature>>;
  readonly params: ReadonlySignal<AnalysisParams>;
  readonly visible: ReadonlySignal<ReadonlySet<LayerId>>;
  /** Whether anything shows coverage figures now (panel, details, analysis layers): otherwise the worker rests. */
  readonly wanted: ReadonlySignal<boolean>;
  readonly client: CoverageClient | null;
  /** Loads the population surface's bytes (same-origin file in the app, disk in tests). */
  readonly loadSurface: (() => Promise<ArrayBuffer>) | null;
  /** Existing schools from the imported reference layer (none until one is imported). */
  readonly existing: ReadonlySignal<readonly ExistingSchoolRecord[]>;
  /** The planned kindergartens' ownership is assumed (the illustrative scenario), not the planner's data. */
  readonly ownershipAssumed: ReadonlySignal<boolean>;
  /** Counties shaded by the demand projection for the phasing year (the projection store derives them). */
  readonly projectedGap?: ReadonlySignal<readonly CountyShade[]>;
  /** Suggested sites as ghost projects (the siting store derives them). */
  readonly suggestions?: ReadonlySignal<readonly ProjectFeature[]>;
}

const NONE: readonly never[] = [];

const overlay = (image: RasterImage | null | undefined, info: SurfaceInfo | null): RasterOverlay | null =>
  image && info ? { image, bounds: info.bounds } : null;

export function createAnalysis(deps: AnalysisDeps): {
  state: AnalysisState;
  setLevel: (level: CoverageLevel) => void;
  /** Replaces the population surface (an imported one, or the shipped one again). */
  loadSurface: (load: () => Promise<ArrayBuffer>) => Promise<boolean>;
  /** The bytes of the surface in use (read again), or null before one is loaded. */
  surfaceBytes: () => Promise<ArrayBuffer> | null;
  /** Covered population of two scenarios' projects; null when no surface is loaded. */
  compareCoverage: (a: readonly ProjectFeature[], b: readonly ProjectFeature[]) => Promise<CoverageComparison | null>;
  dispose: () => void;
} {
  const level = signal<CoverageLevel>('primary');
  const surface = signal<SurfaceStatus>(
    deps.client && deps.loadSurface ? { type: 'loading' } : { type: 'failed', message: 'no engine' },
  );
  const result = signal<CoverageResult | null>(null);
  const population = signal<RasterImage | null>(null);
  const existing = deps.existing;
  const counties = deps.reference.counties.features;
  const countyProps: readonly CountyProperties[] = counties.map((f) => f.properties);

  const sites = computed(() => sitesFromProjects(deps.shown.value, deps.params.value));
  const info = computed(() => (surface.value.type === 'ready' ? surface.value.info : null));

  deps.client?.onResult((r) => {
    result.value = r;
  });
  deps.client?.onError((message) => {
    surface.value = { type: 'failed', message };
  });
  /** Loads a surface into the engine; resolves to whether it was accepted (a bad one leaves the last in place). */
  /** How the surface in the engine was loaded: the site solver (its own worker) reads the same bytes. */
  let surfaceLoader: (() => Promise<ArrayBuffer>) | null = null;
  function loadSurface(load: () => Promise<ArrayBuffer>): Promise<boolean> {
    const client = deps.client;
    if (!client) return Promise.resolve(false);
    const before = surface.peek();
    if (before.type !== 'ready') surface.value = { type: 'loading' };
    return load()
      .then((buffer) => client.loadSurface(buffer))
      .then(
        ({ info: i, population: img }) => {
          surfaceLoader = load;
          batch(() => {
            population.value = img;
            surface.value = { type: 'ready', info: i };
            // figures of the old surface are stale
            result.value = null;
          });
          return true;
        },
        (e: unknown) => {
          if (before.type !== 'ready')
            surface.value = { type: 'failed', message: e instanceof Error ? e.message : String(e) };
          return false;
        },
      );
  }
  if (deps.loadSurface) void loadSurface(deps.loadSurface);

  // ask the worker whenever the sites, the level or the wanted rasters change (it coalesces)
  const disposeCompute = effect(() => {
    const s = sites.value;
    const l = level.value;
    const v = deps.visible.value;
    if (surface.value.type !== 'ready' || !deps.client || !deps.wanted.value) return;
    deps.client.compute({ sites: s, level: l, uncovered: v.has('uncovered'), assignment: v.has('assignment') });
  });

  const coverageRows = computed<readonly CoverageRow[]>(() => {
    const i = info.value;
    const r = result.value;
    if (!i || !r) return [];
    const lvl = level.value;
    const p = deps.params.value;
    const covered = r.covered[lvl];
    const row = (id: string, pop: number, cov: number): CoverageRow => ({
      id,
      population: pop,
      covered: cov,
      pct: pop > 0 ? (cov / pop) * 100 : null,
      schoolAge: schoolAgePopulation(cov, LEVEL_STAGE[lvl], p),
    });
    const rows = countyProps
      .map((c) => ({ c, idx: i.counties.indexOf(c.adcode) }))
      .filter(({ idx }) => idx >= 0)
      .map(({ c, idx }) => row(c.adcode, i.population[idx] ?? 0, covered[idx] ?? 0));
    rows.push(row('city', i.total, covered[i.counties.length] ?? 0));
    return rows;
  });

  const demandRows = computed(() =>
    demandTable({
      counties: countyProps,
      zones: deps.reference.zones,
      projects: deps.projects.value,
      existing: existing.value,
      params: deps.params.value,
    }),
  );

  const progress = computed(() =>
    deps.targets.targets.map((t) =>
      targetProgress(t, {
        projects: deps.projects.value,
        existing: existing.value,
        counties: countyProps,
        ownershipAssumed: deps.ownershipAssumed.value,
      }),
    ),
  );

  const served = computed<readonly ServedSchool[]>(() => {
    const a = result.value?.assignment;
    if (!a) return [];
    const p = deps.params.value;
    const stage = LEVEL_STAGE[result.value?.level ?? level.value];
    const byKey = new Map(sites.value.map((s) => [s.key, s]));
    return a.keys.map((key, j) => {
      const site = byKey.get(key);
      const pop = a.served[j] ?? 0;
      const demand = stageDemand(pop, stage, p);
      const seats = site?.seats ?? 0;
      return { key, projectId: site?.projectId ?? key, served: pop, demand, seats, oversubscribed: demand > seats };
    });
  });

  const circles = computed<readonly CatchmentCircle[]>(() => {
    const v = deps.visible.value;
    return sites.value
      .filter((s) => {
        const kind = deps.byId.value.get(s.projectId)?.properties.kind;
        return kind !== undefined && v.has(kind);
      })
      .map((s) => ({ key: s.key, projectId: s.projectId, level: s.level, position: [s.lon, s.lat], radius: s.radius }));
  });

  const seatGap = computed<readonly CountyShade[]>(() => {
    const stage = LEVEL_STAGE[level.value];
    const rows = new Map(demandRows.value.map((r) => [r.id, r]));
    return counties
      .filter((f) => rows.has(f.properties.adcode))
      .map((f) => ({
        type: 'Feature',
        geometry: f.geometry,
        properties: { adcode: f.properties.adcode, pct: rows.get(f.properties.adcode)?.stages[stage].pct ?? null },
      }));
  });

  const specialGap = computed<readonly CountyShade[]>(() => {
    const rule = progress.value.find((p) => p.target.id === 'special-ed-rule');
    const state = new Map((rule?.counties ?? []).map((c) => [c.adcode, c.state]));
    return counties.flatMap((f): Feature<MultiPolygon, CountyShade['properties']>[] => {
      const s = state.get(f.properties.adcode);
      if (s !== 'short' && s !== 'unknown') return [];
      const special = s === 'short' ? 'lacking' : 'unknown';
      return [{ type: 'Feature', geometry: f.geometry, properties: { adcode: f.properties.adcode, special } }];
    });
  });

  const oversubscribed = computed<readonly ProjectFeature[]>(() => {
    const shownById = new Map(deps.shown.value.map((p) => [p.id, p]));
    return served.value
      .filter((s) => s.oversubscribed)
      .map((s) => shownById.get(s.projectId))
      .filter((p): p is ProjectFeature => p !== undefined);
  });

  // only what is shown is derived: a hidden layer reads a constant empty value
  const layerInput = computed<AnalysisLayerInput>(() => {
    const v = deps.visible.value;
    return {
      circles: v.has('catchments') ? circles.value : NONE,
      population: v.has('population') ? overlay(population.value, info.value) : null,
      uncovered: v.has('uncovered') ? overlay(result.value?.uncovered?.image, info.value) : null,
      assignment: v.has('assignment') ? overlay(result.value?.assignment?.image, info.value) : null,
      oversubscribed: v.has('assignment') ? oversubscribed.value : NONE,
      seatGap: v.has('seatGap') ? seatGap.value : NONE,
      projectedGap: v.has('projectedGap') ? (deps.projectedGap?.value ?? NONE) : NONE,
      specialGap: v.has('specialGap') ? specialGap.value : NONE,
      existing: v.has('existing') ? existing.value : NONE,
      suggestions: v.has('suggestions') ? (deps.suggestions?.value ?? NONE) : NONE,
    };
  });

  return {
    state: {
      level,
      surface,
      result,
      coverageRows,
      demandRows,
      progress,
      served,
      existing,
      layerInput,
    },
    setLevel: (l) => {
      level.value = l;
    },
    loadSurface,
    surfaceBytes: () => surfaceLoader?.() ?? null,
    compareCoverage: async (a, b) => {
      // the surface may still be loading (start-up): wait for it to settle
      if (surface.peek().type === 'loading')
        await new Promise<void>((resolve) => {
          const stop = effect(() => {
            if (surface.value.type === 'loading') return;
            queueMicrotask(() => stop());
            resolve();
          });
        });
      const i = info.peek();
      const client = deps.client;
      if (!i || !client) return null;
      const params = deps.params.peek();
      const r = await client.compare(sitesFromProjects(a, params), sitesFromProjects(b, params));
      return { counties: i.counties, population: [...i.population, i.total], a: r.a, b: r.b };
    },
    dispose: () => {
      disposeCompute();
      deps.client?.dispose();
    },
  };
}
