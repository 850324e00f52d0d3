/**
 * From a raw table to projects: the planner's field mapping, coordinate system and axis order are
 * applied row by row; each row either becomes a validated project or is listed with its reason.
 */
import { centroid } from '@turf/turf';
import type { Polygon } from 'geojson';
import { round6, siteArea, type EditContext } from '../edits/build';
import { KIND_INFO, type ProjectAction, type ProjectKind, type ProjectStatus } from '../model/kinds';
import type { ProjectFeature, ProjectProperties } from '../model/project';
import { validateProject, type ValidationIssue } from '../model/validate';
import { err, ok, type Result } from '../result';
import { toWgs84, type CrsId, type ToWgs84 } from './crs';
import type { FieldMapping, MappedField } from './fields';
import {
  isBlank,
  parseAction,
  parseBoolean,
  parseCoordinate,
  parseKind,
  parseNumber,
  parseOwnership,
  parseStatus,
} from './values';
import { MAX_PROJECT_ROWS, type CellValue, type IoError, type RawTable, type RowProblem } from './types';

export interface InterpretOptions {
  readonly mapping: FieldMapping;
  readonly crs: CrsId;
  /** The file has latitude where longitude should be (or northing before easting). */
  readonly swapped: boolean;
  readonly prjWkt?: string;
  /** Used for rows whose kind column is blank or missing. */
  readonly defaultKind: ProjectKind | null;
  readonly defaultYear: number;
  readonly newId: () => string;
  /** Written into each project's `source` ("导入：学校清单.xlsx 第 5 行"). */
  readonly source: (row: number) => string;
}

export interface InterpretedRow {
  readonly row: number;
  readonly project: ProjectFeature;
  /** Children enrolled, when the file has such a column (existing schools: 在园幼儿数 / 在校生数). */
  readonly enrolled: number | null;
  /** Whether the ownership came from the file (a project's is otherwise defaulted; an existing school's is unknown). */
  readonly ownershipGiven: boolean;
}

export interface Interpretation {
  readonly rows: readonly InterpretedRow[];
  readonly problems: readonly RowProblem[];
  /** Every point read (converted), including rows later refused, for the preview map. */
  readonly points: readonly {
    readonly row: number;
    readonly lon: number;
    readonly lat: number;
    readonly ok: boolean;
  }[];
}

const valueOf = (values: readonly CellValue[], mapping: FieldMapping, f: MappedField): CellValue => {
  const i = mapping[f];
  return i === null ? null : (values[i] ?? null);
};

const text = (v: CellValue): string => (v === null ? '' : String(v).trim());

/** Converts a position, reporting a wrong hemisphere (signs lost or flipped) apart from merely outside. */
function place(
  x: number,
  y: number,
  o: { swapped: boolean; to: ToWgs84 },
  box: readonly [number, number, number, number],
): Result<[number, number], 'badCoordinate' | 'outsideArea' | 'wrongHemisphere'> {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return err('badCoordinate');
  const q = o.swapped ? o.to(y, x) : o.to(x, y);
  if (!q) return err('badCoordinate');
  const [lon, lat] = q;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return err('badCoordinate');
  const [w, s, e, n] = box;
  if (lon >= w && lon <= e && lat >= s && lat <= n) return ok([round6(lon), round6(lat)]);
  if ((lon < 0 || lat < 0) && Math.abs(lon) >= w && Math.abs(lon) <= e && Math.abs(lat) >= s && Math.abs(lat) <= n)
    return err('wrongHemisphere');
  return err('outsideArea');
}

/** The county by name ("鲤城区", "鲤城") or code, from the reference index. */
function countyFromText(v: string, ctx: EditContext): string | null {
  if (v === '') return null;
  for (const [code, c] of ctx.index.countyByCode) {
    if (v === code || v === c.name) return code;
  }
  for (const [code, c] of ctx.index.countyByCode) {
    const short = c.name.replace(/(市|区|县)$/, '');
    if (short.length >= 2 && v.includes(short)) return code;
  }
  return null;
}

function townshipFromText(v: string, countyCode: string, ctx: EditContext): string | null {
  if (v === '') return null;
  for (const t of ctx.index.townshipByCode.values()) {
    if (t.countyAdcode !== countyCode) continue;
    if (t.code === v || t.name === v) return t.code;
  }
  for (const t of ctx.index.townshipByCode.values()) {
    if (t.countyAdcode !== countyCode) continue;
    const short = t.name.replace(/(街道|镇|乡)$/, '');
    if (short.length >= 2 && v.includes(short)) return t.code;
  }
  return null;
}

/** Turns a raw table into projects, or says for each row why not. */
export function interpretProjects(
  table: RawTable,
  o: InterpretOptions,
  ctx: EditContext,
): Result<Interpretation, IoError> {
  // a file with no coordinates at all says so first: that is what the planner must fix
  if (
    table.unit === 'row' &&
    o.mapping.lon === null &&
    o.mapping.lat === null &&
    !table.records.some((r) => r.geometry !== null)
  )
    return err({ code: 'noCoordinates' });
  if (table.records.length > MAX_PROJECT_ROWS)
    return err({ code: 'tooManyProjects', params: { count: table.records.length, max: MAX_PROJECT_ROWS } });
  const conv = toWgs84(o.crs, o.prjWkt);
  if (!conv.ok) return err({ code: 'prjUnknown', params: { name: o.crs } });
  const box = ctx.index.bbox;
  const problems: RowProblem[] = [...table.problems];
  const rows: InterpretedRow[] = [];
  const points: { row: number; lon: number; lat: number; ok: boolean }[] = [];
  const names = new Set<string>();
  /** Kind values that are not kinds, given the default kind: first row and count per distinct value. */
  const defaulted = new Map<string, { row: number; count: number }>();
  const m = o.mapping;
  for (const rec of table.records) {
    const n = rec.n;
    const before = problems.length;
    const problem = (
      code: RowProblem['code'],
      field?: string,
      params?: Record<string, string | number>,
      severity: RowProblem['severity'] = 'error',
    ): void => {
      problems.push({
        row: n,
        code,
        severity,
        ...(field !== undefined ? { field } : {}),
        ...(params ? { params } : {}),
      });
    };
    const col = (f: MappedField): CellValue => valueOf(rec.values, m, f);
    const colName = (f: MappedField): string => {
      const i = m[f];
      return i === null ? f : (table.columns[i] ?? f);
    };

    // position
    let lon = 0;
    let lat = 0;
    let site: Polygon | null = null;
    const placeOpts = { swapped: o.swapped, to: conv.value };
    /** Converts a polygon's rings; false (and a problem) when a corner cannot be placed. */
    const placeRings = (coords: Polygon['coordinates']): number[][][] | null => {
      const rings: number[][][] = [];
      for (const ring of coords) {
        const out: number[][] = [];
        for (const pos of ring) {
          const p = place(pos[0] ?? Number.NaN, pos[1] ?? Number.NaN, placeOpts, box);
          if (!p.ok) {
            problem(p.error, 'geometry', { x: String(pos[0] ?? ''), y: String(pos[1] ?? '') });
            return null;
          }
          out.push(p.value);
        }
        rings.push(out);
      }
      return rings;
    };
    if (rec.geometry?.type === 'Point') {
      const [x, y] = rec.geometry.coordinates;
      const p = place(x, y, placeOpts, box);
      if (!p.ok) problem(p.error, 'geometry', { x: String(x), y: String(y) });
      else [lon, lat] = p.value;
      const rings = rec.geometry.site ? placeRings(rec.geometry.site) : null;
      if (rings) site = { type: 'Polygon', coordinates: rings };
    } else if (rec.geometry?.type === 'Polygon') {
      const rings = placeRings(rec.geometry.coordinates);
      if (rings) {
        site = { type: 'Polygon', coordinates: rings };
        const c = centroid(site).geometry.coordinates;
        lon = round6(c[0] ?? 0);
        lat = round6(c[1] ?? 0);
      }
    } else {
      const xv = col('lon');
      const yv = col('lat');
      if (isBlank(xv) || isBlank(yv))
        problem('noGeometry', m.lon === null || m.lat === null ? undefined : colName('lon'));
      else {
        const x = parseCoordinate(xv);
        const y = parseCoordinate(yv);
        if (x === null || y === null || Number.isNaN(x) || Number.isNaN(y))
          problem('badCoordinate', colName(x === null || Number.isNaN(x) ? 'lon' : 'lat'), {
            x: text(xv),
            y: text(yv),
          });
        else {
          const p = place(x, y, placeOpts, box);
          if (!p.ok) problem(p.error, 'geometry', { x: text(xv), y: text(yv) });
          else [lon, lat] = p.value;
        }
      }
    }
    const placed = problems.length === before;
    let countyCode: string | null = null;
    if (placed) {
      countyCode = ctx.locateCounty(lon, lat);
      if (countyCode === null) problem('outsideArea', 'geometry', { x: String(lon), y: String(lat) });
      points.push({ row: n, lon, lat, ok: countyCode !== null });
    }

    // attributes
    const kindText = col('kind');
    const parsedKind = parseKind(kindText);
    // the default kind applies to every row whose value is not a kind, said once per distinct value
    const kind = parsedKind ?? o.defaultKind;
    if (kind === null && m.kind === null) problem('noKind');
    else if (kind === null) problem('unknownKind', colName('kind'), { value: text(kindText) });
    else if (parsedKind === null && !isBlank(kindText)) {
      const v = text(kindText);
      const seen = defaulted.get(v);
      if (seen) seen.count++;
      else defaulted.set(v, { row: n, count: 1 });
    }
    const info = kind ? KIND_INFO[kind] : null;
    const num = (f: MappedField, required: boolean): number | null => {
      const v = parseNumber(col(f));
      if (v !== null && (Number.isNaN(v) || v < 0)) {
        problem('badNumber', colName(f), { value: text(col(f)) }, required ? 'error' : 'warning');
        return null;
      }
      return v;
    };
    let seats = num('seats', true);
    let classes = num('classes', true);
    const rowHasError = (code?: RowProblem['code']): boolean => {
      for (let i = before; i < problems.length; i++) {
        const p = problems[i];
        if (p?.severity === 'error' && (code === undefined || p.code === code)) return true;
      }
      return false;
    };
    const seatsBad = rowHasError('badNumber');
    if (info && !seatsBad) {
      if (seats === null && classes === null) {
        classes = info.defaultClasses;
        seats = classes * info.standardClassSize;
      } else if (seats === null) seats = Math.round((classes ?? 0) * info.standardClassSize);
      else if (classes === null) classes = Math.max(1, Math.round(seats / info.standardClassSize));
    }
    const yearRaw = col('year');
    let year = o.defaultYear;
    if (!isBlank(yearRaw)) {
      const y = parseNumber(
        typeof yearRaw === 'string' ? yearRaw.replace(/年.*$/, '').replace(/^(\d{4})[-/.].*$/, '$1') : yearRaw,
      );
      if (y === null || Number.isNaN(y) || !Number.isInteger(y) || y < 2020 || y > 2035)
        problem('badYear', colName('year'), { value: text(yearRaw) });
      else year = y;
    }
    const statusText = col('status');
    const status: ProjectStatus = parseStatus(statusText) ?? 'planned';
    if (!isBlank(statusText) && parseStatus(statusText) === null)
      problem('unknownKind', colName('status'), { value: text(statusText) }, 'warning');
    const actionText = col('action');
    const action: ProjectAction = parseAction(actionText) ?? 'new';
    const ownershipText = col('ownership');
    const ownershipRead = parseOwnership(ownershipText);
    const ownership = kind === 'kindergarten' ? (ownershipRead ?? 'public') : null;
    const enrolled = num('enrolled', false);
    const investment = num('investment', false);
    const landAreaRaw = num('landArea', false);
    const central = parseBoolean(col('central')) ?? false;
    let name = text(col('name'));
    if (name === '') {
      name = `${table.unit === 'row' ? '第' : '要素'}${n}${table.unit === 'row' ? '行' : ''}项目`;
      problem('noName', colName('name'), {}, 'warning');
    }
    const countyText = text(col('county'));
    if (countyCode !== null && countyText !== '') {
      const named = countyFromText(countyText, ctx);
      if (named !== null && named !== countyCode)
        problem('countyMismatch', colName('county'), { value: countyText }, 'warning');
    }
    if (rowHasError() || countyCode === null || kind === null) continue;

    const townshipCode = townshipFromText(text(col('township')), countyCode, ctx);
    const id = o.newId();
    const notes = text(col('notes'));
    let unique = name;
    for (let k = 2; names.has(unique); k++) unique = `${name}（${k}）`;
    names.add(unique);
    const properties: ProjectProperties = {
      id,
      name: unique,
      kind: kind,
      action,
      status,
      year,
      seats: Math.round(seats ?? 0),
      classes: Math.round(classes ?? 0),
      countyCode,
      townshipCode,
      zone: null,
      centralDistrict: central,
      locationPrecision: 'approximate',
      ownership,
      investment,
      landArea: site ? siteArea(site) : landAreaRaw,
      site,
      source: o.source(n),
      ...(notes !== '' ? { notes } : {}),
    };
    const v = validateProject(
      { type: 'Feature', id, geometry: { type: 'Point', coordinates: [lon, lat] }, properties },
      ctx.index,
    );
    if (!v.ok) {
      for (const issue of v.error) problems.push(fromIssue(n, issue, 'error'));
      continue;
    }
    for (const w of v.value.warnings) problems.push(fromIssue(n, w, 'warning'));
    rows.push({
      row: n,
      project: v.value.project,
      enrolled: enrolled === null ? null : Math.round(enrolled),
      ownershipGiven: ownershipRead !== null,
    });
  }
  for (const [value, { row, count }] of defaulted)
    problems.push({
      row,
      code: 'kindDefaulted',
      severity: 'warning',
      ...(m.kind !== null ? { field: table.columns[m.kind] ?? 'kind' } : {}),
      params: { value, count, kind: o.defaultKind ?? '' },
    });
  return ok({ rows, problems, points });
}

const fromIssue = (row: number, i: ValidationIssue, severity: RowProblem['severity']): RowProblem => ({
  row,
  code: 'invalidProject',
  severity,
  field: i.field,
  params: { ...i.params, issue: i.code },
});
