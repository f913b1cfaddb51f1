"""The JSON object (ECMA-262 25.5): parse with V8's error messages, and stringify under the budget.

JSON.parse first tries Python's C-accelerated ``json`` module with hooks that build JS values; on any
failure (a syntax error, nesting too deep for it, a surrogate-pair escape it would join into one code
point) it falls back to the iterative parser below, which is exact and reports errors like V8.
"""

from __future__ import annotations

import gc
import json as _pyjson
import re

from ..budget import AGENT as A
from ..errors import range_error, syntax_error, type_error
from ..objects import MISSING, C, E, JSArray, JSObject, Prop, ordered_keys
from ..ops import (
    create_data_property,
    get_v,
    is_array,
    is_callable,
    length_of_array_like,
    number_to_string,
    own_enumerable_string_keys,
    to_integer_or_infinity,
    to_number,
    to_string,
)
from ..realm import arg, constant, method
from ..values import HOLE, MAX_SAFE, MIN_SAFE, SYM, UNDEFINED, JSBigInt, JSSymbol
from .object import constructor_name

MAX_NESTING = 4000  # objects nested deeper than this throw RangeError, as V8's stack limit does (~4500)
STACK_MSG = "Maximum call stack size exceeded"

# -- 25.5.1 JSON.parse -----------------------------------------------------------------------------------

_WS = re.compile(r"[ \t\n\r]*")
_STR_CHUNK = re.compile(r'[^"\\\x00-\x1f]*')
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")
_HEX4 = re.compile(r"[0-9a-fA-F]{4}")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89abAB]")
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_SPECIAL_SOURCES = ("NaN", "Infinity", "undefined", "[object Object]")


def _number_value(s: str):
    """A JSON number literal -> a Number (int when integral and safe)."""
    if len(s) <= 16 and "." not in s and "e" not in s and "E" not in s:
        if s == "-0":
            return -0.0
        v = int(s)
        return v if MIN_SAFE <= v <= MAX_SAFE else float(v)
    f = float(s)
    if f.is_integer() and MIN_SAFE <= f <= MAX_SAFE and not (f == 0 and s[0] == "-"):
        return int(f)
    return f


def _error_at(text: str, pos: int, msg: str | None = None):
    """The SyntaxError V8 reports for the token at ``pos`` (ReportUnexpectedToken)."""
    if msg is not None:
        return syntax_error(f"{msg} in JSON at position {pos}")
    n = len(text)
    if pos >= n:
        return syntax_error("Unexpected end of JSON input")
    c = text[pos]
    if c == "-" or "0" <= c <= "9":
        return syntax_error(f"Unexpected number in JSON at position {pos}")
    if c == '"':
        return syntax_error(f"Unexpected string in JSON at position {pos}")
    if text in _SPECIAL_SOURCES:
        return syntax_error(f'"{text}" is not valid JSON')
    if n < 21:
        shown = f'"{text}"'
    elif pos < 10:
        shown = f'"{text[:pos + 10]}"...'
    elif pos < n - 10:
        shown = f'..."{text[pos - 10:pos + 10]}"...'
    else:
        shown = f'..."{text[pos - 10:]}"'
    return syntax_error(f"Unexpected token '{c}', {shown} is not valid JSON")


def _scan_string(text: str, pos: int) -> tuple[str, int]:
    """The string literal whose opening quote is at ``pos`` -> (value, position after it)."""
    n = len(text)
    j = pos + 1
    m = _STR_CHUNK.match(text, j)
    k = m.end()
    if k < n and text[k] == '"':
        return text[j:k], k + 1
    parts = []
    while True:
        parts.append(text[j:k])
        if k >= n:
            raise _error_at(text, n, "Unterminated string")
        c = text[k]
        if c == '"':
            return "".join(parts), k + 1
        if c != "\\":
            raise _error_at(text, k, "Bad control character in string literal")
        if k + 1 >= n:
            raise _error_at(text, n)
        e = text[k + 1]
        if e == "u":
            h = _HEX4.match(text, k + 2)
            if h is None:
                bad = k + 2
                while bad < n and bad < k + 6 and text[bad] in "0123456789abcdefABCDEF":
                    bad += 1
                raise _error_at(text, bad, "Bad Unicode escape")
            parts.append(chr(int(h.group(), 16)))
            j = k + 6
        else:
            r = _ESCAPES.get(e)
            if r is None:
                if ord(e) > 0xFF:
                    raise _error_at(text, k + 1)
                raise _error_at(text, k + 1, "Bad escaped character")
            parts.append(r)
            j = k + 2
        m = _STR_CHUNK.match(text, j)
        k = m.end()


def _scan_number(text: str, pos: int) -> tuple[object, int]:
    m = _NUMBER.match(text, pos)
    n = len(text)
    if m is None:  # a lone minus sign
        raise _error_at(text, pos + 1, "No number after minus sign")
    end = m.end()
    s = m.group()
    if end < n:
        c = text[end]
        if "0" <= c <= "9":  # a leading zero followed by digits
            raise _error_at(text, end)
        if c == "." and "." not in s and "e" not in s and "E" not in s:
            raise _error_at(text, end + 1, "Unterminated fractional number")
        if c in "eE" and "e" not in s and "E" not in s:
            at = end + 1
            if at < n and text[at] in "+-":
                at += 1
            raise _error_at(text, at, "Exponent part is missing a number")
    return _number_value(s), end


def _scan_literal(text: str, pos: int, word: str, value):
    if text.startswith(word, pos):
        return value, pos + len(word)
    n = len(text)
    i = pos + 1
    for ch in word[1:]:
        if i >= n:
            break
        if text[i] != ch:
            raise _error_at(text, i)
        i += 1
    raise _error_at(text, n)


def parse_json_text(text: str, realm):
    """Parse JSON text (ECMA-404) into JS values, iteratively (any nesting depth)."""
    n = len(text)
    ws = _WS.match
    obj_proto = realm.ObjectPrototype
    arr_proto = realm.ArrayPrototype
    stack: list = []  # [container, key]: container is a JSObject or a Python list (an array being built)
    pos = ws(text, 0).end()
    count = 0
    while True:
        # -- a value starts at pos
        count += 1
        if count & 1023 == 0:
            A.charge(1024)
            A.alloc(1024 * 64)
        c = text[pos] if pos < n else ""
        if c == "{":
            pos = ws(text, pos + 1).end()
            if pos < n and text[pos] == "}":
                value = JSObject(obj_proto)
                pos += 1
            else:
                if pos >= n or text[pos] != '"':
                    raise _error_at(text, pos, "Expected property name or '}'")
                key, pos = _scan_string(text, pos)
                pos = ws(text, pos).end()
                if pos >= n or text[pos] != ":":
                    raise _error_at(text, pos, "Expected ':' after property name")
                pos = ws(text, pos + 1).end()
                stack.append([JSObject(obj_proto), key])
                continue
        elif c == "[":
            pos = ws(text, pos + 1).end()
            if pos < n and text[pos] == "]":
                value = JSArray(arr_proto, [])
                pos += 1
            else:
                stack.append([[], None])
                continue
        elif c == '"':
            value, pos = _scan_string(text, pos)
        elif c == "-" or "0" <= c <= "9":
            value, pos = _scan_number(text, pos)
        elif c == "t":
            value, pos = _scan_literal(text, pos, "true", True)
        elif c == "f":
            value, pos = _scan_literal(text, pos, "false", False)
        elif c == "n":
            value, pos = _scan_literal(text, pos, "null", None)
        else:
            raise _error_at(text, pos)
        # -- a value is complete: store it in the innermost container, closing containers as they end
        while True:
            if not stack:
                pos = ws(text, pos).end()
                if pos < n:
                    raise syntax_error(f"Unexpected non-whitespace character after JSON at position {pos}")
                return value
            top = stack[-1]
            container = top[0]
            pos = ws(text, pos).end()
            c = text[pos] if pos < n else ""
            if type(container) is list:
                container.append(value)
                if c == ",":
                    pos = ws(text, pos + 1).end()
                    break
                if c == "]":
                    stack.pop()
                    value = JSArray(arr_proto, container)
                    pos += 1
                    continue
                raise _error_at(text, pos, "Expected ',' or ']' after array element")
            container.props[top[1]] = value
            if c == ",":
                pos = ws(text, pos + 1).end()
                if pos >= n or text[pos] != '"':
                    raise _error_at(text, pos, "Expected double-quoted property name")
                top[1], pos = _scan_string(text, pos)
                pos = ws(text, pos).end()
                if pos >= n or text[pos] != ":":
                    raise _error_at(text, pos)
                pos = ws(text, pos + 1).end()
                break
            if c == "}":
                stack.pop()
                value = container
                pos += 1
                continue
            raise _error_at(text, pos, "Expected ',' or '}' after property value")


class _Reject(Exception):
    pass


def _fast_parse(text: str, realm):
    """Parse with Python's json module; MISSING when it cannot give the exact JS result."""
    if _SURROGATE_ESCAPE.search(text) is not None:
        return MISSING  # it would join an escaped surrogate pair into one code point
    obj_proto = realm.ObjectPrototype
    arr_proto = realm.ArrayPrototype

    def to_js(v):
        if type(v) is list:
            return JSArray(arr_proto, [to_js(x) if type(x) is list else x for x in v])
        return v

    def make_object(pairs):
        o = JSObject(obj_proto)
        props = o.props
        for k, v in pairs:
            props[k] = to_js(v) if type(v) is list else v
        return o

    def reject(s):
        raise _Reject

    try:
        v = _pyjson.loads(text, object_pairs_hook=make_object, parse_int=_number_value,
                          parse_float=_number_value, parse_constant=reject)
        return to_js(v)
    except (ValueError, RecursionError, _Reject):
        return MISSING


def _internalize(holder, name: str, reviver, depth: int):
    """InternalizeJSONProperty (25.5.1.1)."""
    val = holder.get(name, holder)
    if isinstance(val, JSObject):
        if depth > MAX_NESTING:
            raise range_error(STACK_MSG)
        if is_array(val):
            n = length_of_array_like(val)
            A.charge(n)
            keys = (str(i) for i in range(n))
        else:
            keys = own_enumerable_string_keys(val)
            A.charge(len(keys))
        for k in keys:
            new = _internalize(val, k, reviver, depth + 1)
            if new is UNDEFINED:
                val.delete(k)
            else:
                create_data_property(val, k, new)
    return reviver.call(holder, [name, val])


# 25.5.1 JSON.parse ( text [ , reviver ] )
def json_parse(this, args: list):
    """JSON.parse: JSON text -> JS value, then the reviver walk."""
    text = to_string(arg(args, 0))
    realm = A.realm
    A.charge(len(text) >> 3)
    A.alloc(len(text) * 8)
    # no reference cycles are made while parsing: pausing the cyclic GC saves the collections that
    # hundreds of thousands of fresh objects would trigger (about half the time on big inputs)
    gc_was_on = gc.isenabled()
    gc.disable()
    try:
        value = _fast_parse(text, realm)
        if value is MISSING:
            value = parse_json_text(text, realm)
    finally:
        if gc_was_on:
            gc.enable()
    reviver = arg(args, 1)
    if not is_callable(reviver):
        return value
    root = JSObject(realm.ObjectPrototype)
    root.props[""] = value
    try:
        return _internalize(root, "", reviver, 0)
    except RecursionError:
        raise range_error(STACK_MSG) from None


# -- 25.5.2 JSON.stringify -----------------------------------------------------------------------------

_NEEDS_QUOTING = re.compile('[\\x00-\\x1f"\\\\\ud800-\udfff]')
_QUOTE_UNIT = re.compile('[\ud800-\udbff][\udc00-\udfff]|[\\x00-\\x1f"\\\\\ud800-\udfff]')
_QUOTE_TABLE = {"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r", '"': '\\"', "\\": "\\\\"}


def _quote_unit(m: re.Match) -> str:
    s = m.group()
    if len(s) == 2:
        return s  # a surrogate pair stays as it is
    r = _QUOTE_TABLE.get(s)
    return r if r is not None else f"\\u{ord(s):04x}"


def quote_json_string(s: str) -> str:
    """QuoteJSONString (25.5.2.3), well-formed: lone surrogates become \\udxxx escapes."""
    if _NEEDS_QUOTING.search(s) is None:
        return f'"{s}"'
    return '"' + _QUOTE_UNIT.sub(_quote_unit, s) + '"'


_FLUSH_PARTS = 4096


def _float_text(x: float) -> str:
    """Number::toString for JSON (non-finite -> "null"); repr is exact for plain positional floats."""
    if x - x != 0:
        return "null"
    r = repr(x)
    if "e" in r or r.endswith(".0"):
        return number_to_string(x)
    return r


def _primitive_text(v):
    """The JSON text of a primitive that needs no toJSON/replacer step, or None."""
    t = type(v)
    if t is str:
        return quote_json_string(v)
    if t is int:
        return str(v)
    if t is float:
        return _float_text(v)
    if t is bool:
        return "true" if v else "false"
    if v is None:
        return "null"
    return None


def _enumerable_keys(o) -> list:
    """EnumerableOwnPropertyNames(o, key), fast for ordinary objects."""
    cls = type(o)
    if o.ordinary_get and cls.own_keys is JSObject.own_keys and cls.get_own_property is JSObject.get_own_property:
        props = o.props
        return [k for k in ordered_keys(props) if type(k) is str
                and (type(p := props[k]) is not Prop or p.flags & E)]
    return own_enumerable_string_keys(o)


class _Stringifier:
    """The JSON.stringify state record (25.5.2): replacer, property list, gap, indent, stack, output."""

    __slots__ = ("chunks", "gap", "indent", "keys", "on_stack", "parts", "plist", "replacer", "size", "stack")

    def __init__(self, replacer, plist, gap: str) -> None:
        self.replacer = replacer
        self.plist = plist
        self.gap = gap
        self.indent = ""
        self.stack: list = []
        self.keys: list = []
        self.on_stack: set = set()
        self.parts: list = []
        self.chunks: list = []
        self.size = 0

    def flush(self) -> None:
        """Join the pending parts into one chunk, accounting its memory."""
        chunk = "".join(self.parts)
        self.parts.clear()
        self.size += len(chunk)
        A.alloc(2 * len(chunk))
        self.chunks.append(chunk)

    def result(self) -> str:
        if not self.chunks:
            return "".join(self.parts)
        self.flush()
        A.alloc(2 * self.size)
        return "".join(self.chunks)

    # SerializeJSONProperty (25.5.2.2) steps 2-4 and 11: MISSING means the result is undefined
    def transform(self, holder, key: str, value):
        if isinstance(value, JSObject) or type(value) is JSBigInt:
            to_json = get_v(value, "toJSON")
            if isinstance(to_json, JSObject) and to_json.is_callable:
                value = to_json.call(value, [key])
        if self.replacer is not None:
            value = self.replacer.call(holder, [key, value])
        if isinstance(value, JSObject):
            if value.is_callable:
                return MISSING
            kind = getattr(value, "kind", None)
            if kind == "Number":
                return to_number(value)
            if kind == "String":
                return to_string(value)
            if kind == "Boolean" or kind == "BigInt":
                return value.data
            return value
        if value is UNDEFINED or type(value) is JSSymbol:
            return MISSING
        return value

    # SerializeJSONProperty (25.5.2.2) steps 5-10, for a value already transformed
    def write(self, value, key) -> None:
        s = _primitive_text(value)
        if s is not None:
            self.parts.append(s)
        elif type(value) is JSBigInt:
            raise type_error("Do not know how to serialize a BigInt")
        elif is_array(value):
            self.write_array(value, key)
        else:
            self.write_object(value, key)

    def enter(self, o, key) -> None:
        A.ticks -= 1
        if A.ticks < 0:
            A.tick()
        if id(o) in self.on_stack:
            raise type_error(self.circular_message(o, key))
        if len(self.stack) >= MAX_NESTING:
            raise range_error(STACK_MSG)
        self.stack.append(o)
        self.keys.append(key)
        self.on_stack.add(id(o))
        if len(self.parts) > _FLUSH_PARTS:
            self.flush()

    def leave(self) -> None:
        self.on_stack.discard(id(self.stack.pop()))
        self.keys.pop()

    def circular_message(self, o, closing_key) -> str:
        """V8's message: the circle from its first object to the key that closes it."""
        start = next(i for i, x in enumerate(self.stack) if x is o)

        def key_text(k) -> str:
            if type(k) is int:
                return f"index {k}"
            return f"property '{k}'" if k else "<anonymous>"

        def line(i: int) -> str:
            return (f"\n    |     {key_text(self.keys[i])} -> object with constructor "
                    f"'{constructor_name(self.stack[i])}'")

        out = [f"\n    --> starting at object with constructor '{constructor_name(o)}'"]
        size = len(self.stack)
        index = start + 1
        prefix_end = min(size, index + 2)
        while index < prefix_end:
            out.append(line(index))
            index += 1
        if size > index + 1:
            out.append("\n    |     ...")
        for i in range(max(index, size - 1), size):
            out.append(line(i))
        out.append(f"\n    --- {key_text(closing_key)} closes the circle")
        return "Converting circular structure to JSON" + "".join(out)

    # 25.5.2.5 SerializeJSONObject ( state, value )
    def write_object(self, o, key) -> None:
        self.enter(o, key)
        stepback = self.indent
        gap = self.gap
        indent = self.indent = stepback + gap
        keys = self.plist if self.plist is not None else _enumerable_keys(o)
        parts = self.parts
        replacer = self.replacer
        ordinary = o.ordinary_get
        props = o.props
        parts.append("{")
        first = True
        for k in keys:
            A.ticks -= 1
            if A.ticks < 0:
                A.tick()
            v = props.get(k, MISSING) if ordinary else MISSING
            if v is MISSING or type(v) is Prop:
                v = o.get(k, o)
            s = _primitive_text(v) if replacer is None else None
            if s is None:
                v = self.transform(o, k, v)
                if v is MISSING:
                    continue
            if gap:
                head = ("\n" if first else ",\n") + indent + quote_json_string(k) + ": "
            else:
                head = quote_json_string(k) + ":" if first else "," + quote_json_string(k) + ":"
            first = False
            if s is not None:
                parts.append(head + s)
            else:
                parts.append(head)
                self.write(v, k)
                if len(parts) > _FLUSH_PARTS:
                    self.flush()
        if gap and not first:
            parts.append("\n" + stepback + "}")
        else:
            parts.append("}")
        self.leave()
        self.indent = stepback

    # 25.5.2.6 SerializeJSONArray ( state, value )
    def write_array(self, o, key) -> None:
        self.enter(o, key)
        stepback = self.indent
        gap = self.gap
        indent = self.indent = stepback + gap
        n = length_of_array_like(o)
        parts = self.parts
        replacer = self.replacer
        if n == 0:
            parts.append("[]")
        else:
            sep = ",\n" + indent if gap else ","
            parts.append("[\n" + indent if gap else "[")
            dense = type(o) is JSArray
            for i in range(n):
                A.ticks -= 1
                if A.ticks < 0:
                    A.tick()
                v = HOLE
                if dense:
                    arr = o.arr
                    if arr is not None and i < len(arr):
                        v = arr[i]
                if v is HOLE:
                    v = o.get(str(i), o)
                s = _primitive_text(v) if replacer is None else None
                if s is None:
                    v = self.transform(o, str(i), v)
                    if v is MISSING:
                        s = "null"
                if s is not None:
                    parts.append(sep + s if i else s)
                else:
                    if i:
                        parts.append(sep)
                    self.write(v, i)
                    if len(parts) > _FLUSH_PARTS:
                        self.flush()
            parts.append("\n" + stepback + "]" if gap else "]")
        self.leave()
        self.indent = stepback


# 25.5.2 JSON.stringify ( value [ , replacer [ , space ] ] )
def json_stringify(this, args: list):
    """JSON.stringify: a JS value -> JSON text, or undefined."""
    value = arg(args, 0)
    replacer = arg(args, 1)
    space = arg(args, 2)
    replacer_fn = None
    plist = None
    if isinstance(replacer, JSObject):
        if replacer.is_callable:
            replacer_fn = replacer
        elif is_array(replacer):
            plist = []
            seen = set()
            n = length_of_array_like(replacer)
            A.charge(n)
            for i in range(n):
                v = replacer.get(str(i), replacer)
                t = type(v)
                if t is str:
                    item = v
                elif t is int or t is float or isinstance(v, JSObject) and getattr(v, "kind", None) in ("String", "Number") \
                        and not v.is_callable:
                    item = to_string(v)
                else:
                    continue
                if item not in seen:
                    seen.add(item)
                    plist.append(item)
    if isinstance(space, JSObject):
        kind = getattr(space, "kind", None)
        if kind == "Number":
            space = to_number(space)
        elif kind == "String":
            space = to_string(space)
    t = type(space)
    if t is int or t is float:
        k = min(10, to_integer_or_infinity(space))
        gap = " " * int(k) if k >= 1 else ""
    elif t is str:
        gap = space[:10]
    else:
        gap = ""
    wrapper = JSObject(A.realm.ObjectPrototype)
    wrapper.props[""] = value
    st = _Stringifier(replacer_fn, plist, gap)
    try:
        v = st.transform(wrapper, "", value)
        if v is MISSING:
            return UNDEFINED
        st.write(v, "")
    except RecursionError:
        raise range_error(STACK_MSG) from None
    return st.result()


def setup(realm) -> None:
    obj = JSObject(realm.ObjectPrototype)
    method(realm, obj, "parse", json_parse, 2)
    method(realm, obj, "stringify", json_stringify, 3)
    # 25.5.3 JSON [ @@toStringTag ]
    constant(obj, SYM.toStringTag, "JSON", C)
    realm.JSON = obj
    realm.define_global("JSON", obj)


__all__ = ["json_parse", "json_stringify", "parse_json_text", "quote_json_string", "setup"]
