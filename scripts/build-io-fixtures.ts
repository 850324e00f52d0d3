/**
 * Writes the import fixtures in tests/fixtures/io (deterministic): a GBK CSV as Excel in China saves
 * it, a UTF-8 CSV with 高德 (GCJ-02) coordinates, an XLSX, a KML and KMZ, a zipped point Shapefile in
 * CGCS2000 3° Gauss-Krüger CM 120°E (EPSG:4549) with a GBK DBF, and a small population GeoTIFF.
 * Run with `npx tsx scripts/build-io-fixtures.ts`.
 */
import { writeFileSync } from 'node:fs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import gcoord from 'gcoord';
import proj4 from 'proj4';
import { writeArrayBuffer } from 'geotiff';
import { writeXlsx } from '../src/core/io/xlsx';

const OUT = new URL('../tests/fixtures/io/', import.meta.url);
const FIXED = new Date('2022-01-01T00:00:00Z');
const write = (name: string, data: string | Uint8Array): void => writeFileSync(new URL(name, OUT), data);

/** A GBK encoder built from the platform's GBK decoder (TextEncoder only writes UTF-8). */
function gbk(text: string): Uint8Array {
  const map = new Map<string, number[]>();
  const dec = new TextDecoder('gbk');
  for (let a = 0x81; a <= 0xfe; a++)
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([a, b]));
      if (ch.length === 1 && ch !== '\uFFFD' && !map.has(ch)) map.set(ch, [a, b]);
    }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else {
      const bytes = map.get(ch);
      if (!bytes) throw new Error(`no GBK for ${ch}`);
      out.push(...bytes);
    }
  }
  return Uint8Array.from(out);
}

// ---- the known points (WGS84): in 丰泽区, 晋江市, 南安市 -----
export const KNOWN = [
  {
    name: '丰泽区东海实验小学',
    kind: '小学',
    lon: 118.6446,
    lat: 24.8826,
    seats: '2,160',
    classes: '４８',
    county: '丰泽区',
  },
  {
    name: '晋江市第二实验幼儿园',
    kind: '幼儿园',
    lon: 118.5778,
    lat: 24.8131,
    seats: '３６０',
    classes: '12',
    county: '晋江市',
  },
  {
    name: '南安市柳城初级中学',
    kind: '初中',
    lon: 118.3861,
    lat: 24.9603,
    seats: '1,800',
    classes: '36',
    county: '南安市',
  },
];

// GBK CSV, a title row above the header, 千分位 and full-width digits, one bad row and one formula cell
const gbkRows = [
  '泉州市2023年学校建设项目清单,,,,,,',
  '学校名称,学段,经度,纬度,学位数,班级数,区县,建设性质,状态,年份',
  ...KNOWN.map((k) => `${k.name},${k.kind},${k.lon},${k.lat},"${k.seats}",${k.classes},${k.county},新建,在建,2023年`),
  '坐标缺失的学校,小学,,,900,20,鲤城区,新建,谋划,2024',
  "=cmd|' /C calc'!A0,小学,118.59,24.91,900,20,鲤城区,新建,谋划,2024",
];
write('projects-gbk.csv', gbk(`${gbkRows.join('\r\n')}\r\n`));

// UTF-8 with BOM, coordinates copied from 高德 (GCJ-02), lat/lon columns in the usual order
const gcjRows = [
  '名称,类型,高德经度,高德纬度,学位',
  ...KNOWN.map((k) => {
    const [x, y] = gcoord.transform([k.lon, k.lat], gcoord.WGS84, gcoord.GCJ02);
    return `${k.name},${k.kind},${x.toFixed(6)},${y.toFixed(6)},${k.seats.replace(',', '')}`;
  }),
];
write('projects-gcj02.csv', `\uFEFF${gcjRows.join('\n')}\n`);

// swapped columns: latitude in the 经度 column
const swapped = ['名称,类型,经度,纬度', ...KNOWN.map((k) => `${k.name},${k.kind},${k.lat},${k.lon}`)];
write('projects-swapped.csv', `${swapped.join('\n')}\n`);

// XLSX
const xlsx = await writeXlsx([
  {
    name: '项目',
    header: ['项目名称', '类型', '经度', '纬度', '新增学位', '新增班级', '总投资（万元）', '备注'],
    rows: KNOWN.map((k) => [
      k.name,
      k.kind,
      k.lon,
      k.lat,
      Number(k.seats.replace(/,/g, '').replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10))),
      Number(k.classes.replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10))),
      12000,
      '测试',
    ]),
  },
]);
// the writer stamps zip entries with the current time: re-zip with a fixed one, so the file is reproducible
write('projects.xlsx', zipSync(unzipSync(xlsx), { mtime: FIXED }));

// KML (a school as a point, one as a site outline) and the same zipped as KMZ
const d = 0.0008;
const kml = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>踏勘成果</name>
<Placemark><name>${KNOWN[0]?.name}</name><ExtendedData><Data name="类型"><value>小学</value></Data><Data name="学位"><value>2160</value></Data></ExtendedData>
<Point><coordinates>${KNOWN[0]?.lon},${KNOWN[0]?.lat},0</coordinates></Point></Placemark>
<Placemark><name>${KNOWN[2]?.name}</name><ExtendedData><Data name="类型"><value>初中</value></Data></ExtendedData>
<Polygon><outerBoundaryIs><LinearRing><coordinates>${[
  [-d, -d],
  [d, -d],
  [d, d],
  [-d, d],
  [-d, -d],
]
  .map(([a = 0, b = 0]) => `${(KNOWN[2]?.lon ?? 0) + a},${(KNOWN[2]?.lat ?? 0) + b},0`)
  .join(' ')}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
<Placemark><name>一条道路</name><LineString><coordinates>118.6,24.9 118.61,24.91</coordinates></LineString></Placemark>
</Document></kml>
`;
write('survey.kml', kml);
write('survey.kmz', zipSync({ 'doc.kml': strToU8(kml) }, { mtime: FIXED }));

// Shapefile, points in EPSG:4549 (CGCS2000 3° GK CM 120°E, no zone prefix), attributes in GBK with a .cpg
const def4549 = '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
const pts = KNOWN.map((k) => proj4('WGS84', def4549).forward([k.lon, k.lat]));
function shpPoints(points: number[][]): Uint8Array {
  const len = 100 + points.length * 28;
  const buf = new ArrayBuffer(len);
  const v = new DataView(buf);
  v.setInt32(0, 9994, false);
  v.setInt32(24, len / 2, false);
  v.setInt32(28, 1000, true);
  v.setInt32(32, 1, true);
  const xs = points.map((p) => p[0] ?? 0);
  const ys = points.map((p) => p[1] ?? 0);
  [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach((b, i) =>
    v.setFloat64(36 + i * 8, b, true),
  );
  points.forEach((p, i) => {
    const o = 100 + i * 28;
    v.setInt32(o, i + 1, false);
    v.setInt32(o + 4, 10, false);
    v.setInt32(o + 8, 1, true);
    v.setFloat64(o + 12, p[0] ?? 0, true);
    v.setFloat64(o + 20, p[1] ?? 0, true);
  });
  return new Uint8Array(buf);
}
function dbf(
  fields: { name: string; type: 'C' | 'N'; len: number }[],
  rows: string[][],
  enc: (s: string) => Uint8Array,
): Uint8Array {
  const headerLen = 32 + fields.length * 32 + 1;
  const recLen = 1 + fields.reduce((a, f) => a + f.len, 0);
  const out = new Uint8Array(headerLen + rows.length * recLen + 1);
  const v = new DataView(out.buffer);
  out[0] = 3;
  out[1] = 122;
  out[2] = 1;
  out[3] = 1;
  v.setUint32(4, rows.length, true);
  v.setUint16(8, headerLen, true);
  v.setUint16(10, recLen, true);
  fields.forEach((f, i) => {
    const o = 32 + i * 32;
    out.set(new TextEncoder().encode(f.name).subarray(0, 10), o);
    out[o + 11] = f.type.charCodeAt(0);
    out[o + 16] = f.len;
  });
  out[headerLen - 1] = 0x0d;
  rows.forEach((r, i) => {
    let o = headerLen + i * recLen;
    out[o++] = 0x20;
    fields.forEach((f, j) => {
      const cell = new Uint8Array(f.len).fill(0x20);
      const bytes = enc(r[j] ?? '').subarray(0, f.len);
      if (f.type === 'N') cell.set(bytes, f.len - bytes.length);
      else cell.set(bytes);
      out.set(cell, o);
      o += f.len;
    });
  });
  out[out.length - 1] = 0x1a;
  return out;
}
const prj4549 =
  'PROJCS["CGCS2000_3_Degree_GK_CM_120E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",120.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
const fields = [
  { name: 'MC', type: 'C' as const, len: 40 },
  { name: 'LX', type: 'C' as const, len: 10 },
  { name: 'XW', type: 'N' as const, len: 8 },
];
const rows = KNOWN.map((k) => [
  k.name,
  k.kind,
  k.seats.replace(/,/g, '').replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10)),
]);
const shpFiles = {
  'schools.shp': shpPoints(pts),
  'schools.dbf': dbf(fields, rows, gbk),
  'schools.prj': strToU8(prj4549),
  'schools.cpg': strToU8('GBK'),
};
write('schools-4549.zip', zipSync(shpFiles, { mtime: FIXED }));
// the same without .cpg: the DBF's GBK must be recognised by its failing UTF-8
write(
  'schools-4549-nocpg.zip',
  zipSync(
    {
      'schools.shp': shpFiles['schools.shp'],
      'schools.dbf': shpFiles['schools.dbf'],
      'schools.prj': shpFiles['schools.prj'],
    },
    { mtime: FIXED },
  ),
);

// a 20 × 10 population raster at 0.01° over 丰泽区/鲤城区, 100 people per pixel (EPSG:4326)
const W = 20;
const H = 10;
const tiff = writeArrayBuffer(new Float32Array(W * H).fill(100), {
  width: W,
  height: H,
  ModelPixelScale: [0.01, 0.01, 0],
  ModelTiepoint: [0, 0, 0, 118.5, 24.95, 0],
  GeographicTypeGeoKey: 4326,
  GTModelTypeGeoKey: 2,
  GTRasterTypeGeoKey: 1,
  SampleFormat: [3],
  BitsPerSample: [32],
});
write('population.tif', new Uint8Array(tiff));

// population points (CSV): 5 cells of 1,000 people
write(
  'population.csv',
  `lon,lat,population\n${[0, 1, 2, 3, 4].map((i) => `${118.6 + i * 0.01},24.9,1000`).join('\n')}\n`,
);

console.log('fixtures written to', OUT.pathname);
