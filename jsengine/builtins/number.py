"""Number objects (ECMA-262 21.1)."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal, localcontext

from ..errors import range_error, type_error
from ..numconv import number_to_string, to_exponential, to_fixed, to_precision
from ..objects import JSInternal, Prop
from ..ops import (
    get_prototype_from_constructor,
    to_boolean,
    to_integer_or_infinity,
    to_number,
    to_numeric,
    to_object,
)
from ..realm import arg, constructor, method
from ..values import MAX_SAFE, MIN_SAFE, UNDEFINED, JSBigInt
from .globals import parse_functions
from .string import requested_locales

INF = float("inf")
NAN = float("nan")


def bigint_to_number(i: int) -> int | float:
    """The Number value for a mathematical integer (rounded; Infinity when too large)."""
    if MIN_SAFE <= i <= MAX_SAFE:
        return i
    try:
        return float(i)
    except OverflowError:
        return INF if i > 0 else -INF


def this_number_value(v, name: str):
    """thisNumberValue (21.1.3): a Number or a Number object's [[NumberData]]."""
    t = type(v)
    if t is int or t is float:
        return v
    if isinstance(v, JSInternal) and v.kind == "Number":
        return v.data
    raise type_error(f"Number.prototype.{name} requires that 'this' be a Number")


def _is_finite(x) -> bool:
    return type(x) is int or math.isfinite(x)


# -- 21.1.1 The Number constructor -----------------------------------------------------------------


def _number_value(args: list):
    if not args:
        return 0
    prim = to_numeric(args[0])
    if type(prim) is JSBigInt:
        return bigint_to_number(prim.value)
    return prim


# 21.1.1.1 Number ( value )
def number_call(this, args: list):
    return _number_value(args)


def number_construct(args: list, new_target):
    n = _number_value(args)
    return JSInternal(get_prototype_from_constructor(new_target, "NumberPrototype"), "Number", n)


# 21.1.2.2 Number.isFinite ( number )
def number_is_finite(this, args: list):
    n = arg(args, 0)
    return type(n) is int or (type(n) is float and math.isfinite(n))


# 21.1.2.3 Number.isInteger ( number )
def number_is_integer(this, args: list):
    n = arg(args, 0)
    return type(n) is int or (type(n) is float and math.isfinite(n) and n == int(n))


# 21.1.2.4 Number.isNaN ( number )
def number_is_nan(this, args: list):
    n = arg(args, 0)
    return type(n) is float and math.isnan(n)


# 21.1.2.5 Number.isSafeInteger ( number )
def number_is_safe_integer(this, args: list):
    n = arg(args, 0)
    if type(n) is int:
        return abs(n) <= MAX_SAFE - 1
    return type(n) is float and math.isfinite(n) and n == int(n) and abs(n) <= MAX_SAFE - 1


# -- 21.1.3 Properties of the Number Prototype Object ---------------------------------------------


# 21.1.3.2 Number.prototype.toExponential ( fractionDigits )
def number_to_exponential(this, args: list):
    x = this_number_value(this, "toExponential")
    fd = arg(args, 0)
    f = to_integer_or_infinity(fd)
    if not _is_finite(x):
        return number_to_string(x)
    if f < 0 or f > 100:
        raise range_error("toExponential() argument must be between 0 and 100")
    return to_exponential(x, None if fd is UNDEFINED else int(f))


# 21.1.3.3 Number.prototype.toFixed ( fractionDigits )
def number_to_fixed(this, args: list):
    x = this_number_value(this, "toFixed")
    f = to_integer_or_infinity(arg(args, 0))
    if f < 0 or f > 100:
        raise range_error("toFixed() digits argument must be between 0 and 100")
    if not _is_finite(x):
        return number_to_string(x)
    return to_fixed(x, int(f))


# Grouping separator, decimal separator, minus sign, minimum grouping digits (CLDR, as ICU uses them).
_LOCALE_SYMBOLS = {
    "": (",", ".", "-", 1),
    "de": (".", ",", "-", 1), "nl": (".", ",", "-", 1), "pt": (".", ",", "-", 1), "tr": (".", ",", "-", 1),
    "da": (".", ",", "-", 1), "id": (".", ",", "-", 1), "el": (".", ",", "-", 1), "ro": (".", ",", "-", 1),
    "es": (".", ",", "-", 2), "it": (".", ",", "-", 2), "pl": ("\xa0", ",", "-", 2),
    "fr": ("\u202f", ",", "-", 1), "ru": ("\xa0", ",", "-", 1), "uk": ("\xa0", ",", "-", 1),
    "cs": ("\xa0", ",", "-", 1), "sk": ("\xa0", ",", "-", 1), "bg": ("\xa0", ",", "-", 1),
    "sv": ("\xa0", ",", "\u2212", 1), "nb": ("\xa0", ",", "\u2212", 1), "no": ("\xa0", ",", "\u2212", 1),
    "fi": ("\xa0", ",", "\u2212", 1), "de-ch": ("'", ".", "-", 1),
}
_INDIAN = ("en-in", "hi")


def _group(digits: str, sep: str, min_grouping: int, indian: bool) -> str:
    if len(digits) < 4 or len(digits) < 4 + min_grouping - 1:
        return digits
    head, tail = digits[:-3], digits[-3:]
    size = 2 if indian else 3
    groups = []
    while len(head) > size:
        groups.append(head[-size:])
        head = head[:-size]
    groups.append(head)
    return sep.join(reversed(groups)) + sep + tail


def format_locale_number(x, locale: str = "", min_fd: int = 0, max_fd: int = 3, grouping: bool = True) -> str:
    """Number.prototype.toLocaleString as ICU formats a decimal: rounded half away from zero on the
    shortest round-trip digits, with the locale's separators (a small table; others fall back to en)."""
    key = locale.lower()
    lang = key.split("-")[0]
    group_sep, dec_sep, minus, min_grouping = _LOCALE_SYMBOLS.get(
        key, _LOCALE_SYMBOLS.get(lang, _LOCALE_SYMBOLS[""]))
    indian = key in _INDIAN or lang in _INDIAN
    if type(x) is float:
        if math.isnan(x):
            return "NaN"
        negative = math.copysign(1.0, x) < 0
        if math.isinf(x):
            return minus + "∞" if negative else "∞"
        d = Decimal(repr(abs(x)))
    else:
        negative = x < 0
        d = Decimal(abs(x))
    with localcontext() as ctx:
        ctx.prec = 1000
        text = format(d.quantize(Decimal(1).scaleb(-max_fd), rounding=ROUND_HALF_UP), "f")
    int_part, _, frac = text.partition(".")
    frac = frac.rstrip("0")
    if len(frac) < min_fd:
        frac += "0" * (min_fd - len(frac))
    if grouping:
        int_part = _group(int_part, group_sep, min_grouping, indian)
    out = int_part + (dec_sep + frac if frac else "")
    return minus + out if negative else out


def _digits_option(options, name: str, lo: int, hi: int):
    """GetNumberOption (ECMA-402 9.2.14) for the fraction-digit options."""
    v = options.get(name)
    if v is UNDEFINED:
        return None
    n = to_number(v)
    if math.isnan(n) or n < lo or n > hi:
        raise range_error(f"{name} value is out of range.")
    return math.floor(n)


# 21.1.3.4 Number.prototype.toLocaleString ( [ reserved1 [ , reserved2 ] ] )
def number_to_locale_string(this, args: list):
    x = this_number_value(this, "toLocaleString")
    tags = requested_locales(arg(args, 0))
    options = arg(args, 1)
    min_fd, max_fd, grouping = 0, 3, True
    if options is not UNDEFINED:
        options = to_object(options)
        mn = _digits_option(options, "minimumFractionDigits", 0, 100)
        mx = _digits_option(options, "maximumFractionDigits", 0, 100)
        if mn is None and mx is not None:
            mn = min(0, mx)
        elif mn is not None and mx is None:
            mx = max(3, mn)
        elif mn is not None and mx is not None and mn > mx:
            raise range_error("maximumFractionDigits value is out of range.")
        if mn is not None:
            min_fd, max_fd = mn, mx
        g = options.get("useGrouping")
        if g is not UNDEFINED:
            grouping = to_boolean(g)
    return format_locale_number(x, tags[0] if tags else "", min_fd, max_fd, grouping)


# 21.1.3.5 Number.prototype.toPrecision ( precision )
def number_to_precision(this, args: list):
    x = this_number_value(this, "toPrecision")
    precision = arg(args, 0)
    if precision is UNDEFINED:
        return number_to_string(x)
    p = to_integer_or_infinity(precision)
    if not _is_finite(x):
        return number_to_string(x)
    if p < 1 or p > 100:
        raise range_error("toPrecision() argument must be between 1 and 100")
    return to_precision(x, int(p))


# 21.1.3.6 Number.prototype.toString ( [ radix ] )
def number_to_string_method(this, args: list):
    x = this_number_value(this, "toString")
    radix = arg(args, 0)
    if radix is UNDEFINED:
        r = 10
    else:
        r = to_integer_or_infinity(radix)
        if r < 2 or r > 36:
            raise range_error("toString() radix argument must be between 2 and 36")
    return number_to_string(x, int(r))


# 21.1.3.7 Number.prototype.valueOf ( )
def number_value_of(this, args: list):
    return this_number_value(this, "valueOf")


def setup(realm) -> None:
    proto = realm.NumberPrototype
    ctor = constructor(realm, "Number", number_call, number_construct, 1, proto)
    realm.Number = ctor
    realm.define_global("Number", ctor)
    # 21.1.2 Properties of the Number Constructor
    ctor.props["EPSILON"] = Prop(2.0**-52, 0)
    method(realm, ctor, "isFinite", number_is_finite, 1)
    method(realm, ctor, "isInteger", number_is_integer, 1)
    method(realm, ctor, "isNaN", number_is_nan, 1)
    method(realm, ctor, "isSafeInteger", number_is_safe_integer, 1)
    ctor.props["MAX_SAFE_INTEGER"] = Prop(MAX_SAFE - 1, 0)
    ctor.props["MAX_VALUE"] = Prop(1.7976931348623157e308, 0)
    ctor.props["MIN_SAFE_INTEGER"] = Prop(-(MAX_SAFE - 1), 0)
    ctor.props["MIN_VALUE"] = Prop(5e-324, 0)
    ctor.props["NaN"] = Prop(NAN, 0)
    ctor.props["NEGATIVE_INFINITY"] = Prop(-INF, 0)
    p_int, p_float = parse_functions(realm)
    ctor.define("parseFloat", p_float)
    ctor.define("parseInt", p_int)
    ctor.props["POSITIVE_INFINITY"] = Prop(INF, 0)
    # 21.1.3 Properties of the Number Prototype Object
    method(realm, proto, "toExponential", number_to_exponential, 1)
    method(realm, proto, "toFixed", number_to_fixed, 1)
    method(realm, proto, "toLocaleString", number_to_locale_string, 0)
    method(realm, proto, "toPrecision", number_to_precision, 1)
    method(realm, proto, "toString", number_to_string_method, 1)
    method(realm, proto, "valueOf", number_value_of, 0)
