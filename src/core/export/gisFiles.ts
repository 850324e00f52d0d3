/**
 * Exports for desktop GIS and field apps, judged by GDAL in the tests:
 * - 用地红线 as real polygon features (GeoJSON, WGS84), each carrying its project's id;
 * - a zipped Shapefile set: `projects` (points) and `sites` (polygons), .prj in the chosen system, .cpg
 *   UTF-8, Chinese field names of ≤ 10 bytes (SHP_FIELDS, documented in docs/EXPORTS.md), typed values;
 * - KML / KMZ (WGS84, or GCJ-02 for apps that expect it);
 * - GeoJSON and CSV in a projected system (CGCS2000 3° Gauss–Krüger), the axis order said in the header.
 */
import { zipSync, strToU8 } from 'fflate';
import type { ReferenceIndex } from '../geodata/reference';
import { translate, type Lang, type MessageKey } from '../i18n/translate';
import { PROJECT_KINDS, type ProjectKind } from '../model/kinds';
import type { ProjectFeature, ScenarioCollection } from '../model/project';
import { wgs84ToGcj02 } from '../io/crs';
import { writeCsv } from '../io/csv';
import { writeKml, type KmlPlacemark } from '../io/write/kml';
import { dotIcon } from '../io/write/png';
import { crsLabel, fromWgs84, isProjectedExport, prjText, type ExportCrs } from '../io/write/projected';
import { writeShapefile, type DbfField, type DbfValue } from '../io/write/shapefile';
import type { ExportFile } from './scenarioFiles';

export interface GisOptions {
  readonly lang: Lang;
  readonly index: ReferenceIndex;
  readonly crs: ExportCrs;
  /** KML: WGS84, or GCJ-02 for apps built on 高德-style maps. */
  readonly kmlDatum: 'wgs84' | 'gcj02';
  /** Symbol colour of each kind (#RRGGBB), as on the map. */
  readonly kindColors: Readonly<Record<ProjectKind, string>>;
  readonly now: number;
}

type Ring = (readonly [number, number])[];

/** Our fields in the Shapefile's table: dBase name (≤ 10 bytes), type, width; docs/EXPORTS.md lists them. */
export const SHP_FIELDS = [
  { key: 'id', field: { name: 'ID', type: 'C', width: 40 } },
  { key: 'name', field: { name: '名称', type: 'C', width: 254 } },
  { key: 'kind', field: { name: '类型', type: 'C', width: 30 } },
  { key: 'action', field: { name: '性质', type: 'C', width: 20 } },
  { key: 'status', field: { name: '进度', type: 'C', width: 20 } },
  { key: 'year', field: { name: '年度', type: 'N', width: 4 } },
  { key: 'seats', field: { name: '学位', type: 'N', width: 7 } },
  { key: 'classes', field: { name: '班级', type: 'N', width: 4 } },
  { key: 'county', field: { name: '区县', type: 'C', width: 30 } },
  { key: 'countyCode', field: { name: '区划码', type: 'C', width: 6 } },
  { key: 'township', field: { name: '乡镇', type: 'C', width: 60 } },
  { key: 'zone', field: { name: '片区', type: 'C', width: 30 } },
  { key: 'centralDistrict', field: { name: '中心区', type: 'C', width: 6 } },
  { key: 'ownership', field: { name: '办园', type: 'C', width: 20 } },
  { key: 'investment', field: { name: '投资', type: 'N', width: 14, decimals: 2 } },
  { key: 'landArea', field: { name: '用地m2', type: 'N', width: 14, decimals: 1 } },
  { key: 'locationPrecision', field: { name: '位置', type: 'C', width: 60 } },
  { key: 'source', field: { name: '来源', type: 'C', width: 254 } },
  { key: 'notes', field: { name: '备注', type: 'C', width: 254 } },
  { key: 'exported', field: { name: '导出日', type: 'D', width: 8 } },
] as const satisfies readonly { key: string; field: DbfField }[];

const SITE_FIELDS: readonly DbfField[] = [
  { name: 'ID', type: 'C', width: 40 },
  { name: '名称', type: 'C', width: 254 },
  { name: '类型', type: 'C', width: 30 },
  { name: '学位', type: 'N', width: 7 },
  { name: '用地m2', type: 'N', width: 14, decimals: 1 },
];

function attributes(p: ProjectFeature, o: GisOptions): Record<(typeof SHP_FIELDS)[number]['key'], DbfValue> {
  const t = (k: MessageKey): string => translate(o.lang, k);
  const q = p.properties;
  const county = o.index.countyByCode.get(q.countyCode);
  const township = q.townshipCode ? o.index.townshipByCode.get(q.townshipCode) : undefined;
  return {
    id: q.id,
    name: o.lang === 'en' && q.nameEn ? q.nameEn : q.name,
    kind: t(`kind.${q.kind}`),
    action: t(`action.${q.action}`),
    status: t(`status.${q.status}`),
    year: q.year,
    seats: q.seats,
    classes: q.classes,
    county: county ? (o.lang === 'en' ? county.nameEn : county.name) : q.countyCode,
    countyCode: q.countyCode,
    township: township?.name ?? null,
    zone: q.zone ? t(`zone.${q.zone}`) : null,
    centralDistrict: t(q.centralDistrict ? 'gis.yes' : 'gis.no'),
    ownership: q.ownership ? t(`ownership.${q.ownership}`) : null,
    investment: q.investment,
    landArea: q.landArea,
    locationPrecision: t(`precision.${q.locationPrecision}`),
    source: q.source ?? null,
    notes: q.notes ?? null,
    exported: new Date(o.now),
  };
}

const pointOf = (p: ProjectFeature): [number, number] => [
  p.geometry.coordinates[0] ?? 0,
  p.geometry.coordinates[1] ?? 0,
];
const ringsOf = (p: ProjectFeature): Ring[] =>
  (p.properties.site?.coordinates ?? []).map((r) => r.map(([x = 0, y = 0]) => [x, y] as const));

/** 用地红线 as polygon features (WGS84, RFC 7946), each with its project's id, name, kind, seats, area. */
export function sitesGeoJson(scenario: ScenarioCollection, o: GisOptions): string {
  const features = scenario.features
    .filter((p) => p.properties.site)
    .map((p) => ({
      type: 'Feature',
      id: `${p.id}-site`,
      properties: {
        projectId: p.id,
        name: p.properties.name,
        kind: translate(o.lang, `kind.${p.properties.kind}`),
        seats: p.properties.seats,
        landArea: p.properties.landArea,
      },
      geometry: p.properties.site,
    }));
  return `${JSON.stringify({ type: 'FeatureCollection', name: 'sites', features }, null, 1)}\n`;
}

/** projects.* and sites.* (when any project has a site) in one zip. */
export function shapefileZip(scenario: ScenarioCollection, o: GisOptions): Uint8Array {
  const f = fromWgs84(o.crs);
  const today = new Date(o.now);
  const prj = prjText(o.crs);
  const files: Record<string, Uint8Array | string> = writeShapefile(
    {
      name: 'projects',
      shapeType: 'point',
      fields: SHP_FIELDS.map((s) => s.field),
      records: scenario.features.map((p) => {
        const a = attributes(p, o);
        const [lon, lat] = pointOf(p);
        return { geometry: { type: 'Point', coordinates: f(lon, lat) }, values: SHP_FIELDS.map((s) => a[s.key]) };
      }),
      prj,
    },
    today,
  );
  const withSite = scenario.features.filter((p) => p.properties.site);
  if (withSite.length > 0)
    Object.assign(
      files,
      writeShapefile(
        {
          name: 'sites',
          shapeType: 'polygon',
          fields: SITE_FIELDS,
          records: withSite.map((p) => ({
            geometry: { type: 'Polygon', coordinates: ringsOf(p).map((r) => r.map(([x, y]) => f(x, y))) },
            values: [
              p.id,
              p.properties.name,
              translate(o.lang, `kind.${p.properties.kind}`),
              p.properties.seats,
              p.properties.landArea,
            ],
          })),
          prj,
        },
        today,
      ),
    );
  const entries = Object.fromEntries(
    Object.entries(files).map(([name, data]) => [name, typeof data === 'string' ? strToU8(data) : data]),
  );
  return zipSync(entries, { level: 6, mtime: today });
}

/** The attributes of descriptions and tables, in display order: [key of `attributes`, label]. */
const LABELLED: readonly [
  Exclude<(typeof SHP_FIELDS)[number]['key'], 'name' | 'countyCode' | 'exported'>,
  MessageKey,
][] = [
  ['kind', 'field.kind'],
  ['action', 'field.action'],
  ['status', 'field.status'],
  ['year', 'field.year'],
  ['seats', 'field.seats'],
  ['classes', 'field.classes'],
  ['county', 'field.county'],
  ['township', 'field.township'],
  ['zone', 'field.zone'],
  ['centralDistrict', 'field.centralDistrict'],
  ['ownership', 'field.ownership'],
  ['investment', 'field.investment'],
  ['landArea', 'field.landArea'],
  ['locationPrecision', 'field.locationPrecision'],
  ['source', 'field.source'],
  ['notes', 'field.notes'],
  ['id', 'field.id'],
];

/** Every attribute as [key, label, text] in display order, empty ones included (a table's columns). */
function labelled(p: ProjectFeature, o: GisOptions): [string, string, string][] {
  const a = attributes(p, o);
  return LABELLED.map(([key, label]) => {
    const v = a[key];
    return [key, translate(o.lang, label), v === null || v instanceof Date ? '' : String(v)];
  });
}

export function kmlText(scenario: ScenarioCollection, o: GisOptions, icon: string | null): string {
  const gcj = o.kmlDatum === 'gcj02';
  const f = gcj ? wgs84ToGcj02 : (lon: number, lat: number): [number, number] => [lon, lat];
  const placemarks: KmlPlacemark[] = scenario.features.map((p) => {
    const [lon, lat] = pointOf(p);
    const rings = ringsOf(p);
    return {
      name: o.lang === 'en' && p.properties.nameEn ? p.properties.nameEn : p.properties.name,
      style: p.properties.kind,
      point: f(lon, lat),
      polygon: rings.length > 0 ? rings.map((r) => r.map(([x, y]) => f(x, y))) : null,
      // a placemark lists only what the project has
      attributes: labelled(p, o).filter(([, , v]) => v !== ''),
    };
  });
  return writeKml({
    name: scenario.scenario.name,
    description: translate(o.lang, gcj ? 'gis.kmlGcj' : 'gis.kmlWgs'),
    styles: Object.fromEntries(
      PROJECT_KINDS.map((k) => [k, { color: o.kindColors[k], label: translate(o.lang, `kind.${k}`) }]),
    ),
    placemarks,
    icon,
  });
}

export function kmz(scenario: ScenarioCollection, o: GisOptions): Uint8Array {
  return zipSync(
    { 'doc.kml': strToU8(kmlText(scenario, o, 'files/dot.png')), 'files/dot.png': dotIcon(32) },
    { level: 6, mtime: new Date(o.now) },
  );
}

/** Projected GeoJSON: [easting, northing] with the system named in a `crs` member (not RFC 7946, said so). */
export function projectedGeoJson(scenario: ScenarioCollection, o: GisOptions): string {
  const f = fromWgs84(o.crs);
  const epsg = o.crs.slice(5);
  const doc = {
    type: 'FeatureCollection',
    name: 'projects',
    crs: { type: 'name', properties: { name: `urn:ogc:def:crs:EPSG::${epsg}` } },
    qzNote: translate(o.lang, 'gis.projectedNote', { crs: crsLabel(o.crs, o.lang) }),
    features: scenario.features.map((p) => {
      const a = attributes(p, o);
      const [lon, lat] = pointOf(p);
      const { exported: _exported, ...props } = a;
      return { type: 'Feature', id: p.id, properties: props, geometry: { type: 'Point', coordinates: f(lon, lat) } };
    }),
  };
  return `${JSON.stringify(doc, null, 1)}\n`;
}

/** Projected CSV: X = northing and Y = easting (the surveying convention), the system in the header. */
export function projectedCsv(scenario: ScenarioCollection, o: GisOptions): string {
  const f = fromWgs84(o.crs);
  const projected = isProjectedExport(o.crs);
  const label = crsLabel(o.crs, o.lang);
  const t = (k: MessageKey): string => translate(o.lang, k);
  const header = [
    t('field.name'),
    ...(projected
      ? [translate(o.lang, 'gis.csvX', { crs: label }), translate(o.lang, 'gis.csvY', { crs: label })]
      : [translate(o.lang, 'gis.csvLon', { crs: label }), translate(o.lang, 'gis.csvLat', { crs: label })]),
  ];
  const rows = scenario.features.map((p) => {
    const [lon, lat] = pointOf(p);
    const [x, y] = f(lon, lat);
    const coords = projected
      ? [Number(y.toFixed(3)), Number(x.toFixed(3))]
      : [Number(x.toFixed(8)), Number(y.toFixed(8))];
    // every project has every column (the id last), whatever the first project leaves empty
    return [
      o.lang === 'en' && p.properties.nameEn ? p.properties.nameEn : p.properties.name,
      ...coords,
      ...labelled(p, o).map(([, , v]) => v),
    ];
  });
  header.push(...LABELLED.map(([, label]) => t(label)));
  return writeCsv(header, rows);
}

export const GIS_EXPORT_KINDS = ['sites', 'shapefile', 'kml', 'kmz', 'geojsonProjected', 'csvProjected'] as const;
export type GisExportKind = (typeof GIS_EXPORT_KINDS)[number];

export function buildGisExport(kind: GisExportKind, scenario: ScenarioCollection, o: GisOptions): ExportFile {
  const base = scenario.scenario.name;
  const zone = o.crs.replace(':', '');
  switch (kind) {
    case 'sites':
      return { name: `${base}-用地红线.geojson`, mime: 'application/geo+json', data: sitesGeoJson(scenario, o) };
    case 'shapefile':
      return { name: `${base}-${zone}-shp.zip`, mime: 'application/zip', data: shapefileZip(scenario, o) };
    case 'kml':
      return {
        name: `${base}${o.kmlDatum === 'gcj02' ? '-GCJ02' : ''}.kml`,
        mime: 'application/vnd.google-earth.kml+xml',
        data: kmlText(scenario, o, null),
      };
    case 'kmz':
      return {
        name: `${base}${o.kmlDatum === 'gcj02' ? '-GCJ02' : ''}.kmz`,
        mime: 'application/vnd.google-earth.kmz',
        data: kmz(scenario, o),
      };
    case 'geojsonProjected':
      return { name: `${base}-${zone}.geojson`, mime: 'application/geo+json', data: projectedGeoJson(scenario, o) };
    case 'csvProjected':
      return { name: `${base}-${zone}.csv`, mime: 'text/csv;charset=utf-8', data: projectedCsv(scenario, o) };
  }
}
