import type { ProjectFeature, ScenarioMeta } from '../model/project';

/** What an edit did, named for the undo/redo buttons ("撤销：移动 丰泽区示意幼儿园3"). */
export const EDIT_KINDS = [
  'add',
  'move',
  'edit',
  'site',
  'delete',
  'bulk',
  'rename',
  'reset',
  'slideAdd',
  'slideEdit',
  'slideDelete',
  'slideMove',
] as const;
export type EditKind = (typeof EDIT_KINDS)[number];

/** One project before and after; null before = added, null after = deleted. */
export interface ProjectChange {
  readonly id: string;
  readonly before: ProjectFeature | null;
  readonly after: ProjectFeature | null;
}

export interface MetaChange {
  readonly before: ScenarioMeta;
  readonly after: ScenarioMeta;
}

/**
 * The one write path: every change to a scenario is an Edit. It is data (stored in the history,
 * sent to other tabs), and it is invertible: swapping before and after gives the edit that undoes it.
 */
export interface Edit {
  readonly kind: EditKind;
  /** What the edit is about, for its label: a project's name, or a count for many. */
  readonly subject: string;
  /** For bulk edits: the field that was set. */
  readonly field?: string;
  readonly changes: readonly ProjectChange[];
  readonly meta?: MetaChange;
}

export function invertEdit(edit: Edit): Edit {
  const changes = edit.changes.map((c) => ({ id: c.id, before: c.after, after: c.before })).reverse();
  return {
    kind: edit.kind,
    subject: edit.subject,
    ...(edit.field !== undefined ? { field: edit.field } : {}),
    changes,
    ...(edit.meta ? { meta: { before: edit.meta.after, after: edit.meta.before } } : {}),
  };
}

export const isEmptyEdit = (edit: Edit): boolean => edit.changes.length === 0 && !edit.meta;

/** The ids an edit touches, for reading their current state before applying it. */
export const touchedIds = (edit: Edit): string[] => [...new Set(edit.changes.map((c) => c.id))];
