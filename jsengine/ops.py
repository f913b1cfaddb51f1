"""Abstract operations, named as in ECMA-262 (7.1 type conversion, 7.2 testing and comparison,
7.3 operations on objects, 7.4 iterators) and the Number operations of 6.1.6.1."""

from __future__ import annotations

import math

from .budget import AGENT as A
from .errors import JSThrow, range_error, type_error
from .objects import (ABSENT, ACC, C, DEFAULT, MISSING, E, W, BoundFunction, BuiltinFunction, Desc, JSArray,
                      JSFunction, JSObject, JSStringObject, Prop, same_value)
from .values import MAX_SAFE, MIN_SAFE, SYM, UNDEFINED, JSBigInt, JSSymbol, JSUndefined

NAN = float("nan")
INF = float("inf")

# -- 6.1.6.1 Number helpers ---------------------------------------------------------------------------


def num(v):
    """Normalise an int result: ints beyond 2**53 become floats."""
    if type(v) is int and not MIN_SAFE <= v <= MAX_SAFE:
        return float(v)
    return v


def number_to_string(x, radix: int = 10) -> str:
    if type(x) is int and radix == 10:
        return str(x)
    from .numconv import number_to_string as nts

    return nts(x, radix)


def js_add_numbers(a, b):
    r = a + b
    if type(r) is int and not MIN_SAFE <= r <= MAX_SAFE:
        return float(r)
    return r


def js_sub(a, b):
    r = a - b
    if type(r) is int and not MIN_SAFE <= r <= MAX_SAFE:
        return float(r)
    return r


def js_mul(a, b):
    if type(a) is int and type(b) is int:
        r = a * b
        if r == 0 and (a < 0 or b < 0):
            return -0.0
        if MIN_SAFE <= r <= MAX_SAFE:
            return r
        return float(a) * float(b)
    return float(a) * float(b)


def js_div(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        if a != a or a == 0:
            return NAN
        neg = (a < 0) != (math.copysign(1.0, b) < 0)
        return -INF if neg else INF
    except OverflowError:
        return float(a) / float(b)


def js_mod(a, b):
    if type(a) is int and type(b) is int:
        if b == 0:
            return NAN
        r = abs(a) % abs(b)
        if a < 0:
            return -r if r else -0.0
        return r
    a = float(a)
    b = float(b)
    if b == 0 or a != a or b != b or a in (INF, -INF):
        return NAN
    if b in (INF, -INF):
        return a
    if a == 0:
        return a
    r = math.fmod(a, b)
    if r == 0:
        return math.copysign(0.0, a)
    return r


def js_pow(base, exp):
    """Number::exponentiate (6.1.6.1.3)."""
    if exp != exp:
        return NAN
    if exp == 0:
        return 1
    if base != base:
        return NAN
    if type(base) is int and type(exp) is int and exp > 0:
        if abs(base) < 2 and True:
            r = base**exp
            return num(r)
        if exp * math.log2(abs(base) or 1) < 60:
            return num(base**exp)
    fb = float(base)
    fe = float(exp)
    ab = abs(fb)
    if fe in (INF, -INF):
        if ab == 1:
            return NAN
        if ab > 1:
            return INF if fe > 0 else 0
        return 0 if fe > 0 else INF
    if fb == INF:
        return INF if fe > 0 else 0
    if fb == -INF:
        odd = fe == int(fe) and int(fe) % 2 == 1
        if fe > 0:
            return -INF if odd else INF
        return -0.0 if odd else 0
    if fb == 0:
        neg_zero = math.copysign(1.0, fb) < 0
        odd = fe == int(fe) and int(fe) % 2 == 1
        if fe > 0:
            return -0.0 if (neg_zero and odd) else 0
        return -INF if (neg_zero and odd) else INF
    if fb < 0 and fe != int(fe):
        return NAN
    try:
        r = fb**fe
    except OverflowError:
        odd = fe == int(fe) and int(fe) % 2 == 1
        return -INF if (fb < 0 and odd) else INF
    if type(r) is complex:
        return NAN
    return r


def js_neg(v):
    if type(v) is int:
        return -v if v != 0 else -0.0
    return -v


def to_int32(v) -> int:
    if type(v) is int:
        if -2147483648 <= v <= 2147483647:
            return v
        return ((v + 2147483648) & 0xFFFFFFFF) - 2147483648
    if type(v) is not float:
        v = to_number(v)
        if type(v) is int:
            return to_int32(v)
    if v != v or v in (INF, -INF):
        return 0
    return ((int(v) + 2147483648) & 0xFFFFFFFF) - 2147483648


def to_uint32(v) -> int:
    if type(v) is int:
        return v & 0xFFFFFFFF
    if type(v) is not float:
        v = to_number(v)
        if type(v) is int:
            return v & 0xFFFFFFFF
    if v != v or v in (INF, -INF):
        return 0
    return int(v) & 0xFFFFFFFF


def to_uint16(v) -> int:
    return to_uint32(v) & 0xFFFF


def to_integer_or_infinity(v):
    """ToIntegerOrInfinity (7.1.5): an int, or +-inf as float."""
    if type(v) is int:
        return v
    n = to_number(v)
    if type(n) is int:
        return n
    if n != n:
        return 0
    if n in (INF, -INF):
        return n
    return int(n)


def to_length(v) -> int:
    n = to_integer_or_infinity(v)
    if n <= 0:
        return 0
    return min(n, MAX_SAFE - 1) if n != INF else MAX_SAFE - 1


def to_index(v) -> int:
    if v is UNDEFINED:
        return 0
    i = to_integer_or_infinity(v)
    if i < 0 or i > MAX_SAFE - 1:
        raise range_error("Invalid index")
    return int(i)


# -- 7.1 Type conversion ------------------------------------------------------------------------------


def to_primitive(v, hint: str = "default"):
    """ToPrimitive (7.1.1)."""
    if not isinstance(v, JSObject):
        return v
    ex = v.get(SYM.toPrimitive)
    if ex is not UNDEFINED and ex is not None:
        if not (isinstance(ex, JSObject) and ex.is_callable):
            raise type_error("Symbol.toPrimitive is not a function")
        r = ex.call(v, [hint])
        if isinstance(r, JSObject):
            raise type_error("Cannot convert object to primitive value")
        return r
    return ordinary_to_primitive(v, "number" if hint == "default" else hint)


def ordinary_to_primitive(o, hint: str):
    names = ("toString", "valueOf") if hint == "string" else ("valueOf", "toString")
    for name in names:
        m = o.get(name)
        if isinstance(m, JSObject) and m.is_callable:
            r = m.call(o, [])
            if not isinstance(r, JSObject):
                return r
    raise type_error("Cannot convert object to primitive value")


def to_boolean(v) -> bool:
    t = type(v)
    if t is bool:
        return v
    if t is str:
        return v != ""
    if t is int:
        return v != 0
    if t is float:
        return not (v == 0 or v != v)
    if v is None or t is JSUndefined:
        return False
    if t is JSBigInt:
        return v.value != 0
    if getattr(v, "is_htmldda", False):
        return False
    return True


def to_number(v):
    """ToNumber (7.1.4)."""
    t = type(v)
    if t is int or t is float:
        return v
    if t is bool:
        return 1 if v else 0
    if t is str:
        from .numconv import string_to_number

        return string_to_number(v)
    if v is None:
        return 0
    if t is JSUndefined:
        return NAN
    if t is JSSymbol:
        raise type_error("Cannot convert a Symbol value to a number")
    if t is JSBigInt:
        raise type_error("Cannot convert a BigInt value to a number")
    return to_number(to_primitive(v, "number"))


def to_numeric(v):
    """ToNumeric (7.1.3): a Number or a JSBigInt."""
    t = type(v)
    if t is int or t is float or t is JSBigInt:
        return v
    p = to_primitive(v, "number")
    if type(p) is JSBigInt:
        return p
    return to_number(p)


def to_string(v) -> str:
    """ToString (7.1.17)."""
    t = type(v)
    if t is str:
        return v
    if t is int:
        return str(v)
    if t is float:
        return number_to_string(v)
    if t is bool:
        return "true" if v else "false"
    if v is None:
        return "null"
    if t is JSUndefined:
        return "undefined"
    if t is JSSymbol:
        raise type_error("Cannot convert a Symbol value to a string")
    if t is JSBigInt:
        return str(v.value)
    return to_string(to_primitive(v, "string"))


def to_property_key(v):
    """ToPropertyKey (7.1.19): a str or a JSSymbol."""
    t = type(v)
    if t is str or t is JSSymbol:
        return v
    if t is int:
        return str(v)
    if isinstance(v, JSObject):
        v = to_primitive(v, "string")
        if type(v) is JSSymbol:
            return v
    return to_string(v)


def to_object(v):
    """ToObject (7.1.18)."""
    if isinstance(v, JSObject):
        return v
    if v is None or v is UNDEFINED:
        raise type_error("Cannot convert undefined or null to object")
    return wrap_primitive(v)


def wrap_primitive(v):
    from .objects import JSInternal, JSStringObject

    realm = A.realm
    t = type(v)
    if t is str:
        return JSStringObject(realm.StringPrototype, v)
    if t is bool:
        return JSInternal(realm.BooleanPrototype, "Boolean", v)
    if t is int or t is float:
        return JSInternal(realm.NumberPrototype, "Number", v)
    if t is JSSymbol:
        return JSInternal(realm.SymbolPrototype, "Symbol", v)
    if t is JSBigInt:
        return JSInternal(realm.BigIntPrototype, "BigInt", v)
    raise type_error("Cannot convert to object")


def proto_of_primitive(v):
    realm = A.realm
    t = type(v)
    if t is str:
        return realm.StringPrototype
    if t is int or t is float:
        return realm.NumberPrototype
    if t is bool:
        return realm.BooleanPrototype
    if t is JSSymbol:
        return realm.SymbolPrototype
    if t is JSBigInt:
        return realm.BigIntPrototype
    return None


def require_object_coercible(v, what: str = "value"):
    if v is None or v is UNDEFINED:
        raise type_error(f"Cannot convert undefined or null to object")
    return v


def typeof(v) -> str:
    t = type(v)
    if t is str:
        return "string"
    if t is int or t is float:
        return "number"
    if t is bool:
        return "boolean"
    if t is JSUndefined:
        return "undefined"
    if v is None:
        return "object"
    if t is JSSymbol:
        return "symbol"
    if t is JSBigInt:
        return "bigint"
    if getattr(v, "is_htmldda", False):
        return "undefined"
    if v.is_callable:
        return "function"
    return "object"


def is_callable(v) -> bool:
    return isinstance(v, JSObject) and v.is_callable


def is_constructor(v) -> bool:
    return isinstance(v, JSObject) and v.is_constructor


def canonical_numeric_index_string(key):
    """CanonicalNumericIndexString (7.1.21): a Number or None."""
    if type(key) is not str:
        return None
    if key == "-0":
        return -0.0
    n = to_number(key)
    if number_to_string(n) == key:
        return n
    return None


def is_integral_number(v) -> bool:
    t = type(v)
    if t is int:
        return True
    if t is float:
        return v == v and v not in (INF, -INF) and v == int(v)
    return False


# -- 7.2 Testing and comparison -----------------------------------------------------------------------


def strict_equals(a, b) -> bool:
    """IsStrictlyEqual (7.2.16)."""
    ta, tb = type(a), type(b)
    if ta is tb:
        if ta is JSBigInt:
            return a.value == b.value
        if ta is str or ta is int or ta is float or ta is bool:
            return a == b
        return a is b
    if (ta is int and tb is float) or (ta is float and tb is int):
        return a == b
    return False


def same_value_zero(a, b) -> bool:
    ta, tb = type(a), type(b)
    if (ta is int or ta is float) and (tb is int or tb is float):
        return a == b or (a != a and b != b)
    return strict_equals(a, b)


def loose_equals(a, b) -> bool:
    """IsLooselyEqual (7.2.15)."""
    ta, tb = type(a), type(b)
    if ta is tb:
        if ta is JSUndefined or a is None:
            return True
        if isinstance(a, JSObject):
            return a is b
        return strict_equals(a, b)
    a_nullish = a is None or ta is JSUndefined or getattr(a, "is_htmldda", False)
    b_nullish = b is None or tb is JSUndefined or getattr(b, "is_htmldda", False)
    if (a is None or ta is JSUndefined) or (b is None or tb is JSUndefined):
        return a_nullish and b_nullish
    an = ta is int or ta is float
    bn = tb is int or tb is float
    if an and bn:
        return a == b
    if an and tb is str:
        return a == to_number(b)
    if ta is str and bn:
        return to_number(a) == b
    if ta is JSBigInt and tb is str:
        n = string_to_bigint(b)
        return n is not None and n.value == a.value
    if ta is str and tb is JSBigInt:
        return loose_equals(b, a)
    if ta is bool:
        return loose_equals(1 if a else 0, b)
    if tb is bool:
        return loose_equals(a, 1 if b else 0)
    a_obj = isinstance(a, JSObject)
    b_obj = isinstance(b, JSObject)
    if (an or ta is str or ta is JSBigInt or ta is JSSymbol) and b_obj:
        return loose_equals(a, to_primitive(b))
    if a_obj and (bn or tb is str or tb is JSBigInt or tb is JSSymbol):
        return loose_equals(to_primitive(a), b)
    if ta is JSBigInt and bn:
        return bigint_equals_number(a.value, b)
    if an and tb is JSBigInt:
        return bigint_equals_number(b.value, a)
    return False


def bigint_equals_number(i: int, n) -> bool:
    if n != n or n in (INF, -INF):
        return False
    return n == int(n) and int(n) == i


def string_to_bigint(s: str):
    from .numconv import WHITESPACE

    t = s.strip(WHITESPACE)
    if t == "":
        return JSBigInt(0)
    try:
        low = t[:2].lower()
        if low in ("0x", "0o", "0b"):
            body = t[2:]
            if not body or not body.isalnum() or "_" in body:
                return None
            return JSBigInt(int(body, {"0x": 16, "0o": 8, "0b": 2}[low]))
        if not (t.lstrip("+-").isdigit() and t.lstrip("+-").isascii()) or t.count("+") + t.count("-") > 1:
            return None
        return JSBigInt(int(t))
    except ValueError:
        return None


def less_than(x, y, left_first: bool = True):
    """IsLessThan (7.2.14): True, False, or UNDEFINED (for NaN)."""
    if left_first:
        px = to_primitive(x, "number")
        py = to_primitive(y, "number")
    else:
        py = to_primitive(y, "number")
        px = to_primitive(x, "number")
    if type(px) is str and type(py) is str:
        return px < py
    if type(px) is JSBigInt and type(py) is str:
        ny = string_to_bigint(py)
        return UNDEFINED if ny is None else px.value < ny.value
    if type(px) is str and type(py) is JSBigInt:
        nx = string_to_bigint(px)
        return UNDEFINED if nx is None else nx.value < py.value
    nx = to_numeric(px)
    ny = to_numeric(py)
    tx, ty = type(nx), type(ny)
    if tx is JSBigInt and ty is JSBigInt:
        return nx.value < ny.value
    if tx is JSBigInt:
        if ny != ny:
            return UNDEFINED
        if ny in (INF, -INF):
            return ny > 0
        return nx.value < ny if ty is int else nx.value < math.ceil(ny) if ny != int(ny) else nx.value < int(ny)
    if ty is JSBigInt:
        if nx != nx:
            return UNDEFINED
        if nx in (INF, -INF):
            return nx < 0
        return nx < ny.value if tx is int else math.floor(nx) < ny.value if nx != int(nx) else int(nx) < ny.value
    if nx != nx or ny != ny:
        return UNDEFINED
    return nx < ny


# -- 7.3 Operations on objects ------------------------------------------------------------------------


def get_v(v, key):
    """GetV (7.3.3): property of any value (primitives use their prototype)."""
    if isinstance(v, JSObject):
        return v.get(key, v)
    if type(v) is str:
        if key == "length":
            return len(v)
        if type(key) is str and key.isdigit():
            from .objects import index_key_int

            i = index_key_int(key)
            if 0 <= i < len(v):
                return v[i]
    proto = proto_of_primitive(v)
    if proto is None:
        raise type_error(f"Cannot read properties of {to_display_string(v)} (reading '{key_display(key)}')")
    return proto.get(key, v)


def key_display(key) -> str:
    if type(key) is JSSymbol:
        return key.descriptive_string()
    return key


def to_display_string(v) -> str:
    if v is None:
        return "null"
    if v is UNDEFINED:
        return "undefined"
    try:
        return to_string(v)
    except JSThrow:
        return "object"


def get_method(v, key):
    """GetMethod (7.3.11): UNDEFINED or a callable."""
    f = get_v(v, key)
    if f is UNDEFINED or f is None:
        return UNDEFINED
    if not is_callable(f):
        raise type_error(f"{key_display(key) if type(key) is str else key.descriptive_string()} is not a function")
    return f


def call(f, this, args: list):
    """Call (7.3.14)."""
    if isinstance(f, JSObject) and f.is_callable:
        return f.call(this, args)
    raise type_error(f"{value_desc(f)} is not a function")


def construct(f, args: list, new_target=None):
    """Construct (7.3.15)."""
    return f.construct(args, f if new_target is None else new_target)


def value_desc(v) -> str:
    """A short description of a value for error messages, like V8's."""
    t = type(v)
    if t is str:
        return f'"{v}"'
    if t is JSSymbol:
        return v.descriptive_string()
    if isinstance(v, JSObject):
        if v.is_callable:
            return "function"
        if isinstance(v, JSArray):
            return "object"
        return "#<Object>" if True else ""
    return to_display_string(v)


def invoke(v, key, args: list):
    f = get_v(v, key)
    return call(f, v, args)


def has_own_property(o, key) -> bool:
    return o.get_own_property(key) is not MISSING


def create_data_property(o, key, value) -> bool:
    if type(o) is JSObject:
        cur = o.props.get(key, MISSING)
        if cur is MISSING:
            if o.extensible:
                o.props[key] = value
                return True
            return False
        if type(cur) is not Prop:
            o.props[key] = value
            return True
    return o.define_own_property(key, Desc(value=value, writable=True, enumerable=True, configurable=True))


def create_data_property_or_throw(o, key, value) -> None:
    if not create_data_property(o, key, value):
        raise type_error(f"Cannot define property {key_display(key)}")


def define_property_or_throw(o, key, desc: Desc) -> None:
    if not o.define_own_property(key, desc):
        raise type_error(f"Cannot redefine property: {key_display(key)}")


def delete_property_or_throw(o, key) -> None:
    if not o.delete(key):
        raise type_error(f"Cannot delete property '{key_display(key)}' of {value_desc(o)}")


def set_or_throw(o, key, value) -> None:
    """Set(O, P, V, true) (7.3.4)."""
    if not o.set(key, value, o):
        raise set_failure(o, key)


def object_tag(o) -> str:
    """How V8 names the target of a failed assignment: "object '#<Point>'", "object '[object Array]'"
    (and RegExp and primitive wrappers), "object '[object Object]'" (no prototype), "function
    'function f() {}'"."""
    from .builtins.object import constructor_name, object_desc

    if isinstance(o, JSArray):
        return "object '[object Array]'"
    if not isinstance(o, JSObject):
        return "object '#<Object>'"
    if o.is_callable:
        return f"function '{object_desc(o)}'"
    kind = "String" if isinstance(o, JSStringObject) else getattr(o, "kind", None)
    if kind in ("RegExp", "String", "Number", "Boolean", "Symbol", "BigInt"):
        return f"object '[object {kind}]'"
    if o.ordinary_get and o.proto is None:
        return "object '[object Object]'"
    return f"object '#<{constructor_name(o)}>'"


def set_failure(o, key):
    """The TypeError for a failed strict [[Set]] (V8's wording)."""
    if isinstance(o, JSObject) and _getter_only(o, key):
        tag = object_tag(o)
        return type_error(f"Cannot set property {key_display(key)} of {tag[tag.index(chr(39)) + 1:-1]} "
                          "which has only a getter")
    if isinstance(o, JSObject) and o.get_own_property(key) is MISSING and not o.is_extensible():
        return type_error(f"Cannot add property {key_display(key)}, object is not extensible")
    return type_error(f"Cannot assign to read only property '{key_display(key)}' of {object_tag(o)}")


def _getter_only(o, key) -> bool:
    """Is ``key`` found up o's chain of ordinary objects and arrays (no proxy trap run) as an accessor
    without a setter?"""
    p = o
    while p is not None and (p.ordinary_get or type(p) is JSArray):
        v = p.props.get(key, MISSING)
        if v is not MISSING:
            return type(v) is Prop and bool(v.flags & ACC) and v.setter is UNDEFINED
        p = p.proto
    return False


def length_of_array_like(o) -> int:
    if isinstance(o, JSArray):
        return o.length
    return to_length(o.get("length"))


def create_array(items: list) -> JSArray:
    """CreateArrayFromList (7.3.17): ``items`` becomes the array's store."""
    return JSArray(A.realm.ArrayPrototype, items)


def create_list_from_array_like(o, element_types=None) -> list:
    if not isinstance(o, JSObject):
        raise type_error("CreateListFromArrayLike called on non-object")
    n = length_of_array_like(o)
    A.charge(n)
    out = []
    for i in range(n):
        v = o.get(str(i))
        if element_types is not None and not element_types(v):
            raise type_error("invalid element type")
        out.append(v)
    return out


def ordinary_has_instance(c, o) -> bool:
    if not is_callable(c):
        return False
    if isinstance(c, BoundFunction):
        return instance_of(o, c.target)
    if not isinstance(o, JSObject):
        return False
    p = c.get("prototype")
    if not isinstance(p, JSObject):
        raise type_error("Function has non-object prototype in instanceof check")
    o = o.get_prototype_of()
    while o is not None:
        if o is p:
            return True
        o = o.get_prototype_of()
    return False


def function_has_instance(this, args: list) -> bool:
    """Function.prototype [ @@hasInstance ] ( V ) (20.2.3.6)."""
    return ordinary_has_instance(this, args[0] if args else UNDEFINED)


def instance_of(v, target) -> bool:
    """InstanceofOperator (13.10.2)."""
    if not isinstance(target, JSObject):
        raise type_error("Right-hand side of 'instanceof' is not an object")
    h = get_method(target, SYM.hasInstance)
    if type(h) is BuiltinFunction and h.fn is function_has_instance and h.realm is A.realm:
        return ordinary_has_instance(target, v)  # the intrinsic, without the call protocol
    if h is not UNDEFINED:
        return to_boolean(call(h, target, [v]))
    if not target.is_callable:
        raise type_error("Right-hand side of 'instanceof' is not callable")
    return ordinary_has_instance(target, v)


def species_constructor(o, default):
    c = o.get("constructor")
    if c is UNDEFINED:
        return default
    if not isinstance(c, JSObject):
        raise type_error("object.constructor is not an object")
    s = c.get(SYM.species)
    if s is UNDEFINED or s is None:
        return default
    if is_constructor(s):
        return s
    raise type_error("object.constructor[Symbol.species] is not a constructor")


def get_prototype_from_constructor(ctor, default_name: str):
    """GetPrototypeFromConstructor (10.1.14): ``default_name`` is a realm intrinsic attribute."""
    proto = ctor.get("prototype") if ctor is not None else UNDEFINED
    if not isinstance(proto, JSObject):
        realm = get_function_realm(ctor) if ctor is not None else A.realm
        proto = getattr(realm, default_name)
    return proto


def get_function_realm(f):
    realm = getattr(f, "realm", None)
    if realm is not None:
        return realm
    if isinstance(f, BoundFunction):
        return get_function_realm(f.target)
    if getattr(f, "proxy_handler", MISSING) is not MISSING:
        if f.proxy_handler is None:
            raise type_error("Cannot perform operation on a revoked proxy")
        return get_function_realm(f.proxy_target)
    return A.realm


def ordinary_create_from_constructor(ctor, default_name: str):
    return JSObject(get_prototype_from_constructor(ctor, default_name))


def is_array(v) -> bool:
    """IsArray (7.2.2)."""
    if isinstance(v, JSArray):
        return True
    h = getattr(v, "proxy_handler", MISSING)
    if h is not MISSING:
        if h is None:
            raise type_error("Cannot perform 'IsArray' on a proxy that has been revoked")
        return is_array(v.proxy_target)
    return False


# -- property descriptors (6.2.5) -------------------------------------------------------------------


def to_property_descriptor(obj) -> Desc:
    if not isinstance(obj, JSObject):
        raise type_error(f"Property description must be an object: {to_display_string(obj)}")
    d = Desc()
    if obj.has_property("enumerable"):
        d.enumerable = to_boolean(obj.get("enumerable"))
    if obj.has_property("configurable"):
        d.configurable = to_boolean(obj.get("configurable"))
    if obj.has_property("value"):
        d.value = obj.get("value")
    if obj.has_property("writable"):
        d.writable = to_boolean(obj.get("writable"))
    if obj.has_property("get"):
        g = obj.get("get")
        if g is not UNDEFINED and not is_callable(g):
            raise type_error(f"Getter must be a function: {to_display_string(g)}")
        d.get = g
    if obj.has_property("set"):
        s = obj.get("set")
        if s is not UNDEFINED and not is_callable(s):
            raise type_error(f"Setter must be a function: {to_display_string(s)}")
        d.set = s
    if (d.get is not ABSENT or d.set is not ABSENT) and (d.value is not ABSENT or d.writable is not ABSENT):
        raise type_error("Invalid property descriptor. Cannot both specify accessors and a value or "
                         "writable attribute, #<Object>")
    return d


def from_property_descriptor(p):
    """FromPropertyDescriptor for a stored property (bare value or Prop) or a Desc."""
    if p is MISSING:
        return UNDEFINED
    d = p if type(p) is Desc else Desc.from_prop(p)
    o = JSObject(A.realm.ObjectPrototype)
    if d.value is not ABSENT:
        o.props["value"] = d.value
    if d.writable is not ABSENT:
        o.props["writable"] = d.writable
    if d.get is not ABSENT:
        o.props["get"] = d.get
    if d.set is not ABSENT:
        o.props["set"] = d.set
    if d.enumerable is not ABSENT:
        o.props["enumerable"] = d.enumerable
    if d.configurable is not ABSENT:
        o.props["configurable"] = d.configurable
    return o


def complete_desc(d: Desc) -> Desc:
    if d.is_generic() or d.is_data():
        if d.value is ABSENT:
            d.value = UNDEFINED
        if d.writable is ABSENT:
            d.writable = False
    else:
        if d.get is ABSENT:
            d.get = UNDEFINED
        if d.set is ABSENT:
            d.set = UNDEFINED
    if d.enumerable is ABSENT:
        d.enumerable = False
    if d.configurable is ABSENT:
        d.configurable = False
    return d


def prop_enumerable(p) -> bool:
    return type(p) is not Prop or bool(p.flags & E)


def prop_value(p):
    return p.value if type(p) is Prop else p


def own_enumerable_string_keys(o) -> list:
    """Keys for Object.keys / for-in on one object (EnumerableOwnPropertyNames, key kind)."""
    if type(o) is JSObject:
        from .objects import ordered_keys

        return [k for k in ordered_keys(o.props) if type(k) is str and prop_enumerable(o.props[k])]
    out = []
    for k in o.own_keys():
        if type(k) is str:
            p = o.get_own_property(k)
            if p is not MISSING and prop_enumerable(p):
                out.append(k)
    return out


# -- 7.4 Iterators ------------------------------------------------------------------------------------


class IteratorRecord:
    __slots__ = ("iterator", "next_method", "done", "fast")

    def __init__(self, iterator, next_method, fast=None) -> None:
        self.iterator = iterator
        self.next_method = next_method
        self.done = False
        self.fast = fast


def get_iterator(v, method=None) -> IteratorRecord:
    """GetIterator (7.4.1), sync."""
    if method is None:
        method = get_method(v, SYM.iterator)
        if method is UNDEFINED:
            raise type_error(f"{value_desc_iter(v)} is not iterable")
    it = call(method, v, [])
    if not isinstance(it, JSObject):
        raise type_error("Result of the Symbol.iterator method is not an object")
    return IteratorRecord(it, it.get("next"))


def value_desc_iter(v) -> str:
    if isinstance(v, JSObject):
        return "object" if not v.is_callable else "function"
    if type(v) is str:
        return f'"{v}"'
    return to_display_string(v)


def iterator_step(rec: IteratorRecord):
    """IteratorStep + IteratorValue: the next value, or MISSING when done. An abrupt completion
    of either marks the record done (the iterator is then not closed)."""
    try:
        r = call(rec.next_method, rec.iterator, [])
        if not isinstance(r, JSObject):
            raise type_error(f"Iterator result {to_display_string(r)} is not an object")
        if to_boolean(r.get("done")):
            rec.done = True
            return MISSING
        return r.get("value")
    except JSThrow:
        rec.done = True
        raise


def iterator_close(rec: IteratorRecord, exc: BaseException | None = None):
    """IteratorClose (7.4.6). With ``exc`` (a throw completion) the original exception wins."""
    it = rec.iterator
    try:
        ret = get_method(it, "return")
        if ret is UNDEFINED:
            return
        r = call(ret, it, [])
    except JSThrow:
        if exc is not None:
            return
        raise
    if exc is None and not isinstance(r, JSObject):
        raise type_error("iterator.return() did not return an object")


def iterate_to_list(v, method=None) -> list:
    """IterableToList (7.4.11), with a fast path for untouched arrays."""
    if isinstance(v, JSArray) and method is None and array_iteration_is_pristine(v):
        arr = v.arr
        if HOLE_ not in arr:  # a hole reads through the prototype chain: take the slow path
            return list(arr)
    rec = get_iterator(v, method)
    out = []
    while True:
        A.ticks -= 1
        if A.ticks < 0:
            A.tick()
        x = iterator_step(rec)
        if x is MISSING:
            return out
        out.append(x)


from .values import HOLE as HOLE_  # noqa: E402


def array_iteration_is_pristine(a) -> bool:
    """True when iterating ``a`` cannot run user code: dense, Array.prototype's iterator untouched."""
    if a.arr is None:
        return False
    realm = A.realm
    if a.proto is not realm.ArrayPrototype or SYM.iterator in a.props:
        return False
    f = realm.ArrayPrototype.props.get(SYM.iterator)
    if (f.value if type(f) is Prop else f) is not realm.ArrayValues:  # builtin methods are stored as Prop
        return False
    f = realm.ArrayIteratorPrototype.props.get("next")
    return (f.value if type(f) is Prop else f) is realm.ArrayIteratorNext


def create_iter_result(value, done: bool):
    o = JSObject(A.realm.ObjectPrototype)
    o.props["value"] = value
    o.props["done"] = done
    return o


def flags_of(p) -> int:
    return DEFAULT if type(p) is not Prop else p.flags


__all__ = [n for n in dir() if not n.startswith("_")] + ["ACC", "C", "E", "W"]
