/**
 * Generates geodata/population.bin: the shipped, MODELLED population surface (模拟人口分布，仅供演示).
 *
 *   npm run population
 *
 * Model (deterministic, no randomness, no network):
 *  1. Grid: 1/400° × 1/450° (≈ 252 m × 247 m) over the city's bbox; a cell belongs to the county whose
 *     polygon (geodata/counties.geojson, already clipped to land) contains its centre (scanline fill).
 *     金门县 has no population figure and is left out.
 *  2. Each county's 2021 year-end population (泉州统计年鉴2022 表3-5, incl. its functional zone) is split:
 *     an urban share around the township anchors hand-placed for the illustrative scenario
 *     (scripts/lib/units.ts), the rest spread evenly over the county's land cells.
 *     Urban share: 鲤城 97 %, 丰泽 95 %, other counties 65 % (assumed, round figures).
 *  3. Around each anchor a Gaussian kernel: 街道 (subdistrict) weight 2, σ 1.2 km; 镇 weight 1, σ 1.5 km;
 *     乡 and others weight 0.5, σ 1.5 km.
 *  4. Rounded to whole persons by largest remainder, so every county sums exactly to its 2021 figure.
 *
 * This is a demonstration surface only: it is not census data and says nothing about real densities.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { metricScale } from '../src/core/analysis/geodesy';
import { encodeSurface, type SurfaceHeader } from '../src/core/analysis/surfaceCodec';
import { NO_COUNTY, type RasterGrid } from '../src/core/analysis/surface';
import type { CountyFeature } from '../src/core/geodata/reference';
import { readReference, ROOT } from './lib/reference';
import { UNITS } from './lib/units';

const ref = readReference();
const [west, south, east, north] = ref.city.bbox;
const cellLon = 1 / 400;
const cellLat = 1 / 450;
const grid: RasterGrid = {
  west,
  south,
  cellLon,
  cellLat,
  cols: Math.round((east - west) / cellLon),
  rows: Math.round((north - south) / cellLat),
};
const { cols, rows } = grid;

const counties = ref.counties.features.filter((f) => f.properties.pop2021 !== null);
const adcodes = counties.map((f) => f.properties.adcode);
const raster = new Uint8Array(cols * rows).fill(NO_COUNTY);

/** Even-odd scanline fill of a county's rings at each row's centre latitude. */
function fill(f: CountyFeature, index: number): void {
  const rings = f.geometry.coordinates.flat();
  for (let r = 0; r < rows; r++) {
    const y = south + (r + 0.5) * cellLat;
    const xs: number[] = [];
    for (const ring of rings) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const [x1 = 0, y1 = 0] = ring[i] ?? [];
        const [x2 = 0, y2 = 0] = ring[i + 1] ?? [];
        if (y1 <= y !== y2 <= y) xs.push(x1 + ((y - y1) / (y2 - y1)) * (x2 - x1));
      }
    }
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const c0 = Math.ceil(((xs[k] ?? 0) - west) / cellLon - 0.5);
      const c1 = Math.floor(((xs[k + 1] ?? 0) - west) / cellLon - 0.5);
      for (let c = Math.max(0, c0); c <= Math.min(cols - 1, c1); c++) raster[r * cols + c] = index;
    }
  }
}
counties.forEach(fill);

const URBAN_SHARE: Record<string, number> = { '350502': 0.97, '350503': 0.95 };
interface Anchor {
  lon: number;
  lat: number;
  weight: number;
  sigma: number;
}
const anchorsByCounty = new Map<string, Anchor[]>();
for (const unit of UNITS) {
  for (const [name, [lon, lat]] of Object.entries(unit.anchors)) {
    const sub = name.endsWith('街道');
    const town = name.endsWith('镇');
    const list = anchorsByCounty.get(unit.countyCode) ?? [];
    list.push({ lon, lat, weight: sub ? 2 : town ? 1 : 0.5, sigma: sub ? 1200 : 1500 });
    anchorsByCounty.set(unit.countyCode, list);
  }
}

const pop = new Float64Array(cols * rows);
for (const [ci, f] of counties.entries()) {
  const total = f.properties.pop2021 ?? 0;
  const cells: number[] = [];
  for (let i = 0; i < raster.length; i++) if (raster[i] === ci) cells.push(i);
  if (cells.length === 0) throw new Error(`${f.properties.name}: no cells`);
  const anchors = anchorsByCounty.get(f.properties.adcode) ?? [];
  const urbanShare = anchors.length > 0 ? (URBAN_SHARE[f.properties.adcode] ?? 0.65) : 0;
  const kernel = cells.map((i) => {
    const lon = west + ((i % cols) + 0.5) * cellLon;
    const lat = south + (Math.floor(i / cols) + 0.5) * cellLat;
    const { kx, ky } = metricScale(lat);
    let w = 0;
    for (const a of anchors) {
      const dx = (lon - a.lon) * kx;
      const dy = (lat - a.lat) * ky;
      w += a.weight * Math.exp(-(dx * dx + dy * dy) / (2 * a.sigma * a.sigma));
    }
    return w;
  });
  const kSum = kernel.reduce((s, w) => s + w, 0);
  const exact = cells.map(
    (_, k) =>
      (total * (1 - urbanShare)) / cells.length + (kSum > 0 ? (total * urbanShare * (kernel[k] ?? 0)) / kSum : 0),
  );
  // largest remainder: whole persons summing exactly to the county's figure
  const floors = exact.map(Math.floor);
  let left = total - floors.reduce((s, v) => s + v, 0);
  const order = exact.map((v, k) => [v - Math.floor(v), k] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, k] of order) {
    if (left <= 0) break;
    floors[k] = (floors[k] ?? 0) + 1;
    left--;
  }
  cells.forEach((i, k) => (pop[i] = floors[k] ?? 0));
  console.log(
    `${f.properties.name}: ${cells.length} cells, ${total} people, max ${Math.max(...floors)} per cell, ${anchors.length} anchors`,
  );
}

const cellPop: number[] = [];
for (let i = 0; i < raster.length; i++) if (raster[i] !== NO_COUNTY) cellPop.push(pop[i] ?? 0);
if (cellPop.some((p) => p > 65535)) throw new Error('a cell exceeds 65,535 people: use a finer grid');
const totalPopulation = cellPop.reduce((s, v) => s + v, 0);
const header: SurfaceHeader = {
  version: 1,
  grid,
  counties: adcodes,
  cellCount: cellPop.length,
  totalPopulation,
  modelled: true,
  description:
    'Modelled (模拟人口分布，仅供演示): 2021 year-end county populations (泉州统计年鉴2022 表3-5) spread by scripts/build-population.ts around hand-placed township anchors; not census data.',
};
const bytes = encodeSurface(header, raster, Uint16Array.from(cellPop));
writeFileSync(join(ROOT, 'geodata', 'population.bin'), bytes);
console.log(`${cellPop.length} cells, ${totalPopulation} people, ${(bytes.length / 1024).toFixed(0)} KB`);
