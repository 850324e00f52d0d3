import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Settings } from '../core/settings/settings';
import type { SettingsRepository } from './repository';

export const DB_NAME = 'qz-school-planning';
export const DB_VERSION = 1;

interface Schema extends DBSchema {
  settings: { key: string; value: unknown };
}

const SETTINGS_KEY = 'app';

/** IndexedDB repository (idb). Each write is one transaction, resolved only once it has committed. */
export function createIdbRepository(dbName: string = DB_NAME): SettingsRepository {
  let db: Promise<IDBPDatabase<Schema>> | null = null;
  const open = (): Promise<IDBPDatabase<Schema>> =>
    (db ??= openDB<Schema>(dbName, DB_VERSION, {
      upgrade(database, oldVersion) {
        if (oldVersion < 1) database.createObjectStore('settings');
      },
    }));
  return {
    async loadSettings() {
      return (await open()).get('settings', SETTINGS_KEY);
    },
    async saveSettings(settings: Settings) {
      const tx = (await open()).transaction('settings', 'readwrite');
      await Promise.all([tx.store.put(structuredClone(settings), SETTINGS_KEY), tx.done]);
    },
  };
}
