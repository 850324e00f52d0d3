import { describe, expect, it } from 'vitest';
import { loadReference } from '../../tests/helpers/reference';
import { onlineLayers } from './basemaps';
import { buildStyle, LABEL_LAYER_ID } from './style';

describe('offline style', () => {
  const style = buildStyle(loadReference(), 'zh');

  it('labels counties with their 2021 population, except 金门县 which has none in the yearbook', () => {
    const src = style.sources.countyLabels;
    const features =
      src?.type === 'geojson' && typeof src.data === 'object' && 'features' in src.data ? src.data.features : [];
    const jinjiang = features.find((f) => f.properties?.adcode === '350582');
    expect(jinjiang?.properties).toMatchObject({ popZh: '206.9万人', popEn: 'pop. 2.07 M' });
    expect(features.find((f) => f.properties?.adcode === '350527')?.properties?.popZh).toBeUndefined();
  });

  it('contains no URL at all: no tiles, no glyphs, no sprite', () => {
    const text = JSON.stringify(style);
    expect(text).not.toMatch(/https?:\/\//);
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
  });

  it('labels counties in the chosen language, with the label layer deck.gl draws under', () => {
    expect(style.layers.some((l) => l.id === LABEL_LAYER_ID)).toBe(true);
    const en = buildStyle(loadReference(), 'en').layers.find((l) => l.id === LABEL_LAYER_ID);
    const field = JSON.stringify(en?.type === 'symbol' ? en.layout?.['text-field'] : null);
    expect(field).toContain('"nameEn"');
    expect(field).toContain('"popEn"');
    expect(field).not.toContain('"name"');
  });
});

describe('online basemaps', () => {
  it('are empty for the offline default and for Tianditu without a valid key', () => {
    expect(onlineLayers('offline', '', 'zh')).toEqual([]);
    expect(onlineLayers('tdtVector', '', 'zh')).toEqual([]);
    expect(onlineLayers('tdtVector', 'not-a-key', 'zh')).toEqual([]);
  });

  it('use the key and the annotation language for Tianditu', () => {
    const key = '0123456789abcdef0123456789abcdef';
    const zh = onlineLayers('tdtVector', key, 'zh');
    expect(zh.map((l) => l.id)).toEqual(['online-tdt-vec', 'online-tdt-cva']);
    expect(zh[0]?.source.tiles?.[0]).toContain(`tk=${key}`);
    expect(onlineLayers('tdtImagery', key, 'en').map((l) => l.id)).toEqual(['online-tdt-img', 'online-tdt-eia']);
  });

  it('point OSM at the standard tile server', () => {
    expect(onlineLayers('osm', '', 'zh')[0]?.source.tiles).toEqual(['https://tile.openstreetmap.org/{z}/{x}/{y}.png']);
  });
});
