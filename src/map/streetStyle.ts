/**
 * MapLibre layers for a vector basemap archive (Protomaps basemap schema, or OpenMapTiles), in our
 * basemap's quiet palette: water, green space, streets by class, buildings from zoom 14, street and place
 * names in the planner's language (Chinese names first; English where the data has them). Fonts are the
 * computer's own (FONT_STACK, MapLibre's local rendering): no glyph or sprite request leaves the origin.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { VectorSchema } from '../core/basemap/archive';
import type { Lang } from '../core/i18n/translate';
import { STREET_COLORS as C } from '../../layers/basemap';
import { FONT_STACK } from './style';

/** The name to show: Chinese first in the Chinese UI, English (then the local name) in the English one. */
export const streetName = (lang: Lang): ExpressionSpecification =>
  lang === 'zh'
    ? ['coalesce', ['get', 'name:zh'], ['get', 'name:zh-Hans'], ['get', 'name']]
    : ['coalesce', ['get', 'name:en'], ['get', 'name_en'], ['get', 'name']];

interface Classes {
  /** Layer names and the property holding the class. */
  readonly water: string;
  readonly landuse: readonly string[];
  readonly roads: string;
  readonly roadNames: string;
  readonly buildings: string;
  readonly places: string;
  readonly key: string;
  readonly highway: readonly string[];
  readonly major: readonly string[];
  readonly minor: readonly string[];
  readonly path: readonly string[];
  readonly green: readonly string[];
}

const SCHEMAS: Readonly<Record<VectorSchema, Classes>> = {
  protomaps: {
    water: 'water',
    landuse: ['landuse', 'landcover'],
    roads: 'roads',
    roadNames: 'roads',
    buildings: 'buildings',
    places: 'places',
    key: 'kind',
    highway: ['highway'],
    major: ['major_road'],
    minor: ['minor_road', 'other'],
    path: ['path'],
    green: ['park', 'forest', 'wood', 'grass', 'garden', 'nature_reserve', 'golf_course', 'cemetery', 'farmland'],
  },
  openmaptiles: {
    water: 'water',
    landuse: ['landuse', 'landcover', 'park'],
    roads: 'transportation',
    roadNames: 'transportation_name',
    buildings: 'building',
    places: 'place',
    key: 'class',
    highway: ['motorway', 'trunk'],
    major: ['primary', 'secondary', 'tertiary'],
    minor: ['minor', 'service', 'residential', 'unclassified'],
    path: ['path', 'track', 'footway', 'cycleway', 'pedestrian'],
    green: ['park', 'wood', 'grass', 'forest', 'garden', 'nature_reserve', 'cemetery', 'farmland', 'scrub'],
  },
};

/** Ids of every street layer, so the map can remove them all. */
export const STREET_PREFIX = 'bm-';

const width = (stops: readonly [number, number][]): ExpressionSpecification =>
  ['interpolate', ['exponential', 1.6], ['zoom'], ...stops.flat()] as unknown as ExpressionSpecification;

/** The street layers below our boundaries (`under`) and the names above them (`labels`). */
export function streetLayers(
  schema: VectorSchema,
  source: string,
  lang: Lang,
): { under: LayerSpecification[]; labels: LayerSpecification[] } {
  const s = SCHEMAS[schema];
  const cls = (names: readonly string[]): ExpressionSpecification => ['in', ['get', s.key], ['literal', names]];
  const line = (
    id: string,
    names: readonly string[],
    color: string,
    w: [number, number][],
    minzoom: number,
  ): LayerSpecification => ({
    id: `${STREET_PREFIX}${id}`,
    type: 'line',
    source,
    'source-layer': s.roads,
    minzoom,
    filter: cls(names),
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': color, 'line-width': width(w) },
  });
  const under: LayerSpecification[] = [
    ...s.landuse.map((layer): LayerSpecification => ({
      id: `${STREET_PREFIX}green-${layer}`,
      type: 'fill',
      source,
      'source-layer': layer,
      filter: cls(s.green),
      paint: { 'fill-color': C.green },
    })),
    { id: `${STREET_PREFIX}water`, type: 'fill', source, 'source-layer': s.water, paint: { 'fill-color': C.water } },
    {
      id: `${STREET_PREFIX}buildings`,
      type: 'fill',
      source,
      'source-layer': s.buildings,
      minzoom: 14,
      paint: { 'fill-color': C.building, 'fill-outline-color': C.buildingEdge },
    },
    line(
      'path',
      s.path,
      C.path,
      [
        [14, 0.5],
        [18, 2],
      ],
      14,
    ),
    line(
      'minor-case',
      s.minor,
      C.minorCase,
      [
        [12, 1],
        [18, 12],
      ],
      12,
    ),
    line(
      'minor',
      s.minor,
      C.minor,
      [
        [12, 0.5],
        [18, 10],
      ],
      12,
    ),
    line(
      'major-case',
      s.major,
      C.majorCase,
      [
        [9, 1],
        [18, 20],
      ],
      9,
    ),
    line(
      'major',
      s.major,
      C.major,
      [
        [9, 0.6],
        [18, 17],
      ],
      9,
    ),
    line(
      'highway-case',
      s.highway,
      C.highwayCase,
      [
        [7, 1],
        [18, 24],
      ],
      7,
    ),
    line(
      'highway',
      s.highway,
      C.highway,
      [
        [7, 0.6],
        [18, 20],
      ],
      7,
    ),
  ];
  const labels: LayerSpecification[] = [
    {
      id: `${STREET_PREFIX}road-names`,
      type: 'symbol',
      source,
      'source-layer': s.roadNames,
      minzoom: 13,
      layout: {
        'symbol-placement': 'line',
        'text-field': streetName(lang),
        'text-font': FONT_STACK,
        'text-size': ['interpolate', ['linear'], ['zoom'], 13, 11, 18, 14],
        'text-max-angle': 30,
        'symbol-spacing': 300,
      },
      paint: { 'text-color': C.roadLabel, 'text-halo-color': 'rgba(255,255,255,0.95)', 'text-halo-width': 1.4 },
    },
    {
      id: `${STREET_PREFIX}places`,
      type: 'symbol',
      source,
      'source-layer': s.places,
      minzoom: 11,
      layout: {
        'text-field': streetName(lang),
        'text-font': FONT_STACK,
        'text-size': ['interpolate', ['linear'], ['zoom'], 11, 11, 16, 14],
        'text-padding': 6,
      },
      paint: { 'text-color': C.placeLabel, 'text-halo-color': 'rgba(255,255,255,0.9)', 'text-halo-width': 1.4 },
    },
  ];
  return { under, labels };
}
