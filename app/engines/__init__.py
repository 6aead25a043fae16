"""Speech engines behind one interface (see :mod:`app.engines.base`)."""
from __future__ import annotations

import logging

from ..errors import EngineError
from .base import Engine, Speech, SpeechItem, engine_key

log = logging.getLogger(__name__)
ENGINES = ("espeak", "gtts", "auto")


def get_engine(name: str = "espeak", *, rate: int = 175, pitch: int = 50, notice=print) -> Engine:
    """Create an engine by name. ``auto`` uses gTTS when Google is reachable,
    else eSpeak NG, and says which in one line through ``notice``."""
    if name == "espeak":
        from .espeak import EspeakEngine
        return EspeakEngine(rate=rate, pitch=pitch)
    if name == "gtts":
        from .gtts_engine import GttsEngine
        return GttsEngine()
    if name == "auto":
        from .gtts_engine import is_reachable
        if is_reachable():
            notice("engine auto: Google TTS is reachable, using gtts")
            return get_engine("gtts")
        notice("engine auto: Google TTS is not reachable, using espeak (offline)")
        return get_engine("espeak", rate=rate, pitch=pitch)
    raise EngineError(f"unknown engine '{name}'", f"choose one of {', '.join(ENGINES)}")


__all__ = ["Engine", "Speech", "SpeechItem", "engine_key", "get_engine", "ENGINES"]
