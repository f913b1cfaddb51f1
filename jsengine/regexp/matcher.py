"""The compiled matcher: exact ECMAScript matching with a step budget, and the search fast paths."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

from .charset import MAX_CODE_POINT, CharSet, compile_re
from .compiler import Compiler, _Run
from .errors import RegExpSyntaxError
from .nodes import Alt, Assertion, BackRef, Char, Class, Empty, Group, Look, Node, Repeat, Seq
from .parser import parse
from .pyre import translate

Charge = Callable[[int], Any]

CHUNK = 1024  # node steps between two calls to charge()
RE_LIMIT = 20_000_000  # hand a call to Python's re only if len(s) ** degree stays below this
WORK_UNIT = 16  # characters scanned at C speed (re runs, find) count as one step
_CHUNK_RANGE = range(CHUNK)
_FLAGS = frozenset("gimsuy")

_NO, _END, _ANY = 0, 1, 2  # how a node can match without consuming: never, only at end, anywhere


class Matcher:
    """A pattern compiled for one set of flags. Immutable and safe to share between threads."""

    def __init__(self, source: str, flags: str, fast_paths: bool = True) -> None:
        """Parse and compile; ``fast_paths=False`` always runs the backtracking engine (tests)."""
        self.source = source
        self.flags = flags
        self.global_ = "g" in flags
        self.ignore_case = "i" in flags
        self.multiline = "m" in flags
        self.dot_all = "s" in flags
        self.unicode = "u" in flags
        self.sticky = "y" in flags
        pat = parse(source, self.unicode, self.ignore_case, self.multiline, self.dot_all)
        #: number of capturing groups (group 0 excluded)
        self.n_groups: int = pat.n_groups
        #: group name -> group index, in order of appearance
        self.group_names: dict[str, int] = dict(pat.group_names)
        comp = Compiler(pat.n_groups, self.ignore_case, self.multiline, self.unicode)
        compiled = comp.compile(pat.body)
        self._entry = compiled.entry
        self._template = [-1] * compiled.n_regs
        self._n_out = 2 * (pat.n_groups + 1)
        self._plan_search(pat.body, comp, fast_paths)

    # -- public API --

    def match(self, s: str, index: int, charge: Charge) -> list[int] | None:
        """Match starting exactly at ``index``; flat [start0, end0, start1, end1, ...] or None."""
        if index < 0 or index > len(s):
            charge(1)
            return None
        if self.unicode:
            index = _boundary(s, index)
        if self._literal is not None:
            charge(1)
            if s.startswith(self._literal, index):
                return [index, index + len(self._literal)]
            return None
        py = self._py
        if py is not None and len(s) - index <= self._py_max_match:
            mt = py.match(s, index)
            charge(1 + ((mt.end() if mt else len(s)) - index) // WORK_UNIT)
            return None if mt is None else [x for span in mt.regs for x in span]
        res, steps = self._exec(s, index, charge)
        charge(steps + 1)
        return res

    def search(self, s: str, index: int, charge: Charge) -> list[int] | None:
        """Find the first match at or after ``index`` (the RegExpBuiltinExec scan)."""
        n = len(s)
        if index < 0 or index > n:
            charge(1)
            return None
        if self.unicode:
            index = _boundary(s, index)
        lit = self._literal
        if lit is not None:
            q = s.find(lit, index)
            charge(1 + (q - index if q >= 0 else n - index) // WORK_UNIT)
            return None if q < 0 else [q, q + len(lit)]
        py = self._py
        if py is not None and n - index <= self._py_max_search:
            mt = py.search(s, index)
            if mt is None:
                charge(1 + (n - index) // WORK_UNIT)
                return None
            charge(1 + (mt.end() - index) // WORK_UNIT)
            return list(mt.span()) if self._py_plain else [x for span in mt.regs for x in span]
        if self._anchored:
            if index != 0:
                charge(1)
                return None
            res, steps = self._exec(s, 0, charge)
            charge(steps + 1)
            return res
        prefix = self._prefix
        first = self._first
        at_end = self._end_ok
        u = self.unicode
        pending = 1
        p = index
        try:
            while p <= n:
                if prefix is not None:
                    q = s.find(prefix, p)
                    pending += ((q if q >= 0 else n) - p) // WORK_UNIT
                    if q < 0:
                        return None
                    p = q
                elif first is not None:
                    mt = first.search(s, p)
                    q = mt.start() if mt is not None else (n if at_end else -1)
                    pending += ((q if q >= 0 else n) - p) // WORK_UNIT
                    if q < 0:
                        return None
                    if u and q > index and q < n and _mid_pair(s, q):
                        p = q + 1
                        continue
                    p = q
                res, steps = self._exec(s, p, charge)
                pending += steps
                if pending >= CHUNK:
                    charge(pending)
                    pending = 0
                if res is not None:
                    return res
                if u and p + 1 < n and "\ud800" <= s[p] <= "\udbff" and "\udc00" <= s[p + 1] <= "\udfff":
                    p += 2
                else:
                    p += 1
            return None
        finally:
            if pending:
                charge(pending)

    def search_all(self, s: str, index: int, charge: Charge) -> Iterator[list[int]]:
        """Successive matches as a global regexp's lastIndex loop finds them.

        After a match [a, b] the next search starts at b, or one character (code point in
        u mode) further when the match was empty. For the builtins' fast paths (split,
        replace, matchAll on an unmodified RegExp).
        """
        n = len(s)
        u = self.unicode
        if index < 0 or index > n:
            return
        if u:
            index = _boundary(s, index)
        lit = self._literal
        py = self._py
        if lit is not None or (py is not None and n - index <= self._py_max_search):
            # one loop at C speed, charged for the distance scanned
            start = index
            try:
                if lit is not None:
                    k = len(lit)
                    while (q := s.find(lit, index)) >= 0:
                        index = q + k
                        yield [q, index]
                    index = n
                    return
                plain = self._py_plain
                while index <= n and (mt := py.search(s, index)) is not None:
                    a, index = mt.span()
                    yield [a, index] if plain else [x for span in mt.regs for x in span]
                    if a == index:
                        if (
                            u
                            and index + 1 < n
                            and "\ud800" <= s[index] <= "\udbff"
                            and "\udc00" <= s[index + 1] <= "\udfff"
                        ):
                            index += 2
                        else:
                            index += 1
                index = n
            finally:
                charge(1 + (min(index, n) - start) // WORK_UNIT)
            return
        while index <= n:
            r = self.search(s, index, charge)
            if r is None:
                return
            yield r
            index = r[1]
            if r[1] == r[0]:
                if (
                    u
                    and index + 1 < n
                    and "\ud800" <= s[index] <= "\udbff"
                    and "\udc00" <= s[index + 1] <= "\udfff"
                ):
                    index += 2
                else:
                    index += 1

    # -- internals --

    def _exec(self, s: str, start: int, charge: Charge) -> tuple[list[int] | None, int]:
        """Run the threaded code from ``start``; returns (result, steps not yet charged)."""
        regs = self._template.copy()
        regs[0] = start
        m = _Run(s, start, regs)
        node: Any = self._entry
        while True:
            for i in _CHUNK_RANGE:
                node = node(m)
                if node is None:
                    break
            else:
                charge(CHUNK + m.work // WORK_UNIT)
                m.work = 0
                continue
            break
        steps = i + 1 + m.work // WORK_UNIT
        if not m.matched:
            return None, steps
        return regs[: self._n_out], steps

    def _plan_search(self, body: Node, comp: Compiler, fast_paths: bool) -> None:
        """Choose the scan strategy: whole literal, literal prefix, first-character class, anchor."""
        self._literal: str | None = None
        self._prefix: str | None = None
        self._first: Any = None
        self._end_ok = False
        self._anchored = not self.multiline and _anchored(body)
        self._py: Any = None
        self._py_degree = 0
        self._py_max_match = self._py_max_search = -1
        self._py_plain = False
        prefix = _literal_prefix(body, comp)
        if fast_paths and prefix and self.n_groups == 0 and _is_literal(body, comp):
            self._literal = prefix
            return
        tr = translate(body, comp) if fast_paths else None
        if tr is not None:
            self._py, self._py_degree = tr
            self._py_max_match = _max_len(self._py_degree)
            self._py_max_search = _max_len(self._py_degree + (0 if self._anchored else 1))
            self._py_plain = self.n_groups == 0
        if prefix:
            self._prefix = prefix
            return
        first, kind = _first(body, comp)
        if kind == _ANY or first is None:
            return
        self._end_ok = kind == _END
        units = _first_units(first) if self.unicode else first
        self._first = compile_re(units.re_class())


def _max_len(degree: int) -> int:
    """The longest remaining input for which len ** degree stays within RE_LIMIT."""
    if degree == 0:
        return 1 << 62
    n = int(RE_LIMIT ** (1 / degree))
    while (n + 1) ** degree <= RE_LIMIT:
        n += 1
    while n > 0 and n**degree > RE_LIMIT:
        n -= 1
    return n


def _boundary(s: str, index: int) -> int:
    """In u mode a start inside a surrogate pair moves back to the pair (as V8 does)."""
    if 0 < index < len(s) and _mid_pair(s, index):
        return index - 1
    return index


def _mid_pair(s: str, i: int) -> bool:
    return "\udc00" <= s[i] <= "\udfff" and "\ud800" <= s[i - 1] <= "\udbff"


def _anchored(node: Node) -> bool:
    if isinstance(node, Assertion):
        return node.kind == "^"
    if isinstance(node, Seq):
        return _anchored(node.items[0])
    if isinstance(node, Alt):
        return all(_anchored(a) for a in node.alts)
    if isinstance(node, Group):
        return _anchored(node.body)
    return False


def _literal_prefix(node: Node, comp: Compiler) -> str:
    items = node.items if isinstance(node, Seq) else [node]
    out = []
    for it in items:
        t = comp.literal_text(it)
        if t is None:
            break
        out.append(t)
    return "".join(out)


def _is_literal(node: Node, comp: Compiler) -> bool:
    items = node.items if isinstance(node, Seq) else [node]
    return all(comp.literal_text(it) is not None for it in items)


def _first(node: Node, comp: Compiler) -> tuple[CharSet | None, int]:
    """The characters a match can start with, and whether (and where) it can be empty."""
    if isinstance(node, (Char, Class)):
        return comp.char_set(node), _NO
    if isinstance(node, Assertion):
        if node.kind == "$":
            return (_LT if comp.multiline else CharSet()), _END
        return CharSet(), _ANY
    if isinstance(node, (Empty, Look)):
        return CharSet(), _ANY
    if isinstance(node, BackRef):
        return None, _ANY
    if isinstance(node, Group):
        return _first(node.body, comp)
    if isinstance(node, Repeat):
        f, k = _first(node.body, comp)
        return f, (_ANY if node.min == 0 else k)
    if isinstance(node, Alt):
        acc = CharSet()
        kind = _NO
        for a in node.alts:
            f, k = _first(a, comp)
            if f is None:
                return None, _ANY
            acc = acc | f
            kind = max(kind, k)
        return acc, kind
    if isinstance(node, Seq):
        acc = CharSet()
        for it in node.items:
            f, k = _first(it, comp)
            if f is None:
                return None, _ANY
            acc = acc | f
            if k != _ANY:
                return acc, k
        return acc, _ANY
    return None, _ANY


def _first_units(cs: CharSet) -> CharSet:
    """Code point set -> the set of first UTF-16 code units of its members."""
    out = []
    for lo, hi in cs.ranges:
        if hi <= 0xFFFF:
            out.append((lo, hi))
            continue
        if lo <= 0xFFFF:
            out.append((lo, 0xFFFF))
            lo = 0x10000
        out.append((0xD800 + ((lo - 0x10000) >> 10), 0xD800 + ((hi - 0x10000) >> 10)))
    return CharSet(out)


_LT = CharSet.of(0x0A, 0x0D, 0x2028, 0x2029)


@lru_cache(maxsize=1024)
def _compile_cached(pattern: str, flags: str) -> Matcher:
    return Matcher(pattern, flags)


def compile_pattern(pattern: str, flags: str) -> Matcher:
    """Compile (or fetch from the cache) a pattern for the given flags.

    Raises RegExpSyntaxError for an invalid pattern or unknown/duplicate flags.
    """
    if len(set(flags)) != len(flags) or not set(flags) <= _FLAGS:
        raise RegExpSyntaxError(f"Invalid flags supplied to RegExp constructor '{flags}'")
    try:
        return _compile_cached(pattern, flags)
    except RegExpSyntaxError as e:
        shown = pattern or "(?:)"
        raise RegExpSyntaxError(f"Invalid regular expression: /{shown}/{flags}: {e}") from None


__all__ = ["MAX_CODE_POINT", "Matcher", "compile_pattern"]
