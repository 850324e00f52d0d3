import { bbox as turfBbox, booleanPointInPolygon } from '@turf/turf';
import type { CountyCollection } from './reference';

export type CountyLocator = (lon: number, lat: number) => string | null;

/** Point-in-polygon lookup of the county (adcode) containing a point; null at sea or outside. */
export function createCountyLocator(counties: CountyCollection): CountyLocator {
  const entries = counties.features.map((f) => ({ adcode: f.properties.adcode, feature: f, box: turfBbox(f) }));
  return (lon, lat) => {
    for (const e of entries) {
      const [w, s, east, n] = e.box;
      if (lon < w || lon > east || lat < s || lat > n) continue;
      if (booleanPointInPolygon([lon, lat], e.feature)) return e.adcode;
    }
    return null;
  };
}
