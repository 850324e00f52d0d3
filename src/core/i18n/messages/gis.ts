/** Exports for desktop GIS and field apps: the dialog, file headers and descriptions. */
export const zh = {
  'export.sites': '用地红线 GeoJSON（面要素）',
  'export.gis': 'GIS 与外业格式（Shapefile、KML、投影坐标）…',
  'gis.title': 'GIS 与外业格式',
  'gis.intro':
    '交给自然资源部门（ArcGIS，CGCS2000 高斯-克吕格）、使用 QGIS 的同事，或外业手机（奥维互动地图、Google Earth）的文件。',
  'gis.crs': '坐标系（Shapefile、投影坐标 GeoJSON / CSV）',
  'gis.crsHint':
    '本系统的数据为 WGS84；CGCS2000 与 WGS84 相差仅厘米级，按 CGCS2000 直接写出，不做基准转换。默认按项目的平均经度选带（118.5°E 以西为 117°E 带，以东为 120°E 带）。',
  'gis.kmlDatum': 'KML / KMZ 坐标',
  'gis.kmlDatum.wgs84': 'WGS84（Google Earth、奥维默认）',
  'gis.kmlDatum.gcj02': 'GCJ-02（基于高德等地图的 APP）',
  'gis.shapefile': 'Shapefile（.zip）',
  'gis.shapefileHint':
    'projects：项目点；sites：用地红线面（{sites} 个项目有红线）。含 .prj（所选坐标系）和 .cpg（UTF-8）；字段名为不超过 10 字节的中文（对照表见 docs/EXPORTS.md），年度、学位、投资等为数值字段，导出日为日期字段。',
  'gis.kml': 'KML（地标文件）',
  'gis.kmlHint': '每个项目一个地标：名称、按类型着色、属性表；有用地红线的项目一并给出红线面。',
  'gis.kmz': 'KMZ（含图标）',
  'gis.kmzHint': 'KML 与按类型着色的图标打包在一起，手机 APP 可直接打开。',
  'gis.geojsonProjected': '投影坐标 GeoJSON',
  'gis.geojsonProjectedHint':
    '项目点，坐标为 [东坐标, 北坐标]（米），以 crs 成员注明坐标系。这不是 RFC 7946 标准 GeoJSON：导回本系统请用 WGS84 的 GeoJSON。',
  'gis.csvProjected': '投影坐标 CSV',
  'gis.csvProjectedHint': '项目表：X 为北坐标、Y 为东坐标（测绘习惯），单位米，表头注明坐标系。',
  'gis.download': '下载',
  'gis.close': '关闭',
  'gis.yes': '是',
  'gis.no': '否',
  'gis.kmlWgs': '坐标：WGS84（EPSG:4326）。',
  'gis.kmlGcj': '坐标：GCJ-02（供基于高德等地图的 APP 使用，与 WGS84 相差约数百米）。',
  'gis.projectedNote': '坐标系：{crs}；坐标顺序 [东坐标, 北坐标]，单位米。',
  'gis.csvX': 'X（北坐标，米，{crs}）',
  'gis.csvY': 'Y（东坐标，米，{crs}）',
  'gis.csvLon': '经度（{crs}）',
  'gis.csvLat': '纬度（{crs}）',
  'gis.failed': '导出失败：{message}',
};

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
