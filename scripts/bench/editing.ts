/**
 * Editing and storage figures in headless Debian Chromium (real IndexedDB):
 * - the time to commit one edit (a move) to IndexedDB: the "qz:commit" user-timing measure, which
 *   spans the repository transaction from start to commit;
 * - coverage while dragging: from a drag preview to the coverage worker's answer, and the worker's own time;
 * - a drag by the mouse (pointerDrag.ts): how long the page takes to handle each move, map frames per move;
 * - the time to load a scenario of 10,000 projects: reading and validating every record
 *   ("qz:load-scenario"), and from navigation until the map has drawn them.
 */
import type { Page } from 'playwright-core';
import { waitForMap } from '../../tests/helpers/browser';
import { readJson } from '../lib/reference';
import { launchForBench, withPreview } from '../lib/preview';
import { pointerDrag } from './pointerDrag';
import type { Figure } from './startup';

const N = 10_000;
const quantile = (xs: number[], q: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))] ?? NaN;
const median = (xs: number[]): number => quantile(xs, 0.5);
/** A time in milliseconds, rounded to `digits`, with the target where there is one. */
const ms = (name: string, value: number, digits = 1, target?: number): Figure => ({
  name,
  value: Number(value.toFixed(digits)),
  unit: 'ms',
  lowerIsBetter: true,
  ...(target === undefined ? {} : { target }),
});

/** Navigation → the map drawn with all `n` projects of the current scenario. */
async function openTime(page: Page, n: number): Promise<number> {
  const t0 = Date.now();
  await page.reload();
  await waitForMap(page);
  await page.waitForFunction((n) => window.__qzApp?.state.scenario.value.features.length === n, n);
  return Date.now() - t0;
}

/** 40 drag previews of one project with the coverage tab open: each from the preview to the worker's answer. */
export async function dragTrips(page: Page, id: string): Promise<{ trip: number[]; engine: number[] }> {
  await page.evaluate(() => window.__qzApp?.actions.setSidebarTab('coverage'));
  await page.waitForFunction(() => window.__qzApp?.state.analysis.result.value !== null, undefined, {
    timeout: 60_000,
  });
  const trips = await page.evaluate(async (id) => {
    const app = window.__qzApp;
    if (!app) return { trip: [], engine: [] };
    const trip: number[] = [];
    const engine: number[] = [];
    for (let i = 0; i < 40; i++) {
      const prev = app.state.analysis.result.value;
      const t0 = performance.now();
      const answered = new Promise<void>((resolve) => {
        const stop = app.state.analysis.result.subscribe((v) => {
          if (v === prev) return;
          queueMicrotask(() => stop());
          resolve();
        });
      });
      app.actions.dragTo({ id, lon: 118.5968 + (i % 10) * 0.0004, lat: 24.9177 + i * 0.0001 });
      await answered;
      trip.push(performance.now() - t0);
      engine.push(app.state.analysis.result.value?.ms ?? NaN);
    }
    app.actions.dragTo(null);
    return { trip, engine };
  }, id);
  await page.evaluate(() => window.__qzApp?.actions.setSidebarTab('layers'));
  return trips;
}

/** Writes a scenario straight into IndexedDB; `order` makes the newest written the one the app opens. */
export async function writeScenario(
  page: Page,
  id: string,
  name: string,
  features: readonly unknown[],
  meta: Record<string, unknown>,
  order: number,
): Promise<void> {
  await page.evaluate(
    async ({ id, name, features, meta, order }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('qz-school-planning');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(new Error(String(r.error)));
      });
      const tx = db.transaction(['scenarios', 'projects', 'settings'], 'readwrite');
      const now = Date.now() + order;
      tx.objectStore('scenarios').put({
        id,
        v: 2,
        meta: { ...meta, id, name, illustrative: false },
        createdAt: now,
        modifiedAt: now,
        revision: 1,
        projectCount: features.length,
        seats: 0,
        history: { base: 1, head: 0, top: 0 },
      });
      for (const f of features as { id: string }[])
        tx.objectStore('projects').put({ scenarioId: id, id: f.id, v: 2, feature: f });
      tx.objectStore('settings').put({ scenarioId: id, camera: null, hidden: [] }, 'view');
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(new Error(String(tx.error)));
      });
      db.close();
    },
    { id, name, features, meta, order },
  );
}

export interface SeedFeature {
  id: string;
  geometry: { coordinates: [number, number] };
  properties: Record<string, unknown>;
}

/** `n` projects: the seed's 90 repeated with small offsets (each stays on land near its original). */
export function benchFeatures(seed: { features: SeedFeature[] }, n: number): unknown[] {
  return Array.from({ length: n }, (_, i) => {
    const f = seed.features[i % seed.features.length] as SeedFeature;
    const id = `bench-${String(i).padStart(5, '0')}`;
    const ring = Math.floor(i / seed.features.length);
    const [lon, lat] = f.geometry.coordinates;
    return {
      ...f,
      id,
      geometry: {
        type: 'Point',
        coordinates: [lon + ((ring % 10) - 5) * 0.0004, lat + (Math.floor(ring / 10) - 5) * 0.0004],
      },
      properties: { ...f.properties, id, name: `${String(f.properties.name)}-${ring}` },
    };
  });
}

export async function editingFigures(): Promise<Figure[]> {
  const seed = readJson('seeds/scenario-2022.geojson') as {
    scenario: Record<string, unknown>;
    features: SeedFeature[];
  };
  const features = benchFeatures(seed, N);
  const figures: Figure[] = [];
  await withPreview(4176, async (url) => {
    const browser = await launchForBench();
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.goto(url);
      await waitForMap(page);

      // one edit: move a project a little, 15 times, and read the commit measures
      const commits: number[] = [];
      for (let i = 0; i < 15; i++) {
        await page.evaluate(
          async ({ i }) => {
            await window.__qzApp?.actions.moveProject('qz2022-001', 118.5968 + i * 0.0001, 24.9177);
          },
          { i },
        );
        await page.waitForFunction(() => window.__qzApp?.state.saveStatus.value === 'saved');
      }
      commits.push(...(await page.evaluate(() => performance.getEntriesByName('qz:commit').map((e) => e.duration))));
      figures.push({
        name: 'save one edit to IndexedDB (median)',
        value: Math.round(median(commits) * 10) / 10,
        unit: 'ms',
        lowerIsBetter: true,
      });

      // coverage while dragging: from a drag preview to the worker's answer (shipped surface, 90 projects)
      const small = await dragTrips(page, 'qz2022-001');
      figures.push(
        ms('coverage while dragging, round trip (median)', median(small.trip)),
        ms('coverage while dragging, worker (median)', median(small.engine), 2),
      );

      // the 90-project scenario opened afresh, the reference for the 10,000 below
      const opens90: number[] = [];
      for (let i = 0; i < 3; i++) opens90.push(await openTime(page, 90));

      // 1,000 projects on the map: the drag must still cost a quarter of a frame
      await writeScenario(page, 'bench-1k', '一千个项目（性能测试）', features.slice(0, 1000), seed.scenario, 1);
      await page.reload();
      await waitForMap(page);
      await page.waitForFunction(() => window.__qzApp?.state.scenario.value.features.length === 1000);
      const thousand = await dragTrips(page, 'bench-00000');
      figures.push(
        ms('drag round trip, 1,000 projects (median)', median(thousand.trip), 1, 4),
        ms('drag round trip, 1,000 projects (p95)', quantile(thousand.trip, 0.95)),
      );
      // and by the mouse: the time the page takes to handle each move, and the map frames drawn meanwhile
      const byMouse = await pointerDrag(page, 'bench-00000');
      figures.push(
        ms('drag by mouse, 1,000 projects: time per move (median)', median([...byMouse.perMove])),
        ms('drag by mouse, 1,000 projects: time per move (p95)', quantile([...byMouse.perMove], 0.95)),
        {
          name: 'drag by mouse, 1,000 projects: map frames per move',
          value: Math.round((byMouse.frames / byMouse.moves) * 100) / 100,
          unit: '×',
          lowerIsBetter: true,
        },
      );

      // a 10,000-project scenario written straight into the store, then opened
      await writeScenario(page, 'bench-10k', '一万个项目（性能测试）', features, seed.scenario, 2);
      const loads: number[] = [];
      const firstMap: number[] = [];
      for (let i = 0; i < 3; i++) {
        firstMap.push(await openTime(page, N));
        loads.push(await page.evaluate(() => performance.getEntriesByName('qz:load-scenario').at(-1)?.duration ?? NaN));
      }
      figures.push({
        name: 'load 10,000-project scenario (median)',
        value: Math.round(median(loads)),
        unit: 'ms',
        lowerIsBetter: true,
      });
      figures.push(
        {
          name: 'open app on 90 projects (median)',
          value: Math.round(median(opens90)),
          unit: 'ms',
          lowerIsBetter: true,
        },
        {
          name: 'open app on 10,000 projects (median)',
          value: Math.round(median(firstMap)),
          unit: 'ms',
          lowerIsBetter: true,
        },
        {
          name: 'open 10,000 ÷ open 90, same run',
          value: Math.round((median(firstMap) / median(opens90)) * 100) / 100,
          unit: '×',
          lowerIsBetter: true,
          target: 1.3,
        },
      );

      // and one edit in that scenario
      const before = await page.evaluate(() => performance.getEntriesByName('qz:commit').length);
      for (let i = 0; i < 9; i++) {
        await page.evaluate(async (i) => {
          await window.__qzApp?.actions.moveProject('bench-00000', 118.5968 + i * 0.0001, 24.9177);
        }, i);
        await page.waitForFunction(() => window.__qzApp?.state.saveStatus.value === 'saved');
      }
      const big = await page.evaluate(
        (from) =>
          performance
            .getEntriesByName('qz:commit')
            .slice(from)
            .map((e) => e.duration),
        before,
      );
      figures.push({
        name: 'save one edit, 10,000 projects (median)',
        value: Math.round(median(big) * 10) / 10,
        unit: 'ms',
        lowerIsBetter: true,
      });
    } finally {
      await browser.close();
    }
  });
  return figures;
}
