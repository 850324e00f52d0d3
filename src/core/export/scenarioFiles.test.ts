import { describe, expect, it } from 'vitest';
import { loadIndex } from '../../../tests/helpers/reference';
import { loadSeed } from '../../../tests/helpers/scenarioFixture';
import { readXlsx } from '../io/xlsx';
import { buildExport, EXPORT_KINDS } from './scenarioFiles';

const index = loadIndex();
const seed = loadSeed();
const origin = { appVersion: '9.9.9', now: Date.UTC(2026, 10, 30, 8, 0) };

describe('scenario files', () => {
  it('names each file after the scenario, with the right type', async () => {
    const files = await Promise.all(EXPORT_KINDS.map((k) => buildExport(k, seed, null, 'zh', index, origin)));
    const name = seed.scenario.name;
    expect(files.map((f) => [f.name, f.mime.split(';')[0]])).toEqual([
      [`${name}.geojson`, 'application/geo+json'],
      [`${name}-GCJ02.geojson`, 'application/geo+json'],
      [`${name}.csv`, 'text/csv'],
      [`${name}.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      [`${name}-分区县统计.csv`, 'text/csv'],
    ]);
  });

  it('writes who exported it and when, and the dates storage knows', async () => {
    const dates = { createdAt: Date.UTC(2026, 0, 2), modifiedAt: Date.UTC(2026, 5, 7) };
    const f = await buildExport('geojson', seed, dates, 'en', index, origin);
    const meta = (JSON.parse(String(f.data)) as { qzExport: Record<string, unknown> }).qzExport;
    expect(meta).toMatchObject({
      appVersion: '9.9.9',
      exportedAt: '2026-11-30T08:00:00.000Z',
      createdAt: '2026-01-02T00:00:00.000Z',
      modifiedAt: '2026-06-07T00:00:00.000Z',
      crs: 'EPSG:4326',
    });
  });

  it('moves positions to GCJ-02 only in the GCJ-02 file (about 500 m in Quanzhou)', async () => {
    const read = async (kind: 'geojson' | 'geojsonGcj') =>
      (
        JSON.parse(String((await buildExport(kind, seed, null, 'zh', index, origin)).data)) as {
          features: { geometry: { coordinates: [number, number] } }[];
        }
      ).features[0]?.geometry.coordinates ?? [0, 0];
    const [w, g] = await Promise.all([read('geojson'), read('geojsonGcj')]);
    const metres = Math.hypot((g[0] - w[0]) * 101_000, (g[1] - w[1]) * 111_000);
    expect(metres).toBeGreaterThan(300);
    expect(metres).toBeLessThan(800);
  });

  it('writes the project table as a workbook a spreadsheet opens, one row per project', async () => {
    const f = await buildExport('xlsx', seed, null, 'en', index, origin);
    const bytes = f.data instanceof Uint8Array ? f.data : new TextEncoder().encode(f.data);
    const book = await readXlsx(bytes);
    if (!book.ok) throw new Error(book.error.code);
    expect(book.value.records).toHaveLength(seed.features.length);
    expect(book.value.sheet).toBe('Projects');
  });
});
