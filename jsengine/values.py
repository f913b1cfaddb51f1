"""The value model: undefined/null, numbers, strings, symbols, bigint (see DESIGN.md).

- ``UNDEFINED`` is a singleton; ``null`` is Python ``None``.
- Booleans are ``True``/``False`` (test ``type(v) is bool`` before number tests).
- A Number is a ``float``, or an ``int`` when integral with ``|v| <= 2**53``.
- A String is a ``str`` of UTF-16 code units.
- Symbols are ``JSSymbol``; BigInts are ``JSBigInt``; objects are ``JSObject``.
"""

from __future__ import annotations

import re

MAX_SAFE = 2**53
MIN_SAFE = -MAX_SAFE  # a name, so a range test does not negate a big int each time


class JSUndefined:
    """The type of the ``undefined`` singleton."""

    __slots__ = ()
    _instance: JSUndefined | None = None

    def __new__(cls) -> JSUndefined:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "undefined"

    def __bool__(self) -> bool:
        return False

    def __reduce__(self):  # pickles back to the singleton
        return (JSUndefined, ())


UNDEFINED = JSUndefined()


class _Hole:
    """Marks a missing element in a dense array store."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<hole>"


HOLE = _Hole()


class _Uninit:
    """The value of a lexical binding in its temporal dead zone."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<uninitialized>"


UNINIT = _Uninit()


class JSSymbol:
    """A Symbol value; identity is the symbol."""

    __slots__ = ("description", "registered")

    def __init__(self, description: str | None = None, registered: bool = False) -> None:
        self.description = description
        self.registered = registered

    def __repr__(self) -> str:
        return f"Symbol({self.description or ''})"

    def descriptive_string(self) -> str:
        """SymbolDescriptiveString (20.4.3.3.1)."""
        return f"Symbol({self.description if self.description is not None else ''})"


class JSBigInt:
    """A BigInt value (never a bare int, which means Number)."""

    __slots__ = ("value",)

    def __init__(self, value: int) -> None:
        self.value = value

    def __eq__(self, other: object) -> bool:
        return type(other) is JSBigInt and other.value == self.value

    def __hash__(self) -> int:
        return hash(("bigint", self.value))

    def __repr__(self) -> str:
        return f"{self.value}n"


# Well-known symbols (6.1.5.1), shared by every realm.
class WellKnown:
    asyncIterator = JSSymbol("Symbol.asyncIterator")
    hasInstance = JSSymbol("Symbol.hasInstance")
    isConcatSpreadable = JSSymbol("Symbol.isConcatSpreadable")
    iterator = JSSymbol("Symbol.iterator")
    match = JSSymbol("Symbol.match")
    matchAll = JSSymbol("Symbol.matchAll")
    replace = JSSymbol("Symbol.replace")
    search = JSSymbol("Symbol.search")
    species = JSSymbol("Symbol.species")
    split = JSSymbol("Symbol.split")
    toPrimitive = JSSymbol("Symbol.toPrimitive")
    toStringTag = JSSymbol("Symbol.toStringTag")
    unscopables = JSSymbol("Symbol.unscopables")

    @classmethod
    def all(cls) -> dict[str, JSSymbol]:
        return {k: v for k, v in vars(cls).items() if isinstance(v, JSSymbol)}


SYM = WellKnown

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


def _split_astral(m: re.Match) -> str:
    c = ord(m.group()) - 0x10000
    return chr(0xD800 + (c >> 10)) + chr(0xDC00 + (c & 0x3FF))


def to_utf16(s: str) -> str:
    """A Python string (code points) to the engine's UTF-16 code-unit form."""
    if s.isascii():
        return s
    return _ASTRAL.sub(_split_astral, s)


_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")


def _join_pair(m: re.Match) -> str:
    s = m.group()
    return chr(0x10000 + ((ord(s[0]) - 0xD800) << 10) + (ord(s[1]) - 0xDC00))


def from_utf16(s: str) -> str:
    """UTF-16 code units back to code points; lone surrogates stay as they are."""
    if s.isascii():
        return s
    return _PAIR.sub(_join_pair, s)


def to_display(s: str) -> str:
    """UTF-16 code units to printable text: pairs joined, lone surrogates become U+FFFD (as Node prints)."""
    if s.isascii():
        return s
    s = _PAIR.sub(_join_pair, s)
    return re.sub("[\ud800-\udfff]", "\ufffd", s)


def is_number(v: object) -> bool:
    t = type(v)
    return t is int or t is float
