/**
 * A zip (or a picked folder, zipped for us) holding one or more layers: Shapefiles, GeoJSON / TopoJSON,
 * CSV, KML or 界址点 TXT files. One layer is read; when there are several, every one is listed (name,
 * format, geometry type, count) so the dialog can offer them, and `layer` picks another.
 */
import type { Polygon } from 'geojson';
import { err, ok, type Result } from '../result';
import { dbfRecordCount, partsOf, readShapefileParts, shapefileLayers, shpGeometryType } from './shapefile';
import type { FormatId, InputFile, IoError, LayerInfo, RawTable } from './types';
import { readZip } from './zip';
import { looksLikeLandTxt } from './landtxt';

const ext = (name: string): string => (/\.([^./]+)$/.exec(name)?.[1] ?? '').toLowerCase();

/** Files a zip may hold as layers of their own, by extension. */
const INNER: Readonly<Record<string, FormatId>> = {
  geojson: 'geojson',
  json: 'geojson',
  topojson: 'topojson',
  csv: 'csv',
  txt: 'csv',
  kml: 'kml',
};
const SHAPEFILE_PARTS = new Set(['shp', 'dbf', 'prj', 'cpg', 'shx']);

/** Reads another file the zip holds, through the codec that recognises it (the registry's readFile). */
export type InnerReader = (file: InputFile, layer?: string) => Promise<Result<RawTable, IoError>>;

const countOf = (t: RawTable): number => new Set(t.records.map((r) => r.n)).size;
const geometryOf = (t: RawTable): string => {
  const types = new Set(
    t.records.map((r) => r.geometry?.type).filter((g): g is 'Point' | 'Polygon' => g !== undefined),
  );
  return types.size === 0 ? '—' : [...types].sort().join(', ');
};

export async function readZipContainer(
  bytes: Uint8Array,
  layer: string | undefined,
  readInner: InnerReader,
): Promise<Result<RawTable, IoError>> {
  const files = readZip(bytes, (n) => SHAPEFILE_PARTS.has(ext(n)) || ext(n) in INNER);
  if (!files.ok) return files;
  const names = [...files.value.keys()];
  const shpLayers = shapefileLayers(names);
  // a .txt is a layer only when it is a 界址点 file (a readme is not)
  const others = names.filter(
    (n) =>
      ext(n) in INNER &&
      (ext(n) !== 'txt' ||
        looksLikeLandTxt(
          new TextDecoder('utf-8').decode((files.value.get(n) ?? new Uint8Array(0)).subarray(0, 20_000)),
        )),
  );
  if (shpLayers.length === 0 && others.length === 0) {
    // a Shapefile without its .shp, or nothing we read at all
    const hasParts = names.some((n) => SHAPEFILE_PARTS.has(ext(n)));
    return err({ code: 'zipNoData', params: { expected: hasParts ? '.shp' : '.shp / .geojson / .csv / .kml' } });
  }
  // every layer, read once: the listing needs counts, and the one asked for is among them
  const tables = new Map<string, Result<RawTable, IoError>>();
  const infos: LayerInfo[] = [];
  for (const name of shpLayers) {
    const parts = partsOf(files.value, name);
    infos.push({ name, format: 'shapefile', geometry: shpGeometryType(parts.shp), count: dbfRecordCount(parts.dbf) });
  }
  for (const name of others) {
    const t = await readInner({ name: name.replace(/^.*\//, ''), bytes: files.value.get(name) ?? new Uint8Array(0) });
    tables.set(name, t);
    infos.push({
      name: name.replace(/^.*\//, ''),
      format: t.ok ? t.value.format : (INNER[ext(name)] ?? 'csv'),
      geometry: t.ok ? geometryOf(t.value) : '—',
      count: t.ok ? countOf(t.value) : 0,
    });
  }
  const pick = layer ?? infos[0]?.name;
  const info = infos.find((i) => i.name === pick);
  if (!info || pick === undefined)
    return err({ code: 'layerNotFound', params: { layer: pick ?? '', layers: infos.map((i) => i.name).join(', ') } });
  let table: Result<RawTable, IoError>;
  if (info.format === 'shapefile' && shpLayers.includes(pick)) table = readShapefileParts(partsOf(files.value, pick));
  else {
    const key = others.find((n) => n.replace(/^.*\//, '') === pick);
    table =
      key === undefined
        ? err({ code: 'layerNotFound', params: { layer: pick, layers: '' } })
        : (tables.get(key) ?? err({ code: 'noRecords' }));
  }
  if (!table.ok) return table;
  // our own Shapefile export: `projects` (points) and `sites` (their outlines), joined by ID
  const base = (n: string): string => n.replace(/^.*\//, '');
  const sitesLayer = shpLayers.find((n) => base(n) === 'sites');
  let joined = table.value;
  if (base(pick) === 'projects' && sitesLayer && info.format === 'shapefile') {
    const sites = readShapefileParts(partsOf(files.value, sitesLayer));
    if (sites.ok) joined = attachSites(joined, sites.value);
  }
  return ok(infos.length > 1 ? { ...joined, layers: infos, layer: pick } : joined);
}

/**
 * Gives each point the outline of the `sites` record with the same ID (our Shapefile export writes the
 * 用地红线 as a second layer, since a Shapefile holds one geometry type): a round trip keeps the sites.
 */
export function attachSites(points: RawTable, sites: RawTable): RawTable {
  const pid = points.columns.indexOf('ID');
  const sid = sites.columns.indexOf('ID');
  if (pid < 0 || sid < 0) return points;
  const outline = new Map<string, Polygon['coordinates']>();
  for (const r of sites.records)
    if (r.geometry?.type === 'Polygon') outline.set(String(r.values[sid] ?? ''), r.geometry.coordinates);
  return {
    ...points,
    records: points.records.map((r) => {
      const site = outline.get(String(r.values[pid] ?? ''));
      return site && r.geometry?.type === 'Point' ? { ...r, geometry: { ...r.geometry, site } } : r;
    }),
  };
}
