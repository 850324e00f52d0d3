import { describe, expect, it } from 'vitest';
import { judgeTile, parseTileTemplate, tileAt, tileUrl } from './tileTemplate';

describe('intranet tile templates', () => {
  it('takes XYZ templates and expands {s}', () => {
    const r = parseTileTemplate('http://gis.intranet/tiles/{z}/{x}/{y}.png');
    expect(r).toEqual({
      ok: true,
      value: { tiles: ['http://gis.intranet/tiles/{z}/{x}/{y}.png'], host: 'gis.intranet', tms: false },
    });
    const s = parseTileTemplate('https://{s}.tiles.intranet/{z}/{x}/{y}.png', ['a', 'b']);
    expect(s.ok && s.value.tiles).toEqual([
      'https://a.tiles.intranet/{z}/{x}/{y}.png',
      'https://b.tiles.intranet/{z}/{x}/{y}.png',
    ]);
  });

  it('turns WMTS KVP and REST templates into {z}/{x}/{y}', () => {
    const kvp = parseTileTemplate(
      'http://10.1.2.3/geoserver/gwc/service/wmts?SERVICE=WMTS&REQUEST=GetTile&LAYER=qz&TILEMATRIXSET=EPSG:900913&TILEMATRIX={TileMatrix}&TILEROW={TileRow}&TILECOL={TileCol}',
    );
    expect(kvp.ok && kvp.value.tiles[0]).toContain('TILEMATRIX={z}&TILEROW={y}&TILECOL={x}');
    const rest = parseTileTemplate(
      'http://gis/wmts/qz/default/GoogleMapsCompatible/{TileMatrix}/{TileRow}/{TileCol}.png',
    );
    expect(rest.ok && rest.value.tiles[0]).toBe('http://gis/wmts/qz/default/GoogleMapsCompatible/{z}/{y}/{x}.png');
  });

  it('says what is wrong with a template', () => {
    expect(parseTileTemplate('  ')).toEqual({ ok: false, error: { code: 'empty' } });
    expect(parseTileTemplate('ftp://gis/{z}/{x}/{y}')).toEqual({ ok: false, error: { code: 'scheme' } });
    expect(parseTileTemplate('gis.intranet/{z}/{x}/{y}')).toEqual({ ok: false, error: { code: 'scheme' } });
    expect(parseTileTemplate('http://gis/tiles/{z}/{x}.png')).toEqual({
      ok: false,
      error: { code: 'placeholders', missing: ['{y}'] },
    });
  });

  it('refuses geographic (non-Web-Mercator) tile matrix sets, which would not line up', () => {
    expect(
      parseTileTemplate('http://t0.tianditu.gov.cn/vec_c/wmts?TILEMATRIXSET=c&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}'),
    ).toEqual({
      ok: false,
      error: { code: 'geographic' },
    });
    expect(parseTileTemplate('http://gis/wmts?TILEMATRIXSET=EPSG:4490&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}').ok).toBe(
      false,
    );
  });

  it('finds the tile over a point and writes its URL (TMS rows flipped)', () => {
    // 泉州 at zoom 12: x = ⌊298.6/360·4096⌋ = 3397; y = ⌊(1 − ln(tan φ + sec φ)/π)/2·4096⌋ = ⌊1755.3⌋
    const t = tileAt(118.6, 24.9, 12);
    expect(t).toEqual({ z: 12, x: 3397, y: 1755 });
    const xyz = parseTileTemplate('http://gis/{z}/{x}/{y}.png');
    const tms = parseTileTemplate('http://gis/{z}/{x}/{-y}.png');
    if (!xyz.ok || !tms.ok) throw new Error('templates');
    expect(tileUrl(xyz.value, t)).toBe('http://gis/12/3397/1755.png');
    expect(tileUrl(tms.value, t)).toBe(`http://gis/12/3397/${4095 - 1755}.png`);
  });

  it('judges a test fetch', () => {
    expect(judgeTile(200, 'image/png', { width: 256, height: 256 })).toEqual({ code: 'ok', width: 256, height: 256 });
    expect(judgeTile(403, 'text/html', null)).toEqual({ code: 'status', status: 403 });
    expect(judgeTile(200, 'text/xml', null)).toEqual({ code: 'notImage', contentType: 'text/xml' });
    expect(judgeTile(200, 'image/png', { width: 300, height: 200 })).toEqual({ code: 'size', width: 300, height: 200 });
  });
});
