import { area as turfArea } from '@turf/turf';
import type { Polygon } from 'geojson';
import type { CountyLocator } from '../geodata/locate';
import type { ReferenceIndex } from '../geodata/reference';
import { translate } from '../i18n/translate';
import { KIND_INFO, type ProjectKind } from '../model/kinds';
import type { ProjectFeature, ProjectProperties, ScenarioMeta } from '../model/project';
import { validateProject, type ValidationIssue } from '../model/validate';
import { err, ok, type Result } from '../result';
import type { Edit, ProjectChange } from './edit';
import { deepEqual } from './equal';

/** What building edits needs to know about the territory. */
export interface EditContext {
  readonly index: ReferenceIndex;
  readonly locateCounty: CountyLocator;
}

const withProps = (p: ProjectFeature, patch: Partial<ProjectProperties>): ProjectFeature => ({
  ...p,
  properties: { ...p.properties, ...patch },
});

/** A new project of a kind at a point, with the usual defaults for that kind; null at sea or outside. */
export function newProject(
  kind: ProjectKind,
  lon: number,
  lat: number,
  options: { id: string; year: number; existingNames: ReadonlySet<string> },
  ctx: EditContext,
): ProjectFeature | null {
  const countyCode = ctx.locateCounty(lon, lat);
  if (countyCode === null) return null;
  const info = KIND_INFO[kind];
  const base = `新建${translate('zh', `kind.${kind}`)}`;
  const baseEn = `New ${translate('en', `kind.${kind}`).toLowerCase()}`;
  let n = 1;
  while (options.existingNames.has(`${base}${n}`)) n++;
  const classes = info.defaultClasses;
  const properties: ProjectProperties = {
    id: options.id,
    name: `${base}${n}`,
    nameEn: `${baseEn} ${n}`,
    kind,
    action: 'new',
    status: 'planned',
    year: options.year,
    seats: classes * info.standardClassSize,
    classes,
    countyCode,
    townshipCode: null,
    zone: null,
    centralDistrict: false,
    locationPrecision: 'approximate',
    ownership: kind === 'kindergarten' ? 'public' : null,
    investment: null,
    landArea: null,
    site: null,
  };
  return {
    type: 'Feature',
    id: options.id,
    geometry: { type: 'Point', coordinates: [round6(lon), round6(lat)] },
    properties,
  };
}

/** Coordinates are kept to 6 decimals (≈ 0.1 m), as in exports. */
export const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;

export const addProjectsEdit = (projects: readonly ProjectFeature[]): Edit => ({
  kind: 'add',
  subject: projects.length === 1 ? (projects[0]?.properties.name ?? '') : String(projects.length),
  changes: projects.map((p) => ({ id: p.id, before: null, after: p })),
});

export const deleteProjectsEdit = (projects: readonly ProjectFeature[]): Edit => ({
  kind: 'delete',
  subject: projects.length === 1 ? (projects[0]?.properties.name ?? '') : String(projects.length),
  changes: projects.map((p) => ({ id: p.id, before: p, after: null })),
});

export type MoveError = 'outside';

/**
 * Moves a project. The county follows the new position (point in polygon); the township is kept
 * when the county is unchanged and cleared otherwise (there are no township polygons to look it up),
 * as is the functional zone. Both stay editable in the form.
 */
export function moveProjectEdit(
  p: ProjectFeature,
  lon: number,
  lat: number,
  ctx: EditContext,
): Result<Edit, MoveError> {
  const countyCode = ctx.locateCounty(lon, lat);
  if (countyCode === null) return err('outside');
  const sameCounty = countyCode === p.properties.countyCode;
  const after: ProjectFeature = {
    ...p,
    geometry: { type: 'Point', coordinates: [round6(lon), round6(lat)] },
    properties: {
      ...p.properties,
      countyCode,
      townshipCode: sameCounty ? p.properties.townshipCode : null,
      zone: sameCounty ? p.properties.zone : null,
    },
  };
  return ok({ kind: 'move', subject: p.properties.name, changes: [{ id: p.id, before: p, after }] });
}

/** An attribute edit from the form; null when nothing changed. */
export function updateProjectEdit(before: ProjectFeature, after: ProjectFeature): Edit | null {
  if (deepEqual(before, after)) return null;
  return { kind: 'edit', subject: after.properties.name, changes: [{ id: before.id, before, after }] };
}

/** 1 亩 = 10000/15 m² (about 666.67 m²), the unit Chinese planners quote land in. */
export const squareMetresToMu = (m2: number): number => Math.round(((m2 * 15) / 10_000) * 10) / 10;

/** Site area in m², rounded to whole square metres (geodesic, Turf). */
export const siteArea = (site: Polygon): number => Math.round(turfArea(site));

/**
 * Draws, reshapes or removes a project's site outline; drawing one sets the land area from it.
 * The result is validated (an outline of square kilometres is a slip of the mouse, not a school).
 */
export function siteEdit(
  p: ProjectFeature,
  site: Polygon | null,
  index: ReferenceIndex,
): Result<Edit | null, ValidationIssue[]> {
  const candidate = withProps(p, site ? { site, landArea: siteArea(site) } : { site: null });
  const r = validateProject(candidate, index);
  if (!r.ok) return err(r.error);
  const after = r.value.project;
  if (deepEqual(p, after)) return ok(null);
  return ok({ kind: 'site', subject: p.properties.name, changes: [{ id: p.id, before: p, after }] });
}

/** Fields the table can set for many projects at once. */
export const BULK_FIELDS = ['status', 'action', 'year', 'centralDistrict', 'ownership', 'locationPrecision'] as const;
export type BulkField = (typeof BULK_FIELDS)[number];

/**
 * Sets one field on many projects. Each result is validated; projects the field does not apply to
 * (ownership of a primary school) or that already have the value are left out.
 */
export function bulkEdit(
  projects: readonly ProjectFeature[],
  field: BulkField,
  value: unknown,
  index: ReferenceIndex,
): Result<Edit, ValidationIssue[]> {
  const changes: ProjectChange[] = [];
  for (const p of projects) {
    if (field === 'ownership' && p.properties.kind !== 'kindergarten') continue;
    const r = validateProject({ ...p, properties: { ...p.properties, [field]: value } }, index);
    if (!r.ok) return err(r.error);
    if (!deepEqual(r.value.project, p)) changes.push({ id: p.id, before: p, after: r.value.project });
  }
  return ok({ kind: 'bulk', subject: String(changes.length), field, changes });
}

export function renameScenarioEdit(meta: ScenarioMeta, name: string): Edit | null {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed === meta.name) return null;
  // an English name that no longer matches would be misleading
  const { nameEn: _stale, ...rest } = meta;
  return { kind: 'rename', subject: trimmed, changes: [], meta: { before: meta, after: { ...rest, name: trimmed } } };
}

/**
 * Puts a scenario back to the illustrative seed: projects not in the seed are deleted, changed
 * ones restored, missing ones re-added, and the metadata restored — one undoable edit.
 */
export function resetEdit(
  current: readonly ProjectFeature[],
  currentMeta: ScenarioMeta,
  seed: readonly ProjectFeature[],
  seedMeta: ScenarioMeta,
): Edit {
  const seedById = new Map(seed.map((p) => [p.id, p]));
  const changes: ProjectChange[] = [];
  for (const p of current) {
    const s = seedById.get(p.id);
    if (!s) changes.push({ id: p.id, before: p, after: null });
    else if (!deepEqual(s, p)) changes.push({ id: p.id, before: p, after: s });
  }
  const have = new Set(current.map((p) => p.id));
  for (const s of seed) if (!have.has(s.id)) changes.push({ id: s.id, before: null, after: s });
  const meta = deepEqual(currentMeta, seedMeta) ? undefined : { before: currentMeta, after: seedMeta };
  return { kind: 'reset', subject: seedMeta.name, changes, ...(meta ? { meta } : {}) };
}
