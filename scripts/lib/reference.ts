/** Reads the committed geodata from disk (for scripts and unit tests; the app fetches the same files). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReferenceData, type ReferenceData } from '../../src/core/geodata/reference';

export const ROOT = join(import.meta.dirname, '..', '..');

export const readJson = (path: string): unknown => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));

export function readReference(): ReferenceData {
  const r = parseReferenceData({
    counties: readJson('geodata/counties.geojson'),
    land: readJson('geodata/land.geojson'),
    rivers: readJson('geodata/rivers.geojson'),
    labels: readJson('geodata/labels.geojson'),
    townships: readJson('geodata/townships.json'),
    zones: readJson('geodata/zones.json'),
    city: readJson('geodata/city.json'),
  });
  if (!r.ok) throw new Error(r.error);
  return r.value;
}
