/**
 * A project dragged with the mouse, as a planner drags it: the selected project picked up at zoom 13 and
 * moved 30 times by 6 px, one move right after the other. Each move is timed until the page has handled
 * it (playwright waits for the renderer to take the input event). Chromium hands pointer moves to the
 * page once per display frame, so an idle page takes up to 16.7 ms a move; a map frame that holds the
 * page's thread (about 100 ms without a GPU) shows as more. MapLibre's frames are counted from pick-up
 * to release.
 */
import type { Page } from 'playwright-core';
import { waitForMap } from '../../tests/helpers/browser';

const MOVES = 30;

export interface PointerDrag {
  /** Milliseconds until the page handled each pointer move. */
  readonly perMove: readonly number[];
  /** MapLibre frames drawn while the project was held. */
  readonly frames: number;
  readonly moves: number;
}

export async function pointerDrag(page: Page, id: string): Promise<PointerDrag> {
  const at = await page.evaluate((id) => {
    const app = window.__qzApp;
    const map = window.__qzMap?.map;
    const p = app?.state.scenario.value.features.find((f) => f.id === id);
    if (!app || !map || !p) throw new Error(`no project ${id}`);
    const [lon = 0, lat = 0] = p.geometry.coordinates;
    map.jumpTo({ center: [lon, lat], zoom: 13 });
    app.actions.select(id);
    return { lon, lat };
  }, id);
  await waitForMap(page);
  // Terra Draw (loaded after the first map) holds the selection once the editor is attached
  await page.waitForTimeout(1500);
  await waitForMap(page);
  const start = await page.evaluate(({ lon, lat }) => {
    const map = window.__qzMap?.map;
    if (!map) throw new Error('no map');
    const p = map.project([lon, lat]);
    const r = map.getContainer().getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  }, at);
  // the pointer onto the project first: its hover ring is drawn before the drag, not counted in it
  await page.mouse.move(start.x, start.y);
  await waitForMap(page);
  await page.evaluate(() => {
    const w = window as Window & { __benchFrames?: number };
    w.__benchFrames = 0;
    window.__qzMap?.map.on('render', () => (w.__benchFrames = (w.__benchFrames ?? 0) + 1));
  });
  await page.mouse.down();
  const perMove: number[] = [];
  for (let i = 1; i <= MOVES; i++) {
    const t0 = performance.now();
    await page.mouse.move(start.x + i * 6, start.y + i * 2);
    perMove.push(performance.now() - t0);
  }
  const frames = await page.evaluate(() => (window as Window & { __benchFrames?: number }).__benchFrames ?? NaN);
  await page.mouse.up();
  await page.waitForFunction(() => window.__qzApp?.state.saveStatus.value === 'saved');
  const moved = await page.evaluate(
    (id) => window.__qzApp?.state.scenario.value.features.find((f) => f.id === id)?.geometry.coordinates[0] ?? 0,
    id,
  );
  if (moved <= at.lon) throw new Error('the pointer drag did not move the project');
  return { perMove, frames, moves: MOVES };
}
