import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSeed } from '../../../../tests/helpers/scenarioFixture';
import { createCoverageEngine, type CoverageSite } from '../engine';
import { DEFAULT_PARAMS, stageDemand } from '../params';
import { sitesFromProjects } from '../sites';
import { decodeSurface } from '../surfaceCodec';
import { metres } from './solve';
import { runSiting, type SitingRequest } from './run';

const bytes = readFileSync(new URL('../../../../geodata/population.bin', import.meta.url));
const decoded = decodeSurface(new Uint8Array(bytes).buffer);
if (!decoded.ok) throw new Error(decoded.error);
const surface = decoded.value.surface;
const share = stageDemand(1, 'primary', DEFAULT_PARAMS);
const planned = sitesFromProjects(loadSeed().features, DEFAULT_PARAMS).filter((s) => s.level === 'primary');

const request = (over: Partial<SitingRequest> = {}): SitingRequest => ({
  radius: DEFAULT_PARAMS.radius.primary,
  k: 3,
  seats: null,
  county: '350503',
  minSpacing: 0,
  exclusion: 0,
  childrenPerResident: share,
  existing: [],
  planned: planned.map((s) => ({ projectId: s.projectId, lon: s.lon, lat: s.lat })),
  candidates: null,
  ...over,
});

describe('a siting run on the population surface', () => {
  it('each suggestion’s gain is what the coverage engine counts once it is built', () => {
    const out = runSiting(surface, request({ county: null, k: 3 }));
    expect(out.suggestions).toHaveLength(3);
    const engine = createCoverageEngine(surface);
    engine.update(planned);
    let before = engine.covered('primary');
    const added: CoverageSite[] = [...planned];
    for (const s of out.suggestions) {
      added.push({
        key: `s${s.rank}`,
        projectId: `s${s.rank}`,
        level: 'primary',
        lon: s.lon,
        lat: s.lat,
        radius: DEFAULT_PARAMS.radius.primary,
        seats: 0,
        county: '350503',
      });
      engine.update([...added]);
      const after = engine.covered('primary');
      // children = residents × children per resident; to a hundredth of a child
      expect((after - before) * share).toBeCloseTo(s.gain, 2);
      before = after;
    }
    expect(out.reachedBefore + out.gained).toBeLessThanOrEqual(out.total + 1e-6);
    // gains fall with rank (each is the best of those left)
    const gains = out.suggestions.map((s) => s.gain);
    expect([...gains].sort((a, b) => b - a)).toEqual(gains);
  });

  it('keeps to the county, away from schools of the level, and apart', () => {
    const out = runSiting(surface, request({ k: 4, exclusion: 800, minSpacing: 1500 }));
    const c = surface.counties.indexOf('350503');
    for (const s of out.suggestions) {
      // the candidate cell lies in the county
      const cell = Number(s.id.replace('cell-', ''));
      expect(surface.county[cell]).toBe(c);
      for (const p of planned) expect(metres(p, s)).toBeGreaterThanOrEqual(800);
      for (const t of out.suggestions) if (t !== s) expect(metres(t, s)).toBeGreaterThanOrEqual(1500);
    }
  });

  it('takes the planner’s parcels as the only candidates', () => {
    const parcels = [
      { id: '控规A-01', lon: 118.6, lat: 24.92 },
      { id: '控规A-02', lon: 118.62, lat: 24.9 },
      { id: '控规B-07', lon: 118.58, lat: 24.89 },
    ];
    const out = runSiting(surface, request({ k: 2, candidates: parcels }));
    expect(out.candidates).toBe(3);
    for (const s of out.suggestions) expect(parcels.map((p) => p.id)).toContain(s.id);
  });

  it('measures each planned school by the children only it reaches, fewest first', () => {
    const out = runSiting(surface, request({ county: null, k: 0 }));
    expect(out.dropOne).toHaveLength(planned.length);
    const only = out.dropOne.map((d) => d.only);
    expect([...only].sort((a, b) => a - b)).toEqual(only);
    // the planned schools alone reach what the engine says they reach
    const engine = createCoverageEngine(surface);
    engine.update(planned);
    expect(out.reachedBefore / share).toBeCloseTo(engine.covered('primary'), 0);
  });
});
