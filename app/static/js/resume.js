// Remembers the position per article and offers it on return:
// "Fortsetzen bei 4:12?" [Fortsetzen] [Von vorn].
import { T } from "./strings.js";
import { mmss } from "./format.js";
import { load, save, remove } from "./storage.js";
import { announce } from "./announce.js";

const MIN_MS = 5000; // positions this close to the start are not worth offering
const SAVE_EVERY_MS = 3000;

export function init(region, ctx) {
  const { player, tl } = ctx;
  const key = `pos:${tl.slug}`;
  const box = region.querySelector(".p-resume");
  const text = region.querySelector(".p-resume-t");
  let lastSave = 0;

  function store() {
    const g = Math.round(player.globalMs());
    if (g < MIN_MS || g >= tl.duration - 1000) remove(key);
    else save(key, { ms: g, at: Date.now() });
    lastSave = performance.now();
  }

  const saved = load(key, null);
  if (saved && saved.ms >= MIN_MS && saved.ms < tl.duration) {
    text.textContent = T.resumeAt(mmss(saved.ms));
    box.hidden = false;
    player.seekGlobal(saved.ms, { play: false });
    const close = () => {
      box.hidden = true;
      region.querySelector(".p-play").focus();
    };
    box.querySelector('[data-act="resume"]').addEventListener("click", () => {
      close();
      announce(T.resumed(mmss(saved.ms)));
      ctx.follow?.resume();
      player.seekGlobal(saved.ms, { play: true, user: true });
    });
    box.querySelector('[data-act="restart"]').addEventListener("click", () => {
      close();
      player.go(0, 0, { play: true, user: true });
    });
    player.addEventListener("state", () => {
      if (player.playing) box.hidden = true;
    });
  }

  player.audio.addEventListener("timeupdate", () => {
    if (performance.now() - lastSave > SAVE_EVERY_MS) store();
  });
  player.addEventListener("seek", () => {
    if (!player.pending) store();
  });
  player.audio.addEventListener("pause", store);
  addEventListener("pagehide", store);
}
