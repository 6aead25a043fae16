// The embeddable player (/artikel/<slug>/einbetten): play/pause, 10 s back and
// forward, position, speed, the sections as a list, and the sentence heard now
// as text (not a live region: it changes while playing). The reader's player
// core plays the section MP3s; each section's sentences come with its times.
import { T } from "./strings.js";
import { mmss } from "./format.js";
import { buildTimeline, sentenceAt } from "./timeline.js";
import { Player } from "./player-core.js";
import { loadTimes } from "./word-times.js";

export function init(body) {
  const tl = buildTimeline(document);
  const audio = document.createElement("audio");
  audio.preload = "metadata";
  audio.className = "e-audio";
  body.append(audio);
  const player = new Player(audio, tl);
  const q = (sel) => body.querySelector(sel);
  const playBtn = q(".e-play");
  const seek = q(".e-seek");
  const time = q(".e-time");
  const rate = q(".e-rate");
  const now = q(".e-now");
  const buttons = [...body.querySelectorAll(".e-sec")];
  const total = mmss(tl.duration);
  let shown = null;
  let dragging = false;

  const acts = {
    toggle: () => player.toggle(),
    back: () => player.skip(-10000),
    forward: () => player.skip(10000),
  };
  body.addEventListener("click", (ev) => {
    const b = ev.target.closest("[data-act]");
    if (b && acts[b.dataset.act]) acts[b.dataset.act]();
    const sec = ev.target.closest(".e-sec");
    if (sec) player.go(buttons.indexOf(sec), 0, { play: true, user: true });
  });

  // Until the first play or seek the teaser stays (nothing moves while the page loads).
  let started = false;
  function showSentence() {
    const section = player.section;
    if (!started || !section.sentences.length) return;
    const s = section.sentences[sentenceAt(section, player.localMs())];
    if (!s || s === shown) return;
    shown = s;
    const label = document.createElement("span");
    label.className = "vh";
    label.textContent = `${T.embedNow} `;
    now.replaceChildren(label, s.text);
  }

  function showTime() {
    const g = player.globalMs();
    time.textContent = T.timeSlash(mmss(g), total);
    if (dragging || document.activeElement === seek) return;
    seek.value = String(Math.floor(g / 1000));
    seek.setAttribute("aria-valuetext", T.timeOf(mmss(g), total));
  }

  function showSection() {
    buttons.forEach((b, i) => {
      if (i === player.si) b.setAttribute("aria-current", "true");
      else b.removeAttribute("aria-current");
    });
    loadTimes(player.section).then(showSentence).catch((err) => console.warn("vorleser: times", err));
  }

  seek.addEventListener("input", () => {
    dragging = true;
    seek.setAttribute("aria-valuetext", T.timeOf(mmss(Number(seek.value) * 1000), total));
  });
  seek.addEventListener("change", () => {
    dragging = false;
    started = true;
    player.seekGlobal(Number(seek.value) * 1000, { user: true });
  });
  rate.addEventListener("change", () => player.setRate(Number(rate.value)));
  // A file that does not load: said in the one status line; "Abspielen" tries it again.
  const msg = q(".e-msg");
  player.addEventListener("error", () => {
    msg.textContent = `${T.loadError(player.section.heading, navigator.onLine === false)} ${T.embedRetry}`;
  });
  player.addEventListener("loaded", () => {
    msg.textContent = "";
  });
  player.addEventListener("state", () => {
    playBtn.textContent = player.playing ? T.pause : T.play;
    if (player.playing && !started) {
      started = true;
      showSentence();
    }
  });
  player.addEventListener("section", showSection);
  player.addEventListener("seek", () => {
    showTime();
    showSentence();
  });
  audio.addEventListener("timeupdate", () => {
    showTime();
    showSentence();
  });
  audio.src = tl.sections[0].url;
  player.loaded = 0;
  showSection();
  return { tl, player };
}
