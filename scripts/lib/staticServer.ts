/**
 * A small static web server for the build (dist/), as a bureau's web server serves it: under a sub-path
 * if asked, with the MIME types our files need, HTTP range requests (basemap archives), and the cache
 * headers docs/DEPLOY.md recommends (hashed assets immutable; index.html and sw.js never cached).
 * Used by `npm start` / `npm run serve` and by the deployment tests. Node's http only: no dependencies.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

export const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.bin': 'application/octet-stream',
  '.pmtiles': 'application/vnd.pmtiles',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** hashed build files never change; the page, the service worker and manifests are checked every time */
export function cacheControl(path: string): string {
  if (/\/assets\/[^/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/.test(path)) return 'public, max-age=31536000, immutable';
  return 'no-cache';
}

/** `bytes=a-b`, `bytes=a-`, `bytes=-n` of a file of `size`: [start, end] inclusive, or null if unsatisfiable. */
export function parseRange(header: string, size: number): [number, number] | null | 'ignore' {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m) return 'ignore';
  const [, a = '', b = ''] = m;
  if (a === '' && b === '') return 'ignore';
  let start: number;
  let end: number;
  if (a === '') {
    start = Math.max(0, size - Number(b));
    end = size - 1;
  } else {
    start = Number(a);
    end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
  }
  return start <= end && start < size ? [start, end] : null;
}

/** Whether an Accept-Encoding header admits gzip (`gzip`, `gzip;q=0.8`, `*`; not `gzip;q=0`). */
export function acceptsGzip(header: string | undefined): boolean {
  const q = new Map<string, number>();
  for (const part of (header ?? '').toLowerCase().split(',')) {
    const [coding = '', ...params] = part.split(';').map((x) => x.trim());
    const weight = params.map((p) => /^q=([\d.]+)$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (coding) q.set(coding, weight === undefined ? 1 : Number(weight));
  }
  return (q.get('gzip') ?? q.get('*') ?? 0) > 0;
}

export interface ServeOptions {
  readonly dir: string;
  /** The sub-path the app is served under, with slashes at both ends ("/" or "/jyj/planning/"). */
  readonly base: string;
  readonly host: string;
  readonly port: number;
}

export function startServer(o: ServeOptions): Promise<{ server: Server; url: string }> {
  const root = resolve(o.dir);
  const base = `/${o.base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    if (url.pathname === base.slice(0, -1)) {
      res.writeHead(301, { Location: base }).end();
      return;
    }
    if (!url.pathname.startsWith(base)) {
      res.writeHead(404).end('not found');
      return;
    }
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname.slice(base.length));
    } catch {
      res.writeHead(400).end();
      return;
    }
    const file = normalize(join(root, rel === '' ? 'index.html' : rel));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    const stat = existsSync(file) ? statSync(file) : null;
    if (!stat?.isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    // the build's gzipped copy (vite.config.ts, precompress), as nginx's gzip_static sends it: whole files only
    const gz = `${file}.gz`;
    const hasGz = existsSync(gz);
    const zipped = hasGz && !req.headers.range && acceptsGzip(req.headers['accept-encoding']);
    const target = zipped ? gz : file;
    const size = zipped ? statSync(gz).size : stat.size;
    const headers: Record<string, string> = {
      'Content-Type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Cache-Control': cacheControl(url.pathname),
      'Accept-Ranges': 'bytes',
      'X-Content-Type-Options': 'nosniff',
      ...(hasGz ? { Vary: 'Accept-Encoding' } : {}),
      ...(zipped ? { 'Content-Encoding': 'gzip' } : {}),
    };
    const range = req.headers.range ? parseRange(req.headers.range, size) : 'ignore';
    if (range === null) {
      res.writeHead(416, { 'Content-Range': `bytes */${size}` }).end();
      return;
    }
    if (range !== 'ignore') {
      const [start, end] = range;
      res.writeHead(206, {
        ...headers,
        'Content-Range': `bytes ${start}-${end}/${size}`,
        'Content-Length': String(end - start + 1),
      });
      if (req.method === 'HEAD') res.end();
      else createReadStream(target, { start, end }).pipe(res);
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Length': String(size) });
    if (req.method === 'HEAD') res.end();
    else createReadStream(target).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(o.port, o.host, () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : o.port;
      const host = o.host === '0.0.0.0' || o.host === '::' ? '127.0.0.1' : o.host;
      ok({ server, url: `http://${host}:${port}${base}` });
    });
  });
}
