// Display and reading settings, remembered in localStorage:
// text size, theme (auto/light/dark/high contrast), follow, focusable sentences.
import { settings, saveSetting } from "./storage.js";
import { setFocusable } from "./sentences.js";

export function apply(name, value) {
  const root = document.documentElement;
  if (name === "size") root.dataset.size = value;
  if (name === "theme") {
    if (value === "auto") delete root.dataset.theme;
    else root.dataset.theme = value;
  }
  if (name === "focusable") setFocusable(value);
}

export function init(region, ctx) {
  const s = settings();
  const size = region.querySelector(".set-size");
  const theme = region.querySelector(".set-theme");
  const follow = region.querySelector(".set-follow");
  const focusable = region.querySelector(".set-focus");

  size.value = s.size;
  theme.value = s.theme;
  follow.checked = s.follow;
  focusable.checked = s.focusable;
  apply("size", size.value || "100");
  apply("theme", theme.value || "auto");
  apply("focusable", s.focusable);
  ctx.follow?.setEnabled(s.follow);

  size.addEventListener("change", () => {
    apply("size", size.value);
    saveSetting("size", size.value);
  });
  theme.addEventListener("change", () => {
    apply("theme", theme.value);
    saveSetting("theme", theme.value);
  });
  follow.addEventListener("change", () => {
    ctx.follow?.setEnabled(follow.checked);
    saveSetting("follow", follow.checked);
  });
  // The panel behaves like a menu: Escape or a click elsewhere closes it.
  const panel = region.querySelector(".p-set");
  panel.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape" && panel.open) {
      ev.preventDefault();
      panel.open = false;
      panel.querySelector("summary").focus();
    }
  });
  document.addEventListener("click", (ev) => {
    if (panel.open && !panel.contains(ev.target)) panel.open = false;
  });
  focusable.addEventListener("change", () => {
    apply("focusable", focusable.checked);
    saveSetting("focusable", focusable.checked);
  });
}
