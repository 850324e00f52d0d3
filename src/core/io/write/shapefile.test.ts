import { parseDbf, parseShp } from 'shpjs';
import { describe, expect, it } from 'vitest';
import { SHP_FIELDS } from '../../export/gisFiles';
import { checkFields, truncateUtf8, writeDbf, writeShapefile } from './shapefile';

const enc = new TextEncoder();
const toBuffer = (u: Uint8Array | string): ArrayBuffer => {
  const b = typeof u === 'string' ? enc.encode(u) : u;
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};

describe('Shapefile writer', () => {
  it('cuts UTF-8 text at a character boundary', () => {
    expect(new TextDecoder().decode(truncateUtf8('泉州市第一中学', 10))).toBe('泉州市');
    expect(truncateUtf8('abc', 10)).toEqual(enc.encode('abc'));
  });

  it('has dBase field names of at most 10 bytes, all different', () => {
    expect(checkFields(SHP_FIELDS.map((f) => f.field))).toEqual([]);
    expect(checkFields([{ name: '新增学位数', type: 'N', width: 5 }])).toEqual(['新增学位数']);
    expect(SHP_FIELDS.map((f) => enc.encode(f.field.name).length).every((n) => n <= 10)).toBe(true);
  });

  it('writes typed dBase cells: text padded, numbers right-aligned with decimals, dates as YYYYMMDD', () => {
    const dbf = writeDbf(
      [
        { name: '名称', type: 'C', width: 12 },
        { name: '投资', type: 'N', width: 8, decimals: 2 },
        { name: '日期', type: 'D', width: 8 },
      ],
      [['泉州一中扩建工程', 1234.5, new Date(Date.UTC(2026, 10, 30))]],
      new Date(Date.UTC(2026, 10, 30)),
    );
    const rows = parseDbf(toBuffer(dbf), 'UTF-8');
    // 12 bytes hold four Chinese characters
    expect(rows).toEqual([{ 名称: '泉州一中', 投资: 1234.5, 日期: new Date(Date.UTC(2026, 10, 30)) }]);
  });

  it('writes points and polygons that an independent reader (shpjs) reads back, outer rings clockwise', () => {
    const ccw: [number, number][] = [
      [118.6, 24.9],
      [118.61, 24.9],
      [118.61, 24.91],
      [118.6, 24.91],
      [118.6, 24.9],
    ];
    const files = writeShapefile(
      {
        name: 'sites',
        shapeType: 'polygon',
        fields: [{ name: 'ID', type: 'C', width: 10 }],
        records: [{ geometry: { type: 'Polygon', coordinates: [ccw] }, values: ['a'] }],
        prj: 'GEOGCS["x"]',
      },
      new Date(),
    );
    expect(files['sites.cpg']).toBe('UTF-8');
    const shp = files['sites.shp'];
    if (!(shp instanceof Uint8Array)) throw new Error('no shp');
    const [g] = parseShp(toBuffer(shp)) as { type: string; coordinates: number[][][] }[];
    expect(g?.type).toBe('Polygon');
    // our counter-clockwise (RFC 7946) outer ring is written clockwise, as the Shapefile spec wants
    expect(g?.coordinates[0]).toEqual([...ccw].reverse());
  });
});
