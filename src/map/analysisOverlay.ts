/**
 * deck.gl, for the analysis layers only (catchments, rasters, existing schools). This
 * module is loaded on first use: a map that shows no analysis layer never downloads or starts deck.gl.
 */
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Layer, PickingInfo } from '@deck.gl/core';
import type * as maplibregl from 'maplibre-gl';
import type { ExistingSchoolRecord } from '../core/io/existing';
import type { LayerDescriptor } from '../../layers/types';
import { DEVICE_PROPS, toDeckLayers } from './deckLayers';
import { createUniformBindingGuard, syncDeckFramebuffer } from './interleaveFixes';

export interface AnalysisOverlay {
  /** Draws these descriptors' analysis layers, each beneath the MapLibre layer `beneath[i]`. */
  setLayers(descriptors: readonly LayerDescriptor[], beneath: readonly string[]): void;
  /** Resolves once deck.gl has drawn a frame with every current layer's data and textures loaded. */
  drawn(): Promise<void>;
  /** The existing school under a point of the map, if any (existing schools are named on hover). */
  pickExisting(x: number, y: number): ExistingSchoolRecord | null;
  dispose(): void;
}

export function createAnalysisOverlay(map: maplibregl.Map, useDevicePixels?: number): AnalysisOverlay {
  const guard = createUniformBindingGuard();
  let layers: Layer[] = [];
  let last: { descriptors: readonly LayerDescriptor[]; beneath: readonly string[] } | null = null;
  let waiting: (() => void)[] = [];
  let groupsResolved = false;
  let following = false;
  const overlay: MapLibreOverlay = new MapLibreOverlay({
    interleaved: true,
    deviceProps: DEVICE_PROPS,
    layers,
    ...(useDevicePixels === undefined ? {} : { useDevicePixels }),
    onBeforeRender: (ctx: { gl: WebGL2RenderingContext }) => {
      syncDeckFramebuffer(overlay, map.getCanvas());
      guard.onBeforeRender(ctx);
    },
    onAfterRender: (ctx: { gl: WebGL2RenderingContext }) => {
      guard.onAfterRender(ctx);
      if (!following) {
        // @deck.gl/maplibre 9.4 (interleaved) takes the camera when deck.gl is created and follows the
        // map's `move`s only once deck.gl has loaded: a camera that moved in between (a jump to a place
        // while deck.gl started) stayed deck.gl's for picking — it drew right, but hovering an existing
        // school named nothing until the map moved again (deck.gl's view at zoom 7.8, the map at 16, in
        // the end-to-end test on a software-composited browser). Its first frame is after that load: one
        // `move` hands it the camera (visgl/deck.gl#10702, fixed after 9.4.0). An `onLoad` prop of ours
        // would replace the one it starts following with, on the overlay's next setProps (#10709).
        following = true;
        queueMicrotask(() => map.fire('move'));
      }
      if (!groupsResolved || !layers.every((l) => l.isLoaded)) return;
      const done = waiting;
      waiting = [];
      for (const r of done) r();
    },
  });
  map.addControl(overlay);
  const apply = (): void => {
    if (!last) return;
    layers = toDeckLayers(last.descriptors, last.beneath);
    overlay.setProps({ layers });
    map.triggerRepaint();
  };
  // deck.gl#10733: the beforeId groups resolve only once the style has fully loaded: set the layers again then
  const resolveGroups = (): void => {
    if (groupsResolved || !map.isStyleLoaded()) return;
    map.off('sourcedata', resolveGroups);
    map.off('idle', resolveGroups);
    groupsResolved = true;
    apply();
  };
  map.on('sourcedata', resolveGroups);
  map.on('idle', resolveGroups);
  return {
    setLayers(descriptors, beneath) {
      last = { descriptors, beneath };
      apply();
      resolveGroups();
    },
    drawn: () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        map.triggerRepaint();
      }),
    pickExisting(x, y) {
      // only the existing-schools layer is pickable among the analysis layers
      const info: PickingInfo<ExistingSchoolRecord> | null = overlay.pickObject({ x, y, radius: 6 });
      return info?.object ?? null;
    },
    dispose() {
      map.off('sourcedata', resolveGroups);
      map.off('idle', resolveGroups);
      map.removeControl(overlay);
    },
  };
}
