/**
 * Each GIS export read back through our own importer (the same code as the import dialog: codec →
 * suggested mapping and coordinate system → projects) gives back the same projects, and their sites.
 */
import { describe, expect, it } from 'vitest';
import { readReference } from '../../scripts/lib/reference';
import { buildGisExport, type GisExportKind } from '../../src/core/export/gisFiles';
import { createCountyLocator } from '../../src/core/geodata/locate';
import { indexReference } from '../../src/core/geodata/reference';
import { initialChoices } from '../../src/core/io/choices';
import { interpretProjects } from '../../src/core/io/interpret';
import { readFile } from '../../src/core/io/registry';
import type { ExportCrs } from '../../src/core/io/write/projected';
import type { ProjectFeature } from '../../src/core/model/project';
import { gisOptions, gisScenario } from '../helpers/gisScenario';

const ref = readReference();
const index = indexReference(ref);
const ctx = { index, locateCounty: createCountyLocator(ref.counties) };
const scenario = gisScenario();

async function roundTrip(kind: GisExportKind, crs: ExportCrs, layer?: string): Promise<ProjectFeature[]> {
  const f = buildGisExport(kind, scenario, gisOptions(crs));
  const bytes = typeof f.data === 'string' ? new TextEncoder().encode(f.data) : f.data;
  const table = await readFile({ name: f.name, bytes }, { ref: index, ...(layer ? { layer } : {}) });
  if (!table.ok) throw new Error(`read ${kind}: ${table.error.code}`);
  const choices = initialChoices(table.value, f.name, index.bbox);
  let n = 0;
  const r = interpretProjects(
    table.value,
    {
      ...choices,
      ...(table.value.prjWkt ? { prjWkt: table.value.prjWkt } : {}),
      defaultKind: null,
      defaultYear: 2022,
      newId: () => `r${++n}`,
      source: () => '',
    },
    ctx,
  );
  if (!r.ok) throw new Error(`interpret ${kind}`);
  expect(r.value.rows.length).toBe(scenario.features.length);
  return r.value.rows.map((x) => x.project);
}

function expectSame(back: readonly ProjectFeature[], tolerance: number): void {
  back.forEach((p, i) => {
    const o = scenario.features[i];
    if (!o) throw new Error('missing');
    expect(p.properties).toMatchObject({
      name: o.properties.name,
      kind: o.properties.kind,
      action: o.properties.action,
      status: o.properties.status,
      year: o.properties.year,
      seats: o.properties.seats,
      classes: o.properties.classes,
      countyCode: o.properties.countyCode,
      centralDistrict: o.properties.centralDistrict,
    });
    const [x = 0, y = 0] = p.geometry.coordinates;
    const [ox = 0, oy = 0] = o.geometry.coordinates;
    expect(Math.abs(x - ox)).toBeLessThan(tolerance);
    expect(Math.abs(y - oy)).toBeLessThan(tolerance);
  });
}

describe('GIS exports through our own importer', () => {
  it('Shapefile in CGCS2000 GK 117°E: the .prj is recognised, the projects come back with their sites', async () => {
    // our importer rounds to 6 decimals (≈ 0.1 m)
    const back = await roundTrip('shapefile', 'EPSG:4548', 'projects');
    expectSame(back, 1.1e-6);
    // the sites layer is joined by ID: the outline with its courtyard hole, back to within ~0.1 m
    const court = back[1]?.properties.site?.coordinates;
    const original = scenario.features[1]?.properties.site?.coordinates;
    expect(court?.length).toBe(2);
    expect(back[0]?.properties.site?.coordinates[0]?.length).toBe(5);
    expect(back.slice(2).every((p) => p.properties.site === null)).toBe(true);
    const [x = 0, y = 0] = court?.[0]?.[0] ?? [];
    const found = (original?.[0] ?? []).some(([ox = 0, oy = 0]) => Math.abs(ox - x) < 2e-6 && Math.abs(oy - y) < 2e-6);
    expect(found).toBe(true);
  });
  it('Shapefile with the zone number', async () => {
    expectSame(await roundTrip('shapefile', 'EPSG:4528', 'projects'), 1.1e-6);
  });
  it('KML and KMZ: projects and their site outlines', async () => {
    for (const kind of ['kml', 'kmz'] as const) {
      const back = await roundTrip(kind, 'EPSG:4326');
      // KML is grouped by kind: match by name
      const byName = new Map(back.map((p) => [p.properties.name, p]));
      expectSame(
        scenario.features.map((o) => byName.get(o.properties.name) ?? o),
        1.1e-6,
      );
      const withSite = back.filter((p) => p.properties.site);
      expect(withSite.map((p) => p.properties.name).sort()).toEqual(
        scenario.features
          .filter((p) => p.properties.site)
          .map((p) => p.properties.name)
          .sort(),
      );
      const court = byName.get(scenario.features[1]?.properties.name ?? '');
      expect(court?.properties.site?.coordinates.length).toBe(2);
    }
  });
  it('the sites layer alone comes back as projects on their sites', async () => {
    const f = buildGisExport('shapefile', scenario, gisOptions('EPSG:4326'));
    const table = await readFile({ name: f.name, bytes: f.data as Uint8Array }, { ref: index, layer: 'sites' });
    expect(table.ok && table.value.records.map((r) => r.geometry?.type)).toEqual(['Polygon', 'Polygon']);
  });
});
