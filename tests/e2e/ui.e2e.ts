import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { waitForMap } from '../helpers/browser';
import { baseUrl, foreignRequests, openApp, seedProjects, useBrowser } from '../helpers/e2e';

const seed = { features: seedProjects() };

const browser = useBrowser();

/** Rows matching the filter, as the table states them ("显示 12 / 90 个项目"); only rows in view are rendered. */
const rowCount = async (page: Page): Promise<number> => {
  const text = await page.getByTestId('table-summary').innerText();
  return Number((/(\d[\d,]*)/.exec(text)?.[1] ?? '-1').replace(/,/g, ''));
};

/** Visible text, titles, placeholders and labels outside [data-i18n-exempt] that contain CJK. */
async function cjkLeftovers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cjk = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;
    const found: string[] = [];
    const visible = (el: Element): boolean => {
      const r = el.getBoundingClientRect();
      const st = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && st.visibility !== 'hidden' && st.display !== 'none';
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('[data-i18n-exempt]') || !visible(el)) continue;
      if (el.closest('select') && !(el instanceof HTMLOptionElement && el.selected)) continue;
      if (cjk.test(n.textContent ?? '')) found.push(n.textContent?.trim() ?? '');
    }
    for (const el of document.querySelectorAll('[title],[placeholder],[aria-label]')) {
      if (el.closest('[data-i18n-exempt]')) continue;
      for (const a of ['title', 'placeholder', 'aria-label']) {
        const v = el.getAttribute(a);
        if (v && cjk.test(v)) found.push(`${a}=${v}`);
      }
    }
    if (cjk.test(document.title)) found.push(`title=${document.title}`);
    return found;
  });
}

describe('project table', () => {
  it('selects a row, flies the map to it and shows its details; filters, searches, sorts and clears', async () => {
    const s = await openApp(browser());
    const { page } = s;
    const target = seed.features.find((f) => f.properties.name === '泉州市实验小学洛江第二校区');
    if (!target) throw new Error('named project missing from seed');
    // rows are rendered as they scroll into view: the last one appears at the bottom
    const rendered = await page.locator('[data-testid^="project-row-"]').count();
    expect(rendered).toBeLessThan(90);
    const lastId = await page.evaluate(() => window.__qzApp?.state.rows.value.at(-1)?.id ?? '');
    expect(await page.getByTestId(`project-row-${lastId}`).count()).toBe(0);
    // scrolled down (as a wheel would, but not dropped when the page is busy): the last row is rendered
    const scroller = page.getByTestId('project-table').locator('.table-scroll');
    await expect
      .poll(
        async () => {
          await scroller.evaluate((el) => el.scrollBy(0, 1500));
          return page.getByTestId(`project-row-${lastId}`).count();
        },
        { timeout: 15_000 },
      )
      .toBe(1);
    await page.getByTestId('table-search').fill('洛江第二');
    await page.getByTestId(`project-row-${target.id}`).click();
    await expect.poll(() => page.getByTestId('details-name').textContent()).toBe(target.properties.name);
    await page.waitForFunction(() => window.__qzMap && !window.__qzMap.map.isMoving(), undefined, { timeout: 10_000 });
    await waitForMap(page);
    const center = await page.evaluate(() => window.__qzMap?.map.getCenter().toArray());
    const [lon = 0, lat = 0] = target.geometry.coordinates;
    expect(Math.abs((center?.[0] ?? 0) - lon)).toBeLessThan(0.002);
    expect(Math.abs((center?.[1] ?? 0) - lat)).toBeLessThan(0.002);
    expect(await page.evaluate(() => window.__qzMap?.map.getZoom())).toBeGreaterThanOrEqual(12);
    await page.keyboard.press('Escape');
    await page.getByTestId('table-clear').click();
    expect(await rowCount(page)).toBe(90);
    await page.getByTestId('table-filter-county').selectOption('350503');
    const fengze = seed.features.filter((f) => f.properties.countyCode === '350503');
    expect(await rowCount(page)).toBe(fengze.length);
    await page.getByTestId('table-filter-kind').selectOption('kindergarten');
    expect(await rowCount(page)).toBe(fengze.filter((f) => f.properties.kind === 'kindergarten').length);
    await page.getByTestId('table-clear').click();
    await page.getByTestId('table-filter-status').selectOption('completed');
    expect(await rowCount(page)).toBe(seed.features.filter((f) => f.properties.status === 'completed').length);
    await page.getByTestId('table-clear').click();
    await page.getByTestId('table-filter-central').check();
    expect(await rowCount(page)).toBe(43);
    expect(await page.getByTestId('table-summary').innerText()).toContain('43');
    await page.getByTestId('table-clear').click();
    expect(await page.getByTestId('table-filter-central').isChecked()).toBe(false);
    await page.getByTestId('table-search').fill('晋光');
    expect(await rowCount(page)).toBe(2);
    await page.getByTestId('table-search').fill('不存在的学校');
    expect(await rowCount(page)).toBe(0);
    expect(await page.getByTestId('table-empty').isVisible()).toBe(true);
    await page.getByTestId('table-clear').click();
    await page.getByTestId('table-sort-seats').click();
    const first = page.locator('[data-testid^="project-row-"]').first();
    const biggest = seed.features.find((f) => f.properties.name === '泉州台商投资区第三实验小学'); // 3,060 seats
    expect(await first.getAttribute('data-id')).toBe(biggest?.id);
    expect(await page.getByTestId('table-summary').innerText()).toContain('45,000');
    await s.context.close();
  });
});

describe('language', () => {
  it('switches every visible string, the map labels and back', async () => {
    const s = await openApp(browser());
    const { page } = s;
    expect(await page.locator('h1').innerText()).toBe('泉州学校建设规划地图');
    await page.getByTestId('project-row-qz2022-001').click();
    await page.getByTestId('lang-toggle').click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Quanzhou School Construction Planning Map');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await cjkLeftovers(page)).toEqual([]);
    const labelField = (id: string): Promise<string> =>
      page.evaluate((id) => JSON.stringify(window.__qzMap?.map.getLayoutProperty(id, 'text-field')), id);
    expect(await labelField('county-labels')).toContain('"nameEn"');
    expect(await labelField('context-labels')).toBe('["get","nameEn"]');
    await page.getByTestId('settings-open').click();
    await page.getByTestId('basemap-settings').waitFor(); // the dialog loads when first opened
    expect(await cjkLeftovers(page)).toEqual([]);
    await page.getByTestId('settings-close').click();
    // the analysis tabs, with every analysis layer's legend and the demand table
    await page.getByTestId('sidebar-tab-coverage').click();
    await page.getByTestId('coverage-show-assignment').check();
    await expect.poll(() => page.getByTestId('coverage-served').isVisible()).toBe(true);
    expect(await cjkLeftovers(page)).toEqual([]);
    await page.getByTestId('sidebar-tab-targets').click();
    expect(await cjkLeftovers(page)).toEqual([]);
    await page.getByTestId('sidebar-tab-layers').click();
    for (const id of ['catchments', 'uncovered', 'population', 'seatGap', 'specialGap'])
      await page.getByTestId(`layer-toggle-${id}`).check();
    expect(await cjkLeftovers(page)).toEqual([]);
    await page.getByTestId('drawer-tab-demand').click();
    expect(await cjkLeftovers(page)).toEqual([]);
    // import and export: the menu, the dialog, and a preview of a Chinese CSV with swapped columns
    await page.getByTestId('export-more').click();
    expect(await cjkLeftovers(page)).toEqual([]);
    await page.getByTestId('export-more').click();
    await page.getByTestId('import-open').click();
    expect(await cjkLeftovers(page)).toEqual([]);
    await page
      .getByTestId('import-file-input')
      .setInputFiles(new URL('../fixtures/io/projects-swapped.csv', import.meta.url).pathname);
    await expect.poll(() => page.getByTestId('import-preview').getAttribute('data-count')).toBe('3');
    expect(await page.getByTestId('import-swap').isChecked()).toBe(true);
    expect(await cjkLeftovers(page)).toEqual([]);
    await page.getByTestId('import-close').click();
    await page.getByTestId('table-toggle').click();
    expect(await cjkLeftovers(page)).toEqual([]);
    await page.getByTestId('lang-toggle').click();
    expect(await page.locator('h1').innerText()).toBe('泉州学校建设规划地图');
    expect(await labelField('county-labels')).not.toContain('"nameEn"');
    expect(await labelField('context-labels')).toBe('["get","name"]');
    expect(s.consoleErrors).toEqual([]);
    await s.context.close();
  });
});

describe('settings', () => {
  it('keeps the basemap choice and Tianditu key across a reload, and asks the internet only after opt-in', async () => {
    const s = await openApp(browser());
    const { page } = s;
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    await page.getByTestId('settings-open').click();
    await page.getByTestId('basemap-select').selectOption('tdtVector');
    expect(await page.getByTestId('settings-tk-missing').isVisible()).toBe(true);
    expect(foreignRequests(s)).toEqual([]); // no key, no request
    await page.getByTestId('settings-tk').fill('0123456789abcdef0123456789abcdef');
    await page.getByTestId('settings-tk').press('Enter');
    await page.getByTestId('settings-tk').blur();
    await expect
      .poll(() => foreignRequests(s).some((u) => u.includes('tianditu.gov.cn') && u.includes('tk=0123456789abcdef')))
      .toBe(true);
    // the settings are stored (a reload aborts a write still in flight): app.flush() waits for them too
    await page.evaluate(() => window.__qzApp?.flush());
    await page.reload();
    await waitForMap(page);
    await page.getByTestId('settings-open').click();
    expect(await page.getByTestId('basemap-select').inputValue()).toBe('tdtVector');
    expect(await page.getByTestId('settings-tk').inputValue()).toBe('0123456789abcdef0123456789abcdef');
    await page.getByTestId('basemap-select').selectOption('osm');
    await expect.poll(() => foreignRequests(s).some((u) => u.startsWith('https://tile.openstreetmap.org/'))).toBe(true);
    expect(await page.getByTestId('credits').innerText()).toContain('OpenStreetMap');
    await page.getByTestId('basemap-select').selectOption('offline');
    await page.evaluate(() => window.__qzApp?.flush());
    await page.reload();
    const before = foreignRequests(s).length;
    await waitForMap(page);
    expect(foreignRequests(s).length).toBe(before);
    await s.context.close();
  });
});

describe('bad data', () => {
  it('shows a clear message when embedded data cannot be read', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.route('**/counties-*.geojson', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: '{"type":"FeatureCollection","features":[{"type":"Feature"',
      }),
    );
    await page.goto(baseUrl());
    await expect.poll(() => page.getByTestId('load-error').isVisible()).toBe(true);
    const text = await page.getByTestId('load-error').innerText();
    expect(text).toContain('数据加载失败');
    expect(text).toContain('Could not load the data');
    expect(text).toMatch(/JSON|counties/);
    await context.close();
  });
});
