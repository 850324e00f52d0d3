/**
 * The import dialog's state: a file is read (in the io worker), the planner adjusts the field mapping,
 * coordinate system, axis order and target, sees every row's fate, and only "confirm" writes — a new
 * scenario, one undoable edit in the current one, or a reference layer. Nothing is written before.
 */
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import { addProjectsEdit, type EditContext } from '../core/edits/build';
import type { Edit } from '../core/edits/edit';
import type { ReferenceData } from '../core/geodata/reference';
import type { CrsId } from '../core/io/crs';
import type { ExistingLayer } from '../core/io/existing';
import { emptyMapping, type FieldMapping, type MappedField } from '../core/io/fields';
import type { CrsSuggestion } from '../core/io/choices';
import type { BoundaryIndex } from '../core/io/datum';
import type { MappingNote } from '../core/io/refine';
import type { ImportReview } from '../core/io/review';
import type { Interpretation } from '../core/io/interpret';
import type { InputFile, IoError, RawTable } from '../core/io/types';
import type { ProjectKind } from '../core/model/kinds';
import { SCHEMA_VERSION, type ProjectFeature, type ScenarioCollection, type ScenarioMeta } from '../core/model/project';
import { err, ok, type Result } from '../core/result';
import type { FileReader } from '../workers/importService';
import type { NoticeRequest } from './notices';
import type { Reference } from './reference';
import { confirmDemography, confirmParcels, confirmPopulation } from './importReference';

export const IMPORT_TARGETS = ['new', 'merge', 'existing', 'population', 'births', 'candidates'] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];

export interface ImportSession {
  readonly fileName: string;
  readonly size: number;
  readonly stage: 'choose' | 'reading' | 'ready' | 'failed' | 'saving';
  readonly progress: number;
  readonly error: IoError | null;
  readonly table: RawTable | null;
  readonly mapping: FieldMapping;
  readonly crs: CrsId;
  readonly swapped: boolean;
  readonly crsReason: CrsSuggestion['reason'] | null;
  /** The system suggested for the file with its evidence (null before a file is read). */
  readonly suggestion: CrsSuggestion | null;
  /** Where the field mapping departs from the headers, and why. */
  readonly mappingNotes: readonly MappingNote[];
  readonly defaultKind: ProjectKind | null;
  readonly target: ImportTarget;
  /** The scenario a merge goes into (the shown one unless the planner picks another). */
  readonly mergeInto: string | null;
}

export interface ImporterDeps {
  readonly reader: FileReader;
  readonly referenceData: ReferenceData;
  readonly ctx: EditContext;
  readonly newId: () => string;
  readonly scenario: ReadonlySignal<ScenarioCollection>;
  readonly scenarioNames: () => ReadonlySet<string>;
  readonly scenarioIds: () => ReadonlySet<string>;
  readonly createScenario: (held: ScenarioCollection) => Promise<boolean>;
  readonly commit: (edit: Edit) => Promise<boolean>;
  readonly switchTo: (id: string) => Promise<unknown>;
  readonly loadSurface: (load: () => Promise<ArrayBuffer>) => Promise<boolean>;
  /** Where imported reference data goes (existing schools, a population surface, demography). */
  readonly reference: Pick<Reference, 'setExisting' | 'setPopulation' | 'setDemography' | 'setParcels'>;
  /** After candidate parcels are imported: show the siting tab that uses them. */
  readonly showSiting?: () => void;
  /** After demography is imported: show the projection it feeds. */
  readonly showProjection?: () => void;
  readonly showLayer: (id: 'existing' | 'population') => void;
  readonly notify: (n: NoticeRequest) => void;
  readonly now?: () => number;
}

/** A session with nothing chosen yet: for a file being read, or the empty dialog. */
const freshSession = (
  stage: 'choose' | 'reading',
  target: ImportTarget,
  file: { name: string; size: number } = { name: '', size: 0 },
): ImportSession => ({
  fileName: file.name,
  size: file.size,
  stage,
  progress: 0,
  error: null,
  table: null,
  mapping: emptyMapping(),
  crs: 'wgs84',
  swapped: false,
  crsReason: null,
  suggestion: null,
  mappingNotes: [],
  defaultKind: null,
  target,
  mergeInto: null,
});

export function createImporter(deps: ImporterDeps) {
  const session = signal<ImportSession | null>(null);
  /** The import code (core/io/kit.ts), loaded when the dialog first opens or a file is first read. */
  const kit = signal<Kit | null>(null);
  let loading: Promise<Kit> | null = null;
  const loadKit = (): Promise<Kit> => (loading ??= import('../core/io/kit').then((m) => (kit.value = m)));
  const now = deps.now ?? Date.now;
  /** Our county lines, indexed once, for the datum fit of imported outlines. */
  let boundaries: BoundaryIndex | null = null;
  const counties = deps.referenceData.counties.features.map((f) => f.properties);

  const patch = (p: Partial<ImportSession>): void => {
    const s = session.peek();
    if (s) session.value = { ...s, ...p };
  };

  /** Rows as projects under the current choices (not for our own exports, rasters or population). */
  const interpretation = computed<Result<Interpretation, IoError> | null>(() => {
    const s = session.value;
    const t = s?.table;
    const k = kit.value;
    if (!s || !t || !k || t.scenario || t.raster || s.target === 'population' || s.target === 'births') return null;
    let n = 0;
    return k.interpretProjects(
      t,
      {
        mapping: s.mapping,
        crs: s.crs,
        swapped: s.swapped,
        ...(t.prjWkt ? { prjWkt: t.prjWkt } : {}),
        // parcels are places, not schools: any kind will do to read their points and outlines
        defaultKind: s.defaultKind ?? (s.target === 'candidates' ? 'primary' : null),
        defaultYear: deps.scenario.value.scenario.planYear,
        // preview ids only; confirm assigns real ones
        newId: () => `preview-${++n}`,
        source: (row) => `${s.fileName} ${t.unit === 'row' ? '#' : 'F'}${row}`,
      },
      deps.ctx,
    );
  });

  /** The file's data under each degrees datum, when the file does not declare its own (for the preview). */
  const candidates = computed(() => {
    const s = session.value;
    const t = s?.table;
    const k = kit.value;
    if (
      !s ||
      !t ||
      !k ||
      t.scenario ||
      t.raster ||
      s.target === 'population' ||
      s.target === 'births' ||
      !k.datumUndeclared(t, s.crs)
    )
      return null;
    return k.datumCandidates(t, s.mapping, s.swapped);
  });

  /** The table read as births or population by age, when that is the target (null: its headers name neither). */
  const demography = computed(() => {
    const s = session.value;
    const t = s?.table;
    const k = kit.value;
    if (!s || !t || !k || s.target !== 'births' || t.scenario || t.raster) return null;
    return k.readDemographyTable(t, counties);
  });

  /** Projects that would be imported (ours: the exported scenario's; else the interpreted rows). */
  const projects = computed<readonly ProjectFeature[]>(() => {
    const t = session.value?.table;
    if (t?.scenario) return t.scenario.features;
    const i = interpretation.value;
    return i?.ok ? i.value.rows.map((r) => r.project) : [];
  });

  /** What the dialog shows of the reading: problems by row (errors first), counts, points, whether it may confirm. */
  const review = computed<ImportReview | null>(() => {
    const s = session.value;
    const k = kit.value;
    if (!s || !k) return null;
    const review = k.reviewImport({
      table: s.table,
      interpretation: interpretation.value,
      projects: projects.value,
      population: s.target === 'population',
      populationMapped: s.mapping.population !== null,
      ready: s.stage === 'ready',
      ...(s.target === 'births' ? { demography: demography.value } : {}),
    });
    if (s.target !== 'candidates') return review;
    // a parcel needs no kind: the kind's problems are not the planner's
    const problems = review.problems.filter((p) => p.code !== 'kindDefaulted' && p.code !== 'noKind');
    return { ...review, problems, warnings: problems.filter((p) => p.severity === 'warning').length };
  });

  async function read(files: readonly InputFile[]): Promise<void> {
    const file = (await loadKit()).combineFiles(files);
    if (!file) return;
    await readOne(file);
  }

  /** The file being imported, kept so another of its layers can be read. */
  let lastFile: InputFile | null = null;

  async function readOne(file: InputFile, layer?: string): Promise<void> {
    lastFile = file;
    const target: ImportTarget = session.peek()?.target ?? 'new';
    session.value = freshSession('reading', target, { name: file.name, size: file.bytes.length });
    const r = await deps.reader.read(file, (fraction) => patch({ progress: fraction }), layer);
    const s = session.peek();
    if (!s || s.fileName !== file.name) return;
    if (!r.ok) {
      if (r.error.code === 'cancelled') return;
      patch({ stage: 'failed', error: r.error });
      return;
    }
    const table = r.value;
    const k = await loadKit();
    boundaries ??= k.createBoundaryIndex(deps.referenceData.counties);
    const c = k.initialChoices(table, file.name, deps.ctx.index.bbox, boundaries);
    // a raster is a population grid; a table with a population column and no names is one too
    const hasPopulation = c.mapping.population !== null;
    const suggested: ImportTarget = table.raster
      ? 'population'
      : table.scenario
        ? s.target === 'merge'
          ? 'merge'
          : 'new'
        : s.target === 'population'
          ? hasPopulation
            ? 'population'
            : 'new'
          : k.looksLikeDemography(table)
            ? 'births'
            : hasPopulation && c.mapping.name === null
              ? 'population'
              : s.target === 'births'
                ? 'new'
                : s.target;
    patch({
      stage: 'ready',
      progress: 1,
      table,
      mapping: c.mapping,
      crs: c.crs,
      swapped: c.swapped,
      crsReason: c.reason,
      suggestion: c.suggestion,
      mappingNotes: c.notes,
      target: suggested,
    });
  }

  function uniqueName(name: string): string {
    const names = deps.scenarioNames();
    let n = name;
    for (let k = 2; names.has(n); k++) n = `${name}（${k}）`;
    return n;
  }

  /** Projects with ids not yet used in the current scenario (a merge must not overwrite). */
  function freshIds(list: readonly ProjectFeature[]): ProjectFeature[] {
    const taken = new Set(deps.scenario.peek().features.map((p) => p.id));
    return list.map((p) => {
      if (!taken.has(p.id) && !p.id.startsWith('preview-')) {
        taken.add(p.id);
        return p;
      }
      const id = deps.newId();
      taken.add(id);
      return { ...p, id, properties: { ...p.properties, id } };
    });
  }

  async function confirm(): Promise<Result<void, string>> {
    const s = session.peek();
    const t = s?.table;
    if (!s || !t || s.stage !== 'ready') return err('not ready');
    patch({ stage: 'saving' });
    // loaded already: a file was read
    const k = await loadKit();
    const done = (r: Result<void, string>): Result<void, string> => {
      if (r.ok) session.value = null;
      else patch({ stage: 'ready' });
      return r;
    };
    const importedAt = new Date(now()).toISOString();

    if (s.target === 'population') {
      const r = await confirmPopulation(deps, t, s, importedAt, now, () => session.peek()?.stage === 'saving');
      // cancelled: the session is another one (or none) by now, and not this import's to finish
      return !r.ok && r.error === 'cancelled' ? r : done(r);
    }
    if (s.target === 'births') return done(await confirmDemography(deps, demography.peek(), s.fileName, now()));

    const list = projects.peek();
    if (list.length === 0) return done(err('nothing'));

    if (s.target === 'candidates') return done(await confirmParcels(deps, list, s.fileName, k.baseName, now()));

    if (s.target === 'existing') {
      const i = interpretation.peek();
      const schools = k.existingFromRows(i?.ok ? i.value.rows : []);
      const layer: ExistingLayer = {
        schools: schools.map((x) => ({ ...x, id: deps.newId() })),
        source: { file: s.fileName, importedAt: now(), crs: s.crs },
      };
      if (!(await deps.reference.setExisting(layer))) return done(err('save'));
      deps.showLayer('existing');
      deps.notify({ tone: 'info', key: 'io.done.existing', params: { count: layer.schools.length } });
      return done(ok(undefined));
    }

    if (s.target === 'merge') {
      // merging into another scenario shows that scenario first, so the edit lands (and is undone) there
      if (s.mergeInto !== null && s.mergeInto !== deps.scenario.peek().scenario.id) {
        await deps.switchTo(s.mergeInto);
        if (deps.scenario.peek().scenario.id !== s.mergeInto) return done(err('switch'));
      }
      const fresh = freshIds(list);
      const okCommit = await deps.commit(addProjectsEdit(fresh));
      if (okCommit)
        deps.notify({
          tone: 'info',
          key: 'io.done.merged',
          params: { count: fresh.length, name: deps.scenario.peek().scenario.name },
        });
      return done(okCommit ? ok(undefined) : err('commit'));
    }

    // a new scenario: our own export keeps its metadata (a new id if that one is taken here)
    const own = t.scenario;
    const id = own && !deps.scenarioIds().has(own.scenario.id) ? own.scenario.id : deps.newId();
    const meta: ScenarioMeta = own
      ? { ...own.scenario, id, name: uniqueName(own.scenario.name) }
      : {
          id,
          name: uniqueName(k.baseName(s.fileName)),
          planYear: deps.scenario.peek().scenario.planYear,
          illustrative: false,
          schemaVersion: SCHEMA_VERSION,
          imported: {
            file: s.fileName,
            format: t.format,
            crs: s.swapped ? `${s.crs} (x/y swapped)` : s.crs,
            at: importedAt,
          },
        };
    const features = own
      ? list
      : list.map((p) => {
          const pid = deps.newId();
          return { ...p, id: pid, properties: { ...p.properties, id: pid } };
        });
    const created = await deps.createScenario({ type: 'FeatureCollection', scenario: meta, features });
    if (created)
      deps.notify({ tone: 'info', key: 'io.done.created', params: { count: features.length, name: meta.name } });
    return done(created ? ok(undefined) : err('create'));
  }

  return {
    state: {
      session: session as ReadonlySignal<ImportSession | null>,
      interpretation,
      projects,
      candidates,
      review,
      demography,
    },
    open: (target: ImportTarget = 'new'): void => {
      deps.reader.cancel();
      session.value = freshSession('choose', target);
      void loadKit();
    },
    close: (): void => {
      deps.reader.cancel();
      session.value = null;
    },
    cancelRead: (): void => {
      deps.reader.cancel();
      patch({ stage: 'choose', progress: 0 });
    },
    read,
    setMapping: (field: MappedField, column: number | null): void => {
      const s = session.peek();
      if (s) patch({ mapping: { ...s.mapping, [field]: column } });
    },
    setCrs: (crs: CrsId): void => patch({ crs }),
    /** Reads another layer of the file (a zip of several Shapefiles, a TopoJSON's objects). */
    setLayer: (layer: string): Promise<void> => (lastFile ? readOne(lastFile, layer) : Promise.resolve()),
    setSwapped: (swapped: boolean): void => patch({ swapped }),
    setDefaultKind: (kind: ProjectKind | null): void => patch({ defaultKind: kind }),
    setTarget: (target: ImportTarget): void => patch({ target }),
    setMergeInto: (id: string): void => patch({ target: 'merge', mergeInto: id }),
    confirm,
  };
}

export type Importer = ReturnType<typeof createImporter>;
type Kit = typeof import('../core/io/kit');
