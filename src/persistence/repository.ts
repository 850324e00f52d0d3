import type { Conflict } from '../core/edits/apply';
import type { EditLabel } from '../core/edits/describe';
import type { Edit } from '../core/edits/edit';
import type { ProjectFeature, ScenarioMeta } from '../core/model/project';
import type { Settings } from '../core/settings/settings';
import type { SavedView } from '../core/settings/view';

export type ReferenceKey = 'existingSchools' | 'population' | 'demography' | 'parcels';

/** A scenario as listed: its metadata and bookkeeping, without the projects. */
export interface ScenarioSummary {
  readonly meta: ScenarioMeta;
  readonly projectCount: number;
  readonly seats: number;
  /** Milliseconds since the epoch. */
  readonly createdAt: number;
  readonly modifiedAt: number;
  /** Increases with every committed change; tabs use it to notice missed messages. */
  readonly revision: number;
  /**
   * Names one life of the scenario: a scenario deleted and created again under the same id (restored
   * from the notice, the illustrative one re-created) starts a new epoch, so revisions are only ever
   * compared within one epoch and a tab notices the re-creation.
   */
  readonly epoch: string;
}

export interface HistoryInfo {
  readonly undo: EditLabel | null;
  readonly redo: EditLabel | null;
  readonly undoCount: number;
  readonly redoCount: number;
}

export const NO_HISTORY: HistoryInfo = { undo: null, redo: null, undoCount: 0, redoCount: 0 };

export interface LoadedScenario {
  readonly summary: ScenarioSummary;
  readonly projects: readonly ProjectFeature[];
  readonly history: HistoryInfo;
  /** Stored project records that were unreadable (corrupt, or from an unknown newer version) and skipped. */
  readonly skipped: number;
}

export interface CommitResult {
  /** The edit as applied to the stored data (rebased onto concurrent changes from other tabs). */
  readonly applied: Edit;
  readonly conflicts: readonly Conflict[];
  readonly summary: ScenarioSummary;
  readonly history: HistoryInfo;
  /** An undo/redo entry that could not be read and was passed over. */
  readonly skippedEntry: boolean;
}

/** Why a write failed, as far as the app needs to know to decide what to do with the edit. */
export type StorageFailure =
  /** the disk or the origin's quota is full: the write was refused, nothing was written */
  | 'quota'
  /** the connection to the database was lost (site data cleared, I/O error) and reopening did not help */
  | 'connection'
  /** a newer version of the app in another tab has upgraded the database */
  | 'version'
  /** the scenario is not in storage (deleted in another tab, or the stored data was cleared) */
  | 'missing'
  | 'other';

/** A failed repository call, classified. The message is the browser's own, for the planner and for support. */
export class StorageError extends Error {
  constructor(
    readonly failure: StorageFailure,
    message: string,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}

const QUOTA = new Set(['QuotaExceededError']);
/** Errors of a lost or closing connection, worth one reopen and retry. */
const CONNECTION = new Set(['InvalidStateError', 'UnknownError', 'TransactionInactiveError']);

/** Classifies anything a repository call threw (a StorageError, or a DOMException from IndexedDB). */
export function storageFailure(e: unknown): StorageFailure {
  if (e instanceof StorageError) return e.failure;
  const name = typeof e === 'object' && e !== null && 'name' in e ? String(e.name) : '';
  if (QUOTA.has(name)) return 'quota';
  if (name === 'VersionError') return 'version';
  if (CONNECTION.has(name)) return 'connection';
  // an abort with no reason of its own: the connection went away under the transaction
  if (name === 'AbortError') return 'connection';
  return 'other';
}

/** What a write threw, as the planner reads it: the browser's error name and message. */
export function storageErrorText(e: unknown): string {
  if (e instanceof StorageError) return e.message;
  // a DOMException is an Error in browsers but not always in Node: read name and message either way
  if (typeof e === 'object' && e !== null && 'name' in e) {
    const name = String(e.name);
    const message = 'message' in e ? String(e.message) : '';
    return message ? `${name}: ${message}` : name;
  }
  return String(e);
}

/**
 * Where app data lives. The app only talks to this interface; the same contract tests run against
 * the IndexedDB and in-memory implementations. Every method that writes does so in one
 * transaction and resolves only once it has committed; on failure it rejects and nothing is written.
 */
export interface Repository {
  /**
   * Whether what is saved outlives the page: false for the in-memory fallback (no IndexedDB in this
   * browser or window), so the app never says 已保存 for data that closing the tab loses.
   */
  readonly durable: boolean;
  /** The stored settings as raw data (validated by the caller), or undefined when nothing is stored. */
  loadSettings(): Promise<unknown>;
  saveSettings(settings: Settings): Promise<void>;
  /** The stored view as raw data (validated by the caller). */
  loadView(): Promise<unknown>;
  saveView(view: SavedView): Promise<void>;

  /**
   * Reference layers imported by the planner (existing schools, a population surface), kept apart from
   * scenarios. Raw data, validated by the caller; undefined when none is stored. Saving null removes it.
   */
  loadReference(key: ReferenceKey): Promise<unknown>;
  saveReference(key: ReferenceKey, value: unknown): Promise<void>;

  /** Every readable scenario, oldest first; unreadable scenario records are counted, not thrown. */
  listScenarios(): Promise<{ scenarios: ScenarioSummary[]; skipped: number }>;
  loadScenario(id: string): Promise<LoadedScenario | null>;
  /** Creates a scenario in a new epoch (see ScenarioSummary.epoch); rejects when the id is taken. */
  createScenario(meta: ScenarioMeta, projects: readonly ProjectFeature[]): Promise<ScenarioSummary>;
  /**
   * Deletes a scenario with its projects and history. Resolves false, deleting nothing, when it is not
   * stored or is the last one: checked in the same transaction, so tabs deleting at once never leave
   * the planner with no scenario at all.
   */
  deleteScenario(id: string): Promise<boolean>;
  /**
   * Creates the scenario only if nothing was ever seeded before (first run). Returns whether it did:
   * the illustrative scenario is never written over the planner's data again.
   */
  seedOnce(meta: ScenarioMeta, projects: readonly ProjectFeature[]): Promise<boolean>;

  /** Applies an edit to a stored scenario and records it in its history. */
  commit(scenarioId: string, edit: Edit): Promise<CommitResult>;
  /** Undoes the latest applied edit of the scenario; null when there is nothing to undo. */
  undo(scenarioId: string): Promise<CommitResult | null>;
  redo(scenarioId: string): Promise<CommitResult | null>;
}
