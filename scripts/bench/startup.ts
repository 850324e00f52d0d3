/**
 * Start-up figures of the production build (dist/) in headless Debian Chromium with software WebGL
 * (SwiftShader) — what a planner's virtual desktop or 信创 PC does without a usable GPU.
 *
 * - the first fully drawn map of the app, timed side by side with "the floor": bare MapLibre drawing the
 *   same land and county polygons at the same size and bounds (a page served from memory at the same
 *   origin), alternating (7 pairs after one warm-up pair not counted), a fresh browser profile for
 *   every run, both timed to their first visually complete frame; the ratio is the figure to watch;
 * - the JavaScript fetched before the first map (gzip), and every chunk that loads later;
 * - a breakdown of one start-up: the app's own milestones (performance marks `qz:*`) and a DevTools CPU
 *   profile of the main thread, self time grouped by what it is.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';
import { launchForBench, withPreview } from '../lib/preview';
import { BASEMAP_TOLERANCE } from '../../src/map/style';

export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** Whether a larger value is worse (sizes, times). */
  readonly lowerIsBetter: boolean;
  /** The target, in the same unit, where there is one. */
  readonly target?: number;
}

const DIST = 'dist';
const gz = (file: string): number => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (bytes: number): number => Math.round(bytes / 1024);

export function buildSizes(dist = DIST): Figure[] {
  const files = [
    ...readdirSync(join(dist, 'assets'))
      .filter((f) => !f.endsWith('.map') && !f.endsWith('.gz'))
      .map((f) => join(dist, 'assets', f)),
    join(dist, 'index.html'),
  ];
  let all = 0;
  let js = 0;
  for (const f of files) {
    const g = gz(f);
    all += g;
    if (/\.m?js$/.test(f)) js += g;
  }
  return [
    { name: 'build gzip total', value: kb(all), unit: 'KB', lowerIsBetter: true },
    { name: 'build gzip JavaScript', value: kb(js), unit: 'KB', lowerIsBetter: true },
  ];
}

const VIEWPORT = { width: 1440, height: 900 };
const MAPLIBRE_DIST = 'node_modules/maplibre-gl/dist';

/**
 * The floor: the app's land and county polygons with MapLibre alone, in a box the size of the app's map,
 * with the app's WebGL context (no multisampling, the drawing buffer preserved).
 */
function floorHtml(size: { width: number; height: number }, bounds: readonly number[]): string {
  const asset = (prefix: string): string => {
    const f = readdirSync(join(DIST, 'assets')).find((n) => n.startsWith(`${prefix}-`) && n.endsWith('.geojson'));
    if (!f) throw new Error(`no ${prefix} geojson in dist/assets`);
    return `../assets/${f}`;
  };
  return `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="maplibre-gl.css">
<style>html,body{margin:0}#m{width:${size.width}px;height:${size.height}px}</style></head>
<body><div id="m"></div><script type="module">
import * as maplibregl from './maplibre-gl.mjs';
maplibregl.setWorkerUrl(new URL('./maplibre-gl-worker.mjs', location.href).href);
const map = new maplibregl.Map({
  container: 'm',
  style: { version: 8, sources: {
      land: { type: 'geojson', data: new URL('${asset('land')}', location.href).href, tolerance: ${BASEMAP_TOLERANCE} },
      counties: { type: 'geojson', data: new URL('${asset('counties')}', location.href).href, tolerance: ${BASEMAP_TOLERANCE} } },
    layers: [
      { id: 'bg', type: 'background', paint: { 'background-color': '#cfe3f1' } },
      { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': '#f3efe6' } },
      { id: 'county-fill', type: 'fill', source: 'counties', paint: { 'fill-color': '#fbf8f2' } },
      { id: 'county-lines', type: 'line', source: 'counties', paint: { 'line-color': '#8a8f98', 'line-dasharray': [4, 2] } },
      { id: 'coast', type: 'line', source: 'land', paint: { 'line-color': '#5b7a99' } } ] },
  bounds: ${JSON.stringify(bounds)},
  attributionControl: false,
  canvasContextAttributes: { preserveDrawingBuffer: true, antialias: false },
});
// the first visually complete frame, as the app's first map counts it (MapLibre's 'load'; with no
// symbols on this map its 'idle' falls in the same frame, measured)
map.once('load', () => performance.mark('floor:drawn'));
</script></body></html>`;
}

async function serveFloor(page: Page, url: string, size: { width: number; height: number }, bounds: number[]) {
  await page.route(`${url}__floor/**`, async (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop() ?? '';
    if (name === 'index.html') {
      await route.fulfill({ contentType: 'text/html', body: floorHtml(size, bounds) });
      return;
    }
    const type = name.endsWith('.css') ? 'text/css' : 'text/javascript';
    await route.fulfill({ contentType: type, body: readFileSync(join(MAPLIBRE_DIST, name)) });
  });
}

export const markTime = (page: Page, name: string): Promise<number> =>
  page
    .waitForFunction((n) => performance.getEntriesByName(n).length > 0, name, { timeout: 60_000, polling: 50 })
    .then(() => page.evaluate((n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN, name));

interface AppRun {
  readonly ms: number;
  readonly scripts: readonly string[];
  readonly mapSize: { width: number; height: number };
  readonly bounds: number[];
}

/** One app start in a fresh profile: navigation → the first fully drawn map (performance mark qz:first-map). */
async function appRun(browser: Browser, url: string): Promise<AppRun> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.goto(url);
  const ms = await markTime(page, 'qz:first-map');
  // scripts (workers' too) requested before the first map was drawn, by the page's resource timing
  const scripts = await page.evaluate(
    (before) =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.startTime < before && /\.m?js$/.test(new URL(e.name).pathname))
        .map((e) => new URL(e.name).pathname),
    ms,
  );
  const view = await page.evaluate(() => {
    const m = window.__qzMap?.map;
    const c = m?.getContainer();
    const b = m?.getBounds();
    return {
      mapSize: { width: c?.clientWidth ?? 0, height: c?.clientHeight ?? 0 },
      bounds: b ? [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] : [],
    };
  });
  await context.close();
  return { ms, scripts, ...view };
}

async function floorRun(browser: Browser, url: string, size: AppRun['mapSize'], bounds: number[]): Promise<number> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await serveFloor(page, url, size, bounds);
  await page.goto(`${url}__floor/index.html`);
  const ms = await markTime(page, 'floor:drawn');
  await context.close();
  return ms;
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

/** Main-thread self time of one start-up, from a DevTools CPU profile, grouped by what the work is. */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const GROUPS: readonly (readonly [string, RegExp])[] = [
  [
    'WebGL shader compile / link / introspection',
    /^(compileShader|linkProgram|getProgramParameter|getShaderParameter|getTransformFeedbackVarying|getActive(Uniform|Attrib)|getUniformLocation|getAttribLocation|getProgramInfoLog|getShaderInfoLog|getUniformBlockIndex|getActiveUniformBlock\w*)$/,
  ],
  [
    'WebGL texture / framebuffer probing',
    /^(checkFramebufferStatus|getError|framebufferTexture2D|texImage2D|texStorage2D|createTexture|createFramebuffer|deleteTexture|deleteFramebuffer|getParameter|getExtension|getSupportedExtensions)$/,
  ],
  [
    'WebGL draw and state calls',
    /^(drawArrays|drawElements|drawArraysInstanced|drawElementsInstanced|bufferData|bufferSubData|texSubImage2D|readPixels|uniform\w+|vertexAttrib\w+|bindBuffer|bindTexture|bindFramebuffer|useProgram|enable|disable|blendFunc\w*|clear\w*)$/,
  ],
  ['WebGL context creation', /^getContext$/],
  ['image decode / canvas encode', /^(decode|toDataURL|drawImage|createImageBitmap|toBlob|getImageData|putImageData)$/],
  ['JSON parse', /^parse$/],
  ['garbage collection', /^\(garbage collector\)$/],
  ['script compile / evaluate, layout, style ((program))', /^\(program\)$/],
  ['idle (waiting on workers, fetches, the GPU process)', /^\(idle\)$/],
];

/** The package (or our folder) a position in a built chunk comes from, through the build's source maps. */
const maps = new Map<string, SourceMapConsumer | null>();
function original(url: string, line: number, column: number): { source: string | null; line: number | null } {
  const file = url.split('/').pop() ?? '';
  if (!maps.has(file)) {
    const path = join(DIST, 'assets', `${file}.map`);
    maps.set(
      file,
      existsSync(path) ? new SourceMapConsumer(JSON.parse(readFileSync(path, 'utf8')) as RawSourceMap) : null,
    );
  }
  const p = line < 0 ? null : maps.get(file)?.originalPositionFor({ line: line + 1, column });
  return { source: p?.source ?? null, line: p?.line ?? null };
}

function sourceOf(): (url: string, line: number, column: number) => string {
  return (url, line, column) => {
    const file = url.split('/').pop() ?? '';
    const source = original(url, line, column).source;
    if (!source) return file.replace(/-[\w-]{8}\.m?js$/, '');
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source)?.[1];
    if (pkg)
      return pkg.startsWith('@luma.gl') || pkg.startsWith('@deck.gl') || pkg.startsWith('@math.gl')
        ? 'deck.gl/luma.gl'
        : pkg;
    const ours = /(src\/[^/]+|layers)\//.exec(source)?.[1];
    return ours ? `our ${ours}` : source;
  };
}

function breakdown(profile: CpuProfile): [string, number][] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const source = sourceOf();
  /** The nearest JavaScript caller's package: whose shaders, whose textures. */
  const owner = (id: number): string => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at)?.callFrame;
      if (f?.url) return source(f.url, f.lineNumber, f.columnNumber);
    }
    return '?';
  };
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const fn = node?.callFrame.functionName ?? '';
    const url = node?.callFrame.url ?? '';
    const native = GROUPS.find(([, re]) => re.test(fn))?.[0];
    const group = native
      ? native.startsWith('WebGL') || native.startsWith('image')
        ? `${native} (${owner(id)})`
        : native
      : url
        ? `JavaScript: ${source(url, node?.callFrame.lineNumber ?? 0, node?.callFrame.columnNumber ?? 0)}`
        : `native: ${fn || '?'} (${owner(id)})`;
    totals.set(group, (totals.get(group) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const functions = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)?.callFrame;
    if (!f?.url) return;
    const o = original(f.url, f.lineNumber, f.columnNumber);
    const key = `${f.functionName || '(anonymous)'}  ${(o.source ?? f.url).replace(/^.*node_modules\//, '')}:${o.line ?? '?'}`;
    functions.set(key, (functions.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  console.log('    largest JavaScript functions by self time (ms):');
  for (const [key, ms] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, 12))
    console.log(`      ${String(Math.round(ms)).padStart(6)}  ${key}`);
  const rows = [...totals].sort((a, b) => b[1] - a[1]);
  const small = rows.filter(([, ms]) => ms < 40);
  const big = rows.filter(([, ms]) => ms >= 40);
  return small.length ? [...big, ['other native calls', small.reduce((s, [, ms]) => s + ms, 0)]] : big;
}

const MILESTONES = [
  ['qz:main', 'script evaluated, data requested'],
  ['qz:data', 'geodata and scenario fetched'],
  ['qz:parsed', 'parsed and validated'],
  ['qz:stored', 'storage opened, scenario loaded'],
  ['qz:rendered', 'page rendered (Preact)'],
  ['qz:map-created', 'MapLibre map created'],
  [
    'qz:first-frame',
    'first MapLibre frame drawn (the whole map, or the basemap if the rest is late; sea-coloured box before)',
  ],
  ['qz:style-load', 'MapLibre "load": basemap and projects drawn'],
  ['qz:first-map', "first fully drawn map (MapLibre's first visually complete frame; deck.gl's layers too if shown)"],
] as const;

async function traceOnce(browser: Browser, url: string): Promise<void> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  await page.goto(url);
  const total = await markTime(page, 'qz:first-map');
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  const marks = await page.evaluate(() =>
    Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
  );
  await context.close();
  console.log(`  one start-up, profiled (${Math.round(total)} ms to the first map; profiling adds overhead):`);
  console.log('    milestones (ms after navigation):');
  for (const [name, what] of MILESTONES) {
    const t = marks[name];
    console.log(`      ${t === undefined ? '—'.padStart(6) : String(Math.round(t)).padStart(6)}  ${what}`);
  }
  console.log('    main-thread self time until then (ms):');
  for (const [group, ms] of breakdown(profile)) console.log(`      ${String(Math.round(ms)).padStart(6)}  ${group}`);
}

export async function startupFigures(runs = 7): Promise<Figure[]> {
  const app: AppRun[] = [];
  const floor: number[] = [];
  const allJs = readdirSync(join(DIST, 'assets')).filter((f) => /\.m?js$/.test(f));
  await withPreview(4181, async (url) => {
    const browser = await launchForBench();
    // a pair not counted: the first page a fresh browser draws pays for the browser itself (its GPU
    // process compiles the shaders it composites and rasterises pages with: about 0.75 s of one first
    // compositor frame here, 0.15 s once warm), and that page was always the app's
    const warmApp = await appRun(browser, url);
    const warmFloor = await floorRun(browser, url, warmApp.mapSize, warmApp.bounds);
    console.log(`  warm-up pair, not counted (ms): app ${Math.round(warmApp.ms)}, floor ${Math.round(warmFloor)}`);
    for (let i = 0; i < runs; i++) {
      const a = await appRun(browser, url);
      app.push(a);
      floor.push(await floorRun(browser, url, a.mapSize, a.bounds));
    }
    await traceOnce(browser, url);
    await browser.close();
  });
  const first = app[0];
  const before = new Set((first?.scripts ?? []).map((p) => p.split('/').pop() ?? ''));
  const jsBefore = allJs.filter((f) => before.has(f)).reduce((s, f) => s + gz(join(DIST, 'assets', f)), 0);
  console.log(`  first-map runs (ms), app:   ${app.map((a) => Math.round(a.ms)).join(', ')}`);
  console.log(`  first-map runs (ms), floor: ${floor.map((f) => Math.round(f)).join(', ')}`);
  console.log('  JavaScript before the first map (gzip KB):');
  for (const f of allJs.filter((n) => before.has(n)).sort())
    console.log(`    ${String(kb(gz(join(DIST, 'assets', f)))).padStart(5)}  ${f}`);
  console.log('  chunks loaded later (gzip KB):');
  for (const f of allJs.filter((n) => !before.has(n)).sort())
    console.log(`    ${String(kb(gz(join(DIST, 'assets', f)))).padStart(5)}  ${f}`);
  const appMs = Math.round(median(app.map((a) => a.ms)));
  const floorMs = Math.round(median(floor));
  return [
    {
      name: 'JavaScript before the first map (gzip)',
      value: kb(jsBefore),
      unit: 'KB',
      lowerIsBetter: true,
      target: 500,
    },
    { name: 'time to first map (median)', value: appMs, unit: 'ms', lowerIsBetter: true },
    { name: 'floor: bare MapLibre, same polygons (median)', value: floorMs, unit: 'ms', lowerIsBetter: true },
    {
      name: 'first map ÷ floor, same run',
      value: Math.round((appMs / floorMs) * 100) / 100,
      unit: '×',
      lowerIsBetter: true,
      target: 1.5,
    },
  ];
}
