/**
 * The import dialog's preview: the offline basemap with every row that has a position, green when it
 * will be imported and red when it has an error, and the site outlines read from the file.
 */
import * as maplibregl from 'maplibre-gl';
import type { FeatureCollection, LineString, Point, Polygon } from 'geojson';
import type { Datum } from '../core/io/datum';
import { DATUM_COLORS } from '../../layers/importColors';
import { useEffect, useRef } from 'preact/hooks';
import type { ReferenceData } from '../core/geodata/reference';
import type { Lang } from '../core/i18n/translate';
import { buildStyle } from './style';

export interface PreviewPoint {
  readonly row: number;
  readonly lon: number;
  readonly lat: number;
  readonly ok: boolean;
}

const toCollection = (points: readonly PreviewPoint[]): FeatureCollection<Point, { ok: boolean; row: number }> => ({
  type: 'FeatureCollection',
  features: points.map((p) => ({
    type: 'Feature',
    properties: { ok: p.ok, row: p.row },
    geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
  })),
});

const toSites = (sites: readonly Polygon[]): FeatureCollection<Polygon> => ({
  type: 'FeatureCollection',
  features: sites.map((g) => ({ type: 'Feature', properties: {}, geometry: g })),
});

type Candidates = FeatureCollection<Point | LineString, { readonly datum: Datum }>;
const NO_CANDIDATES: Candidates = { type: 'FeatureCollection', features: [] };

/** Colour by datum, as the dialog's legend shows it. */
const datumColor = (): maplibregl.ExpressionSpecification => [
  'match',
  ['get', 'datum'],
  'gcj02',
  DATUM_COLORS.gcj02,
  'bd09',
  DATUM_COLORS.bd09,
  DATUM_COLORS.wgs84,
];

export function PreviewMap({
  reference,
  lang,
  points,
  sites,
  candidates,
  chosen,
}: {
  /** Our county lines and coast, drawn under the data. */
  reference: ReferenceData;
  lang: Lang;
  points: readonly PreviewPoint[];
  sites: readonly Polygon[];
  /** The data under each degrees datum, drawn in its colour over the county lines (null: not shown). */
  candidates: Candidates | null;
  /** The datum currently chosen: drawn solid, the others thin. */
  chosen: Datum | null;
}) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const latest = useRef({ points, sites, candidates, chosen });
  latest.current = { points, sites, candidates, chosen };

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const [w, s, e, n] = reference.city.bbox;
    const map = new maplibregl.Map({
      container: el,
      style: buildStyle(reference, lang),
      bounds: [w, s, e, n],
      fitBoundsOptions: { padding: 10 },
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    map.on('load', () => {
      map.addSource('preview-candidates', { type: 'geojson', data: latest.current.candidates ?? NO_CANDIDATES });
      const isChosen: maplibregl.ExpressionSpecification = ['==', ['get', 'datum'], latest.current.chosen ?? ''];
      map.addLayer({
        id: 'preview-candidate-lines',
        type: 'line',
        source: 'preview-candidates',
        filter: ['==', ['geometry-type'], 'LineString'],
        paint: { 'line-color': datumColor(), 'line-width': ['case', isChosen, 2.5, 1.2], 'line-opacity': 0.9 },
      });
      map.addLayer({
        id: 'preview-candidate-points',
        type: 'circle',
        source: 'preview-candidates',
        filter: ['==', ['geometry-type'], 'Point'],
        paint: {
          'circle-radius': ['case', isChosen, 3.5, 2.5],
          'circle-color': datumColor(),
          'circle-opacity': 0.85,
        },
      });
      map.addSource('preview-sites', { type: 'geojson', data: toSites(latest.current.sites) });
      map.addSource('preview-points', { type: 'geojson', data: toCollection(latest.current.points) });
      map.addLayer({
        id: 'preview-sites',
        type: 'line',
        source: 'preview-sites',
        paint: { 'line-color': '#dc2626', 'line-width': 1.5 },
      });
      map.addLayer({
        id: 'preview-points',
        type: 'circle',
        source: 'preview-points',
        paint: {
          'circle-radius': 4,
          'circle-color': ['case', ['get', 'ok'], '#16a34a', '#dc2626'],
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1,
        },
      });
      mapRef.current = map;
      fit(map, latest.current.points);
    });
    return () => {
      mapRef.current = null;
      map.remove();
    };
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    void map.getSource<maplibregl.GeoJSONSource>('preview-points')?.setData(toCollection(points));
    void map.getSource<maplibregl.GeoJSONSource>('preview-sites')?.setData(toSites(sites));
    fit(map, points);
  }, [points, sites]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    void map.getSource<maplibregl.GeoJSONSource>('preview-candidates')?.setData(candidates ?? NO_CANDIDATES);
    const isChosen: maplibregl.ExpressionSpecification = ['==', ['get', 'datum'], chosen ?? ''];
    map.setPaintProperty('preview-candidate-lines', 'line-width', ['case', isChosen, 2.5, 1.2]);
    map.setPaintProperty('preview-candidate-points', 'circle-radius', ['case', isChosen, 3.5, 2.5]);
  }, [candidates, chosen]);

  return (
    <div
      class="preview-map"
      ref={container}
      data-testid="import-preview-map"
      data-points={points.length}
      data-ok={points.filter((p) => p.ok).length}
      data-candidates={candidates?.features.length ?? 0}
    />
  );
}

function fit(map: maplibregl.Map, points: readonly PreviewPoint[]): void {
  if (points.length === 0) return;
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const p of points) {
    w = Math.min(w, p.lon);
    e = Math.max(e, p.lon);
    s = Math.min(s, p.lat);
    n = Math.max(n, p.lat);
  }
  map.fitBounds([w, s, e, n], { padding: 30, maxZoom: 14, duration: 0 });
}
