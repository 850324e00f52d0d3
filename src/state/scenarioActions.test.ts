import { describe, expect, it } from 'vitest';
import { loadIndex } from '../../tests/helpers/reference';
import { loadSeed } from '../../tests/helpers/scenarioFixture';
import { createMemoryRepository } from '../persistence/memory';
import type { NoticeRequest } from './notices';
import { createScenarioActions } from './scenarioActions';
import { createScenarioStore } from './scenarios';
import { createLocalChannel } from './tabs';

const index = loadIndex();
const seed = loadSeed();

async function setup() {
  const notices: NoticeRequest[] = [];
  let closed = 0;
  let dismissed = 0;
  let n = 0;
  const store = createScenarioStore({
    repository: createMemoryRepository(index, { durable: true }),
    channel: createLocalChannel(),
    index,
    seed,
    newId: () => `s-${++n}`,
    tabId: 'tab',
    notify: (x) => notices.push(x),
    onSwitched: () => undefined,
    onChanged: () => undefined,
  });
  const actions = createScenarioActions({
    store,
    notify: (x) => notices.push(x),
    closeDialog: () => {
      closed++;
    },
    dismissNotice: () => {
      dismissed++;
    },
  });
  await store.init(null);
  return { store, actions, notices, closed: () => closed, dismissed: () => dismissed };
}

describe('scenario actions', () => {
  it('creates, renames and duplicates with trimmed names, closing the dialog each time', async () => {
    const { store, actions, closed } = await setup();
    expect(await actions.newScenario('  方案B  ')).toBe(true);
    expect(store.state.scenario.value.scenario.name).toBe('方案B');
    expect(await actions.renameScenario('方案C')).toBe(true);
    expect(await actions.duplicateScenario('方案C 副本')).toBe(true);
    expect(store.state.scenarios.value.map((s) => s.meta.name).sort()).toEqual(
      [seed.scenario.name, '方案C', '方案C 副本'].sort(),
    );
    expect(closed()).toBe(3);
  });

  it('deletes the shown scenario with a notice offering to restore it, and restores it once', async () => {
    const { store, actions, notices, dismissed } = await setup();
    await actions.newScenario('临时');
    const id = store.state.scenario.value.scenario.id;
    expect(await actions.deleteScenario()).toBe(true);
    expect(notices.at(-1)).toMatchObject({ key: 'scenario.deleted', action: 'restoreScenario' });
    expect(store.state.scenarios.value.some((s) => s.meta.id === id)).toBe(false);
    expect(await actions.restoreDeletedScenario()).toBe(true);
    expect(dismissed()).toBe(1);
    expect(store.state.scenario.value.scenario.id).toBe(id);
    expect(await actions.restoreDeletedScenario()).toBe(false);
  });

  it('never deletes the last scenario', async () => {
    const { store, actions } = await setup();
    expect(await actions.deleteScenario()).toBe(false);
    expect(store.state.scenarios.value).toHaveLength(1);
  });
});
