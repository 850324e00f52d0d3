/** What the real-files tests share: reading a file as the dialog does, and interpreting it with its suggestions. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { initialChoices } from '../../src/core/io/choices';
import { createBoundaryIndex } from '../../src/core/io/datum';
import { interpretProjects, type Interpretation } from '../../src/core/io/interpret';
import { readFile } from '../../src/core/io/registry';
import type { IoError, RawTable } from '../../src/core/io/types';
import type { ProjectKind } from '../../src/core/model/kinds';
import type { Result } from '../../src/core/result';
import { loadReference } from './reference';
import { editContext } from './scenarioFixture';

export const ctx = editContext();
export const reference = loadReference();
export const boundaries = createBoundaryIndex(reference.counties);
export const real = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'real', name)));
export const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

export async function read(name: string, bytes: Uint8Array, layer?: string): Promise<Result<RawTable, IoError>> {
  return readFile({ name, bytes }, { ref: ctx.index, ...(layer !== undefined ? { layer } : {}) });
}
export async function table(name: string, bytes: Uint8Array, layer?: string): Promise<RawTable> {
  const r = await read(name, bytes, layer);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${JSON.stringify(r.error.params)}`);
  return r.value;
}
export function interpret(t: RawTable, name: string, defaultKind: ProjectKind | null = null): Interpretation {
  const c = initialChoices(t, name, ctx.index.bbox, boundaries);
  let n = 0;
  const r = interpretProjects(
    t,
    {
      mapping: c.mapping,
      crs: c.crs,
      swapped: c.swapped,
      ...(t.prjWkt ? { prjWkt: t.prjWkt } : {}),
      defaultKind,
      defaultYear: 2025,
      newId: () => `r${++n}`,
      source: () => name,
    },
    ctx,
  );
  if (!r.ok) throw new Error(`${name}: ${r.error.code}`);
  return r.value;
}
/** Metres between two WGS84 points a few km apart (local scale; enough for a 1 m check). */
export const metres = (a: readonly number[], b: readonly number[]): number => {
  const [ax = 0, ay = 0] = a;
  const [bx = 0, by = 0] = b;
  return Math.hypot((bx - ax) * 111_320 * Math.cos((ay * Math.PI) / 180), (by - ay) * 110_570);
};
