import type { Lang } from '../../core/i18n/translate';

/** One formatter per language, built on first use (building one costs more than formatting many dates). */
const timeFormats: Partial<Record<Lang, Intl.DateTimeFormat>> = {};

/** A short local date and time ("11-28 23:10" / "28/11, 23:10") for last-modified stamps. */
export function formatTime(lang: Lang, ms: number): string {
  timeFormats[lang] ??= new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  return timeFormats[lang].format(new Date(ms));
}
