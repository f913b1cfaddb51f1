"""`console`: what a script prints goes to the run's log (and, for the CLI, to the terminal)."""

from __future__ import annotations

from collections.abc import Callable


class Output:
    """Collects console output of one run up to a size limit, echoing each line as it comes.

    The engine formats console arguments; it calls this object with (level, text) per call.
    """

    def __init__(self, limit_bytes: int, echo: Callable[[str, str], None] | None = None) -> None:
        self.limit = limit_bytes
        self.echo = echo
        self.lines: list[str] = []
        self.size = 0
        self.truncated = False

    def __call__(self, level: str, text: str) -> None:
        if self.truncated:
            return
        size = len(text) + 1
        if self.size + size > self.limit:
            self.truncated = True
            text = f"[output truncated: more than {self.limit // 1024} KiB printed]"
            level = "warn"
        else:
            self.size += size
        self.lines.append(text)
        if self.echo is not None:
            self.echo(level, text)

    def text(self) -> str:
        """Everything printed, one console call per line."""
        return "\n".join(self.lines)
