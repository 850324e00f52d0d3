/**
 * The `pmtiles://` protocol for MapLibre, registered once and loaded only when an archive is shown.
 * A stored file is read with Blob.slice (range reads from disk, never the whole file in memory); a
 * deployed archive with HTTP range requests to the app's own server.
 */
import * as maplibregl from 'maplibre-gl';
import { FetchSource, PMTiles, Protocol, type RangeResponse, type Source } from 'pmtiles';

class BlobSource implements Source {
  constructor(
    private readonly key: string,
    private readonly blob: Blob,
  ) {}
  getKey(): string {
    return this.key;
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    return { data: await this.blob.slice(offset, offset + length).arrayBuffer() };
  }
}

let protocol: Protocol | null = null;

/** Makes an archive reachable as `pmtiles://<key>`; returns that URL. */
export function registerArchive(a: { key: string; blob: Blob | null; url: string | null }): string {
  if (!protocol) {
    protocol = new Protocol();
    maplibregl.addProtocol('pmtiles', protocol.tile);
  }
  if (a.blob) {
    if (!protocol.tiles.has(a.key)) protocol.add(new PMTiles(new BlobSource(a.key, a.blob)));
    return `pmtiles://${a.key}`;
  }
  const url = a.url ?? '';
  if (!protocol.get(url)) protocol.add(new PMTiles(new FetchSource(url)));
  return `pmtiles://${url}`;
}
