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
