import type { RasterSourceSpecification } from 'maplibre-gl';
import type { Lang } from '../core/i18n/translate';
import { isPlausibleTiandituKey, type BasemapId } from '../core/settings/settings';

export interface OnlineLayer {
  readonly id: string;
  readonly source: RasterSourceSpecification;
}

const tdt = (layer: string, key: string): RasterSourceSpecification => ({
  type: 'raster',
  tileSize: 256,
  maxzoom: 18,
  tiles: Array.from(
    { length: 8 },
    (_, i) =>
      `https://t${i}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${encodeURIComponent(key)}`,
  ),
});

/**
 * Raster layers of an opt-in online basemap, bottom to top; empty for the offline basemap or when
 * a Tianditu basemap has no plausible key (nothing is requested then).
 * 天地图 tiles are CGCS2000 (≈ WGS84): no datum shift against our boundaries.
 */
export function onlineLayers(basemap: BasemapId, key: string, lang: Lang): OnlineLayer[] {
  switch (basemap) {
    case 'offline':
    case 'file':
    case 'deployed':
    case 'custom':
      return [];
    case 'osm':
      return [
        {
          id: 'online-osm',
          source: {
            type: 'raster',
            tileSize: 256,
            maxzoom: 19,
            tiles: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'],
          },
        },
      ];
    case 'tdtVector':
    case 'tdtImagery': {
      if (!isPlausibleTiandituKey(key)) return [];
      const base = basemap === 'tdtVector' ? 'vec' : 'img';
      const notes = basemap === 'tdtVector' ? (lang === 'zh' ? 'cva' : 'eva') : lang === 'zh' ? 'cia' : 'eia';
      return [
        { id: `online-tdt-${base}`, source: tdt(base, key) },
        { id: `online-tdt-${notes}`, source: tdt(notes, key) },
      ];
    }
  }
}
