"""Helpers for the browser tests (not fixtures)."""
from __future__ import annotations

from bisect import bisect_right

SLUG = "nordkorea-russland"
PROBE = "probe"  # a small second article (tests/browser/conftest.py), rebuilt by the offline update test


def probe_text(version: int) -> str:
    """The probe article's text; each version changes one sentence of the second section."""
    return ("Eine kleine Probe\nEin zweiter Artikel für die Browser-Tests.\n\n"
            "Erster Abschnitt\nDer erste Satz bleibt immer gleich. Der zweite auch.\n\n"
            f"Zweiter Abschnitt\nDies ist Fassung Nummer {version} des Textes. Danach kommt nichts mehr.\n")

# One snapshot of what the page shows: audio file, time, highlighted sentence/word.
STATE_JS = """() => {
  const a = document.querySelector('#player audio');
  const cur = document.querySelectorAll('.s[aria-current="true"]');
  const w = [...(CSS.highlights.get('w') || [])];
  return {
    src: a.getAttribute('src'), t: a.currentTime * 1000, paused: a.paused,
    sentences: [...cur].map((e) => e.id),
    words: w.map((r) => [r.startOffset, r.toString()]),
    wordInSentence: w.length === 0 || (cur.length === 1 && cur[0].contains(w[0].startContainer)),
    wordEls: document.querySelectorAll('.s *').length,
    rate: a.playbackRate,
    seek: Number(document.querySelector('.p-seek').value),
  };
}"""



def expected_at(manifest: dict, src: str, t_ms: float) -> tuple[str, int]:
    """(sentence id, word index) the page must highlight at t_ms of file src:
    the last sentence/word whose begin <= t (first sentence at least; -1 = no word yet)."""
    section = next(s for s in manifest["sections"] if src.rsplit("/", 1)[-1] == s["file"])
    sentences = section["sentences"]
    k = max(0, bisect_right([s["begin_ms"] for s in sentences], t_ms) - 1)
    words = sentences[k]["words"]
    return sentences[k]["id"], bisect_right([w["begin_ms"] for w in words], t_ms) - 1


def state(page) -> dict:
    return page.evaluate(STATE_JS)


SAMPLE_JS = "async () => { await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));"\
    " return (" + STATE_JS + ")(); }"



def locate(manifest: dict, global_ms: float) -> tuple[dict, float]:
    """Section and local time for a whole-article time."""
    section = manifest["sections"][0]
    for s in manifest["sections"]:
        if s["offset_ms"] <= global_ms:
            section = s
    return section, global_ms - section["offset_ms"]


def shown(st: dict) -> tuple[list, list]:
    return st["sentences"], st["words"]


def wanted(manifest: dict, src: str, t_ms: float) -> tuple[list, list]:
    """Sentence id and the marked word as [UTF-16 offset, text] (the CSS highlight's range)."""
    sid, k = expected_at(manifest, src, t_ms)
    if k < 0:
        return [sid], []
    sentence = next(s for sec in manifest["sections"] for s in sec["sentences"] if s["id"] == sid)
    w, text = sentence["words"][k], sentence["text"]
    return [sid], [[len(text[:w["start"]].encode("utf-16-le")) // 2, text[w["start"]:w["end"]]]]
