/**
 * The coordinate systems our GIS exports can be written in: WGS84 (the default, RFC 7946), CGCS2000
 * geographic, and CGCS2000 3° Gauss–Krüger zones for 泉州 — CM 117°E and 120°E (the city straddles
 * their boundary at 118.5°E), with or without the zone number before the easting. Our data is WGS84;
 * CGCS2000 differs from it by centimetres, so it is written as CGCS2000 without a datum shift (said in
 * the export dialog).
 */
import proj4 from 'proj4';
import { gaussKruger } from '../crs';
import { epsgNumber, type ExportCrs } from './exportCrs';

export { crsLabel, defaultExportZone, EXPORT_CRS, isExportCrs, isProjectedExport, type ExportCrs } from './exportCrs';

/** WGS84 lon/lat → [x, y] of the system: degrees, or [easting, northing] in metres. */
export function fromWgs84(crs: ExportCrs): (lon: number, lat: number) => [number, number] {
  const gk = gaussKruger(epsgNumber(crs));
  if (!gk) return (lon, lat) => [lon, lat];
  const def = `+proj=tmerc +lat_0=0 +lon_0=${gk.centralMeridian} +k=1 +x_0=${gk.falseEasting} +y_0=0 +ellps=GRS80 +units=m +no_defs`;
  const c = proj4('WGS84', def);
  return (lon, lat) => {
    const [x = NaN, y = NaN] = c.forward([lon, lat]);
    return [x, y];
  };
}

const CGCS_GEOG =
  'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
const WGS84_GEOG =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

/** The .prj text (ESRI WKT, as ArcGIS writes it) of a system. */
export function prjText(crs: ExportCrs): string {
  if (crs === 'EPSG:4326') return WGS84_GEOG;
  if (crs === 'EPSG:4490') return CGCS_GEOG;
  const gk = gaussKruger(epsgNumber(crs));
  if (!gk) return WGS84_GEOG;
  const name =
    gk.zone === null ? `CGCS2000_3_Degree_GK_CM_${gk.centralMeridian}E` : `CGCS2000_3_Degree_GK_Zone_${gk.zone}`;
  return (
    `PROJCS["${name}",${CGCS_GEOG},PROJECTION["Gauss_Kruger"],` +
    `PARAMETER["False_Easting",${gk.falseEasting.toFixed(1)}],PARAMETER["False_Northing",0.0],` +
    `PARAMETER["Central_Meridian",${gk.centralMeridian.toFixed(1)}],PARAMETER["Scale_Factor",1.0],` +
    `PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`
  );
}
