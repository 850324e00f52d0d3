/**
 * The systems our GIS exports offer, without the projection library (the export dialog loads at start):
 * WGS84, CGCS2000 geographic, and CGCS2000 3° Gauss–Krüger CM 117°E / 120°E without and with the zone
 * number (zones 39 and 40). `projected.ts` does the arithmetic.
 */
export const EXPORT_CRS = ['EPSG:4326', 'EPSG:4490', 'EPSG:4548', 'EPSG:4549', 'EPSG:4527', 'EPSG:4528'] as const;
export type ExportCrs = (typeof EXPORT_CRS)[number];
export const isExportCrs = (v: unknown): v is ExportCrs => (EXPORT_CRS as readonly unknown[]).includes(v);

export const epsgNumber = (crs: ExportCrs): number => Number(crs.slice(5));
export const isProjectedExport = (crs: ExportCrs): boolean => crs !== 'EPSG:4326' && crs !== 'EPSG:4490';

/** The zone a set of points falls in mostly: the mean longitude against the 118.5°E boundary. */
export function defaultExportZone(lons: readonly number[]): 'EPSG:4548' | 'EPSG:4549' {
  if (lons.length === 0) return 'EPSG:4549';
  const mean = lons.reduce((s, v) => s + v, 0) / lons.length;
  return mean < 118.5 ? 'EPSG:4548' : 'EPSG:4549';
}

const GK: Readonly<Record<string, { cm: number; zone: number | null }>> = {
  'EPSG:4548': { cm: 117, zone: null },
  'EPSG:4549': { cm: 120, zone: null },
  'EPSG:4527': { cm: 117, zone: 39 },
  'EPSG:4528': { cm: 120, zone: 40 },
};

/** How the system is named in file headers and the dialog. */
export function crsLabel(crs: ExportCrs, lang: 'zh' | 'en'): string {
  const gk = GK[crs];
  if (!gk)
    return crs === 'EPSG:4326'
      ? 'WGS84 (EPSG:4326)'
      : `CGCS2000 ${lang === 'zh' ? '地理坐标' : 'geographic'} (EPSG:4490)`;
  const zone =
    gk.zone === null
      ? lang === 'zh'
        ? '不带带号'
        : 'no zone prefix'
      : lang === 'zh'
        ? `带号 ${gk.zone}`
        : `zone ${gk.zone} prefix`;
  return lang === 'zh'
    ? `CGCS2000 3°高斯-克吕格 中央经线 ${gk.cm}°E（${zone}，${crs}）`
    : `CGCS2000 3° Gauss–Krüger CM ${gk.cm}°E (${zone}, ${crs})`;
}
