import { earlyEn, zh, type MessageKey, type Messages } from './messages';

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const isLang = (v: unknown): v is Lang => v === 'zh' || v === 'en';

/**
 * Chinese comes with the page; English (a chunk of its own, ./en.ts) loads on first use — a stored
 * English choice before the first render, a language switch (state/i18n.ts) — so that a planner
 * working in Chinese never fetches it. The few messages shown in both languages at once, and the
 * English names new projects get, are there from the start (messages/bilingual.ts).
 */
let english: Messages | null = null;
let englishLoading: Promise<void> | null = null;

/** Loads a language's messages; resolves once `translate(lang, …)` has every message. */
export function loadLanguage(lang: Lang): Promise<void> {
  if (lang === 'zh' || english) return Promise.resolve();
  englishLoading ??= import('./en').then(
    (m) => {
      english = m.en;
    },
    (e: unknown) => {
      englishLoading = null; // a later attempt may succeed (the network is back)
      throw e;
    },
  );
  return englishLoading;
}

/** Whether every message of a language is there. */
export const languageLoaded = (lang: Lang): boolean => lang === 'zh' || english !== null;

function messageFor(lang: Lang, key: MessageKey): string {
  if (lang === 'zh') return zh[key];
  const t = english?.[key] ?? earlyEn[key];
  if (t !== undefined) return t;
  // English asked for before loadLanguage('en'): a bug, reported (the end-to-end suite fails on console
  // errors); the Chinese is shown rather than nothing
  console.error(`translate: the English messages are not loaded yet (${key})`);
  return zh[key];
}

export type Params = Readonly<Record<string, string | number>>;

/** Formats a message; numbers are grouped per locale (12,000). Unknown placeholders stay visible. */
export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const template = messageFor(lang, key);
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return typeof v === 'number' ? formatNumber(lang, v) : v;
  });
}

/**
 * A number as `Intl.NumberFormat` writes it for zh-CN and en-GB with at most six decimals (both group
 * thousands with "," and use "." and "-"): 12,000 · 0.5 · -1,234.567891. Written out because the page's
 * first `Intl.NumberFormat` loads the locale's data on the page's thread as it starts (30–90 ms on a
 * software-rendered VM, measured); the unit test checks it against Intl. Like Intl, it rounds the
 * shortest decimal that reads back as the number (5e-7 is 0.000001) half away from zero. Beyond 1e21
 * (never a figure of this app), Intl itself.
 */
const LOCALES: Readonly<Record<Lang, string>> = { zh: 'zh-CN', en: 'en-GB' };
const FRACTION_DIGITS = 6;

export function formatNumber(lang: Lang, value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '-∞';
  if (Math.abs(value) >= 1e21)
    return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: FRACTION_DIGITS }).format(value);
  const { whole, fraction } = roundedDecimal(Math.abs(value));
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  return `${sign}${whole.replace(/\B(?=(\d{3})+$)/g, ',')}${fraction ? `.${fraction}` : ''}`;
}

/** A non-negative number's shortest decimal, rounded half up to FRACTION_DIGITS, trailing zeros dropped. */
function roundedDecimal(abs: number): { whole: string; fraction: string } {
  const [mantissa = '0', exponent] = abs.toString().split('e');
  const [int = '0', frac = ''] = mantissa.split('.');
  let digits = int + frac;
  let point = int.length + (exponent ? Number(exponent) : 0);
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits += '0'.repeat(point - digits.length);
  const keep = point + FRACTION_DIGITS;
  if (digits.length > keep) {
    const up = (digits[keep] ?? '0') >= '5';
    digits = digits.slice(0, keep);
    if (up) {
      const carried = increment(digits);
      if (carried.length > digits.length) point += 1;
      digits = carried;
    }
  }
  return {
    whole: digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0',
    fraction: digits.slice(point).replace(/0+$/, ''),
  };
}

/** A string of decimal digits plus one ("0999" → "1000", "99" → "100"). */
function increment(digits: string): string {
  const out = digits.split('');
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] !== '9') {
      out[i] = String(Number(out[i]) + 1);
      return out.join('');
    }
    out[i] = '0';
  }
  return `1${out.join('')}`;
}

export type { MessageKey };
