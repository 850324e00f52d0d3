import type { ProjectKind } from '../src/core/model/kinds';
import type { ProjectFeature } from '../src/core/model/project';
import { symbolSvg } from './symbols';
import type { LayerInput, LayerStats, MapLayerModule } from './types';

const EMPTY: readonly ProjectFeature[] = Object.freeze([]);
/** ≈ 24 px at zoom 12 (35 m/px at 25°N); 12 px at city scale, 26 px when zoomed in. */
export const ICON_SIZE = { sizeMeters: 800, minPx: 12, maxPx: 26 } as const;

export function statsOf(projects: readonly ProjectFeature[]): LayerStats {
  let seats = 0;
  for (const p of projects) seats += p.properties.seats;
  return { count: projects.length, seats };
}

/** The layer of one project kind: its projects as icons from the shared atlas. */
export function createProjectKindLayer(kind: ProjectKind): MapLayerModule {
  const dataOf = (input: LayerInput): readonly ProjectFeature[] => input.projectsByKind.get(kind) ?? EMPTY;
  return {
    id: kind,
    labelKey: `kind.${kind}`,
    legend: { labelKey: `kind.${kind}`, swatch: { type: 'icon', svg: symbolSvg(kind) } },
    stats: (input) => statsOf(dataOf(input)),
    build: (input) => [
      {
        type: 'icons',
        id: `projects-${kind}`,
        data: dataOf(input),
        visible: input.visible.has(kind),
        ...ICON_SIZE,
        pickable: true,
      },
    ],
  };
}
