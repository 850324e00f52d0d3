/**
 * The land-parcel coordinate exchange text of the 自然资源 (former 国土资源部) departments — 界址点坐标文件,
 * the format a school's 用地红线 arrives in:
 *
 *   [属性描述]
 *   坐标系=2000国家大地坐标系
 *   几度分带=3
 *   投影类型=高斯克吕格
 *   带号=40
 *   [地块坐标]
 *   5,1.2345,A-01,某某小学用地,面,G50F001,教育用地,0803,@      ← a parcel: points, area, number, name, 面 …
 *   J1,1,2757123.456,40512345.678                                ← 点号, 圈号 (ring), X = northing, Y = easting
 *
 * Each parcel becomes a polygon (rings by 圈号) with its attributes. Coordinates are CGCS2000 3° (or 6°)
 * Gauss–Krüger: the zone comes from 带号 or from the easting's zone prefix, and the axis order (X north
 * first) from the format; both are stated with the table.
 */
import { err, ok, type Result } from '../result';
import { gaussKruger } from './crs';
import type { CrsId } from './crs';
import type { IoError, RawRecord, RawTable, RowProblem } from './types';

const COLUMNS = ['地块编号', '地块名称', '面积', '图形属性', '图幅号', '地块用途', '地类编码', '界址点数'] as const;

export const looksLikeLandTxt = (text: string): boolean => /\[\s*地块坐标\s*\]/.test(text.slice(0, 20_000));

/** The EPSG code of a CGCS2000 Gauss-Krüger zone, with or without the zone prefix in the easting. */
function zoneEpsg(width: 3 | 6, zone: number, prefixed: boolean): number | null {
  for (let code = 4491; code <= 4554; code++) {
    const gk = gaussKruger(code);
    if (!gk || gk.width !== width) continue;
    const cm = width === 3 ? zone * 3 : zone * 6 - 3;
    if (gk.centralMeridian === cm && (gk.zone !== null) === prefixed) return code;
  }
  return null;
}

export function readLandTxt(text: string): Result<RawTable, IoError> {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const attrs = new Map<string, string>();
  let section = '';
  const records: RawRecord[] = [];
  const problems: RowProblem[] = [];
  let parcel: { n: number; values: (string | number | null)[]; rings: Map<string, number[][]> } | null = null;
  let parcels = 0;
  const finish = (): void => {
    if (!parcel) return;
    const rings = [...parcel.rings.values()].filter((r) => r.length >= 3);
    if (rings.length === 0) {
      problems.push({ row: parcel.n, code: 'noGeometry', severity: 'error' });
    } else {
      // close each ring, as GeoJSON wants
      const closed = rings.map((r) => {
        const [a, b] = [r[0], r[r.length - 1]];
        return a && b && (a[0] !== b[0] || a[1] !== b[1]) ? [...r, a] : r;
      });
      const points = rings.reduce((s, r) => s + r.length, 0);
      parcel.values[COLUMNS.length - 1] = points;
      records.push({ n: parcel.n, values: parcel.values, geometry: { type: 'Polygon', coordinates: closed } });
    }
    parcel = null;
  };
  let eastingMax = 0;
  lines.forEach((line, i) => {
    const head = /^\[\s*(.+?)\s*\]$/.exec(line);
    if (head) {
      section = head[1] ?? '';
      return;
    }
    if (line === '') return;
    if (section === '属性描述') {
      const m = /^([^=]+)=(.*)$/.exec(line);
      if (m?.[1]) attrs.set(m[1].trim(), (m[2] ?? '').trim());
      return;
    }
    if (section !== '地块坐标') return;
    const cells = line.split(',').map((c) => c.trim());
    if (cells[cells.length - 1] === '@') {
      finish();
      parcels++;
      // points, area, number, name, 面/线/点, sheet, use, land-class code, …, @
      const [, area, number, name, shape, sheet, use, code] = cells;
      parcel = {
        n: parcels,
        values: [number ?? '', name ?? '', area ?? '', shape ?? '', sheet ?? '', use ?? '', code ?? '', 0],
        rings: new Map(),
      };
      if (shape !== undefined && shape !== '' && shape !== '面')
        problems.push({ row: parcels, code: 'geometryType', severity: 'error', params: { type: shape } });
      return;
    }
    const [, ring, xText, yText] = cells;
    const x = Number(xText);
    const y = Number(yText);
    if (!parcel || ring === undefined || !Number.isFinite(x) || !Number.isFinite(y)) {
      problems.push({
        row: parcel?.n ?? i + 1,
        code: 'badCoordinate',
        severity: 'error',
        params: { x: xText ?? '', y: yText ?? '' },
      });
      return;
    }
    // X is the northing, Y the easting: stored as [easting, northing] like every projected geometry
    const list = parcel.rings.get(ring) ?? [];
    list.push([y, x]);
    parcel.rings.set(ring, list);
    eastingMax = Math.max(eastingMax, Math.abs(y));
  });
  finish();
  if (parcels === 0) return err({ code: 'noRecords' });
  const crs = landTxtCrs(attrs, eastingMax);
  if (!crs.ok) return crs;
  const kept = records.filter((r) => !problems.some((p) => p.row === r.n && p.severity === 'error'));
  return ok({
    format: 'landtxt',
    unit: 'feature',
    columns: [...COLUMNS],
    records: kept,
    problems,
    declaredCrs: crs.value.crs,
    ...(crs.value.crs !== null ? { prjName: crs.value.name } : {}),
  });
}

/**
 * The system the header names (or the eastings imply): CGCS2000 Gauss-Krüger of the zone given. Without a
 * zone (no 带号, no prefix in the eastings) nothing is declared and the points decide, as for any table.
 */
function landTxtCrs(
  attrs: ReadonlyMap<string, string>,
  eastingMax: number,
): Result<{ crs: CrsId | null; name: string }, IoError> {
  const system = attrs.get('坐标系') ?? '';
  if (/80|西安|54|北京/.test(system) && !/2000/.test(system))
    return err({ code: 'landTxtDatum', params: { name: system } });
  const width: 3 | 6 = attrs.get('几度分带')?.startsWith('6') ? 6 : 3;
  const prefixed = eastingMax >= 1_000_000;
  const zone = Number(attrs.get('带号')) || (prefixed ? Math.floor(eastingMax / 1_000_000) : NaN);
  if (!Number.isFinite(zone)) return ok({ crs: null, name: system });
  const epsg = zoneEpsg(width, zone, prefixed);
  if (epsg === null) return err({ code: 'landTxtZone', params: { zone, width } });
  return ok({ crs: `EPSG:${epsg}`, name: `${system || 'CGCS2000'} ${width}° ${zone}` });
}
