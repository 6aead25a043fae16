// The one polite live region. Only user-caused events are announced.
let region = null;
let timer = 0;

export function setRegion(el) {
  region = el;
}

export function announce(text) {
  if (!region) return;
  clearTimeout(timer);
  // Clear first so repeating the same message is announced again.
  region.textContent = "";
  timer = setTimeout(() => {
    region.textContent = text;
  }, 50);
}
