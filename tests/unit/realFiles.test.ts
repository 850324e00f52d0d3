/**
 * The importer against files nobody here wrote (tests/fixtures/real/SOURCES.md), through the codecs and
 * the command line, and against the formats' own shapes where no public file was found (built here,
 * each marked). Positions are checked against conversions that share no code with ours (tests/helpers/gcj.ts,
 * proj4 directly).
 */
import { join } from 'node:path';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../scripts/lib/importCli';
import { datumCandidates, initialChoices } from '../../src/core/io/choices';
import { toWgs84 } from '../../src/core/io/crs';
import { gcjToWgs } from '../helpers/gcj';

import { ctx, boundaries, real, enc, read, table, interpret, metres } from '../helpers/realFiles';

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
