import { readFileSync, rmSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launchPersistent, waitForMap } from '../helpers/browser';
import { baseUrl, control, openApp, origin, setCamera, useBrowser, waitSaved } from '../helpers/e2e';

const browser = useBrowser();
const TARGET = 'qz2022-010';

const nameOf = (page: Page, id: string): Promise<string | undefined> =>
  page.evaluate((id) => window.__qzApp?.state.scenario.value.features.find((p) => p.id === id)?.properties.name, id);

async function open(context: BrowserContext): Promise<Page> {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(baseUrl());
  await waitForMap(page);
  return page;
}

/** Starts renaming a project through the table (found by searching its name) and the form. */
async function startRename(page: Page, id: string, name: string): Promise<void> {
  const current = (await nameOf(page, id)) ?? '';
  await page.getByTestId('table-search').fill(current);
  await page.getByTestId(`project-row-${id}`).click();
  await page.getByTestId('table-search').fill('');
  await page.getByTestId('form-name').fill(name);
  await page.getByTestId('project-form-save').click();
}

/** Renames a project through the table and the form, and waits until the map shows the new name. */
async function rename(page: Page, id: string, name: string): Promise<void> {
  await startRename(page, id, name);
  await expect.poll(() => nameOf(page, id)).toBe(name);
}

/** The project's name as IndexedDB holds it (read directly, not through the app). */
const storedName = (page: Page, id: string): Promise<string | null> =>
  page.evaluate(async (id) => {
    const sid = window.__qzApp?.state.scenario.value.scenario.id ?? '';
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('qz-school-planning');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error ?? new Error('open failed'));
    });
    const rec = await new Promise<unknown>((resolve, reject) => {
      const q = db.transaction('projects').objectStore('projects').get([sid, id]);
      q.onsuccess = () => resolve(q.result);
      q.onerror = () => reject(q.error ?? new Error('read failed'));
    });
    db.close();
    const name = (rec as { feature?: { properties?: { name?: unknown } } } | undefined)?.feature?.properties?.name;
    return typeof name === 'string' ? name : null;
  }, id);

/** What must survive: the scenario shown, its edit, its undo history, hidden layers, the camera. */
async function expectRestored(page: Page, scenarioName: string): Promise<void> {
  await expect
    .poll(() => page.getByTestId('scenario-select').locator('option:checked').textContent())
    .toContain(scenarioName);
  expect(await page.getByTestId('scenario-select').locator('option').count()).toBe(2);
  expect(await nameOf(page, TARGET)).toBe('改名后的学校');
  expect(await page.getByTestId('undo').getAttribute('title')).toContain('编辑 改名后的学校');
  expect(await page.getByTestId('layer-toggle-primary').isChecked()).toBe(false);
  const c = await page.evaluate(() => {
    const m = window.__qzMap?.map;
    return m ? [m.getCenter().lng, m.getCenter().lat, m.getZoom()] : [];
  });
  expect(c[0]).toBeCloseTo(118.6, 2);
  expect(c[1]).toBeCloseTo(24.9, 2);
  expect(c[2]).toBeCloseTo(12, 1);
}

describe('persistence', () => {
  it('keeps scenarios, edits, history and the view across a reload and a browser restart', async () => {
    const first = await launchPersistent();
    try {
      const page = await open(first.context);
      await (await control(page, 'scenario-duplicate')).click();
      await page.getByTestId('scenario-name-input').fill('方案A 副本');
      await page.getByTestId('dialog-confirm').click();
      await expect
        .poll(() => page.evaluate(() => window.__qzApp?.state.scenario.value.scenario.name))
        .toBe('方案A 副本');
      await rename(page, TARGET, '改名后的学校');
      await page.getByTestId('layer-toggle-primary').uncheck();
      await page.getByTestId('details-close').click();
      await setCamera(page, 118.6, 24.9, 12);
      await waitSaved(page);
      await page.waitForTimeout(700); // the view is stored shortly after the camera stops

      await page.reload();
      await waitForMap(page);
      await expectRestored(page, '方案A 副本');
      await first.context.close();

      // the whole browser closed and started again on the same profile, now with a full disk: Chromium
      // reports it as the transaction aborting as it commits (QuotaExceededError), not as a throw from put
      const second = await launchPersistent(first.dir);
      const again = second.context.pages()[0] ?? (await second.context.newPage());
      const cdp = await second.context.newCDPSession(again);
      await cdp.send('Storage.overrideQuotaForOrigin', { origin: origin(), quotaSize: 1000 });
      await again.goto(baseUrl());
      await waitForMap(again);
      await expectRestored(again, '方案A 副本');
      await startRename(again, TARGET, '不会保存的名字');
      await expect.poll(() => again.getByTestId('save-status').getAttribute('data-status')).toBe('error');
      await expect.poll(() => again.getByTestId('notice').getAttribute('data-key')).toBe('storage.quotaFull');
      expect(await again.getByTestId('notice').textContent()).toContain('QuotaExceededError');
      expect(await again.getByTestId('notice-export').isVisible()).toBe(true);
      // taken back on screen; what was saved before is still what IndexedDB holds
      await expect.poll(() => nameOf(again, TARGET)).toBe('改名后的学校');
      expect(await storedName(again, TARGET)).toBe('改名后的学校');
      expect(await again.getByTestId('undo').getAttribute('title')).toContain('编辑 改名后的学校');
      // space freed: the next edit is stored
      await cdp.send('Storage.overrideQuotaForOrigin', { origin: origin() });
      await rename(again, TARGET, '空间释放后的名字');
      await waitSaved(again);
      expect(await storedName(again, TARGET)).toBe('空间释放后的名字');
      // the illustrative scenario is still there, untouched, and was not seeded twice
      await again.getByTestId('scenario-select').selectOption('illustrative-2022');
      await expect.poll(() => nameOf(again, TARGET)).not.toBe('空间释放后的名字');
      expect(await again.evaluate(() => window.__qzApp?.state.scenario.value.features.length)).toBe(90);
      await second.context.close();
    } finally {
      rmSync(first.dir, { recursive: true, force: true });
    }
  });

  it('two tabs on one profile see each other’s edits', async () => {
    const a = await openApp(browser());
    const pageB = await a.context.newPage();
    await pageB.goto(baseUrl());
    await waitForMap(pageB);
    await rename(a.page, TARGET, '甲标签页改的名');
    await expect.poll(() => nameOf(pageB, TARGET), { timeout: 10_000 }).toBe('甲标签页改的名');
    await expect.poll(() => pageB.getByTestId('notice').textContent()).toContain('已同步另一个标签页的修改');
    // and back the other way: B deletes two projects from the table
    const ids = ['qz2022-020', 'qz2022-021'];
    for (const id of ids) {
      await pageB.getByTestId('table-search').fill((await nameOf(pageB, id)) ?? '');
      await pageB.getByTestId(`project-check-${id}`).check();
    }
    await pageB.getByTestId('table-search').fill('');
    await pageB.getByTestId('bulk-delete').click();
    await expect
      .poll(() => a.page.evaluate(() => window.__qzApp?.state.scenario.value.features.length), { timeout: 10_000 })
      .toBe(88);
    // both tabs' edits are in the shared history: A can undo B's delete
    await expect.poll(() => a.page.getByTestId('undo').getAttribute('title')).toContain('删除 2 个项目');
    await a.context.close();
  });

  it('says so when there is no IndexedDB (nothing is kept), and waits while a tab holds an old database version', async () => {
    // a browser or window without IndexedDB (private windows of some browsers, a policy)
    const none = await browser().newContext({ serviceWorkers: 'block' });
    await none.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
    });
    const p = await none.newPage();
    await p.goto(baseUrl());
    const status = p.getByTestId('save-status');
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 30_000 }).toBe('volatile');
    expect(await status.textContent()).toContain('不会保存');
    expect(await status.getAttribute('title')).toContain('IndexedDB');
    await p.evaluate((id) => window.__qzApp?.actions.moveProject(id, 118.6, 24.93), TARGET);
    expect(await status.getAttribute('data-status')).toBe('volatile');
    const download = p.waitForEvent('download');
    await p.getByTestId('save-export').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.geojson$/);
    const exported = JSON.parse(readFileSync((await file.path()) ?? '', 'utf8')) as {
      features: { id: string; geometry: { coordinates: number[] } }[];
    };
    expect(exported.features.find((f) => f.id === TARGET)?.geometry.coordinates).toEqual([118.6, 24.93]);
    await none.close();

    // a tab left open on an older version of the database keeps this one from opening it
    const ctx = await browser().newContext({ serviceWorkers: 'block' });
    const old = await ctx.newPage();
    await old.goto(`${baseUrl()}sw.js`); // a page of the origin that does not run the app
    await old.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const r = indexedDB.open('qz-school-planning', 1);
          r.onupgradeneeded = () => r.result.createObjectStore('settings');
          r.onsuccess = () => {
            window.__old = r.result; // no versionchange handler
            resolve();
          };
          r.onerror = () => reject(r.error ?? new Error('open failed'));
        }),
    );
    const page = await ctx.newPage();
    await page.goto(baseUrl());
    const blocked = page.getByTestId('storage-blocked');
    await expect.poll(() => blocked.isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await blocked.textContent()).toContain('另一个标签页仍在使用旧版本');
    expect(await blocked.textContent()).toContain('Another tab is still running an older version');
    await old.evaluate(() => window.__old?.close());
    await waitForMap(page);
    expect(await blocked.count()).toBe(0);
    expect(await page.evaluate(() => window.__qzApp?.state.scenario.value.features.length)).toBe(90);
    await waitSaved(page);
    await ctx.close();
  });

  it('creates, renames, switches and deletes scenarios, and resets the illustrative one behind a confirm', async () => {
    const { page, context } = await openApp(browser());
    const options = (): Promise<string[]> => page.getByTestId('scenario-select').locator('option').allTextContents();
    await (await control(page, 'scenario-new')).click();
    await page.getByTestId('scenario-name-input').fill('');
    await page.getByTestId('dialog-confirm').click();
    expect(await page.getByTestId('scenario-dialog').textContent()).toContain('请输入方案名称');
    await page.getByTestId('scenario-name-input').fill('东海片区方案');
    await page.getByTestId('dialog-confirm').click();
    await expect.poll(options).toHaveLength(2);
    expect((await options())[1]).toMatch(/东海片区方案（0 个项目 · 修改于 /);
    expect(await page.evaluate(() => window.__qzApp?.state.rows.value.length)).toBe(0);
    await (await control(page, 'scenario-rename')).click();
    await page.getByTestId('scenario-name-input').fill('东海片区方案 v2');
    await page.getByTestId('dialog-confirm').click();
    await expect.poll(async () => (await options())[1]).toContain('东海片区方案 v2');
    await (await control(page, 'scenario-delete')).click();
    await page.getByTestId('dialog-confirm').click();
    await expect.poll(options).toHaveLength(1);
    expect(await (await control(page, 'scenario-delete')).isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    // deleted by mistake: the notice brings it back
    await page.getByTestId('notice-restore').click();
    await expect.poll(options).toHaveLength(2);
    expect((await options())[1]).toContain('东海片区方案 v2');
    await (await control(page, 'scenario-delete')).click();
    await page.getByTestId('dialog-confirm').click();
    await expect.poll(options).toHaveLength(1);
    await expect
      .poll(() => page.evaluate(() => window.__qzApp?.state.scenario.value.scenario.id))
      .toBe('illustrative-2022');
    // change the illustrative scenario, then reset it (cancel first: nothing happens)
    await page.evaluate(() => window.__qzApp?.actions.deleteProjects(['qz2022-001']));
    await expect.poll(() => page.evaluate(() => window.__qzApp?.state.rows.value.length)).toBe(89);
    await (await control(page, 'scenario-reset')).click();
    await page.getByTestId('dialog-cancel').click();
    expect(await page.evaluate(() => window.__qzApp?.state.rows.value.length)).toBe(89);
    await (await control(page, 'scenario-reset')).click();
    await page.getByTestId('dialog-confirm').click();
    await expect.poll(() => page.evaluate(() => window.__qzApp?.state.rows.value.length)).toBe(90);
    await expect.poll(() => page.getByTestId('undo').getAttribute('title')).toContain('恢复示意方案');
    await waitSaved(page);
    await context.close();
  });
});
