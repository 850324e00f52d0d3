import type { Lang } from '../../core/i18n/translate';

const two = (n: number): string => String(n).padStart(2, '0');

/**
 * A short local date and time ("11/28 23:10" / "28/11, 23:10") for last-modified stamps: what
 * Intl.DateTimeFormat gives for zh-CN and en-GB with two-digit month, day, hour and minute, written out
 * here because the first DateTimeFormat of a page loads its locale's data (30–90 ms at start-up).
 */
export function formatTime(lang: Lang, ms: number): string {
  const d = new Date(ms);
  const [month, day, time] = [two(d.getMonth() + 1), two(d.getDate()), `${two(d.getHours())}:${two(d.getMinutes())}`];
  return lang === 'zh' ? `${month}/${day} ${time}` : `${day}/${month}, ${time}`;
}
