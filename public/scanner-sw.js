// Service worker for the check-in scanner: lets an open scanner page be reloaded without a network
// (phones discard background tabs; venues lose Wi-Fi). It only touches the scanner pages and the
// build's immutable /assets; everything else goes to the network untouched.
// Scanner pages: network first (fresh credential and revoked list), the last copy when offline.
// Assets: cache first (their names change with every build).
const CACHE = "hoinghi-scanner-v1";
const SCANNER_PAGE = /^\/conferences\/[^/]+\/checkin\/[^/]+$/;

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

// The page lists what it was built from (it loaded before this worker controlled it).
self.addEventListener("message", (event) => {
  const data = event.data;
  // The page's credential stopped working (logout elsewhere, expiry, role change): drop the cached pages
  // that embed it. Assets stay.
  if (data && data.type === "scanner-forget") {
    event.waitUntil(
      caches.open(CACHE).then(async (cache) => {
        for (const req of await cache.keys()) if (SCANNER_PAGE.test(new URL(req.url).pathname)) await cache.delete(req);
      }),
    );
    return;
  }
  if (!data || data.type !== "scanner-cache" || !Array.isArray(data.urls)) return;
  const urls = data.urls.filter((u) => typeof u === "string" && isCacheable(new URL(u, self.location.origin)));
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      Promise.all(
        urls.map((u) =>
          fetch(u, { credentials: "same-origin" })
            .then((res) => (res.ok ? cache.put(stripSearch(u), res) : undefined))
            .catch(() => undefined),
        ),
      ),
    ),
  );
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET") return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/assets/")) event.respondWith(cacheFirst(req));
  else if (req.mode === "navigate" && SCANNER_PAGE.test(url.pathname)) event.respondWith(networkFirst(req));
});

function isCacheable(url) {
  return url.origin === self.location.origin && (url.pathname.startsWith("/assets/") || SCANNER_PAGE.test(url.pathname));
}

function stripSearch(u) {
  const url = new URL(u, self.location.origin);
  return url.pathname.startsWith("/assets/") ? url.origin + url.pathname : url.href;
}

async function cacheFirst(req) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(stripSearch(req.url));
  if (hit) return hit;
  const res = await fetch(req);
  if (res.ok) cache.put(stripSearch(req.url), res.clone());
  return res;
}

async function networkFirst(req) {
  const cache = await caches.open(CACHE);
  try {
    const res = await fetch(req);
    if (res.ok) cache.put(req.url, res.clone());
    return res;
  } catch (error) {
    const hit = await cache.match(req.url);
    if (hit) return hit;
    throw error;
  }
}
