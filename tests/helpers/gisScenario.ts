/** The shipped scenario with two site outlines added (one with a courtyard hole), for the GIS export tests. */
import { readJson, readReference } from '../../scripts/lib/reference';
import { indexReference } from '../../src/core/geodata/reference';
import type { GisOptions } from '../../src/core/export/gisFiles';
import type { ExportCrs } from '../../src/core/io/write/projected';
import type { ScenarioCollection } from '../../src/core/model/project';
import { validateScenario } from '../../src/core/model/validate';
import { KIND_COLORS } from '../../layers/symbols';

const square = (x: number, y: number, d: number): [number, number][] => [
  [x - d, y - d],
  [x + d, y - d],
  [x + d, y + d],
  [x - d, y + d],
  [x - d, y - d],
];

export function gisScenario(): ScenarioCollection {
  const r = validateScenario(readJson('seeds/scenario-2022.geojson'));
  if (!r.ok) throw new Error('seed scenario is invalid');
  const s = r.value.scenario;
  const features = s.features.map((p, i) => {
    if (i > 1) return p;
    const [x = 0, y = 0] = p.geometry.coordinates;
    const rings = i === 0 ? [square(x, y, 0.001)] : [square(x, y, 0.0015), [...square(x, y, 0.0004)].reverse()];
    return { ...p, properties: { ...p.properties, site: { type: 'Polygon' as const, coordinates: rings } } };
  });
  return { ...s, features };
}

export function gisOptions(crs: ExportCrs, extra: Partial<GisOptions> = {}): GisOptions {
  return {
    lang: 'zh',
    index: indexReference(readReference()),
    crs,
    kmlDatum: 'wgs84',
    kindColors: KIND_COLORS,
    now: Date.UTC(2026, 10, 30),
    ...extra,
  };
}
