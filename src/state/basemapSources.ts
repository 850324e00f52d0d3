/**
 * Where street basemaps come from, for src/state/basemap.ts: reading an archive's description from a
 * stored file or from the app's own server (range requests), the deployed archives, the test fetch of
 * an intranet tile, and the planner's message for an archive that cannot be used.
 */
import type { ArchiveError, ArchiveInfo } from '../core/basemap/archive';
import { HEAD_BYTES, tileTypeName } from '../core/basemap/head';
import { formatBytes } from '../core/basemap/quota';
import { judgeTile, type TileProbe } from '../core/basemap/tileTemplate';
import type { MessageKey, Params } from '../core/i18n/translate';
import { isRecord, type Result } from '../core/result';
import type { TileCrs } from '../core/settings/settings';

/** Fetches from the app's own server, and names a file there by its full URL. */
export interface SameOrigin {
  readonly fetch: (path: string, init?: RequestInit) => Promise<Response>;
  readonly url: (path: string) => string;
}

/** An archive IT deployed on the web server beside the app. */
export interface DeployedArchive {
  readonly file: string;
  readonly url: string;
  readonly label: string;
  readonly crs: TileCrs;
  readonly size: number;
  readonly info: ArchiveInfo;
}

/** A message for the settings dialog. */
export interface BasemapMessage {
  readonly tone: 'info' | 'error';
  readonly key: MessageKey;
  readonly params?: Params;
}

/** Fetches one tile and reads its size (the browser decodes it). */
export async function fetchTile(url: string): Promise<TileProbe> {
  let res: Response;
  try {
    res = await fetch(url, { mode: 'cors', cache: 'no-store' });
  } catch {
    return { code: 'network' };
  }
  const type = res.headers.get('Content-Type') ?? '';
  if (!res.ok) return judgeTile(res.status, type, null);
  try {
    const bmp = await createImageBitmap(await res.blob());
    const size = { width: bmp.width, height: bmp.height };
    bmp.close();
    return judgeTile(res.status, type, size);
  } catch {
    return judgeTile(res.status, type, null);
  }
}

const ARCHIVE_MESSAGES: Readonly<Record<ArchiveError['code'], MessageKey>> = {
  truncated: 'basemap.err.truncated',
  magic: 'basemap.err.magic',
  version: 'basemap.err.version',
  tileType: 'basemap.err.tileType',
  compression: 'basemap.err.compression',
  bounds: 'basemap.err.bounds',
  metadata: 'basemap.err.metadata',
  schema: 'basemap.err.schema',
};

/** The planner's message for an archive that cannot be used. */
export function archiveMessage(e: ArchiveError, name: string): BasemapMessage {
  const extra: Record<string, string | number> = {};
  if (e.code === 'truncated') Object.assign(extra, { size: formatBytes(e.size), needed: formatBytes(e.needed) });
  if (e.code === 'version') extra.version = e.version;
  if (e.code === 'tileType') extra.type = tileTypeName(e.tileType);
  if (e.code === 'compression') extra.code = e.compression;
  if (e.code === 'schema') extra.layers = e.layers.length > 0 ? e.layers.join(', ') : '—';
  return { tone: 'error', key: ARCHIVE_MESSAGES[e.code], params: { name, ...extra } };
}

const bytesOf = async (b: Blob): Promise<Uint8Array> => new Uint8Array(await b.arrayBuffer());

/** The archive reader and its gzip decoder load the first time an archive is read, not with the first map. */
const reader = (): Promise<typeof import('../core/basemap/archive')> => import('../core/basemap/archive');

/** Reads an archive's description from a Blob (two small range reads, never the whole file). */
export async function inspectBlob(blob: Blob): Promise<Result<ArchiveInfo, ArchiveError>> {
  const { readArchiveHead, readArchiveInfo } = await reader();
  const head = await bytesOf(blob.slice(0, HEAD_BYTES));
  const h = readArchiveHead(head, blob.size);
  if (!h.ok) return h;
  const { offset, length } = h.value.metadata;
  return readArchiveInfo(head, blob.size, await bytesOf(blob.slice(offset, offset + length)));
}

/** Reads a deployed archive's description with range requests to the app's own server. */
async function inspectUrl(
  fetcher: SameOrigin['fetch'],
  path: string,
): Promise<{ info: ArchiveInfo; size: number } | null> {
  const res = await fetcher(path, { headers: { Range: `bytes=0-${HEAD_BYTES - 1}` } });
  if (!res.ok) return null;
  const total = /\/(\d+)$/.exec(res.headers.get('Content-Range') ?? '')?.[1];
  const head = new Uint8Array(await res.arrayBuffer());
  // a server that ignores Range sends the whole file: its length is the size
  const size = total ? Number(total) : head.length;
  const { readArchiveHead, readArchiveInfo } = await reader();
  const h = readArchiveHead(head.subarray(0, HEAD_BYTES), size);
  if (!h.ok) return null;
  const { offset, length } = h.value.metadata;
  let meta = head.subarray(offset, offset + length);
  if (offset + length > head.length) {
    const m = await fetcher(path, { headers: { Range: `bytes=${offset}-${offset + length - 1}` } });
    if (!m.ok) return null;
    meta = new Uint8Array(await m.arrayBuffer());
  }
  const info = readArchiveInfo(head.subarray(0, HEAD_BYTES), size, meta);
  return info.ok ? { info: info.value, size } : null;
}

/** `basemaps.json`: { "basemaps": [{ "file": "quanzhou.pmtiles", "name": "泉州街道", "crs": "wgs84" }] }. */
function parseManifest(v: unknown): { file: string; label: string; crs: TileCrs }[] {
  if (!isRecord(v) || !Array.isArray(v.basemaps)) return [];
  return v.basemaps.flatMap((b) => {
    if (!isRecord(b) || typeof b.file !== 'string') return [];
    // same origin only: a plain file name or a path below the app, never another host
    if (!/^[\w\-./]+\.pmtiles$/.test(b.file) || b.file.includes('..') || b.file.startsWith('/')) return [];
    return [
      { file: b.file, label: typeof b.name === 'string' ? b.name : b.file, crs: b.crs === 'gcj02' ? 'gcj02' : 'wgs84' },
    ];
  });
}

/** The archives IT deployed beside the app: those `basemaps.json` names, and `basemap.pmtiles`. */
export async function discoverDeployed(origin: SameOrigin): Promise<DeployedArchive[]> {
  const fetcher = origin.fetch;
  const wanted: { file: string; label: string; crs: TileCrs }[] = [];
  try {
    const m = await fetcher('basemaps.json');
    if (m.ok) wanted.push(...parseManifest(await m.json()));
  } catch {
    // no manifest: only the conventional file name is looked for
  }
  if (!wanted.some((w) => w.file === 'basemap.pmtiles'))
    wanted.push({ file: 'basemap.pmtiles', label: 'basemap.pmtiles', crs: 'wgs84' });
  const found: DeployedArchive[] = [];
  for (const w of wanted) {
    try {
      const r = await inspectUrl(fetcher, w.file);
      if (r) found.push({ ...w, url: origin.url(w.file), size: r.size, info: r.info });
    } catch {
      // not there or not readable: not offered
    }
  }
  return found;
}
