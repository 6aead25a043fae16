"""Locate ffmpeg and run it: decode anything to PCM, encode PCM to CBR MP3.

ffmpeg comes from PATH when present, else from the ``imageio-ffmpeg`` wheel
(a static build with libmp3lame but no ffprobe).
"""
from __future__ import annotations

import functools
import logging
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path
from typing import Iterable

from .errors import EncodeError

log = logging.getLogger(__name__)


@functools.lru_cache(maxsize=1)
def ffmpeg_path() -> str:
    """The ffmpeg binary: $VORLESER_FFMPEG, then PATH, then imageio-ffmpeg."""
    explicit = os.environ.get("VORLESER_FFMPEG")
    if explicit:
        return explicit
    found = shutil.which("ffmpeg")
    if found:
        return found
    try:
        import imageio_ffmpeg
        return imageio_ffmpeg.get_ffmpeg_exe()
    except Exception as exc:  # the wheel raises RuntimeError when its binary is absent
        raise EncodeError("ffmpeg was not found",
                          "it is neither on PATH nor in the imageio-ffmpeg wheel; "
                          "run 'pip install imageio-ffmpeg' or 'apt-get install ffmpeg'") from exc


def _run(args: list[str], stdin: bytes | None = None) -> bytes:
    cmd = [ffmpeg_path(), "-hide_banner", "-nostdin", "-loglevel", "error", *args]
    try:
        proc = subprocess.run(cmd, input=stdin, capture_output=True, check=False)
    except OSError as exc:
        raise EncodeError(f"could not start ffmpeg ({cmd[0]})", str(exc)) from exc
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise EncodeError(f"ffmpeg failed (exit {proc.returncode})",
                          err[-1] if err else "no error output")
    return proc.stdout


def decode_pcm(source: str | Path | bytes, sample_rate: int, input_format: str | None = None) -> bytes:
    """Decode a file (or bytes) to s16le mono PCM at ``sample_rate``."""
    fmt = ["-f", input_format] if input_format else []
    if isinstance(source, bytes):
        return _run([*fmt, "-i", "pipe:0", "-f", "s16le", "-ac", "1", "-ar", str(sample_rate), "pipe:1"], stdin=source)
    return _run([*fmt, "-i", str(source), "-f", "s16le", "-ac", "1", "-ar", str(sample_rate), "pipe:1"])


def encode_mp3(pcm: bytes | Iterable[bytes], sample_rate: int, out_path: str | Path,
               bitrate_kbps: int = 64, quality: int = 7) -> None:
    """Encode s16le mono PCM once to a constant-bitrate MP3 with its LAME/Info header.

    ``pcm`` may be bytes or an iterable of byte chunks (streamed to ffmpeg, so
    a long article never sits in memory twice). ``out_path`` must be a
    seekable file (the Info header is written last). ``quality`` is LAME's
    algorithm quality, 0 (slowest) to 9 (fastest).
    """
    cmd = [ffmpeg_path(), "-hide_banner", "-nostdin", "-loglevel", "error",
           "-f", "s16le", "-ar", str(sample_rate), "-ac", "1", "-i", "pipe:0",
           "-c:a", "libmp3lame", "-b:a", f"{bitrate_kbps}k", "-compression_level", str(quality),
           "-write_xing", "1", "-id3v2_version", "0", "-map_metadata", "-1",
           "-f", "mp3", "-y", str(out_path)]
    chunks = [pcm] if isinstance(pcm, (bytes, bytearray)) else pcm
    with tempfile.TemporaryFile() as err:
        try:
            # own process group: a Ctrl-C in the terminal reaches us, and we stop ffmpeg
            proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=err,
                                    process_group=0)
        except OSError as exc:
            raise EncodeError(f"could not start ffmpeg ({cmd[0]})", str(exc)) from exc
        try:
            for chunk in chunks:
                proc.stdin.write(chunk)
            proc.stdin.close()
        except BrokenPipeError:
            pass
        except BaseException:
            proc.kill()
            proc.wait()
            raise
        code = proc.wait()
        if code != 0:
            err.seek(0)
            lines = err.read().decode("utf-8", "replace").strip().splitlines()
            raise EncodeError(f"ffmpeg failed to encode {_final_name(out_path)} ({_status(code)})",
                              _cause(code, lines[-1] if lines else ""))


def _final_name(path: str | Path) -> str:
    """'.03-x.mp3.tmp' -> '03-x.mp3': name the file the user will look for."""
    name = Path(path).name
    return name.removeprefix(".").removesuffix(".tmp")


def _status(code: int) -> str:
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit {code}"


def _cause(code: int, last_line: str) -> str:
    full = ("No space left" in last_line or "File too large" in last_line
            or code in (-signal.SIGXFSZ, 128 + signal.SIGXFSZ))
    if full:
        return "the disk is full or a file size limit was hit; free space or choose another folder with --out"
    return last_line or "no error output"
