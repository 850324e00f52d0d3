/**
 * XLSX read with read-excel-file (maintained, no known advisories; it parses the XML with a SAX
 * parser and no DOM, so it runs in a worker) and written with write-excel-file, its companion.
 * The zip is checked by our bounded reader before either library sees it.
 */
import readXlsxFile from 'read-excel-file/universal';
import writeXlsxFile from 'write-excel-file/universal';
import { err, type Result } from '../result';
import { escapeFormula } from './csv';
import { detectMapping, findHeaderRow } from './fields';
import { tableFromRows } from './tabular';
import type { CellValue, IoError, RawTable } from './types';
import { listZip } from './zip';

const toCell = (v: unknown): CellValue => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  return null;
};

export async function readXlsx(bytes: Uint8Array): Promise<Result<RawTable, IoError>> {
  const entries = listZip(bytes);
  if (!entries.ok) return err({ code: entries.error });
  if (!entries.value.some((e) => e.name.startsWith('xl/')))
    return err({ code: 'xlsxInvalid', params: { detail: 'not a workbook' } });
  let sheets;
  try {
    const copy = bytes.slice().buffer;
    sheets = await readXlsxFile(copy);
  } catch (e) {
    return err({ code: 'xlsxInvalid', params: { detail: e instanceof Error ? e.message.slice(0, 80) : 'parse' } });
  }
  // a workbook often starts with a 说明 (notes) sheet: take the sheet whose header names the most fields
  let best: { rows: CellValue[][]; name: string; score: number } | null = null;
  for (const sh of sheets) {
    const rows = sh.data.map((r) => r.map(toCell));
    if (!rows.some((r) => r.some((v) => v !== null && v !== ''))) continue;
    const text = rows.map((r) => r.map((v) => (v === null ? '' : String(v))));
    const mapping = detectMapping(text[findHeaderRow(text)] ?? []);
    const score = Object.values(mapping).filter((v) => v !== null).length;
    if (!best || score > best.score) best = { rows, name: sh.sheet, score };
  }
  if (!best) return err({ code: 'noRecords' });
  return tableFromRows(best.rows, 'xlsx', { sheet: best.name });
}

export interface SheetDoc {
  readonly name: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly CellValue[])[];
}

/** An XLSX workbook of one or more sheets; text cells guarded against formula injection, numbers kept as numbers. */
export async function writeXlsx(sheets: readonly SheetDoc[]): Promise<Uint8Array> {
  const data = sheets.map((s) => [
    s.header.map((h) => ({ value: escapeFormula(h), fontWeight: 'bold' as const })),
    ...s.rows.map((r) =>
      r.map((v) =>
        v === null
          ? null
          : typeof v === 'string'
            ? { value: escapeFormula(v), type: String }
            : typeof v === 'number'
              ? { value: v, type: Number }
              : { value: v, type: Boolean },
      ),
    ),
  ]);
  const blob = await writeXlsxFile(
    data.map((d, i) => ({ data: d, sheet: sheets[i]?.name.slice(0, 31) ?? `Sheet${i + 1}` })),
  ).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
