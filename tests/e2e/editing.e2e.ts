import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { jumpTo, openApp, screenPoint, useBrowser, waitSaved } from '../helpers/e2e';

const browser = useBrowser();

interface Shown {
  id: string;
  name: string;
  lon: number;
  lat: number;
  county: string;
  landArea: number | null;
  hasSite: boolean;
}

/** The selected project as the app holds it (read through the test hook, asserted through the UI too). */
async function selected(page: Page): Promise<Shown | null> {
  return page.evaluate(() => {
    const p = window.__qzApp?.state.selected.value;
    if (!p) return null;
    return {
      id: p.id,
      name: p.properties.name,
      lon: p.geometry.coordinates[0] ?? 0,
      lat: p.geometry.coordinates[1] ?? 0,
      county: p.properties.countyCode,
      landArea: p.properties.landArea,
      hasSite: p.properties.site !== null,
    };
  });
}

const rowCount = (page: Page): Promise<number> => page.evaluate(() => window.__qzApp?.state.rows.value.length ?? -1);

describe('editing on the map and in the form', () => {
  it('adds, drags, edits, outlines, deletes, undoes and redoes through the UI', async () => {
    const { page, context, consoleErrors } = await openApp(browser());
    await jumpTo(page, 118.625, 24.93, 14.5);
    expect(await page.getByTestId('undo').isDisabled()).toBe(true);

    // add: choose the kind, click the map
    await page.getByTestId('add-project-kindergarten').click();
    await expect.poll(() => page.getByTestId('mode-hint').isVisible()).toBe(true);
    const box = await page.getByTestId('map').boundingBox();
    if (!box) throw new Error('no map');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => page.getByTestId('details-name').textContent()).toBe('新建幼儿园1');
    expect(await page.getByTestId('mode-hint').count()).toBe(0);
    expect(await rowCount(page)).toBe(91);
    await waitSaved(page);
    const added = await selected(page);
    if (!added) throw new Error('expected the new project to be selected');
    expect(added.county).toBe('350503');

    // drag it 120 px east
    const at = await screenPoint(page, added.lon, added.lat);
    await page.mouse.move(at.x, at.y);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++) await page.mouse.move(at.x + i * 10, at.y + i * 3);
    await page.mouse.up();
    await expect.poll(async () => (await selected(page))?.lon ?? 0).toBeGreaterThan(added.lon + 0.001);
    await expect.poll(() => page.getByTestId('undo').getAttribute('title')).toContain('移动 新建幼儿园1');
    await waitSaved(page);
    // Esc while dragging puts it back: the marker goes, nothing is stored, the selection stays
    const placed = await selected(page);
    if (!placed) throw new Error('expected the moved project to be selected');
    const from = await screenPoint(page, placed.lon, placed.lat);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= 5; i++) await page.mouse.move(from.x - i * 12, from.y + i * 4);
    await expect.poll(() => page.getByTestId('drag-marker').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('drag-marker').count()).toBe(0);
    await page.mouse.up();
    expect(await selected(page)).toEqual(placed);
    expect(await page.evaluate(() => window.__qzApp?.state.dragPreview.value ?? null)).toBeNull();
    expect(await page.getByTestId('undo').getAttribute('title')).toContain('移动 新建幼儿园1');

    // edit in the form: a bad value is named and nothing is saved; then a good save
    await page.getByTestId('form-name').fill('城东示范幼儿园');
    await page.getByTestId('form-seats').fill('很多');
    await page.getByTestId('project-form-save').click();
    await expect.poll(() => page.getByTestId('form-error-seats').textContent()).toContain('新增学位');
    expect(await page.getByTestId('details-name').textContent()).toBe('新建幼儿园1');
    await page.getByTestId('form-seats').fill('360');
    await page.getByTestId('form-classes').fill('12');
    await page.getByTestId('project-form-save').click();
    await expect.poll(() => page.getByTestId('details-name').textContent()).toBe('城东示范幼儿园');
    await expect.poll(() => page.getByTestId(`project-row-${added.id}`).textContent()).toContain('城东示范幼儿园');

    // undo and redo, by button and by keyboard
    await expect.poll(() => page.getByTestId('undo').getAttribute('title')).toContain('编辑 城东示范幼儿园');
    await page.getByTestId('undo').click();
    await expect.poll(() => page.getByTestId('details-name').textContent()).toBe('新建幼儿园1');
    await page.getByTestId('redo').click();
    await expect.poll(() => page.getByTestId('details-name').textContent()).toBe('城东示范幼儿园');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('details-name').textContent()).toBe('新建幼儿园1');
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => page.getByTestId('details-name').textContent()).toBe('城东示范幼儿园');

    // a site outline drawn corner by corner, finished with Enter; its area becomes the land area
    const p = await selected(page);
    if (!p) throw new Error('expected a selection');
    const c = await screenPoint(page, p.lon, p.lat);
    await page.getByTestId('site-draw').click();
    for (const [dx, dy] of [
      [-30, -25],
      [30, -25],
      [30, 25],
      [-30, 25],
    ] as const) {
      await page.mouse.click(c.x + dx, c.y + dy);
      await page.waitForTimeout(150);
    }
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await selected(page))?.hasSite).toBe(true);
    const area = (await selected(page))?.landArea ?? 0;
    expect(area).toBeGreaterThan(5_000);
    expect(area).toBeLessThan(200_000);
    await expect.poll(() => page.getByTestId('form-landArea').inputValue()).toBe(String(area));
    await expect.poll(() => page.getByTestId('undo').getAttribute('title')).toContain('修改用地红线 城东示范幼儿园');
    // Escape cancels a draw and changes nothing
    await page.getByTestId('site-draw').click();
    await page.mouse.click(c.x - 50, c.y - 50);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('mode-hint').count()).toBe(0);
    expect((await selected(page))?.landArea).toBe(area);

    // delete, then undo from the notice
    await page.getByTestId('project-delete').click();
    await expect.poll(() => rowCount(page)).toBe(90);
    expect(await page.getByTestId('project-details').count()).toBe(0);
    await page.getByTestId('notice-undo').click();
    await expect.poll(() => rowCount(page)).toBe(91);
    await waitSaved(page);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('a bulk edit from the table sets one field for the checked rows, undoable as one edit', async () => {
    const { page, context } = await openApp(browser());
    const ids = await page.evaluate(() => window.__qzApp?.state.rows.value.slice(0, 3).map((p) => p.id) ?? []);
    for (const id of ids) await page.getByTestId(`project-check-${id}`).check();
    await expect.poll(() => page.getByTestId('bulk-count').textContent()).toContain('3');
    await page.getByTestId('bulk-field').selectOption('status');
    await page.getByTestId('bulk-value').selectOption('completed');
    await page.getByTestId('bulk-apply').click();
    for (const id of ids)
      await expect.poll(() => page.getByTestId(`project-row-${id}`).textContent()).toContain('竣工');
    await expect.poll(() => page.getByTestId('undo').getAttribute('title')).toMatch(/批量修改 \d 个项目的进度/);
    await page.getByTestId('undo').click();
    await expect
      .poll(() =>
        page.evaluate(
          (ids) =>
            ids.filter(
              (id) =>
                window.__qzApp?.state.scenario.value.features.find((p) => p.id === id)?.properties.status ===
                'completed',
            ).length,
          ids,
        ),
      )
      .toBeLessThan(3);
    await waitSaved(page);
    await context.close();
  });
});
