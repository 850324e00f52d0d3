import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readJson } from '../../../tests/helpers/reference';
import { parsePlanTargets } from './targets';

// The plan text is part of the repository (seeds/, with its provenance in seeds/README.md).
const planText = (): string =>
  readFileSync(join(import.meta.dirname, '..', '..', '..', 'seeds', '2022-quanzhou-education-work-plan.txt'), 'utf8');

describe('plan targets (seeds/plan-targets.json)', () => {
  const parsed = parsePlanTargets(readJson('seeds/plan-targets.json'));

  it('parses', () => {
    expect(parsed.ok).toBe(true);
  });

  it('carries the headline construction numbers of items 10, 11, 12, 15 and 20', () => {
    if (!parsed.ok) throw new Error(parsed.error);
    const v = (id: string): number | undefined => parsed.value.targets.find((t) => t.id === id)?.value;
    expect([v('kg-projects'), v('kg-seats'), v('compulsory-projects'), v('compulsory-seats')]).toEqual([
      33, 12000, 51, 27000,
    ]);
    expect([v('high-projects'), v('high-seats'), v('vocational-projects'), v('vocational-seats')]).toEqual([
      4, 4000, 2, 2000,
    ]);
    expect([v('central-district-projects'), v('kg-public-rate'), v('kg-inclusive-rate')]).toEqual([43, 50, 90]);
    expect(parsed.value.targets.find((t) => t.id === 'special-ed-rule')?.populationThreshold).toBe(200000);
  });

  it('quotes the plan verbatim, so each target can be traced to its item', () => {
    if (!parsed.ok) throw new Error(parsed.error);
    const text = planText();
    const missing = parsed.value.targets.filter((t) => !text.includes(t.quote)).map((t) => t.id);
    expect(missing).toEqual([]);
    for (const t of parsed.value.targets) {
      const itemStart = text.indexOf(`${t.item}.`);
      const nextItem = text.indexOf(`${t.item + 1}.`, itemStart + 1);
      const at = text.indexOf(t.quote);
      expect(at > itemStart && (nextItem < 0 || at < nextItem), `${t.id} is in item ${t.item}`).toBe(true);
    }
  });

  it('rejects malformed targets with a message saying where and what was expected', () => {
    const source = { title: 't', titleEn: 't', publisher: 'p', published: '2022' };
    const r = parsePlanTargets({ source, targets: [{ id: 'x', item: 99 }] });
    expect(r.ok ? '' : r.error).toBe('plan targets.targets[0].item: a whole number 1–32');
    expect(parsePlanTargets({ source: {}, targets: [] })).toEqual({
      ok: false,
      error: 'plan targets.source.title: a string',
    });
    if (!parsed.ok) throw new Error(parsed.error);
    const twice = { ...parsed.value, targets: [...parsed.value.targets, parsed.value.targets[0]] };
    expect(parsePlanTargets(twice)).toEqual({ ok: false, error: 'plan target kg-projects: duplicate id' });
  });
});
