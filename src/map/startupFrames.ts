/**
 * The live map's frames while it starts (docs/ARCHITECTURE.md, Start-up, eighth round).
 */
import type * as maplibregl from 'maplibre-gl';
import { gateFrames } from './frameGate';

export interface StartupFrames {
  /** The basemap's sources: a frame of them alone is drawn if the rest is `graceMs` late. */
  readonly basemapSources: readonly string[];
  readonly graceMs: number;
  /** Everything is drawn again after this long, whatever is still loading. */
  readonly maxMs: number;
  /** The first frame actually drawn. */
  readonly onFirstDrawn: () => void;
}

/**
 * Until the first map is complete, MapLibre draws a frame each time a source's tiles arrive: 8–9 frames
 * for the default scenario, the first four of sea alone, then rivers, labels and projects on the sea
 * (the basemap's polygons, the largest sources, arrive last). On software GL each of those frames keeps
 * the GPU process busy 110–380 ms (traced: presenting frames took 2.1 s of its time before the first
 * map), and the complete frame waited behind them. So only the complete frame is drawn — MapLibre's
 * `load` frame — and, if the rest comes more than `graceMs` after the basemap (10,000 projects), a frame
 * of the basemap first. The map's box has the sea's colour meanwhile: the picture the first skipped
 * frames drew. Only the drawing is left out (frameGate.ts; without MapLibre's painter every frame is
 * drawn, as before). Every frame is drawn again from MapLibre's `load`, the first camera move, or `maxMs`.
 */
export function drawCompleteStartupFrames(map: maplibregl.Map, options: StartupFrames): void {
  let drawn = false;
  let done = false;
  let basemapLate = false;
  let grace: ReturnType<typeof setTimeout> | undefined;
  // a source with no tile asked for yet counts as loaded: wait for a tile of each, then for all of them
  const tiled = new Set<string>();
  const onData = (e: maplibregl.MapSourceDataEvent): void => {
    if (!e.tile || !options.basemapSources.includes(e.sourceId)) return;
    tiled.add(e.sourceId);
    if (grace === undefined && options.basemapSources.every((id) => tiled.has(id) && map.isSourceLoaded(id)))
      grace = setTimeout(() => {
        basemapLate = true;
        map.triggerRepaint();
      }, options.graceMs);
  };
  const stop = (): void => {
    if (done) return;
    done = true;
    clearTimeout(grace);
    clearTimeout(cap);
    map.off('sourcedata', onData);
    // the gate stays (it then lets every frame through): the first frame drawn is still reported
    map.triggerRepaint();
  };
  const gated = gateFrames(
    map,
    () => done || map.loaded() || (!drawn && basemapLate),
    () => {
      if (!drawn) options.onFirstDrawn();
      drawn = true;
    },
  );
  if (!gated) {
    map.once('render', options.onFirstDrawn);
    return;
  }
  const cap = setTimeout(stop, options.maxMs);
  map.on('sourcedata', onData);
  map.once('load', stop);
  map.once('movestart', stop);
}
