// The "Tastenkürzel" dialog, built from SHORTCUTS. Native <dialog>:
// focus moves in on open and back to the opener on close (Escape too).
import { SHORTCUTS } from "./shortcuts.js";
import { T } from "./strings.js";

export function keyText(sc) {
  const names = T.keyNames;
  return [...sc.mods, sc.label].map((k) => names[k] || k).join(" + ");
}

function table(scope, caption) {
  const t = document.createElement("table");
  t.createCaption().textContent = caption;
  const head = t.createTHead().insertRow();
  for (const h of [T.keyCol, T.actionCol]) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = h;
    head.append(th);
  }
  const body = t.createTBody();
  for (const sc of SHORTCUTS.filter((s) => s.scope === scope)) {
    const row = body.insertRow();
    const kbd = document.createElement("kbd");
    kbd.textContent = keyText(sc);
    row.insertCell().append(kbd);
    row.insertCell().textContent = T.actions[sc.action];
  }
  return t;
}

export function init(region, ctx) {
  const dialog = document.getElementById("keys");
  const openers = [...region.querySelectorAll('[data-act="keys"]')];
  // The visible one of the two openers (wide/narrow layout), asked only when needed:
  // reading layout at start would cost a forced layout of the whole page.
  const opener = () => openers.find((b) => b.offsetParent !== null) || openers[0];
  dialog.querySelector(".keys-list").replaceChildren(
    table("global", T.keysGlobal),
    table("player", T.keysPlayer),
  );
  let returnTo = null;
  ctx.openKeys = () => {
    returnTo = document.activeElement && document.activeElement !== document.body ? document.activeElement : opener();
    dialog.showModal();
    dialog.querySelector('[data-act="close"]').focus();
  };
  dialog.querySelector('[data-act="close"]').addEventListener("click", () => dialog.close());
  dialog.addEventListener("close", () => {
    (returnTo && returnTo.isConnected && returnTo.offsetParent !== null ? returnTo : opener()).focus();
  });
  dialog.addEventListener("click", (ev) => {
    if (ev.target === dialog) dialog.close(); // click on the backdrop
  });
}
