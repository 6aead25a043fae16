"""Sentence audio cache: PCM plus word onsets, keyed by what was spoken and how.

Key = sha256(engine key + spoken text + token starts). Each entry is two
files, ``<key>.pcm`` and ``<key>.json``; the JSON carries the PCM's sha256,
so a truncated or garbage entry is detected and re-synthesised, never copied
into an MP3. Entries are written atomically (PCM first, then JSON).
"""
from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from pathlib import Path

from ..atomic import write_bytes, write_text
from ..engines.base import METHODS, Speech, SpeechItem, word_methods

log = logging.getLogger(__name__)


def item_key(engine_key: str, item: SpeechItem) -> str:
    blob = json.dumps([engine_key, item.text, list(item.token_starts)], ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Timing:
    """What the manifest needs of a cached sentence, without its PCM."""
    samples: int
    sample_rate: int
    onsets: tuple[int, ...]
    estimated: bool
    sha256: str
    methods: tuple[str, ...] = ()  # per onset, one of engines.base.METHODS; () = derive from ``estimated``

    def method(self, j: int) -> str:
        """How onset ``j`` was found (a manifest word's ``method``)."""
        if self.methods:
            return self.methods[j]
        return "estimated" if self.estimated else "engine"


class SentenceCache:
    def __init__(self, root: str | Path):
        self.root = Path(root)

    def _paths(self, key: str) -> tuple[Path, Path]:
        folder = self.root / key[:2]
        return folder / f"{key}.pcm", folder / f"{key}.json"

    def timing(self, key: str) -> Timing | None:
        """The entry's metadata, or None when missing or unreadable."""
        pcm_path, meta_path = self._paths(key)
        try:
            meta = json.loads(meta_path.read_text("utf-8"))
            if "methods" not in meta:  # written before words recorded their method: make it anew
                log.debug("cache entry %s has no word methods; it will be re-synthesised", key[:12])
                return None
            timing = Timing(int(meta["samples"]), int(meta["sample_rate"]), tuple(int(x) for x in meta["onsets"]),
                            bool(meta["estimated"]), str(meta["sha256"]), tuple(str(m) for m in meta["methods"]))
            if pcm_path.stat().st_size != timing.samples * 2:
                raise ValueError("PCM size does not match its metadata")
            if len(timing.methods) != len(timing.onsets) or not set(timing.methods) <= set(METHODS):
                raise ValueError("word methods do not match the onsets")
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("cache entry %s is damaged (%s); it will be re-synthesised", key[:12], exc)
            return None
        return timing

    def pcm(self, key: str, timing: Timing) -> bytes | None:
        """The entry's PCM if its checksum matches, else None."""
        pcm_path, _ = self._paths(key)
        try:
            data = pcm_path.read_bytes()
        except OSError:
            return None
        if hashlib.sha256(data).hexdigest() != timing.sha256:
            log.warning("cache entry %s failed its checksum; it will be re-synthesised", key[:12])
            return None
        return data

    def put(self, key: str, speech: Speech) -> Timing:
        pcm_path, meta_path = self._paths(key)
        pcm_path.parent.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256(speech.pcm).hexdigest()
        methods = word_methods(speech)
        write_bytes(pcm_path, speech.pcm, durable=False)
        write_text(meta_path, json.dumps({"samples": speech.samples, "sample_rate": speech.sample_rate,
                                          "onsets": speech.token_onsets, "estimated": speech.estimated,
                                          "sha256": digest, "methods": methods}), durable=False)
        return Timing(speech.samples, speech.sample_rate, tuple(speech.token_onsets), speech.estimated, digest,
                      tuple(methods))

    def invalidate(self, key: str) -> None:
        for path in self._paths(key):
            path.unlink(missing_ok=True)
