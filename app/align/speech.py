"""Align short synthesised speech (one gTTS answer) with eSpeak's reference of the same text.

Used by the gTTS engine: Google's MP3 has no word times, eSpeak's synthesis of
the same words has exact ones. The two are aligned like a recording and an
article; an answer that does not match its text (the confidence check fails)
keeps the character-proportional estimate.
"""
from __future__ import annotations

import logging
from typing import Sequence

import numpy as np

from ..engines.base import Speech, SpeechItem
from .aligner import align_part
from .reference import RefSentence, Reference, _speech_end

log = logging.getLogger(__name__)

PAD_S = 0.15


class SpeechAligner:
    """Holds the eSpeak reference engine (created on first use)."""

    def __init__(self):
        self._engine = None
        self.warp: float | None = None  # the voice's frequency warp, found on the first answer

    def references(self, items: Sequence[SpeechItem]) -> list[Speech]:
        if self._engine is None:
            from ..engines.espeak import EspeakEngine
            self._engine = EspeakEngine()
        return self._engine.synthesize(list(items))

    def onsets(self, reference: Speech, pcm: bytes, rate: int) -> tuple[list[int], list[str]] | None:
        """Onsets (samples of ``pcm``) and methods of the reference's tokens, or None when the
        audio does not match the reference's text."""
        audio = np.frombuffer(pcm, dtype="<i2")
        if not len(audio) or not reference.samples:
            return None
        pad = int(PAD_S * reference.sample_rate)  # an answer has little silence around it: a short pad
        ref_audio = np.frombuffer(reference.pcm, dtype="<i2")
        ref = Reference(np.concatenate([np.zeros(pad, np.int16), ref_audio, np.zeros(pad, np.int16)]),
                        reference.sample_rate, [0])
        methods = reference.methods or ["engine"] * len(reference.token_onsets)
        ref.sentences.append(RefSentence(0, 0, 1, pad, pad + len(ref_audio), pad + _speech_end(ref_audio),
                                         [pad + o for o in reference.token_onsets], list(methods)))
        result = align_part(ref, audio, rate, warp=self.warp, against_chance=False)
        if result.scores[0].refused:
            log.debug("answer does not match its text (confidence %.2f); words stay estimated",
                      result.scores[0].confidence)
            return None
        self.warp = result.warp  # the same voice answers every request
        mapped = result.sentences[0]
        return [min(len(audio), int(round(t * rate))) for t in mapped.onsets], mapped.methods
