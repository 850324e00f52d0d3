import type * as maplibregl from 'maplibre-gl';
import { effect } from '@preact/signals';
import {
  TerraDraw,
  TerraDrawPointMode,
  TerraDrawPolygonMode,
  TerraDrawSelectMode,
  type GeoJSONStoreFeatures,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import type { MapStores } from '../state/app';
import { attachPointDrag } from './pointDrag';

/** Terra Draw ids of the two features it holds for the selected project. */
const POINT_ID = 'qz-edit-point';
const SITE_ID = 'qz-edit-site';
const TEAL = '#0891b2';
const RED = '#dc2626';

export interface MapEditor {
  /** Whether Terra Draw has one of its features under a map click (so the click is not a deselect). */
  hits(e: maplibregl.MapMouseEvent): boolean;
  /** Whether a press here would drag the selected project (the map shows a move cursor). */
  grabs(e: maplibregl.MapMouseEvent): boolean;
  /** Whether the selected project is being dragged. */
  dragging(): boolean;
  dispose(): void;
}

/**
 * The map side of editing, through Terra Draw (a maintained drawing library with a MapLibre
 * adapter): placing a new project (point mode), drawing a site outline (polygon mode) and reshaping
 * or moving it (select mode, vertices and midpoints); the selected project's point is dragged by
 * pointDrag.ts, which draws it on the page instead of re-tiling the map at every pointer move.
 * Terra Draw only ever holds the selected project's point and site; committing goes through the
 * app's actions, so every change is an undoable edit.
 */
export function attachEditor(map: maplibregl.Map, stores: MapStores): MapEditor {
  let serial = 0;
  const draw = new TerraDraw({
    // our own ids for the two features we load; Terra Draw's for what it draws
    idStrategy: {
      isValidId: (id) => typeof id === 'string' && id.length > 0,
      getId: () => `qz-drawn-${++serial}`,
    },
    adapter: new TerraDrawMapLibreGLAdapter({ map, coordinatePrecision: 7 }),
    modes: [
      new TerraDrawSelectMode({
        flags: {
          // the project's point is dragged by pointDrag.ts, without a map frame per pointer move
          point: { feature: { draggable: false } },
          polygon: {
            feature: {
              draggable: true,
              coordinates: { draggable: true, midpoints: true, deletable: true },
            },
          },
        },
        // deleting and deselecting are the app's job (buttons, Esc), not Terra Draw's keys
        keyEvents: null,
        allowManualDeselection: false,
        cursors: { pointerOverFeature: 'move', dragStart: 'grabbing' },
        styles: {
          selectedPointColor: TEAL,
          selectedPointWidth: 4,
          selectedPointOutlineColor: '#ffffff',
          selectedPointOutlineWidth: 2,
          selectedPolygonColor: RED,
          selectedPolygonFillOpacity: 0.12,
          selectedPolygonOutlineColor: RED,
          selectedPolygonOutlineWidth: 2,
          selectionPointColor: RED,
          selectionPointOutlineColor: '#ffffff',
          selectionPointWidth: 5,
          selectionPointOutlineWidth: 2,
          midPointColor: '#ffffff',
          midPointOutlineColor: RED,
          midPointWidth: 4,
          midPointOutlineWidth: 1,
        },
      }),
      new TerraDrawPointMode({
        styles: { pointColor: TEAL, pointWidth: 6, pointOutlineColor: '#ffffff', pointOutlineWidth: 2 },
      }),
      new TerraDrawPolygonMode({
        keyEvents: { cancel: 'Escape', finish: 'Enter' },
        styles: {
          fillColor: RED,
          fillOpacity: 0.12,
          outlineColor: RED,
          outlineWidth: 2,
          closingPointColor: RED,
          closingPointOutlineColor: '#ffffff',
        },
      }),
    ],
  });
  draw.start();

  let editingId: string | null = null;

  /** Puts the selected project (its point, and its site if any) into Terra Draw for editing. */
  function loadSelection(): void {
    draw.clear();
    const mode = stores.selection.state.mode.peek();
    const p = stores.selection.state.selected.peek();
    if (mode.type === 'add') {
      editingId = null;
      draw.setMode('point');
      return;
    }
    if (mode.type === 'site') {
      editingId = mode.projectId;
      draw.setMode('polygon');
      return;
    }
    draw.setMode('select');
    editingId = p?.id ?? null;
    if (!p) return;
    const features: GeoJSONStoreFeatures[] = [];
    if (p.properties.site)
      features.push({
        type: 'Feature',
        id: SITE_ID,
        geometry: p.properties.site,
        properties: { mode: 'polygon' },
      });
    features.push({
      type: 'Feature',
      id: POINT_ID,
      geometry: { type: 'Point', coordinates: [...p.geometry.coordinates] },
      properties: { mode: 'point' },
    });
    const results = draw.addFeatures(features);
    if (results.some((r) => r.id === POINT_ID && r.valid)) draw.selectFeature(POINT_ID);
  }

  const pointOf = (id: string | number): [number, number] | null => {
    const f = draw.getSnapshotFeature(id);
    if (f?.geometry.type !== 'Point') return null;
    const [lon, lat] = f.geometry.coordinates;
    return lon === undefined || lat === undefined ? null : [lon, lat];
  };

  draw.on('finish', (id, context) => {
    const at = pointOf(id);
    if (context.mode === 'point' && at) {
      void stores.editing.placeProject(at[0], at[1]);
      return;
    }
    if (context.mode === 'polygon' && editingId !== null) {
      const f = draw.getSnapshotFeature(id);
      if (f?.geometry.type === 'Polygon') void stores.editing.setSite(editingId, f.geometry);
      return;
    }
    if (context.mode !== 'select' || editingId === null) return;
    if (id === SITE_ID) {
      const f = draw.getSnapshotFeature(SITE_ID);
      if (f?.geometry.type === 'Polygon') void stores.editing.setSite(editingId, f.geometry);
    }
  });

  // keep Terra Draw in step with the mode and the selected project (including undo and other tabs)
  let last: unknown = null;
  const dispose = effect(() => {
    const mode = stores.selection.state.mode.value;
    const p = stores.selection.state.selected.value;
    const key = JSON.stringify([mode, p?.id, p?.geometry.coordinates, p?.properties.site]);
    if (key === last) return;
    last = key;
    if (stores.selection.state.dragPreview.peek()) stores.selection.actions.dragTo(null);
    loadSelection();
  });

  const pointDrag = attachPointDrag(map, stores);
  return {
    hits: (e) => {
      if (stores.selection.state.mode.peek().type !== 'select') return true;
      return draw.getFeaturesAtLngLat({ lng: e.lngLat.lng, lat: e.lngLat.lat }, { pointerDistance: 8 }).length > 0;
    },
    grabs: (e) => pointDrag.grabs(e.point),
    dragging: () => pointDrag.dragging(),
    dispose: () => {
      pointDrag.dispose();
      dispose();
      draw.stop();
    },
  };
}
