import { isRecord } from '../result';

/** What the planner was looking at, restored on reload: scenario, camera and hidden layers. */
export interface SavedView {
  readonly scenarioId: string | null;
  readonly camera: { readonly lon: number; readonly lat: number; readonly zoom: number } | null;
  /** Layers switched off (new layers added in later versions start visible). */
  readonly hidden: readonly string[];
  /** Opt-in layers (analysis) switched on: they start hidden. */
  readonly shown: readonly string[];
  /** Whether the project list and the sidebar are open (both are by default). */
  readonly panels: { readonly table: boolean; readonly sidebar: boolean };
}

export const EMPTY_VIEW: SavedView = {
  scenarioId: null,
  camera: null,
  hidden: [],
  shown: [],
  panels: { table: true, sidebar: true },
};

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Reads a stored view; anything malformed falls back to the default for that part. */
export function parseView(raw: unknown, layerIds: readonly string[]): SavedView {
  if (!isRecord(raw)) return EMPTY_VIEW;
  const c = raw.camera;
  const camera =
    isRecord(c) &&
    finite(c.lon) &&
    finite(c.lat) &&
    finite(c.zoom) &&
    Math.abs(c.lon) <= 180 &&
    Math.abs(c.lat) <= 90 &&
    c.zoom >= 0 &&
    c.zoom <= 24
      ? { lon: c.lon, lat: c.lat, zoom: c.zoom }
      : null;
  const hidden = Array.isArray(raw.hidden)
    ? raw.hidden.filter((id): id is string => typeof id === 'string' && layerIds.includes(id))
    : [];
  const shown = Array.isArray(raw.shown)
    ? raw.shown.filter((id): id is string => typeof id === 'string' && layerIds.includes(id))
    : [];
  const p = isRecord(raw.panels) ? raw.panels : {};
  const panels = { table: p.table !== false, sidebar: p.sidebar !== false };
  return { scenarioId: typeof raw.scenarioId === 'string' ? raw.scenarioId : null, camera, hidden, shown, panels };
}
