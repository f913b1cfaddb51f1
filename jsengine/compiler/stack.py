"""JS stack traces read off the Python frames, at no cost until an Error is made.

Closures that can fail have a free variable ``_pos`` = (line, column); the call protocol methods of
``JSCompiledFunction`` mark JS frame boundaries (``self`` is the function). Script code is run by
``run_body`` whose frame names the file.
"""

from __future__ import annotations

import sys

from .codegen import (MEMBER_GET_AT_BOUNDARY, index_get_at, member_get_at, member_set_at, tdz_error_at,
                      update_member_at)
from .runtime import JSCompiledFunction, global_get_at

_POS_ARG_CODES = {member_get_at.__code__, member_set_at.__code__, tdz_error_at.__code__, global_get_at.__code__,
                  index_get_at.__code__, update_member_at.__code__}  # helpers of inlined code: _pos is an argument
_BOUNDARY_CODES = {JSCompiledFunction.call.__code__, JSCompiledFunction.construct.__code__}
_SCRIPT_CODES: set = set()
_ITEM_LINES: dict = {}  # code of a statement list -> {line: index of its statement in _poss}
# code of a call site that calls inline -> {line of its call: is it `new`}
_INLINE_CALLS: dict = {member_get_at.__code__: MEMBER_GET_AT_BOUNDARY}


def register_script_runner(code) -> None:
    _SCRIPT_CODES.add(code)


def register_inline_calls(code, lines: dict) -> None:
    _INLINE_CALLS[code] = lines


def register_item_lines(code, lines: dict) -> None:
    _ITEM_LINES[code] = lines


def _frames(tb=None):
    """(frame, line being run) innermost first: the traceback's frames, then the live ones."""
    if tb is not None:
        inner = []
        t = tb
        while t is not None:
            inner.append((t.tb_frame, t.tb_lineno))
            t = t.tb_next
        yield from reversed(inner)
        f = tb.tb_frame.f_back
    else:
        f = sys._getframe(2)
    while f is not None:
        yield f, f.f_lineno
        f = f.f_back


def capture_stack(tb=None, limit: int = 10) -> list[tuple[str, str, int, int]]:
    """[(function name, file, line, column)] innermost first."""
    out: list[tuple[str, str, int, int]] = []
    pos = None
    for f, lineno in _frames(tb):
        code = f.f_code
        lines = _INLINE_CALLS.get(code)
        if lines is not None and lineno in lines:  # a call site running its callee inline
            c = f.f_locals.get("_fc")
            if c is not None:
                line, col = pos if pos is not None else (c.line, c.column)
                out.append((f"new {c.name or '<anonymous>'}" if lines[lineno] else c.name, c.filename, line, col))
                pos = None
                if len(out) >= limit:
                    break
        items = _ITEM_LINES.get(code)
        if pos is None and items is not None and lineno in items:  # a statement made in a statement list
            try:
                pos = f.f_locals["_poss"][items[lineno]]
            except Exception:  # pragma: no cover - defensive
                pos = None
        elif pos is None and ("_pos" in code.co_freevars or code in _POS_ARG_CODES):
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
