/**
 * Analysis parameters: service radii, age shares, enrolment rates, seats per 1,000 residents and class
 * sizes. Defaults come from the project's reference standards (standards.md); each carries its source and how sure it is,
 * and the planner can change every one in settings.
 */
import { isRecord } from '../result';
import { CLASS_SIZE_SOURCES, KIND_INFO } from '../model/kinds';

/** Levels with a catchment (service radius). A nine-year school serves both primary and junior. */
export const COVERAGE_LEVELS = ['kindergarten', 'primary', 'junior', 'high', 'vocational'] as const;
export type CoverageLevel = (typeof COVERAGE_LEVELS)[number];

/** School-age stages of the demand side (高中阶段 = senior high + vocational). */
export const STAGES = ['preschool', 'primary', 'junior', 'upperSecondary'] as const;
export type Stage = (typeof STAGES)[number];

/** Which demand stage a coverage level serves. */
export const LEVEL_STAGE: Readonly<Record<CoverageLevel, Stage>> = {
  kindergarten: 'preschool',
  primary: 'primary',
  junior: 'junior',
  high: 'upperSecondary',
  vocational: 'upperSecondary',
};

export type DemandMethod = 'ageShare' | 'perThousand';

export interface AnalysisParams {
  /** Service radius per level, metres. */
  readonly radius: Readonly<Record<CoverageLevel, number>>;
  /** Single-year school-age share of the resident population, percent. */
  readonly ageShare: Readonly<Record<Stage, number>>;
  /** Enrolment rate, percent (gross rates may exceed 100). */
  readonly enrolment: Readonly<Record<Stage, number>>;
  /** Seats per 1,000 residents (千人指标). */
  readonly perThousand: Readonly<Record<Stage, number>>;
  /** Pupils per class, to express a seat gap in classes. */
  readonly classSize: Readonly<Record<Stage, number>>;
  /** How school-age demand is estimated: population × age share × enrolment, or 千人指标. */
  readonly demandMethod: DemandMethod;
}

const AGE_SHARE: Readonly<Record<Stage, number>> = { preschool: 4.2, primary: 8.3, junior: 3.8, upperSecondary: 3.2 };
/**
 * Enrolment of each stage's age group, in the concept the demand formula needs (children who will want a
 * seat ÷ children of the age): 学前三年毛入园率, 小学净入学率, 初中阶段毛入学率, 高中阶段毛入学率. Not the
 * nine-year 巩固率 (95.5 %), which is cohort retention, not enrolment.
 */
const ENROLMENT: Readonly<Record<Stage, number>> = { preschool: 89.7, primary: 100, junior: 100, upperSecondary: 91.6 };

/** 千人指标 derived by its stated formula: single-year age share (%) × 1,000 × enrolment, one decimal. */
export const derivedPerThousand = (ageShare: number, enrolment: number): number =>
  Math.round(ageShare * 10 * enrolment) / 100;

export const DEFAULT_PARAMS: AnalysisParams = {
  radius: { kindergarten: 300, primary: 500, junior: 1000, high: 3000, vocational: 3000 },
  ageShare: AGE_SHARE,
  enrolment: ENROLMENT,
  perThousand: {
    // Fujian's own standard (not derived)
    preschool: 30,
    primary: derivedPerThousand(AGE_SHARE.primary, ENROLMENT.primary),
    junior: derivedPerThousand(AGE_SHARE.junior, ENROLMENT.junior),
    upperSecondary: derivedPerThousand(AGE_SHARE.upperSecondary, ENROLMENT.upperSecondary),
  },
  classSize: {
    preschool: KIND_INFO.kindergarten.standardClassSize,
    primary: KIND_INFO.primary.standardClassSize,
    junior: KIND_INFO.junior.standardClassSize,
    upperSecondary: KIND_INFO.high.standardClassSize,
  },
  demandMethod: 'ageShare',
};

export type Confidence = 'high' | 'unverified';

export interface ParamSource {
  readonly zh: string;
  readonly en: string;
  readonly confidence: Confidence;
}

const GB50180 = (circle: string, circleEn: string): ParamSource => ({
  zh: `GB 50180-2018《城市居住区规划设计标准》${circle}`,
  en: `GB 50180-2018 residential planning standard, ${circleEn}`,
  confidence: 'high',
});
const AGE: ParamSource = {
  zh: '据 2019 年抽样 5 岁组推算的泉州单岁人口占比（估算）',
  en: 'Quanzhou single-year shares estimated from the 2019 sample 5-year groups (estimate)',
  confidence: 'unverified',
};
const DERIVED_K: ParamSource = {
  zh: '按公式推算：单岁年龄占比 × 1000 × 入学率（年龄占比为估算，未核实）',
  en: 'Derived by its formula: single-year age share × 1,000 × enrolment (the age shares are estimates, unverified)',
  confidence: 'unverified',
};

/** Where each default comes from (standards.md), shown next to the value in settings. */
export const PARAM_SOURCES = {
  radius: {
    kindergarten: GB50180('五分钟生活圈（≤300 m）', '5-minute life circle (≤ 300 m)'),
    primary: GB50180('十分钟生活圈（≤500 m）', '10-minute life circle (≤ 500 m)'),
    junior: GB50180('十五分钟生活圈（≤1000 m）', '15-minute life circle (≤ 1000 m)'),
    high: {
      zh: '无国家步行半径，按县统筹；城区工作默认值 3 km（未核实）',
      en: 'No national walking radius (planned per county); working urban default 3 km (unverified)',
      confidence: 'unverified',
    },
    vocational: {
      zh: '无国家步行半径，按县统筹；城区工作默认值 3 km（未核实）',
      en: 'No national walking radius (planned per county); working urban default 3 km (unverified)',
      confidence: 'unverified',
    },
  },
  ageShare: { preschool: AGE, primary: AGE, junior: AGE, upperSecondary: AGE },
  enrolment: {
    preschool: {
      zh: '学前三年毛入园率：全国 89.7%（2022 年，教育部 2023 年发布会）',
      en: 'Preschool three-year gross enrolment: national 89.7% (2022; MOE briefing 2023)',
      confidence: 'high',
    },
    primary: {
      zh: '小学学龄儿童净入学率：全国 99.9% 以上（2022 年全国教育事业发展统计公报），取 100%',
      en: 'Primary net enrolment: national above 99.9% (2022 national education statistics bulletin); 100% used',
      confidence: 'high',
    },
    junior: {
      zh: '初中阶段毛入学率：全国略高于 100%（2022 年统计公报），取 100%（具体数值未核实）',
      en: 'Junior-secondary gross enrolment: national just over 100% (2022 bulletin); 100% used (exact figure unverified)',
      confidence: 'unverified',
    },
    upperSecondary: {
      zh: '高中阶段毛入学率：全国 91.6%（2022 年，教育部 2023 年发布会；含普高与中职）',
      en: 'Upper-secondary gross enrolment: national 91.6% (2022; MOE briefing 2023; general and vocational)',
      confidence: 'high',
    },
  },
  perThousand: {
    preschool: {
      zh: '福建省 2013《关于加强城镇公共配套服务设施建设规划意见》每千人 30 座',
      en: 'Fujian 2013 urban public facilities opinion: 30 per 1,000 residents',
      confidence: 'high',
    },
    primary: DERIVED_K,
    junior: DERIVED_K,
    upperSecondary: DERIVED_K,
  },
  classSize: {
    preschool: CLASS_SIZE_SOURCES.kindergarten,
    primary: CLASS_SIZE_SOURCES.primary,
    junior: CLASS_SIZE_SOURCES.junior,
    upperSecondary: CLASS_SIZE_SOURCES.high,
  },
} as const satisfies {
  readonly radius: Record<CoverageLevel, ParamSource>;
  readonly ageShare: Record<Stage, ParamSource>;
  readonly enrolment: Record<Stage, ParamSource>;
  readonly perThousand: Record<Stage, ParamSource>;
  readonly classSize: Record<Stage, ParamSource>;
};

/** Allowed range of each parameter group: anything outside is refused in settings and when read back. */
export const PARAM_LIMITS = {
  radius: { min: 50, max: 30000 },
  ageShare: { min: 0, max: 30 },
  enrolment: { min: 0, max: 150 },
  perThousand: { min: 0, max: 300 },
  classSize: { min: 5, max: 80 },
} as const;
export type ParamGroup = keyof typeof PARAM_LIMITS;

export function isParamValueValid(group: ParamGroup, value: number): boolean {
  const { min, max } = PARAM_LIMITS[group];
  return Number.isFinite(value) && value >= min && value <= max;
}

function readGroup<K extends string>(
  raw: unknown,
  group: ParamGroup,
  keys: readonly K[],
  defaults: Readonly<Record<K, number>>,
  dropped: string[],
): Record<K, number> {
  const out: Record<K, number> = { ...defaults };
  if (raw === undefined) return out;
  if (!isRecord(raw)) {
    dropped.push(group);
    return out;
  }
  for (const k of keys) {
    const v = raw[k];
    if (v === undefined) continue;
    if (typeof v === 'number' && isParamValueValid(group, v)) out[k] = v;
    else dropped.push(`${group}.${k}`);
  }
  return out;
}

/** Reads stored parameters (a boundary: IndexedDB → app); each bad value falls back to its default alone. */
export function parseAnalysisParams(raw: unknown): { params: AnalysisParams; dropped: string[] } {
  const dropped: string[] = [];
  if (raw === undefined) return { params: DEFAULT_PARAMS, dropped };
  if (!isRecord(raw)) return { params: DEFAULT_PARAMS, dropped: ['analysis'] };
  const d = DEFAULT_PARAMS;
  const demandMethod =
    raw.demandMethod === 'ageShare' || raw.demandMethod === 'perThousand'
      ? raw.demandMethod
      : (raw.demandMethod !== undefined && dropped.push('demandMethod'), d.demandMethod);
  return {
    params: {
      radius: readGroup(raw.radius, 'radius', COVERAGE_LEVELS, d.radius, dropped),
      ageShare: readGroup(raw.ageShare, 'ageShare', STAGES, d.ageShare, dropped),
      enrolment: readGroup(raw.enrolment, 'enrolment', STAGES, d.enrolment, dropped),
      perThousand: readGroup(raw.perThousand, 'perThousand', STAGES, d.perThousand, dropped),
      classSize: readGroup(raw.classSize, 'classSize', STAGES, d.classSize, dropped),
      demandMethod,
    },
    dropped,
  };
}

/** School-age demand (children expected to enrol) of one stage in a population. */
export function stageDemand(population: number, stage: Stage, p: AnalysisParams): number {
  return p.demandMethod === 'perThousand'
    ? (population * p.perThousand[stage]) / 1000
    : population * (p.ageShare[stage] / 100) * (p.enrolment[stage] / 100);
}

/** School-age population of the stage (before enrolment): what a catchment's covered children means. */
export const schoolAgePopulation = (population: number, stage: Stage, p: AnalysisParams): number =>
  population * (p.ageShare[stage] / 100);
