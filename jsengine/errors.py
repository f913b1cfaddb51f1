"""Exceptions that carry JS completions through Python code.

``JSThrow`` is a JS ``throw``: it carries either a JS value or, for errors raised by the engine
itself, a pending (constructor name, message) pair that becomes an Error object of the realm that
observes it. Budget exhaustion is ``BudgetExceeded``, which JS cannot catch.
"""

from __future__ import annotations


class JSThrow(Exception):
    """A JS exception in flight (a throw completion)."""

    __slots__ = ("value", "kind", "msg", "realm")

    def __init__(self, value=None, kind: str | None = None, msg: str = "") -> None:
        super().__init__()
        self.value = value
        self.kind = kind  # e.g. "TypeError" when the Error object is not made yet
        self.msg = msg
        self.realm = None

    def get_value(self, realm=None):
        """The thrown JS value, creating the pending Error object in ``realm`` if needed."""
        if self.kind is not None:
            from .builtins.error import make_error

            if realm is None:
                from .budget import AGENT

                realm = AGENT.realm
            self.value = make_error(self.realm or realm, self.kind, self.msg, tb=self.__traceback__)
            self.kind = None
        return self.value

    def __str__(self) -> str:
        if self.kind is not None:
            return f"{self.kind}: {self.msg}"
        return f"JSThrow({self.value!r})"


def type_error(msg: str) -> JSThrow:
    return JSThrow(kind="TypeError", msg=msg)


def range_error(msg: str) -> JSThrow:
    return JSThrow(kind="RangeError", msg=msg)


def reference_error(msg: str) -> JSThrow:
    return JSThrow(kind="ReferenceError", msg=msg)


def syntax_error(msg: str) -> JSThrow:
    return JSThrow(kind="SyntaxError", msg=msg)


class BudgetExceeded(Exception):
    """A budget (steps, memory, time) ran out; JS code cannot catch this."""

    def __init__(self, kind: str, limit, detail: str = "") -> None:
        self.kind = kind
        self.limit = limit
        self.detail = detail
        super().__init__(self._text())

    def _text(self) -> str:
        if self.kind == "memory":
            lim = f"{self.limit / 2**20:.0f} MB"
        elif self.kind == "time":
            lim = f"{self.limit:g} s"
        else:
            lim = f"{self.limit:,} steps"
        extra = f" ({self.detail})" if self.detail else ""
        return f"{self.kind} budget exhausted: limit {lim}{extra}"


class JSError(Exception):
    """An uncaught JS exception, as seen from Python."""

    def __init__(self, name: str, message: str, stack: str = "", value=None) -> None:
        self.name = name
        self.message = message
        self.stack = stack
        self.value = value  # the thrown value converted by interop (may be None)
        super().__init__(f"Uncaught {name}: {message}" if name else f"Uncaught {message}")


class JSSyntaxError(JSError):
    """A SyntaxError found while parsing or compiling (includes early errors)."""

    def __init__(self, message: str, filename: str = "<script>", line: int = 1, column: int = 1,
                 source_line: str = "") -> None:
        self.filename = filename
        self.line = line
        self.column = column
        self.source_line = source_line
        super().__init__("SyntaxError", message, f"SyntaxError: {message}\n    at {filename}:{line}:{column}")

    def __str__(self) -> str:
        out = f"{self.filename}:{self.line}:{self.column}\n"
        if self.source_line is not None and len(self.source_line) <= 400:
            out += f"{self.source_line}\n{' ' * (self.column - 1)}^\n"
        elif self.source_line:
            start = max(0, self.column - 60)
            out += f"{self.source_line[start:start + 120]}\n{' ' * (self.column - 1 - start)}^\n"
        return out + f"\nSyntaxError: {self.message}"


class HostError(Exception):
    """Raised by a host function to throw a JS error of a given type."""

    def __init__(self, name: str, message: str) -> None:
        self.name = name
        self.message = message
        super().__init__(f"{name}: {message}")
