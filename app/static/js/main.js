// Boot: every element with data-module="name" gets the behaviours listed
// below. Each behaviour runs in its own try/catch so one failure leaves the
// rest (and the no-JS page underneath) working.
const MODULES = {
  reader: ["./reader.js", "./sync.js", "./sentences.js", "./follow.js", "./media-session.js"],
  player: ["./controls.js", "./settings.js", "./resume.js", "./keys-dialog.js", "./shortcuts.js"],
  search: ["./search.js"],
  filter: ["./filter.js"],
};

async function start() {
  const root = document.documentElement;
  let ctx = {};
  for (const el of document.querySelectorAll("[data-module]")) {
    const paths = MODULES[el.dataset.module] || [];
    const mods = await Promise.all(paths.map((p) => import(p).catch((err) => err)));
    for (let i = 0; i < mods.length; i++) {
      const mod = mods[i];
      try {
        if (mod instanceof Error) throw mod;
        const result = await mod.init(el, ctx);
        if (paths[i] === "./reader.js") ctx = result;
      } catch (err) {
        console.error(`vorleser: module ${paths[i]} failed`, err);
        if (paths[i] === "./reader.js") break; // no player: keep the native audio
      }
    }
    if (el.dataset.module === "reader" && !ctx.player) return;
  }
  root.classList.add("js");
  for (const el of document.querySelectorAll("[data-js-only]")) el.hidden = false;
}

start();
