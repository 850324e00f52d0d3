import { describe, expect, it } from 'vitest';
import { loadSeed } from '../../../tests/helpers/scenarioFixture';
import type { RawTable, RowProblem } from './types';
import { reviewImport } from './review';

const seed = loadSeed();
const table = (rows: number[], problems: RowProblem[] = []): RawTable => ({
  format: 'csv',
  unit: 'row',
  columns: ['名称'],
  records: rows.map((n) => ({ n, values: ['x'], geometry: null })),
  problems,
  declaredCrs: null,
});
const problem = (row: number, severity: 'error' | 'warning'): RowProblem => ({ row, code: 'badNumber', severity });

describe('the review of an import', () => {
  it('lists problems by row with errors first, counts rows with errors once, and may confirm what is kept', () => {
    const problems = [problem(5, 'warning'), problem(3, 'error'), problem(5, 'error'), problem(3, 'error')];
    const interpretation = {
      ok: true as const,
      value: { rows: [], problems, points: [{ row: 2, lon: 118.6, lat: 24.9, ok: true }] },
    };
    const r = reviewImport({
      table: table([2, 3, 4, 5, 5]),
      interpretation,
      projects: seed.features.slice(0, 2),
      population: false,
      populationMapped: false,
      ready: true,
    });
    expect(r.problems.map((p) => `${p.row}${p.severity[0] ?? ''}`)).toEqual(['3e', '3e', '5e', '5w']);
    expect([r.errorRows, r.warnings, r.total, r.count]).toEqual([2, 1, 4, 2]);
    expect(r.points).toEqual([{ row: 2, lon: 118.6, lat: 24.9, ok: true }]);
    expect(r.canConfirm).toBe(true);
    // nothing kept, still reading, or a fatal interpretation: no confirming
    const base = { table: table([2]), interpretation, population: false, populationMapped: false };
    expect(reviewImport({ ...base, projects: [], ready: true }).canConfirm).toBe(false);
    expect(reviewImport({ ...base, projects: seed.features, ready: false }).canConfirm).toBe(false);
    const fatal = { ok: false as const, error: { code: 'noRecords' as const } };
    expect(reviewImport({ ...base, interpretation: fatal, projects: seed.features, ready: true }).canConfirm).toBe(
      false,
    );
  });

  it('a population grid needs its population column; our own export previews its projects', () => {
    const grid = { table: table([2]), interpretation: null, projects: [], population: true, ready: true };
    expect(reviewImport({ ...grid, populationMapped: false }).canConfirm).toBe(false);
    expect(reviewImport({ ...grid, populationMapped: true })).toMatchObject({ canConfirm: true, count: 0 });
    const own = { ...table([]), scenario: seed };
    const r = reviewImport({
      table: own,
      interpretation: null,
      projects: seed.features,
      population: false,
      populationMapped: false,
      ready: true,
    });
    expect(r.points).toHaveLength(seed.features.length);
    expect(r.points[0]).toEqual({
      row: 1,
      lon: seed.features[0]?.geometry.coordinates[0],
      lat: seed.features[0]?.geometry.coordinates[1],
      ok: true,
    });
    expect(r.sites).toHaveLength(seed.features.filter((p) => p.properties.site).length);
  });
});
