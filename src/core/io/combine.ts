/** The files a planner picks together, as one file to read: loose Shapefile parts are zipped into one. */
import { zipSync } from 'fflate';
import type { InputFile } from './types';

export const baseName = (name: string): string => name.replace(/\.[^.]+$/, '').trim() || name;

/**
 * Loose Shapefile parts (.shp, .dbf, .prj, .cpg) chosen together are zipped into one file — several
 * Shapefiles picked at once (a folder) become one zip of layers the dialog lists.
 */
export function combineFiles(files: readonly InputFile[]): InputFile | null {
  if (files.length === 0) return null;
  const shp = files.find((f) => /\.shp$/i.test(f.name));
  if (files.length > 1 && shp) {
    const parts = Object.fromEntries(
      files.filter((f) => /\.(shp|dbf|prj|cpg)$/i.test(f.name)).map((f) => [f.name, f.bytes]),
    );
    return { name: `${baseName(shp.name)}.zip`, bytes: zipSync(parts) };
  }
  if (shp) return { name: shp.name, bytes: shp.bytes };
  return files[0] ?? null;
}
