// "Für offline speichern": saves this article (the page, its CSS and JS, the
// manifest, the word times and every section MP3) into the Cache API, with
// progress and size from the MP3 sizes in the page; the service worker
// (/sw.js) answers from the copy when the network is gone. A new build is
// saved over the old copy on the next online visit, and the page says so once.
import { T } from "./strings.js";
import { sizeLabel } from "./format.js";
import { announce } from "./announce.js";
import { LIBRARY, META, cacheName, copies, pageKey, supported } from "./offline-store.js";

const abs = (url) => new URL(url, location.href).href;

/** What a copy of this page consists of. */
function inventory(box) {
  const statics = [...document.querySelectorAll(
    'link[rel="stylesheet"], link[rel="modulepreload"], link[rel="manifest"], script[src]')]
    .map((el) => abs(el.getAttribute("href") || el.getAttribute("src")));
  const sections = [...document.querySelectorAll("[data-sec]")].map((block) => ({
    url: abs(block.querySelector("audio.native").getAttribute("src")),
    times: abs(block.dataset.words),
  }));
  return {
    page: pageKey(location.href),
    build: document.body.dataset.build,
    small: [abs(document.body.dataset.manifest), ...statics],
    sections,
    total: Number(box.dataset.total) || 0,
    library: abs(box.dataset.library),
    offlinePage: abs(box.dataset.offlinePage),
    sw: abs(box.dataset.sw),
  };
}

async function fetchOk(url) {
  const res = await fetch(url, { cache: "no-cache" });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res;
}

async function store(cache, url) {
  await cache.put(url, await fetchOk(url));
}

/** Fetch an MP3 and store it, reporting the bytes received so far. */
async function storeCounting(cache, url, onBytes) {
  const res = await fetchOk(url);
  const reader = res.body.getReader();
  const parts = [];
  let got = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    got += value.length;
    onBytes(got);
  }
  const headers = { "Content-Type": res.headers.get("Content-Type") || "audio/mpeg", "Content-Length": String(got) };
  await cache.put(url, new Response(new Blob(parts), { headers }));
  return got;
}

/** The library page (with its own modules) and the offline page, for when the network is gone. */
async function storeShell(inv) {
  const cache = await caches.open(LIBRARY);
  const html = await (await fetchOk(inv.library)).clone().text();
  const doc = new DOMParser().parseFromString(html, "text/html");
  const files = [...doc.querySelectorAll('link[rel="stylesheet"], link[rel="modulepreload"], script[src]')]
    .map((el) => new URL(el.getAttribute("href") || el.getAttribute("src"), inv.library).href);
  await Promise.all([inv.library, inv.offlinePage, ...new Set(files)].map((url) => store(cache, url)));
}

export function init(box, ctx) {
  if (!supported()) return;
  const inv = inventory(box);
  const text = box.querySelector(".off-state");
  const bar = box.querySelector(".off-p");
  const saveBtn = box.querySelector('[data-act="save"]');
  const removeBtn = box.querySelector('[data-act="remove"]');
  let busy = false;

  function show(message, { progress = null, saved = false } = {}) {
    text.textContent = message;
    text.hidden = !message;
    bar.hidden = progress === null;
    if (progress !== null) bar.value = progress;
    const moveFocus = document.activeElement === (saved ? saveBtn : removeBtn);
    saveBtn.hidden = saved;
    removeBtn.hidden = !saved;
    if (moveFocus) (saved ? removeBtn : saveBtn).focus(); // focus must not fall back to <body>
  }

  async function save(updating) {
    busy = true;
    saveBtn.setAttribute("aria-disabled", "true");
    const name = cacheName(inv.page, inv.build);
    const total = sizeLabel(inv.total);
    let before = [];
    show(updating ? T.offUpdating : T.offSaving(sizeLabel(0), total), { progress: 0, saved: updating });
    try {
      before = (await copies(inv.page)).filter((c) => c.meta);
      const old = before.find((c) => c.meta.build !== inv.build) || null;
      const registering = navigator.serviceWorker.register(inv.sw);
      registering.catch(() => {}); // awaited below; this only keeps it from counting as unhandled
      const cache = await caches.open(name);
      await Promise.all(inv.small.concat(inv.page).map((url) => store(cache, url)));
      // Each section's timing file also tells its MP3's size and hash: unchanged MP3s are kept.
      const hashes = {};
      await Promise.all(inv.sections.map(async (s) => {
        const res = await fetchOk(s.times);
        const doc = await res.clone().json();
        hashes[s.url] = doc.hash || `${doc.bytes}`;
        await cache.put(s.times, res);
      }));
      const oldCache = old ? await caches.open(old.name) : null;
      let done = 0;
      for (const s of inv.sections) {
        const kept = oldCache && old.meta.hashes?.[s.url] === hashes[s.url] ? await oldCache.match(s.url) : null;
        let got = 0;
        if (kept) {
          await cache.put(s.url, kept.clone());
          got = (await kept.blob()).size;
        } else {
          got = await storeCounting(cache, s.url, (n) => {
            bar.value = done + n;
            if (!updating) text.textContent = T.offSaving(sizeLabel(done + n), total);
          });
        }
        done += got;
        bar.value = done;
      }
      await storeShell(inv);
      await cache.put(META, new Response(JSON.stringify({
        build: inv.build, bytes: inv.total, hashes, saved: new Date().toISOString(),
      }), { headers: { "Content-Type": "application/json" } }));
      for (const c of await copies(inv.page)) if (c.name !== name) await caches.delete(c.name);
      await registering;
      await navigator.serviceWorker.ready;
      const message = updating ? T.offUpdated(total) : T.offSaved(total);
      show(message, { saved: true });
      announce(message);
    } catch (err) {
      console.warn("vorleser: saving for offline failed", err);
      await caches.delete(name);
      show(T.offFailed, { saved: before.length > 0 });
      announce(T.offFailed);
    } finally {
      busy = false;
      saveBtn.removeAttribute("aria-disabled");
    }
  }

  async function removeCopy() {
    busy = true;
    try {
      for (const c of await copies(inv.page)) await caches.delete(c.name);
      const left = (await caches.keys()).some((n) => n.startsWith("vorleser:") && n !== LIBRARY);
      if (!left) { // nothing saved any more: the library copy and the worker go too
        await caches.delete(LIBRARY);
        const reg = await navigator.serviceWorker.getRegistration(inv.sw);
        await reg?.unregister();
      }
      show(T.offRemoved, { saved: false });
      announce(T.offRemoved);
    } catch (err) {
      console.warn("vorleser: removing the offline copy failed", err);
    } finally {
      busy = false;
    }
  }

  saveBtn.addEventListener("click", () => { if (!busy) save(false); });
  removeBtn.addEventListener("click", () => { if (!busy) removeCopy(); });
  box.hidden = false;

  copies(inv.page).then((found) => {
    const complete = found.filter((c) => c.meta);
    if (!complete.length) return;
    const current = complete.find((c) => c.meta.build === inv.build);
    if (current) {
      show(T.offSaved(sizeLabel(current.meta.bytes)), { saved: true });
      navigator.serviceWorker.register(inv.sw) // keeps the worker up to date
        .catch((err) => console.warn("vorleser: service worker", err));
    } else if (navigator.onLine !== false) {
      save(true); // a new build since the copy was saved: update it, and say so once
    }
  }).catch((err) => console.warn("vorleser: offline copies", err));
}
