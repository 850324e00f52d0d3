/** The demand table as CSV (UTF-8 with BOM so Excel opens Chinese correctly), text cells guarded against formula injection. */
import { csvCell } from '../io/csv';
import type { DemandRow } from './demand';
import { STAGES, type Stage } from './params';

/** A text cell that a spreadsheet would run as a formula gets a leading apostrophe; quotes are doubled. */
export const csvText = (v: string): string => csvCell(v);

const num = (v: number | null, digits = 0): string => (v === null || !Number.isFinite(v) ? '' : v.toFixed(digits));

export interface DemandCsvLabels {
  readonly name: (row: DemandRow) => string;
  readonly stage: (stage: Stage) => string;
  readonly headers: {
    readonly unit: string;
    readonly population: string;
    readonly demand: string;
    readonly existing: string;
    readonly planned: string;
    readonly supply: string;
    readonly gap: string;
    readonly pct: string;
    readonly classes: string;
  };
}

export function demandCsv(rows: readonly DemandRow[], labels: DemandCsvLabels): string {
  const h = labels.headers;
  const head = [h.unit, h.population];
  for (const s of STAGES) {
    const st = labels.stage(s);
    head.push(...[h.demand, h.existing, h.planned, h.supply, h.gap, h.pct, h.classes].map((c) => `${st} ${c}`));
  }
  const lines = [head.map(csvText).join(',')];
  for (const r of rows) {
    const cells = [csvText(labels.name(r)), num(r.population)];
    for (const s of STAGES) {
      const f = r.stages[s];
      cells.push(
        num(f.demand),
        num(f.existing),
        num(f.planned),
        num(f.supply),
        num(f.gap),
        num(f.pct, 1),
        num(f.classes),
      );
    }
    lines.push(cells.join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
