import { describe, expect, it } from 'vitest';
import { formatTime } from './format';

describe('formatTime', () => {
  it('writes what Intl.DateTimeFormat writes for zh-CN and en-GB (two-digit month, day, hour, minute)', () => {
    const options = { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' } as const;
    const times = [
      new Date(2026, 10, 28, 23, 5),
      new Date(2026, 0, 3, 0, 7),
      new Date(2025, 11, 31, 12, 0),
      new Date(2027, 5, 9, 9, 59),
    ];
    for (const d of times) {
      expect(formatTime('zh', d.getTime())).toBe(new Intl.DateTimeFormat('zh-CN', options).format(d));
      expect(formatTime('en', d.getTime())).toBe(new Intl.DateTimeFormat('en-GB', options).format(d));
    }
    expect(formatTime('zh', new Date(2026, 0, 3, 0, 7).getTime())).toBe('01/03 00:07');
  });
});
