/**
 * npm run -s siting -- --demand D.geojson --candidates C.geojson [--existing E.geojson] --radius METRES --k K [--seats S]
 *
 * Suggested school sites for analysts: the app's solver (src/core/analysis/siting) on GeoJSON points in
 * WGS84. Demand: Point features with a numeric `pop`. Candidates: Point features with an `id`. Existing:
 * Point features (they already serve). Writes to stdout a GeoJSON FeatureCollection of the chosen
 * candidates in rank order (their properties plus `rank`, `gain`, `covered`) with foreign members
 * `covered` and `total`. Errors go to stderr with exit code 1.
 */
import { readFileSync } from 'node:fs';
import { runBatch } from '../src/core/analysis/siting/batch';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function readGeoJson(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`${what}: cannot read ${path} (${e instanceof Error ? e.message : String(e)})`, { cause: e });
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new Error(`${what}: ${path} is not JSON`, { cause: e });
  }
}

function main(): number {
  const demand = arg('demand');
  const candidates = arg('candidates');
  const radius = arg('radius');
  const k = arg('k');
  if (!demand || !candidates || !radius || !k) {
    process.stderr.write(
      'usage: npm run -s siting -- --demand D.geojson --candidates C.geojson [--existing E.geojson] --radius METRES --k K [--seats S]\n',
    );
    return 2;
  }
  try {
    const existing = arg('existing');
    const seats = arg('seats');
    const r = runBatch({
      demand: readGeoJson(demand, 'demand'),
      candidates: readGeoJson(candidates, 'candidates'),
      ...(existing ? { existing: readGeoJson(existing, 'existing') } : {}),
      radius: Number(radius),
      k: Number(k),
      ...(seats ? { seats: Number(seats) } : {}),
    });
    if (!r.ok) {
      process.stderr.write(`siting: ${r.error}\n`);
      return 1;
    }
    process.stdout.write(`${JSON.stringify(r.value)}\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`siting: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

process.exitCode = main();
