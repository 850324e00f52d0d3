/** The malformed-file corpus: each file gets its own specific error (or row problem), never a crash. */
import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { writeArrayBuffer } from 'geotiff';
import { describe, expect, it } from 'vitest';
import { editContext, loadSeed } from '../../../tests/helpers/scenarioFixture';
import { writeScenarioGeoJson } from './geojson';
import { initialChoices } from './choices';
import { interpretProjects } from './interpret';
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
const KML_DOC = `<kml xmlns="http://www.opengis.net/kml/2.2"><Document>${'<Placemark><name>某小学</name><Point><coordinates>118.6,24.9</coordinates></Point></Placemark>'.repeat(4)}</Document></kml>`;

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

/**
 * A real zip whose entry `entry` declares `delta` bytes more (or fewer) than it inflates to, in both
 * the local header and the central directory (a damaged or doctored archive).
 */
function misdeclaredZip(files: Record<string, Uint8Array | string>, entry: string, delta: number): Uint8Array {
  const z = zip(files);
  const v = new DataView(z.buffer);
  const nameAt = (at: number, len: number): string => new TextDecoder().decode(z.subarray(at, at + len));
  for (let i = 0; i + 46 <= z.length; i++) {
    const sig = v.getUint32(i, true);
    if (sig === 0x04034b50 && nameAt(i + 30, v.getUint16(i + 26, true)) === entry)
      v.setUint32(i + 22, v.getUint32(i + 22, true) + delta, true);
    if (sig === 0x02014b50 && nameAt(i + 46, v.getUint16(i + 28, true)) === entry)
      v.setUint32(i + 24, v.getUint32(i + 24, true) + delta, true);
  }
  return z;
}

/** A DBF (dBASE III) of text fields, names written as given (padding included). */
function dbfOf(fields: readonly string[], rows: readonly (readonly string[])[]): Uint8Array {
  const len = 24;
  const headerLen = 32 + 32 * fields.length + 1;
  const recLen = 1 + len * fields.length;
  const out = new Uint8Array(headerLen + recLen * rows.length + 1);
  const v = new DataView(out.buffer);
  out.set([3, 124, 1, 1]);
  v.setUint32(4, rows.length, true);
  v.setUint16(8, headerLen, true);
  v.setUint16(10, recLen, true);
  fields.forEach((f, i) => {
    out.set(enc(f).subarray(0, 11), 32 + 32 * i);
    out[32 + 32 * i + 11] = 0x43; // C
    out[32 + 32 * i + 16] = len;
  });
  out[headerLen - 1] = 0x0d;
  rows.forEach((r, k) => {
    const o = headerLen + recLen * k;
    out.fill(0x20, o, o + recLen);
    r.forEach((cell, j) => out.set(enc(cell).subarray(0, len), o + 1 + j * len));
  });
  out[out.length - 1] = 0x1a;
  return out;
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

/** A project a row-level case keeps: name, kind, seats, year, lon, lat. */
type Kept = readonly [name: string, kind: string, seats: number, year: number, lon: number, lat: number];
/** What becomes of the file's rows when the file itself is readable: every row dropped, or these kept. */
type Fate = 'dropped' | readonly Kept[];
type Case = readonly [
  label: string,
  name: string,
  bytes: () => Uint8Array,
  expected: IoErrorCode | RowProblemCode,
  fate?: Fate,
];

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
    'dropped',
  ],
  [
    'not a Feature in features',
    'a.geojson',
    () => enc(fc([{ type: 'Foo' }, pt(118.6, 24.9)])),
    'geometryType',
    [['某小学', 'primary', 1080, 2025, 118.6, 24.9]],
  ],
  ['coordinates as strings', 'a.geojson', () => enc(fc([pt('118.6', '24.9')])), 'badCoordinate', 'dropped'],
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
    'dropped',
  ],
  ['longitude 200', 'a.geojson', () => enc(fc([pt(200, 24.9)])), 'badCoordinate', 'dropped'],
  ['western hemisphere', 'a.geojson', () => enc(fc([pt(-118.6, 24.9)])), 'wrongHemisphere', 'dropped'],
  ['southern hemisphere', 'a.geojson', () => enc(fc([pt(118.6, -24.9)])), 'wrongHemisphere', 'dropped'],
  ['Beijing', 'a.geojson', () => enc(fc([pt(116.4, 39.9)])), 'outsideArea', 'dropped'],
  ['at sea inside the bbox', 'a.geojson', () => enc(fc([pt(119.3, 24.45)])), 'outsideArea', 'dropped'],
  [
    'null geometry, no coordinate columns',
    'a.geojson',
    () => enc(fc([{ type: 'Feature', properties: { name: 'x', kind: '小学' }, geometry: null }])),
    'noGeometry',
    'dropped',
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
    [
      ['x', 'primary', 1080, 2025, 118.6, 24.9],
      ['x（2）', 'primary', 1080, 2025, 118.61, 24.91],
    ],
  ],
  [
    '__proto__ property',
    'a.geojson',
    () =>
      enc(
        `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"x","kind":"小学","__proto__":{"polluted":1}},"geometry":{"type":"Point","coordinates":[118.6,24.9]}}]}`,
      ),
    'unsafeKey',
    [['x', 'primary', 1080, 2025, 118.6, 24.9]],
  ],
  [
    'constructor property',
    'a.geojson',
    () =>
      enc(
        `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"x","kind":"小学","constructor":{"prototype":{"x":1}}},"geometry":{"type":"Point","coordinates":[118.6,24.9]}}]}`,
      ),
    'unsafeKey',
    [['x', 'primary', 1080, 2025, 118.6, 24.9]],
  ],
  [
    '__proto__ CSV header',
    'a.csv',
    () => csv([`${HEAD},__proto__`, '某小学,小学,118.6,24.9,900,2024,1']),
    'unsafeKey',
    [['某小学', 'primary', 900, 2024, 118.6, 24.9]],
  ],
  [
    'unknown kind (a type column of no kinds is not used)',
    'a.csv',
    () => csv([HEAD, '某大学,大学,118.6,24.9,900,2024']),
    'noKind',
    'dropped',
  ],
  ['blank kind, no default', 'a.csv', () => csv([HEAD, '某学校,,118.6,24.9,900,2024']), 'unknownKind', 'dropped'],
  ['NaN longitude', 'a.csv', () => csv([HEAD, '某小学,小学,abc,24.9,900,2024']), 'badCoordinate', 'dropped'],
  ['NaN latitude', 'a.csv', () => csv([HEAD, '某小学,小学,118.6,NaN,900,2024']), 'badCoordinate', 'dropped'],
  ['empty coordinate cells', 'a.csv', () => csv([HEAD, '某小学,小学,,,900,2024']), 'noGeometry', 'dropped'],
  ['seats as words', 'a.csv', () => csv([HEAD, '某小学,小学,118.6,24.9,很多,2024']), 'badNumber', 'dropped'],
  ['negative seats', 'a.csv', () => csv([HEAD, '某小学,小学,118.6,24.9,-900,2024']), 'badNumber', 'dropped'],
  ['year 1999', 'a.csv', () => csv([HEAD, '某小学,小学,118.6,24.9,900,1999']), 'badYear', 'dropped'],
  ['year as text', 'a.csv', () => csv([HEAD, '某小学,小学,118.6,24.9,900,明年']), 'badYear', 'dropped'],
  [
    'seats far above a school',
    'a.csv',
    () => csv([HEAD, '某小学,小学,118.6,24.9,90000,2024']),
    'invalidProject',
    'dropped',
  ],
  [
    'no name',
    'a.csv',
    () => csv([HEAD, ',小学,118.6,24.9,900,2024']),
    'noName',
    [['第2行项目', 'primary', 900, 2024, 118.6, 24.9]],
  ],
  [
    'formula =cmd',
    'a.csv',
    () => csv([HEAD, `"=cmd|' /C calc'!A0",小学,118.6,24.9,900,2024`]),
    'formulaCell',
    [["=cmd|' /C calc'!A0", 'primary', 900, 2024, 118.6, 24.9]],
  ],
  [
    'formula @SUM',
    'a.csv',
    () => csv([HEAD, '@SUM(1+1)*cmd,小学,118.6,24.9,900,2024']),
    'formulaCell',
    [['@SUM(1+1)*cmd', 'primary', 900, 2024, 118.6, 24.9]],
  ],
  [
    'formula +cmd',
    'a.csv',
    () => csv([HEAD, '+cmd|x,小学,118.6,24.9,900,2024']),
    'formulaCell',
    [['+cmd|x', 'primary', 900, 2024, 118.6, 24.9]],
  ],
  ['header only', 'a.csv', () => csv([HEAD]), 'noRecords'],
  ['blank lines only', 'a.csv', () => enc('\n\n  \n,,,\n'), 'noRecords'],
  ['unterminated quote', 'a.csv', () => csv([HEAD, '"某小学,小学,118.6,24.9,900,2024']), 'csvQuote'],
  [
    'county column disagrees',
    'a.csv',
    () => csv([`${HEAD},区县`, '某小学,小学,118.6446,24.8826,900,2024,安溪县']),
    'countyMismatch',
    [['某小学', 'primary', 900, 2024, 118.6446, 24.8826]],
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
  [
    'zip entry inflating beyond its declared size',
    'a.kmz',
    () => misdeclaredZip({ 'doc.kml': KML_DOC }, 'doc.kml', -40),
    'zipSizeMismatch',
  ],
  [
    'zip entry inflating to less than its declared size',
    'a.kmz',
    () => misdeclaredZip({ 'doc.kml': KML_DOC }, 'doc.kml', 40),
    'zipSizeMismatch',
  ],
  [
    'stored zip entry of another size than declared',
    'a.zip',
    () => {
      const z = zipSync({ 'a.shp': [readShp(), { level: 0 }], 'a.dbf': [readEntry('schools.dbf'), { level: 0 }] });
      const v = new DataView(z.buffer);
      for (let i = 0; i + 4 <= z.length; i++) if (v.getUint32(i, true) === 0x02014b50) v.setUint32(i + 24, 7, true);
      return z;
    },
    'zipSizeMismatch',
  ],
  [
    'DBF fields named "prototype " (padded) and "__proto__"',
    'a.zip',
    () =>
      zip({
        'a.shp': readShp(),
        'a.prj': readEntry('schools.prj'),
        'a.cpg': 'UTF-8',
        'a.dbf': dbfOf(
          ['NAME', 'prototype ', '__proto__', 'KIND'],
          [
            ['甲小学', 'p1', 'q1', '小学'],
            ['乙幼儿园', 'p2', 'q2', '幼儿园'],
            ['丙初中', 'p3', 'q3', '初中'],
          ],
        ),
      }),
    'unsafeKey',
    [
      ['甲小学', 'primary', 1080, 2025, 118.6446, 24.8826],
      ['乙幼儿园', 'kindergarten', 270, 2025, 118.5778, 24.8131],
      ['丙初中', 'junior', 1200, 2025, 118.3861, 24.9603],
    ],
  ],
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
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
  for (const [label, name, bytes, expected, fate] of CASES) {
    it(`${label} → ${expected}`, async () => {
      const r = await readFile({ name, bytes: bytes() }, { ref: ctx.index });
      // nothing a file says may reach Object.prototype
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      if (!r.ok) {
        expect(r.error.code).toBe(expected);
        expect(fate, 'a file refused whole has no row fate').toBeUndefined();
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
      // the row's fate: dropped, or kept with exactly these values
      if (fate === undefined) throw new Error(`${label}: a row-level case must state the row's fate`);
      const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;
      const kept = i.value.rows.map(({ project: p }): Kept => {
        const [lon = NaN, lat = NaN] = p.geometry.coordinates;
        return [p.properties.name, p.properties.kind, p.properties.seats, p.properties.year, round6(lon), round6(lat)];
      });
      expect(kept).toEqual(fate === 'dropped' ? [] : fate);
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    }, 20_000);
  }
});
