// Boot of pages without an entry module of their own (library, error and
// offline pages): the behaviours each data-module="name" needs, loaded at
// once (the page preloads them, <link rel="modulepreload">), then run by
// boot.js. The reader and the embedded player have entries that import theirs
// statically (reader-page.js, embed-page.js), served as one file each
// (app/web/bundle.py), so they are ready with the document.
import { boot } from "./boot.js";

const MODULES = {
  filter: ["./filter.js"],
  saved: ["./saved.js"],
};

const names = new Set([...document.querySelectorAll("[data-module]")].map((el) => el.dataset.module));
const registry = {};
await Promise.all([...names].map(async (name) => {
  registry[name] = await Promise.all((MODULES[name] || []).map((p) => import(p).catch((err) => err)));
}));
boot(registry);
