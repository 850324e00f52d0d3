/**
 * Draws the map for export at the target size: a second, hidden MapLibre map with the same style and a
 * deck.gl overlay with the same layers, rendered at the export's own resolution (not a screenshot of
 * the window). The image shows the same place as the view it was made from.
 */
import * as maplibregl from 'maplibre-gl';
import { exportPixelRatio, metresPerPixel, viewBounds } from '../core/export/paper';
import type { ReferenceData } from '../core/geodata/reference';
import type { Lang } from '../core/i18n/translate';
import type { ActiveBasemap } from '../state/basemap';
import { buildLayers, type LayerInput } from '../../layers/index';
import { applyBasemap } from './basemapLayers';
import { gateFrames } from './frameGate';
import { createPlanLayers } from './planLayers';
import { provideSymbols, withProjectLayers } from './projectLayers';
import { buildStyle, LABEL_FIELDS, LABEL_LAYERS } from './style';
import { liveGl } from './live';

export interface RenderRequest {
  readonly width: number;
  readonly height: number;
  readonly reference: ReferenceData;
  readonly lang: Lang;
  readonly basemap: ActiveBasemap;
  readonly tiandituKey: string;
}

export interface RenderedMap {
  readonly canvas: HTMLCanvasElement;
  /** Metres per image pixel at the centre, for the scale bar. */
  readonly metresPerPixel: number;
}

export class RenderTooLargeError extends Error {
  constructor(readonly max: number) {
    super(`larger than the graphics can draw (${max} px)`);
  }
}

/**
 * The largest drawing buffer this browser's WebGL allows (cached). Read from the map's own context when
 * there is one: a throwaway context costs half a second on software GL.
 */
let maxSize: number | null = null;
export function maxRenderSize(): number {
  if (maxSize !== null) return maxSize;
  const shared = liveGl();
  const gl = shared ?? document.createElement('canvas').getContext('webgl2');
  const v = gl
    ? Math.min(Number(gl.getParameter(gl.MAX_RENDERBUFFER_SIZE)), Number(gl.getParameter(gl.MAX_TEXTURE_SIZE)))
    : 4096;
  if (!shared) gl?.getExtension('WEBGL_lose_context')?.loseContext();
  maxSize = v;
  return v;
}

const waitFor = (map: maplibregl.Map, event: 'load' | 'idle'): Promise<void> =>
  new Promise((resolve) => map.once(event, () => resolve()));

/**
 * The hidden map draws only frames with every tile in: nobody sees the frames in between. MapLibre draws
 * a frame each time tiles arrive, and on software GL each frame of an export-sized canvas (with 4×
 * multisampling) takes the GPU process about a second; the page does not wait for it, but reading the
 * picture back does, for all of them: a 1920×1080 PNG took 10–17 s here, 13–15 of them frames nobody
 * saw. Tiles, symbol placement and the rest of MapLibre's frame go on as usual; only the drawing is
 * left out (frameGate.ts).
 */
function drawOnlyWhenLoaded(map: maplibregl.Map): { drawAnyway(): void } {
  let always = false;
  const drawAnyway = (): void => {
    always = true;
    map.redraw();
  };
  gateFrames(map, () => always || map.areTilesLoaded());
  return { drawAnyway };
}

const sameView = (a: RenderView, b: RenderView): boolean =>
  a.camera.lon === b.camera.lon &&
  a.camera.lat === b.camera.lat &&
  a.camera.zoom === b.camera.zoom &&
  a.viewport.width === b.viewport.width &&
  a.viewport.height === b.viewport.height;

export interface RenderView {
  /** The camera of the view to draw, and the CSS size of the map it was seen in. */
  readonly camera: { readonly lon: number; readonly lat: number; readonly zoom: number };
  readonly viewport: { readonly width: number; readonly height: number };
  readonly layerInput: LayerInput;
}

export interface Renderer {
  render(view: RenderView): Promise<RenderedMap>;
  dispose(): void;
}

/**
 * A hidden map of the export's size. Several views (the slides of a PDF) are drawn with one map, so
 * the style and the shaders are prepared once (and each symbol drawn once per page, src/map/atlas.ts).
 */
export async function createRenderer(req: RenderRequest, first: RenderView): Promise<Renderer> {
  const max = maxRenderSize();
  if (req.width > max || req.height > max) throw new RenderTooLargeError(max);
  const ratio = exportPixelRatio(req.width, req.height);
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.dataset.testid = 'export-render';
  Object.assign(host.style, {
    position: 'fixed',
    left: '-20000px',
    top: '0',
    width: `${req.width / ratio}px`,
    height: `${req.height / ratio}px`,
    pointerEvents: 'none',
  });
  document.body.appendChild(host);
  // sizes in metres turn into pixels at the city's latitude, as on the live map
  const [, south, , north] = req.reference.city.bbox;
  const lat = (south + north) / 2;
  // the first view's project layers are part of the style, as on the live map: one load draws them all
  const initial = buildLayers(first.layerInput);
  const map = new maplibregl.Map({
    container: host,
    style: withProjectLayers(buildStyle(req.reference, req.lang), initial, lat),
    bounds: viewBounds(first.camera, first.viewport.width, first.viewport.height),
    fitBoundsOptions: { padding: 0 },
    pixelRatio: ratio,
    interactive: false,
    attributionControl: false,
    fadeDuration: 0,
    canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
  });
  provideSymbols(map);
  const drawing = drawOnlyWhenLoaded(map);
  const loaded = waitFor(map, 'load');
  const dispose = (): void => {
    map.remove();
    host.remove();
  };
  try {
    await loaded;
    for (const id of LABEL_LAYERS) map.setLayoutProperty(id, 'text-field', LABEL_FIELDS[id](req.lang));
    await applyBasemap(map, req.basemap, { tiandituKey: req.tiandituKey, lang: req.lang });
  } catch (e: unknown) {
    dispose();
    throw e;
  }
  const plan = createPlanLayers(map, {
    lat,
    useDevicePixels: ratio,
    initial: { descriptors: initial },
    // the map drawn at 'load' is the export, unless a street basemap was added after it
    ...(req.basemap.kind === 'offline' ? { firstDrawn: loaded } : {}),
  });
  let shown = first;

  return {
    render: async (view) => {
      // moving to where the map already is would still draw it again
      if (!sameView(view, shown))
        map.fitBounds(viewBounds(view.camera, view.viewport.width, view.viewport.height), { padding: 0, duration: 0 });
      shown = view;
      plan.show(buildLayers(view.layerInput));
      // deck.gl (for analysis layers) waits for its data and textures; MapLibre for its symbols
      const late = await Promise.race([
        plan.drawn().then(() => false),
        new Promise<boolean>((r) => setTimeout(() => r(true), 15_000)),
      ]);
      // a tile server that never answers: what has arrived, as before
      if (late) drawing.drawAnyway();
      const src = map.getCanvas();
      const canvas = document.createElement('canvas');
      canvas.width = req.width;
      canvas.height = req.height;
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2D canvas');
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, req.width, req.height);
      ctx.drawImage(src, 0, 0, req.width, req.height);
      const center = map.getCenter();
      return { canvas, metresPerPixel: metresPerPixel(center.lat, map.getZoom()) / ratio };
    },
    dispose: () => {
      plan.dispose();
      dispose();
    },
  };
}
