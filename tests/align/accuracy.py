"""Compare a manifest's word times with a narration's truth (tests and bench)."""
from __future__ import annotations

import numpy as np

from tests.align.groundtruth import Truth


def onset_errors(manifest: dict, truth: Truth) -> np.ndarray:
    """Signed error (s) of every word with a true time, on the whole-recording timeline."""
    errors = []
    for si, section in enumerate(manifest["sections"]):
        offset = section["offset_ms"] / 1000
        for k, sentence in enumerate(section["sentences"]):
            for j, word in enumerate(sentence["words"]):
                true = truth.onsets.get((si, k, j))
                if true is not None:
                    errors.append(offset + word["begin_ms"] / 1000 - true)
    return np.asarray(errors)


def section_errors(manifest: dict, truth: Truth) -> np.ndarray:
    """Error (s) of each section's start: the first word's onset against its true onset."""
    out = []
    for section, (first, _) in zip(manifest["sections"], truth.sections):
        start = section["offset_ms"] / 1000 + section["sentences"][0]["words"][0]["begin_ms"] / 1000
        out.append(start - first)
    return np.asarray(out)


def cuts_in_pauses(manifest: dict, truth: Truth) -> bool:
    """Every section file starts inside the true pause before that section."""
    for section, (_, prev_end), (next_first, _) in zip(manifest["sections"][1:], truth.sections, truth.sections[1:]):
        cut = section["offset_ms"] / 1000
        if not prev_end - 0.02 <= cut <= next_first + 0.02:
            return False
    return True


def in_order(manifest: dict) -> bool:
    last = -1.0
    for section in manifest["sections"]:
        for sentence in section["sentences"]:
            for word in sentence["words"]:
                t = section["offset_ms"] + word["begin_ms"]
                if t < last:
                    return False
                last = t
    return True


def estimate_errors(article, truth: Truth) -> np.ndarray:
    """The character-proportional estimate the gTTS engine used before alignment: each
    sentence cut into gTTS's chunks (at most 100 characters), every chunk's start and end
    exact (the true onset of its first word, and of the next chunk's or the sentence's end),
    the words inside spread by token weight. Signed errors (s)."""
    from app.engines.gtts_chunks import split_chunks, token_weight
    from app.pipeline.build import speech_item

    errors = []
    for si, section in enumerate(article.sections):
        for k, sentence in enumerate(section.sentences):
            if (si, k) not in truth.sentences:
                continue
            item = speech_item(sentence)
            chunks = [c for c in split_chunks(item.text, item.token_starts)]
            j = 0
            bounds = []
            for chunk in chunks:
                bounds.append((j, len(chunk.tokens)))
                j += len(chunk.tokens)
            for n, (first, count) in enumerate(bounds):
                begin = truth.onsets.get((si, k, first))
                if n + 1 < len(bounds):
                    end = truth.onsets.get((si, k, bounds[n + 1][0]))
                else:
                    end = truth.sentences[(si, k)][1]
                if begin is None or end is None:
                    continue
                weights = [token_weight(chunks[n].tokens[t]) for t in range(count)]
                total, acc = sum(weights), 0
                for t, w in enumerate(weights):
                    true = truth.onsets.get((si, k, first + t))
                    if true is not None:
                        errors.append(begin + (end - begin) * acc / total - true)
                    acc += w
    return np.asarray(errors)
