/**
 * Confirming an import into reference data rather than a scenario: a population surface, the demand
 * projection's births or ages, candidate parcels for siting. Each stores through the reference store,
 * shows where the data is used, and says what was imported; a failure is a value, never a throw.
 */
import type { DemographyReading } from '../core/projection/birthsTable';
import type { ProjectFeature } from '../core/model/project';
import type { RawTable } from '../core/io/types';
import { err, ok, type Result } from '../core/result';
import type { ImporterDeps, ImportSession } from './importer';

/** Builds the surface off the main thread, loads it into the engine, stores it, shows it. */
export async function confirmPopulation(
  deps: ImporterDeps,
  t: RawTable,
  s: ImportSession,
  importedAt: string,
  now: () => number,
  stillSaving: () => boolean,
): Promise<Result<void, string>> {
  // off the main thread: a WorldPop-size raster is millions of pixels
  const built = await deps.reader.buildPopulation({
    table: t,
    options: {
      mapping: s.mapping,
      crs: s.crs,
      swapped: s.swapped,
      ...(t.prjWkt ? { prjWkt: t.prjWkt } : {}),
      description: `${s.fileName} (${importedAt.slice(0, 10)})`,
    },
    counties: deps.referenceData.counties,
    bbox: deps.ctx.index.bbox,
  });
  if (!stillSaving()) return err('cancelled');
  if (!built.ok) {
    deps.notify({
      tone: 'error',
      key: `io.error.${built.error.code}`,
      params: { ...built.error.params, name: s.fileName },
    });
    return err(built.error.code);
  }
  const bytes = built.value.bytes.slice().buffer;
  const accepted = await deps.loadSurface(() => Promise.resolve(bytes.slice(0)));
  if (!accepted) {
    deps.notify({ tone: 'error', key: 'io.error.tiffInvalid', params: { detail: 'surface' } });
    return err('surface');
  }
  const source = { file: s.fileName, importedAt: now(), total: built.value.total, outside: built.value.outside };
  if (!(await deps.reference.setPopulation({ bytes, source }))) return err('save');
  deps.showLayer('population');
  deps.notify({
    tone: 'info',
    key: 'io.done.population',
    params: { total: built.value.total, outside: built.value.outside },
  });
  return ok(undefined);
}

/** Stores births or population by age for the demand projection and shows the projection. */
export async function confirmDemography(
  deps: ImporterDeps,
  d: DemographyReading | null,
  file: string,
  importedAt: number,
): Promise<Result<void, string>> {
  if (!d || d.count === 0) return err('nothing');
  if (!(await deps.reference.setDemography({ ...d.data, source: { file, importedAt } }))) return err('save');
  deps.showProjection?.();
  deps.notify({
    tone: 'info',
    key: d.kind === 'births' ? 'io.done.births' : 'io.done.ages',
    params: { count: d.count, counties: new Set([...d.data.births, ...d.data.ages].map((r) => r.adcode)).size },
  });
  return ok(undefined);
}

/** Stores the rows' points (a polygon's centroid) as candidate parcels for siting and shows the siting tab. */
export async function confirmParcels(
  deps: ImporterDeps,
  list: readonly ProjectFeature[],
  file: string,
  baseName: (file: string) => string,
  importedAt: number,
): Promise<Result<void, string>> {
  const parcels = list.map((p, i) => ({
    id: p.properties.name.trim() || `${baseName(file)}-${i + 1}`,
    lon: p.geometry.coordinates[0] ?? 0,
    lat: p.geometry.coordinates[1] ?? 0,
    countyCode: p.properties.countyCode,
  }));
  if (!(await deps.reference.setParcels({ parcels, source: { file, importedAt } }))) return err('save');
  deps.showSiting?.();
  deps.notify({ tone: 'info', key: 'io.done.parcels', params: { count: parcels.length } });
  return ok(undefined);
}
