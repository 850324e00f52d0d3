/** English for ../gis.ts (loaded on first use, see ../../translate.ts). */
import type { zh } from '../gis';

export const en: Readonly<Record<keyof typeof zh, string>> = {
  'export.sites': 'Site outlines GeoJSON (polygons)',
  'export.gis': 'GIS and field-app formats (Shapefile, KML, projected)…',
  'gis.title': 'GIS and field-app formats',
  'gis.intro':
    'Files for the natural resources bureau (ArcGIS, CGCS2000 Gauss–Krüger), colleagues with QGIS, or phones on a site visit (Ovital Map, Google Earth).',
  'gis.crs': 'Coordinate system (Shapefile, projected GeoJSON / CSV)',
  'gis.crsHint':
    "Our data is WGS84; CGCS2000 differs from it by centimetres and is written as is, without a datum shift. The default zone follows the projects' mean longitude (west of 118.5°E: the 117°E zone; east: 120°E).",
  'gis.kmlDatum': 'KML / KMZ coordinates',
  'gis.kmlDatum.wgs84': 'WGS84 (Google Earth, Ovital default)',
  'gis.kmlDatum.gcj02': 'GCJ-02 (apps built on Amap and similar maps)',
  'gis.shapefile': 'Shapefile (.zip)',
  'gis.shapefileHint':
    'projects: the project points; sites: the site outlines as polygons ({sites} projects have one). With a .prj (the chosen system) and a .cpg (UTF-8); field names are Chinese of at most 10 bytes (mapping in docs/EXPORTS.md); year, seats, investment and the like are numeric fields, the export date a date field.',
  'gis.kml': 'KML (placemarks)',
  'gis.kmlHint':
    "One placemark per project: its name, its kind's colour, a table of its attributes, and its site outline where it has one.",
  'gis.kmz': 'KMZ (with icons)',
  'gis.kmzHint': 'The KML packed with an icon tinted by kind; phone apps open it as it is.',
  'gis.geojsonProjected': 'Projected GeoJSON',
  'gis.geojsonProjectedHint':
    'Project points as [easting, northing] in metres, the system named in a crs member. Not RFC 7946 GeoJSON: to bring it back into this app, use the WGS84 GeoJSON.',
  'gis.csvProjected': 'Projected CSV',
  'gis.csvProjectedHint':
    'The project table: X is the northing, Y the easting (the surveying convention), in metres; the system is named in the header.',
  'gis.download': 'Download',
  'gis.close': 'Close',
  'gis.yes': 'yes',
  'gis.no': 'no',
  'gis.kmlWgs': 'Coordinates: WGS84 (EPSG:4326).',
  'gis.kmlGcj': 'Coordinates: GCJ-02 (for apps built on Amap and similar maps; hundreds of metres off WGS84).',
  'gis.projectedNote': 'Coordinate system: {crs}; coordinate order [easting, northing], in metres.',
  'gis.csvX': 'X (northing, m, {crs})',
  'gis.csvY': 'Y (easting, m, {crs})',
  'gis.csvLon': 'Longitude ({crs})',
  'gis.csvLat': 'Latitude ({crs})',
  'gis.failed': 'Export failed: {message}',
};
