import { describe, expect, it } from 'vitest';
import { readJson } from '../tests/helpers/reference';
import { validateScenario } from '../src/core/model/validate';
import type { ProjectFeature } from '../src/core/model/project';
import {
  ANALYSIS_LAYER_IDS,
  ANALYSIS_LAYERS,
  buildLayers,
  MAP_LAYERS,
  LAYER_IDS,
  type LayerDescriptor,
  type LayerId,
  type LayerInput,
} from './index';
import { KIND_SYMBOL, iconKey, symbolParts, symbolSvg } from './symbols';
import { PROJECT_ACTIONS, PROJECT_KINDS, PROJECT_STATUSES } from '../src/core/model/kinds';
import { layerProjects } from './input';
import { NO_ANALYSIS } from './types';

function input(visible: LayerId[] = [...LAYER_IDS], selected: ProjectFeature[] = []): LayerInput {
  const r = validateScenario(readJson('seeds/scenario-2022.geojson'));
  if (!r.ok) throw new Error('seed scenario invalid');
  return {
    ...layerProjects(r.value.scenario.features, null),
    visible: new Set(visible),
    selected,
    analysis: NO_ANALYSIS,
  };
}

/** The data a descriptor draws (a raster's overlay stands in for data). */
const dataOf = (d: LayerDescriptor | undefined): unknown =>
  d === undefined ? undefined : d.type === 'raster' ? d.overlay : d.data;
const lengthOf = (d: LayerDescriptor | undefined): number | undefined =>
  d === undefined || d.type === 'raster' ? undefined : d.data.length;

describe('layer modules', () => {
  it('report count and seats per layer from the scenario', () => {
    const i = input();
    const stats = Object.fromEntries(MAP_LAYERS.map((l) => [l.id, l.stats(i)]));
    expect(stats.kindergarten).toEqual({ count: 33, seats: 12000 });
    expect(stats.high).toEqual({ count: 4, seats: 4000 });
    expect(stats.vocational).toEqual({ count: 2, seats: 2000 });
    expect(stats.central?.count).toBe(43);
    expect(stats.special).toEqual({ count: 0, seats: 0 });
  });

  it('hide a layer by visibility, not by dropping its data', () => {
    const shown = buildLayers(input());
    const hidden = buildLayers(input(LAYER_IDS.filter((l) => l !== 'primary')));
    const find = (ls: typeof shown): (typeof shown)[number] | undefined => ls.find((l) => l.id === 'projects-primary');
    expect(find(shown)?.visible).toBe(true);
    expect(find(hidden)?.visible).toBe(false);
    expect(lengthOf(find(hidden))).toBe(30);
  });

  it('pass the state arrays through, so deck.gl sees stable data identity', () => {
    const i = input();
    const a = buildLayers(i);
    const b = buildLayers({ ...i, visible: new Set<LayerId>(['kindergarten']) });
    a.forEach((layer, n) => expect(dataOf(b[n])).toBe(dataOf(layer)));
    expect(dataOf(a.find((l) => l.id === 'projects-kindergarten'))).toBe(i.projectsByKind.get('kindergarten'));
  });

  it('draw the selection ring last, and only when something is selected', () => {
    const i = input();
    const first = i.projectsByKind.get('primary')?.[0];
    if (!first) throw new Error('no primary');
    const none = buildLayers(i);
    const some = buildLayers({ ...i, selected: [first] });
    expect(none.at(-1)).toMatchObject({ id: 'selection', visible: false });
    expect(some.at(-1)).toMatchObject({ id: 'selection', visible: true });
    const sel = some.at(-1);
    expect(sel?.type === 'rings' ? sel.data[0]?.id : null).toBe(first.id);
  });
});

describe('project symbols', () => {
  const all = PROJECT_KINDS.flatMap((k) =>
    PROJECT_ACTIONS.flatMap((a) => PROJECT_STATUSES.map((s) => ({ k, a, s, key: iconKey(k, a, s) }))),
  );

  it('has one distinct symbol per kind × action × status, as SVG and as drawing steps', () => {
    expect(all).toHaveLength(7 * 3 * 4);
    expect(new Set(all.map((x) => x.key)).size).toBe(all.length);
    expect(new Set(all.map((x) => JSON.stringify(symbolParts(x.k, x.a, x.s)))).size).toBe(all.length);
    expect(new Set(all.map((x) => symbolSvg(x.k, x.a, x.s))).size).toBe(all.length);
  });

  it('draws different outlines per action and fills per status', () => {
    const parts = symbolParts('junior', 'rebuild', 'underConstruction');
    expect(parts.some((p) => p.type === 'shape' && p.dash !== undefined)).toBe(true); // 改扩建 dashed
    expect(parts.some((p) => p.type === 'hatch')).toBe(true); // 在建 hatched
    // 扩建: a second, wider outline
    expect(symbolParts('primary', 'expand', 'completed').filter((p) => p.type === 'shape' && p.stroke)).toHaveLength(2);
    // 谋划: white inside, an inner ring in the kind's colour
    const planned = symbolParts('high', 'new', 'planned');
    expect(planned[0]).toMatchObject({ fill: '#FFFFFF' });
    expect(planned.some((p) => p.type === 'shape' && p.stroke === KIND_SYMBOL.high.color)).toBe(true);
    const svg = symbolSvg('junior', 'rebuild', 'underConstruction');
    expect(svg).toContain('stroke-dasharray="7 5"');
    expect(svg).toContain('clip-path');
    expect(svg.startsWith('<svg')).toBe(true);
  });
});

describe('analysis layers', () => {
  it('start hidden, pass the state arrays through, and draw below the project symbols', () => {
    const i = input(LAYER_IDS.filter((id) => !(ANALYSIS_LAYER_IDS as readonly string[]).includes(id)));
    const circles = [
      { key: 'a', projectId: 'a', level: 'primary' as const, position: [118.6, 24.9] as const, radius: 500 },
    ];
    const withCircles = { ...i, analysis: { ...i.analysis, circles } };
    const ls = buildLayers(withCircles);
    const c = ls.find((l) => l.id === 'catchment-circles');
    expect(c?.visible).toBe(false);
    expect(c?.type === 'circles' ? c.data : null).toBe(circles);
    const shown = buildLayers({ ...withCircles, visible: new Set<LayerId>([...i.visible, 'catchments']) });
    expect(shown.find((l) => l.id === 'catchment-circles')?.visible).toBe(true);
    const order = ls.map((l) => l.id);
    expect(order.indexOf('catchment-circles')).toBeLessThan(order.indexOf('projects-primary'));
    expect(order.indexOf('population-surface')).toBeLessThan(order.indexOf('catchment-circles'));
  });

  it('keep a raster hidden until the worker has painted it', () => {
    const i = input([...LAYER_IDS]);
    const raster = buildLayers(i).find((l) => l.id === 'uncovered-cells');
    expect(raster).toMatchObject({ type: 'raster', visible: false, overlay: null });
    const image = { width: 2, height: 1, data: new Uint8ClampedArray(8) };
    const painted = buildLayers({
      ...i,
      analysis: { ...i.analysis, uncovered: { image, bounds: [118, 24, 119, 25] } },
    }).find((l) => l.id === 'uncovered-cells');
    expect(painted?.visible).toBe(true);
  });

  it('have a legend entry for every level of the catchments', () => {
    expect(ANALYSIS_LAYERS.find((l) => l.id === 'catchments')?.legend.map((e) => e.labelKey)).toEqual([
      'level.kindergarten',
      'level.primary',
      'level.junior',
      'level.high',
      'level.vocational',
    ]);
  });
});
