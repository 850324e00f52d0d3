/** Project kinds, actions and statuses of the 2022 plan, with the standards they carry. */

export const PROJECT_KINDS = [
  'kindergarten',
  'primary',
  'junior',
  'nineYear',
  'high',
  'vocational',
  'special',
] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];

export const PROJECT_ACTIONS = ['new', 'rebuild', 'expand'] as const;
/** 新建 / 改扩建 / 扩建 */
export type ProjectAction = (typeof PROJECT_ACTIONS)[number];

export const PROJECT_STATUSES = ['planned', 'preparing', 'underConstruction', 'completed'] as const;
/** 谋划 / 前期 / 在建 / 竣工 */
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export interface KindInfo {
  /** Pupils per class for the seats ≈ classes × size check (GB 50099-2011 §3.0.1; 《幼儿园工作规程》 Art. 11). */
  readonly classSize: { readonly min: number; readonly max: number };
  /** Usual upper scale in classes (standards.md "typical scales"), beyond which a warning is shown. */
  readonly typicalMaxClasses: number;
  /** Pupils per class used for a new project's default seats (the standard class size, standards.md). */
  readonly standardClassSize: number;
  /** Classes of a new project placed on the map, before the planner edits it (a common scale). */
  readonly defaultClasses: number;
  /** Which plan category (2022 工作要点 item) the kind counts towards. */
  readonly planCategory: 'preschool' | 'compulsory' | 'highSchool' | 'vocational' | 'special';
}

export const KIND_INFO: Readonly<Record<ProjectKind, KindInfo>> = {
  kindergarten: {
    classSize: { min: 25, max: 35 },
    typicalMaxClasses: 12,
    standardClassSize: 30,
    defaultClasses: 9,
    planCategory: 'preschool',
  },
  primary: {
    classSize: { min: 30, max: 45 },
    typicalMaxClasses: 36,
    standardClassSize: 45,
    defaultClasses: 24,
    planCategory: 'compulsory',
  },
  junior: {
    classSize: { min: 45, max: 50 },
    typicalMaxClasses: 36,
    standardClassSize: 50,
    defaultClasses: 24,
    planCategory: 'compulsory',
  },
  nineYear: {
    classSize: { min: 45, max: 50 },
    typicalMaxClasses: 45,
    standardClassSize: 45,
    defaultClasses: 36,
    planCategory: 'compulsory',
  },
  high: {
    classSize: { min: 45, max: 55 },
    typicalMaxClasses: 60,
    standardClassSize: 50,
    defaultClasses: 36,
    planCategory: 'highSchool',
  },
  vocational: {
    classSize: { min: 40, max: 50 },
    typicalMaxClasses: 60,
    standardClassSize: 50,
    defaultClasses: 36,
    planCategory: 'vocational',
  },
  special: {
    classSize: { min: 6, max: 14 },
    typicalMaxClasses: 36,
    standardClassSize: 10,
    defaultClasses: 9,
    planCategory: 'special',
  },
};

/** Where each kind's standard class size comes from (standards.md), shown with the value. */
export interface ClassSizeSource {
  readonly zh: string;
  readonly en: string;
  readonly confidence: 'high' | 'unverified';
}

/**
 * The one source of each kind's standard class size: KIND_INFO.standardClassSize, the analysis's class
 * sizes per stage and the illustrative scenario's seats all read this value.
 */
export const CLASS_SIZE_SOURCES: Readonly<Record<ProjectKind, ClassSizeSource>> = {
  kindergarten: {
    zh: '《幼儿园工作规程》2016 第 11 条：混合班 30 人',
    en: 'Kindergarten rules 2016, art. 11: mixed class 30',
    confidence: 'high',
  },
  primary: { zh: 'GB 50099-2011 §3.0.1：小学 45 人', en: 'GB 50099-2011 §3.0.1: primary 45', confidence: 'high' },
  junior: { zh: 'GB 50099-2011 §3.0.1：中学 50 人', en: 'GB 50099-2011 §3.0.1: secondary 50', confidence: 'high' },
  nineYear: {
    zh: 'GB 50099-2011 §3.0.1：小学 45 人、中学 50 人（九年一贯制按小学段 45 人计）',
    en: 'GB 50099-2011 §3.0.1: primary 45, secondary 50 (nine-year schools counted at the primary 45)',
    confidence: 'high',
  },
  high: { zh: 'GB 50099-2011 §3.0.1：中学 50 人', en: 'GB 50099-2011 §3.0.1: secondary 50', confidence: 'high' },
  vocational: {
    zh: '按中学 50 人计（GB 50099-2011 §3.0.1）；中职班额的专门国家标准未核实',
    en: 'Counted as secondary, 50 (GB 50099-2011 §3.0.1); a national class size specific to vocational schools is unverified',
    confidence: 'unverified',
  },
  special: {
    zh: '特殊教育学校班额约 8–14 人（盲、聋、培智不同），取 10 人（未核实）',
    en: 'Special schools: about 8–14 per class (differs for blind, deaf and intellectual disability); 10 used (unverified)',
    confidence: 'unverified',
  },
};

export const isProjectKind = (v: unknown): v is ProjectKind => (PROJECT_KINDS as readonly unknown[]).includes(v);
export const isProjectAction = (v: unknown): v is ProjectAction => (PROJECT_ACTIONS as readonly unknown[]).includes(v);
export const isProjectStatus = (v: unknown): v is ProjectStatus => (PROJECT_STATUSES as readonly unknown[]).includes(v);
