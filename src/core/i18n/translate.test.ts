import { describe, expect, it, vi } from 'vitest';
import { en } from './en';
import { earlyEn, zh, type MessageKey } from './messages';
import * as bilingual from './messages/bilingual';
import * as common from './messages/common';
import * as scenario from './messages/scenario';
import * as editing from './messages/editing';
import * as importing from './messages/import';
import * as analysis from './messages/analysis';
import * as layers from './messages/layers';
import * as meeting from './messages/meeting';
import * as compare from './messages/compare';
import * as projection from './messages/projection';
import * as siting from './messages/siting';
import * as basemap from './messages/basemap';
import * as gis from './messages/gis';
import * as deploy from './messages/deploy';
import { formatNumber, translate } from './translate';

/** The features' Chinese tables, for the check that no key is defined twice. */
const FEATURE_TABLES = {
  bilingual,
  common,
  scenario,
  editing,
  importing,
  analysis,
  layers,
  meeting,
  compare,
  projection,
  siting,
  basemap,
  gis,
  deploy,
} as const;

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
  it('has the bilingual messages in the English table too, word for word', () => {
    for (const [k, v] of Object.entries(earlyEn)) expect(en[k as MessageKey]).toBe(v);
  });

  it('fills placeholders and groups numbers', () => {
    expect(translate('zh', 'scenario.summary', { count: 90, seats: 45000 })).toBe('90 个项目 · 新增学位 45,000');
    expect(translate('en', 'scenario.summary', { count: 90, seats: 45000 })).toBe('90 projects · 45,000 new seats');
  });

  it('has the bilingual messages before English loads, and says so when asked for any other', async () => {
    vi.resetModules(); // a fresh module: English not loaded, as in the app at start-up
    const fresh = await import('./translate');
    expect(fresh.translate('en', 'kind.primary')).toBe('Primary school');
    expect(fresh.translate('en', 'app.reload')).toBe('Reload');
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(fresh.translate('en', 'app.title')).toBe('泉州学校建设规划地图');
    expect(error).toHaveBeenCalledTimes(1);
    error.mockRestore();
    await fresh.loadLanguage('en');
    expect(fresh.translate('en', 'app.title')).toBe('Quanzhou School Construction Planning Map');
  });

  it('leaves unknown placeholders visible rather than dropping them', () => {
    expect(translate('en', 'issue.required', {})).toBe('{field} is required');
  });

  it('formats numbers per language', () => {
    expect(formatNumber('zh', 1234567)).toBe('1,234,567');
    expect(formatNumber('en', 0.5)).toBe('0.5');
  });

  it('writes numbers exactly as Intl.NumberFormat does for zh-CN and en-GB (at most six decimals)', () => {
    const edges = [
      0,
      -0,
      1,
      -1,
      999,
      1000,
      -1000,
      12000,
      45000,
      1234567.5,
      0.1 + 0.2,
      1 / 3,
      -2 / 3,
      0.0000004,
      0.0000005,
      -0.0000005,
      0.0000015,
      2.5e-7,
      1.0000005,
      123456.1234565,
      999999.9999995,
      1e20,
      9.999999e20,
      1e21,
      -1e22,
      Number.MAX_SAFE_INTEGER,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      24.3,
      0.72,
      5.05,
    ];
    // a fixed pseudo-random spread: seat counts, shares, coordinates, areas
    let seed = 7;
    const next = (): number => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const spread = Array.from({ length: 3000 }, (_, i) => {
      const scale = 10 ** Math.floor(next() * 14 - 7);
      const v = (next() - 0.3) * scale;
      return i % 3 === 0 ? Math.round(v) : v;
    });
    for (const [lang, locale] of [
      ['zh', 'zh-CN'],
      ['en', 'en-GB'],
    ] as const) {
      const intl = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
      for (const v of [...edges, ...spread]) expect(`${v}: ${formatNumber(lang, v)}`).toBe(`${v}: ${intl.format(v)}`);
    }
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
