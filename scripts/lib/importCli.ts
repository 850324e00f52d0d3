/**
 * `npm run -s import -- FILE... [--target projects|existing|population] [--crs auto|wgs84|gcj02|bd09|EPSG:n]
 * [--default-kind KIND] [--layer NAME]`: the import dialog's code and first choices, for analysts and for
 * tests. The result goes to stdout as our GeoJSON export would write it; a report (one JSON object) to
 * stderr. Exit 0 when the file was read (even with refused rows), 2 with a message when it was not.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createCountyLocator } from '../../src/core/geodata/locate';
import { indexReference, type ReferenceData } from '../../src/core/geodata/reference';
import { initialChoices } from '../../src/core/io/choices';
import { combineFiles } from '../../src/core/io/combine';
import { epsgOf, gaussKruger, type CrsId } from '../../src/core/io/crs';
import { createBoundaryIndex } from '../../src/core/io/datum';
import { existingFromRows } from '../../src/core/io/existing';
import { writeScenarioGeoJson } from '../../src/core/io/geojson';
import { interpretProjects } from '../../src/core/io/interpret';
import { buildPopulationSurface } from '../../src/core/io/population';
import { readFile } from '../../src/core/io/registry';
import type { IoError, RowProblem } from '../../src/core/io/types';
import { parseKind } from '../../src/core/io/values';
import { loadLanguage, translate } from '../../src/core/i18n/translate';
import { decodeSurface } from '../../src/core/analysis/surfaceCodec';
import { SCHEMA_VERSION } from '../../src/core/model/project';
import { readReference } from './reference';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const USAGE =
  'usage: npm run -s import -- FILE... [--target projects|existing|population] [--crs auto|wgs84|gcj02|bd09|EPSG:n] [--default-kind KIND] [--layer NAME]';

interface Args {
  files: string[];
  target: 'projects' | 'existing' | 'population';
  crs: string;
  defaultKind: string | null;
  layer: string | null;
}

function parseArgs(argv: readonly string[]): Args | string {
  const a: Args = { files: [], target: 'projects', crs: 'auto', defaultKind: null, layer: null };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i] ?? '';
    const next = (): string | null => argv[++i] ?? null;
    if (v === '--target') {
      const t = next();
      if (t !== 'projects' && t !== 'existing' && t !== 'population')
        return `--target takes projects, existing or population`;
      a.target = t;
    } else if (v === '--crs') a.crs = next() ?? '';
    else if (v === '--default-kind') a.defaultKind = next();
    else if (v === '--layer') a.layer = next();
    else if (v.startsWith('--')) return `unknown option ${v}`;
    else a.files.push(v);
  }
  if (a.files.length === 0) return 'no FILE given';
  return a;
}

/** The --crs value as one of our systems, or null when it names none. */
function crsOf(v: string): CrsId | null {
  if (v === 'wgs84' || v === 'gcj02' || v === 'bd09' || v === 'cgcs2000') return v;
  const m = /^EPSG:(\d+)$/i.exec(v);
  if (!m) return null;
  const code = Number(m[1]);
  return code === 4326 || code === 4490 ? 'wgs84' : gaussKruger(code) ? `EPSG:${code}` : null;
}

const ioMessage = (e: IoError): string => translate('en', `io.error.${e.code}`, { ...e.params });

function tally(problems: readonly RowProblem[], severity: RowProblem['severity']): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of problems) if (p.severity === severity) out[p.code] = (out[p.code] ?? 0) + 1;
  return out;
}

export async function runImport(
  argv: readonly string[],
  readBytes: (path: string) => Uint8Array = (p) => new Uint8Array(readFileSync(p)),
  reference: ReferenceData = readReference(),
): Promise<CliResult> {
  await loadLanguage('en'); // its messages are English (the app loads English on first use)
  const args = parseArgs(argv);
  if (typeof args === 'string') return { code: 2, stdout: '', stderr: `${args}\n${USAGE}\n` };
  let inputs;
  try {
    inputs = args.files.map((f) => ({ name: basename(f), bytes: readBytes(f) }));
  } catch (e) {
    return { code: 2, stdout: '', stderr: `${e instanceof Error ? e.message : String(e)}\n` };
  }
  const file = combineFiles(inputs);
  if (!file) return { code: 2, stdout: '', stderr: `no FILE given\n${USAGE}\n` };
  const index = indexReference(reference);
  const read = await readFile(file, { ref: index, ...(args.layer !== null ? { layer: args.layer } : {}) });
  if (!read.ok) return { code: 2, stdout: '', stderr: `${file.name}: ${ioMessage(read.error)}\n` };
  const table = read.value;
  const choices = initialChoices(table, file.name, index.bbox, createBoundaryIndex(reference.counties));
  let crs = choices.crs;
  if (args.crs !== 'auto') {
    const c = crsOf(args.crs);
    if (!c) return { code: 2, stdout: '', stderr: `--crs ${args.crs}: not a system we convert\n${USAGE}\n` };
    crs = c;
  }
  const defaultKind = args.defaultKind === null ? null : parseKind(args.defaultKind);
  if (args.defaultKind !== null && defaultKind === null)
    return { code: 2, stdout: '', stderr: `--default-kind ${args.defaultKind}: not a school type\n${USAGE}\n` };
  const report: Record<string, unknown> = {
    file: file.name,
    format: table.format,
    ...(table.layer !== undefined ? { layer: table.layer } : {}),
    ...(table.layers ? { layers: table.layers } : {}),
    ...(table.encoding ? { encoding: table.encoding, encodingFrom: table.encodingFrom ?? 'guess' } : {}),
    crs: {
      chosen: crs,
      ...(epsgOf(crs) !== null ? { epsg: epsgOf(crs) } : {}),
      swapped: choices.swapped,
      why: args.crs === 'auto' ? choices.suggestion.reason : 'flag',
      ...(choices.suggestion.evidence ? { evidence: choices.suggestion.evidence } : {}),
      ...(choices.suggestion.fits ? { fits: choices.suggestion.fits } : {}),
      ...(choices.suggestion.overrides ? { overrides: choices.suggestion.overrides } : {}),
    },
    notes: choices.notes,
    records: new Set(table.records.map((r) => r.n)).size,
  };
  const now = new Date().toISOString();
  if (args.target === 'population') {
    const built = buildPopulationSurface(
      table,
      {
        mapping: choices.mapping,
        crs,
        swapped: choices.swapped,
        description: file.name,
        ...(table.prjWkt ? { prjWkt: table.prjWkt } : {}),
      },
      createCountyLocator(reference.counties),
      reference.counties.features.map((f) => f.properties.adcode),
      index.bbox,
    );
    if (!built.ok) return { code: 2, stdout: '', stderr: `${file.name}: ${ioMessage(built.error)}\n` };
    const decoded = decodeSurface(built.value.bytes.slice().buffer);
    if (!decoded.ok) return { code: 2, stdout: '', stderr: `${file.name}: ${decoded.error}\n` };
    const s = decoded.value.surface;
    const features = [];
    for (let i = 0; i < s.pop.length; i++)
      if ((s.pop[i] ?? 0) > 0)
        features.push({
          type: 'Feature',
          properties: { pop: s.pop[i], county: s.counties[s.county[i] ?? 255] ?? null },
          geometry: { type: 'Point', coordinates: [s.originLon + (s.dlon[i] ?? 0), s.originLat + (s.dlat[i] ?? 0)] },
        });
    report.accepted = features.length;
    report.total = built.value.total;
    report.outside = built.value.outside;
    report.warnings = tally(built.value.problems, 'warning');
    report.refused = tally(built.value.problems, 'error');
    const out = {
      type: 'FeatureCollection',
      qzReference: { kind: 'population', source: file.name, exportedAt: now },
      features,
    };
    return { code: 0, stdout: `${JSON.stringify(out)}\n`, stderr: `${JSON.stringify(report)}\n` };
  }
  let n = 0;
  const interp = interpretProjects(
    table,
    {
      mapping: choices.mapping,
      crs,
      swapped: choices.swapped,
      ...(table.prjWkt ? { prjWkt: table.prjWkt } : {}),
      defaultKind,
      defaultYear: 2025,
      newId: () => `import-${++n}`,
      source: (row) => `${file.name} ${table.unit === 'row' ? '#' : 'F'}${row}`,
    },
    { index, locateCounty: createCountyLocator(reference.counties) },
  );
  if (!interp.ok) return { code: 2, stdout: '', stderr: `${file.name}: ${ioMessage(interp.error)}\n` };
  const refusedRows = new Set(interp.value.problems.filter((p) => p.severity === 'error').map((p) => p.row));
  report.accepted = interp.value.rows.length;
  report.refused = { rows: refusedRows.size, byReason: tally(interp.value.problems, 'error') };
  report.warnings = tally(interp.value.problems, 'warning');
  const projects = interp.value.rows.map((r) => r.project);
  let stdout: string;
  if (args.target === 'existing') {
    const schools = existingFromRows(interp.value.rows);
    stdout = `${JSON.stringify({
      type: 'FeatureCollection',
      qzReference: { kind: 'existingSchools', source: file.name, crs, exportedAt: now },
      features: schools.map(({ lon, lat, ...properties }) => ({
        type: 'Feature',
        properties,
        geometry: { type: 'Point', coordinates: [lon, lat] },
      })),
    })}\n`;
  } else {
    stdout = writeScenarioGeoJson(
      {
        type: 'FeatureCollection',
        scenario: {
          id: 'imported',
          name: file.name,
          planYear: 2025,
          illustrative: false,
          schemaVersion: SCHEMA_VERSION,
          imported: { file: file.name, format: table.format, crs, at: now },
        },
        features: projects,
      },
      {
        app: 'qz-import-cli',
        appVersion: '0',
        schemaVersion: SCHEMA_VERSION,
        exportedAt: now,
        createdAt: null,
        modifiedAt: null,
        crs: 'EPSG:4326',
      },
    );
  }
  return { code: 0, stdout, stderr: `${JSON.stringify(report)}\n` };
}
