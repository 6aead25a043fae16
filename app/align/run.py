"""`vorleser align`: one article, its recording(s), the same output as a build.

Everything that can fail on the input (decoding, the reference, the
alignment, a recording that does not match) happens before the output
folder is touched; then the section files and the whole-article file are
encoded once from the recording's PCM, and the new version is published
atomically like a build's (same lock, same versions, manifest last).
"""
from __future__ import annotations

import logging
import os
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from ..engines.espeak import EspeakEngine
from ..errors import AlignError
from ..lexicon import Lexicon, apply_lexicon, default_lexicon, write_used_lexicon
from ..manifest import document
from ..manifest.article import RECORDING_ENGINE
from ..manifest.names import full_file, section_file
from ..model import Article
from ..pipeline.build import chapters, content_digest
from ..pipeline.encode import EncodeSettings, StreamEncoder, encode_section
from ..pipeline.manifest import build_manifest
from ..pipeline.outputs import write_sidecars
from ..pipeline.progress import Progress
from ..pipeline.timeline import Pauses
from ..pipeline.versions import new_version
from .aligner import PartResult, align_part
from .confidence import MIN_CONFIDENCE, SectionScore
from .layout import Part, timelines
from .mapping import fill_between
from .recording import Recording, read_recording
from .reference import Reference, ReferenceBuilder

log = logging.getLogger(__name__)

ENGINE_NAME = RECORDING_ENGINE  # the manifest module names it: readers and rebuilds look for it
METHOD = "eSpeak NG reference, MFCC features (10 ms), multi-resolution banded DTW"


@dataclass
class AlignOptions:
    out_dir: Path = Path("audio")
    bitrate_kbps: int = 64
    quality: int = 7
    jobs: int = os.cpu_count() or 2
    quiet: bool = False
    pauses: Pauses = field(default_factory=Pauses)  # the reference's layout (what build_manifest reports)
    lexicon: Lexicon | None = field(default_factory=default_lexicon)  # the reference speaks as a build would


class RecordingEngine:
    """What the manifest says about the "engine" of an aligned article."""

    name = ENGINE_NAME

    def __init__(self, recordings: list[Recording], reference: EspeakEngine, warps: list[float],
                 scores: list[SectionScore]):
        self.voice = ""
        self.sample_rate = reference.sample_rate
        self._settings = {
            "recordings": [{"file": r.name, "sha256": r.sha256, "duration_ms": round(r.seconds * 1000)}
                           for r in recordings],
            "reference": {"engine": reference.name, "voice": reference.voice, **reference.settings},
            "method": METHOD, "frequency_warp": warps,
            "min_confidence": round(min(s.confidence for s in scores), 3),
        }

    @property
    def settings(self) -> dict:
        return self._settings


@dataclass
class AlignResult:
    slug: str
    path: Path
    sections: int
    duration_ms: int
    sentences: int
    words: dict[str, int]
    confidence: float
    encoded: int
    seconds: float
    align_seconds: float

    def summary(self) -> str:
        m, s = divmod(round(self.duration_ms / 1000), 60)
        counts = ", ".join(f"{n} {k}" for k, n in sorted(self.words.items()))
        return (f"{self.slug}: {self.sections} sections, {m}:{s:02d} min, {self.sentences} sentences, "
                f"words {counts}, lowest section confidence {self.confidence:.2f}, aligned in "
                f"{self.align_seconds:.1f} s, {self.encoded} files encoded, {self.seconds:.1f} s -> {self.path}")


def _check_count(article: Article, recordings: list) -> None:
    n = len(article.sections)
    if len(recordings) not in (1, n):
        raise AlignError(f"{len(recordings)} recordings for an article of {n} sections",
                         f"pass one recording for the whole article, or one per section ({n}) in order")


def _refusal(article: Article, scores: list[SectionScore]) -> AlignError:
    bad = [s for s in scores if s.refused]
    if len(bad) == len(scores) and len(scores) > 1:
        lo, hi = min(s.confidence for s in bad), max(s.confidence for s in bad)
        return AlignError(f"the recording does not match this article (confidence {lo:.2f} to {hi:.2f} "
                          f"in all {len(scores)} sections)",
                          "it narrates another text; pass the recording of this article")
    parts = []
    for s in bad:
        sec = article.sections[s.section]
        missing = (f", paragraph {', '.join(map(str, s.missing_paragraphs))} not found"
                   if s.missing_paragraphs else "")
        parts.append(f"section {sec.index} '{sec.heading}' confidence {s.confidence:.2f}{missing}")
    return AlignError("the recording does not match the text in " + "; ".join(parts),
                      f"the narration leaves out or changes this part (a section needs confidence "
                      f"{MIN_CONFIDENCE:.2f}); record it again, or change the text to what was read")


class Aligner:
    def __init__(self, article: Article, recording_paths: list[str | Path], options: AlignOptions):
        self.usage = None
        if options.lexicon is not None:  # a narrator says "Meeting" as English: so must the reference
            article, self.usage = apply_lexicon(article, options.lexicon, "espeak")
        self.article, self.paths, self.opt = article, [Path(p) for p in recording_paths], options

    def run(self) -> AlignResult:
        t0 = time.monotonic()
        _check_count(self.article, self.paths)
        reference_engine = EspeakEngine()
        rate = reference_engine.sample_rate
        recordings = [read_recording(p, rate) for p in self.paths]
        parts, results = self._align(reference_engine, recordings)
        align_seconds = time.monotonic() - t0
        scores = [s for r in results for s in r.scores]
        if any(s.refused for s in scores):
            raise _refusal(self.article, scores)
        for sc in scores:
            log.info("section %d: confidence %.3f", self.article.sections[sc.section].index, sc.confidence)
        engine = RecordingEngine(recordings, reference_engine, [r.warp for r in results], scores)
        manifest, encoded = self._publish(engine, parts, scores, rate)
        words: dict[str, int] = {}
        for sec in manifest["sections"]:
            for sent in sec["sentences"]:
                for w in sent["words"]:
                    words[w["method"]] = words.get(w["method"], 0) + 1
        return AlignResult(self.article.slug, Path(self.opt.out_dir) / self.article.slug,
                           len(self.article.sections), manifest["duration_ms"],
                           sum(len(s.sentences) for s in self.article.sections), words,
                           min(s.confidence for s in scores), encoded, time.monotonic() - t0, align_seconds)

    def _align(self, engine: EspeakEngine, recordings: list[Recording]) -> tuple[list[Part], list[PartResult]]:
        n_sent = sum(len(s.sentences) for s in self.article.sections)
        progress = Progress(n_sent, f"reference for {self.article.slug}", self.opt.quiet)
        refs = ReferenceBuilder(self.article, engine, Path(self.opt.out_dir) / ".cache", progress)
        groups = [list(range(len(self.article.sections)))] if len(recordings) == 1 else \
            [[i] for i in range(len(self.article.sections))]
        references = [refs.build(g) for g in groups]
        step = Progress(len(groups), f"aligning {self.article.slug}", self.opt.quiet, unit="recordings")
        parts, results = [], []
        for group, reference, recording in zip(groups, references, recordings):
            result = align_part(reference, recording.pcm, recording.rate)
            step(1)
            by_section = []
            for score in result.scores:
                idx = [k for k, s in enumerate(reference.sentences) if s.section == score.section]
                sentences = [result.sentences[k] for k in idx]
                if not score.refused:  # keep the path's times unless it collapsed or smeared a sentence
                    keep = [m or t for m, t in zip(score.matched, score.in_tempo)]
                    fill_between(sentences, keep, _sub(reference, idx))
                by_section.append(sentences)
            parts.append(Part(recording.pcm, recording.rate, group, by_section))
            results.append(result)
        return parts, results

    def _publish(self, engine: RecordingEngine, parts: list[Part], scores: list[SectionScore],
                 rate: int) -> tuple[dict, int]:
        tls, store = timelines(self.article, parts)
        settings = EncodeSettings(rate, self.opt.bitrate_kbps, self.opt.quality, ENGINE_NAME)
        with new_version(self.opt.out_dir, self.article.slug, replace_recording=True) as (versions, partial):
            manifest = self._fill(partial, engine, tls, store, settings, scores, rate)
            versions.publish(partial)
        return manifest, len(tls) + 1

    def _fill(self, partial: Path, engine, tls, store, settings, scores, rate) -> dict:
        article = self.article
        progress = Progress(len(tls) + 1, f"encoding {article.slug}", self.opt.quiet, unit="files")
        full = StreamEncoder(partial / full_file(article.slug), settings)
        pool = ThreadPoolExecutor(max_workers=max(1, self.opt.jobs - 1))
        try:
            jobs = [pool.submit(encode_section, partial / section_file(tl.section.index, tl.section.id), tl,
                                store, article, settings, len(tls)) for tl in tls]
            for tl in tls:
                full.feed(tl, store)
            full.finish(article, chapters(tls, rate))
            full = None
            progress(1)
            for job in jobs:
                job.result()
                progress(1)
        finally:
            if full is not None:
                full.abort()
            pool.shutdown(wait=True, cancel_futures=True)
        hashes = [content_digest([tl.timings[0].sha256 if tl.timings else "", tl.section.heading, tl.section.index,
                           article.title, self.opt.bitrate_kbps]) for tl in tls]
        lexicon = write_used_lexicon(partial, self.usage) if self.usage is not None and self.usage.entries else None
        manifest = build_manifest(article, engine, self.opt, tls, partial, rate,
                                  {"sections": hashes, "full": content_digest([hashes, article.slug])},
                                  pauses_ms={},  # the narrator's own pauses, nothing inserted
                                  aligned=[document.alignment(s.confidence, sum(s.matched), len(s.matched))
                                           for s in scores],
                                  lexicon=lexicon)
        write_sidecars(partial, manifest)
        return manifest


def _sub(reference: Reference, idx: list[int]) -> Reference:
    """A view of ``reference`` with only the sentences ``idx`` (for filling one section)."""
    return Reference(reference.pcm, reference.rate, reference.sections, [reference.sentences[k] for k in idx])


def align_article(article: Article, recordings: list[str | Path], options: AlignOptions | None = None) -> AlignResult:
    return Aligner(article, recordings, options or AlignOptions()).run()
