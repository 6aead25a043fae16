"""Read a recording: anything ffmpeg decodes, mono or stereo, any sample rate.

Each file is decoded once by ffmpeg to mono signed 16-bit PCM at the
pipeline's rate (channels mixed down, resampled); that PCM is what is aligned
and, cut at the section boundaries, what is encoded into the MP3s.
"""
from __future__ import annotations

import hashlib
import logging
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .. import ffmpeg
from ..errors import AlignError, EncodeError

log = logging.getLogger(__name__)

FORMATS = "MP3, WAV, M4A/AAC, OGG/Opus, FLAC or any other format ffmpeg reads"
MIN_SECONDS = 0.3


@dataclass
class Recording:
    name: str  # the file's name, for messages and the manifest
    pcm: np.ndarray  # int16 mono at ``rate``
    rate: int
    sha256: str  # of the file as given

    @property
    def seconds(self) -> float:
        return len(self.pcm) / self.rate


def _decode(path: Path, rate: int) -> np.ndarray:
    """ffmpeg writes the PCM to a temporary file that numpy reads once: a pipe would hold
    the whole recording twice while it is collected (100 MB for 20 minutes)."""
    with tempfile.TemporaryDirectory(prefix="vorleser-align-") as tmp:
        raw = Path(tmp) / "pcm.s16le"
        cmd = [ffmpeg.ffmpeg_path(), "-hide_banner", "-nostdin", "-loglevel", "error", "-i", str(path),
               "-f", "s16le", "-ac", "1", "-ar", str(rate), "-y", str(raw)]
        try:
            proc = subprocess.run(cmd, capture_output=True, check=False)
        except OSError as exc:
            raise EncodeError(f"could not start ffmpeg ({cmd[0]})", str(exc)) from exc
        if proc.returncode != 0:
            lines = proc.stderr.decode("utf-8", "replace").strip().splitlines()
            raise AlignError(f"ffmpeg cannot decode the recording {path.name}",
                             f"it is not audio ffmpeg understands ({lines[-1] if lines else 'no error output'}); "
                             f"pass a file in {FORMATS}")
        return np.fromfile(raw, dtype="<i2")


def read_recording(path: str | Path, rate: int) -> Recording:
    """Decode ``path``; raise AlignError naming the file and the fix when it cannot be used."""
    path = Path(path).expanduser()
    if not path.is_file():
        raise AlignError(f"the recording {path} does not exist" if not path.exists()
                         else f"the recording {path} is not a file",
                         "check the path; pass one audio file per recording")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise AlignError(f"cannot read the recording {path}", f"{exc.strerror}; check its permissions") from exc
    if not data:
        raise AlignError(f"the recording {path} is empty", f"pass an audio file ({FORMATS})")
    samples = _decode(path, rate)
    if len(samples) < MIN_SECONDS * rate:
        raise AlignError(f"the recording {path.name} holds no audio" if not len(samples)
                         else f"the recording {path.name} is only {len(samples) / rate:.2f} s long",
                         f"pass the narration of the article ({FORMATS})")
    log.debug("decoded %s: %.1f s", path.name, len(samples) / rate)
    return Recording(path.name, samples, rate, hashlib.sha256(data).hexdigest())
