/**
 * Everything the plan draws on a MapLibre map, from the descriptors of layers/: the project layers and
 * the county shading by MapLibre itself (projectLayers.ts, countyShades.ts), the other analysis layers by
 * deck.gl, which is loaded the first time one of them is shown. The live map and the export renderer both
 * draw through this.
 */
import type * as maplibregl from 'maplibre-gl';
import type { ExistingSchoolRecord } from '../core/io/existing';
import type { LayerDescriptor } from '../../layers/types';
import type { AnalysisOverlay } from './analysisOverlay';
import { createCountyShadeSync, isShadeDescriptor, shadeLayerIds } from './countyShades';
import { isDeckDescriptor } from './deckDescriptors';
import { createHoverDisc, type HoverDisc } from './hoverDisc';
import { createProjectLayerSync, provideSymbols } from './projectLayers';
import { LABEL_LAYER_ID } from './style';

export type Picked = { readonly project: string } | { readonly existing: ExistingSchoolRecord };

export interface PlanLayers {
  /** Shows these descriptors: project layers at once, analysis layers as soon as deck.gl is ready. */
  show(descriptors: readonly LayerDescriptor[]): void;
  /** Resolves when the map has drawn everything shown (MapLibre idle, deck.gl's layers loaded). */
  drawn(): Promise<void>;
  /** The project (or else the existing school) under a point of the map, within a few pixels. */
  pick(point: { readonly x: number; readonly y: number }): Picked | null;
  /** Tints the symbol at this position (the hovered project), or none. */
  hover(at: readonly [number, number] | null): void;
  dispose(): void;
}

export interface PlanLayerOptions {
  /** The latitude at which sizes in metres are turned into pixels (the city's centre). */
  readonly lat: number;
  /** The export renderer draws at a pixel ratio of its own. */
  readonly useDevicePixels?: number;
  /** Told while deck.gl is being loaded and started for the first analysis layer. */
  readonly onLoading?: (loading: boolean) => void;
  /** The descriptors the map's style already holds (withProjectLayers); it has its symbols already. */
  readonly initial?: { readonly descriptors: readonly LayerDescriptor[] };
  /**
   * The map's 'load', listened for since the map was created: in MapLibre's words, fired "after all
   * necessary resources have been downloaded and the first visually complete rendering of the map has
   * occurred". `drawn()` resolves with it while nothing shown has changed since the style was built.
   * Waiting for 'idle' instead cost a whole redraw of the same picture about every other start-up: when
   * the last tile to arrive holds symbols, MapLibre marks that frame's symbol placement stale and draws
   * one more frame before 'idle' — pixel for pixel the same (checked by the map e2e test), about half a
   * second on software GL. Asking for another idle, as this module once did, cost a redraw every time.
   */
  readonly firstDrawn?: Promise<void>;
}

const PICK_RADIUS = 6;
const wantsDeck = (descriptors: readonly LayerDescriptor[]): boolean =>
  descriptors.some((d) => isDeckDescriptor(d) && d.visible);

const idle = (map: maplibregl.Map): Promise<void> =>
  new Promise((resolve) => {
    map.once('idle', () => resolve());
    map.triggerRepaint();
  });

export function createPlanLayers(map: maplibregl.Map, options: PlanLayerOptions): PlanLayers {
  // a map whose style holds the project layers was given its symbols by the caller, before its first frame
  const initial = options.initial;
  if (!initial) provideSymbols(map);
  const projects = createProjectLayerSync(map, options.lat, initial?.descriptors);
  const shades = createCountyShadeSync(map);
  let latest: readonly LayerDescriptor[] = initial?.descriptors ?? [];
  let deck: AnalysisOverlay | null = null;
  let loading: Promise<AnalysisOverlay> | null = null;
  let disposed = false;
  let hovered = '';
  let disc: HoverDisc | null = null;
  /** Whether the map changed since its style was built (then its 'load' may predate the change). */
  let changed = !initial;
  /**
   * The map layer each descriptor is drawn beneath: the next county shading above it in the drawing order,
   * else the lowest project layer (all analysis layers lie beneath the projects).
   */
  const beneath = (descriptors: readonly LayerDescriptor[]): string[] => {
    const out: string[] = [];
    let next = projects.firstLayerId ?? LABEL_LAYER_ID;
    for (let i = descriptors.length - 1; i >= 0; i--) {
      out[i] = next;
      const d = descriptors[i];
      if (d && isShadeDescriptor(d) && shades.has(d.id)) next = shadeLayerIds(d.id)[0];
    }
    return out;
  };
  const loadDeck = (): Promise<AnalysisOverlay> => {
    if (!loading) {
      options.onLoading?.(true);
      loading = import('./analysisOverlay')
        .then((m) => {
          const overlay = m.createAnalysisOverlay(map, options.useDevicePixels);
          if (disposed) overlay.dispose();
          else overlay.setLayers(latest, beneath(latest));
          deck = overlay;
          return overlay.drawn().then(() => overlay);
        })
        .finally(() => options.onLoading?.(false));
    }
    return loading;
  };
  return {
    show(descriptors) {
      latest = descriptors;
      if (projects.sync(descriptors)) changed = true;
      const under = beneath(descriptors);
      if (shades.sync(descriptors, (i) => under[i] ?? LABEL_LAYER_ID)) changed = true;
      if (deck) deck.setLayers(descriptors, beneath(descriptors));
      else if (wantsDeck(descriptors)) void loadDeck();
    },
    async drawn() {
      if (wantsDeck(latest)) await (await loadDeck()).drawn();
      else if (options.firstDrawn && !changed) return options.firstDrawn;
      await idle(map);
    },
    pick(point) {
      const ids = projects.pickableLayerIds();
      const r = PICK_RADIUS;
      const hits = ids.length
        ? map.queryRenderedFeatures(
            [
              [point.x - r, point.y - r],
              [point.x + r, point.y + r],
            ],
            { layers: ids },
          )
        : [];
      // the nearest symbol to the pointer, not the first drawn in the box
      let best: { id: string; d: number } | null = null;
      for (const f of hits) {
        const id: unknown = f.properties.id;
        if (typeof id !== 'string' || f.geometry.type !== 'Point') continue;
        const [lon, lat] = f.geometry.coordinates;
        const p = map.project([lon ?? 0, lat ?? 0]);
        const d = Math.hypot(p.x - point.x, p.y - point.y);
        if (!best || d < best.d) best = { id, d };
      }
      if (best) return { project: best.id };
      const existing = deck?.pickExisting(point.x, point.y) ?? null;
      return existing ? { existing } : null;
    },
    hover(at) {
      const key = at ? `${at[0]},${at[1]}` : '';
      if (key === hovered) return;
      hovered = key;
      disc ??= createHoverDisc(map, options.lat);
      disc.show(at);
    },
    dispose() {
      disposed = true;
      disc?.dispose();
      deck?.dispose();
      deck = null;
    },
  };
}
