/** What the repository tests share: a small scenario, fresh database names, a clock. */
import { forceCloseDatabase } from 'fake-indexeddb';
import { updateProjectEdit } from '../../src/core/edits/build';
import type { Edit } from '../../src/core/edits/edit';
import type { ProjectFeature, ScenarioMeta } from '../../src/core/model/project';
import { loadIndex } from './reference';
import { loadSeed } from './scenarioFixture';

/** fake-indexeddb 6 declares it as taking the class, not a connection (its types.d.ts); it takes a connection. */
export const forceClose = (db: IDBDatabase): void => void Reflect.apply(forceCloseDatabase, undefined, [db]);

export const index = loadIndex();
export const seed = loadSeed();
export const meta = seed.scenario;
export const projects = seed.features.slice(0, 10);
export const first = projects[0] as ProjectFeature;
export const other: ScenarioMeta = { ...meta, id: 'other', name: '方案B', illustrative: false };

let n = 0;
export const dbName = (): string => `test-${++n}-${Date.now()}`;
let clock = 1_700_000_000_000;
export const now = (): number => (clock += 1000);

export const setSeats = (p: ProjectFeature, seats: number): ProjectFeature => ({
  ...p,
  properties: { ...p.properties, seats },
});
export function edit(p: ProjectFeature, seats: number): Edit {
  const e = updateProjectEdit(p, setSeats(p, seats));
  if (!e) throw new Error('expected an edit');
  return e;
}
