// The template of MicroCare's service worker. scripts/pwa.mjs writes
// dist/sw.js from it after every build, replacing everything above the
// marker line with this build's values:
/* global VERSION, PRECACHE, HASHED, OPTIONAL */
// - VERSION: a hash of every file of the build;
// - PRECACHE: those files, relative to the worker ('./' is the page);
// - HASHED: those of them whose name carries a hash of their content;
// - OPTIONAL: files a clinic may add (clinic.json), cached when present,
//   with the logo it names.
//
// How it behaves:
// - install: downloads every file of this build into its own cache,
//   `microcare-<VERSION>`; if one download fails, the install fails and
//   the worker already in place keeps serving the previous version whole.
//   A file whose name carries its content's hash is taken from the HTTP
//   cache when the page has just downloaded it (a first visit then fetches
//   the WASM once, not twice): that name never holds other content. The
//   others (the page, the language files, the manifest) are revalidated
//   with the server, so a stale copy never joins this version.
// - activate: deletes older versions' caches and takes charge of the open
//   pages, so that a first visit keeps working if the signal drops.
// - fetch: answers the app's requests from its own cache only, so a page
//   never runs a mix of two versions; the page itself (any navigation to the
//   app's folder) gets this version's index.html. clinic.json is answered
//   from the cache and refreshed in the background.
// - update: a new worker downloads its files, tells the pages it waits
//   ('update-ready'), and waits. When the person taps Reload, the page asks
//   the worker in charge ('update'), which tells the waiting one to take over
//   ('skip-waiting'); it deletes older caches and the pages reload (see
//   src/browser/pwa.rs). A page that opens later asks ('ask') whether a new
//   version waits.
// --- worker ---
const CACHE = `microcare-${VERSION}`;
const SCOPE = new URL('./', self.location.href);
const absolute = (path) => new URL(path, SCOPE).href;
const PAGE = absolute('./');
const OPTIONAL_URLS = OPTIONAL.map(absolute);

/** The logo a clinic's file names, as the app accepts it (a file beside it). */
const logoOf = (config) =>
  typeof config?.logo === 'string' && /^[\w-][\w.-]{0,99}\.(png|svg|jpe?g|webp)$/.test(config.logo)
    ? absolute(config.logo)
    : null;

/**
 * Fetches one optional file into `cache`, with the logo a clinic.json names
 * (so that the clinic's brand shows offline too); absent (404) removes it.
 */
async function refresh(cache, url) {
  const response = await fetch(url, { cache: 'no-cache' });
  if (response.ok) {
    await cache.put(url, response.clone());
    const logo = logoOf(await response.clone().json().catch(() => null));
    if (logo) await cache.add(new Request(logo, { cache: 'no-cache' })).catch(() => null);
  } else if (response.status === 404) {
    await cache.delete(url);
  }
  return response;
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const hashed = new Set(HASHED);
      await cache.addAll(
        PRECACHE.map((path) => new Request(absolute(path), { cache: hashed.has(path) ? 'default' : 'no-cache' })),
      );
      await Promise.all(OPTIONAL_URLS.map((url) => refresh(cache, url).catch(() => null)));
      // An update (a version is in charge already): the pages may offer it.
      if (self.registration.active) {
        const pages = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
        for (const page of pages) page.postMessage('update-ready');
      }
    })(),
  );
});

self.addEventListener('message', (event) => {
  const { waiting, installing } = self.registration;
  const next = waiting ?? installing;
  if (event.data === 'ask' && waiting) event.source.postMessage('update-ready');
  else if (event.data === 'update' && next) next.postMessage('skip-waiting');
  else if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith('microcare-') && key !== CACHE) await caches.delete(key);
      }
      // Serve the pages already open too: on a first visit, the FAQ opened
      // after the signal dropped still loads. (After an update they reload.)
      await self.clients.claim();
    })(),
  );
});

async function respond(request) {
  const cache = await caches.open(CACHE);
  const url = request.url.split('#')[0];
  // A link to the app may carry a query (a clinic's campaign tag): same page.
  const page = url.split('?')[0];
  if (request.mode === 'navigate' && (page === PAGE || page === absolute('index.html'))) {
    const cached = await cache.match(PAGE);
    if (cached) return cached;
  }
  if (OPTIONAL_URLS.includes(url)) {
    const cached = await cache.match(url);
    const fresh = refresh(cache, url);
    if (cached) {
      fresh.catch(() => null);
      return cached;
    }
    // Not cached and no network: answer as a host without the file would.
    return fresh.catch(() => new Response('', { status: 404, statusText: 'Not Found' }));
  }
  return (await cache.match(request)) ?? fetch(request);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method === 'GET' && request.url.startsWith(SCOPE.href)) {
    event.respondWith(respond(request));
  }
});
