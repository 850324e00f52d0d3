/**
 * County shading (学位缺口, 预测缺口, 特殊教育 layers) drawn by MapLibre's own fill and line layers: the
 * county polygons tiled and simplified by MapLibre's worker like the basemap's counties, each county
 * coloured by feature state. deck.gl drew them until issue 16's seventh round: its polygon and path
 * layers at full detail made every map frame about 0.55 s slower per shaded layer on software GL (a frame
 * at the city view 0.15 → 0.73 s with one, 1.5 s with two); MapLibre's fill and line over the same
 * polygons cost about 20 ms. A change of colour (an edit moving a county across a class) is a feature-state
 * update, not a re-tiling; a layer is added when first shown, so a plan that never shades a county never
 * tiles or compiles anything for it.
 */
import type * as maplibregl from 'maplibre-gl';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import type { CountyLayerDescriptor, CountyShade, LayerDescriptor } from '../../layers/types';
import { cssColor } from './projectLayers';
import { BASEMAP_TOLERANCE } from './style';

export const isShadeDescriptor = (d: LayerDescriptor): d is CountyLayerDescriptor => d.type === 'counties';

/** A shading's MapLibre layers, bottom first. */
export const shadeLayerIds = (id: string): readonly [string, string] => [`${id}-fill`, `${id}-line`];

const stateColor = (key: 'fill' | 'line'): maplibregl.ExpressionSpecification => [
  'to-color',
  ['coalesce', ['feature-state', key], 'rgba(0,0,0,0)'],
];

type ShadeFeatures = FeatureCollection<MultiPolygon, { readonly adcode: string }>;
const featuresOf = (data: readonly CountyShade[]): ShadeFeatures => ({
  type: 'FeatureCollection',
  features: data.map((f) => ({ type: 'Feature', geometry: f.geometry, properties: { adcode: f.properties.adcode } })),
});

/** The same counties with the same geometry objects: only colours can have changed. */
const sameCounties = (a: readonly CountyShade[], b: readonly CountyShade[]): boolean =>
  a.length === b.length &&
  a.every((f, i) => f.geometry === b[i]?.geometry && f.properties.adcode === b[i]?.properties.adcode);

interface Shown {
  counties: readonly CountyShade[];
  visible: boolean;
  /** The colours set as feature state, by county: `fill|line`. */
  readonly colors: Map<string, string>;
}

export interface CountyShadeSync {
  /**
   * Keeps the shading layers equal to the descriptors; `beneath(i)` is the map layer the descriptor at
   * index i is drawn beneath. True if the map changed.
   */
  sync(descriptors: readonly LayerDescriptor[], beneath: (index: number) => string): boolean;
  /** Whether a shading's layers are on the map. */
  has(id: string): boolean;
}

export function createCountyShadeSync(map: maplibregl.Map): CountyShadeSync {
  const shown = new Map<string, Shown>();
  return {
    has: (id) => shown.has(id),
    sync(descriptors, beneath) {
      let changed = false;
      descriptors.forEach((d, i) => {
        if (!isShadeDescriptor(d)) return;
        let s = shown.get(d.id);
        if (!s) {
          // added when first shown: nothing is tiled or compiled for a shading nobody looks at
          if (!d.visible) return;
          map.addSource(d.id, {
            type: 'geojson',
            data: featuresOf(d.data),
            promoteId: 'adcode',
            tolerance: BASEMAP_TOLERANCE,
          });
          const [fill, line] = shadeLayerIds(d.id);
          const before = beneath(i);
          map.addLayer(
            {
              id: fill,
              type: 'fill',
              source: d.id,
              // the line layer draws the edge: no antialiasing outline pass
              paint: { 'fill-color': stateColor('fill'), 'fill-antialias': false },
            },
            before,
          );
          map.addLayer(
            {
              id: line,
              type: 'line',
              source: d.id,
              paint: { 'line-color': stateColor('line'), 'line-width': d.lineWidthPx },
            },
            before,
          );
          s = { counties: d.data, visible: true, colors: new Map() };
          shown.set(d.id, s);
          changed = true;
        } else if (s.counties !== d.data && !sameCounties(s.counties, d.data)) {
          void map.getSource<maplibregl.GeoJSONSource>(d.id)?.setData(featuresOf(d.data));
          s.colors.clear();
          changed = true;
        }
        s.counties = d.data;
        if (s.visible !== d.visible) {
          for (const id of shadeLayerIds(d.id)) map.setLayoutProperty(id, 'visibility', d.visible ? 'visible' : 'none');
          s.visible = d.visible;
          changed = true;
        }
        for (const f of d.data) {
          const fill = cssColor(d.fill(f.properties));
          const line = cssColor(d.line(f.properties));
          const key = `${fill}|${line}`;
          if (s.colors.get(f.properties.adcode) === key) continue;
          s.colors.set(f.properties.adcode, key);
          map.setFeatureState({ source: d.id, id: f.properties.adcode }, { fill, line });
          changed = true;
        }
      });
      return changed;
    },
  };
}
