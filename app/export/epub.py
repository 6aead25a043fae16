"""EPUB 3 with Media Overlays from a built article (``vorleser export epub``).

Layout inside the ZIP::

    mimetype                      first entry, STORED
    META-INF/container.xml
    EPUB/package.opf              metadata, manifest, spine
    EPUB/nav.xhtml                table of contents (every heading) and landmarks
    EPUB/css/book.css
    EPUB/text/sNN.xhtml           one content document per section, sentence spans
    EPUB/smil/sNN.smil            one media overlay per section
    EPUB/audio/sNN.mp3            the section MP3s of the build
    EPUB/aussprache.pls           the pronunciation lexicon the build used (if any), linked from
                                  every content document for reading systems that speak

The file is written to a temporary name next to the target and moved into
place with ``os.replace``, so a reader never sees half an EPUB.
"""
from __future__ import annotations

import logging
import os
import tempfile
import zipfile
from pathlib import Path

from ..errors import OutputError
from . import epub_package, epub_smil, epub_xhtml
from ..manifest import BuiltArticle, load
from .epub_package import BookMeta, Item

log = logging.getLogger(__name__)

MIMETYPE = b"application/epub+zip"


def book_entries(article: BuiltArticle, word_level: bool = False) -> list[tuple[str, bytes | Path]]:
    """Every ZIP entry after ``mimetype``: (name in the ZIP, bytes or the file to copy)."""
    lang = article.lang
    items = [Item("nav", "nav.xhtml", "application/xhtml+xml", properties="nav"),
             Item("css", "css/book.css", "text/css")]
    entries: list[tuple[str, bytes | Path]] = [("EPUB/css/book.css", epub_xhtml.CSS.encode())]
    spine, toc, overlay_ms = ["nav"], [], {}
    lexicon = _lexicon(article)
    if lexicon:
        items.append(Item("pls", lexicon.name, "application/pls+xml"))
        entries.append((f"EPUB/{lexicon.name}", lexicon.read_bytes()))
    for position, section in enumerate(article.sections):
        n = f"{position + 1:02d}"
        text_href, smil_href, audio_href = f"text/s{n}.xhtml", f"smil/s{n}.smil", f"audio/s{n}.mp3"
        document = epub_xhtml.section_document(section, position, lang, word_level, lexicon and lexicon.name)
        smil = epub_smil.overlay(section, f"../{text_href}", f"../{audio_href}", word_level)
        entries += [(f"EPUB/{text_href}", document.encode()), (f"EPUB/{smil_href}", smil.encode()),
                    (f"EPUB/{audio_href}", article.path(section["file"]))]
        items += [Item(f"t{n}", text_href, "application/xhtml+xml", media_overlay=f"mo{n}"),
                  Item(f"mo{n}", smil_href, "application/smil+xml"),
                  Item(f"a{n}", audio_href, "audio/mpeg")]
        spine.append(f"t{n}")
        toc.append((1 if position == 0 else int(section.get("level", 2)), text_href, section["heading"]))
        overlay_ms[f"mo{n}"] = int(section["duration_ms"])
    meta = BookMeta(identifier=f"urn:uuid:{article.uuid('epub')}", title=article.title, lang=lang,
                    modified=article.built_at, description=article.teaser,
                    engine=article.engine, word_level=word_level,
                    overlay_ms=overlay_ms)
    entries.insert(0, ("EPUB/nav.xhtml", epub_xhtml.nav_document(article.title, lang, toc).encode()))
    entries.insert(0, ("EPUB/package.opf", epub_package.package_document(meta, items, spine).encode()))
    entries.insert(0, ("META-INF/container.xml", epub_package.CONTAINER.encode()))
    return entries


def _lexicon(article: BuiltArticle) -> Path | None:
    """The PLS file the build wrote (manifest key "lexicon"), if there is one."""
    name = article.data.get("lexicon")
    if not name:
        return None
    path = article.path(name)
    if not path.is_file():
        log.warning("%s: the lexicon %s named in the manifest is missing; exporting without it", article.slug, name)
        return None
    return path


def _info(name: str, stamp: tuple, compress: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=stamp)
    info.compress_type = compress
    info.external_attr = 0o644 << 16
    return info


def _write_zip(target, entries: list[tuple[str, bytes | Path]], stamp: tuple) -> None:
    with zipfile.ZipFile(target, "w") as book:
        book.writestr(_info("mimetype", stamp, zipfile.ZIP_STORED), MIMETYPE)
        for name, content in entries:
            if isinstance(content, Path):  # MP3: already compressed
                with open(content, "rb") as source, book.open(_info(name, stamp, zipfile.ZIP_STORED), "w") as out:
                    while chunk := source.read(1 << 16):
                        out.write(chunk)
            else:
                book.writestr(_info(name, stamp, zipfile.ZIP_DEFLATED), content)


def write_epub(article: BuiltArticle, out: Path | str, word_level: bool = False) -> Path:
    """Write the EPUB of ``article`` to ``out`` atomically; returns ``out``."""
    out = Path(out)
    entries = book_entries(article, word_level)
    stamp = tuple(int(x) for x in article.built_at[:19].replace("T", "-").replace(":", "-").split("-"))
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        handle = tempfile.NamedTemporaryFile(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp", delete=False)
    except OSError as exc:
        raise OutputError(f"cannot write the EPUB to {out}",
                          f"{exc.strerror}; choose another file with -o") from exc
    tmp = Path(handle.name)
    try:
        with handle:
            _write_zip(handle, entries, stamp)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputError(f"cannot write the EPUB to {out}",
                          f"{exc.strerror}; check free space and permissions") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    log.info("wrote %s (%d sections)", out, len(article.sections))
    return out


def export_epub(audio_dir: Path | str, slug: str, out: Path | str | None = None,
                word_level: bool = False) -> Path:
    """``vorleser export epub``: the EPUB of the built article ``slug`` (default ``./<slug>.epub``)."""
    article = load(audio_dir, slug)
    return write_epub(article, Path(out) if out else Path(f"{slug}.epub"), word_level)


def cached_epub(audio_dir: Path | str, slug: str, cache_dir: Path | str | None = None) -> tuple[Path, str]:
    """For the web layer: the EPUB of the current build of ``slug``, made on first request and
    kept in ``<cache_dir or audio_dir/.exports>/<slug>/``; returns (path, German download name).
    Raises InputError when the article is unknown or its build incomplete (answer 404)."""
    article = load(audio_dir, slug)
    cache = Path(cache_dir) if cache_dir else Path(audio_dir) / ".exports"
    path = cache / slug / f"{article.uuid('epub')}.epub"
    if not path.is_file():
        write_epub(article, path)
        for old in path.parent.glob("*.epub"):
            if old != path:
                old.unlink(missing_ok=True)
    return path, article.download_name("epub")
