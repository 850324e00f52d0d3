import { describe, expect, it } from 'vitest';
import { en, FEATURE_TABLES, zh, type MessageKey } from './messages';
import { formatNumber, translate } from './translate';

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;

describe('messages', () => {
  it('has the same keys in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it('has no Chinese left in English strings except the switch back to Chinese', () => {
    const leftovers = (Object.keys(en) as MessageKey[]).filter((k) => CJK.test(en[k]) && !k.startsWith('lang.'));
    expect(leftovers).toEqual([]);
  });

  it('has Chinese in every Chinese string that is not a pure symbol or brand', () => {
    const allowedLatin: MessageKey[] = [
      'lang.switchTo',
      'lang.switchTitle',
      'common.none',
      'layers.count',
      'legend.gap50to80',
      'legend.gap80to100',
      'coverage.time',
      'unit.percent',
      'param.unit.ageShare',
      'param.unit.enrolment',
      'targets.achieved',
      'coverage.levelRadius',
      'import.fileInfo',
    ];
    const missing = (Object.keys(zh) as MessageKey[]).filter((k) => !CJK.test(zh[k]) && !allowedLatin.includes(k));
    expect(missing).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const names = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
    const mismatched = (Object.keys(zh) as MessageKey[]).filter((k) => names(zh[k]).join() !== names(en[k]).join());
    expect(mismatched).toEqual([]);
  });
});

describe('translate', () => {
  it('fills placeholders and groups numbers', () => {
    expect(translate('zh', 'scenario.summary', { count: 90, seats: 45000 })).toBe('90 个项目 · 新增学位 45,000');
    expect(translate('en', 'scenario.summary', { count: 90, seats: 45000 })).toBe('90 projects · 45,000 new seats');
  });

  it('leaves unknown placeholders visible rather than dropping them', () => {
    expect(translate('en', 'issue.required', {})).toBe('{field} is required');
  });

  it('formats numbers per language', () => {
    expect(formatNumber('zh', 1234567)).toBe('1,234,567');
    expect(formatNumber('en', 0.5)).toBe('0.5');
  });
});

describe('feature tables', () => {
  it('defines each key in one feature only (a later spread would hide an earlier one)', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [feature, table] of Object.entries(FEATURE_TABLES))
      for (const key of Object.keys(table.zh)) {
        const first = seen.get(key);
        if (first) twice.push(`${key}: ${first} and ${feature}`);
        seen.set(key, feature);
      }
    expect(twice).toEqual([]);
    expect(seen.size).toBe(Object.keys(zh).length);
  });
});
