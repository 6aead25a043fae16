// The word heard now: a CSS highlight (::highlight(w)) over the sentence's text
// node. The DOM never changes, so screen readers' virtual cursors stay put.

const hl = globalThis.CSS?.highlights && globalThis.Highlight ? new Highlight() : null;
if (hl) CSS.highlights.set("w", hl);

/** UTF-16 [start, end] per word (the manifest counts code points). */
function offsets(sentence) {
  if (!sentence.u16) {
    const chars = Array.from(sentence.text);
    const at = (i) => chars.slice(0, i).join("").length;
    sentence.u16 = sentence.words.map((w) => [at(w.start), at(w.end)]);
  }
  return sentence.u16;
}

/** Mark word k of sentence (k < 0: none). */
export function mark(sentence, k) {
  if (!hl) return;
  hl.clear();
  const node = sentence && k >= 0 && sentence.el && sentence.el.firstChild;
  if (!node || node.nodeType !== Node.TEXT_NODE || node.data !== sentence.text) return;
  const [a, b] = offsets(sentence)[k] || [0, 0];
  if (b <= a) return;
  const range = new Range();
  range.setStart(node, a);
  range.setEnd(node, b);
  hl.add(range);
}

/** Link every sentence of the timeline to its element. */
export function attach(tl) {
  for (const section of tl.sections) {
    for (const sentence of section.sentences) sentence.el = document.getElementById(sentence.id);
  }
}
