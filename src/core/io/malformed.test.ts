/** The malformed-file corpus: each file gets its own specific error (or row problem), never a crash. */
import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { writeArrayBuffer } from 'geotiff';
import { describe, expect, it } from 'vitest';
import { editContext, loadSeed } from '../../../tests/unit/scenarioFixture';
import { writeScenarioGeoJson } from './geojson';
import { initialChoices, interpretProjects } from './interpret';
import { readFile } from './registry';
import type { IoErrorCode, RowProblemCode } from './types';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../../tests/fixtures/io/${name}`, import.meta.url)));
const zip = (files: Record<string, Uint8Array | string>): Uint8Array =>
  zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v])));
const fc = (features: unknown[]): string => JSON.stringify({ type: 'FeatureCollection', features });
const pt = (
  lon: unknown,
  lat: unknown,
  props: Record<string, unknown> = { name: '某小学', kind: '小学' },
): unknown => ({
  type: 'Feature',
  properties: props,
  geometry: { type: 'Point', coordinates: [lon, lat] },
});
const csv = (rows: string[]): Uint8Array => enc(`${rows.join('\n')}\n`);
const HEAD = '名称,类型,经度,纬度,学位,年份';

const props = (doc: Record<string, unknown>, i: number): Record<string, unknown> =>
  (doc.features as { properties: Record<string, unknown> }[])[i]?.properties ?? {};

function ourExport(mutate: (doc: Record<string, unknown>) => void): Uint8Array {
  const seed = loadSeed();
  const doc = JSON.parse(
    writeScenarioGeoJson(seed, {
      app: 'qz',
      appVersion: '0',
      schemaVersion: 2,
      exportedAt: '',
      createdAt: null,
      modifiedAt: null,
      crs: 'EPSG:4326',
    }),
  ) as Record<string, unknown>;
  mutate(doc);
  return enc(JSON.stringify(doc));
}

/** A real zip with its central directory's size fields rewritten (a bomb that lies about nothing but its size). */
function lyingZip(size: number): Uint8Array {
  const z = zip({ 'a.shp': new Uint8Array(200), 'a.dbf': new Uint8Array(10) });
  const v = new DataView(z.buffer);
  for (let i = z.length - 22; i >= 0; i--) if (v.getUint32(i, true) === 0x02014b50) v.setUint32(i + 24, size, true);
  return z;
}

function tiff(keys: Record<string, number>): Uint8Array {
  return new Uint8Array(
    writeArrayBuffer(new Float32Array(4).fill(1), {
      width: 2,
      height: 2,
      ModelPixelScale: [0.01, 0.01, 0],
      ModelTiepoint: [0, 0, 0, 118.5, 24.95, 0],
      SampleFormat: [3],
      BitsPerSample: [32],
      ...keys,
    }),
  );
}

type Case = readonly [label: string, name: string, bytes: () => Uint8Array, expected: IoErrorCode | RowProblemCode];

const shp = fixture('schools-4549.zip');
const CASES: Case[] = [
  ['empty file', 'a.csv', () => new Uint8Array(0), 'empty'],
  ['a 51 MB file', 'big.csv', () => new Uint8Array(51 * 1024 * 1024).fill(0x41), 'tooLarge'],
  [
    'random binary, unknown extension',
    'a.dat',
    () => Uint8Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256),
    'unknownFormat',
  ],
  [
    'binary named .csv',
    'a.csv',
    () => Uint8Array.from({ length: 4000 }, (_, i) => (i % 3 === 0 ? 0 : (i * 31) % 256)),
    'encoding',
  ],
  [
    'truncated JSON',
    'a.geojson',
    () => enc('{"type":"FeatureCollection","features":[{"type":"Feature"'),
    'invalidJson',
  ],
  ['JSON syntax error', 'a.geojson', () => enc("{'type': 'FeatureCollection'}"), 'invalidJson'],
  ['JSON array', 'a.json', () => enc('[1,2,3]'), 'notGeoJson'],
  ['JSON number', 'a.json', () => enc('42'), 'notGeoJson'],
  ['TopoJSON', 'a.json', () => enc('{"type":"Topology","objects":{}}'), 'notGeoJson'],
  ['features not an array', 'a.geojson', () => enc('{"type":"FeatureCollection","features":{}}'), 'notGeoJson'],
  ['empty FeatureCollection', 'a.geojson', () => enc(fc([])), 'noRecords'],
  [
    'a LineString',
    'a.geojson',
    () =>
      enc(
        fc([
          {
            type: 'Feature',
            properties: {},
            geometry: {
              type: 'LineString',
              coordinates: [
                [118.6, 24.9],
                [118.7, 24.9],
              ],
            },
          },
        ]),
      ),
    'geometryType',
  ],
  ['not a Feature in features', 'a.geojson', () => enc(fc([{ type: 'Foo' }, pt(118.6, 24.9)])), 'geometryType'],
  ['coordinates as strings', 'a.geojson', () => enc(fc([pt('118.6', '24.9')])), 'badCoordinate'],
  [
    'a polygon ring of two points',
    'a.geojson',
    () =>
      enc(
        fc([
          {
            type: 'Feature',
            properties: {},
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [118.6, 24.9],
                  [118.7, 24.9],
                ],
              ],
            },
          },
        ]),
      ),
    'badCoordinate',
  ],
  ['longitude 200', 'a.geojson', () => enc(fc([pt(200, 24.9)])), 'badCoordinate'],
  ['western hemisphere', 'a.geojson', () => enc(fc([pt(-118.6, 24.9)])), 'wrongHemisphere'],
  ['southern hemisphere', 'a.geojson', () => enc(fc([pt(118.6, -24.9)])), 'wrongHemisphere'],
  ['Beijing', 'a.geojson', () => enc(fc([pt(116.4, 39.9)])), 'outsideArea'],
  ['at sea inside the bbox', 'a.geojson', () => enc(fc([pt(119.3, 24.45)])), 'outsideArea'],
  [
    'null geometry, no coordinate columns',
    'a.geojson',
    () => enc(fc([{ type: 'Feature', properties: { name: 'x', kind: '小学' }, geometry: null }])),
    'noGeometry',
  ],
  [
    'a MultiPoint',
    'a.geojson',
    () =>
      enc(
        fc([
          {
            type: 'Feature',
            properties: { name: 'x', kind: '小学' },
            geometry: {
              type: 'MultiPoint',
              coordinates: [
                [118.6, 24.9],
                [118.61, 24.91],
              ],
            },
          },
        ]),
      ),
    'multiPointSplit',
  ],
  [
    '__proto__ property',
    'a.geojson',
    () =>
      enc(
        `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"x","kind":"小学","__proto__":{"polluted":1}},"geometry":{"type":"Point","coordinates":[118.6,24.9]}}]}`,
      ),
    'unsafeKey',
  ],
  [
    'constructor property',
    'a.geojson',
    () =>
      enc(
        `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"x","kind":"小学","constructor":{"prototype":{"x":1}}},"geometry":{"type":"Point","coordinates":[118.6,24.9]}}]}`,
      ),
    'unsafeKey',
  ],
  ['__proto__ CSV header', 'a.csv', () => csv([`${HEAD},__proto__`, '某小学,小学,118.6,24.9,900,2024,1']), 'unsafeKey'],
  ['unknown kind', 'a.csv', () => csv([HEAD, '某大学,大学,118.6,24.9,900,2024']), 'unknownKind'],
  ['blank kind, no default', 'a.csv', () => csv([HEAD, '某学校,,118.6,24.9,900,2024']), 'unknownKind'],
  ['NaN longitude', 'a.csv', () => csv([HEAD, '某小学,小学,abc,24.9,900,2024']), 'badCoordinate'],
  ['NaN latitude', 'a.csv', () => csv([HEAD, '某小学,小学,118.6,NaN,900,2024']), 'badCoordinate'],
  ['empty coordinate cells', 'a.csv', () => csv([HEAD, '某小学,小学,,,900,2024']), 'noGeometry'],
  ['seats as words', 'a.csv', () => csv([HEAD, '某小学,小学,118.6,24.9,很多,2024']), 'badNumber'],
  ['negative seats', 'a.csv', () => csv([HEAD, '某小学,小学,118.6,24.9,-900,2024']), 'badNumber'],
  ['year 1999', 'a.csv', () => csv([HEAD, '某小学,小学,118.6,24.9,900,1999']), 'badYear'],
  ['year as text', 'a.csv', () => csv([HEAD, '某小学,小学,118.6,24.9,900,明年']), 'badYear'],
  ['seats far above a school', 'a.csv', () => csv([HEAD, '某小学,小学,118.6,24.9,90000,2024']), 'invalidProject'],
  ['no name', 'a.csv', () => csv([HEAD, ',小学,118.6,24.9,900,2024']), 'noName'],
  ['formula =cmd', 'a.csv', () => csv([HEAD, `"=cmd|' /C calc'!A0",小学,118.6,24.9,900,2024`]), 'formulaCell'],
  ['formula @SUM', 'a.csv', () => csv([HEAD, '@SUM(1+1)*cmd,小学,118.6,24.9,900,2024']), 'formulaCell'],
  ['formula +cmd', 'a.csv', () => csv([HEAD, '+cmd|x,小学,118.6,24.9,900,2024']), 'formulaCell'],
  ['header only', 'a.csv', () => csv([HEAD]), 'noRecords'],
  ['blank lines only', 'a.csv', () => enc('\n\n  \n,,,\n'), 'noRecords'],
  ['unterminated quote', 'a.csv', () => csv([HEAD, '"某小学,小学,118.6,24.9,900,2024']), 'csvQuote'],
  [
    'county column disagrees',
    'a.csv',
    () => csv([`${HEAD},区县`, '某小学,小学,118.6446,24.8826,900,2024,安溪县']),
    'countyMismatch',
  ],
  [
    '200,001 rows',
    'a.csv',
    () => enc(`${HEAD}\n${'某小学,小学,118.6,24.9,900,2024\n'.repeat(200_001)}`),
    'tooManyProjects',
  ],
  [
    'our export, schema version 99',
    'a.geojson',
    () => ourExport((d) => ((d.scenario as Record<string, unknown>).schemaVersion = 99)),
    'schemaVersion',
  ],
  ['our export, negative seats', 'a.geojson', () => ourExport((d) => (props(d, 3).seats = -5)), 'scenarioInvalid'],
  [
    'our export, duplicate ids',
    'a.geojson',
    () => ourExport((d) => (props(d, 1).id = props(d, 0).id)),
    'scenarioInvalid',
  ],
  [
    'our export, scenario without a name',
    'a.geojson',
    () => ourExport((d) => ((d.scenario as Record<string, unknown>).name = '')),
    'scenarioInvalid',
  ],
  ['truncated zip', 'a.zip', () => shp.slice(0, 300), 'zipInvalid'],
  ['zip declaring 500 MB', 'a.zip', () => lyingZip(500 * 1024 * 1024), 'zipBomb'],
  [
    'zip of 3,000 entries',
    'a.zip',
    () => zip(Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`f${i}.shp`, 'x']))),
    'zipBomb',
  ],
  ['zip entry of 20 MB zeros (ratio)', 'a.kmz', () => zip({ 'doc.kml': new Uint8Array(20 * 1024 * 1024) }), 'zipBomb'],
  ['zip without a .shp', 'a.zip', () => zip({ 'readme.txt': 'hello' }), 'zipNoData'],
  ['Shapefile without .dbf', 'a.zip', () => zip({ 'a.shp': new Uint8Array(readShp()) }), 'shpNoDbf'],
  [
    'Shapefile with a bad header',
    'a.zip',
    () => zip({ 'a.shp': new Uint8Array(120), 'a.dbf': new Uint8Array(40) }),
    'shpInvalid',
  ],
  [
    'Shapefile with an unreadable .prj',
    'a.zip',
    () => zip({ 'a.shp': readShp(), 'a.dbf': readEntry('schools.dbf'), 'a.prj': 'PROJCS["nonsense",FOO[1]]' }),
    'prjUnknown',
  ],
  ['.xlsx that is a zip but no workbook', 'a.xlsx', () => zip({ 'hello.txt': 'x' }), 'xlsxInvalid'],
  [
    '.xlsx with a broken sheet',
    'a.xlsx',
    () =>
      zip({
        '[Content_Types].xml': '<Types/>',
        'xl/workbook.xml': '<workbook><sheets><sheet',
        'xl/_rels/workbook.xml.rels': '<',
      }),
    'xlsxInvalid',
  ],
  [
    'an Excel 97–2003 .xls',
    'a.xls',
    () => Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(600)]),
    'xlsxInvalid',
  ],
  ['KML that is not XML', 'a.kml', () => enc('<kml><Placemark><name>x</Placemark'), 'kmlInvalid'],
  ['.kml without <kml>', 'a.kml', () => enc('<gpx><wpt/></gpx>'), 'kmlInvalid'],
  [
    'KML with no placemarks',
    'a.kml',
    () => enc('<kml xmlns="http://www.opengis.net/kml/2.2"><Document/></kml>'),
    'noRecords',
  ],
  ['KMZ with no .kml', 'a.kmz', () => zip({ 'doc.txt': 'x' }), 'zipNoData'],
  ['truncated GeoTIFF', 'a.tif', () => fixture('population.tif').slice(0, 40), 'tiffInvalid'],
  ['projected GeoTIFF', 'a.tif', () => tiff({ GTModelTypeGeoKey: 1, ProjectedCSTypeGeoKey: 32650 }), 'tiffCrs'],
];

function readEntry(name: string): Uint8Array {
  // the fixture's entries, unzipped with fflate (not our reader, which is under test)
  return (zipEntries ??= unzipFixture())[name] ?? new Uint8Array(0);
}
const readShp = (): Uint8Array => readEntry('schools.shp');
let zipEntries: Record<string, Uint8Array> | undefined;
import { unzipSync } from 'fflate';
const unzipFixture = (): Record<string, Uint8Array> => unzipSync(shp);

describe('malformed files', () => {
  it('has at least 50 cases', () => expect(CASES.length).toBeGreaterThanOrEqual(50));
  const ctx = editContext();
  for (const [label, name, bytes, expected] of CASES) {
    it(`${label} → ${expected}`, async () => {
      const r = await readFile({ name, bytes: bytes() }, { ref: ctx.index });
      if (!r.ok) {
        expect(r.error.code).toBe(expected);
        return;
      }
      const table = r.value;
      const c = initialChoices(table, name, ctx.index.bbox);
      const i = interpretProjects(
        table,
        {
          mapping: c.mapping,
          crs: c.crs,
          swapped: c.swapped,
          defaultKind: null,
          defaultYear: 2025,
          newId: () => 'x',
          source: () => '',
        },
        ctx,
      );
      if (!i.ok) {
        expect(i.error.code).toBe(expected);
        return;
      }
      expect(i.value.problems.map((p) => p.code)).toContain(expected);
    }, 20_000);
  }
});
