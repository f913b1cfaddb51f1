"""Tokenizer for RegExp patterns (22.2.1 Patterns, B.1.4 Regular Expressions Patterns).

The lexical context (u mode, named-group mode, inside a class, the total number of
capturing groups) decides what an escape means, so escapes are resolved here and the
lark grammar in ``parser.py`` only sees the structure. Annex B reinterpretations for
non-u patterns (octal escapes, ``\\8``, identity escapes, ``\\c`` fallback, lone braces)
happen here too.
"""

from __future__ import annotations

from lark import Token

from . import unicode as uni
from .charset import MAX_CODE_POINT, MAX_UNIT, CharSet
from .errors import RegExpSyntaxError

SYNTAX_CHARS = frozenset("^$\\.*+?()[]{}|")
CONTROL_ESCAPES = {"f": 0x0C, "n": 0x0A, "r": 0x0D, "t": 0x09, "v": 0x0B}
HEX = frozenset("0123456789abcdefABCDEF")
DIGITS = frozenset("0123456789")
OCTAL = frozenset("01234567")


def _is_lead(c: int) -> bool:
    return 0xD800 <= c <= 0xDBFF


def _is_trail(c: int) -> bool:
    return 0xDC00 <= c <= 0xDFFF


def prescan(pattern: str) -> tuple[int, bool]:
    """Count capturing groups and tell whether any group is named (for \\N and \\k decisions)."""
    count = 0
    named = False
    i, n = 0, len(pattern)
    in_class = False
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
        elif c == "[":
            in_class = True
        elif c == "(":
            if pattern.startswith("?", i + 1):
                if pattern.startswith("?<", i + 1) and not pattern.startswith(("?<=", "?<!"), i + 1):
                    count += 1
                    named = True
            else:
                count += 1
        i += 1
    return count, named


class Tokenizer:
    """Turns a pattern (UTF-16 code units) into lark tokens."""

    def __init__(self, pattern: str, unicode: bool, ignore_case: bool, named: bool, n_caps: int) -> None:
        self.p = pattern
        self.n = len(pattern)
        self.i = 0
        self.u = unicode
        self.ic = ignore_case
        self.named = named or unicode  # [+N]
        self.n_caps = n_caps
        self.top = MAX_CODE_POINT if unicode else MAX_UNIT
        self.out: list[Token] = []

    def error(self, message: str) -> RegExpSyntaxError:
        """A syntax error for this pattern."""
        return RegExpSyntaxError(message)

    def emit(self, kind: str, value: object) -> None:
        """Append a token (lark tokens carry their value in ``.value``)."""
        tok = Token(kind, kind)
        tok.value = value  # type: ignore[misc]
        self.out.append(tok)

    def peek(self, k: int = 0) -> str:
        """The code unit k ahead, or '' past the end."""
        j = self.i + k
        return self.p[j] if j < self.n else ""

    def source_char(self) -> int:
        """Read one SourceCharacter: a code point in u mode, a code unit otherwise."""
        c = ord(self.p[self.i])
        self.i += 1
        if self.u and _is_lead(c) and self.i < self.n and _is_trail(ord(self.p[self.i])):
            c = 0x10000 + ((c - 0xD800) << 10) + (ord(self.p[self.i]) - 0xDC00)
            self.i += 1
        return c

    # -- top level --

    def run(self) -> list[Token]:
        """Tokenize the whole pattern."""
        while self.i < self.n:
            c = self.p[self.i]
            if c == "\\":
                self.i += 1
                self.atom_escape()
            elif c == "[":
                self.char_class()
            elif c == "(":
                self.group_open()
            elif c == ")":
                self.i += 1
                self.emit("RPAREN", None)
            elif c == "|":
                self.i += 1
                self.emit("PIPE", None)
            elif c in "*+?":
                self.i += 1
                self.quantifier(0 if c != "+" else 1, 1 if c == "?" else None)
            elif c == "{":
                if not self.braced_quantifier():
                    if self.u:
                        raise self.error(
                            "Incomplete quantifier" if self.peek(1) in DIGITS else "Lone quantifier brackets"
                        )
                    self.i += 1
                    self.emit("CHAR", ord("{"))
            elif c in "}]":
                if self.u:
                    raise self.error("Lone quantifier brackets")
                self.i += 1
                self.emit("CHAR", ord(c))
            elif c == "^":
                self.i += 1
                self.emit("CARET", None)
            elif c == "$":
                self.i += 1
                self.emit("DOLLAR", None)
            elif c == ".":
                self.i += 1
                self.emit("DOT", None)
            else:
                self.emit("CHAR", self.source_char())
        return self.out

    def quantifier(self, lo: int, hi: int | None) -> None:
        """Emit a QUANT token, consuming a trailing '?' (lazy)."""
        greedy = True
        if self.peek() == "?":
            self.i += 1
            greedy = False
        self.emit("QUANT", (lo, hi, greedy))

    def braced_quantifier(self) -> bool:
        """Try ``{n}``, ``{n,}``, ``{n,m}`` at the cursor; emit it and return True on success."""
        j = self.i + 1
        p, n = self.p, self.n
        k = j
        while k < n and p[k] in DIGITS:
            k += 1
        if k == j:
            return False
        lo = int(p[j:k])
        hi: int | None = lo
        if k < n and p[k] == ",":
            k += 1
            m = k
            while k < n and p[k] in DIGITS:
                k += 1
            hi = int(p[m:k]) if k > m else None
        if k >= n or p[k] != "}":
            return False
        if hi is not None and hi < lo:
            raise self.error("numbers out of order in {} quantifier")
        self.i = k + 1
        self.quantifier(lo, hi)
        return True

    def group_open(self) -> None:
        """``(``, ``(?:``, lookarounds and ``(?<name>``."""
        p = self.p
        if self.peek(1) != "?":
            self.i += 1
            self.emit("GROUP_OPEN", ("cap", None))
            return
        two = p[self.i + 2 : self.i + 4]
        if two[:1] == ":":
            self.i += 3
            self.emit("GROUP_OPEN", ("nc",))
        elif two[:1] in ("=", "!"):
            self.i += 3
            self.emit("GROUP_OPEN", ("look", False, two[:1] == "!"))
        elif two in ("<=", "<!"):
            self.i += 4
            self.emit("GROUP_OPEN", ("look", True, two == "<!"))
        elif two[:1] == "<":
            self.i += 3
            name = self.group_name()
            self.emit("GROUP_OPEN", ("cap", name))
        else:
            raise self.error("Invalid group")

    def group_name(self) -> str:
        """RegExpIdentifierName followed by '>' (the '<' is consumed); returns UTF-16 text."""
        cps: list[int] = []
        while True:
            if self.i >= self.n:
                raise self.error("Invalid capture group name")
            c = self.p[self.i]
            if c == ">":
                self.i += 1
                break
            if c == "\\":
                self.i += 1
                if self.peek() != "u":
                    raise self.error("Invalid capture group name")
                self.i += 1
                cp = self.unicode_escape(True)
                if cp is None:
                    raise self.error("Invalid capture group name")
            else:
                cp = ord(c)
                self.i += 1
                if _is_lead(cp) and self.i < self.n and _is_trail(ord(self.p[self.i])):
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (ord(self.p[self.i]) - 0xDC00)
                    self.i += 1
            ok = uni.is_id_part(cp) if cps else uni.is_id_start(cp)
            if not ok or 0xD800 <= cp <= 0xDFFF:
                raise self.error("Invalid capture group name")
            cps.append(cp)
        if not cps:
            raise self.error("Invalid capture group name")
        return _utf16(cps)

    # -- escapes --

    def unicode_escape(self, u: bool) -> int | None:
        """RegExpUnicodeEscapeSequence after ``\\u``; None when malformed (cursor then unchanged)."""
        start = self.i
        p = self.p
        if u and self.peek() == "{":
            k = self.i + 1
            while k < self.n and p[k] in HEX:
                k += 1
            if k > self.i + 1 and k < self.n and p[k] == "}":
                v = int(p[self.i + 1 : k], 16)
                if v <= MAX_CODE_POINT:
                    self.i = k + 1
                    return v
            self.i = start
            return None
        h = p[self.i : self.i + 4]
        if len(h) == 4 and all(ch in HEX for ch in h):
            v = int(h, 16)
            self.i += 4
            if u and _is_lead(v) and p.startswith("\\u", self.i):
                t = p[self.i + 2 : self.i + 6]
                if len(t) == 4 and all(ch in HEX for ch in t) and _is_trail(int(t, 16)):
                    self.i += 6
                    return 0x10000 + ((v - 0xD800) << 10) + (int(t, 16) - 0xDC00)
            return v
        self.i = start
        return None

    def legacy_octal(self) -> int:
        """LegacyOctalEscapeSequence (B.1.4) starting at the cursor."""
        p = self.p
        first = p[self.i]
        self.i += 1
        v = int(first)
        if self.peek() in OCTAL:
            v = v * 8 + int(p[self.i])
            self.i += 1
            if first in "0123" and self.peek() in OCTAL:
                v = v * 8 + int(p[self.i])
                self.i += 1
        return v

    def character_escape(self, in_class: bool) -> int:
        """CharacterEscape after the backslash (cursor on the escape letter); returns the char."""
        c = self.peek()
        if c in CONTROL_ESCAPES:
            self.i += 1
            return CONTROL_ESCAPES[c]
        if c == "c":
            nxt = self.peek(1)
            if nxt and nxt.isascii() and nxt.isalpha():
                self.i += 2
                return ord(nxt) % 32
            if in_class and not self.u and nxt and (nxt in DIGITS or nxt == "_"):
                self.i += 2
                return ord(nxt) % 32
            if self.u:
                raise self.error("Invalid Unicode escape" if not in_class else "Invalid class escape")
            return ord("\\")  # B.1.4: '\' before 'c' is a literal backslash; 'c' read next
        if c == "0" and self.peek(1) not in DIGITS:
            self.i += 1
            return 0
        if c in DIGITS:
            if self.u:
                raise self.error("Invalid class escape" if in_class else "Invalid decimal escape")
            if c in "89":
                self.i += 1
                return ord(c)
            return self.legacy_octal()
        if c == "x":
            h = self.p[self.i + 1 : self.i + 3]
            if len(h) == 2 and all(ch in HEX for ch in h):
                self.i += 3
                return int(h, 16)
            if self.u:
                raise self.error("Invalid escape")
            self.i += 1
            return ord("x")
        if c == "u":
            self.i += 1
            v = self.unicode_escape(self.u)
            if v is None:
                if self.u:
                    raise self.error("Invalid Unicode escape")
                return ord("u")
            return v
        # IdentityEscape
        if self.u:
            if c in SYNTAX_CHARS or c == "/" or (in_class and c == "-"):
                self.i += 1
                return ord(c)
            raise self.error("Invalid escape" if c else "\\ at end of pattern")
        if c == "k" and self.named:
            raise self.error("Invalid escape" if in_class else "Invalid named reference")
        return self.source_char()

    def class_escape_set(self) -> CharSet | None:
        """CharacterClassEscape at the cursor (d D s S w W, p{..} P{..} in u mode), else None."""
        c = self.peek()
        top = self.top
        if c in ("d", "D", "s", "S", "w", "W"):
            self.i += 1
            lower = c.lower()
            if lower == "d":
                base = uni.DIGITS
            elif lower == "s":
                base = uni.SPACE
            else:
                base = uni.WORD | uni.EXTRA_WORD_UI if (self.u and self.ic) else uni.WORD
            return base if c == lower else base.negate(top)
        if c in ("p", "P") and self.u:
            self.i += 1
            return self.property_escape(c == "P")
        return None

    def property_escape(self, negate: bool) -> CharSet:
        """``\\p{...}`` / ``\\P{...}`` body (cursor after the letter)."""
        p = self.p
        if self.peek() != "{":
            raise self.error("Invalid property name")
        end = p.find("}", self.i)
        if end < 0:
            raise self.error("Invalid property name")
        body = p[self.i + 1 : end]
        self.i = end + 1
        ok = body and all(ch.isascii() and (ch.isalnum() or ch == "_") for ch in body.replace("=", "", 1))
        if not ok:
            raise self.error("Invalid property name")
        if "=" in body:
            name, value = body.split("=", 1)
            cs = uni.property_set(name, value) if name and value else None
        else:
            cs = uni.property_set(body, None)
        if cs is None:
            raise self.error("Invalid property name")
        return cs.negate(MAX_CODE_POINT) if negate else cs

    def atom_escape(self) -> None:
        """AtomEscape (after the backslash)."""
        c = self.peek()
        if not c:
            raise self.error("\\ at end of pattern")
        if c == "b":
            self.i += 1
            self.emit("WORDB", None)
            return
        if c == "B":
            self.i += 1
            self.emit("NWORDB", None)
            return
        cs = self.class_escape_set()
        if cs is not None:
            self.emit("CLASSESC", cs)
            return
        if c in DIGITS and c != "0":
            k = self.i
            while k < self.n and self.p[k] in DIGITS:
                k += 1
            num = int(self.p[self.i : k])
            if num <= self.n_caps:
                self.i = k
                self.emit("BACKREF", num)
                return
            if self.u:
                raise self.error("Invalid escape")
            # B.1.4: not a backreference, so an octal or identity escape
        if c == "k" and self.named:
            self.i += 1
            if self.peek() != "<":
                raise self.error("Invalid named reference")
            self.i += 1
            self.emit("NAMEDREF", self.group_name())
            return
        self.emit("CHAR", self.character_escape(False))

    # -- character classes --

    def char_class(self) -> None:
        """``[...]``: CLASS_OPEN, CATOM/DASH tokens, CLASS_CLOSE."""
        self.i += 1
        negate = False
        if self.peek() == "^":
            self.i += 1
            negate = True
        self.emit("CLASS_OPEN", negate)
        while True:
            if self.i >= self.n:
                raise self.error("Unterminated character class")
            c = self.p[self.i]
            if c == "]":
                self.i += 1
                self.emit("CLASS_CLOSE", None)
                return
            if c == "-":
                self.i += 1
                self.emit("DASH", ord("-"))
            elif c == "\\":
                self.i += 1
                self.class_escape()
            else:
                self.emit("CATOM", self.source_char())

    def class_escape(self) -> None:
        """ClassEscape (after the backslash)."""
        c = self.peek()
        if not c:
            raise self.error("\\ at end of pattern")
        if c == "b":
            self.i += 1
            self.emit("CATOM", 0x08)
            return
        if c == "-" and self.u:
            self.i += 1
            self.emit("CATOM", ord("-"))
            return
        if c == "B" and self.u:
            raise self.error("Invalid escape")
        cs = self.class_escape_set()
        if cs is not None:
            self.emit("CATOM", cs)
            return
        self.emit("CATOM", self.character_escape(True))


def _utf16(cps: list[int]) -> str:
    out = []
    for c in cps:
        if c > 0xFFFF:
            c -= 0x10000
            out.append(chr(0xD800 + (c >> 10)))
            out.append(chr(0xDC00 + (c & 0x3FF)))
        else:
            out.append(chr(c))
    return "".join(out)


def tokenize(pattern: str, unicode: bool, ignore_case: bool) -> tuple[list[Token], int]:
    """Tokenize a pattern; returns the tokens and the number of capturing groups."""
    n_caps, named = prescan(pattern)
    toks = Tokenizer(pattern, unicode, ignore_case, named, n_caps).run()
    return toks, n_caps
