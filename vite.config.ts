import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import ts from 'typescript';
import { defineConfig, type Plugin } from 'vitest/config';
import preact from '@preact/preset-vite';

/**
 * Builds the service worker (src/sw.ts) into dist/sw.js with the list of every file of the build to
 * cache, and a build id from their names (which carry content hashes) and index.html.
 */
function serviceWorker(): Plugin {
  return {
    name: 'qz-service-worker',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      // the build's own files and the static ones copied from public/ (compat.js)
      const publicFiles = existsSync('public') ? readdirSync('public') : [];
      const files = [...Object.keys(bundle), ...publicFiles].filter((f) => !f.endsWith('.map') && f !== 'sw.js').sort();
      const html = bundle['index.html'];
      const hash = createHash('sha256').update(files.join('\n'));
      if (html && html.type === 'asset') hash.update(html.source);
      const build = hash.digest('hex').slice(0, 16);
      const source = ts.transpileModule(readFileSync('src/sw.ts', 'utf8'), {
        compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, removeComments: false },
      }).outputText;
      const code = `const __QZ_BUILD__ = ${JSON.stringify(build)};\nconst __QZ_FILES__ = ${JSON.stringify(['./', ...files])};\n${source.replace(/^export \{\};?\s*$/m, '')}`;
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: code });
    },
  };
}

/**
 * The Content-Security-Policy of the production build, as a meta tag (docs/DEPLOY.md gives the same as a
 * header): scripts, workers and styles from our own origin only; connections and images from our origin
 * plus the opt-in online basemaps — and the bureau's intranet tile hosts, named at build time in
 * QZ_TILE_HOSTS (space-separated origins). Not in the dev server, whose client is an inline script.
 */
export function contentSecurityPolicy(tileHosts = process.env.QZ_TILE_HOSTS ?? ''): string {
  const tiles = ['https://tile.openstreetmap.org', 'https://*.tianditu.gov.cn', ...tileHosts.split(/\s+/)]
    .filter(Boolean)
    .join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "worker-src 'self' blob:",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: ${tiles}`,
    `connect-src 'self' data: blob: ${tiles}`,
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

/** What compresses: text, and the population surface (a grid of mostly empty cells, 814 → 53 KB). */
const COMPRESSIBLE: ReadonlySet<string> = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.geojson',
  '.svg',
  '.txt',
  '.webmanifest',
  '.bin',
]);
/** Smaller files gain less than a request's headers. */
const MIN_BYTES = 1024;

/**
 * Writes `<file>.gz` beside every compressible file of `dir` (recursively) that gzip shrinks by a tenth or
 * more (`index-abc.js` → `index-abc.js.gz`), so that a web server sends the compressed copy instead of
 * compressing on every request, or not at all: nginx with `gzip_static on` (docs/DEPLOY.md), our own
 * server (scripts/lib/staticServer.ts). nginx compresses nothing by default: with DEPLOY.md's set-up as it
 * was, the first map fetched 2.8 MB instead of 0.73 MB.
 */
export function precompress(dir: string): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) precompress(path);
    else if (COMPRESSIBLE.has(extname(name).toLowerCase()) && stat.size >= MIN_BYTES) {
      const gz = gzipSync(readFileSync(path), { level: 9 });
      if (gz.length <= stat.size * 0.9) writeFileSync(`${path}.gz`, gz);
    }
  }
}

/** The build's gzipped copies (precompress), once everything, public/ included, is written. */
function precompressed(): Plugin {
  let outDir = 'dist';
  return {
    name: 'qz-precompress',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      precompress(outDir);
    },
  };
}

function csp(): Plugin {
  return {
    name: 'qz-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy() },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  plugins: [preact(), serviceWorker(), csp(), precompressed()],
  base: './',
  build: {
    // the browsers offices have (docs/DEPLOY.md): Chromium 105+ (Chrome, Edge, 信创 browsers), Firefox ESR
    // 115+, Safari 16.4+; tests/e2e/deploy.e2e.ts checks the built files' syntax with es-check
    target: ['es2022', 'chrome105', 'edge105', 'firefox115', 'safari16.4'],
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
    // geodata and seeds stay separate same-origin files (never inlined as data: URLs)
    assetsInlineLimit: 0,
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.ts', 'layers/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    environment: 'node',
    // the English messages load on first use in the app; code under test has them from the start
    setupFiles: ['tests/helpers/languages.ts'],
    // test files share a worker's modules (95 s → 45 s on 2 cores): no file mocks modules or leaves a
    // global changed (the one that stubs indexedDB.open restores it; each IndexedDB test has its own
    // database); the files pass in any order (checked with --sequence.shuffle.files)
    isolate: false,
  },
});
