"""SMIL media overlays: which span is spoken when in which section MP3.

Clip times come straight from the manifest (ms relative to the section's own
file). Sentences get one ``<par>`` each; with ``word_level`` a sentence
becomes a ``<seq>`` of one ``<par>`` per timed word.
"""
from __future__ import annotations

from .epub_xhtml import text, timed_words, word_id


def clock(ms: int) -> str:
    """Milliseconds -> SMIL full clock value ``h:mm:ss.fff``."""
    ms = max(0, int(ms))
    seconds, millis = divmod(ms, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}.{millis:03d}"


def _clip(begin: int, end: int, duration: int) -> tuple[int, int] | None:
    """The clip clamped to the file, or None when nothing audible is left."""
    begin, end = max(0, begin), min(end, duration)
    return (begin, end) if end > begin else None


def _par(par_id: str, text_src: str, audio_src: str, clip: tuple[int, int], indent: str) -> list[str]:
    return [
        f'{indent}<par id="{text(par_id)}">',
        f'{indent}  <text src="{text(text_src)}"/>',
        f'{indent}  <audio src="{text(audio_src)}" clipBegin="{clock(clip[0])}" clipEnd="{clock(clip[1])}"/>',
        f"{indent}</par>",
    ]


def _sentence(sentence: dict, text_href: str, audio_src: str, duration: int, word_level: bool) -> list[str]:
    sid = sentence["id"]
    clip = _clip(sentence["begin_ms"], sentence["end_ms"], duration)
    if clip is None:
        return []
    if word_level:
        words = [(n, _clip(w["begin_ms"], w["end_ms"], duration)) for n, w in timed_words(sentence)]
        words = [(n, c) for n, c in words if c is not None]
        if words:
            lines = [f'      <seq id="mo-{text(sid)}" epub:textref="{text(text_href)}#{text(sid)}">']
            for n, word_clip in words:
                wid = word_id(sid, n)
                lines += _par(f"mo-{wid}", f"{text_href}#{wid}", audio_src, word_clip, "        ")
            return lines + ["      </seq>"]
    return _par(f"mo-{sid}", f"{text_href}#{sid}", audio_src, clip, "      ")


def overlay(section: dict, text_href: str, audio_src: str, word_level: bool = False) -> str:
    """The SMIL document for one section. ``text_href``/``audio_src`` are relative to the SMIL file."""
    duration = int(section["duration_ms"])
    body: list[str] = []
    for sentence in section["sentences"]:
        body += _sentence(sentence, text_href, audio_src, duration, word_level)
    return "\n".join([
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<smil xmlns="http://www.w3.org/ns/SMIL" xmlns:epub="http://www.idpf.org/2007/ops" version="3.0">',
        "  <body>",
        f'    <seq id="mo-abschnitt" epub:textref="{text(text_href)}#abschnitt">',
        *body,
        "    </seq>",
        "  </body>",
        "</smil>",
        "",
    ])
