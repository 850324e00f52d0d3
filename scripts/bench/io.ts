/**
 * Import/export speed in Node (the same code the io worker runs): reading a large CSV, a GeoJSON of
 * many features and an XLSX; interpreting the rows into projects; building a population surface from
 * a raster the size of WorldPop 100 m over Quanzhou; writing the scenario GeoJSON.
 */
import { createCountyLocator } from '../../src/core/geodata/locate';
import { indexReference } from '../../src/core/geodata/reference';
import type { EditContext } from '../../src/core/edits/build';
import { writeScenarioGeoJson } from '../../src/core/io/geojson';
import { initialChoices } from '../../src/core/io/choices';
import { interpretProjects } from '../../src/core/io/interpret';
import { buildPopulationSurface } from '../../src/core/io/population';
import { readFile } from '../../src/core/io/registry';
import type { RawTable } from '../../src/core/io/types';
import { writeXlsx } from '../../src/core/io/xlsx';
import { readReference } from '../lib/reference';
import type { Figure } from './startup';
import { buildGisExport } from '../../src/core/export/gisFiles';
import { KIND_COLORS } from '../../layers/symbols';

const ms = (t0: number): number => Math.round((performance.now() - t0) * 10) / 10;

async function timed<T>(fn: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await fn();
  return { value, ms: ms(t0) };
}

export async function ioFigures(): Promise<Figure[]> {
  const ref = readReference();
  const index = indexReference(ref);
  const ctx: EditContext = { index, locateCounty: createCountyLocator(ref.counties) };
  const kinds = ['幼儿园', '小学', '初中', '高中'];
  const row = (i: number): string =>
    `项目${i},${kinds[i % 4]},${(118.3 + (i % 100) * 0.002).toFixed(6)},${(25.0 + (Math.floor(i / 100) % 100) * 0.001).toFixed(6)},"1,080",24,2024`;
  const csv = (n: number): Uint8Array =>
    new TextEncoder().encode(
      `名称,类型,经度,纬度,学位,班级,年份\n${Array.from({ length: n }, (_, i) => row(i)).join('\n')}\n`,
    );

  const big = csv(200_000);
  const read200k = await timed(() => readFile({ name: 'big.csv', bytes: big }, { ref: index }));
  const small = await readFile({ name: 's.csv', bytes: csv(20_000) }, { ref: index });
  if (!small.ok) throw new Error('csv');
  const table: RawTable = small.value;
  const choices = initialChoices(table, 's.csv', index.bbox);
  let n = 0;
  const interp = await timed(() =>
    interpretProjects(
      table,
      { ...choices, defaultKind: null, defaultYear: 2024, newId: () => `b${++n}`, source: () => '' },
      ctx,
    ),
  );
  if (!interp.value.ok || interp.value.value.rows.length !== 20_000) throw new Error('interpret');
  const projects = interp.value.value.rows.map((r) => r.project);

  const scenario = {
    type: 'FeatureCollection' as const,
    scenario: { id: 'b', name: 'bench', planYear: 2024, illustrative: false, schemaVersion: 2 as const },
    features: projects,
  };
  const write = await timed(() =>
    writeScenarioGeoJson(scenario, {
      app: 'qz',
      appVersion: '0',
      schemaVersion: 2,
      exportedAt: '',
      createdAt: null,
      modifiedAt: null,
      crs: 'EPSG:4326',
    }),
  );
  const gj = new TextEncoder().encode(write.value);
  const readOwn = await timed(() => readFile({ name: 'b.geojson', bytes: gj }, { ref: index }));
  if (!readOwn.value.ok || readOwn.value.value.scenario?.features.length !== 20_000) throw new Error('geojson');

  const xlsxBytes = await writeXlsx([
    {
      name: 's',
      header: ['名称', '类型', '经度', '纬度', '学位'],
      rows: projects
        .slice(0, 5000)
        .map((p) => [
          p.properties.name,
          '小学',
          p.geometry.coordinates[0] ?? 0,
          p.geometry.coordinates[1] ?? 0,
          p.properties.seats,
        ]),
    },
  ]);
  const readX = await timed(() => readFile({ name: 'b.xlsx', bytes: xlsxBytes }, { ref: index }));
  if (!readX.value.ok) throw new Error('xlsx');

  // a 1,500 × 1,600 raster at ~100 m (WorldPop 100 m over the city), 1 person per pixel
  const width = 1500;
  const height = 1600;
  const raster: RawTable = {
    format: 'geotiff',
    unit: 'feature',
    columns: [],
    records: [],
    problems: [],
    declaredCrs: 'wgs84',
    raster: {
      width,
      height,
      bbox: [117.58, 24.4, 119.08, 26.0],
      values: new Float32Array(width * height).fill(1),
      noData: null,
    },
  };
  const counties = ref.counties.features.map((f) => f.properties.adcode);
  const pop = await timed(() =>
    buildPopulationSurface(
      raster,
      { mapping: choices.mapping, crs: 'wgs84', swapped: false, description: 'bench' },
      ctx.locateCounty,
      counties,
      index.bbox,
    ),
  );
  if (!pop.value.ok) throw new Error('population');

  // GIS exports of 10,000 projects: time and size
  const tenK = { ...scenario, features: projects.slice(0, 10_000) };
  const gis = {
    lang: 'zh' as const,
    index,
    crs: 'EPSG:4548' as const,
    kmlDatum: 'wgs84' as const,
    kindColors: KIND_COLORS,
    now: Date.now(),
  };
  const shp = await timed(() => buildGisExport('shapefile', tenK, gis));
  const kmzFile = await timed(() => buildGisExport('kmz', tenK, gis));
  const size = (d: string | Uint8Array): number => Math.round((typeof d === 'string' ? d.length : d.length) / 1024);
  const readShp = await timed(() =>
    readFile({ name: 'b.zip', bytes: shp.value.data as Uint8Array }, { ref: index, layer: 'projects' }),
  );
  if (!readShp.value.ok || readShp.value.value.records.length !== 10_000) throw new Error('shapefile round trip');

  return [
    { name: 'io: Shapefile (GK 117°E), 10k projects', value: shp.ms, unit: 'ms', lowerIsBetter: true },
    { name: 'io: Shapefile zip size, 10k projects', value: size(shp.value.data), unit: 'KB', lowerIsBetter: true },
    { name: 'io: read our Shapefile back, 10k', value: readShp.ms, unit: 'ms', lowerIsBetter: true },
    { name: 'io: KMZ, 10k projects', value: kmzFile.ms, unit: 'ms', lowerIsBetter: true },
    { name: 'io: KMZ size, 10k projects', value: size(kmzFile.value.data), unit: 'KB', lowerIsBetter: true },
    { name: 'io: read CSV, 200k rows', value: read200k.ms, unit: 'ms', lowerIsBetter: true },
    { name: 'io: interpret 20k rows into projects', value: interp.ms, unit: 'ms', lowerIsBetter: true },
    { name: 'io: write scenario GeoJSON, 20k', value: write.ms, unit: 'ms', lowerIsBetter: true },
    { name: 'io: read own GeoJSON, 20k (validated)', value: readOwn.ms, unit: 'ms', lowerIsBetter: true },
    { name: 'io: read XLSX, 5k rows', value: readX.ms, unit: 'ms', lowerIsBetter: true },
    { name: 'io: population from 2.4M-pixel raster', value: pop.ms, unit: 'ms', lowerIsBetter: true },
  ];
}

if (process.argv[1]?.endsWith('io.ts')) {
  for (const f of await ioFigures()) console.log(`${f.name.padEnd(42)} ${f.value} ${f.unit}`);
}
