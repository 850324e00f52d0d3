import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, seedProjects, useBrowser, waitSaved } from '../helpers/e2e';

const browser = useBrowser();
const SHOTS = 'test-results/projection';
mkdirSync(SHOTS, { recursive: true });
const tmp = join(tmpdir(), 'qz-projection-e2e');
mkdirSync(tmp, { recursive: true });

const STAGES = ['preschool', 'primary', 'junior', 'upperSecondary', 'generalHigh', 'vocational'] as const;
const YEARS = Array.from({ length: 14 }, (_, i) => 2022 + i);

interface Cell {
  county: string;
  stage: string;
  year: number;
  demand: number;
  seats: number;
}

/** Every cell of the projection table as shown (its data attributes). */
const cells = (page: Page): Promise<Cell[]> =>
  page.$$eval('[data-testid=projection-cell]', (els) =>
    els.map((e) => {
      const d = (e as HTMLElement).dataset;
      return {
        county: d.county ?? '',
        stage: d.stage ?? '',
        year: Number(d.year),
        demand: Number(d.demand),
        seats: Number(d.seats),
      };
    }),
  );

const byCounty = (list: Cell[], county: string): Cell[] => list.filter((c) => c.county === county);

describe('seats needed year by year (需求预测)', () => {
  it('projects every stage and year, follows a project’s year, takes a county’s own births, and shades the map by year', async () => {
    const { page, consoleErrors } = await openApp(browser(), { viewport: { width: 1366, height: 768 } });
    await page.getByTestId('sidebar-tab-projection').click();
    await expect.poll(() => page.getByTestId('projection-table').isVisible(), { timeout: 20_000 }).toBe(true);

    // the city's demand for every stage and every year, 11 counties + the city
    const all: Record<string, Cell[]> = {};
    for (const stage of STAGES) {
      await page.getByTestId(`projection-stage-${stage}`).click();
      await expect.poll(async () => (await cells(page))[0]?.stage).toBe(stage);
      const list = await cells(page);
      all[stage] = list;
      expect(new Set(list.map((c) => c.county)).size, stage).toBe(12);
      const city = byCounty(list, 'city');
      expect(city.map((c) => c.year)).toEqual(YEARS);
      for (const c of city) expect(c.demand, `${stage} ${c.year}`).toBeGreaterThan(0);
      // the city is the sum of its counties
      for (const y of YEARS) {
        const sum = list.filter((c) => c.county !== 'city' && c.year === y).reduce((s, c) => s + c.demand, 0);
        expect(Math.abs(sum - (city.find((c) => c.year === y)?.demand ?? 0))).toBeLessThanOrEqual(12);
      }
    }
    const cityOf = (stage: string, year: number): number =>
      all[stage]?.find((c) => c.county === 'city' && c.year === year)?.demand ?? NaN;
    // about 0.8 million primary pupils today, as Quanzhou has
    expect(cityOf('primary', 2022)).toBeGreaterThan(650_000);
    expect(cityOf('primary', 2022)).toBeLessThan(1_000_000);
    // falling births: kindergarten demand falls while junior demand still rises for some years
    expect(cityOf('preschool', 2027)).toBeLessThan(cityOf('preschool', 2022) * 0.8);
    expect(cityOf('junior', 2028)).toBeGreaterThan(cityOf('junior', 2022));
    // 普高 + 中职 = 高中阶段
    expect(
      Math.abs(cityOf('generalHigh', 2030) + cityOf('vocational', 2030) - cityOf('upperSecondary', 2030)),
    ).toBeLessThanOrEqual(2);

    // what it rests on: the baseline assumption (no existing schools imported) and the sources, said
    const sources = page.getByTestId('projection-sources');
    expect(await sources.getAttribute('data-baseline')).toBe('baseYearMet');
    const said = await sources.innerText();
    expect(said).toContain('七普');
    expect(said).toContain('泉州统计年鉴2022');
    expect(said).toContain('假设');
    expect(await page.getByTestId('projection-modelled').innerText()).toContain('模型推算');

    // the milestones in words and on the chart: kindergarten seats stand empty as births fall
    await page.getByTestId('projection-stage-preschool').click();
    const chart = page.getByTestId('projection-chart').first();
    const surplus = Number(await chart.getAttribute('data-surplus'));
    expect(surplus).toBeGreaterThan(2022);
    expect(await page.getByTestId('projection-words').first().innerText()).toContain(`${surplus} 年起空余学位超过 10%`);
    await page.screenshot({ path: `${SHOTS}/projection-zh-1366.png` });

    // moving a project's completion year moves its seats in the table
    const seed = seedProjects();
    const k = seed.find((p) => p.properties.kind === 'kindergarten' && p.properties.year === 2022);
    if (!k) throw new Error('no kindergarten completed in 2022 in the seed');
    const county = k.properties.countyCode;
    const seatsIn = async (year: number): Promise<number> =>
      (await cells(page)).find((c) => c.county === county && c.year === year)?.seats ?? NaN;
    const [s2022, s2025] = [await seatsIn(2022), await seatsIn(2025)];
    await page.getByTestId(`project-row-${k.id}`).click();
    await page.getByTestId('form-year').fill('2025');
    await page.getByTestId('project-form-save').click();
    await waitSaved(page);
    await expect.poll(() => seatsIn(2022)).toBe(s2022 - k.properties.seats);
    expect(await seatsIn(2025)).toBe(s2025);
    expect(await seatsIn(2024)).toBe(s2022 - k.properties.seats);
    await page.getByTestId('details-close').click();

    // a county's own births (CSV, Chinese headers) change that county's cells and no other's
    await page.getByTestId('projection-stage-primary').click();
    await expect.poll(async () => (await cells(page))[0]?.stage).toBe('primary');
    const before = await cells(page);
    const csv = join(tmp, '泉港区出生人口.csv');
    const rows = [
      '区县,年份,出生人口',
      ...[2016, 2017, 2018, 2019, 2020, 2021].map((y) => `泉港区,${y},"2,000"`),
      '厦门市,2020,100',
    ];
    writeFileSync(csv, `\uFEFF${rows.join('\r\n')}\r\n`);
    await page.getByTestId('projection-import').click();
    await page.getByTestId('import-file-input').setInputFiles(csv);
    await expect.poll(() => page.getByTestId('import-target-births').isChecked()).toBe(true);
    await expect.poll(() => page.getByTestId('import-preview').getAttribute('data-count')).toBe('6');
    expect(await page.getByTestId('import-preview').getAttribute('data-errors')).toBe('1');
    expect(await page.locator('[data-testid=import-errors] li[data-code=unknownCounty]').innerText()).toContain(
      '厦门市',
    );
    await page.getByTestId('import-confirm').click();
    await expect.poll(() => page.getByTestId('projection-imported').isVisible()).toBe(true);
    const after = await cells(page);
    for (const c of before) {
      const now = after.find((x) => x.county === c.county && x.year === c.year);
      if (c.county === '350505' && c.year >= 2022 && c.year <= 2027)
        expect(now?.demand, `${c.year}`).not.toBe(c.demand);
      else if (c.county !== '350505' && c.county !== 'city')
        expect(now?.demand, `${c.county} ${c.year}`).toBe(c.demand);
    }
    // fewer births than the published estimate: 泉港区's primary demand falls
    const qg = (list: Cell[], y: number): number =>
      list.find((c) => c.county === '350505' && c.year === y)?.demand ?? NaN;
    expect(qg(after, 2027)).toBeLessThan(qg(before, 2027));
    expect(await sources.innerText()).toContain('泉港区');

    // it survives a reload (IndexedDB), and removing it brings the published data back
    await page.reload();
    await page.getByTestId('sidebar-tab-projection').click();
    await expect.poll(() => page.getByTestId('projection-imported').isVisible(), { timeout: 20_000 }).toBe(true);
    await page.getByTestId('projection-stage-primary').click();
    await expect.poll(async () => qg(await cells(page), 2027)).toBe(qg(after, 2027));
    await page.getByTestId('projection-imported-remove').click();
    await expect.poll(async () => qg(await cells(page), 2027)).toBe(qg(before, 2027));

    // the map layer: the slider's year, the projection's stage and variant, in the legend
    await page.getByTestId('projection-variant').selectOption('low');
    await page.getByTestId('sidebar-tab-layers').click();
    await page.getByTestId('layer-toggle-projectedGap').check();
    await page.getByTestId('year-slider').fill('2030');
    await expect
      .poll(() => page.getByTestId('legend-projectedGap-caption').innerText())
      .toBe('2030 年 · 小学 · 低方案');
    const shades = await page.evaluate(() =>
      (window.__qzApp?.state.analysis.layerInput.value.projectedGap ?? []).map((f) => [
        f.properties.adcode,
        f.properties.pct,
      ]),
    );
    expect(shades).toHaveLength(11);
    for (const [, pct] of shades) expect(typeof pct).toBe('number');

    // English, complete
    await page.getByTestId('lang-toggle').click();
    await expect
      .poll(() => page.getByTestId('legend-projectedGap-caption').innerText())
      .toBe('2030 · Primary · low variant');
    await page.getByTestId('sidebar-tab-projection').click();
    await expect.poll(() => page.getByTestId('projection-table').isVisible()).toBe(true);
    expect(await page.getByTestId('projection-sources').innerText()).toContain('census');
    // nothing in the panel is wider than the panel (a long option or the year table would push it sideways)
    expect(
      await page.evaluate(() => {
        const body = document.querySelector('.sidebar-body');
        return body ? body.scrollWidth - body.clientWidth : -1;
      }),
    ).toBeLessThanOrEqual(0);
    await page.getByTestId('projection-panel').evaluate((el) => el.scrollIntoView());
    await page.screenshot({ path: `${SHOTS}/projection-en-1366.png` });

    // the table as CSV: a row per county, stage and measure, a column per year, the assumptions at the end
    const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId('projection-csv').click()]);
    const path = join(tmp, d.suggestedFilename());
    await d.saveAs(path);
    expect(d.suggestedFilename()).toMatch(/\.csv$/);
    const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
    const lines = text.trim().split(/\r\n/);
    expect(lines[0]).toBe(['County', 'Stage', 'Measure', ...YEARS.map(String)].join(','));
    const cityPrimary = lines.find((l) => l.startsWith('Whole city,Primary,Demand,'));
    expect(cityPrimary?.split(',').length).toBe(3 + 14);
    expect(text).toContain('low variant');
    expect(consoleErrors).toEqual([]);
  });
});
