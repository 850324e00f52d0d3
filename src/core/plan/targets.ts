import { isProjectKind, type ProjectKind } from '../model/kinds';
import type { ProjectFeature } from '../model/project';
import { err, isRecord, ok, type Result } from '../result';

export type TargetCategory = 'preschool' | 'compulsory' | 'highSchool' | 'vocational' | 'special' | 'central';

/** One quantitative commitment of the 2022 plan, with the plan item it comes from. */
export interface PlanTarget {
  readonly id: string;
  /** Item number in 2022年泉州市教育工作要点. */
  readonly item: number;
  readonly category: TargetCategory;
  readonly scope: 'city' | 'perCounty';
  readonly metric: 'projectCount' | 'seats' | 'count' | 'rate' | 'rule';
  readonly comparator: '>=';
  readonly value: number;
  readonly valueMax?: number;
  readonly unit: string;
  readonly kinds?: readonly ProjectKind[];
  readonly centralDistrict?: boolean;
  readonly populationThreshold?: number;
  /** Whether the scenario alone can measure progress (counts, seats), or it needs other data. */
  readonly measurable: boolean;
  readonly quote: string;
  readonly label: string;
  readonly labelEn: string;
  readonly definition?: string;
  readonly definitionEn?: string;
}

export interface PlanTargets {
  readonly source: {
    readonly title: string;
    readonly titleEn: string;
    readonly publisher: string;
    readonly published: string;
  };
  readonly targets: readonly PlanTarget[];
}

const CATEGORIES: readonly TargetCategory[] = [
  'preschool',
  'compulsory',
  'highSchool',
  'vocational',
  'special',
  'central',
];
const METRICS = ['projectCount', 'seats', 'count', 'rate', 'rule'] as const;

export function parsePlanTargets(input: unknown): Result<PlanTargets, string> {
  if (!isRecord(input) || !isRecord(input.source) || !Array.isArray(input.targets))
    return err('plan targets: expected { source, targets[] }');
  const ids = new Set<string>();
  for (const [i, t] of (input.targets as unknown[]).entries()) {
    if (!isRecord(t)) return err(`plan targets: entry ${i} is not an object`);
    const where = `plan target ${typeof t.id === 'string' ? t.id : i}`;
    if (typeof t.id !== 'string' || ids.has(t.id)) return err(`${where}: missing or duplicate id`);
    ids.add(t.id);
    if (typeof t.item !== 'number' || !Number.isInteger(t.item) || t.item < 1 || t.item > 32)
      return err(`${where}: item must be a plan item number 1–32`);
    if (!CATEGORIES.includes(t.category as TargetCategory)) return err(`${where}: unknown category`);
    if (t.scope !== 'city' && t.scope !== 'perCounty') return err(`${where}: unknown scope`);
    if (!(METRICS as readonly unknown[]).includes(t.metric)) return err(`${where}: unknown metric`);
    if (typeof t.value !== 'number' || !Number.isFinite(t.value)) return err(`${where}: value must be a number`);
    if (t.kinds !== undefined && (!Array.isArray(t.kinds) || !t.kinds.every(isProjectKind)))
      return err(`${where}: unknown kind`);
    for (const k of ['quote', 'label', 'labelEn', 'unit'] as const)
      if (typeof t[k] !== 'string' || t[k] === '') return err(`${where}: ${k} missing`);
    if (typeof t.measurable !== 'boolean') return err(`${where}: measurable must be true or false`);
  }
  return ok(input as unknown as PlanTargets);
}

/** Which projects a count/seat target counts. */
export function projectsForTarget(target: PlanTarget, projects: readonly ProjectFeature[]): ProjectFeature[] {
  return projects.filter(
    (p) =>
      (target.kinds === undefined || target.kinds.includes(p.properties.kind)) &&
      (target.centralDistrict !== true || p.properties.centralDistrict),
  );
}

/** Achieved value of a measurable city-wide count or seat target; null where the scenario cannot tell. */
export function achieved(target: PlanTarget, projects: readonly ProjectFeature[]): number | null {
  if (!target.measurable || target.scope !== 'city') return null;
  const counted = projectsForTarget(target, projects);
  if (target.metric === 'projectCount') return counted.length;
  if (target.metric === 'seats') return counted.reduce((s, p) => s + p.properties.seats, 0);
  return null;
}
