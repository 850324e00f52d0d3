import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon } from 'geojson';
import { err, isRecord, ok, type Result } from '../result';
import { nullable, num, object, parse, str as string, tuple4, type Infer } from '../schema';

export interface CountyProperties {
  readonly adcode: string;
  readonly name: string;
  readonly nameEn: string;
  /** 2021 year-end resident population including functional zones inside the county; null for 金门县. */
  readonly pop2021: number | null;
  readonly pop2021ExclZones: number | null;
  readonly pop2010: number | null;
  readonly pop2010ExclZones: number | null;
  readonly zones: readonly string[];
  readonly areaKm2: number;
  readonly labelLon: number;
  readonly labelLat: number;
}
export type CountyFeature = Feature<MultiPolygon, CountyProperties>;
export type CountyCollection = FeatureCollection<MultiPolygon, CountyProperties>;

export interface Township {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly countyAdcode: string;
}

export interface Zone {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly parentAdcode: string;
  readonly townships: readonly string[];
  readonly pop2021: number | null;
  readonly pop2010: number | null;
}

const citySchema = object({
  name: string,
  nameEn: string,
  adcode: string,
  pop2021: nullable(num),
  pop2010: nullable(num),
  bbox: tuple4,
  dataExtent: tuple4,
});
export type CityInfo = Infer<typeof citySchema>;

export interface LabelProperties {
  readonly name: string;
  readonly nameEn: string;
  readonly kind: 'water' | 'neighbour';
}

/** Everything the app embeds about the territory, validated once at start-up. */
export interface ReferenceData {
  readonly counties: CountyCollection;
  readonly land: FeatureCollection<Polygon | MultiPolygon>;
  readonly rivers: FeatureCollection<LineString>;
  readonly labels: FeatureCollection<Point, LabelProperties>;
  readonly townships: readonly Township[];
  readonly zones: readonly Zone[];
  readonly city: CityInfo;
}

export interface RawReferenceData {
  readonly counties: unknown;
  readonly land: unknown;
  readonly rivers: unknown;
  readonly labels: unknown;
  readonly townships: unknown;
  readonly zones: unknown;
  readonly city: unknown;
}

const str = (o: Record<string, unknown>, k: string): boolean => typeof o[k] === 'string' && o[k] !== '';
const numOrNull = (o: Record<string, unknown>, k: string): boolean =>
  o[k] === null || (typeof o[k] === 'number' && Number.isFinite(o[k]));

function collection(v: unknown, types: readonly string[], what: string): Result<Feature[], string> {
  if (!isRecord(v) || v.type !== 'FeatureCollection' || !Array.isArray(v.features))
    return err(`${what}: not a FeatureCollection`);
  const features = v.features as unknown[];
  for (let i = 0; i < features.length; i++) {
    const f = features[i];
    if (!isRecord(f) || f.type !== 'Feature' || !isRecord(f.geometry) || !types.includes(String(f.geometry.type))) {
      return err(`${what}: feature ${i} is not a ${types.join('/')}`);
    }
    if (!Array.isArray(f.geometry.coordinates)) return err(`${what}: feature ${i} has no coordinates`);
  }
  return ok(features as Feature[]);
}

/** Checks the shape of the embedded geodata (a boundary: files → app). */
export function parseReferenceData(raw: RawReferenceData): Result<ReferenceData, string> {
  const counties = collection(raw.counties, ['MultiPolygon'], 'counties');
  if (!counties.ok) return counties;
  for (const f of counties.value) {
    const p = f.properties;
    if (
      !isRecord(p) ||
      !str(p, 'adcode') ||
      !str(p, 'name') ||
      !str(p, 'nameEn') ||
      !numOrNull(p, 'pop2021') ||
      !numOrNull(p, 'pop2010')
    ) {
      return err(`counties: feature ${JSON.stringify(p?.name ?? '?')} has malformed properties`);
    }
    if (typeof p.labelLon !== 'number' || typeof p.labelLat !== 'number') return err('counties: label point missing');
  }
  const land = collection(raw.land, ['Polygon', 'MultiPolygon'], 'land');
  if (!land.ok) return land;
  const rivers = collection(raw.rivers, ['LineString'], 'rivers');
  if (!rivers.ok) return rivers;
  const labels = collection(raw.labels, ['Point'], 'labels');
  if (!labels.ok) return labels;
  if (
    !Array.isArray(raw.townships) ||
    !raw.townships.every(
      (t) => isRecord(t) && str(t, 'code') && str(t, 'name') && str(t, 'nameEn') && str(t, 'countyAdcode'),
    )
  ) {
    return err('townships: malformed list');
  }
  if (
    !Array.isArray(raw.zones) ||
    !raw.zones.every(
      (z) => isRecord(z) && str(z, 'id') && str(z, 'name') && str(z, 'parentAdcode') && Array.isArray(z.townships),
    )
  ) {
    return err('zones: malformed list');
  }
  const city = parse(citySchema, raw.city, 'city');
  if (!city.ok) return city;
  return ok({
    counties: raw.counties as CountyCollection,
    land: raw.land as FeatureCollection<Polygon | MultiPolygon>,
    rivers: raw.rivers as FeatureCollection<LineString>,
    labels: raw.labels as FeatureCollection<Point, LabelProperties>,
    townships: raw.townships as Township[],
    zones: raw.zones as Zone[],
    city: city.value,
  });
}

/** Lookup tables the validators and the UI need. */
export interface ReferenceIndex {
  readonly countyByCode: ReadonlyMap<string, CountyProperties>;
  readonly townshipByCode: ReadonlyMap<string, Township>;
  readonly bbox: readonly [number, number, number, number];
}

export function indexReference(ref: Pick<ReferenceData, 'counties' | 'townships' | 'city'>): ReferenceIndex {
  return {
    countyByCode: new Map(ref.counties.features.map((f) => [f.properties.adcode, f.properties])),
    townshipByCode: new Map(ref.townships.map((t) => [t.code, t])),
    bbox: ref.city.bbox,
  };
}
