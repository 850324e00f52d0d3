/**
 * Two synchronized MapLibre maps for scenario comparison: side by side, or stacked under a swipe bar
 * (B clipped to the right of the bar). Each shows its scenario's projects coloured by kind, with what
 * changed marked: removed (A) and added (B) ringed, moved ones joined to where they were.
 */
import * as maplibregl from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ScenarioDiff } from '../core/compare/diff';
import type { ReferenceData } from '../core/geodata/reference';
import type { Lang } from '../core/i18n/translate';
import type { ProjectFeature } from '../core/model/project';
import { KIND_SYMBOL } from '../../layers/symbols';
import type { CompareFocus, CompareMode } from '../state/compare';
import { buildStyle, LABEL_FIELDS, LABEL_LAYERS } from './style';

export const COMPARE_COLORS = { removed: '#d62728', added: '#2ca02c', moved: '#ff7f0e' } as const;

interface Props {
  readonly reference: ReferenceData;
  readonly lang: Lang;
  readonly mode: CompareMode;
  readonly a: readonly ProjectFeature[];
  readonly b: readonly ProjectFeature[];
  readonly diff: ScenarioDiff | null;
  readonly focus: CompareFocus | null;
  readonly labels: { readonly a: string; readonly b: string; readonly handle: string };
}

type Mark = 'removed' | 'added' | 'moved' | 'none';

/** Test and debugging hook: the two comparison maps. */
declare global {
  interface Window {
    __qzCompare?: { a: maplibregl.Map; b: maplibregl.Map };
  }
}

function projectsGeoJson(list: readonly ProjectFeature[], marks: ReadonlyMap<string, Mark>): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: list.map((p) => ({
      type: 'Feature',
      geometry: p.geometry,
      properties: {
        color: KIND_SYMBOL[p.properties.kind].color,
        mark: marks.get(p.id) ?? 'none',
        name: p.properties.name,
      },
    })),
  };
}

function movesGeoJson(diff: ScenarioDiff | null): FeatureCollection {
  const features: FeatureCollection['features'] = [];
  for (const r of diff?.rows ?? [])
    if (r.moved && r.a && r.b)
      features.push({
        type: 'Feature',
        geometry: { type: 'LineString', coordinates: [r.a.geometry.coordinates, r.b.geometry.coordinates] },
        properties: {},
      });
  return { type: 'FeatureCollection', features };
}

function addLayers(map: maplibregl.Map, data: FeatureCollection, moves: FeatureCollection, lang: Lang): void {
  for (const id of LABEL_LAYERS) map.setLayoutProperty(id, 'text-field', LABEL_FIELDS[id](lang));
  map.addSource('cmp-moves', { type: 'geojson', data: moves });
  map.addLayer({
    id: 'cmp-moves',
    type: 'line',
    source: 'cmp-moves',
    paint: { 'line-color': COMPARE_COLORS.moved, 'line-width': 2, 'line-dasharray': [2, 1.5] },
  });
  map.addSource('cmp-projects', { type: 'geojson', data });
  map.addLayer({
    id: 'cmp-marks',
    type: 'circle',
    source: 'cmp-projects',
    filter: ['!=', ['get', 'mark'], 'none'],
    paint: {
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 9, 14, 16],
      'circle-color': 'rgba(0,0,0,0)',
      'circle-stroke-width': 3,
      'circle-stroke-color': [
        'match',
        ['get', 'mark'],
        'removed',
        COMPARE_COLORS.removed,
        'added',
        COMPARE_COLORS.added,
        COMPARE_COLORS.moved,
      ],
    },
  });
  map.addLayer({
    id: 'cmp-projects',
    type: 'circle',
    source: 'cmp-projects',
    paint: {
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 4, 14, 9],
      'circle-color': ['get', 'color'],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 1.5,
    },
  });
}

export function CompareMaps(props: Props) {
  const { reference, lang, mode, a, b, diff, focus, labels } = props;
  const wrap = useRef<HTMLDivElement>(null);
  const elA = useRef<HTMLDivElement>(null);
  const elB = useRef<HTMLDivElement>(null);
  const maps = useRef<{ a: maplibregl.Map; b: maplibregl.Map } | null>(null);
  const [swipe, setSwipe] = useState(0.5);
  const [ready, setReady] = useState(0);

  const marksA = new Map<string, Mark>();
  const marksB = new Map<string, Mark>();
  for (const r of diff?.rows ?? []) {
    if (r.status === 'removed') marksA.set(r.id, 'removed');
    else if (r.status === 'added') marksB.set(r.id, 'added');
    else if (r.moved) marksB.set(r.id, 'moved');
  }

  useEffect(() => {
    if (!elA.current || !elB.current) return;
    const [w, s, e, n] = reference.city.bbox;
    const make = (container: HTMLDivElement): maplibregl.Map =>
      new maplibregl.Map({
        container,
        style: buildStyle(reference, lang),
        bounds: [w, s, e, n],
        fitBoundsOptions: { padding: 24 },
        attributionControl: false,
        dragRotate: false,
        pitchWithRotate: false,
        fadeDuration: 0,
        minZoom: 6.5,
        maxZoom: 18,
      });
    const ma = make(elA.current);
    const mb = make(elB.current);
    mb.addControl(new maplibregl.ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-right');
    // one camera: whichever the planner moves, the other follows
    let syncing = false;
    const follow = (from: maplibregl.Map, to: maplibregl.Map) => () => {
      if (syncing) return;
      syncing = true;
      to.jumpTo({ center: from.getCenter(), zoom: from.getZoom() });
      syncing = false;
    };
    ma.on('move', follow(ma, mb));
    // where B looks, for tests and for the planner's screen reader
    mb.on('moveend', () => {
      const c = mb.getCenter();
      wrap.current?.setAttribute('data-center', `${c.lng.toFixed(5)},${c.lat.toFixed(5)}`);
    });
    mb.on('move', follow(mb, ma));
    let loaded = 0;
    const onLoad = (): void => {
      loaded++;
      if (loaded === 2) setReady((r) => r + 1);
    };
    ma.once('load', onLoad);
    mb.once('load', onLoad);
    maps.current = { a: ma, b: mb };
    window.__qzCompare = { a: ma, b: mb };
    return () => {
      maps.current = null;
      delete window.__qzCompare;
      ma.remove();
      mb.remove();
    };
  }, []);

  // data: the two scenarios and their marks
  useEffect(() => {
    const m = maps.current;
    if (!m || ready === 0) return;
    const moves = movesGeoJson(diff);
    for (const [map, list, marks] of [
      [m.a, a, marksA],
      [m.b, b, marksB],
    ] as const) {
      const data = projectsGeoJson(list, marks);
      const src = map.getSource('cmp-projects');
      if (src instanceof maplibregl.GeoJSONSource) {
        void src.setData(data);
        void map.getSource<maplibregl.GeoJSONSource>('cmp-moves')?.setData(moves);
      } else addLayers(map, data, moves, lang);
    }
    // and draw again for a few seconds: on a busy, software-rendered machine the new data's tiles and the
    // circle shaders can become ready seconds later without MapLibre requesting a frame for them
    let tries = 0;
    const poll = setInterval(() => {
      m.a.triggerRepaint();
      m.b.triggerRepaint();
      if (++tries >= 16) clearInterval(poll);
    }, 500);
    return () => clearInterval(poll);
  }, [ready, a, b, diff]);

  useEffect(() => {
    requestAnimationFrame(() => {
      maps.current?.a.resize();
      maps.current?.b.resize();
    });
  }, [mode]);

  useEffect(() => {
    const m = maps.current;
    if (!m || !focus) return;
    if (focus.from) {
      const [x0, y0] = focus.from;
      m.b.fitBounds(
        [
          [Math.min(x0, focus.lon), Math.min(y0, focus.lat)],
          [Math.max(x0, focus.lon), Math.max(y0, focus.lat)],
        ],
        { padding: 120, maxZoom: 15, duration: 800 },
      );
    } else m.b.flyTo({ center: [focus.lon, focus.lat], zoom: Math.max(m.b.getZoom(), 14), duration: 800 });
  }, [focus?.seq]);

  const startDrag = (e: PointerEvent): void => {
    const el = wrap.current;
    if (!el) return;
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    const move = (ev: PointerEvent): void => {
      const r = el.getBoundingClientRect();
      setSwipe(Math.max(0.02, Math.min(0.98, (ev.clientX - r.left) / r.width)));
    };
    const up = (): void => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };

  const pct = `${(swipe * 100).toFixed(2)}%`;
  return (
    <div
      ref={wrap}
      class={`compare-maps ${mode}`}
      data-testid="compare-maps"
      data-mode={mode}
      data-ready={ready > 0 ? 'true' : 'false'}
    >
      <div class="compare-map a" ref={elA} data-testid="compare-map-a">
        <span class="compare-tag a" data-i18n-exempt="">
          {labels.a}
        </span>
      </div>
      <div
        class="compare-map b"
        ref={elB}
        data-testid="compare-map-b"
        style={mode === 'swipe' ? { clipPath: `inset(0 0 0 ${pct})` } : undefined}
      >
        <span class="compare-tag b" data-i18n-exempt="">
          {labels.b}
        </span>
      </div>
      {mode === 'swipe' && (
        <div
          class="swipe-handle"
          data-testid="compare-swipe"
          style={{ left: pct }}
          role="slider"
          aria-label={labels.handle}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(swipe * 100)}
          tabIndex={0}
          onPointerDown={startDrag}
          onKeyDown={(e) => {
            if (e.key === 'ArrowLeft') setSwipe((s) => Math.max(0.02, s - 0.05));
            if (e.key === 'ArrowRight') setSwipe((s) => Math.min(0.98, s + 0.05));
          }}
        >
          <span aria-hidden="true">⇔</span>
        </div>
      )}
    </div>
  );
}
