import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../core/analysis/params';
import { createMemoryRepository } from '../persistence/memory';
import type { Repository } from '../persistence/repository';
import { loadIndex } from '../../tests/helpers/reference';
import { createPreferences } from './preferences';

const index = loadIndex();

describe('preferences store', () => {
  it('writes nothing before it has read what is stored, then stores every change', async () => {
    const repo = createMemoryRepository(index, {
      initial: { settings: { version: 2, lang: 'en', basemap: 'osm', tiandituKey: '' } },
    });
    const prefs = createPreferences({ repository: repo, onSaveError: () => undefined });
    prefs.actions.setBasemap('tdtVector');
    expect(await repo.loadSettings()).toMatchObject({ basemap: 'osm' });
    prefs.load(await repo.loadSettings());
    expect([prefs.state.lang.value, prefs.state.settings.value.basemap]).toEqual(['en', 'osm']);
    prefs.ready();
    prefs.actions.setLang('zh');
    prefs.actions.setTiandituKey('  abc  ');
    await new Promise((r) => setTimeout(r, 0));
    expect(await repo.loadSettings()).toMatchObject({ lang: 'zh', tiandituKey: 'abc' });
  });

  it('flushes: resolves only once every change so far is stored', async () => {
    const repo = createMemoryRepository(index);
    let release = (): void => undefined;
    const slow: Repository = {
      ...repo,
      saveSettings: (s) => new Promise<void>((r) => (release = r)).then(() => repo.saveSettings(s)),
    };
    const prefs = createPreferences({ repository: slow, onSaveError: () => undefined });
    prefs.ready();
    prefs.actions.setBasemap('offline');
    let flushed = false;
    void prefs.flush().then(() => (flushed = true));
    await new Promise((r) => setTimeout(r, 0));
    expect(flushed).toBe(false);
    release();
    await prefs.flush();
    expect(flushed).toBe(true);
    expect(await repo.loadSettings()).toMatchObject({ basemap: 'offline' });
  });

  it('refuses a parameter out of range or unknown, and resets to the defaults', () => {
    const prefs = createPreferences({ repository: createMemoryRepository(index), onSaveError: () => undefined });
    const key = Object.keys(DEFAULT_PARAMS.radius)[0] ?? '';
    expect(prefs.actions.setParam('radius', key, -5)).toBe(false);
    expect(prefs.actions.setParam('radius', 'nonsense', 500)).toBe(false);
    expect(prefs.actions.setParam('radius', key, 777)).toBe(true);
    expect((prefs.state.settings.value.analysis.radius as Readonly<Record<string, number>>)[key]).toBe(777);
    prefs.actions.resetParams();
    expect(prefs.state.settings.value.analysis).toEqual(DEFAULT_PARAMS);
  });

  it('reports a failed save and keeps the setting on screen', async () => {
    const failing: Repository = {
      ...createMemoryRepository(index),
      saveSettings: () => Promise.reject(new Error('disk full')),
    };
    const errors: unknown[] = [];
    const prefs = createPreferences({ repository: failing, onSaveError: (e) => errors.push(e) });
    prefs.ready();
    prefs.actions.setLang('en');
    await new Promise((r) => setTimeout(r, 0));
    expect(prefs.state.lang.value).toBe('en');
    expect(errors.map((e) => (e instanceof Error ? e.message : e))).toEqual(['disk full']);
  });
});
