"""BigInt (21.2)."""

from __future__ import annotations

from ..errors import JSThrow, type_error
from ..objects import C, JSInternal, Prop
from ..ops import (is_integral_number, string_to_bigint, to_index, to_integer_or_infinity, to_primitive)
from ..realm import arg, constructor, method
from ..values import SYM, UNDEFINED, JSBigInt, JSSymbol, JSUndefined

_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def to_bigint(v) -> JSBigInt:
    """ToBigInt (7.1.13)."""
    p = to_primitive(v, "number")
    t = type(p)
    if t is JSBigInt:
        return p
    if t is bool:
        return JSBigInt(1 if p else 0)
    if t is str:
        n = string_to_bigint(p)
        if n is None:
            raise JSThrow(kind="SyntaxError", msg=f"Cannot convert {p} to a BigInt")
        return n
    if p is None or t is JSUndefined:
        raise type_error(f"Cannot convert {'null' if p is None else 'undefined'} to a BigInt")
    if t is int or t is float:
        raise type_error(f"Cannot convert {p} to a BigInt")
    if t is JSSymbol:
        raise type_error("Cannot convert a Symbol value to a BigInt")
    raise type_error("Cannot convert value to a BigInt")


def number_to_bigint(n) -> JSBigInt:
    """NumberToBigInt (21.2.1.1.1)."""
    if not is_integral_number(n):
        from ..ops import number_to_string

        raise JSThrow(kind="RangeError",
                      msg=f"The number {number_to_string(n)} cannot be converted to a BigInt because it is not an integer")
    return JSBigInt(int(n))


def bigint_to_string(v: int, radix: int = 10) -> str:
    if radix == 10:
        return str(v)
    if v == 0:
        return "0"
    neg = v < 0
    v = -v if neg else v
    out = []
    while v:
        v, r = divmod(v, radix)
        out.append(_DIGITS[r])
    return ("-" if neg else "") + "".join(reversed(out))


def this_bigint_value(v) -> int:
    if type(v) is JSBigInt:
        return v.value
    if isinstance(v, JSInternal) and v.kind == "BigInt":
        return v.data.value
    raise type_error("BigInt.prototype method called on incompatible receiver")


def setup(realm) -> None:
    proto = realm.BigIntPrototype

    # 21.2.1.1 BigInt(value)
    def bigint_call(this, args):
        v = arg(args, 0)
        prim = to_primitive(v, "number")
        if type(prim) in (int, float):
            return number_to_bigint(prim)
        return to_bigint(prim)

    def bigint_construct(args, new_target):
        raise type_error("BigInt is not a constructor")

    ctor = constructor(realm, "BigInt", bigint_call, None, 1, proto)
    realm.BigInt = ctor
    realm.define_global("BigInt", ctor)

    # 21.2.2.1 BigInt.asIntN / 21.2.2.2 BigInt.asUintN
    def as_int_n(this, args):
        bits = to_index(arg(args, 0))
        b = to_bigint(arg(args, 1)).value
        if bits == 0:
            return JSBigInt(0)
        if bits > 2**24:
            m = b
        else:
            m = b % (1 << bits)
            if m >= (1 << (bits - 1)):
                m -= 1 << bits
        return JSBigInt(m)

    def as_uint_n(this, args):
        bits = to_index(arg(args, 0))
        b = to_bigint(arg(args, 1)).value
        if bits > 2**24:
            if b < 0:
                raise JSThrow(kind="RangeError", msg="Maximum BigInt size exceeded")
            return JSBigInt(b)
        return JSBigInt(b % (1 << bits))

    method(realm, ctor, "asIntN", as_int_n, 2)
    method(realm, ctor, "asUintN", as_uint_n, 2)

    # 21.2.3.2 toLocaleString, 21.2.3.3 toString, 21.2.3.4 valueOf
    def to_locale_string(this, args):
        v = this_bigint_value(this)
        s = f"{abs(v):,}"
        return ("-" if v < 0 else "") + s

    def to_string(this, args):
        v = this_bigint_value(this)
        r = arg(args, 0)
        radix = 10 if r is UNDEFINED else to_integer_or_infinity(r)
        if radix < 2 or radix > 36:
            raise JSThrow(kind="RangeError", msg="toString() radix must be between 2 and 36")
        return bigint_to_string(v, int(radix))

    def value_of(this, args):
        return JSBigInt(this_bigint_value(this))

    method(realm, proto, "toLocaleString", to_locale_string, 0)
    method(realm, proto, "toString", to_string, 0)
    method(realm, proto, "valueOf", value_of, 0)
    proto.props[SYM.toStringTag] = Prop("BigInt", C)
