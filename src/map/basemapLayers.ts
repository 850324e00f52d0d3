/**
 * Puts the chosen basemap under our own layers, on the live map and on the hidden export map alike:
 * an opt-in internet map (raster), an intranet tile service (raster), or a PMTiles archive (vector
 * streets in our palette, or raster). The embedded land and county fills stay under an archive (it may
 * cover only part of the city) and are hidden under full-coverage tile services.
 */
import type { Map as MapLibreMap, SourceSpecification } from 'maplibre-gl';
import type { Lang } from '../core/i18n/translate';
import type { ActiveBasemap } from '../state/basemap';
import { onlineLayers } from './basemaps';
import { streetLayers, STREET_PREFIX } from './streetStyle';
import { OFFLINE_FILL_LAYERS } from './style';

/** Our layers the basemap goes under. */
const ABOVE = 'county-lines';
const SOURCE = `${STREET_PREFIX}source`;

function clear(map: MapLibreMap): void {
  const style = map.getStyle();
  for (const l of style.layers) if (l.id.startsWith('online-') || l.id.startsWith(STREET_PREFIX)) map.removeLayer(l.id);
  for (const id of Object.keys(style.sources))
    if (id.startsWith('online-') || id.startsWith(STREET_PREFIX)) map.removeSource(id);
}

/**
 * Shows or hides the embedded fills. Only a real change is made: setting a layout property re-tiles its
 * source in MapLibre's worker even when the value means the same (an unset visibility is 'visible'), and
 * doing so on the default basemap re-tiled land, counties and rivers right after the first map loaded.
 */
const setFills = (map: MapLibreMap, visible: boolean): void => {
  const want = visible ? 'visible' : 'none';
  for (const id of OFFLINE_FILL_LAYERS) {
    const now: unknown = map.getLayoutProperty(id, 'visibility') ?? 'visible';
    if (now !== want) map.setLayoutProperty(id, 'visibility', want);
  }
};

/** Draws `active` (replacing whatever basemap was drawn before). Resolves once the sources are added. */
export async function applyBasemap(
  map: MapLibreMap,
  active: ActiveBasemap,
  opts: { readonly tiandituKey: string; readonly lang: Lang; readonly current?: () => boolean },
): Promise<void> {
  // the protocol module loads only for archives, so the default start-up fetches none of it
  const url = active.kind === 'archive' ? (await import('./pmtilesProtocol')).registerArchive(active) : null;
  // a later choice was made while the module loaded: that one is drawn instead
  if (opts.current && !opts.current()) return;
  clear(map);
  switch (active.kind) {
    case 'offline':
      setFills(map, true);
      return;
    case 'online': {
      const layers = onlineLayers(active.basemap, opts.tiandituKey, opts.lang);
      for (const l of layers) {
        map.addSource(l.id, l.source);
        map.addLayer({ id: l.id, type: 'raster', source: l.id }, ABOVE);
      }
      setFills(map, layers.length === 0);
      return;
    }
    case 'tiles': {
      const source: SourceSpecification = {
        type: 'raster',
        tiles: [...active.template.tiles],
        tileSize: 256,
        maxzoom: 19,
        ...(active.template.tms ? { scheme: 'tms' as const } : {}),
      };
      map.addSource(SOURCE, source);
      map.addLayer({ id: `${STREET_PREFIX}raster`, type: 'raster', source: SOURCE }, ABOVE);
      setFills(map, false);
      return;
    }
    case 'archive': {
      const { info } = active;
      setFills(map, true);
      if (info.tileType !== 'mvt' || !info.schema) {
        map.addSource(SOURCE, { type: 'raster', url: url ?? '', tileSize: 256 });
        map.addLayer({ id: `${STREET_PREFIX}raster`, type: 'raster', source: SOURCE }, ABOVE);
        return;
      }
      map.addSource(SOURCE, { type: 'vector', url: url ?? '' });
      const { under, labels } = streetLayers(info.schema, SOURCE, opts.lang);
      for (const l of [...under, ...labels]) map.addLayer(l, ABOVE);
      return;
    }
  }
}
