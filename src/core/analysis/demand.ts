/**
 * School-age demand against seats, per county, per functional zone and city-wide.
 * Demand per stage = population × age share × enrolment rate (or population × 千人指标 / 1000).
 * Supply = seats of existing schools (when a layer of them is loaded) + seats the scenario plans.
 */
import type { CountyProperties, Zone } from '../geodata/reference';
import type { ProjectKind } from '../model/kinds';
import type { ProjectFeature } from '../model/project';
import { STAGES, stageDemand, type AnalysisParams, type Stage } from './params';
import { seatsByStage } from './sites';

/** A school that already exists (from the import issue's existing-schools layer). */
export interface ExistingSchool {
  readonly kind: ProjectKind;
  readonly seats: number;
  readonly countyCode: string;
  readonly zone: string | null;
  readonly ownership: 'public' | 'privateInclusive' | 'privateOther' | null;
  /** Children enrolled (在园幼儿数 / 在校生数) when the file gives it; capacity is `seats`. */
  readonly enrolled?: number | null;
}

export interface StageFigures {
  readonly demand: number;
  readonly existing: number;
  readonly planned: number;
  readonly supply: number;
  /** demand − supply: positive is a shortfall of seats. */
  readonly gap: number;
  /** supply ÷ demand, percent (null without demand). */
  readonly pct: number | null;
  /** The shortfall in standard classes (0 without a shortfall). */
  readonly classes: number;
}

export interface DemandRow {
  readonly id: string;
  readonly type: 'county' | 'zone' | 'city';
  /** For a zone: the county it lies in. */
  readonly parent: string | null;
  readonly population: number;
  readonly stages: Readonly<Record<Stage, StageFigures>>;
}

interface Seats {
  existing: Record<Stage, number>;
  planned: Record<Stage, number>;
}
const zero = (): Record<Stage, number> => ({ preschool: 0, primary: 0, junior: 0, upperSecondary: 0 });
const emptySeats = (): Seats => ({ existing: zero(), planned: zero() });

function add(into: Record<Stage, number>, kind: ProjectKind, seats: number): void {
  for (const [stage, n] of Object.entries(seatsByStage(kind, seats)) as [Stage, number][]) into[stage] += n;
}

function row(
  id: string,
  type: DemandRow['type'],
  parent: string | null,
  population: number,
  seats: Seats,
  params: AnalysisParams,
): DemandRow {
  const stages = {} as Record<Stage, StageFigures>;
  for (const s of STAGES) {
    const demand = stageDemand(population, s, params);
    const supply = seats.existing[s] + seats.planned[s];
    const gap = demand - supply;
    stages[s] = {
      demand,
      existing: seats.existing[s],
      planned: seats.planned[s],
      supply,
      gap,
      pct: demand > 0 ? (supply / demand) * 100 : null,
      classes: gap > 0 ? Math.ceil(gap / params.classSize[s]) : 0,
    };
  }
  return { id, type, parent, population, stages };
}

export interface DemandInput {
  readonly counties: readonly CountyProperties[];
  readonly zones: readonly Zone[];
  readonly projects: readonly ProjectFeature[];
  readonly existing: readonly ExistingSchool[];
  readonly params: AnalysisParams;
}

/** Counties with a population (2021), each followed by its functional zones, then the city. */
export function demandTable(input: DemandInput): DemandRow[] {
  const byCounty = new Map<string, Seats>();
  const byZone = new Map<string, Seats>();
  const city = emptySeats();
  const get = (m: Map<string, Seats>, k: string): Seats => {
    const s = m.get(k) ?? emptySeats();
    m.set(k, s);
    return s;
  };
  for (const p of input.projects) {
    const { kind, seats, countyCode, zone } = p.properties;
    add(get(byCounty, countyCode).planned, kind, seats);
    if (zone !== null) add(get(byZone, zone).planned, kind, seats);
    add(city.planned, kind, seats);
  }
  for (const e of input.existing) {
    add(get(byCounty, e.countyCode).existing, e.kind, e.seats);
    if (e.zone !== null) add(get(byZone, e.zone).existing, e.kind, e.seats);
    add(city.existing, e.kind, e.seats);
  }
  const rows: DemandRow[] = [];
  let cityPop = 0;
  for (const c of input.counties) {
    if (c.pop2021 === null) continue;
    cityPop += c.pop2021;
    rows.push(row(c.adcode, 'county', null, c.pop2021, byCounty.get(c.adcode) ?? emptySeats(), input.params));
    for (const z of input.zones) {
      if (z.parentAdcode !== c.adcode || z.pop2021 === null) continue;
      rows.push(row(z.id, 'zone', c.adcode, z.pop2021, byZone.get(z.id) ?? emptySeats(), input.params));
    }
  }
  rows.push(row('city', 'city', null, cityPop, city, input.params));
  return rows;
}
