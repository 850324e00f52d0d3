import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countColor, jumpTo, openApp, useBrowser, waitSaved } from '../helpers/e2e';

const browser = useBrowser();
const SHOTS = 'test-results/siting';
mkdirSync(SHOTS, { recursive: true });
const tmp = join(tmpdir(), 'qz-siting-e2e');
mkdirSync(tmp, { recursive: true });

describe('where to build (选址建议)', () => {
  it('suggests sites in a county, adopts the first, the coverage rises by its stated gain, and undo takes it back', async () => {
    const { page, consoleErrors } = await openApp(browser(), { viewport: { width: 1366, height: 768 } });
    const rows = () => page.evaluate(() => window.__qzApp?.state.scenario.value.features.length ?? -1);
    const before = await rows();
    await page.getByTestId('sidebar-tab-siting').click();
    await expect.poll(() => page.getByTestId('siting-panel').isVisible(), { timeout: 20_000 }).toBe(true);
    await page.getByTestId('siting-level-kindergarten').click();
    await page.getByTestId('siting-area').selectOption('350503');
    await page.getByTestId('siting-k').fill('4');
    await page.getByTestId('siting-k').dispatchEvent('change');
    await expect.poll(() => page.getByTestId('siting-run').isEnabled(), { timeout: 30_000 }).toBe(true);
    await page.getByTestId('siting-run').click();
    await expect.poll(() => page.getByTestId('siting-suggestion').count(), { timeout: 30_000 }).toBe(4);
    const result = page.getByTestId('siting-result');
    expect(await result.getAttribute('data-level')).toBe('kindergarten');
    const share = Number(await result.getAttribute('data-share'));
    const gains = await page.$$eval('[data-testid=siting-suggestion]', (els) =>
      els.map((e) => ({
        rank: Number((e as HTMLElement).dataset.rank),
        gain: Number((e as HTMLElement).dataset.gain),
      })),
    );
    expect(gains.map((g) => g.rank)).toEqual([1, 2, 3, 4]);
    for (let i = 1; i < gains.length; i++) expect(gains[i]?.gain ?? 0).toBeLessThanOrEqual(gains[i - 1]?.gain ?? 0);
    expect(gains[0]?.gain).toBeGreaterThan(0);
    // numbered ghosts on the map, in their own legend entry; the modelled surface marks them 示意
    await expect
      .poll(() => page.evaluate(() => window.__qzApp?.state.analysis.layerInput.value.suggestions.length))
      .toBe(4);
    expect(await page.getByTestId('siting-sources').innerText()).toContain('模拟人口分布');
    expect(await page.getByTestId('siting-illustrative').count()).toBe(4);
    // drawn: violet rings where the suggestions are
    const at = page.getByTestId('siting-suggestion').first();
    const [lon, lat] = [Number(await at.getAttribute('data-lon')), Number(await at.getAttribute('data-lat'))];
    await jumpTo(page, lon, lat, 14);
    expect(await countColor(page, '#7e22ce', 40)).toBeGreaterThan(40);
    await page.screenshot({ path: `${SHOTS}/siting-zh-1366.png` });

    // exports: GeoJSON of the suggestions in rank order
    const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId('siting-geojson').click()]);
    const path = join(tmp, d.suggestedFilename());
    await d.saveAs(path);
    const fc = JSON.parse(readFileSync(path, 'utf8')) as {
      features: { properties: { rank: number; gain: number; county: string } }[];
    };
    expect(fc.features.map((f) => f.properties.rank)).toEqual([1, 2, 3, 4]);
    expect(fc.features.every((f) => f.properties.county === '350503')).toBe(true);

    // the coverage of kindergartens before adopting
    await page.getByTestId('sidebar-tab-coverage').click();
    const covered = async (): Promise<number> =>
      Number(await page.getByTestId('coverage-all-kindergarten').getAttribute('data-covered'));
    await expect.poll(covered, { timeout: 30_000 }).toBeGreaterThan(0);
    const coveredBefore = await covered();
    await page.getByTestId('sidebar-tab-siting').click();
    await page.getByTestId('siting-adopt-1').click();
    await waitSaved(page);
    expect(await rows()).toBe(before + 1);
    const added = await page.evaluate(() => window.__qzApp?.state.scenario.value.features.at(-1)?.properties);
    expect(added).toMatchObject({ kind: 'kindergarten', locationPrecision: 'suggested', countyCode: '350503' });
    await page.getByTestId('sidebar-tab-coverage').click();
    await expect.poll(covered, { timeout: 30_000 }).not.toBe(coveredBefore);
    const rise = ((await covered()) - coveredBefore) * share;
    expect(Math.abs(rise - (gains[0]?.gain ?? NaN))).toBeLessThanOrEqual(1);

    // undo: the school goes, the coverage comes back
    await page.getByTestId('undo').click();
    await expect.poll(rows).toBe(before);
    await expect.poll(covered, { timeout: 30_000 }).toBe(coveredBefore);

    // English
    await page.getByTestId('lang-toggle').click();
    await page.getByTestId('sidebar-tab-siting').click();
    await expect.poll(() => page.getByTestId('siting-run').innerText()).toBe('Suggest sites');
    await page.screenshot({ path: `${SHOTS}/siting-en-1366.png` });
    expect(consoleErrors).toEqual([]);
  });
});
