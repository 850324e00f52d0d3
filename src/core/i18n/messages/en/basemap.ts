/** English for ../basemap.ts (loaded on first use, see ../../translate.ts). */
import type { zh } from '../basemap';

export const en: Readonly<Record<keyof typeof zh, string>> = {
  'basemap.file': 'Basemap file on this computer',
  'basemap.deployed': "Basemap on the bureau's server",
  'basemap.custom': 'Intranet tile service (XYZ / WMTS)',
  'basemap.fileOption': 'Basemap file: {name}',
  'basemap.deployedOption': 'Deployed: {name}',
  'basemap.filesTitle': 'Street basemap files (PMTiles)',
  'basemap.fileHint':
    'Load a PMTiles archive: vector (Protomaps or OpenMapTiles schema) or raster (PNG / JPEG / WebP). The file is kept in this browser and works offline.',
  'basemap.fileInput': 'Load basemap file…',
  'basemap.storing': 'Saving {name}: {done} / {size}',
  'basemap.added': 'Loaded basemap {name} and made it the basemap.',
  'basemap.remove': 'Remove',
  'basemap.removeTitle': 'Remove basemap file {name}',
  'basemap.show': 'Show',
  'basemap.details': '{type} · zoom {minZoom}–{maxZoom} · {size}',
  'basemap.boundsText': 'Extent {w}°–{e}°E, {s}°–{n}°N',
  'basemap.type.mvt': 'Vector',
  'basemap.type.png': 'Raster PNG',
  'basemap.type.jpeg': 'Raster JPEG',
  'basemap.type.webp': 'Raster WebP',
  'basemap.attribution': 'Data: {text}',
  'basemap.noAttribution': 'The file names no data source',
  'basemap.crsLabel': 'Datum',
  'basemap.crs.wgs84': 'WGS84 / CGCS2000 (as this map)',
  'basemap.crs.gcj02': 'GCJ-02 (Amap, Tencent, …)',
  'basemap.gcjWarning':
    'The basemap is in GCJ-02, hundreds of metres off our WGS84 data: schools and boundaries drawn over it may look offset.',
  'basemap.missing':
    'The chosen basemap is not available (file removed, not on the server, or a wrong address): the built-in offline basemap is shown.',
  'basemap.store.opfs': "Kept in the browser's origin-private file system (OPFS).",
  'basemap.store.idb':
    'Kept in IndexedDB (this page is not a secure context, so OPFS is unavailable; deploy large files on the server instead).',
  'basemap.store.memory': "Kept in this page's memory only.",
  'basemap.deployedTitle': "Basemaps on the bureau's server",
  'basemap.noneDeployed':
    'No basemap is deployed on the server: IT can place basemap.pmtiles beside index.html (see README).',
  'basemap.customTitle': 'Intranet tile service',
  'basemap.customUrl': 'URL template',
  'basemap.customPlaceholder': 'e.g. http://gis.intranet/tiles/{z}/{x}/{y}.png',
  'basemap.customAttribution': 'Data source (shown on the map and in exports)',
  'basemap.customTest': 'Test',
  'basemap.testing': 'Requesting one tile…',
  'basemap.customHost': 'When chosen, the map requests tiles from {host}.',
  'basemap.probe.ok': 'Works: a {width}×{height} tile image came back.',
  'basemap.probe.status': 'The server answered HTTP {status}.',
  'basemap.probe.status401': 'The server answered HTTP {status}: a wrong key or no access.',
  'basemap.probe.status404': 'The server answered HTTP 404: a wrong address, layer name or zoom/row/column.',
  'basemap.probe.network':
    'The service cannot be reached, or the browser blocked the cross-origin request (CORS): check the address and that the server allows this site.',
  'basemap.probe.notImage': 'What came back is not an image ({type}): the address may be wrong or need a login.',
  'basemap.probe.size': 'The tile is {width}×{height}: expected a square 256 or 512 px Web Mercator tile.',
  'basemap.tpl.empty': 'Enter a URL template.',
  'basemap.tpl.scheme': 'The address must start with http:// or https://.',
  'basemap.tpl.placeholders':
    'The template lacks {missing}: XYZ uses {z}/{x}/{y}, WMTS {TileMatrix}/{TileRow}/{TileCol}.',
  'basemap.tpl.geographic':
    'This service is in geographic coordinates (EPSG:4326 / 4490 or Tianditu _c), which do not line up with Web Mercator: use its Web Mercator edition (EPSG:3857, Tianditu _w).',
  'basemap.err.truncated':
    '{name} is incomplete: {size}, while its header needs at least {needed}. The download or copy may not have finished.',
  'basemap.err.magic': '{name} is not a PMTiles file (it does not start with “PMTiles”). Choose a .pmtiles archive.',
  'basemap.err.version':
    '{name} is PMTiles version {version}; this app reads version 3: convert it with pmtiles convert.',
  'basemap.err.tileType':
    "{name}'s tile type ({type}) is not supported: vector (MVT) and PNG, JPEG, WebP raster tiles are.",
  'basemap.err.compression':
    '{name} uses a compression the browser cannot inflate (code {code}): repackage it with gzip or no compression.',
  'basemap.err.bounds': "{name}'s extent or zoom range is invalid.",
  'basemap.err.metadata': "{name}'s metadata cannot be read (damaged, or not JSON).",
  'basemap.err.schema':
    "{name}'s vector layers ({layers}) are neither the Protomaps nor the OpenMapTiles schema: no street style fits them.",
  'basemap.err.quota':
    'Not enough browser storage: {name} is {size}, about {available} is available. Free some space, or ask IT to deploy it on the server.',
  'basemap.err.write': 'Saving {name} failed: {message}',
  'basemap.err.store': 'The basemap file storage cannot be opened: {message}',
  'credit.basemap': 'Basemap: {text}',
};
