import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { colorAt, jumpTo, near, openApp, screenPoint, seedProjects, useBrowser, waitSaved } from '../helpers/e2e';
import { waitForMap } from '../helpers/browser';

const browser = useBrowser();

const covered = async (page: Page, testid = 'coverage-city'): Promise<number> =>
  Number((await page.getByTestId(testid).getAttribute('data-covered')) ?? 'NaN');

describe('coverage, demand and targets', () => {
  it('draws catchment circles at each level’s radius, and recomputes when a radius changes in settings', async () => {
    const { page, consoleErrors } = await openApp(browser());
    const p = seedProjects().find((f) => f.properties.kind === 'junior' && f.properties.countyCode === '350503');
    if (!p) throw new Error('no junior school in 丰泽');
    const [lon = 0, lat = 0] = p.geometry.coordinates;
    await jumpTo(page, lon, lat, 14);
    // a point 800 m east of the school: inside its 1 km catchment, away from its symbol
    const inside = await screenPoint(page, lon + 0.0079, lat);
    const pixel = async (): Promise<string> => {
      const shot = await page.screenshot({ clip: { x: inside.x - 2, y: inside.y - 2, width: 5, height: 5 } });
      return shot.toString('base64');
    };
    const before = await pixel();
    expect(await page.getByTestId('legend-catchments').count()).toBe(0);
    await page.getByTestId('layer-toggle-catchments').check();
    await waitForMap(page);
    await expect.poll(pixel).not.toBe(before);
    expect(await page.getByTestId('legend-catchments').textContent()).toContain('初中');
    await page.getByTestId('layer-toggle-catchments').uncheck();
    await waitForMap(page);
    await expect.poll(pixel).toBe(before);
    expect(consoleErrors).toEqual([]);

    // the radius: shown with its source, changed in settings, refused when out of range, kept on reload
    await page.getByTestId('sidebar-tab-coverage').click();
    await page.getByTestId('coverage-level-kindergarten').click();
    await expect.poll(() => covered(page)).toBeGreaterThan(0);
    const at300 = await covered(page);
    expect(await page.getByTestId('coverage-radius').textContent()).toContain('300 m');
    await page.getByTestId('settings-open').click();
    expect(await page.getByTestId('settings-analysis').textContent()).toContain('GB 50180-2018');
    expect(await page.getByTestId('settings-analysis').textContent()).toContain('未核实');
    await page.getByTestId('settings-radius-kindergarten').fill('600');
    await page.getByTestId('settings-radius-kindergarten').press('Tab');
    await page.getByTestId('settings-close').click();
    await expect.poll(() => covered(page)).toBeGreaterThan(at300);
    expect(await page.getByTestId('coverage-radius').textContent()).toContain('600 m');
    const at600 = await covered(page);
    // the all-levels overview agrees with the level's own figure
    expect(await covered(page, 'coverage-all-kindergarten')).toBe(at600);

    await page.getByTestId('settings-open').click();
    await page.getByTestId('settings-radius-kindergarten').fill('-5');
    await page.getByTestId('settings-radius-kindergarten').press('Tab');
    await expect.poll(() => page.getByTestId('settings-radius-kindergarten-error').textContent()).toContain('50');
    await page.getByTestId('settings-close').click();
    expect(await covered(page)).toBe(at600);

    // the parameter is kept across a reload
    await page.reload();
    await waitForMap(page);
    await page.getByTestId('sidebar-tab-coverage').click();
    await page.getByTestId('coverage-level-kindergarten').click();
    await expect.poll(() => covered(page)).toBe(at600);
  });

  it('updates the covered population while a school is dragged, and keeps it after the drop', async () => {
    const { page, consoleErrors } = await openApp(browser());
    await page.getByTestId('sidebar-tab-coverage').click();
    await expect.poll(() => page.getByTestId('coverage-modelled').textContent()).toContain('模拟人口分布，仅供演示');
    await expect.poll(() => covered(page)).toBeGreaterThan(0);
    const start = await covered(page);
    const county = await covered(page, 'coverage-county-350503');
    // the per-county figures add up to the city figure shown
    const counties = await page
      .locator('[data-testid^="coverage-county-"]')
      .evaluateAll((rows) => rows.reduce((s, r) => s + Number(r.getAttribute('data-covered')), 0));
    expect(Math.abs(counties - start)).toBeLessThanOrEqual(12);

    const p = seedProjects().find((f) => f.properties.kind === 'primary' && f.properties.countyCode === '350503');
    if (!p) throw new Error('no primary school in 丰泽');
    const [lon = 0, lat = 0] = p.geometry.coordinates;
    await page.evaluate((id) => window.__qzApp?.actions.select(id), p.id);
    await jumpTo(page, lon, lat, 13);
    const at = await screenPoint(page, lon, lat);
    await page.mouse.move(at.x, at.y);
    // count the map's frames while dragging: the marker moves on the page, not by re-tiling the map
    await page.evaluate(() => {
      const w = window as Window & { __frames?: number };
      w.__frames = 0;
      window.__qzMap?.map.on('render', () => (w.__frames = (w.__frames ?? 0) + 1));
    });
    await page.mouse.down();
    // drag about 3 km west-north-west, out of the dense 东海 area: the school covers fewer people there
    const to = await screenPoint(page, lon - 0.03, lat + 0.012);
    for (let i = 1; i <= 15; i++)
      await page.mouse.move(at.x + ((to.x - at.x) * i) / 15, at.y + ((to.y - at.y) * i) / 15);
    // still holding the mouse: the figure has already changed, and the marker is where the pointer is
    await expect.poll(() => covered(page)).toBeLessThan(start);
    await expect.poll(() => covered(page, 'coverage-county-350503')).toBeLessThan(county);
    const marker = await page.getByTestId('drag-marker').boundingBox();
    if (!marker) throw new Error('no drag marker');
    expect(Math.hypot(marker.x + marker.width / 2 - to.x, marker.y + marker.height / 2 - to.y)).toBeLessThan(4);
    // Terra Draw moved the point and the layers followed until round 6: 2–3 map frames per move (37 here)
    const frames = await page.evaluate(() => (window as Window & { __frames?: number }).__frames ?? -1);
    expect(frames).toBeGreaterThanOrEqual(0);
    expect(frames).toBeLessThan(15);
    await page.mouse.up();
    await waitSaved(page);
    const after = await covered(page);
    expect(after).toBeLessThan(start);
    // the school is drawn at the drop; the marker goes once the map shows it
    const moved = await page.evaluate(
      (id) => window.__qzApp?.state.scenario.value.features.find((f) => f.id === id),
      p.id,
    );
    const [mLon = 0, mLat = 0] = moved?.geometry.coordinates ?? [];
    expect(Math.abs(mLon - (lon - 0.03))).toBeLessThan(0.001);
    expect(Math.abs(mLat - (lat + 0.012))).toBeLessThan(0.001);
    await expect.poll(() => page.getByTestId('drag-marker').count()).toBe(0);
    // undo puts the school back and the figure with it
    await page.getByTestId('undo').click();
    await expect.poll(() => covered(page)).toBe(start);
    expect(consoleErrors).toEqual([]);
  });

  it('shows the seeded scenario on target, flags counties without special education, and tables demand against seats', async () => {
    const { page } = await openApp(browser());
    await page.getByTestId('sidebar-tab-targets').click();
    for (const [id, achieved] of [
      ['kg-projects', '33'],
      ['kg-seats', '12000'],
      ['compulsory-projects', '51'],
      ['compulsory-seats', '27000'],
      ['high-projects', '4'],
      ['high-seats', '4000'],
      ['vocational-projects', '2'],
      ['vocational-seats', '2000'],
      ['central-district-projects', '43'],
    ] as const) {
      const row = page.getByTestId(`target-${id}`);
      expect([id, await row.getAttribute('data-status'), await row.getAttribute('data-achieved')]).toEqual([
        id,
        'met',
        achieved,
      ]);
    }
    expect(await page.getByTestId('target-kg-demonstration').getAttribute('data-status')).toBe('needsData');
    // the illustrative scenario's ownership is an assumption and no existing kindergartens are loaded:
    // 公办率 and 普惠率 cannot be told, and the summary does not count them as met
    for (const id of ['kg-public-rate', 'kg-inclusive-rate']) {
      expect(await page.getByTestId(`target-${id}`).getAttribute('data-status')).toBe('needsData');
      expect(await page.getByTestId(`target-${id}-status`).textContent()).toBe('无法判断');
    }
    expect(await page.getByTestId('targets-summary').textContent()).toContain('9/9');
    // without existing-schools data no county is said to lack a special-education school: unknown
    const special = page.getByTestId('target-special-ed-rule');
    expect(await special.getAttribute('data-status')).toBe('needsData');
    expect(await page.getByTestId('target-special-ed-rule-failing').count()).toBe(0);
    expect(await special.textContent()).toContain('≥ 200,000');
    expect(await page.getByTestId('target-special-ed-rule-note').textContent()).toContain('不等于缺少');
    const jinjiangRow = page.getByTestId('target-special-ed-rule-counties').locator('tr[data-county="350582"]');
    expect(await jinjiangRow.getAttribute('data-state')).toBe('unknown');
    expect(await jinjiangRow.textContent()).toContain('2,069,000');
    await page.getByTestId('targets-show-special').click();
    await page.getByTestId('sidebar-tab-layers').click();
    expect(await page.getByTestId('layer-toggle-specialGap').isChecked()).toBe(true);
    const unknownCounties = await page.evaluate(() =>
      (window.__qzApp?.state.layerInput.value.analysis.specialGap ?? []).map((f) => f.properties.special),
    );
    expect(unknownCounties).toHaveLength(11);
    expect(new Set(unknownCounties)).toEqual(new Set(['unknown']));
    // drawn by MapLibre's own layers (src/map/countyShades.ts), not deck.gl: 晋江 and 南安 shaded grey
    const inJinjiang = [118.53, 24.72] as const;
    const inNanan = [118.3, 24.98] as const;
    expect(await page.evaluate(() => window.__qzMap?.map.getLayoutProperty('special-gap-fill', 'visibility'))).not.toBe(
      'none',
    );
    const shadedJinjiang = await colorAt(page, ...inJinjiang);
    const shadedNanan = await colorAt(page, ...inNanan);
    // with no other analysis layer shown, deck.gl is not even loaded
    expect(
      await page.evaluate(
        () => performance.getEntriesByType('resource').filter((e) => e.name.includes('analysisOverlay')).length,
      ),
    ).toBe(0);

    // planning a special-education school in 晋江 settles that county
    await page.evaluate(async () => {
      const app = window.__qzApp;
      if (!app) return;
      app.actions.setMode({ type: 'add', kind: 'special' });
      await app.actions.placeProject(118.577, 24.813);
    });
    await waitSaved(page);
    await page.getByTestId('sidebar-tab-targets').click();
    await expect.poll(() => jinjiangRow.getAttribute('data-state')).toBe('ok');
    expect(await special.getAttribute('data-achieved')).toBe('1');
    // and on the map: 晋江 is no longer shaded (lighter by the grey's 16 % opacity), 南安 still is
    await expect.poll(async () => (await colorAt(page, ...inJinjiang))[0] - shadedJinjiang[0]).toBeGreaterThan(12);
    expect(near(await colorAt(page, ...inNanan), shadedNanan, 3)).toBe(true);

    // seats against demand per county, sorted and downloaded
    await page.getByTestId('drawer-tab-demand').click();
    const table = page.getByTestId('demand-table');
    await expect.poll(() => table.isVisible()).toBe(true);
    expect(await page.getByTestId('demand-row-city').textContent()).toContain('8,850,000');
    expect(await page.getByTestId('demand-row-qtz').textContent()).toContain('泉州台商投资区');
    // sort by gap, largest first: 晋江 (2.07 million people) leads
    await page.getByTestId('demand-sort-gap').click();
    const first = await table.locator('tbody tr').first().getAttribute('data-testid');
    expect(first).toBe('demand-row-350582');
    const download = page.waitForEvent('download');
    await page.getByTestId('demand-csv').click();
    const file = await (await download).path();
    const csv = readFileSync(file, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toContain('区县');
    expect(lines.some((l) => l.startsWith('晋江市,2069000,'))).toBe(true);
    expect(lines).toHaveLength(1 + 11 + 2 + 1);
  });
});
