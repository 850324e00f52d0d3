import type { ReferenceIndex } from '../geodata/reference';
import type { ProjectFeature } from '../model/project';
import { validateProject, type ValidationIssue } from '../model/validate';
import type { Result } from '../result';

/** The attribute form's fields as the planner types them (text), before validation. */
export interface ProjectDraft {
  readonly name: string;
  readonly nameEn: string;
  readonly kind: string;
  readonly action: string;
  readonly status: string;
  readonly year: string;
  readonly seats: string;
  readonly classes: string;
  readonly countyCode: string;
  readonly townshipCode: string;
  readonly zone: string;
  readonly centralDistrict: boolean;
  readonly locationPrecision: string;
  readonly ownership: string;
  readonly investment: string;
  readonly landArea: string;
  readonly source: string;
  readonly notes: string;
}

const text = (v: number | null | undefined): string => (v === null || v === undefined ? '' : String(v));

export function draftFromProject(p: ProjectFeature): ProjectDraft {
  const q = p.properties;
  return {
    name: q.name,
    nameEn: q.nameEn ?? '',
    kind: q.kind,
    action: q.action,
    status: q.status,
    year: String(q.year),
    seats: String(q.seats),
    classes: String(q.classes),
    countyCode: q.countyCode,
    townshipCode: q.townshipCode ?? '',
    zone: q.zone ?? '',
    centralDistrict: q.centralDistrict,
    locationPrecision: q.locationPrecision,
    ownership: q.ownership ?? '',
    investment: text(q.investment),
    landArea: text(q.landArea),
    source: q.source ?? '',
    notes: q.notes ?? '',
  };
}

/**
 * Reads a number as planners type it: full-width digits (１２０), thousands separators (1,200 /
 * 1，200), spaces. Empty gives null; anything else unreadable is passed on as text for the
 * validator to name.
 */
export function parseNumberText(raw: string): number | string | null {
  const s = raw
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48))
    .replace(/\uFF0E/g, '.')
    .replace(/[,，\s]/g, '');
  if (s === '') return null;
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : raw;
}

/** Validates a draft against the project it edits (id, position and site stay those of `base`). */
export function projectFromDraft(
  draft: ProjectDraft,
  base: ProjectFeature,
  index: ReferenceIndex,
): Result<{ project: ProjectFeature; warnings: ValidationIssue[] }, ValidationIssue[]> {
  const optional = (s: string): string | undefined => (s.trim() === '' ? undefined : s.trim());
  return validateProject(
    {
      type: 'Feature',
      id: base.id,
      geometry: base.geometry,
      properties: {
        id: base.id,
        name: draft.name,
        nameEn: optional(draft.nameEn),
        kind: draft.kind,
        action: draft.action,
        status: draft.status,
        year: parseNumberText(draft.year) ?? undefined,
        seats: parseNumberText(draft.seats) ?? undefined,
        classes: parseNumberText(draft.classes) ?? undefined,
        countyCode: draft.countyCode,
        townshipCode: draft.townshipCode === '' ? null : draft.townshipCode,
        zone: draft.zone === '' ? null : draft.zone,
        centralDistrict: draft.centralDistrict,
        locationPrecision: draft.locationPrecision,
        ownership: draft.kind === 'kindergarten' && draft.ownership !== '' ? draft.ownership : null,
        investment: parseNumberText(draft.investment),
        landArea: parseNumberText(draft.landArea),
        site: base.properties.site,
        source: optional(draft.source),
        notes: optional(draft.notes),
      },
    },
    index,
  );
}
