/**
 * Progress of a scenario against the plan's targets: counts and seats per kind, the 43 central-district
 * projects, 公办率 / 普惠率 per county from kindergarten ownership, and the special-education rule.
 */
import type { ExistingSchool } from '../analysis/demand';
import type { CountyProperties } from '../geodata/reference';
import type { ProjectFeature } from '../model/project';
import { achieved, type PlanTarget } from './targets';

export type ProgressStatus = 'met' | 'short' | 'needsData';

export interface TargetProgress {
  readonly target: PlanTarget;
  readonly status: ProgressStatus;
  /** What the scenario achieves (null when it cannot tell). */
  readonly achieved: number | null;
  /** achieved ÷ target, 0–1 for the bar (capped at 1), null when not measurable. */
  readonly fraction: number | null;
  /** Per-county detail of per-county targets. */
  readonly counties?: readonly CountyCheck[];
}

export interface CountyCheck {
  readonly adcode: string;
  readonly ok: boolean;
  /** The county's value (a rate in percent, or a count of schools), null without data. */
  readonly value: number | null;
}

export interface KindergartenRates {
  readonly adcode: string;
  /** Kindergarten seats by ownership (enrolment is not known: seats stand in for it). */
  readonly publicSeats: number;
  readonly inclusiveSeats: number;
  readonly otherSeats: number;
  /** Seats whose ownership is not recorded. */
  readonly unknownSeats: number;
  /** 公办率 = public ÷ all with known ownership, percent; null without any. */
  readonly publicRate: number | null;
  /** 普惠率 = (public + inclusive private) ÷ all with known ownership, percent; null without any. */
  readonly inclusiveRate: number | null;
}

/**
 * 公办率 and 普惠率 per county (standards.md definitions), from kindergarten seats of the scenario plus
 * existing kindergartens: seats stand in for enrolled children until enrolment figures are loaded.
 */
export function kindergartenRates(
  projects: readonly ProjectFeature[],
  existing: readonly ExistingSchool[],
): Map<string, KindergartenRates> {
  const acc = new Map<string, { pub: number; inc: number; oth: number; unk: number }>();
  const addSeats = (county: string, ownership: string | null, seats: number): void => {
    const a = acc.get(county) ?? { pub: 0, inc: 0, oth: 0, unk: 0 };
    if (ownership === 'public') a.pub += seats;
    else if (ownership === 'privateInclusive') a.inc += seats;
    else if (ownership === 'privateOther') a.oth += seats;
    else a.unk += seats;
    acc.set(county, a);
  };
  for (const p of projects)
    if (p.properties.kind === 'kindergarten')
      addSeats(p.properties.countyCode, p.properties.ownership, p.properties.seats);
  for (const e of existing) if (e.kind === 'kindergarten') addSeats(e.countyCode, e.ownership, e.seats);
  const out = new Map<string, KindergartenRates>();
  for (const [adcode, a] of acc) {
    const known = a.pub + a.inc + a.oth;
    out.set(adcode, {
      adcode,
      publicSeats: a.pub,
      inclusiveSeats: a.inc,
      otherSeats: a.oth,
      unknownSeats: a.unk,
      publicRate: known > 0 ? (a.pub / known) * 100 : null,
      inclusiveRate: known > 0 ? ((a.pub + a.inc) / known) * 100 : null,
    });
  }
  return out;
}

/** Counties over the population threshold, and whether each has a special-education school (existing or planned). */
export function specialEducationCheck(
  target: PlanTarget,
  counties: readonly CountyProperties[],
  projects: readonly ProjectFeature[],
  existing: readonly ExistingSchool[],
): CountyCheck[] {
  const threshold = target.populationThreshold ?? 200000;
  const have = new Map<string, number>();
  for (const p of projects)
    if (p.properties.kind === 'special')
      have.set(p.properties.countyCode, (have.get(p.properties.countyCode) ?? 0) + 1);
  for (const e of existing) if (e.kind === 'special') have.set(e.countyCode, (have.get(e.countyCode) ?? 0) + 1);
  return counties
    .filter((c) => c.pop2021 !== null && c.pop2021 > threshold)
    .map((c) => {
      const n = have.get(c.adcode) ?? 0;
      return { adcode: c.adcode, ok: n >= target.value, value: n };
    });
}

export interface ProgressInput {
  readonly projects: readonly ProjectFeature[];
  readonly existing: readonly ExistingSchool[];
  readonly counties: readonly CountyProperties[];
}

const ratio = (a: number, v: number): number => (v <= 0 ? 1 : Math.min(1, Math.max(0, a / v)));

/** Progress on one target. */
export function targetProgress(target: PlanTarget, input: ProgressInput): TargetProgress {
  if (target.id === 'special-ed-rule' || (target.metric === 'rule' && target.kinds?.includes('special'))) {
    const counties = specialEducationCheck(target, input.counties, input.projects, input.existing);
    const done = counties.filter((c) => c.ok).length;
    return {
      target,
      status: done === counties.length ? 'met' : 'short',
      achieved: done,
      fraction: ratio(done, counties.length),
      counties,
    };
  }
  if (target.metric === 'rate' && target.scope === 'perCounty' && target.category === 'preschool') {
    const rates = kindergartenRates(input.projects, input.existing);
    const inclusive = target.id.includes('inclusive');
    const counties: CountyCheck[] = input.counties
      .filter((c) => c.pop2021 !== null)
      .map((c) => {
        const r = rates.get(c.adcode);
        const value = r ? (inclusive ? r.inclusiveRate : r.publicRate) : null;
        return { adcode: c.adcode, ok: value !== null && value >= target.value, value };
      });
    const measured = counties.filter((c) => c.value !== null);
    const done = measured.filter((c) => c.ok).length;
    return {
      target,
      status: measured.length === 0 ? 'needsData' : done === counties.length ? 'met' : 'short',
      achieved: measured.length === 0 ? null : done,
      fraction: measured.length === 0 ? null : ratio(done, counties.length),
      counties,
    };
  }
  const value = achieved(target, input.projects);
  if (value === null) return { target, status: 'needsData', achieved: null, fraction: null };
  return {
    target,
    status: value >= target.value ? 'met' : 'short',
    achieved: value,
    fraction: ratio(value, target.value),
  };
}
