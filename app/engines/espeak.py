"""eSpeak NG through its C API (ctypes): the offline default engine.

The library comes from the ``espeakng-loader`` wheel (libespeak-ng 1.52 with
German data); a system libespeak-ng is used only when the wheel is missing.
Word onsets are exact: they come from espeakEVENT_WORD events, whose
``sample`` field counts output samples and whose ``text_position`` counts
characters (1-based) of the text we passed in.
"""
from __future__ import annotations

import bisect
import contextlib
import ctypes
import ctypes.util
import logging
import signal
import threading
from typing import Sequence

from ..errors import EngineError
from ..checkpoints import checkpoint
from .base import Progress, Speech, SpeechItem

log = logging.getLogger(__name__)

AUDIO_OUTPUT_SYNCHRONOUS = 2
POS_CHARACTER = 1
ESPEAK_CHARS_UTF8 = 1
ESPEAK_PHONEMES = 0x100  # text inside [[ ]] is eSpeak phoneme mnemonics (from the pronunciation lexicon)
EVENT_LIST_TERMINATED, EVENT_WORD = 0, 1
PARAM_RATE, PARAM_PITCH = 1, 3
RATE_RANGE = (80, 450)  # words per minute that libespeak-ng accepts
PITCH_RANGE = (0, 99)


class _Event(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("unique_identifier", ctypes.c_uint),
                ("text_position", ctypes.c_int), ("length", ctypes.c_int),
                ("audio_position", ctypes.c_int), ("sample", ctypes.c_int),
                ("user_data", ctypes.c_void_p), ("id", ctypes.c_char * 8)]


_Callback = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int,
                             ctypes.POINTER(_Event))

# libespeak-ng keeps global state: one process-wide instance, one synthesis at a time.
_lock = threading.Lock()
_state: dict = {}


def _load() -> tuple[ctypes.CDLL, int]:
    if "lib" in _state:
        return _state["lib"], _state["rate"]
    try:
        import espeakng_loader
        lib_path, data_path = espeakng_loader.get_library_path(), espeakng_loader.get_data_path()
    except ImportError:
        lib_path, data_path = ctypes.util.find_library("espeak-ng"), None
    if not lib_path:
        raise EngineError("eSpeak NG is not available",
                          "the espeakng-loader wheel is not installed; run 'pip install espeakng-loader'")
    try:
        lib = ctypes.CDLL(lib_path)
    except OSError as exc:
        raise EngineError(f"could not load libespeak-ng from {lib_path}", str(exc)) from exc
    lib.espeak_Initialize.restype = ctypes.c_int
    lib.espeak_Synth.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int,
                                 ctypes.c_uint, ctypes.c_uint, ctypes.c_void_p, ctypes.c_void_p]
    rate = lib.espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0,
                                 data_path.encode() if data_path else None, 0)
    if rate <= 0:
        raise EngineError("eSpeak NG failed to initialise", f"espeak-ng-data not found at {data_path}")
    lib.espeak_Info.restype = ctypes.c_char_p
    lib.espeak_Info.argtypes = [ctypes.c_void_p]
    version = (lib.espeak_Info(None) or b"unknown").decode("ascii", "replace").split()[0]
    _state.update(lib=lib, rate=rate, version=version)
    return lib, rate


def library_version() -> str:
    """The version of the libespeak-ng actually loaded (part of the cache key: another
    version may speak the same text differently)."""
    _load()
    return _state["version"]


class EspeakEngine:
    """German eSpeak NG voice. ``rate`` in words per minute, ``pitch`` 0–99."""

    name = "espeak"
    concurrency = 1  # libespeak-ng is one process-wide instance

    def __init__(self, voice: str = "de", rate: int = 175, pitch: int = 50):
        if not RATE_RANGE[0] <= rate <= RATE_RANGE[1]:
            raise EngineError(f"speech rate {rate} is out of range",
                              "use --rate between {} and {} words per minute".format(*RATE_RANGE))
        if not PITCH_RANGE[0] <= pitch <= PITCH_RANGE[1]:
            raise EngineError(f"pitch {pitch} is out of range", "use --pitch between {} and {}".format(*PITCH_RANGE))
        self.voice, self.rate, self.pitch = voice, rate, pitch
        self._lib, self.sample_rate = _load()
        self._chunks: list[bytes] = []
        self._pending: BaseException | None = None
        self._interrupted = False
        self._events: list[tuple[int, int, int]] = []
        self._callback = _Callback(self._on_audio)  # keep a reference: C holds a pointer to it

    @property
    def settings(self) -> dict:
        return {"rate": self.rate, "pitch": self.pitch, "library": f"libespeak-ng {library_version()}"}

    def _on_audio(self, wav, n, events) -> int:
        # An exception cannot cross the C boundary (ctypes would print and drop it):
        # keep it, stop eSpeak (return 1), re-raise after Synth. Ctrl-C is deferred
        # by _deferred_sigint for the same reason and stops eSpeak the same way.
        if self._interrupted:
            return 1
        try:
            if n > 0:
                self._chunks.append(ctypes.string_at(wav, n * 2))
            i = 0
            while events[i].type != EVENT_LIST_TERMINATED:
                ev = events[i]
                if ev.type == EVENT_WORD:
                    self._events.append((ev.text_position, ev.sample, ev.audio_position))
                i += 1
        except BaseException as exc:
            self._pending = exc
            return 1
        return 0

    def _configure(self) -> None:
        lib = self._lib
        lib.espeak_SetSynthCallback(self._callback)
        if lib.espeak_SetVoiceByName(self.voice.encode()) != 0:
            raise EngineError(f"eSpeak NG has no voice '{self.voice}'", "use the voice 'de'")
        lib.espeak_SetParameter(PARAM_RATE, self.rate, 0)
        lib.espeak_SetParameter(PARAM_PITCH, self.pitch, 0)

    def synthesize(self, items: Sequence[SpeechItem], progress: Progress | None = None) -> list[Speech]:
        out = []
        with _lock, self._deferred_sigint():
            self._configure()
            for item in items:
                out.append(self._one(item))
                if self._interrupted:
                    break
                if progress:
                    progress(1)
                checkpoint("espeak-between-items")
        if self._interrupted:
            self._interrupted = False
            raise KeyboardInterrupt
        return out

    @contextlib.contextmanager
    def _deferred_sigint(self):
        """While eSpeak runs, Ctrl-C only sets a flag (a KeyboardInterrupt raised inside
        the ctypes callback would be printed and lost); it is raised afterwards."""
        if threading.current_thread() is not threading.main_thread() or \
                signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
            yield
            return

        def flag(signum, frame):
            self._interrupted = True

        previous = signal.signal(signal.SIGINT, flag)
        try:
            yield
        finally:
            signal.signal(signal.SIGINT, previous)

    def _one(self, item: SpeechItem) -> Speech:
        self._chunks, self._events, self._pending = [], [], None
        data = item.text.encode("utf-8")
        status = self._lib.espeak_Synth(data, len(data) + 1, 0, POS_CHARACTER, 0, ESPEAK_CHARS_UTF8 | ESPEAK_PHONEMES,
                                        None, None)
        self._lib.espeak_Synchronize()
        if self._pending is not None:
            pending, self._pending = self._pending, None
            raise pending
        if status != 0:
            raise EngineError(f"eSpeak NG failed on: {item.text[:60]!r}", f"error code {status}")
        pcm = b"".join(self._chunks)
        total = len(pcm) // 2
        placed = _place(item, self._events, total, self.sample_rate)
        methods = ["engine" if at is not None else "interpolated" for at in placed]
        onsets = _fill(placed, list(item.token_starts), len(item.text), total)
        return Speech(pcm, self.sample_rate, onsets, methods=methods)


def map_onsets(item: SpeechItem, events: list[tuple[int, int, int]], total: int, sample_rate: int) -> list[int]:
    """Turn WORD events into one onset (in samples) per token.

    An event's text position may point at the space before its word (seen
    after "z. B."); it is moved to the next non-space character. A token that
    got no event of its own (eSpeak merges some words) is placed between its
    neighbours in proportion to the characters.
    """
    return _fill(_place(item, events, total, sample_rate), list(item.token_starts), len(item.text), total)


def _place(item: SpeechItem, events: list[tuple[int, int, int]], total: int, sample_rate: int) -> list[int | None]:
    """The onset of each token that has a WORD event of its own, else None."""
    starts = list(item.token_starts)
    text = item.text
    onsets: list[int | None] = [None] * len(starts)
    for text_position, sample, audio_ms in events:
        pos = text_position - 1
        while 0 <= pos < len(text) and text[pos].isspace():
            pos += 1
        idx = bisect.bisect_right(starts, pos) - 1
        if idx < 0:
            idx = 0
        at = sample if sample > 0 or audio_ms == 0 else audio_ms * sample_rate // 1000
        if onsets[idx] is None:
            onsets[idx] = min(at, total)
    return onsets


def _fill(onsets: list[int | None], starts: list[int], text_len: int, total: int) -> list[int]:
    if not onsets:
        return []
    if onsets[0] is None:
        onsets[0] = 0
    # enforce monotonic known points, then interpolate gaps by character position
    last = 0
    for i, v in enumerate(onsets):
        if v is not None:
            if v < last:
                onsets[i] = last
            last = onsets[i]
    known = [i for i, v in enumerate(onsets) if v is not None]
    result = list(onsets)
    for a_i, b_i in zip(known, known[1:] + [None]):
        if b_i is None:
            b_pos, b_val = text_len, total
        else:
            b_pos, b_val = starts[b_i], onsets[b_i]
        a_pos, a_val = starts[a_i], onsets[a_i]
        end = b_i if b_i is not None else len(onsets)
        for j in range(a_i + 1, end):
            frac = (starts[j] - a_pos) / max(1, b_pos - a_pos)
            result[j] = int(a_val + frac * (b_val - a_val) * (0.9 if b_i is None else 1))
    return [int(v) for v in result]
