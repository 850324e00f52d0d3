import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { editContext, loadSeed, prng } from '../../../tests/helpers/scenarioFixture';
import type { ProjectFeature, ScenarioMeta } from '../model/project';
import { applyToFeatures, rebaseEdit } from './apply';
import {
  addProjectsEdit,
  bulkEdit,
  deleteProjectsEdit,
  moveProjectEdit,
  newProject,
  renameScenarioEdit,
  resetEdit,
  siteArea,
  siteEdit,
  squareMetresToMu,
  updateProjectEdit,
} from './build';
import { describeEdit, labelOf, parseEdit } from './describe';
import { invertEdit, type Edit } from './edit';

const seed = loadSeed();
const ctx = editContext();
const meta = seed.scenario;
const byId = (list: readonly ProjectFeature[]): Map<string, ProjectFeature> => new Map(list.map((p) => [p.id, p]));
const first = seed.features[0] as ProjectFeature;
const second = seed.features[1] as ProjectFeature;

/** Applies an edit to a (features, meta) state the way every repository does: rebase, then apply. */
function run(state: { features: readonly ProjectFeature[]; meta: ScenarioMeta }, edit: Edit) {
  const r = rebaseEdit(edit, byId(state.features), state.meta);
  return {
    state: { features: applyToFeatures(state.features, r.edit), meta: r.edit.meta?.after ?? state.meta },
    applied: r.edit,
    conflicts: r.conflicts,
  };
}

// a site of roughly 100 m × 100 m next to the first project
const [lon0, lat0] = first.geometry.coordinates as [number, number];
const square: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [lon0, lat0],
      [lon0 + 0.000991, lat0],
      [lon0 + 0.000991, lat0 + 0.000899],
      [lon0, lat0 + 0.000899],
      [lon0, lat0],
    ],
  ],
};

/** One edit of each kind, each built against the seed. */
function everyKind(): Edit[] {
  const added = newProject('primary', 118.6, 24.92, { id: 'new-1', year: 2023, existingNames: new Set() }, ctx);
  if (!added) throw new Error('expected a project on land');
  const moved = moveProjectEdit(first, 118.58, 24.94, ctx);
  if (!moved.ok) throw new Error('expected a move on land');
  const edited = updateProjectEdit(first, { ...first, properties: { ...first.properties, seats: 999, notes: '改' } });
  const siteResult = siteEdit(first, square, ctx.index);
  const site = siteResult.ok ? siteResult.value : null;
  const bulk = bulkEdit(seed.features.slice(0, 5), 'status', 'completed', ctx.index);
  const rename = renameScenarioEdit(meta, '方案B');
  if (!edited || !site || !bulk.ok || !rename) throw new Error('expected edits');
  const reset = resetEdit(
    applyToFeatures(seed.features, deleteProjectsEdit([second])),
    { ...meta, name: '改过的名字' },
    seed.features,
    meta,
  );
  return [addProjectsEdit([added]), moved.value, edited, site, deleteProjectsEdit([second]), bulk.value, rename, reset];
}

describe('edits', () => {
  it('every kind of edit, applied then inverted, gives back the scenario exactly', () => {
    for (const edit of everyKind()) {
      const start =
        edit.kind === 'reset'
          ? {
              features: applyToFeatures(seed.features, deleteProjectsEdit([second])),
              meta: { ...meta, name: '改过的名字' },
            }
          : { features: seed.features, meta };
      const done = run(start, edit);
      expect(done.conflicts).toEqual([]);
      expect(done.applied.changes.length + (done.applied.meta ? 1 : 0)).toBeGreaterThan(0);
      const undone = run(done.state, invertEdit(done.applied));
      expect(byId(undone.state.features)).toEqual(byId(start.features));
      expect(undone.state.meta).toEqual(start.meta);
    }
  });

  it('property: random sequences of edits undo back to the start, and redo forward to the end', () => {
    const rand = prng(20221128);
    for (let trial = 0; trial < 40; trial++) {
      let state = { features: seed.features.slice(0, 12), meta };
      const start = state;
      const applied: Edit[] = [];
      for (let step = 0; step < 15; step++) {
        const list = state.features;
        const p = list[Math.floor(rand() * list.length)];
        const r = rand();
        let edit: Edit | null;
        if (!p || r < 0.15) {
          const np = newProject(
            'kindergarten',
            118.55 + rand() * 0.1,
            24.88 + rand() * 0.06,
            { id: `t${trial}-${step}`, year: 2024, existingNames: new Set(list.map((f) => f.properties.name)) },
            ctx,
          );
          edit = np ? addProjectsEdit([np]) : null;
        } else if (r < 0.35) {
          const m = moveProjectEdit(
            p,
            (p.geometry.coordinates[0] ?? 0) + (rand() - 0.5) * 0.02,
            (p.geometry.coordinates[1] ?? 0) + (rand() - 0.5) * 0.02,
            ctx,
          );
          edit = m.ok ? m.value : null;
        } else if (r < 0.55) {
          edit = updateProjectEdit(p, {
            ...p,
            properties: { ...p.properties, seats: Math.floor(rand() * 2000), name: `${p.properties.name}′` },
          });
        } else if (r < 0.65) {
          edit = deleteProjectsEdit([p]);
        } else if (r < 0.8) {
          const b = bulkEdit(list.slice(0, 4), 'year', 2022 + Math.floor(rand() * 5), ctx.index);
          edit = b.ok ? b.value : null;
        } else if (r < 0.9) {
          edit = renameScenarioEdit(state.meta, `方案${step}`);
        } else {
          const r = siteEdit(p, rand() < 0.5 ? null : square, ctx.index);
          edit = r.ok ? r.value : null;
        }
        if (!edit) continue;
        const done = run(state, edit);
        applied.push(done.applied);
        state = done.state;
      }
      const end = state;
      for (const e of [...applied].reverse()) state = run(state, invertEdit(e)).state;
      expect(byId(state.features)).toEqual(byId(start.features));
      expect(state.meta).toEqual(start.meta);
      for (const e of applied) state = run(state, e).state;
      expect(byId(state.features)).toEqual(byId(end.features));
    }
  });

  it('merges concurrent edits to different fields of one project; the later write wins a clash', () => {
    const tabA = updateProjectEdit(first, { ...first, properties: { ...first.properties, seats: 420 } });
    const tabB = updateProjectEdit(first, { ...first, properties: { ...first.properties, notes: '乙', seats: 450 } });
    const tabC = updateProjectEdit(first, { ...first, properties: { ...first.properties, status: 'completed' } });
    if (!tabA || !tabB || !tabC) throw new Error('expected edits');
    const afterA = run({ features: seed.features, meta }, tabA);
    const afterC = run(afterA.state, tabC);
    expect(afterC.conflicts).toEqual([]);
    const c = byId(afterC.state.features).get(first.id);
    expect([c?.properties.seats, c?.properties.status]).toEqual([420, 'completed']);
    const afterB = run(afterA.state, tabB);
    expect(afterB.conflicts).toEqual([
      { id: first.id, name: first.properties.name, reason: 'fields', fields: ['seats'] },
    ]);
    const b = byId(afterB.state.features).get(first.id);
    expect([b?.properties.seats, b?.properties.notes]).toEqual([450, '乙']);
    // undoing B restores what A had written, not the seed
    const undone = run(afterB.state, invertEdit(afterB.applied));
    expect(byId(undone.state.features).get(first.id)?.properties.seats).toBe(420);
  });

  it('drops changes to a project deleted elsewhere, and reports it', () => {
    const edit = updateProjectEdit(first, { ...first, properties: { ...first.properties, seats: 1 } });
    if (!edit) throw new Error('expected an edit');
    const gone = applyToFeatures(seed.features, deleteProjectsEdit([first]));
    const r = run({ features: gone, meta }, edit);
    expect(r.applied.changes).toEqual([]);
    expect(r.conflicts.map((c) => c.reason)).toEqual(['deleted']);
    // deleting something already deleted is no conflict
    expect(run({ features: gone, meta }, deleteProjectsEdit([first])).conflicts).toEqual([]);
  });

  it('moves follow the county by point in polygon and refuse the sea', () => {
    // first is in 鲤城区; 118.52, 24.80 is in 晋江市
    const m = moveProjectEdit(first, 118.52, 24.8, ctx);
    expect(m.ok && m.value.changes[0]?.after?.properties.countyCode).toBe('350582');
    expect(m.ok && m.value.changes[0]?.after?.properties.townshipCode).toBe(null);
    const near = moveProjectEdit(first, lon0 + 0.0002, lat0 + 0.0002, ctx);
    expect(near.ok && near.value.changes[0]?.after?.properties.townshipCode).toBe(first.properties.townshipCode);
    expect(moveProjectEdit(first, 119.2, 24.6, ctx)).toEqual({ ok: false, error: 'outside' });
  });

  it('a drawn site sets the land area from its geodesic area', () => {
    expect(siteArea(square)).toBeGreaterThan(9_900);
    expect(siteArea(square)).toBeLessThan(10_100);
    expect(squareMetresToMu(10_000)).toBe(15);
    expect(squareMetresToMu(666.67)).toBe(1);
    const e = siteEdit(first, square, ctx.index);
    expect(e.ok && e.value?.changes[0]?.after?.properties.landArea).toBe(siteArea(square));
    // a slip of the mouse at city zoom: square kilometres are refused with the reason
    const huge = {
      ...square,
      coordinates: [square.coordinates[0]?.map(([x = 0, y = 0]) => [x + (x - lon0) * 40, y + (y - lat0) * 40]) ?? []],
    };
    const r = siteEdit(first, huge, ctx.index);
    expect(r.ok ? [] : r.error.map((i) => `${i.field}:${i.code}`)).toEqual(['landArea:outOfRange']);
  });

  it('bulk edits skip projects a field does not apply to and validate values', () => {
    const primary = seed.features.find((p) => p.properties.kind === 'primary') as ProjectFeature;
    const kg = seed.features.filter((p) => p.properties.kind === 'kindergarten').slice(0, 2);
    const r = bulkEdit([primary, ...kg], 'ownership', 'privateInclusive', ctx.index);
    expect(r.ok && r.value.changes.map((c) => c.id)).toEqual(kg.map((p) => p.id));
    expect(bulkEdit(kg, 'year', 2050, ctx.index).ok).toBe(false);
  });

  it('names edits for the undo button in both languages', () => {
    const m = moveProjectEdit(first, lon0 + 0.001, lat0, ctx);
    if (!m.ok) throw new Error('expected a move');
    expect(describeEdit(labelOf(m.value), 'zh')).toBe(`移动 ${first.properties.name}`);
    const b = bulkEdit(seed.features.slice(0, 3), 'status', 'completed', ctx.index);
    if (!b.ok) throw new Error('expected a bulk edit');
    expect(describeEdit(labelOf(b.value), 'en')).toMatch(/^Set Status of \d projects$/);
    expect(describeEdit(labelOf(deleteProjectsEdit(seed.features.slice(0, 3))), 'zh')).toBe('删除 3 个项目');
  });

  it('edits survive a round trip through storage and reject tampered records', () => {
    for (const edit of everyKind()) {
      const parsed = parseEdit(JSON.parse(JSON.stringify(edit)), ctx.index);
      expect(parsed).toEqual({ ok: true, value: edit });
    }
    const bad = JSON.parse(JSON.stringify(addProjectsEdit([first]))) as {
      changes: { after: { properties: { seats: unknown } } }[];
    };
    const change = bad.changes[0];
    if (change) change.after.properties.seats = 'lots';
    expect(parseEdit(bad, ctx.index).ok).toBe(false);
    expect(parseEdit({ kind: 'explode' }, ctx.index).ok).toBe(false);
  });

  it('new projects get kind defaults, a unique name and the county under the point', () => {
    const p = newProject(
      'kindergarten',
      lon0,
      lat0,
      { id: 'x', year: 2024, existingNames: new Set(['新建幼儿园1']) },
      ctx,
    );
    expect(p?.properties).toMatchObject({
      name: '新建幼儿园2',
      seats: 270,
      classes: 9,
      countyCode: first.properties.countyCode,
      ownership: 'public',
    });
    expect(newProject('primary', 119.2, 24.6, { id: 'y', year: 2024, existingNames: new Set() }, ctx)).toBe(null);
  });
});
