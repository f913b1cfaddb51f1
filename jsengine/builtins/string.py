"""String objects (ECMA-262 22.1), the String Iterator (22.1.5) and Annex B's String methods (B.2.2).

Strings are Python ``str`` of UTF-16 code units: lengths, indices and searches are in code units;
case mapping and normalization convert to code points and back (``values.from_utf16``/``to_utf16``).
"""

from __future__ import annotations

import math
import re
import unicodedata

from ..budget import AGENT as A
from ..errors import range_error, type_error
from ..numconv import js_trim
from ..objects import C, JSInternal, JSObject, JSStringObject, Prop, W
from ..ops import (
    call,
    create_array,
    create_iter_result,
    get_method,
    get_prototype_from_constructor,
    invoke,
    is_callable,
    length_of_array_like,
    number_to_string,
    to_boolean,
    to_integer_or_infinity,
    to_length,
    to_number,
    to_object,
    to_string,
    to_uint16,
    to_uint32,
)
from ..realm import arg, constructor, method
from ..values import SYM, UNDEFINED, JSSymbol, from_utf16, to_utf16

INF = float("inf")

# V8's longest string: building a longer one is a RangeError "Invalid string length".
MAX_STRING_LENGTH = (1 << 29) - 24


# -- helpers shared with other builtins ------------------------------------------------------------


def reserve_string(n: int, ascii_only: bool = False) -> None:
    """Account a string of ``n`` code units before building it: the memory budget refuses it first,
    then V8's string length limit (RangeError "Invalid string length")."""
    if n > 4096:
        A.alloc(n if ascii_only else 2 * n)
        A.charge(n >> 8)
    if n > MAX_STRING_LENGTH:
        raise range_error("Invalid string length")


def charge_scan(n: int) -> None:
    """Charge steps for a scan over ``n`` code units (cheap C-speed work: 1 step per 32 units)."""
    if n > 1024:
        A.charge(n >> 5)


def this_str(this, name: str) -> str:
    """RequireObjectCoercible(this value) and ToString: the string a String.prototype method works on."""
    if type(this) is str:
        return this
    if this is None or this is UNDEFINED:
        sep = "" if name[0] == "[" else "."
        raise type_error(f"String.prototype{sep}{name} called on null or undefined")
    return to_string(this)


def this_string_value(v, name: str) -> str:
    """thisStringValue (22.1.3): a String or a String object's [[StringData]]."""
    if type(v) is str:
        return v
    if isinstance(v, JSStringObject):
        return v.data
    raise type_error(f"String.prototype.{name} requires that 'this' be a String")


def is_regexp(v) -> bool:
    """IsRegExp (7.2.8)."""
    if not isinstance(v, JSObject):
        return False
    m = v.get(SYM.match)
    if m is not UNDEFINED:
        return to_boolean(m)
    return getattr(v, "kind", None) == "RegExp" or v.class_name == "RegExp"


def regexp_create(pattern, flags):
    """RegExpCreate (22.2.3.2), provided by the RegExp builtin."""
    try:
        from .regexp import regexp_create as create
    except ImportError:
        ctor = getattr(A.realm, "RegExp", None)
        if ctor is None:
            raise type_error("RegExp is not supported") from None
        return ctor.construct([pattern, flags], ctor)
    return create(pattern, flags)


def _clamp(v, lo: int, hi: int) -> int:
    if v < lo:
        return lo
    if v > hi:
        return hi
    return int(v)


def code_point_at(s: str, i: int) -> tuple[int, int]:
    """CodePointAt (11.1.4): (code point, code unit count) at index ``i``."""
    c = ord(s[i])
    if 0xD800 <= c <= 0xDBFF and i + 1 < len(s):
        d = ord(s[i + 1])
        if 0xDC00 <= d <= 0xDFFF:
            return 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00), 2
    return c, 1


# -- 22.1.3.18.1 GetSubstitution ------------------------------------------------------------------


def get_substitution(matched: str, s: str, position: int, captures: list, named_captures,
                     replacement: str) -> str:
    """GetSubstitution: expand ``$$ $& $` $' $n $nn $<name>`` in ``replacement``.

    ``captures`` holds Strings or undefined; ``named_captures`` is undefined or an object.
    Numbered references follow the ES2023 clarification (as V8): two digits when that capture exists.
    """
    if "$" not in replacement:
        return replacement
    m = len(captures)
    tail = position + len(matched)
    n = len(replacement)
    out = []
    i = 0
    while i < n:
        j = replacement.find("$", i)
        if j < 0 or j == n - 1:
            out.append(replacement[i:])
            break
        out.append(replacement[i:j])
        c = replacement[j + 1]
        if c == "$":
            out.append("$")
            i = j + 2
        elif c == "&":
            out.append(matched)
            i = j + 2
        elif c == "`":
            out.append(s[:position])
            i = j + 2
        elif c == "'":
            if tail < len(s):
                out.append(s[tail:])
            i = j + 2
        elif "0" <= c <= "9":
            digits = 1
            index = ord(c) - 48
            if j + 2 < n and "0" <= replacement[j + 2] <= "9":
                two = index * 10 + ord(replacement[j + 2]) - 48
                if two <= m:
                    digits, index = 2, two
            if 1 <= index <= m:
                cap = captures[index - 1]
                if cap is not UNDEFINED:
                    out.append(cap)
            else:
                out.append(replacement[j:j + 1 + digits])
            i = j + 1 + digits
        elif c == "<":
            gt = replacement.find(">", j + 2) if named_captures is not UNDEFINED else -1
            if gt < 0:
                out.append("$<")
                i = j + 2
            else:
                cap = named_captures.get(replacement[j + 2:gt])
                if cap is not UNDEFINED:
                    out.append(to_string(cap))
                i = gt + 1
        else:
            out.append("$")
            i = j + 1
    return "".join(out)


# -- locales (the part of ECMA-402 the String and Number methods need) ---------------------------

_LANGTAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|[0-9]{3}))?(?:-[A-Za-z0-9]{1,8})*")


def requested_locales(locales) -> list[str]:
    """CanonicalizeLocaleList, simplified: the requested language tags (validated, not canonicalized)."""
    if locales is UNDEFINED:
        return []
    if type(locales) is str:
        items = [locales]
    else:
        o = to_object(locales)
        n = length_of_array_like(o)
        A.charge(n)
        items = []
        for k in range(n):
            key = str(k)
            if not o.has_property(key):
                continue
            v = o.get(key)
            if type(v) is not str and not isinstance(v, JSObject):
                raise type_error("Language ID should be string or object.")
            items.append(to_string(v))
    for tag in items:
        if not _LANGTAG.fullmatch(tag):
            raise range_error("Incorrect locale information provided")
    return items


def _language(locales) -> str:
    tags = requested_locales(locales)
    return tags[0].split("-")[0].lower() if tags else ""


# -- case mapping ----------------------------------------------------------------------------------


# Simple case pairs newer than Python's Unicode database (Unicode 15-17, which Node's ICU has).
_NEW_CASE_PAIRS = [(0xA7DC, 0x19B), (0xA7CB, 0x264), (0x1C89, 0x1C8A), (0xA7CC, 0xA7CD), (0xA7CE, 0xA7CF),
                   (0xA7D2, 0xA7D3), (0xA7D4, 0xA7D5), (0xA7DA, 0xA7DB)]
_NEW_CASE_PAIRS += [(0x10D50 + i, 0x10D70 + i) for i in range(0x16)]
_NEW_CASE_PAIRS += [(0x16EA0 + i, 0x16EBB + i) for i in range(0x19)]
_UPPER_PATCH = {lo: up for up, lo in _NEW_CASE_PAIRS}
_LOWER_PATCH = {up: lo for up, lo in _NEW_CASE_PAIRS}


def to_upper_case(s: str, lang: str = "") -> str:
    """Full Unicode uppercase mapping (SpecialCasing included), per code point."""
    if s.isascii() and lang not in ("tr", "az"):
        return s.upper()
    reserve_string(len(s) * 2)
    t = from_utf16(s)
    if lang in ("tr", "az"):
        t = t.replace("i", "\u0130")
    return to_utf16(t.upper().translate(_UPPER_PATCH))


def to_lower_case(s: str, lang: str = "") -> str:
    """Full Unicode lowercase mapping (SpecialCasing included, Final_Sigma in context), per code point."""
    if s.isascii() and lang not in ("tr", "az"):
        return s.lower()
    reserve_string(len(s) * 2)
    t = from_utf16(s)
    if lang in ("tr", "az"):
        t = t.replace("\u0130", "i").replace("I\u0307", "i").replace("I", "\u0131")
    return to_utf16(t.lower().translate(_LOWER_PATCH))


# -- localeCompare: an approximation of the CLDR root collation ----------------------------------

# Root-collation order of the ASCII punctuation and symbols (space first, then "_" ... "$").
_ASCII_ORDER = " _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$"
_ASCII_WEIGHT = {}
for _i, _c in enumerate(_ASCII_ORDER):
    _ASCII_WEIGHT[_c] = (0 if _c == " " else 1 if _i <= 23 else 2 if _c != "$" else 3, _i)
del _i, _c
# Letters that collate as other letters with a secondary difference.
_EXPANSIONS = {"æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ł": "l", "ħ": "h", "ŧ": "t", "ı": "i",
               "ß": "ss", "ð": "d", "þ": "th"}
_SECONDARY_MARK = "\uffff"
# Secondary (accent) order of the combining diacritics U+0300..U+036F in the root collation.
_DIACRITIC_ORDER = (
    "332 313 343 314 301 341 300 340 306 302 30c 30a 342 308 344 30b 303 307 338 327 328 304 30d 30e 312 315 "
    "31a 33d 33e 33f 346 34a 34b 34c 350 351 352 357 35b 35d 35e 316 317 318 319 31c 31d 31e 31f 320 329 32a "
    "32b 32c 32f 333 33a 33b 33c 347 348 349 34d 34e 353 354 355 356 359 35a 35c 35f 362 336 337 335 305 309 "
    "30f 310 311 31b 321 322 323 324 325 326 32d 32e 330 331 334 339 345 358 360 361 363 368 369 364 36a 365 "
    "36b 366 36c 36d 367 36e 36f")
_DIACRITIC_RANK = {chr(int(h, 16)): chr(0x100 + i) for i, h in enumerate(_DIACRITIC_ORDER.split())}
_WEIGHT_CACHE: dict[str, tuple] = {}


def _char_weight(ch: str) -> tuple:
    """(primary elements, secondary mark, tertiary) of one decomposed character; primary () if ignorable."""
    w = _WEIGHT_CACHE.get(ch)
    if w is not None:
        return w
    aw = _ASCII_WEIGHT.get(ch)
    if aw is not None:
        w = ((aw,), "", 0)
    else:
        cat = unicodedata.category(ch)
        low = ch.lower()
        upper = 1 if low != ch else 0
        compat = unicodedata.normalize("NFKD", ch)
        if low in _EXPANSIONS:
            w = (tuple((5, ord(c)) for c in _EXPANSIONS[low]), _SECONDARY_MARK, upper)
        elif compat != ch:
            prim: list = []
            for c in compat:
                prim.extend(_char_weight(c)[0])
            w = (tuple(prim), "", 2)
        elif cat == "Nd":
            w = (((4, unicodedata.digit(ch)),), "", 0)
        elif cat[0] == "L" or cat[0] == "N":
            w = ((_letter_primary(ch, low),), "", upper)
        elif cat == "Cs":
            w = (((9, ord(ch)),), "", 0)  # unpaired surrogates: after everything
        elif cat == "Cn" or cat == "Co":
            w = (((8, ord(ch)),), "", 0)  # unassigned and private use: implicit weights after all scripts
        elif cat in ("Zs", "Zl", "Zp") or ch in "\t\n\x0b\x0c\r":
            w = (((0, ord(ch)),), "", 0)
        elif cat[0] == "P":
            w = (((1, 100 + ord(ch)),), "", 0)
        elif cat == "Sc":
            w = (((3, 100 + ord(ch)),), "", 0)
        elif cat[0] == "S":
            w = (((2, 100 + ord(ch)),), "", 0)
        elif cat[0] == "M" and ch != "\u034f":
            # a combining mark: a secondary weight on the previous element
            w = ((), _DIACRITIC_RANK.get(ch, chr(0x1000 + ord(ch))), 0)
        else:
            w = ((), "", 0)  # controls, format characters, unassigned: ignorable
    if len(_WEIGHT_CACHE) < 65536:
        _WEIGHT_CACHE[ch] = w
    return w


def _letter_primary(ch: str, low: str) -> tuple:
    """Primary weight of a letter: Latin letters with hooks, strokes ... sort right after their base letter,
    Han ideographs after all other scripts (their implicit weights), other letters by code point."""
    name = unicodedata.name(ch, "")
    if name.startswith(("LATIN SMALL LETTER ", "LATIN CAPITAL LETTER ")):
        words = name.split(" ")[3:]
        if "WITH" in words:
            words = words[:words.index("WITH")]
        base = [w for w in words if len(w) == 1]
        if base and name.split(" ")[3:] != base:
            return (5, ord(base[-1].lower()), 1, ord(low[0]))
    if name.startswith("CJK "):
        return (7, ord(ch))
    return (5, ord(low[0]) if len(low) == 1 else ord(ch))


def _collation_key(s: str, numeric: bool) -> tuple[list, list, list]:
    prim: list = []
    sec: list = [""]  # sec[0]: combining marks before any base character
    ter: list = []
    t = s if s.isascii() else unicodedata.normalize("NFD", from_utf16(s))
    i = 0
    n = len(t)
    while i < n:
        ch = t[i]
        if numeric and unicodedata.category(ch) == "Nd":
            j = i
            value = 0
            while j < n and unicodedata.category(t[j]) == "Nd":
                value = value * 10 + unicodedata.digit(t[j])
                j += 1
            prim.append((4, value))
            sec.append("")
            ter.append(0)
            i = j
            continue
        p, mark, tert = _char_weight(ch)
        if p:
            for k, e in enumerate(p):
                prim.append(e)
                sec.append(mark if k == 0 else "")
                ter.append(tert)
        elif mark:
            sec[-1] += mark
        i += 1
    return prim, sec, ter


_LEVELS = {"base": (0,), "accent": (0, 1), "case": (0, 2), "variant": (0, 1, 2)}
_KEY_CACHE: dict[tuple[str, bool], tuple] = {}  # recent keys: sorting compares each string many times


def _cached_key(s: str, numeric: bool) -> tuple:
    k = (s, numeric)
    key = _KEY_CACHE.get(k)
    if key is None:
        if len(_KEY_CACHE) >= 4096:
            _KEY_CACHE.clear()
        key = _collation_key(s, numeric)
        if len(s) <= 256:
            _KEY_CACHE[k] = key
    return key


def locale_compare(a: str, b: str, sensitivity: str = "variant", numeric: bool = False) -> int:
    """Compare two strings roughly as ICU's root collation does: -1, 0 or 1."""
    if a == b:
        return 0
    ka = _cached_key(a, numeric)
    kb = _cached_key(b, numeric)
    for lv in _LEVELS[sensitivity]:
        x, y = ka[lv], kb[lv]
        if x != y:
            return -1 if x < y else 1
    return 0


# -- 22.1.1 The String constructor ----------------------------------------------------------------


# 22.1.1.1 String ( value )
def string_call(this, args: list):
    if not args:
        return ""
    v = args[0]
    if type(v) is JSSymbol:
        return v.descriptive_string()
    return to_string(v)


def string_construct(args: list, new_target):
    s = to_string(args[0]) if args else ""
    return JSStringObject(get_prototype_from_constructor(new_target, "StringPrototype"), s)


# 22.1.2.1 String.fromCharCode ( ...codeUnits )
def string_from_char_code(this, args: list):
    if len(args) == 1:
        return chr(to_uint16(args[0]))
    A.charge(len(args))
    return "".join([chr(to_uint16(a)) for a in args])


# 22.1.2.2 String.fromCodePoint ( ...codePoints )
def string_from_code_point(this, args: list):
    A.charge(len(args))
    out = []
    for a in args:
        n = to_number(a)
        if type(n) is not int:
            if not math.isfinite(n) or n != int(n):
                raise range_error(f"Invalid code point {number_to_string(n)}")
            n = int(n)
        if n < 0 or n > 0x10FFFF:
            raise range_error(f"Invalid code point {n}")
        if n < 0x10000:
            out.append(chr(n))
        else:
            n -= 0x10000
            out.append(chr(0xD800 + (n >> 10)) + chr(0xDC00 + (n & 0x3FF)))
    return "".join(out)


# 22.1.2.4 String.raw ( template, ...substitutions )
def string_raw(this, args: list):
    cooked = to_object(arg(args, 0))
    raw = to_object(cooked.get("raw"))
    n = length_of_array_like(raw)
    if n <= 0:
        return ""
    subs = args[1:]
    out = []
    total = 0
    for i in range(n):
        A.charge(1)
        seg = to_string(raw.get(str(i)))
        out.append(seg)
        total += len(seg)
        if i + 1 == n:
            break
        if i < len(subs):
            sub = to_string(subs[i])
            out.append(sub)
            total += len(sub)
        reserve_string(total)
    return "".join(out)


# -- 22.1.3 Properties of the String Prototype Object ---------------------------------------------


# ES2022 22.1.3.1 String.prototype.at ( index ) (Node has it)
def string_at(this, args: list):
    s = this_str(this, "at")
    k = to_integer_or_infinity(arg(args, 0))
    if k < 0:
        k += len(s)
    if k < 0 or k >= len(s):
        return UNDEFINED
    return s[int(k)]


# 22.1.3.1 String.prototype.charAt ( pos )
def string_char_at(this, args: list):
    s = this_str(this, "charAt")
    p = args[0] if args else 0
    k = p if type(p) is int else to_integer_or_infinity(p)
    if k < 0 or k >= len(s):
        return ""
    return s[int(k)]


# 22.1.3.2 String.prototype.charCodeAt ( pos )
def string_char_code_at(this, args: list):
    s = this_str(this, "charCodeAt")
    p = args[0] if args else 0
    k = p if type(p) is int else to_integer_or_infinity(p)
    if k < 0 or k >= len(s):
        return float("nan")
    return ord(s[int(k)])


# 22.1.3.3 String.prototype.codePointAt ( pos )
def string_code_point_at(this, args: list):
    s = this_str(this, "codePointAt")
    k = to_integer_or_infinity(arg(args, 0))
    if k < 0 or k >= len(s):
        return UNDEFINED
    return code_point_at(s, int(k))[0]


# 22.1.3.4 String.prototype.concat ( ...args )
def string_concat(this, args: list):
    s = this_str(this, "concat")
    parts = [s]
    total = len(s)
    for a in args:
        t = to_string(a)
        total += len(t)
        parts.append(t)
    reserve_string(total)
    return "".join(parts)


# 22.1.3.6 String.prototype.endsWith ( searchString [ , endPosition ] )
def string_ends_with(this, args: list):
    s = this_str(this, "endsWith")
    search = arg(args, 0)
    if is_regexp(search):
        raise type_error("First argument to String.prototype.endsWith must not be a regular expression")
    search = to_string(search)
    end_pos = arg(args, 1)
    end = len(s) if end_pos is UNDEFINED else _clamp(to_integer_or_infinity(end_pos), 0, len(s))
    charge_scan(len(search))
    return s.endswith(search, 0, end)


# 22.1.3.7 String.prototype.includes ( searchString [ , position ] )
def string_includes(this, args: list):
    s = this_str(this, "includes")
    search = arg(args, 0)
    if is_regexp(search):
        raise type_error("First argument to String.prototype.includes must not be a regular expression")
    search = to_string(search)
    start = _clamp(to_integer_or_infinity(arg(args, 1)), 0, len(s))
    charge_scan(len(s) - start)
    return s.find(search, start) >= 0


# 22.1.3.8 String.prototype.indexOf ( searchString [ , position ] )
def string_index_of(this, args: list):
    s = this_str(this, "indexOf")
    search = to_string(arg(args, 0))
    p = arg(args, 1)
    start = p if type(p) is int and 0 <= p <= len(s) else _clamp(to_integer_or_infinity(p), 0, len(s))
    charge_scan(len(s) - start)
    return s.find(search, start)


# 22.1.3.9 String.prototype.lastIndexOf ( searchString [ , position ] )
def string_last_index_of(this, args: list):
    s = this_str(this, "lastIndexOf")
    search = to_string(arg(args, 0))
    num_pos = to_number(arg(args, 1))
    pos = INF if math.isnan(num_pos) else to_integer_or_infinity(num_pos)
    start = _clamp(pos, 0, len(s))
    charge_scan(start)
    return s.rfind(search, 0, start + len(search))


# 22.1.3.10 String.prototype.localeCompare ( that [ , reserved1 [ , reserved2 ] ] )
def string_locale_compare(this, args: list):
    s = this_str(this, "localeCompare")
    that = to_string(args[0]) if args else "undefined"
    sensitivity = "variant"
    numeric = False
    if len(args) > 1:
        requested_locales(args[1])
        options = arg(args, 2)
        if options is not UNDEFINED:
            options = to_object(options)
            v = options.get("numeric")
            if v is not UNDEFINED:
                numeric = to_boolean(v)
            v = options.get("sensitivity")
            if v is not UNDEFINED:
                sensitivity = to_string(v)
                if sensitivity not in _LEVELS:
                    raise range_error(f"Value {sensitivity} out of range for Intl.Collator options property "
                                      "sensitivity")
    charge_scan(len(s) + len(that))
    return locale_compare(s, that, sensitivity, numeric)


# 22.1.3.11 String.prototype.match ( regexp )
def string_match(this, args: list):
    if this is None or this is UNDEFINED:
        raise type_error("String.prototype.match called on null or undefined")
    regexp = arg(args, 0)
    if isinstance(regexp, JSObject):  # ES2023: primitives' Symbol.* methods are not looked up
        matcher = get_method(regexp, SYM.match)
        if matcher is not UNDEFINED:
            return call(matcher, regexp, [this])
    s = to_string(this)
    rx = regexp_create(regexp, UNDEFINED)
    return invoke(rx, SYM.match, [s])


def _require_global_flags(v, name: str) -> None:
    flags = v.get("flags")
    if flags is None or flags is UNDEFINED:
        raise type_error(f"String.prototype.{name} called on null or undefined")
    if "g" not in to_string(flags):
        raise type_error(f"String.prototype.{name} called with a non-global RegExp argument")


# 22.1.3.12 String.prototype.matchAll ( regexp )
def string_match_all(this, args: list):
    if this is None or this is UNDEFINED:
        raise type_error("String.prototype.matchAll called on null or undefined")
    regexp = arg(args, 0)
    if isinstance(regexp, JSObject):  # ES2023: primitives' Symbol.* methods are not looked up
        if is_regexp(regexp):
            _require_global_flags(regexp, "matchAll")
        matcher = get_method(regexp, SYM.matchAll)
        if matcher is not UNDEFINED:
            return call(matcher, regexp, [this])
    s = to_string(this)
    rx = regexp_create(regexp, "g")
    return invoke(rx, SYM.matchAll, [s])


# 22.1.3.13 String.prototype.normalize ( [ form ] )
def string_normalize(this, args: list):
    s = this_str(this, "normalize")
    form = arg(args, 0)
    f = "NFC" if form is UNDEFINED else to_string(form)
    if f not in ("NFC", "NFD", "NFKC", "NFKD"):
        raise range_error("The normalization form should be one of NFC, NFD, NFKC, NFKD.")
    if s.isascii():
        return s
    reserve_string(len(s) * 3)
    A.charge(len(s) >> 3)
    return to_utf16(unicodedata.normalize(f, from_utf16(s)))


def _pad(this, args: list, name: str, at_start: bool) -> str:
    # 22.1.3.16.1 StringPad ( O, maxLength, fillString, placement )
    s = this_str(this, name)
    int_max = to_length(arg(args, 0))
    n = len(s)
    if int_max <= n:
        return s
    fill = arg(args, 1)
    filler = " " if fill is UNDEFINED else to_string(fill)
    if filler == "":
        return s
    reserve_string(int_max, s.isascii() and filler.isascii())
    fill_len = int_max - n
    q, r = divmod(fill_len, len(filler))
    pad = filler * q + filler[:r]
    return pad + s if at_start else s + pad


# 22.1.3.14 String.prototype.padEnd ( maxLength [ , fillString ] )
def string_pad_end(this, args: list):
    return _pad(this, args, "padEnd", False)


# 22.1.3.15 String.prototype.padStart ( maxLength [ , fillString ] )
def string_pad_start(this, args: list):
    return _pad(this, args, "padStart", True)


# 22.1.3.16 String.prototype.repeat ( count )
def string_repeat(this, args: list):
    s = this_str(this, "repeat")
    count = arg(args, 0)
    c = count if type(count) is int else to_number(count)
    n = to_integer_or_infinity(c)
    if n < 0 or n == INF:
        raise range_error(f"Invalid count value: {number_to_string(c)}")
    n = int(n)
    if n == 0 or s == "":
        return ""
    reserve_string(len(s) * n, s.isascii())
    return s * n


def _split_helper_search(s: str, search: str, limit: int) -> list[int]:
    """The positions of the non-overlapping occurrences used by replaceAll (at most ``limit``)."""
    adv = max(1, len(search))
    out = []
    p = s.find(search, 0)
    while p >= 0:
        out.append(p)
        if len(out) >= limit:
            break
        p = s.find(search, p + adv)
    return out


# 22.1.3.17 String.prototype.replace ( searchValue, replaceValue )
def string_replace(this, args: list):
    if this is None or this is UNDEFINED:
        raise type_error("String.prototype.replace called on null or undefined")
    search_value = arg(args, 0)
    replace_value = arg(args, 1)
    if isinstance(search_value, JSObject):  # ES2023: primitives' Symbol.* methods are not looked up
        replacer = get_method(search_value, SYM.replace)
        if replacer is not UNDEFINED:
            return call(replacer, search_value, [this, replace_value])
    s = to_string(this)
    search = to_string(search_value)
    functional = is_callable(replace_value)
    if not functional:
        replace_value = to_string(replace_value)
    charge_scan(len(s))
    pos = s.find(search)
    if pos < 0:
        return s
    if functional:
        replacement = to_string(call(replace_value, UNDEFINED, [search, pos, s]))
    else:
        replacement = get_substitution(search, s, pos, [], UNDEFINED, replace_value)
    reserve_string(len(s) + len(replacement))
    return s[:pos] + replacement + s[pos + len(search):]


# 22.1.3.18 String.prototype.replaceAll ( searchValue, replaceValue )
def string_replace_all(this, args: list):
    if this is None or this is UNDEFINED:
        raise type_error("String.prototype.replaceAll called on null or undefined")
    search_value = arg(args, 0)
    replace_value = arg(args, 1)
    if isinstance(search_value, JSObject):  # ES2023: primitives' Symbol.* methods are not looked up
        if is_regexp(search_value):
            _require_global_flags(search_value, "replaceAll")
        replacer = get_method(search_value, SYM.replace)
        if replacer is not UNDEFINED:
            return call(replacer, search_value, [this, replace_value])
    s = to_string(this)
    search = to_string(search_value)
    functional = is_callable(replace_value)
    if not functional:
        replace_value = to_string(replace_value)
    charge_scan(len(s))
    if not functional and "$" not in replace_value:
        count = s.count(search)
        A.charge(count)
        reserve_string(len(s) + count * (len(replace_value) - len(search)))
        return s.replace(search, replace_value)
    positions = _split_helper_search(s, search, len(s) + 1)
    A.charge(len(positions))
    out = []
    total = 0
    end = 0
    slen = len(search)
    for p in positions:
        if functional:
            rep = to_string(call(replace_value, UNDEFINED, [search, p, s]))
        else:
            rep = get_substitution(search, s, p, [], UNDEFINED, replace_value)
        out.append(s[end:p])
        out.append(rep)
        total += p - end + len(rep)
        reserve_string(total)
        end = p + slen
    out.append(s[end:])
    return "".join(out)


# 22.1.3.19 String.prototype.search ( regexp )
def string_search(this, args: list):
    if this is None or this is UNDEFINED:
        raise type_error("String.prototype.search called on null or undefined")
    regexp = arg(args, 0)
    if isinstance(regexp, JSObject):  # ES2023: primitives' Symbol.* methods are not looked up
        searcher = get_method(regexp, SYM.search)
        if searcher is not UNDEFINED:
            return call(searcher, regexp, [this])
    s = to_string(this)
    rx = regexp_create(regexp, UNDEFINED)
    return invoke(rx, SYM.search, [s])


# 22.1.3.20 String.prototype.slice ( start, end )
def string_slice(this, args: list):
    s = this_str(this, "slice")
    n = len(s)
    start = to_integer_or_infinity(arg(args, 0))
    if start < 0:
        start = max(n + start, 0)
    end_arg = arg(args, 1)
    end = n if end_arg is UNDEFINED else to_integer_or_infinity(end_arg)
    if end < 0:
        end = max(n + end, 0)
    start = min(start, n)
    end = min(end, n)
    if start >= end:
        return ""
    return s[int(start):int(end)]


# 22.1.3.21 String.prototype.split ( separator, limit )
def string_split(this, args: list):
    if this is None or this is UNDEFINED:
        raise type_error("String.prototype.split called on null or undefined")
    separator = arg(args, 0)
    limit = arg(args, 1)
    if isinstance(separator, JSObject):  # ES2023: primitives' Symbol.* methods are not looked up
        splitter = get_method(separator, SYM.split)
        if splitter is not UNDEFINED:
            return call(splitter, separator, [this, limit])
    s = to_string(this)
    lim = 0xFFFFFFFF if limit is UNDEFINED else to_uint32(limit)
    r = to_string(separator)
    if lim == 0:
        return create_array([])
    if separator is UNDEFINED:
        return create_array([s])
    if s == "":
        return create_array([s] if r else [])
    charge_scan(len(s))
    if r == "":
        n = min(len(s), lim)
        A.charge(n)
        A.alloc(n * 64)
        return create_array(list(s[:n]))
    count = min(s.count(r) + 1, lim)
    A.charge(count)
    A.alloc(count * 64)
    parts = s.split(r, lim)
    if len(parts) > lim:
        del parts[lim:]
    return create_array(parts)


# 22.1.3.22 String.prototype.startsWith ( searchString [ , position ] )
def string_starts_with(this, args: list):
    s = this_str(this, "startsWith")
    search = arg(args, 0)
    if is_regexp(search):
        raise type_error("First argument to String.prototype.startsWith must not be a regular expression")
    search = to_string(search)
    start = _clamp(to_integer_or_infinity(arg(args, 1)), 0, len(s))
    charge_scan(len(search))
    return s.startswith(search, start)


# 22.1.3.23 String.prototype.substring ( start, end )
def string_substring(this, args: list):
    s = this_str(this, "substring")
    n = len(s)
    start = _clamp(to_integer_or_infinity(arg(args, 0)), 0, n)
    end_arg = arg(args, 1)
    end = n if end_arg is UNDEFINED else _clamp(to_integer_or_infinity(end_arg), 0, n)
    if start > end:
        start, end = end, start
    return s[start:end]


# 22.1.3.24 String.prototype.toLocaleLowerCase ( [ reserved1 [ , reserved2 ] ] )
def string_to_locale_lower_case(this, args: list):
    s = this_str(this, "toLocaleLowerCase")
    return to_lower_case(s, _language(arg(args, 0)))


# 22.1.3.25 String.prototype.toLocaleUpperCase ( [ reserved1 [ , reserved2 ] ] )
def string_to_locale_upper_case(this, args: list):
    s = this_str(this, "toLocaleUpperCase")
    return to_upper_case(s, _language(arg(args, 0)))


# 22.1.3.26 String.prototype.toLowerCase ( )
def string_to_lower_case(this, args: list):
    return to_lower_case(this_str(this, "toLowerCase"))


# 22.1.3.27 String.prototype.toString ( )
def string_to_string(this, args: list):
    return this_string_value(this, "toString")


# 22.1.3.28 String.prototype.toUpperCase ( )
def string_to_upper_case(this, args: list):
    return to_upper_case(this_str(this, "toUpperCase"))


# 22.1.3.29 String.prototype.trim ( )
def string_trim(this, args: list):
    return js_trim(this_str(this, "trim"))


# 22.1.3.30 String.prototype.trimEnd ( )
def string_trim_end(this, args: list):
    return js_trim(this_str(this, "trimEnd"), start=False)


# 22.1.3.31 String.prototype.trimStart ( )
def string_trim_start(this, args: list):
    return js_trim(this_str(this, "trimStart"), end=False)


# 22.1.3.32 String.prototype.valueOf ( )
def string_value_of(this, args: list):
    return this_string_value(this, "valueOf")


# 22.1.3.33 String.prototype [ @@iterator ] ( )
def string_iterator(this, args: list):
    s = this_str(this, "[Symbol.iterator]")
    return JSInternal(A.realm.StringIteratorPrototype, "StringIterator", [s, 0])


# 22.1.5.1.1 %StringIteratorPrototype%.next ( )
def string_iterator_next(this, args: list):
    if not (isinstance(this, JSInternal) and this.kind == "StringIterator"):
        raise type_error("Method String Iterator.prototype.next called on incompatible receiver "
                         + _receiver_text(this))
    st = this.data
    s = st[0]
    if s is None:
        return create_iter_result(UNDEFINED, True)
    pos = st[1]
    if pos >= len(s):
        st[0] = None
        return create_iter_result(UNDEFINED, True)
    c = s[pos]
    if "\ud800" <= c <= "\udbff" and pos + 1 < len(s) and "\udc00" <= s[pos + 1] <= "\udfff":
        c = s[pos:pos + 2]
    st[1] = pos + len(c)
    return create_iter_result(c, False)


def _receiver_text(v) -> str:
    if isinstance(v, JSObject):
        return "#<Object>" if not v.is_callable else "function"
    if type(v) is str:
        return v
    if type(v) is JSSymbol:
        return v.descriptive_string()
    return to_string(v)


# -- B.2.2 Additional Properties of the String.prototype Object -----------------------------------


# B.2.2.1 String.prototype.substr ( start, length )
def string_substr(this, args: list):
    s = this_str(this, "substr")
    size = len(s)
    start = to_integer_or_infinity(arg(args, 0))
    if start == -INF:
        start = 0
    elif start < 0:
        start = max(size + start, 0)
    else:
        start = min(start, size)
    length = arg(args, 1)
    n = size if length is UNDEFINED else to_integer_or_infinity(length)
    n = _clamp(n, 0, size)
    end = min(start + n, size)
    if start >= end:
        return ""
    return s[int(start):int(end)]


# B.2.2.2.1 CreateHTML ( string, tag, attribute, value )
def create_html(this, name: str, tag: str, attribute: str, value) -> str:
    s = this_str(this, name)
    p1 = "<" + tag
    if attribute:
        v = to_string(value)
        p1 += " " + attribute + '="' + v.replace('"', "&quot;") + '"'
    reserve_string(len(p1) + len(s) + len(tag) + 4)
    return p1 + ">" + s + "</" + tag + ">"


_HTML_METHODS = [  # B.2.2.2 - B.2.2.14: (name, tag, attribute)
    ("anchor", "a", "name"), ("big", "big", ""), ("blink", "blink", ""), ("bold", "b", ""),
    ("fixed", "tt", ""), ("fontcolor", "font", "color"), ("fontsize", "font", "size"),
    ("italics", "i", ""), ("link", "a", "href"), ("small", "small", ""), ("strike", "strike", ""),
    ("sub", "sub", ""), ("sup", "sup", ""),
]


def _html_method(name: str, tag: str, attribute: str):
    def html(this, args: list):
        return create_html(this, name, tag, attribute, arg(args, 0))

    return html


def setup(realm) -> None:
    proto = realm.StringPrototype
    ctor = constructor(realm, "String", string_call, string_construct, 1, proto)
    realm.String = ctor
    realm.define_global("String", ctor)
    # 22.1.2 Properties of the String Constructor
    method(realm, ctor, "fromCharCode", string_from_char_code, 1)
    method(realm, ctor, "fromCodePoint", string_from_code_point, 1)
    method(realm, ctor, "raw", string_raw, 1)

    # 22.1.3 Properties of the String Prototype Object
    method(realm, proto, "at", string_at, 1)
    method(realm, proto, "charAt", string_char_at, 1)
    method(realm, proto, "charCodeAt", string_char_code_at, 1)
    method(realm, proto, "codePointAt", string_code_point_at, 1)
    method(realm, proto, "concat", string_concat, 1)
    method(realm, proto, "endsWith", string_ends_with, 1)
    method(realm, proto, "includes", string_includes, 1)
    method(realm, proto, "indexOf", string_index_of, 1)
    method(realm, proto, "lastIndexOf", string_last_index_of, 1)
    method(realm, proto, "localeCompare", string_locale_compare, 1)
    method(realm, proto, "match", string_match, 1)
    method(realm, proto, "matchAll", string_match_all, 1)
    method(realm, proto, "normalize", string_normalize, 0)
    method(realm, proto, "padEnd", string_pad_end, 1)
    method(realm, proto, "padStart", string_pad_start, 1)
    method(realm, proto, "repeat", string_repeat, 1)
    method(realm, proto, "replace", string_replace, 2)
    method(realm, proto, "replaceAll", string_replace_all, 2)
    method(realm, proto, "search", string_search, 1)
    method(realm, proto, "slice", string_slice, 2)
    method(realm, proto, "split", string_split, 2)
    method(realm, proto, "startsWith", string_starts_with, 1)
    method(realm, proto, "substring", string_substring, 2)
    method(realm, proto, "toLocaleLowerCase", string_to_locale_lower_case, 0)
    method(realm, proto, "toLocaleUpperCase", string_to_locale_upper_case, 0)
    method(realm, proto, "toLowerCase", string_to_lower_case, 0)
    method(realm, proto, "toString", string_to_string, 0)
    method(realm, proto, "toUpperCase", string_to_upper_case, 0)
    method(realm, proto, "trim", string_trim, 0)
    trim_end = method(realm, proto, "trimEnd", string_trim_end, 0)
    trim_start = method(realm, proto, "trimStart", string_trim_start, 0)
    method(realm, proto, "valueOf", string_value_of, 0)
    realm.StringProtoIterator = method(realm, proto, SYM.iterator, string_iterator, 0)

    # B.2.2 Additional Properties of the String.prototype Object
    method(realm, proto, "substr", string_substr, 2)
    for name, tag, attribute in _HTML_METHODS:
        method(realm, proto, name, _html_method(name, tag, attribute), 1 if attribute else 0)
    proto.props["trimLeft"] = Prop(trim_start, W | C)  # the same function objects as trimStart/trimEnd
    proto.props["trimRight"] = Prop(trim_end, W | C)

    # 22.1.5.1 The %StringIteratorPrototype% Object
    it_proto = JSObject(realm.IteratorPrototype)
    realm.StringIteratorPrototype = it_proto
    realm.StringIteratorNext = method(realm, it_proto, "next", string_iterator_next, 0)
    it_proto.props[SYM.toStringTag] = Prop("String Iterator", C)
