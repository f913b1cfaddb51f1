"""Fast path: hand a pattern to Python's ``re`` when both engines provably agree.

Translated from the parsed tree (never from the source text), and only for a subset where
ECMAScript and Python semantics coincide:

* non-u patterns; characters and classes become explicit Python classes (case folding
  already applied), so no ``re`` flag changes their meaning;
* ``^``/``$`` become ``\\A``/``\\Z`` (or lookarounds on the four line terminators with m),
  ``\\b``/``\\B`` use ``re.ASCII`` word characters, which are ECMAScript's;
* no backreferences (an unset group matches empty in JS, fails in Python), no lookarounds;
* no capturing group inside a quantifier (JS resets it every iteration, Python keeps it);
* no quantifier over a body that can match empty (the empty-iteration check differs);
* no quantifier nested in a repeated body, no alternation inside a repeated body.

The last rules also bound backtracking: a match attempt explores at most O(n**k) paths
for k sequential variable quantifiers, so ``degree`` (k, plus one for a search scan)
lets the caller use ``re`` only when ``len(s) ** degree`` is small.
"""

from __future__ import annotations

import re

from .compiler import Compiler
from .nodes import Alt, Assertion, Char, Class, Empty, Group, Node, Repeat, Seq

MAX_REPEAT = 65535
MAX_NODES = 400


class _Refuse(Exception):
    """The pattern is outside the subset."""


def translate(body: Node, comp: Compiler) -> tuple[re.Pattern[str], int] | None:
    """(compiled Python pattern, degree) when the pattern is in the safe subset, else None."""
    if comp.u:
        return None
    t = _Translator(comp)
    try:
        text, deg, _ = t.node(body, False)
    except _Refuse:
        return None
    try:
        return re.compile(text, re.ASCII | re.DOTALL), deg
    except (re.error, OverflowError, RecursionError):
        return None


class _Translator:
    def __init__(self, comp: Compiler) -> None:
        self.comp = comp
        self.count = 0

    def node(self, node: Node, repeated: bool) -> tuple[str, int, bool]:
        """(Python text, degree, nullable) for one node; ``repeated``: inside a variable quantifier."""
        self.count += 1
        if self.count > MAX_NODES:
            raise _Refuse
        comp = self.comp
        if isinstance(node, (Char, Class)):
            return comp.char_set(node).re_class(), 0, False
        if isinstance(node, Empty):
            return "", 0, True
        if isinstance(node, Seq):
            parts = [self.node(it, repeated) for it in node.items]
            return "".join(p[0] for p in parts), sum(p[1] for p in parts), all(p[2] for p in parts)
        if isinstance(node, Alt):
            if repeated:
                raise _Refuse
            parts = [self.node(a, repeated) for a in node.alts]
            text = "(?:" + "|".join(p[0] for p in parts) + ")"
            return text, max(p[1] for p in parts), any(p[2] for p in parts)
        if isinstance(node, Group):
            if repeated:
                raise _Refuse
            text, deg, nullable = self.node(node.body, repeated)
            return "(" + text + ")", deg, nullable
        if isinstance(node, Assertion):
            return self.assertion(node.kind), 0, True
        if isinstance(node, Repeat):
            return self.repeat(node, repeated)
        raise _Refuse  # backreferences, lookarounds

    def assertion(self, kind: str) -> str:
        lt = "[\\n\\r\\u2028\\u2029]"
        if kind == "^":
            return f"(?:\\A|(?<={lt}))" if self.comp.multiline else "\\A"
        if kind == "$":
            return f"(?=\\Z|{lt})" if self.comp.multiline else "\\Z"
        # spelled out: Python's \\B never matches in an empty string
        if kind == "b":
            return "(?:(?<=\\w)(?!\\w)|(?<!\\w)(?=\\w))"
        return "(?:(?<=\\w)(?=\\w)|(?<!\\w)(?!\\w))"

    def repeat(self, node: Repeat, repeated: bool) -> tuple[str, int, bool]:
        lo, hi = node.min, node.max
        if lo > MAX_REPEAT or (hi is not None and hi > MAX_REPEAT):
            raise _Refuse
        if hi == 0:  # never runs, but its groups keep their numbers
            return "(?:" + self.node(node.body, False)[0] + "){0}", 0, True
        many = hi is None or hi > 1
        text, deg, nullable = self.node(node.body, repeated or many)
        if nullable or (many and deg):
            raise _Refuse
        if many and hi != lo:
            deg += 1
        bound = "{%d,%s}" % (lo, "" if hi is None else hi)
        lazy = "" if node.greedy else "?"
        return f"(?:{text}){bound}{lazy}", deg, lo == 0
