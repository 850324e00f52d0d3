/**
 * Leaves out the drawing of MapLibre frames nobody needs (the export map's while tiles arrive, the live
 * map's before its first map is complete): MapLibre's painter is wrapped, so tiles, symbol placement and
 * events go on as usual. The painter is not public API: where it is missing, every frame is drawn.
 */
import type * as maplibregl from 'maplibre-gl';

/**
 * From now on a frame is drawn only when `allow()` is true; `onDrawn` runs after each frame drawn.
 * False when the map has no painter to wrap (then MapLibre draws every frame, as without the gate).
 */
export function gateFrames(map: maplibregl.Map, allow: () => boolean, onDrawn?: () => void): boolean {
  const painter = (map as unknown as { painter?: { render: (...args: unknown[]) => void } }).painter;
  if (typeof painter?.render !== 'function') return false;
  const render = painter.render.bind(painter);
  painter.render = (...args: unknown[]) => {
    if (!allow()) return;
    render(...args);
    onDrawn?.();
  };
  return true;
}
