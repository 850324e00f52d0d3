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

export function formatNumber(lang: Lang, value: number): string {
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: 6 }).format(value);
}

export type { MessageKey };
