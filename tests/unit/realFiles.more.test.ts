/**
 * Containers, the command line, columns and rasters: the importer against files nobody here wrote (tests/fixtures/real/SOURCES.md), through the codecs and
 * the command line, and against the formats' own shapes where no public file was found (built here,
 * each marked). Positions are checked against conversions that share no code with ours (tests/helpers/gcj.ts,
 * proj4 directly).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { writeArrayBuffer } from 'geotiff';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../scripts/lib/importCli';
import { initialChoices } from '../../src/core/io/choices';
import { combineFiles } from '../../src/core/io/combine';
import { interpretProjects } from '../../src/core/io/interpret';

import { ctx, boundaries, real, enc, read, table, interpret } from '../helpers/realFiles';

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
