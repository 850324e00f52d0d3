/**
 * Our GIS exports read back by GDAL (Debian's gdal-bin: ogrinfo, ogr2ogr, gdaltransform; .ci/run installs
 * it): layer names, feature counts, geometry types, the CRS GDAL reports, Chinese attribute values, and
 * the coordinates of a known project — projected to 0.01 m against PROJ's own transformation, geographic
 * to 1e-7°. GDAL is not our code: what it reads is what ArcGIS and QGIS users will see.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildGisExport } from '../../src/core/export/gisFiles';
import { gisOptions, gisScenario } from '../helpers/gisScenario';

const hasGdal = ((): boolean => {
  try {
    execFileSync('ogrinfo', ['--version']);
    return true;
  } catch {
    return false;
  }
})();
if (!hasGdal && process.env.CI) throw new Error('GDAL (gdal-bin) is required in CI: .ci/run installs it');

const run = (cmd: string, args: string[], input?: string): string =>
  execFileSync(cmd, args, { encoding: 'utf8', input, env: { ...process.env, SHAPE_ENCODING: '' } });
const dir = mkdtempSync(join(tmpdir(), 'qz-gis-'));
const scenario = gisScenario();
const known = scenario.features[0];
if (!known) throw new Error('no project');
const [lon = 0, lat = 0] = known.geometry.coordinates;

/** Features of a layer as GeoJSON, by GDAL (optionally reprojected to WGS84 by PROJ). */
function features(
  path: string,
  layer?: string,
  toWgs84 = false,
): { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[] {
  const args = ['-f', 'GeoJSON', '/vsistdout/', path, ...(layer ? [layer] : [])];
  if (toWgs84) args.unshift('-t_srs', 'EPSG:4326');
  const out = JSON.parse(run('ogr2ogr', args)) as { features: ReturnType<typeof features> };
  return out.features;
}
const info = (path: string, layer: string): string => run('ogrinfo', ['-so', '-ro', path, layer]);

describe.skipIf(!hasGdal)('GIS exports as GDAL reads them', () => {
  it('Shapefile in CGCS2000 GK 117°E: two layers, the CRS, Chinese fields and values, coordinates to 0.01 m', () => {
    const f = buildGisExport('shapefile', scenario, gisOptions('EPSG:4548'));
    const zip = join(dir, 'gk117.zip');
    writeFileSync(zip, f.data);
    const files = Object.keys(unzipSync(f.data as Uint8Array)).sort();
    expect(files).toEqual(
      ['projects', 'sites'].flatMap((n) => ['cpg', 'dbf', 'prj', 'shp', 'shx'].map((e) => `${n}.${e}`)).sort(),
    );
    const vsi = `/vsizip/${zip}`;
    const points = info(vsi, 'projects');
    expect(points).toContain('Geometry: Point');
    expect(points).toContain(`Feature Count: ${scenario.features.length}`);
    expect(points).toContain('PROJCRS["CGCS2000 / 3-degree Gauss-Kruger CM 117E"');
    expect(points).toMatch(/学位: Integer \(7\.0\)/);
    expect(points).toMatch(/投资: Real \(14\.2\)/);
    expect(points).toMatch(/导出日: Date/);
    const sites = info(vsi, 'sites');
    expect(sites).toContain('Geometry: Polygon');
    expect(sites).toContain('Feature Count: 2');

    const [expectE = 0, expectN = 0] = run(
      'gdaltransform',
      ['-s_srs', 'EPSG:4326', '-t_srs', 'EPSG:4548', '-output_xy'],
      `${lon} ${lat}\n`,
    )
      .trim()
      .split(/\s+/)
      .map(Number);
    const first = features(vsi, 'projects').find((x) => x.properties.ID === known.id);
    expect(first?.properties).toMatchObject({
      名称: known.properties.name,
      类型: '小学',
      区县: '鲤城区',
      学位: known.properties.seats,
      年度: 2022,
      导出日: '2026-11-30',
    });
    const [e = 0, n = 0] = first?.geometry.coordinates as number[];
    expect(Math.abs(e - expectE)).toBeLessThan(0.01);
    expect(Math.abs(n - expectN)).toBeLessThan(0.01);
    // back to WGS84 through the .prj, by PROJ
    const back = features(vsi, 'projects', true).find((x) => x.properties.ID === known.id);
    const [bl = 0, bb = 0] = back?.geometry.coordinates as number[];
    expect(Math.abs(bl - lon)).toBeLessThan(1e-7);
    expect(Math.abs(bb - lat)).toBeLessThan(1e-7);
    // the site with a courtyard: two rings, outer and hole, back where they were
    const ring = features(vsi, 'sites', true).find((x) => x.properties.ID === scenario.features[1]?.id);
    expect(ring?.geometry.type).toBe('Polygon');
    expect((ring?.geometry.coordinates as unknown[]).length).toBe(2);
  });

  it('Shapefile with the zone number (zone 40, 120°E) and in WGS84', () => {
    const z40 = join(dir, 'z40.zip');
    writeFileSync(z40, buildGisExport('shapefile', scenario, gisOptions('EPSG:4528')).data);
    const text = info(`/vsizip/${z40}`, 'projects');
    expect(text).toContain('CGCS2000 / 3-degree Gauss-Kruger zone 40');
    const p = features(`/vsizip/${z40}`, 'projects').find((x) => x.properties.ID === known.id);
    expect((p?.geometry.coordinates as number[])[0]).toBeGreaterThan(40_000_000);
    const wgs = join(dir, 'wgs.zip');
    writeFileSync(wgs, buildGisExport('shapefile', scenario, gisOptions('EPSG:4326')).data);
    expect(info(`/vsizip/${wgs}`, 'projects')).toMatch(/GEOGCRS\["WGS 84"/);
    const q = features(`/vsizip/${wgs}`, 'projects').find((x) => x.properties.ID === known.id);
    expect(q?.geometry.coordinates).toEqual([lon, lat]);
  });

  it('site outlines as polygon features (GeoJSON)', () => {
    const path = join(dir, 'sites.geojson');
    writeFileSync(path, buildGisExport('sites', scenario, gisOptions('EPSG:4326')).data);
    const text = run('ogrinfo', ['-so', '-ro', '-al', path]);
    expect(text).toContain('Geometry: Polygon');
    expect(text).toContain('Feature Count: 2');
    expect(features(path)[0]?.properties).toMatchObject({ projectId: known.id, name: known.properties.name });
  });

  it('KML and KMZ: one placemark per project in folders by kind, names, fields and site outlines', () => {
    for (const kind of ['kml', 'kmz'] as const) {
      const path = join(dir, `doc.${kind}`);
      writeFileSync(path, buildGisExport(kind, scenario, gisOptions('EPSG:4326')).data);
      const layers = run('ogrinfo', ['-ro', '-q', path]);
      expect(layers).toContain('小学');
      expect(layers).toContain('幼儿园');
      const all = features(path, '小学');
      const p = all.find((x) => x.properties.Name === known.properties.name);
      expect(p?.properties).toMatchObject({ seats: String(known.properties.seats), county: '鲤城区' });
      expect(p?.geometry.type).toBe('GeometryCollection');
      const [pt] = (p?.geometry as unknown as { geometries: { coordinates: number[] }[] }).geometries;
      expect(Math.abs((pt?.coordinates[0] ?? 0) - lon)).toBeLessThan(1e-7);
      expect(Math.abs((pt?.coordinates[1] ?? 0) - lat)).toBeLessThan(1e-7);
    }
  });

  it('the GCJ-02 KML is offset as 高德 is (hundreds of metres), and says so', () => {
    const path = join(dir, 'gcj.kml');
    const f = buildGisExport('kml', scenario, gisOptions('EPSG:4326', { kmlDatum: 'gcj02' }));
    expect(String(f.data)).toContain('GCJ-02');
    writeFileSync(path, f.data);
    const p = features(path, '小学').find((x) => x.properties.Name === known.properties.name);
    const [pt] = (p?.geometry as unknown as { geometries: { coordinates: number[] }[] }).geometries;
    const dx = ((pt?.coordinates[0] ?? 0) - lon) * 101_000;
    const dy = ((pt?.coordinates[1] ?? 0) - lat) * 111_000;
    expect(Math.hypot(dx, dy)).toBeGreaterThan(300);
    expect(Math.hypot(dx, dy)).toBeLessThan(800);
  });

  it('projected GeoJSON and CSV: the CRS and the known project to 0.01 m', () => {
    const gj = join(dir, 'gk.geojson');
    writeFileSync(gj, buildGisExport('geojsonProjected', scenario, gisOptions('EPSG:4549')).data);
    expect(run('ogrinfo', ['-so', '-ro', '-al', gj])).toContain('CGCS2000 / 3-degree Gauss-Kruger CM 120E');
    const [expectE = 0, expectN = 0] = run(
      'gdaltransform',
      ['-s_srs', 'EPSG:4326', '-t_srs', 'EPSG:4549', '-output_xy'],
      `${lon} ${lat}\n`,
    )
      .trim()
      .split(/\s+/)
      .map(Number);
    const p = features(gj).find((x) => x.properties.name === known.properties.name);
    const [e = 0, n = 0] = p?.geometry.coordinates as number[];
    expect(Math.abs(e - expectE)).toBeLessThan(0.01);
    expect(Math.abs(n - expectN)).toBeLessThan(0.01);

    const csv = join(dir, 'gk.csv');
    writeFileSync(csv, buildGisExport('csvProjected', scenario, gisOptions('EPSG:4549')).data);
    // X is the northing and Y the easting: GDAL is told so, as a surveyor's file is read
    const rows = features(csv).map((x) => x.properties);
    const header = Object.keys(rows[0] ?? {});
    expect(header[1]).toMatch(/^X（北坐标，米，CGCS2000/);
    expect(header[2]).toMatch(/^Y（东坐标，米，CGCS2000/);
    const row = rows.find((r) => r['编号'] === known.id);
    expect(Math.abs(Number(row?.[header[1] ?? '']) - expectN)).toBeLessThan(0.01);
    expect(Math.abs(Number(row?.[header[2] ?? '']) - expectE)).toBeLessThan(0.01);
  });

  it('an empty scenario exports a valid, empty Shapefile', () => {
    const empty = { ...scenario, features: [] };
    const path = join(dir, 'empty.zip');
    writeFileSync(path, buildGisExport('shapefile', empty, gisOptions('EPSG:4548')).data);
    expect(info(`/vsizip/${path}`, 'projects')).toContain('Feature Count: 0');
  });
});
