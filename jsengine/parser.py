"""The esprima-fork adapter: source -> ESTree nodes, and SyntaxErrors with file:line:col.

Every quirk of esprima-fork is absorbed here (DESIGN.md "The parser"): raw nodes are walked as
attribute objects; positions come from ``_start``/``_line``/``_column``; the async flag is ``isAsync``;
BigInt and regex literals carry ``bigint`` / ``regex`` fields.
"""

from __future__ import annotations

import re
import sys

import esprima

from .errors import JSSyntaxError

_LINE_PREFIX = re.compile(r"^Line \d+: ")


def source_line(source: str, line: int) -> str:
    lines = source.split("\n")
    if 1 <= line <= len(lines):
        return lines[line - 1].rstrip("\r")
    return ""


def make_syntax_error(message: str, source: str, filename: str, line: int, column: int) -> JSSyntaxError:
    """A JSSyntaxError pointing at ``line``/``column`` (1-based line, 0-based column)."""
    return JSSyntaxError(message, filename, line, column + 1, source_line(source, line))


def prepare_source(source: str) -> str:
    """Drop a leading BOM (as Node does for files)."""
    if source.startswith("\ufeff"):
        source = source[1:]
    return source


def parse(source: str, filename: str = "<script>", strict: bool = False):
    """Parse a Script; raises JSSyntaxError."""
    text = ('"use strict";' + source) if strict else source
    try:
        prog = esprima.parseScript(text, {"tolerant": False})
        if strict:
            prog.body = prog.body[1:]  # our directive: not part of the code (completion values)
            prog.forced_strict = True
        return prog
    except esprima.Error as e:
        msg = _LINE_PREFIX.sub("", getattr(e, "message", None) or str(e))
        line = getattr(e, "lineNumber", 1) or 1
        col = (getattr(e, "column", 1) or 1) - 1
        if strict and line == 1:
            col = max(0, col - len('"use strict";'))
        raise make_syntax_error(msg, source, filename, line, col) from None
    except RecursionError:
        raise JSSyntaxError("Maximum nesting depth exceeded while parsing", filename, 1, 1,
                            source_line(source, 1)) from None
    except (IndexError, AttributeError, TypeError, ValueError, KeyError) as e:  # parser bugs
        raise JSSyntaxError(f"Invalid or unexpected token ({type(e).__name__})", filename, 1, 1,
                            source_line(source, 1)) from None


def raise_recursion_limit() -> None:
    if sys.getrecursionlimit() < 200_000:
        sys.setrecursionlimit(200_000)


def is_for_await(node) -> bool:
    """esprima-fork marks ``for await`` with ``allowAwait``."""
    return bool(getattr(node, "allowAwait", False))
