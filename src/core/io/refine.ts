/**
 * Checks a header-based field mapping against the values under each column. A header alone is weak
 * evidence: DataV's `level` ("district"), a CSV's numeric `type` or a KML's `type` match the kind aliases
 * without holding school kinds, and a `NAME` column may be empty while `FCNAME` holds the names.
 */
import { normaliseHeader, type FieldMapping, type MappedField } from './fields';
import type { CellValue, RawTable } from './types';
import { isBlank, parseKind } from './values';

/** Why the mapping differs from what the headers alone suggested; shown in the dialog and the CLI. */
export type MappingNote =
  /** the column named like a kind holds no kinds: left unmapped (examples of its values given) */
  | { readonly code: 'kindRejected'; readonly column: string; readonly examples: string }
  /** a column not named like a kind holds kinds: mapped */
  | { readonly code: 'kindFound'; readonly column: string }
  /** the column named like a name is (mostly) empty: the names come from another column */
  | { readonly code: 'nameFromOther'; readonly column: string; readonly instead: string | null };

/** Share of a column's non-blank values that must read as kinds for it to count as the kind column. */
const KIND_SHARE = 0.5;
/** Rows looked at (a sample is enough to judge a column). */
const SAMPLE = 500;

const column = (table: RawTable, i: number): CellValue[] =>
  table.records.slice(0, SAMPLE).map((r) => r.values[i] ?? null);

function kindShare(values: readonly CellValue[]): { share: number; nonBlank: number } {
  const filled = values.filter((v) => !isBlank(v));
  if (filled.length === 0) return { share: 0, nonBlank: 0 };
  return { share: filled.filter((v) => parseKind(v) !== null).length / filled.length, nonBlank: filled.length };
}

/** A few distinct values of a column, quoted for a message. */
function examples(values: readonly CellValue[]): string {
  const seen = [...new Set(values.filter((v) => !isBlank(v)).map((v) => String(v).trim()))].slice(0, 3);
  return seen.map((v) => (v.length > 16 ? `${v.slice(0, 16)}…` : v)).join(', ');
}

const filledShare = (values: readonly CellValue[]): number =>
  values.length === 0 ? 0 : values.filter((v) => !isBlank(v) && typeof v === 'string').length / values.length;

/** Headers that name a name: 名称 / 名 / name / mc … (FCNAME, NAME_CHN, 学校名称 …). */
const NAME_LIKE = /name|名称|名|^mc$|xxmc/;

export function refineMapping(table: RawTable, mapping: FieldMapping): { mapping: FieldMapping; notes: MappingNote[] } {
  const out: Record<MappedField, number | null> = { ...mapping };
  const notes: MappingNote[] = [];
  const used = (i: number): boolean => Object.values(out).includes(i);
  const name = (i: number): string => table.columns[i] ?? `#${i + 1}`;

  // kind: the column must hold kinds; otherwise another column that does, if one exists
  if (out.kind !== null) {
    const values = column(table, out.kind);
    const { share, nonBlank } = kindShare(values);
    if (nonBlank > 0 && share < KIND_SHARE) {
      notes.push({ code: 'kindRejected', column: name(out.kind), examples: examples(values) });
      out.kind = null;
    }
  }
  if (out.kind === null) {
    let best: { i: number; share: number } | null = null;
    for (let i = 0; i < table.columns.length; i++) {
      if (used(i)) continue;
      const { share, nonBlank } = kindShare(column(table, i));
      if (nonBlank > 0 && share >= 0.8 && (!best || share > best.share)) best = { i, share };
    }
    if (best) {
      out.kind = best.i;
      notes.push({ code: 'kindFound', column: name(best.i) });
    }
  }

  // name: the column with names in it
  const current = out.name;
  const currentShare = current === null ? 0 : filledShare(column(table, current));
  if (currentShare < 0.5) {
    let best: { i: number; share: number } | null = null;
    for (let i = 0; i < table.columns.length; i++) {
      if (i === current || used(i) || !NAME_LIKE.test(normaliseHeader(table.columns[i] ?? ''))) continue;
      const share = filledShare(column(table, i));
      if (share > Math.max(currentShare, 0.5) && (!best || share > best.share)) best = { i, share };
    }
    if (best) {
      notes.push({ code: 'nameFromOther', column: name(best.i), instead: current === null ? null : name(current) });
      out.name = best.i;
    }
  }
  return { mapping: out, notes };
}
