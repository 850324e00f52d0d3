/**
 * The importer against files nobody here wrote (tests/fixtures/real/SOURCES.md), through the codecs and
 * the command line, and against the formats' own shapes where no public file was found (built here,
 * each marked). Positions are checked against conversions that share no code with ours (tests/unit/gcj.ts,
 * proj4 directly).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { writeArrayBuffer } from 'geotiff';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../scripts/lib/importCli';
import { datumCandidates, initialChoices } from '../../src/core/io/choices';
import { combineFiles } from '../../src/core/io/combine';
import { toWgs84 } from '../../src/core/io/crs';
import { createBoundaryIndex } from '../../src/core/io/datum';
import { interpretProjects, type Interpretation } from '../../src/core/io/interpret';
import { readFile } from '../../src/core/io/registry';
import type { IoError, RawTable } from '../../src/core/io/types';
import type { ProjectKind } from '../../src/core/model/kinds';
import type { Result } from '../../src/core/result';
import { gcjToWgs } from './gcj';
import { loadReference } from './reference';
import { editContext } from './scenarioFixture';

const ctx = editContext();
const reference = loadReference();
const boundaries = createBoundaryIndex(reference.counties);
const real = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'real', name)));
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

async function read(name: string, bytes: Uint8Array, layer?: string): Promise<Result<RawTable, IoError>> {
  return readFile({ name, bytes }, { ref: ctx.index, ...(layer !== undefined ? { layer } : {}) });
}
async function table(name: string, bytes: Uint8Array, layer?: string): Promise<RawTable> {
  const r = await read(name, bytes, layer);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${JSON.stringify(r.error.params)}`);
  return r.value;
}
function interpret(t: RawTable, name: string, defaultKind: ProjectKind | null = null): Interpretation {
  const c = initialChoices(t, name, ctx.index.bbox, boundaries);
  let n = 0;
  const r = interpretProjects(
    t,
    {
      mapping: c.mapping,
      crs: c.crs,
      swapped: c.swapped,
      ...(t.prjWkt ? { prjWkt: t.prjWkt } : {}),
      defaultKind,
      defaultYear: 2025,
      newId: () => `r${++n}`,
      source: () => name,
    },
    ctx,
  );
  if (!r.ok) throw new Error(`${name}: ${r.error.code}`);
  return r.value;
}
/** Metres between two WGS84 points a few km apart (local scale; enough for a 1 m check). */
const metres = (a: readonly number[], b: readonly number[]): number => {
  const [ax = 0, ay = 0] = a;
  const [bx = 0, by = 0] = b;
  return Math.hypot((bx - ax) * 111_320 * Math.cos((ay * Math.PI) / 180), (by - ay) * 110_570);
};

describe('DataV / 高德 district boundaries of 泉州 (GCJ-02 without a word)', () => {
  const bytes = real('datav-350500_full.json');

  it('is recognised as GCJ-02 by its property set, and its outlines fit our county lines only in GCJ-02', async () => {
    const t = await table('350500_full.json', bytes);
    expect(t.declaredCrs).toBe(null); // RFC 7946 notwithstanding, nothing is declared
    const c = initialChoices(t, '350500_full.json', ctx.index.bbox, boundaries);
    expect(c.suggestion).toMatchObject({ crs: 'gcj02', reason: 'signature' });
    expect(c.suggestion.evidence).toContain('adcode');
    expect(c.suggestion.evidence).toContain('centroid');
    const fit = new Map((c.suggestion.fits ?? []).map((f) => [f.datum, f.medianM]));
    expect(fit.get('gcj02')).toBeLessThan(100);
    expect(fit.get('wgs84')).toBeGreaterThan(250);
    expect((fit.get('wgs84') ?? 0) / (fit.get('gcj02') ?? 1)).toBeGreaterThan(3);
    // renamed so the name says nothing: the outlines alone decide
    const anonymous = { ...t, columns: t.columns.map((_, i) => `c${i}`) };
    expect(initialChoices(anonymous, 'boundaries.json', ctx.index.bbox, boundaries).suggestion).toMatchObject({
      crs: 'gcj02',
      reason: 'outline',
    });
  });

  it('converts to WGS84 as an independent GCJ-02 inverse does, to 1 m; read as WGS84 it would be ~500 m off', async () => {
    const t = await table('350500_full.json', bytes);
    const conv = toWgs84('gcj02');
    if (!conv.ok) throw new Error(conv.error);
    const centers = (
      JSON.parse(new TextDecoder().decode(bytes)) as { features: { properties: { center: number[] } }[] }
    ).features.map((f) => f.properties.center);
    expect(centers).toHaveLength(12);
    for (const [x = 0, y = 0] of centers) {
      const ours = conv.value(x, y);
      const reference = gcjToWgs(x, y);
      expect(metres(ours ?? [0, 0], reference)).toBeLessThan(1);
      // the error a planner would have had: the GCJ point taken as WGS84
      expect(metres([x, y], reference)).toBeGreaterThan(450);
      expect(metres([x, y], reference)).toBeLessThan(700);
    }
    // what the dialog draws for GCJ-02 is that conversion too
    const c = initialChoices(t, '350500_full.json', ctx.index.bbox, boundaries);
    const candidates = datumCandidates(t, c.mapping, false);
    const first = candidates.features.find((f) => f.properties.datum === 'gcj02' && f.geometry.type === 'LineString');
    const raw = t.records[0]?.geometry;
    if (first?.geometry.type !== 'LineString' || raw?.type !== 'Polygon') throw new Error('expected outlines');
    const [rx = 0, ry = 0] = raw.coordinates[0]?.[0] ?? [];
    expect(metres(first.geometry.coordinates[0] ?? [], gcjToWgs(rx, ry))).toBeLessThan(1);
  });

  it('does not take DataV’s `level` ("district") as the school type, and says so', async () => {
    const t = await table('350500_full.json', bytes);
    const c = initialChoices(t, '350500_full.json', ctx.index.bbox, boundaries);
    expect(c.mapping.kind).toBe(null);
    expect(c.notes).toContainEqual({ code: 'kindRejected', column: 'level', examples: 'district' });
  });

  it('on the command line: GCJ-02 chosen and why, the note, the fits; a flag overrides', async () => {
    const r = await runImport([join('tests', 'fixtures', 'real', 'datav-350500_full.json')]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stderr) as Record<string, unknown> & {
      crs: { chosen: string; why: string; fits: unknown[] };
      notes: { code: string }[];
      refused: { rows: number; byReason: Record<string, number> };
    };
    expect(report).toMatchObject({ format: 'geojson', records: 12, accepted: 0 });
    expect(report.crs).toMatchObject({ chosen: 'gcj02', why: 'signature' });
    expect(report.crs.fits).toHaveLength(3);
    expect(report.notes.map((n) => n.code)).toEqual(['kindRejected']);
    expect(report.refused).toEqual({ rows: 12, byReason: { noKind: 12 } });
    const out = JSON.parse(r.stdout) as { type: string; features: unknown[] };
    expect(out).toMatchObject({ type: 'FeatureCollection', features: [] });
    const forced = await runImport([join('tests', 'fixtures', 'real', 'datav-350500_full.json'), '--crs', 'wgs84']);
    expect(JSON.parse(forced.stderr)).toMatchObject({ crs: { chosen: 'wgs84', why: 'flag' } });
  });
});

describe('KML from other tools', () => {
  it('a MultiGeometry of lines only is refused; with a point, the point is taken and said (togeojson)', async () => {
    const lines = interpret(await table('m.kml', real('togeojson-multigeometry.kml')), 'm.kml', 'primary');
    expect(lines.problems.map((p) => p.code)).toContain('geometryType');
    const t = await table('d.kml', real('togeojson-multigeometry_discrete.kml'));
    expect(t.records).toHaveLength(1);
    expect(t.records[0]?.geometry).toEqual({ type: 'Point', coordinates: [-122.4428340530617, 37.8065999493009] });
    expect(t.problems).toContainEqual({
      row: 1,
      code: 'multiGeometryPoint',
      severity: 'warning',
      params: { count: 2 },
    });
  });

  it('reads ExtendedData as columns (togeojson)', async () => {
    const t = await table('e.kml', real('togeojson-extended_data.kml'));
    expect(t.columns).toContain('foo');
    expect(t.records[0]?.values[t.columns.indexOf('foo')]).toBe('bar');
  });

  // built here: MapGIS exports a parcel and its label point, or a parcel alone, as one MultiGeometry
  const parcel = (lon: number, lat: number, d = 0.0008): string =>
    [
      [lon - d, lat - d],
      [lon + d, lat - d],
      [lon + d, lat + d],
      [lon - d, lat + d],
      [lon - d, lat - d],
    ]
      .map(([x, y]) => `${x},${y},0`)
      .join(' ');
  const mapgis = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Placemark><name>东海小学用地</name><ExtendedData><Data name="类型"><value>小学</value></Data></ExtendedData>
<MultiGeometry><Polygon><outerBoundaryIs><LinearRing><coordinates>${parcel(118.6446, 24.8826)}</coordinates></LinearRing></outerBoundaryIs></Polygon>
<Polygon><outerBoundaryIs><LinearRing><coordinates>${parcel(118.6466, 24.8846, 0.0002)}</coordinates></LinearRing></outerBoundaryIs></Polygon></MultiGeometry></Placemark>
</Document></kml>`;

  it('a MultiGeometry of polygons: the largest is the site, the project at its centre (built here, MapGIS-shaped)', async () => {
    const i = interpret(await table('mapgis.kml', enc(mapgis)), 'mapgis.kml');
    expect(i.problems).toContainEqual({
      row: 1,
      code: 'multiGeometryPolygon',
      severity: 'warning',
      params: { count: 2 },
    });
    const p = i.rows[0]?.project;
    expect(p?.properties.site?.coordinates[0]).toHaveLength(5);
    expect(metres(p?.geometry.coordinates ?? [], [118.6446, 24.8826])).toBeLessThan(2);
  });

  // built here in the shape ArcGIS "Layer To KML" writes: the attributes as an HTML table in the description
  const arcgis = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>东海实验小学</name><Snippet maxLines="0"></Snippet>
<description><![CDATA[<html xmlns:fo="http://www.w3.org/1999/XSL/Format"><body style="margin:0px 0px 0px 0px;overflow:auto;background:#FFFFFF;"><table style="font-family:Arial,Verdana,Times;font-size:12px;text-align:left;width:100%;border-collapse:collapse;padding:3px 3px 3px 3px"><tr style="text-align:center;font-weight:bold;background:#9CBCE2"><td>学校</td></tr><tr><td><table style="font-family:Arial,Verdana,Times;font-size:12px;text-align:left;width:100%;border-spacing:0px; padding:3px 3px 3px 3px"><tr><td>FID</td><td>0</td></tr><tr bgcolor="#D4E4F3"><td>学段</td><td>小学</td></tr><tr><td>学位数</td><td>2,160</td></tr><tr bgcolor="#D4E4F3"><td>备注</td><td>&lt;新建&gt; 一期</td></tr></table></td></tr></table></body></html>]]></description>
<styleUrl>#IconStyle00</styleUrl><Point><coordinates>118.6446,24.8826,0</coordinates></Point></Placemark></Document></kml>`;

  it('reads an ArcGIS description table into columns; notes get text, not markup; styles are not columns', async () => {
    const t = await table('arcgis.kml', enc(arcgis));
    expect(t.columns).toEqual(expect.arrayContaining(['name', 'description', 'FID', '学段', '学位数', '备注']));
    expect(t.columns.some((c) => /style/i.test(c))).toBe(false);
    const description = String(t.records[0]?.values[t.columns.indexOf('description')]);
    expect(description).not.toMatch(/<\/?(html|table|tr|td|body)\b|style=/);
    expect(description).toContain('学段 小学');
    const i = interpret(t, 'arcgis.kml');
    expect(i.rows[0]?.project.properties).toMatchObject({ name: '东海实验小学', kind: 'primary', seats: 2160 });
    expect(i.rows[0]?.project.properties.notes).toBe('<新建> 一期');
  });
});

describe('界址点 TXT (the 自然资源 parcel exchange format), built here with proj4', () => {
  // CGCS2000 3° zone 40 (CM 120°E) with the zone number before the easting: EPSG:4528
  const gk40 = '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=40500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
  const around = (lon: number, lat: number, d: number): number[][] =>
    [
      [lon - d, lat - d],
      [lon + d, lat - d],
      [lon + d, lat + d],
      [lon - d, lat + d],
    ].map((p) => proj4('WGS84', gk40).forward(p));
  const lines = (ring: number, pts: number[][], start = 1): string[] =>
    // 点号, 圈号, X (northing), Y (easting): the axis order of the format
    pts.map(([e = 0, n = 0], i) => `J${start + i},${ring},${n.toFixed(3)},${e.toFixed(3)}`);
  const outer = around(118.6446, 24.8826, 0.0015);
  const hole = around(118.6446, 24.8826, 0.0004);
  const second = around(118.5778, 24.8131, 0.001);
  const txt = [
    '[属性描述]',
    '格式版本号=1.01版本',
    '坐标系=2000国家大地坐标系',
    '几度分带=3',
    '投影类型=高斯克吕格',
    '计量单位=米',
    '带号=40',
    '精度=0.001',
    '[地块坐标]',
    '8,9.9,A-01,东海小学用地,面,G50F001,教育用地,0803,@',
    ...lines(1, outer),
    ...lines(2, hole, 5),
    '4,3.1,A-02,晋江二幼用地,面,G50F002,教育用地,0803,@',
    ...lines(1, second),
  ].join('\r\n');

  it('reads each parcel as a polygon with its attributes, the zone and axis order from the file', async () => {
    const t = await table('界址点.txt', enc(txt));
    expect(t.format).toBe('landtxt');
    expect(t.declaredCrs).toBe('EPSG:4528');
    expect(t.records).toHaveLength(2);
    expect(t.records[0]?.values.slice(0, 2)).toEqual(['A-01', '东海小学用地']);
    const g = t.records[0]?.geometry;
    if (g?.type !== 'Polygon') throw new Error('expected a polygon');
    expect(g.coordinates).toHaveLength(2); // the 圈号 2 ring is a hole
    expect(g.coordinates[0]).toHaveLength(5); // closed
  });

  it('as projects: each parcel a site, positions within 1 m of proj4’s own inverse', async () => {
    const t = await table('界址点.txt', enc(txt));
    const i = interpret(t, '界址点.txt', 'primary');
    expect(i.rows.map((r) => r.project.properties.name)).toEqual(['东海小学用地', '晋江二幼用地']);
    const site = i.rows[0]?.project.properties.site?.coordinates[0] ?? [];
    const [e = 0, n = 0] = outer[0] ?? [];
    expect(metres(site[0] ?? [], proj4(gk40, 'WGS84').forward([e, n]))).toBeLessThan(1);
    expect(i.rows[1]?.project.properties.countyCode).toBe('350582');
  });

  it('without 带号 and without the zone prefix the points decide the zone; 西安80 is refused with its own message', async () => {
    const gk = '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
    const pts = [
      [118.6446, 24.8826],
      [118.6456, 24.8826],
      [118.6456, 24.8836],
    ].map((p) => proj4('WGS84', gk).forward(p));
    const bare = [
      '[属性描述]',
      '坐标系=2000国家大地坐标系',
      '[地块坐标]',
      '3,1,B,无带号地块,面,,,,@',
      ...lines(1, pts),
    ].join('\n');
    const t = await table('b.txt', enc(bare));
    expect(t.declaredCrs).toBe(null);
    expect(initialChoices(t, 'b.txt', ctx.index.bbox, boundaries)).toMatchObject({ crs: 'EPSG:4549', reason: 'fit' });
    const xian = await read('x.txt', enc(bare.replace('2000国家大地坐标系', '80西安坐标系')));
    expect(xian.ok ? null : xian.error.code).toBe('landTxtDatum');
  });
});

describe('containers and layers', () => {
  it('a zip holding a GeoJSON and a CSV lists both and reads the one picked', async () => {
    const csv = '学校名称,学段,经度,纬度\n东海小学,小学,118.6446,24.8826\n';
    const zip = zipSync({ 'data/350500_full.json': real('datav-350500_full.json'), 'data/schools.csv': strToU8(csv) });
    const t = await table('bundle.zip', zip);
    expect(t.layers?.map((l) => [l.name, l.format, l.count])).toEqual([
      ['350500_full.json', 'geojson', 12],
      ['schools.csv', 'csv', 1],
    ]);
    expect(t.layer).toBe('350500_full.json');
    const schools = await table('bundle.zip', zip, 'schools.csv');
    expect(schools.format).toBe('csv');
    expect(interpret(schools, 'bundle.zip').rows[0]?.project.properties.name).toBe('东海小学');
    const missing = await read('bundle.zip', zip, 'nope');
    expect(missing.ok ? '' : missing.error.code).toBe('layerNotFound');
  });

  it('two Shapefiles picked together are two layers, each with its geometry type, count and code page', async () => {
    const parts = [
      ...Object.entries(unzipSync(real('shpjs-codepage.zip'))),
      ...Object.entries(unzipSync(real('shpjs-utf.zip'))),
    ].map(([name, bytes]) => ({ name, bytes }));
    const file = combineFiles(parts);
    if (!file) throw new Error('expected a file');
    const t = await table(file.name, file.bytes);
    expect(t.layers?.map((l) => [l.name, l.format, l.geometry, l.count])).toEqual([
      ['codepage', 'shapefile', 'Point', 2],
      ['utf', 'shapefile', 'Point', 2],
    ]);
    // the .cpg says ANSI 1250: Czech text reads right
    expect(t).toMatchObject({ encoding: 'windows-1250', encodingFrom: 'cpg' });
    expect(t.records.flatMap((r) => r.values)).toContain('Hněvošický háj');
    const utf = await table(file.name, file.bytes, 'utf');
    expect(utf.records.flatMap((r) => r.values)).toContain('💩');
  });

  it('a zip with a .dbf and no .shp, and a lone .shp, each get a message that says what to add', async () => {
    const noShp = await read('noshp.zip', real('shpjs-noshp.zip'));
    expect(noShp.ok ? null : noShp.error).toEqual({ code: 'zipNoData', params: { expected: '.shp' } });
    const alone = await read('ipra_dresden_polygon.shp', real('shpjs-ipra_dresden_polygon.shp'));
    expect(alone.ok ? null : alone.error.code).toBe('shpAlone');
  });

  it('TopoJSON objects are layers (world-atlas): the first is read, another on request', async () => {
    const bytes = real('world-atlas-countries-110m.json');
    const t = await table('countries-110m.json', bytes);
    expect(t.format).toBe('topojson');
    expect(t.layers?.map((l) => [l.name, l.count])).toEqual([
      ['countries', 177],
      ['land', 1],
    ]);
    expect(new Set(t.records.map((r) => r.n)).size).toBe(177);
    const land = await table('countries-110m.json', bytes, 'land');
    expect(land.layer).toBe('land');
    expect(new Set(land.records.map((r) => r.n)).size).toBe(1);
    const r = await runImport([
      join('tests', 'fixtures', 'real', 'world-atlas-countries-110m.json'),
      '--layer',
      'land',
    ]);
    expect(JSON.parse(r.stderr)).toMatchObject({ format: 'topojson', layer: 'land', records: 1 });
  });
});

describe('the command line', () => {
  it('takes the parts of one Shapefile as several FILEs, and exits 2 with a message when a file cannot be read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qz-cli-'));
    const paths = Object.entries(unzipSync(real('shpjs-codepage.zip')))
      .filter(([name]) => /\.(shp|dbf|prj|cpg)$/.test(name))
      .map(([name, bytes]) => {
        writeFileSync(join(dir, name), bytes);
        return join(dir, name);
      });
    const r = await runImport([...paths, '--target', 'existing', '--default-kind', '小学']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stderr)).toMatchObject({
      format: 'shapefile',
      encoding: 'windows-1250',
      encodingFrom: 'cpg',
      crs: { chosen: 'wgs84', why: 'declared' },
      records: 2,
    });
    expect(JSON.parse(r.stdout)).toMatchObject({ type: 'FeatureCollection', qzReference: { kind: 'existingSchools' } });
    const bad = await runImport([join(dir, 'codepage.dbf')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Only one part of a Shapefile');
    const usage = await runImport(['--target', 'nowhere', 'x.csv']);
    expect([usage.code, usage.stderr]).toEqual([2, expect.stringContaining('usage: npm run -s import')]);
  });

  it('runs as `npm run -s import`: stdout our GeoJSON export, stderr one JSON report, exit 0', () => {
    const csv = join(mkdtempSync(join(tmpdir(), 'qz-cli-')), '学校.csv');
    writeFileSync(
      csv,
      '学校名称,学段,经度,纬度,学位数\n东海实验小学,小学,118.6446,24.8826,2160\n某地,小学,116.4,39.9,900\n',
    );
    const r = spawnSync('npx', ['tsx', 'scripts/import.ts', csv], {
      cwd: join(import.meta.dirname, '..', '..'),
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as {
      scenario: { imported: { crs: string } };
      features: { properties: { seats: number } }[];
    };
    expect(out.features.map((f) => f.properties.seats)).toEqual([2160]);
    expect(JSON.parse(r.stderr)).toMatchObject({ accepted: 1, refused: { rows: 1, byReason: { outsideArea: 1 } } });
  }, 30_000);
});

describe('columns, names and code pages', () => {
  it('a numeric `type` column is not the kind; the default kind fills every row whose value is not a kind, one warning per value', async () => {
    const csv = ['name,type,lon,lat', 'A,1,118.6446,24.8826', 'B,2,118.6456,24.8836', 'C,1,118.6466,24.8846'].join(
      '\n',
    );
    const t = await table('t.csv', enc(csv));
    const c = initialChoices(t, 't.csv', ctx.index.bbox, boundaries);
    expect(c.mapping.kind).toBe(null);
    expect(c.notes).toContainEqual({ code: 'kindRejected', column: 'type', examples: '1, 2' });
    // a column mostly of kinds, with one stray value: the default kind takes the stray rows, said once
    const mixed = [
      '名称,学段,经度,纬度',
      '甲,小学,118.6446,24.8826',
      '乙,其他,118.6456,24.8836',
      '丙,其他,118.6466,24.8846',
      '丁,初中,118.6476,24.8856',
    ].join('\n');
    const i = interpret(await table('m.csv', enc(mixed)), 'm.csv', 'kindergarten');
    expect(i.rows.map((r) => r.project.properties.kind)).toEqual(['primary', 'kindergarten', 'kindergarten', 'junior']);
    expect(i.problems.filter((p) => p.code === 'kindDefaulted')).toEqual([
      {
        row: 3,
        code: 'kindDefaulted',
        severity: 'warning',
        field: '学段',
        params: { value: '其他', count: 2, kind: 'kindergarten' },
      },
    ]);
  });

  it('names come from the column with names in it (an empty NAME loses to FCNAME)', async () => {
    const csv = [
      'NAME,FCNAME,lon,lat,kind',
      ',东海小学,118.6446,24.8826,小学',
      ',晋江二幼,118.5778,24.8131,幼儿园',
    ].join('\n');
    const t = await table('n.csv', enc(csv));
    const c = initialChoices(t, 'n.csv', ctx.index.bbox, boundaries);
    expect(c.notes).toContainEqual({ code: 'nameFromOther', column: 'FCNAME', instead: 'NAME' });
    expect(interpret(t, 'n.csv').rows.map((r) => r.project.properties.name)).toEqual(['东海小学', '晋江二幼']);
  });

  it('a DBF’s language driver byte names its code page before any guess (built here: GBK, LDID 0x4D, no .cpg)', async () => {
    const shp = unzipSync(real('shpjs-utf.zip'))['utf.shp'];
    if (!shp) throw new Error('expected a .shp');
    const gbk = (s: string): Uint8Array => {
      // 中 and 学 in GBK, written out by hand so no encoder of ours is involved
      const table: Record<string, number[]> = { 中: [0xd6, 0xd0], 学: [0xd1, 0xa7] };
      return Uint8Array.from(Array.from(s).flatMap((ch) => table[ch] ?? [ch.charCodeAt(0)]));
    };
    const dbf = new Uint8Array(32 + 32 + 1 + 2 * 11 + 1);
    const v = new DataView(dbf.buffer);
    dbf.set([3, 124, 1, 1]);
    v.setUint32(4, 2, true);
    v.setUint16(8, 65, true);
    v.setUint16(10, 11, true);
    dbf[29] = 0x4d; // Chinese GBK (code page 936)
    dbf.set(enc('MC'), 32);
    dbf[43] = 0x43;
    dbf[48] = 10;
    dbf[64] = 0x0d;
    dbf.fill(0x20, 65, 87);
    dbf.set(gbk('中学'), 66);
    dbf.set(gbk('学'), 77);
    dbf[87] = 0x1a;
    const t = await table('gbk.zip', zipSync({ 'gbk.shp': shp, 'gbk.dbf': dbf }));
    expect(t).toMatchObject({ encoding: 'gb18030', encodingFrom: 'ldid' });
    expect(t.records.map((r) => r.values[0])).toEqual(['中学', '学']);
  });
});

/**
 * A plain (not Geo-) TIFF written byte by byte: 4 × 4 float32, one strip, no georeferencing tags at all
 * (geotiff.js's writer always adds them).
 */
function plainTiff(): Uint8Array {
  const tags: [number, number, number, number][] = [
    // tag, type (3 SHORT, 4 LONG), count, value
    [256, 3, 1, 4], // ImageWidth
    [257, 3, 1, 4], // ImageLength
    [258, 3, 1, 32], // BitsPerSample
    [259, 3, 1, 1], // Compression: none
    [262, 3, 1, 1], // PhotometricInterpretation: min-is-black
    [273, 4, 1, 0], // StripOffsets (patched below)
    [277, 3, 1, 1], // SamplesPerPixel
    [278, 3, 1, 4], // RowsPerStrip
    [279, 4, 1, 64], // StripByteCounts
    [339, 3, 1, 3], // SampleFormat: IEEE float
  ];
  const ifd = 8;
  const data = ifd + 2 + tags.length * 12 + 4;
  const out = new Uint8Array(data + 64);
  const v = new DataView(out.buffer);
  out.set([0x49, 0x49, 42, 0]);
  v.setUint32(4, ifd, true);
  v.setUint16(ifd, tags.length, true);
  tags.forEach(([tag, type, count, value], i) => {
    const o = ifd + 2 + i * 12;
    v.setUint16(o, tag, true);
    v.setUint16(o + 2, type, true);
    v.setUint32(o + 4, count, true);
    if (type === 3) v.setUint16(o + 8, value, true);
    else v.setUint32(o + 8, tag === 273 ? data : value, true);
  });
  for (let i = 0; i < 16; i++) v.setFloat32(data + i * 4, 5, true);
  return out;
}

describe('rasters and messages', () => {
  const tiff = (values: ArrayLike<number>, extra: Record<string, unknown>): Uint8Array =>
    new Uint8Array(writeArrayBuffer(values as number[], { width: 4, height: 4, ...extra }));

  it('an 8-bit RGB picture is not a population surface, and the message says what was found (built here)', async () => {
    const rgb = Uint8Array.from({ length: 48 }, (_, i) => (i * 37) % 256);
    const r = await read(
      'world.tif',
      tiff(rgb, {
        SamplesPerPixel: 3,
        BitsPerSample: [8, 8, 8],
        PhotometricInterpretation: 2,
        ModelPixelScale: [0.01, 0.01, 0],
        ModelTiepoint: [0, 0, 0, 118.5, 24.95, 0],
        GeographicTypeGeoKey: 4326,
        GTModelTypeGeoKey: 2,
      }),
    );
    expect(r.ok ? null : r.error.code).toBe('notPopulation');
    expect(r.ok ? '' : String(r.error.params?.found)).toContain('3 band(s), 8-bit uint');
  });

  it('a TIFF without georeferencing and one in a user-defined system each say what is wrong', async () => {
    const plain = await read('plain.tif', plainTiff());
    expect(plain.ok ? null : plain.error.code).toBe('tiffNoGeo');
    const user = await read(
      'user.tif',
      tiff(new Float32Array(16).fill(5), {
        SampleFormat: [3],
        BitsPerSample: [32],
        ModelPixelScale: [10, 10, 0],
        ModelTiepoint: [0, 0, 0, 500000, 2750000, 0],
        GTModelTypeGeoKey: 1,
        ProjectedCSTypeGeoKey: 32767,
      }),
    );
    expect(user.ok ? null : user.error).toEqual({ code: 'tiffCrs', params: { code: 'user-defined (32767)' } });
  });

  it('a file without coordinates says so before it says it is too large to import', async () => {
    const rows = Array.from({ length: 20_001 }, (_, i) => `学校${i},小学,900`).join('\n');
    const t = await table('big.csv', enc(`名称,类型,学位\n${rows}\n`));
    const c = initialChoices(t, 'big.csv', ctx.index.bbox);
    const r = interpretProjects(
      t,
      {
        mapping: c.mapping,
        crs: c.crs,
        swapped: false,
        defaultKind: null,
        defaultYear: 2025,
        newId: () => 'x',
        source: () => '',
      },
      ctx,
    );
    expect(r.ok ? null : r.error.code).toBe('noCoordinates');
  });
});
