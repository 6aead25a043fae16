// Full-text search in the article; each hit is a button that plays from
// that sentence.
import { T } from "./strings.js";
import { announce } from "./announce.js";

const MAX_HITS = 50;
const CONTEXT = 40;

const fold = (s) => s.toLocaleLowerCase("de");

function excerpt(text, at, len) {
  const from = Math.max(0, at - CONTEXT);
  const to = Math.min(text.length, at + len + CONTEXT);
  const frag = document.createDocumentFragment();
  frag.append((from > 0 ? "…" : "") + text.slice(from, at));
  const mark = document.createElement("mark");
  mark.textContent = text.slice(at, at + len);
  frag.append(mark, text.slice(at + len, to) + (to < text.length ? "…" : ""));
  return frag;
}

export function init(box, ctx) {
  const { tl } = ctx;
  const form = box.querySelector("form");
  const input = box.querySelector("input");
  const count = box.querySelector(".search-n");
  const list = box.querySelector(".hits");

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const query = fold(input.value.trim());
    list.replaceChildren();
    if (!query) {
      count.hidden = true;
      return;
    }
    let n = 0;
    for (const section of tl.sections) {
      for (const s of section.sentences) {
        const at = fold(s.text).indexOf(query);
        if (at < 0) continue;
        n += 1;
        if (n > MAX_HITS) continue;
        const b = document.createElement("button");
        b.type = "button";
        b.className = "hit";
        b.dataset.sentence = s.id;
        const where = document.createElement("span");
        where.className = "hit-sec";
        where.textContent = `${section.heading}: `;
        b.append(where, excerpt(s.text, at, query.length));
        const li = document.createElement("li");
        li.append(b);
        list.append(li);
      }
    }
    const msg = n > MAX_HITS ? T.hitsMax(n, MAX_HITS) : T.hits(n);
    count.textContent = msg;
    count.hidden = false;
    announce(msg);
  });
  list.addEventListener("click", (ev) => {
    const b = ev.target.closest("[data-sentence]");
    const el = b && document.getElementById(b.dataset.sentence);
    if (el) ctx.playFrom(el);
  });
  box.hidden = false;
}
