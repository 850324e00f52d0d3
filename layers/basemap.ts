/** Colours of the embedded basemap and its legend entries (the style in src/map reads these too). */
import type { LegendEntry } from './types';

export const BASEMAP_COLORS = {
  sea: '#BCD6E6',
  land: '#ECE7DC',
  city: '#FBFAF6',
  coast: '#7FA6BF',
  river: '#8DB6D3',
  countyLine: '#A0927F',
  label: '#4A4036',
  water: '#4F7A98',
  neighbour: '#8D8578',
  frame: '#E4E6E9',
  frameEdge: '#C9CDD3',
} as const;

/** Street-level basemap files (PMTiles) drawn in the same quiet palette, so our own layers stay on top. */
export const STREET_COLORS = {
  water: '#BCD6E6',
  green: '#DCE8CF',
  landuse: '#F1EEE6',
  building: '#E2DBCE',
  buildingEdge: '#D2C9B8',
  highway: '#F2C98A',
  highwayCase: '#D9A55B',
  major: '#FCEBC0',
  majorCase: '#C9B48A',
  minor: '#FFFFFF',
  minorCase: '#CBC2B2',
  path: '#C9BFAE',
  roadLabel: '#5E564C',
  placeLabel: '#3F372E',
} as const;

export const BASEMAP_LEGEND: readonly LegendEntry[] = [
  {
    labelKey: 'legend.countyBoundary',
    swatch: { type: 'line', color: BASEMAP_COLORS.countyLine, width: 2, dash: '4 2' },
  },
  { labelKey: 'legend.coastline', swatch: { type: 'line', color: BASEMAP_COLORS.coast, width: 1.5 } },
  { labelKey: 'legend.river', swatch: { type: 'line', color: BASEMAP_COLORS.river, width: 2 } },
];
