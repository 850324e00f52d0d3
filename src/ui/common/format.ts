import type { Lang } from '../../core/i18n/translate';

/** A short local date and time ("11-28 23:10" / "28/11, 23:10") for last-modified stamps. */
export function formatTime(lang: Lang, ms: number): string {
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(ms));
}
