/**
 * A siting result as files: GeoJSON (RFC 7946 points in rank order, with the figures and what they rest
 * on) and CSV (UTF-8 with BOM for Excel, text cells formula-guarded).
 */
import { round6 } from '../../edits/build';
import { csvCell } from '../../io/csv';
import type { CoverageLevel } from '../params';
import type { SitingOutcome } from './run';

export interface SuggestionsExport {
  readonly level: CoverageLevel;
  /** Metres: the radius the run used. */
  readonly radius: number;
  /** The population was the modelled surface: the suggestions are illustrative. */
  readonly modelled: boolean;
  readonly outcome: SitingOutcome;
  /** The county of each suggestion (adcode), in rank order. */
  readonly counties: readonly (string | null)[];
}

const tenth = (v: number): number => Math.round(v * 10) / 10;

export function suggestionsGeoJson(x: SuggestionsExport): string {
  const fc = {
    type: 'FeatureCollection',
    features: x.outcome.suggestions.map((s, i) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [round6(s.lon), round6(s.lat)] },
      properties: {
        rank: s.rank,
        level: x.level,
        county: x.counties[i] ?? null,
        gain: tenth(s.gain),
        covered: tenth(x.outcome.reachedBefore + s.cumulative),
        radius: x.radius,
        precision: x.modelled ? 'illustrative' : 'suggested',
      },
    })),
    total: Math.round(x.outcome.total),
    reachedBefore: Math.round(x.outcome.reachedBefore),
  };
  return `${JSON.stringify(fc, null, 1)}\n`;
}

export function suggestionsCsv(x: SuggestionsExport, header: string, countyName: (adcode: string) => string): string {
  const rows = x.outcome.suggestions.map((s, i) => {
    const county = x.counties[i];
    return [
      String(s.rank),
      s.lon.toFixed(6),
      s.lat.toFixed(6),
      csvCell(county ? countyName(county) : ''),
      s.gain.toFixed(1),
      (x.outcome.reachedBefore + s.cumulative).toFixed(1),
    ].join(',');
  });
  return `\uFEFF${[header, ...rows].join('\r\n')}\r\n`;
}
