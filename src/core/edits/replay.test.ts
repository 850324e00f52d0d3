import { describe, expect, it } from 'vitest';
import { loadSeed } from '../../../tests/helpers/scenarioFixture';
import { deleteProjectsEdit, updateProjectEdit } from './build';
import type { Edit } from './edit';
import type { ProjectFeature } from '../model/project';
import { applyEdit, replay } from './replay';

const seed = loadSeed();
const [first, second] = seed.features;
if (!first || !second) throw new Error('seed too small');
const a: ProjectFeature = first;
const b: ProjectFeature = second;
const base = { meta: seed.scenario, features: seed.features };

function seats(p: ProjectFeature, n: number): Edit {
  const e = updateProjectEdit(p, { ...p, properties: { ...p.properties, seats: n } });
  if (!e) throw new Error('expected an edit');
  return e;
}

describe('replay (pending edits on top of what is stored)', () => {
  it('applies edits in order, each rebased onto the result of the ones before', () => {
    const r = replay(base, [seats(a, 300), seats(a, 333), deleteProjectsEdit([b])]);
    expect(r.features.find((p) => p.id === a.id)?.properties.seats).toBe(333);
    expect(r.features.some((p) => p.id === b.id)).toBe(false);
    expect(r.features).toHaveLength(seed.features.length - 1);
    // the second edit was made from the first one's result: as shown, it changes 300 to 333
    expect(r.applied[1]?.changes[0]?.before?.properties.seats).toBe(300);
  });

  it('keeps changes another tab made to other fields when it replays (a three-way merge)', () => {
    const elsewhere = applyEdit(
      base,
      updateProjectEdit(a, { ...a, properties: { ...a.properties, notes: '乙' } }) ?? seats(a, 1),
    );
    const r = replay(elsewhere.state, [seats(a, 300)]);
    expect(r.features.find((p) => p.id === a.id)?.properties).toMatchObject({ seats: 300, notes: '乙' });
  });

  it('drops a change to a project deleted meanwhile, and leaves unchanged projects as they were', () => {
    const gone = applyEdit(base, deleteProjectsEdit([a])).state;
    const r = replay(gone, [seats(a, 300)]);
    expect(r.applied[0]?.changes).toEqual([]);
    expect(r.features).toBe(gone.features);
    expect(replay(base, []).features).toBe(base.features);
  });
});
