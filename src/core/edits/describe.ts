import { translate, type Lang } from '../i18n/translate';
import type { ReferenceIndex } from '../geodata/reference';
import { validateProject, validateScenarioMeta } from '../model/validate';
import type { ProjectFeature } from '../model/project';
import { err, isRecord, ok, type Result } from '../result';
import { EDIT_KINDS, type Edit, type EditKind, type MetaChange, type ProjectChange } from './edit';

const FIELD_LABEL = {
  status: 'field.status',
  action: 'field.action',
  year: 'field.year',
  centralDistrict: 'field.centralDistrict',
  ownership: 'field.ownership',
  locationPrecision: 'field.locationPrecision',
} as const;

/** What the undo/redo buttons need to name an edit without holding the whole record. */
export interface EditLabel {
  readonly kind: EditKind;
  readonly subject: string;
  readonly field?: string;
  readonly count: number;
}

export const labelOf = (edit: Edit): EditLabel => ({
  kind: edit.kind,
  subject: edit.subject,
  ...(edit.field !== undefined ? { field: edit.field } : {}),
  count: edit.changes.length,
});

/** The edit's name for the undo/redo buttons and the history: "移动 丰泽区示意幼儿园3". */
export function describeEdit(edit: EditLabel, lang: Lang): string {
  const many = (edit.kind === 'add' || edit.kind === 'delete') && edit.count > 1;
  if (edit.kind === 'bulk') {
    const key = edit.field && edit.field in FIELD_LABEL ? FIELD_LABEL[edit.field as keyof typeof FIELD_LABEL] : null;
    return translate(lang, 'edit.bulk', {
      count: edit.count,
      field: key ? translate(lang, key) : (edit.field ?? ''),
    });
  }
  if (many) return translate(lang, edit.kind === 'add' ? 'edit.addMany' : 'edit.deleteMany', { count: edit.count });
  return translate(lang, `edit.${edit.kind}`, { subject: edit.subject });
}

const isEditKind = (v: unknown): v is EditKind => (EDIT_KINDS as readonly unknown[]).includes(v);

function parseFeature(v: unknown, index: ReferenceIndex): ProjectFeature | null | undefined {
  if (v === null) return null;
  const r = validateProject(v, index);
  return r.ok ? r.value.project : undefined;
}

/**
 * Reads an edit from storage or another tab: every project in it is validated like any other input;
 * a malformed edit is an error value, never thrown.
 */
export function parseEdit(raw: unknown, index: ReferenceIndex): Result<Edit, string> {
  if (!isRecord(raw) || !isEditKind(raw.kind) || typeof raw.subject !== 'string' || !Array.isArray(raw.changes))
    return err('not an edit record');
  const changes: ProjectChange[] = [];
  for (const c of raw.changes as unknown[]) {
    if (!isRecord(c) || typeof c.id !== 'string') return err('malformed change');
    const before = parseFeature(c.before, index);
    const after = parseFeature(c.after, index);
    if (before === undefined || after === undefined) return err(`invalid project in change ${c.id}`);
    if (before === null && after === null) return err(`empty change ${c.id}`);
    changes.push({ id: c.id, before, after });
  }
  let meta: MetaChange | undefined;
  if (raw.meta !== undefined) {
    if (!isRecord(raw.meta)) return err('malformed metadata change');
    const b = validateScenarioMeta(raw.meta.before);
    const a = validateScenarioMeta(raw.meta.after);
    if (!b.ok || !a.ok) return err('invalid scenario metadata in edit');
    meta = { before: b.value, after: a.value };
  }
  return ok({
    kind: raw.kind,
    subject: raw.subject,
    ...(typeof raw.field === 'string' ? { field: raw.field } : {}),
    changes,
    ...(meta ? { meta } : {}),
  });
}
