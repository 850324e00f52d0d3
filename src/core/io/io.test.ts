import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { editContext } from '../../../tests/helpers/scenarioFixture';
import { decodeSurface } from '../analysis/surfaceCodec';
import { existingFromRows } from './existing';
import { kindergartenRates } from '../plan/progress';
import { initialChoices } from './choices';
import { interpretProjects, type Interpretation } from './interpret';
import { buildPopulationSurface } from './population';
import { readFile } from './registry';
import type { RawTable } from './types';
import { loadReference } from '../../../tests/helpers/reference';
import { createCountyLocator } from '../geodata/locate';

const fixture = (name: string): { name: string; bytes: Uint8Array } => ({
  name,
  bytes: new Uint8Array(readFileSync(new URL(`../../../tests/fixtures/io/${name}`, import.meta.url))),
});

/** The known points the fixture script wrote (WGS84). */
const KNOWN = [
  {
    name: '丰泽区东海实验小学',
    kind: 'primary',
    lon: 118.6446,
    lat: 24.8826,
    seats: 2160,
    classes: 48,
    county: '350503',
  },
  {
    name: '晋江市第二实验幼儿园',
    kind: 'kindergarten',
    lon: 118.5778,
    lat: 24.8131,
    seats: 360,
    classes: 12,
    county: '350582',
  },
  {
    name: '南安市柳城初级中学',
    kind: 'junior',
    lon: 118.3861,
    lat: 24.9603,
    seats: 1800,
    classes: 36,
    county: '350583',
  },
] as const;

async function read(name: string): Promise<RawTable> {
  const r = await readFile(fixture(name), { ref: editContext().index });
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${JSON.stringify(r.error.params)}`);
  return r.value;
}

function interpret(
  table: RawTable,
  name: string,
  patch: Partial<Parameters<typeof interpretProjects>[1]> = {},
): Interpretation & { crs: string; swapped: boolean } {
  const ctx = editContext();
  const c = initialChoices(table, name, ctx.index.bbox);
  let n = 0;
  const r = interpretProjects(
    table,
    {
      mapping: c.mapping,
      crs: c.crs,
      swapped: c.swapped,
      defaultKind: null,
      defaultYear: 2025,
      newId: () => `t${++n}`,
      source: (row) => `${name}:${row}`,
      ...(table.prjWkt ? { prjWkt: table.prjWkt } : {}),
      ...patch,
    },
    ctx,
  );
  if (!r.ok) throw new Error(r.error.code);
  return { ...r.value, crs: patch.crs ?? c.crs, swapped: patch.swapped ?? c.swapped };
}

const near = (a: readonly number[], lon: number, lat: number, tol = 2e-6): boolean =>
  Math.abs((a[0] ?? 0) - lon) <= tol && Math.abs((a[1] ?? 0) - lat) <= tol;

describe('CSV', () => {
  it('reads a GBK CSV with a title row, 千分位, full-width digits, and lists bad rows by number', async () => {
    const t = await read('projects-gbk.csv');
    expect(t.encoding).toBe('gb18030');
    expect(t.columns.slice(0, 4)).toEqual(['学校名称', '学段', '经度', '纬度']);
    const r = interpret(t, 'projects-gbk.csv');
    expect(r.crs).toBe('wgs84');
    const byName = new Map(r.rows.map((x) => [x.project.properties.name, x]));
    for (const k of KNOWN) {
      const p = byName.get(k.name)?.project;
      expect(p?.properties).toMatchObject({
        kind: k.kind,
        seats: k.seats,
        classes: k.classes,
        countyCode: k.county,
        status: 'underConstruction',
        year: 2023,
      });
      expect(near(p?.geometry.coordinates ?? [], k.lon, k.lat)).toBe(true);
    }
    // row 6 (title row 1, header 2, three schools 3–5) has no coordinates; row 7 starts with a formula
    expect(r.problems).toContainEqual(expect.objectContaining({ row: 6, code: 'noGeometry', severity: 'error' }));
    expect(r.problems).toContainEqual(expect.objectContaining({ row: 7, code: 'formulaCell', severity: 'warning' }));
    expect(r.rows.find((x) => x.row === 7)?.project.properties.name).toBe("=cmd|' /C calc'!A0");
  });

  it('suggests GCJ-02 from a 高德 header and converts back to WGS84 within a metre', async () => {
    const t = await read('projects-gcj02.csv');
    const r = interpret(t, 'projects-gcj02.csv');
    expect(r.crs).toBe('gcj02');
    for (const k of KNOWN) {
      const p = r.rows.find((x) => x.project.properties.name === k.name)?.project;
      expect(near(p?.geometry.coordinates ?? [], k.lon, k.lat, 1e-5)).toBe(true);
    }
    // read as if WGS84, the same rows land 300–600 m away
    const wrong = interpret(t, 'x.csv', { crs: 'wgs84' });
    const p = wrong.rows[0]?.project.geometry.coordinates ?? [0, 0];
    expect(Math.abs((p[0] ?? 0) - KNOWN[0].lon) + Math.abs((p[1] ?? 0) - KNOWN[0].lat)).toBeGreaterThan(0.003);
  });

  it('detects swapped latitude and longitude and offers the fix', async () => {
    const t = await read('projects-swapped.csv');
    const r = interpret(t, 'projects-swapped.csv');
    expect(r.swapped).toBe(true);
    expect(r.rows).toHaveLength(3);
    const unswapped = interpret(t, 'projects-swapped.csv', { swapped: false });
    expect(unswapped.rows).toHaveLength(0);
    expect(unswapped.problems.filter((p) => p.code === 'outsideArea' || p.code === 'badCoordinate')).toHaveLength(3);
  });
});

describe('XLSX', () => {
  it('reads the first sheet with Chinese headers and numbers', async () => {
    const t = await read('projects.xlsx');
    expect(t.format).toBe('xlsx');
    expect(t.sheet).toBe('项目');
    const r = interpret(t, 'projects.xlsx');
    expect(r.rows.map((x) => x.project.properties.name)).toEqual(KNOWN.map((k) => k.name));
    expect(r.rows[0]?.project.properties).toMatchObject({ seats: 2160, classes: 48, investment: 12000, notes: '测试' });
  });
});

describe('XLSX with several sheets', () => {
  it('reads the sheet whose header names the most fields, not a notes sheet before it', async () => {
    const { writeXlsx } = await import('./xlsx');
    const bytes = await writeXlsx([
      { name: '说明', header: ['填表说明'], rows: [['坐标请用 WGS84'], ['学位为新增学位']] },
      {
        name: '项目清单',
        header: ['名称', '类型', '经度', '纬度', '学位'],
        rows: [[KNOWN[0].name, '小学', KNOWN[0].lon, KNOWN[0].lat, 2160]],
      },
    ]);
    const t = await readFile({ name: 'book.xlsx', bytes });
    expect(t.ok && t.value.sheet).toBe('项目清单');
    expect(t.ok && t.value.records.length).toBe(1);
  });
});

describe('KML and KMZ', () => {
  for (const name of ['survey.kml', 'survey.kmz']) {
    it(`${name}: points, outlines as site + centroid, lines refused`, async () => {
      const t = await read(name);
      const r = interpret(t, name);
      expect(r.rows).toHaveLength(2);
      const school = r.rows[0]?.project;
      expect(school?.properties).toMatchObject({ name: KNOWN[0].name, kind: 'primary', seats: 2160 });
      expect(near(school?.geometry.coordinates ?? [], KNOWN[0].lon, KNOWN[0].lat)).toBe(true);
      const outlined = r.rows[1]?.project;
      expect(outlined?.properties.site?.type).toBe('Polygon');
      expect(near(outlined?.geometry.coordinates ?? [], KNOWN[2].lon, KNOWN[2].lat, 1e-5)).toBe(true);
      // 160 m × 178 m square
      expect(outlined?.properties.landArea).toBeGreaterThan(27_000);
      expect(outlined?.properties.landArea).toBeLessThan(30_000);
      expect(r.problems).toContainEqual(
        expect.objectContaining({ row: 3, code: 'geometryType', params: { type: 'LineString' } }),
      );
    });
  }
});

describe('Shapefile', () => {
  for (const name of ['schools-4549.zip', 'schools-4549-nocpg.zip']) {
    it(`${name}: EPSG:4549 from the .prj, GBK attributes, known points to 1e-6°`, async () => {
      const t = await read(name);
      expect(t.declaredCrs).toBe('EPSG:4549');
      expect(t.encoding).toBe('gb18030');
      expect(t.columns).toEqual(['MC', 'LX', 'XW']);
      const r = interpret(t, name);
      expect(r.crs).toBe('EPSG:4549');
      expect(r.rows.map((x) => x.project.properties.name)).toEqual(KNOWN.map((k) => k.name));
      KNOWN.forEach((k, i) => {
        expect(near(r.rows[i]?.project.geometry.coordinates ?? [], k.lon, k.lat, 1e-6)).toBe(true);
        expect(r.rows[i]?.project.properties.seats).toBe(k.seats);
      });
    });
  }
});

describe('reference layers', () => {
  it('existing schools keep kind, seats and county', async () => {
    const r = interpret(await read('projects-gbk.csv'), 'schools.csv');
    const schools = existingFromRows(r.rows);
    expect(schools.find((s) => s.name === KNOWN[1].name)).toMatchObject({
      kind: 'kindergarten',
      seats: 360,
      countyCode: '350582',
    });
  });

  it('existing kindergartens keep the ownership and enrolment the file gives, and nothing the file does not say', async () => {
    const csv = [
      '园名,类型,经度,纬度,学位数,办园性质,在园幼儿数',
      '甲幼儿园,幼儿园,118.6446,24.8826,360,公办,300',
      '乙幼儿园,幼儿园,118.6450,24.8830,270,普惠性民办,',
    ].join('\n');
    const t = await readFile({ name: 'kg.csv', bytes: new TextEncoder().encode(csv) }, { ref: editContext().index });
    if (!t.ok) throw new Error(t.error.code);
    const schools = existingFromRows(interpret(t.value, 'kg.csv').rows);
    expect(schools.map((x) => [x.name, x.ownership, x.enrolled, x.seats])).toEqual([
      ['甲幼儿园', 'public', 300, 360],
      ['乙幼儿园', 'privateInclusive', null, 270],
    ]);
    // the rates then rest on these: enrolment where given, capacity where not
    expect(kindergartenRates([], schools).get('350503')).toMatchObject({
      publicRate: (300 / 570) * 100,
      basis: 'mixed',
    });
    // no ownership column: unknown, never the 公办 default a new project gets
    const bare = await readFile(
      { name: 'kg2.csv', bytes: new TextEncoder().encode('园名,类型,经度,纬度\n丙幼儿园,幼儿园,118.6446,24.8826') },
      { ref: editContext().index },
    );
    if (!bare.ok) throw new Error(bare.error.code);
    expect(existingFromRows(interpret(bare.value, 'kg2.csv').rows)[0]?.ownership).toBe(null);
  });

  it('a population GeoTIFF becomes a surface with its people in the right counties', async () => {
    const t = await read('population.tif');
    expect(t.raster?.width).toBe(20);
    const ref = loadReference();
    const ctx = editContext();
    const counties = ref.counties.features.map((f) => f.properties.adcode);
    const c = initialChoices(t, 'population.tif', ctx.index.bbox);
    const r = buildPopulationSurface(
      t,
      { ...c, description: 'test' },
      createCountyLocator(ref.counties),
      counties,
      ctx.index.bbox,
    );
    if (!r.ok) throw new Error(r.error.code);
    // 200 pixels × 100 people, part of them at sea
    expect(r.value.total + r.value.outside).toBeGreaterThan(19_900);
    expect(r.value.total + r.value.outside).toBeLessThan(20_100);
    expect(r.value.total).toBeGreaterThan(10_000);
    const d = decodeSurface(r.value.bytes.slice().buffer);
    expect(d.ok && d.value.header.totalPopulation).toBe(r.value.total);
    expect(d.ok && d.value.surface.modelled).toBe(false);
  });

  it('population points (CSV) sum to their total', async () => {
    const t = await read('population.csv');
    const ref = loadReference();
    const ctx = editContext();
    const c = initialChoices(t, 'population.csv', ctx.index.bbox);
    expect(c.mapping.population).toBe(2);
    const r = buildPopulationSurface(
      t,
      { ...c, description: 'test' },
      createCountyLocator(ref.counties),
      ref.counties.features.map((f) => f.properties.adcode),
      ctx.index.bbox,
    );
    expect(r.ok && r.value.total + r.value.outside).toBe(5000);
  });
});

describe('CSV and XLSX export', () => {
  const strip = (p: import('../model/project').ProjectFeature) => {
    const skip = new Set(['id', 'source', 'nameEn', 'zone', 'locationPrecision', 'site', 'landArea']);
    const rest = Object.fromEntries(Object.entries(p.properties).filter(([k]) => !skip.has(k)));
    return { ...rest, coordinates: p.geometry.coordinates };
  };

  for (const [lang, format] of [
    ['zh', 'csv'],
    ['en', 'csv'],
    ['zh', 'xlsx'],
  ] as const) {
    it(`the project table (${lang}, ${format}) re-imports as the same projects`, async () => {
      const { loadSeed } = await import('../../../tests/helpers/scenarioFixture');
      const { projectSheet } = await import('./sheets');
      const { writeCsv } = await import('./csv');
      const { writeXlsx } = await import('./xlsx');
      const seed = loadSeed();
      const ctx = editContext();
      const sheet = projectSheet(seed.features, lang, ctx.index, '项目');
      const bytes =
        format === 'csv' ? new TextEncoder().encode(writeCsv(sheet.header, sheet.rows)) : await writeXlsx([sheet]);
      const t = await readFile({ name: `out.${format}`, bytes }, { ref: ctx.index });
      if (!t.ok) throw new Error(t.error.code);
      const r = interpret(t.value, `out.${format}`);
      expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(r.rows.map((x) => strip(x.project))).toEqual(
        seed.features.map((p) =>
          strip({
            ...p,
            properties: {
              ...p.properties,
              ...(lang === 'en' && p.properties.nameEn ? { name: p.properties.nameEn } : {}),
            },
          }),
        ),
      );
    });
  }

  it('guards text cells against formula injection', async () => {
    const { csvCell } = await import('./csv');
    expect(['=cmd|x', '+1+2', '-A1', '@SUM(A1)', 'ok', '-5'].map(csvCell)).toEqual([
      `"'=cmd|x"`,
      `"'+1+2"`,
      `"'-A1"`,
      `"'@SUM(A1)"`,
      'ok',
      `"'-5"`,
    ]);
    expect(csvCell(-5)).toBe('-5');
  });
});

describe('population from polygons', () => {
  it('spreads each polygon over the cells it covers, in proportion to area, keeping the total', async () => {
    const ref = loadReference();
    const ctx = editContext();
    const square = (lon: number, lat: number, d: number): number[][][] => [
      [
        [lon, lat],
        [lon + d, lat],
        [lon + d, lat + d],
        [lon, lat + d],
        [lon, lat],
      ],
    ];
    const fc = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { 人口: 8000 },
          geometry: { type: 'Polygon', coordinates: square(118.6, 24.9, 0.02) },
        },
        {
          type: 'Feature',
          properties: { 人口: 500 },
          geometry: { type: 'Polygon', coordinates: square(118.55, 24.95, 0.001) },
        },
      ],
    };
    const t = await readFile({ name: 'pop.geojson', bytes: new TextEncoder().encode(JSON.stringify(fc)) });
    if (!t.ok) throw new Error(t.error.code);
    const c = initialChoices(t.value, 'pop.geojson', ctx.index.bbox);
    expect(c.mapping.population).toBe(0);
    const r = buildPopulationSurface(
      t.value,
      { ...c, description: 'polygons' },
      createCountyLocator(ref.counties),
      ref.counties.features.map((f) => f.properties.adcode),
      ctx.index.bbox,
    );
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.total + r.value.outside).toBeGreaterThan(8490);
    expect(r.value.total + r.value.outside).toBeLessThan(8510);
    const d = decodeSurface(r.value.bytes.slice().buffer);
    if (!d.ok) throw new Error(d.error);
    // the 2 km square covers ~8 × 9 cells of ~250 m: roughly equal shares; the tiny one sits in one cell
    const pops = [...d.value.surface.pop].sort((a, b) => b - a);
    expect(pops[0]).toBe(500);
    expect(pops.length).toBeGreaterThan(60);
    expect(Math.max(...pops.slice(1))).toBeLessThan(8000 / 50);
  });
});
