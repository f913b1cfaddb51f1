"""Progress on stderr: one rewritten line on a terminal, plain periodic lines otherwise (CI logs)."""

from __future__ import annotations

import sys
import time
from typing import TextIO

__all__ = ["Progress", "format_duration"]


def format_duration(seconds: float) -> str:
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}h{minutes:02d}m{secs:02d}s"
    if minutes:
        return f"{minutes}m{secs:02d}s"
    return f"{secs}s"


class Progress:
    """Counter with rate and ETA. ``update`` is cheap to call after every run."""

    def __init__(
        self,
        total: int,
        stream: TextIO | None = None,
        enabled: bool = True,
        tty: bool | None = None,
        interval: float | None = None,
    ):
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled and total > 0
        self.tty = self.stream.isatty() if tty is None else tty
        self.interval = interval if interval is not None else (0.2 if self.tty else 30.0)
        self.started = time.monotonic()
        self.done = 0
        self.failed = 0
        self._last = 0.0
        self._last_decile = 0
        self._width = 0
        self._shown = -1

    def line(self) -> str:
        elapsed = time.monotonic() - self.started
        rate = self.done / elapsed if elapsed > 0 else 0.0
        pct = 100.0 * self.done / self.total if self.total else 100.0
        eta = (self.total - self.done) / rate if rate > 0 else 0.0
        return (
            f"[{self.done:>{len(str(self.total))}}/{self.total}] {pct:5.1f}%  {rate:6.1f} runs/s  "
            f"elapsed {format_duration(elapsed)}  ETA {format_duration(eta) if rate > 0 else '?'}  "
            f"failed {self.failed}"
        )

    def update(self, failed: bool = False) -> None:
        self.done += 1
        if failed:
            self.failed += 1
        if not self.enabled:
            return
        now = time.monotonic()
        decile = (10 * self.done) // self.total
        if now - self._last >= self.interval or (not self.tty and decile > self._last_decile):
            self._last = now
            self._last_decile = decile
            self._emit()

    def _emit(self) -> None:
        self._shown = self.done
        text = self.line()
        if self.tty:
            pad = max(0, self._width - len(text))
            self.stream.write("\r" + text + " " * pad)
            self._width = len(text)
        else:
            self.stream.write(text + "\n")
        self.stream.flush()

    def finish(self) -> None:
        if not self.enabled:
            return
        if self._shown != self.done:
            self._emit()
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()
