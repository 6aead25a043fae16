// Vorleser's service worker, served at /sw.js so that its scope covers every page.
// It caches nothing by itself: the reader page saves an article (js/offline.js)
// into "vorleser:<page URL>@<build>" (complete once it holds META), the library
// and the offline page into "vorleser:library" (names as in js/offline-store.js).
// Every request goes to the network first, so online readers always get the
// current build; when the network fails, the saved copy answers, Range requests
// on MP3s with 206 from the cached file, so seeking works offline too. A page
// that was never saved gets the German offline page.
const PREFIX = "vorleser:";
const LIBRARY = "vorleser:library";
const META = new URL("/.vorleser-offline.json", self.location.origin).href;

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    await self.registration.navigationPreload?.enable();
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET" || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith(answer(event));
});

function pageKey(url) {
  const u = new URL(url);
  u.hash = "";
  u.search = "";
  return u.href;
}

async function answer(event) {
  const req = event.request;
  try {
    const preloaded = req.mode === "navigate" ? await event.preloadResponse : undefined;
    const res = preloaded || (await fetch(req));
    if (req.mode === "navigate" && res.ok) event.waitUntil(refreshLibrary(req, res.clone()));
    return res;
  } catch (err) {
    const saved = await fromCopies(event);
    if (saved) return saved;
    if (req.mode === "navigate") {
      const page = await offlinePage();
      if (page) return page;
    }
    throw err;
  }
}

/** The saved library page follows the live one while online. */
async function refreshLibrary(req, res) {
  if (!(await caches.has(LIBRARY))) return;
  const cache = await caches.open(LIBRARY);
  if (await cache.match(req, { ignoreSearch: true })) await cache.put(pageKey(req.url), res);
}

/** Complete copies, the requesting page's own first (its files belong together). */
async function candidates(event) {
  const names = (await caches.keys()).filter((n) => n.startsWith(PREFIX));
  let own = null;
  if (event.request.mode !== "navigate" && event.clientId) {
    const client = await self.clients.get(event.clientId);
    if (client) own = `${PREFIX}${pageKey(client.url)}@`;
  }
  names.sort((a, b) => Number(own !== null && b.startsWith(own)) - Number(own !== null && a.startsWith(own)));
  const out = [];
  for (const name of names) {
    const cache = await caches.open(name);
    if (name === LIBRARY || (await cache.match(META))) out.push(cache);
  }
  return out;
}

async function fromCopies(event) {
  const req = event.request;
  for (const cache of await candidates(event)) {
    const hit = await cache.match(req.url, { ignoreSearch: req.mode === "navigate", ignoreVary: true });
    if (!hit) continue;
    const range = req.headers.get("range");
    return range ? ranged(hit, range) : hit;
  }
  return null;
}

async function offlinePage() {
  if (!(await caches.has(LIBRARY))) return null;
  const hit = await (await caches.open(LIBRARY)).match(new URL("offline.html", self.registration.scope).href);
  return hit || null;
}

/** A byte range of a saved file: 206 with Content-Range (416 outside the file). */
async function ranged(response, header) {
  const blob = await response.blob();
  const size = blob.size;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === "" && m[2] === "")) return new Response(blob, { status: 200, headers: response.headers });
  let start;
  let end = size - 1;
  if (m[1] === "") start = Math.max(0, size - Number(m[2]));
  else {
    start = Number(m[1]);
    if (m[2] !== "") end = Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) {
    return new Response(null, { status: 416, headers: { "Content-Range": `bytes */${size}` } });
  }
  return new Response(blob.slice(start, end + 1), {
    status: 206,
    statusText: "Partial Content",
    headers: {
      "Content-Type": response.headers.get("Content-Type") || "audio/mpeg",
      "Content-Length": String(end - start + 1),
      "Content-Range": `bytes ${start}-${end}/${size}`,
      "Accept-Ranges": "bytes",
    },
  });
}
