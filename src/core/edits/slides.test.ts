import { describe, expect, it } from 'vitest';
import { loadIndex } from '../../../tests/helpers/reference';
import { loadSeed } from '../../../tests/helpers/scenarioFixture';
import { readGeoJson, writeScenarioGeoJson } from '../io/geojson';
import type { ScenarioMeta } from '../model/project';
import { parseSlides, type Slide } from '../model/slides';
import { validateScenarioMeta } from '../model/validate';
import { describeEdit, labelOf, parseEdit } from './describe';
import { invertEdit } from './edit';
import { addSlideEdit, deleteSlideEdit, moveSlideEdit, nextSlideTitle, updateSlideEdit } from './slides';

const slide = (id: string, title: string, extra: Partial<Slide> = {}): Slide => ({
  id,
  title,
  caption: '',
  camera: { lon: 118.6, lat: 24.9, zoom: 11 },
  layers: ['kindergarten', 'primary'],
  year: null,
  ...extra,
});
const apply = (_meta: ScenarioMeta, edit: { meta?: { after: ScenarioMeta } } | null): ScenarioMeta => {
  if (!edit?.meta) throw new Error('expected a metadata edit');
  return edit.meta.after;
};

describe('slide edits', () => {
  const base = loadSeed().scenario;

  it('adds, renames, reorders and deletes slides; each edit is undone by its inverse', () => {
    const add1 = addSlideEdit(base, slide('s1', ' 全市概览 '));
    const m1 = apply(base, add1);
    expect(m1.slides?.map((s) => s.title)).toEqual(['全市概览']);
    const m2 = apply(m1, addSlideEdit(m1, slide('s2', '中心市区', { year: 2025 })));
    const m3 = apply(m2, addSlideEdit(m2, slide('s3', '晋江')));
    const moved = moveSlideEdit(m3, 's3', 0);
    const m4 = apply(m3, moved);
    expect(m4.slides?.map((s) => s.id)).toEqual(['s3', 's1', 's2']);
    const renamed = updateSlideEdit(m4, 's2', { title: '中心市区 2025', caption: '43 个项目' });
    const m5 = apply(m4, renamed);
    expect(m5.slides?.[2]).toMatchObject({ title: '中心市区 2025', caption: '43 个项目', year: 2025 });
    const del = deleteSlideEdit(m5, 's1');
    const m6 = apply(m5, del);
    expect(m6.slides?.map((s) => s.id)).toEqual(['s3', 's2']);
    // undo = the inverse's metadata
    if (!del || !renamed || !moved) throw new Error('edits expected');
    expect(invertEdit(del).meta?.after).toEqual(m5);
    expect(invertEdit(moved).meta?.after).toEqual(m3);
    expect(describeEdit(labelOf(del), 'zh')).toBe('删除幻灯片“全市概览”');
    expect(describeEdit(labelOf(moved), 'en')).toBe('Reorder slide “晋江”');
  });

  it('does nothing when nothing changes, and removes the list with its last slide', () => {
    const m1 = apply(base, addSlideEdit(base, slide('s1', 'A')));
    expect(updateSlideEdit(m1, 's1', { title: 'A' })).toBeNull();
    expect(updateSlideEdit(m1, 's1', { title: '  ' })).toBeNull();
    expect(moveSlideEdit(m1, 's1', 3)).toBeNull();
    expect(addSlideEdit(m1, slide('s1', 'again'))).toBeNull();
    expect(deleteSlideEdit(m1, 'nope')).toBeNull();
    expect('slides' in apply(m1, deleteSlideEdit(m1, 's1'))).toBe(false);
    expect(nextSlideTitle(m1, '幻灯片')).toBe('幻灯片 2');
  });

  it('stores slides in edits that read back from storage', () => {
    const edit = addSlideEdit(base, slide('s1', '全市', { year: 2030 }));
    const parsed = parseEdit(JSON.parse(JSON.stringify(edit)), loadIndex());
    expect(parsed.ok && parsed.value).toEqual(edit);
  });
});

describe('slide serialization', () => {
  const base = (): ScenarioMeta => loadSeed().scenario;
  it('travels with the scenario through a GeoJSON export and back', () => {
    const seed = loadSeed();
    const slides = [slide('s1', '全市概览'), slide('s2', '2025 年', { year: 2025, caption: '“一湾两翼”\n第二行' })];
    const scenario = { ...seed, scenario: { ...seed.scenario, slides } };
    const text = writeScenarioGeoJson(scenario, {
      app: 't',
      appVersion: '0',
      schemaVersion: 2,
      crs: 'EPSG:4326',
      exportedAt: '2026-11-29T00:00:00Z',
      createdAt: null,
      modifiedAt: null,
    });
    expect((JSON.parse(text) as { scenario: { slides: unknown } }).scenario.slides).toEqual(slides);
    const back = readGeoJson(text, loadIndex());
    expect(back.ok && back.value.scenario?.scenario.slides).toEqual(slides);
  });

  it('drops malformed slides without losing the scenario', () => {
    const good = slide('s1', 'ok');
    const { slides, dropped } = parseSlides([
      good,
      { ...good, id: 's2', camera: { lon: 500, lat: 0, zoom: 3 } },
      { ...good, id: 's3', year: 2050 },
      { ...good, id: 's4', layers: 'all' },
      { ...good },
      null,
    ]);
    expect(slides).toEqual([good]);
    expect(dropped).toBe(5);
    const meta = validateScenarioMeta({ ...loadSeed().scenario, slides: [good, 7] });
    expect(meta.ok && meta.value.slides).toEqual([good]);
  });

  it('reads a slide’s projection view, and keeps the slide when the view is not one we know', () => {
    const good = slide('s1', 'ok', { projection: { stage: 'primary', variant: 'low' } });
    const { slides } = parseSlides([good, { ...good, id: 's2', projection: { stage: 'college', variant: 'low' } }]);
    expect(slides[0]?.projection).toEqual({ stage: 'primary', variant: 'low' });
    expect(slides[1]).toBeDefined();
    expect(slides[1]?.projection).toBeUndefined();
    // an edit that sets no view leaves none behind
    const meta = apply(base(), addSlideEdit(base(), slide('s3', 'x', { projection: null })));
    expect(meta.slides?.[0] && 'projection' in meta.slides[0]).toBe(false);
  });
});
