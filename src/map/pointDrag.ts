/**
 * Dragging the selected project: a marker on the page follows the pointer, coverage follows the marker,
 * and the map's layers change once, at the drop.
 *
 * Terra Draw dragged the point until round 6 of the start-up work, and the project layers followed it: each
 * pointer move re-tiled three or four GeoJSON sources (Terra Draw's point, the project's kind, its ring,
 * the central-district rings), and MapLibre drew two or three frames for each — one as the new data is
 * announced, one when its tiles arrive, one more to place new symbols. Without a GPU Chromium composites in
 * software and reads every WebGL frame back on the page's thread (Blink's DrawingBuffer, "software
 * compositing": glReadPixels waits for the whole frame), about 100 ms a frame here: 30 pointer moves took
 * 6 s. The marker is a page element, so moving it costs no map frame; the analysis layers (deck.gl, no
 * tiles) still redraw as coverage answers. docs/ARCHITECTURE.md, Start-up, sixth round.
 */
import type * as maplibregl from 'maplibre-gl';
import type { MapStores } from '../state/app';
import { rgbaCss } from '../../layers/analysisColors';
import { ICON_SIZE } from '../../layers/projectKindLayer';
import { SELECTION_RING } from '../../layers/selection';
import { CELL, iconKey } from '../../layers/symbols';
import { symbolImage } from './atlas';
import { metresToPixelsAt as px } from './projectLayers';

/** How near the selected project (px) a press picks it up, and how far it must move to be a drag. */
const GRAB_PX = 12;
const START_PX = 3;

export interface PointDrag {
  /** Whether a press at this point of the map would pick the selected project up (or one is being dragged). */
  grabs(point: { readonly x: number; readonly y: number }): boolean;
  /** Whether a project is being dragged (the map then shows no hover: it would re-tile at every move). */
  dragging(): boolean;
  dispose(): void;
}

interface Dragging {
  readonly id: string;
  readonly pointerId: number;
  readonly from: { readonly x: number; readonly y: number };
  /** From the pointer to the project's own position, kept while dragging. */
  readonly offset: { readonly x: number; readonly y: number };
  readonly panWasOn: boolean;
  marker: HTMLElement | null;
  at: { x: number; y: number };
}

/** The selected project's symbol inside the selection ring, as the map draws them, centred on (0, 0). */
function markerElement(map: maplibregl.Map, icon: string, lat: number): HTMLElement {
  const zoom = map.getZoom();
  const el = document.createElement('div');
  el.dataset.testid = 'drag-marker';
  el.style.cssText = 'position:absolute;left:0;top:0;pointer-events:none;z-index:2;will-change:transform';
  const size = px(ICON_SIZE.sizeMeters, ICON_SIZE.minPx, ICON_SIZE.maxPx, lat, zoom);
  const pixels = symbolImage(icon);
  if (pixels) {
    const c = document.createElement('canvas');
    c.width = CELL;
    c.height = CELL;
    c.getContext('2d')?.putImageData(pixels, 0, 0);
    c.style.cssText = `position:absolute;width:${size}px;height:${size}px;left:${-size / 2}px;top:${-size / 2}px`;
    el.append(c);
  }
  const r = px(SELECTION_RING.radiusMeters, SELECTION_RING.minRadiusPx, SELECTION_RING.maxRadiusPx, lat, zoom);
  const ring = document.createElement('div');
  ring.style.cssText =
    `position:absolute;box-sizing:border-box;width:${2 * r}px;height:${2 * r}px;left:${-r}px;top:${-r}px;` +
    `border:${SELECTION_RING.lineWidthPx}px solid ${rgbaCss(SELECTION_RING.lineColor)};border-radius:50%;` +
    'box-shadow:0 2px 6px rgba(0,0,0,0.25)';
  el.append(ring);
  return el;
}

export function attachPointDrag(map: maplibregl.Map, stores: MapStores): PointDrag {
  const container = map.getCanvasContainer();
  let drag: Dragging | null = null;
  let frame = 0;

  const local = (e: PointerEvent): { x: number; y: number } => {
    const r = container.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };

  /** Sends the marker's position to coverage once per frame (the latest one). */
  const preview = (): void => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (!drag?.marker) return;
      const ll = map.unproject([drag.at.x, drag.at.y]);
      stores.selection.actions.dragTo({ id: drag.id, lon: ll.lng, lat: ll.lat });
    });
  };

  /** Ends a drag: the pointer released, the map re-enabled; the marker stays until the map shows the drop. */
  const finish = (commit: boolean): void => {
    const d = drag;
    if (!d) return;
    drag = null;
    cancelAnimationFrame(frame);
    frame = 0;
    if (container.hasPointerCapture(d.pointerId)) container.releasePointerCapture(d.pointerId);
    if (d.panWasOn) map.dragPan.enable();
    if (!d.marker) return;
    const marker = d.marker;
    if (!commit) {
      marker.remove();
      stores.selection.actions.dragTo(null);
      return;
    }
    const ll = map.unproject([d.at.x, d.at.y]);
    // the layers have the new place by the time the edit is stored: the marker stays until the map shows it
    void stores.editing.moveProject(d.id, ll.lng, ll.lat).finally(() => {
      map.once('idle', () => marker.remove());
      map.triggerRepaint();
    });
  };

  /** The selected project and its screen position, if a press at `point` picks it up. */
  const grabbed = (point: { readonly x: number; readonly y: number }) => {
    if (stores.selection.state.mode.peek().type !== 'select') return null;
    const p = stores.selection.state.selected.peek();
    if (!p) return null;
    const [lon = 0, lat = 0] = p.geometry.coordinates;
    const at = map.project([lon, lat]);
    return Math.hypot(at.x - point.x, at.y - point.y) <= GRAB_PX ? { p, at } : null;
  };

  const onDown = (e: PointerEvent): void => {
    if (drag || !e.isPrimary || e.button !== 0) return;
    const from = local(e);
    const hit = grabbed(from);
    if (!hit) return;
    const { p, at } = hit;
    // ours, not Terra Draw's (it listens on the canvas) nor the map's pan
    e.stopPropagation();
    const panWasOn = map.dragPan.isEnabled();
    map.dragPan.disable();
    container.setPointerCapture(e.pointerId);
    drag = {
      id: p.id,
      pointerId: e.pointerId,
      from,
      offset: { x: at.x - from.x, y: at.y - from.y },
      panWasOn,
      marker: null,
      at: { x: at.x, y: at.y },
    };
  };

  const onMove = (e: PointerEvent): void => {
    if (!drag || e.pointerId !== drag.pointerId) return;
    e.stopPropagation();
    const now = local(e);
    if (!drag.marker && Math.hypot(now.x - drag.from.x, now.y - drag.from.y) < START_PX) return;
    drag.at = { x: now.x + drag.offset.x, y: now.y + drag.offset.y };
    if (!drag.marker) {
      const p = stores.selection.state.selected.peek();
      if (!p || p.id !== drag.id) return finish(false);
      const { kind, action, status } = p.properties;
      drag.marker = markerElement(map, iconKey(kind, action, status), p.geometry.coordinates[1] ?? 0);
      container.append(drag.marker);
    }
    drag.marker.style.transform = `translate(${drag.at.x}px, ${drag.at.y}px)`;
    preview();
  };

  const onUp = (e: PointerEvent): void => {
    if (!drag || e.pointerId !== drag.pointerId) return;
    e.stopPropagation();
    finish(e.type === 'pointerup');
  };
  // Esc puts the project back, and only that (first, before the page's Esc closes the selection)
  const onKey = (e: KeyboardEvent): void => {
    if (!drag || e.key !== 'Escape') return;
    e.stopPropagation();
    e.preventDefault();
    finish(false);
  };

  const listeners = [
    ['pointerdown', onDown],
    ['pointermove', onMove],
    ['pointerup', onUp],
    ['pointercancel', onUp],
  ] as const;
  for (const [type, fn] of listeners) container.addEventListener(type, fn, true);
  window.addEventListener('keydown', onKey, true);
  return {
    grabs: (point) => drag !== null || grabbed(point) !== null,
    dragging: () => drag !== null,
    dispose: () => {
      finish(false);
      for (const [type, fn] of listeners) container.removeEventListener(type, fn, true);
      window.removeEventListener('keydown', onKey, true);
    },
  };
}
