/**
 * Writes the scenario-comparison fixtures (tests/fixtures/compare): scenario A is six projects of the
 * illustrative seed; B removes one, moves one 500 m east, changes seats and status of one, moves and
 * renames one, keeps two, and adds one. Deterministic: `npx tsx scripts/build-compare-fixtures.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { validateScenario } from '../src/core/model/validate';
import type { ProjectFeature, ScenarioCollection } from '../src/core/model/project';
import { metricScale } from '../src/core/analysis/geodesy';
import { readJson } from './lib/reference';

const seed = validateScenario(readJson('seeds/scenario-2022.geojson'));
if (!seed.ok) throw new Error('seed scenario is invalid');
const six = seed.value.scenario.features.slice(0, 6);
const [p0, p1, p2, p3, p4, p5] = six;
if (!p0 || !p1 || !p2 || !p3 || !p4 || !p5) throw new Error('seed too small');

const east = (p: ProjectFeature, metres: number): ProjectFeature => {
  const [lon = 0, lat = 0] = p.geometry.coordinates;
  const moved = Math.round((lon + metres / metricScale(lat).kx) * 1e6) / 1e6;
  return { ...p, geometry: { type: 'Point', coordinates: [moved, lat] } };
};
const added: ProjectFeature = {
  ...p5,
  id: 'cmp-new-1',
  properties: {
    ...p5.properties,
    id: 'cmp-new-1',
    name: '比较新增小学',
    kind: 'primary',
    seats: 1080,
    classes: 24,
    ownership: null,
  },
};
const meta = (id: string, name: string): ScenarioCollection['scenario'] => ({
  ...seed.value.scenario.scenario,
  id,
  name,
});
const a: ScenarioCollection = { type: 'FeatureCollection', scenario: meta('cmp-a', '方案A'), features: six };
const b: ScenarioCollection = {
  type: 'FeatureCollection',
  scenario: meta('cmp-b', '方案B'),
  features: [
    east(p1, 500),
    { ...p2, properties: { ...p2.properties, seats: p2.properties.seats + 90, status: 'underConstruction' } },
    { ...east(p3, 1200), properties: { ...p3.properties, name: `${p3.properties.name}（调整）` } },
    p4,
    p5,
    added,
  ],
};
mkdirSync('tests/fixtures/compare', { recursive: true });
writeFileSync('tests/fixtures/compare/scenario-a.geojson', `${JSON.stringify(a, null, 1)}\n`);
writeFileSync('tests/fixtures/compare/scenario-b.geojson', `${JSON.stringify(b, null, 1)}\n`);
