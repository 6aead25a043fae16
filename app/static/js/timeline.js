// The article's timing model built from manifest.json plus the page's DOM.
import { lastLE, clamp } from "./format.js";

/**
 * Sections with their audio URL (from the page's native <audio>), offset in the
 * whole article, and sentence/word begin times for binary search.
 */
export function buildTimeline(manifest, doc = document) {
  const blocks = doc.querySelectorAll("[data-sec]");
  const sections = manifest.sections.map((s, i) => {
    const block = blocks[i];
    const audio = block && block.querySelector("audio");
    const sentences = s.sentences.map((x) => ({
      id: x.id,
      text: x.text,
      begin: x.begin_ms,
      end: x.end_ms,
      words: x.words || [],
      wordBegins: (x.words || []).map((w) => w.begin_ms),
    }));
    return {
      index: i,
      id: s.id,
      heading: s.heading,
      url: audio ? audio.getAttribute("src") : s.file,
      offset: s.offset_ms,
      duration: s.duration_ms,
      block,
      sentences,
      begins: sentences.map((x) => x.begin),
    };
  });
  return {
    title: manifest.article.title,
    slug: manifest.article.slug,
    duration: manifest.duration_ms,
    sections,
    offsets: sections.map((s) => s.offset),
  };
}

/** Sentence index in section for local time ms: last begin <= ms, at least 0. */
export function sentenceAt(section, ms) {
  return Math.max(0, lastLE(section.begins, ms));
}

/** Word index in sentence for local time ms: last begin <= ms, or -1. */
export function wordAt(sentence, ms) {
  return lastLE(sentence.wordBegins, ms);
}

/** Global article time -> [section index, local ms]. */
export function locate(tl, globalMs) {
  const g = clamp(globalMs, 0, tl.duration);
  const si = Math.max(0, lastLE(tl.offsets, g));
  const sec = tl.sections[si];
  return [si, clamp(g - sec.offset, 0, sec.duration)];
}
