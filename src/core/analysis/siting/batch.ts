/**
 * The batch form of the solver, for analysts (`npm run -s siting`): demand, candidates and existing
 * schools as GeoJSON points (WGS84), the same solver as the app, the chosen candidates back as GeoJSON in
 * rank order. Errors are values with a message for stderr.
 */
import { err, isRecord, ok, type Result } from '../../result';
import { createDemandIndex } from './demandIndex';
import { candidateList, solveSiting, type Candidate } from './solve';

export interface BatchInput {
  readonly demand: unknown;
  readonly candidates: unknown;
  readonly existing?: unknown;
  readonly radius: number;
  readonly k: number;
  readonly seats?: number;
}

export interface BatchFeature {
  readonly type: 'Feature';
  readonly geometry: { readonly type: 'Point'; readonly coordinates: readonly [number, number] };
  readonly properties: Readonly<Record<string, unknown>>;
}

export interface BatchOutput {
  readonly type: 'FeatureCollection';
  readonly features: readonly BatchFeature[];
  /** Demand covered by the existing schools and the chosen sites together. */
  readonly covered: number;
  /** All demand. */
  readonly total: number;
}

interface PointFeature {
  readonly lon: number;
  readonly lat: number;
  readonly properties: Record<string, unknown>;
}

function points(raw: unknown, what: string): Result<PointFeature[], string> {
  if (!isRecord(raw) || raw.type !== 'FeatureCollection' || !Array.isArray(raw.features))
    return err(`${what}: not a GeoJSON FeatureCollection`);
  const out: PointFeature[] = [];
  for (const [i, f] of (raw.features as unknown[]).entries()) {
    if (!isRecord(f) || !isRecord(f.geometry) || f.geometry.type !== 'Point' || !Array.isArray(f.geometry.coordinates))
      return err(`${what}: feature ${i + 1} is not a Point`);
    const [lon, lat] = f.geometry.coordinates as unknown[];
    if (typeof lon !== 'number' || typeof lat !== 'number' || Math.abs(lon) > 180 || Math.abs(lat) > 90)
      return err(`${what}: feature ${i + 1} has no WGS84 longitude/latitude`);
    out.push({ lon, lat, properties: isRecord(f.properties) ? { ...f.properties } : {} });
  }
  return ok(out);
}

export function runBatch(input: BatchInput): Result<BatchOutput, string> {
  if (!Number.isFinite(input.radius) || input.radius <= 0) return err('--radius: a positive number of metres');
  if (!Number.isInteger(input.k) || input.k < 1) return err('--k: a whole number of sites, at least 1');
  if (input.seats !== undefined && !(input.seats > 0)) return err('--seats: a positive number');
  const demand = points(input.demand, 'demand');
  if (!demand.ok) return demand;
  for (const [i, d] of demand.value.entries()) {
    const pop = d.properties.pop;
    if (typeof pop !== 'number' || !Number.isFinite(pop) || pop < 0)
      return err(`demand: feature ${i + 1} has no numeric "pop" property`);
  }
  const cands = points(input.candidates, 'candidates');
  if (!cands.ok) return cands;
  const ids = new Set<string>();
  const list: Candidate[] = [];
  for (const [i, c] of cands.value.entries()) {
    const id = c.properties.id;
    if (typeof id !== 'string' && typeof id !== 'number')
      return err(`candidates: feature ${i + 1} has no "id" property`);
    const key = String(id);
    if (ids.has(key)) return err(`candidates: the id "${key}" appears twice`);
    ids.add(key);
    list.push({ id: key, lon: c.lon, lat: c.lat });
  }
  if (input.k > list.length) return err(`--k ${input.k} is more than the ${list.length} candidates`);
  const existing = input.existing === undefined ? ok([]) : points(input.existing, 'existing');
  if (!existing.ok) return existing;

  const index = createDemandIndex(
    {
      lon: Float64Array.from(demand.value, (d) => d.lon),
      lat: Float64Array.from(demand.value, (d) => d.lat),
      weight: Float64Array.from(demand.value, (d) => Number(d.properties.pop)),
    },
    input.radius,
  );
  for (const e of existing.value) index.serve(e.lon, e.lat, 1);
  const before = index.total() - index.residual();
  const result = solveSiting(index, candidateList(list), {
    k: input.k,
    ...(input.seats !== undefined ? { seats: input.seats } : {}),
  });
  const features = result.suggestions.map((s): BatchFeature => {
    const c = cands.value[s.candidate];
    return {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [c?.lon ?? 0, c?.lat ?? 0] },
      properties: { ...(c?.properties ?? {}), rank: s.rank, gain: s.gain, covered: before + s.cumulative },
    };
  });
  return ok({ type: 'FeatureCollection', features, covered: before + result.served, total: index.total() });
}
