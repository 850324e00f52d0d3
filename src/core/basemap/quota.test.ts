import { describe, expect, it } from 'vitest';
import { checkQuota, formatBytes, RESERVED_BYTES } from './quota';

describe('storage quota', () => {
  it('fits a file into what is left, keeping room for the scenarios', () => {
    const quota = 1e9;
    expect(checkQuota(100e6, { quota, usage: 0 })).toEqual({ fits: true });
    expect(checkQuota(quota, { quota, usage: 0 })).toEqual({ fits: false, available: quota - RESERVED_BYTES });
    expect(checkQuota(10, { quota: 100, usage: 90 })).toEqual({ fits: false, available: 0 });
  });
  it('lets the write decide when the browser gives no estimate', () => {
    expect(checkQuota(5e9, null)).toEqual({ fits: true });
    expect(checkQuota(5e9, {})).toEqual({ fits: true });
  });
  it('formats sizes', () => {
    expect(formatBytes(1_234_567_890)).toBe('1.2 GB');
    expect(formatBytes(350_000_000)).toBe('350 MB');
    expect(formatBytes(15_485)).toBe('15 KB');
    expect(formatBytes(12)).toBe('12 B');
  });
});
