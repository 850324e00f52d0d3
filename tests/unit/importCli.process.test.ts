/**
 * The import command as a planner runs it (`npm run import`), in its own process: its messages are
 * English, which the app loads on first use — the command must load them itself (the in-process tests
 * have them from the test setup, so only a real process shows a missing load).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('npm run import, in its own process', () => {
  it('reports a bad file in English and exits with 2', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'qz-import-')), 'empty.csv');
    writeFileSync(file, '');
    const run = spawnSync('npx', ['tsx', 'scripts/import.ts', file], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('empty.csv: The file is empty.');
    expect(run.stderr).not.toContain('not loaded');
  }, 60_000);
});
