import { describe, expect, it } from 'vitest';
import { loadIndex } from '../../tests/helpers/reference';
import { loadSeed } from '../../tests/helpers/scenarioFixture';
import { deleteProjectsEdit } from '../core/edits/build';
import type { ProjectFeature } from '../core/model/project';
import { createChannelHub, parseTabMessage, type TabMessage } from './tabs';

const index = loadIndex();
const seed = loadSeed();
const first = seed.features[0] as ProjectFeature;

describe('tab messages', () => {
  it('accepts well-formed messages and refuses anything else', () => {
    const m = {
      type: 'commit',
      from: 'a',
      scenarioId: 's',
      revision: 3,
      applied: deleteProjectsEdit([first]),
      summary: {
        meta: seed.scenario,
        projectCount: 89,
        seats: 44_000,
        createdAt: 1,
        modifiedAt: 2,
        revision: 3,
        epoch: 'e1',
      },
      history: {
        undo: { kind: 'delete', subject: first.properties.name, count: 1 },
        redo: null,
        undoCount: 1,
        redoCount: 0,
      },
    } satisfies TabMessage;
    expect(parseTabMessage(JSON.parse(JSON.stringify(m)), index)).toEqual(m);
    expect(parseTabMessage({ type: 'scenarios', from: 'b' }, index)).toEqual({ type: 'scenarios', from: 'b' });
    expect(parseTabMessage({ ...m, revision: 'x' }, index)).toBe(null);
    expect(
      parseTabMessage(
        {
          ...m,
          applied: { kind: 'delete', subject: '', changes: [{ id: 'x', before: { type: 'Feature' }, after: null }] },
        },
        index,
      ),
    ).toBe(null);
    expect(parseTabMessage({ ...m, history: { ...m.history, undo: { kind: 'explode' } } }, index)).toBe(null);
    expect(parseTabMessage({ ...m, summary: { ...m.summary, meta: null } }, index)).toBe(null);
    expect(parseTabMessage({ ...m, summary: { ...m.summary, epoch: 7 } }, index)).toBe(null);
    expect(parseTabMessage('hello', index)).toBe(null);
  });

  it('delivers to the other members of a hub, never back to the sender', async () => {
    const hub = createChannelHub();
    const a = hub();
    const b = hub();
    const heardA: TabMessage[] = [];
    const heardB: TabMessage[] = [];
    a.listen((m) => heardA.push(m));
    b.listen((m) => heardB.push(m));
    a.post({ type: 'scenarios', from: 'a' });
    await new Promise((r) => setTimeout(r, 0));
    expect(heardA).toEqual([]);
    expect(heardB).toEqual([{ type: 'scenarios', from: 'a' }]);
    b.close();
    a.post({ type: 'scenarios', from: 'a' });
    await new Promise((r) => setTimeout(r, 0));
    expect(heardB).toHaveLength(1);
  });
});
