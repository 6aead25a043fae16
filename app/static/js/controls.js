// The player bar: transport buttons, seek slider, time, section name, speed.
import { T } from "./strings.js";
import { mmss } from "./format.js";
import { announce } from "./announce.js";
import { saveSetting } from "./storage.js";

const QUIET_MS = 10000;

export const RATES = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 2.25, 2.5, 2.75, 3];

/** Actions shared by buttons, shortcuts and the Media Session. */
export function actions(ctx) {
  const { player, tl } = ctx;
  const sectionNote = () => announce(T.section(player.section.heading));
  const setRate = (r) => {
    player.setRate(r);
    saveSetting("rate", player.rate);
    announce(T.rate(player.rate));
  };
  const step = (dir) => {
    const i = RATES.findIndex((r) => r >= player.rate - 1e-6);
    setRate(RATES[Math.max(0, Math.min(RATES.length - 1, (i < 0 ? 2 : i) + dir))]);
  };
  return {
    toggle: () => {
      announce(player.playing ? T.paused : T.playing);
      if (!player.playing) ctx.follow?.resume();
      return player.toggle();
    },
    play: () => { announce(T.playing); return player.play(); },
    pause: () => { announce(T.paused); return player.pause(); },
    nextSentence: () => player.nextSentence(),
    prevSentence: () => player.prevSentence(),
    nextSection: () => {
      if (player.si + 1 >= tl.sections.length) return;
      player.nextSection();
      sectionNote();
    },
    prevSection: () => { player.prevSection(); sectionNote(); },
    back: () => player.skip(-10000),
    forward: () => player.skip(10000),
    faster: () => step(1),
    slower: () => step(-1),
    setRate,
    current: () => ctx.follow?.jump(),
    focusPlayer: () => ctx.region.querySelector(".p-play").focus(),
    keys: () => ctx.openKeys?.(),
  };
}

export function init(region, ctx) {
  const { player, tl } = ctx;
  const act = actions(ctx);
  ctx.actions = act;
  const q = (sel) => region.querySelector(sel);
  const playBtn = q(".p-play");
  const seek = q(".p-seek");
  const time = q(".p-time");
  const name = q(".p-sec");
  const rate = q(".p-rate");
  const total = mmss(tl.duration);
  let dragging = false;
  let spokenAt = -Infinity;

  region.addEventListener("click", (ev) => {
    const b = ev.target.closest("[data-act]");
    if (b && act[b.dataset.act]) act[b.dataset.act]();
  });

  function showState() {
    const playing = player.playing;
    playBtn.querySelector(".lbl").textContent = playing ? T.pause : T.play;
    playBtn.querySelector("use").setAttribute("href", playing ? "#i-pause" : "#i-play");
    region.classList.toggle("is-playing", playing);
  }

  // Screen readers speak every value change of the focused slider: while it
  // has focus, playback moves it only every QUIET_MS; seeks show at once.
  function showTime(force) {
    const g = player.globalMs();
    const now = mmss(g);
    const label = T.timeSlash(now, total);
    if (time.textContent !== label) time.textContent = label;
    const t = performance.now();
    if (dragging || (document.activeElement === seek && !force && t - spokenAt < QUIET_MS)) return;
    const text = T.timeOf(now, total);
    if (seek.getAttribute("aria-valuetext") === text) return;
    seek.value = String(Math.floor(g / 1000));
    seek.setAttribute("aria-valuetext", text);
    spokenAt = t;
  }

  function showSection() {
    name.textContent = T.sectionOf(player.si + 1, tl.sections.length, player.section.heading);
  }

  function showRate() {
    rate.value = String(player.rate);
    if (rate.value === "") rate.value = "1";
  }

  seek.addEventListener("input", () => {
    dragging = true;
    const ms = Number(seek.value) * 1000;
    seek.setAttribute("aria-valuetext", T.timeOf(mmss(ms), total));
    time.textContent = T.timeSlash(mmss(ms), total);
  });
  seek.addEventListener("change", () => {
    dragging = false;
    ctx.follow?.resume();
    player.seekGlobal(Number(seek.value) * 1000, { user: true });
  });
  rate.addEventListener("change", () => act.setRate(Number(rate.value)));

  player.addEventListener("state", showState);
  player.addEventListener("seek", () => showTime(true));
  player.addEventListener("section", showSection);
  player.addEventListener("rate", showRate);
  player.audio.addEventListener("timeupdate", () => showTime(false));

  region.hidden = false;
  // A bar taller than 40 % of the window joins the page flow (.p-flow, also
  // for 400 % zoom); a fixed bar pads the page by its height. The height comes
  // from the ResizeObserver, after layout: reading it now would force one.
  // --player-h is set only where CSS reads it, and only when it changes.
  const root = document.documentElement;
  const users = [root, document.body, ...document.querySelectorAll(".toc-w")];
  let barHeight = 0;
  let shown = "";
  const pad = () => {
    const flow = innerHeight < 512 || barHeight > innerHeight * 0.4;
    root.classList.toggle("p-flow", flow);
    const value = `${flow ? 0 : barHeight}px`;
    if (value === shown) return;
    shown = value;
    for (const el of users) el.style.setProperty("--player-h", value);
  };
  new ResizeObserver(([entry]) => {
    barHeight = entry.borderBoxSize?.[0]?.blockSize ?? region.offsetHeight;
    pad();
  }).observe(region);
  addEventListener("resize", pad);
  showState();
  showTime(true);
  showSection();
  showRate();
}
