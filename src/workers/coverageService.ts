/**
 * The coverage engine behind a message boundary: the same handler runs in a Web Worker in the app (so
 * the map never stutters) and in-process in unit tests. The client coalesces requests: while one is
 * computing, only the latest next request is kept.
 */
export type {
  CoverageRequest,
  CoverageResponse,
  CoverageResult,
  CoveredByLevel,
  SurfaceInfo,
} from './coverageMessages';
import { createCoverageEngine, type CoverageEngine, type CoverageSite } from '../core/analysis/engine';
import { COVERAGE_LEVELS, type CoverageLevel } from '../core/analysis/params';
import { paintAssignment, paintPopulation, paintUncovered, type RasterImage } from '../core/analysis/raster';
import { gridBounds, type PopulationSurface, type RasterGrid } from '../core/analysis/surface';
import { decodeSurface } from '../core/analysis/surfaceCodec';
import type {
  CoverageRequest,
  CoverageResponse,
  CoverageResult,
  SitePatch,
  CoveredByLevel,
  SurfaceInfo,
} from './coverageMessages';
import { CATCHMENT_PALETTE, POPULATION_RAMP, UNASSIGNED, UNCOVERED_RAMP } from '../../layers/analysisColors';

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** The worker side: holds the engine; answers one request at a time. */
export function createCoverageHandler(): (req: CoverageRequest) => {
  response: CoverageResponse;
  transfer: ArrayBuffer[];
} {
  let engine: CoverageEngine | null = null;
  let grid: RasterGrid | null = null;
  let surfaceData: PopulationSurface | null = null;
  /** A second engine for comparisons, so the live one keeps its incremental state. */
  let compareEngine: CoverageEngine | null = null;
  /** The sites as the requests' patches left them (unchanged sites keep their objects: no lookups). */
  const current = new Map<string, CoverageSite>();
  let list: readonly CoverageSite[] = [];
  const applyPatch = (patch: SitePatch): readonly CoverageSite[] => {
    if (patch.reset) current.clear();
    for (const key of patch.remove) current.delete(key);
    for (const s of patch.upsert) current.set(s.key, s);
    if (patch.reset || patch.remove.length > 0 || patch.upsert.length > 0) list = [...current.values()];
    return list;
  };
  const coveredAll = (e: CoverageEngine): Record<CoverageLevel, number[]> => {
    const covered = {} as Record<CoverageLevel, number[]>;
    for (const level of COVERAGE_LEVELS) {
      const row: number[] = [];
      for (let c = 0; c < e.counties.length; c++) row.push(e.covered(level, c));
      row.push(e.covered(level));
      covered[level] = row;
    }
    return covered;
  };
  return (req) => {
    if (req.type === 'surface') {
      const t0 = now();
      const decoded = decodeSurface(req.buffer);
      if (!decoded.ok) return { response: { type: 'surface', ok: false, error: decoded.error }, transfer: [] };
      const { surface, header } = decoded.value;
      engine = createCoverageEngine(surface);
      grid = surface.grid;
      surfaceData = surface;
      compareEngine = null;
      const e = engine;
      const info: SurfaceInfo = {
        counties: surface.counties,
        population: surface.counties.map((_, c) => e.population(c)),
        total: e.population(),
        grid: surface.grid,
        bounds: gridBounds(surface.grid),
        modelled: surface.modelled,
        description: header.description,
        cellCount: e.cellCount,
        bytesPerCell: e.bytesPerCell(),
        buildMs: now() - t0,
      };
      const population = paintPopulation(e, surface.grid, POPULATION_RAMP);
      return {
        response: { type: 'surface', ok: true, info, population },
        transfer: [population.data.buffer as ArrayBuffer],
      };
    }
    if (!engine || !grid || !surfaceData)
      return { response: { type: 'failed', seq: req.seq, error: 'no population surface loaded' }, transfer: [] };
    if (req.type === 'compare') {
      const c = (compareEngine ??= createCoverageEngine(surfaceData));
      c.update(req.a);
      const a = coveredAll(c);
      // B differs from A in a few schools: the incremental update visits only those
      c.update(req.b);
      return { response: { type: 'compared', seq: req.seq, a, b: coveredAll(c) }, transfer: [] };
    }
    const e = engine;
    const t0 = now();
    const sites = applyPatch(req.sites);
    const stats = e.update(sites);
    const covered = coveredAll(e);
    const sitePop: Record<string, number> = {};
    for (const s of sites) sitePop[s.key] = e.sitePopulation(s.key);
    const uncovered = req.uncovered ? paintUncovered(e, req.level, grid, UNCOVERED_RAMP) : null;
    let assignment: CoverageResult['assignment'] = null;
    if (req.assignment) {
      const a = e.assign(req.level);
      assignment = {
        keys: a.keys,
        served: [...a.served],
        unassigned: a.unassigned,
        image: paintAssignment(
          e,
          a,
          grid,
          (j) => CATCHMENT_PALETTE[j % CATCHMENT_PALETTE.length] ?? UNASSIGNED,
          UNASSIGNED,
        ),
      };
    }
    const transfer: ArrayBuffer[] = [];
    if (uncovered) transfer.push(uncovered.image.data.buffer as ArrayBuffer);
    if (assignment) transfer.push(assignment.image.data.buffer as ArrayBuffer);
    return {
      response: {
        type: 'result',
        result: {
          seq: req.seq,
          level: req.level,
          covered,
          sitePop,
          uncovered,
          assignment,
          ms: now() - t0,
          cellsVisited: stats.cellsVisited,
        },
      },
      transfer,
    };
  };
}

/** How requests reach the handler: a Worker, or the handler itself in tests. */
export interface CoverageTransport {
  post(req: CoverageRequest, transfer: ArrayBuffer[]): void;
  onMessage(cb: (res: CoverageResponse) => void): void;
  terminate(): void;
}

/** Runs the handler in this thread, answering asynchronously like a worker would. */
export function inProcessTransport(): CoverageTransport {
  const handle = createCoverageHandler();
  let listener: ((res: CoverageResponse) => void) | null = null;
  return {
    post: (req) => {
      const { response } = handle(req);
      setTimeout(() => listener?.(response), 0);
    },
    onMessage: (cb) => {
      listener = cb;
    },
    terminate: () => {
      listener = null;
    },
  };
}

export interface ComputeRequest {
  readonly sites: readonly CoverageSite[];
  readonly level: CoverageLevel;
  readonly uncovered: boolean;
  readonly assignment: boolean;
}

export interface CoverageClient {
  loadSurface(buffer: ArrayBuffer): Promise<{ info: SurfaceInfo; population: RasterImage }>;
  /** Asks for a result; while one is computing, a newer request replaces any waiting one. */
  compute(req: ComputeRequest): void;
  onResult(cb: (r: CoverageResult) => void): void;
  /** Covered population of two site sets (answered in order with the other requests). */
  compare(a: readonly CoverageSite[], b: readonly CoverageSite[]): Promise<{ a: CoveredByLevel; b: CoveredByLevel }>;
  onError(cb: (message: string) => void): void;
  dispose(): void;
}

const sameSite = (a: CoverageSite, b: CoverageSite): boolean =>
  a.lon === b.lon &&
  a.lat === b.lat &&
  a.radius === b.radius &&
  a.level === b.level &&
  a.seats === b.seats &&
  a.county === b.county &&
  a.projectId === b.projectId;

/** The change from the sites the worker holds to `next` (all of them when it holds none known). */
export function diffSites(held: ReadonlyMap<string, CoverageSite> | null, next: readonly CoverageSite[]): SitePatch {
  if (!held) return { reset: true, upsert: next, remove: [] };
  const upsert: CoverageSite[] = [];
  const keys = new Set<string>();
  for (const s of next) {
    keys.add(s.key);
    const before = held.get(s.key);
    if (before !== s && (!before || !sameSite(before, s))) upsert.push(s);
  }
  const remove: string[] = [];
  for (const key of held.keys()) if (!keys.has(key)) remove.push(key);
  return { reset: false, upsert, remove };
}

export function createCoverageClient(transport: CoverageTransport): CoverageClient {
  let seq = 0;
  let busy = false;
  let waiting: ComputeRequest | null = null;
  let resultCb: ((r: CoverageResult) => void) | null = null;
  let errorCb: ((m: string) => void) | null = null;
  let surfaceWait: {
    resolve: (v: { info: SurfaceInfo; population: RasterImage }) => void;
    reject: (e: Error) => void;
  } | null = null;
  const comparing = new Map<
    number,
    { resolve: (v: { a: CoveredByLevel; b: CoveredByLevel }) => void; reject: (e: Error) => void }
  >();
  /** The sites the worker holds (as of the last request sent); null: send them all. */
  let sent: Map<string, CoverageSite> | null = null;
  const send = (req: ComputeRequest): void => {
    busy = true;
    const patch = diffSites(sent, req.sites);
    sent = new Map(req.sites.map((s) => [s.key, s]));
    transport.post({ type: 'compute', seq: ++seq, ...req, sites: patch }, []);
  };
  const next = (): void => {
    busy = false;
    if (waiting) {
      const w = waiting;
      waiting = null;
      send(w);
    }
  };
  transport.onMessage((res) => {
    if (res.type === 'surface') {
      const w = surfaceWait;
      surfaceWait = null;
      if (res.ok) w?.resolve({ info: res.info, population: res.population });
      else w?.reject(new Error(res.error));
      return;
    }
    if (res.type === 'compared') {
      comparing.get(res.seq)?.resolve({ a: res.a, b: res.b });
      comparing.delete(res.seq);
      return;
    }
    if (res.type === 'failed' && comparing.has(res.seq)) {
      comparing.get(res.seq)?.reject(new Error(res.error));
      comparing.delete(res.seq);
      return;
    }
    if (res.type === 'failed') {
      // what the worker holds is unknown now: the next request sends every site
      sent = null;
      // a worker that failed before answering the surface request fails that request too
      const w = surfaceWait;
      surfaceWait = null;
      w?.reject(new Error(res.error));
      errorCb?.(res.error);
    } else resultCb?.(res.result);
    next();
  });
  return {
    loadSurface: (buffer) =>
      new Promise((resolve, reject) => {
        surfaceWait = { resolve, reject };
        transport.post({ type: 'surface', buffer }, [buffer]);
      }),
    compute: (req) => {
      if (busy) waiting = req;
      else send(req);
    },
    onResult: (cb) => {
      resultCb = cb;
    },
    compare: (a, b) =>
      new Promise((resolve, reject) => {
        const id = ++seq;
        comparing.set(id, { resolve, reject });
        transport.post({ type: 'compare', seq: id, a, b }, []);
      }),
    onError: (cb) => {
      errorCb = cb;
    },
    dispose: () => transport.terminate(),
  };
}
