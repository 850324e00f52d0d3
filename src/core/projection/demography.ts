/**
 * The projection's cited inputs (seeds/demography.json): the city's published birth rates and
 * population, the counties' 2021 birth rates, the national birth-rate series, the 2020 census counts of
 * children, mortality, the 普高/中职 split and the variants. Read through a schema: a malformed file is
 * an error value, never a silent zero.
 */
import { err, isRecord, ok, type Result } from '../result';
import { VARIANTS, type Variant } from './types';

export interface DemographySource {
  readonly zh: string;
  readonly en: string;
  readonly url: string;
  readonly kind: 'official' | 'secondary' | 'national';
}

export interface YearValue {
  readonly year: number;
  readonly value: number;
  readonly source: string;
}

export interface Demography {
  readonly sources: Readonly<Record<string, DemographySource>>;
  /** ‰, by year, published for the city. */
  readonly cityBirthRate: readonly YearValue[];
  /** persons, year-end, by year. */
  readonly cityPopulation: readonly YearValue[];
  /** ‰ in 2021 per county adcode. */
  readonly countyBirthRate2021: Readonly<Record<string, number>>;
  /** ‰ national, by year. */
  readonly nationalBirthRate: Readonly<Record<number, number>>;
  /** Census (1 Nov 2020) counts of children aged 0–14, per unit ('city' or an adcode). */
  readonly census0to14: readonly { readonly unit: string; readonly count: number }[];
  readonly mortality: { readonly infant: number; readonly under5: number; readonly childPerYear: number };
  readonly vocationalPct: number;
  /** Yearly change of the birth rate after the last year with data, percent. */
  readonly variants: Readonly<Record<Variant, number>>;
}

const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function yearValues(raw: unknown, field: string, what: string): Result<YearValue[], string> {
  if (!Array.isArray(raw)) return err(`${what}: not a list`);
  const out: YearValue[] = [];
  for (const r of raw as unknown[]) {
    if (!isRecord(r) || !num(r.year) || !num(r[field]) || typeof r.source !== 'string')
      return err(`${what}: bad entry ${JSON.stringify(r)}`);
    out.push({ year: r.year, value: r[field], source: r.source });
  }
  return ok(out.sort((a, b) => a.year - b.year));
}

function numberTable(raw: unknown, what: string): Result<Record<string, number>, string> {
  if (!isRecord(raw)) return err(`${what}: not a table`);
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (!num(v) || v < 0) return err(`${what}: bad value for ${k}`);
    out[k] = v;
  }
  return ok(out);
}

export function parseDemography(raw: unknown): Result<Demography, string> {
  if (!isRecord(raw)) return err('demography: not an object');
  const sources: Record<string, DemographySource> = {};
  if (!isRecord(raw.sources)) return err('demography: no sources');
  for (const [k, s] of Object.entries(raw.sources)) {
    if (
      !isRecord(s) ||
      typeof s.zh !== 'string' ||
      typeof s.en !== 'string' ||
      typeof s.url !== 'string' ||
      (s.kind !== 'official' && s.kind !== 'secondary' && s.kind !== 'national')
    )
      return err(`demography: bad source ${k}`);
    sources[k] = { zh: s.zh, en: s.en, url: s.url, kind: s.kind };
  }
  const rates = yearValues(raw.cityBirthRate, 'perMille', 'cityBirthRate');
  if (!rates.ok) return rates;
  const pop = yearValues(raw.cityPopulation, 'persons', 'cityPopulation');
  if (!pop.ok) return pop;
  for (const v of [...rates.value, ...pop.value])
    if (!(v.source in sources)) return err(`demography: unknown source ${v.source}`);
  if (rates.value.length === 0 || pop.value.length === 0) return err('demography: no city series');
  const county = isRecord(raw.countyBirthRate2021)
    ? numberTable(raw.countyBirthRate2021.perMille, 'countyBirthRate2021')
    : err('countyBirthRate2021: missing');
  if (!county.ok) return county;
  const national = isRecord(raw.nationalBirthRate)
    ? numberTable(raw.nationalBirthRate.perMille, 'nationalBirthRate')
    : err('nationalBirthRate: missing');
  if (!national.ok) return national;
  const nationalByYear: Record<number, number> = {};
  for (const [y, v] of Object.entries(national.value)) {
    if (!/^\d{4}$/.test(y)) return err(`nationalBirthRate: bad year ${y}`);
    nationalByYear[Number(y)] = v;
  }
  const census: { unit: string; count: number }[] = [];
  const counts = isRecord(raw.census2020) ? raw.census2020.counts : undefined;
  if (!Array.isArray(counts)) return err('census2020: missing');
  for (const c of counts as unknown[]) {
    if (!isRecord(c) || typeof c.unit !== 'string' || !num(c.population) || !num(c.sharePct))
      return err(`census2020: bad entry ${JSON.stringify(c)}`);
    census.push({ unit: c.unit, count: Math.round((c.population * c.sharePct) / 100) });
  }
  const m = raw.mortality;
  if (!isRecord(m) || !num(m.infantPerMille) || !num(m.under5PerMille) || !num(m.childPerMillePerYear))
    return err('mortality: missing');
  const voc = raw.vocationalShare;
  if (!isRecord(voc) || !num(voc.pct) || voc.pct < 0 || voc.pct > 100) return err('vocationalShare: missing');
  const variants = {} as Record<Variant, number>;
  if (!isRecord(raw.variants)) return err('variants: missing');
  for (const v of VARIANTS) {
    const entry = raw.variants[v];
    if (!isRecord(entry) || !num(entry.annualChangePct)) return err(`variants: ${v} missing`);
    variants[v] = entry.annualChangePct;
  }
  return ok({
    sources,
    cityBirthRate: rates.value,
    cityPopulation: pop.value,
    countyBirthRate2021: county.value,
    nationalBirthRate: nationalByYear,
    census0to14: census,
    mortality: { infant: m.infantPerMille, under5: m.under5PerMille, childPerYear: m.childPerMillePerYear },
    vocationalPct: voc.pct,
    variants,
  });
}
