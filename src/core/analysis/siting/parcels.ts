/**
 * Candidate parcels a planner imported (e.g. reserved education land of a 控规): points (a polygon's
 * centroid) with a name and their county, as stored in IndexedDB and read back through a schema.
 */
import { isRecord } from '../../result';

export interface CandidateParcel {
  readonly id: string;
  readonly lon: number;
  readonly lat: number;
  readonly countyCode: string;
}

export interface CandidateParcels {
  readonly parcels: readonly CandidateParcel[];
  readonly source: { readonly file: string; readonly importedAt: number };
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The stored record, or null when it does not fit (dropped whole, never half-read). */
export function parseCandidateParcels(raw: unknown): CandidateParcels | null {
  if (!isRecord(raw) || !Array.isArray(raw.parcels) || !isRecord(raw.source)) return null;
  const { file, importedAt } = raw.source;
  if (typeof file !== 'string' || !finite(importedAt)) return null;
  const parcels: CandidateParcel[] = [];
  for (const p of raw.parcels as unknown[]) {
    if (!isRecord(p) || typeof p.id !== 'string' || typeof p.countyCode !== 'string') return null;
    if (!finite(p.lon) || !finite(p.lat) || Math.abs(p.lon) > 180 || Math.abs(p.lat) > 90) return null;
    parcels.push({ id: p.id, lon: p.lon, lat: p.lat, countyCode: p.countyCode });
  }
  return { parcels, source: { file, importedAt } };
}
