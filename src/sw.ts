/**
 * Service worker: once the app has been opened, it opens and works with the network off. Every file of
 * the build (app shell, scripts, geodata, the population surface) is cached on install, under a cache
 * named after the build; requests are answered from that cache first. A new build installs beside the
 * running one and waits: the page offers "reload to update" and tells it to take over (skipWaiting)
 * only after the planner's edits are saved. The build fills in the file list (vite.config.ts).
 */

export {};
// in this module `self` is the service worker's scope (the WebWorker library's type), not a window
declare const self: ServiceWorkerGlobalScope;
declare const __QZ_BUILD__: string;
declare const __QZ_FILES__: readonly string[];

const sw = self;
const CACHE = `qz-${__QZ_BUILD__}`;
const url = (path: string): string => new URL(path, sw.registration.scope).href;

sw.addEventListener('install', (e) => {
  e.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(__QZ_FILES__.map((f) => new Request(url(f), { cache: 'reload' })))),
  );
});

sw.addEventListener('activate', (e) => {
  e.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('qz-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => sw.clients.claim()),
  );
});

sw.addEventListener('message', (e) => {
  if (e.data === 'skipWaiting') void sw.skipWaiting();
});

sw.addEventListener('fetch', (e) => {
  const req = e.request;
  if (req.method !== 'GET' || !req.url.startsWith(sw.registration.scope)) return;
  // the app is one page: any navigation within the scope is index.html
  const key = req.mode === 'navigate' ? url('./') : (req.url.split('#')[0] ?? req.url);
  e.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const hit = await cache.match(key, { ignoreSearch: req.mode === 'navigate' });
      return hit ?? fetch(req);
    }),
  );
});
