/**
 * Editing and storage figures in headless Debian Chromium (real IndexedDB):
 * - the time to commit one edit (a move) to IndexedDB: the "qz:commit" user-timing measure, which
 *   spans the repository transaction from start to commit;
 * - coverage while dragging: from a drag preview to the coverage worker's answer, and the worker's own time;
 * - the time to load a scenario of 10,000 projects: reading and validating every record
 *   ("qz:load-scenario"), and from navigation until the map has drawn them.
 */
import { launch, waitForMap } from '../../tests/helpers/browser';
import { readJson } from '../lib/reference';
import { withPreview } from '../lib/preview';
import type { Figure } from './startup';

const N = 10_000;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

interface SeedFeature {
  id: string;
  geometry: { coordinates: [number, number] };
  properties: Record<string, unknown>;
}

export async function editingFigures(): Promise<Figure[]> {
  const seed = readJson('seeds/scenario-2022.geojson') as {
    scenario: Record<string, unknown>;
    features: SeedFeature[];
  };
  // 10,000 projects: the seed's 90 repeated with small offsets (each stays on land near its original)
  const features = Array.from({ length: N }, (_, i) => {
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
  const figures: Figure[] = [];
  await withPreview(4176, async (url) => {
    const browser = await launch();
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
      await page.evaluate(() => window.__qzApp?.actions.setSidebarTab('coverage'));
      await page.waitForFunction(() => window.__qzApp?.state.analysis.result.value !== null);
      const trips = await page.evaluate(async () => {
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
          app.actions.dragTo({ id: 'qz2022-001', lon: 118.5968 + (i % 10) * 0.0004, lat: 24.9177 + i * 0.0001 });
          await answered;
          trip.push(performance.now() - t0);
          engine.push(app.state.analysis.result.value?.ms ?? NaN);
        }
        app.actions.dragTo(null);
        return { trip, engine };
      });
      figures.push(
        {
          name: 'coverage while dragging, round trip (median)',
          value: Math.round(median(trips.trip) * 10) / 10,
          unit: 'ms',
          lowerIsBetter: true,
        },
        {
          name: 'coverage while dragging, worker (median)',
          value: Math.round(median(trips.engine) * 100) / 100,
          unit: 'ms',
          lowerIsBetter: true,
        },
      );
      await page.evaluate(() => window.__qzApp?.actions.setSidebarTab('layers'));

      // a 10,000-project scenario written straight into the store, then opened
      await page.evaluate(
        async ({ features, meta }) => {
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            const r = indexedDB.open('qz-school-planning');
            r.onsuccess = () => resolve(r.result);
            r.onerror = () => reject(new Error(String(r.error)));
          });
          const tx = db.transaction(['scenarios', 'projects', 'settings'], 'readwrite');
          const now = Date.now();
          const id = 'bench-10k';
          tx.objectStore('scenarios').put({
            id,
            v: 2,
            meta: { ...meta, id, name: '一万个项目（性能测试）', illustrative: false },
            createdAt: now,
            modifiedAt: now,
            revision: 1,
            projectCount: features.length,
            seats: 0,
            history: { base: 1, head: 0, top: 0 },
          });
          for (const f of features) tx.objectStore('projects').put({ scenarioId: id, id: f.id, v: 2, feature: f });
          tx.objectStore('settings').put({ scenarioId: id, camera: null, hidden: [] }, 'view');
          await new Promise<void>((resolve, reject) => {
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(new Error(String(tx.error)));
          });
          db.close();
        },
        { features, meta: seed.scenario },
      );
      const loads: number[] = [];
      const firstMap: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t0 = Date.now();
        await page.reload();
        await waitForMap(page);
        await page.waitForFunction((n) => window.__qzApp?.state.scenario.value.features.length === n, N);
        firstMap.push(Date.now() - t0);
        loads.push(await page.evaluate(() => performance.getEntriesByName('qz:load-scenario').at(-1)?.duration ?? NaN));
      }
      figures.push({
        name: 'load 10,000-project scenario (median)',
        value: Math.round(median(loads)),
        unit: 'ms',
        lowerIsBetter: true,
      });
      figures.push({
        name: 'open app on 10,000 projects (median)',
        value: Math.round(median(firstMap)),
        unit: 'ms',
        lowerIsBetter: true,
      });

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
