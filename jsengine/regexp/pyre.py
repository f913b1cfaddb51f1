"""Fast path: hand a pattern to Python's ``re`` when both engines provably agree.

Translated from the parsed tree (never from the source text), and only for a subset where
ECMAScript and Python semantics coincide:

* characters and classes become explicit Python classes (case folding already applied),
  so no ``re`` flag changes their meaning; in u mode each one matches one code point
  (``CharSet.re_unicode``), and the pattern must consume at least one character so that
  Python's code-unit scan can never start a match inside a surrogate pair;
* ``^``/``$`` become ``\\A``/``\\Z`` (or lookarounds on the four line terminators with m);
  ``\\b``/``\\B`` are spelled out over ECMAScript's word characters (not with i+u);
* lookaheads behave alike (atomic, captures kept); no lookbehind (Python's is fixed-width);
* a backreference only to a group that is certainly set when it is reached (an unset
  group matches empty in JS but fails in Python), and never with i;
* no capturing group inside a quantifier that can repeat (JS resets it every iteration);
* no quantifier over a body that can match empty (the empty-iteration checks differ);
* no quantifier, alternation or lookahead inside a body that can repeat.

The last rules also bound backtracking: a match attempt explores O(n**k) paths for k
sequential variable quantifiers, so ``degree`` lets the caller use ``re`` only when
``len(s) ** degree`` is small.
"""

from __future__ import annotations

import re

from .compiler import Compiler, _min_width
from .nodes import Alt, Assertion, BackRef, Char, Class, Empty, Group, Look, Node, Repeat, Seq

MAX_REPEAT = 65535
MAX_NODES = 400
_WORD = "[0-9A-Z_a-z]"


class _Refuse(Exception):
    """The pattern is outside the subset."""


def translate(body: Node, comp: Compiler) -> tuple[re.Pattern[str], int] | None:
    """(compiled Python pattern, degree) when the pattern is in the safe subset, else None."""
    if comp.u and _min_width(body) == 0:
        return None
    t = _Translator(comp)
    try:
        text, deg, _, _ = t.node(body, False, frozenset())
    except _Refuse:
        return None
    try:
        return re.compile(text, re.DOTALL), deg
    except (re.error, OverflowError, RecursionError):
        return None


class _Translator:
    def __init__(self, comp: Compiler) -> None:
        self.comp = comp
        self.count = 0

    def node(
        self, node: Node, repeated: bool, known: frozenset[int]
    ) -> tuple[str, int, bool, frozenset[int]]:
        """(Python text, degree, nullable, groups certainly set after it).

        ``repeated``: inside a body that can repeat; ``known``: groups certainly set before it.
        """
        self.count += 1
        if self.count > MAX_NODES:
            raise _Refuse
        comp = self.comp
        none: frozenset[int] = frozenset()
        if isinstance(node, (Char, Class)):
            cs = comp.char_set(node)
            return (cs.re_unicode() if comp.u else cs.re_class()), 0, False, none
        if isinstance(node, Empty):
            return "", 0, True, none
        if isinstance(node, Seq):
            texts, deg, nullable, sets = [], 0, True, none
            for it in node.items:
                text, d, n, s = self.node(it, repeated, known | sets)
                texts.append(text)
                deg += d
                nullable = nullable and n
                sets = sets | s
            return "".join(texts), deg, nullable, sets
        if isinstance(node, Alt):
            if repeated:
                raise _Refuse
            parts = [self.node(a, repeated, known) for a in node.alts]
            common = frozenset.intersection(*(p[3] for p in parts))
            text = "(?:" + "|".join(p[0] for p in parts) + ")"
            return text, max(p[1] for p in parts), any(p[2] for p in parts), common
        if isinstance(node, Group):
            if repeated:
                raise _Refuse
            text, deg, nullable, sets = self.node(node.body, repeated, known)
            return f"(?P<{_name(node.index)}>{text})", deg, nullable, sets | {node.index}
        if isinstance(node, Assertion):
            return self.assertion(node.kind), 0, True, none
        if isinstance(node, Repeat):
            return self.repeat(node, repeated, known)
        if isinstance(node, BackRef):
            if comp.ic or node.index not in known:
                raise _Refuse
            return f"(?:(?P={_name(node.index)}))", 0, True, none
        if isinstance(node, Look):
            if repeated or node.behind:
                raise _Refuse
            text, deg, _, sets = self.node(node.body, repeated, known)
            if node.negate:
                return f"(?!{text})", deg, True, none
            return f"(?={text})", deg, True, sets
        raise _Refuse

    def assertion(self, kind: str) -> str:
        lt = "[\\n\\r\\u2028\\u2029]"
        if kind == "^":
            return f"(?:\\A|(?<={lt}))" if self.comp.multiline else "\\A"
        if kind == "$":
            return f"(?=\\Z|{lt})" if self.comp.multiline else "\\Z"
        if self.comp.u and self.comp.ic:
            raise _Refuse  # word characters include U+017F and U+212A there
        # spelled out: Python's \\B never matches in an empty string
        if kind == "b":
            return f"(?:(?<={_WORD})(?!{_WORD})|(?<!{_WORD})(?={_WORD}))"
        return f"(?:(?<={_WORD})(?={_WORD})|(?<!{_WORD})(?!{_WORD}))"

    def repeat(
        self, node: Repeat, repeated: bool, known: frozenset[int]
    ) -> tuple[str, int, bool, frozenset[int]]:
        lo, hi = node.min, node.max
        if lo > MAX_REPEAT or (hi is not None and hi > MAX_REPEAT):
            raise _Refuse
        none: frozenset[int] = frozenset()
        if hi == 0:  # never runs, but its groups keep their numbers
            return "(?:" + self.node(node.body, False, known)[0] + "){0}", 0, True, none
        many = hi is None or hi > 1
        text, deg, nullable, sets = self.node(node.body, repeated or many, known)
        if nullable or (many and deg):
            raise _Refuse
        if many and hi != lo:
            deg += 1
        bound = f"{{{lo},{'' if hi is None else hi}}}"
        lazy = "" if node.greedy else "?"
        return f"(?:{text}){bound}{lazy}", deg, lo == 0, (sets if lo else none)


def _name(index: int) -> str:
    return f"g{index}"
