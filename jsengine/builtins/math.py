"""The Math object (ECMA-262 21.3)."""

from __future__ import annotations

import math
import random
import struct
from fractions import Fraction

from ..objects import C, JSObject, Prop
from ..ops import js_pow, to_int32, to_number, to_uint32
from ..realm import arg, method
from ..values import MAX_SAFE, MIN_SAFE, SYM

INF = float("inf")
NAN = float("nan")

_random = random.Random()


def _f(v) -> float:
    """ToNumber(v) as a float."""
    t = type(v)
    if t is float:
        return v
    if t is int:
        return float(v)
    return float(to_number(v))


def _int_result(x: float):
    """An integral float result as the engine's int fast path when it fits (keeps -0 as a float)."""
    if MIN_SAFE <= x <= MAX_SAFE and (x != 0 or math.copysign(1.0, x) > 0):
        return int(x)
    return x


def _isnan(x: float) -> bool:
    return math.isnan(x)


# 21.3.2.1 Math.abs ( x )
def math_abs(this, args: list):
    x = arg(args, 0)
    if type(x) is int:
        return -x if x < 0 else x
    return abs(_f(x))


# 21.3.2.2 Math.acos ( x )
def math_acos(this, args: list):
    x = _f(arg(args, 0))
    return NAN if _isnan(x) or abs(x) > 1 else math.acos(x)


# 21.3.2.3 Math.acosh ( x )
def math_acosh(this, args: list):
    x = _f(arg(args, 0))
    return NAN if _isnan(x) or x < 1 else math.acosh(x)


# 21.3.2.4 Math.asin ( x )
def math_asin(this, args: list):
    x = _f(arg(args, 0))
    return NAN if _isnan(x) or abs(x) > 1 else math.asin(x)


# 21.3.2.5 Math.asinh ( x )
def math_asinh(this, args: list):
    return math.asinh(_f(arg(args, 0)))


# 21.3.2.6 Math.atan ( x )
def math_atan(this, args: list):
    return math.atan(_f(arg(args, 0)))


# 21.3.2.7 Math.atanh ( x )
def math_atanh(this, args: list):
    x = _f(arg(args, 0))
    if _isnan(x) or abs(x) > 1:
        return NAN
    if abs(x) == 1:
        return math.copysign(INF, x)
    return math.atanh(x)


# 21.3.2.8 Math.atan2 ( y, x )
def math_atan2(this, args: list):
    y = _f(arg(args, 0))
    x = _f(arg(args, 1))
    return math.atan2(y, x)


# 21.3.2.9 Math.cbrt ( x )
def math_cbrt(this, args: list):
    x = _f(arg(args, 0))
    if not math.isfinite(x) or x == 0:
        return x
    # the C library's cbrt can be 1 ulp off (cbrt(27) != 3): move to the correctly rounded neighbour
    target = Fraction(abs(x))
    y = abs(math.cbrt(x))
    for _ in range(4):
        up = math.nextafter(y, INF)
        if ((Fraction(y) + Fraction(up)) / 2) ** 3 < target:
            y = up
            continue
        down = math.nextafter(y, 0.0)
        if ((Fraction(y) + Fraction(down)) / 2) ** 3 > target:
            y = down
            continue
        break
    return math.copysign(y, x)


# 21.3.2.10 Math.ceil ( x )
def math_ceil(this, args: list):
    x = arg(args, 0)
    if type(x) is int:
        return x
    x = _f(x)
    if not math.isfinite(x) or x == 0:
        return x
    r = math.ceil(x)
    if r == 0 and x < 0:
        return -0.0
    return r if abs(r) <= MAX_SAFE else x


# 21.3.2.11 Math.clz32 ( x )
def math_clz32(this, args: list):
    return 32 - to_uint32(arg(args, 0)).bit_length()


# 21.3.2.12 Math.cos ( x )
def math_cos(this, args: list):
    x = _f(arg(args, 0))
    return math.cos(x) if math.isfinite(x) else NAN


# 21.3.2.13 Math.cosh ( x )
def math_cosh(this, args: list):
    x = _f(arg(args, 0))
    try:
        return math.cosh(x)
    except OverflowError:
        return INF


# 21.3.2.14 Math.exp ( x )
def math_exp(this, args: list):
    x = _f(arg(args, 0))
    try:
        return math.exp(x)
    except OverflowError:
        return INF


# 21.3.2.15 Math.expm1 ( x )
def math_expm1(this, args: list):
    x = _f(arg(args, 0))
    try:
        return math.expm1(x)
    except OverflowError:
        return INF


# 21.3.2.16 Math.floor ( x )
def math_floor(this, args: list):
    x = arg(args, 0)
    if type(x) is int:
        return x
    x = _f(x)
    if not math.isfinite(x) or x == 0:
        return x
    r = math.floor(x)
    return r if abs(r) <= MAX_SAFE else x


# 21.3.2.17 Math.fround ( x )
def math_fround(this, args: list):
    x = _f(arg(args, 0))
    if not math.isfinite(x):
        return x
    try:
        return struct.unpack("f", struct.pack("f", x))[0]
    except OverflowError:
        return math.copysign(INF, x)


# 21.3.2.18 Math.hypot ( ...args )
def math_hypot(this, args: list):
    nums = [_f(a) for a in args]
    if not nums:
        return 0
    if any(math.isinf(x) for x in nums):
        return INF
    if any(_isnan(x) for x in nums):
        return NAN
    biggest = max(abs(x) for x in nums)
    if biggest == 0:
        return 0
    # Scale by the largest magnitude and add the squares with Kahan compensation (as V8 does).
    total = 0.0
    comp = 0.0
    for x in nums:
        r = abs(x) / biggest
        summand = r * r - comp
        prelim = total + summand
        comp = (prelim - total) - summand
        total = prelim
    return math.sqrt(total) * biggest


# 21.3.2.19 Math.imul ( x, y )
def math_imul(this, args: list):
    a = to_uint32(arg(args, 0))
    b = to_uint32(arg(args, 1))
    return to_int32((a * b) & 0xFFFFFFFF)


# 21.3.2.20 Math.log ( x )
def math_log(this, args: list):
    x = _f(arg(args, 0))
    if _isnan(x) or x < 0:
        return NAN
    if x == 0:
        return -INF
    return math.log(x)


# 21.3.2.21 Math.log1p ( x )
def math_log1p(this, args: list):
    x = _f(arg(args, 0))
    if _isnan(x) or x < -1:
        return NAN
    if x == -1:
        return -INF
    return math.log1p(x)


# 21.3.2.22 Math.log10 ( x )
def math_log10(this, args: list):
    x = _f(arg(args, 0))
    if _isnan(x) or x < 0:
        return NAN
    if x == 0:
        return -INF
    return math.log10(x)


# 21.3.2.23 Math.log2 ( x )
def math_log2(this, args: list):
    x = _f(arg(args, 0))
    if _isnan(x) or x < 0:
        return NAN
    if x == 0:
        return -INF
    return math.log2(x)


# 21.3.2.24 Math.max ( ...args )
def math_max(this, args: list):
    if len(args) == 2:
        a, b = args
        if type(a) is int and type(b) is int:
            return max(a, b)
    nums = [a if type(a) is int or type(a) is float else to_number(a) for a in args]
    r = -INF
    for x in nums:
        if x != x:  # noqa: PLR0124 - NaN
            return NAN
        if x > r or (x == 0 and r == 0 and math.copysign(1.0, r) < 0):
            r = x
    return r


# 21.3.2.25 Math.min ( ...args )
def math_min(this, args: list):
    if len(args) == 2:
        a, b = args
        if type(a) is int and type(b) is int:
            return min(a, b)
    nums = [a if type(a) is int or type(a) is float else to_number(a) for a in args]
    r = INF
    for x in nums:
        if x != x:  # noqa: PLR0124 - NaN
            return NAN
        if x < r or (x == 0 and r == 0 and math.copysign(1.0, x) < 0):
            r = x
    return r


# 21.3.2.26 Math.pow ( base, exponent )
def math_pow(this, args: list):
    b = arg(args, 0)
    e = arg(args, 1)
    b = b if type(b) is int or type(b) is float else to_number(b)
    e = e if type(e) is int or type(e) is float else to_number(e)
    return js_pow(b, e)


# 21.3.2.27 Math.random ( )
def math_random(this, args: list):
    return _random.random()


# 21.3.2.28 Math.round ( x )
def math_round(this, args: list):
    x = arg(args, 0)
    if type(x) is int:
        return x
    x = _f(x)
    if not math.isfinite(x) or x == 0:
        return x
    if abs(x) >= 2.0**52:
        return _int_result(x)
    r = math.floor(x)
    if x - r >= 0.5:
        r += 1
    if r == 0 and x < 0:
        return -0.0
    return r


# 21.3.2.29 Math.sign ( x )
def math_sign(this, args: list):
    x = arg(args, 0)
    if type(x) is int:
        return (x > 0) - (x < 0)
    x = _f(x)
    if _isnan(x) or x == 0:
        return x
    return 1 if x > 0 else -1


# 21.3.2.30 Math.sin ( x )
def math_sin(this, args: list):
    x = _f(arg(args, 0))
    return math.sin(x) if math.isfinite(x) else NAN


# 21.3.2.31 Math.sinh ( x )
def math_sinh(this, args: list):
    x = _f(arg(args, 0))
    try:
        return math.sinh(x)
    except OverflowError:
        return math.copysign(INF, x)


# 21.3.2.32 Math.sqrt ( x )
def math_sqrt(this, args: list):
    x = _f(arg(args, 0))
    if _isnan(x) or x < 0:
        return NAN
    return math.sqrt(x)


# 21.3.2.33 Math.tan ( x )
def math_tan(this, args: list):
    x = _f(arg(args, 0))
    return math.tan(x) if math.isfinite(x) else NAN


# 21.3.2.34 Math.tanh ( x )
def math_tanh(this, args: list):
    return math.tanh(_f(arg(args, 0)))


# 21.3.2.35 Math.trunc ( x )
def math_trunc(this, args: list):
    x = arg(args, 0)
    if type(x) is int:
        return x
    x = _f(x)
    if not math.isfinite(x) or x == 0:
        return x
    r = int(x)
    if r == 0 and x < 0:
        return -0.0
    return r if abs(r) <= MAX_SAFE else x


_FUNCTIONS = [
    ("abs", math_abs, 1), ("acos", math_acos, 1), ("acosh", math_acosh, 1), ("asin", math_asin, 1),
    ("asinh", math_asinh, 1), ("atan", math_atan, 1), ("atanh", math_atanh, 1), ("atan2", math_atan2, 2),
    ("cbrt", math_cbrt, 1), ("ceil", math_ceil, 1), ("clz32", math_clz32, 1), ("cos", math_cos, 1),
    ("cosh", math_cosh, 1), ("exp", math_exp, 1), ("expm1", math_expm1, 1), ("floor", math_floor, 1),
    ("fround", math_fround, 1), ("hypot", math_hypot, 2), ("imul", math_imul, 2), ("log", math_log, 1),
    ("log1p", math_log1p, 1), ("log10", math_log10, 1), ("log2", math_log2, 1), ("max", math_max, 2),
    ("min", math_min, 2), ("pow", math_pow, 2), ("random", math_random, 0), ("round", math_round, 1),
    ("sign", math_sign, 1), ("sin", math_sin, 1), ("sinh", math_sinh, 1), ("sqrt", math_sqrt, 1),
    ("tan", math_tan, 1), ("tanh", math_tanh, 1), ("trunc", math_trunc, 1),
]


def setup(realm) -> None:
    m = JSObject(realm.ObjectPrototype)
    realm.Math = m
    # 21.3.1 Value Properties of the Math Object (not writable, enumerable or configurable)
    for name, value in (("E", 2.718281828459045), ("LN10", 2.302585092994046), ("LN2", 0.6931471805599453),
                        ("LOG10E", 0.4342944819032518), ("LOG2E", 1.4426950408889634),
                        ("PI", 3.141592653589793), ("SQRT1_2", 0.7071067811865476),
                        ("SQRT2", 1.4142135623730951)):
        m.props[name] = Prop(value, 0)
    m.props[SYM.toStringTag] = Prop("Math", C)
    # 21.3.2 Function Properties of the Math Object
    for name, fn, length in _FUNCTIONS:
        method(realm, m, name, fn, length)
    realm.define_global("Math", m)
