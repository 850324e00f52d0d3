/** The parts of shpjs 6 the Shapefile codec uses (the package ships no types). */
declare module 'shpjs' {
  export function parseShp(shp: ArrayBuffer | ArrayBufferView, prj?: string | false): unknown[];
  export function parseDbf(dbf: ArrayBuffer | ArrayBufferView, cpg?: string): Record<string, unknown>[];
}
