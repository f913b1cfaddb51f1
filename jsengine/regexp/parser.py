"""Pattern grammar (22.2.1, B.1.4) as a lark LALR grammar over the tokens of ``lexer.py``.

The tree is built bottom-up by an inline transformer (no recursion over the tree), then
early errors that need the whole pattern (group names, references, quantified
assertions, class ranges) are checked while building.
"""

from __future__ import annotations

import threading
from functools import cache
from typing import Any

from lark import Lark, Token, Transformer
from lark.exceptions import UnexpectedInput, VisitError
from lark.lexer import Lexer

from .charset import MAX_CODE_POINT, MAX_UNIT, CharSet
from .errors import RegExpSyntaxError
from .lexer import tokenize
from .nodes import Alt, Assertion, BackRef, Char, Class, Empty, Group, Look, Node, Pattern, Repeat, Seq

GRAMMAR = r"""
start: disjunction
disjunction: alternative (PIPE alternative)*
alternative: term*
term: atom QUANT*
?atom: CHAR | CLASSESC | DOT | BACKREF | NAMEDREF | CARET | DOLLAR | WORDB | NWORDB
     | char_class | group
group: GROUP_OPEN disjunction RPAREN
char_class: CLASS_OPEN class_ranges CLASS_CLOSE
class_ranges: ne_ranges?
ne_ranges: class_atom
         | class_atom ne_ranges_nodash
         | class_atom DASH class_atom class_ranges
ne_ranges_nodash: class_atom
                | CATOM ne_ranges_nodash
                | CATOM DASH class_atom class_ranges
class_atom: DASH | CATOM

%declare CHAR CLASSESC DOT BACKREF NAMEDREF CARET DOLLAR WORDB NWORDB QUANT PIPE
%declare GROUP_OPEN RPAREN CLASS_OPEN CLASS_CLOSE CATOM DASH
"""

MAX_NESTING = 400
_LOCK = threading.Lock()


class _TokenListLexer(Lexer):
    """Feeds the pre-built token list to the parser."""

    def __init__(self, lexer_conf: Any) -> None:
        pass

    def lex(self, data: Any) -> Any:  # type: ignore[override]
        """Yield the tokens (lark passes the token list given to ``parse``)."""
        return iter(data)


class _Builder(Transformer):
    """Builds ``nodes`` objects as the LALR parser reduces."""

    def __init__(self) -> None:
        super().__init__()
        self.reset(False, False, 0)

    def reset(self, unicode: bool, dot_all: bool, n_caps: int) -> None:
        """Prepare for one pattern."""
        self.u = unicode
        self.dot_all = dot_all
        self.next_group = 1
        self.names: dict[str, int] = {}
        self.refs: list[str] = []
        self.named_refs: list[BackRef] = []
        self.top = MAX_CODE_POINT if unicode else MAX_UNIT

    # groups are numbered by their opening parenthesis: number them as tokens arrive
    def start(self, items: list) -> Node:
        return items[0]

    def disjunction(self, items: list) -> Node:
        alts = [x for x in items if not isinstance(x, Token)]
        return alts[0] if len(alts) == 1 else Alt(alts)

    def alternative(self, items: list) -> Node:
        seq: list[Node] = []
        for it in items:
            if isinstance(it, Seq):
                seq.extend(it.items)
            elif not isinstance(it, Empty):
                seq.append(it)
        if not seq:
            return Empty()
        return seq[0] if len(seq) == 1 else Seq(seq)

    def term(self, items: list) -> Node:
        atom = items[0]
        quants = items[1:]
        if isinstance(atom, Token):
            atom = self._atom(atom)
        elif isinstance(atom, _Paren):
            atom = atom.body
            if quants and len(quants) == 1:
                lo, hi, greedy = quants[0].value
                first, count = _group_span(atom)
                return Repeat(atom, lo, hi, greedy, first, count)
        if not quants:
            return atom
        if len(quants) > 1:
            raise RegExpSyntaxError("Nothing to repeat")
        if isinstance(atom, Assertion):
            raise RegExpSyntaxError("Nothing to repeat")
        if isinstance(atom, Look) and (atom.behind or self.u):
            raise RegExpSyntaxError("Invalid quantifier")
        lo, hi, greedy = quants[0].value
        first, count = _group_span(atom)
        return Repeat(atom, lo, hi, greedy, first, count)

    def _atom(self, tok: Token) -> Node:
        kind = tok.type
        v = tok.value
        if kind == "CHAR":
            return Char(v)
        if kind == "CLASSESC":
            return Class(v)
        if kind == "DOT":
            if self.dot_all:
                return Class(CharSet([(0, self.top)]))
            return Class(_LINE_TERMINATORS.negate(self.top))
        if kind == "BACKREF":
            return BackRef(v)
        if kind == "NAMEDREF":
            ref = BackRef(0)
            self.refs.append(v)
            self.named_refs.append(ref)
            ref.index = -len(self.refs)  # resolved once all names are known
            return ref
        return Assertion({"CARET": "^", "DOLLAR": "$", "WORDB": "b", "NWORDB": "B"}[kind])

    def group(self, items: list) -> Node:
        kind = items[0].value
        body = items[1]
        if kind[0] == "nc":
            return _Paren(body)
        if kind[0] == "look":
            return Look(body, kind[1], kind[2])
        index, name = kind[2], kind[1]
        return Group(index, body, name)

    def char_class(self, items: list) -> Node:
        negate = items[0].value
        parts: list[tuple[int, int]] = []
        for atom in _flatten(items[1]):
            if isinstance(atom, CharSet):
                parts.extend(atom.ranges)
            else:
                parts.append(atom)
        return Class(CharSet(parts), negate)

    def class_ranges(self, items: list) -> Any:
        return items[0] if items else None

    def ne_ranges(self, items: list) -> Any:
        return self._ranges(items)

    def ne_ranges_nodash(self, items: list) -> Any:
        return self._ranges(items)

    def _ranges(self, items: list) -> Any:
        first = _atom_value(items[0])
        if len(items) == 1:
            return (first, None)
        if len(items) == 2:
            return (first, items[1])
        lo, hi = first, _atom_value(items[2])
        rest = items[3]
        if isinstance(lo, CharSet) or isinstance(hi, CharSet):
            if self.u:
                raise RegExpSyntaxError("Invalid character class")
            # B.1.4 ClassAtomNoDash - ClassAtom with a class escape: the union with '-'
            return (lo, (ord("-"), (hi, rest)))
        if lo > hi:
            raise RegExpSyntaxError("Range out of order in character class")
        return ((lo, hi), rest)

    def class_atom(self, items: list) -> Any:
        return items[0]


class _Paren:
    """A non-capturing group while its quantifier is being attached."""

    __slots__ = ("body",)

    def __init__(self, body: Node) -> None:
        self.body = body


def _atom_value(x: Any) -> Any:
    return x.value if isinstance(x, Token) else x


def _flatten(chain: Any) -> list:
    """Flatten the (item, rest) chains built for class ranges, without recursion."""
    out = []
    while chain is not None:
        item, chain = chain
        if isinstance(item, int):
            out.append((item, item))
        else:
            out.append(item)
    return out


_LINE_TERMINATORS = CharSet.of(0x0A, 0x0D, 0x2028, 0x2029)


def _group_span(node: Node) -> tuple[int, int]:
    """(first group index, number of groups) inside node, iteratively."""
    lo, hi = 0, -1
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, Group):
            if lo == 0 or n.index < lo:
                lo = n.index
            hi = max(hi, n.index)
            stack.append(n.body)
        elif isinstance(n, Seq):
            stack.extend(n.items)
        elif isinstance(n, Alt):
            stack.extend(n.alts)
        elif isinstance(n, (Look, Repeat)):
            stack.append(n.body)
    return (lo, hi - lo + 1) if hi >= 0 else (0, 0)


@cache
def _lark() -> tuple[Lark, _Builder]:
    builder = _Builder()
    parser = Lark(GRAMMAR, parser="lalr", lexer=_TokenListLexer, transformer=builder)
    return parser, builder


def parse(pattern: str, unicode: bool, ignore_case: bool, multiline: bool, dot_all: bool) -> Pattern:
    """Parse a pattern (UTF-16 code units) into a ``Pattern``; raises RegExpSyntaxError."""
    tokens, n_caps = tokenize(pattern, unicode, ignore_case)
    # number capturing groups in order of their '(' and check names
    names: dict[str, int] = {}
    depth = 0
    index = 0
    for tok in tokens:
        if tok.type == "GROUP_OPEN":
            depth += 1
            if depth > MAX_NESTING:
                raise RegExpSyntaxError("Regular expression too large")
            if tok.value[0] == "cap":
                index += 1
                name = tok.value[1]
                if name is not None:
                    if name in names:
                        raise RegExpSyntaxError("Duplicate capture group name")
                    names[name] = index
                tok.value = ("cap", name, index)  # type: ignore[misc]
        elif tok.type == "RPAREN":
            depth -= 1
    with _LOCK:  # the builder holds per-parse state
        parser, builder = _lark()
        builder.reset(unicode, dot_all, n_caps)
        try:
            body = parser.parse(tokens)  # type: ignore[arg-type]
        except UnexpectedInput as e:
            raise RegExpSyntaxError(_parse_error_message(e)) from None
        except VisitError as e:
            if isinstance(e.orig_exc, RegExpSyntaxError):
                raise e.orig_exc from None
            raise
        refs = list(zip(builder.refs, builder.named_refs))
    for name, ref in refs:
        if name not in names:
            raise RegExpSyntaxError("Invalid named capture referenced")
        ref.index = names[name]
    return Pattern(body, index, names)


def _parse_error_message(e: UnexpectedInput) -> str:
    tok = getattr(e, "token", None)
    kind = getattr(tok, "type", "$END")
    if kind == "QUANT":
        return "Nothing to repeat"
    if kind == "RPAREN":
        return "Unmatched ')'"
    if kind == "$END":
        return "Unterminated group"
    return "Invalid regular expression"
