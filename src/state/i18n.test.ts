import { signal } from '@preact/signals';
import { describe, expect, it, vi } from 'vitest';
import type { Lang } from '../core/i18n/translate';
import { loadIndex } from '../../tests/helpers/reference';
import { loadSeed } from '../../tests/helpers/scenarioFixture';
import { createI18n } from './i18n';

describe('i18n store', () => {
  it('names messages, projects, counties and townships in the current language', () => {
    const index = loadIndex();
    const lang = signal<Lang>('zh');
    const i18n = createI18n(lang, index);
    const p = loadSeed().features.find((f) => f.properties.nameEn);
    if (!p) throw new Error('no project with an English name');
    const tw = [...index.townshipByCode.values()][0];
    if (!tw) throw new Error('no township');
    expect(i18n.t.value('app.title')).toBe('泉州学校建设规划地图');
    expect(i18n.countyName.value('350582')).toBe('晋江市');
    expect(i18n.projectName.value(p)).toBe(p.properties.name);
    expect(i18n.townshipName.value(tw.code)).toBe(tw.name);
    expect(i18n.townshipName.value(null)).toBe('—');
    lang.value = 'en';
    expect(i18n.t.value('app.title')).toBe('Quanzhou School Construction Planning Map');
    expect(i18n.countyName.value('350582')).toBe('Jinjiang City');
    expect(i18n.projectName.value(p)).toBe(p.properties.nameEn);
    expect(i18n.townshipName.value(tw.code)).toBe(tw.nameEn);
    // an unknown code is shown as it is, never as an empty cell
    expect(i18n.countyName.value('999999')).toBe('999999');
  });

  it('shows Chinese until the English messages have loaded (on first choice), then English', async () => {
    vi.resetModules(); // a fresh translate module: English not loaded, as in the app at start-up
    const fresh = await import('../core/i18n/translate');
    const { createI18n: create } = await import('./i18n');
    expect(fresh.languageLoaded('en')).toBe(false);
    const lang = signal<Lang>('en');
    const i18n = create(lang, loadIndex());
    expect(i18n.lang.value).toBe('zh');
    expect(i18n.t.value('app.title')).toBe('泉州学校建设规划地图');
    await vi.waitFor(() => expect(i18n.lang.value).toBe('en'));
    expect(i18n.t.value('app.title')).toBe('Quanzhou School Construction Planning Map');
    expect(fresh.languageLoaded('en')).toBe(true);
  });
});
