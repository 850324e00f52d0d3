import type { Settings } from '../core/settings/settings';
import type { SettingsRepository } from './repository';

/** In-memory repository: for tests, and the fallback when IndexedDB is unavailable (private mode). */
export function createMemoryRepository(initial?: unknown): SettingsRepository {
  let stored: unknown = initial === undefined ? undefined : structuredClone(initial);
  return {
    loadSettings: () => Promise.resolve(stored === undefined ? undefined : structuredClone(stored)),
    saveSettings: (settings: Settings) => {
      stored = structuredClone(settings);
      return Promise.resolve();
    },
  };
}
