/**
 * Where loaded basemap archives live: files of hundreds of MB to several GB, so never in memory and never
 * read whole. In a secure context the origin-private file system (OPFS) holds them; where it is missing
 * (a plain-HTTP intranet address is not a secure context) IndexedDB stores them as Blobs, which the
 * browser also keeps on disk. Beside the files, the list of their descriptions (`BasemapFileRecord[]`,
 * read back through `parseBasemapRecords`). A memory store serves the unit tests.
 */
import { openDB, type IDBPDatabase } from 'idb';
import type { BasemapFileRecord } from '../core/basemap/record';
import type { StorageEstimateLike } from '../core/basemap/quota';

export type BasemapStoreKind = 'opfs' | 'idb' | 'memory';

export interface BasemapFileStore {
  readonly kind: BasemapStoreKind;
  /** The stored descriptions, unparsed (the caller reads them with a schema). */
  loadList(): Promise<unknown>;
  saveList(records: readonly BasemapFileRecord[]): Promise<void>;
  /** Writes a file; on failure nothing of it stays behind. */
  writeFile(id: string, file: Blob, onProgress?: (written: number) => void): Promise<void>;
  readFile(id: string): Promise<Blob | null>;
  deleteFile(id: string): Promise<void>;
  estimate(): Promise<StorageEstimateLike | null>;
}

/** The error a full disk or quota gives, in any of the forms browsers use. */
export const isQuotaError = (e: unknown): boolean => e instanceof DOMException && e.name === 'QuotaExceededError';

const estimate = async (): Promise<StorageEstimateLike | null> => {
  try {
    return (await navigator.storage?.estimate?.()) ?? null;
  } catch {
    return null;
  }
};

const DIR = 'qz-basemaps';
const INDEX = 'index.json';
const fileName = (id: string): string => `${id}.pmtiles`;

/** OPFS, where the browser offers it (secure contexts of current browsers). */
export async function openOpfsStore(): Promise<BasemapFileStore | null> {
  if (!window.isSecureContext || typeof navigator.storage?.getDirectory !== 'function') return null;
  // Safari has OPFS but no createWritable() outside workers: IndexedDB then
  if (typeof FileSystemFileHandle === 'undefined' || !('createWritable' in FileSystemFileHandle.prototype)) return null;
  let dir: FileSystemDirectoryHandle;
  try {
    dir = await (await navigator.storage.getDirectory()).getDirectoryHandle(DIR, { create: true });
  } catch {
    return null;
  }
  const remove = async (name: string): Promise<void> => {
    try {
      await dir.removeEntry(name);
    } catch (e: unknown) {
      if (!(e instanceof DOMException && e.name === 'NotFoundError')) throw e;
    }
  };
  const write = async (name: string, data: Blob, onProgress?: (n: number) => void): Promise<void> => {
    const handle = await dir.getFileHandle(name, { create: true });
    const w = await handle.createWritable();
    try {
      // in pieces: a several-GB file is streamed, never held in memory, and the progress is known
      const step = 8 * 1024 * 1024;
      for (let at = 0; at < data.size; at += step) {
        await w.write(data.slice(at, Math.min(data.size, at + step)));
        onProgress?.(Math.min(data.size, at + step));
      }
      await w.close();
    } catch (e: unknown) {
      await w.abort().catch(() => undefined);
      await remove(name).catch(() => undefined);
      throw e;
    }
  };
  return {
    kind: 'opfs',
    loadList: async () => {
      try {
        const f = await (await dir.getFileHandle(INDEX)).getFile();
        return JSON.parse(await f.text()) as unknown;
      } catch {
        return undefined;
      }
    },
    saveList: (records) => write(INDEX, new Blob([JSON.stringify(records)], { type: 'application/json' })),
    writeFile: (id, file, onProgress) => write(fileName(id), file, onProgress),
    readFile: async (id) => {
      try {
        return await (await dir.getFileHandle(fileName(id))).getFile();
      } catch {
        return null;
      }
    },
    deleteFile: (id) => remove(fileName(id)),
    estimate,
  };
}

/** IndexedDB, the fallback where OPFS is not available (plain-HTTP intranet addresses). */
export async function openIdbStore(name = 'qz-basemap-files'): Promise<BasemapFileStore> {
  const db: IDBPDatabase = await openDB(name, 1, {
    upgrade(d) {
      d.createObjectStore('files');
      d.createObjectStore('meta');
    },
  });
  return {
    kind: 'idb',
    loadList: () => db.get('meta', 'records'),
    saveList: async (records) => {
      await db.put('meta', structuredClone(records), 'records');
    },
    writeFile: async (id, file, onProgress) => {
      // a File from an <input> is a reference to the disk file: copy it into a Blob IndexedDB owns
      await db.put('files', new Blob([file], { type: 'application/vnd.pmtiles' }), id);
      onProgress?.(file.size);
    },
    readFile: async (id) => {
      const v: unknown = await db.get('files', id);
      return v instanceof Blob ? v : null;
    },
    deleteFile: (id) => db.delete('files', id),
    estimate,
  };
}

/** The best store this page can have: OPFS, else IndexedDB. */
export async function openBasemapStore(): Promise<BasemapFileStore> {
  return (await openOpfsStore()) ?? openIdbStore();
}

/** In memory, for tests; `quota` simulates a browser's limit. */
export function memoryBasemapStore(quota?: number): BasemapFileStore {
  const files = new Map<string, Blob>();
  let list: unknown;
  const used = (): number => [...files.values()].reduce((s, b) => s + b.size, 0);
  return {
    kind: 'memory',
    loadList: () => Promise.resolve(list === undefined ? undefined : structuredClone(list)),
    saveList: (records) => {
      list = structuredClone(records);
      return Promise.resolve();
    },
    writeFile: (id, file) => {
      if (quota !== undefined && used() + file.size > quota)
        return Promise.reject(new DOMException('quota', 'QuotaExceededError'));
      files.set(id, file);
      return Promise.resolve();
    },
    readFile: (id) => Promise.resolve(files.get(id) ?? null),
    deleteFile: (id) => {
      files.delete(id);
      return Promise.resolve();
    },
    estimate: () => Promise.resolve(quota === undefined ? null : { quota, usage: used() }),
  };
}
