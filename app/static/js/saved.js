// Library page: marks the articles saved for offline listening, and while
// offline says which ones are not.
import { T } from "./strings.js";
import { pageKey, savedPages, supported } from "./offline-store.js";

export function init(list) {
  if (!supported()) return;
  savedPages().then((saved) => {
    if (!saved.size) return;
    for (const card of list.querySelectorAll(".card")) {
      const link = card.querySelector("h2 a");
      const slot = card.querySelector(".saved-at");
      if (!link || !slot) continue;
      const isSaved = saved.has(pageKey(link.href));
      if (isSaved || navigator.onLine === false) {
        slot.textContent = ` · ${isSaved ? T.offBadge : T.offMissing}`;
        slot.classList.toggle("saved-badge", isSaved);
      }
    }
  }).catch((err) => console.warn("vorleser: offline copies", err));
}
