/**
 * Builds the small PMTiles archives the tests load (`npm run -s basemap-fixture`), from data we have: the
 * county lines of geodata/counties.geojson and a few streets, buildings, a park, a pond and a place name
 * drawn as test data in 丰泽区 (they are not real streets). Writes
 *   tests/fixtures/basemap/streets.pmtiles  vector, Protomaps basemap schema, zoom 10–14, gzip tiles
 *   tests/fixtures/basemap/raster.pmtiles   raster PNG, zoom 8–11 over the central district
 *   tests/fixtures/basemap/tile.png         one 256 px tile (the intranet tile server of the e2e test)
 */
import { writeFileSync } from 'node:fs';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature, FeatureCollection } from 'geojson';
import { readJson } from './lib/reference';
import { tileAt } from '../src/core/basemap/tileTemplate';
import { encodePng } from '../src/core/io/write/png';
import { writePmtiles, type WriterTile } from './lib/pmtilesWriter';

const OUT = 'tests/fixtures/basemap';
/** The drawn test area: 丰泽区, around the city government. */
const STREETS_BOX: readonly [number, number, number, number] = [118.57, 24.88, 118.63, 24.92];

const line = (props: Record<string, string>, coords: [number, number][]): Feature => ({
  type: 'Feature',
  properties: props,
  geometry: { type: 'LineString', coordinates: coords },
});
const rect = (props: Record<string, string>, w: number, s: number, e: number, n: number): Feature => ({
  type: 'Feature',
  properties: props,
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ],
  },
});

const roads: Feature[] = [
  line({ kind: 'major_road', name: '测试大街', 'name:en': 'Test Avenue' }, [
    [118.572, 24.9],
    [118.628, 24.9],
  ]),
  line({ kind: 'minor_road', name: '学府测试路', 'name:en': 'Xuefu Test Road' }, [
    [118.6, 24.882],
    [118.6, 24.918],
  ]),
  line({ kind: 'highway', name: '测试快速路' }, [
    [118.57, 24.915],
    [118.63, 24.885],
  ]),
  line({ kind: 'path', name: '' }, [
    [118.605, 24.903],
    [118.615, 24.912],
  ]),
];
const buildings: Feature[] = [];
for (let i = 0; i < 6; i++)
  for (let j = 0; j < 3; j++) {
    const w = 118.603 + i * 0.0012;
    const s = 24.9015 + j * 0.0012;
    buildings.push(rect({ kind: 'building' }, w, s, w + 0.0008, s + 0.0008));
  }
const landuse: Feature[] = [rect({ kind: 'park', name: '测试公园' }, 118.585, 24.903, 118.595, 24.912)];
const water: Feature[] = [rect({ kind: 'water', name: '测试湖' }, 118.586, 24.886, 118.594, 24.893)];
const places: Feature[] = [
  {
    type: 'Feature',
    properties: { kind: 'neighbourhood', name: '测试新村', 'name:en': 'Test Village' },
    geometry: { type: 'Point', coordinates: [118.612, 24.908] },
  },
];
const counties = readJson('geodata/counties.geojson') as FeatureCollection;
const boundaries: Feature[] = counties.features.map((f) => ({ ...f, properties: { kind: 'county' } }));

function* tilesOver(box: readonly number[], z: number): Generator<[number, number]> {
  const { x: x0, y: y1 } = tileAt(box[0] ?? 0, box[1] ?? 0, z);
  const { x: x1, y: y0 } = tileAt(box[2] ?? 0, box[3] ?? 0, z);
  for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) yield [x, y];
}

function vectorArchive(): Uint8Array {
  const layers: Record<string, Feature[]> = { roads, buildings, landuse, water, places, boundaries };
  const indexes = Object.fromEntries(
    Object.entries(layers).map(([name, features]) => [
      name,
      new GeoJSONVT({ type: 'FeatureCollection', features }, { maxZoom: 14, indexMaxZoom: 14, buffer: 64 }),
    ]),
  );
  const tiles: WriterTile[] = [];
  for (let z = 10; z <= 14; z++)
    for (const [x, y] of tilesOver(STREETS_BOX, z)) {
      const parts = Object.fromEntries(
        Object.entries(indexes).flatMap(([name, idx]) => {
          const t = idx.getTile(z, x, y);
          return t ? [[name, t]] : [];
        }),
      );
      tiles.push({ z, x, y, data: fromGeojsonVt(parts, { version: 2, extent: 4096 }) });
    }
  return writePmtiles(tiles, {
    tileType: 1,
    gzipTiles: true,
    bounds: STREETS_BOX,
    center: [118.6, 24.9, 13],
    metadata: {
      name: '泉州测试街道 (test data)',
      attribution: '<a href="https://example.invalid">测试数据 Test data</a> &copy; 泉州学校建设规划地图',
      vector_layers: Object.keys(layers).map((id) => ({ id, fields: {} })),
    },
  });
}

/** A 256 px PNG of one colour with a darker 1 px frame (the tile grid shows). */
function png(rgb: readonly [number, number, number], frame: readonly [number, number, number]): Uint8Array {
  const size = 256;
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) rgba.set([...(x === 0 || y === 0 ? frame : rgb), 255], (y * size + x) * 4);
  return encodePng(size, size, rgba);
}

/** Lavender: a colour nothing else on our map uses, so a test can count its pixels. */
const RASTER_RGB: readonly [number, number, number] = [0xc8, 0xa0, 0xf0];

function rasterArchive(): Uint8Array {
  const box = [118.45, 24.78, 118.75, 25.0];
  const tile = png(RASTER_RGB, [0x90, 0x70, 0xc0]);
  const tiles: WriterTile[] = [];
  for (let z = 8; z <= 11; z++) for (const [x, y] of tilesOver(box, z)) tiles.push({ z, x, y, data: tile });
  return writePmtiles(tiles, {
    tileType: 2,
    gzipTiles: false,
    bounds: [118.45, 24.78, 118.75, 25.0],
    center: [118.6, 24.9, 10],
    metadata: { name: 'raster test', attribution: '栅格测试数据 Raster test data' },
  });
}

writeFileSync(`${OUT}/streets.pmtiles`, vectorArchive());
writeFileSync(`${OUT}/raster.pmtiles`, rasterArchive());
writeFileSync(`${OUT}/tile.png`, png([0xf0, 0xb4, 0x50], [0xa0, 0x70, 0x20]));
console.log('wrote streets.pmtiles, raster.pmtiles, tile.png');
