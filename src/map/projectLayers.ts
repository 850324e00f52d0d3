/**
 * The project layers (symbols, central-district rings, site outlines, the selection ring) drawn by
 * MapLibre itself. They are the first map: drawing them with MapLibre's own programs means the page
 * needs no second WebGL engine to show a plan, and deck.gl loads only when an analysis layer is shown.
 * Sizes follow the descriptors of layers/ exactly: metres on the ground, clamped to a pixel range.
 */
import type * as maplibregl from 'maplibre-gl';
import type { FeatureCollection, Point, Polygon } from 'geojson';
import { metresPerPixel } from '../core/export/paper';
import type { ProjectFeature } from '../core/model/project';
import { CELL, iconKey } from '../../layers/symbols';
import type {
  IconLayerDescriptor,
  LayerDescriptor,
  PolygonLayerDescriptor,
  Rgba,
  RingLayerDescriptor,
} from '../../layers/types';
import { symbolImage } from './atlas';
import { FONT_STACK, LABEL_LAYER_ID } from './style';

export type ProjectDescriptor = IconLayerDescriptor | RingLayerDescriptor | PolygonLayerDescriptor;

export const isProjectDescriptor = (d: LayerDescriptor): d is ProjectDescriptor =>
  d.type === 'icons' || d.type === 'rings' || d.type === 'polygons';

/** Web Mercator metres per CSS pixel at zoom 0 on the equator (512-px tiles, as MapLibre draws them). */
const METRES_PER_PX_Z0 = 78271.517;

/**
 * A size of `metres` on the ground as pixels at each zoom, held between `minPx` and `maxPx` (deck.gl's
 * sizeMinPixels/sizeMaxPixels): constant below and above, doubling with each zoom level between. The
 * result is `px × scale + offset` (MapLibre allows zoom only at the top of an expression).
 */
export function metresToPixels(
  metres: number,
  minPx: number,
  maxPx: number,
  lat: number,
  { scale = 1, offset = 0 }: { scale?: number; offset?: number } = {},
): maplibregl.ExpressionSpecification {
  const k = (METRES_PER_PX_Z0 * Math.cos((lat * Math.PI) / 180)) / metres;
  const zoomAt = (px: number): number => Math.log2(px * k);
  return [
    'interpolate',
    ['exponential', 2],
    ['zoom'],
    zoomAt(minPx),
    minPx * scale + offset,
    zoomAt(maxPx),
    maxPx * scale + offset,
  ];
}

/**
 * The same size for one zoom, in CSS pixels: for what the page draws over the map (the drag marker, the
 * hover disc) at the size the map draws the symbol.
 */
export const metresToPixelsAt = (metres: number, minPx: number, maxPx: number, lat: number, zoom: number): number =>
  Math.min(maxPx, Math.max(minPx, metres / metresPerPixel(lat, zoom)));

export const cssColor = (c: Rgba): string => `rgba(${c[0]},${c[1]},${c[2]},${(c[3] / 255).toFixed(3)})`;

type PointProps = { readonly id: string; readonly icon: string; readonly label?: string };
const points = new WeakMap<readonly ProjectFeature[], FeatureCollection<Point, PointProps>>();
const labelledPoints = new WeakMap<readonly ProjectFeature[], FeatureCollection<Point, PointProps>>();
const outlines = new WeakMap<readonly ProjectFeature[], FeatureCollection<Polygon, { readonly id: string }>>();

/**
 * Projects as small GeoJSON (id and symbol; the name only for a layer that shows it: MapLibre's worker
 * encodes every property of every feature), converted once per list (lists keep their identity).
 */
function pointsOf(data: readonly ProjectFeature[], labelled: boolean): FeatureCollection<Point, PointProps> {
  const cache = labelled ? labelledPoints : points;
  let fc = cache.get(data);
  if (!fc) {
    fc = {
      type: 'FeatureCollection',
      features: data.map((p) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [p.geometry.coordinates[0] ?? 0, p.geometry.coordinates[1] ?? 0] },
        properties: {
          id: p.id,
          icon: iconKey(p.properties.kind, p.properties.action, p.properties.status),
          ...(labelled ? { label: p.properties.name } : {}),
        },
      })),
    };
    cache.set(data, fc);
  }
  return fc;
}

function outlinesOf(data: readonly ProjectFeature[]): FeatureCollection<Polygon, { readonly id: string }> {
  let fc = outlines.get(data);
  if (!fc) {
    fc = {
      type: 'FeatureCollection',
      features: data.flatMap((p) =>
        p.properties.site ? [{ type: 'Feature' as const, geometry: p.properties.site, properties: { id: p.id } }] : [],
      ),
    };
    outlines.set(data, fc);
  }
  return fc;
}

/** The MapLibre layer ids a descriptor becomes (a polygon is a fill and an outline). */
export function layerIdsOf(d: ProjectDescriptor): string[] {
  return d.type === 'polygons' ? [`${d.id}-fill`, `${d.id}-line`] : [d.id];
}

/** Adds one symbol as a map image (drawn on first use); false if the name is no symbol. */
export function addSymbolImage(map: maplibregl.Map, key: string): boolean {
  if (map.hasImage(key)) return true;
  const pixels = symbolImage(key);
  if (!pixels) return false;
  map.addImage(
    key,
    { width: pixels.width, height: pixels.height, data: new Uint8Array(pixels.data) },
    { pixelRatio: 1 },
  );
  return true;
}

/** Symbols are added as the map asks for them (MapLibre 6 asks once per symbol it needs). */
export function provideSymbols(map: maplibregl.Map): void {
  map.setMissingStyleImageResolver((id) => {
    addSymbolImage(map, id);
  });
}

/**
 * The project layers as part of a style (sources and layers below the labels), so that the first map
 * loads them together with the basemap instead of after it.
 */
export function withProjectLayers(
  style: maplibregl.StyleSpecification,
  descriptors: readonly LayerDescriptor[],
  lat: number,
): maplibregl.StyleSpecification {
  const mine = descriptors.filter(isProjectDescriptor);
  const sources: Record<string, maplibregl.SourceSpecification> = { ...style.sources };
  for (const d of mine) sources[d.id] = sourceOf(d);
  const at = style.layers.findIndex((l) => l.id === LABEL_LAYER_ID);
  const below = at < 0 ? style.layers : style.layers.slice(0, at);
  const above = at < 0 ? [] : style.layers.slice(at);
  return { ...style, sources, layers: [...below, ...mine.flatMap((d) => layersOf(d, lat)), ...above] };
}

const sourceOf = (d: ProjectDescriptor): maplibregl.GeoJSONSourceSpecification => ({
  type: 'geojson',
  data: dataOf(d),
  buffer: 16,
  tolerance: 0,
});

function layersOf(d: ProjectDescriptor, lat: number): maplibregl.LayerSpecification[] {
  const visibility = d.visible ? 'visible' : 'none';
  if (d.type === 'icons')
    return [
      {
        id: d.id,
        type: 'symbol',
        source: d.id,
        layout: {
          visibility,
          'icon-image': ['get', 'icon'],
          // the symbols are CELL px: scale them to the descriptor's size in metres
          'icon-size': metresToPixels(d.sizeMeters, d.minPx, d.maxPx, lat, { scale: 1 / CELL }),
          'icon-allow-overlap': true,
          'icon-ignore-placement': true,
          'icon-padding': [0],
          ...(d.labelled
            ? {
                'text-field': ['get', 'label'],
                'text-font': FONT_STACK,
                'text-size': 13,
                'text-offset': [0.9, -0.9],
                'text-anchor': 'bottom-left',
                'text-allow-overlap': true,
                'text-ignore-placement': true,
              }
            : {}),
        },
        ...(d.labelled
          ? { paint: { 'text-color': '#581c87', 'text-halo-color': '#ffffff', 'text-halo-width': 2 } }
          : {}),
      },
    ];
  if (d.type === 'rings')
    return [
      {
        id: d.id,
        type: 'circle',
        source: d.id,
        layout: { visibility },
        paint: {
          // deck.gl strokes inside the radius: the ring's outer edge is the radius
          'circle-radius': metresToPixels(d.radiusMeters, d.minRadiusPx, d.maxRadiusPx, lat, {
            offset: -d.lineWidthPx / 2,
          }),
          'circle-color': d.fillColor ? cssColor(d.fillColor) : 'rgba(0,0,0,0)',
          'circle-stroke-color': cssColor(d.lineColor),
          'circle-stroke-width': d.lineWidthPx,
          'circle-pitch-alignment': 'map',
        },
      },
    ];
  return [
    {
      id: `${d.id}-fill`,
      type: 'fill',
      source: d.id,
      layout: { visibility },
      paint: { 'fill-color': cssColor(d.fillColor) },
    },
    {
      id: `${d.id}-line`,
      type: 'line',
      source: d.id,
      layout: { visibility },
      paint: { 'line-color': cssColor(d.lineColor), 'line-width': d.lineWidthPx },
    },
  ];
}

const dataOf = (d: ProjectDescriptor): FeatureCollection =>
  d.type === 'polygons' ? outlinesOf(d.data) : pointsOf(d.data, d.type === 'icons' && d.labelled === true);

/**
 * Keeps the project layers of a map equal to the descriptors: adds what is missing (below the labels,
 * in the descriptors' order), sets the data of a layer only when its list changed, and its visibility.
 */
export interface ProjectLayerSync {
  /** True if the map changed (a layer added, data set, visibility switched). */
  sync(descriptors: readonly LayerDescriptor[]): boolean;
  /** The lowest project layer, for drawing the analysis layers beneath (deck.gl's beforeId). */
  readonly firstLayerId: string | null;
  /** Ids of the layers a pointer can pick a project from, top first. */
  pickableLayerIds(): string[];
}

/** `initial`: the descriptors the map's style was built with (withProjectLayers), if any. */
export function createProjectLayerSync(
  map: maplibregl.Map,
  lat: number,
  initial: readonly LayerDescriptor[] = [],
): ProjectLayerSync {
  const shown = new Map<string, readonly unknown[]>();
  const visible = new Map<string, boolean>();
  for (const d of initial.filter(isProjectDescriptor)) {
    shown.set(d.id, d.data);
    visible.set(d.id, d.visible);
  }
  let first: string | null = null;
  let pickable: string[] = [];
  return {
    get firstLayerId() {
      return first;
    },
    pickableLayerIds: () => pickable.filter((id) => visible.get(id) === true),
    sync(descriptors) {
      const mine = descriptors.filter(isProjectDescriptor);
      let changed = false;
      for (const d of mine) {
        const source = map.getSource<maplibregl.GeoJSONSource>(d.id);
        if (!source) {
          map.addSource(d.id, sourceOf(d));
          for (const l of layersOf(d, lat)) map.addLayer(l, LABEL_LAYER_ID);
          changed = true;
        } else if (shown.get(d.id) !== d.data) {
          void source.setData(dataOf(d));
          changed = true;
        }
        shown.set(d.id, d.data);
        if (visible.get(d.id) !== d.visible) {
          for (const id of layerIdsOf(d)) map.setLayoutProperty(id, 'visibility', d.visible ? 'visible' : 'none');
          changed = true;
        }
        visible.set(d.id, d.visible);
      }
      const firstDescriptor = mine[0];
      first = firstDescriptor ? (layerIdsOf(firstDescriptor)[0] ?? null) : null;
      pickable = mine
        .filter((d): d is IconLayerDescriptor => d.type === 'icons' && d.pickable)
        .map((d) => d.id)
        .reverse();
      return changed;
    },
  };
}
