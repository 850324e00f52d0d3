/** Spreadsheet rows (CSV, XLSX) to a raw table: header row found, unsafe names and formula cells reported. */
import { err, ok, type Result } from '../result';
import { FORMULA_START } from './csv';
import { findHeaderRow } from './fields';
import {
  MAX_COLUMNS,
  MAX_RECORDS,
  type CellValue,
  type FormatId,
  type IoError,
  type RawRecord,
  type RawTable,
  type RowProblem,
} from './types';

/** Names that would reach an object's prototype if a careless consumer used them as keys. */
export const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Column names for the dialog: blank headers become "#3", unsafe ones are renamed and reported. */
export function safeColumns(raw: readonly CellValue[], problems: RowProblem[], row: number): string[] {
  return raw.slice(0, MAX_COLUMNS).map((h, i) => {
    const name = h === null ? '' : String(h).trim();
    if (UNSAFE_KEYS.has(name)) {
      problems.push({ row, code: 'unsafeKey', severity: 'warning', field: `#${i + 1}`, params: { key: name } });
      return `#${i + 1}`;
    }
    return name === '' ? `#${i + 1}` : name;
  });
}

/** A text cell a spreadsheet would run as a formula ("=cmd|' /C calc'!A0"): read as text, reported once per row. */
export function formulaProblem(
  values: readonly CellValue[],
  columns: readonly string[],
  row: number,
): RowProblem | null {
  const i = values.findIndex((v) => typeof v === 'string' && FORMULA_START.test(v) && /^[=@]|^[+-]\D/.test(v));
  if (i < 0) return null;
  const v = String(values[i]);
  return {
    row,
    code: 'formulaCell',
    severity: 'warning',
    field: columns[i] ?? `#${i + 1}`,
    params: { value: v.length > 24 ? `${v.slice(0, 24)}…` : v },
  };
}

export function tableFromRows(
  rows: readonly (readonly CellValue[])[],
  format: FormatId,
  extra: { encoding?: string; sheet?: string } = {},
): Result<RawTable, IoError> {
  if (rows.length === 0) return err({ code: 'noRecords' });
  if (rows.length > MAX_RECORDS + 20) return err({ code: 'tooManyRecords', params: { max: MAX_RECORDS } });
  const headerIndex = findHeaderRow(rows.map((r) => r.map((v) => (v === null ? '' : String(v)))));
  const problems: RowProblem[] = [];
  const header = rows[headerIndex] ?? [];
  if (header.every((h) => h === null || String(h).trim() === '')) return err({ code: 'noHeader' });
  // rows wider than their header keep their cells: the extra ones get columns of their own (#7, #8 …)
  let width = header.length;
  for (let r = headerIndex + 1; r < rows.length; r++) width = Math.max(width, rows[r]?.length ?? 0);
  const padded: CellValue[] = [
    ...header,
    ...Array.from({ length: Math.min(width, MAX_COLUMNS) - header.length }, () => null),
  ];
  const columns = safeColumns(padded, problems, headerIndex + 1);
  const records: RawRecord[] = [];
  for (let r = headerIndex + 1; r < rows.length; r++) {
    const src = rows[r] ?? [];
    if (src.every((v) => v === null || (typeof v === 'string' && v.trim() === ''))) continue;
    // a leading apostrophe is how our exports (and Excel) keep a formula-like text as text
    const values = columns.map((_, i) => {
      const v = src[i] ?? null;
      return typeof v === 'string' && /^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v;
    });
    const f = formulaProblem(values, columns, r + 1);
    if (f) problems.push(f);
    records.push({ n: r + 1, values, geometry: null });
  }
  if (records.length === 0) return err({ code: 'noRecords' });
  return ok({
    format,
    unit: 'row',
    columns,
    records,
    problems,
    declaredCrs: null,
    ...(extra.encoding ? { encoding: extra.encoding } : {}),
    ...(extra.sheet ? { sheet: extra.sheet } : {}),
  });
}
