"""Compile a pattern tree into threaded closures with an explicit backtracking stack.

Each compiled node is a closure ``node(m) -> next node | None`` over a per-match state
``m`` (``_Run``). Sequencing is decided at compile time (each node knows its
successor), so matching never recurses: the driver loop in ``matcher.py`` calls node
after node. Choice points and an undo trail share one flat list ``m.stack`` of pairs:

* ``(node, pos)``: a choice point, resumed by calling ``node`` with ``m.pos = pos``
  (``pos`` may carry a tuple for loops that backtrack one character at a time);
* ``(register, old value)``: undo entry, replayed while backtracking.

Registers (``m.regs``) hold the captures (``2*i``, ``2*i+1``) followed by per-node
registers (group openings, loop counters, lookaround bookkeeping). A register change
is logged only when the stack holds a choice point that could need it back.
This follows the continuation semantics of 22.2.2 (RepeatMatcher, lookarounds are
atomic, captures reset per iteration, the empty-iteration check) one-for-one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import unicode as uni
from .charset import MAX_CODE_POINT, MAX_UNIT, CharSet, compile_re
from .nodes import Alt, Assertion, BackRef, Char, Class, Empty, Group, Look, Node, Repeat, Seq

NodeFn = Callable[[Any], Any]

_BIG = 1 << 31  # quantifier bounds past this can never be reached by a string
_SMALL_SET = 64  # classes up to this many characters test membership in a frozenset


class _Run:
    """Per-match mutable state."""

    __slots__ = ("matched", "n", "pos", "regs", "s", "stack", "work")

    def __init__(self, s: str, pos: int, regs: list[int]) -> None:
        self.s = s
        self.n = len(s)
        self.pos = pos
        self.regs = regs
        self.stack: list[Any] = []
        self.matched = False
        self.work = 0  # characters scanned at C speed, charged by the driver


def _fail(m: _Run) -> NodeFn | None:
    """Backtrack: replay undo entries down to the newest choice point and resume it."""
    st = m.stack
    regs = m.regs
    while st:
        b = st.pop()
        a = st.pop()
        if a.__class__ is int:
            regs[a] = b
        else:
            m.pos = b
            return a
    return None


def _done(m: _Run) -> None:
    m.regs[1] = m.pos
    m.matched = True


class Compiled:
    """The result of compilation: entry node, register template, helpers for the driver."""

    def __init__(self, entry: NodeFn, n_regs: int) -> None:
        self.entry = entry
        self.n_regs = n_regs


class Compiler:
    """Compiles one parsed pattern for the given flags."""

    def __init__(self, n_groups: int, ignore_case: bool, multiline: bool, unicode: bool) -> None:
        self.ic = ignore_case
        self.multiline = multiline
        self.u = unicode
        self.top = MAX_CODE_POINT if unicode else MAX_UNIT
        self.n_regs = 2 * (n_groups + 1)
        self.table = uni.case_table(unicode) if ignore_case else None
        word = uni.WORD | uni.EXTRA_WORD_UI if (unicode and ignore_case) else uni.WORD
        self.word = frozenset(chr(c) for c in word.chars())

    def new_reg(self) -> int:
        """Allocate a register."""
        self.n_regs += 1
        return self.n_regs - 1

    def compile(self, body: Node) -> Compiled:
        """Compile the whole pattern."""
        entry = self.node(body, _done, True)
        return Compiled(entry, self.n_regs)

    # -- character tests --

    def char_set(self, node: Char | Class) -> CharSet:
        """The set of characters an atom accepts, after case closure and negation."""
        cs = CharSet.of(node.c) if isinstance(node, Char) else node.chars
        if self.table is not None:
            cs = cs.case_closure(self.table.classes, self.table.keys)
        if isinstance(node, Class) and node.negate:
            cs = cs.negate(self.top)
        return cs

    def literal_text(self, node: Node) -> str | None:
        """The exact text a single-character atom matches when it is one fixed string."""
        if not isinstance(node, (Char, Class)):
            return None
        cs = self.char_set(node)
        if len(cs.ranges) != 1 or cs.ranges[0][0] != cs.ranges[0][1]:
            return None
        c = cs.ranges[0][0]
        if self.u and 0xD800 <= c <= 0xDFFF:
            return None  # a lone surrogate must not match half of a pair
        return _utf16(c)

    def is_single(self, node: Node) -> bool:
        """True for atoms that match exactly one character."""
        return isinstance(node, (Char, Class))

    def one_char_re(self, cs: CharSet) -> str:
        """Python re text matching one character of the set (code unit or code point)."""
        return cs.re_unicode() if self.u else cs.re_class()

    def bmp_only(self, cs: CharSet) -> bool:
        """True when the set holds no surrogate and no astral code point."""
        return not cs.intersects(_NOT_PLAIN_BMP)

    # -- dispatch --

    def node(self, node: Node, nxt: NodeFn, fwd: bool) -> NodeFn:
        """Compile ``node`` so that on success it continues with ``nxt``."""
        if isinstance(node, Seq):
            return self.seq(node.items, nxt, fwd)
        if isinstance(node, (Char, Class)):
            return self.seq([node], nxt, fwd)
        if isinstance(node, Empty):
            return nxt
        if isinstance(node, Alt):
            return self.alt(node, nxt, fwd)
        if isinstance(node, Group):
            return self.group(node, nxt, fwd)
        if isinstance(node, Repeat):
            return self.repeat(node, nxt, fwd)
        if isinstance(node, Assertion):
            return self.assertion(node, nxt)
        if isinstance(node, BackRef):
            return self.backref(node, nxt, fwd)
        if isinstance(node, Look):
            return self.look(node, nxt)
        raise TypeError(node)

    # -- sequences of characters --

    def seq(self, items: list[Node], nxt: NodeFn, fwd: bool) -> NodeFn:
        """Alternative (22.2.2.3): items in order, or right to left when matching backward."""
        # group maximal runs of single-character atoms
        chunks: list[list[Node] | Node] = []
        for it in items:
            if self.is_single(it):
                if chunks and isinstance(chunks[-1], list):
                    chunks[-1].append(it)
                else:
                    chunks.append([it])
            else:
                chunks.append(it)
        # forward: compile right to left; backward: the leftmost item is matched last
        order = list(reversed(chunks)) if fwd else chunks
        cont = nxt
        for chunk in order:
            if isinstance(chunk, list):
                cont = self.run(chunk, cont, fwd)
            else:
                cont = self.node(chunk, cont, fwd)
        return cont

    def run(self, atoms: list[Node], nxt: NodeFn, fwd: bool) -> NodeFn:
        """A run of single-character atoms."""
        if not fwd:
            cont = nxt
            for a in atoms:
                cont = self.char_back(a, cont)
            return cont
        # forward: literal prefixes use startswith, the rest one Python re (no backtracking:
        # every piece matches exactly one character)
        texts = [self.literal_text(a) for a in atoms]
        if all(t is not None for t in texts):
            return _literal("".join(texts), nxt)  # type: ignore[arg-type]
        if len(atoms) == 1:
            return self.char_fwd(atoms[0], nxt)
        pat = "".join(self.one_char_re(self.char_set(a)) for a in atoms)  # type: ignore[arg-type]
        return _regex_step(compile_re(pat), nxt)

    def char_fwd(self, atom: Node, nxt: NodeFn) -> NodeFn:
        """One character forward."""
        cs = self.char_set(atom)  # type: ignore[arg-type]
        test = self.unit_test(cs)
        if test is not None:
            fs, positive = test
            if positive:

                def node(m: _Run) -> NodeFn | None:
                    p = m.pos
                    if p < m.n and m.s[p] in fs:
                        m.pos = p + 1
                        return nxt
                    return _fail(m)
            else:

                def node(m: _Run) -> NodeFn | None:
                    p = m.pos
                    if p < m.n and m.s[p] not in fs:
                        m.pos = p + 1
                        return nxt
                    return _fail(m)

            return node
        return _regex_step(compile_re(self.one_char_re(cs)), nxt)

    def unit_test(self, cs: CharSet) -> tuple[frozenset[str], bool] | None:
        """A (set of one-unit strings, positive) membership test when one code unit decides."""
        if self.u:
            if self.bmp_only(cs) and cs.size() <= _SMALL_SET:
                return frozenset(chr(c) for c in cs.chars()), True
            return None
        if cs.size() <= _SMALL_SET:
            return frozenset(chr(c) for c in cs.chars()), True
        comp = cs.negate(MAX_UNIT)
        if comp.size() <= _SMALL_SET:
            return frozenset(chr(c) for c in comp.chars()), False
        return None

    def char_back(self, atom: Node, nxt: NodeFn) -> NodeFn:
        """One character backward (inside lookbehind)."""
        cs = self.char_set(atom)  # type: ignore[arg-type]
        if self.u:

            def node(m: _Run) -> NodeFn | None:
                p = m.pos
                if p <= 0:
                    return _fail(m)
                s = m.s
                c = ord(s[p - 1])
                w = 1
                if 0xDC00 <= c <= 0xDFFF and p >= 2 and 0xD800 <= ord(s[p - 2]) <= 0xDBFF:
                    c = 0x10000 + ((ord(s[p - 2]) - 0xD800) << 10) + (c - 0xDC00)
                    w = 2
                if c in cs:
                    m.pos = p - w
                    return nxt
                return _fail(m)

            return node

        def node_nu(m: _Run) -> NodeFn | None:
            p = m.pos
            if p > 0 and ord(m.s[p - 1]) in cs:
                m.pos = p - 1
                return nxt
            return _fail(m)

        return node_nu

    # -- structure --

    def alt(self, node: Alt, nxt: NodeFn, fwd: bool) -> NodeFn:
        """Disjunction (22.2.2.2): try alternatives left to right."""
        entries = [self.node(a, nxt, fwd) for a in node.alts]
        cont = entries[-1]
        for entry in reversed(entries[:-1]):
            cont = _choice(entry, cont)
        return cont

    def group(self, node: Group, nxt: NodeFn, fwd: bool) -> NodeFn:
        """Capturing group (22.2.2.8 Atom :: ( GroupSpecifier Disjunction ))."""
        lo = 2 * node.index
        hi = lo + 1
        if not _refers_to(node.body, node.index):
            return self.group_direct(node, lo, hi, nxt, fwd)
        r = self.new_reg()

        def close(m: _Run) -> NodeFn:
            regs = m.regs
            st = m.stack
            a, b = (regs[r], m.pos) if fwd else (m.pos, regs[r])
            if st:
                st.append(lo)
                st.append(regs[lo])
                st.append(hi)
                st.append(regs[hi])
            regs[lo] = a
            regs[hi] = b
            return nxt

        _pass_literal(close, nxt)
        body = self.node(node.body, close, fwd)

        def open_(m: _Run) -> NodeFn:
            regs = m.regs
            st = m.stack
            if st:
                st.append(r)
                st.append(regs[r])
            regs[r] = m.pos
            return body

        return open_

    def group_direct(self, node: Group, lo: int, hi: int, nxt: NodeFn, fwd: bool) -> NodeFn:
        """A group whose body never reads it: the opening writes its capture slot directly.

        Between opening and closing only a backreference inside the body could observe the
        half-written capture, and there is none.
        """
        first, last = (lo, hi) if fwd else (hi, lo)

        def close(m: _Run) -> NodeFn:
            regs = m.regs
            st = m.stack
            if st:
                st.append(last)
                st.append(regs[last])
            regs[last] = m.pos
            return nxt

        _pass_literal(close, nxt)
        body = self.node(node.body, close, fwd)

        def open_(m: _Run) -> NodeFn:
            regs = m.regs
            st = m.stack
            if st:
                st.append(first)
                st.append(regs[first])
            regs[first] = m.pos
            return body

        return open_

    def assertion(self, node: Assertion, nxt: NodeFn) -> NodeFn:
        """Assertion :: ^ $ \\b \\B (22.2.2.6)."""
        kind = node.kind
        lt = _LT_UNITS
        if kind == "^":
            if self.multiline:

                def bol_m(m: _Run) -> NodeFn | None:
                    p = m.pos
                    return nxt if p == 0 or m.s[p - 1] in lt else _fail(m)

                return bol_m

            def bol(m: _Run) -> NodeFn | None:
                return nxt if m.pos == 0 else _fail(m)

            return bol
        if kind == "$":
            if self.multiline:

                def eol_m(m: _Run) -> NodeFn | None:
                    p = m.pos
                    return nxt if p == m.n or m.s[p] in lt else _fail(m)

                return eol_m

            def eol(m: _Run) -> NodeFn | None:
                return nxt if m.pos == m.n else _fail(m)

            return eol
        word = self.word
        want = kind == "b"

        def boundary(m: _Run) -> NodeFn | None:
            p = m.pos
            s = m.s
            a = p > 0 and s[p - 1] in word
            b = p < m.n and s[p] in word
            return nxt if (a != b) == want else _fail(m)

        return boundary

    def backref(self, node: BackRef, nxt: NodeFn, fwd: bool) -> NodeFn:
        """Backreference (22.2.2.7.2 BackreferenceMatcher): an unset group matches empty."""
        lo = 2 * node.index
        hi = lo + 1
        if self.table is None:
            if fwd:

                def ref(m: _Run) -> NodeFn | None:
                    a = m.regs[lo]
                    b = m.regs[hi]
                    if a < 0 or b < 0:
                        return nxt
                    s = m.s
                    p = m.pos
                    if b - a <= m.n - p and s.startswith(s[a:b], p):
                        m.pos = p + b - a
                        return nxt
                    return _fail(m)

                return ref

            def ref_back(m: _Run) -> NodeFn | None:
                a = m.regs[lo]
                b = m.regs[hi]
                if a < 0 or b < 0:
                    return nxt
                s = m.s
                p = m.pos
                if b - a <= p and s.endswith(s[a:b], 0, p):
                    m.pos = p - (b - a)
                    return nxt
                return _fail(m)

            return ref_back
        canon = self.table.canon
        u = self.u

        def same(x: str, y: str) -> bool:
            if x == y:
                return True
            if u:
                return [canon.get(c, c) for c in _code_points(x)] == [
                    canon.get(c, c) for c in _code_points(y)
                ]
            return all(canon.get(ord(c), ord(c)) == canon.get(ord(d), ord(d)) for c, d in zip(x, y))

        def ref_i(m: _Run) -> NodeFn | None:
            a = m.regs[lo]
            b = m.regs[hi]
            if a < 0 or b < 0:
                return nxt
            s = m.s
            p = m.pos
            k = b - a
            if fwd:
                if k <= m.n - p and same(s[a:b], s[p : p + k]):
                    m.pos = p + k
                    return nxt
            elif k <= p and same(s[a:b], s[p - k : p]):
                m.pos = p - k
                return nxt
            return _fail(m)

        return ref_i

    def look(self, node: Look, nxt: NodeFn) -> NodeFn:
        """Lookahead / lookbehind (22.2.2.8): atomic; a negative one keeps no captures."""
        r_base = self.new_reg()
        r_pos = self.new_reg()
        negate = node.negate

        def success(m: _Run) -> NodeFn | None:
            st = m.stack
            regs = m.regs
            base = regs[r_base]
            if negate:
                while len(st) > base + 2:
                    b = st.pop()
                    a = st.pop()
                    if a.__class__ is int:
                        regs[a] = b
                del st[base:]
                return _fail(m)
            kept = [
                x for i in range(base + 2, len(st), 2) if st[i].__class__ is int for x in (st[i], st[i + 1])
            ]
            del st[base:]
            if kept and st:
                st.extend(kept)
            m.pos = regs[r_pos]
            return nxt

        body = self.node(node.body, success, not node.behind)

        def body_failed(m: _Run) -> NodeFn | None:
            return nxt if negate else _fail(m)

        def entry(m: _Run) -> NodeFn:
            regs = m.regs
            st = m.stack
            regs[r_base] = len(st)
            regs[r_pos] = m.pos
            st.append(body_failed)
            st.append(m.pos)
            return body

        return entry

    # -- quantifiers --

    def repeat(self, node: Repeat, nxt: NodeFn, fwd: bool) -> NodeFn:
        """Quantifier (22.2.2.3.1 RepeatMatcher)."""
        lo, hi = node.min, node.max
        if hi is not None and hi >= _BIG:
            hi = None
        if hi == 0:
            return nxt
        if _zero_width(node.body):
            # every iteration ends where it started: the first one decides (22.2.2.3.1 step 2.b)
            return nxt if lo == 0 else self.node(node.body, nxt, fwd)
        if lo == 1 and hi == 1:
            return self.node(node.body, nxt, fwd)
        if lo >= _BIG and _min_width(node.body) > 0:
            return _fail
        if fwd and self.is_single(node.body):
            return self.single_repeat(node.body, lo, hi, node.greedy, nxt)
        return self.general_repeat(node, lo, hi, nxt, fwd)

    def single_repeat(self, atom: Node, lo: int, hi: int | None, greedy: bool, nxt: NodeFn) -> NodeFn:
        """A quantified one-character atom, forward: runs found by Python re, backtracking by position."""
        cs = self.char_set(atom)  # type: ignore[arg-type]
        one = self.one_char_re(cs)
        u = self.u and not self.bmp_only(cs)
        bound = f"{{{lo},{'' if hi is None else hi}}}"
        rx_run = compile_re(f"(?:{one}){bound}")
        rx_min = compile_re(f"(?:{one}){{{lo}}}") if u and lo else None
        follow = _first_literal(nxt)
        if greedy:

            def back(m: _Run) -> NodeFn | None:
                low, e = m.pos
                if follow is not None:
                    f = m.s.rfind(follow, low, e)
                    m.work += e - f
                    e = f
                    if e < 0:
                        return _fail(m)
                elif u:
                    s = m.s
                    e -= (
                        2
                        if (
                            e - 2 >= low
                            and "\udc00" <= s[e - 1] <= "\udfff"
                            and "\ud800" <= s[e - 2] <= "\udbff"
                        )
                        else 1
                    )
                else:
                    e -= 1
                if e > low:
                    st = m.stack
                    st.append(back)
                    st.append((low, e))
                m.pos = e
                return nxt

            def star(m: _Run) -> NodeFn | None:
                p = m.pos
                mt = rx_run.match(m.s, p)
                if mt is None:
                    return _fail(m)
                e = mt.end()
                m.work += e - p
                if rx_min is not None:
                    low = rx_min.match(m.s, p).end()  # type: ignore[union-attr]
                else:
                    low = p + lo
                if e > low:
                    st = m.stack
                    st.append(back)
                    st.append((low, e))
                m.pos = e
                return nxt

            return star

        rx_one = compile_re(one)
        rx_rest = compile_re(f"(?:{one})*")
        rx_low = compile_re(f"(?:{one}){{{lo}}}")

        def lazy_back(m: _Run) -> NodeFn | None:
            p, cnt, g = m.pos
            s = m.s
            if follow is not None and hi is None:
                # jump to the next place the literal continuation can match
                q = s.find(follow, p + 1)
                if g < 0:
                    g = rx_rest.match(s, p).end()  # type: ignore[union-attr]
                    m.work += g - p
                if q < 0 or q > g:
                    return _fail(m)
                p = q
            else:
                mt = rx_one.match(s, p)
                if mt is None:
                    return _fail(m)
                p = mt.end()
                cnt += 1
            if hi is None or cnt < hi:
                st = m.stack
                st.append(lazy_back)
                st.append((p, cnt, g))
            m.pos = p
            return nxt

        def lazy(m: _Run) -> NodeFn | None:
            p = m.pos
            if lo:
                mt = rx_low.match(m.s, p)
                if mt is None:
                    return _fail(m)
                p = mt.end()
            if hi is None or lo < hi:
                st = m.stack
                st.append(lazy_back)
                st.append((p, lo, -1))
            m.pos = p
            return nxt

        return lazy

    def general_repeat(self, node: Repeat, lo: int, hi: int | None, nxt: NodeFn, fwd: bool) -> NodeFn:
        """RepeatMatcher with iteration count, capture reset and the empty-iteration check.

        The count saturates at ``min`` when there is no maximum (nothing else reads it), and
        the iteration start is tracked only when the body can match empty.
        """
        r_count = self.new_reg()
        check_empty = _min_width(node.body) == 0
        r_start = self.new_reg() if check_empty else -1
        greedy = node.greedy
        caps = list(range(2 * node.first, 2 * (node.first + node.count)))
        cap_lo, cap_hi = (caps[0], caps[-1] + 1) if caps else (0, 0)
        blank = [-1] * len(caps)
        head_ref: list[NodeFn] = []
        saturate = hi is None

        def tail(m: _Run) -> NodeFn | None:
            regs = m.regs
            cnt = regs[r_count]
            if check_empty and cnt >= lo and m.pos == regs[r_start]:
                return _fail(m)
            if saturate and cnt >= lo:
                return head_ref[0]
            st = m.stack
            if st:
                st.append(r_count)
                st.append(cnt)
            regs[r_count] = cnt + 1
            return head_ref[0]

        body = self.node(node.body, tail, fwd)

        def enter(m: _Run) -> NodeFn:
            regs = m.regs
            st = m.stack
            if caps and regs[cap_lo:cap_hi] != blank:
                if st:
                    for k in caps:
                        if regs[k] != -1:
                            st.append(k)
                            st.append(regs[k])
                regs[cap_lo:cap_hi] = blank
            if check_empty:
                if st:
                    st.append(r_start)
                    st.append(regs[r_start])
                regs[r_start] = m.pos
            return body

        def head(m: _Run) -> NodeFn | None:
            cnt = m.regs[r_count]
            if hi is not None and cnt >= hi:
                return nxt
            if cnt < lo:
                return enter(m)
            st = m.stack
            if greedy:
                st.append(nxt)
                st.append(m.pos)
                return enter(m)
            st.append(enter)
            st.append(m.pos)
            return nxt

        head_ref.append(head)

        def init(m: _Run) -> NodeFn | None:
            regs = m.regs
            st = m.stack
            if st:
                st.append(r_count)
                st.append(regs[r_count])
            regs[r_count] = 0
            return head(m)

        return init


# -- static analysis --


def _zero_width(node: Node) -> bool:
    """True when the node can only match the empty string."""
    if isinstance(node, (Empty, Assertion, Look)):
        return True
    if isinstance(node, Seq):
        return all(_zero_width(x) for x in node.items)
    if isinstance(node, Alt):
        return all(_zero_width(x) for x in node.alts)
    if isinstance(node, Repeat):
        return node.max == 0 or _zero_width(node.body)
    if isinstance(node, Group):
        return _zero_width(node.body)
    return False


def _refers_to(node: Node, index: int) -> bool:
    """True when a backreference to group ``index`` occurs inside the node."""
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, BackRef) and n.index == index:
            return True
        if isinstance(n, Seq):
            stack.extend(n.items)
        elif isinstance(n, Alt):
            stack.extend(n.alts)
        elif isinstance(n, (Group, Look, Repeat)):
            stack.append(n.body)
    return False


def _min_width(node: Node) -> int:
    """The fewest characters (code units) any match of the node consumes."""
    if isinstance(node, (Char, Class)):
        return 1
    if isinstance(node, Seq):
        return sum(_min_width(x) for x in node.items)
    if isinstance(node, Alt):
        return min(_min_width(x) for x in node.alts)
    if isinstance(node, Group):
        return _min_width(node.body)
    if isinstance(node, Repeat):
        return node.min * _min_width(node.body)
    return 0


# -- shared node builders --


def _literal(text: str, nxt: NodeFn) -> NodeFn:
    if len(text) == 1:

        def one(m: _Run) -> NodeFn | None:
            p = m.pos
            if p < m.n and m.s[p] == text:
                m.pos = p + 1
                return nxt
            return _fail(m)

        one.literal = text  # type: ignore[attr-defined]
        return one
    k = len(text)

    def lit(m: _Run) -> NodeFn | None:
        if m.s.startswith(text, m.pos):
            m.pos += k
            return nxt
        return _fail(m)

    lit.literal = text  # type: ignore[attr-defined]
    return lit


def _regex_step(rx: Any, nxt: NodeFn) -> NodeFn:
    match = rx.match

    def node(m: _Run) -> NodeFn | None:
        mt = match(m.s, m.pos)
        if mt is None:
            return _fail(m)
        m.pos = mt.end()
        return nxt

    return node


def _choice(first: NodeFn, other: NodeFn) -> NodeFn:
    def node(m: _Run) -> NodeFn:
        st = m.stack
        st.append(other)
        st.append(m.pos)
        return first

    return node


def _pass_literal(node: NodeFn, nxt: NodeFn) -> None:
    """A zero-width node followed by a literal requires that literal too (for loop skipping)."""
    text = getattr(nxt, "literal", None)
    if text:
        node.literal = text  # type: ignore[attr-defined]


def _first_literal(node: NodeFn) -> str | None:
    """The first code unit a literal node requires, if the node is a literal."""
    text = getattr(node, "literal", None)
    return text[0] if text else None


def _code_points(x: str) -> list[int]:
    out = []
    i = 0
    n = len(x)
    while i < n:
        c = ord(x[i])
        if 0xD800 <= c <= 0xDBFF and i + 1 < n and 0xDC00 <= ord(x[i + 1]) <= 0xDFFF:
            c = 0x10000 + ((c - 0xD800) << 10) + (ord(x[i + 1]) - 0xDC00)
            i += 1
        out.append(c)
        i += 1
    return out


def _utf16(c: int) -> str:
    if c > 0xFFFF:
        c -= 0x10000
        return chr(0xD800 + (c >> 10)) + chr(0xDC00 + (c & 0x3FF))
    return chr(c)


_LT_UNITS = frozenset("\n\r\u2028\u2029")
_NOT_PLAIN_BMP = CharSet([(0xD800, 0xDFFF), (0x10000, MAX_CODE_POINT)])
