import { render } from 'preact';
import countiesUrl from '../geodata/counties.geojson?url';
import landUrl from '../geodata/land.geojson?url';
import riversUrl from '../geodata/rivers.geojson?url';
import labelsUrl from '../geodata/labels.geojson?url';
import townshipsUrl from '../geodata/townships.json?url';
import zonesUrl from '../geodata/zones.json?url';
import cityUrl from '../geodata/city.json?url';
import scenarioUrl from '../seeds/scenario-2022.geojson?url';
import targetsUrl from '../seeds/plan-targets.json?url';
import populationUrl from '../geodata/population.bin?url';
import { indexReference, parseReferenceData } from './core/geodata/reference';
import { loadLanguage, translate } from './core/i18n/translate';
import { validateScenario } from './core/model/validate';
import { parsePlanTargets } from './core/plan/targets';
import type { ReferenceIndex } from './core/geodata/reference';
import { createIdbRepository } from './persistence/idb';
import { createMemoryRepository } from './persistence/memory';
import { openBasemapStore } from './persistence/basemapFiles';
import { storageErrorText, storageFailure, type Repository } from './persistence/repository';
import { createApp, type AppDeps } from './state/app';
import { createBroadcastChannel } from './state/tabs';
import { createCoverageClient, type CoverageResponse, type CoverageTransport } from './workers/coverageService';
import { App } from './ui/shell/App';
import { firstMapDrawn } from './map/live';
import { StoresContext } from './ui/context';
import { markDevelopment, registerServiceWorker } from './state/updates';
import './ui/styles.css';

declare global {
  interface Window {
    /** Test and debugging hook: the app's state and actions. */
    __qzApp?: ReturnType<typeof createApp>;
    /** Set by public/compat.js when this browser lacks what the app needs (its page is shown instead). */
    __qzTooOld?: boolean;
  }
}

/** Same-origin assets only: the app never fetches anything from another host by default. */
async function getJson(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.json() as Promise<unknown>;
}

/**
 * The coverage engine in a module Web Worker (bundled by Vite, same origin), started with its first
 * request (the population surface, after the first map): its script is not fetched before.
 */
function workerTransport(): CoverageTransport {
  let worker: Worker | null = null;
  let listener: (res: CoverageResponse) => void = () => undefined;
  const started = (): Worker => {
    if (worker) return worker;
    const w = new Worker(new URL('./workers/coverage.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<CoverageResponse>) => listener(e.data);
    w.onerror = (e) => listener({ type: 'failed', seq: -1, error: e.message || 'worker error' });
    worker = w;
    return w;
  };
  return {
    post: (req, transfer) => started().postMessage(req, transfer),
    onMessage: (cb) => {
      listener = cb;
    },
    terminate: () => worker?.terminate(),
  };
}

async function getBytes(url: string): Promise<ArrayBuffer> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.arrayBuffer();
}

/** A message shown over the page while storage cannot be opened yet, in both languages; null removes it. */
function showBlocked(root: HTMLElement, blocked: boolean): void {
  document.querySelector('[data-testid="storage-blocked"]')?.remove();
  if (!blocked) return;
  const box = document.createElement('div');
  box.className = 'fatal blocked';
  box.setAttribute('role', 'alert');
  box.dataset.testid = 'storage-blocked';
  for (const lang of ['zh', 'en'] as const) {
    const p = document.createElement('p');
    p.lang = lang === 'zh' ? 'zh-CN' : 'en';
    p.textContent = translate(lang, 'storage.blocked');
    box.append(p);
  }
  root.append(box);
}

interface OpenedStorage {
  readonly repository: Repository;
  /** Why storage is not durable (the browser's words), when the in-memory fallback is used. */
  readonly note?: string;
}

/**
 * IndexedDB when the browser offers it and it opens; the in-memory fallback otherwise (private windows
 * of some browsers, a policy), which the app then never calls saved. While another tab holds an older
 * version of the database open, a message says so and opening carries on the moment it can.
 */
async function openStorage(
  index: Promise<ReferenceIndex>,
  root: HTMLElement,
  onVersionChange: () => void,
): Promise<OpenedStorage> {
  if (typeof indexedDB === 'undefined' || indexedDB === null)
    return { repository: createMemoryRepository(await index), note: 'IndexedDB is not available (window.indexedDB)' };
  const repository = createIdbRepository(index, {
    onVersionChange,
    onBlocked: (blocked) => showBlocked(root, blocked),
  });
  try {
    await repository.loadSettings(); // opens the database (and upgrades it)
    return { repository };
  } catch (e: unknown) {
    // a newer version of the app already upgraded it: this page is out of date
    if (storageFailure(e) === 'version') throw new Error(translate('zh', 'storage.versionChange'), { cause: e });
    return { repository: createMemoryRepository(await index), note: storageErrorText(e) };
  }
}

/** Asks the browser not to evict the planner's data under storage pressure. */
async function requestPersistence(): Promise<boolean> {
  if (typeof navigator === 'undefined' || !('storage' in navigator) || !('persist' in navigator.storage)) return false;
  return (await navigator.storage.persisted()) || navigator.storage.persist();
}

function showError(root: HTMLElement, message: string): void {
  root.innerHTML = '';
  const box = document.createElement('div');
  box.className = 'fatal';
  box.setAttribute('role', 'alert');
  box.dataset.testid = 'load-error';
  // shown before the stored language is known: both languages
  const lines = (['zh', 'en'] as const).map((lang) => {
    const p = document.createElement('p');
    p.lang = lang === 'zh' ? 'zh-CN' : 'en';
    p.textContent = translate(lang, 'app.loadError', { message });
    return p;
  });
  const button = document.createElement('button');
  button.textContent = `${translate('zh', 'app.reload')} / ${translate('en', 'app.reload')}`;
  button.addEventListener('click', () => location.reload());
  box.append(...lines, button);
  root.append(box);
}

/** The page's data, fetched and checked (reference geodata, the illustrative scenario, the plan's targets). */
async function loadData(): Promise<{
  ref: AppDeps['reference'];
  scenario: AppDeps['scenario'];
  targets: AppDeps['targets'];
  index: ReferenceIndex;
}> {
  const [counties, land, rivers, labels, townships, zones, city, scenarioRaw, targetsRaw] = await Promise.all(
    [countiesUrl, landUrl, riversUrl, labelsUrl, townshipsUrl, zonesUrl, cityUrl, scenarioUrl, targetsUrl].map(getJson),
  );
  performance.mark('qz:data');
  const ref = parseReferenceData({ counties, land, rivers, labels, townships, zones, city });
  if (!ref.ok) throw new Error(ref.error);
  const index = indexReference(ref.value);
  const scenario = validateScenario(scenarioRaw, index);
  if (!scenario.ok)
    throw new Error(`scenario: ${scenario.error.length} invalid field(s), first: ${JSON.stringify(scenario.error[0])}`);
  const targets = parsePlanTargets(targetsRaw);
  if (!targets.ok) throw new Error(targets.error);
  performance.mark('qz:parsed');
  return { ref: ref.value, scenario: scenario.value.scenario, targets: targets.value, index };
}

async function main(): Promise<void> {
  const root = document.getElementById('app');
  // too old a browser: compat.js says so, and the app must not start over its message
  if (!root || window.__qzTooOld) return;
  // start-up milestones for DevTools and `npm run bench` (user timing, nothing leaves the page)
  performance.mark('qz:main');
  try {
    const loading = loadData();
    let superseded = (): void => undefined;
    // the database opens while the data arrives (it needs the data only to read projects back)
    const opening = openStorage(
      loading.then((d) => d.index),
      root,
      () => superseded(),
    );
    opening.catch(() => undefined); // a failure of the data is the one reported
    const { ref, scenario, targets, index } = await loading;
    const storage = await opening;
    const app = createApp({
      reference: ref,
      scenario,
      targets,
      repository: storage.repository,
      ...(storage.note ? { storageNote: storage.note } : {}),
      channel: createBroadcastChannel(index),
      requestPersistence,
      coverage: {
        client: createCoverageClient(workerTransport()),
        // the population surface (0.8 MB, an engine of a million cells) waits for the first map, or 15 s
        loadSurface: () =>
          Promise.race([firstMapDrawn, new Promise((r) => setTimeout(r, 15_000))]).then(() => getBytes(populationUrl)),
      },
      makeIoWorker: () => new Worker(new URL('./workers/io.worker.ts', import.meta.url), { type: 'module' }),
      makeSitingWorker: () => new Worker(new URL('./workers/siting.worker.ts', import.meta.url), { type: 'module' }),
      openBasemapStore,
      // the archives IT deployed beside index.html are looked for once the first map is drawn
      sameOrigin: {
        fetch: async (path, init) => {
          await firstMapDrawn;
          // offline (opened from the service worker's cache): the server cannot be asked
          if (!navigator.onLine) return new Response(null, { status: 503 });
          return fetch(new URL(path, document.baseURI), { ...init, cache: 'no-store' });
        },
        url: (path) => new URL(path, document.baseURI).href,
      },
    });
    window.__qzApp = app;
    superseded = () => app.actions.storageSuperseded();
    await app.init();
    // a planner who chose English sees it from the first render (Chinese comes with the page)
    await loadLanguage(app.stores.preferences.state.lang.peek()).catch(() => undefined);
    performance.mark('qz:stored');
    root.innerHTML = '';
    render(
      <StoresContext.Provider value={app.stores}>
        <App />
      </StoresContext.Provider>,
      root,
    );
    performance.mark('qz:rendered');
    // English once the first map is drawn (the service worker caches the file then anyway): the
    // language switch is then instant, offline too
    void firstMapDrawn.then(() => loadLanguage('en')).catch(() => undefined);
    // offline after the first load; a new version waits for the planner's "reload to update". Registered
    // once the first map is drawn (or after 15 s without one: no WebGL), so that caching the build does
    // not compete with starting up — a fixed 4 s after the page rendered used to land in the middle of
    // the first map on a slow machine and delay it by up to 1.8 s.
    if (import.meta.env.PROD)
      void Promise.race([firstMapDrawn, new Promise((r) => setTimeout(r, 15_000))]).then(() =>
        registerServiceWorker('./sw.js', () => app.flush()),
      );
    else markDevelopment();
  } catch (e: unknown) {
    showError(root, e instanceof Error ? e.message : String(e));
  }
}

// Started from a microtask, not from this module's top level: while a DevTools client is attached (DevTools
// itself, the bench, the e2e tests), Chromium records the call stack of every request, and a stack that
// reaches a bundle's top level makes V8 re-parse the whole bundle (1.2 MB with MapLibre) to locate that
// line: 240–360 ms before the first fetch was even sent, on this VM. A browser without DevTools does not
// (a start-up trace of plain Chromium shows no such re-parse).
queueMicrotask(() => void main());
