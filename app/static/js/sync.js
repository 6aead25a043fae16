// Marks the sentence (aria-current) and word (visual only) heard now: a rAF
// loop while playing, at once on seeks. Only aria-current moves; nothing is announced.
import { sentenceAt, wordAt } from "./timeline.js";
import { mark } from "./words.js";

export function init(el, ctx) {
  const { player, tl } = ctx;
  let curSentence = null;
  let curData = null;
  let curWord = -2;
  let frame = 0;

  function update() {
    const section = player.section;
    const ms = player.localMs();
    const sentence = section.sentences[sentenceAt(section, ms)];
    const sEl = sentence ? sentence.el : null;
    if (sEl !== curSentence) {
      if (curSentence) curSentence.removeAttribute("aria-current");
      if (sEl) sEl.setAttribute("aria-current", "true");
      curSentence = sEl;
      player.emit("sentence", { el: sEl, sentence });
    }
    const k = sentence ? wordAt(sentence, ms) : -1;
    if (k !== curWord || sentence !== curData) mark(sentence, k);
    curWord = k;
    curData = sentence;
  }

  function loop() {
    update();
    frame = player.audio.paused ? 0 : requestAnimationFrame(loop);
  }

  function start() {
    if (!frame) frame = requestAnimationFrame(loop);
  }

  player.audio.addEventListener("playing", start);
  player.audio.addEventListener("play", start);
  player.addEventListener("seek", update);
  player.addEventListener("section", update);
  player.audio.addEventListener("pause", update);
  ctx.sync = { update };
  update();
  return tl;
}
