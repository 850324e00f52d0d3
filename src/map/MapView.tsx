import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import countiesUrl from '../../geodata/counties.geojson?url';
import landUrl from '../../geodata/land.geojson?url';
import { effect } from '@preact/signals';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ExistingSchoolRecord } from '../core/io/existing';
import type { ProjectFeature } from '../core/model/project';
import type { MessageKey } from '../core/i18n/messages';
import { translate } from '../core/i18n/translate';
import { buildLayers } from '../../layers/index';
import type { MapStores } from '../state/app';
import { applyBasemap } from './basemapLayers';
import type { MapEditor } from './editor';
import { markFirstMapDrawn, setLiveMap } from './live';
import { createPlanLayers, type PlanLayers } from './planLayers';
import { provideSymbols, withProjectLayers } from './projectLayers';
import { buildStyle, LABEL_FIELDS, LABEL_LAYERS } from './style';
import { drawCompleteStartupFrames } from './startupFrames';
import { BASEMAP_COLORS } from '../../layers/basemap';

maplibregl.setWorkerUrl(workerUrl);

/**
 * How long the first map may take, after MapLibre starts, before a notice says it is being drawn: about
 * 1 s for the default scenario on the bench's machine without a GPU, 2.6 s for 10,000 projects.
 */
const DRAWING_NOTICE_MS = 2000;
/** Room for the controls (right) and the credit line and scale bar (bottom) when fitting the city. */
const CITY_PADDING = { top: 24, bottom: 44, left: 24, right: 56 };
/** Flying to a project keeps its neighbourhood (other projects, the county) in view. */
const FLY_ZOOM = 12;

type Hover =
  | { readonly x: number; readonly y: number; readonly project: ProjectFeature }
  | { readonly x: number; readonly y: number; readonly existing: ExistingSchoolRecord };

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
  // deck.gl is fetched and started the first time an analysis layer is shown: say so while it is
  const [loadingAnalysis, setLoadingAnalysis] = useState(false);
  const [noWebGl, setNoWebGl] = useState(false);
  // the map's box stays sea-coloured until its first frame: if that is late, say the map is being drawn
  const [drawing, setDrawing] = useState(false);

  // created as the page's first render commits, before the browser lays out and paints the page: a
  // plain effect waited for that paint and a frame (about 0.2 s here, measured) before starting the map
  useLayoutEffect(() => {
    const el = container.current;
    if (!el) return;
    const t = stores.i18n.t.value;
    const [w, s, e, n] = stores.fixed.reference.city.bbox;
    const lat = (s + n) / 2;
    const initialLayers = buildLayers(stores.layers.layerInput.peek());
    const start = stores.view.state.initialCamera.peek();
    let map: maplibregl.Map;
    try {
      map = new maplibregl.Map({
        container: el,
        // the projects are part of the first style: they load with the basemap, not after it
        style: withProjectLayers(
          buildStyle(stores.fixed.reference, stores.i18n.lang.value, {
            land: new URL(landUrl, location.href).href,
            counties: new URL(countiesUrl, location.href).href,
          }),
          initialLayers,
          lat,
        ),
        // no fade-in of symbols: every frame of a fade is a full redraw, slow on software GL
        fadeDuration: 0,
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
        // no multisampling (MapLibre's default): its lines, circles, symbols and fill outlines smooth
        // their own edges, and on software GL 4× multisampling doubled the cost of every frame
        // (about 370 against 180 ms at 1440×900 here). The export renderer keeps it (one frame, in print)
        canvasContextAttributes: { preserveDrawingBuffer: true, antialias: false },
        locale: {
          'NavigationControl.ZoomIn': t('map.zoomIn'),
          'NavigationControl.ZoomOut': t('map.zoomOut'),
          'NavigationControl.ResetBearing': t('map.resetNorth'),
        },
        dragRotate: false,
        pitchWithRotate: false,
      });
    } catch (e: unknown) {
      // no WebGL 2 (disabled by policy, a blocklisted driver, a remote desktop without it): say so
      console.warn(e);
      setNoWebGl(true);
      return;
    }
    provideSymbols(map);
    // MapLibre's first visually complete frame (see PlanLayerOptions.firstDrawn)
    const firstDrawn = new Promise<void>((resolve) => map.once('load', () => resolve()));
    performance.mark('qz:map-created');
    // the first frame drawn is the complete map (the basemap first if the rest is late)
    const slow = setTimeout(() => setDrawing(true), DRAWING_NOTICE_MS);
    drawCompleteStartupFrames(map, {
      basemapSources: ['land', 'counties'],
      graceMs: 300,
      maxMs: 15_000,
      onFirstDrawn: () => {
        performance.mark('qz:first-frame');
        clearTimeout(slow);
        setDrawing(false);
      },
    });
    map.touchZoomRotate.disableRotation();
    const fit = new FitCityControl(() => stores.view.actions.flyToCity());
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(fit, 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric', maxWidth: 140 }), 'bottom-right');

    const disposers: (() => void)[] = [];
    let plan: PlanLayers | null = null;
    let disposed = false;
    let editor: MapEditor | null = null;
    const projectById = (id: string): ProjectFeature | null => {
      for (const list of stores.layers.layerInput.peek().projectsByKind.values())
        for (const p of list) if (p.id === id) return p;
      return null;
    };
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
      performance.mark('qz:style-load');
      // other basemaps are added only when chosen, so the default makes no request at all
      let basemapSeq = 0;
      disposers.push(
        effect(() => {
          const active = stores.basemap.state.active.value;
          const { tiandituKey } = stores.preferences.state.settings.value;
          const lang = stores.i18n.lang.value;
          const seq = ++basemapSeq;
          applyBasemap(map, active, { tiandituKey, lang, current: () => seq === basemapSeq && !disposed })
            .then(() => {
              // a street basemap is drawn once its first tiles are (the start-up bench reads this mark)
              if (active.kind !== 'offline' && seq === basemapSeq)
                map.once('idle', () => performance.mark('qz:basemap'));
            })
            .catch((e: unknown) => console.error(e));
        }),
      );
      for (const id of LABEL_LAYERS) map.setLayoutProperty(id, 'text-field', LABEL_FIELDS[id](stores.i18n.lang.peek()));

      const created = createPlanLayers(map, {
        lat,
        initial: { descriptors: initialLayers },
        firstDrawn,
        onLoading: setLoadingAnalysis,
      });
      plan = created;
      // what changed between building the style and its loading (an edit, a drag, a layer shown)
      created.show(buildLayers(stores.layers.layerInput.peek()));
      // ready = the first frame with every shown layer drawn (deck.gl's too, if an analysis layer is on)
      void created.drawn().then(() => {
        performance.mark('qz:first-map');
        resolveReady();
        markFirstMapDrawn();
        // editing (Terra Draw) loads once the first map is drawn; a click until then selects as usual
        void import('./editor').then((m) => {
          if (!disposed) editor = m.attachEditor(map, stores);
        });
      });
      // the map draws at the next frame anyway: hand it the layers then, once per frame, so that a
      // drag's pointer event only posts the coverage request and returns
      let first = true;
      let frame = 0;
      disposers.push(
        effect(() => {
          // subscribe (the layers themselves are read at the frame)
          if (!stores.layers.layerInput.value || first) {
            first = false;
            return;
          }
          if (frame) return;
          frame = requestAnimationFrame(() => {
            frame = 0;
            if (!disposed) created.show(buildLayers(stores.layers.layerInput.peek()));
          });
        }),
        () => cancelAnimationFrame(frame),
      );
      // Pick on MapLibre's click; a few pixels of radius make small symbols easy to hit with a finger.
      map.on('click', (e) => {
        // clicks on the drawing handles, or while placing or drawing, belong to the editor
        if (editor?.hits(e)) return;
        const hit = plan?.pick(e.point) ?? null;
        // existing schools are reference data: hovering names them, clicking selects no project
        stores.selection.actions.select(hit && 'project' in hit ? hit.project : null);
      });
      map.on('mousemove', (e) => {
        // no hover while a project is dragged: each change of the hover ring is a map frame
        if (editor?.dragging()) return;
        const hit = plan?.pick(e.point) ?? null;
        const project = hit && 'project' in hit ? projectById(hit.project) : null;
        map.getCanvas().style.cursor = editor?.grabs(e) ? 'move' : project ? 'pointer' : '';
        const [pLon = 0, pLat = 0] = project?.geometry.coordinates ?? [];
        plan?.hover(project ? [pLon, pLat] : null);
        if (project) setHover({ x: e.point.x, y: e.point.y, project });
        else if (hit && 'existing' in hit) setHover({ x: e.point.x, y: e.point.y, existing: hit.existing });
        else setHover(null);
      });
      map.on('mouseout', () => {
        setHover(null);
        plan?.hover(null);
      });
    });

    return () => {
      clearTimeout(slow);
      disposed = true;
      for (const d of disposers) d();
      editor?.dispose();
      plan?.dispose();
      setLiveMap(null);
      map.remove();
      delete window.__qzMap;
    };
  }, []);

  const t = stores.i18n.t.value;
  const active = stores.basemap.state.active.value;
  const gcj = (active.kind === 'archive' || active.kind === 'tiles') && active.crs === 'gcj02';
  return (
    <div class="map-wrap">
      {/* the sea's colour until the map's first frame (src/map/startupFrames.ts) */}
      <div
        class="map"
        ref={container}
        style={{ background: BASEMAP_COLORS.sea }}
        data-testid="map"
        role="region"
        aria-label={t('map.ariaLabel')}
      />
      {noWebGl && (
        <div class="map-fatal" role="alert" data-testid="webgl-unavailable">
          <p lang="zh-CN">{translate('zh', 'map.noWebGl')}</p>
          <p lang="en">{translate('en', 'map.noWebGl')}</p>
        </div>
      )}
      {(gcj || stores.basemap.state.missing.value) && (
        <div class="map-basemap-warning" role="status" data-testid="basemap-warning">
          {gcj ? t('basemap.gcjWarning') : t('basemap.missing')}
        </div>
      )}
      {drawing && (
        <div class="map-busy centred" role="status" data-testid="map-drawing">
          {t('map.drawing')}
        </div>
      )}
      {loadingAnalysis && (
        <div class="map-busy" role="status" data-testid="map-loading-analysis">
          {t('map.loadingAnalysis')}
        </div>
      )}
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
