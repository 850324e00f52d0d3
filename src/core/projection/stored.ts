/**
 * The planner's imported demography as stored in IndexedDB, read back through a schema: a record that
 * does not fit is dropped whole (and the app says so), never half-read.
 */
import { isRecord } from '../result';
import type { ImportedDemography } from './project';

const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const int = (v: unknown): v is number => num(v) && Number.isInteger(v);

export function parseImportedDemography(raw: unknown): ImportedDemography | null {
  if (!isRecord(raw) || !Array.isArray(raw.births) || !Array.isArray(raw.ages) || !isRecord(raw.source)) return null;
  const { file, importedAt } = raw.source;
  if (typeof file !== 'string' || !num(importedAt)) return null;
  const births: ImportedDemography['births'][number][] = [];
  for (const r of raw.births as unknown[]) {
    if (!isRecord(r) || typeof r.adcode !== 'string' || !int(r.year) || !num(r.births)) return null;
    births.push({ adcode: r.adcode, year: r.year, births: r.births });
  }
  const ages: ImportedDemography['ages'][number][] = [];
  for (const r of raw.ages as unknown[]) {
    if (!isRecord(r) || typeof r.adcode !== 'string' || !int(r.year) || !int(r.age) || !num(r.population)) return null;
    ages.push({ adcode: r.adcode, year: r.year, age: r.age, population: r.population });
  }
  return { births, ages, source: { file, importedAt } };
}
