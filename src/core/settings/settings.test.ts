import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isPlausibleTiandituKey, parseSettings } from './settings';

describe('parseSettings', () => {
  it('defaults to the offline basemap in Chinese', () => {
    expect(parseSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, dropped: [] });
    expect(DEFAULT_SETTINGS.basemap).toBe('offline');
    expect(DEFAULT_SETTINGS.lang).toBe('zh');
  });

  it('keeps good fields and drops bad ones individually', () => {
    const r = parseSettings({ lang: 'en', basemap: 'google', tiandituKey: 42 });
    expect(r.settings).toEqual({ ...DEFAULT_SETTINGS, lang: 'en', basemap: 'offline', tiandituKey: '' });
    expect(r.dropped).toEqual(['basemap', 'tiandituKey']);
  });

  it('rejects a stored value that is not an object', () => {
    expect(parseSettings('oops').dropped).toEqual(['settings']);
  });
});

describe('isPlausibleTiandituKey', () => {
  it('accepts 32 hex characters only', () => {
    expect(isPlausibleTiandituKey('0123456789abcdef0123456789ABCDEF')).toBe(true);
    expect(isPlausibleTiandituKey('0123456789abcdef')).toBe(false);
    expect(isPlausibleTiandituKey('0123456789abcdef0123456789abcdeg')).toBe(false);
  });
});
