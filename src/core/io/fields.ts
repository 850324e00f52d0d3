/** Which column holds which project field: header aliases in Chinese and English. */
import { halfWidth } from './text';

export const MAPPED_FIELDS = [
  'name',
  'lon',
  'lat',
  'kind',
  'action',
  'status',
  'year',
  'seats',
  'classes',
  'county',
  'township',
  'ownership',
  'investment',
  'landArea',
  'central',
  'notes',
  'population',
  'enrolled',
] as const;
export type MappedField = (typeof MAPPED_FIELDS)[number];

/** The fields the import dialog lists first; the others follow in detection order. */
const LISTED_FIRST = ['name', 'kind', 'lon', 'lat', 'seats', 'classes', 'year', 'status'] as const;
const NOT_PROJECT: readonly MappedField[] = ['population', 'enrolled'];
/** A project's fields in the order the import dialog lists them. */
const PROJECT_FIELDS: readonly MappedField[] = [
  ...LISTED_FIRST,
  ...MAPPED_FIELDS.filter((f) => !(LISTED_FIRST as readonly MappedField[]).includes(f) && !NOT_PROJECT.includes(f)),
];

/**
 * The fields an import offers to map, by what the file becomes: projects; existing schools (which also
 * carry their enrolment, 在园幼儿数 / 在校生数, for the kindergarten rates); a population grid.
 */
export function fieldsFor(target: 'projects' | 'existing' | 'population'): readonly MappedField[] {
  if (target === 'population') return ['population', 'lon', 'lat'];
  return target === 'existing' ? [...PROJECT_FIELDS, 'enrolled'] : PROJECT_FIELDS;
}

/** Column index per field, or null when no column holds it. */
export type FieldMapping = Readonly<Record<MappedField, number | null>>;

/** Normalised aliases: exact matches first, then "contains" for the longer Chinese ones. */
const ALIASES: Readonly<Record<MappedField, readonly string[]>> = {
  name: [
    '名称',
    '项目名称',
    '学校名称',
    '学校',
    '项目',
    '校名',
    '园名',
    'name',
    'school',
    'project',
    'title',
    'mc',
    'xxmc',
  ],
  lon: [
    '经度',
    '东经',
    'lon',
    'lng',
    'long',
    'longitude',
    'x',
    'x坐标',
    '坐标x',
    'jd',
    'gcj02经度',
    'bd09经度',
    'point_x',
  ],
  lat: ['纬度', '北纬', 'lat', 'latitude', 'y', 'y坐标', '坐标y', 'wd', 'gcj02纬度', 'bd09纬度', 'point_y'],
  kind: [
    '类型',
    '学段',
    '学校类型',
    '类别',
    '项目类型',
    '学校类别',
    '办学层次',
    'kind',
    'type',
    'level',
    'category',
    'lx',
    'xxlx',
    'xd',
  ],
  action: ['建设性质', 'works', '建设类型', '建设方式', '性质', 'action', 'construction'],
  status: ['状态', '进度', '建设状态', '项目状态', '建设进度', 'status', 'progress'],
  year: ['年份', '年度', '计划年份', '建成年份', '竣工年份', '完成年份', '计划年度', '建设年度', 'year', 'nf', 'nd'],
  seats: [
    '学位',
    'newseats',
    '学位数',
    '新增学位',
    '新增学位数',
    '学位数量',
    '容量',
    'seats',
    'capacity',
    'places',
    'xw',
    'xws',
  ],
  classes: ['班级', 'newclasses', '班级数', '班数', '新增班级', '新增班级数', '班额', 'classes', 'class', 'bjs', 'bj'],
  county: [
    '区县',
    '县区',
    '县市区',
    '县(市、区)',
    '县（市、区）',
    '所在区县',
    '行政区',
    '区',
    '县',
    'county',
    'district',
    'qx',
    'xq',
  ],
  township: [
    '乡镇',
    '街道',
    '乡镇/街道',
    '乡镇街道',
    '镇街',
    '所在乡镇',
    'township',
    'town',
    'street',
    'xz',
    'jd_name',
  ],
  ownership: ['办学性质', '办园性质', '办园', '举办者', '公办/民办', '举办性质', 'ownership', 'owner'],
  investment: ['投资', '总投资', '投资额', '计划投资', '总投资额', '投资(万元)', 'investment', 'budget'],
  landArea: ['用地面积', '占地面积', '用地', '面积', 'landarea', 'land area', 'area', 'site area'],
  central: ['中心市区', '中心市区项目', '中心区', 'centraldistrictproject', '中心城区', 'central', 'centraldistrict'],
  notes: ['备注', '说明', '描述', 'notes', 'note', 'remark', 'remarks', 'description'],
  population: ['人口', '常住人口', '人口数', 'population', 'pop', 'value', 'count', 'total'],
  enrolled: [
    '在园幼儿数',
    '在园幼儿',
    '在园人数',
    '在园儿童数',
    '幼儿数',
    '在校生数',
    '在校学生数',
    '在校生',
    '学生数',
    '在读人数',
    'enrolled',
    'enrolment',
    'enrollment',
    'students',
    'pupils',
  ],
};

/** Lower case, half width, without spaces, and without a trailing unit in brackets: "总投资（万元）" → "总投资". */
export function normaliseHeader(h: string): string {
  return halfWidth(h)
    .toLowerCase()
    .replace(/[（(][^）)]*[）)]\s*$/, '')
    .replace(/[\s_\-:：*]/g, '')
    .trim();
}

const NORMALISED = Object.fromEntries(
  (Object.keys(ALIASES) as MappedField[]).map((f) => [f, ALIASES[f].map(normaliseHeader)]),
) as Record<MappedField, string[]>;

export const emptyMapping = (): Record<MappedField, number | null> =>
  Object.fromEntries(MAPPED_FIELDS.map((f) => [f, null])) as Record<MappedField, number | null>;

/** Maps columns to fields: exact aliases win; then headers containing a Chinese alias of ≥ 2 characters. */
export function detectMapping(columns: readonly string[]): FieldMapping {
  const mapping = emptyMapping();
  const used = new Set<number>();
  const norm = columns.map(normaliseHeader);
  // exact aliases, the field's first alias first: a 备注 column beats a description column for notes
  for (const f of MAPPED_FIELDS) {
    for (const alias of NORMALISED[f]) {
      const i = norm.findIndex((h, idx) => !used.has(idx) && h === alias);
      if (i < 0) continue;
      mapping[f] = i;
      used.add(i);
      break;
    }
  }
  for (const f of MAPPED_FIELDS) {
    if (mapping[f] !== null) continue;
    const i = norm.findIndex(
      (h, idx) =>
        !used.has(idx) && NORMALISED[f].some((a) => a.length >= 2 && /[^\u0020-\u007e]/.test(a) && h.includes(a)),
    );
    if (i >= 0) {
      mapping[f] = i;
      used.add(i);
    }
  }
  return mapping;
}

/** Where the header row is: the first of the first 20 rows naming at least two known fields (titles above it are skipped). */
export function findHeaderRow(rows: readonly (readonly string[])[]): number {
  for (let r = 0; r < Math.min(rows.length, 20); r++) {
    const m = detectMapping(rows[r] ?? []);
    if (MAPPED_FIELDS.filter((f) => m[f] !== null).length >= 2) return r;
  }
  return 0;
}
