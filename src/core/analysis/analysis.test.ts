import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReference } from '../../../tests/helpers/reference';
import { loadSeed } from '../../../tests/helpers/scenarioFixture';
import { demandTable } from './demand';
import { createCoverageEngine } from './engine';
import { DEFAULT_PARAMS, PARAM_SOURCES, parseAnalysisParams, STAGES, stageDemand, type AnalysisParams } from './params';
import { CLASS_SIZE_SOURCES, KIND_INFO, PROJECT_KINDS } from '../model/kinds';
import { seatsByStage, sitesFromProjects } from './sites';
import { decodeSurface, encodeSurface } from './surfaceCodec';
import { gridPixel, NO_COUNTY } from './surface';

const readSurface = (): ArrayBuffer => {
  const b = readFileSync(join(import.meta.dirname, '..', '..', '..', 'geodata', 'population.bin'));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
};

describe('shipped population surface (modelled)', () => {
  const decoded = decodeSurface(readSurface());
  if (!decoded.ok) throw new Error(decoded.error);
  const { header, surface } = decoded.value;
  const ref = loadReference();

  it('sums to each county’s 2021 population exactly, and is labelled as modelled', () => {
    expect(header.modelled).toBe(true);
    expect(header.description).toContain('模拟人口分布，仅供演示');
    const engine = createCoverageEngine(surface);
    for (const f of ref.counties.features) {
      const idx = surface.counties.indexOf(f.properties.adcode);
      if (f.properties.pop2021 === null) expect(idx).toBe(-1);
      else expect(engine.population(idx)).toBe(f.properties.pop2021);
    }
    expect(engine.population()).toBe(8_850_000);
  });

  it('puts every cell inside the city box and on the grid', () => {
    const [w, s, e, n] = ref.city.bbox;
    for (let i = 0; i < surface.pop.length; i += 97) {
      const lon = surface.originLon + (surface.dlon[i] ?? 0);
      const lat = surface.originLat + (surface.dlat[i] ?? 0);
      expect(lon > w && lon < e && lat > s && lat < n).toBe(true);
      expect(gridPixel(surface.grid, lon, lat)).toBeGreaterThanOrEqual(0);
      expect(surface.county[i]).not.toBe(NO_COUNTY);
    }
  });

  it('refuses a truncated or altered file with a message', () => {
    const buf = readSurface();
    expect(decodeSurface(buf.slice(0, 1000)).ok).toBe(false);
    const bad = new Uint8Array(buf.slice(0));
    bad[bad.length - 1] = (bad[bad.length - 1] ?? 0) ^ 0xff;
    const r = decodeSurface(bad.buffer);
    expect(r.ok ? '' : r.error).toMatch(/total/);
    expect(decodeSurface(new TextEncoder().encode('not a surface').buffer).ok).toBe(false);
  });

  it('round-trips through the encoder', () => {
    const grid = { west: 118, south: 24, cellLon: 0.01, cellLat: 0.01, cols: 3, rows: 2 };
    const raster = Uint8Array.from([0, NO_COUNTY, 1, NO_COUNTY, NO_COUNTY, 0]);
    const bytes = encodeSurface(
      { version: 1, grid, counties: ['a', 'b'], cellCount: 3, totalPopulation: 60, modelled: false, description: 'x' },
      raster,
      Uint16Array.from([10, 20, 30]),
    );
    const r = decodeSurface(bytes.buffer.slice(0) as ArrayBuffer);
    if (!r.ok) throw new Error(r.error);
    expect([...r.value.surface.pop]).toEqual([10, 20, 30]);
    expect([...r.value.surface.county]).toEqual([0, 1, 0]);
    expect(r.value.surface.dlon[2]).toBeCloseTo(0.025, 6);
    expect(r.value.surface.dlat[2]).toBeCloseTo(0.015, 6);
  });
});

describe('parameters', () => {
  it('reads stored values one by one, falling back to the default for each bad value', () => {
    const r = parseAnalysisParams({
      radius: { kindergarten: 250, primary: -1, junior: 'x' },
      demandMethod: 'perThousand',
    });
    expect(r.params.radius.kindergarten).toBe(250);
    expect(r.params.radius.primary).toBe(500);
    expect(r.params.radius.junior).toBe(1000);
    expect(r.params.demandMethod).toBe('perThousand');
    expect(r.dropped).toEqual(['radius.primary', 'radius.junior']);
    expect(parseAnalysisParams('junk').params).toEqual(DEFAULT_PARAMS);
  });

  it('estimates demand by age share × enrolment, or by 千人指标', () => {
    expect(stageDemand(1_000_000, 'primary', DEFAULT_PARAMS)).toBeCloseTo(1_000_000 * 0.083 * 1.0, 6);
    expect(stageDemand(1_000_000, 'upperSecondary', DEFAULT_PARAMS)).toBeCloseTo(1_000_000 * 0.032 * 0.916, 6);
    const k: AnalysisParams = { ...DEFAULT_PARAMS, demandMethod: 'perThousand' };
    expect(stageDemand(1_000_000, 'preschool', k)).toBe(30_000);
  });

  it('uses enrolment concepts that fit the formula (not the nine-year 巩固率 of 95.5 %), each with a source', () => {
    // 小学净入学率 ≈ 100 %, 初中阶段毛入学率 ≈ 100 %, 学前三年毛入园率 89.7 %, 高中阶段毛入学率 91.6 %
    expect(DEFAULT_PARAMS.enrolment).toEqual({ preschool: 89.7, primary: 100, junior: 100, upperSecondary: 91.6 });
    for (const stage of STAGES) expect(PARAM_SOURCES.enrolment[stage].zh).not.toContain('巩固率');
  });

  it('derives the 千人指标 defaults by their own stated formula: age share × 1,000 × enrolment', () => {
    for (const stage of ['primary', 'junior', 'upperSecondary'] as const) {
      const { ageShare, enrolment, perThousand } = DEFAULT_PARAMS;
      expect(perThousand[stage], stage).toBeCloseTo(ageShare[stage] * 10 * (enrolment[stage] / 100), 1);
    }
    // the preschool figure is Fujian's own standard, cited as such
    expect(DEFAULT_PARAMS.perThousand.preschool).toBe(30);
    expect(PARAM_SOURCES.perThousand.preschool.zh).toContain('福建');
  });

  it('has one class size per kind, with its source, everywhere it is used', () => {
    expect(DEFAULT_PARAMS.classSize).toEqual({
      preschool: KIND_INFO.kindergarten.standardClassSize,
      primary: KIND_INFO.primary.standardClassSize,
      junior: KIND_INFO.junior.standardClassSize,
      upperSecondary: KIND_INFO.high.standardClassSize,
    });
    // vocational and senior high fill the same upper-secondary classes: one value
    expect(KIND_INFO.vocational.standardClassSize).toBe(DEFAULT_PARAMS.classSize.upperSecondary);
    expect(PARAM_SOURCES.classSize.upperSecondary).toBe(CLASS_SIZE_SOURCES.high);
    for (const kind of PROJECT_KINDS) expect(CLASS_SIZE_SOURCES[kind].zh.length).toBeGreaterThan(5);
    expect(CLASS_SIZE_SOURCES.special.confidence).toBe('unverified');
    // the illustrative scenario's vocational seats are classes × that size
    for (const p of loadSeed().features.filter((f) => f.properties.kind === 'vocational'))
      expect(p.properties.seats).toBe(p.properties.classes * KIND_INFO.vocational.standardClassSize);
  });
});

describe('sites and seats', () => {
  it('gives a nine-year school a primary and a junior catchment with its seats split by grades', () => {
    const seed = loadSeed();
    const nine = seed.features.find((p) => p.properties.kind === 'nineYear');
    if (!nine) throw new Error('no nine-year project');
    const sites = sitesFromProjects([nine], DEFAULT_PARAMS);
    expect(sites.map((s) => [s.key, s.level, s.radius])).toEqual([
      [`${nine.id}:primary`, 'primary', 500],
      [`${nine.id}:junior`, 'junior', 1000],
    ]);
    expect((sites[0]?.seats ?? 0) + (sites[1]?.seats ?? 0)).toBeCloseTo(nine.properties.seats, 9);
    expect(seatsByStage('special', 100)).toEqual({});
  });
});

describe('demand against supply', () => {
  const ref = loadReference();
  const seed = loadSeed();
  const rows = demandTable({
    counties: ref.counties.features.map((f) => f.properties),
    zones: ref.zones,
    projects: seed.features,
    existing: [],
    params: DEFAULT_PARAMS,
  });

  it('has a row per populated county, its zones beneath it, and the city', () => {
    expect(rows.filter((r) => r.type === 'county')).toHaveLength(11);
    expect(rows.filter((r) => r.type === 'zone').map((r) => [r.id, r.parent])).toEqual([
      ['etdz', '350502'],
      ['qtz', '350521'],
    ]);
    expect(rows.at(-1)?.id).toBe('city');
    expect(rows.at(-1)?.population).toBe(8_850_000);
  });

  it('sums counties to the city, and supply is the scenario’s seats split by stage', () => {
    const city = rows.at(-1);
    if (!city) throw new Error('no city row');
    const counties = rows.filter((r) => r.type === 'county');
    for (const s of ['preschool', 'primary', 'junior', 'upperSecondary'] as const) {
      expect(counties.reduce((a, r) => a + r.stages[s].demand, 0)).toBeCloseTo(city.stages[s].demand, 6);
      expect(counties.reduce((a, r) => a + r.stages[s].planned, 0)).toBeCloseTo(city.stages[s].planned, 6);
    }
    expect(city.stages.preschool.planned).toBe(12000);
    // 30 primary (14,940) + 13 junior (4,500) + 8 nine-year (7,560 split 6/9 : 3/9)
    expect(city.stages.primary.planned).toBeCloseTo(14940 + 7560 * (6 / 9), 6);
    expect(city.stages.junior.planned).toBeCloseTo(4500 + 7560 * (3 / 9), 6);
    expect(city.stages.upperSecondary.planned).toBe(6000);
    const pre = city.stages.preschool;
    expect(pre.demand).toBeCloseTo(8_850_000 * 0.042 * 0.897, 6);
    expect(pre.gap).toBeCloseTo(pre.demand - 12000, 6);
    expect(pre.pct).toBeCloseTo((12000 / pre.demand) * 100, 6);
    expect(pre.classes).toBe(Math.ceil(pre.gap / 30));
  });
});

describe('demand CSV', () => {
  it('writes one row per unit with every stage, guarding text against formula injection', async () => {
    const { demandCsv, csvText } = await import('./demandCsv');
    const ref = loadReference();
    const rows = demandTable({
      counties: ref.counties.features.map((f) => f.properties),
      zones: ref.zones,
      projects: loadSeed().features,
      existing: [],
      params: DEFAULT_PARAMS,
    });
    const csv = demandCsv(rows, {
      name: (r) => (r.id === 'city' ? '=HYPERLINK("x")' : r.id),
      stage: (s) => s,
      headers: {
        unit: 'unit',
        population: 'pop',
        demand: 'd',
        existing: 'e',
        planned: 'p',
        supply: 's',
        gap: 'g',
        pct: '%',
        classes: 'c',
      },
    });
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(rows.length + 1);
    expect(lines[0]?.split(',')).toHaveLength(2 + 4 * 7);
    expect(lines.at(-1)?.startsWith(`"'=HYPERLINK(""x"")"`)).toBe(true);
    expect(lines[1]?.split(',')[1]).toBe('429000');
    expect(csvText('a,b')).toBe('"a,b"');
    expect(csvText('plain')).toBe('plain');
  });
});
