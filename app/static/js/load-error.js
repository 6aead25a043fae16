// When a section's MP3 cannot be loaded: a visible message in the player
// bar, one polite announcement, and "Erneut versuchen".
import { T } from "./strings.js";
import { announce } from "./announce.js";

export function init(region, ctx) {
  const { player } = ctx;
  const box = region.querySelector(".p-error");
  const text = box.querySelector(".p-error-t");
  const retry = box.querySelector('[data-act="retry"]');
  let failed = null;

  player.addEventListener("error", (ev) => {
    failed = ev.detail;
    const message = T.loadError(player.section.heading, navigator.onLine === false);
    text.textContent = message;
    box.hidden = false;
    announce(message);
  });
  player.addEventListener("loaded", () => {
    if (!failed) return;
    failed = null;
    const hadFocus = box.contains(document.activeElement);
    box.hidden = true;
    if (hadFocus) region.querySelector(".p-play").focus(); // focus must not fall back to <body>
  });
  retry.addEventListener("click", () => {
    if (!failed) return;
    const { si, ms } = failed;
    text.textContent = T.retrying;
    ctx.follow?.resume();
    player.go(si, ms, { play: true, user: true, reload: true });
  });
}
