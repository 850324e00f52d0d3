/**
 * The planner's edits to the shown scenario's projects. Each builds a named, invertible edit (src/core/edits)
 * and hands it to the scenario store's one write path; nothing here writes storage or the projects itself.
 */
import { batch } from '@preact/signals';
import type { Polygon } from 'geojson';
import {
  addProjectsEdit,
  bulkEdit,
  deleteProjectsEdit,
  moveProjectEdit,
  newProject,
  siteArea,
  siteEdit,
  updateProjectEdit,
  type BulkField,
  type EditContext,
} from '../core/edits/build';
import { labelOf } from '../core/edits/describe';
import { projectFromDraft, type ProjectDraft } from '../core/edits/form';
import type { ProjectFeature } from '../core/model/project';
import type { ValidationIssue } from '../core/model/validate';
import type { Notify } from './notices';
import type { ScenarioStore } from './scenarios';
import type { Selection } from './selection';

export interface EditingActions {
  /** Places a new project of the add mode's kind; returns false at sea or outside the city. */
  placeProject(lon: number, lat: number): Promise<boolean>;
  moveProject(id: string, lon: number, lat: number): Promise<boolean>;
  /** Validates and saves the form; returns the issues to show next to the fields (none when saved). */
  saveProject(id: string, draft: ProjectDraft): Promise<{ errors: ValidationIssue[]; warnings: ValidationIssue[] }>;
  setSite(id: string, site: Polygon | null): Promise<boolean>;
  deleteProjects(ids: readonly string[]): Promise<boolean>;
  /** Sets one field of every ticked project, as one edit; returns the value's problems (none when set). */
  bulkSet(field: BulkField, value: unknown): Promise<ValidationIssue[]>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  /** Tries again to store the edits that could not be stored (or the scenario, after storage was cleared). */
  retrySave(): Promise<boolean>;
  /** A newer version of the app in another tab took the database over: say so, offer reload and export. */
  storageSuperseded(): void;
}

export interface EditingDeps {
  readonly store: ScenarioStore;
  readonly selection: Selection;
  readonly ctx: EditContext;
  readonly newId: () => string;
  readonly notify: Notify;
  /** Closes the dialog that asked (a delete confirmation). */
  readonly closeDialog: () => void;
}

export function createEditing(deps: EditingDeps): EditingActions {
  const { store, selection, ctx, notify } = deps;
  const { index } = ctx;
  const byId = (id: string): ProjectFeature | undefined => store.state.byId.peek().get(id);
  const present = (ids: Iterable<string>): ProjectFeature[] =>
    [...ids].map(byId).filter((p): p is ProjectFeature => p !== undefined);

  return {
    placeProject: async (lon, lat) => {
      const m = selection.state.mode.peek();
      if (m.type !== 'add') return false;
      const cur = store.state.scenario.peek();
      const existingNames = new Set(cur.features.map((f) => f.properties.name));
      const p = newProject(m.kind, lon, lat, { id: deps.newId(), year: cur.scenario.planYear, existingNames }, ctx);
      if (!p) {
        notify({ tone: 'error', key: 'edit.outside' });
        return false;
      }
      batch(() => {
        selection.actions.setMode({ type: 'select' });
        selection.actions.select(p.id);
      });
      return store.commit(addProjectsEdit([p]));
    },
    moveProject: async (id, lon, lat) => {
      const p = byId(id);
      selection.actions.dragTo(null);
      if (!p) return false;
      const edit = moveProjectEdit(p, lon, lat, ctx);
      if (!edit.ok) {
        notify({ tone: 'error', key: 'edit.outside' });
        return false;
      }
      return store.commit(edit.value);
    },
    saveProject: async (id, draft) => {
      const p = byId(id);
      if (!p) return { errors: [], warnings: [] };
      const r = projectFromDraft(draft, p, index);
      if (!r.ok) return { errors: r.error, warnings: [] };
      const edit = updateProjectEdit(p, r.value.project);
      if (edit) await store.commit(edit);
      return { errors: [], warnings: r.value.warnings };
    },
    setSite: async (id, site) => {
      const p = byId(id);
      selection.actions.setMode({ type: 'select' });
      if (!p) return false;
      const edit = siteEdit(p, site, index);
      if (!edit.ok) {
        notify({ tone: 'error', key: 'edit.siteInvalid', params: { detail: site ? siteArea(site) : 0 } });
        return false;
      }
      return edit.value ? store.commit(edit.value) : false;
    },
    deleteProjects: async (ids) => {
      const list = present(ids);
      deps.closeDialog();
      if (list.length === 0) return false;
      const edit = deleteProjectsEdit(list);
      const done = await store.commit(edit);
      if (done) notify({ tone: 'info', key: 'history.deleted', edit: labelOf(edit), action: 'undo' });
      return done;
    },
    bulkSet: async (field, value) => {
      const r = bulkEdit(present(selection.state.checked.peek()), field, value, index);
      if (!r.ok) return r.error;
      if (r.value.changes.length > 0) await store.commit(r.value);
      notify({ tone: 'info', key: 'bulk.done', params: { count: r.value.changes.length } });
      return [];
    },
    undo: async () => {
      const label = await store.undo();
      if (label) notify({ tone: 'info', key: 'history.undone', edit: label });
    },
    redo: async () => {
      const label = await store.redo();
      if (label) notify({ tone: 'info', key: 'history.redone', edit: label });
    },
    retrySave: () => store.retry(),
    storageSuperseded: () =>
      notify({ tone: 'error', key: 'storage.versionChange', action: 'reload', offerExport: true }),
  };
}
