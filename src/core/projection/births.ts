/**
 * Births by year for the city and each county, by default from what is published:
 * - the city's crude birth rate where Quanzhou published it (2010, 2015, 2018–2021);
 * - between those years, the national rate scaled by the interpolated ratio of Quanzhou's rate to the
 *   national one; before and after them, scaled by the nearest published ratio (labelled so);
 * - after the last national figure, the variant's yearly change of the rate;
 * - times the city's year-end population (published years, linear between, held after the last);
 * - split between counties by each county's 2021 birth rate × its population in that year (linear
 *   between the 2010 census and the 2021 year-end figure, held after 2021).
 */
import type { CountyProperties } from '../geodata/reference';
import type { Demography, YearValue } from './demography';
import type { BirthSeries, BirthsOrigin, Variant } from './types';

/** Linear between the points; before the first, along the first two points' slope; after the last, held. */
function along(points: readonly YearValue[], year: number): number {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return 0;
  if (year >= last.year) return last.value;
  if (year <= first.year) {
    const second = points[1];
    if (!second) return first.value;
    const slope = (second.value - first.value) / (second.year - first.year);
    return Math.max(first.value / 2, first.value + slope * (year - first.year));
  }
  for (let i = 1; i < points.length; i++) {
    const b = points[i];
    const a = points[i - 1];
    if (a && b && year <= b.year) return a.value + ((b.value - a.value) * (year - a.year)) / (b.year - a.year);
  }
  return last.value;
}

export interface CityBirths extends BirthSeries {
  /** ‰ each year. */
  readonly rate: readonly number[];
  readonly population: readonly number[];
}

/** The city's crude birth rate, population and births from `first` to `last`, with each year's origin. */
export function cityBirths(d: Demography, variant: Variant, first: number, last: number): CityBirths {
  const published = new Map(d.cityBirthRate.map((v) => [v.year, v.value]));
  const ratios: YearValue[] = d.cityBirthRate.flatMap((v) => {
    const n = d.nationalBirthRate[v.year];
    return n ? [{ year: v.year, value: v.value / n, source: v.source }] : [];
  });
  const nationalYears = Object.keys(d.nationalBirthRate).map(Number);
  const lastNational = Math.max(...nationalYears);
  const firstRatio = ratios[0]?.year ?? lastNational;
  const lastRatio = ratios[ratios.length - 1]?.year ?? lastNational;
  const rates: number[] = [];
  const origin: BirthsOrigin[] = [];
  const rateIn = (year: number): [number, BirthsOrigin] => {
    const p = published.get(year);
    if (p !== undefined) return [p, 'published'];
    const n = d.nationalBirthRate[year];
    if (n !== undefined)
      return [n * along(ratios, year), year > firstRatio && year < lastRatio ? 'interpolated' : 'scaledNational'];
    if (year > lastNational) {
      const [base] = rateIn(lastNational);
      return [base * (1 + d.variants[variant] / 100) ** (year - lastNational), 'projected'];
    }
    // before the national series: held at its first year
    return [rateIn(Math.min(...nationalYears))[0], 'scaledNational'];
  };
  const population: number[] = [];
  const values: number[] = [];
  for (let y = first; y <= last; y++) {
    const [r, o] = rateIn(y);
    const p = along(d.cityPopulation, y);
    rates.push(r);
    origin.push(o);
    population.push(p);
    values.push((r * p) / 1000);
  }
  return { first, values, origin, rate: rates, population };
}

/** A county's population in a year: linear from the 2010 census to the 2021 year-end, held after 2021. */
export function countyPopulation(c: CountyProperties, year: number): number | null {
  if (c.pop2021 === null) return null;
  if (c.pop2010 === null || year >= 2021) return c.pop2021;
  const p = c.pop2010 + ((c.pop2021 - c.pop2010) * (year - 2010)) / 11;
  return Math.max(c.pop2010 / 2, p);
}

/** The city's births split between the counties with a 2021 birth rate and a population. */
export function countyBirths(
  d: Demography,
  counties: readonly CountyProperties[],
  city: BirthSeries,
): Map<string, BirthSeries> {
  const used = counties.filter((c) => c.pop2021 !== null && d.countyBirthRate2021[c.adcode] !== undefined);
  const values = new Map(used.map((c) => [c.adcode, [] as number[]]));
  city.values.forEach((total, i) => {
    const year = city.first + i;
    const weights = used.map((c) => (d.countyBirthRate2021[c.adcode] ?? 0) * (countyPopulation(c, year) ?? 0));
    const sum = weights.reduce((s, w) => s + w, 0);
    used.forEach((c, k) => values.get(c.adcode)?.push(sum > 0 ? (total * (weights[k] ?? 0)) / sum : 0));
  });
  return new Map(
    used.map((c) => [c.adcode, { first: city.first, values: values.get(c.adcode) ?? [], origin: city.origin }]),
  );
}
