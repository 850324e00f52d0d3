import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { detectSchema, HEAD_BYTES, plainAttribution, readArchiveHead, readArchiveInfo } from './archive';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../../tests/fixtures/basemap/${name}`, import.meta.url)));

/** Reads an archive the way the app does: its first 16 KiB, then its metadata section. */
function read(bytes: Uint8Array, size = bytes.length) {
  const head = bytes.slice(0, HEAD_BYTES);
  const h = readArchiveHead(head, size);
  if (!h.ok) return h;
  const { offset, length } = h.value.metadata;
  return readArchiveInfo(head, size, bytes.slice(offset, offset + length));
}

const patch = (bytes: Uint8Array, at: number, v: number): Uint8Array => {
  const b = bytes.slice();
  b[at] = v;
  return b;
};

describe('reading a PMTiles archive', () => {
  it('reads the vector fixture: zooms, bounds, schema, layers, name and attribution as text', () => {
    const r = read(fixture('streets.pmtiles'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      tileType: 'mvt',
      schema: 'protomaps',
      minZoom: 10,
      maxZoom: 14,
      gzipTiles: true,
      name: '泉州测试街道 (test data)',
      attribution: '测试数据 Test data © 泉州学校建设规划地图',
    });
    expect(r.value.bounds).toEqual([118.57, 24.88, 118.63, 24.92]);
    expect(r.value.center).toEqual([118.6, 24.9, 13]);
    expect(r.value.vectorLayers).toEqual(['roads', 'buildings', 'landuse', 'water', 'places', 'boundaries']);
    expect(r.value.minimumSize).toBe(fixture('streets.pmtiles').length);
  });

  it('reads the raster fixture (PNG, no schema)', () => {
    const r = read(fixture('raster.pmtiles'));
    expect(r.ok && r.value).toMatchObject({ tileType: 'png', schema: null, minZoom: 8, maxZoom: 11 });
  });

  it('refuses a file that is not PMTiles, by its first bytes', () => {
    const zip = new Uint8Array(200);
    zip.set([0x50, 0x4b, 3, 4]);
    expect(read(zip)).toEqual({ ok: false, error: { code: 'magic' } });
    expect(read(new TextEncoder().encode('{"type":"FeatureCollection","features":[]}'.padEnd(300)))).toEqual({
      ok: false,
      error: { code: 'magic' },
    });
  });

  it('names PMTiles version 2 and an unknown version', () => {
    const v2 = new Uint8Array(300);
    v2.set([0x50, 0x4d, 2, 0]);
    expect(read(v2)).toEqual({ ok: false, error: { code: 'version', version: 2 } });
    expect(read(patch(fixture('streets.pmtiles'), 7, 4))).toEqual({
      ok: false,
      error: { code: 'version', version: 4 },
    });
  });

  it('says a truncated archive is incomplete, with its size and the size it needs', () => {
    const full = fixture('streets.pmtiles');
    expect(read(full.slice(0, 60))).toEqual({ ok: false, error: { code: 'truncated', size: 60, needed: 127 } });
    const cut = full.slice(0, full.length - 1000);
    expect(read(cut)).toEqual({ ok: false, error: { code: 'truncated', size: cut.length, needed: full.length } });
  });

  it('refuses tile types and compressions a browser cannot draw', () => {
    const s = fixture('streets.pmtiles');
    expect(read(patch(s, 99, 5))).toEqual({ ok: false, error: { code: 'tileType', tileType: 5 } });
    expect(read(patch(s, 99, 0))).toEqual({ ok: false, error: { code: 'tileType', tileType: 0 } });
    expect(read(patch(s, 98, 3))).toEqual({ ok: false, error: { code: 'compression', compression: 3 } });
    expect(read(patch(s, 97, 4))).toEqual({ ok: false, error: { code: 'compression', compression: 4 } });
  });

  it('refuses invalid bounds or zooms', () => {
    const s = fixture('streets.pmtiles');
    // min zoom above max zoom
    expect(read(patch(s, 100, 20))).toEqual({ ok: false, error: { code: 'bounds' } });
    // west beyond 180°: the top byte of the little-endian int32 at 102
    expect(read(patch(s, 105, 0x7f))).toEqual({ ok: false, error: { code: 'bounds' } });
  });

  it('says when the metadata is damaged', () => {
    const s = fixture('streets.pmtiles');
    const head = s.slice(0, HEAD_BYTES);
    expect(readArchiveInfo(head, s.length, new Uint8Array([1, 2, 3, 4]))).toEqual({
      ok: false,
      error: { code: 'metadata' },
    });
    expect(readArchiveInfo(head, s.length, new Uint8Array(gzipSync('[1,2'))).ok).toBe(false);
  });

  it('refuses vector layers no street style fits, listing them', () => {
    const s = fixture('streets.pmtiles');
    const head = s.slice(0, HEAD_BYTES);
    const meta = gzipSync(JSON.stringify({ vector_layers: [{ id: 'parcels' }, { id: 'zoning' }] }));
    expect(readArchiveInfo(head, s.length, new Uint8Array(meta))).toEqual({
      ok: false,
      error: { code: 'schema', layers: ['parcels', 'zoning'] },
    });
  });

  it('tells the two vector schemas apart', () => {
    expect(detectSchema(['earth', 'water', 'roads', 'places'])).toBe('protomaps');
    expect(detectSchema(['water', 'transportation', 'transportation_name', 'place', 'building'])).toBe('openmaptiles');
    expect(detectSchema(['roads'])).toBeNull();
  });

  it('turns an HTML attribution into text', () => {
    expect(
      plainAttribution('<a href="https://openstreetmap.org/copyright">&copy; OpenStreetMap</a>  &amp; Protomaps'),
    ).toBe('© OpenStreetMap & Protomaps');
  });

  describe('on archives written by others (protomaps/PMTiles test data, see tests/fixtures/basemap/protomaps)', () => {
    const third = (name: string): Uint8Array => fixture(`protomaps/${name}`);
    it('reads the Stamen Toner world raster', () => {
      const r = read(third('stamen_toner_raster_CC-BY_ODbL_z3.pmtiles'));
      expect(r.ok && r.value).toMatchObject({ tileType: 'png', minZoom: 0, maxZoom: 3, gzipTiles: false });
      expect(r.ok && r.value.bounds).toEqual([-180, -85, 180, 85]);
    });
    it('gives each broken or unsupported file its own reason', () => {
      expect(read(third('empty.pmtiles'))).toEqual({ ok: false, error: { code: 'truncated', size: 0, needed: 127 } });
      expect(read(third('invalid.pmtiles'))).toEqual({ ok: false, error: { code: 'magic' } });
      expect(read(third('invalid_v4.pmtiles'))).toEqual({ ok: false, error: { code: 'version', version: 4 } });
      expect(read(third('test_fixture_mlt.pmtiles'))).toEqual({ ok: false, error: { code: 'tileType', tileType: 6 } });
      expect(read(third('test_fixture_1.pmtiles'))).toEqual({
        ok: false,
        error: { code: 'schema', layers: ['test_fixture_1pmtiles'] },
      });
    });
  });
});
