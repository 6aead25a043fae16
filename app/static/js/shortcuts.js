// The ONE list of shortcuts (key handler, dialog, README test). "global":
// anywhere, Alt+Shift so browse-mode letters keep working, matched by
// KeyboardEvent.code; "player": plain keys while focus is in the player,
// matched by KeyboardEvent.key.
export const SHORTCUTS = [
  { scope: "global", mods: ["Alt", "Shift"], code: "KeyK", label: "K", action: "toggle" },
  { scope: "global", mods: ["Alt", "Shift"], code: "ArrowRight", label: "ArrowRight", action: "nextSentence" },
  { scope: "global", mods: ["Alt", "Shift"], code: "ArrowLeft", label: "ArrowLeft", action: "prevSentence" },
  { scope: "global", mods: ["Alt", "Shift"], code: "PageDown", label: "PageDown", action: "nextSection" },
  { scope: "global", mods: ["Alt", "Shift"], code: "PageUp", label: "PageUp", action: "prevSection" },
  { scope: "global", mods: ["Alt", "Shift"], code: "Comma", label: ",", action: "back" },
  { scope: "global", mods: ["Alt", "Shift"], code: "Period", label: ".", action: "forward" },
  { scope: "global", mods: ["Alt", "Shift"], code: "ArrowUp", label: "ArrowUp", action: "faster" },
  { scope: "global", mods: ["Alt", "Shift"], code: "ArrowDown", label: "ArrowDown", action: "slower" },
  { scope: "global", mods: ["Alt", "Shift"], code: "KeyC", label: "C", action: "current" },
  { scope: "global", mods: ["Alt", "Shift"], code: "KeyW", label: "W", action: "focusPlayer" },
  { scope: "global", mods: ["Alt", "Shift"], code: "KeyH", label: "H", action: "keys" },
  { scope: "player", mods: [], key: " ", label: "Space", action: "toggle" },
  { scope: "player", mods: [], key: "k", label: "K", action: "toggle" },
  { scope: "player", mods: [], key: "j", label: "J", action: "back" },
  { scope: "player", mods: [], key: "l", label: "L", action: "forward" },
  { scope: "player", mods: [], key: "ArrowLeft", label: "ArrowLeft", action: "prevSentence" },
  { scope: "player", mods: [], key: "ArrowRight", label: "ArrowRight", action: "nextSentence" },
  { scope: "player", mods: [], key: "ArrowUp", label: "ArrowUp", action: "prevSection" },
  { scope: "player", mods: [], key: "ArrowDown", label: "ArrowDown", action: "nextSection" },
  { scope: "player", mods: [], key: "<", label: "<", action: "slower" },
  { scope: "player", mods: [], key: ">", label: ">", action: "faster" },
];

// Elements whose own keys win over plain-key shortcuts.
const TEXT_FIELDS = "input, select, textarea, [contenteditable]";
// ...and typing fields keep Alt+Shift too (macOS: Option+Shift+arrows select).
const TYPING = "input[type=search], input[type=text], textarea, [contenteditable]";
const ACTIVATES = "button, a, summary";

function plainAllowed(sc, target) {
  if (target.closest(TEXT_FIELDS)) return false;
  if (sc.key === " " && target.closest(ACTIVATES)) return false;
  return true;
}

export function match(ev, inPlayer) {
  const mods = ev.altKey && ev.shiftKey && !ev.ctrlKey && !ev.metaKey;
  const plain = !ev.altKey && !ev.ctrlKey && !ev.metaKey;
  for (const sc of SHORTCUTS) {
    if (sc.scope === "global" && mods && ev.code === sc.code && !ev.target.closest?.(TYPING)) return sc;
    if (sc.scope === "player" && plain && inPlayer && ev.key === sc.key && plainAllowed(sc, ev.target)) {
      return sc;
    }
  }
  return null;
}

export function init(region, ctx) {
  document.addEventListener("keydown", (ev) => {
    if (ev.defaultPrevented || ev.isComposing) return;
    if (document.querySelector("dialog[open]")) return;
    const sc = match(ev, region.contains(ev.target));
    if (!sc || !ctx.actions[sc.action]) return;
    ev.preventDefault();
    ctx.actions[sc.action]();
  });
}
