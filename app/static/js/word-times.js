// Word times per section, fetched when the section is needed: the current
// one at once, the next one whenever a section starts, the rest when the
// browser is idle. Until they arrive the sentence is marked, the word not yet.
// The files (vorleser-zeiten/1) are derived from the manifest by the server.

// Word times of a timing document onto the section's sentences; the sentences
// themselves too when the page has none (the embedded player).
export function addTimes(section, doc) {
  const byId = new Map(section.sentences.map((s) => [s.id, s]));
  const fresh = section.sentences.length === 0;
  for (const x of doc.sentences) {
    let s = byId.get(x.id);
    if (!s) {
      if (!fresh) continue;
      s = { id: x.id, el: null, text: x.text, begin: x.begin_ms, end: x.end_ms };
      section.sentences.push(s);
    }
    s.words = x.words.map(([start, end, begin, stop]) => ({ start, end, begin_ms: begin, end_ms: stop }));
    s.wordBegins = s.words.map((w) => w.begin_ms);
    s.u16 = null;
  }
  if (fresh) section.begins = section.sentences.map((s) => s.begin);
  section.timed = true;
}

const pending = new WeakMap();

/** Resolves with the section once its times are there (fetched at most once at a time). */
export function loadTimes(section) {
  if (!section || section.timed || !section.timesUrl) return Promise.resolve(section);
  if (!pending.has(section)) {
    const p = fetch(section.timesUrl)
      .then((r) => {
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        return r.json();
      })
      .then((doc) => {
        addTimes(section, doc);
        return section;
      })
      .finally(() => pending.delete(section));
    pending.set(section, p);
  }
  return pending.get(section);
}

export function init(body, ctx) {
  const { player, tl } = ctx;
  const need = (si) => {
    const section = tl.sections[si];
    if (!section || section.timed) return;
    loadTimes(section)
      .then(() => {
        if (si === player.si) ctx.sync?.update();
      })
      .catch((err) => console.warn(`vorleser: word times of section ${si + 1}`, err));
  };
  player.addEventListener("section", () => {
    need(player.si);
    need(player.si + 1);
  });
  need(player.si);
  const idle = globalThis.requestIdleCallback || ((fn) => setTimeout(fn, 300));
  const rest = () => idle(() => tl.sections.forEach((_, si) => need(si)));
  if (document.readyState === "complete") rest();
  else addEventListener("load", rest, { once: true });
}
