import { describe, expect, it } from 'vitest';
import { loadSeed } from '../../../tests/helpers/scenarioFixture';
import { PROJECT_KINDS } from '../model/kinds';
import { cumulativeSeats, projectsByYear } from './phasing';

const seed = loadSeed().features;

describe('phasing', () => {
  it('shows the projects completed by a year', () => {
    expect(projectsByYear(seed, null)).toBe(seed);
    const by2022 = projectsByYear(seed, 2022);
    expect(by2022.length).toBeGreaterThan(0);
    expect(by2022.every((p) => p.properties.year <= 2022)).toBe(true);
    expect(by2022.length).toBe(seed.filter((p) => p.properties.year <= 2022).length);
    expect(projectsByYear(seed, 2035)).toHaveLength(seed.length);
  });

  it('accumulates seats by completion year, per kind and in total', () => {
    const fixture = seed.slice(0, 3).map((p, i) => ({
      ...p,
      properties: {
        ...p.properties,
        kind: 'primary' as const,
        seats: 100 * (i + 1),
        year: [2021, 2024, 2024][i] ?? 2024,
      },
    }));
    const c = cumulativeSeats(fixture, 2022, 2026);
    expect(c.years).toEqual([2022, 2023, 2024, 2025, 2026]);
    // the 2021 project counts from the first year
    expect(c.byKind.primary).toEqual([100, 100, 600, 600, 600]);
    expect(c.total).toEqual([100, 100, 600, 600, 600]);
    expect(c.byKind.kindergarten).toEqual([0, 0, 0, 0, 0]);
  });

  it('ends the shipped scenario at its total seats', () => {
    const c = cumulativeSeats(seed);
    expect(c.years[0]).toBe(2022);
    expect(c.years.at(-1)).toBe(2035);
    expect(c.total.at(-1)).toBe(seed.reduce((s, p) => s + p.properties.seats, 0));
    for (const k of PROJECT_KINDS) {
      const row = c.byKind[k];
      expect(row.every((v, i) => i === 0 || v >= (row[i - 1] ?? 0))).toBe(true);
    }
  });
});
