// Marks the sentence (aria-current) and word (visual only) heard now: a rAF
// loop while playing, at once on seeks. Only aria-current moves; nothing is announced.
//
// When in the frame: a rAF callback runs at the start of a frame, and
// audio.currentTime is frozen at that moment for the whole task, but what it
// draws is shown one frame later. Marking what is heard at the start of the
// frame makes every word late by 0 to 1 frame (p95 about 16 ms at 60 Hz);
// marking what is heard half a frame later (the frame interval as measured)
// makes it at most half a frame early or late. Paused or just seeked: the
// exact position.
import { sentenceAt, wordAt } from "./timeline.js";
import { mark } from "./words.js";

const FRAME_MS = 1000 / 60;

export function init(el, ctx) {
  const { player, tl } = ctx;
  let curSentence = null;
  let curData = null;
  let curWord = -2;
  let frame = 0;
  let frameMs = FRAME_MS; // running average of the frame interval
  let lastStamp = 0;

  function update(ahead = 0) {
    const section = player.section;
    const ms = player.localMs() + ahead;
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

  function loop(stamp) {
    const gap = stamp - lastStamp;
    if (lastStamp && gap > 4 && gap < 50) frameMs += (gap - frameMs) / 8;
    lastStamp = stamp;
    const running = !player.audio.paused && !player.pending;
    update(running ? (frameMs / 2) * player.audio.playbackRate : 0);
    frame = player.audio.paused ? 0 : requestAnimationFrame(loop);
  }

  function start() {
    if (!frame) {
      lastStamp = 0;
      frame = requestAnimationFrame(loop);
    }
  }

  player.audio.addEventListener("playing", start);
  player.audio.addEventListener("play", start);
  const now = () => update();
  player.addEventListener("seek", now);
  player.addEventListener("section", now);
  player.audio.addEventListener("pause", now);
  ctx.sync = { update: now };
  now();
  return tl;
}
