"""Character sets as sorted, disjoint, inclusive ranges of code units or code points."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence

MAX_UNIT = 0xFFFF
MAX_CODE_POINT = 0x10FFFF

Ranges = tuple[tuple[int, int], ...]


def normalize(ranges: Iterable[tuple[int, int]]) -> Ranges:
    """Sort and merge overlapping or adjacent ranges."""
    out: list[list[int]] = []
    for lo, hi in sorted(ranges):
        if out and lo <= out[-1][1] + 1:
            out[-1][1] = max(out[-1][1], hi)
        else:
            out.append([lo, hi])
    return tuple((lo, hi) for lo, hi in out)


class CharSet:
    """An immutable set of characters (code units in non-u mode, code points in u mode)."""

    __slots__ = ("_starts", "ranges")

    def __init__(self, ranges: Iterable[tuple[int, int]] = ()) -> None:
        self.ranges: Ranges = normalize(ranges)
        self._starts = [lo for lo, _ in self.ranges]

    @classmethod
    def of(cls, *chars: int) -> CharSet:
        """The set of the given characters."""
        return cls((c, c) for c in chars)

    def __contains__(self, c: int) -> bool:
        i = bisect_right(self._starts, c) - 1
        return i >= 0 and c <= self.ranges[i][1]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, CharSet) and self.ranges == other.ranges

    def __hash__(self) -> int:
        return hash(self.ranges)

    def __repr__(self) -> str:
        return f"CharSet({[(hex(a), hex(b)) for a, b in self.ranges]})"

    def __or__(self, other: CharSet) -> CharSet:
        return CharSet(self.ranges + other.ranges)

    def size(self) -> int:
        """Number of characters in the set."""
        return sum(hi - lo + 1 for lo, hi in self.ranges)

    def is_empty(self) -> bool:
        """True when the set has no character."""
        return not self.ranges

    def chars(self) -> Iterable[int]:
        """Every character of the set, in order."""
        for lo, hi in self.ranges:
            yield from range(lo, hi + 1)

    def negate(self, top: int) -> CharSet:
        """The complement within [0, top]."""
        out = []
        nxt = 0
        for lo, hi in self.ranges:
            if lo > nxt:
                out.append((nxt, lo - 1))
            nxt = hi + 1
        if nxt <= top:
            out.append((nxt, top))
        return CharSet(out)

    def intersects(self, other: CharSet) -> bool:
        """True when the two sets share a character."""
        i = j = 0
        a, b = self.ranges, other.ranges
        while i < len(a) and j < len(b):
            if a[i][1] < b[j][0]:
                i += 1
            elif b[j][1] < a[i][0]:
                j += 1
            else:
                return True
        return False

    def case_closure(self, classes: Mapping[int, Sequence[int]], keys: Sequence[int]) -> CharSet:
        """Add every character that is case-equivalent to a member.

        ``classes`` maps each character of a non-trivial equivalence class to the class;
        ``keys`` is the sorted list of those characters.
        """
        extra: list[tuple[int, int]] = []
        for lo, hi in self.ranges:
            i = bisect_right(keys, lo - 1)
            while i < len(keys) and keys[i] <= hi:
                extra.extend((c, c) for c in classes[keys[i]])
                i += 1
        if not extra:
            return self
        return CharSet(self.ranges + tuple(extra))

    # -- translation to Python's re (used only where it is exact) --

    def re_class(self) -> str:
        """A Python re character class matching exactly these code units/points as single chars."""
        if not self.ranges:
            return "[^\\x00-\\U0010ffff]"
        parts = []
        for lo, hi in self.ranges:
            if lo == hi:
                parts.append(_esc(lo))
            elif lo + 1 == hi:
                parts.append(_esc(lo) + _esc(hi))
            else:
                parts.append(f"{_esc(lo)}-{_esc(hi)}")
        return "[" + "".join(parts) + "]"

    def re_unicode(self) -> str:
        """A Python re matching one member code point of a UTF-16 string (u mode).

        Astral code points are surrogate pairs; a lone surrogate matches only when it is
        not half of a pair.
        """
        bmp: list[tuple[int, int]] = []
        leads: list[tuple[int, int]] = []
        trails: list[tuple[int, int]] = []
        astral: list[tuple[int, int]] = []
        for lo, hi in self.ranges:
            for a, b, bucket in (
                (0, 0xD7FF, bmp),
                (0xD800, 0xDBFF, leads),
                (0xDC00, 0xDFFF, trails),
                (0xE000, 0xFFFF, bmp),
                (0x10000, MAX_CODE_POINT, astral),
            ):
                x, y = max(lo, a), min(hi, b)
                if x <= y:
                    bucket.append((x, y))
        alts = []
        if bmp:
            alts.append(CharSet(bmp).re_class())
        # pairs: grouped by runs of lead surrogates sharing a trail range, behind a guard on the lead
        pair_alts: list[tuple[int, int, int, int]] = []
        for lo, hi in astral:
            l1, t1 = _split(lo)
            l2, t2 = _split(hi)
            if l1 == l2:
                pair_alts.append((l1, l1, t1, t2))
                continue
            if t1 != 0xDC00:
                pair_alts.append((l1, l1, t1, 0xDFFF))
                l1 += 1
            last_full = l2 if t2 == 0xDFFF else l2 - 1
            if l1 <= last_full:
                pair_alts.append((l1, last_full, 0xDC00, 0xDFFF))
            if t2 != 0xDFFF:
                pair_alts.append((l2, l2, 0xDC00, t2))
        by_trail: dict[tuple[int, int], list[tuple[int, int]]] = {}
        for la, lb, ta, tb in pair_alts:
            by_trail.setdefault((ta, tb), []).append((la, lb))
        pairs = [
            CharSet(leads_).re_class() + CharSet([trail]).re_class() for trail, leads_ in by_trail.items()
        ]
        if len(pairs) == 1:
            alts.append(pairs[0])
        elif pairs:
            guard = CharSet([(la, lb) for la, lb, _, _ in pair_alts]).re_class()
            alts.append(f"(?={guard})(?:" + "|".join(pairs) + ")")
        if leads:
            alts.append(CharSet(leads).re_class() + "(?![\\udc00-\\udfff])")
        if trails:
            alts.append("(?<![\\ud800-\\udbff])" + CharSet(trails).re_class())
        if not alts:
            return "[^\\x00-\\U0010ffff]"
        return "(?:" + "|".join(alts) + ")"


def _split(cp: int) -> tuple[int, int]:
    cp -= 0x10000
    return 0xD800 + (cp >> 10), 0xDC00 + (cp & 0x3FF)


def _esc(c: int) -> str:
    if c < 0x80 and (chr(c).isalnum() or c == 0x5F):
        return chr(c)
    if c <= 0xFFFF:
        return f"\\u{c:04x}"
    return f"\\U{c:08x}"


def compile_re(pattern: str) -> re.Pattern[str]:
    """Compile a Python re used as an exact helper (no flags: no case folding, no Unicode classes)."""
    return re.compile(pattern, re.DOTALL)
