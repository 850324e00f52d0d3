import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Layer, PickingInfo } from '@deck.gl/core';
import { effect } from '@preact/signals';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ExistingSchoolRecord } from '../core/io/existing';
import type { ProjectFeature } from '../core/model/project';
import type { MessageKey } from '../core/i18n/messages';
import { buildLayers } from '../../layers/index';
import type { MapStores } from '../state/app';
import { onlineLayers } from './basemaps';
import { loadIconAtlas, toDeckLayers } from './deckLayers';
import { attachEditor, type MapEditor } from './editor';
import { setLiveMap } from './live';
import { createUniformBindingGuard, syncDeckFramebuffer } from './interleaveFixes';
import { buildStyle, LABEL_FIELDS, LABEL_LAYERS, OFFLINE_FILL_LAYERS } from './style';

maplibregl.setWorkerUrl(workerUrl);

/** Room for the controls (right) and the credit line and scale bar (bottom) when fitting the city. */
const CITY_PADDING = { top: 24, bottom: 44, left: 24, right: 56 };
/** Flying to a project keeps its neighbourhood (other projects, the county) in view. */
const FLY_ZOOM = 12;

type Hover =
  | { readonly x: number; readonly y: number; readonly project: ProjectFeature }
  | { readonly x: number; readonly y: number; readonly existing: ExistingSchoolRecord };

type Picked = ProjectFeature | ExistingSchoolRecord;
const isProject = (o: Picked): o is ProjectFeature => 'properties' in o;

/** Test and debugging hook: the live map and a promise for the first fully drawn frame. */
declare global {
  interface Window {
    __qzMap?: { map: maplibregl.Map; ready: Promise<void> };
  }
}

class FitCityControl implements maplibregl.IControl {
  private container: HTMLDivElement | null = null;
  readonly button = document.createElement('button');
  constructor(private readonly onFit: () => void) {}
  onAdd(): HTMLElement {
    this.container = document.createElement('div');
    this.container.className = 'maplibregl-ctrl maplibregl-ctrl-group';
    this.button.type = 'button';
    this.button.className = 'qz-fit-city';
    this.button.dataset.testid = 'map-fit-city';
    this.button.innerHTML =
      '<svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true"><path d="M3 7V3h4M13 3h4v4M17 13v4h-4M7 17H3v-4" fill="none" stroke="currentColor" stroke-width="1.8"/></svg>';
    this.button.addEventListener('click', this.onFit);
    this.container.appendChild(this.button);
    return this.container;
  }
  onRemove(): void {
    this.container?.remove();
  }
}

export function MapView({ stores }: { stores: MapStores }) {
  const container = useRef<HTMLDivElement>(null);
  const [hover, setHover] = useState<Hover | null>(null);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    // rasterise the symbol sheet while the map loads its style
    const atlasPromise = loadIconAtlas();
    const t = stores.i18n.t.value;
    const [w, s, e, n] = stores.fixed.reference.city.bbox;
    const start = stores.view.state.initialCamera.peek();
    const map = new maplibregl.Map({
      container: el,
      style: buildStyle(stores.fixed.reference, stores.i18n.lang.value),
      // where the planner left off, or the whole city
      ...(start
        ? { center: [start.lon, start.lat] as [number, number], zoom: start.zoom }
        : { bounds: [w, s, e, n] as [number, number, number, number], fitBoundsOptions: { padding: CITY_PADDING } }),
      maxBounds: [
        stores.fixed.reference.city.dataExtent[0] - 0.8,
        stores.fixed.reference.city.dataExtent[1] - 0.5,
        stores.fixed.reference.city.dataExtent[2] + 0.8,
        stores.fixed.reference.city.dataExtent[3] + 0.5,
      ],
      minZoom: 6.5,
      maxZoom: 18,
      attributionControl: false,
      canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
      locale: {
        'NavigationControl.ZoomIn': t('map.zoomIn'),
        'NavigationControl.ZoomOut': t('map.zoomOut'),
        'NavigationControl.ResetBearing': t('map.resetNorth'),
      },
      dragRotate: false,
      pitchWithRotate: false,
    });
    map.touchZoomRotate.disableRotation();
    const fit = new FitCityControl(() => stores.view.actions.flyToCity());
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(fit, 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric', maxWidth: 140 }), 'bottom-right');

    const disposers: (() => void)[] = [];
    let overlay: MapLibreOverlay | null = null;
    let editor: MapEditor | null = null;
    const reportCamera = (): void => {
      const c = map.getCenter();
      stores.view.actions.cameraChanged({ lon: c.lng, lat: c.lat, zoom: map.getZoom() });
    };
    map.on('moveend', reportCamera);
    // the state knows the camera from the start (a slide saved before any pan captures it)
    map.once('load', reportCamera);
    let resolveReady: () => void = () => undefined;
    const ready = new Promise<void>((r) => (resolveReady = r));
    window.__qzMap = { map, ready };
    setLiveMap(map);

    // language: label fields and control tooltips
    disposers.push(
      effect(() => {
        const lang = stores.i18n.lang.value;
        const tr = stores.i18n.t.value;
        for (const id of LABEL_LAYERS)
          if (map.getLayer(id)) map.setLayoutProperty(id, 'text-field', LABEL_FIELDS[id](lang));
        const titles: [string, MessageKey][] = [
          ['.maplibregl-ctrl-zoom-in', 'map.zoomIn'],
          ['.maplibregl-ctrl-zoom-out', 'map.zoomOut'],
          ['.qz-fit-city', 'map.fit'],
        ];
        for (const [sel, key] of titles) {
          const b = el.querySelector<HTMLElement>(sel);
          if (b) {
            b.title = tr(key);
            b.setAttribute('aria-label', tr(key));
          }
        }
      }),
    );

    // camera requests: fly to a project, or back to the whole city
    disposers.push(
      effect(() => {
        const req = stores.view.state.camera.value;
        if (!req) return;
        // wait one frame: selecting a project opens the details column, which resizes the map
        requestAnimationFrame(() => {
          map.resize();
          if (req.type === 'city') map.fitBounds([w, s, e, n], { padding: CITY_PADDING, duration: 800 });
          else if (req.type === 'view')
            // a slide: a smooth flight, unless the planner asked the system for less motion
            map.flyTo({
              center: [req.lon, req.lat],
              zoom: req.zoom,
              duration: window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : 1200,
              essential: false,
            });
          else
            map.flyTo({
              center: [req.lon, req.lat],
              zoom: Math.max(map.getZoom(), FLY_ZOOM),
              duration: 900,
              essential: true,
            });
        });
      }),
    );

    map.once('load', () => {
      // online basemaps are added only when chosen, so the default makes no outside request
      disposers.push(
        effect(() => {
          const { basemap, tiandituKey } = stores.preferences.state.settings.value;
          const layers = onlineLayers(basemap, tiandituKey, stores.i18n.lang.value);
          const style = map.getStyle();
          for (const l of style.layers) if (l.id.startsWith('online-')) map.removeLayer(l.id);
          for (const id of Object.keys(style.sources)) if (id.startsWith('online-')) map.removeSource(id);
          for (const l of layers) {
            map.addSource(l.id, l.source);
            map.addLayer({ id: l.id, type: 'raster', source: l.id }, 'county-lines');
          }
          const online = layers.length > 0;
          for (const id of OFFLINE_FILL_LAYERS) map.setLayoutProperty(id, 'visibility', online ? 'none' : 'visible');
        }),
      );
      for (const id of LABEL_LAYERS) map.setLayoutProperty(id, 'text-field', LABEL_FIELDS[id](stores.i18n.lang.peek()));
      editor = attachEditor(map, stores);

      void atlasPromise.then((atlas) => {
        const guard = createUniformBindingGuard();
        let layerGroupsResolved = false;
        let current: Layer[] = toDeckLayers(buildLayers(stores.layers.layerInput.peek()), atlas);
        overlay = new MapLibreOverlay({
          interleaved: true,
          layers: current,
          onBeforeRender: (ctx: { gl: WebGL2RenderingContext }) => {
            if (overlay) syncDeckFramebuffer(overlay, map.getCanvas());
            guard.onBeforeRender(ctx);
          },
          // ready = deck.gl has drawn a frame with every layer's async props (the icon atlas) loaded
          onAfterRender: (ctx: { gl: WebGL2RenderingContext }) => {
            guard.onAfterRender(ctx);
            if (layerGroupsResolved && current.every((l) => l.isLoaded)) resolveReady();
          },
          onHover: (info: PickingInfo<Picked>) => {
            const o = info.object;
            map.getCanvas().style.cursor = o && isProject(o) ? 'pointer' : '';
            setHover(
              o ? (isProject(o) ? { x: info.x, y: info.y, project: o } : { x: info.x, y: info.y, existing: o }) : null,
            );
          },
        });
        map.addControl(overlay);
        // Pick on MapLibre's click (deck's own click picking needs a hover first: no touch support).
        // A few pixels of radius make small symbols easy to hit with a finger.
        map.on('click', (e) => {
          // clicks on the drawing handles, or while placing or drawing, belong to the editor
          if (editor?.hits(e)) return;
          const info = overlay?.pickObject({ x: e.point.x, y: e.point.y, radius: 6 }) as
            PickingInfo<Picked> | null | undefined;
          // existing schools are reference data: hovering names them, clicking selects no project
          const o = info?.object;
          stores.selection.actions.select(o && isProject(o) ? o.id : null);
        });
        let first = true;
        disposers.push(
          effect(() => {
            const input = stores.layers.layerInput.value;
            if (first) {
              first = false;
              return;
            }
            current = toDeckLayers(buildLayers(input), atlas);
            overlay?.setProps({ layers: current });
          }),
        );
        // deck.gl#10733: resolve the beforeId groups again once the style has fully loaded
        const resolveGroups = (): void => {
          if (layerGroupsResolved || !map.isStyleLoaded()) return;
          map.off('sourcedata', resolveGroups);
          map.off('idle', resolveGroups);
          current = toDeckLayers(buildLayers(stores.layers.layerInput.peek()), atlas);
          overlay?.setProps({ layers: current });
          layerGroupsResolved = true;
          map.triggerRepaint();
        };
        // whichever comes first: a source finishing, or the map going idle (e.g. failing online tiles)
        map.on('sourcedata', resolveGroups);
        map.on('idle', resolveGroups);
        resolveGroups();
        map.triggerRepaint();
      });
    });

    return () => {
      for (const d of disposers) d();
      editor?.dispose();
      if (overlay) map.removeControl(overlay);
      setLiveMap(null);
      map.remove();
      delete window.__qzMap;
    };
  }, []);

  const t = stores.i18n.t.value;
  return (
    <div class="map-wrap">
      <div class="map" ref={container} data-testid="map" role="region" aria-label={t('map.ariaLabel')} />
      {hover && 'project' in hover && !stores.selection.state.dragPreview.value && (
        <div class="map-tooltip" style={{ left: `${hover.x + 14}px`, top: `${hover.y + 14}px` }} role="tooltip">
          <strong>{stores.i18n.projectName.value(hover.project)}</strong>
          <span>
            {t(`kind.${hover.project.properties.kind}`)} · {t(`action.${hover.project.properties.action}`)} ·{' '}
            {t(`status.${hover.project.properties.status}`)}
          </span>
          <span>{t('layers.seats', { seats: hover.project.properties.seats })}</span>
        </div>
      )}
      {hover && 'existing' in hover && !stores.selection.state.dragPreview.value && (
        <div
          class="map-tooltip"
          style={{ left: `${hover.x + 14}px`, top: `${hover.y + 14}px` }}
          role="tooltip"
          data-testid="existing-tooltip"
        >
          <strong data-i18n-exempt="">{hover.existing.name}</strong>
          <span>
            {t('layer.existing')} · {t(`kind.${hover.existing.kind}`)}
          </span>
          <span>{t('existing.capacity', { seats: hover.existing.seats })}</span>
        </div>
      )}
    </div>
  );
}
