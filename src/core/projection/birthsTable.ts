/**
 * A planner's own demography table (CSV/XLSX through the import dialog): births by county and year
 * (区县, 年份, 出生人口), or population by single year of age (区县, 年份, 年龄, 人口). Headers in Chinese or
 * English; counties by name (鲤城区 / 鲤城 / Licheng) or adcode. Every bad row is a row problem, as in the
 * other imports; the good rows are kept.
 */
import type { CountyProperties } from '../geodata/reference';
import { halfWidth } from '../io/text';
import type { CellValue, RawTable, RowProblem } from '../io/types';
import { isBlank, parseNumber } from '../io/values';
import type { ImportedDemography } from './project';
import { FIRST_BIRTH_YEAR, LAST_BIRTH_YEAR } from './project';
import { MAX_AGE } from './types';

type Column = 'county' | 'year' | 'births' | 'age' | 'population';

const HEADERS: Readonly<Record<Column, readonly string[]>> = {
  county: [
    '区县',
    '县区',
    '县(市、区)',
    '县（市、区）',
    '县市区',
    '地区',
    '行政区',
    '行政区划代码',
    'adcode',
    'county',
    'district',
  ],
  year: ['年份', '年度', '年', 'year'],
  births: ['出生人口', '出生人数', '出生数', '出生', 'births', 'born'],
  age: ['年龄', '岁', '单岁年龄', 'age'],
  population: ['人口', '人数', '人口数', '常住人口', 'population', 'persons'],
};

const norm = (s: string): string => halfWidth(s).trim().toLowerCase().replace(/\s+/g, '');

/** Which column holds each field, by header (first match). */
export function demographyColumns(columns: readonly string[]): Partial<Record<Column, number>> {
  const out: Partial<Record<Column, number>> = {};
  columns.forEach((c, i) => {
    const h = norm(c).replace(/[（(].*?[)）]$/, (m) => (m.includes('市') ? m : ''));
    for (const [field, names] of Object.entries(HEADERS) as [Column, readonly string[]][])
      if (out[field] === undefined && names.some((n) => norm(n) === h)) out[field] = i;
  });
  return out;
}

/** Whether a table reads as births by county and year, or population by age (for the dialog to suggest it). */
export function looksLikeDemography(table: RawTable): boolean {
  const c = demographyColumns(table.columns);
  return (
    c.county !== undefined &&
    c.year !== undefined &&
    (c.births !== undefined || (c.age !== undefined && c.population !== undefined))
  );
}

/** A county from a cell: its adcode, its name with or without 区/县/市, or its English name. */
export function matchCounty(v: CellValue, counties: readonly CountyProperties[]): CountyProperties | null {
  if (v === null || typeof v === 'boolean') return null;
  const s = norm(String(v));
  if (s === '') return null;
  for (const c of counties) {
    const bare = c.name.replace(/(区|县|市)$/, '');
    const en = norm(c.nameEn).replace(/(district|county|city)$/, '');
    if (s === c.adcode || s === c.name || s === bare || s === norm(c.nameEn) || (en.length > 2 && s === en)) return c;
    // 鲤城区（含开发区）, 惠安县(含台商区)
    if (s.startsWith(c.name) && /^[（(]含/.test(s.slice(c.name.length))) return c;
  }
  return null;
}

export interface DemographyReading {
  readonly kind: 'births' | 'ages';
  readonly data: Omit<ImportedDemography, 'source'>;
  readonly problems: readonly RowProblem[];
  /** Rows kept. */
  readonly count: number;
}

const text = (v: CellValue): string => (v === null ? '' : String(v));

/** Reads the table; null when its headers name neither births nor ages (the dialog says which are needed). */
export function readDemographyTable(table: RawTable, counties: readonly CountyProperties[]): DemographyReading | null {
  const cols = demographyColumns(table.columns);
  if (cols.county === undefined || cols.year === undefined) return null;
  const kind =
    cols.births !== undefined ? 'births' : cols.age !== undefined && cols.population !== undefined ? 'ages' : null;
  if (!kind) return null;
  const valueCol = (kind === 'births' ? cols.births : cols.population) ?? 0;
  const problems: RowProblem[] = [];
  const births: ImportedDemography['births'][number][] = [];
  const ages: ImportedDemography['ages'][number][] = [];
  const seen = new Set<string>();
  const usable = counties.filter((c) => c.pop2021 !== null);
  for (const r of table.records) {
    const cell = (i: number | undefined): CellValue => (i === undefined ? null : (r.values[i] ?? null));
    if ([cols.county, cols.year, valueCol, cols.age].every((i) => i === undefined || isBlank(cell(i)))) continue;
    const bad = (code: RowProblem['code'], field: string, params: Record<string, string | number>): void => {
      problems.push({ row: r.n, code, severity: 'error', field, params });
    };
    const county = matchCounty(cell(cols.county), usable);
    if (!county) {
      bad('unknownCounty', table.columns[cols.county] ?? '', { value: text(cell(cols.county)) });
      continue;
    }
    const year = parseNumber(cell(cols.year));
    const maxYear = kind === 'births' ? LAST_BIRTH_YEAR : 2035;
    if (year === null || !Number.isInteger(year) || year < FIRST_BIRTH_YEAR || year > maxYear) {
      bad('badDemographyYear', table.columns[cols.year] ?? '', {
        value: text(cell(cols.year)),
        min: FIRST_BIRTH_YEAR,
        max: maxYear,
      });
      continue;
    }
    let age = 0;
    if (kind === 'ages') {
      const a = parseNumber(cell(cols.age));
      if (a === null || !Number.isInteger(a) || a < 0 || a > 120) {
        bad('badAge', table.columns[cols.age ?? 0] ?? '', { value: text(cell(cols.age)) });
        continue;
      }
      // older than school age: not needed, not an error
      if (a > MAX_AGE) continue;
      age = a;
    }
    const value = parseNumber(cell(valueCol));
    if (value === null || !Number.isFinite(value) || value < 0) {
      bad('badNumber', table.columns[valueCol] ?? '', { value: text(cell(valueCol)) });
      continue;
    }
    const key = `${county.adcode}|${year}|${age}`;
    if (seen.has(key)) {
      problems.push({
        row: r.n,
        code: 'duplicateDemography',
        severity: 'warning',
        field: table.columns[cols.county] ?? '',
        params: { county: county.name, year },
      });
      continue;
    }
    seen.add(key);
    if (kind === 'births') births.push({ adcode: county.adcode, year, births: value });
    else ages.push({ adcode: county.adcode, year, age, population: value });
  }
  return { kind, data: { births, ages }, problems, count: births.length + ages.length };
}
