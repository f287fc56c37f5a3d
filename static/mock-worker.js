/**
 * The mock TelenorID+'s service worker, as registered by src/mocks/browser.ts: MSW's own worker
 * (./mockServiceWorker.js, written by `msw init`, never edited) behind a gate, so that only
 * requests to the mock issuer reach it. Everything else — the portal's pages and chunks, and above
 * all the login window's and the hidden frame's round-trip pages (mock authorize, callback), which
 * sit in the worker's scope — goes to the network (the HTTP cache) as if no worker were there,
 * instead of a trip through MSW's passthrough `fetch` on the worker's one thread (issue #19:
 * ~5 ms per request, and the round-trip pages load their scripts in parallel).
 *
 * Two layers: where the browser has service-worker static routing (Chromium 123+), such requests
 * never start or wake the worker; elsewhere the first fetch listener (this one, added before MSW's)
 * stops the event before MSW sees it and does not answer it, so the browser fetches it itself.
 * tests/unit/mock-worker.test.ts checks the origin below against the catalogue's mock issuer.
 */
const mockOrigin = 'https://mock.telenorid.invalid';
// As a dictionary, every part not named (port, path, query, hash) is a wildcard.
const mockHost = { protocol: 'https', hostname: new URL(mockOrigin).hostname };

self.addEventListener('install', (event) => {
  if (typeof event.addRoutes !== 'function' || typeof URLPattern !== 'function') return;
  event.waitUntil(
    event
      .addRoutes([
        { condition: { urlPattern: new URLPattern(mockHost) }, source: 'fetch-event' },
        { condition: { urlPattern: new URLPattern({}) }, source: 'network' },
      ])
      // Rules this browser does not know: the fetch listener below does the same, a little later.
      .catch(() => undefined),
  );
});

self.addEventListener('fetch', (event) => {
  if (!event.request.url.startsWith(`${mockOrigin}/`)) event.stopImmediatePropagation();
});

self.importScripts('./mockServiceWorker.js');
