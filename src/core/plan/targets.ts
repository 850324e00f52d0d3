import { isProjectKind, type ProjectKind } from '../model/kinds';
import type { ProjectFeature } from '../model/project';
import { err, ok, type Result } from '../result';
import {
  arrayOf,
  bool,
  int,
  literal,
  num,
  object,
  oneOf,
  optional,
  parse,
  str,
  text,
  type Infer,
  type Schema,
} from '../schema';

const CATEGORIES = ['preschool', 'compulsory', 'highSchool', 'vocational', 'special', 'central'] as const;
export type TargetCategory = (typeof CATEGORIES)[number];
const METRICS = ['projectCount', 'seats', 'count', 'rate', 'rule'] as const;

/** A project kind, as the plan names the kinds a target counts. */
const kind: Schema<ProjectKind> = (v, path) => (isProjectKind(v) ? ok(v) : err(`${path}: unknown kind`));

/** One quantitative commitment of the 2022 plan, with the plan item it comes from. */
const targetSchema = object({
  id: text,
  /** Item number in 2022年泉州市教育工作要点. */
  item: int(1, 32),
  category: oneOf(CATEGORIES),
  scope: oneOf(['city', 'perCounty']),
  metric: oneOf(METRICS),
  comparator: literal('>='),
  value: num,
  valueMax: optional(num),
  unit: text,
  kinds: optional(arrayOf(kind)),
  centralDistrict: optional(bool),
  populationThreshold: optional(num),
  /** Whether the scenario alone can measure progress (counts, seats), or it needs other data. */
  measurable: bool,
  quote: text,
  label: text,
  labelEn: text,
  definition: optional(str),
  definitionEn: optional(str),
});
export type PlanTarget = Infer<typeof targetSchema>;

const targetsSchema = object({
  source: object({ title: str, titleEn: str, publisher: str, published: str }),
  targets: arrayOf(targetSchema),
});
export type PlanTargets = Infer<typeof targetsSchema>;

export function parsePlanTargets(input: unknown): Result<PlanTargets, string> {
  const r = parse(targetsSchema, input, 'plan targets');
  if (!r.ok) return r;
  const ids = new Set<string>();
  for (const t of r.value.targets) {
    if (ids.has(t.id)) return err(`plan target ${t.id}: duplicate id`);
    ids.add(t.id);
  }
  return r;
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
