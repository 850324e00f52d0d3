import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIND_SYMBOL, iconKey, svgDataUrl, symbolSvg } from '../../layers/symbols';
import { PROJECT_ACTIONS, PROJECT_KINDS, PROJECT_STATUSES } from '../../src/core/model/kinds';
import { BASEMAP_COLORS } from '../../layers/basemap';
import { waitForMap } from '../helpers/browser';
import {
  changedPixels,
  colorAt,
  countColor,
  foreignRequests,
  hexToRgb,
  baseUrl,
  jumpTo,
  near,
  openApp,
  screenPoint,
  seedProjects,
  snapshot,
  useBrowser,
  type Session,
} from '../helpers/e2e';

const seed = { features: seedProjects() };
/** Every symbol as the legend draws it (SVG), by the map's image name. */
const symbolCells = PROJECT_KINDS.flatMap((kind) =>
  PROJECT_ACTIONS.flatMap((action) =>
    PROJECT_STATUSES.map((status) => ({
      key: iconKey(kind, action, status),
      url: svgDataUrl(symbolSvg(kind, action, status)),
    })),
  ),
);

const browser = useBrowser();

/**
 * Keeps the map's pixels as they are when `ready` resolves (snapshot "ready"): the first map counts as
 * drawn at MapLibre's 'load', so that frame must already be the whole picture. And counts the frames
 * WebGL drew until then (animation frames with a draw call: src/map/startupFrames.ts).
 */
const KEEP_READY_FRAME = `(() => {
  let drew = false;
  let frames = 0;
  let counting = true;
  const draw = WebGL2RenderingContext.prototype.drawElements;
  WebGL2RenderingContext.prototype.drawElements = function (...args) {
    drew = true;
    return draw.apply(this, args);
  };
  const tick = () => {
    if (!counting) return;
    if (drew) frames++;
    drew = false;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const keep = (map) => {
    const c = map.getCanvas();
    const off = document.createElement('canvas');
    off.width = c.width;
    off.height = c.height;
    const ctx = off.getContext('2d');
    ctx.drawImage(c, 0, 0);
    window.__snapshots = { ...window.__snapshots, ready: ctx.getImageData(0, 0, c.width, c.height).data };
  };
  const poll = setInterval(() => {
    const m = window.__qzMap;
    if (!m) return;
    clearInterval(poll);
    void m.ready.then(() => {
      counting = false;
      window.__framesBeforeReady = frames + (drew ? 1 : 0);
      keep(m.map);
    });
  }, 1);
})();`;

describe('the offline map', () => {
  // one page load for the three checks below: each starts from the whole city with nothing selected
  let shared: Session | null = null;
  const session = (): Session => {
    if (!shared) throw new Error('no page');
    return shared;
  };
  beforeAll(async () => {
    shared = await openApp(browser(), { init: KEEP_READY_FRAME });
  });
  afterAll(async () => {
    await shared?.context.close();
  });
  const fresh = async (): Promise<Session> => {
    const s = session();
    await s.page.keyboard.press('Escape');
    await expect.poll(() => s.page.getByTestId('project-details').count()).toBe(0);
    await s.page.getByTestId('map-fit-city').click();
    await s.page.waitForTimeout(1000);
    await waitForMap(s.page);
    return s;
  };

  it('draws sea, land and projects and the 12 county names, with no request leaving the origin and no console error', async () => {
    const s = session();
    const { page } = s;
    // the frame at \`ready\` is the whole first map: a redraw once the map is idle changes no pixel
    await snapshot(page, 'idle');
    expect(await changedPixels(page, 'ready', 'idle')).toBe(0);
    // and the first frame drawn: MapLibre draws once all is in (or the basemap first if the rest is
    // late), not a frame per source as it arrives (8–9 frames, mostly of sea alone); the map's box has the
    // sea's colour until then
    const frames = await page.evaluate(
      () => (window as unknown as { __framesBeforeReady?: number }).__framesBeforeReady,
    );
    expect(frames).toBeGreaterThanOrEqual(1);
    expect(frames).toBeLessThanOrEqual(2);
    const box = await page.getByTestId('map').evaluate((el) => getComputedStyle(el).backgroundColor);
    const [r, g, b] = hexToRgb(BASEMAP_COLORS.sea);
    expect(box).toBe(`rgb(${r}, ${g}, ${b})`);
    const names = await page.evaluate(() => {
      const m = window.__qzMap?.map;
      return (m?.querySourceFeatures('countyLabels') ?? []).map((f) => String(f.properties.name)).sort();
    });
    expect(new Set(names)).toEqual(
      new Set([
        '丰泽区',
        '南安市',
        '安溪县',
        '德化县',
        '惠安县',
        '晋江市',
        '永春县',
        '洛江区',
        '泉港区',
        '石狮市',
        '金门县',
        '鲤城区',
      ]),
    );
    await expect.poll(() => page.locator('.maplibregl-ctrl-scale').textContent()).toMatch(/\d+\s*k?m/);
    expect(await page.getByRole('button', { name: '放大' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: '缩小' }).count()).toBe(1);
    // sea in the Taiwan Strait, the city's land in 安溪, the neighbouring land in 漳州 (context)
    expect(near(await colorAt(page, 119.2, 24.7), hexToRgb(BASEMAP_COLORS.sea))).toBe(true);
    expect(near(await colorAt(page, 117.95, 25.25), hexToRgb(BASEMAP_COLORS.city))).toBe(true);
    expect(near(await colorAt(page, 117.6, 24.75), hexToRgb(BASEMAP_COLORS.land))).toBe(true);
    // the project layers draw: hiding them all changes thousands of pixels
    await snapshot(page, 'all');
    await page.getByTestId('layers-hide-all').click();
    await snapshot(page, 'none');
    expect(await changedPixels(page, 'all', 'none')).toBeGreaterThan(1500);
    // kindergartens completed or under construction show their solid orange
    await page.getByTestId('layers-show-all').click();
    expect(await countColor(page, KIND_SYMBOL.kindergarten.color)).toBeGreaterThan(50);
    // the map's symbols (drawn on a canvas from the symbols' steps) are the legend's SVG symbols
    const symbols = await page.evaluate(async (cells) => {
      const m = window.__qzMap?.map;
      const out: { key: string; meanDiff: number }[] = [];
      for (const c of cells) {
        const image = m?.style.getImage(c.key);
        if (!image) continue;
        const img = new Image(64, 64);
        img.src = c.url;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.data.width;
        canvas.height = image.data.height;
        const ctx = canvas.getContext('2d', { willReadFrequently: true });
        if (!ctx) return [];
        ctx.drawImage(img, 0, 0);
        const svg = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        let sum = 0;
        for (let i = 0; i < svg.length; i++) sum += Math.abs((svg[i] ?? 0) - (image.data.data[i] ?? 0));
        out.push({ key: c.key, meanDiff: sum / svg.length });
      }
      return out;
    }, symbolCells);
    expect(symbols.length).toBeGreaterThanOrEqual(8);
    for (const x of symbols) expect(x.meanDiff, x.key).toBeLessThan(4);
    // interact a little: zoom in, pan, fit back
    await page.getByRole('button', { name: '放大' }).click();
    await page.getByTestId('map-fit-city').click();
    await waitForMap(page);
    await page.getByTestId('project-row-qz2022-001').click();
    await waitForMap(page);
    expect(foreignRequests(s)).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });

  it('toggles each layer on the map and in the legend', async () => {
    const s = await fresh();
    const { page } = s;
    await snapshot(page, 'all');
    for (const kind of ['kindergarten', 'primary', 'junior', 'nineYear', 'high', 'vocational'] as const) {
      await page.getByTestId(`layer-toggle-${kind}`).uncheck();
      await snapshot(page, `without-${kind}`);
      // at least ~20 px per project of that kind disappear (12 px symbols at city scale)
      const count = seed.features.filter((f) => f.properties.kind === kind).length;
      expect(await changedPixels(page, 'all', `without-${kind}`), `${kind} hidden`).toBeGreaterThan(count * 20);
      expect(await page.getByTestId(`legend-${kind}`).count()).toBe(0);
      await page.getByTestId(`layer-toggle-${kind}`).check();
      await snapshot(page, `again-${kind}`);
      expect(await changedPixels(page, 'all', `again-${kind}`), `${kind} shown again`).toBeLessThan(5);
      expect(await page.getByTestId(`legend-${kind}`).count()).toBe(1);
    }
    const gold = '#D4A017';
    const rings = await countColor(page, gold, 20);
    expect(rings).toBeGreaterThan(50);
    await page.getByTestId('layer-toggle-central').uncheck();
    expect(await countColor(page, gold, 20)).toBeLessThan(rings * 0.1);
    // layer panel reports count and seats per layer
    expect(await page.getByTestId('layer-stats-kindergarten').innerText()).toContain('12,000');
    expect(await page.getByTestId('layer-stats-central').innerText()).toContain('43');
    await page.getByTestId('layer-toggle-central').check();
  });

  it('opens the details of a project clicked on the map; keeps the symbols on their map position when the map area changes size (once deck.gl#9666)', async () => {
    const s = await fresh();
    const { page } = s;
    const high = seed.features.find((f) => f.properties.kind === 'high' && f.properties.countyCode === '350524');
    if (!high) throw new Error('no high school in 安溪 in the seed');
    const [hLon = 0, hLat = 0] = high.geometry.coordinates;
    await jumpTo(page, hLon, hLat, 14);
    const p = await screenPoint(page, hLon, hLat);
    // hovering tints the symbol with a disc drawn on the page, centred on it: no map frame for it
    await page.mouse.move(p.x + 60, p.y + 60);
    await waitForMap(page);
    await page.evaluate(() => {
      const w = window as Window & { __frames?: number };
      w.__frames = 0;
      window.__qzMap?.map.on('render', () => (w.__frames = (w.__frames ?? 0) + 1));
    });
    await page.mouse.move(p.x, p.y);
    const disc = await page.getByTestId('hover-disc').boundingBox();
    if (!disc) throw new Error('no hover disc over the hovered project');
    expect(Math.hypot(disc.x + disc.width / 2 - p.x, disc.y + disc.height / 2 - p.y)).toBeLessThan(2);
    expect(disc.width).toBeGreaterThanOrEqual(12);
    expect(disc.width).toBeLessThanOrEqual(26);
    expect(await page.evaluate(() => (window as Window & { __frames?: number }).__frames)).toBe(0);
    await page.mouse.move(p.x + 60, p.y + 60);
    await expect.poll(() => page.getByTestId('hover-disc').isVisible()).toBe(false);
    await page.mouse.click(p.x, p.y);
    await expect.poll(() => page.getByTestId('details-name').textContent()).toBe(high.properties.name);
    expect(await page.getByTestId('details-illustrative').count()).toBe(1);
    expect(await page.getByTestId('details-seats').innerText()).toContain(high.properties.seats.toLocaleString('en'));
    expect(await page.getByTestId(`project-row-${high.id}`).getAttribute('aria-selected')).toBe('true');
    // clicking empty map clears the selection
    await page.mouse.click(p.x + 200, p.y + 150);
    await expect.poll(() => page.getByTestId('project-details').count()).toBe(0);
    await page.getByTestId(`project-row-${high.id}`).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('project-details').count()).toBe(0);
    // the details column has closed: let the map take its width back before reading pixels
    await page.waitForTimeout(300);
    await waitForMap(page);
    const target = seed.features.find(
      (f) => f.properties.kind === 'kindergarten' && f.properties.status === 'completed',
    );
    if (!target) throw new Error('no completed kindergarten in the seed');
    const [lon = 0, lat = 0] = target.geometry.coordinates;
    await jumpTo(page, lon, lat, 15);
    const orange = hexToRgb('#F28E2B');
    expect(near(await colorAt(page, lon, lat), orange, 40)).toBe(true);
    // English wraps the top bar, the map gets shorter; then the window itself gets smaller
    await page.getByTestId('lang-toggle').click();
    await page.waitForTimeout(300);
    await waitForMap(page);
    expect(near(await colorAt(page, lon, lat), orange, 40)).toBe(true);
    await page.setViewportSize({ width: 1280, height: 760 });
    await page.waitForTimeout(300);
    await jumpTo(page, lon, lat, 15);
    expect(near(await colorAt(page, lon, lat), orange, 40)).toBe(true);
  });

  it('says the map is being drawn while its first frame is late, and stops saying so once it is drawn', async () => {
    // the land’s file held back 4 s (MapLibre's worker fetches it): the first map cannot be drawn
    const context = await browser().newContext({ viewport: { width: 1366, height: 768 }, serviceWorkers: 'block' });
    try {
      await context.route(/\/land-[^/]*\.geojson$/, async (route) => {
        await new Promise((r) => setTimeout(r, 4000));
        await route.continue();
      });
      const page = await context.newPage();
      await page.goto(baseUrl());
      const notice = page.getByTestId('map-drawing');
      await notice.waitFor({ timeout: 15_000 });
      expect(await notice.innerText()).toBe('正在绘制地图…');
      await waitForMap(page);
      expect(await notice.count()).toBe(0);
      // drawn: the city's land in 安溪 (it was the map box's sea colour until then)
      expect(near(await colorAt(page, 117.95, 25.25), hexToRgb(BASEMAP_COLORS.city))).toBe(true);
    } finally {
      await context.close();
    }
  });
});
