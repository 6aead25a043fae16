"""Output versions: every build writes a complete new folder, then swaps a symlink.

    audio/<slug>                 -> symlink to .versions/<slug>/<version>
    audio/.versions/<slug>/<v>   complete builds (current and previous kept)
    audio/.versions/<slug>/<v>.partial   a build in progress (never served)
    audio/.versions/<slug>.lock  held (flock) while a build runs

The swap is one ``os.replace`` of a symlink, so a reader of ``audio/<slug>``
sees the old complete build or the new complete build, never a mix. A build
killed at any point leaves the previous version in place; its ``.partial``
folder is removed by the next build. Unchanged files are hard-linked from the
previous version, not copied.
"""
from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import logging
import os
import secrets
import shutil
import time
from pathlib import Path
from typing import Iterator

from ..errors import BuildLockedError, OutputError
from ..manifest.article import refuse_recorded
from ..checkpoints import checkpoint

log = logging.getLogger(__name__)


def prepare_output(out_dir: str | Path) -> Path:
    """The output folder, created if needed and checked writable (else an OutputError naming the fix)."""
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the output folder {out}",
                          f"{exc.strerror}; choose another folder with --out") from exc
    if not os.access(out, os.W_OK):
        raise OutputError(f"the output folder {out} is not writable",
                          "fix its permissions or choose another folder with --out")
    return out


@contextlib.contextmanager
def new_version(out_dir: str | Path, slug: str, replace_recording: bool = False) -> Iterator[tuple["Versions", Path]]:
    """Hold the article's lock and a new partial version folder for one build or alignment.

    The caller fills the folder and calls ``versions.publish(partial)``. If anything fails or is
    interrupted before that, the partial folder is removed; a file-system error becomes one
    OutputError (disk full, permissions), never a traceback. Unless ``replace_recording``, a
    current version that is a narrator's recording is refused (RecordedArticleError) while the
    lock is held, so no build started at the same time as an alignment can replace it."""
    out = prepare_output(out_dir)
    versions = Versions(out, slug)
    try:
        with versions.lock():
            if not replace_recording:
                refuse_recorded(out, slug)
            partial = versions.new_partial()
            try:
                yield versions, partial
            except BaseException:
                shutil.rmtree(partial, ignore_errors=True)  # an interrupted build leaves nothing behind
                raise
    except OSError as exc:
        raise OutputError(f"cannot write the output of '{slug}' in {out}",
                          f"{exc.strerror or exc}; free disk space, fix the folder's permissions "
                          "or choose another folder with --out") from exc


class Versions:
    def __init__(self, out_dir: str | Path, slug: str):
        self.out = Path(out_dir).absolute()  # a relative --out must not make paths compare unequal
        self.slug = slug
        self.link = self.out / slug
        self.root = self.out / ".versions" / slug

    def current(self) -> Path | None:
        """The folder of the current complete build, or None."""
        if self.link.is_symlink() or self.link.is_dir():
            target = self.link.resolve()
            if (target / "manifest.json").is_file():
                return target
        return None

    def current_manifest(self) -> dict | None:
        cur = self.current()
        if not cur:
            return None
        try:
            return json.loads((cur / "manifest.json").read_text("utf-8"))
        except (OSError, ValueError):
            log.warning("the previous manifest of %s is unreadable; building from scratch", self.slug)
            return None

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"cannot create the output folder {self.root}",
                              f"{exc.strerror}; choose another folder with --out or fix its permissions") from exc
        lock_path = self.root.parent / f"{self.slug}.lock"
        fh = open(lock_path, "a+")
        try:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                if exc.errno in (errno.EAGAIN, errno.EACCES):
                    raise BuildLockedError(f"another build of '{self.slug}' is running",
                                           f"wait for it to finish (lock file {lock_path})") from exc
                raise
            yield
        finally:
            fh.close()

    def new_partial(self) -> Path:
        for stale in self.root.glob("*.partial"):
            shutil.rmtree(stale, ignore_errors=True)
        name = time.strftime("%Y%m%dT%H%M%S") + f"-{os.getpid()}-{secrets.token_hex(3)}"
        path = self.root / f"{name}.partial"
        path.mkdir()
        return path

    def publish(self, partial: Path) -> Path:
        """Make the partial folder the current build (atomic symlink swap)."""
        before = self.current()
        final = partial.with_suffix("")
        os.replace(partial, final)
        fsync_dir(self.root)
        checkpoint("renamed")
        if self.link.exists() and not self.link.is_symlink():
            # an old plain folder (not made by this tool): move it aside once
            os.replace(self.link, self.root / f"legacy-{int(time.time())}")
        tmp_link = self.out / f".{self.slug}.link-{os.getpid()}"
        with contextlib.suppress(FileNotFoundError):
            tmp_link.unlink()
        os.symlink(os.path.relpath(final, self.out), tmp_link)
        os.replace(tmp_link, self.link)
        fsync_dir(self.out)
        checkpoint("published")
        self._prune({final.resolve(), before.resolve() if before else None})
        return final

    def _prune(self, keep: set[Path | None]) -> None:
        """Remove every version but the new one and the one it replaced (requests in
        flight may still read that), plus link temp files left by killed builds."""
        for path in self.root.iterdir():
            if path.is_dir() and not path.name.endswith(".partial") and path.resolve() not in keep:
                shutil.rmtree(path, ignore_errors=True)
        for stale in self.out.glob(f".{self.slug}.link-*"):
            with contextlib.suppress(OSError):
                stale.unlink()


def fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def link_or_copy(src: Path, dst: Path) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)
