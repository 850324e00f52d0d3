/**
 * Where to build (选址建议): the planner's choices (level, area, how many schools, seats, constraints), a run
 * of the site solver in its worker with progress and cancel, its result as ghost projects on the map,
 * and adopting suggestions as planned projects (one undoable edit).
 */
import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import { LEVEL_STAGE, stageDemand, type AnalysisParams, type CoverageLevel } from '../core/analysis/params';
import type { SitingOutcome, SitingRequest } from '../core/analysis/siting/run';
import { levelsOf } from '../core/analysis/sites';
import { addProjectsEdit, newProject, type EditContext } from '../core/edits/build';
import type { Edit } from '../core/edits/edit';
import { translate } from '../core/i18n/translate';
import type { ExistingSchoolRecord } from '../core/io/existing';
import { KIND_INFO, type ProjectKind } from '../core/model/kinds';
import type { ProjectFeature, ScenarioCollection } from '../core/model/project';
import type { SitingRunner } from '../workers/sitingService';
import type { CandidateParcels } from '../core/analysis/siting/parcels';
import type { NoticeRequest } from './notices';

/** The kind a suggestion of a level becomes (a nine-year school is a planner's choice, not a suggestion). */
export const LEVEL_KIND: Readonly<Record<CoverageLevel, ProjectKind>> = {
  kindergarten: 'kindergarten',
  primary: 'primary',
  junior: 'junior',
  high: 'high',
  vocational: 'vocational',
};

export const seatsOf = (kind: ProjectKind): number =>
  KIND_INFO[kind].defaultClasses * KIND_INFO[kind].standardClassSize;

export type SitingStatus =
  | { readonly type: 'idle' }
  | { readonly type: 'running'; readonly progress: number }
  | { readonly type: 'done'; readonly ms: number }
  | { readonly type: 'cancelled' }
  | { readonly type: 'failed'; readonly message: string };

export interface SitingChoices {
  readonly level: CoverageLevel;
  /** County adcode, or null for the whole city. */
  readonly county: string | null;
  readonly k: number;
  readonly seatsAware: boolean;
  readonly seatsPerSchool: number;
  readonly minSpacing: number;
  readonly exclusion: number;
  /** Choose among the imported parcels (when there are some) instead of every inhabited cell. */
  readonly useParcels: boolean;
}

/** A result as shown: the outcome, what it was run for, and each suggestion's county. */
export interface SitingResultView {
  readonly choices: SitingChoices;
  readonly outcome: SitingOutcome;
  readonly counties: readonly (string | null)[];
  readonly existingCount: number;
  /** Children of the stage per resident, and the radius, as the run counted them. */
  readonly childrenPerResident: number;
  readonly radius: number;
  /** The population was the modelled surface: the suggestions are illustrative. */
  readonly modelled: boolean;
}

export interface SitingState {
  readonly choices: ReadonlySignal<SitingChoices>;
  readonly status: ReadonlySignal<SitingStatus>;
  readonly result: ReadonlySignal<SitingResultView | null>;
  /** The suggestions as ghost projects for the map (their name is their rank). */
  readonly ghosts: ReadonlySignal<readonly ProjectFeature[]>;
}

export interface SitingActions {
  choose(patch: Partial<SitingChoices>): void;
  run(): Promise<void>;
  cancel(): void;
  /** Adopts the suggestions of these ranks (all when omitted) as planned projects, one undoable edit. */
  adopt(ranks?: readonly number[]): Promise<boolean>;
  clear(): void;
}

export interface SitingDeps {
  readonly ctx: EditContext;
  readonly scenario: ReadonlySignal<ScenarioCollection>;
  readonly existing: ReadonlySignal<readonly ExistingSchoolRecord[]>;
  readonly parcels: ReadonlySignal<CandidateParcels | null>;
  readonly params: ReadonlySignal<AnalysisParams>;
  /** The bytes of the population surface in use, or null before one is loaded. */
  readonly surfaceBytes: () => Promise<ArrayBuffer> | null;
  readonly runner: SitingRunner;
  readonly commit: (edit: Edit) => Promise<boolean>;
  readonly newId: () => string;
  readonly notify: (n: NoticeRequest) => void;
  /** Whether the population surface in use is the modelled one. */
  readonly modelled: () => boolean;
  /** Shows the suggestions layer when a run has results. */
  readonly showLayer: () => void;
}

const clampInt = (v: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, Math.round(v)));

export function createSiting(deps: SitingDeps): { state: SitingState; actions: SitingActions } {
  const choices = signal<SitingChoices>({
    level: 'primary',
    county: null,
    k: 3,
    seatsAware: false,
    seatsPerSchool: seatsOf('primary'),
    minSpacing: 0,
    exclusion: 0,
    useParcels: false,
  });
  const status = signal<SitingStatus>({ type: 'idle' });
  const result = signal<SitingResultView | null>(null);

  const ghosts = computed<readonly ProjectFeature[]>(() => {
    const r = result.value;
    if (!r) return [];
    const kind = LEVEL_KIND[r.choices.level];
    return r.outcome.suggestions.flatMap((s) => {
      const p = newProject(
        kind,
        s.lon,
        s.lat,
        { id: `suggestion-${s.rank}`, year: 0, existingNames: new Set() },
        deps.ctx,
      );
      return p
        ? [{ ...p, properties: { ...p.properties, name: String(s.rank), locationPrecision: 'suggested' as const } }]
        : [];
    });
  });

  /** The schools of a level's catchment: existing ones of a kind that serves it, planned ones likewise. */
  function serving(level: CoverageLevel): Pick<SitingRequest, 'existing' | 'planned'> {
    const serves = (kind: ProjectKind): boolean => levelsOf(kind).some(([l]) => l === level);
    return {
      existing: deps.existing
        .peek()
        .filter((e) => serves(e.kind))
        .map((e) => ({ lon: e.lon, lat: e.lat })),
      planned: deps.scenario
        .peek()
        .features.filter((p) => serves(p.properties.kind))
        .map((p) => ({
          projectId: p.id,
          lon: p.geometry.coordinates[0] ?? 0,
          lat: p.geometry.coordinates[1] ?? 0,
        })),
    };
  }

  /** The imported parcels of the area, when chosen; null: every inhabited cell. */
  function parcelsIn(c: SitingChoices): SitingRequest['candidates'] {
    const p = deps.parcels.peek();
    if (!c.useParcels || !p) return null;
    return p.parcels
      .filter((x) => c.county === null || x.countyCode === c.county)
      .map((x) => ({ id: x.id, lon: x.lon, lat: x.lat }));
  }

  /** The latest run: a result of one superseded by a newer run is dropped, not shown. */
  let runs = 0;
  async function run(): Promise<void> {
    const token = ++runs;
    const c = choices.peek();
    const bytes = deps.surfaceBytes();
    if (!bytes) {
      status.value = { type: 'failed', message: 'surface' };
      return;
    }
    status.value = { type: 'running', progress: 0 };
    const params = deps.params.peek();
    const request: SitingRequest = {
      radius: params.radius[c.level],
      k: c.k,
      seats: c.seatsAware ? c.seatsPerSchool : null,
      county: c.county,
      minSpacing: c.minSpacing,
      exclusion: c.exclusion,
      childrenPerResident: stageDemand(1, LEVEL_STAGE[c.level], params),
      ...serving(c.level),
      candidates: parcelsIn(c),
    };
    let buffer: ArrayBuffer;
    try {
      buffer = await bytes;
    } catch (e: unknown) {
      status.value = { type: 'failed', message: e instanceof Error ? e.message : String(e) };
      return;
    }
    const r = await deps.runner.run(buffer, request, (progress) => {
      if (token === runs && status.peek().type === 'running') status.value = { type: 'running', progress };
    });
    if (token !== runs) return;
    if (!r.ok) {
      status.value = r.error === 'cancelled' ? { type: 'cancelled' } : { type: 'failed', message: r.error };
      return;
    }
    batch(() => {
      result.value = {
        choices: c,
        outcome: r.value.outcome,
        counties: r.value.outcome.suggestions.map((s) => deps.ctx.locateCounty(s.lon, s.lat)),
        existingCount: request.existing.length,
        childrenPerResident: request.childrenPerResident,
        radius: request.radius,
        modelled: deps.modelled(),
      };
      status.value = { type: 'done', ms: r.value.ms };
    });
    if (r.value.outcome.suggestions.length > 0) deps.showLayer();
  }

  async function adopt(ranks?: readonly number[]): Promise<boolean> {
    const r = result.peek();
    if (!r) return false;
    const kind = LEVEL_KIND[r.choices.level];
    const scenario = deps.scenario.peek();
    const names = new Set(scenario.features.map((f) => f.properties.name));
    const kindZh = translate('zh', `kind.${kind}`);
    const kindEn = translate('en', `kind.${kind}`).toLowerCase();
    let n = 1;
    const projects = r.outcome.suggestions
      .filter((s) => !ranks || ranks.includes(s.rank))
      .flatMap((s) => {
        const p = newProject(
          kind,
          s.lon,
          s.lat,
          { id: deps.newId(), year: scenario.scenario.planYear, existingNames: names },
          deps.ctx,
        );
        if (!p) return [];
        while (names.has(translate('zh', 'siting.projectName', { kind: kindZh, n }))) n++;
        const name = translate('zh', 'siting.projectName', { kind: kindZh, n });
        names.add(name);
        const seats = r.choices.seatsAware ? r.choices.seatsPerSchool : p.properties.seats;
        const classes = Math.max(1, Math.round(seats / KIND_INFO[kind].standardClassSize));
        return [
          {
            ...p,
            properties: {
              ...p.properties,
              name,
              nameEn: translate('en', 'siting.projectName', { kind: kindEn, n }),
              seats,
              classes,
              locationPrecision: 'suggested' as const,
              source: `选址建议 · 第 ${s.rank} 位 · 新增覆盖 ${Math.round(s.gain)} 人`,
            },
          },
        ];
      });
    if (projects.length === 0) return false;
    const done = await deps.commit(addProjectsEdit(projects));
    if (done) {
      // adopted sites now serve: the suggestions are stale
      result.value = null;
      status.value = { type: 'idle' };
      deps.notify({ tone: 'info', key: 'siting.adopted', params: { count: projects.length } });
    }
    return done;
  }

  return {
    state: { choices, status, result, ghosts },
    actions: {
      choose: (patch) => {
        const c = { ...choices.peek(), ...patch };
        const levelChanged = patch.level !== undefined && patch.level !== choices.peek().level;
        choices.value = {
          ...c,
          k: clampInt(c.k, 1, 200),
          seatsPerSchool: levelChanged ? seatsOf(LEVEL_KIND[c.level]) : clampInt(c.seatsPerSchool, 1, 100_000),
          minSpacing: clampInt(c.minSpacing, 0, 50_000),
          exclusion: clampInt(c.exclusion, 0, 50_000),
        };
      },
      run,
      cancel: () => deps.runner.cancel(),
      adopt,
      clear: () => {
        result.value = null;
        status.value = { type: 'idle' };
      },
    },
  };
}
