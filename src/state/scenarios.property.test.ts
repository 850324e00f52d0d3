import { describe, expect, it } from 'vitest';
import { prng } from '../../tests/helpers/scenarioFixture';
import {
  addProjectsEdit,
  deleteProjectsEdit,
  moveProjectEdit,
  newProject,
  updateProjectEdit,
} from '../core/edits/build';
import type { Edit } from '../core/edits/edit';
import type { ScenarioCollection } from '../core/model/project';
import { createMemoryRepository } from '../persistence/memory';
import { createChannelHub } from './tabs';
import { index, ctx, SEED_ID, disk, tab, tick, settle, expectShownIsStored } from '../../tests/helpers/scenarioTabs';

describe('scenario store: property test of interleavings', () => {
  type Tab = ReturnType<typeof tab>;

  /** One random edit a planner could make in this tab, built from what the tab shows (as the UI does). */
  function randomEdit(t: Tab, rand: () => number, n: number): Edit | null {
    const list = t.store.state.scenario.value.features;
    const p = list[Math.floor(rand() * list.length)];
    const r = rand();
    if (!p || r < 0.1) {
      const q = newProject(
        'kindergarten',
        118.59 + rand() * 0.02,
        24.9 + rand() * 0.02,
        {
          id: `${t.name}-new-${n}`,
          year: 2022,
          existingNames: new Set(list.map((f) => f.properties.name)),
        },
        ctx,
      );
      return q ? addProjectsEdit([q]) : null;
    }
    if (r < 0.2) return deleteProjectsEdit([p]);
    if (r < 0.4) {
      const m = moveProjectEdit(p, 118.58 + rand() * 0.03, 24.89 + rand() * 0.03, ctx);
      return m.ok ? m.value : null;
    }
    if (r < 0.55) {
      const e = updateProjectEdit(p, { ...p, properties: { ...p.properties, notes: `${t.name}${n}` } });
      return e;
    }
    return updateProjectEdit(p, { ...p, properties: { ...p.properties, seats: 30 + Math.floor(rand() * 1000) } });
  }

  /** QZ_RUNS=400 for a longer search; 40 in the suite. */
  const RUNS = Number(process.env.QZ_RUNS ?? 40);
  const STEPS = 45;

  it(
    `after the queue drains, each tab shows what is stored, project by project (${RUNS} runs)`,
    async () => {
      for (let run = 0; run < RUNS; run++) {
        const rand = prng(1000 + run);
        const d = disk();
        const repo = createMemoryRepository(index, { durable: true, onCommit: d.onCommit });
        const hub = createChannelHub();
        const tabs = [tab(repo, hub(), 'A'), tab(repo, hub(), 'B')];
        for (const t of tabs) await t.store.init(SEED_ID);
        await tabs[0]?.store.create('方案二');
        await tabs[0]?.store.switchTo(SEED_ID);
        const inflight: Promise<unknown>[] = [];
        const deleted = new Map<string, ScenarioCollection>();
        for (let i = 0; i < STEPS; i++) {
          const t = tabs[Math.floor(rand() * tabs.length)];
          if (!t) continue;
          const r = rand();
          if (r < 0.45) {
            const e = randomEdit(t, rand, i);
            if (e) inflight.push(t.store.commit(e));
          } else if (r < 0.53) inflight.push(t.store.undo());
          else if (r < 0.58) inflight.push(t.store.redo());
          else if (r < 0.68) d.next('slow');
          else if (r < 0.71) d.next('quota');
          else if (r < 0.73) d.next('lost');
          else if (r < 0.78)
            inflight.push(t.store.switchTo(t.store.state.scenario.value.scenario.id)); // a reload
          else if (r < 0.81) {
            const id = t.store.state.scenario.value.scenario.id;
            inflight.push(
              t.store.remove().then((held) => {
                if (held) deleted.set(id, held);
              }),
            );
          } else if (r < 0.85 && deleted.size > 0) {
            const [id, held] = [...deleted][0] ?? [];
            if (id && held) {
              deleted.delete(id);
              inflight.push(t.store.restore(held));
            }
          } else if (r < 0.9) {
            const other = t.store.state.scenarios.value[Math.floor(rand() * t.store.state.scenarios.value.length)];
            if (other) inflight.push(t.store.switchTo(other.meta.id));
          } else if (d.holding > 0) d.releaseOne(Math.floor(rand() * 10));
          // let some of the queued work run before the next step
          for (let k = Math.floor(rand() * 3); k > 0; k--) await tick();
        }
        d.clearPlan();
        for (let k = 0; k < 50 && (d.holding > 0 || k < 3); k++) {
          d.releaseAll();
          await settle(tabs.map((t) => t.store));
        }
        await Promise.all(inflight);
        await settle(tabs.map((t) => t.store));
        // edits kept on screen after a lost connection are stored when the planner retries
        for (const t of tabs) if (t.store.state.unsavedCount.value > 0) await t.store.retry();
        await settle(tabs.map((t) => t.store));
        for (const t of tabs) {
          const status = t.store.state.saveStatus.value;
          expect(['saved', 'error'], `run ${run} tab ${t.name}: status ${status}`).toContain(status);
          expect(t.store.state.unsavedCount.value).toBe(0);
          try {
            await expectShownIsStored(repo, t.store);
          } catch (e: unknown) {
            throw new Error(`run ${run}, tab ${t.name}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
          }
        }
      }
    },
    RUNS * 1_500,
  );
});
