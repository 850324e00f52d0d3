import { parseSlides } from './slides';
import type { MessageKey } from '../i18n/messages';
import type { ReferenceIndex } from '../geodata/reference';
import { err, isRecord, ok, type Result } from '../result';
import { isProjectAction, isProjectKind, isProjectStatus, KIND_INFO } from './kinds';
import type { Polygon, Position } from 'geojson';
import {
  LOCATION_PRECISIONS,
  OWNERSHIPS,
  SCHEMA_VERSION,
  ZONE_IDS,
  type LocationPrecision,
  type Ownership,
  type ProjectFeature,
  type ProjectProperties,
  type ScenarioCollection,
  type ScenarioMeta,
  type ImportRecord,
  type ZoneId,
} from './project';

export type IssueCode =
  | 'required'
  | 'notString'
  | 'notInteger'
  | 'notBoolean'
  | 'outOfRange'
  | 'unknownValue'
  | 'notPoint'
  | 'coordinateRange'
  | 'seatsClasses'
  | 'aboveTypicalScale'
  | 'unknownCounty'
  | 'unknownTownship'
  | 'townshipCounty'
  | 'zoneCounty'
  | 'duplicateId'
  | 'notFeature'
  | 'notCollection'
  | 'missingMeta'
  | 'notNumber'
  | 'notPolygon'
  | 'ownershipKind'
  | 'schemaVersion';

export interface ValidationIssue {
  /** The field the issue is about, e.g. "seats" or "geometry"; a message key names it for the UI. */
  readonly field: string;
  readonly code: IssueCode;
  readonly severity: 'error' | 'warning';
  readonly params: Readonly<Record<string, string | number>>;
  /** Index of the feature in a collection, when validating one. */
  readonly index?: number;
}

export const YEAR_RANGE = { min: 2020, max: 2035 } as const;
export const SEATS_MAX = 10_000;
export const CLASSES_MAX = 200;
/** 100 亿元: far above any school project, catches unit mistakes (元 typed as 万元). */
export const INVESTMENT_MAX = 1_000_000;
/** 200 ha: a large university campus; a school site is 1–10 ha. */
export const LAND_AREA_MAX = 2_000_000;

/** The label of each validated field, for messages. */
const FIELD_KEYS: Readonly<Record<string, MessageKey>> = {
  name: 'field.name',
  kind: 'field.kind',
  action: 'field.action',
  status: 'field.status',
  year: 'field.year',
  seats: 'field.seats',
  classes: 'field.classes',
  countyCode: 'field.county',
  townshipCode: 'field.township',
  zone: 'field.zone',
  centralDistrict: 'field.centralDistrict',
  locationPrecision: 'field.locationPrecision',
  geometry: 'field.geometry',
  id: 'field.id',
  source: 'field.source',
  notes: 'field.notes',
  ownership: 'field.ownership',
  investment: 'field.investment',
  landArea: 'field.landArea',
  site: 'field.site',
};

/** The label of a project field ("seats" → 新增学位), or null for an unknown field. */
export const fieldLabelKey = (field: string): MessageKey | null => FIELD_KEYS[field] ?? null;

/** The message key for an issue and the field label it refers to. */
export function issueMessage(issue: ValidationIssue): { key: MessageKey; fieldKey: MessageKey | null } {
  return { key: `issue.${issue.code}`, fieldKey: FIELD_KEYS[issue.field] ?? null };
}

const issue = (
  field: string,
  code: IssueCode,
  params: Record<string, string | number> = {},
  severity: 'error' | 'warning' = 'error',
): ValidationIssue => ({
  field,
  code,
  severity,
  params,
});

function optionalText(p: Record<string, unknown>, key: string, issues: ValidationIssue[]): string | undefined {
  const v = p[key];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') {
    issues.push(issue(key, 'notString'));
    return undefined;
  }
  return v;
}

function integer(p: Record<string, unknown>, key: string, max: number, issues: ValidationIssue[]): number {
  const v = p[key];
  if (v === undefined || v === null || v === '') {
    issues.push(issue(key, 'required'));
    return 0;
  }
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
    issues.push(issue(key, 'notInteger'));
    return 0;
  }
  if (v > max) issues.push(issue(key, 'outOfRange', { min: 0, max }));
  return v;
}

function optionalNumber(
  p: Record<string, unknown>,
  key: string,
  max: number,
  issues: ValidationIssue[],
): number | null {
  const v = p[key];
  if (v === undefined || v === null || v === '') return null;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
    issues.push(issue(key, 'notNumber'));
    return null;
  }
  if (v > max) issues.push(issue(key, 'outOfRange', { min: 0, max }));
  return v;
}

function isPosition(v: unknown, box: readonly number[]): v is Position {
  if (!Array.isArray(v) || v.length < 2) return false;
  const [lon, lat] = v as unknown[];
  return (
    typeof lon === 'number' &&
    typeof lat === 'number' &&
    lon >= (box[0] ?? -180) &&
    lon <= (box[2] ?? 180) &&
    lat >= (box[1] ?? -90) &&
    lat <= (box[3] ?? 90)
  );
}

/** A site outline: one closed exterior ring of ≥ 3 distinct corners (holes allowed), inside the area. */
function sitePolygon(v: unknown, box: readonly number[], issues: ValidationIssue[]): Polygon | null {
  if (v === undefined || v === null) return null;
  const ok =
    isRecord(v) &&
    v.type === 'Polygon' &&
    Array.isArray(v.coordinates) &&
    v.coordinates.length >= 1 &&
    (v.coordinates as unknown[]).every((ring) => {
      if (!Array.isArray(ring) || ring.length < 4 || !ring.every((pos) => isPosition(pos, box))) return false;
      const first = ring[0] as Position;
      const last = ring[ring.length - 1] as Position;
      return first[0] === last[0] && first[1] === last[1];
    });
  if (!ok) {
    issues.push(issue('site', 'notPolygon'));
    return null;
  }
  const rings = (v.coordinates as Position[][]).map((ring) => ring.map((pos) => [pos[0] ?? 0, pos[1] ?? 0]));
  return { type: 'Polygon', coordinates: rings };
}

/**
 * Validates one project feature. Errors make it unusable; warnings (seats vs classes, scale) are
 * shown to the planner but do not reject the project.
 */
export function validateProject(
  input: unknown,
  ref?: ReferenceIndex,
): Result<{ project: ProjectFeature; warnings: ValidationIssue[] }, ValidationIssue[]> {
  const issues: ValidationIssue[] = [];
  if (!isRecord(input) || input.type !== 'Feature') return err([issue('geometry', 'notFeature', { index: 0 })]);
  const g = input.geometry;
  let lon = 0;
  let lat = 0;
  if (!isRecord(g) || g.type !== 'Point' || !Array.isArray(g.coordinates) || g.coordinates.length < 2) {
    issues.push(issue('geometry', 'notPoint'));
  } else {
    lon = Number(g.coordinates[0]);
    lat = Number(g.coordinates[1]);
    const [w, s, e, n] = ref?.bbox ?? [-180, -90, 180, 90];
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || lon < w || lon > e || lat < s || lat > n) {
      issues.push(
        issue('geometry', 'coordinateRange', { lon: String(g.coordinates[0]), lat: String(g.coordinates[1]) }),
      );
    }
  }
  const p = isRecord(input.properties) ? input.properties : {};
  const id =
    typeof p.id === 'string' && p.id.trim() !== '' ? p.id.trim() : typeof input.id === 'string' ? input.id : '';
  if (id === '') issues.push(issue('id', 'required'));
  const name = typeof p.name === 'string' ? p.name.trim() : '';
  if (name === '')
    issues.push(issue('name', typeof p.name === 'string' || p.name === undefined ? 'required' : 'notString'));
  const nameEn = optionalText(p, 'nameEn', issues);

  const kind = p.kind;
  if (!isProjectKind(kind))
    issues.push(issue('kind', kind === undefined ? 'required' : 'unknownValue', { value: String(kind) }));
  const action = p.action;
  if (!isProjectAction(action))
    issues.push(issue('action', action === undefined ? 'required' : 'unknownValue', { value: String(action) }));
  const status = p.status;
  if (!isProjectStatus(status))
    issues.push(issue('status', status === undefined ? 'required' : 'unknownValue', { value: String(status) }));

  const year = p.year;
  if (typeof year !== 'number' || !Number.isInteger(year))
    issues.push(issue('year', year === undefined ? 'required' : 'notInteger'));
  else if (year < YEAR_RANGE.min || year > YEAR_RANGE.max) issues.push(issue('year', 'outOfRange', { ...YEAR_RANGE }));

  const seats = integer(p, 'seats', SEATS_MAX, issues);
  const classes = integer(p, 'classes', CLASSES_MAX, issues);

  const countyCode = typeof p.countyCode === 'string' ? p.countyCode : '';
  if (countyCode === '') issues.push(issue('countyCode', 'required'));
  else if (ref && !ref.countyByCode.has(countyCode))
    issues.push(issue('countyCode', 'unknownCounty', { value: countyCode }));

  let townshipCode: string | null = null;
  if (p.townshipCode !== undefined && p.townshipCode !== null && p.townshipCode !== '') {
    if (typeof p.townshipCode !== 'string') issues.push(issue('townshipCode', 'notString'));
    else {
      townshipCode = p.townshipCode;
      const t = ref?.townshipByCode.get(townshipCode);
      if (ref && !t) issues.push(issue('townshipCode', 'unknownTownship', { value: townshipCode }));
      else if (t && countyCode !== '' && (!ref || ref.countyByCode.has(countyCode)) && t.countyAdcode !== countyCode)
        issues.push(issue('townshipCode', 'townshipCounty', { value: t.name }));
    }
  }

  let zone: ZoneId | null = null;
  if (p.zone !== undefined && p.zone !== null && p.zone !== '') {
    if ((ZONE_IDS as readonly unknown[]).includes(p.zone)) zone = p.zone as ZoneId;
    else issues.push(issue('zone', 'unknownValue', { value: JSON.stringify(p.zone) }));
  }
  if (zone === 'qtz' && countyCode !== '' && countyCode !== '350521') issues.push(issue('zone', 'zoneCounty'));
  if (zone === 'etdz' && countyCode !== '' && countyCode !== '350502') issues.push(issue('zone', 'zoneCounty'));

  const central = p.centralDistrict ?? false;
  if (typeof central !== 'boolean') issues.push(issue('centralDistrict', 'notBoolean'));

  const precision = p.locationPrecision ?? 'approximate';
  if (!(LOCATION_PRECISIONS as readonly unknown[]).includes(precision))
    issues.push(issue('locationPrecision', 'unknownValue', { value: JSON.stringify(precision) }));

  const source = optionalText(p, 'source', issues);
  const notes = optionalText(p, 'notes', issues);

  let ownership: Ownership | null = null;
  if (p.ownership !== undefined && p.ownership !== null && p.ownership !== '') {
    if (!(OWNERSHIPS as readonly unknown[]).includes(p.ownership))
      issues.push(issue('ownership', 'unknownValue', { value: JSON.stringify(p.ownership) }));
    else if (kind !== 'kindergarten') issues.push(issue('ownership', 'ownershipKind'));
    else ownership = p.ownership as Ownership;
  }
  const investment = optionalNumber(p, 'investment', INVESTMENT_MAX, issues);
  const landArea = optionalNumber(p, 'landArea', LAND_AREA_MAX, issues);
  const site = sitePolygon(p.site, ref?.bbox ?? [-180, -90, 180, 90], issues);

  if (
    issues.length > 0 ||
    !isProjectKind(kind) ||
    !isProjectAction(action) ||
    !isProjectStatus(status) ||
    typeof year !== 'number'
  )
    return err(issues);

  const warnings: ValidationIssue[] = [];
  const info = KIND_INFO[kind];
  if (classes > 0 && (seats < classes * info.classSize.min || seats > classes * info.classSize.max)) {
    warnings.push(
      issue('seats', 'seatsClasses', { seats, classes, min: info.classSize.min, max: info.classSize.max }, 'warning'),
    );
  }
  if (classes > info.typicalMaxClasses)
    warnings.push(issue('classes', 'aboveTypicalScale', { classes, max: info.typicalMaxClasses }, 'warning'));

  const properties: ProjectProperties = {
    id,
    name,
    ...(nameEn !== undefined ? { nameEn } : {}),
    kind,
    action,
    status,
    year,
    seats,
    classes,
    countyCode,
    townshipCode,
    zone,
    centralDistrict: central === true,
    locationPrecision: precision as LocationPrecision,
    ownership,
    investment,
    landArea,
    site,
    ...(source !== undefined ? { source } : {}),
    ...(notes !== undefined ? { notes } : {}),
  };
  return ok({
    project: { type: 'Feature', id, geometry: { type: 'Point', coordinates: [lon, lat] }, properties },
    warnings,
  });
}

function importRecord(v: unknown): ImportRecord | null {
  if (!isRecord(v)) return null;
  const { file, format, crs, at } = v;
  if (typeof file !== 'string' || typeof format !== 'string' || typeof crs !== 'string' || typeof at !== 'string')
    return null;
  return { file, format, crs, at };
}

export function validateScenarioMeta(v: unknown): Result<ScenarioMeta, ValidationIssue[]> {
  if (!isRecord(v)) return err([issue('scenario', 'missingMeta')]);
  const issues: ValidationIssue[] = [];
  if (typeof v.id !== 'string' || v.id === '') issues.push(issue('id', 'required'));
  if (typeof v.name !== 'string' || v.name.trim() === '') issues.push(issue('name', 'required'));
  if (typeof v.planYear !== 'number' || !Number.isInteger(v.planYear)) issues.push(issue('year', 'notInteger'));
  // older versions are read (migrated: fields they lack become null); newer ones are refused, not guessed at
  const version = v.schemaVersion ?? 1;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1 || version > SCHEMA_VERSION)
    issues.push(issue('schemaVersion', 'schemaVersion', { value: JSON.stringify(version), max: SCHEMA_VERSION }));
  if (issues.length > 0) return err(issues);
  const imported = importRecord(v.imported);
  const { slides } = parseSlides(v.slides);
  const meta: ScenarioMeta = {
    id: String(v.id),
    name: String(v.name),
    ...(typeof v.nameEn === 'string' ? { nameEn: v.nameEn } : {}),
    planYear: Number(v.planYear),
    ...(typeof v.description === 'string' ? { description: v.description } : {}),
    ...(typeof v.descriptionEn === 'string' ? { descriptionEn: v.descriptionEn } : {}),
    illustrative: v.illustrative === true,
    schemaVersion: SCHEMA_VERSION,
    ...(imported ? { imported } : {}),
    ...(slides.length > 0 ? { slides } : {}),
  };
  return ok(meta);
}

/** Validates a whole scenario collection; every issue carries the index of its feature. */
export function validateScenario(
  input: unknown,
  ref?: ReferenceIndex,
): Result<{ scenario: ScenarioCollection; warnings: ValidationIssue[] }, ValidationIssue[]> {
  if (!isRecord(input) || input.type !== 'FeatureCollection' || !Array.isArray(input.features))
    return err([issue('file', 'notCollection')]);
  const meta = validateScenarioMeta(input.scenario);
  const issues: ValidationIssue[] = meta.ok ? [] : [...meta.error];
  const warnings: ValidationIssue[] = [];
  const features: ProjectFeature[] = [];
  const seen = new Set<string>();
  (input.features as unknown[]).forEach((f, index) => {
    const r = validateProject(f, ref);
    if (!r.ok) {
      issues.push(
        ...r.error.map((i) => ({ ...i, index, params: i.code === 'notFeature' ? { index: index + 1 } : i.params })),
      );
      return;
    }
    if (seen.has(r.value.project.id))
      issues.push({ ...issue('id', 'duplicateId', { value: r.value.project.id }), index });
    seen.add(r.value.project.id);
    features.push(r.value.project);
    warnings.push(...r.value.warnings.map((w) => ({ ...w, index })));
  });
  if (issues.length > 0 || !meta.ok) return err(issues);
  return ok({ scenario: { type: 'FeatureCollection', scenario: meta.value, features }, warnings });
}
