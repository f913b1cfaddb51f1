"""The pattern's syntax tree, produced by the parser and consumed by the compiler."""

from __future__ import annotations

from dataclasses import dataclass, field

from .charset import CharSet


class Node:
    """Base class of pattern nodes."""

    __slots__ = ()


@dataclass(slots=True)
class Empty(Node):
    """Matches the empty string."""


@dataclass(slots=True)
class Char(Node):
    """One literal character (code unit, or code point in u mode)."""

    c: int


@dataclass(slots=True)
class Class(Node):
    """A character set test: classes, class escapes, dot. ``negate`` applies after case folding."""

    chars: CharSet
    negate: bool = False


@dataclass(slots=True)
class Assertion(Node):
    """``^``, ``$``, ``\\b`` (kind 'b') or ``\\B`` (kind 'B')."""

    kind: str


@dataclass(slots=True)
class Seq(Node):
    """Alternative: terms matched in order (right to left inside lookbehind)."""

    items: list[Node]


@dataclass(slots=True)
class Alt(Node):
    """Disjunction: alternatives tried left to right."""

    alts: list[Node]


@dataclass(slots=True)
class Group(Node):
    """A capturing group (index >= 1) with an optional name."""

    index: int
    body: Node
    name: str | None = None


@dataclass(slots=True)
class Look(Node):
    """Lookahead (``behind`` False) or lookbehind, positive or negative."""

    body: Node
    behind: bool
    negate: bool


@dataclass(slots=True)
class BackRef(Node):
    """A backreference to group ``index`` (named references resolve to an index)."""

    index: int


@dataclass(slots=True)
class Repeat(Node):
    """A quantified atom; ``max`` None is unbounded. Captures ``first``..``first+count-1`` reset per iteration."""

    body: Node
    min: int
    max: int | None
    greedy: bool
    first: int = 0
    count: int = 0


@dataclass(slots=True)
class Pattern:
    """A parsed pattern."""

    body: Node
    n_groups: int
    group_names: dict[str, int] = field(default_factory=dict)
