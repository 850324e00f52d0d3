import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createIdbRepository } from '../../src/persistence/idb';
import { createMemoryRepository } from '../../src/persistence/memory';
import type { SettingsRepository } from '../../src/persistence/repository';
import { DEFAULT_SETTINGS, parseSettings } from '../../src/core/settings/settings';

let n = 0;
const implementations: [string, () => SettingsRepository][] = [
  ['memory', () => createMemoryRepository()],
  ['idb', () => createIdbRepository(`test-${++n}-${Date.now()}`)],
];

describe.each(implementations)('SettingsRepository contract: %s', (_name, make) => {
  it('returns nothing before anything is saved', async () => {
    expect(await make().loadSettings()).toBeUndefined();
  });

  it('returns what was saved, as a copy', async () => {
    const repo = make();
    const s = { ...DEFAULT_SETTINGS, basemap: 'tdtVector' as const, tiandituKey: 'abc' };
    await repo.saveSettings(s);
    const loaded = await repo.loadSettings();
    expect(parseSettings(loaded).settings).toEqual(s);
    expect(loaded).not.toBe(s);
  });

  it('keeps the last of several saves', async () => {
    const repo = make();
    await repo.saveSettings({ ...DEFAULT_SETTINGS, lang: 'en' });
    await repo.saveSettings({ ...DEFAULT_SETTINGS, lang: 'zh', basemap: 'osm' });
    expect(parseSettings(await repo.loadSettings()).settings).toMatchObject({ lang: 'zh', basemap: 'osm' });
  });
});

describe('idb repository', () => {
  it('survives reopening the same database (a reload)', async () => {
    const name = `reopen-${Date.now()}`;
    await createIdbRepository(name).saveSettings({ ...DEFAULT_SETTINGS, basemap: 'osm' });
    expect(parseSettings(await createIdbRepository(name).loadSettings()).settings.basemap).toBe('osm');
  });
});
