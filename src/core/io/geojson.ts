/**
 * GeoJSON (RFC 7946). Export: a scenario as a FeatureCollection in WGS84 (6 decimals) with the
 * scenario metadata as foreign members (`scenario`, `qzExport`). Import: our own export losslessly;
 * any other GeoJSON as a raw table of features for field mapping.
 */
import type { Feature, Polygon, Position } from 'geojson';
import { feature as topojsonFeature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { ReferenceIndex } from '../geodata/reference';
import type { ProjectFeature, ScenarioCollection } from '../model/project';
import { validateScenario } from '../model/validate';
import { err, isRecord, ok, type Result } from '../result';
import { gaussKruger, toWgs84, wgs84ToGcj02, type CrsId } from './crs';
import { UNSAFE_KEYS } from './tabular';
import {
  MAX_COLUMNS,
  MAX_RECORDS,
  type CellValue,
  type ExportInfo,
  type IoError,
  type RawGeometry,
  type RawRecord,
  type RawTable,
  type RowProblem,
  type LayerInfo,
} from './types';

const r6 = (v: number): number => Math.round(v * 1e6) / 1e6;

function mapPosition(p: Position, f: (lon: number, lat: number) => readonly [number, number]): Position {
  const [x, y] = f(p[0] ?? 0, p[1] ?? 0);
  return [r6(x), r6(y)];
}

function mapProject(p: ProjectFeature, f: (lon: number, lat: number) => readonly [number, number]): ProjectFeature {
  const site: Polygon | null = p.properties.site
    ? { type: 'Polygon', coordinates: p.properties.site.coordinates.map((ring) => ring.map((q) => mapPosition(q, f))) }
    : null;
  return {
    type: 'Feature',
    id: p.id,
    geometry: { type: 'Point', coordinates: mapPosition(p.geometry.coordinates, f) },
    properties: { ...p.properties, site },
  };
}

/** The scenario as GeoJSON text: WGS84 (or GCJ-02 for 高德-based tools, said in `qzExport.crs`). */
export function writeScenarioGeoJson(scenario: ScenarioCollection, info: ExportInfo): string {
  const f = info.crs === 'GCJ-02' ? wgs84ToGcj02 : (lon: number, lat: number) => [lon, lat] as const;
  const doc = {
    type: 'FeatureCollection',
    scenario: scenario.scenario,
    qzExport: info,
    features: scenario.features.map((p) => mapProject(p, f)),
  };
  return `${JSON.stringify(doc, null, 1)}\n`;
}

/** JSON.parse that drops `__proto__`, `constructor` and `prototype` keys, counting them. */
export function parseJsonSafely(text: string): Result<{ value: unknown; dropped: string[] }, IoError> {
  const dropped: string[] = [];
  try {
    const value: unknown = JSON.parse(text, (key, v: unknown) => {
      if (UNSAFE_KEYS.has(key)) {
        dropped.push(key);
        return undefined;
      }
      return v;
    });
    return ok({ value, dropped });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const truncated = /end of (JSON )?input|Unterminated|Unexpected end/i.test(message);
    const at = /position (\d+)/.exec(message)?.[1];
    return err({ code: 'invalidJson', params: { detail: truncated ? 'truncated' : 'syntax', position: at ?? '' } });
  }
}

function parseExportInfo(v: unknown): ExportInfo | undefined {
  if (!isRecord(v)) return undefined;
  const s = (x: unknown): string | null => (typeof x === 'string' ? x : null);
  return {
    app: s(v.app) ?? '',
    appVersion: s(v.appVersion) ?? '',
    schemaVersion: typeof v.schemaVersion === 'number' ? v.schemaVersion : 1,
    exportedAt: s(v.exportedAt) ?? '',
    createdAt: s(v.createdAt),
    modifiedAt: s(v.modifiedAt),
    crs: v.crs === 'GCJ-02' ? 'GCJ-02' : 'EPSG:4326',
  };
}

/** Converts a GCJ-02 export back to WGS84 before validation. */
function gcjToWgs(doc: Record<string, unknown>): Record<string, unknown> {
  const t = toWgs84('gcj02');
  if (!t.ok) return doc;
  const conv = (p: unknown): unknown => {
    if (!Array.isArray(p) || typeof p[0] !== 'number' || typeof p[1] !== 'number') return p;
    const q = t.value(p[0], p[1]);
    return q ? [r6(q[0]), r6(q[1])] : p;
  };
  const features = Array.isArray(doc.features) ? doc.features : [];
  return {
    ...doc,
    features: features.map((f: unknown) => {
      if (!isRecord(f) || !isRecord(f.geometry) || !isRecord(f.properties)) return f;
      const site = f.properties.site;
      return {
        ...f,
        geometry: { ...f.geometry, coordinates: conv(f.geometry.coordinates) },
        properties: {
          ...f.properties,
          site:
            isRecord(site) && Array.isArray(site.coordinates)
              ? {
                  ...site,
                  coordinates: (site.coordinates as unknown[]).map((ring) =>
                    Array.isArray(ring) ? ring.map(conv) : ring,
                  ),
                }
              : site,
        },
      };
    }),
  };
}

const cell = (v: unknown): CellValue =>
  v === null || v === undefined
    ? null
    : typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
      ? v
      : JSON.stringify(v);

const numPair = (p: unknown): readonly [number, number] | null =>
  Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number' ? [p[0], p[1]] : null;

function ringsOf(coords: unknown): Polygon['coordinates'] | null {
  if (!Array.isArray(coords) || coords.length === 0) return null;
  const rings: Position[][] = [];
  for (const ring of coords) {
    if (!Array.isArray(ring) || ring.length < 4) return null;
    const pts: Position[] = [];
    for (const p of ring) {
      const q = numPair(p);
      if (!q) return null;
      pts.push([q[0], q[1]]);
    }
    rings.push(pts);
  }
  return rings;
}

/** Rough planar area of a ring, to pick the largest part of a MultiPolygon. */
function ringArea(ring: readonly Position[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    a += ((ring[j]?.[0] ?? 0) - (ring[i]?.[0] ?? 0)) * ((ring[j]?.[1] ?? 0) + (ring[i]?.[1] ?? 0));
  return Math.abs(a / 2);
}

/** Geometries of one feature as raw geometries; problems for what cannot be used. */
function geometriesOf(g: unknown, n: number, problems: RowProblem[]): (RawGeometry | null)[] {
  if (g === null || g === undefined) return [null];
  if (!isRecord(g)) {
    problems.push({ row: n, code: 'geometryType', severity: 'error', params: { type: typeof g } });
    return [];
  }
  const bad = (): [] => {
    problems.push({ row: n, code: 'badCoordinate', severity: 'error', params: { type: String(g.type) } });
    return [];
  };
  switch (g.type) {
    case 'Point': {
      const p = numPair(g.coordinates);
      return p ? [{ type: 'Point', coordinates: p }] : bad();
    }
    case 'MultiPoint': {
      if (!Array.isArray(g.coordinates)) return bad();
      const pts = (g.coordinates as unknown[]).map(numPair);
      if (pts.some((p) => p === null) || pts.length === 0) return bad();
      if (pts.length > 1)
        problems.push({ row: n, code: 'multiPointSplit', severity: 'warning', params: { count: pts.length } });
      return pts.map((p) => ({ type: 'Point', coordinates: p ?? [0, 0] }));
    }
    case 'Polygon': {
      const rings = ringsOf(g.coordinates);
      return rings ? [{ type: 'Polygon', coordinates: rings }] : bad();
    }
    case 'MultiPolygon': {
      if (!Array.isArray(g.coordinates)) return bad();
      const parts = (g.coordinates as unknown[]).map(ringsOf);
      if (parts.length === 0 || parts.some((p) => p === null)) return bad();
      const valid = parts.filter((p): p is Polygon['coordinates'] => p !== null);
      const largest = valid.reduce((a, b) => (ringArea(b[0] ?? []) > ringArea(a[0] ?? []) ? b : a));
      return [{ type: 'Polygon', coordinates: largest }];
    }
    case 'GeometryCollection': {
      // a KML MultiGeometry (MapGIS, Google Earth): the point if there is one, else the largest polygon
      // as the site (the project sits at its centroid); said either way
      const parts = Array.isArray(g.geometries) ? (g.geometries as unknown[]) : [];
      const inner: RowProblem[] = [];
      const geoms = parts.flatMap((part) => geometriesOf(part, n, inner)).filter((x): x is RawGeometry => x !== null);
      const point = geoms.find((x) => x.type === 'Point');
      const polygons = geoms.filter((x): x is Extract<RawGeometry, { type: 'Polygon' }> => x.type === 'Polygon');
      // one point and one polygon (our own KML export, a project and its 用地红线): both kept
      const [only] = polygons;
      if (point && only && geoms.length === 2 && point.type === 'Point')
        return [{ type: 'Point', coordinates: point.coordinates, site: only.coordinates }];
      if (point) {
        problems.push({ row: n, code: 'multiGeometryPoint', severity: 'warning', params: { count: parts.length } });
        return [point];
      }
      const largest = polygons.reduce<(typeof polygons)[number] | null>(
        (a, b) => (a === null || ringArea(b.coordinates[0] ?? []) > ringArea(a.coordinates[0] ?? []) ? b : a),
        null,
      );
      if (largest) {
        problems.push({ row: n, code: 'multiGeometryPolygon', severity: 'warning', params: { count: parts.length } });
        return [largest];
      }
      problems.push({ row: n, code: 'geometryType', severity: 'error', params: { type: 'GeometryCollection' } });
      return [];
    }
    default:
      problems.push({ row: n, code: 'geometryType', severity: 'error', params: { type: String(g.type) } });
      return [];
  }
}

/** Features (from GeoJSON, KML or a Shapefile) as a raw table: property names become columns. */
export function tableFromFeatures(
  features: readonly unknown[],
  format: RawTable['format'],
  extra: Partial<RawTable> = {},
): Result<RawTable, IoError> {
  if (features.length > MAX_RECORDS) return err({ code: 'tooManyRecords', params: { max: MAX_RECORDS } });
  const problems: RowProblem[] = [...(extra.problems ?? [])];
  const columns: string[] = [];
  const index = new Map<string, number>();
  for (const f of features) {
    if (!isRecord(f) || !isRecord(f.properties)) continue;
    for (const k of Object.keys(f.properties)) {
      if (index.has(k) || columns.length >= MAX_COLUMNS) continue;
      index.set(k, columns.length);
      columns.push(k);
    }
  }
  const records: RawRecord[] = [];
  features.forEach((f, i) => {
    const n = i + 1;
    if (!isRecord(f) || f.type !== 'Feature') {
      problems.push({
        row: n,
        code: 'geometryType',
        severity: 'error',
        params: { type: isRecord(f) ? String(f.type) : typeof f },
      });
      return;
    }
    const props = isRecord(f.properties) ? f.properties : {};
    const values = columns.map((c) => (Object.hasOwn(props, c) ? cell(props[c]) : null));
    for (const g of geometriesOf(f.geometry, n, problems)) records.push({ n, values, geometry: g });
  });
  return ok({ format, unit: 'feature', columns, records, declaredCrs: null, ...extra, problems });
}

/**
 * The pre-RFC 7946 `crs` member QGIS still writes ("urn:ogc:def:crs:EPSG::4549"). Without one, nothing is
 * declared: RFC 7946 says WGS84, but Chinese web-map data is often GCJ-02 in GeoJSON all the same, so the
 * datum is left to the evidence (see suggestCrs).
 */
function legacyCrs(crs: unknown): CrsId | null {
  const name = isRecord(crs) && isRecord(crs.properties) ? crs.properties.name : undefined;
  const code = typeof name === 'string' ? /EPSG:{1,2}(\d+)/i.exec(name)?.[1] : undefined;
  if (code === undefined) return typeof name === 'string' && /CRS84/i.test(name) ? 'wgs84' : null;
  if (code === '4326' || code === '4490') return 'wgs84';
  return gaussKruger(Number(code)) ? `EPSG:${Number(code)}` : null;
}

/** Geometry types of features, for a layer list ("Polygon", "Point, Polygon"). */
export function geometryTypes(features: readonly unknown[]): string {
  const types = new Set<string>();
  for (const f of features)
    if (isRecord(f) && isRecord(f.geometry) && typeof f.geometry.type === 'string') types.add(f.geometry.type);
  return types.size === 0 ? '—' : [...types].sort().join(', ');
}

/**
 * What topojson-client needs of a topology: arcs, and objects that each name a geometry type (their
 * coordinates are read by the client, which skips what it cannot draw).
 */
function isTopology(value: Record<string, unknown>): value is Record<string, unknown> & Topology {
  const { objects, arcs } = value;
  return (
    value.type === 'Topology' &&
    isRecord(objects) &&
    Object.values(objects).every((o) => isRecord(o) && typeof o.type === 'string') &&
    Array.isArray(arcs) &&
    arcs.every(Array.isArray)
  );
}

/**
 * A TopoJSON topology: each object is a layer; the one asked for (or the first) is turned into GeoJSON
 * features by topojson-client, and every layer is listed for the dialog.
 */
function readTopology(
  value: Record<string, unknown>,
  layer: string | undefined,
  unsafe: RowProblem[],
): Result<RawTable, IoError> {
  if (!isTopology(value)) return err({ code: 'notGeoJson', params: { type: 'Topology' } });
  const topology = value;
  const names = Object.keys(topology.objects);
  const featuresOf = (name: string): unknown[] => {
    const object = topology.objects[name];
    if (!object) return [];
    const fc = topojsonFeature(topology, object);
    return 'features' in fc ? fc.features : [fc];
  };
  const pick = layer ?? names[0];
  if (pick === undefined) return err({ code: 'noRecords' });
  if (!names.includes(pick)) return err({ code: 'layerNotFound', params: { layer: pick, layers: names.join(', ') } });
  const layers: LayerInfo[] = names.map((name) => {
    const fs = featuresOf(name);
    return { name, format: 'topojson', geometry: geometryTypes(fs), count: fs.length };
  });
  const features = featuresOf(pick);
  if (features.length === 0) return err({ code: 'noRecords' });
  return tableFromFeatures(features, 'topojson', {
    problems: unsafe,
    declaredCrs: legacyCrs(value.crs),
    ...(names.length > 1 ? { layers, layer: pick } : {}),
  });
}

/** Reads GeoJSON text: our own export (lossless), any FeatureCollection / Feature / geometry, or TopoJSON. */
export function readGeoJson(text: string, ref?: ReferenceIndex, layer?: string): Result<RawTable, IoError> {
  const parsed = parseJsonSafely(text);
  if (!parsed.ok) return parsed;
  const { value, dropped } = parsed.value;
  const unsafe: RowProblem[] = [...new Set(dropped)].map((key) => ({
    row: 0,
    code: 'unsafeKey' as const,
    severity: 'warning' as const,
    params: { key },
  }));
  if (!isRecord(value))
    return err({ code: 'notGeoJson', params: { type: Array.isArray(value) ? 'array' : typeof value } });
  if (value.type === 'Topology') return readTopology(value, layer, unsafe);
  if (value.type === 'FeatureCollection' && isRecord(value.scenario)) {
    const info = parseExportInfo(value.qzExport);
    const doc = info?.crs === 'GCJ-02' ? gcjToWgs(value) : value;
    const v = validateScenario(doc, ref);
    if (!v.ok) {
      const first = v.error[0];
      if (first?.code === 'schemaVersion') return err({ code: 'schemaVersion', params: first.params });
      return err({
        code: 'scenarioInvalid',
        params: {
          count: v.error.length,
          feature: first?.index !== undefined ? first.index + 1 : 0,
          field: first?.field ?? '',
          issue: first?.code ?? '',
        },
      });
    }
    return ok({
      format: 'geojson',
      unit: 'feature',
      columns: [],
      records: [],
      problems: unsafe,
      declaredCrs: 'wgs84',
      scenario: v.value.scenario,
      ...(info ? { exportInfo: info } : {}),
    });
  }
  let features: unknown[];
  if (value.type === 'FeatureCollection') {
    if (!Array.isArray(value.features)) return err({ code: 'notGeoJson', params: { type: 'FeatureCollection' } });
    features = value.features;
  } else if (value.type === 'Feature') features = [value];
  else if (typeof value.type === 'string' && 'coordinates' in value)
    features = [{ type: 'Feature', properties: {}, geometry: value } satisfies Feature | Record<string, unknown>];
  else return err({ code: 'notGeoJson', params: { type: typeof value.type === 'string' ? value.type : '' } });
  if (features.length === 0) return err({ code: 'noRecords' });
  return tableFromFeatures(features, 'geojson', { problems: unsafe, declaredCrs: legacyCrs(value.crs) });
}
