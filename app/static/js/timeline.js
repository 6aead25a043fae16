// The article's timing model, read from the page: each [data-sec] block has
// data-at="offset,duration" (ms in the whole article), its audio URL and the
// URL of its word times (data-words); each sentence span .s has
// data-ms="begin,end" (ms in its section's file). Word times are added later
// per section (word-times.js: addTimes).
import { lastLE, clamp } from "./format.js";

const pair = (text) => (text || "0,0").split(",").map(Number);

function sentenceOf(el) {
  const [begin, end] = pair(el.dataset.ms);
  return { id: el.id, el, text: el.textContent, begin, end, words: [], wordBegins: [] };
}

/** The section block's own heading text (its heading sentences). */
function headingOf(block) {
  const h = block.querySelector("h1, h2, h3, h4, h5, h6");
  return (h ? h.textContent : block.dataset.heading || "").trim();
}

export function buildTimeline(doc = document) {
  const sections = [...doc.querySelectorAll("[data-sec]")].map((block, i) => {
    const [offset, duration] = pair(block.dataset.at);
    const audio = block.querySelector("audio");
    const sentences = [...block.querySelectorAll(".s[data-ms]")].map(sentenceOf);
    sentences.sort((a, b) => a.begin - b.begin);
    return {
      index: i,
      id: block.id.replace(/^abschnitt-/, ""),
      heading: headingOf(block),
      url: audio ? audio.getAttribute("src") : block.dataset.src,
      timesUrl: block.dataset.words,
      offset,
      duration,
      block,
      sentences,
      begins: sentences.map((x) => x.begin),
    };
  });
  const body = doc.body;
  const last = sections[sections.length - 1];
  return {
    title: (doc.querySelector("h1")?.textContent || doc.title).trim(),
    slug: body.dataset.slug,
    duration: Number(body.dataset.duration) || (last ? last.offset + last.duration : 0),
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
