// Wraps every timed word of a sentence in <span class="w"> using the
// manifest's character offsets (code points, as Python counts them).
export function wrapWords(tl) {
  for (const section of tl.sections) {
    for (const sentence of section.sentences) {
      const el = document.getElementById(sentence.id);
      sentence.el = el;
      sentence.wordEls = [];
      if (!el || !sentence.words.length) continue;
      const chars = Array.from(el.textContent);
      if (chars.join("") !== sentence.text) {
        console.warn("vorleser: text of", sentence.id, "differs from manifest; no word marks");
        continue;
      }
      const frag = document.createDocumentFragment();
      let pos = 0;
      sentence.words.forEach((w, k) => {
        const start = Math.max(w.start, pos);
        if (w.end <= start) {
          sentence.wordEls.push(null);
          return;
        }
        if (start > pos) frag.append(chars.slice(pos, start).join(""));
        const span = document.createElement("span");
        span.className = "w";
        span.dataset.k = k;
        span.textContent = chars.slice(start, w.end).join("");
        frag.append(span);
        sentence.wordEls.push(span);
        pos = w.end;
      });
      if (pos < chars.length) frag.append(chars.slice(pos).join(""));
      el.replaceChildren(frag);
    }
  }
}
