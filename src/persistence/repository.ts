import type { Settings } from '../core/settings/settings';

/** Where app data lives. The app only talks to this interface; tests run against both implementations. */
export interface SettingsRepository {
  /** The stored settings as raw data (validated by the caller), or undefined when nothing is stored. */
  loadSettings(): Promise<unknown>;
  saveSettings(settings: Settings): Promise<void>;
}
