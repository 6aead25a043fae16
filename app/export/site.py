"""Static copy of the whole reader (``vorleser export site DIR``).

Layout of DIR::

    index.html                    library page
    feed.xml                      podcast feed (only with --base-url)
    sw.js, offline.html           service worker (offline listening) and its offline page
    js/…                          the reader's and the embed's scripts, one file each
    static/…                      CSS and JS of the reader, the Web App Manifest and icons
    artikel/<slug>/index.html     reader page
    artikel/<slug>/einbetten.html embeddable player (no oEmbed: that needs `vorleser serve`)
    artikel/<slug>/zeiten/*.json  each section's sentence and word times (derived from the manifest)
    artikel/<slug>/…              section MP3s, whole MP3, manifest.json (+ "epub"), VTTs,
                                  <slug>.epub, abschnitte.zip, chapters.json

The pages are the real Flask templates, rendered through the app's test
client with the export's own article folder as AUDIO_DIR, and then their
absolute URLs are made relative (:mod:`app.export.site_links`). The site is
assembled in a temporary folder next to DIR and swapped in at the end.
"""
from __future__ import annotations

import json
import logging
import os
import shutil
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from urllib.parse import quote

from ..errors import InputError, OutputError
from ..manifest import BuiltArticle, load_all, timings
from ..manifest.document import dumps
from ..manifest.timings import timing_files
from ..pipeline.versions import link_or_copy
from .epub import write_epub
from .feed import normalize_base_url, render_chapters_json, render_feed
from .site_links import SiteLinks

log = logging.getLogger(__name__)

MARKER = ".vorleser-site"


@dataclass
class SiteResult:
    path: Path
    articles: int
    files: int
    bytes: int
    seconds: float
    feed_url: str | None

    def summary(self) -> str:
        feed = f"feed: {self.feed_url}" if self.feed_url else "no feed.xml (pass --base-url to get one)"
        return (f"site: {self.articles} article(s), {self.files} files, {self.bytes / 1e6:.1f} MB, "
                f"{self.seconds:.1f} s -> {self.path} ({feed})")


@dataclass(frozen=True)
class SiteAddresses:
    """Where the static site keeps each file, as absolute URLs below ``base`` (for the feed)."""
    base: str

    def home(self) -> str:
        return self.base

    def feed(self) -> str:
        return f"{self.base}feed.xml"

    def page(self, slug: str) -> str:
        return f"{self.base}artikel/{quote(slug)}/"

    def section(self, slug: str, section_id: str) -> str:
        return f"{self.page(slug)}#abschnitt-{quote(section_id)}"

    def audio(self, slug: str, name: str) -> str:
        return f"{self.page(slug)}{quote(name)}"

    def captions(self, slug: str, name: str) -> str:
        return self.audio(slug, name)

    def chapters_json(self, slug: str) -> str:
        return self.audio(slug, "chapters.json")


def _sections_zip(article: BuiltArticle, target: Path) -> None:
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_STORED) as archive:
        for entry in article.section_audio:
            archive.write(article.path(entry.file), entry.download_name)


def _copy_article(article: BuiltArticle, folder: Path, base: str | None) -> dict:
    """All files of one article into ``folder``; returns the exported manifest."""
    folder.mkdir(parents=True)
    manifest = dict(article.data)
    names = [entry.file for entry in article.audio_files()]
    names += [manifest[key] for key in ("captions", "chapters", "lexicon") if manifest.get(key)]
    for name in names:  # build outputs never change in place, so a hard link is safe
        link_or_copy(article.path(name), folder / name)
    epub = f"{article.slug}.epub"
    write_epub(article, folder / epub)
    manifest["epub"] = epub
    _sections_zip(article, folder / "abschnitte.zip")
    links = SiteAddresses(base) if base else None
    (folder / "chapters.json").write_text(render_chapters_json(article, links), encoding="utf-8")
    (folder / "zeiten").mkdir()
    for name, section in timing_files(article.data).items():
        (folder / "zeiten" / name).write_text(timings.dumps(section), encoding="utf-8")
    (folder / "manifest.json").write_text(dumps(manifest), encoding="utf-8")
    return manifest


def _render(client, url: str) -> str:
    response = client.get(url)
    if response.status_code != 200:
        raise OutputError(f"the reader answered {url} with HTTP {response.status_code}",
                          "a broken template or article; open the page with 'vorleser serve' to see why")
    return response.get_data(as_text=True)


def _pages(stage: Path, manifests: dict[str, dict], feed: bool) -> SiteLinks:
    from .. import create_app
    from ..web.bundle import ENTRIES, bundle

    app = create_app({"AUDIO_DIR": stage / "artikel", "TESTING": True, "FEED": feed,
                      "EDITOR_NAV": False, "OEMBED": False})
    shutil.copytree(app.static_folder, stage / "static")
    links = SiteLinks(manifests, feed=feed)
    client = app.test_client()
    pages = {"index.html": "/", "offline.html": "/offline.html"}
    for slug in manifests:
        pages[f"artikel/{slug}/index.html"] = f"/artikel/{slug}"
        pages[f"artikel/{slug}/einbetten.html"] = f"/artikel/{slug}/einbetten"
    for page, url in pages.items():
        (stage / page).write_text(links.rewrite(_render(client, url), page), encoding="utf-8")
    # The service worker's scope is the folder of its script: at the top, it covers every page.
    shutil.copyfile(Path(app.static_folder) / "js" / "sw.js", stage / "sw.js")
    (stage / "js").mkdir()
    for entry in ENTRIES:  # each page's scripts as one file (app/web/bundle.py)
        (stage / "js" / entry).write_text(bundle(entry), encoding="utf-8")
    return links


def _check_targets(stage: Path, links: SiteLinks) -> None:
    missing = sorted(t for t in links.targets if not (stage / t).is_file())
    if missing:
        raise OutputError(f"the exported pages link to missing files: {', '.join(missing[:5])}",
                          "a file the manifest names was not copied; report this as a bug")


def _prepare_target(target: Path) -> None:
    if target.exists() and not target.is_dir():
        raise OutputError(f"{target} exists and is not a folder", "choose another output folder")
    if target.is_dir() and any(target.iterdir()) and not (target / MARKER).exists():
        raise OutputError(f"{target} is not empty and holds no earlier Vorleser export",
                          "choose a new or empty folder; an earlier export there would be replaced")


def _swap(stage: Path, target: Path) -> None:
    old = target.parent / f".{target.name}.old-{os.getpid()}"
    if target.exists():
        os.replace(target, old)
    try:
        os.replace(stage, target)
    except OSError:
        if old.exists():
            os.replace(old, target)  # put the earlier export back
        raise
    shutil.rmtree(old, ignore_errors=True)


def export_site(directory: Path | str, audio_dir: Path | str, base_url: str | None = None) -> SiteResult:
    """Write the static site of every built article in ``audio_dir`` to ``directory``."""
    t0 = time.monotonic()
    target = Path(directory).resolve()
    base = normalize_base_url(base_url) if base_url else None
    articles = load_all(audio_dir)
    if not articles:
        raise InputError(f"no built articles in {audio_dir}",
                         "build some first with 'vorleser build', or point --audio-dir at the build output")
    _prepare_target(target)
    stage = target.parent / f".{target.name}.tmp-{os.getpid()}"
    try:
        shutil.rmtree(stage, ignore_errors=True)
        stage.mkdir(parents=True)
        manifests = {a.slug: _copy_article(a, stage / "artikel" / a.slug, base) for a in articles}
        links = _pages(stage, manifests, feed=base is not None)
        if base:
            (stage / "feed.xml").write_text(render_feed(articles, SiteAddresses(base)), encoding="utf-8")
        _check_targets(stage, links)
        (stage / MARKER).write_text(json.dumps({"articles": sorted(manifests)}) + "\n", encoding="utf-8")
        files = [p for p in stage.rglob("*") if p.is_file()]
        size = sum(p.stat().st_size for p in files)
        _swap(stage, target)
    except OSError as exc:
        raise OutputError(f"cannot write the static site to {target}",
                          f"{exc.strerror or exc}; check free space and permissions") from exc
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    log.info("static site with %d articles in %s", len(articles), target)
    return SiteResult(target, len(articles), len(files), size, time.monotonic() - t0,
                      f"{base}feed.xml" if base else None)
