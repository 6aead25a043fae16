"""WebVTT: captions (one cue per sentence) and chapters (one cue per section),
both on the whole-article timeline."""
from __future__ import annotations


def timestamp(ms: int) -> str:
    h, rest = divmod(int(ms), 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, milli = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{milli:03d}"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("-->", "--&gt;")


def captions(sections: list[dict]) -> str:
    lines = ["WEBVTT", ""]
    for section in sections:
        offset = section["offset_ms"]
        for sentence in section["sentences"]:
            lines += [sentence["id"],
                      f"{timestamp(offset + sentence['begin_ms'])} --> {timestamp(offset + sentence['end_ms'])}",
                      _escape(sentence["text"]), ""]
    return "\n".join(lines)


def chapters(sections: list[dict]) -> str:
    lines = ["WEBVTT", ""]
    for section in sections:
        start = section["offset_ms"]
        lines += [section["id"], f"{timestamp(start)} --> {timestamp(start + section['duration_ms'])}",
                  _escape(section["heading"]), ""]
    return "\n".join(lines)
