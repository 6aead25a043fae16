"""gTTS: Google's natural German voice, for users who are online.

Each sentence is cut into chunks of at most 100 characters at token
boundaries (see :mod:`.gtts_chunks`); every chunk is one request, fetched with
bounded concurrency and retries (see :mod:`.gtts_http`), and decoded on its
own. Chunk boundaries are therefore exact. Word onsets inside a chunk come
from aligning the chunk's audio with eSpeak's synthesis of the same words
(:mod:`app.align.speech`, method "aligned"); an answer that does not match its
text keeps the character-proportional estimate (method "estimated").
"""
from __future__ import annotations

import logging
import os
import random
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from typing import Sequence

import requests
from requests.adapters import HTTPAdapter
from gtts.lang import tts_langs

from .. import ffmpeg
from ..errors import EngineError
from .base import Progress, Speech, SpeechItem
from .gtts_chunks import Chunk, chunk_onsets, split_chunks
from .gtts_http import ENV_URL, RPC_PATH, Cancelled, RetryPolicy, base_url, fetch_mp3, request_bodies
from .gtts_http import is_reachable as _host_reachable

log = logging.getLogger(__name__)

SAMPLE_RATE = 24000  # Google sends 24 kHz mono MP3


def is_reachable(timeout: float = 3.0) -> bool:
    """True when Google's TTS host (or ``$VORLESER_GTTS_URL``) answers within ``timeout``."""
    return _host_reachable(timeout=timeout)


def _check(ok: bool, what: str, fix: str) -> None:
    if not ok:
        raise EngineError(f"invalid gTTS setting: {what}", fix)


class GttsEngine:
    name = "gtts"
    sample_rate = SAMPLE_RATE

    def __init__(self, lang: str = "de", tld: str = "de", slow: bool = False, timeout: float = 10.0,
                 retries: int = 5, backoff: float = 0.5, max_backoff: float = 8.0, concurrency: int = 4,
                 session: requests.Session | None = None, base: str | None = None, align_words: bool = True):
        _check(lang in tts_langs(), f"language {lang!r}", "use a gTTS language code such as 'de'")
        _check(bool(tld) and "/" not in tld, f"tld {tld!r}", "use a Google domain ending such as 'de' or 'com'")
        _check(timeout > 0, f"timeout {timeout}", "use a positive number of seconds")
        _check(retries >= 0, f"retries {retries}", "use 0 or more")
        _check(backoff >= 0 and max_backoff >= 0, f"backoff {backoff}/{max_backoff}", "use 0 or more seconds")
        _check(concurrency >= 1, f"concurrency {concurrency}", "use 1 or more")
        self.lang, self.tld, self.slow = lang, tld, bool(slow)
        self.voice = lang
        self.timeout, self.retries = timeout, retries
        self.backoff, self.max_backoff = backoff, max_backoff
        self.max_retry_after = 30.0  # cap for a server's Retry-After
        self.concurrency = concurrency
        self.base = base_url(tld, base)
        self._overridden = bool(base or os.environ.get(ENV_URL))
        self.url = self.base + RPC_PATH
        self.session = session or self._new_session()
        self.sleep = time.sleep  # injectable: tests don't wait
        self.random = random.random
        self.align_words = bool(align_words)
        self._aligner = None
        self._alignable: dict = {}  # (item, chunk) -> eSpeak reference, for chunks of one answer
        self._refs_ready = threading.Event()

    def _new_session(self) -> requests.Session:
        session = requests.Session()
        adapter = HTTPAdapter(pool_maxsize=max(10, self.concurrency))
        session.mount("https://", adapter)
        session.mount("http://", adapter)
        return session

    @property
    def settings(self) -> dict:
        settings = {"lang": self.lang, "tld": self.tld, "slow": self.slow}
        if self._overridden:  # a stand-in server must not share the cache with Google
            settings["endpoint"] = self.base
        if self.align_words:  # word times differ from the estimate's: not the same cache entry
            settings["words"] = "aligned"
        return settings

    def _policy(self, cancelled: threading.Event) -> RetryPolicy:
        # the real sleep wakes up early when another request failed, so no worker lingers
        sleep = cancelled.wait if self.sleep is time.sleep else self.sleep
        return RetryPolicy(self.timeout, self.retries, self.backoff, self.max_backoff,
                           self.max_retry_after, sleep, self.random)

    def synthesize(self, items: Sequence[SpeechItem], progress: Progress | None = None) -> list[Speech]:
        plans = [split_chunks(item.text, item.token_starts) for item in items]
        jobs: list[tuple[int, int, int, str]] = []  # (item, chunk, part, request body)
        for i, chunks in enumerate(plans):
            for c, chunk in enumerate(chunks):
                bodies = request_bodies(chunk.text, self.lang, self.tld, self.slow) if chunk.speakable else []
                jobs += [(i, c, p, body) for p, body in enumerate(bodies)]
        pending = [0] * len(items)
        for i, *_ in jobs:
            pending[i] += 1
        for i, count in enumerate(pending):
            if count == 0 and progress:
                progress(1)
        n_parts: dict[tuple[int, int], int] = {}
        for i, c, *_ in jobs:
            n_parts[(i, c)] = n_parts.get((i, c), 0) + 1
        # eSpeak's references are made while the first requests are in flight; decoding waits for them
        refs: dict = {}
        self._alignable, self._refs_ready = {}, threading.Event()
        maker = threading.Thread(target=self._make_references, args=(plans, n_parts, refs), daemon=True,
                                 name="gtts-references")
        maker.start()
        try:
            done = self._run(jobs, pending, progress)
        finally:
            maker.join()
        if "error" in refs:
            raise refs["error"]
        references = refs.get("all", {})
        parts: dict[tuple[int, int], list[bytes]] = {}
        aligned: dict[tuple[int, int], tuple[list[int], list[str]] | None] = {}
        for (i, c, _), (pcm, words) in sorted(done.items()):
            parts.setdefault((i, c), []).append(pcm)
            if (i, c) in self._alignable:
                aligned[(i, c)] = words
        for key, ref in references.items():  # chunks gTTS split further: align the joined audio
            if key not in aligned and key in parts:
                aligned[key] = self._align(ref, b"".join(parts[key]))
        return [self._speech(i, chunks, parts, aligned) for i, chunks in enumerate(plans)]

    def _make_references(self, plans: list[list[Chunk]], n_parts: dict, out: dict) -> None:
        """Runs in its own thread: the references, then the chunks that can be aligned on decoding."""
        try:
            out["all"] = self._references(plans)
            self._alignable = {key: ref for key, ref in out["all"].items() if n_parts.get(key) == 1}
        except BaseException as exc:  # re-raised by synthesize()
            out["error"] = exc
        finally:
            self._refs_ready.set()

    def _references(self, plans: list[list[Chunk]]) -> dict:
        """eSpeak's synthesis of every speakable chunk, with exact word onsets (one batch)."""
        if not self.align_words:
            return {}
        if self._aligner is None:
            from ..align.speech import SpeechAligner
            self._aligner = SpeechAligner()
        keys = [(i, c) for i, chunks in enumerate(plans) for c, ch in enumerate(chunks) if ch.speakable]
        items = []
        for i, c in keys:
            starts, pos = [], 0
            for token in plans[i][c].tokens:
                starts.append(pos)
                pos += len(token)
            items.append(SpeechItem("".join(plans[i][c].tokens), tuple(starts)))
        return dict(zip(keys, self._aligner.references(items))) if items else {}

    def _align(self, reference: Speech, pcm: bytes) -> tuple[list[int], list[str]] | None:
        return self._aligner.onsets(reference, pcm, SAMPLE_RATE)

    def _decode(self, mp3: bytes, key: tuple[int, int, int]) -> tuple[bytes, tuple[list[int], list[str]] | None]:
        """Runs on the decode pool: decode, and align a chunk that came in one answer."""
        pcm = ffmpeg.decode_pcm(mp3, SAMPLE_RATE, "mp3")
        if not self.align_words:
            return pcm, None
        self._refs_ready.wait()
        ref = self._alignable.get(key[:2])
        return pcm, (self._align(ref, pcm) if ref is not None else None)

    def _run(self, jobs: list[tuple[int, int, int, str]], pending: list[int],
             progress: Progress | None) -> dict[tuple[int, int, int], tuple[bytes, object]]:
        """Fetch all jobs, at most ``concurrency`` at a time, and decode each answer on a
        separate pool (one ffmpeg per core), so decoding never holds a request slot.
        The first failure wins."""
        if not jobs:
            return {}
        cancelled = threading.Event()
        policy = self._policy(cancelled)
        pool = ThreadPoolExecutor(max_workers=min(self.concurrency, len(jobs)),
                                  thread_name_prefix="gtts")
        decoder = ThreadPoolExecutor(max_workers=os.cpu_count() or 2, thread_name_prefix="gtts-decode")
        futures: dict[Future, tuple[int, int, int]] = {}
        decoding: dict[Future, tuple[int, int, int]] = {}
        done: dict[tuple[int, int, int], tuple[bytes, object]] = {}  # key -> (PCM, aligned words or None)
        try:
            for i, c, p, body in jobs:
                futures[pool.submit(self._fetch_mp3, body, policy, cancelled)] = (i, c, p)
            for fut in as_completed(futures):
                error = fut.exception()
                if isinstance(error, Cancelled):  # the failure that cancelled it comes through too
                    continue
                if error is not None:
                    raise error
                decoding[decoder.submit(self._decode, fut.result(), futures[fut])] = futures[fut]
            for fut in as_completed(decoding):
                key = decoding[fut]
                done[key] = fut.result()
                pending[key[0]] -= 1
                if pending[key[0]] == 0 and progress:
                    progress(1)
        except BaseException:
            cancelled.set()
            pool.shutdown(wait=False, cancel_futures=True)
            decoder.shutdown(wait=False, cancel_futures=True)
            raise
        pool.shutdown(wait=True)
        decoder.shutdown(wait=True)
        return done

    def _fetch_mp3(self, body: str, policy: RetryPolicy, cancelled: threading.Event) -> bytes:
        """Runs in a worker: the first failure stops all other workers at their next step."""
        try:
            mp3 = fetch_mp3(self.session, self.url, body, self.lang, policy, cancelled)
            if cancelled.is_set():
                raise Cancelled()
            return mp3
        except Cancelled:
            raise
        except Exception:
            cancelled.set()
            raise

    @staticmethod
    def _speech(i: int, chunks: list[Chunk], parts: dict[tuple[int, int], list[bytes]],
                aligned: dict[tuple[int, int], tuple[list[int], list[str]] | None]) -> Speech:
        """Concatenate an item's decoded chunks: chunk starts are exact, onsets inside are
        aligned where the answer matched its text, else estimated."""
        pcm: list[bytes] = []
        onsets: list[int] = []
        methods: list[str] = []
        offset = 0
        for c, chunk in enumerate(chunks):
            chunk_pcm = b"".join(parts.get((i, c), []))
            found = aligned.get((i, c))
            if found is not None and len(found[0]) == len(chunk.tokens):
                onsets += [offset + o for o in found[0]]
                methods += found[1]
            else:
                onsets += chunk_onsets(chunk, chunk_pcm, offset)
                methods += ["estimated" if chunk.speakable and chunk_pcm else "interpolated"] * len(chunk.tokens)
            offset += len(chunk_pcm) // 2
            pcm.append(chunk_pcm)
        return Speech(pcm=b"".join(pcm), sample_rate=SAMPLE_RATE, token_onsets=onsets,
                      estimated="estimated" in methods, methods=methods)
