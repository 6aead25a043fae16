// Names of the offline copies in the Cache API (js/sw.js follows the same rules):
// one cache per saved article and build, "vorleser:<page URL>@<build>", complete
// once it holds the META entry (written last); the library page, its files and
// the offline page live in "vorleser:library".
export const PREFIX = "vorleser:";
export const LIBRARY = "vorleser:library";
export const META = new URL("/.vorleser-offline.json", location.origin).href;

/** The URL a page is saved under: no fragment, no query. */
export function pageKey(url) {
  const u = new URL(url, location.href);
  u.hash = "";
  u.search = "";
  return u.href;
}

const prefixOf = (page) => `${PREFIX}${pageKey(page)}@`;

export function cacheName(page, build) {
  return prefixOf(page) + build;
}

/** Every cache of this page's copies: [{name, meta}], meta null while incomplete. */
export async function copies(page) {
  const names = (await caches.keys()).filter((n) => n.startsWith(prefixOf(page)));
  return Promise.all(names.map(async (name) => {
    const hit = await (await caches.open(name)).match(META);
    return { name, meta: hit ? await hit.json() : null };
  }));
}

/** Page URLs with a complete copy. */
export async function savedPages() {
  const found = new Set();
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name === LIBRARY) continue;
    if (await (await caches.open(name)).match(META)) found.add(name.slice(PREFIX.length, name.lastIndexOf("@")));
  }
  return found;
}

export function supported() {
  return "serviceWorker" in navigator && "caches" in window && window.isSecureContext;
}
