// Auto-follow: keeps the current sentence in view while playing. When the
// reader scrolls away, following pauses and "Zur aktuellen Stelle" appears.
import { reducedMotion } from "./format.js";
import { settings } from "./storage.js";

const QUIET_MS = 900; // our own smooth scroll ends within this time

export function init(body, ctx) {
  const { player } = ctx;
  let enabled = settings().follow;
  let suspended = false;
  let ownScrollUntil = 0;
  let current = null;
  const button = () => document.querySelector('[data-act="follow"]');

  function visible(el) {
    const r = el.getBoundingClientRect();
    const bar = ctx.region && !ctx.region.hidden ? ctx.region.getBoundingClientRect().top : innerHeight;
    return r.bottom > 0 && r.top < Math.min(innerHeight, bar);
  }

  function comfortable(el) {
    const r = el.getBoundingClientRect();
    const bar = ctx.region && !ctx.region.hidden ? ctx.region.getBoundingClientRect().top : innerHeight;
    return r.top >= innerHeight * 0.1 && r.bottom <= Math.min(innerHeight, bar) - 16;
  }

  function show(el, force = false) {
    if (!el || (!force && comfortable(el))) return;
    ownScrollUntil = performance.now() + QUIET_MS;
    el.scrollIntoView({ block: "center", behavior: reducedMotion() ? "auto" : "smooth" });
  }

  function setSuspended(on) {
    suspended = on;
    const b = button();
    if (!b) return;
    const hide = !(on && enabled && current);
    // Focus must not fall back to <body>.
    if (hide && b === document.activeElement) ctx.region.querySelector(".p-play").focus();
    b.hidden = hide;
  }

  function onUserScroll() {
    if (!enabled || !current || performance.now() < ownScrollUntil) return;
    if (!suspended && !visible(current)) setSuspended(true);
  }

  player.addEventListener("sentence", (ev) => {
    current = ev.detail.el;
    if (!enabled || !current) return;
    if (suspended && visible(current)) setSuspended(false);
    if (!suspended && (player.playing || player.pending)) show(current);
  });
  addEventListener("scroll", onUserScroll, { passive: true });
  addEventListener("scrollend", () => {
    ownScrollUntil = Math.min(ownScrollUntil, performance.now() + 50);
  });

  ctx.follow = {
    resume() {
      setSuspended(false);
    },
    /** "Zur aktuellen Stelle": scroll there and move focus for keyboard users. */
    jump(focus = true) {
      setSuspended(false);
      if (!current) return;
      show(current, true);
      if (focus) {
        if (!current.hasAttribute("tabindex")) current.tabIndex = -1;
        current.focus({ preventScroll: true });
      }
    },
    setEnabled(on) {
      enabled = on;
      setSuspended(false);
    },
  };
}
