/**
 * Reference data the planner imported (kept apart from scenarios): the existing schools, and a
 * population surface in place of the shipped modelled one. Stored in the repository, read once at
 * start-up; the analysis reads its schools as supply and its surface for coverage.
 */
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { ReferenceIndex } from '../core/geodata/reference';
import { parseExistingLayer, type ExistingLayer, type ExistingSchoolRecord } from '../core/io/existing';
import { isRecord } from '../core/result';
import type { ImportedDemography } from '../core/projection/project';
import { parseImportedDemography } from '../core/projection/stored';
import { parseCandidateParcels, type CandidateParcels } from '../core/analysis/siting/parcels';
import type { ReferenceKey, Repository } from '../persistence/repository';
import { errorMessage as message, type NoticeRequest } from './notices';

/** The stored population surface: the QZPS bytes and where they came from. */
export interface PopulationRecord {
  readonly bytes: ArrayBuffer;
  readonly source: {
    readonly file: string;
    readonly importedAt: number;
    readonly total: number;
    readonly outside: number;
  };
}

/** The stored population surface, when one was imported and its record is readable; else null. */
async function readStoredPopulation(repo: Repository): Promise<PopulationRecord | null> {
  const raw: unknown = await repo.loadReference('population');
  if (!isRecord(raw) || !(raw.bytes instanceof ArrayBuffer) || !isRecord(raw.source)) return null;
  const src = raw.source;
  if (typeof src.file !== 'string' || typeof src.total !== 'number') return null;
  return {
    bytes: raw.bytes,
    source: {
      file: src.file,
      importedAt: Number(src.importedAt) || 0,
      total: src.total,
      outside: Number(src.outside) || 0,
    },
  };
}

export interface ReferenceState {
  readonly existingLayer: ReadonlySignal<ExistingLayer | null>;
  /** The existing schools (none until a layer is imported): supply in the analysis, a layer on the map. */
  readonly existing: ReadonlySignal<readonly ExistingSchoolRecord[]>;
  readonly populationSource: ReadonlySignal<PopulationRecord['source'] | null>;
  /** The planner's births or population by age, for the demand projection (null: the published data). */
  readonly demography: ReadonlySignal<ImportedDemography | null>;
  /** Candidate parcels for siting (null: none imported). */
  readonly parcels: ReadonlySignal<CandidateParcels | null>;
}

export interface ReferenceDeps {
  readonly repository: Repository;
  readonly index: ReferenceIndex;
  readonly notify: (n: NoticeRequest) => void;
  /** Loads a population surface into the coverage engine; resolves to whether it was accepted. */
  readonly loadSurface: (load: () => Promise<ArrayBuffer>) => Promise<boolean>;
  /** The shipped (modelled) population surface, to go back to. */
  readonly shippedSurface: (() => Promise<ArrayBuffer>) | null;
}

export function createReference(deps: ReferenceDeps) {
  const existingLayer = signal<ExistingLayer | null>(null);
  const populationSource = signal<PopulationRecord['source'] | null>(null);
  const demography = signal<ImportedDemography | null>(null);
  const parcels = signal<CandidateParcels | null>(null);
  /** The stored population, read once at start-up for both the engine and the reference panel. */
  let stored: Promise<PopulationRecord | null> | null = null;
  const startupPopulation = (): Promise<PopulationRecord | null> =>
    (stored ??= readStoredPopulation(deps.repository).catch(() => null));

  /** Stores a reference layer (null removes it); a failure is said and nothing changes. */
  async function save(key: ReferenceKey, value: unknown): Promise<boolean> {
    try {
      await deps.repository.saveReference(key, value);
      return true;
    } catch (e) {
      deps.notify({ tone: 'error', key: 'storage.saveFailed', params: { message: message(e) } });
      return false;
    }
  }

  const state: ReferenceState = {
    existingLayer,
    existing: computed(() => existingLayer.value?.schools ?? []),
    populationSource,
    demography,
    parcels,
  };
  return {
    state,
    /** The imported population surface's bytes to start the engine from, or null for the shipped one. */
    startupSurface: async (): Promise<ArrayBuffer | null> => (await startupPopulation())?.bytes ?? null,
    /** Restores the stored reference layers (at start-up). */
    async init(): Promise<void> {
      try {
        const raw = await deps.repository.loadReference('existingSchools');
        const { layer, skipped } = parseExistingLayer(raw, deps.index);
        if (layer) existingLayer.value = layer;
        if (skipped > 0) deps.notify({ tone: 'error', key: 'storage.skippedProjects', params: { count: skipped } });
        populationSource.value = (await startupPopulation())?.source ?? null;
        const storedDemography: unknown = await deps.repository.loadReference('demography');
        if (storedDemography !== undefined && storedDemography !== null) {
          const parsed = parseImportedDemography(storedDemography);
          if (parsed) demography.value = parsed;
          else deps.notify({ tone: 'error', key: 'projection.storedUnreadable' });
        }
        const storedParcels: unknown = await deps.repository.loadReference('parcels');
        if (storedParcels !== undefined && storedParcels !== null) {
          const parsed = parseCandidateParcels(storedParcels);
          if (parsed) parcels.value = parsed;
          else deps.notify({ tone: 'error', key: 'siting.storedUnreadable' });
        }
      } catch (e) {
        deps.notify({ tone: 'error', key: 'storage.loadFailed', params: { message: message(e) } });
      }
    },
    /** Stores and shows an imported existing-schools layer; false when it could not be stored. */
    async setExisting(layer: ExistingLayer): Promise<boolean> {
      if (!(await save('existingSchools', layer))) return false;
      existingLayer.value = layer;
      return true;
    },
    /** Stores an imported population surface (already accepted by the engine). */
    async setPopulation(record: PopulationRecord): Promise<boolean> {
      if (!(await save('population', record))) return false;
      populationSource.value = record.source;
      return true;
    },
    /** Stores and uses the planner's demography table; false when it could not be stored. */
    async setDemography(record: ImportedDemography): Promise<boolean> {
      if (!(await save('demography', record))) return false;
      demography.value = record;
      return true;
    },
    /** Stores and uses imported candidate parcels; false when they could not be stored. */
    async setParcels(record: CandidateParcels): Promise<boolean> {
      if (!(await save('parcels', record))) return false;
      parcels.value = record;
      return true;
    },
    async clearParcels(): Promise<void> {
      if (await save('parcels', null)) parcels.value = null;
    },
    async clearDemography(): Promise<void> {
      if (await save('demography', null)) demography.value = null;
    },
    async clearExisting(): Promise<void> {
      if (await save('existingSchools', null)) existingLayer.value = null;
    },
    async clearPopulation(): Promise<void> {
      if (!(await save('population', null))) return;
      populationSource.value = null;
      if (deps.shippedSurface) await deps.loadSurface(deps.shippedSurface);
    },
  };
}

export type Reference = ReturnType<typeof createReference>;
