// Highlights the sentence (aria-current + class) and word (class only) that
// are heard now. A requestAnimationFrame loop reads audio.currentTime while
// playing; seeks and section changes update at once.
import { sentenceAt, wordAt } from "./timeline.js";
import { wrap, unwrap } from "./words.js";

export function init(el, ctx) {
  const { player, tl } = ctx;
  let curSentence = null;
  let curData = null;
  let wordEls = [];
  let curWord = null;
  let frame = 0;

  function update() {
    const section = player.section;
    const ms = player.localMs();
    const sentence = section.sentences[sentenceAt(section, ms)];
    const sEl = sentence ? sentence.el : null;
    if (sEl !== curSentence) {
      if (curSentence) {
        curSentence.removeAttribute("aria-current");
        curSentence.classList.remove("cur");
        unwrap(curData);
      }
      curWord = null;
      wordEls = [];
      if (sEl) {
        sEl.setAttribute("aria-current", "true");
        sEl.classList.add("cur");
        wordEls = wrap(sentence);
      }
      curSentence = sEl;
      curData = sentence;
      player.emit("sentence", { el: sEl, sentence });
    }
    const k = sentence ? wordAt(sentence, ms) : -1;
    const wEl = k >= 0 ? wordEls[k] || null : null;
    if (wEl !== curWord) {
      if (curWord) curWord.classList.remove("cur");
      if (wEl) wEl.classList.add("cur");
      curWord = wEl;
    }
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
