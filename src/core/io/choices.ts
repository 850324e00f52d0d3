/**
 * What the import dialog starts from: the field mapping (checked against the values) and the
 * coordinate system with the evidence for it.
 */
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import { guessCrs, toWgs84, type CrsId } from './crs';
import { DATUMS, datumFit, datumSignature, type BoundaryIndex, type Datum, type DatumFit } from './datum';
import { detectMapping, type FieldMapping } from './fields';
import { refineMapping, type MappingNote } from './refine';
import type { RawTable } from './types';
import { parseCoordinate } from './values';

/** Raw positions as read (first vertex of an outline), for guessing the coordinate system. */
export function rawPositions(table: RawTable, mapping: FieldMapping): [number, number][] {
  const out: [number, number][] = [];
  for (const rec of table.records.slice(0, 500)) {
    const g = rec.geometry;
    if (g?.type === 'Point') out.push([g.coordinates[0], g.coordinates[1]]);
    else if (g?.type === 'Polygon') {
      const p = g.coordinates[0]?.[0];
      if (p) out.push([p[0] ?? Number.NaN, p[1] ?? Number.NaN]);
    } else if (mapping.lon !== null && mapping.lat !== null) {
      const x = parseCoordinate(rec.values[mapping.lon] ?? null);
      const y = parseCoordinate(rec.values[mapping.lat] ?? null);
      if (x !== null && y !== null && !Number.isNaN(x) && !Number.isNaN(y)) out.push([x, y]);
    }
  }
  return out;
}

export interface CrsSuggestion {
  readonly crs: CrsId;
  readonly swapped: boolean;
  /**
   * Why: the file declares it; a column or file name names the map (header); the property set of
   * DataV / 高德 district files (signature); the file's outlines fall onto our county lines under it
   * (outline); its points fall in the area under it, a Gauss-Krüger zone or an axis order (fit); nothing
   * says (default: WGS84, as GeoJSON and KML specify).
   */
  readonly reason: 'declared' | 'header' | 'signature' | 'outline' | 'fit' | 'default';
  /** What gave it away (columns, file name), for the dialog and the CLI. */
  readonly evidence?: string;
  /** How the outlines fit our county lines under each degrees datum, when the file has outlines. */
  readonly fits?: readonly DatumFit[];
  /** The file declared another system than the one suggested (a WGS84 .prj on 高德 data). */
  readonly overrides?: CrsId;
}

/** Every vertex of the file's outlines (in the file's own coordinates), for the datum fit. */
export function outlineVertices(table: RawTable): [number, number][] {
  const out: [number, number][] = [];
  for (const rec of table.records)
    if (rec.geometry?.type === 'Polygon')
      for (const ring of rec.geometry.coordinates)
        for (const p of ring) out.push([p[0] ?? Number.NaN, p[1] ?? Number.NaN]);
  return out;
}

/**
 * Suggests the coordinate system. A projected system the file declares is taken as is. Degrees are
 * never taken silently: a signature (DataV / 高德 property sets, 高德/百度 column or file names) or a clear
 * fit of the file's outlines to our county lines decides between WGS84, GCJ-02 and BD-09 — even over a
 * WGS84 .prj, which tools attach to 高德 data — and the points decide the axis order and the
 * Gauss-Krüger zone. Without any evidence it is WGS84 by default, and says so.
 */
export function suggestCrs(
  table: RawTable,
  mapping: FieldMapping,
  fileName: string,
  box: readonly [number, number, number, number],
  boundaries?: BoundaryIndex,
): CrsSuggestion {
  const declared = table.declaredCrs;
  if (declared !== null && declared !== 'wgs84' && declared !== 'cgcs2000')
    return { crs: declared, swapped: false, reason: 'declared' };
  const positions = rawPositions(table, mapping);
  const degrees = positions.filter((p) => Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 180).length;
  if (positions.length > 0 && degrees <= positions.length / 2) {
    // metres: a Gauss-Krüger zone, by where the points fall
    const guess = guessCrs(positions, box, 'wgs84');
    if (guess) return { crs: guess.crs, swapped: guess.swapped, reason: 'fit' };
  }
  const signature = datumSignature(table.columns, fileName);
  const fit = boundaries ? datumFit(outlineVertices(table), boundaries) : { fits: [], best: null };
  const fits = fit.fits.length > 0 ? { fits: fit.fits } : {};
  const datum: CrsId = signature?.datum ?? fit.best ?? declared ?? 'wgs84';
  const guess = guessCrs(positions, box, datum);
  const swapped = guess?.crs === datum ? guess.swapped : false;
  const overrides = declared !== null && datum !== declared && datum !== 'wgs84' ? { overrides: declared } : {};
  if (signature) {
    const byColumn = table.columns.includes(signature.evidence);
    return {
      crs: datum,
      swapped,
      reason: byColumn || signature.evidence === fileName ? 'header' : 'signature',
      evidence: signature.evidence,
      ...fits,
      ...overrides,
    };
  }
  if (fit.best) return { crs: datum, swapped, reason: 'outline', ...fits, ...overrides };
  if (declared !== null) return { crs: declared, swapped, reason: 'declared', ...fits };
  return { crs: datum, swapped, reason: guess && swapped ? 'fit' : 'default', ...fits };
}

/** What the dialog starts from: the detected field mapping and the suggested system and axis order. */
export interface ImportChoices {
  readonly mapping: FieldMapping;
  /** Where the mapping departs from what the headers suggest, and why. */
  readonly notes: readonly MappingNote[];
  readonly crs: CrsId;
  readonly swapped: boolean;
  readonly reason: CrsSuggestion['reason'];
  /** The whole suggestion: evidence, the fit under each datum, a declared system it overrides. */
  readonly suggestion: CrsSuggestion;
}

export function initialChoices(
  table: RawTable,
  fileName: string,
  box: readonly [number, number, number, number],
  boundaries?: BoundaryIndex,
): ImportChoices {
  const { mapping, notes } = refineMapping(table, detectMapping(table.columns));
  const suggestion = suggestCrs(table, mapping, fileName, box, boundaries);
  return { mapping, notes, crs: suggestion.crs, swapped: suggestion.swapped, reason: suggestion.reason, suggestion };
}

const DEGREES: ReadonlySet<CrsId> = new Set(['wgs84', 'cgcs2000', 'gcj02', 'bd09']);
/** Whether the planner should see the datum candidates: degrees the file does not itself declare. */
export const datumUndeclared = (table: RawTable, crs: CrsId): boolean =>
  DEGREES.has(crs) && (table.declaredCrs === null || DEGREES.has(table.declaredCrs));

export type CandidateFeature = Feature<Point | LineString, { readonly datum: Datum }>;

/**
 * The file's points and outlines under each degrees datum, to draw over our county lines so the planner
 * sees which one lines up (a sample: at most `limit` records, outlines thinned to 400 vertices).
 */
export function datumCandidates(
  table: RawTable,
  mapping: FieldMapping,
  swapped: boolean,
  limit = 300,
): FeatureCollection<Point | LineString, { readonly datum: Datum }> {
  const features: CandidateFeature[] = [];
  for (const datum of DATUMS) {
    const conv = toWgs84(datum);
    if (!conv.ok) continue;
    const at = (x: number, y: number): [number, number] | null => {
      const p = swapped ? conv.value(y, x) : conv.value(x, y);
      return p ? [p[0], p[1]] : null;
    };
    for (const rec of table.records.slice(0, limit)) {
      const g = rec.geometry;
      if (g?.type === 'Polygon') {
        const ring = g.coordinates[0] ?? [];
        const step = Math.max(1, Math.ceil(ring.length / 400));
        const line = ring
          .filter((_, i) => i % step === 0 || i === ring.length - 1)
          .map((p) => at(p[0] ?? Number.NaN, p[1] ?? Number.NaN))
          .filter((p): p is [number, number] => p !== null);
        if (line.length > 1)
          features.push({
            type: 'Feature',
            properties: { datum },
            geometry: { type: 'LineString', coordinates: line },
          });
        continue;
      }
      const xy =
        g?.type === 'Point'
          ? [g.coordinates[0], g.coordinates[1]]
          : mapping.lon !== null && mapping.lat !== null
            ? [parseCoordinate(rec.values[mapping.lon] ?? null), parseCoordinate(rec.values[mapping.lat] ?? null)]
            : [null, null];
      const [x, y] = xy;
      if (x === null || y === null || x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y))
        continue;
      const p = at(x, y);
      if (p) features.push({ type: 'Feature', properties: { datum }, geometry: { type: 'Point', coordinates: p } });
    }
  }
  return { type: 'FeatureCollection', features };
}
