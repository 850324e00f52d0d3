import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptsGzip, startServer } from '../../scripts/lib/staticServer';

describe('acceptsGzip', () => {
  it('reads Accept-Encoding as browsers and tools send it', () => {
    expect(acceptsGzip('gzip, deflate, br, zstd')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8, *;q=0.1')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('*, gzip;q=0')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
    expect(acceptsGzip('')).toBe(false);
  });
});

/** A raw GET (Node's fetch would decode the body and hide what the server sent). */
function get(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('the build served with its gzipped copies', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qz-serve-'));
  const js = `export const rows = [${Array.from({ length: 400 }, (_, i) => `{ id: ${i}, name: "学校 ${i}" }`).join(', ')}];\n`;
  let url = '';
  let close = (): void => undefined;
  beforeAll(async () => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>x</title>');
    writeFileSync(join(dir, 'assets', 'app-Ab12Cd34.js'), js);
    // as the build writes it (vite.config.ts, precompress; tests/e2e/deploy.e2e.ts checks the build's own)
    writeFileSync(join(dir, 'assets', 'app-Ab12Cd34.js.gz'), gzipSync(js));
    const s = await startServer({ dir, base: '/sub/', host: '127.0.0.1', port: 0 });
    url = s.url;
    close = () => s.server.close();
  });
  afterAll(() => {
    close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends the gzipped copy to a browser, the file itself otherwise, and ranges of the file itself', async () => {
    const asset = `${url}assets/app-Ab12Cd34.js`;
    const zipped = await get(asset, { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('Accept-Encoding');
    expect(zipped.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(zipped.headers['cache-control']).toContain('immutable');
    expect(Number(zipped.headers['content-length'])).toBe(zipped.body.length);
    expect(gunzipSync(zipped.body).toString()).toBe(js);

    const plain = await get(asset, { 'Accept-Encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Accept-Encoding');
    expect(plain.body.toString()).toBe(js);

    const part = await get(asset, { 'Accept-Encoding': 'gzip', Range: 'bytes=7-18' });
    expect(part.status).toBe(206);
    expect(part.headers['content-encoding']).toBeUndefined();
    expect(part.body.toString()).toBe(js.slice(7, 19));
  });
});
