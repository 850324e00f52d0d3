/** 现有学校: existing schools imported as a reference layer, small dots in their kind's colour. */
import { PROJECT_KINDS, type ProjectKind } from '../src/core/model/kinds';
import { KIND_SYMBOL } from './symbols';
import type { AnalysisLayerModule, Rgba } from './types';

const hex = (h: string, a: number): Rgba => [
  parseInt(h.slice(1, 3), 16),
  parseInt(h.slice(3, 5), 16),
  parseInt(h.slice(5, 7), 16),
  a,
];

export const EXISTING_COLORS = Object.fromEntries(
  PROJECT_KINDS.map((k) => [k, hex(KIND_SYMBOL[k].color, 200)]),
) as Record<ProjectKind, Rgba>;

export const existingLayer: AnalysisLayerModule = {
  id: 'existing',
  labelKey: 'layer.existing',
  legend: PROJECT_KINDS.map((k) => ({
    labelKey: `kind.${k}`,
    swatch: { type: 'ring', color: EXISTING_COLORS[k], fill: EXISTING_COLORS[k] },
  })),
  build: (input) => [
    {
      type: 'dots',
      id: 'existing-schools',
      data: input.analysis.existing,
      visible: input.visible.has('existing'),
      colors: EXISTING_COLORS,
      radiusPx: 3.5,
    },
  ],
};
