// Click a sentence (or press Enter on a focusable one) to play from it;
// the "Abschnitt abspielen" buttons play a whole section.
import { announce } from "./announce.js";
import { T } from "./strings.js";

export function init(body, ctx) {
  const { player, tl } = ctx;
  const where = new Map();
  tl.sections.forEach((section, si) => {
    section.sentences.forEach((s, k) => where.set(s.id, [si, k]));
  });

  function playFrom(el) {
    const pos = where.get(el.id);
    if (!pos) return;
    if (pos[0] !== player.si) announce(T.section(tl.sections[pos[0]].heading));
    ctx.follow?.resume();
    player.playSentence(pos[0], pos[1], true);
  }

  const article = document.querySelector("main article");
  article.addEventListener("click", (ev) => {
    const button = ev.target.closest("[data-play-section]");
    if (button) {
      const si = Number(button.dataset.playSection);
      announce(T.section(tl.sections[si].heading));
      ctx.follow?.resume();
      player.go(si, 0, { play: true, user: true });
      return;
    }
    const s = ev.target.closest(".s");
    if (!s || ev.target.closest("a, button, audio, input")) return;
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed) return; // the reader is selecting text
    playFrom(s);
  });
  article.addEventListener("keydown", (ev) => {
    if (ev.key !== "Enter" || ev.altKey || ev.ctrlKey || ev.metaKey) return;
    const s = ev.target.closest?.(".s");
    if (s && s === ev.target) {
      ev.preventDefault();
      playFrom(s);
    }
  });
  for (const b of document.querySelectorAll("[data-play-section]")) b.hidden = false;
  ctx.playFrom = playFrom;
}

/** Make sentences tab stops (setting "Sätze fokussierbar"). */
export function setFocusable(on) {
  for (const s of document.querySelectorAll("main .s")) {
    if (on) s.tabIndex = 0;
    else s.removeAttribute("tabindex");
  }
}
