"""ID3v2.4 tags with mutagen: per-section tags and the full file's CHAP/CTOC chapters."""
from __future__ import annotations

from pathlib import Path

from mutagen.id3 import CHAP, CTOC, ID3, TALB, TCON, TIT2, TLAN, TPE1, TRCK, CTOCFlags

ARTIST = "Vorleser"


def _base(title: str, album: str, lang: str, engine: str) -> ID3:
    tags = ID3()
    tags.add(TIT2(encoding=3, text=title))
    tags.add(TALB(encoding=3, text=album))
    tags.add(TPE1(encoding=3, text=f"{ARTIST} ({engine})"))
    tags.add(TLAN(encoding=3, text=_iso639_2(lang)))
    tags.add(TCON(encoding=3, text="Speech"))
    return tags


def _iso639_2(lang: str) -> str:
    return {"de": "deu", "en": "eng"}.get(lang.split("-")[0].lower(), "deu")


def tag_section(path: str | Path, heading: str, album: str, track: int, total: int,
                lang: str = "de", engine: str = "espeak") -> None:
    tags = _base(heading, album, lang, engine)
    tags.add(TRCK(encoding=3, text=f"{track}/{total}"))
    tags.save(str(path), v2_version=4)


def tag_full(path: str | Path, title: str, chapters: list[tuple[str, str, int, int]],
             lang: str = "de", engine: str = "espeak") -> None:
    """``chapters``: (element id, title, start_ms, end_ms) per section."""
    tags = _base(title, title, lang, engine)
    ids = [f"chp{i}" for i in range(len(chapters))]
    tags.add(CTOC(element_id="toc", flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED,
                  child_element_ids=ids, sub_frames=[TIT2(encoding=3, text="Inhalt")]))
    for element_id, (_, heading, start, end) in zip(ids, chapters):
        tags.add(CHAP(element_id=element_id, start_time=start, end_time=end,
                      sub_frames=[TIT2(encoding=3, text=heading)]))
    tags.save(str(path), v2_version=4)
