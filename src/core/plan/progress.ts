/**
 * Progress of a scenario against the plan's targets: counts and seats per kind, the 43 central-district
 * projects, 公办率 / 普惠率 per county from kindergarten ownership, and the special-education rule.
 */
import type { ExistingSchool } from '../analysis/demand';
import type { CountyProperties } from '../geodata/reference';
import type { ProjectFeature } from '../model/project';
import { achieved, type PlanTarget } from './targets';

/**
 * met / short: measured and judged. needsData: the data that would tell is missing (no existing
 * schools, no enrolment by ownership). illustrative (示意): computed, but from ownership the scenario
 * only assumes, so it is shown and never judged met.
 */
export type ProgressStatus = 'met' | 'short' | 'needsData' | 'illustrative';

/** Why a target is not judged, said next to it. */
export type ProgressNote =
  /** 公办率/普惠率: no existing kindergartens with ownership are loaded, so the county rates are unknown */
  | 'noExistingKindergartens'
  /** 公办率/普惠率: some counties have no existing kindergartens with ownership */
  | 'partialKindergartens'
  /** the planned kindergartens' ownership is the illustrative scenario's assumption */
  | 'ownershipIllustrative'
  /** special education: no existing special schools are loaded, so whether a county has one is unknown */
  | 'noExistingSpecial';

export interface TargetProgress {
  readonly target: PlanTarget;
  readonly status: ProgressStatus;
  /** What the scenario achieves (null when it cannot tell). */
  readonly achieved: number | null;
  /** achieved ÷ target, 0–1 for the bar (capped at 1), null when not measurable. */
  readonly fraction: number | null;
  /** Per-county detail of per-county targets. */
  readonly counties?: readonly CountyCheck[];
  readonly note?: ProgressNote;
  /** For rates: what enrolment stands on (in-school children, or seats standing in for them). */
  readonly basis?: RateBasis;
}

/** ok: meets the target; short: does not; unknown: the data that would tell is missing. */
export type CountyState = 'ok' | 'short' | 'unknown';

export interface CountyCheck {
  readonly adcode: string;
  readonly state: CountyState;
  /** The county's value (a rate in percent, or a count of schools), null without data. */
  readonly value: number | null;
  /** The population the rule is judged by (special education: 2021 year-end residents). */
  readonly population?: number;
}

/** What the rates' "children enrolled" rest on: enrolment figures, seats standing in for them, or both. */
export type RateBasis = 'enrolment' | 'capacity' | 'mixed';

export interface KindergartenRates {
  readonly adcode: string;
  /** Children (or seats) by ownership: existing kindergartens plus the scenario's planned seats. */
  readonly publicSeats: number;
  readonly inclusiveSeats: number;
  readonly otherSeats: number;
  /** Seats whose ownership is not recorded (left out of the rates). */
  readonly unknownSeats: number;
  /** Existing kindergartens with known ownership in the county: without any, the rates are unknown. */
  readonly existingKnown: number;
  readonly basis: RateBasis | null;
  /** 公办率 = public ÷ all with known ownership, percent; null without existing data. */
  readonly publicRate: number | null;
  /** 普惠率 = (public + inclusive private) ÷ all with known ownership, percent; null without existing data. */
  readonly inclusiveRate: number | null;
}

/**
 * 公办率 and 普惠率 per county (standards.md definitions: children enrolled, by ownership). The county's
 * rate after the plan = (existing kindergartens' children + the scenario's new seats) by ownership. An
 * existing kindergarten counts its enrolment when the file gives one, else its capacity (seats), and
 * the basis says which. Planned kindergartens alone say nothing of a county's rate: without existing
 * kindergartens of known ownership the rates are null (unknown), never computed from the plan alone.
 */
export function kindergartenRates(
  projects: readonly ProjectFeature[],
  existing: readonly ExistingSchool[],
): Map<string, KindergartenRates> {
  interface Acc {
    pub: number;
    inc: number;
    oth: number;
    unk: number;
    known: number;
    byEnrolment: number;
    byCapacity: number;
  }
  const acc = new Map<string, Acc>();
  const get = (county: string): Acc => {
    const a = acc.get(county) ?? { pub: 0, inc: 0, oth: 0, unk: 0, known: 0, byEnrolment: 0, byCapacity: 0 };
    acc.set(county, a);
    return a;
  };
  const add = (a: Acc, ownership: string | null, n: number): void => {
    if (ownership === 'public') a.pub += n;
    else if (ownership === 'privateInclusive') a.inc += n;
    else if (ownership === 'privateOther') a.oth += n;
    else a.unk += n;
  };
  for (const e of existing) {
    if (e.kind !== 'kindergarten') continue;
    const a = get(e.countyCode);
    const enrolled = e.enrolled ?? null;
    add(a, e.ownership, enrolled ?? e.seats);
    if (e.ownership !== null) {
      a.known++;
      if (enrolled !== null) a.byEnrolment++;
      else a.byCapacity++;
    }
  }
  for (const p of projects)
    if (p.properties.kind === 'kindergarten')
      add(get(p.properties.countyCode), p.properties.ownership, p.properties.seats);
  const out = new Map<string, KindergartenRates>();
  for (const [adcode, a] of acc) {
    const all = a.pub + a.inc + a.oth;
    const measured = a.known > 0 && all > 0;
    out.set(adcode, {
      adcode,
      publicSeats: a.pub,
      inclusiveSeats: a.inc,
      otherSeats: a.oth,
      unknownSeats: a.unk,
      existingKnown: a.known,
      basis: a.known === 0 ? null : a.byCapacity === 0 ? 'enrolment' : a.byEnrolment === 0 ? 'capacity' : 'mixed',
      publicRate: measured ? (a.pub / all) * 100 : null,
      inclusiveRate: measured ? ((a.pub + a.inc) / all) * 100 : null,
    });
  }
  return out;
}

/**
 * Counties of at least the threshold population (20万人口以上: ≥ 200,000), and whether each has a
 * special-education school, existing or planned. Whether a county has an existing one is known only when
 * existing schools with special-education schools among them are loaded; otherwise a county with no
 * planned one is unknown, not lacking.
 */
export function specialEducationCheck(
  target: PlanTarget,
  counties: readonly CountyProperties[],
  projects: readonly ProjectFeature[],
  existing: readonly ExistingSchool[],
): CountyCheck[] {
  const threshold = target.populationThreshold ?? 200000;
  const known = existing.some((e) => e.kind === 'special');
  const have = new Map<string, number>();
  const count = (county: string): void => void have.set(county, (have.get(county) ?? 0) + 1);
  for (const p of projects) if (p.properties.kind === 'special') count(p.properties.countyCode);
  for (const e of existing) if (e.kind === 'special') count(e.countyCode);
  return counties
    .filter((c): c is CountyProperties & { pop2021: number } => c.pop2021 !== null && c.pop2021 >= threshold)
    .map((c) => {
      const n = have.get(c.adcode) ?? 0;
      const state: CountyState = n >= target.value ? 'ok' : known ? 'short' : 'unknown';
      return { adcode: c.adcode, state, value: known || n > 0 ? n : null, population: c.pop2021 };
    });
}

export interface ProgressInput {
  readonly projects: readonly ProjectFeature[];
  readonly existing: readonly ExistingSchool[];
  readonly counties: readonly CountyProperties[];
  /**
   * The planned kindergartens' ownership is an assumption (the illustrative scenario), not the
   * planner's data: rates computed with it are illustrative.
   */
  readonly ownershipAssumed: boolean;
}

const ratio = (a: number, v: number): number => (v <= 0 ? 1 : Math.min(1, Math.max(0, a / v)));

/** Judges per-county checks: short if any county is short, met only when every county is known and ok. */
function judgeCounties(counties: readonly CountyCheck[]): ProgressStatus {
  if (counties.some((c) => c.state === 'short')) return 'short';
  return counties.every((c) => c.state === 'ok') ? 'met' : 'needsData';
}

function rateProgress(target: PlanTarget, input: ProgressInput): TargetProgress {
  const rates = kindergartenRates(input.projects, input.existing);
  const inclusive = target.id.includes('inclusive');
  const counties: CountyCheck[] = input.counties
    .filter((c) => c.pop2021 !== null)
    .map((c) => {
      const r = rates.get(c.adcode);
      const value = r ? (inclusive ? r.inclusiveRate : r.publicRate) : null;
      const state: CountyState = value === null ? 'unknown' : value >= target.value ? 'ok' : 'short';
      return { adcode: c.adcode, state, value };
    });
  const done = counties.filter((c) => c.state === 'ok').length;
  if (!counties.some((c) => c.value !== null))
    return { target, status: 'needsData', achieved: null, fraction: null, counties, note: 'noExistingKindergartens' };
  const bases = new Set([...rates.values()].map((r) => r.basis).filter((b): b is RateBasis => b !== null));
  const basis: RateBasis = bases.size === 1 ? ([...bases][0] ?? 'mixed') : 'mixed';
  const plansKindergartens = input.projects.some((p) => p.properties.kind === 'kindergarten');
  const common = { target, achieved: done, fraction: ratio(done, counties.length), counties, basis };
  if (input.ownershipAssumed && plansKindergartens)
    return { ...common, status: 'illustrative', note: 'ownershipIllustrative' };
  const status = judgeCounties(counties);
  return { ...common, status, ...(status === 'needsData' ? { note: 'partialKindergartens' as const } : {}) };
}

/** Progress on one target. */
export function targetProgress(target: PlanTarget, input: ProgressInput): TargetProgress {
  if (target.id === 'special-ed-rule' || (target.metric === 'rule' && target.kinds?.includes('special'))) {
    const counties = specialEducationCheck(target, input.counties, input.projects, input.existing);
    const done = counties.filter((c) => c.state === 'ok').length;
    const status = judgeCounties(counties);
    return {
      target,
      status,
      achieved: done,
      fraction: ratio(done, counties.length),
      counties,
      ...(counties.some((c) => c.state === 'unknown') ? { note: 'noExistingSpecial' as const } : {}),
    };
  }
  if (target.metric === 'rate' && target.scope === 'perCounty' && target.category === 'preschool')
    return rateProgress(target, input);
  const value = achieved(target, input.projects);
  if (value === null) return { target, status: 'needsData', achieved: null, fraction: null };
  return {
    target,
    status: value >= target.value ? 'met' : 'short',
    achieved: value,
    fraction: ratio(value, target.value),
  };
}
