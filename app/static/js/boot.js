// Runs a page's behaviours: every element with data-module="name" gets the
// modules registered for that name, in document order, each in its own
// try/catch so one failure leaves the rest (and the no-JS page underneath)
// working. The first module of "reader" and "embed" builds the player; if it
// fails, the page keeps its native audio (html.no-player). When all ran,
// html gets the class "js": the player is ready.
const PLAYERS = new Set(["reader", "embed"]);

export function boot(registry) {
  const root = document.documentElement;
  let ctx = {};
  for (const el of document.querySelectorAll("[data-module]")) {
    const name = el.dataset.module;
    const player = PLAYERS.has(name);
    for (const [i, mod] of (registry[name] || []).entries()) {
      try {
        if (mod instanceof Error) throw mod;
        const result = mod.init(el, ctx);
        if (player && i === 0) ctx = result;
      } catch (err) {
        console.error(`vorleser: behaviour ${i + 1} of "${name}" failed`, err);
        if (player && i === 0) break;
      }
    }
    if (player && !ctx?.player) {
      root.classList.add("no-player"); // CSS gives the reserved space back to the native controls
      return;
    }
  }
  root.classList.add("js");
  for (const el of document.querySelectorAll("[data-js-only]")) el.hidden = false;
  performance.mark?.("vorleser:ready");
}
