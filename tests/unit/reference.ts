/** Loads the committed geodata for unit tests (the same files the app ships). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  indexReference,
  parseReferenceData,
  type ReferenceData,
  type ReferenceIndex,
} from '../../src/core/geodata/reference';

const root = join(import.meta.dirname, '..', '..');
const read = (p: string): unknown => JSON.parse(readFileSync(join(root, p), 'utf8'));

export function loadReference(): ReferenceData {
  const r = parseReferenceData({
    counties: read('geodata/counties.geojson'),
    land: read('geodata/land.geojson'),
    rivers: read('geodata/rivers.geojson'),
    labels: read('geodata/labels.geojson'),
    townships: read('geodata/townships.json'),
    zones: read('geodata/zones.json'),
    city: read('geodata/city.json'),
  });
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

export function loadIndex(): ReferenceIndex {
  return indexReference(loadReference());
}

export function readJson(path: string): unknown {
  return read(path);
}
