import type { Conflict } from '../core/edits/apply';
import type { EditLabel } from '../core/edits/describe';
import type { Edit } from '../core/edits/edit';
import type { ProjectFeature, ScenarioMeta } from '../core/model/project';
import type { Settings } from '../core/settings/settings';
import type { SavedView } from '../core/settings/view';

export type ReferenceKey = 'existingSchools' | 'population';

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

/**
 * Where app data lives. The app only talks to this interface; the same contract tests run against
 * the IndexedDB and in-memory implementations. Every method that writes does so in one
 * transaction and resolves only once it has committed; on failure it rejects and nothing is written.
 */
export interface Repository {
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
  createScenario(meta: ScenarioMeta, projects: readonly ProjectFeature[]): Promise<ScenarioSummary>;
  deleteScenario(id: string): Promise<void>;
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
