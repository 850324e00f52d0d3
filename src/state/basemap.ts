/**
 * Street-level basemaps: archives the planner loaded (stored in OPFS or IndexedDB), archives IT placed
 * beside index.html (`basemap.pmtiles`, or the files a `basemaps.json` names), and an intranet tile
 * service. Settings say which is shown; this store finds, checks, stores and removes them, and says which
 * basemap the map draws (`active`) and why a chosen one cannot be (`missing`).
 */
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { ArchiveInfo } from '../core/basemap/archive';
import { checkQuota, formatBytes } from '../core/basemap/quota';
import { parseBasemapRecords, type BasemapFileRecord } from '../core/basemap/record';
import {
  parseTileTemplate,
  tileAt,
  tileUrl,
  type TemplateError,
  type TileProbe,
  type TileTemplate,
} from '../core/basemap/tileTemplate';
import type { BasemapId, Settings, TileCrs } from '../core/settings/settings';
import { isQuotaError, type BasemapFileStore, type BasemapStoreKind } from '../persistence/basemapFiles';
import { errorMessage } from './notices';
import {
  archiveMessage,
  discoverDeployed,
  fetchTile,
  inspectBlob,
  type BasemapMessage,
  type DeployedArchive,
  type SameOrigin,
} from './basemapSources';

export { archiveMessage, fetchTile, inspectBlob, type BasemapMessage, type DeployedArchive } from './basemapSources';

/** What the map draws under our own layers. */
export type ActiveBasemap =
  | { readonly kind: 'offline' }
  | { readonly kind: 'online'; readonly basemap: BasemapId }
  | {
      readonly kind: 'archive';
      /** The protocol key the map registers the archive under. */
      readonly key: string;
      /** A stored file (read with range reads), or a URL on the app's own server. */
      readonly blob: Blob | null;
      readonly url: string | null;
      readonly info: ArchiveInfo;
      readonly crs: TileCrs;
      readonly label: string;
      readonly attribution: string;
    }
  | {
      readonly kind: 'tiles';
      readonly template: TileTemplate;
      readonly crs: TileCrs;
      readonly attribution: string;
    };

/** Who the drawn basemap's data is from (map corner, exports); empty for the embedded basemap. */
export function basemapCredit(active: ActiveBasemap): string {
  switch (active.kind) {
    case 'archive':
      return [active.attribution || active.label, active.crs === 'gcj02' ? 'GCJ-02' : ''].filter(Boolean).join(' · ');
    case 'tiles':
      return [active.attribution || active.template.host, active.crs === 'gcj02' ? 'GCJ-02' : '']
        .filter(Boolean)
        .join(' · ');
    case 'online':
    case 'offline':
      // an internet basemap is credited in the planner's language: onlineCreditKey
      return '';
  }
}

/** The credit of an opt-in internet basemap, in the planner's language, or null. */
export function onlineCreditKey(s: Pick<Settings, 'basemap' | 'tiandituKey'>): 'credit.osm' | 'credit.tdt' | null {
  if (s.basemap === 'osm') return 'credit.osm';
  if ((s.basemap === 'tdtVector' || s.basemap === 'tdtImagery') && s.tiandituKey !== '') return 'credit.tdt';
  return null;
}

export type BasemapBusy = { readonly name: string; readonly written: number; readonly size: number } | null;

export interface BasemapState {
  readonly files: ReadonlySignal<readonly BasemapFileRecord[]>;
  readonly deployed: ReadonlySignal<readonly DeployedArchive[]>;
  readonly storeKind: ReadonlySignal<BasemapStoreKind | null>;
  readonly busy: ReadonlySignal<BasemapBusy>;
  readonly message: ReadonlySignal<BasemapMessage | null>;
  readonly active: ReadonlySignal<ActiveBasemap>;
  /** The chosen basemap is not there (file removed, server without the archive, bad template): offline is shown. */
  readonly missing: ReadonlySignal<boolean>;
  /** The intranet template's check, or the last test of one tile. */
  readonly templateError: ReadonlySignal<TemplateError | null>;
  readonly probe: ReadonlySignal<TileProbe | 'testing' | null>;
}

export interface BasemapActions {
  addFile(file: File): Promise<boolean>;
  removeFile(id: string): Promise<void>;
  setFileCrs(id: string, crs: TileCrs): Promise<void>;
  /** Shows a stored file or a deployed archive. */
  show(kind: 'file' | 'deployed', ref: string): void;
  dismissMessage(): void;
  /** Fetches one tile of the intranet template over the city and says what came back. */
  testCustom(): Promise<void>;
}

export interface BasemapDeps {
  readonly settings: ReadonlySignal<Settings>;
  readonly choose: (basemap: BasemapId, ref: string) => void;
  readonly openStore: () => Promise<BasemapFileStore>;
  /** Fetches from the app's own server (the deployed archives); null: no server to ask (unit tests). */
  readonly sameOrigin: SameOrigin | null;
  readonly newId: () => string;
  /** Where the test tile is taken: the city's centre. */
  readonly centre: readonly [number, number];
  readonly fetchTile?: (url: string) => Promise<TileProbe>;
}

export function createBasemap(deps: BasemapDeps) {
  const files = signal<readonly BasemapFileRecord[]>([]);
  const deployed = signal<readonly DeployedArchive[]>([]);
  const storeKind = signal<BasemapStoreKind | null>(null);
  const busy = signal<BasemapBusy>(null);
  const message = signal<BasemapMessage | null>(null);
  /** The Blob of the stored file being shown (read from storage when chosen). */
  const blob = signal<{ id: string; blob: Blob } | null>(null);
  let store: Promise<BasemapFileStore> | null = null;
  const openStore = (): Promise<BasemapFileStore> => {
    store ??= deps.openStore().then((s) => {
      storeKind.value = s.kind;
      return s;
    });
    return store;
  };

  const loadBlob = async (id: string): Promise<void> => {
    if (blob.peek()?.id === id) return;
    const b = await (await openStore()).readFile(id);
    if (b) blob.value = { id, blob: b };
  };

  const active = computed<ActiveBasemap>(() => {
    const s = deps.settings.value;
    switch (s.basemap) {
      case 'offline':
        return { kind: 'offline' };
      case 'file': {
        const r = files.value.find((f) => f.id === s.basemapRef);
        const b = blob.value;
        if (!r || b?.id !== r.id) return { kind: 'offline' };
        return {
          kind: 'archive',
          key: `qz-file-${r.id}`,
          blob: b.blob,
          url: null,
          info: r.info,
          crs: r.crs,
          label: r.name,
          attribution: r.info.attribution,
        };
      }
      case 'deployed': {
        const d = deployed.value.find((a) => a.file === s.basemapRef);
        if (!d) return { kind: 'offline' };
        return {
          kind: 'archive',
          key: `qz-deployed-${d.file}`,
          blob: null,
          url: d.url,
          info: d.info,
          crs: d.crs,
          label: d.label,
          attribution: d.info.attribution,
        };
      }
      case 'custom': {
        const t = parseTileTemplate(s.customTiles.template);
        if (!t.ok) return { kind: 'offline' };
        return { kind: 'tiles', template: t.value, crs: s.customTiles.crs, attribution: s.customTiles.attribution };
      }
      default:
        return { kind: 'online', basemap: s.basemap };
    }
  });
  const templateError = computed(() => {
    const t = deps.settings.value.customTiles.template;
    if (t.trim() === '') return null;
    const r = parseTileTemplate(t);
    return r.ok ? null : r.error;
  });
  const probe = signal<TileProbe | 'testing' | null>(null);
  /** Whether the stored files were read and the server asked: until then nothing is called missing. */
  const checked = signal(false);
  const missing = computed(() => {
    const b = deps.settings.value.basemap;
    if (b !== 'custom' && !checked.value) return false;
    return (b === 'file' || b === 'deployed' || b === 'custom') && active.value.kind === 'offline';
  });

  const saveRecords = async (next: readonly BasemapFileRecord[]): Promise<void> => {
    await (await openStore()).saveList(next);
    files.value = next;
  };

  const actions: BasemapActions = {
    addFile: async (file) => {
      message.value = null;
      const info = await inspectBlob(file);
      if (!info.ok) {
        message.value = archiveMessage(info.error, file.name);
        return false;
      }
      const s = await openStore();
      const room = checkQuota(file.size, await s.estimate());
      if (!room.fits) {
        message.value = {
          tone: 'error',
          key: 'basemap.err.quota',
          params: { name: file.name, size: formatBytes(file.size), available: formatBytes(room.available) },
        };
        return false;
      }
      const id = deps.newId();
      busy.value = { name: file.name, written: 0, size: file.size };
      try {
        await s.writeFile(id, file, (written) => (busy.value = { name: file.name, written, size: file.size }));
        const record: BasemapFileRecord = {
          id,
          name: file.name,
          size: file.size,
          addedAt: new Date().toISOString(),
          crs: 'wgs84',
          info: info.value,
        };
        await saveRecords([...files.peek(), record]);
        // read back from storage: what is shown is what was kept
        await loadBlob(id);
        deps.choose('file', id);
        message.value = { tone: 'info', key: 'basemap.added', params: { name: file.name } };
        return true;
      } catch (e: unknown) {
        await s.deleteFile(id).catch(() => undefined);
        message.value = isQuotaError(e)
          ? {
              tone: 'error',
              key: 'basemap.err.quota',
              params: { name: file.name, size: formatBytes(file.size), available: '—' },
            }
          : { tone: 'error', key: 'basemap.err.write', params: { name: file.name, message: errorMessage(e) } };
        return false;
      } finally {
        busy.value = null;
      }
    },
    removeFile: async (id) => {
      const s = await openStore();
      await s.deleteFile(id);
      await saveRecords(files.peek().filter((f) => f.id !== id));
      if (blob.peek()?.id === id) blob.value = null;
      const cur = deps.settings.peek();
      if (cur.basemap === 'file' && cur.basemapRef === id) deps.choose('offline', '');
    },
    setFileCrs: async (id, crs) => {
      await saveRecords(files.peek().map((f) => (f.id === id ? { ...f, crs } : f)));
    },
    show: (kind, ref) => {
      deps.choose(kind, ref);
      if (kind === 'file') void loadBlob(ref);
    },
    dismissMessage: () => (message.value = null),
    testCustom: async () => {
      const t = parseTileTemplate(deps.settings.peek().customTiles.template);
      if (!t.ok) return;
      probe.value = 'testing';
      const [lon, lat] = deps.centre;
      probe.value = await (deps.fetchTile ?? fetchTile)(tileUrl(t.value, tileAt(lon, lat, 12)));
    },
  };

  /** Finds the archives IT deployed beside the app (same origin only). */
  const discover = async (): Promise<void> => {
    if (deps.sameOrigin) deployed.value = await discoverDeployed(deps.sameOrigin);
  };

  const state: BasemapState = {
    files,
    deployed,
    storeKind,
    busy,
    message,
    active,
    missing,
    templateError,
    probe,
  };
  return {
    state,
    actions,
    /** Reads the stored files' list and the deployed archives (after the first map; never blocks it). */
    init: async (): Promise<void> => {
      try {
        const s = await openStore();
        files.value = parseBasemapRecords(await s.loadList()).records;
        const cur = deps.settings.peek();
        if (cur.basemap === 'file') await loadBlob(cur.basemapRef);
      } catch (e: unknown) {
        message.value = { tone: 'error', key: 'basemap.err.store', params: { message: errorMessage(e) } };
      }
      await discover().catch(() => undefined);
      checked.value = true;
    },
  };
}

export type Basemap = ReturnType<typeof createBasemap>;
