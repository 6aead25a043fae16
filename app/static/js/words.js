// Word marks: only the sentence being heard has its words wrapped in
// <span class="w" data-k="index">, built from the manifest's character
// offsets (code points, as Python counts them). The rest of the text stays
// plain, which keeps the DOM small for screen readers and checkers.

/** Wrap the words of one sentence; returns the word elements (null = no mark). */
export function wrap(sentence) {
  const el = sentence.el;
  if (!el || !sentence.words.length) return [];
  const chars = Array.from(el.textContent);
  if (chars.join("") !== sentence.text) {
    console.warn("vorleser: text of", sentence.id, "differs from manifest; no word marks");
    return [];
  }
  const frag = document.createDocumentFragment();
  const els = [];
  let pos = 0;
  sentence.words.forEach((w, k) => {
    const start = Math.max(w.start, pos);
    if (w.end <= start) {
      els.push(null);
      return;
    }
    if (start > pos) frag.append(chars.slice(pos, start).join(""));
    const span = document.createElement("span");
    span.className = "w";
    span.dataset.k = k;
    span.textContent = chars.slice(start, w.end).join("");
    frag.append(span);
    els.push(span);
    pos = w.end;
  });
  if (pos < chars.length) frag.append(chars.slice(pos).join(""));
  el.replaceChildren(frag);
  return els;
}

/** Back to plain text. */
export function unwrap(sentence) {
  if (sentence && sentence.el && sentence.el.firstElementChild) {
    sentence.el.replaceChildren(sentence.text);
  }
}

/** Link every sentence of the timeline to its element. */
export function attach(tl) {
  for (const section of tl.sections) {
    for (const sentence of section.sentences) sentence.el = document.getElementById(sentence.id);
  }
}
