"""Progress for long work: a bar with ETA on a terminal, plain lines otherwise."""
from __future__ import annotations

import sys
import time
from typing import Callable, TextIO


class Progress:
    def __init__(self, total: int, label: str, quiet: bool = False, stream: TextIO | None = None,
                 unit: str = "sentences"):
        self.total, self.label, self.quiet, self.unit = max(0, total), label, quiet, unit
        self.stream = stream or sys.stderr
        self.done = 0
        self.start = time.monotonic()
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self._last_step = -1
        self.callback: Callable[[int, int], None] | None = None  # (done, total) after each step

    def __call__(self, n: int = 1) -> None:
        self.done = min(self.total, self.done + n)
        if self.callback is not None:
            self.callback(self.done, self.total)
        if self.quiet or not self.total:
            return
        if self.tty:
            self._bar()
        else:
            step = self.done * 10 // self.total
            if step != self._last_step:
                self._last_step = step
                print(f"{self.label}: {self.done}/{self.total} {self.unit}", file=self.stream, flush=True)

    def _bar(self) -> None:
        elapsed = time.monotonic() - self.start
        frac = self.done / self.total
        eta = elapsed / frac - elapsed if frac else 0.0
        width = 28
        bar = "#" * int(frac * width) + "-" * (width - int(frac * width))
        self.stream.write(f"\r{self.label} [{bar}] {self.done}/{self.total} {self.unit}, ETA {eta:4.0f} s")
        if self.done == self.total:
            self.stream.write("\n")
        self.stream.flush()
