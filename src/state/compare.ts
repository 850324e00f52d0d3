/** Scenario comparison: two scenarios side by side or under a swipe bar, and what changed between them. */
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import { diffScenarios, type ScenarioDiff } from '../core/compare/diff';
import { diffCsv, seatsDiffCsv } from '../core/compare/diffCsv';
import type { Lang } from '../core/i18n/translate';
import type { ProjectFeature, ScenarioCollection } from '../core/model/project';
import type { Repository, ScenarioSummary } from '../persistence/repository';
import type { CoverageComparison } from './analysis';

export type CompareMode = 'swipe' | 'side';

export interface CompareSession {
  readonly a: string;
  readonly b: string;
  readonly mode: CompareMode;
}

export interface CompareSide {
  readonly id: string;
  readonly name: string;
  readonly projects: readonly ProjectFeature[];
}

export type CompareCoverage =
  | { readonly type: 'waiting' }
  | { readonly type: 'none' }
  | { readonly type: 'ready'; readonly value: CoverageComparison };

/** Where both compare maps should go (a row clicked in the diff table). */
export interface CompareFocus {
  readonly seq: number;
  readonly lon: number;
  readonly lat: number;
  /** The project's point in A when it moved, so both ends are in view. */
  readonly from: readonly [number, number] | null;
}

export interface CompareState {
  readonly session: ReadonlySignal<CompareSession | null>;
  readonly sides: ReadonlySignal<{ readonly a: CompareSide; readonly b: CompareSide } | null>;
  readonly loading: ReadonlySignal<boolean>;
  readonly error: ReadonlySignal<string | null>;
  readonly diff: ReadonlySignal<ScenarioDiff | null>;
  readonly coverage: ReadonlySignal<CompareCoverage | null>;
  readonly focus: ReadonlySignal<CompareFocus | null>;
}

export interface CompareActions {
  open(): void;
  close(): void;
  setA(id: string): void;
  setB(id: string): void;
  setMode(mode: CompareMode): void;
  focusRow(id: string): void;
  /** The changes or the per-county seats table as CSV, named after the two scenarios. */
  csv(which: 'changes' | 'seats'): { name: string; text: string } | null;
}

export interface CompareDeps {
  readonly repository: Repository;
  readonly scenarios: ReadonlySignal<readonly ScenarioSummary[]>;
  /** The scenario on screen (its unsaved, optimistic state is what the planner sees). */
  readonly current: ReadonlySignal<ScenarioCollection>;
  readonly countyOrder: readonly string[];
  readonly lang: ReadonlySignal<Lang>;
  readonly countyName: ReadonlySignal<(code: string) => string>;
  readonly compareCoverage: (
    a: readonly ProjectFeature[],
    b: readonly ProjectFeature[],
  ) => Promise<CoverageComparison | null>;
}

const safeName = (s: string): string => s.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 60);

export function createCompare(deps: CompareDeps): { state: CompareState; actions: CompareActions } {
  const session = signal<CompareSession | null>(null);
  const sides = signal<{ a: CompareSide; b: CompareSide } | null>(null);
  const loading = signal(false);
  const error = signal<string | null>(null);
  const coverage = signal<CompareCoverage | null>(null);
  const focus = signal<CompareFocus | null>(null);
  let seq = 0;
  let loadSeq = 0;

  const diff = computed(() => {
    const s = sides.value;
    return s ? diffScenarios(s.a.projects, s.b.projects, deps.countyOrder) : null;
  });

  async function side(id: string): Promise<CompareSide | null> {
    const cur = deps.current.peek();
    if (cur.scenario.id === id) return { id, name: cur.scenario.name, projects: cur.features };
    const loaded = await deps.repository.loadScenario(id);
    return loaded ? { id, name: loaded.summary.meta.name, projects: loaded.projects } : null;
  }

  async function load(s: CompareSession): Promise<void> {
    const my = ++loadSeq;
    loading.value = true;
    error.value = null;
    coverage.value = null;
    try {
      const [a, b] = await Promise.all([side(s.a), side(s.b)]);
      if (my !== loadSeq) return;
      if (!a || !b) {
        error.value = 'missing';
        sides.value = null;
        return;
      }
      sides.value = { a, b };
      coverage.value = { type: 'waiting' };
      const cov = await deps.compareCoverage(a.projects, b.projects);
      if (my !== loadSeq) return;
      coverage.value = cov ? { type: 'ready', value: cov } : { type: 'none' };
    } catch (e: unknown) {
      if (my === loadSeq) error.value = e instanceof Error ? e.message : String(e);
    } finally {
      if (my === loadSeq) loading.value = false;
    }
  }

  const update = (patch: Partial<CompareSession>): void => {
    const cur = session.peek();
    if (!cur) return;
    const next = { ...cur, ...patch };
    session.value = next;
    if (next.a !== cur.a || next.b !== cur.b) void load(next);
  };

  const actions: CompareActions = {
    open: () => {
      const current = deps.current.peek().scenario.id;
      // B is the scenario on screen; A the one before it in the list (the one it was most likely made from)
      const ids = deps.scenarios.peek().map((s) => s.meta.id);
      const i = ids.indexOf(current);
      const other = ids[i > 0 ? i - 1 : 1] ?? current;
      const s: CompareSession = { a: other, b: current, mode: 'swipe' };
      session.value = s;
      focus.value = null;
      void load(s);
    },
    close: () => {
      loadSeq++;
      session.value = null;
      sides.value = null;
      coverage.value = null;
      loading.value = false;
    },
    setA: (id) => update({ a: id }),
    setB: (id) => update({ b: id }),
    setMode: (mode) => update({ mode }),
    focusRow: (id) => {
      const row = diff.peek()?.rows.find((r) => r.id === id);
      const p = row?.b ?? row?.a;
      if (!row || !p) return;
      const [lon = 0, lat = 0] = p.geometry.coordinates;
      const from =
        row.moved && row.a ? ([row.a.geometry.coordinates[0] ?? 0, row.a.geometry.coordinates[1] ?? 0] as const) : null;
      focus.value = { seq: ++seq, lon, lat, from };
    },
    csv: (which) => {
      const d = diff.peek();
      const s = sides.peek();
      if (!d || !s) return null;
      const lang = deps.lang.peek();
      const name = `${safeName(s.a.name)}-${safeName(s.b.name)}-${which === 'changes' ? 'diff' : 'seats'}.csv`;
      const text =
        which === 'changes' ? diffCsv(d, lang, deps.countyName.peek()) : seatsDiffCsv(d, lang, deps.countyName.peek());
      return { name, text };
    },
  };
  return { state: { session, sides, loading, error, diff, coverage, focus }, actions };
}
