"""Build one article: synthesise what the cache lacks, encode what changed,
publish a complete new output version atomically (manifest last)."""
from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..engines.base import Engine, SpeechItem, engine_key
from ..errors import OutputError
from ..model import Article, Sentence
from .cache import SentenceCache, Timing, item_key
from .encode import EncodeJob, run_jobs
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
    def __init__(self, article: Article, engine: Engine, options: BuildOptions):
        self.article, self.engine, self.opt = article, engine, options
        self.cache = SentenceCache(Path(options.out_dir) / ".cache" / engine_key(engine))
        self.rate = engine.sample_rate
        self.synthesised = 0
        self.encoded = 0

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
            manifest = self._locked_run(versions)
        except OSError as exc:
            raise OutputError(f"cannot write the output of '{self.article.slug}' in {out}",
                              f"{exc.strerror or exc}; free disk space, fix the folder's permissions "
                              "or choose another folder with --out") from exc
        return BuildResult(self.article.slug, out / self.article.slug, len(self.article.sections),
                           manifest["duration_ms"], len(self.keys), self.synthesised,
                           len(self.keys) - self.synthesised, self.encoded, time.monotonic() - t0, self.engine.name)

    def _locked_run(self, versions: Versions) -> dict:
        with versions.lock():
            sections = self.article.sections
            sentences = [s for sec in sections for s in sec.sentences]
            self.items = {s.id: speech_item(s) for s in sentences}
            ekey = engine_key(self.engine)
            self.keys = {sid: item_key(ekey, item) for sid, item in self.items.items()}
            timings = self._timings()
            previous, previous_dir = versions.current_manifest(), versions.current()
            # Verify the PCM every file to be encoded needs; re-synthesise damaged entries,
            # which changes their digests and so possibly the set of files to encode.
            for _ in range(3):
                hashes = self._hashes(timings)
                plan = self._plan(hashes, previous, previous_dir)
                needed = {self.keys[s.id] for name, secs in plan.encode for sec in secs for s in sec.sentences}
                store, repaired = self._pcm(needed, timings)
                if not repaired:
                    break
            timelines = [lay_out(sec, [self.keys[s.id] for s in sec.sentences], [timings[s.id] for s in sec.sentences],
                                 self.opt.pauses, self.rate) for sec in sections]
            partial = versions.new_partial()
            self.encoded = self._write(plan, timelines, store, partial)
            manifest = build_manifest(self.article, self.engine, self.opt, timelines, partial, self.rate, hashes)
            write_sidecars(partial, manifest)
            versions.publish(partial)
        return manifest

    # -- synthesis -------------------------------------------------------------------------
    def _timings(self) -> dict[str, Timing]:
        """Cached timing per sentence id; what the cache lacks is synthesised now."""
        timings: dict[str, Timing] = {}
        missing: dict[str, SpeechItem] = {}
        for sid, key in self.keys.items():
            t = self.cache.timing(key)
            if t is None or t.sample_rate != self.rate or len(t.onsets) != len(self.items[sid].token_starts):
                missing.setdefault(key, self.items[sid])
            else:
                timings[sid] = t
        fresh = self._synthesise(missing) if missing else {}
        for sid, key in self.keys.items():
            if sid not in timings:
                timings[sid] = fresh[key]
        return timings

    def _synthesise(self, missing: dict[str, SpeechItem]) -> dict[str, Timing]:
        progress = Progress(len(missing), f"synthesising {self.article.slug}", self.opt.quiet)
        order = list(missing)
        result: dict[str, Timing] = {}
        batch = 16  # cache each batch as it finishes, so a killed build keeps its work
        for i in range(0, len(order), batch):
            chunk = order[i:i + batch]
            speeches = self.engine.synthesize([missing[k] for k in chunk], progress)
            for key, speech in zip(chunk, speeches):
                result[key] = self.cache.put(key, speech)
        self.synthesised += len(order)
        return result

    def _pcm(self, needed: set[str], timings: dict[str, Timing]) -> tuple[dict[str, bytes], bool]:
        """Verified PCM for the needed keys. Damaged entries are re-synthesised
        and ``timings`` updated in place; returns (store, whether anything was repaired)."""
        by_key = {self.keys[sid]: (sid, t) for sid, t in timings.items()}
        store, damaged = {}, {}
        for key in needed:
            data = self.cache.pcm(key, by_key[key][1])
            if data is None:
                damaged[key] = self.items[by_key[key][0]]
            else:
                store[key] = data
        if not damaged:
            return store, False
        for key in damaged:
            self.cache.invalidate(key)
        fresh = self._synthesise(damaged)
        for sid, key in self.keys.items():
            if key in fresh:
                timings[sid] = fresh[key]
        return store, True

    # -- encoding --------------------------------------------------------------------------
    def _hashes(self, timings: dict[str, Timing]) -> dict:
        """A digest per output file of everything that goes into it (PCM digests included)."""
        common = {"rate": self.rate, "bitrate": self.opt.bitrate_kbps, "q": self.opt.quality,
                  "pauses": vars(self.opt.pauses), "album": self.article.title, "lang": self.article.lang,
                  "engine": self.engine.name, "n": len(self.article.sections)}
        sections = [_digest({**common, "pcm": [timings[s.id].sha256 for s in sec.sentences],
                             "kinds": [(s.kind, s.paragraph) for s in sec.sentences],
                             "heading": sec.heading, "track": sec.index, "file": self.file_name(sec)})
                    for sec in self.article.sections]
        return {"sections": sections, "full": _digest({**common, "sections": sections, "slug": self.article.slug})}

    def file_name(self, section) -> str:
        return f"{section.index:02d}-{section.id}.mp3"

    def _plan(self, hashes: dict, previous: dict | None, previous_dir: Path | None) -> "Plan":
        prev = {}
        if previous and previous_dir:
            prev = {s.get("file"): s.get("hash") for s in previous.get("sections", [])}
            prev[previous.get("full", {}).get("file")] = previous.get("full", {}).get("hash")
        sections = self.article.sections
        wanted = [(f"{self.article.slug}.mp3", hashes["full"], list(sections))]
        wanted += [(self.file_name(sec), h, [sec]) for sec, h in zip(sections, hashes["sections"])]
        plan = Plan()
        for name, digest, secs in wanted:
            src = previous_dir / name if previous_dir else None
            if src is not None and prev.get(name) == digest and src.is_file():
                plan.reuse.append((name, src))
            else:
                plan.encode.append((name, secs))
        return plan

    def _write(self, plan: "Plan", timelines: list[SectionTimeline], store: dict[str, bytes], partial: Path) -> int:
        for name, src in plan.reuse:
            link_or_copy(src, partial / name)
        by_id = {tl.section.id: tl for tl in timelines}
        chapters, offset = [], 0
        for tl in timelines:
            chapters.append((tl.section.id, tl.section.heading, ms(offset, self.rate), ms(offset + tl.total, self.rate)))
            offset += tl.total
        full_name = f"{self.article.slug}.mp3"
        jobs = [EncodeJob(partial / name, [by_id[sec.id] for sec in secs], full=name == full_name,
                          chapters=chapters if name == full_name else None) for name, secs in plan.encode]
        if jobs:
            run_jobs(jobs, store, self.article, self.engine.name, self.rate, self.opt, len(timelines))
        return len(jobs)


@dataclass
class Plan:
    reuse: list = field(default_factory=list)  # (file name, previous path)
    encode: list = field(default_factory=list)  # (file name, sections)


def build_article(article: Article, engine: Engine, options: BuildOptions | None = None) -> BuildResult:
    return Builder(article, engine, options or BuildOptions()).run()
