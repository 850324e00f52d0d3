/** The map on screen, for exports that must show what the planner sees (MapLibre owns the camera). */
import type * as maplibregl from 'maplibre-gl';

let live: maplibregl.Map | null = null;

let drawn: () => void = () => undefined;
/**
 * Resolves once the first map is fully drawn. Work the first map does not need (the population surface,
 * say) waits for it, so that it does not compete with drawing the map on a machine with two cores.
 */
export const firstMapDrawn: Promise<void> = new Promise((resolve) => (drawn = resolve));
export const markFirstMapDrawn = (): void => drawn();

export function setLiveMap(map: maplibregl.Map | null): void {
  live = map;
}

export interface LiveView {
  readonly camera: { readonly lon: number; readonly lat: number; readonly zoom: number };
  readonly viewport: { readonly width: number; readonly height: number };
  /** The map canvas's size in device pixels (the 'screen' export size). */
  readonly pixels: { readonly width: number; readonly height: number };
}

/** The WebGL2 context the map on screen already has (asking a canvas again returns the same one). */
export function liveGl(): WebGL2RenderingContext | null {
  return live?.getCanvas().getContext('webgl2') ?? null;
}

export function liveView(): LiveView | null {
  if (!live) return null;
  const c = live.getCenter();
  const el = live.getContainer();
  const canvas = live.getCanvas();
  return {
    camera: { lon: c.lng, lat: c.lat, zoom: live.getZoom() },
    viewport: { width: el.clientWidth, height: el.clientHeight },
    pixels: { width: canvas.width, height: canvas.height },
  };
}
