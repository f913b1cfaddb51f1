"""Number <-> string conversions of ECMA-262 (ES2021), as pure functions.

A JS Number here is a Python ``float``, or an ``int`` when integral with ``|v| <= 2**53``
(see DESIGN.md); every function returning a Number normalizes to that model.
"""

from __future__ import annotations

import math
import re

__all__ = [
    "WHITESPACE",
    "js_trim",
    "number_to_string",
    "parse_float",
    "parse_int",
    "string_to_number",
    "to_exponential",
    "to_fixed",
    "to_precision",
]

# WhiteSpace (TAB VT FF SP NBSP ZWNBSP + Unicode "Zs") and LineTerminator (LF CR LS PS).
WHITESPACE = (
    "\t\x0b\x0c \xa0\ufeff"
    "\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
    "\n\r\u2028\u2029"
)

_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
_MAX_SAFE = 2**53
_NAN = math.nan
_INF = math.inf

# StringNumericLiteral (7.1.4.1), without the surrounding StrWhiteSpace; ASCII digits only.
_STR_DECIMAL = re.compile(r"[+-]?(?:Infinity|(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)")
_NON_DECIMAL = re.compile(r"0(?:[xX][0-9a-fA-F]+|[oO][0-7]+|[bB][01]+)")
_NON_DECIMAL_BASE = {"x": 16, "o": 8, "b": 2}


def _radix_digit_class(radix: int) -> str:
    """A regex character class of the ASCII digits of ``radix`` (2..36)."""
    if radix <= 10:
        return f"[0-{radix - 1}]"
    top = _DIGITS[radix - 1]
    return f"[0-9a-{top}A-{top.upper()}]"


# The leading radix-R digits of a string (parseInt), and V8's digits per part for other radixes.
_RADIX_PREFIX = {r: re.compile(_radix_digit_class(r) + "*") for r in range(2, 37)}
_PART_SIZE = {r: max(k for k in range(1, 33) if r**k <= 0xFFFFFFFF // 36) for r in range(2, 37)}


def js_trim(s: str, start: bool = True, end: bool = True) -> str:
    """Strip JS WhiteSpace and LineTerminator code units from the start and/or end of ``s``."""
    if start and end:
        return s.strip(WHITESPACE)
    if start:
        return s.lstrip(WHITESPACE)
    if end:
        return s.rstrip(WHITESPACE)
    return s


def _normalize(v: float) -> int | float:
    """Return ``v`` as an int when integral, not -0 and within 2**53, else as a float."""
    if v.is_integer() and -_MAX_SAFE <= v <= _MAX_SAFE and (v != 0 or math.copysign(1.0, v) > 0):
        return int(v)
    return v


def _int_to_number(n: int) -> int | float:
    """Convert an exact integer to a Number (correctly rounded, Infinity on overflow)."""
    if -_MAX_SAFE <= n <= _MAX_SAFE:
        return n
    try:
        return _normalize(float(n))
    except OverflowError:
        return _INF if n > 0 else -_INF


def _radix_digits_to_number(digits: str, radix: int) -> int | float:
    """The value of a non-empty string of radix digits, rounded to the nearest double."""
    digits = digits.lstrip("0")
    if not digits:
        return 0
    if radix == 10:
        # float() rounds a decimal string of any length correctly
        return _normalize(float(digits))
    if (len(digits) - 1) * math.log2(radix) > 1025:
        return _INF  # the leading digit alone already exceeds the largest double
    if radix & (radix - 1) == 0:
        return _int_to_number(int(digits, radix))
    # Other radixes may be approximated (19.2.5); do as V8 does: accumulate in doubles, one part
    # at a time, each part as many digits as keep the multiplier below 2**32 / 36.
    size = _PART_SIZE[radix]
    value = 0.0
    for i in range(0, len(digits), size):
        part = digits[i : i + size]
        value = value * float(radix ** len(part)) + float(int(part, radix))
    return _normalize(value)


# --- Number::toString (6.1.6.1.20) -----------------------------------------------------------


def _shortest_decimal(x: float) -> tuple[str, int]:
    """Shortest round-trip digits ``s`` (no leading/trailing zeros) and ``n`` with x = 0.s * 10**n.

    ``x`` must be finite and positive.
    """
    mantissa, _, exp = repr(x).partition("e")
    int_part, _, frac_part = mantissa.partition(".")
    digits = int_part + frac_part
    n = len(int_part) + (int(exp) if exp else 0)
    stripped = digits.lstrip("0")
    n -= len(digits) - len(stripped)
    return stripped.rstrip("0"), n


def _decimal_to_string(x: float) -> str:
    """Number::toString(x) in radix 10 for a finite float."""
    if x.is_integer() and -_MAX_SAFE <= x <= _MAX_SAFE:
        return str(int(x))
    if x < 0:
        return "-" + _decimal_to_string(-x)
    s, n = _shortest_decimal(x)
    k = len(s)
    if k <= n <= 21:
        return s + "0" * (n - k)
    if 0 < n <= 21:
        return s[:n] + "." + s[n:]
    if -6 < n <= 0:
        return "0." + "0" * (-n) + s
    e = n - 1
    exp = ("e+" if e >= 0 else "e-") + str(abs(e))
    if k == 1:
        return s + exp
    return s[0] + "." + s[1:] + exp


def _radix_to_string(value: float, radix: int) -> str:
    """V8's DoubleToRadixCString: digits until the value is pinned down within half an ULP."""
    negative = value < 0
    if negative:
        value = -value
    integer = float(math.floor(value))
    fraction = value - integer
    # Fraction digits are only produced up to the precision of the input double.
    delta = max(0.5 * (math.nextafter(value, _INF) - value), 5e-324)
    frac: list[int] = []
    if fraction >= delta:
        while True:
            fraction *= radix
            delta *= radix
            digit = int(fraction)
            frac.append(digit)
            fraction -= digit
            # Round to even; a carry propagates back through the digits already written.
            if (fraction > 0.5 or (fraction == 0.5 and digit & 1)) and fraction + delta > 1:
                while True:
                    if not frac:
                        integer += 1
                        break
                    last = frac.pop() + 1
                    if last < radix:
                        frac.append(last)
                        break
                break
            if fraction < delta:
                break
    # Integer digits; digits below the double's precision are written as zeros.
    int_digits: list[str] = []
    while integer / radix >= 2.0**53:
        integer /= radix
        int_digits.append("0")
    while True:
        remainder = math.fmod(integer, radix)
        int_digits.append(_DIGITS[int(remainder)])
        integer = (integer - remainder) / radix
        if integer <= 0:
            break
    out = "".join(reversed(int_digits))
    if frac:
        out += "." + "".join(_DIGITS[d] for d in frac)
    return "-" + out if negative else out


def number_to_string(x: float, radix: int = 10) -> str:
    """Number::toString(x) for radix 2..36 (radix 10 per spec, other radixes exactly as V8)."""
    if type(x) is int:
        if -_MAX_SAFE <= x <= _MAX_SAFE:
            if radix == 10:
                return str(x)
            if 0 <= x < radix:
                return _DIGITS[x]
        x = float(x)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    if radix == 10:
        return _decimal_to_string(x)
    return _radix_to_string(x, radix)


# --- Number.prototype.toFixed / toExponential / toPrecision (21.1.3) -------------------------


def _floor_log10(num: int, den: int) -> int:
    """floor(log10(num / den)) for positive integers, exactly."""
    e = math.floor((num.bit_length() - den.bit_length()) * 0.30102999566398120)
    while not _ge_pow10(num, den, e):
        e -= 1
    while _ge_pow10(num, den, e + 1):
        e += 1
    return e


def _ge_pow10(num: int, den: int, e: int) -> bool:
    """Whether num / den >= 10**e."""
    return num >= den * 10**e if e >= 0 else num * 10 ** (-e) >= den


def _round_significant(x: float, p: int) -> tuple[str, int]:
    """Digits of n and e with 10**(p-1) <= n < 10**p and n * 10**(e-p+1) nearest x (ties up)."""
    num, den = x.as_integer_ratio()
    e = _floor_log10(num, den)
    shift = e - p + 1
    if shift >= 0:
        den *= 10**shift
    else:
        num *= 10 ** (-shift)
    n = (2 * num + den) // (2 * den)
    if n == 10**p:
        n //= 10
        e += 1
    return str(n), e


def _exponent_suffix(e: int) -> str:
    return ("e+" if e >= 0 else "e-") + str(abs(e))


def _non_finite(x: float) -> str | None:
    """Number::toString for NaN and the infinities, else None."""
    if not math.isfinite(x):
        return number_to_string(x)
    return None


def to_fixed(x: float, digits: int) -> str:
    """Number.prototype.toFixed(digits), digits already checked to be in 0..100."""
    special = _non_finite(x)
    if special is not None:
        return special
    sign = ""
    if x < 0:
        sign, x = "-", -x
    if x >= 10**21:
        return sign + number_to_string(x)
    num, den = x.as_integer_ratio()
    # Let n be an integer for which n / 10**f - x is as close to zero as possible (ties: larger n).
    n = (2 * num * 10**digits + den) // (2 * den)
    m = str(n)
    if digits:
        if len(m) <= digits:
            m = "0" * (digits + 1 - len(m)) + m
        m = m[:-digits] + "." + m[-digits:]
    return sign + m


def to_exponential(x: float, digits: int | None) -> str:
    """Number.prototype.toExponential(digits); None means as many digits as necessary."""
    special = _non_finite(x)
    if special is not None:
        return special
    sign = ""
    if x < 0:
        sign, x = "-", -x
    if x == 0:
        m, e = "0" * ((digits or 0) + 1), 0
    elif digits is None:
        m, n = _shortest_decimal(float(x))
        e = n - 1
    else:
        m, e = _round_significant(float(x), digits + 1)
    if len(m) > 1:
        m = m[0] + "." + m[1:]
    return sign + m + _exponent_suffix(e)


def to_precision(x: float, p: int) -> str:
    """Number.prototype.toPrecision(p), p already checked to be in 1..100."""
    special = _non_finite(x)
    if special is not None:
        return special
    sign = ""
    if x < 0:
        sign, x = "-", -x
    if x == 0:
        m, e = "0" * p, 0
    else:
        m, e = _round_significant(float(x), p)
        if e < -6 or e >= p:
            if p != 1:
                m = m[0] + "." + m[1:]
            return sign + m + _exponent_suffix(e)
    if e == p - 1:
        return sign + m
    if e >= 0:
        return sign + m[: e + 1] + "." + m[e + 1 :]
    return sign + "0." + "0" * (-(e + 1)) + m


# --- StringToNumber (7.1.4.1.1) --------------------------------------------------------------


def string_to_number(s: str) -> int | float:
    """StringToNumber: the Number value of a StringNumericLiteral, or NaN."""
    s = s.strip(WHITESPACE)
    if not s:
        return 0
    if _STR_DECIMAL.fullmatch(s):
        return _decimal_literal_value(s)
    if _NON_DECIMAL.fullmatch(s):
        return _radix_digits_to_number(s[2:], _NON_DECIMAL_BASE[s[1].lower()])
    return _NAN


def _decimal_literal_value(s: str) -> int | float:
    """The Number value of a text matching StrDecimalLiteral."""
    if s[-1] == "y":  # [+-]Infinity
        return -_INF if s[0] == "-" else _INF
    return _normalize(float(s))


# --- parseInt (19.2.5) and parseFloat (19.2.4) -----------------------------------------------


def parse_int(s: str, radix: int) -> int | float:
    """parseInt(s, radix) given the string already converted and radix already ToInt32'd."""
    s = s.lstrip(WHITESPACE)
    negative = s[:1] == "-"
    if s[:1] in ("-", "+"):
        s = s[1:]
    strip_prefix = True
    if radix != 0:
        if radix < 2 or radix > 36:
            return _NAN
        if radix != 16:
            strip_prefix = False
    else:
        radix = 10
    if strip_prefix and s[:2] in ("0x", "0X"):
        s = s[2:]
        radix = 16
    digits = _RADIX_PREFIX[radix].match(s).group()
    if not digits:
        return _NAN
    value = _radix_digits_to_number(digits, radix)
    if negative:
        return -value if value else -0.0
    return value


def parse_float(s: str) -> int | float:
    """parseFloat(s) given the string already converted."""
    match = _STR_DECIMAL.match(s.lstrip(WHITESPACE))
    if match is None:
        return _NAN
    return _decimal_literal_value(match.group())
