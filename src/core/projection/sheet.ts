/**
 * The projection as a table for CSV and XLSX: one row per unit, stage and measure (demand, seats, gap),
 * one column per year; and the assumptions it rests on as rows of their own, so a file handed on
 * carries them.
 */
import { csvCell } from '../io/csv';
import type { CellValue } from '../io/types';
import type { Projection } from './project';
import { PROJECTION_STAGES, type ProjectionStage } from './types';

export interface ProjectionSheetLabels {
  readonly unit: (id: string) => string;
  readonly stage: (s: ProjectionStage) => string;
  readonly headers: { readonly unit: string; readonly stage: string; readonly measure: string };
  readonly measures: { readonly demand: string; readonly seats: string; readonly gap: string };
  /** The assumptions, one line each (variant, births, calibration, supply). */
  readonly notes: readonly string[];
}

export interface ProjectionSheet {
  readonly header: readonly string[];
  readonly rows: readonly (readonly CellValue[])[];
}

export function projectionSheet(
  p: Projection,
  labels: ProjectionSheetLabels,
  stages: readonly ProjectionStage[] = PROJECTION_STAGES,
): ProjectionSheet {
  const header = [labels.headers.unit, labels.headers.stage, labels.headers.measure, ...p.years.map(String)];
  const rows: CellValue[][] = [];
  for (const u of p.units)
    for (const s of stages) {
      const x = u.stages[s];
      const base = [labels.unit(u.id), labels.stage(s)];
      rows.push([...base, labels.measures.demand, ...x.demand.map((v) => Math.round(v))]);
      rows.push([...base, labels.measures.seats, ...x.seats.map((v) => Math.round(v))]);
      rows.push([...base, labels.measures.gap, ...x.demand.map((v, i) => Math.round(v - (x.seats[i] ?? 0)))]);
    }
  rows.push([]);
  for (const n of labels.notes) rows.push([n]);
  return { header, rows };
}

/** UTF-8 with BOM (Excel opens Chinese), formula-guarded text. */
export function projectionCsv(sheet: ProjectionSheet): string {
  const cell = (v: CellValue): string => (v === null ? '' : typeof v === 'number' ? String(v) : csvCell(String(v)));
  const lines = [sheet.header.map(cell).join(','), ...sheet.rows.map((r) => r.map(cell).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
