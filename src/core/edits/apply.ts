import type { ProjectFeature, ScenarioMeta } from '../model/project';
import type { Edit, MetaChange, ProjectChange } from './edit';
import { deepEqual } from './equal';

/** Why part of an edit could not be applied as recorded. */
export type ConflictReason =
  /** the project was deleted elsewhere; the change to it was dropped */
  | 'deleted'
  /** a project with this id already exists; the add was dropped */
  | 'exists'
  /** another tab changed the same fields; this edit's values were kept (the later write wins) */
  | 'fields';

export interface Conflict {
  readonly id: string;
  readonly name: string;
  readonly reason: ConflictReason;
  readonly fields: readonly string[];
}

export interface Rebased {
  /** The edit as it actually applies to the current data: its inverse undoes exactly this. */
  readonly edit: Edit;
  readonly conflicts: readonly Conflict[];
}

const keysOf = <T extends object>(o: T): (keyof T)[] => Object.keys(o) as (keyof T)[];

/**
 * Writes onto `current` the fields that changed from `before` to `after` (an optional field the change
 * removed is removed), and names the fields `current` had changed to something else meanwhile.
 */
function mergeChanged<T extends object>(before: T, after: T, current: T): { merged: T; clashes: string[] } {
  const merged: T = { ...current };
  const clashes: string[] = [];
  for (const key of new Set([...keysOf(before), ...keysOf(after)])) {
    if (deepEqual(before[key], after[key])) continue;
    if (!deepEqual(current[key], before[key]) && !deepEqual(current[key], after[key])) clashes.push(String(key));
    if (after[key] === undefined) Reflect.deleteProperty(merged, key);
    else merged[key] = after[key];
  }
  return { merged, clashes };
}

/**
 * Three-way merge of one project change onto the current stored project: only the fields this
 * change altered are written, so another tab's edits to other fields survive. When both changed the
 * same field, this change wins (it is the later write) and the conflict is reported.
 */
function rebaseChange(
  change: ProjectChange,
  current: ProjectFeature | undefined,
): {
  change: ProjectChange | null;
  conflict: Conflict | null;
} {
  const name = (change.after ?? change.before)?.properties.name ?? change.id;
  if (change.before === null) {
    if (current) return { change: null, conflict: { id: change.id, name, reason: 'exists', fields: [] } };
    return { change, conflict: null };
  }
  if (!current) {
    // deleting what is already gone is not a conflict; changing it is
    if (change.after === null) return { change: null, conflict: null };
    return { change: null, conflict: { id: change.id, name, reason: 'deleted', fields: [] } };
  }
  if (change.after === null) return { change: { id: change.id, before: current, after: null }, conflict: null };

  // the position is one field, like each property
  const place = mergeChanged(
    { geometry: change.before.geometry },
    { geometry: change.after.geometry },
    {
      geometry: current.geometry,
    },
  );
  const props = mergeChanged(change.before.properties, change.after.properties, current.properties);
  const geometry = place.merged.geometry;
  const clashes = [...place.clashes, ...props.clashes];
  const next: ProjectFeature = { ...current, geometry, properties: props.merged };
  const conflict = clashes.length > 0 ? { id: change.id, name, reason: 'fields' as const, fields: clashes } : null;
  if (deepEqual(next, current)) return { change: null, conflict };
  return { change: { id: change.id, before: current, after: next }, conflict };
}

function rebaseMeta(meta: MetaChange | undefined, current: ScenarioMeta): MetaChange | undefined {
  if (!meta) return undefined;
  const after = mergeChanged(meta.before, meta.after, current).merged;
  return deepEqual(after, current) ? undefined : { before: current, after };
}

/**
 * Rebases an edit onto the current data (`current` holds at least every project the edit touches).
 * Deterministic: the same edit on the same data always gives the same result.
 */
export function rebaseEdit(
  edit: Edit,
  current: ReadonlyMap<string, ProjectFeature>,
  currentMeta: ScenarioMeta,
): Rebased {
  const state = new Map(current);
  const changes: ProjectChange[] = [];
  const conflicts: Conflict[] = [];
  for (const c of edit.changes) {
    const r = rebaseChange(c, state.get(c.id));
    if (r.conflict) conflicts.push(r.conflict);
    if (!r.change) continue;
    changes.push(r.change);
    if (r.change.after) state.set(c.id, r.change.after);
    else state.delete(c.id);
  }
  const meta = rebaseMeta(edit.meta, currentMeta);
  return {
    edit: {
      kind: edit.kind,
      subject: edit.subject,
      ...(edit.field !== undefined ? { field: edit.field } : {}),
      changes,
      ...(meta ? { meta } : {}),
    },
    conflicts,
  };
}

/**
 * Applies an already rebased edit to a list of projects, keeping order: changed projects stay in
 * place, added ones go to the end. Unchanged projects keep their object identity.
 */
export function applyToFeatures(features: readonly ProjectFeature[], edit: Edit): ProjectFeature[] {
  if (edit.changes.length === 0) return [...features];
  const last = new Map<string, ProjectFeature | null>();
  for (const c of edit.changes) last.set(c.id, c.after);
  const out: ProjectFeature[] = [];
  const present = new Set<string>();
  for (const f of features) {
    present.add(f.id);
    if (!last.has(f.id)) out.push(f);
    else {
      const next = last.get(f.id);
      if (next) out.push(next);
    }
  }
  for (const [id, next] of last) if (next && !present.has(id)) out.push(next);
  return out;
}
