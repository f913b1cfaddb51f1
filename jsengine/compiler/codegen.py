"""Code generation: every AST node becomes a Python closure ``f(env)`` (compile once, run many).

Expressions return their value. Statements return None for a normal completion, or a ``Completion``
for break/continue (preallocated per target, compared by identity) and return. JS ``throw`` is the
Python exception ``JSThrow``. Closures that can fail carry a ``_pos`` free variable (line, column) so a
JS stack trace can be read off the Python frames (see stack.py) at no run-time cost.
"""

from __future__ import annotations

import math

from ..budget import AGENT as A
from ..errors import JSThrow, reference_error, type_error
from ..objects import (ACC, C, DEFAULT, EPOCH, METHOD_CACHES, MISSING, PMISS, E, W, Desc, JSArray, JSFunction, JSObject, Prop,
                       HOLE, CtorDict, WatchedDict)
from .. import ops
from ..ops import (call, get_v, instance_of, js_div, js_mod, js_mul, js_pow, js_sub, less_than,
                   loose_equals, num, strict_equals, to_boolean, to_numeric, to_object,
                   to_primitive, to_property_key, to_string, typeof)
from ..values import MAX_SAFE, MIN_SAFE, SYM, UNDEFINED, UNINIT, JSBigInt, JSSymbol, to_utf16
from . import runtime as rt
from .runtime import BREAK, CONTINUE, RETURN, Completion, FunctionCode, JSCompiledFunction
from .fused import (binop_function, boundary_lines, fusible, fused, fused_do_while, fused_for, fused_nullish,
                    inline_call, inline_getter,
                    inline_construct, specialize, straight_body, this_assigns, field_init)
from .genmode import GenMixin
from .scope import LEXICAL, EarlyError, Ref, Scope, pattern_names

SHORT = object()  # optional-chain short circuit marker
NAN = float("nan")
HAS_INSTANCE = SYM.hasInstance


_CALL_IDENT_BODY = """
INLINE
if type(f) is BuiltinFunction and f.realm is A.realm:
    return f.fn(UNDEFINED, [ARGS])
if isinstance(f, JSObject) and f.is_callable:
    return f.call(UNDEFINED, [ARGS])
raise type_error(f"{callee_text} is not a function")
"""

_CALL_METHOD_BODY = """
if type(o) is JSObject:
    if key not in o.props:  # up the prototype chain: the method this site found for o's prototype, if kept
        f = _ic.get(o.proto, MISSING)
        if f is MISSING:
            f = method_lookup(o, key, _ic)
    else:
        f = o.props[key]
        if type(f) is Prop:
            f = f.value if not f.flags & ACC else o.get(key, o)
elif type(o) is str:  # "s".m(): String.prototype of the running realm, data property as it is
    f = A.realm.StringPrototype.props.get(key, MISSING)
    if type(f) is Prop and not f.flags & ACC:
        f = f.value
    elif f is MISSING or type(f) is Prop:
        f = member_get(o, key)
else:
    f = member_get(o, key)
FETCH_ARGS
INLINE
if type(f) is BuiltinFunction and f.realm is A.realm:  # BuiltinFunction.call without its frame
    return f.fn(o, [ARGS])
if isinstance(f, JSObject) and f.is_callable:
    return f.call(o, [ARGS])
raise type_error(f"{callee_text} is not a function")
"""


# a[k] op= y: the old value is read before y is evaluated (13.15.2)
_COMPOUND_MEMBER_BODY = """
if type(k) is int and type(o) is JSArray and k >= 0:
    arr = o.arr
    if arr is not None and k < len(arr):
        x = arr[k]
        if x is not HOLE:
            @fetch y
            r = _op(x, y)
            arr = o.arr
            if arr is not None and k < len(arr) and arr[k] is not HOLE:
                arr[k] = r
            else:
                index_set(o, k, r, strict)
            return r
if type(o) is JSObject and type(k) is str:  # an own data property with the default attributes
    x = o.props.get(k, PMISS)
    if type(x) is not Prop:
        @fetch y
        r = _op(x, y)
        props = o.props
        if type(props.get(k, PMISS)) is not Prop:  # still there after y: [[Set]] just stores
            props[k] = r
            return r
        member_set(o, k, r, strict)
        return r
if o is None or o is UNDEFINED:
    raise nullish_base_error(o, k)
k = to_key_fast(k)
x = member_get(o, k)
@fetch y
r = _op(x, y)
member_set(o, k, r, strict)
return r
"""

_NEW_BODY = """
INLINE
if isinstance(c, JSObject) and c.is_constructor:
    return c.construct([ARGS], c)
raise type_error(f"{text} is not a constructor")
"""

_LOGICAL = {
    "&&": ("land", "@fetch a\nif a is True or (a is not False and to_boolean(a)):\n    @fetch b\n    return b\nreturn a"),
    "||": ("lor", "@fetch a\nif a is True or (a is not False and to_boolean(a)):\n    return a\n@fetch b\nreturn b"),
    "??": ("nullish", "@fetch a\nif a is None or a is UNDEFINED:\n    @fetch b\n    return b\nreturn a"),
}

# x instanceof C: a site keeps its answers for one class and the prototypes of the objects it saw
# while EPOCH[1] is unchanged (instance_of_at says when)
_INSTANCEOF_BODY = """
if type(x) is JSObject and _ic[0] == EPOCH[1] and _ic[1] is y:
    _v = _ic[2].get(x.proto, MISSING)
    if _v is not MISSING:
        return _v
return instance_of_at(x, y, _ic)
"""

# o.key: an own data property inline (of any object: see fused._MEMBER_FETCH), anything else up the
# prototype chain by member_get_at
_MEMBER_BODY = """
try:
    v = o.props.get(key, PMISS)
except AttributeError:  # a primitive
    return member_get_at(o, key, _pos)
if type(v) is not Prop:
    return v
if not v.flags & ACC:
    return v.value
return member_get_at(o, key, _pos)
"""

_MEMBER_LENGTH_BODY = """
if type(o) is str:
    return len(o)
if type(o) is JSArray and o.arr is not None:
    return len(o.arr)
return member_get(o, key)
"""

_INDEX_BODY = """
if type(k) is int and type(o) is JSArray:
    arr = o.arr
    if arr is not None and 0 <= k < len(arr):
        v = arr[k]
        if v is not HOLE:
            return v
return index_get(o, k)
"""

_ASSIGN_PROP_BODY = """
if type(o) is JSObject:
    props = o.props
    cur = props.get(key, PMISS)
    if type(cur) is not Prop:
        props[key] = v
        return v
    if cur is PMISS and o.extensible:  # a new property: fine unless the chain has the key (a setter, read-only)
        p = o.proto
        while p is not None and p.ordinary_get:
            if key in p.props:
                break
            p = p.proto
        else:
            if p is None:
                props[key] = v
                return v
member_set(o, key, v, strict)
return v
"""

# o.k++ / --o.k on a plain object's own number
_UPDATE_MEMBER_BODY = """
if type(o) is JSObject:
    props = o.props
    x = props.get(key, MISSING)
    if type(x) is int and MIN_SAFE < x < MAX_SAFE:
        props[key] = x + DELTA
        return RESULT
if type(key) is not str:
    key = to_property_key(key)
old, new = _inc_slow(member_get(o, key), DELTA)
member_set(o, key, new, strict)
return NEW_OR_OLD
"""

# PutValue: the value is evaluated before the base check and the key conversion
_ASSIGN_INDEX_BODY = """
if type(k) is not int:
    if o is None or o is UNDEFINED:
        raise nullish_base_error(o, k, "set", "setting")
    k = to_key_fast(k)
if type(k) is int and type(o) is JSArray and k >= 0:
    arr = o.arr
    if arr is not None and k < len(arr) and arr[k] is not HOLE:
        arr[k] = v
        return v
index_set(o, k, v, strict)
return v
"""


class Target:
    """A break/continue target (loop, switch or labelled statement)."""

    __slots__ = ("labels", "brk", "cont", "is_loop", "is_switch")

    def __init__(self, labels, is_loop: bool, is_switch: bool = False) -> None:
        self.labels = labels
        self.is_loop = is_loop
        self.is_switch = is_switch
        self.brk = Completion(BREAK)
        self.cont = Completion(CONTINUE) if is_loop else None


def _no_op(env):
    return None


def _truthy(f):
    """A closure returning ToBoolean of ``f``'s value as a Python bool."""
    def tb(env):
        v = f(env)
        if v is True:
            return True
        if v is False:
            return False
        return to_boolean(v)
    return tb


def run_list(fs: list):
    """Sequence statement closures."""
    n = len(fs)
    if n == 0:
        return lambda env: None
    if n == 1:
        return fs[0]
    if n == 2:
        a, b = fs

        def seq2(env):
            r = a(env)
            if r is not None:
                return r
            return b(env)
        return seq2
    if n == 3:
        a, b, c = fs

        def seq3(env):
            r = a(env)
            if r is not None:
                return r
            r = b(env)
            if r is not None:
                return r
            return c(env)
        return seq3
    fs = tuple(fs)

    def seqn(env):
        for f in fs:
            r = f(env)
            if r is not None:
                return r
        return None
    return seqn


def slow_add(a, b):
    """The + operator on non-fast-path operands (13.15.3 ApplyStringOrNumericBinaryOperator)."""
    a = to_primitive(a)
    b = to_primitive(b)
    if type(a) is str or type(b) is str:
        sa = a if type(a) is str else to_string(a)
        sb = b if type(b) is str else to_string(b)
        n = len(sa) + len(sb)
        if n > 100_000:
            if n >= 2**29 - 24:
                raise JSThrow(kind="RangeError", msg="Invalid string length")
            A.alloc(n * (1 if sa.isascii() and sb.isascii() else 2))
        return sa + sb
    a = to_numeric(a)
    b = to_numeric(b)
    if type(a) is JSBigInt or type(b) is JSBigInt:
        if type(a) is not type(b):
            raise type_error("Cannot mix BigInt and other types, use explicit conversions")
        return JSBigInt(a.value + b.value)
    r = a + b
    if type(r) is int and not MIN_SAFE <= r <= MAX_SAFE:
        return float(r)
    return r


def str_concat(a: str, b: str) -> str:
    n = len(a) + len(b)
    if n >= 2**29 - 24:
        raise JSThrow(kind="RangeError", msg="Invalid string length")
    A.alloc(n * (1 if a.isascii() and b.isascii() else 2))
    return a + b


def _bigint_binop(op: str, a, b):
    if type(a) is not JSBigInt or type(b) is not JSBigInt:
        raise type_error("Cannot mix BigInt and other types, use explicit conversions")
    x, y = a.value, b.value
    if op == "-":
        return JSBigInt(x - y)
    if op == "*":
        return JSBigInt(x * y)
    if op == "/":
        if y == 0:
            raise JSThrow(kind="RangeError", msg="Division by zero")
        q = abs(x) // abs(y)
        return JSBigInt(q if (x >= 0) == (y >= 0) else -q)
    if op == "%":
        if y == 0:
            raise JSThrow(kind="RangeError", msg="Division by zero")
        r = abs(x) % abs(y)
        return JSBigInt(r if x >= 0 else -r)
    if op == "**":
        if y < 0:
            raise JSThrow(kind="RangeError", msg="Exponent must be non-negative")
        if y > 10_000_000 or (abs(x) > 1 and y * max(1, x.bit_length()) > 2**24):
            raise JSThrow(kind="RangeError", msg="Maximum BigInt size exceeded")
        return JSBigInt(x**y)
    if op == "&":
        return JSBigInt(x & y)
    if op == "|":
        return JSBigInt(x | y)
    if op == "^":
        return JSBigInt(x ^ y)
    if op == "<<":
        if y > 2**24:
            raise JSThrow(kind="RangeError", msg="Maximum BigInt size exceeded")
        return JSBigInt(x << y if y >= 0 else x >> -y)
    if op == ">>":
        if -y > 2**24:
            raise JSThrow(kind="RangeError", msg="Maximum BigInt size exceeded")
        return JSBigInt(x >> y if y >= 0 else x << -y)
    if op == ">>>":
        raise type_error("BigInts have no unsigned right shift, use >> instead")
    raise type_error("bad BigInt operator")


def numeric_binop(op: str, a, b):
    """Arithmetic/bitwise operators after ToNumeric (13.15.3)."""
    a = to_numeric(a)
    b = to_numeric(b)
    if type(a) is JSBigInt or type(b) is JSBigInt:
        return _bigint_binop(op, a, b)
    if op == "-":
        return js_sub(a, b)
    if op == "*":
        return js_mul(a, b)
    if op == "/":
        return js_div(a, b)
    if op == "%":
        return js_mod(a, b)
    if op == "**":
        return js_pow(a, b)
    x = ops.to_int32(a)
    if op == "&":
        return x & ops.to_int32(b)
    if op == "|":
        return x | ops.to_int32(b)
    if op == "^":
        return x ^ ops.to_int32(b)
    if op == "<<":
        return ops.to_int32((x << (ops.to_uint32(b) & 31)) & 0xFFFFFFFF)
    if op == ">>":
        return x >> (ops.to_uint32(b) & 31)
    if op == ">>>":
        return ops.to_uint32(a) >> (ops.to_uint32(b) & 31)
    raise AssertionError(op)


def apply_binop(op: str, a, b):
    if op == "+":
        if type(a) is int and type(b) is int:
            return num(a + b)
        if type(a) is str and type(b) is str:
            return a + b if len(a) + len(b) < 100_000 else str_concat(a, b)
        return slow_add(a, b)
    return numeric_binop(op, a, b)


def instance_of_at(x, y, ic: list):
    """x instanceof y. For a class or function y whose @@hasInstance is the running realm's intrinsic
    (found on Function.prototype, where it is non-writable and non-configurable), OrdinaryHasInstance
    inline, walking x's prototype chain by [[GetPrototypeOf]] (13.10.2, 7.3.21). ``ic`` = [epoch,
    class, {prototype of x: answer}] is the site's memory: when y and the constructors it inherits
    from are classes (objects.CtorDict) and x's prototypes up to the answer are watched
    (objects.WatchedDict), nothing that decides the answer changes before EPOCH[1] moves on; at most
    8 prototypes per site."""
    if type(y) is JSCompiledFunction and type(x) is JSObject:
        p = y
        keep = True
        while p is not None and p.ordinary_get and HAS_INSTANCE not in p.props:
            if type(p.props) is not CtorDict:
                keep = False
            p = p.proto
        if p is A.realm.FunctionPrototype:
            pr = y.props.get("prototype", MISSING)
            if type(pr) is Prop:
                pr = pr.value if not pr.flags & ACC else MISSING
            if isinstance(pr, JSObject):
                first = o = x.proto
                r = False
                while o is not None:
                    if o is pr:
                        r = True
                        break
                    if type(o.props) is not WatchedDict:
                        keep = False
                    o = o.proto if o.ordinary_get else o.get_prototype_of()
                if keep:
                    epoch = EPOCH[1]
                    if ic[0] != epoch or ic[1] is not y:
                        ic[0], ic[1] = epoch, y
                        ic[2].clear()
                    if len(ic[2]) < 8:
                        ic[2][first] = r
                return r
    return instance_of(x, y)


# What o.key finds on o's prototypes, for o without an own key: {(prototype, key): value}, the value
# a plain one, or an accessor's Prop. Kept when every prototype on the way is watched
# (objects.WatchedDict), until the prototype epoch moves on, which empties it (METHOD_CACHES).
_INHERITED: dict = {}


def inherited(o, key):
    """What o.key (``o`` ordinary, without an own ``key``) finds up its chain of ordinary
    prototypes: a data property's value (undefined at the chain's end) or an accessor's Prop; MISSING
    when a prototype is exotic (a proxy: member_get decides). Remembered in _INHERITED."""
    p = first = o.proto
    watched = True
    while p is not None:
        if not p.ordinary_get:
            return MISSING
        props = p.props
        if type(props) is not WatchedDict:
            watched = False
        v = props.get(key, MISSING)
        if v is not MISSING:
            if type(v) is Prop and not v.flags & ACC:
                v = v.value
            break
        p = p.proto
    else:
        v = UNDEFINED
    if watched:
        if not _INHERITED:
            METHOD_CACHES.append(_INHERITED)
        elif len(_INHERITED) >= 512:
            _INHERITED.clear()
        _INHERITED[(first, key)] = v
    return v


def method_lookup(o, key, ic: dict):
    """o.key for a method call when ``o`` (an ordinary object) has no own ``key``: what its chain of
    prototypes has (inherited), else by [[Get]]. ``ic`` = {prototype: method} is the call site's
    memory: a data property found through prototypes that are all watched (inherited kept it) is
    kept for o's prototype until the prototype epoch moves on, which empties every such memory
    (objects.METHOD_CACHES); at most 8 prototypes per site."""
    first = o.proto
    f = _INHERITED.get((first, key), MISSING)
    if f is MISSING:
        f = inherited(o, key)
    if f is MISSING or type(f) is Prop:  # an exotic prototype, or an accessor
        return o.get(key, o)
    if len(ic) < 8 and (first, key) in _INHERITED:
        if not ic:
            METHOD_CACHES.append(ic)
        ic[first] = f
    return f


def member_get(o, key):
    """o[key] for any base value (key already a property key)."""
    if isinstance(o, JSObject):
        return o.get(key, o)
    if o is None or o is UNDEFINED:
        raise type_error(f"Cannot read properties of {'null' if o is None else 'undefined'} "
                         f"(reading '{ops.key_display(key)}')")
    return get_v(o, key)


# The slow path of an o.key read inlined in another closure (fused._MEMBER_FETCH): what the chain of
# ordinary prototypes has (inherited), else member_get. ``_pos`` (the property's line and column)
# places its errors in stack traces (stack.py reads it here). An inherited getter that is a plain
# compiled function of the running realm runs in the frame protocol of the call sites
# (fused.inline_getter), so it is made from source like them.
_MEMBER_GET_AT = f"""
def member_get_at(o, key, _pos):
    if type(o) is JSObject and key not in o.props:
        v = _INHERITED.get((o.proto, key), MISSING)
        if v is MISSING:
            v = inherited(o, key)
            if v is MISSING:
                return member_get(o, key)
        if type(v) is not Prop:
            return v
        _g = v.getter
        if type(_g) is JSCompiledFunction and _g.realm is A.realm:
            _fc = _g.code
            if _fc.leaf_n == 0:  # a leaf: no depth, no step (fused.inline_call)
                _r = _fc.body([_g.env, _fc.scope, o, *_fc.mtail])  # @boundary
                return _r
            if _fc.call_n == 0:
{inline_getter("                ")}
                return _r
        return UNDEFINED if _g is UNDEFINED else _g.call(o, [])
    return member_get(o, key)
"""
exec(compile(_MEMBER_GET_AT, "<member_get_at>", "exec"))  # noqa: S102 - defines member_get_at here
MEMBER_GET_AT_BOUNDARY = boundary_lines(_MEMBER_GET_AT)  # its line running the getter (stack.py)


def tdz_error_at(name: str, _pos):
    """Throws the ReferenceError for reading ``name`` in its TDZ from a slot read inline (fused "t"
    shape); ``_pos`` places it in stack traces."""
    raise reference_error(f"Cannot access '{name}' before initialization")


def member_set_at(o, key, value, strict: bool, _pos) -> None:
    """member_set for an assignment inlined in another closure (fused.this_assigns); ``_pos`` places
    its errors in stack traces."""
    member_set(o, key, value, strict)


def neg_slow(v):
    """Unary minus of anything but an int or a float (13.5.5)."""
    v = to_numeric(v)
    if type(v) is JSBigInt:
        return JSBigInt(-v.value)
    return ops.js_neg(v)


def update_member_at(o, key, delta: int, strict: bool, _pos) -> None:
    """``o.key++`` / ``o.key--`` as a statement off its fast path (fused._UPDATE_PROP); ``_pos``
    places its errors in stack traces."""
    member_set(o, key, _inc_slow(member_get(o, key), delta)[1], strict)


def member_set(o, key, value, strict: bool) -> None:
    if isinstance(o, JSObject):
        if not o.set(key, value, o) and strict:
            raise ops.set_failure(o, key)
        return
    if o is None or o is UNDEFINED:
        raise type_error(f"Cannot set properties of {'null' if o is None else 'undefined'} "
                         f"(setting '{ops.key_display(key)}')")
    # primitive base: look up a setter on the prototype chain
    proto = ops.proto_of_primitive(o)
    ok = proto.set(key, value, o) if proto is not None else False
    if not ok and strict:
        raise type_error(f"Cannot create property '{ops.key_display(key)}' on {typeof(o)} '{to_string(o)}'")


def safe_key_display(k) -> str:
    """A key for an error message, without running user code."""
    t = type(k)
    if t is str:
        return k
    if t is int or t is float:
        return ops.number_to_string(k)
    if t is JSSymbol:
        return k.descriptive_string()
    if isinstance(k, JSObject):
        return "[object Object]" if not isinstance(k, JSArray) else ""
    return ops.to_display_string(k)


def nullish_base_error(o, k, verb: str = "read", gerund: str = "reading"):
    return type_error(f"Cannot {verb} properties of {'null' if o is None else 'undefined'} "
                      f"({gerund} '{safe_key_display(k)}')")


def to_key_fast(k):
    t = type(k)
    if t is str:
        return k
    if t is int:
        return str(k)
    return to_property_key(k)


def index_get(o, k):
    """o[k] with the array/string fast paths."""
    if type(k) is int:
        t = type(o)
        if t is JSArray:
            arr = o.arr
            if arr is not None and 0 <= k < len(arr):
                v = arr[k]
                if v is not HOLE:
                    return v
            return o.get(str(k), o)
        if t is str:
            if 0 <= k < len(o):
                return o[k]
        elif t is JSObject:
            return o.get(str(k), o)
        return member_get(o, str(k))
    if type(k) is float and k.is_integer() and k >= 0 and type(o) is JSArray:
        return index_get(o, int(k))
    if o is None or o is UNDEFINED:
        raise nullish_base_error(o, k)
    return member_get(o, to_key_fast(k))


def index_get_at(o, k, _pos):
    """index_get for an o[k] read inlined in another closure (fused._INDEX_FETCH); ``_pos`` places
    its errors in stack traces."""
    return index_get(o, k)


def index_set(o, k, v, strict: bool) -> None:
    if type(k) is int and type(o) is JSArray and k >= 0:
        arr = o.arr
        if arr is not None and k < len(arr) and arr[k] is not HOLE:
            arr[k] = v
            return
        if o.set_index_fast(k, v):
            return
    elif type(k) is float and k.is_integer() and k >= 0 and type(o) is JSArray:
        return index_set(o, int(k), v, strict)
    if o is None or o is UNDEFINED:
        raise nullish_base_error(o, k, "set", "setting")
    member_set(o, to_key_fast(k), v, strict)


def set_function_name(f, name, prefix: str | None = None) -> None:
    """SetFunctionName (10.2.9) on a freshly made function/class."""
    code = getattr(f, "code", None)
    if code is not None and code.static_name:
        return
    if type(name) is JSSymbol:
        name = "" if name.description is None else f"[{name.description}]"
    if prefix:
        name = f"{prefix} {name}"
    f.props["name"] = Prop(name, C)


def has_own_name(f) -> bool:
    p = f.props.get("name", MISSING)
    if p is MISSING:
        return False
    return True


def copy_data_properties(target, source, excluded: set) -> None:
    """CopyDataProperties (7.3.25)."""
    if source is None or source is UNDEFINED:
        return
    src = to_object(source)
    if type(src) is JSObject:
        from ..objects import ordered_keys

        props = src.props
        for k in ordered_keys(props):
            if k in excluded:
                continue
            p = props.get(k, MISSING)
            if p is MISSING:
                continue
            if type(p) is Prop:
                if not p.flags & E:
                    continue
                v = src.get(k, src)
            else:
                v = p
            ops.create_data_property(target, k, v)
        return
    for k in src.own_keys():
        if k in excluded:
            continue
        p = src.get_own_property(k)
        if p is not MISSING and ops.prop_enumerable(p):
            ops.create_data_property(target, k, src.get(k, src))


class Compiler(GenMixin):
    """Turns resolved ESTree nodes into closures."""

    def __init__(self, source: str, filename: str) -> None:
        self.source = source
        self.filename = filename
        self.referrer = filename  # the script or module import() resolves against
        self.lazy = False  # defer function bodies until first call (trusted code only)
        self.scope: Scope | None = None
        self.targets: list[Target] = []
        self.pending_labels: list = []
        self.cv_ref = None  # completion-value slot (script/eval code): (hops-free) accessor pair
        self.fn_code: FunctionCode | None = None
        # > 0 while compiling code that runs JS code between a `return` and the function's exit
        # (a try with finally, a for-of body: iterator close); see s_ReturnStatement
        self.ret_guard = 0
        # where the value of the expression being compiled goes, when it is not returned (fused.py
        # sinks): set by expr_into for one node, taken by the method that compiles that node
        self.sink = None
        self.sink_applied = False

    # -- helpers --------------------------------------------------------------------------------------
    def pos(self, node) -> tuple:
        return (node._line, node._column + 1)

    def op_pos(self, node) -> tuple:
        """Where the operator of a binary or assignment expression is (V8 places its errors there):
        after the left side, its closing parentheses, white space and comments."""
        src, i = self.source, node.left._end
        n = len(src)
        while i < n:
            c = src[i]
            if c in " \t\r\n\u2028\u2029\v\f\xa0\ufeff)":
                i += 1
            elif src.startswith("/*", i):
                end = src.find("*/", i + 2)
                i = n if end < 0 else end + 2
            elif src.startswith("//", i):
                while i < n and src[i] not in "\n\r\u2028\u2029":
                    i += 1
            else:
                break
        if not src.startswith(node.operator, i):
            return self.pos(node)
        return node._line + src.count("\n", node._start, i), i - (src.rfind("\n", 0, i) + 1) + 1

    def text(self, node) -> str:
        return self.source[node._start:node._end]

    def callee_text(self, call) -> str:
        """The callee's source text for "x is not a function" (with its parentheses, as V8 prints)."""
        t = self.source[call._start:call.callee._end]
        opens = t.count("(") - t.count(")")
        if t.startswith("(") and opens > 0:
            t += ")" * opens
        return t

    def err(self, msg: str, node):
        return EarlyError(msg, node)

    @property
    def strict(self) -> bool:
        return self.scope.strict

    def hops_to(self, target_env_scope: Scope) -> int:
        s = self.scope
        h = 0
        while s is not target_env_scope:
            if s.has_env:
                h += 1
            s = s.parent
        return h

    def with_scope(self, s: Scope | None):
        """Context manager switching the current scope (when the node has one)."""
        comp = self

        class _Ctx:
            def __enter__(self_inner):
                self_inner.saved = comp.scope
                if s is not None:
                    comp.scope = s

            def __exit__(self_inner, *exc):
                comp.scope = self_inner.saved
        return _Ctx()

    # -- variable access ------------------------------------------------------------------------------
    def env_getter(self, hops: int, idx: int, tdz: bool, name: str):
        if hops == 0:
            if tdz:
                def get0t(env):
                    v = env[idx]
                    if v is UNINIT:
                        raise reference_error(f"Cannot access '{name}' before initialization")
                    return v
                return get0t
            return lambda env: env[idx]
        if hops == 1:
            if tdz:
                def get1t(env):
                    v = env[0][idx]
                    if v is UNINIT:
                        raise reference_error(f"Cannot access '{name}' before initialization")
                    return v
                return get1t
            return lambda env: env[0][idx]
        if hops == 2:
            if tdz:
                def get2t(env):
                    v = env[0][0][idx]
                    if v is UNINIT:
                        raise reference_error(f"Cannot access '{name}' before initialization")
                    return v
                return get2t
            return lambda env: env[0][0][idx]

        def getn(env):
            for _ in range(hops):
                env = env[0]
            v = env[idx]
            if tdz and v is UNINIT:
                raise reference_error(f"Cannot access '{name}' before initialization")
            return v
        return getn

    def env_of(self, hops: int):
        """A closure returning the env list ``hops`` levels up."""
        if hops == 0:
            return lambda env: env
        if hops == 1:
            return lambda env: env[0]
        if hops == 2:
            return lambda env: env[0][0]

        def up(env):
            for _ in range(hops):
                env = env[0]
            return env
        return up

    def ident_get(self, node, for_typeof: bool = False):
        ref: Ref = node.ref
        name = node.name
        _pos = self.pos(node)
        if ref.dynamic:
            if for_typeof:
                return lambda env: rt.dyn_typeof_get(env, name)

            strict = self.strict

            def dyn(env):
                if False:
                    _pos  # noqa: B018
                return rt.dyn_get(env, name, strict)
            return dyn
        b = ref.binding
        if b is None:
            if name == "undefined":
                def undef(env):
                    v = A.realm.gprops.get("undefined", MISSING)
                    if type(v) is Prop:
                        return v.value
                    return rt.global_get(name)
                return undef
            if for_typeof:
                return lambda env: rt.global_typeof_get(name)

            def gget(env):
                if False:
                    _pos  # noqa: B018
                realm = A.realm
                v = realm.global_lex.get(name, MISSING)
                if v is MISSING:
                    v = realm.gprops.get(name, MISSING)
                    if type(v) is Prop:
                        if v.flags & ACC or not realm.global_obj.ordinary_get:
                            return rt.global_get(name)
                        return v.value
                    if v is MISSING:
                        return rt.global_get(name)
                    return v
                if v is UNINIT:
                    raise reference_error(f"Cannot access '{name}' before initialization")
                return v
            return gget
        if b.kind == "import":
            up = self.env_of(ref.hops())
            idx = b.index

            def get_import(env):
                cell = up(env)[idx]
                v = cell[0][cell[1]]
                if v is UNINIT:
                    raise reference_error(f"Cannot access '{name}' before initialization")
                return v
            return get_import
        return self.env_getter(ref.hops(), b.index, ref.tdz, name)

    def ident_set(self, node, init: bool = False):
        """A closure ``set(env, value)`` for assigning to an identifier (init: initialise a binding)."""
        ref: Ref = node.ref
        name = node.name
        strict = self.strict
        if ref.dynamic:
            return lambda env, v: rt.dyn_set(env, name, v, strict, init)
        b = ref.binding
        if b is None:
            if init:
                def ginit(env, v):
                    realm = A.realm
                    if name in realm.global_lex:
                        realm.global_lex[name] = v
                    else:
                        rt.global_set(name, v, False)
                return ginit
            return lambda env, v: rt.global_set(name, v, strict)
        hops = ref.hops()
        idx = b.index
        if not init:
            if b.is_const:
                if b.kind == "callee":
                    if strict:
                        def callee_set(env, v):
                            raise type_error("Assignment to constant variable.")
                        return callee_set
                    return lambda env, v: None
                get = self.env_getter(hops, idx, ref.tdz, name)

                def const_set(env, v):
                    get(env)  # TDZ check first
                    raise type_error("Assignment to constant variable.")
                return const_set
            if ref.tdz:
                up = self.env_of(hops)

                def tdz_set(env, v):
                    e = up(env)
                    if e[idx] is UNINIT:
                        raise reference_error(f"Cannot access '{name}' before initialization")
                    e[idx] = v
                return tdz_set
        if hops == 0:
            def set0(env, v):
                env[idx] = v
            return set0
        if hops == 1:
            def set1(env, v):
                env[0][idx] = v
            return set1
        up = self.env_of(hops)

        def setn(env, v):
            up(env)[idx] = v
        return setn

    def special_get(self, node, name: str):
        """this / new.target / home object / active function."""
        ref = node.srefs[name]
        if ref.binding is None:
            if name == "%this":
                if ref.dynamic:
                    def dthis(env):
                        r = rt.dyn_find(env, "%this")
                        if r is None:
                            return A.realm.global_this
                        c, k = r
                        v = c[k]
                        if v is UNINIT:
                            raise reference_error("Must call super constructor in derived class before "
                                                  "accessing 'this' or returning from derived constructor")
                        return v
                    return dthis
                return lambda env: A.realm.global_this
            if ref.dynamic:
                def dspecial(env):
                    r = rt.dyn_find(env, name)
                    return UNDEFINED if r is None else r[0][r[1]]
                return dspecial
            return lambda env: UNDEFINED
        b = ref.binding
        saved = self.scope
        self.scope = ref.scope
        hops = self.hops_to(b.env_scope)
        self.scope = saved
        idx = b.index
        if name == "%this" and b.scope.derived:
            up = self.env_of(hops)

            def derived_this(env):
                v = up(env)[idx]
                if v is UNINIT:
                    raise reference_error("Must call super constructor in derived class before "
                                          "accessing 'this' or returning from derived constructor")
                return v
            return derived_this
        return self.env_getter(hops, idx, False, name)

    def special_setter(self, node, name: str):
        ref = node.srefs[name]
        b = ref.binding
        if b is None:
            def dset(env, v):
                r = rt.dyn_find(env, name)
                if r is not None:
                    r[0][r[1]] = v
            return dset
        saved = self.scope
        self.scope = ref.scope
        hops = self.hops_to(b.env_scope)
        self.scope = saved
        up = self.env_of(hops)
        idx = b.index

        def sset(env, v):
            up(env)[idx] = v
        return sset

    # -- expressions -----------------------------------------------------------------------------------
    def expr(self, node):
        m = getattr(self, "e_" + node.type, None)
        if m is None:
            raise self.err(f"Unsupported syntax: {node.type}", node)
        return m(node)

    def e_Identifier(self, node):
        return self.ident_get(node)

    def e_Literal(self, node):
        v = node.value
        if getattr(node, "regex", None) is not None:
            return self.regex_literal(node)
        if getattr(node, "bigint", None) is not None:
            b = JSBigInt(int(node.bigint.replace("_", ""), 0) if node.bigint[:2].lower() in ("0x", "0o", "0b")
                         else int(node.bigint.replace("_", "")))
            return lambda env: b
        if type(v) is str:
            v = to_utf16(v)
            if self.strict and _has_legacy_octal_escape(node.raw):
                raise self.err("Octal escape sequences are not allowed in strict mode.", node)
        elif type(v) is int:
            if self.strict and _is_legacy_octal_number(node.raw):
                raise self.err("Octal literals are not allowed in strict mode.", node)
            v = num(v)
        elif type(v) is float:
            if self.strict and _is_legacy_octal_number(node.raw):
                raise self.err("Decimals with leading zeros are not allowed in strict mode.", node)
            if v.is_integer() and abs(v) <= MAX_SAFE and not (v == 0 and math.copysign(1, v) < 0):
                v = int(v)
        return lambda env: v

    def regex_literal(self, node):
        pattern = to_utf16(node.regex.pattern)
        flags = node.regex.flags
        _pos = self.pos(node)
        try:
            from ..regexp import RegExpSyntaxError, compile_pattern

            try:
                compile_pattern(pattern, flags)
            except RegExpSyntaxError as e:
                raise self.err(str(e), node) from None
        except ImportError:
            pass

        def regex(env):
            if False:
                _pos  # noqa: B018
            from ..builtins.regexp import regexp_create

            return regexp_create(pattern, flags)
        return regex

    def e_ThisExpression(self, node):
        return self.special_get(node, "%this")

    def e_MetaProperty(self, node):
        if node.meta.name == "new" and node.property.name == "target":
            return self.special_get(node, "%newtarget")
        raise self.err("import.meta is only valid in modules", node)

    def e_TemplateLiteral(self, node):
        parts = []
        for i, q in enumerate(node.quasis):
            cooked = q.value.cooked
            if cooked is None:
                raise self.err("Invalid escape sequence in template", q)
            if cooked:
                parts.append(to_utf16(cooked))
            if i < len(node.expressions):
                parts.append(self.expr(node.expressions[i]))
        if all(type(p) is str for p in parts):
            s = "".join(parts)
            return lambda env: s
        parts_t = tuple(parts)

        def template(env):
            out = []
            for p in parts_t:
                if type(p) is str:
                    out.append(p)
                else:
                    v = p(env)
                    if type(v) is not str:
                        if type(v) is JSSymbol:
                            raise type_error("Cannot convert a Symbol value to a string")
                        v = to_string(v)
                    out.append(v)
            s = "".join(out)
            if len(s) > 100_000:
                A.alloc(len(s))
            return s
        return template

    def template_site(self, quasi):
        """A closure returning the template object of this site (13.2.8.4: one per site and realm)."""
        cooked = [None if q.value.cooked is None else to_utf16(q.value.cooked) for q in quasi.quasis]
        raw = [to_utf16(q.value.raw) for q in quasi.quasis]
        site_key = object()

        def site():
            realm = A.realm
            obj = realm.template_cache.get(site_key)
            if obj is None:
                obj = realm.template_cache[site_key] = make_template_object(realm, cooked, raw)
            return obj
        return site

    def e_TaggedTemplateExpression(self, node):
        quasi = node.quasi
        site = self.template_site(quasi)
        exprs = [self.expr(e) for e in quasi.expressions]
        fn_and_this = self.callee_with_this(node.tag)
        _pos = self.pos(node)

        def tagged(env):
            f, this = fn_and_this(env)
            args = [site()] + [e(env) for e in exprs]
            if not isinstance(f, JSObject) or not f.is_callable:
                raise type_error(f"{self_text} is not a function")
            return f.call(this, args)
        self_text = self.text(node.tag)
        return tagged

    def e_ArrayExpression(self, node):
        els = node.elements
        if 0 < len(els) <= 8 and all(el is not None and el.type != "SpreadElement" for el in els):
            # [a, b]: the elements read inline when they are slots, constants or simple operations
            ops_ = tuple((f"e{i}", *self.operand(el)) for i, el in enumerate(els))
            return specialize("arr_lit", f"return JSArray(A.realm.ArrayPrototype, [{', '.join(v for v, _, _ in ops_)}])",
                              ops_)
        items = []
        has_spread = False
        for el in node.elements:
            if el is None:
                items.append(None)
            elif el.type == "SpreadElement":
                has_spread = True
                items.append(("spread", self.expr(el.argument)))
            else:
                items.append(self.expr(el))
        if not has_spread and None not in items:
            fs = tuple(items)
            if not fs:
                return lambda env: JSArray(A.realm.ArrayPrototype, [])

            def arr_lit(env):
                return JSArray(A.realm.ArrayPrototype, [f(env) for f in fs])
            return arr_lit
        its = tuple(items)

        def arr_spread(env):
            out = []
            for it in its:
                if it is None:
                    out.append(HOLE)
                elif type(it) is tuple:
                    out.extend(ops.iterate_to_list(it[1](env)))
                else:
                    out.append(it(env))
            return JSArray(A.realm.ArrayPrototype, out)
        return arr_spread

    def e_ObjectExpression(self, node):
        steps = []
        simple = True
        proto_set = False
        for p in node.properties:
            if p.type == "SpreadElement":
                simple = False
                steps.append(("spread", self.expr(p.argument)))
                continue
            key_node = p.key
            if p.computed:
                simple = False
                keyf = self.expr(key_node)
                key = None
            else:
                key = self.static_key(key_node)
                keyf = None
            if p.kind == "init" and not p.method:
                if not p.computed and not p.shorthand and key == "__proto__":
                    if proto_set:
                        raise self.err("Duplicate __proto__ fields are not allowed in object literals", p)
                    proto_set = True
                    simple = False
                    steps.append(("proto", self.expr(p.value)))
                    continue
                if p.value.type in ("AssignmentPattern",):
                    raise self.err("Invalid shorthand property initializer", p)
                valf = self.expr(p.value)
                anon = is_anonymous_fn(p.value)
                if anon:
                    simple = False
                steps.append(("init", key, keyf, valf, anon))
            else:
                simple = False
                fnode = p.value
                fnode._src_start = p._start
                code_maker = self.function_maker(fnode, method=True,
                                                 kind=("get" if p.kind == "get" else "set" if p.kind == "set"
                                                       else "method"))
                if type(key) is str and not code_maker.code.name:
                    code_maker.code.name = key  # for stack traces (the name property is set when defined)
                steps.append((p.kind if p.kind in ("get", "set") else "method", key, keyf, code_maker, None))
        if simple:
            pairs = tuple((s[1], s[3]) for s in steps)

            def obj_simple(env):
                o = JSObject(A.realm.ObjectPrototype)
                props = o.props
                for k, f in pairs:
                    props[k] = f(env)
                return o
            return obj_simple
        steps_t = tuple(steps)

        def obj_lit(env):
            o = JSObject(A.realm.ObjectPrototype)
            for st in steps_t:
                kind = st[0]
                if kind == "spread":
                    copy_data_properties(o, st[1](env), set())
                    continue
                if kind == "proto":
                    v = st[1](env)
                    if v is None or isinstance(v, JSObject):
                        o.proto = v
                    continue
                key = st[1] if st[2] is None else to_property_key(st[2](env))
                if kind == "init":
                    v = st[3](env)
                    if st[4]:
                        set_function_name(v, key)
                    ops.create_data_property_or_throw(o, key, v)
                elif kind == "method":
                    f = st[3](env, o)
                    set_function_name(f, key)
                    o.define_own_property(key, Desc(value=f, writable=True, enumerable=True, configurable=True))
                else:
                    f = st[3](env, o)
                    set_function_name(f, key, kind)
                    if kind == "get":
                        o.define_own_property(key, Desc(get=f, enumerable=True, configurable=True))
                    else:
                        o.define_own_property(key, Desc(set=f, enumerable=True, configurable=True))
            return o
        return obj_lit

    def static_key(self, key_node):
        if key_node.type == "Identifier":
            return key_node.name
        if key_node.type == "Literal":
            v = key_node.value
            if type(v) is str:
                return to_utf16(v)
            if getattr(key_node, "bigint", None) is not None:
                return str(int(key_node.bigint, 0) if key_node.bigint[:2].lower() in ("0x", "0o", "0b")
                           else int(key_node.bigint))
            if type(v) in (int, float):
                return ops.to_string(num(v) if type(v) is int else (int(v) if v.is_integer() and abs(v) < 2**53 else v))
        raise self.err("Unexpected property key", key_node)

    def e_FunctionExpression(self, node):
        maker = self.function_maker(node)
        return lambda env: maker(env, None)

    def e_ArrowFunctionExpression(self, node):
        maker = self.function_maker(node)
        return lambda env: maker(env, None)

    def e_ClassExpression(self, node):
        return self.class_def(node)

    def e_SequenceExpression(self, node):
        fs = [self.expr(e) for e in node.expressions]
        last = fs[-1]
        init = tuple(fs[:-1])

        def seq(env):
            for f in init:
                f(env)
            return last(env)
        return seq

    def fused_test(self, node) -> bool:
        """Whether ``node`` is a comparison that fused_binop can compile as a branch (see fused.py)."""
        return node.type == "BinaryExpression" and node.operator in ("<", ">", "<=", ">=", "===", "!==", "==", "!=")

    def e_ConditionalExpression(self, node):
        if self.fused_test(node.test):  # k < 2 ? k : f(k): the comparison picks an operand read inline
            return self.fused_binop(node.test, ("choose", self.operand(node.consequent), self.operand(node.alternate)))
        # the test decides inside its own closure, as an if statement's does (see branch)
        return self.branch(node.test, self.expr(node.consequent), self.expr(node.alternate))

    def test_expr(self, node):
        """A closure returning a Python bool for a condition."""
        t = node.type
        if t == "BinaryExpression" and node.operator in ("<", ">", "<=", ">=", "===", "!==", "==", "!="):
            return self.fused_binop(node)
        if t == "UnaryExpression" and node.operator == "!":
            inner = self.test_expr(node.argument)
            return lambda env: not inner(env)
        return _truthy(self.expr(node))

    def e_LogicalExpression(self, node):
        # a value of a && b, a || b, a ?? b (tests of if, while, ?: are branches: see branch); the
        # operands read inline, b only when a does not decide
        name, body = _LOGICAL[node.operator]
        return specialize(name, body, (("a", *self.operand(node.left)), ("b", *self.operand(node.right))))

    def e_UnaryExpression(self, node):
        op = node.operator
        arg = node.argument
        if op == "typeof":
            if arg.type == "Identifier":
                g = self.ident_get(arg, for_typeof=True)
            else:
                g = self.expr(arg)
            return lambda env: typeof(g(env))
        if op == "delete":
            return self.delete_expr(node)
        f = self.expr(arg)
        if op == "!":
            def lnot(env):
                v = f(env)
                if v is True:
                    return False
                if v is False:
                    return True
                return not to_boolean(v)
            return lnot
        if op == "-":
            def neg(env):
                v = f(env)
                if type(v) is int:
                    return -v if v else -0.0
                if type(v) is float:
                    return -v
                return neg_slow(v)
            return neg
        if op == "+":
            def pos(env):
                v = f(env)
                if type(v) is int or type(v) is float:
                    return v
                return ops.to_number(v)
            return pos
        if op == "~":
            def bnot(env):
                v = f(env)
                if type(v) is int and -2147483648 <= v <= 2147483647:
                    return ~v
                v = to_numeric(v)
                if type(v) is JSBigInt:
                    return JSBigInt(~v.value)
                return ~ops.to_int32(v)
            return bnot
        if op == "void":
            def void(env):
                f(env)
                return UNDEFINED
            return void
        raise self.err(f"Unsupported unary operator {op}", node)

    def delete_expr(self, node):
        arg = node.argument
        strict = self.strict
        if arg.type == "ChainExpression":
            arg = arg.expression
            chain = True
        else:
            chain = False
        if arg.type == "MemberExpression":
            if arg.object.type == "Super":
                this_f = self.special_get(arg, "%this")

                def del_super(env):
                    this_f(env)
                    raise reference_error("Unsupported reference to 'super'")
                return del_super
            objf = self.expr(arg.object)
            keyf = self.expr(arg.property) if arg.computed else None
            key = None if arg.computed else arg.property.name
            optional = getattr(arg, "optional", False)
            _pos = self.pos(node)

            def delete_member(env):
                o = objf(env)
                if o is SHORT or (optional and (o is None or o is UNDEFINED)):
                    return True
                k = key if keyf is None else to_property_key(keyf(env))
                obj = to_object(o)
                ok = obj.delete(k)
                if not ok and strict:
                    raise type_error(f"Cannot delete property '{ops.key_display(k)}' of {ops.value_desc(o)}")
                return ok
            if chain:
                return delete_member
            return delete_member
        if arg.type == "Identifier":
            if strict:
                raise self.err("Delete of an unqualified identifier in strict mode.", node)
            ref = arg.ref
            name = arg.name
            if ref.dynamic:
                return lambda env: rt.dyn_delete(env, name)
            if ref.binding is None:
                return lambda env: rt.global_delete(name)
            return lambda env: False
        f = self.expr(arg)

        def delete_value(env):
            f(env)
            return True
        return delete_value

    def e_UpdateExpression(self, node):
        sink = self.take_sink()
        delta = 1 if node.operator == "++" else -1
        prefix = node.prefix
        arg = node.argument
        if arg.type == "Identifier":
            self.check_assign_target(arg)
            get = self.ident_get(arg)
            put = self.ident_set(arg)
            ref = arg.ref
            b = ref.binding
            if not ref.dynamic and b is not None and ref.hops() == 0 and not ref.tdz and not b.is_const:
                idx = b.index
                if prefix:
                    def pre_local(env):
                        v = env[idx]
                        if type(v) is int and MIN_SAFE < v < MAX_SAFE:
                            v = v + delta
                        else:
                            v = _inc_slow(v, delta)[1]
                        env[idx] = v
                        return v
                    return pre_local

                def post_local(env):
                    v = env[idx]
                    if type(v) is int and MIN_SAFE < v < MAX_SAFE:
                        env[idx] = v + delta
                        return v
                    old, new = _inc_slow(v, delta)
                    env[idx] = new
                    return old
                return post_local

            if ref.dynamic:
                name = arg.name
                strict = self.strict

                def upd_dyn(env):
                    found = rt.dyn_find(env, name)
                    if found is not None and found[1] is None:
                        o = found[0]
                        old, new = _inc_slow(o.get(name, o), delta)
                        if not o.set(name, new, o) and strict:
                            raise type_error(f"Cannot assign to read only property '{name}' of object")
                        return new if prefix else old
                    old, new = _inc_slow(get(env), delta)
                    put(env, new)
                    return new if prefix else old
                return upd_dyn

            def upd_ident(env):
                old, new = _inc_slow(get(env), delta)
                put(env, new)
                return new if prefix else old
            return upd_ident
        if arg.type == "MemberExpression" and arg.object.type != "Super":
            body = (_UPDATE_MEMBER_BODY.replace("DELTA", str(delta))
                    .replace("RESULT", "x + " + str(delta) if prefix else "x")
                    .replace("NEW_OR_OLD", "new" if prefix else "old"))
            oo = ("o", *self.operand(arg.object))
            ko = ("key", *self.operand(arg.property)) if arg.computed else ("key", "c", arg.property.name)
            f = specialize("update_member", body, (oo, ko), {"strict": self.strict, "_pos": self.pos(node)}, sink)
            return f if sink is None else self.sunk(f)
        if arg.type == "MemberExpression":
            objf, keyf = self.member_parts(arg)
            strict = self.strict

            def upd_member(env):
                o = objf(env)
                k = keyf(env)
                if type(k) is not str:
                    k = to_property_key(k)
                old, new = _inc_slow(member_get(o, k), delta)
                member_set(o, k, new, strict)
                return new if prefix else old
            return upd_member
        if arg.type == "CallExpression" and not self.strict:
            return self.call_target(arg)
        raise self.err("Invalid left-hand side expression in postfix operation", node)

    def member_parts(self, node):
        """(object closure, key closure) of a member expression; super.x gets the this value."""
        if node.object.type == "Super":
            raise self.err("'super' keyword unexpected here", node)
        objf = self.expr(node.object)
        if node.computed:
            kf = self.expr(node.property)
        else:
            k = node.property.name
            def kf(env):
                return k
        return objf, kf

    def operand(self, node):
        """(shape, value) of an operand for fused.py: a constant, a local slot, a slot one env up, or
        any expression as its closure."""
        t = node.type
        if t == "Literal" and getattr(node, "regex", None) is None:
            return "c", self.expr(node)(None)
        if t == "Identifier":
            ref = node.ref
            b = ref.binding
            if not ref.dynamic and b is not None and b.kind != "import":
                h = ref.hops()
                if h <= 1 and ref.tdz:  # a let/const/class binding that may still be uninitialised
                    return "t", ("lu"[h], b.index, node.name, self.pos(node))
                if h == 0:
                    return "l", b.index
                if h == 1:
                    return "u", b.index
            elif b is None and not ref.dynamic and node.name != "undefined":
                return "g", (node.name, self.pos(node))
        elif t == "ThisExpression":
            ref = node.srefs["%this"]
            b = ref.binding
            if b is not None and not ref.dynamic and not b.scope.derived:
                saved = self.scope
                self.scope = ref.scope
                h = self.hops_to(b.env_scope)
                self.scope = saved
                if h == 0:
                    return "l", b.index
                if h == 1:
                    return "u", b.index
        elif (t == "MemberExpression" and node.computed and node.object.type in ("Identifier", "ThisExpression")
              and node.property.type in ("Identifier", "Literal") and not self.in_chain(node)):
            so, o = self.operand(node.object)
            sk, k = self.operand(node.property)
            if so in "lugt" and sk in "luct":  # o[k] of bindings or a constant key: inline (fused._INDEX_FETCH)
                return "i", (so, o, sk, k, self.pos(node.property))
            return "f", self.expr(node)
        elif (t == "MemberExpression" and not node.computed and node.object.type in ("Identifier", "ThisExpression")
              and not self.in_chain(node)):
            so, o = self.operand(node.object)
            if so in "lugt":  # o.key of a binding: read inline (fused._MEMBER_FETCH)
                return "m", (so, o, node.property.name, self.pos(node.property))
        elif t == "BinaryExpression" and node.operator in ("===", "!==", "==", "!=") and _nullish_literal(node.right):
            return "f", self.fused_binop(node)
        elif t == "UnaryExpression" and node.operator == "-":
            sa, a = self.operand(node.argument)
            if sa == "c" and type(a) in (int, float):  # -1, -0.5: a constant
                return "c", (-a if a else -0.0) if type(a) is int else -a
            if _fused_count(sa, a) < _MAX_INLINE_OPS:  # -x computed inline (fused.BODIES["neg"])
                return "x", ("neg", sa, a, "c", None)
            return "f", self.expr(node)
        elif t == "BinaryExpression" and fusible(node.operator):
            # a fused operation of two simple operands is itself computed inline (k - 1 in fib(k - 1))
            sa, a = self.operand(node.left)
            sb, b = self.operand(node.right)
            if not (sa == "c" and sb == "c") and _fused_count(sa, a) + _fused_count(sb, b) < _MAX_INLINE_OPS:
                return "x", (node.operator, sa, a, sb, b)
            return "f", fused(node.operator, sa, a, sb, b)
        return "f", self.expr(node)

    def fused_binop(self, node, sink=None):
        op = node.operator
        lit = _nullish_literal(node.right) if op in ("===", "!==", "==", "!=") else None
        if lit is not None:  # x === null, x != undefined, ...: the right side is a constant test
            self.expr(node.right)
            sa, a = self.operand(node.left)
            return fused_nullish(op, lit, sa, a, sink)
        sa, a = self.operand(node.left)
        sb, b = self.operand(node.right)
        return fused(op, sa, a, sb, b, sink, self.op_pos(node))

    _SINK_AWARE = frozenset(("BinaryExpression", "CallExpression", "MemberExpression", "AssignmentExpression",
                             "UpdateExpression", "NewExpression"))

    def expr_into(self, node, sink):
        """(closure, applied): ``node`` compiled to put its value into ``sink`` when its compiler
        supports that (applied True), else an ordinary value closure."""
        if node.type not in self._SINK_AWARE:
            return self.expr(node), False
        self.sink = sink
        self.sink_applied = False
        try:
            f = self.expr(node)
            return f, self.sink_applied
        finally:
            self.sink = None
            self.sink_applied = False

    def take_sink(self):
        """The sink meant for the node being compiled (None if none); its children never see it."""
        sink = self.sink
        self.sink = None
        return sink

    def sunk(self, f):
        """Mark the sink taken by take_sink as applied in ``f``."""
        self.sink_applied = True
        return f

    def local_target(self, node):
        """(shape, slot) when assigning the identifier ``node`` is a plain slot store, else None."""
        ref = node.ref
        b = ref.binding
        if ref.dynamic or b is None or b.is_const or ref.tdz or b.kind == "import":
            return None
        h = ref.hops()
        if h == 0:
            return "l", b.index
        if h == 1:
            return "u", b.index
        return None

    def e_BinaryExpression(self, node):
        sink = self.take_sink()
        op = node.operator
        if fusible(op):
            if sink is not None:
                return self.sunk(self.fused_binop(node, sink))
            return self.fused_binop(node)
        a = self.expr(node.left)
        b = self.expr(node.right)
        _pos = self.pos(node)
        if op in ("<<", "**"):
            return lambda env: numeric_binop(op, a(env), b(env))
        if op == "instanceof":
            sa, a = self.operand(node.left)
            sb, b = self.operand(node.right)
            if sb == "c":
                sa, a = ("f", self.expr(node.left)) if sa == "c" else (sa, a)
            f = specialize("instof", _INSTANCEOF_BODY, (("x", sa, a), ("y", sb, b)),
                           {"_pos": _pos, "_ic": [-1, None, {}]}, sink)
            return self.sunk(f) if sink is not None else f
        if op == "in":
            def in_op(env):
                if False:
                    _pos  # noqa: B018
                k = a(env)
                o = b(env)
                if not isinstance(o, JSObject):
                    raise type_error(f"Cannot use 'in' operator to search for '{ops.to_display_string(k) if type(k) is not JSSymbol else k.descriptive_string()}' in {ops.to_display_string(o)}")
                return o.has_property(to_property_key(k))
            return in_op
        raise self.err(f"Unsupported operator {op}", node)


    # -- member access and calls ----------------------------------------------------------------------
    def e_MemberExpression(self, node):
        sink = self.take_sink()
        _pos = self.pos(node.property)  # V8 points at the property being read
        optional = getattr(node, "optional", False)
        if node.object.type == "Super":
            return self.super_member(node)
        if not self.in_chain(node):
            if not node.computed:
                key = node.property.name
                f = specialize("member", _MEMBER_LENGTH_BODY if key == "length" else _MEMBER_BODY,
                               (("o", *self.operand(node.object)),), {"key": key, "_pos": _pos}, sink)
            else:
                f = specialize("index", _INDEX_BODY,
                               (("o", *self.operand(node.object)), ("k", *self.operand(node.property))),
                               {"_pos": _pos}, sink)
            return f if sink is None else self.sunk(f)
        objf = self.expr(node.object)
        if not node.computed:
            key = node.property.name

            def member_chain(env):
                o = objf(env)
                if o is SHORT:
                    return SHORT
                if optional and (o is None or o is UNDEFINED):
                    return SHORT
                return member_get(o, key)
            return member_chain
        keyf = self.expr(node.property)

        def index_chain(env):
            o = objf(env)
            if o is SHORT:
                return SHORT
            if optional and (o is None or o is UNDEFINED):
                return SHORT
            return index_get(o, keyf(env))
        return index_chain

    def in_chain(self, node) -> bool:
        return getattr(node, "_in_chain", False)

    def super_member(self, node):
        home_f = self.special_get(node, "%home")
        this_f = self.special_get(node, "%this")
        keyf = self.expr(node.property) if node.computed else None
        key = None if node.computed else node.property.name

        def super_get(env):
            this = this_f(env)
            k = key if keyf is None else to_property_key(keyf(env))
            home = home_f(env)
            proto = home.get_prototype_of()
            if proto is None:
                raise type_error(f"Cannot read properties of null (reading '{ops.key_display(k)}')")
            return proto.get(k, this)
        return super_get

    def e_ChainExpression(self, node):
        mark_chain(node.expression)
        f = self.expr(node.expression)

        def chain(env):
            v = f(env)
            return UNDEFINED if v is SHORT else v
        return chain

    def callee_with_this(self, callee):
        """A closure returning (function, this) for a callee expression."""
        t = callee.type
        if t == "MemberExpression":
            if callee.object.type == "Super":
                getf = self.super_member(callee)
                this_f = self.special_get(callee, "%this")
                return lambda env: (getf(env), this_f(env))
            objf = self.expr(callee.object)
            optional = getattr(callee, "optional", False)
            in_chain = self.in_chain(callee)
            if callee.computed:
                keyf = self.expr(callee.property)

                def cw_index(env):
                    o = objf(env)
                    if in_chain:
                        if o is SHORT or (optional and (o is None or o is UNDEFINED)):
                            return SHORT, None
                    return index_get(o, keyf(env)), o
                return cw_index
            key = callee.property.name

            def cw_member(env):
                o = objf(env)
                if in_chain:
                    if o is SHORT or (optional and (o is None or o is UNDEFINED)):
                        return SHORT, None
                if type(o) is JSObject:
                    v = o.props.get(key, MISSING)
                    if v is MISSING or type(v) is Prop:
                        v = o.get(key, o)
                    return v, o
                return member_get(o, key), o
            return cw_member
        if t == "Identifier" and callee.ref.dynamic:
            name = callee.name
            return lambda env: rt.dyn_get_with_this(env, name)
        if t == "ChainExpression":
            mark_chain(callee.expression)
            inner = self.callee_with_this(callee.expression)

            def cw_chain(env):
                f, this = inner(env)
                if f is SHORT:
                    return UNDEFINED, UNDEFINED
                return f, this
            return cw_chain
        f = self.expr(callee)
        return lambda env: (f(env), UNDEFINED)

    def args_maker(self, arguments):
        if not any(a.type == "SpreadElement" for a in arguments):
            fs = tuple(self.expr(a) for a in arguments)
            n = len(fs)
            if n == 0:
                return lambda env: []
            if n == 1:
                a0 = fs[0]
                return lambda env: [a0(env)]
            if n == 2:
                a0, a1 = fs
                return lambda env: [a0(env), a1(env)]
            return lambda env: [f(env) for f in fs]
        items = tuple((a.type == "SpreadElement", self.expr(a.argument if a.type == "SpreadElement" else a))
                      for a in arguments)

        def spread_args(env):
            out = []
            for sp, f in items:
                if sp:
                    out.extend(ops.iterate_to_list(f(env)))
                else:
                    out.append(f(env))
            return out
        return spread_args

    def e_CallExpression(self, node):
        sink = self.take_sink()
        callee = node.callee
        # V8 places a method call at its property name, any other call at its start
        _pos = self.pos(callee.property if callee.type == "MemberExpression" and not callee.computed else node)
        if callee.type == "Super":
            return self.super_call(node)
        argsf = self.args_maker(node.arguments)
        optional = getattr(node, "optional", False)
        in_chain = self.in_chain(node)
        callee_text = self.callee_text(node)
        if getattr(node, "maybe_direct_eval", False):
            return self.direct_eval_call(node, argsf)
        simple_args = len(node.arguments) <= 3 and not any(a.type == "SpreadElement" for a in node.arguments)
        if callee.type == "Identifier" and not callee.ref.dynamic and not in_chain and simple_args:
            # f(a, b): the callee and the arguments read inline when they are slots or constants
            fo = self.operand(callee)
            argo = tuple((f"a{i}", *self.operand(a)) for i, a in enumerate(node.arguments))
            names = [v for v, _, _ in argo]
            f = specialize("call_ident", _CALL_IDENT_BODY.replace("INLINE", inline_call("f", "UNDEFINED", "undefined", names))
                           .replace("ARGS", ", ".join(names)),
                           (("f", *fo),) + argo, {"callee_text": callee_text, "_pos": _pos}, sink)
            return f if sink is None else self.sunk(f)
        if callee.type == "Identifier" and not callee.ref.dynamic:
            fget = self.expr(callee)
            if in_chain:
                def call_ident_chain(env):
                    f = fget(env)
                    if optional and (f is None or f is UNDEFINED):
                        return SHORT
                    args = argsf(env)
                    if isinstance(f, JSObject) and f.is_callable:
                        return f.call(UNDEFINED, args)
                    raise type_error(f"{callee_text} is not a function")
                return call_ident_chain

            def call_ident(env):
                if False:
                    _pos  # noqa: B018
                f = fget(env)
                args = argsf(env)
                if isinstance(f, JSObject) and f.is_callable:
                    return f.call(UNDEFINED, args)
                raise type_error(f"{callee_text} is not a function")
            return call_ident
        if (callee.type == "MemberExpression" and not callee.computed and callee.object.type != "Super"
                and not in_chain and not self.in_chain(callee)):
            # o.m(args): the common method call, without building a (function, this) pair
            key = callee.property.name
            if simple_args:
                oo = self.operand(callee.object)
                argo = tuple((f"a{i}", *self.operand(a)) for i, a in enumerate(node.arguments))
                names = [v for v, _, _ in argo]
                body = _CALL_METHOD_BODY.replace(
                    "FETCH_ARGS", "\n".join(f"@fetch {v}" for v in names) or "pass").replace(
                    "INLINE", inline_call("f", "o", "any", names)).replace("ARGS", ", ".join(names))
                f = specialize("call_method", body, (("o", *oo),) + argo,
                               {"key": key, "callee_text": callee_text, "_pos": _pos, "_ic": {}}, sink)
                return f if sink is None else self.sunk(f)
            objf = self.expr(callee.object)

            def call_method(env):
                if False:
                    _pos  # noqa: B018
                o = objf(env)
                if type(o) is JSObject:
                    f = o.props.get(key, MISSING)
                    if f is MISSING:
                        p = o.proto
                        if type(p) is JSObject:  # a method on the class prototype, without a call
                            f = p.props.get(key, MISSING)
                            if type(f) is Prop:
                                f = f.value if not f.flags & ACC else o.get(key, o)
                            elif f is MISSING:
                                f = p.get(key, o)
                        else:
                            f = o.get(key, o)
                    elif type(f) is Prop:
                        f = o.get(key, o)
                else:
                    f = member_get(o, key)
                args = argsf(env)
                if isinstance(f, JSObject) and f.is_callable:
                    return f.call(o, args)
                raise type_error(f"{callee_text} is not a function")
            return call_method
        cw = self.callee_with_this(callee)
        if in_chain or callee.type == "ChainExpression":
            def call_chain(env):
                f, this = cw(env)
                if f is SHORT:
                    return SHORT
                if optional and (f is None or f is UNDEFINED):
                    return SHORT
                args = argsf(env)
                if isinstance(f, JSObject) and f.is_callable:
                    return f.call(this, args)
                raise type_error(f"{callee_text} is not a function")
            return call_chain

        def call_member(env):
            if False:
                _pos  # noqa: B018
            f, this = cw(env)
            args = argsf(env)
            if isinstance(f, JSObject) and f.is_callable:
                return f.call(this, args)
            raise type_error(f"{callee_text} is not a function")
        return call_member

    def direct_eval_call(self, node, argsf):
        fget = self.expr(node.callee)
        scope = self.scope
        strict = self.strict
        _pos = self.pos(node)
        callee_text = self.text(node.callee)
        fcode = self.fn_code
        in_params = bool(node.__dict__.get("eval_in_params"))
        referrer = self.referrer

        def eval_call(env):
            if False:
                _pos  # noqa: B018
            f = fget(env)
            args = argsf(env)
            realm = A.realm
            if f is getattr(realm, "eval_fn", None):
                if not args:
                    return UNDEFINED
                from .api import perform_eval

                return perform_eval(args[0], realm, strict, env, scope, fcode, in_params, referrer)
            if isinstance(f, JSObject) and f.is_callable:
                return f.call(UNDEFINED, args)
            raise type_error(f"{callee_text} is not a function")
        return eval_call

    def super_call(self, node):
        argsf = self.args_maker(node.arguments)
        func_f = self.special_get(node, "%func")
        nt_f = self.special_get(node, "%newtarget")
        this_set = self.special_setter(node, "%this")
        this_get_raw = self.special_raw(node, "%this")
        _pos = self.pos(node)

        def super_call(env):
            if False:
                _pos  # noqa: B018
            func = func_f(env)
            nt = nt_f(env)
            parent = func.get_prototype_of()
            args = argsf(env)
            if not ops.is_constructor(parent):
                raise type_error("Super constructor is not a constructor")
            result = parent.construct(args, nt)
            if this_get_raw(env) is not UNINIT:
                raise reference_error("Super constructor may only be called once")
            this_set(env, result)
            fields = getattr(func, "code", None)
            if fields is not None and fields.fields is not None:
                fields.fields(result, func)
            return result
        return super_call

    def special_raw(self, node, name: str):
        ref = node.srefs[name]
        b = ref.binding
        if b is None:
            def draw(env):
                r = rt.dyn_find(env, name)
                return UNDEFINED if r is None else r[0][r[1]]
            return draw
        saved = self.scope
        self.scope = ref.scope
        hops = self.hops_to(b.env_scope)
        self.scope = saved
        return self.env_getter(hops, b.index, False, name)

    def e_NewExpression(self, node):
        sink = self.take_sink()
        _pos = self.pos(node)
        text = self.text(node.callee)
        if len(node.arguments) <= 3 and not any(a.type == "SpreadElement" for a in node.arguments):
            co = self.operand(node.callee)
            argo = tuple((f"a{i}", *self.operand(a)) for i, a in enumerate(node.arguments))
            names = [v for v, _, _ in argo]
            f = specialize("new", _NEW_BODY.replace("INLINE", inline_construct("c", names))
                           .replace("ARGS", ", ".join(names)),
                           (("c", *co),) + argo, {"text": text, "_pos": _pos, "_nc": [None] * 4}, sink)
            return f if sink is None else self.sunk(f)
        ctor_f = self.expr(node.callee)
        argsf = self.args_maker(node.arguments)

        def new(env):
            if False:
                _pos  # noqa: B018
            c = ctor_f(env)
            args = argsf(env)
            if isinstance(c, JSObject) and c.is_constructor:
                return c.construct(args, c)
            raise type_error(f"{text} is not a constructor")
        return new

    def e_ImportExpression(self, node):
        src = self.expr(node.source)
        referrer = self.referrer
        _pos = self.pos(node)

        def import_call(env):
            if False:
                _pos  # noqa: B018
            from ..modules import dynamic_import

            return dynamic_import(referrer, src(env))
        return import_call

    def s_ImportDeclaration(self, node):
        return None

    def s_ExportAllDeclaration(self, node):
        return None

    def s_ExportNamedDeclaration(self, node):
        if node.declaration is not None:
            return self.stmt(node.declaration)
        return None

    def s_ExportDefaultDeclaration(self, node):
        d = node.declaration
        if d.type == "FunctionDeclaration":
            return None
        if d.type == "ClassDeclaration" and d.id is not None:
            return self.s_ClassDeclaration(d)
        b = self.scope.bindings["*default*"]
        up = self.env_of(self.hops_to(b.env_scope))
        idx = b.index
        if d.type == "ClassDeclaration":
            mk = self.class_def(d)
            anon = True
        else:
            mk = self.expr(d)
            anon = is_anonymous_fn(d)

        def export_default(env):
            v = mk(env)
            if anon:
                set_function_name(v, "default")
            up(env)[idx] = v
        return export_default

    def e_SpreadElement(self, node):
        raise self.err("Unexpected spread", node)

    def e_YieldExpression(self, node):
        raise self.err("yield is only valid in generator functions", node)

    def e_AwaitExpression(self, node):
        raise self.err("await is only valid in async functions and the top level bodies of modules", node)

    # -- assignment -----------------------------------------------------------------------------------
    def check_assign_target(self, node) -> None:
        if node.type == "Identifier" and self.strict and node.name in ("eval", "arguments"):
            raise self.err("Unexpected eval or arguments in strict mode", node)

    def e_AssignmentExpression(self, node):
        sink = self.take_sink()
        op = node.operator
        left = node.left
        _pos = self.pos(node)
        if op == "=":
            if left.type in ("ObjectPattern", "ArrayPattern"):
                rhs = self.expr(node.right)
                bind = self.pattern(left, "assign")

                def destructure(env):
                    v = rhs(env)
                    bind(env, v)
                    return v
                return destructure
            if left.type == "Identifier":
                self.check_assign_target(left)
                rhs = self.expr(node.right)
                anon = is_anonymous_fn(node.right)
                name = left.name
                ref = left.ref
                b = ref.binding
                if not ref.dynamic and b is not None and not b.is_const and not ref.tdz and not anon:
                    hops = ref.hops()
                    idx = b.index
                    if hops == 0:
                        def assign_local(env):
                            v = env[idx] = rhs(env)
                            return v
                        return assign_local
                    if hops == 1:
                        def assign_up1(env):
                            v = env[0][idx] = rhs(env)
                            return v
                        return assign_up1
                put = self.ident_set(left)
                if ref.dynamic or b is None:
                    # the reference is resolved before the right-hand side is evaluated
                    strict = self.strict
                    if ref.dynamic:
                        def assign_dyn(env):
                            found = rt.dyn_find(env, name)
                            v = rhs(env)
                            if anon:
                                set_function_name(v, name)
                            if found is not None and found[1] is None:
                                o = found[0]
                                if not o.has_property(name) and strict:
                                    raise reference_error(f"{name} is not defined")
                                if not o.set(name, v, o) and strict:
                                    raise type_error(f"Cannot assign to read only property '{name}' of object")
                                return v
                            put(env, v)
                            return v
                        return assign_dyn
                    if strict:
                        def assign_global_strict(env):
                            if False:
                                _pos  # noqa: B018
                            exists = rt.global_has(name)
                            v = rhs(env)
                            if anon:
                                set_function_name(v, name)
                            if not exists:  # an unresolvable reference stays unresolvable (6.2.4.6)
                                raise reference_error(f"{name} is not defined")
                            rt.global_set(name, v, True)
                            return v
                        return assign_global_strict

                def assign_ident(env):
                    if False:
                        _pos  # noqa: B018
                    v = rhs(env)
                    if anon:
                        set_function_name(v, name)
                    put(env, v)
                    return v
                return assign_ident
            if left.type == "MemberExpression":
                return self.assign_member(left, node.right, sink, node)
            if left.type == "CallExpression" and not self.strict:
                return self.call_target(left)
            raise self.err("Invalid left-hand side in assignment", node)
        # compound and logical assignment
        binop = op[:-1]
        if left.type == "CallExpression" and not self.strict and binop not in ("&&", "||", "??"):
            return self.call_target(left)
        if left.type == "Identifier":
            self.check_assign_target(left)
            get = self.ident_get(left)
            put = self.ident_set(left)
            rhs = self.expr(node.right)
            anon = is_anonymous_fn(node.right)
            name = left.name
            if binop in ("&&", "||", "??"):
                def logical_assign_ident(env):
                    v = get(env)
                    if binop == "&&":
                        if not to_boolean(v):
                            return v
                    elif binop == "||":
                        if to_boolean(v):
                            return v
                    elif not (v is None or v is UNDEFINED):
                        return v
                    r = rhs(env)
                    if anon:
                        set_function_name(r, name)
                    put(env, r)
                    return r
                return logical_assign_ident
            ref = left.ref
            tgt = self.local_target(left)
            if tgt is not None and fusible(binop):
                return fused(binop, tgt[0], tgt[1], "f", rhs, ("store_ret",) + tgt)
            b = ref.binding
            if (fusible(binop) and b is not None and not ref.dynamic and not b.is_const and b.kind != "import"
                    and ref.tdz and ref.hops() <= 1):
                # a let a closure updates (count += step): the read checks the TDZ, then the slot is stored
                slot = "lu"[ref.hops()]
                return fused(binop, "t", (slot, b.index, name, self.pos(left)), "f", rhs, ("store_ret", slot, b.index))

            if ref.dynamic:
                strict = self.strict

                def compound_dyn(env):
                    if False:
                        _pos  # noqa: B018
                    found = rt.dyn_find(env, name)  # the reference is resolved once (13.15.2)
                    if found is None:
                        r = apply_binop(binop, rt.global_get(name), rhs(env))
                        rt.global_set(name, r, strict)
                        return r
                    c, k = found
                    if k is None:
                        cur = c.get(name, c) if c.has_property(name) else UNDEFINED
                        r = apply_binop(binop, cur, rhs(env))
                        if not c.has_property(name) and strict:
                            raise reference_error(f"{name} is not defined")
                        if not c.set(name, r, c) and strict:
                            raise type_error(f"Cannot assign to read only property '{name}' of object")
                        return r
                    r = apply_binop(binop, rt.dyn_get(env, name), rhs(env))
                    put(env, r)
                    return r
                return compound_dyn

            def compound_ident(env):
                if False:
                    _pos  # noqa: B018
                r = apply_binop(binop, get(env), rhs(env))
                put(env, r)
                return r
            return compound_ident
        if left.type == "MemberExpression":
            if left.object.type == "Super":
                raise self.err("compound assignment to super properties is not supported", node)
            strict = self.strict
            if binop not in ("&&", "||", "??"):
                oo = ("o", *self.operand(left.object))
                ko = ("k", *self.operand(left.property)) if left.computed else ("k", "c", left.property.name)
                f = specialize("compound_member", _COMPOUND_MEMBER_BODY, (oo, ko, ("y", *self.operand(node.right))),
                               {"_op": binop_function(binop), "strict": strict, "_pos": _pos}, sink)
                return f if sink is None else self.sunk(f)
            objf, keyf = self.member_parts(left)
            rhs = self.expr(node.right)
            if binop in ("&&", "||", "??"):
                def logical_assign_member(env):
                    o = objf(env)
                    k = to_key_fast(keyf(env))
                    v = member_get(o, k)
                    if binop == "&&":
                        if not to_boolean(v):
                            return v
                    elif binop == "||":
                        if to_boolean(v):
                            return v
                    elif not (v is None or v is UNDEFINED):
                        return v
                    r = rhs(env)
                    member_set(o, k, r, strict)
                    return r
                return logical_assign_member

        raise self.err("Invalid left-hand side in assignment", node)

    def call_target(self, call_node):
        """B.3.7 (web compat): a call as an assignment target is evaluated, then a ReferenceError."""
        f = self.expr(call_node)

        def bad_target(env, *rest):
            f(env)
            raise reference_error("Invalid left-hand side in assignment")
        return bad_target

    def assign_member(self, left, right, sink=None, node=None):
        """o.k = right / o[k] = right; ``right`` is the value's node. The assignment ``node`` places
        the store's errors at its ``=``, as V8 does."""
        strict = self.strict
        _pos = self.pos(left) if node is None else self.op_pos(node)
        if left.object.type == "Super":
            rhs = self.expr(right)
            home_f = self.special_get(left, "%home")
            this_f = self.special_get(left, "%this")
            keyf = self.expr(left.property) if left.computed else None
            key = None if left.computed else left.property.name

            def super_assign(env):
                this = this_f(env)
                k = key if keyf is None else to_property_key(keyf(env))
                v = rhs(env)
                proto = home_f(env).get_prototype_of()
                if proto is None:
                    raise type_error("Cannot set properties of null")
                ok = proto.set(k, v, this)
                if not ok and strict:
                    raise type_error(f"Cannot assign to read only property '{ops.key_display(k)}' of object")
                return v
            return super_assign
        oo = ("o", *self.operand(left.object))
        if not left.computed:
            f = specialize("assign_prop", _ASSIGN_PROP_BODY, (oo, ("v", *self.operand(right))),
                           {"key": left.property.name, "strict": strict, "_pos": _pos}, sink)
        else:
            ko = ("k", *self.operand(left.property))
            f = specialize("assign_index", _ASSIGN_INDEX_BODY, (oo, ko, ("v", *self.operand(right))),
                           {"strict": strict, "_pos": _pos}, sink)
        return f if sink is None else self.sunk(f)

    # -- patterns (destructuring) ---------------------------------------------------------------------
    def pattern(self, node, mode: str):
        """A closure ``bind(env, value)``. mode: 'assign' (PutValue), 'init' (initialise bindings),
        'var' (var declarations: PutValue on the var binding)."""
        t = node.type
        if t == "Identifier":
            if mode == "assign":
                self.check_assign_target(node)
            put = self.ident_set(node, init=(mode == "init"))
            return put
        if t == "MemberExpression":
            if mode != "assign":
                raise self.err("Illegal property in declaration context", node)
            objf, keyf = (None, None)
            strict = self.strict
            if node.object.type == "Super":
                home_f = self.special_get(node, "%home")
                this_f = self.special_get(node, "%this")
                kf = self.expr(node.property) if node.computed else (lambda env, k=node.property.name: k)

                def bind_super(env, v):
                    k = to_property_key(kf(env))
                    home_f(env).get_prototype_of().set(k, v, this_f(env))
                return bind_super
            objf, keyf = self.member_parts(node)

            def bind_member(env, v):
                member_set(objf(env), to_key_fast(keyf(env)), v, strict)
            return bind_member
        if t == "AssignmentPattern":
            inner = self.pattern(node.left, mode)
            default = self.expr(node.right)
            anon = is_anonymous_fn(node.right) and node.left.type == "Identifier"
            name = node.left.name if node.left.type == "Identifier" else None

            def bind_default(env, v):
                if v is UNDEFINED:
                    v = default(env)
                    if anon:
                        set_function_name(v, name)
                inner(env, v)
            return bind_default
        if t == "ObjectPattern":
            return self.object_pattern(node, mode)
        if t == "ArrayPattern":
            return self.array_pattern(node, mode)
        raise self.err("Invalid destructuring target", node)

    def target_then_value(self, node, mode: str):
        """For assignment patterns, a member target is evaluated before the value is fetched:
        returns (prepare(env) -> state, bind(env, state, value))."""
        return None

    def element_target(self, node, mode: str):
        """A destructuring element as (prep, put): ``prep(env)`` evaluates a member-expression target's
        reference before the value is fetched (13.15.5.5-6); ``put(env, ref, value)`` applies any
        default and assigns. ``prep`` is None for identifier and nested-pattern targets."""
        target, default = (node.left, node.right) if node.type == "AssignmentPattern" else (node, None)
        if mode == "assign" and target.type == "MemberExpression" and target.object.type != "Super":
            objf = self.expr(target.object)
            keyf = self.expr(target.property) if target.computed else None
            key = None if target.computed else target.property.name
            strict = self.strict

            def prep(env):
                return objf(env), (key if keyf is None else keyf(env))

            def put_member(env, ref, v):
                o, k = ref
                if o is None or o is UNDEFINED:
                    raise nullish_base_error(o, k, "set", "setting")
                member_set(o, to_key_fast(k), v, strict)
            put_target = put_member
        else:
            prep = None
            bind = self.pattern(target, mode)

            def put_target(env, ref, v):
                bind(env, v)
        if default is None:
            return prep, put_target
        dflt = self.expr(default)
        anon = is_anonymous_fn(default) and target.type == "Identifier"
        name = target.name if target.type == "Identifier" else None

        def put_default(env, ref, v):
            if v is UNDEFINED:
                v = dflt(env)
                if anon:
                    set_function_name(v, name)
            put_target(env, ref, v)
        return prep, put_default

    def object_pattern(self, node, mode: str):
        steps = []
        rest = None
        for prop in node.properties:
            if prop.type == "RestElement":
                rest = self.element_target(prop.argument, mode)
                continue
            if prop.computed:
                keyf = self.expr(prop.key)
                key = None
            else:
                key = self.static_key(prop.key)
                keyf = None
            prep, put = self.element_target(prop.value, mode)
            steps.append((key, keyf, prep, put))
        steps_t = tuple(steps)
        _pos = self.pos(node)

        def bind_object(env, v):
            if False:
                _pos  # noqa: B018
            if v is None or v is UNDEFINED:
                raise type_error(f"Cannot destructure '{ops.to_display_string(v)}' as it is "
                                 f"{'null' if v is None else 'undefined'}.")
            used = [] if rest is not None else None
            for key, keyf, prep, put in steps_t:
                k = key if keyf is None else to_property_key(keyf(env))
                if used is not None:
                    used.append(k)
                ref = prep(env) if prep is not None else None
                put(env, ref, member_get(v, k))
            if rest is not None:
                ref = rest[0](env) if rest[0] is not None else None
                o = JSObject(A.realm.ObjectPrototype)
                copy_data_properties(o, v, set(used))
                rest[1](env, ref, o)
        return bind_object

    def array_pattern(self, node, mode: str):
        elems = []
        for el in node.elements:
            if el is None:
                elems.append(None)
            elif el.type == "RestElement":
                elems.append(("rest",) + self.element_target(el.argument, mode))
            else:
                elems.append(("one",) + self.element_target(el, mode))
        elems_t = tuple(elems)
        _pos = self.pos(node)

        def bind_array(env, v):
            if False:
                _pos  # noqa: B018
            if type(v) is JSArray and ops.array_iteration_is_pristine(v):
                return bind_array_fast(env, v)
            rec = ops.get_iterator(v)
            try:
                for el in elems_t:
                    if el is None:
                        if not rec.done:
                            ops.iterator_step(rec)
                        continue
                    kind, prep, put = el
                    ref = prep(env) if prep is not None else None
                    if kind == "rest":
                        items = []
                        while not rec.done:
                            x = ops.iterator_step(rec)
                            if x is MISSING:
                                break
                            items.append(x)
                        put(env, ref, JSArray(A.realm.ArrayPrototype, items))
                        continue
                    x = UNDEFINED
                    if not rec.done:
                        x = ops.iterator_step(rec)
                        if x is MISSING:
                            x = UNDEFINED
                    put(env, ref, x)
            except JSThrow as e:
                if not rec.done:
                    ops.iterator_close(rec, e)
                raise
            if not rec.done:
                ops.iterator_close(rec)

        def bind_array_fast(env, v):
            # an untouched array: reading it by index is what its iterator would do, step by step
            i = 0
            for el in elems_t:
                if el is None:
                    i += 1
                    continue
                kind, prep, put = el
                ref = prep(env) if prep is not None else None
                if kind == "rest":
                    n = v.length
                    items = [v.get_index(j) for j in range(i, n)] if i < n else []
                    i = max(i, n)
                    put(env, ref, JSArray(A.realm.ArrayPrototype, items))
                    continue
                x = v.get_index(i) if i < v.length else UNDEFINED
                i += 1
                put(env, ref, x)
        return bind_array

    # -- functions ------------------------------------------------------------------------------------
    def function_maker(self, node, method: bool = False, kind: str = "normal", class_ctor=None,
                       home_needed: bool = False):
        """Compile a function node; returns ``maker(env, home) -> JSCompiledFunction``."""
        code = self.compile_function(node, method=method, kind=kind, class_ctor=class_ctor)
        is_arrow = node.type == "ArrowFunctionExpression"

        def make(env, home):
            realm = A.realm
            f = JSCompiledFunction(code, env, realm)
            if home is not None:
                f.home = home
            return f
        make.code = code
        return make

    def compile_function(self, node, method: bool = False, kind: str = "normal", class_ctor=None) -> FunctionCode:
        scope: Scope = node.scope
        code = FunctionCode()
        code.filename = self.filename
        code.line, code.column = node._line, node._column + 1
        code.strict = scope.strict
        code.is_arrow = node.type == "ArrowFunctionExpression"
        code.generator = bool(getattr(node, "generator", False))
        code.is_async = bool(getattr(node, "isAsync", False))
        src_start = node.__dict__.get("_src_start", node._start)
        code.source_text = self.source[src_start:node._end] if class_ctor is None else class_ctor
        code.name = node.id.name if getattr(node, "id", None) is not None else ""
        if code.strict and code.name in ("eval", "arguments") and node.type != "ArrowFunctionExpression":
            raise self.err("Unexpected eval or arguments in strict mode", node)
        # length: params before the first default/rest
        n = 0
        for p in node.params:
            if p.type in ("AssignmentPattern", "RestElement"):
                break
            n += 1
        code.length = n
        if code.strict:
            for name in scope.param_names:
                if name in ("eval", "arguments"):
                    raise self.err("Unexpected eval or arguments in strict mode", node)
        is_ctor_kind = kind == "normal" and not code.is_arrow and not method and not code.generator \
            and not code.is_async
        code.is_ctor = is_ctor_kind or kind == "classctor"
        code.has_prototype = is_ctor_kind
        code.is_class_ctor = kind == "classctor"
        code.derived = scope.derived
        if code.is_class_ctor:
            for name in ("%this", "%newtarget", "%func"):
                if name not in scope.bindings:
                    b = scope.declare(name, "special")
                    if name == "%this":  # the slot kept for it (scope.finalize)
                        b.index = scope.names[name] = scope.this_slot
                    else:
                        b.index = scope.add_slot(name)
                    b.env_scope = scope
        b = scope.bindings
        code.this_idx = b["%this"].index if "%this" in b else 0
        code.newtarget_idx = b["%newtarget"].index if "%newtarget" in b else 0
        code.home_idx = b["%home"].index if "%home" in b else 0
        code.func_idx = b["%func"].index if "%func" in b else 0
        args_b = b.get("arguments")
        if args_b is not None and args_b.kind == "arguments" and (scope.uses_arguments or args_b.captured):
            code.args_idx = args_b.index
        code.mapped = not code.strict and scope.has_simple_params
        # the env template: params/vars undefined, lexical bindings in TDZ
        template = [None, scope] + [UNDEFINED] * (scope.size - 2)
        for bb in scope.bindings.values():
            pass
        self._mark_tdz_slots(scope, template)
        if scope.eval_dict_index >= 0:
            template[scope.eval_dict_index] = None
        code.template = template
        pnames = scope.param_names
        simple = scope.has_simple_params and len(set(pnames)) == len(pnames)
        code.simple = simple
        code.nparams = len(pnames) if simple else 0
        code.param_slots = [scope.bindings[nm].index for nm in pnames] if scope.has_simple_params else []
        if scope.has_simple_params and len(set(pnames)) != len(pnames):
            # duplicate names: later ones win, and only the last index is mapped
            slots = code.param_slots
            seen = {}
            for i, nm in enumerate(pnames):
                if nm in seen:
                    slots[seen[nm]] = None
                seen[nm] = i
        # named function expression: the name binding (part of the env layout, so never deferred)
        if node.type == "FunctionExpression" and node.id is not None:
            cb = scope.bindings.get(node.id.name)
            if cb is not None and cb.kind == "callee":
                code.callee_idx = cb.index
                if not code.func_idx:
                    fb = scope.declare("%func", "special")
                    fb.index = scope.add_slot("%func")
                    fb.env_scope = scope
                    code.template.append(UNDEFINED)
                    code.func_idx = fb.index
        if code.generator or code.is_async:
            from ..builtins.generator import start_generator
            from ..builtins.promise import start_async_function, start_async_generator

            code.start = (start_async_generator if code.is_async else start_generator) if code.generator \
                else start_async_function

        def finish():
            saved = (self.scope, self.targets, self.pending_labels, self.cv_ref, self.fn_code, self.ret_guard)
            self.scope = scope
            self.targets = []
            self.pending_labels = []
            self.cv_ref = None
            self.fn_code = code
            self.ret_guard = 0
            try:
                self._function_body(node, code, scope, simple)
            finally:
                (self.scope, self.targets, self.pending_labels, self.cv_ref, self.fn_code,
                 self.ret_guard) = saved

        if self.lazy and code.start is None:
            # trusted library code: compile the body when the function is first called
            def lazy_finish():
                try:
                    finish()
                except EarlyError as e:
                    raise JSThrow(kind="SyntaxError", msg=str(e)) from None
                code.lazy = None
            code.lazy = lazy_finish
            code.fast = False
            code.call_n = code.ctor_n = -1
        else:
            finish()
        return code

    def _function_body(self, node, code: FunctionCode, scope: Scope, simple: bool) -> None:
        """Compile a function's parameters and body into ``code``."""
        if not simple:
            code.bind_params = self.param_binder(node, scope)
        leaf = None  # a body that is one expression
        code.funcs = [(scope.bindings[f.id.name].index, None, self.function_maker(f))
                      for f in dedupe_funcs(scope.funcs)]
        if code.generator or code.is_async:
            if node.type == "ArrowFunctionExpression" and getattr(node, "expression", False):
                code.body = self.gen_expr_body(node.body)
            else:
                bscope = node.__dict__.get("body_scope")
                if bscope is not None:
                    self.scope = bscope
                    inner_gen = self.gen_body(node.body.body)
                    enter = self.body_scope_enter(bscope, scope)
                    code.body = lambda env: inner_gen(enter(env))
                    self.scope = scope
                else:
                    code.body = self.gen_body(node.body.body)
        elif node.type == "ArrowFunctionExpression" and getattr(node, "expression", False):
            code.body = self.expr(node.body)
            leaf = node.body
        elif (len(node.body.body) == 1 and node.body.body[0].type == "ReturnStatement"
              and node.body.body[0].argument is not None and node.__dict__.get("body_scope") is None):
            # a body that is one return statement: the function body is the expression
            code.body = self.expr(node.body.body[0].argument)
            leaf = node.body.body[0].argument
        else:
            stmts = node.body.body
            bscope = node.__dict__.get("body_scope")
            if bscope is not None:
                self.scope = bscope
                body = self.stmt_list(stmts)
                code.body = function_body(body, stmts)
                enter = self.body_scope_enter(bscope, scope)
                inner_body = code.body
                code.body = lambda env: inner_body(enter(env))
                self.scope = scope
            elif (len(stmts) > 1 and stmts[-1].type == "ReturnStatement" and stmts[-1].argument is not None
                  and not any(_contains_return(st) for st in stmts[:-1])):
                # statements then `return expr`, no other return: no completion record for the return;
                # only normal completions can come out of the statements before it
                code.body = straight_body(self.stmt_closures(stmts[:-1], inline=True),
                                          self.operand(stmts[-1].argument))
            elif _guarded(stmts) and any(_contains_return(st) for st in stmts):
                code.body = self.guarded_body(stmts)  # early returns: if (t) return a; ... return b
            elif not any(_contains_return(st) for st in stmts):
                run = self._this_run(stmts)
                code.init = self.field_init(code, run) if run is not None else None
                if run is not None and len(run) >= 2:  # a constructor's field assignments: the run is the body
                    code.body = this_assigns(run[0][0], [item[1:] for item in run], self.strict, "UNDEFINED")
                else:
                    code.body = straight_body(self.stmt_closures(stmts, inline=True), None)  # returns undefined
            else:
                body = self.stmt_list(stmts)
                code.body = function_body(body, stmts)
        if code.callee_idx:
            inner = code.body
            cidx, fidx = code.callee_idx, code.func_idx

            def with_callee(env, inner=inner):
                env[cidx] = env[fidx]
                return inner(env)
            code.body = with_callee
        if len(code.template) < scope.size:
            code.template.extend([UNDEFINED] * (scope.size - len(code.template)))
        receiver = scope.this_slot == 2 + code.nparams  # this right after the parameters
        code.fast = bool(code.simple and receiver and not (code.func_idx or code.home_idx or code.newtarget_idx
                                              or code.args_idx or code.funcs or code.start
                                              or code.is_class_ctor or code.callee_idx))
        code.ctor_fast = bool(code.is_ctor and code.simple and receiver and code.start is None and not code.derived
                              and not (code.home_idx or code.args_idx or code.funcs or code.callee_idx))
        if code.fast and leaf is not None and not _contains(leaf, _LEAF_STOPS, "_leaf_stop"):
            code.leaf_n = code.nparams  # called inline without a depth of its own (fused.inline_call)
        else:
            code.call_n = code.nparams if code.fast else -1
        code.ctor_n = code.nparams if code.ctor_fast else -1
        if code.simple and code.start is None:  # calls and constructs with exact arity build the env from these
            code.scope = code.template[1]
            code.tail = code.template[2 + code.nparams:]
            if receiver:
                code.mtail = code.template[3 + code.nparams:]
        code.sloppy_this = bool(code.this_idx) and not code.strict

    def guarded_body(self, stmts, cont=None):
        """A function body of statements without return, ifs with returns in their parts and at most
        a final ``return b`` (see _guarded): each such if is a branch between its parts, a returning
        part giving its value and the other part running on into the rest of the body (compiled once,
        as the continuation ``cont`` of the statements before it), so no return completion is made.
        Falling off the end returns ``cont``'s value, or undefined. Returns the body closure."""
        i = 0
        while i < len(stmts) and not _contains_return(stmts[i]):
            i += 1
        fs = self.stmt_closures(stmts[:i], inline=True) if i else []
        if i == len(stmts):
            return straight_body(fs, None if cont is None else ("f", cont))
        st = stmts[i]
        if st.type == "ReturnStatement":
            return straight_body(fs, self.operand(st.argument) if st.argument is not None else ("c", UNDEFINED))
        rest = []  # the statements after the if, compiled once

        def rest_f():
            if not rest:
                last = i + 1 == len(stmts) and cont is not None
                rest.append(cont if last else self.guarded_body(stmts[i + 1:], cont))
            return rest[0]

        def part_f(part):
            if part is None:
                return rest_f()
            if not _contains_return(part):
                f, r = self.stmt(part) or _no_op, rest_f()

                def part_then_rest(env):
                    f(env)
                    return r(env)
                return part_then_rest
            if _always_returns(part):
                return self.returning(part)
            if part.type == "IfStatement":
                return self.guarded_body([part], rest_f())
            # a block without an environment of its own (_runs_on)
            return self.in_block(part, lambda: self.guarded_body(part.body, rest_f()))

        br = self.branch(st.test, part_f(st.consequent), part_f(st.alternate))
        return straight_body(fs, ("f", br)) if fs else br

    def returning(self, st):
        """The closure of a statement that returns on every path (_always_returns): its value."""
        if st.type == "ReturnStatement":
            return self.expr(st.argument) if st.argument is not None else (lambda env: UNDEFINED)
        if st.type == "IfStatement":
            return self.branch(st.test, self.returning(st.consequent), self.returning(st.alternate))
        return self.in_block(st, lambda: self.guarded_body(st.body))

    def body_scope_enter(self, bscope: Scope, fscope: Scope):
        """Entering the separate var environment of a function with parameter expressions: body vars
        named like a parameter (or arguments) start with its value; body functions are made."""
        copies = []
        for name, b in bscope.bindings.items():
            if b.kind == "var" and name in fscope.bindings and fscope.bindings[name].kind in ("param", "arguments"):
                copies.append((b.index, fscope.bindings[name].index))
        enter_block = self.block_enter(bscope)
        copies_t = tuple(copies)
        if bscope.has_env:
            def enter_env(env):
                e = enter_block(env) if enter_block is not None else env
                for dst, src in copies_t:
                    e[dst] = env[src]
                return e
            return enter_env

        def enter_hoisted(env):
            for dst, src in copies_t:
                env[dst] = env[src]
            return env if enter_block is None else enter_block(env)
        return enter_hoisted

    def _after_static(self, m) -> int:
        """Start of a static method's MethodDefinition (after the ``static`` keyword)."""
        i = m._start + len("static")
        src = self.source
        while i < m._end:
            if src.startswith("//", i):
                j = src.find("\n", i)
                i = m._end if j < 0 else j + 1
            elif src.startswith("/*", i):
                j = src.find("*/", i + 2)
                i = m._end if j < 0 else j + 2
            elif src[i].isspace():
                i += 1
            else:
                break
        return i

    def _mark_tdz_slots(self, fscope: Scope, template: list) -> None:
        """Lexical bindings hoisted into this function's env start in the TDZ."""
        stack = [fscope]
        while stack:
            s = stack.pop()
            for bnd in s.bindings.values():
                if bnd.env_scope is fscope and bnd.kind in LEXICAL and bnd.index < len(template):
                    template[bnd.index] = UNINIT
            for c in s.children:
                if c.func is fscope:
                    stack.append(c)

    def param_binder(self, node, scope: Scope):
        binders = []
        for p in node.params:
            if p.type == "RestElement":
                binders.append(("rest", self.pattern(p.argument, "init")))
            else:
                binders.append(("one", self.pattern(p, "init")))
        # parameters are in TDZ until bound when there are expressions
        tdz_slots = [scope.bindings[n].index for n in scope.param_names]
        binders_t = tuple(binders)

        def bind_params(env, args):
            for i in tdz_slots:
                env[i] = UNINIT
            n = len(args)
            for i, (kind, bind) in enumerate(binders_t):
                if kind == "rest":
                    bind(env, JSArray(A.realm.ArrayPrototype, list(args[i:])))
                else:
                    bind(env, args[i] if i < n else UNDEFINED)
        return bind_params

    # -- classes --------------------------------------------------------------------------------------
    def class_def(self, node):
        cscope: Scope = node.scope
        saved = self.scope
        self.scope = cscope
        try:
            return self._class_def(node, cscope)
        finally:
            self.scope = saved

    def _class_def(self, node, cscope: Scope):
        name = node.id.name if node.id is not None else ""
        heritage = self.expr(node.superClass) if node.superClass is not None else None
        ctor_node = None
        members = []
        for m in node.body.body:
            if m.kind == "constructor" and not m.static and not m.computed:
                if ctor_node is not None:
                    raise self.err("A class may only have one constructor", m)
                ctor_node = m
                continue
            if not m.computed and m.static and self.static_key(m.key) == "prototype":
                raise self.err("Classes may not have a static property named 'prototype'", m)
            if not m.computed and not m.static and self.static_key(m.key) == "constructor":
                raise self.err("Class constructor may not be an accessor", m)
            key = None if m.computed else self.static_key(m.key)
            keyf = self.expr(m.key) if m.computed else None
            m.value._src_start = m._start if not m.static else self._after_static(m)
            maker = self.function_maker(m.value, method=True, kind=m.kind)
            if type(key) is str and not maker.code.name:
                maker.code.name = key  # for stack traces (the name property is set when defined)
            members.append((m.static, m.kind, key, keyf, maker))
        src = self.source[node._start:node._end]
        derived = node.superClass is not None
        if ctor_node is not None:
            ctor_maker = self.function_maker(ctor_node.value, method=True, kind="classctor", class_ctor=src)
            ctor_code = ctor_maker.code
        else:
            ctor_code = default_ctor_code(name, derived, src, self.filename)
            ctor_maker = None
        ctor_code.name = name
        ctor_code.static_name = any(st and k == "name" for st, _kind, k, _kf, _mk in members)
        members_t = tuple(members)
        name_binding = cscope.bindings.get(name) if name else None
        name_set = None
        if name_binding is not None:
            hops = self.hops_to(name_binding.env_scope)
            idx = name_binding.index
            up = self.env_of(hops)

            def name_set(env, v):
                up(env)[idx] = v
        has_env = cscope.has_env
        _pos = self.pos(node)

        def make_class(env):
            if False:
                _pos  # noqa: B018
            realm = A.realm
            if has_env:
                cenv = [env, cscope] + [UNINIT] * (cscope.size - 2)
            else:
                cenv = env
                if name_binding is not None:
                    name_set(cenv, UNINIT)
            if heritage is None:
                proto_parent = realm.ObjectPrototype
                ctor_parent = realm.FunctionPrototype
            else:
                sup = heritage(cenv)
                if sup is None:
                    proto_parent = None
                    ctor_parent = realm.FunctionPrototype
                elif not ops.is_constructor(sup):
                    raise type_error(f"Class extends value {ops.to_display_string(sup) if not isinstance(sup, JSObject) else '#<Object>'} is not a constructor or null")
                else:
                    proto_parent = sup.get("prototype")
                    if proto_parent is not None and not isinstance(proto_parent, JSObject):
                        raise type_error("Class extends value does not have valid prototype property")
                    ctor_parent = sup
            proto = JSObject(proto_parent)
            proto.props = WatchedDict()
            if ctor_maker is not None:
                F = ctor_maker(cenv, proto)
            else:
                F = JSCompiledFunction(ctor_code, cenv, realm)
                F.home = proto
            F.proto = ctor_parent
            F.props = CtorDict(F.props)  # instanceof sites keep their answers while it is unchanged
            F.props["prototype"] = Prop(proto, 0)
            proto.props["constructor"] = Prop(F, W | C)
            for static, kind, key, keyf, maker in members_t:
                target = F if static else proto
                k = key if keyf is None else to_property_key(keyf(cenv))
                f = maker(cenv, target)
                if kind == "method":
                    set_function_name(f, k)
                    ops.define_property_or_throw(target, k, Desc(value=f, writable=True, enumerable=False,
                                                                 configurable=True))
                elif kind == "get":
                    set_function_name(f, k, "get")
                    ops.define_property_or_throw(target, k, Desc(get=f, enumerable=False, configurable=True))
                else:
                    set_function_name(f, k, "set")
                    ops.define_property_or_throw(target, k, Desc(set=f, enumerable=False, configurable=True))
            if name_binding is not None:
                name_set(cenv, F)
            return F
        return make_class

    # -- statements -----------------------------------------------------------------------------------
    def stmt_list(self, stmts):
        if not any(_contains_abrupt(st) for st in stmts):
            fs = self.stmt_closures(stmts, inline=True)
            if len(fs) > 1 or (fs and type(fs[0]) is tuple):
                return straight_body(fs, None, "None")  # only normal completions: no test after each
            return run_list(fs)
        return run_list(self.stmt_closures(stmts))

    def stmt_closures(self, stmts, inline: bool = False) -> list:
        """The closures of the statements that do something at run time, in order; runs of two or more
        ``this.k = v`` statements become one closure (fused.this_assigns). With ``inline`` (the list
        is for fused.straight_body), a statement storing a value into a slot is an inline_store item."""
        fs = []
        run: list = []
        this_idx = None

        def flush():
            if len(run) >= 2:
                fs.append(this_assigns(this_idx, [item[:4] for item in run], self.strict, "None"))
            else:
                fs.extend(f for f in (self.stmt(item[4]) for item in run) if f is not None)
            run.clear()
        for st in stmts:
            item = self._this_assign(st)
            if item is not None and (this_idx is None or item[0] == this_idx):
                this_idx = item[0]
                run.append(item[1:] + (st,))
                continue
            flush()
            if item is not None:
                this_idx = item[0]
                run.append(item[1:] + (st,))
                continue
            f = self.inline_store(st) if inline else None
            if f is not None:
                fs.append(f)
                continue
            f = self.stmt(st)
            if f is not None:
                fs.append(f)
        flush()
        return fs

    def inline_store(self, st):
        """("store", slot, operand, position) for a statement that only stores a value into a slot of this env:
        ``let/const/var x = v`` (one binding, not an anonymous function, which would take the name),
        ``x = v;`` or ``x op= v;`` whose completion value no one reads; ("setprop", object operand,
        key, value operand, position, strict, operator function or None, value position) for
        ``o.k = v;`` and ``o.k op= v;``;
        ("update", object operand, key, +1 or -1, position, strict) for ``o.k++;``; else None
        (compiled as a statement). fused.straight_body runs them in its own frame."""
        if st.type == "VariableDeclaration" and len(st.declarations) == 1:
            d = st.declarations[0]
            if d.id.type != "Identifier" or d.init is None and st.kind != "let":
                return None
            if self.strict and d.id.name in ("eval", "arguments"):
                return None  # the statement's own compile reports it
            ref = d.id.ref
            b = ref.binding
            if b is None or ref.dynamic or ref.hops() != 0 or (d.init is not None and is_anonymous_fn(d.init)):
                return None
            if d.init is None:
                return "store", b.index, ("c", UNDEFINED), self.pos(d)
            return "store", b.index, self.operand(d.init), self.value_pos(d.init)
        if st.type == "ExpressionStatement" and self.cv_ref is None and st.expression.type == "AssignmentExpression":
            e = st.expression
            left, op = e.left, e.operator
            if left.type == "Identifier" and (op == "=" and not is_anonymous_fn(e.right) or fusible(op[:-1])):
                t = self.local_target(left)
                if t is not None and t[0] == "l" and not self._appends(t[1], e):
                    self.check_assign_target(left)
                    if op == "=":
                        return "store", t[1], self.operand(e.right), self.value_pos(e.right)
                    # x op= v
                    return "store", t[1], ("x", (op[:-1], "l", t[1], *self.operand(e.right))), self.op_pos(e)
            if self._plain_member(left) and (op == "=" or fusible(op[:-1])):
                pos, opf, vpos = ((self.op_pos(e), None, self.value_pos(e.right)) if op == "=" else
                                  (self.op_pos(e), binop_function(op[:-1]), self.op_pos(e)))
                return ("setprop", self.operand(left.object), left.property.name, self.operand(e.right),
                        pos, self.strict, opf, vpos)
        if st.type == "ExpressionStatement" and self.cv_ref is None and st.expression.type == "UpdateExpression":
            arg = st.expression.argument
            if self._plain_member(arg):
                return ("update", self.operand(arg.object), arg.property.name,
                        1 if st.expression.operator == "++" else -1, self.pos(st.expression), self.strict)
        return None

    def _plain_member(self, node) -> bool:
        """Is ``node`` ``o.k`` (not computed, not super, not in an optional chain)?"""
        return (node.type == "MemberExpression" and not node.computed and node.object.type != "Super"
                and not self.in_chain(node))

    def value_pos(self, node) -> tuple:
        """Where errors of a value computed inline are placed: a binary operation's operator, else
        the expression's start."""
        return self.op_pos(node) if node.type == "BinaryExpression" else self.pos(node)

    def _appends(self, slot: int, e) -> bool:
        """Is ``e`` ``s += t`` or ``s = s + t`` on the local ``slot``? Those keep fused's append,
        which lets go of the string before growing it (string building stays linear)."""
        if e.operator == "+=":
            return True
        r = e.right
        return (e.operator == "=" and r.type == "BinaryExpression" and r.operator == "+"
                and r.left.type == "Identifier" and self.local_target(r.left) == ("l", slot))

    def _this_run(self, stmts):
        """The items of _this_assign when every one of ``stmts`` (at least one) is ``this.k = v`` on
        the same this slot, else None."""
        items = [self._this_assign(st) for st in stmts]
        if not items or any(it is None or it[0] != items[0][0] for it in items):
            return None
        return items

    def field_init(self, code: FunctionCode, run: list):
        """For a constructor whose body is only ``this.k = v`` statements (``run``: their _this_assign
        items), v a parameter or a constant (``constructor(x, y) { this.x = x; this.y = y; }``): the
        function making its new object directly (fused.field_init), else None."""
        if not (code.is_ctor and code.simple and code.this_idx) or run[0][0] != code.this_idx:
            return None
        keys, sources = [], []
        for _, key, shape, value, _ in run:
            if shape == "l" and value in code.param_slots:
                sources.append(("a", code.param_slots.index(value)))
            elif shape == "c":
                sources.append(("c", value))
            else:
                return None
            keys.append(key)
        return field_init(code.nparams, keys, sources)

    def _this_assign(self, st):
        """(this slot, key, value shape, value, position) for a statement ``this.k = v`` whose value is
        a slot or a constant, else None."""
        if st.type != "ExpressionStatement" or self.cv_ref is not None:
            return None
        e = st.expression
        if (e.type != "AssignmentExpression" or e.operator != "=" or e.left.type != "MemberExpression"
                or e.left.computed or e.left.object.type != "ThisExpression"
                or e.right.type not in ("Identifier", "Literal") or getattr(e.right, "regex", None) is not None):
            return None
        so, o = self.operand(e.left.object)
        sv, v = self.operand(e.right)
        if so != "l" or sv not in ("l", "u", "c", "t"):
            return None
        return o, e.left.property.name, sv, v, self.pos(e.left)

    def stmt(self, node):
        m = getattr(self, "s_" + node.type, None)
        if m is None:
            raise self.err(f"Unsupported statement: {node.type}", node)
        return m(node)

    def cv_store(self):
        """Completion-value store for script/eval code, or None."""
        return self.cv_ref

    def s_ExpressionStatement(self, node):
        cv = self.cv_ref
        if cv is None:
            st = self.expr_statement(node.expression)
            if st is not None:
                return st
        f = self.expr(node.expression)
        _pos = self.pos(node)
        if cv is not None:
            up = self.env_of(self.hops_to(cv[0]))
            idx = cv[1]

            def expr_stmt_cv(env):
                if False:
                    _pos  # noqa: B018
                up(env)[idx] = f(env)
            return expr_stmt_cv

        def expr_stmt(env):
            if False:
                _pos  # noqa: B018
            f(env)
        return expr_stmt

    def expr_statement(self, e):
        """An expression statement whose value is not needed, compiled without the value: an
        assignment to a slot stores into it, a call or member assignment drops its result. None when
        the expression has no such form."""
        t = e.type
        if t == "AssignmentExpression" and e.left.type == "Identifier":
            op = e.operator
            if op == "=" and is_anonymous_fn(e.right):
                return None
            tgt = self.local_target(e.left)
            if tgt is None:
                return None
            self.check_assign_target(e.left)
            shape, idx = tgt
            if op == "=":
                f, applied = self.expr_into(e.right, ("store",) + tgt)
                if applied:
                    return f
                if shape == "l":
                    def store_local(env):
                        env[idx] = f(env)
                    return store_local

                def store_up1(env):
                    env[0][idx] = f(env)
                return store_up1
            if fusible(op[:-1]):
                sb, b = self.operand(e.right)
                return fused(op[:-1], shape, idx, sb, b, ("store",) + tgt, self.op_pos(e))
            return None
        if t == "UpdateExpression" and e.argument.type == "Identifier":
            tgt = self.local_target(e.argument)
            if tgt is None or tgt[0] != "l":
                return None
            self.check_assign_target(e.argument)
            idx = tgt[1]
            delta = 1 if e.operator == "++" else -1

            def step_local(env):
                v = env[idx]
                if type(v) is int and MIN_SAFE < v < MAX_SAFE:
                    env[idx] = v + delta
                else:
                    env[idx] = _inc_slow(v, delta)[1]
            return step_local
        if t in ("CallExpression", "AssignmentExpression", "MemberExpression", "UpdateExpression"):
            f, applied = self.expr_into(e, ("discard",))
            if applied:
                return f
            _pos = self.pos(e)

            def expr_stmt(env):
                if False:
                    _pos  # noqa: B018
                f(env)
            return expr_stmt
        return None

    def cv_reset(self, inner):
        """UpdateEmpty(stmt, undefined) approximation for statements that produce values."""
        cv = self.cv_ref
        if cv is None:
            return inner
        up = self.env_of(self.hops_to(cv[0]))
        idx = cv[1]

        def with_reset(env):
            up(env)[idx] = UNDEFINED
            return inner(env)
        return with_reset

    def s_EmptyStatement(self, node):
        return None

    def s_DebuggerStatement(self, node):
        return None

    def s_VariableDeclaration(self, node):
        kind = node.kind
        fs = []
        for d in node.declarations:
            if kind == "const" and d.init is None:
                raise self.err("Missing initializer in const declaration", d)
            if d.id.type == "Identifier":
                if self.strict and d.id.name in ("eval", "arguments"):
                    raise self.err("Unexpected eval or arguments in strict mode", d)
                if d.init is None:
                    if kind == "var":
                        continue
                    put = self.ident_set(d.id, init=True)

                    def decl_undefined(env, put=put):
                        put(env, UNDEFINED)
                    fs.append(decl_undefined)
                    continue
                anon = is_anonymous_fn(d.init)
                ref = d.id.ref
                b = ref.binding
                if not anon and b is not None and not ref.dynamic and ref.hops() == 0:
                    # let x = a + b: the initialiser stores into the slot itself when it can
                    init, applied = self.expr_into(d.init, ("store", "l", b.index))
                    if applied:
                        fs.append(init)
                        continue
                else:
                    init = self.expr(d.init)
                name = d.id.name
                if kind == "var":
                    if d.id.ref.dynamic or d.id.ref.binding is None:
                        put = self.ident_set(d.id, init=False)
                        if d.id.ref.binding is None and not d.id.ref.dynamic:
                            # var at global level: the property exists (made at instantiation)
                            put = self.ident_set(d.id, init=False)
                    else:
                        put = self.ident_set(d.id, init=True)
                else:
                    put = self.ident_set(d.id, init=True)
                ref = d.id.ref
                b = ref.binding
                if not anon and b is not None and not ref.dynamic:
                    hops = ref.hops()
                    idx = b.index
                    if hops == 0:
                        def decl_local(env, init=init, idx=idx):
                            env[idx] = init(env)
                        fs.append(decl_local)
                        continue

                def decl(env, init=init, put=put, anon=anon, name=name):
                    v = init(env)
                    if anon:
                        set_function_name(v, name)
                    put(env, v)
                fs.append(decl)
            else:
                if d.init is None:
                    raise self.err("Missing initializer in destructuring declaration", d)
                init = self.expr(d.init)
                bind = self.pattern(d.id, "init" if kind != "var" else "var")

                def decl_pattern(env, init=init, bind=bind):
                    bind(env, init(env))
                fs.append(decl_pattern)
        if not fs:
            return None
        return run_list(fs)  # each returns None

    def s_FunctionDeclaration(self, node):
        # instantiated at scope entry; Annex B copies the block binding to the var binding here
        if getattr(node, "annexb", False) and not self.strict:
            fscope = self.scope.func
            name = node.id.name
            blk = self.scope.bindings.get(name)
            if blk is None or blk.kind != "lexfunc":
                return None
            getf = self.env_getter(self.hops_to(blk.env_scope), blk.index, False, name)
            vb = fscope.bindings.get(name)
            if fscope.kind == "function" and vb is not None:
                saved = self.scope
                setf_hops = self.hops_to(vb.env_scope)
                up = self.env_of(setf_hops)
                idx = vb.index

                def annexb_copy(env):
                    up(env)[idx] = getf(env)
                return annexb_copy
            if fscope.kind in ("script", "eval"):
                def annexb_global(env):
                    v = getf(env)
                    r = rt.dyn_find(env[0], name) if fscope.kind == "eval" else None
                    if r is not None and r[1] is not None:
                        r[0][r[1]] = v
                    else:
                        rt.global_set(name, v, False)
                return annexb_global
        return None

    def s_ClassDeclaration(self, node):
        mk = self.class_def(node)
        put = self.ident_set(node.id, init=True)

        def class_decl(env):
            put(env, mk(env))
        return class_decl

    def s_ReturnStatement(self, node):
        if self.fn_code is None:
            raise self.err("Illegal return statement", node)
        if node.argument is None:
            ret = Completion(RETURN, UNDEFINED)
            return lambda env: ret
        f = self.expr(node.argument)
        _pos = self.pos(node)
        if self.ret_guard == 0 and self.fn_code.start is None:
            # No JS code runs between this return and the function body's exit (which takes the
            # value out at once), so one completion record per return statement serves every call,
            # recursive ones included. Generator and async bodies can suspend on the way: not there.
            shared = Completion(RETURN, UNDEFINED)

            def ret_shared(env):
                if False:
                    _pos  # noqa: B018
                shared.value = f(env)
                return shared
            return ret_shared

        def ret_stmt(env):
            if False:
                _pos  # noqa: B018
            return Completion(RETURN, f(env))
        return ret_stmt

    def s_ThrowStatement(self, node):
        f = self.expr(node.argument)
        _pos = self.pos(node)

        def throw(env):
            if False:
                _pos  # noqa: B018
            raise JSThrow(f(env))
        return throw

    def s_IfStatement(self, node):
        a = self.sub_stmt(node.consequent) or _no_op
        b = self.sub_stmt(node.alternate) if node.alternate is not None else None
        return self.cv_reset(self.branch(node.test, a, b))

    def branch(self, test, a, b):
        """A closure running ``a(env)`` when ``test`` is truthy, else ``b(env)`` (None: nothing), and
        returning its completion. The test's value is not kept: a comparison, a call, a member read
        or another operator decides inside its own closure (a "branch" or "branchv" sink); &&, || and ! become branches
        of their operands, so only the operands that decide are evaluated, in order."""
        t = test.type
        if t == "LogicalExpression" and test.operator == "&&":
            return self.branch(test.left, self.branch(test.right, a, b), b)
        if t == "LogicalExpression" and test.operator == "||":
            return self.branch(test.left, a, self.branch(test.right, a, b))
        if t == "UnaryExpression" and test.operator == "!":
            return self.branch(test.argument, b or _no_op, a)
        if self.fused_test(test):
            return self.fused_binop(test, ("branch", b is not None, a, b))
        if t in ("CallExpression", "MemberExpression", "BinaryExpression"):
            f, applied = self.expr_into(test, ("branchv", b is not None, a, b))
            if applied:
                return f
            cond = _truthy(f)
        else:
            cond = self.test_expr(test)
        if b is None:
            def if_(env):
                if cond(env):
                    return a(env)
                return None
            return if_

        def if_else(env):
            if cond(env):
                return a(env)
            return b(env)
        return if_else

    def sub_stmt(self, node):
        """A statement in a sub-statement position."""
        if node.type == "FunctionDeclaration":
            if self.strict:
                raise self.err("In strict mode code, functions can only be declared at top level or inside a block.", node)
            s = node.block_scope
            with self.with_scope(s):
                body = self.stmt(node)
                return self.block_entry(s, body)
        if node.type in ("ClassDeclaration",) or (node.type == "VariableDeclaration" and node.kind != "var"):
            raise self.err("Lexical declaration cannot appear in a single-statement context", node)
        if node.type == "LabeledStatement":
            inner = node.body
            while inner.type == "LabeledStatement":
                inner = inner.body
            if inner.type == "FunctionDeclaration":
                raise self.err("In strict mode code, functions can only be declared at top level or inside a block.", node)
        return self.stmt(node)

    def block_enter(self, s: Scope):
        """A closure ``enter(env) -> env`` for entering block scope ``s`` (env creation, TDZ reset,
        function instantiation), or None when entering needs no work."""
        saved = self.scope
        self.scope = s
        try:
            funcs = [(s.bindings[f.id.name], self.function_maker(f)) for f in dedupe_funcs(s.funcs)]
        finally:
            self.scope = saved
        if s.has_env:
            size = s.size
            template = [None, s] + [UNDEFINED] * (size - 2)
            for b in s.bindings.values():
                if b.kind in LEXICAL:
                    template[b.index] = UNINIT
            if s.eval_dict_index >= 0:
                template[s.eval_dict_index] = None
            fl = tuple((b.index, mk) for b, mk in funcs)

            def enter_env(env):
                e = template[:]
                e[0] = env
                for idx, mk in fl:
                    e[idx] = mk(e, None)
                return e
            return enter_env
        resets = tuple(b.index for b in s.bindings.values() if b.kind in LEXICAL and b.needs_reset)
        fl = []
        for b, mk in funcs:
            fl.append((self.env_of(self.hops_to_from(s, b.env_scope)), b.index, mk))
        fl_t = tuple(fl)
        if not resets and not fl_t:
            return None
        up = self.env_of(self.hops_to_from(s, s.func))

        def enter_hoisted(env):
            if resets:
                fenv = up(env)
                for i in resets:
                    fenv[i] = UNINIT
            for upf, idx, mk in fl_t:
                upf(env)[idx] = mk(env, None)
            return env
        return enter_hoisted

    def block_entry(self, s: Scope, body):
        """Wrap ``body`` with the entry of block scope ``s``."""
        if body is None:
            body = lambda env: None  # noqa: E731
        enter = self.block_enter(s)
        if enter is None:
            return body
        return lambda env: body(enter(env))

    def hops_to_from(self, frm: Scope, target: Scope) -> int:
        saved = self.scope
        self.scope = frm
        try:
            return self.hops_to(target)
        finally:
            self.scope = saved

    def s_BlockStatement(self, node):
        return self.in_block(node, lambda: self.stmt_list(node.body))

    def in_block(self, node, make):
        """``make()`` compiled in block ``node``'s scope, entered by the closure it returns."""
        s = getattr(node, "scope", None)
        with self.with_scope(s):
            body = make()
            return body if s is None else self.block_entry(s, body)

    def take_labels(self):
        labels = self.pending_labels
        self.pending_labels = []
        return labels

    def s_LabeledStatement(self, node):
        label = node.label.name
        for t in self.targets:
            if label in t.labels:
                raise self.err(f"Label '{label}' has already been declared", node)
        if label in self.pending_labels:
            raise self.err(f"Label '{label}' has already been declared", node)
        body = node.body
        if body.type in ("ForStatement", "ForInStatement", "ForOfStatement", "WhileStatement",
                         "DoWhileStatement"):
            self.pending_labels.append(label)
            return self.stmt(body)
        if body.type == "LabeledStatement":
            self.pending_labels.append(label)
            inner_labels = list(self.pending_labels)
            tgt = Target(inner_labels, False)
            self.pending_labels = []
            self.pending_labels = inner_labels
            return self.stmt(body)
        if body.type == "FunctionDeclaration":
            if self.strict:
                raise self.err("In strict mode code, functions can only be declared at top level or inside a block.", body)
            if body.generator or body.isAsync:
                raise self.err("Generators can only be declared at the top level or inside a block.", body)
        labels = self.pending_labels + [label]
        self.pending_labels = []
        tgt = Target(labels, False)
        self.targets.append(tgt)
        try:
            inner = self.stmt(body) or (lambda env: None)
        finally:
            self.targets.pop()
        brk = tgt.brk

        def labeled(env):
            r = inner(env)
            if r is brk:
                return None
            return r
        return labeled

    def loop_target(self):
        tgt = Target(self.take_labels(), True)
        return tgt

    def s_BreakStatement(self, node):
        if node.label is not None:
            name = node.label.name
            for t in reversed(self.targets):
                if name in t.labels:
                    c = t.brk
                    return lambda env: c
            raise self.err(f"Undefined label '{name}'", node)
        for t in reversed(self.targets):
            if t.is_loop or t.is_switch:
                c = t.brk
                return lambda env: c
        raise self.err("Illegal break statement", node)

    def s_ContinueStatement(self, node):
        if node.label is not None:
            name = node.label.name
            for t in reversed(self.targets):
                if name in t.labels:
                    if not t.is_loop:
                        raise self.err(f"Illegal continue statement: '{name}' does not denote an iteration statement", node)
                    c = t.cont
                    return lambda env: c
            raise self.err(f"Undefined label '{name}'", node)
        for t in reversed(self.targets):
            if t.is_loop:
                c = t.cont
                return lambda env: c
        raise self.err("Illegal continue statement: no surrounding iteration statement", node)

    def loop_body(self, tgt: Target, body_node):
        self.targets.append(tgt)
        try:
            return self.sub_stmt(body_node) or (lambda env: None)
        finally:
            self.targets.pop()

    def s_WhileStatement(self, node):
        tgt = self.loop_target()
        if self.fused_test(node.test):  # a comparison read inline, as in counting for loops
            sa, a = self.operand(node.test.left)
            sb, b = self.operand(node.test.right)
            body = self.loop_body(tgt, node.body)
            return self.cv_reset(fused_for(node.test.operator, sa, a, sb, b, None, body, None, tgt.brk, tgt.cont))
        t = self.test_expr(node.test)
        body = self.loop_body(tgt, node.body)
        brk, cont = tgt.brk, tgt.cont

        def while_(env):
            while t(env):
                A.ticks -= 1
                if A.ticks < 0:
                    A.tick()
                r = body(env)
                if r is not None:
                    if r is brk:
                        break
                    if r is cont:
                        continue
                    return r
            return None
        return self.cv_reset(while_)

    def s_DoWhileStatement(self, node):
        tgt = self.loop_target()
        if self.fused_test(node.test):  # a comparison read inline after each run of the body
            body = self.loop_body(tgt, node.body)
            sa, a = self.operand(node.test.left)
            sb, b = self.operand(node.test.right)
            return self.cv_reset(fused_do_while(node.test.operator, sa, a, sb, b, body, tgt.brk, tgt.cont))
        t = self.test_expr(node.test)
        body = self.loop_body(tgt, node.body)
        brk, cont = tgt.brk, tgt.cont

        def do_while(env):
            while True:
                A.ticks -= 1
                if A.ticks < 0:
                    A.tick()
                r = body(env)
                if r is not None:
                    if r is brk:
                        break
                    if r is not cont:
                        return r
                if not t(env):
                    break
            return None
        return self.cv_reset(do_while)

    def s_ForStatement(self, node):
        s: Scope = node.scope
        with self.with_scope(s):
            tgt = self.loop_target()
            init = None
            if node.init is not None:
                if node.init.type == "VariableDeclaration":
                    init = self.stmt(node.init)
                else:
                    ie = self.expr(node.init)
                    init = _as_stmt(ie)
            test = self.test_expr(node.test) if node.test is not None else None
            update = self.expr(node.update) if node.update is not None else None
            body = self.loop_body(tgt, node.body)
            brk, cont = tgt.brk, tgt.cont
            per_iter = s.has_env and node.init is not None and node.init.type == "VariableDeclaration" \
                and node.init.kind == "let"
            if s.has_env:
                template = [None, s] + [UNINIT] * (s.size - 2)
            entry_resets = tuple(b.index for b in s.bindings.values() if b.needs_reset) if not s.has_env else ()
            up = self.env_of(self.hops_to_from(s, s.func)) if entry_resets else None
            if not s.has_env and not entry_resets and node.test is not None and self.fused_test(node.test):
                # the common counting loop: the test is read inline, one Python call fewer per iteration
                sa, a = self.operand(node.test.left)
                sb, b = self.operand(node.test.right)
                step = None
                u = node.update
                if u is not None and u.type == "UpdateExpression" and u.argument.type == "Identifier":
                    tgt_slot = self.local_target(u.argument)
                    if tgt_slot is not None and tgt_slot[0] == "l":  # i++ / i-- on a plain slot: inline
                        step = (tgt_slot[1], "c", 1 if u.operator == "++" else -1)
                elif (u is not None and u.type == "AssignmentExpression" and u.operator == "+="
                      and u.left.type == "Identifier" and u.right.type in ("Identifier", "Literal")):
                    tgt_slot = self.local_target(u.left)
                    ss, sv = self.operand(u.right)
                    if tgt_slot is not None and tgt_slot[0] == "l" and ss in "luc":  # j += i: inline too
                        step = (tgt_slot[1], ss, sv)
                return self.cv_reset(fused_for(node.test.operator, sa, a, sb, b, init, body, update, brk, cont,
                                               step))

        def for_(env):
            if s.has_env:
                e = template[:]
                e[0] = env
            else:
                e = env
                if entry_resets:
                    fe = up(env)
                    for i in entry_resets:
                        fe[i] = UNINIT
            if init is not None:
                init(e)
            if per_iter:
                e = e[:]
            while True:
                if test is not None and not test(e):
                    break
                A.ticks -= 1
                if A.ticks < 0:
                    A.tick()
                r = body(e)
                if r is not None:
                    if r is brk:
                        break
                    if r is not cont:
                        return r
                if per_iter:
                    e = e[:]
                if update is not None:
                    update(e)
            return None
        return self.cv_reset(for_)

    def for_in_of_target(self, node):
        """(bind(env, value), scope, is_lexical) for the head of a for-in/of statement."""
        left = node.left
        if left.type == "VariableDeclaration":
            d = left.declarations[0]
            if len(left.declarations) != 1:
                raise self.err("Invalid left-hand side in for-in loop: Must have a single binding.", node)
            if d.init is not None:
                if left.kind != "var" or self.strict or node.type == "ForOfStatement" or d.id.type != "Identifier":
                    raise self.err("for-in loop variable declaration may not have an initializer.", node)
            if left.kind != "var":
                names = pattern_names(d.id, [])
                if "let" in names:
                    raise self.err("let is disallowed as a lexically bound name", node)
            mode = "init" if left.kind != "var" else "var"
            if d.id.type == "Identifier":
                if self.strict and d.id.name in ("eval", "arguments"):
                    raise self.err("Unexpected eval or arguments in strict mode", d)
                return self.ident_set(d.id, init=(mode == "init")), left.kind != "var", d
            return self.pattern(d.id, mode), left.kind != "var", d
        if left.type in ("ObjectPattern", "ArrayPattern"):
            return self.pattern(left, "assign"), False, None
        if left.type == "Identifier":
            self.check_assign_target(left)
            return self.ident_set(left), False, None
        if left.type == "MemberExpression":
            objf, keyf = self.member_parts(left)
            strict = self.strict

            def bind_member(env, v):
                member_set(objf(env), to_key_fast(keyf(env)), v, strict)
            return bind_member, False, None
        if left.type == "CallExpression" and not self.strict:
            f = self.expr(left)

            def bind_call(env, v):
                f(env)
                raise reference_error("Invalid left-hand side in for loop")
            return bind_call, False, None
        raise self.err("Invalid left-hand side in for loop", node)

    def s_ForInStatement(self, node):
        return self.for_in_of(node, is_of=False)

    def s_ForOfStatement(self, node):
        if getattr(node, "allowAwait", False):
            return self.gstmt(node)
        return self.for_in_of(node, is_of=True)

    def for_in_of(self, node, is_of: bool):
        s: Scope = node.scope
        with self.with_scope(s):
            tgt = self.loop_target()
            bind, lexical, decl = self.for_in_of_target(node)
            var_init = None
            if decl is not None and decl.init is not None:
                vi = self.expr(decl.init)
                var_init = (bind, vi)
            rhs = self.expr(node.right)
            self.ret_guard += is_of
            try:
                body = self.loop_body(tgt, node.body)
            finally:
                self.ret_guard -= is_of
            brk, cont = tgt.brk, tgt.cont
            has_env = s.has_env
            template = [None, s] + [UNINIT] * (s.size - 2) if has_env else None
            resets = tuple(b.index for b in s.bindings.values()) if (not has_env and lexical) else ()
            up = self.env_of(self.hops_to_from(s, s.func)) if resets else None
            # `for (const x of a)` binding a slot of this frame: each element is stored straight into
            # it (the TDZ reset before the binding cannot be observed: nothing runs in between)
            slot = None
            if decl is not None and decl.id.type == "Identifier" and not has_env:
                ref = decl.id.ref
                b = ref.binding
                if b is not None and not ref.dynamic and b.kind != "import" and ref.hops() == 0:
                    slot = b.index
        _pos = self.pos(node)

        def iteration_env(env):
            if has_env:
                e = template[:]
                e[0] = env
                return e
            if resets:
                fe = up(env)
                for i in resets:
                    fe[i] = UNINIT
            return env

        if is_of:
            def for_of(env):
                if False:
                    _pos  # noqa: B018
                # the right side sees the loop's bindings in TDZ
                v = rhs(iteration_env(env) if lexical else env)
                if type(v) is JSArray and ops.array_iteration_is_pristine(v):
                    arr = v.arr
                    i = 0
                    while True:
                        arr = v.arr
                        if arr is None:
                            return for_of_generic(env, v, i)
                        if i >= len(arr):
                            break
                        x = arr[i]
                        if x is HOLE:
                            x = v.get(str(i), v)
                        i += 1
                        A.ticks -= 1
                        if A.ticks < 0:
                            A.tick()
                        if slot is not None:
                            e = env
                            env[slot] = x
                        else:
                            e = iteration_env(env) if lexical else env
                            bind(e, x)
                        r = body(e)
                        if r is not None:
                            if r is brk:
                                break
                            if r is not cont:
                                return r
                    return None
                return for_of_generic(env, v, 0)

            def for_of_generic(env, v, start):
                if start:
                    rec = ops.get_iterator(v)
                    for _ in range(start):
                        ops.iterator_step(rec)
                else:
                    rec = ops.get_iterator(v)
                while True:
                    A.ticks -= 1
                    if A.ticks < 0:
                        A.tick()
                    x = ops.iterator_step(rec)
                    if x is MISSING:
                        return None
                    e = iteration_env(env) if lexical else env
                    try:
                        bind(e, x)
                        r = body(e)
                    except JSThrow as exc:
                        ops.iterator_close(rec, exc)
                        raise
                    if r is not None:
                        if r is brk:
                            ops.iterator_close(rec)
                            return None
                        if r is not cont:
                            ops.iterator_close(rec)
                            return r
            return self.cv_reset(for_of)

        def for_in(env):
            if False:
                _pos  # noqa: B018
            if var_init is not None:
                var_init[0](env, var_init[1](env))
            v = rhs(iteration_env(env) if lexical else env)
            if v is None or v is UNDEFINED:
                return None
            obj = to_object(v)
            for k in enumerate_keys(obj):
                A.ticks -= 1
                if A.ticks < 0:
                    A.tick()
                e = iteration_env(env) if lexical else env
                bind(e, k)
                r = body(e)
                if r is not None:
                    if r is brk:
                        break
                    if r is not cont:
                        return r
            return None
        return self.cv_reset(for_in)

    def s_SwitchStatement(self, node):
        disc = self.expr(node.discriminant)
        s: Scope = node.scope
        with self.with_scope(s):
            tgt = Target(self.take_labels(), False, is_switch=True)
            self.targets.append(tgt)
            try:
                cases = []
                default_index = -1
                for i, case in enumerate(node.cases):
                    test = self.expr(case.test) if case.test is not None else None
                    if test is None:
                        if default_index >= 0:
                            raise self.err("More than one default clause in switch statement", case)
                        default_index = i
                    cases.append((test, self.stmt_list(case.consequent)))
            finally:
                self.targets.pop()
        enter = self.block_enter(s)
        brk = tgt.brk
        cases_t = tuple(cases)
        n = len(cases_t)

        def switch(env):
            v = disc(env)
            e = env if enter is None else enter(env)
            start = -1
            for i in range(n):
                test = cases_t[i][0]
                if test is not None and strict_equals(v, test(e)):
                    start = i
                    break
            if start < 0:
                if default_index < 0:
                    return None
                start = default_index
            for j in range(start, n):
                r = cases_t[j][1](e)
                if r is not None:
                    if r is brk:
                        return None
                    return r
            return None
        return self.cv_reset(switch)

    def s_TryStatement(self, node):
        guard = node.finalizer is not None
        self.ret_guard += guard
        try:
            return self._try_statement(node)
        finally:
            self.ret_guard -= guard

    def _try_statement(self, node):
        block = self.stmt(node.block) or (lambda env: None)
        handler = None
        if node.handler is not None:
            h = node.handler
            cs: Scope = h.scope
            with self.with_scope(cs):
                bind = None
                if h.param is not None:
                    if self.strict and h.param.type == "Identifier" and h.param.name in ("eval", "arguments"):
                        raise self.err("Unexpected eval or arguments in strict mode", h.param)
                    bind = self.pattern(h.param, "init")
                body = self.stmt(h.body) or (lambda env: None)
                has_env = cs.has_env
                template = [None, cs] + [UNDEFINED] * (cs.size - 2) if has_env else None

            def handler(env, exc):
                if has_env:
                    e = template[:]
                    e[0] = env
                else:
                    e = env
                if bind is not None:
                    bind(e, exc)
                return body(e)
        fin = self.stmt(node.finalizer) if node.finalizer is not None else None
        if fin is None:
            fin_f = None
        else:
            fin_f = fin

        def try_stmt(env):
            if handler is not None:
                try:
                    r = block(env)
                except JSThrow as e:
                    val = e.get_value(A.realm)
                    if fin_f is None:
                        return handler(env, val)
                    try:
                        r = handler(env, val)
                    except JSThrow:
                        fr = fin_f(env)
                        if fr is not None:
                            return fr
                        raise
                except RecursionError:
                    exc = JSThrow(kind="RangeError", msg="Maximum call stack size exceeded")
                    val = exc.get_value(A.realm)
                    if fin_f is None:
                        return handler(env, val)
                    try:
                        r = handler(env, val)
                    except JSThrow:
                        fr = fin_f(env)
                        if fr is not None:
                            return fr
                        raise
                if fin_f is None:
                    return r
                fr = fin_f(env)
                return fr if fr is not None else r
            try:
                r = block(env)
            except JSThrow:
                fr = fin_f(env)
                if fr is not None:
                    return fr
                raise
            fr = fin_f(env)
            return fr if fr is not None else r
        return self.cv_reset(try_stmt)

    def s_WithStatement(self, node):
        objf = self.expr(node.object)
        s: Scope = node.scope
        with self.with_scope(s):
            body = self.sub_stmt(node.body) or (lambda env: None)
        size = s.size
        widx = s.with_index

        def with_(env):
            o = to_object(objf(env))
            e = [env, s] + [UNDEFINED] * (size - 2)
            e[widx] = o
            return body(e)
        return self.cv_reset(with_)


def _guarded(stmts) -> bool:
    """Statements without return, ifs whose parts are each free of return, always returning
    (_always_returns) or running on into the rest (_runs_on), and at most one return, the last
    statement: what guarded_body compiles."""
    for i, st in enumerate(stmts):
        if not _contains_return(st):
            continue
        if st.type == "ReturnStatement":
            return i == len(stmts) - 1
        if not _guarded_if(st):
            return False
    return True


def _guarded_if(st) -> bool:
    """An if statement guarded_body can compile: each part free of return, always returning or
    running on (into the statements after the if)."""
    if st.type != "IfStatement":
        return False
    for part in (st.consequent, st.alternate):
        if part is not None and _contains_return(part) and not (_always_returns(part) or _runs_on(part)):
            return False
    return True


def _always_returns(st) -> bool:
    """Does a statement that guarded_body can compile return on every path: a return, a block of
    guarded statements ending in one, an if/else both of whose parts always return?"""
    if st.type == "ReturnStatement":
        return True
    if st.type == "BlockStatement":
        return bool(st.body) and _guarded(st.body) and _always_returns(st.body[-1])
    if st.type == "IfStatement":
        return st.alternate is not None and _always_returns(st.consequent) and _always_returns(st.alternate)
    return False


def _runs_on(st) -> bool:
    """A statement with returns that may also complete normally, which guarded_body compiles with the
    rest of the list as its continuation: a guarded if, or a block of guarded statements that has no
    environment of its own (the rest runs in the block's frame, so it must be the function's)."""
    if st.type == "IfStatement":
        return _guarded_if(st)
    if st.type == "BlockStatement":
        s = getattr(st, "scope", None)
        return (s is None or not s.has_env) and _guarded(st.body)
    return False


_NESTED_CODE = ("FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression", "ClassDeclaration",
                "ClassExpression")


# What keeps a one-expression body from being a leaf: a call made there (calls, tagged templates,
# dynamic import) or code run at once from a class definition. Everything else it runs (getters,
# valueOf, constructors, proxy traps) is called through a counted frame, so a leaf needs no depth.
_LEAF_STOPS = ("CallExpression", "TaggedTemplateExpression", "ImportExpression", "ClassExpression",
               "YieldExpression", "AwaitExpression")


_MAX_INLINE_OPS = 4  # fused operations computed inline in one operand (a + b * c - d): source size


def _fused_count(shape: str, value) -> int:
    """How many fused operations an operand computes inline (shape "x" nests)."""
    if shape != "x":
        return 0
    return 1 + _fused_count(value[1], value[2]) + _fused_count(value[3], value[4])


def _contains(node, types: tuple, memo: str) -> bool:
    """Does a statement contain a statement of one of ``types`` (outside nested functions)? The answer
    is kept on the node under ``memo``."""
    c = node.__dict__.get(memo)
    if c is not None:
        return c
    t = node.type
    if t in types:
        r = True
    elif t in _NESTED_CODE:
        r = False
    else:
        from .scope import iter_children

        r = any(_contains(ch, types, memo) for ch in iter_children(node))
    node.__dict__[memo] = r
    return r


def _contains_return(node) -> bool:
    """Does a statement contain a return statement (outside nested functions)?"""
    return _contains(node, ("ReturnStatement",), "_has_ret")


def _contains_abrupt(node) -> bool:
    """Does a statement contain return, break or continue (outside nested functions)?"""
    return _contains(node, ("ReturnStatement", "BreakStatement", "ContinueStatement"), "_has_abrupt")


def _nullish_literal(node) -> str | None:
    """'null' / 'undefined' when ``node`` is the literal null or the global undefined."""
    if node.type == "Literal" and node.value is None and node.raw == "null":
        return "null"
    if node.type == "Identifier" and node.name == "undefined":
        ref = node.__dict__.get("ref")
        if ref is not None and ref.binding is None and not ref.dynamic:
            return "undefined"
    return None


def _as_stmt(f):
    def stmt(env):
        f(env)
    return stmt


def _inc_slow(v, delta):
    """(old numeric, new) for ++/--."""
    v = to_numeric(v)
    if type(v) is JSBigInt:
        return v, JSBigInt(v.value + delta)
    return v, num(v + delta)


def dedupe_funcs(funcs: list) -> list:
    """Function declarations to instantiate: the last one of each name wins."""
    seen = {}
    for f in funcs:
        seen[f.id.name] = f
    return list(seen.values())


def function_body(body, stmts):
    """Turn a statement-list closure into a function body closure returning the return value."""
    # fast path: a body that is a single return statement
    if len(stmts) == 1 and stmts[0].type == "ReturnStatement" and stmts[0].argument is not None:
        def body1(env):
            r = body(env)
            v = r.value
            r.value = UNDEFINED  # a shared return record must not keep the value alive
            return v
        return body1

    def fbody(env):
        r = body(env)
        if r is None:
            return UNDEFINED
        v = r.value
        r.value = UNDEFINED
        return v
    return fbody


def is_anonymous_fn(node) -> bool:
    """IsAnonymousFunctionDefinition (8.4.3)."""
    t = node.type
    if t in ("FunctionExpression", "ClassExpression"):
        return node.id is None
    return t == "ArrowFunctionExpression"


def mark_chain(node) -> None:
    """Mark the members/calls of an optional chain so they propagate the short-circuit."""
    while node is not None:
        t = node.type
        if t == "MemberExpression":
            node._in_chain = True
            node = node.object
        elif t == "CallExpression":
            node._in_chain = True
            node = node.callee
        else:
            return


def make_template_object(realm, cooked: list, raw: list):
    """GetTemplateObject (13.2.8.4): frozen arrays of cooked and raw strings."""
    raw_arr = JSArray(realm.ArrayPrototype, list(raw))
    arr = JSArray(realm.ArrayPrototype, [UNDEFINED if c is None else c for c in cooked])
    raw_arr.to_sparse()
    arr.to_sparse()
    for a in (raw_arr, arr):
        for k, v in list(a.props.items()):
            a.props[k] = Prop(v, E)
        a.length_writable = False
        a.extensible = False
    arr.props["raw"] = Prop(raw_arr, 0)
    return arr


def enumerate_keys(obj):
    """EnumerateObjectProperties (14.7.5.9): enumerable string keys up the prototype chain, once each,
    skipping keys deleted before they are reached."""
    visited = set()
    o = obj
    while o is not None:
        keys = o.own_keys()
        for k in keys:
            if type(k) is not str:
                continue
            if k in visited:
                continue
            p = o.get_own_property(k)
            if p is MISSING:
                continue
            visited.add(k)
            if ops.prop_enumerable(p):
                yield k
        o = o.get_prototype_of()


def default_ctor_code(name: str, derived: bool, src: str, filename: str) -> FunctionCode:
    code = FunctionCode()
    code.name = name
    code.length = 0
    code.strict = True
    code.is_ctor = True
    code.is_class_ctor = True
    code.derived = derived
    code.source_text = src
    code.filename = filename
    scope = Scope("function", None, None, True)
    code.template = [None, scope, UNINIT, UNDEFINED, UNDEFINED]
    code.this_idx = 2
    code.newtarget_idx = 3
    code.func_idx = 4
    code.simple = True
    code.nparams = 0
    if derived:
        def derived_body(env):
            return UNDEFINED
        code.body = derived_body
        code.bind_params = None
        code.simple = False

        def bind(env, args):
            func = env[4]
            parent = func.get_prototype_of()
            if not ops.is_constructor(parent):
                raise type_error("Super constructor is not a constructor")
            env[2] = parent.construct(list(args), env[3])
            if code.fields is not None:
                code.fields(env[2], func)
        code.bind_params = bind
    else:
        code.template[2] = UNDEFINED
        code.body = lambda env: UNDEFINED
    return code


def _has_legacy_octal_escape(raw: str) -> bool:
    i = 1
    n = len(raw) - 1
    while i < n:
        c = raw[i]
        if c == "\\":
            d = raw[i + 1] if i + 1 < len(raw) else ""
            if d in "1234567" or d in "89":
                return True
            if d == "0" and i + 2 < len(raw) and raw[i + 2].isdigit():
                return True
            i += 2
            continue
        i += 1
    return False


def _is_legacy_octal_number(raw: str) -> bool:
    return len(raw) > 1 and raw[0] == "0" and raw[1].isdigit()
