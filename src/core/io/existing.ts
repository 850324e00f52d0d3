/**
 * Existing schools (现有学校): a reference layer imported once and kept, the supply side of the demand
 * table and the kindergarten rates. Stored as plain records, validated whenever they are read back.
 */
import type { ExistingSchool } from '../analysis/demand';
import type { ReferenceIndex } from '../geodata/reference';
import { isProjectKind } from '../model/kinds';
import { OWNERSHIPS, type Ownership } from '../model/project';
import type { InterpretedRow } from './interpret';
import { isRecord } from '../result';

export interface ExistingSchoolRecord extends ExistingSchool {
  readonly id: string;
  readonly name: string;
  readonly lon: number;
  readonly lat: number;
}

/** The layer as stored: the schools and where they came from. */
export interface ExistingLayer {
  readonly schools: readonly ExistingSchoolRecord[];
  readonly source: { readonly file: string; readonly importedAt: number; readonly crs: string };
}

/**
 * Rows read from a file, as existing schools: their seats are current capacity, their enrolment what the
 * file says, and their ownership only what the file says (never the default a new project gets).
 */
export const existingFromRows = (rows: readonly InterpretedRow[]): ExistingSchoolRecord[] =>
  rows.map(({ project: p, enrolled, ownershipGiven }) => ({
    id: p.id,
    name: p.properties.name,
    kind: p.properties.kind,
    seats: p.properties.seats,
    countyCode: p.properties.countyCode,
    zone: p.properties.zone,
    ownership: ownershipGiven ? p.properties.ownership : null,
    enrolled,
    lon: p.geometry.coordinates[0] ?? 0,
    lat: p.geometry.coordinates[1] ?? 0,
  }));

/** Reads a stored layer back; records that no longer validate are dropped and counted. */
export function parseExistingLayer(
  raw: unknown,
  ref: ReferenceIndex,
): { layer: ExistingLayer | null; skipped: number } {
  if (!isRecord(raw) || !Array.isArray(raw.schools) || !isRecord(raw.source)) return { layer: null, skipped: 0 };
  const src = raw.source;
  const schools: ExistingSchoolRecord[] = [];
  let skipped = 0;
  for (const s of raw.schools as unknown[]) {
    if (
      !isRecord(s) ||
      typeof s.id !== 'string' ||
      typeof s.name !== 'string' ||
      !isProjectKind(s.kind) ||
      typeof s.seats !== 'number' ||
      !Number.isFinite(s.seats) ||
      s.seats < 0 ||
      typeof s.countyCode !== 'string' ||
      !ref.countyByCode.has(s.countyCode) ||
      typeof s.lon !== 'number' ||
      typeof s.lat !== 'number'
    ) {
      skipped++;
      continue;
    }
    const ownership = (OWNERSHIPS as readonly unknown[]).includes(s.ownership) ? (s.ownership as Ownership) : null;
    schools.push({
      id: s.id,
      name: s.name,
      kind: s.kind,
      seats: s.seats,
      countyCode: s.countyCode,
      zone: typeof s.zone === 'string' ? s.zone : null,
      ownership,
      enrolled: typeof s.enrolled === 'number' && Number.isFinite(s.enrolled) && s.enrolled >= 0 ? s.enrolled : null,
      lon: s.lon,
      lat: s.lat,
    });
  }
  return {
    layer: {
      schools,
      source: {
        file: typeof src.file === 'string' ? src.file : '',
        importedAt: typeof src.importedAt === 'number' ? src.importedAt : 0,
        crs: typeof src.crs === 'string' ? src.crs : 'wgs84',
      },
    },
    skipped,
  };
}
