import type { ProjectFeature, ScenarioMeta } from '../model/project';
import { applyToFeatures, rebaseEdit } from './apply';
import type { Edit } from './edit';

export interface ScenarioState {
  readonly meta: ScenarioMeta;
  readonly features: readonly ProjectFeature[];
}

export interface Replayed extends ScenarioState {
  /** Each edit as it applies on top of the ones before it (what the screen shows of it). */
  readonly applied: readonly Edit[];
}

/** The projects an edit touches, as they are in `features` (what rebasing it needs). */
function touched(features: readonly ProjectFeature[], edit: Edit): Map<string, ProjectFeature> {
  const ids = new Set(edit.changes.map((c) => c.id));
  const out = new Map<string, ProjectFeature>();
  if (ids.size === 0) return out;
  for (const f of features) if (ids.has(f.id)) out.set(f.id, f);
  return out;
}

/** Rebases an edit onto a scenario state and applies it: what a repository's commit does to stored data. */
export function applyEdit(state: ScenarioState, edit: Edit): { state: ScenarioState; applied: Edit } {
  const applied = rebaseEdit(edit, touched(state.features, edit), state.meta).edit;
  return {
    state: {
      meta: applied.meta?.after ?? state.meta,
      features: applied.changes.length > 0 ? applyToFeatures(state.features, applied) : state.features,
    },
    applied,
  };
}

/**
 * Replays edits not yet confirmed by storage on top of the stored state, in order, each rebased
 * like the repository will rebase it when it commits. So whatever the stored state becomes (a reload,
 * another tab's edit), the screen shows it with the planner's unconfirmed edits on top, and once they
 * are all committed the screen and the store agree.
 */
export function replay(base: ScenarioState, edits: readonly Edit[]): Replayed {
  let state = base;
  const applied: Edit[] = [];
  for (const e of edits) {
    const r = applyEdit(state, e);
    state = r.state;
    applied.push(r.applied);
  }
  return { ...state, applied };
}
