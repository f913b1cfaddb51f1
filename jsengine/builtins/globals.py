"""Value and function properties of the global object (ECMA-262 19.1, 19.2) and Annex B escape/unescape."""

from __future__ import annotations

import math
import re
from urllib.parse import quote

from ..budget import AGENT as A
from ..errors import JSThrow
from ..numconv import parse_float, parse_int
from ..ops import to_int32, to_number, to_string
from ..realm import arg, make_function
from ..values import UNDEFINED, from_utf16

INF = float("inf")


def uri_error(msg: str = "URI malformed") -> JSThrow:
    return JSThrow(kind="URIError", msg=msg)


# 19.2.2 isFinite ( number )
def global_is_finite(this, args: list):
    n = to_number(arg(args, 0))
    return type(n) is int or math.isfinite(n)


# 19.2.3 isNaN ( number )
def global_is_nan(this, args: list):
    n = to_number(arg(args, 0))
    return type(n) is float and math.isnan(n)


# 19.2.4 parseFloat ( string )
def global_parse_float(this, args: list):
    return parse_float(to_string(arg(args, 0)))


# 19.2.5 parseInt ( string, radix )
def global_parse_int(this, args: list):
    s = to_string(arg(args, 0))
    return parse_int(s, to_int32(arg(args, 1)))


def parse_functions(realm) -> tuple:
    """The realm's parseInt and parseFloat function objects (Number.parseInt is the same object)."""
    fns = getattr(realm, "parse_fns", None)
    if fns is None:
        fns = (make_function(realm, global_parse_int, "parseInt", 2),
               make_function(realm, global_parse_float, "parseFloat", 1))
        realm.parse_fns = fns
    return fns


# -- 19.2.6 URI handling functions -----------------------------------------------------------------

_ALPHA_DIGIT_MARK = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()"
_URI_RESERVED = ";/?:@&=+$,"
_LONE_SURROGATE = re.compile("[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]")
_HEX = frozenset("0123456789abcdefABCDEF")
_SAFE: dict[str, str] = {}


# 19.2.6.5 Encode ( string, unescapedSet )
def encode(s: str, unescaped: str) -> str:
    """Percent-encode the UTF-8 of every code point not in ``unescaped``; lone surrogates are a URIError."""
    if _LONE_SURROGATE.search(s):
        raise uri_error()
    A.charge(len(s) >> 2)
    if len(s) > 4096:
        A.alloc(len(s) * 9)
    safe = _SAFE.get(unescaped)
    if safe is None:
        # quote() always keeps "A-Za-z0-9_.-~", all of which are in every unescaped set here
        safe = _SAFE[unescaped] = "".join(c for c in unescaped if c not in _ALPHA_DIGIT_MARK) + "!*'()"
    return quote(from_utf16(s).encode("utf-8"), safe=safe)


# 19.2.6.6 Decode ( string, reservedSet )
def decode(s: str, reserved: str) -> str:
    """Decode %XX escapes (UTF-8 sequences); escapes of characters in ``reserved`` stay as they are."""
    if "%" not in s:
        return s
    A.charge(len(s) >> 2)
    out = []
    n = len(s)
    k = 0
    while k < n:
        j = s.find("%", k)
        if j < 0:
            out.append(s[k:])
            break
        out.append(s[k:j])
        k = j
        if k + 2 >= n or s[k + 1] not in _HEX or s[k + 2] not in _HEX:
            raise uri_error()
        b = int(s[k + 1:k + 3], 16)
        if b < 0x80:
            c = chr(b)
            out.append(s[k:k + 3] if c in reserved else c)
            k += 3
            continue
        if b & 0xE0 == 0xC0:
            count = 2
        elif b & 0xF0 == 0xE0:
            count = 3
        elif b & 0xF8 == 0xF0:
            count = 4
        else:
            raise uri_error()
        if k + 3 * count > n:
            raise uri_error()
        octets = bytearray([b])
        for i in range(1, count):
            p = k + 3 * i
            if s[p] != "%" or s[p + 1] not in _HEX or s[p + 2] not in _HEX:
                raise uri_error()
            octets.append(int(s[p + 1:p + 3], 16))
        try:
            cp = ord(octets.decode("utf-8"))  # strict: no overlong forms, surrogates or > U+10FFFF
        except UnicodeDecodeError:
            raise uri_error() from None
        if cp >= 0x10000:
            cp -= 0x10000
            out.append(chr(0xD800 + (cp >> 10)) + chr(0xDC00 + (cp & 0x3FF)))
        else:
            out.append(chr(cp))
        k += 3 * count
    return "".join(out)


# 19.2.6.2 decodeURI ( encodedURI )
def global_decode_uri(this, args: list):
    return decode(to_string(arg(args, 0)), _URI_RESERVED + "#")


# 19.2.6.3 decodeURIComponent ( encodedURIComponent )
def global_decode_uri_component(this, args: list):
    return decode(to_string(arg(args, 0)), "")


# 19.2.6.4 encodeURI ( uri )
def global_encode_uri(this, args: list):
    return encode(to_string(arg(args, 0)), _URI_RESERVED + _ALPHA_DIGIT_MARK + "#")


# 19.2.6.5 encodeURIComponent ( uriComponent )
def global_encode_uri_component(this, args: list):
    return encode(to_string(arg(args, 0)), _ALPHA_DIGIT_MARK)


# -- B.2.1 Additional Properties of the Global Object ---------------------------------------------

_ESCAPE_OK = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789@*_+-./")
_UNESCAPE = re.compile(r"%u([0-9a-fA-F]{4})|%([0-9a-fA-F]{2})")


# B.2.1.1 escape ( string )
def global_escape(this, args: list):
    s = to_string(arg(args, 0))
    A.charge(len(s) >> 2)
    if len(s) > 4096:
        A.alloc(len(s) * 12)
    out = []
    for c in s:
        if c in _ESCAPE_OK:
            out.append(c)
        else:
            o = ord(c)
            out.append(f"%{o:02X}" if o < 256 else f"%u{o:04X}")
    return "".join(out)


def _unescape_one(m: re.Match) -> str:
    return chr(int(m.group(1) or m.group(2), 16))


# B.2.1.2 unescape ( string )
def global_unescape(this, args: list):
    s = to_string(arg(args, 0))
    if "%" not in s:
        return s
    A.charge(len(s) >> 2)
    return _UNESCAPE.sub(_unescape_one, s)


def setup(realm) -> None:
    # 19.1 Value Properties of the Global Object: not writable, enumerable or configurable
    realm.define_global("Infinity", INF, 0)
    realm.define_global("NaN", float("nan"), 0)
    realm.define_global("undefined", UNDEFINED, 0)
    # 19.2 Function Properties of the Global Object
    realm.define_global("isFinite", make_function(realm, global_is_finite, "isFinite", 1))
    realm.define_global("isNaN", make_function(realm, global_is_nan, "isNaN", 1))
    p_int, p_float = parse_functions(realm)
    realm.define_global("parseFloat", p_float)
    realm.define_global("parseInt", p_int)
    realm.define_global("decodeURI", make_function(realm, global_decode_uri, "decodeURI", 1))
    realm.define_global("decodeURIComponent",
                        make_function(realm, global_decode_uri_component, "decodeURIComponent", 1))
    realm.define_global("encodeURI", make_function(realm, global_encode_uri, "encodeURI", 1))
    realm.define_global("encodeURIComponent",
                        make_function(realm, global_encode_uri_component, "encodeURIComponent", 1))
    # B.2.1
    realm.define_global("escape", make_function(realm, global_escape, "escape", 1))
    realm.define_global("unescape", make_function(realm, global_unescape, "unescape", 1))
