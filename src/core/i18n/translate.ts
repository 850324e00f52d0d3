import { en, zh, type MessageKey, type Messages } from './messages';

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const isLang = (v: unknown): v is Lang => v === 'zh' || v === 'en';

const TABLES: Readonly<Record<Lang, Messages>> = { zh, en };

export type Params = Readonly<Record<string, string | number>>;

/** Formats a message; numbers are grouped per locale (12,000). Unknown placeholders stay visible. */
export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const template = TABLES[lang][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return typeof v === 'number' ? formatNumber(lang, v) : v;
  });
}

/** One formatter per language: building an Intl.NumberFormat costs more than formatting a thousand numbers. */
const FORMATS: Readonly<Record<Lang, Intl.NumberFormat>> = {
  zh: new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 6 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 6 }),
};

export function formatNumber(lang: Lang, value: number): string {
  return FORMATS[lang].format(value);
}

export type { MessageKey };
