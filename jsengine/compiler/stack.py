"""JS stack traces read off the Python frames, at no cost until an Error is made.

Closures that can fail have a free variable ``_pos`` = (line, column); the call protocol methods of
``JSCompiledFunction`` mark JS frame boundaries (``self`` is the function). Script code is run by
``run_body`` whose frame names the file.
"""

from __future__ import annotations

import sys

from .runtime import JSCompiledFunction

_BOUNDARY_CODES = {JSCompiledFunction.call.__code__, JSCompiledFunction.construct.__code__}
_SCRIPT_CODES: set = set()


def register_script_runner(code) -> None:
    _SCRIPT_CODES.add(code)


def _frames(tb=None):
    if tb is not None:
        inner = []
        t = tb
        while t is not None:
            inner.append(t.tb_frame)
            t = t.tb_next
        yield from reversed(inner)
        f = tb.tb_frame.f_back
    else:
        f = sys._getframe(2)
    while f is not None:
        yield f
        f = f.f_back


def capture_stack(tb=None, limit: int = 10) -> list[tuple[str, str, int, int]]:
    """[(function name, file, line, column)] innermost first."""
    out: list[tuple[str, str, int, int]] = []
    pos = None
    for f in _frames(tb):
        code = f.f_code
        if pos is None and "_pos" in code.co_freevars:
            try:
                pos = f.f_locals.get("_pos")
            except Exception:  # pragma: no cover - defensive
                pos = None
        elif code in _BOUNDARY_CODES:
            fn = f.f_locals.get("self")
            c = getattr(fn, "code", None)
            if c is None:
                continue
            name = c.name
            if code is JSCompiledFunction.construct.__code__:
                name = f"new {name or '<anonymous>'}"
            line, col = pos if pos is not None else (c.line, c.column)
            out.append((name, c.filename, line, col))
            pos = None
            if len(out) >= limit:
                break
        elif code in _SCRIPT_CODES:
            filename = f.f_locals.get("filename", "<script>")
            if pos is not None:
                out.append(("", filename, pos[0], pos[1]))
            pos = None
            if len(out) >= limit:
                break
    return out


def format_stack(frames) -> str:
    lines = []
    for name, filename, line, col in frames:
        if name:
            lines.append(f"    at {name} ({filename}:{line}:{col})")
        else:
            lines.append(f"    at {filename}:{line}:{col}")
    return "\n".join(lines)
