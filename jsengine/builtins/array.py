"""The Array constructor, Array.prototype and %ArrayIteratorPrototype% (ECMA-262 23.1).

Every method is generic, written against [[Get]]/[[Set]]/[[HasProperty]]/[[Delete]] with string keys
as in the specification. Dense ``JSArray`` stores get fast paths, taken only when no user code could
tell the difference:

- ``_readable(o)``: the dense store, when reading every index is unobservable (a hole reads through
  the prototype chain, so holes need a chain without index properties or exotic objects);
- ``_inplace(o)`` / ``_resizable(o)``: the dense store, when elements may also be overwritten, moved,
  deleted (and the array grown or shrunk) without running user code.

A dense element is always a default data property (objects.py), so reading or overwriting one is
never observable. Work is charged to the step budget before it is done (one step per element for
loops in Python, one per 16 for bulk list operations) and big allocations are announced to
``A.alloc`` first.
"""

from __future__ import annotations

from functools import cmp_to_key
from math import isnan

from ..budget import AGENT as A
from ..errors import range_error, type_error
from ..objects import (
    ACC,
    INDEX_HAZARD,
    MISSING,
    C,
    JSArray,
    JSInternal,
    JSObject,
    JSStringObject,
    Prop,
    index_key_int,
)
from ..ops import (
    call,
    construct,
    create_data_property_or_throw,
    create_iter_result,
    delete_property_or_throw,
    get_function_realm,
    get_method,
    get_prototype_from_constructor,
    is_array,
    is_callable,
    is_constructor,
    length_of_array_like,
    same_value_zero,
    set_or_throw,
    strict_equals,
    to_boolean,
    to_integer_or_infinity,
    to_number,
    to_object,
    to_string,
    to_uint32,
)
from ..realm import arg, constructor, getter, method
from ..values import HOLE, SYM, UNDEFINED, JSBigInt
from .iterator import JSIterable, incompatible, make_iterator_prototype, next_method_of, receiver_text
from ..compiler.fused import callback_caller

MAX_LEN = 2**53 - 1  # the largest length of an array-like
MAX_ARRAY_LEN = 2**32 - 1  # the largest length of an Array
DENSE_LIMIT = 1 << 22  # ArrayCreate(n) keeps a dense store (8 bytes per slot) up to this length
_BULK = 4  # bulk list work is charged one step per 2**_BULK elements
_FLAT_DEPTH = 2  # flat() nesting allowed, in multiples of the call-depth budget (V8: stack overflow)


# -- helpers ------------------------------------------------------------------------------------------


def _tick() -> None:
    A.ticks -= 1
    if A.ticks < 0:
        A.tick()


def _scan(n: int) -> None:
    """Charge bulk list work on ``n`` elements (a C-speed scan or move, nothing allocated)."""
    if n > 64:
        A.charge(n >> _BULK)


def _bulk(n: int) -> None:
    """Charge bulk list work on ``n`` elements, and account the memory of a new list that size."""
    if n > 64:
        A.charge(n >> _BULK)
        if n > 4096:
            A.alloc(8 * n)


def _not_callable(v):
    return type_error(f"{receiver_text(v)} is not a function")


def _callable_arg(v):
    if not is_callable(v):
        raise _not_callable(v)
    return v


def _to_obj(this, name: str):
    """ToObject(this value), with V8's message for the methods that name themselves."""
    if isinstance(this, JSObject):
        return this
    if this is UNDEFINED or this is None:
        raise type_error(f"Array.prototype.{name} called on null or undefined")
    return to_object(this)


def _rel(v, n: int) -> int:
    """A relative index argument (start, end ...) clamped to [0, n]."""
    r = to_integer_or_infinity(v)
    if r < 0:
        r = n + r
        return 0 if r < 0 else int(r)
    return n if r > n else int(r)


def _chain_clean(o) -> bool:
    """True when no object on o's prototype chain has an index property or is exotic (a Proxy ...)."""
    p = o.proto
    while p is not None:
        t = type(p)
        if t is JSArray:
            if p.arr:
                for v in p.arr:
                    if v is not HOLE:
                        return False
        elif t is JSStringObject:
            if p.data:
                return False
        elif not p.ordinary_get:
            return False
        for k in p.props:
            if type(k) is str and k[:1].isdigit() and index_key_int(k) >= 0:
                return False
        p = p.proto
    return True


def _plain_chain(o) -> bool:
    """True when [[Set]] of an index missing from o meets only ordinary objects up the chain."""
    p = o.proto
    while p is not None:
        t = type(p)
        if t is JSStringObject:
            if p.data:
                return False
        elif not p.ordinary_get and t is not JSArray:
            return False
        p = p.proto
    return True


def _readable(o):
    """The dense store of ``o`` when reading any index (HasProperty + Get) cannot run user code."""
    if type(o) is not JSArray:
        return None
    arr = o.arr
    if arr is None or (HOLE in arr and not _chain_clean(o)):
        return None
    return arr


def _inplace(o):
    """The dense store when its elements may also be overwritten, moved and deleted unobservably."""
    if type(o) is not JSArray:
        return None
    arr = o.arr
    if arr is None:
        return None
    if HOLE in arr and not (o.extensible and _chain_clean(o)):
        return None
    return arr


def _sets_create(o) -> bool:
    """True when [[Set]] of an index ``o`` lacks just creates a data property (no setter, no Proxy,
    no read-only property up the chain: INDEX_HAZARD says whether any accessor index exists at all)."""
    return o.extensible and (_plain_chain(o) if not INDEX_HAZARD[0] else _chain_clean(o))


def _resizable(o):
    """The dense store when the array may in addition grow and shrink unobservably."""
    arr = _inplace(o)
    if arr is None or not o.length_writable or not _sets_create(o):
        return None
    return arr


def _sparse_indices(o, lo: int, hi: int):
    """The own indices in [lo, hi) of a sparse Array, ascending, when visiting only those is
    unobservable (all data properties, a clean prototype chain) and worth it; else None."""
    if type(o) is not JSArray or o.arr is not None:
        return None
    props = o.props
    if hi - lo <= 2 * len(props) + 64:
        return None
    idx = []
    for k, v in props.items():
        if type(k) is str and k[:1].isdigit():
            i = index_key_int(k)
            if lo <= i < hi:
                if type(v) is Prop and v.flags & ACC:
                    return None
                idx.append(i)
    if not _chain_clean(o):
        return None
    A.charge(len(props) >> _BULK)
    idx.sort()
    return idx


def _sparse_value(o, i: int):
    v = o.props[str(i)]
    return v.value if type(v) is Prop else v


def _present(o, k: int):
    """HasProperty(O, k) then Get(O, k): the value, or MISSING when absent."""
    if type(o) is JSArray:
        arr = o.arr
        if arr is not None and k < len(arr):
            v = arr[k]
            if v is not HOLE:
                return v
    key = str(k)
    if o.has_property(key):
        return o.get(key)
    return MISSING


def _get(o, k: int):
    """Get(O, ToString(k))."""
    if type(o) is JSArray:
        return o.get_index(k)
    return o.get(str(k))


def _each(o, n: int, start: int = 0):
    """(k, value) for every present index start <= k < n, ascending, re-read per element."""
    k = start
    if type(o) is JSArray:
        while k < n:
            A.ticks -= 1
            if A.ticks < 0:
                A.tick()
            arr = o.arr
            if arr is not None and k < len(arr):
                v = arr[k]
                if v is not HOLE:
                    yield k, v
                    k += 1
                    continue
            key = str(k)
            if o.has_property(key):
                yield k, o.get(key)
            k += 1
        return
    while k < n:
        A.ticks -= 1
        if A.ticks < 0:
            A.tick()
        key = str(k)
        if o.has_property(key):
            yield k, o.get(key)
        k += 1


def _new_array(items: list) -> JSArray:
    """A new Array of the current realm with ``items`` as its store."""
    return JSArray(A.realm.ArrayPrototype, items)


def array_create(length: int, proto: JSObject | None = None) -> JSArray:
    """ArrayCreate (10.4.2.2): a new Array of ``length`` holes (sparse store when very long)."""
    if length > MAX_ARRAY_LEN:
        raise range_error("Invalid array length")
    a = JSArray(A.realm.ArrayPrototype if proto is None else proto, [])
    if length:
        if length <= DENSE_LIMIT:
            if length > 4096:
                A.alloc(8 * length)
            a.arr = [HOLE] * length
        else:
            a.to_sparse()
            a.alen = length
    return a


def _species(original, length: int):
    """ArraySpeciesCreate (10.4.2.3), or None when the result is a plain new Array of this realm
    (after the same observable steps): the caller builds that array itself."""
    if not is_array(original):
        if length > MAX_ARRAY_LEN:
            raise range_error("Invalid array length")
        return None
    c = original.get("constructor")
    realm = A.realm
    if is_constructor(c):
        realm_c = get_function_realm(c)
        if realm_c is not realm and c is getattr(realm_c, "Array", None):
            c = UNDEFINED
    if isinstance(c, JSObject):
        c = c.get(SYM.species)
        if c is None:
            c = UNDEFINED
    if c is UNDEFINED or c is realm.Array:
        if length > MAX_ARRAY_LEN:
            raise range_error("Invalid array length")
        return None
    if not is_constructor(c):
        raise type_error("object.constructor[Symbol.species] is not a constructor")
    return construct(c, [length])


def array_species_create(original, length: int):
    """ArraySpeciesCreate (10.4.2.3)."""
    a = _species(original, length)
    return array_create(length) if a is None else a


def _put(a: JSArray, k: int, v) -> None:
    """CreateDataPropertyOrThrow(A, k, v) on a fresh Array made here (nothing observes it)."""
    arr = a.arr
    if arr is not None:
        n = len(arr)
        if k < n:
            arr[k] = v
            return
        if k == n:
            arr.append(v)
            return
    create_data_property_or_throw(a, str(k), v)


def _define(a, fresh: bool, k: int, v) -> None:
    if fresh:
        _put(a, k, v)
    else:
        create_data_property_or_throw(a, str(k), v)


def _densify(a: JSArray) -> bool:
    """Give a sparse Array back a dense store when every element is a default data property."""
    if a.arr is not None:
        return True
    n = a.alen
    if n > DENSE_LIMIT or not a.extensible or not a.length_writable:
        return False
    idx = []
    for k, v in a.props.items():
        if type(k) is str and k[:1].isdigit():
            i = index_key_int(k)
            if i >= 0:
                if type(v) is Prop:
                    return False
                idx.append((i, k, v))
    _bulk(n)
    arr = [HOLE] * n
    props = a.props
    for i, k, v in idx:
        arr[i] = v
        del props[k]
    a.arr = arr
    return True


_JOIN_STACK: set = set()  # ids of the objects being joined: a cycle joins as "" (as V8 does); a set, as
# a list scan made joining nested arrays quadratic in their depth (and uncharged)


def _join(o, n: int, sep: str, locale_args: list | None) -> str:
    """The loop of Array.prototype.join / toLocaleString, with V8's cycle detection."""
    if id(o) in _JOIN_STACK:
        return ""
    if n == 0:
        return ""
    wide = 1 if sep.isascii() else 4
    A.alloc((n - 1) * len(sep) * wide)
    _JOIN_STACK.add(id(o))
    try:
        if locale_args is None:
            idx = _sparse_indices(o, 0, n)
            if idx is not None:
                vals = [_sparse_value(o, i) for i in idx]
                if not any(isinstance(v, JSObject) for v in vals):
                    return _join_sparse(idx, vals, n, sep)
        parts = []
        total = 0
        is_arr = type(o) is JSArray
        for k in range(n):
            A.ticks -= 1
            if A.ticks < 0:
                A.tick()
            v = HOLE
            if is_arr:
                arr = o.arr
                if arr is not None and k < len(arr):
                    v = arr[k]
            if v is HOLE:
                v = o.get(str(k))
            t = type(v)
            if v is UNDEFINED or v is None:
                s = ""
            elif locale_args is not None:  # Invoke(element, "toLocaleString"), strings included
                f = v.get("toLocaleString") if isinstance(v, JSObject) else _get_v(v, "toLocaleString")
                s = to_string(call(f, v, locale_args))
            elif t is str:
                s = v
            elif t is int:
                s = str(v)
            else:
                s = to_string(v)
            parts.append(s)
            total += len(s)
            if total > 1 << 20:
                A.alloc(total * (1 if s.isascii() else 4))
                total = 0
        return sep.join(parts)
    finally:
        _JOIN_STACK.discard(id(o))


def _get_v(v, key):
    from ..ops import get_v

    return get_v(v, key)


def _to_str_prim(v) -> str:
    if v is UNDEFINED or v is None:
        return ""
    return to_string(v)


def _join_sparse(idx: list, vals: list, n: int, sep: str) -> str:
    """Join a sparse array from its present elements: element i follows exactly i separators."""
    pieces = []
    last = 0
    total = (n - 1) * len(sep)
    for i, v in zip(idx, vals):
        s = _to_str_prim(v)
        pieces.append(sep * (i - last))
        pieces.append(s)
        total += len(s)
        last = i
    A.alloc(total)
    pieces.append(sep * (n - 1 - last))
    return "".join(pieces)


def _is_concat_spreadable(o) -> bool:
    """IsConcatSpreadable (23.1.3.1.1)."""
    if not isinstance(o, JSObject):
        return False
    s = o.get(SYM.isConcatSpreadable)
    if s is not UNDEFINED:
        return to_boolean(s)
    return is_array(o)


def _strict_index(arr: list, x, lo: int, hi: int) -> int:
    """The first i in [lo, hi) with IsStrictlyEqual(x, arr[i]) (holes never match), or -1."""
    tx = type(x)
    if tx is float and isnan(x):
        return -1
    if tx is str or isinstance(x, JSObject) or x is UNDEFINED or x is None:
        try:
            return arr.index(x, lo, hi)  # str == only str; objects, undefined, null by identity
        except ValueError:
            return -1
    if tx is bool or tx is int or tx is float or tx is JSBigInt:
        want_bool = tx is bool
        want_num = tx is int or tx is float
        while lo < hi:
            try:
                i = arr.index(x, lo, hi)  # Python: True == 1 == 1.0; filter by type below
            except ValueError:
                return -1
            t = type(arr[i])
            if (t is bool) == want_bool and ((t is int or t is float) == want_num):
                return i
            lo = i + 1
        return -1
    for i in range(lo, hi):  # symbols
        if arr[i] is x:
            return i
    return -1


# -- 23.1.1 The Array constructor ---------------------------------------------------------------------


# 23.1.1.1 Array ( ...values )
def array_construct(args: list, new_target) -> JSArray:
    proto = get_prototype_from_constructor(new_target, "ArrayPrototype")
    if len(args) == 1:
        n = args[0]
        t = type(n)
        if t is int or t is float:
            i = to_uint32(n)
            if i != n:
                raise range_error("Invalid array length")
            return array_create(i, proto)
        return JSArray(proto, [n])
    return JSArray(proto, list(args))


def array_call(this, args: list) -> JSArray:
    return array_construct(args, A.realm.Array)


# 23.1.2.1 Array.from ( items [ , mapfn [ , thisArg ] ] )
def array_from(this, args: list):
    c = this
    items = arg(args, 0)
    mapfn = arg(args, 1)
    this_arg = arg(args, 2)
    mapping = mapfn is not UNDEFINED
    if mapping and not is_callable(mapfn):
        raise _not_callable(mapfn)
    realm = A.realm
    own = not is_constructor(c) or c is realm.Array  # the result is a plain new Array
    if items is UNDEFINED or items is None:
        what = "undefined" if items is UNDEFINED else "object null"
        raise type_error(f"{what} is not iterable (cannot read property Symbol(Symbol.iterator))")
    using = get_method(items, SYM.iterator)
    if using is not UNDEFINED:
        a = None if own else construct(c, [])
        it = JSIterable(items, using)
        out = []
        k = 0
        while True:
            v = it.step()
            if v is MISSING:
                break
            try:
                if k >= MAX_LEN:
                    raise type_error("Invalid array length")
                if mapping:
                    v = call(mapfn, this_arg, [v, k])
                if a is None:
                    out.append(v)
                else:
                    create_data_property_or_throw(a, str(k), v)
            except BaseException as e:
                it.close(e)
                raise
            k += 1
        if a is None:
            return _new_array(out)
        set_or_throw(a, "length", k)
        return a
    array_like = to_object(items)
    n = length_of_array_like(array_like)
    if own:
        a = array_create(n)
    else:
        a = construct(c, [n])
    for k in range(n):
        _tick()
        v = _get(array_like, k)
        if mapping:
            v = call(mapfn, this_arg, [v, k])
        _define(a, own, k, v)
    set_or_throw(a, "length", n)
    return a


# 23.1.2.2 Array.isArray ( arg )
def array_is_array(this, args: list) -> bool:
    return is_array(arg(args, 0))


# 23.1.2.3 Array.of ( ...items )
def array_of(this, args: list):
    n = len(args)
    if not is_constructor(this) or this is A.realm.Array:
        return _new_array(list(args))
    a = construct(this, [n])
    for k, v in enumerate(args):
        create_data_property_or_throw(a, str(k), v)
    set_or_throw(a, "length", n)
    return a


# 23.1.2.5 get Array [ @@species ]
def array_species(this, args: list):
    return this


# -- 23.1.3 Properties of the Array prototype object --------------------------------------------------


# 23.1.3.1 Array.prototype.concat ( ...items )
def array_concat(this, args: list):
    o = _to_obj(this, "concat")
    a = _species(o, 0)
    fresh = a is None
    if fresh:
        a = _new_array([])
    n = 0
    for e in [o, *args]:
        if not _is_concat_spreadable(e):
            if n >= MAX_LEN:
                raise type_error("Invalid array length")
            _define(a, fresh, n, e)
            n += 1
            continue
        ln = length_of_array_like(e)
        if n + ln > MAX_LEN:
            raise type_error("Invalid array length")
        if fresh:
            dst = a.arr
            if dst is not None and len(dst) == n:
                src = _readable(e)
                if src is not None:
                    _bulk(ln)
                    dst.extend(src)
                    n += ln
                    continue
            idx = _sparse_indices(e, 0, ln)
            if idx is not None:
                for i in idx:
                    _tick()
                    _put(a, n + i, _sparse_value(e, i))
                n += ln
                set_or_throw(a, "length", n)
                continue
        for k, v in _each(e, ln):
            _define(a, fresh, n + k, v)
        n += ln
    set_or_throw(a, "length", n)
    return a


# 23.1.3.3 Array.prototype.copyWithin ( target, start [ , end ] )
def array_copy_within(this, args: list):
    o = to_object(this)
    n = length_of_array_like(o)
    to = _rel(arg(args, 0), n)
    frm = _rel(arg(args, 1), n)
    end = arg(args, 2)
    final = n if end is UNDEFINED else _rel(end, n)
    count = min(final - frm, n - to)
    if count <= 0:
        return o
    arr = _inplace(o)
    if arr is not None and len(arr) == n:
        _bulk(count)
        arr[to:to + count] = arr[frm:frm + count]
        return o
    if frm < to < frm + count:
        step = -1
        frm += count - 1
        to += count - 1
    else:
        step = 1
    while count > 0:
        _tick()
        v = _present(o, frm)
        if v is MISSING:
            delete_property_or_throw(o, str(to))
        else:
            set_or_throw(o, str(to), v)
        frm += step
        to += step
        count -= 1
    return o


# 23.1.3.4 Array.prototype.entries ( )
def array_entries(this, args: list):
    return create_array_iterator(to_object(this), "key+value")


# 23.1.3.5 Array.prototype.every ( callbackfn [ , thisArg ] )
def array_every(this, args: list) -> bool:
    o = _to_obj(this, "every")
    n = length_of_array_like(o)
    cb = _callable_arg(arg(args, 0))
    this_arg = arg(args, 1)
    cb = callback_caller(cb, this_arg, 3)
    for k, v in _each(o, n):
        if not to_boolean(cb(v, k, o)):
            return False
    return True


# 23.1.3.6 Array.prototype.fill ( value [ , start [ , end ] ] )
def array_fill(this, args: list):
    o = to_object(this)
    n = length_of_array_like(o)
    value = arg(args, 0)
    k = _rel(arg(args, 1), n)
    end = arg(args, 2)
    final = n if end is UNDEFINED else _rel(end, n)
    if k >= final:
        return o
    count = final - k
    if type(o) is JSArray and o.arr is None and count * 2 >= n and _chain_clean(o):
        _densify(o)
    arr = _inplace(o)
    if arr is not None and len(arr) == n:
        _bulk(count)
        arr[k:final] = [value] * count
        return o
    A.charge(count)
    key_of = str
    while k < final:
        set_or_throw(o, key_of(k), value)
        k += 1
    return o


# 23.1.3.7 Array.prototype.filter ( callbackfn [ , thisArg ] )
def array_filter(this, args: list):
    o = _to_obj(this, "filter")
    n = length_of_array_like(o)
    cb = _callable_arg(arg(args, 0))
    this_arg = arg(args, 1)
    cb = callback_caller(cb, this_arg, 3)
    a = _species(o, 0)
    out = []
    to = 0
    for k, v in _each(o, n):
        if to_boolean(cb(v, k, o)):
            if a is None:
                out.append(v)
            else:
                create_data_property_or_throw(a, str(to), v)
            to += 1
    return _new_array(out) if a is None else a


# 23.1.3.8 Array.prototype.find ( predicate [ , thisArg ] )
def array_find(this, args: list):
    o = _to_obj(this, "find")
    n = length_of_array_like(o)
    cb = _callable_arg(arg(args, 0))
    this_arg = arg(args, 1)
    cb = callback_caller(cb, this_arg, 3)
    for k in range(n):
        _tick()
        v = _get(o, k)
        if to_boolean(cb(v, k, o)):
            return v
    return UNDEFINED


# 23.1.3.9 Array.prototype.findIndex ( predicate [ , thisArg ] )
def array_find_index(this, args: list):
    o = _to_obj(this, "findIndex")
    n = length_of_array_like(o)
    cb = _callable_arg(arg(args, 0))
    this_arg = arg(args, 1)
    cb = callback_caller(cb, this_arg, 3)
    for k in range(n):
        _tick()
        if to_boolean(cb(_get(o, k), k, o)):
            return k
    return -1


# 23.1.3.10.1 FlattenIntoArray ( target, source, sourceLen, start, depth [ , mapperFunction, thisArg ] )
def _flatten(target, fresh: bool, source, source_len: int, start: int, depth, mapper=None,
             this_arg=UNDEFINED) -> int:
    """FlattenIntoArray with an explicit stack (deep nesting ends in a RangeError, as in V8)."""
    index = start
    limit = max(A.max_depth, 1000) * _FLAT_DEPTH
    stack = [[source, source_len, 0, depth]]
    while stack:
        frame = stack[-1]
        src, ln, k, d = frame
        if k >= ln:
            stack.pop()
            continue
        frame[2] = k + 1
        _tick()
        v = _present(src, k)
        if v is MISSING:
            continue
        if mapper is not None and len(stack) == 1:
            v = call(mapper, this_arg, [v, k, src])
        if d > 0 and is_array(v):
            if len(stack) >= limit:
                raise range_error("Maximum call stack size exceeded")
            stack.append([v, length_of_array_like(v), 0, d - 1])
            continue
        if index >= MAX_LEN:
            raise type_error("Invalid array length")
        _define(target, fresh, index, v)
        index += 1
    return index


# 23.1.3.10 Array.prototype.flat ( [ depth ] )
def array_flat(this, args: list):
    o = to_object(this)
    n = length_of_array_like(o)
    depth = arg(args, 0)
    d = 1
    if depth is not UNDEFINED:
        d = max(to_integer_or_infinity(depth), 0)
    a = _species(o, 0)
    fresh = a is None
    if fresh:
        a = _new_array([])
    _flatten(a, fresh, o, n, 0, d)
    return a


# 23.1.3.11 Array.prototype.flatMap ( mapperFunction [ , thisArg ] )
def array_flat_map(this, args: list):
    o = to_object(this)
    n = length_of_array_like(o)
    mapper = arg(args, 0)
    if not is_callable(mapper):
        raise type_error("flatMap mapper function is not callable")
    a = _species(o, 0)
    fresh = a is None
    if fresh:
        a = _new_array([])
    _flatten(a, fresh, o, n, 0, 1, mapper, arg(args, 1))
    return a


# 23.1.3.12 Array.prototype.forEach ( callbackfn [ , thisArg ] )
def array_for_each(this, args: list):
    o = _to_obj(this, "forEach")
    n = length_of_array_like(o)
    cb = _callable_arg(arg(args, 0))
    this_arg = arg(args, 1)
    cb = callback_caller(cb, this_arg, 3)
    for k, v in _each(o, n):
        cb(v, k, o)
    return UNDEFINED


def _from_index(args: list, n: int):
    """The start index of includes/indexOf: an int in [0, n], or None when nothing is searched."""
    f = to_integer_or_infinity(arg(args, 1))
    if f >= n:
        return None
    if f < 0:
        f = max(n + f, 0)
    return int(f)


# 23.1.3.13 Array.prototype.includes ( searchElement [ , fromIndex ] )
def array_includes(this, args: list) -> bool:
    o = to_object(this)
    n = length_of_array_like(o)
    if n == 0:
        return False
    k = _from_index(args, n)
    if k is None:
        return False
    x = arg(args, 0)
    arr = _readable(o)
    if arr is not None and len(arr) == n:  # (fromIndex's valueOf may have changed the array)
        _scan(n - k)
        if x is UNDEFINED and HOLE in arr[k:]:
            return True
        if type(x) is float and isnan(x):
            for i in range(k, n):
                v = arr[i]
                if type(v) is float and isnan(v):
                    return True
            return False
        return _strict_index(arr, x, k, n) >= 0
    idx = _sparse_indices(o, k, n)
    if idx is not None:
        if x is UNDEFINED and len(idx) < n - k:
            return True  # a hole reads as undefined
        return any(same_value_zero(x, _sparse_value(o, i)) for i in idx)
    while k < n:
        _tick()
        if same_value_zero(x, _get(o, k)):
            return True
        k += 1
    return False


# 23.1.3.14 Array.prototype.indexOf ( searchElement [ , fromIndex ] )
def array_index_of(this, args: list):
    o = _to_obj(this, "indexOf")
    n = length_of_array_like(o)
    if n == 0:
        return -1
    k = _from_index(args, n)
    if k is None:
        return -1
    x = arg(args, 0)
    arr = _readable(o)
    if arr is not None and len(arr) == n:
        _scan(n - k)
        return _strict_index(arr, x, k, n)
    idx = _sparse_indices(o, k, n)
    if idx is not None:
        for i in idx:
            if strict_equals(x, _sparse_value(o, i)):
                return i
        return -1
    for i, v in _each(o, n, k):
        if strict_equals(x, v):
            return i
    return -1


# 23.1.3.15 Array.prototype.join ( separator )
def array_join(this, args: list) -> str:
    o = to_object(this)
    n = length_of_array_like(o)
    sep = arg(args, 0)
    sep = "," if sep is UNDEFINED else to_string(sep)
    return _join(o, n, sep, None)


# 23.1.3.16 Array.prototype.keys ( )
def array_keys(this, args: list):
    return create_array_iterator(to_object(this), "key")


# 23.1.3.17 Array.prototype.lastIndexOf ( searchElement [ , fromIndex ] )
def array_last_index_of(this, args: list):
    o = to_object(this)
    n = length_of_array_like(o)
    if n == 0:
        return -1
    if len(args) > 1:
        f = to_integer_or_infinity(args[1])
        if f == float("-inf"):
            return -1
        k = int(min(f, n - 1)) if f >= 0 else int(n + f)
    else:
        k = n - 1
    if k < 0:
        return -1
    x = arg(args, 0)
    arr = _readable(o)
    if arr is not None and len(arr) == n:
        _scan(k + 1)
        if type(x) is float and isnan(x):
            return -1
        for i in range(k, -1, -1):
            v = arr[i]
            if v is not HOLE and strict_equals(x, v):
                return i
        return -1
    idx = _sparse_indices(o, 0, k + 1)
    if idx is not None:
        for i in reversed(idx):
            if strict_equals(x, _sparse_value(o, i)):
                return i
        return -1
    while k >= 0:
        _tick()
        v = _present(o, k)
        if v is not MISSING and strict_equals(x, v):
            return k
        k -= 1
    return -1


# 23.1.3.18 Array.prototype.map ( callbackfn [ , thisArg ] )
def array_map(this, args: list):
    o = _to_obj(this, "map")
    n = length_of_array_like(o)
    cb = _callable_arg(arg(args, 0))
    this_arg = arg(args, 1)
    cb = callback_caller(cb, this_arg, 3)
    a = _species(o, n)
    fresh = a is None
    if fresh:
        a = array_create(n)
    for k, v in _each(o, n):
        _define(a, fresh, k, cb(v, k, o))
    return a


# 23.1.3.19 Array.prototype.pop ( )
def array_pop(this, args: list):
    o = to_object(this)
    if type(o) is JSArray:
        arr = o.arr
        if arr and arr[-1] is not HOLE and o.length_writable:
            return arr.pop()
    n = length_of_array_like(o)
    if n == 0:
        set_or_throw(o, "length", 0)
        return UNDEFINED
    key = str(n - 1)
    v = o.get(key)
    delete_property_or_throw(o, key)
    set_or_throw(o, "length", n - 1)
    return v


# 23.1.3.20 Array.prototype.push ( ...items )
def array_push(this, args: list):
    o = to_object(this)
    if type(o) is JSArray:
        arr = o.arr
        if (arr is not None and o.length_writable and len(arr) + len(args) <= MAX_ARRAY_LEN
                and _sets_create(o)):
            if len(args) == 1:
                arr.append(args[0])
            else:
                _bulk(len(args))
                arr.extend(args)
            return len(arr)
    n = length_of_array_like(o)
    if n + len(args) > MAX_LEN:
        raise type_error(f"Pushing {len(args)} elements on an array-like of length {n} is disallowed, "
                         "as the total surpasses 2**53-1")
    for v in args:
        set_or_throw(o, str(n), v)
        n += 1
    set_or_throw(o, "length", n)
    return n


def _reduce(this, args: list, right: bool):
    o = _to_obj(this, "reduceRight" if right else "reduce")
    n = length_of_array_like(o)
    cb = _callable_arg(arg(args, 0))
    cb = callback_caller(cb, UNDEFINED, 4)
    if right:
        ks = range(n - 1, -1, -1)
    else:
        ks = range(n)
    it = iter(ks)
    if len(args) >= 2:
        acc = args[1]
    else:
        for k in it:
            _tick()
            acc = _present(o, k)
            if acc is not MISSING:
                break
        else:
            raise type_error("Reduce of empty array with no initial value")
    for k in it:
        _tick()
        v = _present(o, k)
        if v is not MISSING:
            acc = cb(acc, v, k, o)
    return acc


# 23.1.3.21 Array.prototype.reduce ( callbackfn [ , initialValue ] )
def array_reduce(this, args: list):
    return _reduce(this, args, False)


# 23.1.3.22 Array.prototype.reduceRight ( callbackfn [ , initialValue ] )
def array_reduce_right(this, args: list):
    return _reduce(this, args, True)


# 23.1.3.23 Array.prototype.reverse ( )
def array_reverse(this, args: list):
    o = to_object(this)
    n = length_of_array_like(o)
    arr = _inplace(o)
    if arr is not None and len(arr) == n:
        _scan(n)
        arr.reverse()
        return o
    middle = n // 2
    lower = 0
    while lower != middle:
        _tick()
        upper = n - lower - 1
        lk = str(lower)
        uk = str(upper)
        lower_exists = o.has_property(lk)
        if lower_exists:
            lv = o.get(lk)
        upper_exists = o.has_property(uk)
        if upper_exists:
            uv = o.get(uk)
        if lower_exists and upper_exists:
            set_or_throw(o, lk, uv)
            set_or_throw(o, uk, lv)
        elif upper_exists:
            set_or_throw(o, lk, uv)
            delete_property_or_throw(o, uk)
        elif lower_exists:
            delete_property_or_throw(o, lk)
            set_or_throw(o, uk, lv)
        lower += 1
    return o


# 23.1.3.24 Array.prototype.shift ( )
def array_shift(this, args: list):
    o = to_object(this)
    n = length_of_array_like(o)
    if n == 0:
        set_or_throw(o, "length", 0)
        return UNDEFINED
    arr = _resizable(o)
    if arr is not None:
        _scan(n)
        v = arr.pop(0)
        return UNDEFINED if v is HOLE else v
    first = o.get("0")
    for k in range(1, n):
        _tick()
        v = _present(o, k)
        if v is MISSING:
            delete_property_or_throw(o, str(k - 1))
        else:
            set_or_throw(o, str(k - 1), v)
    delete_property_or_throw(o, str(n - 1))
    set_or_throw(o, "length", n - 1)
    return first


# 23.1.3.25 Array.prototype.slice ( start, end )
def array_slice(this, args: list):
    o = to_object(this)
    n = length_of_array_like(o)
    k = _rel(arg(args, 0), n)
    end = arg(args, 1)
    final = n if end is UNDEFINED else _rel(end, n)
    count = final - k if final > k else 0
    a = _species(o, count)
    if a is None:
        src = _readable(o)
        if src is not None and len(src) == n:  # (argument conversions may have changed the array)
            _bulk(count)
            return _new_array(src[k:final])
        a = array_create(count)
        idx = _sparse_indices(o, k, final)
        if idx is not None:
            for i in idx:
                _tick()
                _put(a, i - k, _sparse_value(o, i))
            return a
        fresh = True
    else:
        fresh = False
    for i, v in _each(o, final, k):
        _define(a, fresh, i - k, v)
    set_or_throw(a, "length", count)
    return a


# 23.1.3.26 Array.prototype.some ( callbackfn [ , thisArg ] )
def array_some(this, args: list) -> bool:
    o = _to_obj(this, "some")
    n = length_of_array_like(o)
    cb = _callable_arg(arg(args, 0))
    this_arg = arg(args, 1)
    cb = callback_caller(cb, this_arg, 3)
    for k, v in _each(o, n):
        if to_boolean(cb(v, k, o)):
            return True
    return False


def sort_values(items: list, comparefn) -> list:
    """Sort ``items`` by SortCompare (23.1.3.27.1), stable; undefineds last. Returns a new list."""
    vals = [v for v in items if v is not UNDEFINED]
    undefs = len(items) - len(vals)
    m = len(vals)
    if m > 1:
        if comparefn is UNDEFINED:
            A.charge(m * m.bit_length() >> 2)
            if not all(type(v) is str for v in vals):
                keys = []
                for v in vals:
                    t = type(v)
                    keys.append(v if t is str else str(v) if t is int else to_string(v))
                order = sorted(range(m), key=keys.__getitem__)
                vals = [vals[i] for i in order]
            else:
                vals.sort()
        else:
            cmp = callback_caller(comparefn, UNDEFINED, 2)

            def compare(x, y):
                A.ticks -= 1
                if A.ticks < 0:
                    A.tick()
                r = cmp(x, y)
                if type(r) is not int:
                    r = to_number(r)
                    if isnan(r):
                        return 0
                return r

            vals.sort(key=cmp_to_key(compare))
    if undefs:
        vals.extend([UNDEFINED] * undefs)
    return vals


def _delete_range(o, lo: int, hi: int) -> None:
    """DeletePropertyOrThrow(O, j) for lo <= j < hi, ascending (skipping keys that cannot exist)."""
    if lo >= hi:
        return
    if type(o) is JSArray:
        arr = o.arr
        if arr is not None:
            hi = min(hi, len(arr))
            if lo < hi:
                _bulk(hi - lo)
                arr[lo:hi] = [HOLE] * (hi - lo)  # dense elements are configurable
            return
        keys = []
        for k in o.props:
            if type(k) is str and k[:1].isdigit():
                i = index_key_int(k)
                if lo <= i < hi:
                    keys.append(i)
        keys.sort()
        for i in keys:
            delete_property_or_throw(o, str(i))
        return
    for j in range(lo, hi):
        _tick()
        delete_property_or_throw(o, str(j))


# 23.1.3.27 Array.prototype.sort ( comparefn )
def array_sort(this, args: list):
    comparefn = arg(args, 0)
    if comparefn is not UNDEFINED and not is_callable(comparefn):
        raise type_error("The comparison function must be either a function or undefined")
    o = to_object(this)
    n = length_of_array_like(o)
    src = _readable(o)
    if src is not None:
        _bulk(n)
        items = [v for v in src if v is not HOLE]
    else:
        idx = _sparse_indices(o, 0, n)
        if idx is not None:
            items = [_sparse_value(o, i) for i in idx]
        else:
            items = [v for _, v in _each(o, n)]
    result = sort_values(items, comparefn)
    m = len(result)
    arr = _inplace(o)
    if arr is not None and len(arr) >= n:
        _scan(n)
        arr[:m] = result
        if m < n:
            arr[m:n] = [HOLE] * (n - m)
        return o
    for j, v in enumerate(result):
        _tick()
        set_or_throw(o, str(j), v)
    _delete_range(o, m, n)
    return o


# 23.1.3.28 Array.prototype.splice ( start, deleteCount, ...items )
def array_splice(this, args: list):
    o = to_object(this)
    n = length_of_array_like(o)
    start = _rel(arg(args, 0), n)
    if not args:
        dc = 0
    elif len(args) == 1:
        dc = n - start
    else:
        d = to_integer_or_infinity(args[1])
        dc = int(min(max(d, 0), n - start))
    items = args[2:]
    ic = len(items)
    if n + ic - dc > MAX_LEN:
        raise type_error("Invalid array length")
    a = _species(o, dc)
    if a is None:
        arr = _resizable(o) if ic != dc else _inplace(o)  # (the final Set of "length" must succeed)
        if arr is not None and len(arr) == n and n + ic - dc <= MAX_ARRAY_LEN and o.length_writable:
            _bulk(n - start + ic)
            removed = arr[start:start + dc]
            arr[start:start + dc] = items
            return _new_array(removed)
        a = array_create(dc)
        fresh = True
    else:
        fresh = False
    for k, v in _each(o, start + dc, start):
        _define(a, fresh, k - start, v)
    set_or_throw(a, "length", dc)
    if ic < dc:
        for k in range(start, n - dc):
            _tick()
            v = _present(o, k + dc)
            if v is MISSING:
                delete_property_or_throw(o, str(k + ic))
            else:
                set_or_throw(o, str(k + ic), v)
        for k in range(n, n - dc + ic, -1):
            _tick()
            delete_property_or_throw(o, str(k - 1))
    elif ic > dc:
        for k in range(n - dc, start, -1):
            _tick()
            v = _present(o, k + dc - 1)
            if v is MISSING:
                delete_property_or_throw(o, str(k + ic - 1))
            else:
                set_or_throw(o, str(k + ic - 1), v)
    for i, v in enumerate(items):
        set_or_throw(o, str(start + i), v)
    set_or_throw(o, "length", n - dc + ic)
    return a


# 23.1.3.29 Array.prototype.toLocaleString ( [ reserved1 [ , reserved2 ] ] )
def array_to_locale_string(this, args: list) -> str:
    o = to_object(this)
    n = length_of_array_like(o)
    return _join(o, n, ",", [])  # ECMA-262 without ECMA-402: no locales/options are passed on


# 23.1.3.30 Array.prototype.toString ( )
def array_to_string(this, args: list):
    o = to_object(this)
    f = o.get("join")
    if not is_callable(f):
        f = A.realm.ObjectProtoToString
    return f.call(o, [])


# 23.1.3.31 Array.prototype.unshift ( ...items )
def array_unshift(this, args: list):
    o = to_object(this)
    n = length_of_array_like(o)
    c = len(args)
    if c:
        if n + c > MAX_LEN:
            raise type_error("Invalid array length")
        arr = _resizable(o)
        if arr is not None and n + c <= MAX_ARRAY_LEN:
            _bulk(n + c)
            arr[0:0] = args
            return n + c
        for k in range(n, 0, -1):
            _tick()
            v = _present(o, k - 1)
            if v is MISSING:
                delete_property_or_throw(o, str(k + c - 1))
            else:
                set_or_throw(o, str(k + c - 1), v)
        for j, v in enumerate(args):
            set_or_throw(o, str(j), v)
    set_or_throw(o, "length", n + c)
    return n + c


# 23.1.3.32 Array.prototype.values ( )
def array_values(this, args: list):
    return create_array_iterator(to_object(this), "value")


# -- 23.1.5 Array iterator objects ---------------------------------------------------------------------


# 23.1.5.1 CreateArrayIterator ( array, kind )
def create_array_iterator(array, kind: str) -> JSInternal:
    """An Array Iterator over ``array``; ``kind`` is "key", "value" or "key+value"."""
    return JSInternal(A.realm.ArrayIteratorPrototype, "ArrayIterator", [array, 0, kind])


# 23.1.5.2.1 %ArrayIteratorPrototype%.next ( )
def array_iterator_next(this, args: list):
    if type(this) is not JSInternal or this.kind != "ArrayIterator":
        raise incompatible("Array Iterator.prototype.next", this)
    st = this.data
    a = st[0]
    if a is None:
        return create_iter_result(UNDEFINED, True)
    i = st[1]
    if type(a) is JSArray:
        n = a.length
    else:
        ta_len = getattr(a, "typed_array_length", None)  # a TypedArray: TypeError when detached
        n = ta_len() if ta_len is not None else length_of_array_like(a)
    if i >= n:
        st[0] = None
        return create_iter_result(UNDEFINED, True)
    st[1] = i + 1
    kind = st[2]
    if kind == "key":
        return create_iter_result(i, False)
    v = _get(a, i)
    if kind == "value":
        return create_iter_result(v, False)
    return create_iter_result(_new_array([i, v]), False)


# -- setup -------------------------------------------------------------------------------------------


def setup(realm) -> None:
    """Create %Array%, fill %Array.prototype% and make %ArrayIteratorPrototype%."""
    proto = realm.ArrayPrototype
    ctor = constructor(realm, "Array", array_call, array_construct, 1, proto)
    realm.Array = ctor
    method(realm, ctor, "from", array_from, 1)
    method(realm, ctor, "isArray", array_is_array, 1)
    method(realm, ctor, "of", array_of, 0)
    getter(realm, ctor, SYM.species, array_species)

    method(realm, proto, "concat", array_concat, 1)
    method(realm, proto, "copyWithin", array_copy_within, 2)
    method(realm, proto, "entries", array_entries, 0)
    method(realm, proto, "every", array_every, 1)
    method(realm, proto, "fill", array_fill, 1)
    method(realm, proto, "filter", array_filter, 1)
    method(realm, proto, "find", array_find, 1)
    method(realm, proto, "findIndex", array_find_index, 1)
    method(realm, proto, "flat", array_flat, 0)
    method(realm, proto, "flatMap", array_flat_map, 1)
    method(realm, proto, "forEach", array_for_each, 1)
    method(realm, proto, "includes", array_includes, 1)
    method(realm, proto, "indexOf", array_index_of, 1)
    method(realm, proto, "join", array_join, 1)
    method(realm, proto, "keys", array_keys, 0)
    method(realm, proto, "lastIndexOf", array_last_index_of, 1)
    method(realm, proto, "map", array_map, 1)
    method(realm, proto, "pop", array_pop, 0)
    method(realm, proto, "push", array_push, 1)
    method(realm, proto, "reduce", array_reduce, 1)
    method(realm, proto, "reduceRight", array_reduce_right, 1)
    method(realm, proto, "reverse", array_reverse, 0)
    method(realm, proto, "shift", array_shift, 0)
    method(realm, proto, "slice", array_slice, 2)
    method(realm, proto, "some", array_some, 1)
    method(realm, proto, "sort", array_sort, 1)
    method(realm, proto, "splice", array_splice, 2)
    method(realm, proto, "toLocaleString", array_to_locale_string, 0)
    method(realm, proto, "toString", array_to_string, 0)
    method(realm, proto, "unshift", array_unshift, 1)
    values = method(realm, proto, "values", array_values, 0)
    proto.props[SYM.iterator] = proto.props["values"]  # 23.1.3.33: the same function object
    realm.ArrayValues = values

    # 23.1.3.34 Array.prototype [ @@unscopables ]
    unscopables = JSObject(None)
    for name in ("copyWithin", "entries", "fill", "find", "findIndex", "flat", "flatMap", "includes",
                 "keys", "values"):
        unscopables.props[name] = True
    proto.props[SYM.unscopables] = Prop(unscopables, C)

    # 23.1.5.2 %ArrayIteratorPrototype%
    it_proto = make_iterator_prototype(realm, "Array Iterator", array_iterator_next)
    realm.ArrayIteratorPrototype = it_proto
    realm.ArrayIteratorNext = next_method_of(it_proto)
    realm.define_global("Array", ctor)


__all__ = ["array_create", "array_species_create", "create_array_iterator", "setup", "sort_values"]
