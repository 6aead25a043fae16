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

from ..engines.base import Engine, SpeechItem, engine_key
from ..errors import OutputError
from ..lexicon import Lexicon, Usage, apply_lexicon, default_lexicon, write_used_lexicon
from ..model import Article, Sentence
from .cache import SentenceCache, Timing, item_key
from .encode import EncodeSettings, StreamEncoder, encode_section
from .manifest import build_manifest
from .outputs import write_sidecars
from .progress import Progress
from .timeline import Pauses, SectionTimeline, lay_out, ms
from .versions import Versions, link_or_copy

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
    parts, starts, pos = [], [], 0
    for token in sentence.tokens:
        starts.append(pos)
        parts.append(token.spoken)
        pos += len(token.spoken) + 1
    return SpeechItem(" ".join(parts), tuple(starts))


def _digest(obj) -> str:
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

    def run(self) -> BuildResult:
        t0 = time.monotonic()
        out = Path(self.opt.out_dir)
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"cannot create the output folder {out}",
                              f"{exc.strerror}; choose another folder with --out") from exc
        if not os.access(out, os.W_OK):
            raise OutputError(f"the output folder {out} is not writable",
                              "fix its permissions or choose another folder with --out")
        versions = Versions(out, self.article.slug)
        try:
            with versions.lock():
                manifest = self._build(versions)
        except OSError as exc:
            raise OutputError(f"cannot write the output of '{self.article.slug}' in {out}",
                              f"{exc.strerror or exc}; free disk space, fix the folder's permissions "
                              "or choose another folder with --out") from exc
        return BuildResult(self.article.slug, out / self.article.slug, len(self.article.sections),
                           manifest["duration_ms"], len(self.keys), self.synthesised,
                           len(self.keys) - self.synthesised, self.encoded, time.monotonic() - t0, self.engine.name,
                           lexicon=self.usage)

    # -- the build -------------------------------------------------------------------------
    def _build(self, versions: Versions) -> dict:
        sections = self.article.sections
        missing = self._lookup()
        self.progress = Progress(len(set(missing.values())), f"synthesising {self.article.slug}", self.opt.quiet)
        if getattr(self.engine, "concurrency", 1) > 1:  # network engines: one big batch runs in parallel
            self._synthesise({k: self.items[sid] for sid, k in missing.items()})
        previous, previous_dir = versions.current_manifest(), versions.current()
        prev = _previous_hashes(previous) if previous_dir else {}
        partial = versions.new_partial()
        full_path = partial / f"{self.article.slug}.mp3"
        full: StreamEncoder | None = None
        jobs: dict[int, Future] = {}
        hashes: list[str] = []
        timelines: list[SectionTimeline] = []
        pool = ThreadPoolExecutor(max_workers=max(1, self.opt.jobs - 1) if self.opt.jobs > 1 else 1)
        try:
            for i, sec in enumerate(sections):
                self._synthesise({self.keys[s.id]: self.items[s.id] for s in sec.sentences})
                name = self.file_name(sec)
                reused = prev.get(name) == self._section_hash(sec) and (previous_dir / name).is_file()
                if reused:
                    link_or_copy(previous_dir / name, partial / name)
                else:
                    self._load(sec)
                timelines.append(self._timeline(sec))
                hashes.append(self._section_hash(sec))
                if not reused:
                    jobs[i] = self._submit(pool, partial / name, timelines[i])
                    if full is None:  # the first changed section: the whole article is encoded too
                        full = StreamEncoder(full_path, self.settings)
                        for j in range(i):
                            hashes[j] = self._feed_reused(full, j, timelines, pool, partial, jobs)
                    full.feed(timelines[i], self.store)
                elif full is not None:
                    hashes[i] = self._feed_reused(full, i, timelines, pool, partial, jobs)
            full_digest = self._full_hash(hashes)
            full_name = full_path.name
            if full is None and not (prev.get(full_name) == full_digest and (previous_dir / full_name).is_file()):
                full = StreamEncoder(full_path, self.settings)
                for j in range(len(sections)):
                    hashes[j] = self._feed_reused(full, j, timelines, pool, partial, jobs)
                full_digest = self._full_hash(hashes)
            if full is None:
                link_or_copy(previous_dir / full_name, full_path)
            else:
                full.finish(self.article, _chapters(timelines, self.rate))
                full = None
                self.encoded += 1
            for future in jobs.values():
                future.result()
        finally:
            if full is not None:
                full.abort()
            pool.shutdown(wait=True, cancel_futures=True)
        manifest = build_manifest(self.article, self.engine, self.opt, timelines, partial, self.rate,
                                  {"sections": hashes, "full": full_digest})
        if self.usage is not None and self.usage.entries:
            manifest["lexicon"] = write_used_lexicon(partial, self.usage)
        write_sidecars(partial, manifest)
        versions.publish(partial)
        return manifest

    def _submit(self, pool: ThreadPoolExecutor, path: Path, tl: SectionTimeline) -> Future:
        self.encoded += 1
        return pool.submit(encode_section, path, tl, self.store, self.article, self.settings,
                           len(self.article.sections))

    def _feed_reused(self, full: StreamEncoder, j: int, timelines, pool, partial: Path, jobs: dict) -> str:
        """Feed section ``j`` (handled earlier) to the whole-article encoder. A reused
        section whose cache entries turn out damaged is re-synthesised and re-encoded."""
        sec = self.article.sections[j]
        if self._load(sec) and j not in jobs:
            (partial / self.file_name(sec)).unlink(missing_ok=True)
            timelines[j] = self._timeline(sec)
            jobs[j] = self._submit(pool, partial / self.file_name(sec), timelines[j])
        full.feed(timelines[j], self.store)
        return self._section_hash(sec)

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
        return _digest({**self._common(), "pcm": [self.timings[s.id].sha256 for s in sec.sentences],
                        "kinds": [(s.kind, s.paragraph) for s in sec.sentences],
                        "heading": sec.heading, "track": sec.index, "file": self.file_name(sec)})

    def _full_hash(self, section_hashes: list[str]) -> str:
        return _digest({**self._common(), "sections": section_hashes, "slug": self.article.slug})

    def file_name(self, section) -> str:
        return f"{section.index:02d}-{section.id}.mp3"


def _previous_hashes(previous: dict | None) -> dict[str, str]:
    if not previous:
        return {}
    found = {s.get("file"): s.get("hash") for s in previous.get("sections", [])}
    found[previous.get("full", {}).get("file")] = previous.get("full", {}).get("hash")
    return found


def _chapters(timelines: list[SectionTimeline], rate: int) -> list[tuple[str, str, int, int]]:
    chapters, offset = [], 0
    for tl in timelines:
        chapters.append((tl.section.id, tl.section.heading, ms(offset, rate), ms(offset + tl.total, rate)))
        offset += tl.total
    return chapters


def build_article(article: Article, engine: Engine, options: BuildOptions | None = None) -> BuildResult:
    return Builder(article, engine, options or BuildOptions()).run()
