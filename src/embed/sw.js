// The troubleshooter's service worker: works offline after one online visit. Written into dist/
// by scripts/entry.mjs, which fills in the build's files and version. Register it with
// offline.js; it must be served from the widget's folder, and its scope covers that folder.
const CACHE = 'troubleshooter-__VERSION__';
const WIDGET = __FILES__.map((f) => new URL(f, self.location).href);
// Languages, and the checker of a page's own flow, are downloaded when a page uses them: kept
// once fetched, so a kiosk keeps its own.
const ON_DEMAND = ['./lang/', './checker/', './qr/'].map((dir) => new URL(dir, self.location).href);

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(WIDGET)).then(() => self.skipWaiting()));
});

// A new build has a new cache; the old ones go.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('troubleshooter-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// The page that registered the worker names its own files (the page, its styles, its scripts).
self.addEventListener('message', (event) => {
  const urls = (event.data?.keep ?? []).filter((u) => new URL(u).origin === self.location.origin);
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll([...new Set(urls)]))
      .then(() => event.source?.postMessage({ kept: urls.length }))
      .catch((error) => event.source?.postMessage({ kept: 0, error: String(error) })),
  );
});

// The widget's files have content hashes, so the cache answers them; everything else on this
// origin comes from the network when it can, and from the cache when it cannot.
self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const cached = await cache.match(request, { ignoreSearch: true });
      if (cached && WIDGET.includes(request.url)) return cached;
      try {
        const response = await fetch(request);
        if (response.ok && (cached || ON_DEMAND.some((dir) => request.url.startsWith(dir)))) cache.put(request, response.clone());
        return response;
      } catch (error) {
        if (cached) return cached;
        throw error;
      }
    }),
  );
});
