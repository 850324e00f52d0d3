import { rebaseEdit } from '../core/edits/apply';
import { labelOf, parseEdit, type EditLabel } from '../core/edits/describe';
import { invertEdit, isEmptyEdit, touchedIds, type Edit } from '../core/edits/edit';
import {
  EMPTY_HISTORY,
  isHistoryPointer,
  pushHistory,
  redoCount,
  redoStep,
  undoCount,
  undoStep,
  type HistoryPointer,
} from '../core/edits/history';
import type { ReferenceIndex } from '../core/geodata/reference';
import type { ProjectFeature, ScenarioMeta } from '../core/model/project';
import { validateProject, validateScenarioMeta } from '../core/model/validate';
import { isRecord } from '../core/result';
import { StorageError, type CommitResult, type HistoryInfo, type ScenarioSummary } from './repository';

/**
 * Stored record shapes and the transaction logic shared by every Repository implementation, so
 * they cannot disagree on what commit, undo and redo mean. Record version 2 (DB version 2).
 */
export const RECORD_VERSION = 2;

export interface ScenarioRecord {
  readonly id: string;
  readonly v: number;
  readonly meta: ScenarioMeta;
  readonly createdAt: number;
  readonly modifiedAt: number;
  readonly revision: number;
  /** One life of the scenario (ScenarioSummary.epoch). Records written before epochs existed read as `c<createdAt>`. */
  readonly epoch: string;
  readonly projectCount: number;
  readonly seats: number;
  readonly history: HistoryPointer;
}

export interface ProjectRecord {
  readonly scenarioId: string;
  readonly id: string;
  readonly v: number;
  readonly feature: ProjectFeature;
}

export interface HistoryRecord {
  readonly scenarioId: string;
  readonly seq: number;
  readonly v: number;
  readonly at: number;
  readonly edit: Edit;
}

/** What one write transaction can do; implemented over an IndexedDB transaction, or over Maps. */
export interface TxStore {
  getScenario(id: string): Promise<unknown>;
  putScenario(record: ScenarioRecord): Promise<void>;
  getProject(scenarioId: string, id: string): Promise<unknown>;
  putProject(record: ProjectRecord): Promise<void>;
  deleteProject(scenarioId: string, id: string): Promise<void>;
  getEntry(scenarioId: string, seq: number): Promise<unknown>;
  putEntry(record: HistoryRecord): Promise<void>;
  deleteEntry(scenarioId: string, seq: number): Promise<void>;
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export function parseScenarioRecord(raw: unknown): ScenarioRecord | null {
  if (!isRecord(raw) || typeof raw.id !== 'string' || !finite(raw.v) || raw.v > RECORD_VERSION) return null;
  const meta = validateScenarioMeta(raw.meta);
  if (!meta.ok || meta.value.id !== raw.id) return null;
  if (!finite(raw.createdAt) || !finite(raw.modifiedAt) || !finite(raw.revision)) return null;
  if (!finite(raw.projectCount) || !finite(raw.seats) || !isHistoryPointer(raw.history)) return null;
  if (raw.epoch !== undefined && (typeof raw.epoch !== 'string' || raw.epoch === '')) return null;
  return {
    id: raw.id,
    v: RECORD_VERSION,
    meta: meta.value,
    createdAt: raw.createdAt,
    modifiedAt: raw.modifiedAt,
    revision: raw.revision,
    epoch: raw.epoch ?? `c${raw.createdAt}`,
    projectCount: raw.projectCount,
    seats: raw.seats,
    history: raw.history,
  };
}

/** A stored project, validated (and migrated from older record versions) like any other input. */
export function parseProjectRecord(raw: unknown, index: ReferenceIndex): ProjectFeature | null {
  if (!isRecord(raw) || !finite(raw.v) || raw.v > RECORD_VERSION) return null;
  const r = validateProject(raw.feature, index);
  return r.ok && r.value.project.id === raw.id ? r.value.project : null;
}

export function parseHistoryRecord(raw: unknown, index: ReferenceIndex): Edit | null {
  if (!isRecord(raw) || !finite(raw.v) || raw.v > RECORD_VERSION) return null;
  const r = parseEdit(raw.edit, index);
  return r.ok ? r.value : null;
}

export const summaryOf = (r: ScenarioRecord): ScenarioSummary => ({
  meta: r.meta,
  projectCount: r.projectCount,
  seats: r.seats,
  createdAt: r.createdAt,
  modifiedAt: r.modifiedAt,
  revision: r.revision,
  epoch: r.epoch,
});

/** A new epoch: the creation time and 64 random bits, so two creations never share one. */
export function newEpoch(now: number): string {
  const bits = new Uint32Array(2);
  crypto.getRandomValues(bits);
  return `${now.toString(36)}-${[...bits].map((b) => b.toString(36)).join('')}`;
}

export function newScenarioRecord(
  meta: ScenarioMeta,
  projects: readonly ProjectFeature[],
  now: number,
): ScenarioRecord {
  return {
    id: meta.id,
    v: RECORD_VERSION,
    meta,
    createdAt: now,
    modifiedAt: now,
    revision: 1,
    epoch: newEpoch(now),
    projectCount: projects.length,
    seats: projects.reduce((s, p) => s + p.properties.seats, 0),
    history: EMPTY_HISTORY,
  };
}

export const projectRecord = (scenarioId: string, feature: ProjectFeature): ProjectRecord => ({
  scenarioId,
  id: feature.id,
  v: RECORD_VERSION,
  feature,
});

async function label(
  tx: Pick<TxStore, 'getEntry'>,
  scenarioId: string,
  seq: number,
  index: ReferenceIndex,
): Promise<EditLabel | null> {
  const edit = parseHistoryRecord(await tx.getEntry(scenarioId, seq), index);
  return edit ? labelOf(edit) : null;
}

export async function historyInfo(
  tx: Pick<TxStore, 'getEntry'>,
  scenarioId: string,
  h: HistoryPointer,
  index: ReferenceIndex,
): Promise<HistoryInfo> {
  return {
    undo: undoCount(h) > 0 ? await label(tx, scenarioId, h.head, index) : null,
    redo: redoCount(h) > 0 ? await label(tx, scenarioId, h.head + 1, index) : null,
    undoCount: undoCount(h),
    redoCount: redoCount(h),
  };
}

async function requireScenario(tx: TxStore, scenarioId: string): Promise<ScenarioRecord> {
  const rec = parseScenarioRecord(await tx.getScenario(scenarioId));
  if (!rec) throw new StorageError('missing', `scenario ${scenarioId} not found`);
  return rec;
}

/** Rebases an edit onto the stored projects and writes it; returns the applied edit and the new record. */
async function applyStored(
  tx: TxStore,
  rec: ScenarioRecord,
  edit: Edit,
  index: ReferenceIndex,
  now: number,
  history: HistoryPointer,
): Promise<{ applied: Edit; conflicts: CommitResult['conflicts']; record: ScenarioRecord }> {
  const current = new Map<string, ProjectFeature>();
  for (const id of touchedIds(edit)) {
    const p = parseProjectRecord(await tx.getProject(rec.id, id), index);
    if (p) current.set(id, p);
  }
  const { edit: applied, conflicts } = rebaseEdit(edit, current, rec.meta);
  let count = rec.projectCount;
  let seats = rec.seats;
  for (const c of applied.changes) {
    if (c.after) await tx.putProject(projectRecord(rec.id, c.after));
    else await tx.deleteProject(rec.id, c.id);
    count += (c.after ? 1 : 0) - (c.before ? 1 : 0);
    seats += (c.after?.properties.seats ?? 0) - (c.before?.properties.seats ?? 0);
  }
  const record: ScenarioRecord = {
    ...rec,
    meta: applied.meta?.after ?? rec.meta,
    modifiedAt: now,
    revision: rec.revision + 1,
    projectCount: count,
    seats,
    history,
  };
  return { applied, conflicts, record };
}

export async function commitIn(
  tx: TxStore,
  scenarioId: string,
  edit: Edit,
  index: ReferenceIndex,
  now: number,
): Promise<CommitResult> {
  const rec = await requireScenario(tx, scenarioId);
  const first = await applyStored(tx, rec, edit, index, now, rec.history);
  let pointer = rec.history;
  if (!isEmptyEdit(first.applied)) {
    const push = pushHistory(pointer);
    for (const seq of push.drop) await tx.deleteEntry(scenarioId, seq);
    await tx.putEntry({ scenarioId, seq: push.seq, v: RECORD_VERSION, at: now, edit: first.applied });
    pointer = push.pointer;
  }
  const record = { ...first.record, history: pointer };
  await tx.putScenario(record);
  return {
    applied: first.applied,
    conflicts: first.conflicts,
    summary: summaryOf(record),
    history: await historyInfo(tx, scenarioId, pointer, index),
    skippedEntry: false,
  };
}

/** Undo (apply the inverse of the entry at head) or redo (re-apply the entry after head). */
export async function stepIn(
  tx: TxStore,
  scenarioId: string,
  direction: 'undo' | 'redo',
  index: ReferenceIndex,
  now: number,
): Promise<CommitResult | null> {
  const rec = await requireScenario(tx, scenarioId);
  const step = direction === 'undo' ? undoStep(rec.history) : redoStep(rec.history);
  if (!step) return null;
  const stored = parseHistoryRecord(await tx.getEntry(scenarioId, step.seq), index);
  if (!stored) {
    // an unreadable entry is passed over rather than blocking the rest of the history
    const record = { ...rec, history: step.pointer, revision: rec.revision + 1 };
    await tx.putScenario(record);
    return {
      applied: { kind: 'edit', subject: '', changes: [] },
      conflicts: [],
      summary: summaryOf(record),
      history: await historyInfo(tx, scenarioId, step.pointer, index),
      skippedEntry: true,
    };
  }
  const edit = direction === 'undo' ? invertEdit(stored) : stored;
  const done = await applyStored(tx, rec, edit, index, now, step.pointer);
  await tx.putScenario(done.record);
  return {
    applied: done.applied,
    conflicts: done.conflicts,
    summary: summaryOf(done.record),
    history: await historyInfo(tx, scenarioId, step.pointer, index),
    skippedEntry: false,
  };
}
