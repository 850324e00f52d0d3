import { metricScale } from '../analysis/geodesy';
import { deepEqual } from '../edits/equal';
import { PROJECT_KINDS, type ProjectKind } from '../model/kinds';
import type { ProjectFeature, ProjectProperties } from '../model/project';

/** A project counts as moved when its point is further than this from where it was (metres). */
export const MOVE_TOLERANCE_M = 1;

/** Fields compared between the two versions of a project (position is reported as a move). */
export const DIFF_FIELDS = [
  'name',
  'nameEn',
  'kind',
  'action',
  'status',
  'year',
  'seats',
  'classes',
  'countyCode',
  'townshipCode',
  'zone',
  'centralDistrict',
  'locationPrecision',
  'ownership',
  'investment',
  'landArea',
  'site',
  'source',
  'notes',
] as const satisfies readonly (keyof ProjectProperties)[];
export type DiffField = (typeof DIFF_FIELDS)[number];

export type DiffStatus = 'added' | 'removed' | 'modified';

/** One project that differs between scenario A and scenario B (matched by id). */
export interface ProjectDiff {
  readonly id: string;
  readonly status: DiffStatus;
  /** The project in A (null when added in B) and in B (null when removed). */
  readonly a: ProjectFeature | null;
  readonly b: ProjectFeature | null;
  /** Distance between A's and B's point in metres; null unless modified. */
  readonly distance: number | null;
  readonly moved: boolean;
  /** Fields whose value differs (modified only). */
  readonly fields: readonly DiffField[];
  /** Seats in B minus seats in A (a removed project counts its seats negative). */
  readonly seatsDelta: number;
}

export interface SeatCell {
  readonly a: number;
  readonly b: number;
}

/** Seats per kind in one county (or the whole city), in A and in B. */
export interface SeatsRow {
  /** County adcode, or null for the whole city. */
  readonly countyCode: string | null;
  readonly byKind: Readonly<Record<ProjectKind, SeatCell>>;
  readonly total: SeatCell;
}

export interface ScenarioDiff {
  readonly rows: readonly ProjectDiff[];
  readonly counts: {
    readonly added: number;
    readonly removed: number;
    readonly moved: number;
    readonly changed: number;
  };
  /** Counties in `countyOrder` that have projects in A or B, then the whole city (countyCode null). */
  readonly seats: readonly SeatsRow[];
}

/** Metres between two WGS84 points a few kilometres apart (local ellipsoidal scale at their mean latitude). */
export function pointDistance(a: readonly number[], b: readonly number[]): number {
  const [ax = 0, ay = 0] = a;
  const [bx = 0, by = 0] = b;
  const { kx, ky } = metricScale((ay + by) / 2);
  return Math.hypot((bx - ax) * kx, (by - ay) * ky);
}

const emptyKinds = (): Record<ProjectKind, { a: number; b: number }> =>
  Object.fromEntries(PROJECT_KINDS.map((k) => [k, { a: 0, b: 0 }])) as Record<ProjectKind, { a: number; b: number }>;

function changedFields(a: ProjectProperties, b: ProjectProperties): DiffField[] {
  return DIFF_FIELDS.filter((f) => !deepEqual(a[f] ?? null, b[f] ?? null));
}

/**
 * What changed from scenario A to scenario B. Projects are matched by id (a duplicated scenario
 * keeps its projects' ids); rows come in B's order for modified and added projects, then A's removed.
 */
export function diffScenarios(
  a: readonly ProjectFeature[],
  b: readonly ProjectFeature[],
  countyOrder: readonly string[],
): ScenarioDiff {
  const inA = new Map(a.map((p) => [p.id, p]));
  const inB = new Set(b.map((p) => p.id));
  const rows: ProjectDiff[] = [];
  for (const pb of b) {
    const pa = inA.get(pb.id);
    if (!pa) {
      rows.push({
        id: pb.id,
        status: 'added',
        a: null,
        b: pb,
        distance: null,
        moved: false,
        fields: [],
        seatsDelta: pb.properties.seats,
      });
      continue;
    }
    const distance = pointDistance(pa.geometry.coordinates, pb.geometry.coordinates);
    const moved = distance > MOVE_TOLERANCE_M;
    const fields = changedFields(pa.properties, pb.properties);
    if (!moved && fields.length === 0) continue;
    rows.push({
      id: pb.id,
      status: 'modified',
      a: pa,
      b: pb,
      distance,
      moved,
      fields,
      seatsDelta: pb.properties.seats - pa.properties.seats,
    });
  }
  for (const pa of a)
    if (!inB.has(pa.id))
      rows.push({
        id: pa.id,
        status: 'removed',
        a: pa,
        b: null,
        distance: null,
        moved: false,
        fields: [],
        seatsDelta: -pa.properties.seats,
      });

  const counties = new Map<string, Record<ProjectKind, { a: number; b: number }>>();
  const city = emptyKinds();
  const tally = (p: ProjectFeature, side: 'a' | 'b'): void => {
    const { countyCode, kind, seats } = p.properties;
    let row = counties.get(countyCode);
    if (!row) counties.set(countyCode, (row = emptyKinds()));
    row[kind][side] += seats;
    city[kind][side] += seats;
  };
  for (const p of a) tally(p, 'a');
  for (const p of b) tally(p, 'b');
  const total = (k: Record<ProjectKind, SeatCell>): SeatCell => ({
    a: PROJECT_KINDS.reduce((s, kind) => s + k[kind].a, 0),
    b: PROJECT_KINDS.reduce((s, kind) => s + k[kind].b, 0),
  });
  const order = [...countyOrder, ...[...counties.keys()].filter((c) => !countyOrder.includes(c)).sort()];
  const seats: SeatsRow[] = order.flatMap((code) => {
    const k = counties.get(code);
    return k ? [{ countyCode: code, byKind: k, total: total(k) }] : [];
  });
  seats.push({ countyCode: null, byKind: city, total: total(city) });

  return {
    rows,
    counts: {
      added: rows.filter((r) => r.status === 'added').length,
      removed: rows.filter((r) => r.status === 'removed').length,
      moved: rows.filter((r) => r.moved).length,
      changed: rows.filter((r) => r.fields.length > 0).length,
    },
    seats,
  };
}
