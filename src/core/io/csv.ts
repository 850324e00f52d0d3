/** RFC 4180 CSV: parse (delimiter sniffed: comma, semicolon, tab) and write with formula-injection escaping. */
import type { CellValue } from './types';

/** The delimiter used most consistently in the first lines, outside quotes. */
export function sniffDelimiter(text: string): ',' | ';' | '\t' {
  const lines = text.split(/\r\n|\n|\r/, 10).filter((l) => l.trim() !== '');
  let best: ',' | ';' | '\t' = ',';
  let bestScore = -1;
  for (const d of [',', ';', '\t'] as const) {
    const counts = lines.map((l) => l.replace(/"[^"]*"/g, '').split(d).length - 1);
    const first = counts[0] ?? 0;
    const score = first > 0 && counts.every((c) => c === first) ? first * 10 : Math.min(...counts);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Parses CSV text into rows of strings. Quoted fields may hold delimiters, quotes ("") and newlines.
 * `limit` stops early (returning what was read and `truncated`), so a huge file cannot exhaust memory.
 */
export function parseCsv(
  text: string,
  options: { delimiter?: string; limit?: number; onProgress?: (fraction: number) => void } = {},
): { rows: string[][]; truncated: boolean; unterminatedQuote: boolean } {
  const d = options.delimiter ?? sniffDelimiter(text);
  const limit = options.limit ?? Infinity;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const n = text.length;
  let nextReport = 1 << 20;
  while (i < n) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      const end = text.indexOf('"', i);
      const stop = end === -1 ? n : end;
      field += text.slice(i, stop);
      i = stop;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === d) {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\n' || c === '\r') {
      row.push(field);
      field = '';
      rows.push(row);
      row = [];
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      if (rows.length >= limit) return { rows, truncated: i < n, unterminatedQuote: false };
      if (i > nextReport) {
        options.onProgress?.(i / n);
        nextReport += 1 << 20;
      }
    } else {
      field += c ?? '';
      i++;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return { rows: rows.filter((r) => r.some((v) => v.trim() !== '')), truncated: false, unterminatedQuote: quoted };
}

/** A spreadsheet would run a cell starting with = + - @ (or a tab/CR) as a formula: prefix an apostrophe. */
export const FORMULA_START = /^[=+\-@\t\r]/;

export function escapeFormula(v: string): string {
  return FORMULA_START.test(v) ? `'${v}` : v;
}

/** One CSV cell: numbers as they are, text guarded against formula injection and quoted when needed. */
export function csvCell(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  const safe = escapeFormula(v);
  return /[",\r\n]/.test(safe) || safe !== v ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV text with a UTF-8 BOM (so Excel opens Chinese correctly) and CRLF line ends. */
export function writeCsv(header: readonly string[], rows: readonly (readonly CellValue[])[]): string {
  const lines = [header.map(csvCell).join(','), ...rows.map((r) => r.map(csvCell).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
