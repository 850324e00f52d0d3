import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import type { ReferenceData } from '../core/geodata/reference';
import type { Lang } from '../core/i18n/translate';
import { BASEMAP_COLORS } from '../../layers/basemap';

/** Local font stack: Windows, macOS, then Debian's Noto CJK. No glyph server is ever contacted. */
export const FONT_STACK = ['Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'sans-serif'];

const COLORS = BASEMAP_COLORS;

/** The id of the first label layer: deck.gl layers are drawn just below it (interleaved). */
export const LABEL_LAYER_ID = 'county-labels';
export const LABEL_LAYERS = ['county-labels', 'context-labels'] as const;
/** Offline fills hidden when an online basemap is shown underneath the boundaries. */
export const OFFLINE_FILL_LAYERS = ['land', 'lakes', 'county-fill', 'rivers', 'coastline'] as const;

export const labelField = (lang: Lang): ExpressionSpecification => ['get', lang === 'zh' ? 'name' : 'nameEn'];

/** County labels: the name, and under it the 2021 population (from zoom 8.5, where there is room). */
export const countyLabelField = (lang: Lang): ExpressionSpecification => [
  'step',
  ['zoom'],
  labelField(lang),
  8.5,
  [
    'format',
    labelField(lang),
    {},
    ['case', ['has', 'popZh'], '\n', ''],
    {},
    ['get', lang === 'zh' ? 'popZh' : 'popEn'],
    { 'font-scale': 0.72, 'text-color': '#8A7F70' },
  ],
];

/** The text-field expression of each label layer, per language. */
export const LABEL_FIELDS: Readonly<Record<(typeof LABEL_LAYERS)[number], (lang: Lang) => ExpressionSpecification>> = {
  'county-labels': countyLabelField,
  'context-labels': labelField,
};

function populationLabels(pop: number | null): { popZh?: string; popEn?: string } {
  if (pop === null) return {};
  return { popZh: `${(pop / 10_000).toFixed(1)}万人`, popEn: `pop. ${(pop / 1_000_000).toFixed(2)} M` };
}

/**
 * How far (in tile pixels) MapLibre may simplify the land and county outlines when it cuts them into
 * tiles. Without a GPU every vertex is a cost in each frame of software GL: at the city view 0.25 kept
 * 24,000 of the 33,000 vertices and a map frame took about 130 ms; 0.5 keeps 11,000 and, with the fill
 * outlines below, a frame takes about 92 ms (docs/ARCHITECTURE.md, Start-up, sixth round). Half a tile
 * pixel is below what the eye separates at any zoom; the floor page of the bench uses the same value.
 */
export const BASEMAP_TOLERANCE = 0.5;

/**
 * Fills whose every edge a line layer draws over (coast and lake shores by `coastline`, county borders
 * by `county-lines`, the frame by `frame-edge`), or whose neighbour is the same colour: MapLibre's
 * antialiasing outline pass would add a second copy of each ring's vertices to every frame for nothing.
 */
const OUTLINED = { 'fill-antialias': false } as const;

/** The embedded basemap of 泉州 as an inline MapLibre style: every source is data in the bundle. */
/**
 * `urls`: where the same land and county files can be fetched (the live map): MapLibre's worker then
 * fetches and parses them itself, in parallel, instead of receiving a copy of the parsed objects.
 */
export function buildStyle(
  ref: ReferenceData,
  lang: Lang,
  urls?: { readonly land: string; readonly counties: string },
): StyleSpecification {
  const labelPoints = {
    type: 'FeatureCollection' as const,
    features: ref.counties.features.map((f) => ({
      type: 'Feature' as const,
      properties: {
        name: f.properties.name,
        nameEn: f.properties.nameEn,
        adcode: f.properties.adcode,
        ...populationLabels(f.properties.pop2021),
      },
      geometry: { type: 'Point' as const, coordinates: [f.properties.labelLon, f.properties.labelLat] },
    })),
  };
  // a neutral frame outside the extent of the embedded data (no coastline is known there)
  const [w, so, e, n] = ref.city.dataExtent;
  const frame = {
    type: 'Feature' as const,
    properties: {},
    geometry: {
      type: 'Polygon' as const,
      coordinates: [
        [
          [-180, -85],
          [180, -85],
          [180, 85],
          [-180, 85],
          [-180, -85],
        ],
        [
          [w, so],
          [w, n],
          [e, n],
          [e, so],
          [w, so],
        ],
      ],
    },
  };
  return {
    version: 8,
    name: 'quanzhou-offline',
    sources: {
      land: { type: 'geojson', data: urls?.land ?? ref.land, tolerance: BASEMAP_TOLERANCE },
      counties: { type: 'geojson', data: urls?.counties ?? ref.counties, tolerance: BASEMAP_TOLERANCE },
      rivers: { type: 'geojson', data: ref.rivers },
      countyLabels: { type: 'geojson', data: labelPoints },
      contextLabels: { type: 'geojson', data: ref.labels },
      frame: { type: 'geojson', data: frame },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': COLORS.sea } },
      {
        id: 'land',
        type: 'fill',
        source: 'land',
        filter: ['!', ['has', 'lake']],
        paint: { 'fill-color': COLORS.land, ...OUTLINED },
      },
      {
        id: 'lakes',
        type: 'fill',
        source: 'land',
        filter: ['has', 'lake'],
        paint: { 'fill-color': COLORS.sea, ...OUTLINED },
      },
      { id: 'county-fill', type: 'fill', source: 'counties', paint: { 'fill-color': COLORS.city, ...OUTLINED } },
      {
        id: 'rivers',
        type: 'line',
        source: 'rivers',
        paint: { 'line-color': COLORS.river, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1, 13, 2.5] },
      },
      {
        id: 'county-lines',
        type: 'line',
        source: 'counties',
        paint: {
          'line-color': COLORS.countyLine,
          'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1, 13, 2],
          'line-dasharray': [4, 2],
        },
      },
      // solid coast drawn over the dashed county outline where the two coincide
      {
        id: 'coastline',
        type: 'line',
        source: 'land',
        paint: { 'line-color': COLORS.coast, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1.2, 13, 2.2] },
      },
      { id: 'frame', type: 'fill', source: 'frame', paint: { 'fill-color': COLORS.frame, ...OUTLINED } },
      { id: 'frame-edge', type: 'line', source: 'frame', paint: { 'line-color': COLORS.frameEdge, 'line-width': 1 } },
      {
        id: 'county-labels',
        type: 'symbol',
        source: 'countyLabels',
        layout: {
          'text-field': countyLabelField(lang),
          'text-font': FONT_STACK,
          'text-size': ['interpolate', ['linear'], ['zoom'], 8, 13, 12, 17],
          'text-letter-spacing': 0.08,
          'text-allow-overlap': false,
          'text-padding': 4,
        },
        paint: {
          'text-color': COLORS.label,
          // the same halo for every county, written per feature on purpose: context-labels' halo depends on
          // the feature, and MapLibre links one shader program per mix of per-feature and constant colours —
          // alike, the two label layers share one (without a GPU the first map waits ~80 ms for each link)
          'text-halo-color': ['to-color', ['coalesce', ['get', 'halo'], 'rgba(255,255,255,0.92)']],
          'text-halo-width': 1.6,
        },
      },
      {
        id: 'context-labels',
        type: 'symbol',
        source: 'contextLabels',
        maxzoom: 12,
        layout: {
          'text-field': labelField(lang),
          'text-font': FONT_STACK,
          'text-size': 12,
          'text-letter-spacing': 0.15,
        },
        paint: {
          'text-color': ['match', ['get', 'kind'], 'water', COLORS.water, COLORS.neighbour],
          'text-halo-color': ['match', ['get', 'kind'], 'water', 'rgba(188,214,230,0.9)', 'rgba(236,231,220,0.9)'],
          'text-halo-width': 1.2,
        },
      },
    ],
  };
}
