import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
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
      const files = Object.keys(bundle)
        .filter((f) => !f.endsWith('.map') && f !== 'sw.js')
        .sort();
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

export default defineConfig({
  plugins: [preact(), serviceWorker()],
  base: './',
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
    // geodata and seeds stay separate same-origin files (never inlined as data: URLs)
    assetsInlineLimit: 0,
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.ts', 'layers/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
