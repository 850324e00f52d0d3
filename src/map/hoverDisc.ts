/**
 * The project under the pointer, tinted (as deck.gl's autoHighlight did): a translucent disc the size of
 * its symbol, over it. A page element, not a map layer: a map layer's new data costs MapLibre one or two
 * frames, and without a GPU each holds the page about 100 ms (docs/ARCHITECTURE.md, Start-up, sixth
 * round) — the pointer crosses projects all the time, and moving onto one took 100–150 ms.
 */
import type * as maplibregl from 'maplibre-gl';
import { ICON_SIZE } from '../../layers/projectKindLayer';
import { metresToPixelsAt } from './projectLayers';

const TINT = 'rgba(8,145,178,0.35)';

export interface HoverDisc {
  /** Tints the symbol at this position, or none. */
  show(at: readonly [number, number] | null): void;
  dispose(): void;
}

/** `lat`: the latitude at which the map turns the symbols' size in metres into pixels. */
export function createHoverDisc(map: maplibregl.Map, lat: number): HoverDisc {
  const el = document.createElement('div');
  el.dataset.testid = 'hover-disc';
  el.style.cssText = `position:absolute;left:0;top:0;pointer-events:none;border-radius:50%;background:${TINT};display:none`;
  map.getCanvasContainer().append(el);
  let at: readonly [number, number] | null = null;

  const place = (): void => {
    if (!at) return;
    const p = map.project([at[0], at[1]]);
    const d = metresToPixelsAt(ICON_SIZE.sizeMeters, ICON_SIZE.minPx, ICON_SIZE.maxPx, lat, map.getZoom());
    el.style.width = `${d}px`;
    el.style.height = `${d}px`;
    el.style.transform = `translate(${p.x - d / 2}px, ${p.y - d / 2}px)`;
  };
  map.on('move', place);

  return {
    show(next) {
      at = next;
      el.style.display = next ? 'block' : 'none';
      place();
    },
    dispose() {
      map.off('move', place);
      el.remove();
    },
  };
}
