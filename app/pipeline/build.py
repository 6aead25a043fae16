"""Build one article: synthesise what the cache lacks, encode what changed,
publish a complete new output version atomically (manifest last)."""
from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..engines.base import Engine, SpeechItem, engine_key
from ..checkpoints import checkpoint
from ..lexicon import Lexicon, Usage, apply_lexicon, default_lexicon, write_used_lexicon
from ..manifest.names import full_file, section_file
from ..model import Article, Sentence
from .cache import SentenceCache, Timing, item_key
from .encode import EncodeSettings, StreamEncoder, encode_section
from .manifest import build_manifest
from .outputs import write_sidecars
from .progress import Progress
from .timeline import Pauses, SectionTimeline, lay_out, ms
from .versions import Versions, link_or_copy, new_version

log = logging.getLogger(__name__)


@dataclass
class BuildOptions:
    out_dir: Path = Path("audio")
    bitrate_kbps: int = 64
    quality: int = 7  # LAME algorithm quality, 0 best/slowest .. 9 fastest
    pauses: Pauses = field(default_factory=Pauses)
    jobs: int = os.cpu_count() or 2
    quiet: bool = False
    lexicon: Lexicon | None = field(default_factory=default_lexicon)  # None: no pronunciation lexicon
    replace_recording: bool = False  # may replace a narrator's recording (vorleser align) with speech
    # called with (sentences done, sentences in the article) as synthesis goes on; cached ones count as done
    on_progress: Callable[[int, int], None] | None = None


@dataclass
class BuildResult:
    slug: str
    path: Path
    sections: int
    duration_ms: int
    sentences: int
    synthesised: int
    cached: int
    encoded: int
    seconds: float
    engine: str
    lexicon: Usage | None = None  # what the pronunciation lexicon matched and replaced

    def summary(self) -> str:
        m, s = divmod(round(self.duration_ms / 1000), 60)
        return (f"{self.slug}: {self.sections} sections, {m}:{s:02d} min, {self.sentences} sentences "
                f"({self.synthesised} synthesised, {self.cached} cached), {self.encoded} files encoded, "
                f"{self.seconds:.1f} s -> {self.path}")


def speech_item(sentence: Sentence) -> SpeechItem:
    return SpeechItem.of(sentence.tokens)


def content_digest(obj) -> str:
    """A short digest of a JSON-able description of an output (it decides whether a file is re-made)."""
    return hashlib.sha256(json.dumps(obj, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:20]


class Builder:
    """One build of one article. Sections are handled in order: synthesise what
    the cache lacks, then either reuse the previous file (same digest) or start
    encoding it at once, while the whole-article encoder is fed alongside."""

    def __init__(self, article: Article, engine: Engine, options: BuildOptions):
        self.usage = None
        if options.lexicon is not None:  # applied to the spoken text, so it is part of each cache key
            article, self.usage = apply_lexicon(article, options.lexicon, engine.name)
        self.article, self.engine, self.opt = article, engine, options
        self.ekey = engine_key(engine)
        self.cache = SentenceCache(Path(options.out_dir) / ".cache" / self.ekey)
        self.rate = engine.sample_rate
        self.settings = EncodeSettings(self.rate, options.bitrate_kbps, options.quality, engine.name)
        self.synthesised = 0
        self.encoded = 0
        sentences = [s for sec in article.sections for s in sec.sentences]
        self.items = {s.id: speech_item(s) for s in sentences}
        self.keys = {sid: item_key(self.ekey, item) for sid, item in self.items.items()}
        self.sids: dict[str, list[str]] = {}  # key -> sentence ids (a repeated sentence shares one key)
        for sid, key in self.keys.items():
            self.sids.setdefault(key, []).append(sid)
        self.timings: dict[str, Timing] = {}
        self.store: dict[str, bytes] = {}  # verified PCM by cache key, for what is encoded
        self.cache_hits: set[str] = set()  # keys whose entry is known good (or was just written)
        self.progress = Progress(0, f"synthesising {article.slug}", options.quiet)
        if options.on_progress is not None:
            n = len(self.keys)
            self.progress.callback = lambda done, total: options.on_progress(max(0, min(n, n - total + done)), n)

    def run(self) -> BuildResult:
        t0 = time.monotonic()
        with new_version(self.opt.out_dir, self.article.slug, self.opt.replace_recording) as (versions, partial):
            manifest = self._build(versions, partial)
        return BuildResult(self.article.slug, Path(self.opt.out_dir) / self.article.slug, len(self.article.sections),
                           manifest["duration_ms"], len(self.keys), self.synthesised,
                           len(self.keys) - self.synthesised, self.encoded, time.monotonic() - t0, self.engine.name,
                           lexicon=self.usage)

    # -- the build -------------------------------------------------------------------------
    def _build(self, versions: Versions, partial: Path) -> dict:
        missing = self._lookup()
        self.progress.total = len(set(missing.values()))
        if self.progress.callback is not None:
            self.progress.callback(0, self.progress.total)
        if self.engine.concurrency > 1:  # network engines: one big batch runs in parallel
            self._synthesise({k: self.items[sid] for sid, k in missing.items()})
        previous_dir = versions.current()
        previous = _previous_hashes(versions.current_manifest()) if previous_dir else {}
        outputs = _Outputs(self, partial, previous_dir, previous)
        try:
            for i, sec in enumerate(self.article.sections):
                self._synthesise({self.keys[s.id]: self.items[s.id] for s in sec.sentences})
                outputs.add(i, sec)
            full_digest = outputs.finish()
        finally:
            outputs.close()
        lexicon = write_used_lexicon(partial, self.usage) if self.usage is not None and self.usage.entries else None
        manifest = build_manifest(self.article, self.engine, self.opt, outputs.timelines, partial, self.rate,
                                  {"sections": outputs.hashes, "full": full_digest}, lexicon=lexicon)
        write_sidecars(partial, manifest)
        versions.publish(partial)
        return manifest

    def _submit(self, pool: ThreadPoolExecutor, path: Path, tl: SectionTimeline) -> Future:
        self.encoded += 1
        future = pool.submit(encode_section, path, tl, self.store, self.article, self.settings,
                             len(self.article.sections))
        checkpoint("encoding")
        return future

    def _timeline(self, sec) -> SectionTimeline:
        return lay_out(sec, [self.keys[s.id] for s in sec.sentences], [self.timings[s.id] for s in sec.sentences],
                       self.opt.pauses, self.rate)

    # -- synthesis and cache ---------------------------------------------------------------
    def _lookup(self) -> dict[str, str]:
        """Fill ``timings`` from the cache; return {sentence id: key} of what is missing."""
        missing = {}
        for sid, key in self.keys.items():
            t = self.cache.timing(key)
            if t is None or t.sample_rate != self.rate or len(t.onsets) != len(self.items[sid].token_starts):
                missing[sid] = key
            else:
                self.timings[sid] = t
        self.cache_hits = {k for sid, k in self.keys.items() if sid not in missing}
        return missing

    def _synthesise(self, todo: dict[str, SpeechItem]) -> None:
        """Synthesise and cache ``todo`` (key -> item); updates ``timings``."""
        todo = {k: item for k, item in todo.items() if k not in self.cache_hits}
        order = list(todo)
        batch = 16  # cache each batch as it finishes, so a killed build keeps its work
        for i in range(0, len(order), batch):
            chunk = order[i:i + batch]
            speeches = self.engine.synthesize([todo[k] for k in chunk], self.progress)
            for key, speech in zip(chunk, speeches):
                timing = self.cache.put(key, speech)
                self.cache_hits.add(key)
                self.store[key] = speech.pcm
                for sid in self.sids[key]:
                    self.timings[sid] = timing
            checkpoint("synthesised")
        self.synthesised += len(order)

    def _load(self, sec) -> bool:
        """Put the section's verified PCM in the store. Damaged cache entries are
        re-synthesised (their timings change); returns whether any was."""
        damaged = {}
        for s in sec.sentences:
            key = self.keys[s.id]
            if key in self.store:
                continue
            data = self.cache.pcm(key, self.timings[s.id])
            if data is None:
                self.cache.invalidate(key)
                self.cache_hits.discard(key)
                damaged[key] = self.items[s.id]
            else:
                self.store[key] = data
        if damaged:
            self.progress.total += len(damaged)
            self._synthesise(damaged)
        return bool(damaged)

    # -- digests ---------------------------------------------------------------------------
    def _common(self) -> dict:
        return {"rate": self.rate, "bitrate": self.opt.bitrate_kbps, "q": self.opt.quality,
                "pauses": vars(self.opt.pauses), "album": self.article.title, "lang": self.article.lang,
                "engine": self.engine.name, "n": len(self.article.sections)}

    def _section_hash(self, sec) -> str:
        """A digest of everything that goes into the section's file (PCM digests included)."""
        return content_digest({**self._common(), "pcm": [self.timings[s.id].sha256 for s in sec.sentences],
                        "kinds": [(s.kind, s.paragraph) for s in sec.sentences],
                        "heading": sec.heading, "track": sec.index, "file": self.file_name(sec)})

    def _full_hash(self, section_hashes: list[str]) -> str:
        return content_digest({**self._common(), "sections": section_hashes, "slug": self.article.slug})

    def file_name(self, section) -> str:
        return section_file(section.index, section.id)


class _Outputs:
    """The MP3s of one build, written into ``partial`` as sections arrive in order.

    A section whose digest matches the previous build's file is hard-linked from
    it; any other is encoded at once on the pool. The whole-article MP3 is fed to
    one streaming encoder from the first changed section on (sections before it
    are fed first); if nothing changed and the previous whole file matches, it is
    linked too."""

    def __init__(self, builder: Builder, partial: Path, previous_dir: Path | None, previous: dict[str, str]):
        self.b, self.partial, self.previous_dir, self.previous = builder, partial, previous_dir, previous
        jobs = builder.opt.jobs
        self.pool = ThreadPoolExecutor(max_workers=max(1, jobs - 1) if jobs > 1 else 1)
        self.full: StreamEncoder | None = None
        self.full_path = partial / full_file(builder.article.slug)
        self.jobs: dict[int, Future] = {}
        self.hashes: list[str] = []
        self.timelines: list[SectionTimeline] = []

    def _unchanged(self, name: str, digest: str) -> bool:
        return self.previous.get(name) == digest and (self.previous_dir / name).is_file()

    def add(self, i: int, sec) -> None:
        b = self.b
        name = b.file_name(sec)
        reused = self._unchanged(name, b._section_hash(sec))
        if reused:
            link_or_copy(self.previous_dir / name, self.partial / name)
        else:
            b._load(sec)
        self.timelines.append(b._timeline(sec))
        self.hashes.append(b._section_hash(sec))
        if not reused:
            self.jobs[i] = b._submit(self.pool, self.partial / name, self.timelines[i])
            self._start_full(upto=i)
            self.full.feed(self.timelines[i], b.store)
        elif self.full is not None:
            self._feed_reused(i)

    def _start_full(self, upto: int) -> None:
        """Start the whole-article encoder (once) and feed it sections ``0..upto-1``."""
        if self.full is None:
            self.full = StreamEncoder(self.full_path, self.b.settings)
            for j in range(upto):
                self._feed_reused(j)

    def _feed_reused(self, j: int) -> None:
        """Feed section ``j`` (handled earlier) to the whole-article encoder. A reused
        section whose cache entries turn out damaged is re-synthesised and re-encoded."""
        b, sec = self.b, self.b.article.sections[j]
        if b._load(sec) and j not in self.jobs:
            (self.partial / b.file_name(sec)).unlink(missing_ok=True)
            self.timelines[j] = b._timeline(sec)
            self.jobs[j] = b._submit(self.pool, self.partial / b.file_name(sec), self.timelines[j])
        self.full.feed(self.timelines[j], b.store)
        self.hashes[j] = b._section_hash(sec)

    def finish(self) -> str:
        """Complete the whole-article MP3 and wait for every section encoder; returns its digest."""
        b = self.b
        digest = b._full_hash(self.hashes)
        if self.full is None and not self._unchanged(self.full_path.name, digest):
            self._start_full(upto=len(self.hashes))
            digest = b._full_hash(self.hashes)
        if self.full is None:
            link_or_copy(self.previous_dir / self.full_path.name, self.full_path)
        else:
            self.full.finish(b.article, chapters(self.timelines, b.rate))
            self.full = None
            b.encoded += 1
        for future in self.jobs.values():
            future.result()
        return digest

    def close(self) -> None:
        if self.full is not None:
            self.full.abort()
        self.pool.shutdown(wait=True, cancel_futures=True)


def _previous_hashes(previous: dict | None) -> dict[str, str]:
    if not previous:
        return {}
    found = {s.get("file"): s.get("hash") for s in previous.get("sections", [])}
    found[previous.get("full", {}).get("file")] = previous.get("full", {}).get("hash")
    return found


def chapters(timelines: list[SectionTimeline], rate: int) -> list[tuple[str, str, int, int]]:
    """(id, heading, start ms, end ms) of each section on the whole-article timeline: its ID3 chapters."""
    chapters, offset = [], 0
    for tl in timelines:
        chapters.append((tl.section.id, tl.section.heading, ms(offset, rate), ms(offset + tl.total, rate)))
        offset += tl.total
    return chapters


def cache_keys(article: Article, engine: Engine, options: BuildOptions | None = None) -> dict[str, str]:
    """Sentence id -> the key of its cache entry, as a build with these options computes it
    (the pronunciation lexicon changes what is spoken, and so the key)."""
    return dict(Builder(article, engine, options or BuildOptions()).keys)


def build_article(article: Article, engine: Engine, options: BuildOptions | None = None) -> BuildResult:
    return Builder(article, engine, options or BuildOptions()).run()
