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

  it('replaces the wrong version-1 defaults (巩固率 as enrolment) but keeps what a planner set', () => {
    const v1 = {
      version: 1,
      lang: 'zh',
      basemap: 'offline',
      tiandituKey: '',
      analysis: {
        enrolment: { preschool: 89.7, primary: 95.5, junior: 97, upperSecondary: 91.6 },
        perThousand: { preschool: 30, primary: 83, junior: 38, upperSecondary: 30 },
      },
    };
    const r = parseSettings(v1).settings;
    expect(r.version).toBe(2);
    expect(r.analysis.enrolment).toEqual({ preschool: 89.7, primary: 100, junior: 97, upperSecondary: 91.6 });
    expect(r.analysis.perThousand.upperSecondary).toBe(DEFAULT_SETTINGS.analysis.perThousand.upperSecondary);
    // a version-2 record is taken as it is: 95.5 there was chosen by the planner
    const v2 = parseSettings({ ...v1, version: 2 }).settings;
    expect(v2.analysis.enrolment.primary).toBe(95.5);
  });

  it('keeps a street basemap choice and an intranet service, and drops malformed ones one by one', () => {
    const custom = { template: 'http://gis.intranet/{z}/{x}/{y}.png', crs: 'gcj02', attribution: '信息中心' };
    const ok = parseSettings({
      version: 2,
      lang: 'zh',
      tiandituKey: '',
      basemap: 'file',
      basemapRef: 'abc',
      customTiles: custom,
    });
    expect(ok.settings).toMatchObject({ basemap: 'file', basemapRef: 'abc', customTiles: custom });
    expect(ok.dropped).toEqual([]);
    const bad = parseSettings({
      version: 2,
      lang: 'zh',
      tiandituKey: '',
      basemap: 'custom',
      basemapRef: 7,
      customTiles: { ...custom, crs: 'bd09' },
    });
    expect(bad.settings).toMatchObject({
      basemap: 'custom',
      basemapRef: '',
      customTiles: { template: '', crs: 'wgs84' },
    });
    expect(bad.dropped).toEqual(['basemapRef', 'customTiles']);
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
