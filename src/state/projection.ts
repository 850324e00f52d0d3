/**
 * The school-age demand projection (学位需求预测): the planner's choices (stage, variant, county, the
 * 普高/中职 share, the empty-seat margin, what stands for today's schools) and the projection derived from
 * them, the scenario's projects, the existing schools and any demography the planner imported. The model
 * and its cited inputs load the first time the projection is wanted (its tab, its map layer, an export).
 */
import { computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import type { AnalysisParams } from '../core/analysis/params';
import type { CountyProperties } from '../core/geodata/reference';
import type { ExistingSchoolRecord } from '../core/io/existing';
import type { ProjectFeature } from '../core/model/project';
import type { Baseline, ImportedDemography, Projection } from '../core/projection/project';
import { PROJECTION_YEARS, type ProjectionStage, type Variant } from '../core/projection/types';
import type { CountyShade } from '../../layers/types';
import type { SlideProjection } from '../core/model/slides';

export type ProjectionKit = typeof import('../core/projection/kit');

export type ProjectionStatus =
  | { readonly type: 'idle' }
  | { readonly type: 'loading' }
  | { readonly type: 'ready' }
  | { readonly type: 'failed'; readonly message: string };

export interface ProjectionState {
  readonly status: ReadonlySignal<ProjectionStatus>;
  readonly stage: ReadonlySignal<ProjectionStage>;
  readonly variant: ReadonlySignal<Variant>;
  /** The county the chart shows beside the city ('city' for the city alone). */
  readonly county: ReadonlySignal<string>;
  /** 中职's share of senior-high demand, percent (the cited default until the planner sets one). */
  readonly vocationalPct: ReadonlySignal<number | null>;
  readonly marginPct: ReadonlySignal<number>;
  /** What stands for today's schools: chosen, or (null) the existing-schools layer when one is imported. */
  readonly baselineChoice: ReadonlySignal<Baseline | null>;
  readonly baseline: ReadonlySignal<Baseline>;
  readonly projection: ReadonlySignal<Projection | null>;
  /** The year the map layer shows: the phasing slider's, or the last year when it shows every project. */
  readonly mapYear: ReadonlySignal<number>;
  /** Counties shaded by seats ÷ projected demand in the map year, for the analysed stage. */
  readonly gapShades: ReadonlySignal<readonly CountyShade[]>;
  readonly kit: ReadonlySignal<ProjectionKit | null>;
}

export interface ProjectionActions {
  setStage(s: ProjectionStage): void;
  setVariant(v: Variant): void;
  setCounty(id: string): void;
  setVocationalPct(pct: number | null): void;
  setMarginPct(pct: number): void;
  setBaseline(b: Baseline | null): void;
  /** Loads the model and its inputs (the tab and the layer call it; an export awaits it). */
  ensure(): Promise<ProjectionKit | null>;
}

export interface ProjectionDeps {
  readonly counties: readonly { readonly geometry: CountyShade['geometry']; readonly properties: CountyProperties }[];
  readonly projects: ReadonlySignal<readonly ProjectFeature[]>;
  readonly existing: ReadonlySignal<readonly ExistingSchoolRecord[]>;
  readonly params: ReadonlySignal<AnalysisParams>;
  readonly imported: ReadonlySignal<ImportedDemography | null>;
  readonly phaseYear: ReadonlySignal<number | null>;
  /** Whether something shows the projection now (its tab, its layer): the model loads then. */
  readonly wanted: ReadonlySignal<boolean>;
  readonly loadKit?: () => Promise<ProjectionKit>;
}

const clampPct = (v: number): number => Math.max(0, Math.min(100, v));

export function createProjection(deps: ProjectionDeps): {
  state: ProjectionState;
  actions: ProjectionActions;
  /** The map layer's counties for another year, stage or variant (a slide's, an export's). */
  shadesFor: (year: number | null, view?: SlideProjection | null) => readonly CountyShade[];
  dispose: () => void;
} {
  const status = signal<ProjectionStatus>({ type: 'idle' });
  const kit = signal<ProjectionKit | null>(null);
  const stage = signal<ProjectionStage>('primary');
  const variant = signal<Variant>('medium');
  const county = signal<string>('city');
  const vocationalPct = signal<number | null>(null);
  const marginPct = signal(10);
  const baselineChoice = signal<Baseline | null>(null);
  const counties = deps.counties.map((f) => f.properties);

  let loading: Promise<ProjectionKit | null> | null = null;
  const ensure = (): Promise<ProjectionKit | null> =>
    (loading ??= (async () => {
      status.value = { type: 'loading' };
      try {
        const k = await (deps.loadKit ?? (() => import('../core/projection/kit')))();
        if (!k.demography.ok) throw new Error(k.demography.error);
        kit.value = k;
        status.value = { type: 'ready' };
        return k;
      } catch (e: unknown) {
        loading = null;
        status.value = { type: 'failed', message: e instanceof Error ? e.message : String(e) };
        return null;
      }
    })());

  const baseline = computed<Baseline>(
    () => baselineChoice.value ?? (deps.existing.value.length > 0 ? 'imported' : 'baseYearMet'),
  );

  /** The projection under a variant; `read` subscribes (a computed) or peeks (a one-off for a slide). */
  const run = (v: Variant, read: <T>(s: ReadonlySignal<T>) => T): Projection | null => {
    const k = read(kit);
    if (!k?.demography.ok) return null;
    return k.projectDemand({
      demography: k.demography.value,
      counties,
      projects: read(deps.projects),
      existing: read(deps.existing),
      enrolment: read(deps.params).enrolment,
      variant: v,
      vocationalPct: read(vocationalPct) ?? k.demography.value.vocationalPct,
      marginPct: read(marginPct),
      imported: read(deps.imported),
      baseline: read(baseline),
    });
  };
  const projection = computed<Projection | null>(() => run(variant.value, (s) => s.value));

  const mapYear = computed(() => deps.phaseYear.value ?? PROJECTION_YEARS.last);

  /** Counties shaded by seats ÷ projected demand of a stage in a year. */
  const shadesOf = (p: Projection | null, s: ProjectionStage, year: number | null): readonly CountyShade[] => {
    if (!p) return [];
    const i = p.years.indexOf(year ?? PROJECTION_YEARS.last);
    const byId = new Map(p.units.map((u) => [u.id, u]));
    return deps.counties.flatMap((f) => {
      const u = byId.get(f.properties.adcode);
      if (!u) return [];
      const demand = u.stages[s].demand[i] ?? 0;
      const seats = u.stages[s].seats[i] ?? 0;
      return [
        {
          type: 'Feature' as const,
          geometry: f.geometry,
          properties: { adcode: f.properties.adcode, pct: demand > 0 ? (seats / demand) * 100 : null },
        },
      ];
    });
  };
  /** The same for a slide's or an export's year, stage and variant (the variant computed when it differs). */
  const shadesFor = (year: number | null, view?: SlideProjection | null): readonly CountyShade[] =>
    shadesOf(
      view && view.variant !== variant.peek() ? run(view.variant, (x) => x.peek()) : projection.peek(),
      view?.stage ?? stage.peek(),
      year,
    );
  const gapShades = computed(() => shadesOf(projection.value, stage.value, mapYear.value));

  const stop = effect(() => {
    if (deps.wanted.value) void ensure();
  });

  return {
    state: {
      status,
      stage,
      variant,
      county,
      vocationalPct,
      marginPct,
      baselineChoice,
      baseline,
      projection,
      mapYear,
      gapShades,
      kit,
    },
    actions: {
      setStage: (s) => {
        stage.value = s;
      },
      setVariant: (v) => {
        variant.value = v;
      },
      setCounty: (id) => {
        county.value = id;
      },
      setVocationalPct: (pct) => {
        vocationalPct.value = pct === null || !Number.isFinite(pct) ? null : clampPct(pct);
      },
      setMarginPct: (pct) => {
        if (Number.isFinite(pct)) marginPct.value = Math.max(0, Math.min(100, pct));
      },
      setBaseline: (b) => {
        baselineChoice.value = b;
      },
      ensure,
    },
    shadesFor,
    dispose: stop,
  };
}
