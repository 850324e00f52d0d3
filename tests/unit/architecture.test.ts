import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
/** Names in the text that are not files of the repository (a library's name). */
// names of files the app looks for on a bureau's server (not in the repository), and a library's name
const NOT_FILES = new Set(['pdf.js', 'basemaps.json', 'sw.js']);

describe('docs/ARCHITECTURE.md', () => {
  it('names only files that exist', () => {
    const text = readFileSync(join(ROOT, 'docs', 'ARCHITECTURE.md'), 'utf8');
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).split('\n');
    const paths = new Set(files);
    const names = new Set(files.map((f) => basename(f)));
    const cited = [...text.matchAll(/[\w./-]+\.(?:tsx?|json|geojson|md|css|bin|js)\b/g)].map((m) => m[0]);
    const missing = [...new Set(cited)].filter((c) => {
      // a path outside the repository (the docs cite the team's reference notes): not checked
      if (NOT_FILES.has(c) || c.startsWith('../')) return false;
      return c.includes('/') ? !paths.has(c.replace(/^\.\//, '')) : !names.has(c);
    });
    expect(cited.length).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });
});
