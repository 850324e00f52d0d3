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
 * One formatter per language, built on first use: building an Intl.NumberFormat costs more than
 * formatting a thousand numbers (and the first one of a locale loads its data, while the page starts).
 */
const LOCALES: Readonly<Record<Lang, string>> = { zh: 'zh-CN', en: 'en-GB' };
const formats: Partial<Record<Lang, Intl.NumberFormat>> = {};

export function formatNumber(lang: Lang, value: number): string {
  formats[lang] ??= new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 6 });
  return formats[lang].format(value);
}

export type { MessageKey };
