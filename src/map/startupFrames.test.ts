import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as maplibregl from 'maplibre-gl';
import { drawCompleteStartupFrames } from './startupFrames';

type Listener = (e: { sourceId: string; tile?: object }) => void;

/** The part of MapLibre's map the start-up frames use, with a painter that counts what it draws. */
function fakeMap() {
  const listeners = new Map<string, Listener[]>();
  const loadedSources = new Set<string>();
  const state = { loaded: false, drawn: 0, repaints: 0 };
  const painter = {
    render: () => {
      state.drawn++;
    },
  };
  const map = {
    painter,
    loaded: () => state.loaded,
    isSourceLoaded: (id: string) => loadedSources.has(id),
    triggerRepaint: () => {
      state.repaints++;
    },
    on: (type: string, f: Listener) => listeners.set(type, [...(listeners.get(type) ?? []), f]),
    once: (type: string, f: Listener) => listeners.set(type, [...(listeners.get(type) ?? []), f]),
    off: (type: string, f: Listener) =>
      listeners.set(
        type,
        (listeners.get(type) ?? []).filter((g) => g !== f),
      ),
  };
  return {
    map: map as unknown as maplibregl.Map,
    raw: map,
    state,
    /** One of MapLibre's frames: its render loop calls the painter each time. */
    frame: () => painter.render(),
    tileLoaded: (sourceId: string) => {
      loadedSources.add(sourceId);
      for (const f of listeners.get('sourcedata') ?? []) f({ sourceId, tile: {} });
    },
    fire: (type: string) => {
      for (const f of listeners.get(type) ?? []) f({ sourceId: '' });
    },
  };
}

const OPTIONS = { basemapSources: ['land', 'counties'], graceMs: 300, maxMs: 15_000 };

describe('drawCompleteStartupFrames', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('draws no frame until the map is loaded, then that one and every later one', () => {
    const m = fakeMap();
    const first = vi.fn();
    drawCompleteStartupFrames(m.map, { ...OPTIONS, onFirstDrawn: first });
    m.frame();
    m.tileLoaded('rivers');
    m.frame();
    expect(m.state.drawn).toBe(0);
    m.state.loaded = true;
    m.frame();
    expect(m.state.drawn).toBe(1);
    expect(first).toHaveBeenCalledTimes(1);
    m.fire('load');
    m.state.loaded = false; // a pan loads new tiles: drawn as they come, as MapLibre always does
    m.frame();
    m.frame();
    expect(m.state.drawn).toBe(3);
    expect(first).toHaveBeenCalledTimes(1);
  });

  it('draws the basemap alone once the rest is late by the grace period, then nothing until all is in', () => {
    const m = fakeMap();
    const first = vi.fn();
    drawCompleteStartupFrames(m.map, { ...OPTIONS, onFirstDrawn: first });
    m.tileLoaded('land');
    vi.advanceTimersByTime(1000);
    m.frame();
    expect(m.state.drawn).toBe(0); // the counties are not in yet: still sea
    m.tileLoaded('counties');
    vi.advanceTimersByTime(299);
    m.frame();
    expect(m.state.drawn).toBe(0); // the rest may still come within the grace period
    const repaints = m.state.repaints;
    vi.advanceTimersByTime(1);
    expect(m.state.repaints).toBe(repaints + 1); // a frame is asked for when the grace period ends
    m.frame();
    expect(m.state.drawn).toBe(1);
    expect(first).toHaveBeenCalledTimes(1);
    m.frame(); // more projects' tiles arrive: not drawn one by one
    expect(m.state.drawn).toBe(1);
    m.state.loaded = true;
    m.frame();
    expect(m.state.drawn).toBe(2);
  });

  it('draws every frame again from the first camera move, or after maxMs', () => {
    const moved = fakeMap();
    drawCompleteStartupFrames(moved.map, { ...OPTIONS, onFirstDrawn: () => undefined });
    moved.frame();
    moved.fire('movestart');
    moved.frame();
    expect(moved.state.drawn).toBe(1);

    const stuck = fakeMap();
    const first = vi.fn();
    drawCompleteStartupFrames(stuck.map, { ...OPTIONS, onFirstDrawn: first });
    stuck.frame();
    vi.advanceTimersByTime(OPTIONS.maxMs);
    stuck.frame();
    stuck.frame();
    expect(stuck.state.drawn).toBe(2);
    expect(first).toHaveBeenCalledTimes(1);
  });

  it('without MapLibre’s painter draws as MapLibre does and reports its first render', () => {
    const m = fakeMap();
    const map = { ...m.raw, painter: undefined, once: (type: string, f: () => void) => type === 'render' && f() };
    const first = vi.fn();
    drawCompleteStartupFrames(map as unknown as maplibregl.Map, { ...OPTIONS, onFirstDrawn: first });
    expect(first).toHaveBeenCalledTimes(1);
  });
});
