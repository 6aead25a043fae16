"""eSpeak NG's phonemes for a text, through the same library as the engine.

``espeak_TextToPhonemes`` translates one clause per call and honours
``[[phonemes]]`` only when the library's phoneme-input switch is on; that
switch is set by the flags of the last ``espeak_Synth`` call, so every lookup
first runs an empty synthesis with ``espeakPHONEMES`` (a few microseconds).
All calls hold the engine's lock: libespeak-ng has one global state.
"""
from __future__ import annotations

import ctypes
import logging

from ..errors import EngineError
from .espeak import ESPEAK_CHARS_UTF8, ESPEAK_PHONEMES, POS_CHARACTER, _Callback, _load, _lock

log = logging.getLogger(__name__)

PHONEMES_IPA = 0x02  # phonememode bit 1: IPA characters instead of eSpeak mnemonics


def _discard(wav, n, events) -> int:
    return 0


_DISCARD = _Callback(_discard)  # module-level: C keeps a pointer to it
_ready: dict = {}


def _lib() -> ctypes.CDLL:
    lib, _ = _load()
    if "ok" not in _ready:
        lib.espeak_TextToPhonemes.restype = ctypes.c_char_p
        lib.espeak_TextToPhonemes.argtypes = [ctypes.POINTER(ctypes.c_char_p), ctypes.c_int, ctypes.c_int]
        _ready["ok"] = True
    return lib


def text_to_phonemes(text: str, voice: str = "de", ipa: bool = False) -> str:
    """eSpeak's phonemes for ``text`` (mnemonics, or IPA with ``ipa``), one clause after
    another separated by " | "; ``[[...]]`` in the text is read as phonemes."""
    return " | ".join(clauses(text, voice, ipa))


def clauses(text: str, voice: str = "de", ipa: bool = False) -> list[str]:
    """The phonemes of each clause of ``text`` (see :func:`text_to_phonemes`)."""
    lib = _lib()
    data = text.replace("\x00", " ").encode("utf-8")
    out: list[str] = []
    with _lock:
        lib.espeak_SetSynthCallback(_DISCARD)
        if lib.espeak_SetVoiceByName(voice.encode()) != 0:
            raise EngineError(f"eSpeak NG has no voice '{voice}'", "use the voice 'de'")
        lib.espeak_Synth(b" ", 2, 0, POS_CHARACTER, 0, ESPEAK_CHARS_UTF8 | ESPEAK_PHONEMES, None, None)
        lib.espeak_Synchronize()
        buffer = ctypes.create_string_buffer(data)
        pointer = ctypes.c_char_p(ctypes.addressof(buffer))
        mode = PHONEMES_IPA if ipa else 0
        while pointer.value:
            result = lib.espeak_TextToPhonemes(ctypes.byref(pointer), ESPEAK_CHARS_UTF8, mode)
            if result:
                out.append(result.decode("utf-8", "replace").strip())
    return [c for c in out if c]
