"""test262 frontmatter: the ``/*--- ... ---*/`` block, parsed with a small YAML subset.

test262 metadata uses a narrow slice of YAML; this module reads exactly that slice without a YAML
dependency:

- top-level ``key: value`` pairs, ``#`` comment lines, blank lines;
- plain scalars (possibly continued on more-indented lines), ``'single'`` and ``"double"`` quoted scalars;
- block scalars ``|`` and ``>`` with the ``-``/``+`` chomping indicators;
- flow sequences ``[a, b]`` and flow mappings ``{phase: parse, type: SyntaxError}`` (may span lines);
- block sequences (``- item``) and block mappings (``negative:`` followed by indented ``phase:``/``type:``).

:func:`parse_test` turns that into a :class:`TestMeta` with the fields the runner uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["FrontmatterError", "TestMeta", "extract", "parse_test", "parse_yaml"]

_START = "/*---"
_END = "---*/"
_KEY = re.compile(r"([A-Za-z_$][\w$.\-]*)\s*:(?:\s+|$)")


class FrontmatterError(ValueError):
    """The frontmatter block is missing, unterminated or outside the YAML subset."""


@dataclass
class TestMeta:
    """What the runner needs from a test file's frontmatter."""

    __test__ = False  # not a pytest test class

    description: str = ""
    info: str = ""
    includes: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    features: list[str] = field(default_factory=list)
    negative_phase: str | None = None
    negative_type: str | None = None
    locale: list[str] = field(default_factory=list)
    esid: str | None = None
    raw: dict = field(default_factory=dict)

    @property
    def is_negative(self) -> bool:
        return self.negative_phase is not None


def extract(source: str) -> str | None:
    """Return the text between ``/*---`` and ``---*/``, or None when the file has no frontmatter."""
    start = source.find(_START)
    if start < 0:
        return None
    end = source.find(_END, start + len(_START))
    if end < 0:
        raise FrontmatterError("unterminated frontmatter (no '---*/')")
    return source[start + len(_START) : end]


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _strip_comment(text: str) -> str:
    """Drop a YAML comment (`` #...``) from a plain-scalar/flow line, respecting quotes."""
    quote = None
    for i, ch in enumerate(text):
        if quote:
            if ch == quote:
                quote = None
        elif ch in "'\"":
            quote = ch
        elif ch == "#" and (i == 0 or text[i - 1] in " \t"):
            return text[:i].rstrip()
    return text.rstrip()


def _unquote(text: str):
    """Scalar value: quoted strings unescaped, everything else a plain string."""
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] == "'":
        return text[1:-1].replace("''", "'")
    if len(text) >= 2 and text[0] == text[-1] == '"':
        body = text[1:-1]
        escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "/": "/", "0": "\0", "r": "\r", " ": " "}
        out, i = [], 0
        while i < len(body):
            ch = body[i]
            if ch == "\\" and i + 1 < len(body):
                nxt = body[i + 1]
                if nxt in "xuU":
                    width = {"x": 2, "u": 4, "U": 8}[nxt]
                    out.append(chr(int(body[i + 2 : i + 2 + width], 16)))
                    i += 2 + width
                    continue
                out.append(escapes.get(nxt, nxt))
                i += 2
                continue
            out.append(ch)
            i += 1
        return "".join(out)
    return text


def _split_flow(body: str) -> list[str]:
    """Split the inside of a flow collection on top-level commas."""
    parts, depth, quote, cur = [], 0, None, []
    for ch in body:
        if quote:
            cur.append(ch)
            if ch == quote:
                quote = None
            continue
        if ch in "'\"":
            quote = ch
        elif ch in "[{":
            depth += 1
        elif ch in "]}":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append("".join(cur))
            cur = []
            continue
        cur.append(ch)
    if "".join(cur).strip():
        parts.append("".join(cur))
    return [p.strip() for p in parts if p.strip()]


def _flow(text: str):
    """Parse a complete flow collection (``[...]`` or ``{...}``) or a scalar."""
    text = text.strip()
    if text.startswith("["):
        if not text.endswith("]"):
            raise FrontmatterError(f"unterminated flow sequence: {text!r}")
        return [_flow(p) for p in _split_flow(text[1:-1])]
    if text.startswith("{"):
        if not text.endswith("}"):
            raise FrontmatterError(f"unterminated flow mapping: {text!r}")
        out = {}
        for part in _split_flow(text[1:-1]):
            key, sep, value = part.partition(":")
            if not sep:
                raise FrontmatterError(f"flow mapping entry without ':': {part!r}")
            out[_unquote(key)] = _flow(value)
        return out
    return _unquote(text)


def _block_scalar(indicator: str, lines: list[str], parent_indent: int) -> tuple[str, int]:
    """Read a ``|``/``>`` block scalar from ``lines``; return (value, number of lines consumed)."""
    style, chomp = indicator[0], indicator[1:2]
    body: list[str] = []
    used = 0
    block_indent = None
    for line in lines:
        if line.strip() == "":
            body.append(line[block_indent:] if block_indent is not None else "")
            used += 1
            continue
        ind = _indent(line)
        if ind <= parent_indent:
            break
        if block_indent is None:
            block_indent = ind
        if ind < block_indent:
            break
        body.append(line[block_indent:])
        used += 1
    # trailing blank lines belong to chomping, not to the value
    trailing = 0
    while body and body[-1].strip() == "":
        body.pop()
        trailing += 1
    if style == "|":
        text = "\n".join(body)
    else:
        text = _fold(body)
    if not body:
        return "", used
    if chomp == "-":
        return text, used
    if chomp == "+":
        return text + "\n" * (1 + trailing), used
    return text + "\n", used


def _fold(body: list[str]) -> str:
    """YAML line folding for ``>`` scalars: single breaks become spaces except around
    more-indented lines; blank lines become newlines."""
    if not body:
        return ""
    out, prev, i = body[0], body[0], 1
    while i < len(body):
        j = i
        while j < len(body) and body[j].strip() == "":
            j += 1
        empties = j - i
        nxt = body[j]
        if prev.startswith((" ", "\t")) or nxt.startswith((" ", "\t")):
            sep = "\n" * (1 + empties)
        else:
            sep = "\n" * empties if empties else " "
        out += sep + nxt
        prev, i = nxt, j + 1
    return out


def _value(first: str, lines: list[str], indent: int) -> tuple[object, int]:
    """Value of a key whose inline text is ``first``; ``lines`` follow it. Returns (value, lines used)."""
    first = first.strip()
    if first[:1] in "|>" and re.fullmatch(r"[|>][-+]?\d?\s*(#.*)?", first):
        return _block_scalar(first.split("#")[0].strip(), lines, indent)
    first = _strip_comment(first)
    if first.startswith(("[", "{")):
        closer = "]" if first[0] == "[" else "}"
        text, used = first, 0
        while not text.rstrip().endswith(closer) and used < len(lines):
            text += " " + _strip_comment(lines[used].strip())
            used += 1
        return _flow(text), used
    if first:
        # a plain or quoted scalar, possibly continued on more-indented lines
        parts, used = [first], 0
        for line in lines:
            if line.strip() == "" or _indent(line) <= indent:
                break
            parts.append(_strip_comment(line.strip()))
            used += 1
        return _unquote(" ".join(parts)), used
    # nothing inline: a nested block (sequence or mapping), or an empty value
    used = 0
    for i, line in enumerate(lines):
        stripped = line.lstrip()
        is_content = stripped and not stripped.startswith("#")
        if is_content and _indent(line) <= indent and not (_indent(line) == indent and stripped[:2] == "- "):
            break
        used = i + 1
    block = lines[:used]
    while block and (block[-1].strip() == "" or block[-1].lstrip().startswith("#")):
        block.pop()
    content = [ln for ln in block if ln.strip() and not ln.lstrip().startswith("#")]
    if not content:
        return None, len(block)
    if content[0].lstrip().startswith("-"):
        items = []
        for ln in content:
            stripped = ln.strip()
            if not stripped.startswith("-"):
                raise FrontmatterError(f"unexpected line in block sequence: {ln!r}")
            items.append(_flow(_strip_comment(stripped[1:].strip())))
        return items, len(block)
    return _mapping(block, _indent(content[0])), len(block)


def _mapping(lines: list[str], indent: int) -> dict:
    out: dict = {}
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.strip() == "" or line.lstrip().startswith("#"):
            i += 1
            continue
        if _indent(line) != indent:
            raise FrontmatterError(f"unexpected indentation: {line!r}")
        m = _KEY.match(line, indent)
        if not m:
            raise FrontmatterError(f"expected 'key: value': {line!r}")
        key = m.group(1)
        value, used = _value(line[m.end() :], lines[i + 1 :], indent)
        out[key] = value
        i += 1 + used
    return out


def parse_yaml(text: str) -> dict:
    """Parse the YAML subset used by test262 frontmatter into a dict."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    content = [ln for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]
    if not content:
        return {}
    base = min(_indent(ln) for ln in content)
    return _mapping(lines, base)


def _str_list(value, key: str) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise FrontmatterError(f"{key}: expected a list of names, got {value!r}")
    return list(value)


def parse_test(source: str) -> TestMeta:
    """Frontmatter of a test file's source as a :class:`TestMeta` (all defaults when there is none)."""
    block = extract(source)
    if block is None:
        return TestMeta()
    data = parse_yaml(block)
    meta = TestMeta(raw=data)
    meta.description = str(data.get("description") or "")
    meta.info = str(data.get("info") or "")
    meta.includes = _str_list(data.get("includes"), "includes")
    meta.flags = _str_list(data.get("flags"), "flags")
    meta.features = _str_list(data.get("features"), "features")
    meta.locale = _str_list(data.get("locale"), "locale")
    esid = data.get("esid")
    meta.esid = str(esid) if esid is not None else None
    negative = data.get("negative")
    if negative is not None:
        if not isinstance(negative, dict) or "phase" not in negative or "type" not in negative:
            raise FrontmatterError(f"negative: expected a mapping with phase and type, got {negative!r}")
        meta.negative_phase = str(negative["phase"])
        meta.negative_type = str(negative["type"])
    return meta
