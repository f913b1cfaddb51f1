"""TypedArray objects (ECMA-262 23.2): the integer-indexed exotic object (10.4.5), %TypedArray% with its
prototype methods, and the eleven concrete constructors (Int8Array ... BigUint64Array).

A typed array views ``array_length`` elements of its buffer's ``bytearray`` from ``byte_offset``.
Canonical numeric string keys never reach the ordinary property dict: they are elements when they are
valid integer indices and nothing otherwise. Bulk work (fill, copyWithin, slice of the same type, set
from a typed array, sort, reverse) moves bytes or ``struct``-packs whole ranges.
"""

from __future__ import annotations

import math
import struct
from functools import cmp_to_key

from ..budget import AGENT as A
from ..errors import JSThrow, range_error, type_error
from ..objects import ABSENT, MISSING, Desc, JSArray, JSObject, Prop, ordered_keys, ordinary_set
from ..ops import (
    array_iteration_is_pristine,
    call,
    canonical_numeric_index_string,
    get_method,
    get_prototype_from_constructor,
    invoke,
    is_callable,
    is_constructor,
    iterate_to_list,
    length_of_array_like,
    number_to_string,
    same_value_zero,
    species_constructor,
    to_boolean,
    to_index,
    to_integer_or_infinity,
    to_number,
    to_object,
    to_string,
)
from ..realm import arg, constant, constructor, getter, method
from ..values import HOLE, SYM, UNDEFINED, JSBigInt
from .array import create_array_iterator
from .arraybuffer import ELEMENT_TYPES, ElementType, JSArrayBuffer, allocate_array_buffer
from .iterator import receiver_text

INF = float("inf")


_NUMERIC_START = frozenset("0123456789-IN")  # the first character of any canonical numeric string


def numeric_index(key: str):
    """CanonicalNumericIndexString (7.1.21) of a string key: a Number, or None."""
    if key[:1] not in _NUMERIC_START:
        return None
    if key.isdigit() and key.isascii() and len(key) < 16 and (key[0] != "0" or len(key) == 1):
        return int(key)
    return canonical_numeric_index_string(key)


class JSTypedArray(JSObject):
    """An integer-indexed exotic object (10.4.5)."""

    __slots__ = ("array_length", "buffer", "byte_length", "byte_offset", "etype")
    ordinary_get = False
    kind = "TypedArray"

    def __init__(self, proto, etype: ElementType) -> None:
        self.props = {}
        self.proto = proto
        self.extensible = True
        self.etype = etype
        self.buffer: JSArrayBuffer | None = None
        self.byte_offset = 0
        self.array_length = 0
        self.byte_length = 0

    @property
    def typed_array_name(self) -> str:
        return self.etype.name + "Array"

    @property
    def detached(self) -> bool:
        return self.buffer.data is None

    def typed_array_length(self) -> int:
        """The length, or a TypeError when the buffer is detached (array iterators)."""
        if self.buffer.data is None:
            raise type_error("Cannot perform %ArrayIteratorPrototype%.next on a detached ArrayBuffer")
        return self.array_length

    # 10.4.5.9 IsValidIntegerIndex ( O, index )
    def is_valid_index(self, n) -> bool:
        if self.buffer.data is None:
            return False
        if type(n) is int:
            return 0 <= n < self.array_length
        if math.isnan(n) or n in (INF, -INF) or n != int(n):
            return False
        if n == 0 and math.copysign(1.0, n) < 0:
            return False
        return 0 <= n < self.array_length

    # 10.4.5.10 IntegerIndexedElementGet ( O, index )
    def element_get(self, n):
        if not self.is_valid_index(n):
            return UNDEFINED
        et = self.etype
        return et.get(self.buffer.data, self.byte_offset + int(n) * et.size)

    # 10.4.5.11 IntegerIndexedElementSet ( O, index, value ) (TypedArraySetElement)
    def element_set(self, n, value) -> None:
        et = self.etype
        v = et.coerce(value)
        if self.is_valid_index(n):
            et.put(self.buffer.data, self.byte_offset + int(n) * et.size, v)

    def get_index(self, i: int):
        """[[Get]] of the integer index ``i`` (a fast path for callers holding an int)."""
        data = self.buffer.data
        if data is not None and 0 <= i < self.array_length:
            et = self.etype
            return et.get(data, self.byte_offset + i * et.size)
        return UNDEFINED

    # 10.4.5.1 [[GetOwnProperty]] ( P )
    def get_own_property(self, key):
        if type(key) is str:
            n = numeric_index(key)
            if n is not None:
                v = self.element_get(n)
                return MISSING if v is UNDEFINED else v
        return self.props.get(key, MISSING)

    # 10.4.5.2 [[HasProperty]] ( P )
    def has_property(self, key) -> bool:
        if type(key) is str:
            n = numeric_index(key)
            if n is not None:
                return self.is_valid_index(n)
        if key in self.props:
            return True
        p = self.proto
        return p is not None and p.has_property(key)

    # 10.4.5.3 [[DefineOwnProperty]] ( P, Desc )
    def define_own_property(self, key, desc: Desc) -> bool:
        if type(key) is str:
            n = numeric_index(key)
            if n is not None:
                if not self.is_valid_index(n):
                    return False
                if desc.configurable is False or desc.enumerable is False or desc.is_accessor() \
                        or desc.writable is False:
                    return False
                if desc.value is not ABSENT:
                    self.element_set(n, desc.value)
                return True
        return JSObject.define_own_property(self, key, desc)

    # 10.4.5.4 [[Get]] ( P, Receiver )
    def get(self, key, receiver=None):
        if type(key) is str and key[:1] in _NUMERIC_START:
            n = numeric_index(key)
            if type(n) is int:
                data = self.buffer.data
                if data is not None and 0 <= n < self.array_length:
                    et = self.etype
                    return et.get(data, self.byte_offset + n * et.size)
                return UNDEFINED
            if n is not None:
                return self.element_get(n)
        v = self.props.get(key, MISSING)
        if v is not MISSING:
            if type(v) is Prop:
                if v.is_accessor:
                    return UNDEFINED if v.getter is UNDEFINED else v.getter.call(
                        self if receiver is None else receiver, [])
                return v.value
            return v
        p = self.proto
        return UNDEFINED if p is None else p.get(key, self if receiver is None else receiver)

    # 10.4.5.5 [[Set]] ( P, V, Receiver )
    def set(self, key, value, receiver=None) -> bool:
        if type(key) is str and key[:1] in _NUMERIC_START:
            n = numeric_index(key)
            if n is not None:
                if receiver is None or receiver is self:
                    self.element_set(n, value)
                    return True
                if not self.is_valid_index(n):
                    return True
        return ordinary_set(self, key, value, self if receiver is None else receiver)

    # 10.4.5.6 [[Delete]] ( P )
    def delete(self, key) -> bool:
        if type(key) is str:
            n = numeric_index(key)
            if n is not None:
                return not self.is_valid_index(n)
        return JSObject.delete(self, key)

    # 10.4.5.7 [[OwnPropertyKeys]] ( )
    def own_keys(self) -> list:
        rest = ordered_keys(self.props)
        if self.buffer.data is None:
            return rest
        n = self.array_length
        A.charge(n)
        A.alloc(n * 64)  # a str and a list slot per index
        return [str(i) for i in range(n)] + rest



# -- helpers ---------------------------------------------------------------------------------------------


def read_values(o: JSTypedArray, start: int, end: int) -> list:
    """The element values start <= k < end of an attached typed array, as JS values."""
    n = end - start
    if n <= 0:
        return []
    A.charge(n >> 2)
    A.alloc(n * 40)  # a Python number and a list slot per element
    et = o.etype
    vals = struct.unpack_from(f"<{n}{et.le.format[1:]}", o.buffer.data, o.byte_offset + start * et.size)
    if et.bigint:
        return [JSBigInt(v) for v in vals]
    return list(vals)


def write_values(o: JSTypedArray, start: int, vals: list) -> None:
    """Store values read from an array of the same element type (no conversion can fail)."""
    n = len(vals)
    if n == 0:
        return
    et = o.etype
    if et.bigint:
        vals = [v.value for v in vals]
    struct.pack_into(f"<{n}{et.le.format[1:]}", o.buffer.data, o.byte_offset + start * et.size, *vals)


def _tick() -> None:
    """One step of a loop that calls back into JS (a builtin callback charges nothing itself)."""
    A.ticks -= 1
    if A.ticks < 0:
        A.tick()


def _detached(name: str) -> JSThrow:
    return type_error(f"Cannot perform {name} on a detached ArrayBuffer")


# 23.2.4.4 ValidateTypedArray ( O )
def validate_typed_array(o, name: str) -> JSTypedArray:
    if not isinstance(o, JSTypedArray):
        raise type_error("this is not a typed array.")
    if o.buffer.data is None:
        raise _detached(name)
    return o


def _require(o) -> JSTypedArray:
    if not isinstance(o, JSTypedArray):
        raise type_error("this is not a typed array.")
    return o


def _callback(v) -> JSObject:
    if not is_callable(v):
        raise type_error(f"{receiver_text(v)} is not a function")
    return v


def _relative(v, n: int) -> int:
    r = to_integer_or_infinity(v)
    if r < 0:
        return int(max(n + r, 0))
    return int(min(r, n))


def _relative_end(v, n: int) -> int:
    return n if v is UNDEFINED else _relative(v, n)


# 23.2.4.1 TypedArraySpeciesCreate ( exemplar, argumentList )
def typed_array_species_create(exemplar: JSTypedArray, args: list) -> JSTypedArray:
    default = getattr(A.realm, exemplar.typed_array_name)
    ctor = species_constructor(exemplar, default)
    result = typed_array_create(ctor, args)
    if result.etype.bigint != exemplar.etype.bigint:
        raise type_error("Content type of the species constructor's result does not match")
    return result


# 23.2.4.2 TypedArrayCreate ( constructor, argumentList )
def typed_array_create(ctor, args: list) -> JSTypedArray:
    new = ctor.construct(args, ctor)
    validate_typed_array(new, "TypedArrayCreate")
    if len(args) == 1 and type(args[0]) in (int, float) and new.array_length < args[0]:
        raise type_error("The species constructor returned a too-short typed array")
    return new


# -- 23.2.5 the TypedArray constructors ------------------------------------------------------------------


# 23.2.5.1.1 AllocateTypedArray ( constructorName, newTarget, defaultProto [ , length ] )
def allocate_typed_array(et: ElementType, new_target, length: int | None = None) -> JSTypedArray:
    proto = get_prototype_from_constructor(new_target, f"{et.name}ArrayPrototype")
    o = JSTypedArray(proto, et)
    if length is not None:
        allocate_typed_array_buffer(o, length)
    return o


# 23.2.5.1.6 AllocateTypedArrayBuffer ( O, length )
def allocate_typed_array_buffer(o: JSTypedArray, length: int) -> None:
    n = length * o.etype.size
    o.buffer = allocate_array_buffer(None, n)
    o.byte_length = n
    o.byte_offset = 0
    o.array_length = length


# 23.2.5.1.2 InitializeTypedArrayFromTypedArray ( O, srcArray )
def init_from_typed_array(o: JSTypedArray, src: JSTypedArray) -> None:
    sdata = src.buffer.data
    if sdata is None:
        raise _detached("Construct")
    et, st = o.etype, src.etype
    n = src.array_length
    if st.bigint != et.bigint:
        raise type_error("Cannot mix BigInt and other types, use explicit conversions")
    allocate_typed_array_buffer(o, n)
    if et is st:
        o.buffer.data[:] = sdata[src.byte_offset:src.byte_offset + n * st.size]
        return
    data = o.buffer.data
    for i, v in enumerate(read_values(src, 0, n)):
        et.put(data, i * et.size, v)


# 23.2.5.1.3 InitializeTypedArrayFromArrayBuffer ( O, buffer, byteOffset, length )
def init_from_array_buffer(o: JSTypedArray, buffer: JSArrayBuffer, byte_offset, length) -> None:
    size = o.etype.size
    name = o.typed_array_name
    offset = _to_index(byte_offset, f"Start offset {_text(byte_offset)} is outside the bounds of the buffer")
    if offset % size:
        raise range_error(f"start offset of {name} should be a multiple of {size}")
    new_length = 0
    if length is not UNDEFINED:
        new_length = _to_index(length, f"Invalid typed array length: {_text(length)}")
    if buffer.data is None:
        raise _detached("Construct")
    buffer_len = len(buffer.data)
    if length is UNDEFINED:
        if buffer_len % size:
            raise range_error(f"byte length of {name} should be a multiple of {size}")
        new_byte_length = buffer_len - offset
        if new_byte_length < 0:
            raise range_error(f"Start offset {offset} is outside the bounds of the buffer")
    else:
        new_byte_length = new_length * size
        if offset + new_byte_length > buffer_len:
            raise range_error(f"Invalid typed array length: {new_length}")
    o.buffer = buffer
    o.byte_length = new_byte_length
    o.byte_offset = offset
    o.array_length = new_byte_length // size


def _text(v) -> str:
    try:
        return to_string(v) if not isinstance(v, JSObject) else "object"
    except JSThrow:
        return "value"


def _to_index(v, msg: str) -> int:
    try:
        return to_index(v)
    except JSThrow as e:
        if e.kind == "RangeError":
            raise range_error(msg) from None
        raise


def _fast_get(src, k: int):
    """Get(src, k) with the dense-array fast path."""
    if type(src) is JSArray:
        arr = src.arr
        if arr is not None and k < len(arr):
            v = arr[k]
            if v is not HOLE:
                return v
    return src.get(str(k))


# 23.2.5.1.4 InitializeTypedArrayFromList ( O, values )
def init_from_list(o: JSTypedArray, values: list) -> None:
    allocate_typed_array_buffer(o, len(values))
    A.charge(len(values))
    for k, v in enumerate(values):
        o.element_set(k, v)


# 23.2.5.1.5 InitializeTypedArrayFromArrayLike ( O, arrayLike )
def init_from_array_like(o: JSTypedArray, array_like) -> None:
    n = length_of_array_like(array_like)
    allocate_typed_array_buffer(o, n)
    A.charge(n)
    for k in range(n):
        o.element_set(k, _fast_get(array_like, k))


def _iterable_to_list(v, method) -> list:
    if type(v) is JSArray and method is A.realm.ArrayValues and array_iteration_is_pristine(v):
        return iterate_to_list(v)
    return iterate_to_list(v, method)


# 23.2.5.1 TypedArray ( ...args )
def typed_array_construct(et: ElementType, args: list, new_target) -> JSTypedArray:
    if not args:
        return allocate_typed_array(et, new_target, 0)
    first = args[0]
    if isinstance(first, JSObject):
        o = allocate_typed_array(et, new_target)
        if isinstance(first, JSTypedArray):
            init_from_typed_array(o, first)
        elif isinstance(first, JSArrayBuffer):
            init_from_array_buffer(o, first, arg(args, 1), arg(args, 2))
        else:
            using = get_method(first, SYM.iterator)
            if using is not UNDEFINED:
                init_from_list(o, _iterable_to_list(first, using))
            else:
                init_from_array_like(o, first)
        return o
    n = _to_index(first, f"Invalid typed array length: {_text(first)}")
    return allocate_typed_array(et, new_target, n)


# -- 23.2.1 %TypedArray% and 23.2.2 its properties ---------------------------------------------------------


# 23.2.1.1 %TypedArray% ( )
def typed_array_abstract(this, args: list):
    raise type_error("Abstract class TypedArray not directly constructable")


def typed_array_abstract_construct(args: list, new_target):
    raise type_error("Abstract class TypedArray not directly constructable")


# 23.2.2.1 %TypedArray%.from ( source [ , mapfn [ , thisArg ] ] )
def typed_array_from(this, args: list):
    c = this
    if not is_constructor(c):
        raise type_error(f"{receiver_text(c)} is not a constructor")
    mapfn = arg(args, 1)
    this_arg = arg(args, 2)
    mapping = mapfn is not UNDEFINED
    if mapping and not is_callable(mapfn):
        raise type_error(f"{receiver_text(mapfn)} is not a function")
    source = arg(args, 0)
    using = get_method(source, SYM.iterator)
    if using is not UNDEFINED:
        values = _iterable_to_list(source, using)
        n = len(values)
        target = typed_array_create(c, [n])
        for k in range(n):
            _tick()
            v = values[k]
            if mapping:
                v = call(mapfn, this_arg, [v, k])
            target.set(str(k), v, target) or _set_failed(k)
        return target
    array_like = to_object(source)
    n = length_of_array_like(array_like)
    target = typed_array_create(c, [n])
    for k in range(n):
        _tick()
        v = _fast_get(array_like, k)
        if mapping:
            v = call(mapfn, this_arg, [v, k])
        target.set(str(k), v, target) or _set_failed(k)
    return target


def _set_failed(k) -> None:
    raise type_error(f"Cannot assign to read only property '{k}' of object")


# 23.2.2.2 %TypedArray%.of ( ...items )
def typed_array_of(this, args: list):
    c = this
    if not is_constructor(c):
        raise type_error(f"{receiver_text(c)} is not a constructor")
    n = len(args)
    new = typed_array_create(c, [n])
    for k in range(n):
        _tick()
        new.set(str(k), args[k], new) or _set_failed(k)
    return new


# 23.2.2.4 get %TypedArray% [ @@species ]
def typed_array_species(this, args: list):
    return this


# -- 23.2.3 Properties of the %TypedArray% prototype object -----------------------------------------------


# 23.2.3.1 get %TypedArray%.prototype.buffer
def ta_buffer(this, args: list):
    return _require(this).buffer


# 23.2.3.2 get %TypedArray%.prototype.byteLength
def ta_byte_length(this, args: list):
    o = _require(this)
    return 0 if o.buffer.data is None else o.byte_length


# 23.2.3.3 get %TypedArray%.prototype.byteOffset
def ta_byte_offset(this, args: list):
    o = _require(this)
    return 0 if o.buffer.data is None else o.byte_offset


# 23.2.3.5 %TypedArray%.prototype.copyWithin ( target, start [ , end ] )
def ta_copy_within(this, args: list):
    name = "%TypedArray%.prototype.copyWithin"
    o = validate_typed_array(this, name)
    n = o.array_length
    to = _relative(arg(args, 0), n)
    frm = _relative(arg(args, 1), n)
    final = _relative_end(arg(args, 2), n)
    count = min(final - frm, n - to)
    if count > 0:
        data = o.buffer.data
        if data is None:
            raise _detached(name)
        size = o.etype.size
        bo = o.byte_offset
        A.charge(count * size >> 4)
        data[bo + to * size:bo + (to + count) * size] = data[bo + frm * size:bo + (frm + count) * size]
    return o


# 23.2.3.6 %TypedArray%.prototype.entries ( )
def ta_entries(this, args: list):
    return create_array_iterator(validate_typed_array(this, "%TypedArray%.prototype.entries"), "key+value")


# 23.2.3.7 %TypedArray%.prototype.every ( callbackfn [ , thisArg ] )
def ta_every(this, args: list) -> bool:
    o = validate_typed_array(this, "%TypedArray%.prototype.every")
    n = o.array_length
    fn = _callback(arg(args, 0))
    this_arg = arg(args, 1)
    for k in range(n):
        _tick()
        if not to_boolean(call(fn, this_arg, [o.element_get(k), k, o])):
            return False
    return True


# 23.2.3.8 %TypedArray%.prototype.fill ( value [ , start [ , end ] ] )
def ta_fill(this, args: list):
    name = "%TypedArray%.prototype.fill"
    o = validate_typed_array(this, name)
    n = o.array_length
    et = o.etype
    value = et.coerce(arg(args, 0))
    k = _relative(arg(args, 1), n)
    final = _relative_end(arg(args, 2), n)
    data = o.buffer.data
    if data is None:
        raise _detached(name)
    if k < final:
        size = et.size
        A.charge((final - k) * size >> 4)
        A.alloc((final - k) * size)
        data[o.byte_offset + k * size:o.byte_offset + final * size] = et.encode(value) * (final - k)
    return o


# 23.2.3.9 %TypedArray%.prototype.filter ( callbackfn [ , thisArg ] )
def ta_filter(this, args: list):
    o = validate_typed_array(this, "%TypedArray%.prototype.filter")
    n = o.array_length
    fn = _callback(arg(args, 0))
    this_arg = arg(args, 1)
    kept = []
    for k in range(n):
        _tick()
        v = o.element_get(k)
        if to_boolean(call(fn, this_arg, [v, k, o])):
            kept.append(v)
    a = typed_array_species_create(o, [len(kept)])
    for i, v in enumerate(kept):
        a.element_set(i, v)
    return a


# 23.2.3.10 %TypedArray%.prototype.find ( predicate [ , thisArg ] )
def ta_find(this, args: list):
    o = validate_typed_array(this, "%TypedArray%.prototype.find")
    n = o.array_length
    fn = _callback(arg(args, 0))
    this_arg = arg(args, 1)
    for k in range(n):
        _tick()
        v = o.element_get(k)
        if to_boolean(call(fn, this_arg, [v, k, o])):
            return v
    return UNDEFINED


# 23.2.3.11 %TypedArray%.prototype.findIndex ( predicate [ , thisArg ] )
def ta_find_index(this, args: list):
    o = validate_typed_array(this, "%TypedArray%.prototype.findIndex")
    n = o.array_length
    fn = _callback(arg(args, 0))
    this_arg = arg(args, 1)
    for k in range(n):
        _tick()
        if to_boolean(call(fn, this_arg, [o.element_get(k), k, o])):
            return k
    return -1


# 23.2.3.12 %TypedArray%.prototype.forEach ( callbackfn [ , thisArg ] )
def ta_for_each(this, args: list):
    o = validate_typed_array(this, "%TypedArray%.prototype.forEach")
    n = o.array_length
    fn = _callback(arg(args, 0))
    this_arg = arg(args, 1)
    for k in range(n):
        _tick()
        call(fn, this_arg, [o.element_get(k), k, o])
    return UNDEFINED


def _start_index(v, n: int):
    """The start k of includes/indexOf from fromIndex, or None when the search is empty."""
    r = to_integer_or_infinity(v)
    if r == INF:
        return None
    if r == -INF:
        return 0
    if r >= 0:
        return int(r)
    return max(n + int(r), 0)


def _search_key(o: JSTypedArray, x):
    """The value to look for among the elements (None: no element can match)."""
    t = type(x)
    if o.etype.bigint:
        return x.value if t is JSBigInt else None
    if t is int or t is float:
        return x
    return None


# 23.2.3.13 %TypedArray%.prototype.includes ( searchElement [ , fromIndex ] )
def ta_includes(this, args: list) -> bool:
    o = validate_typed_array(this, "%TypedArray%.prototype.includes")
    n = o.array_length
    if n == 0:
        return False
    k = _start_index(arg(args, 1), n)
    if k is None or k >= n:
        return False
    x = arg(args, 0)
    if o.buffer.data is None:
        return x is UNDEFINED
    vals = read_values(o, k, n)
    key = _search_key(o, x)
    if key is None:
        return False
    if o.etype.bigint:
        return any(v.value == key for v in vals)
    if math.isnan(key):
        return any(math.isnan(v) for v in vals)
    return any(same_value_zero(v, key) for v in vals)


# 23.2.3.14 %TypedArray%.prototype.indexOf ( searchElement [ , fromIndex ] )
def ta_index_of(this, args: list):
    o = validate_typed_array(this, "%TypedArray%.prototype.indexOf")
    n = o.array_length
    if n == 0:
        return -1
    k = _start_index(arg(args, 1), n)
    if k is None or k >= n or o.buffer.data is None:
        return -1
    key = _search_key(o, arg(args, 0))
    if key is None or (type(key) is float and math.isnan(key)):
        return -1
    vals = read_values(o, k, n)
    if o.etype.bigint:
        vals = [v.value for v in vals]
    try:
        return k + vals.index(key)
    except ValueError:
        return -1


# 23.2.3.15 %TypedArray%.prototype.join ( separator )
def ta_join(this, args: list) -> str:
    o = validate_typed_array(this, "%TypedArray%.prototype.join")
    n = o.array_length
    sep = arg(args, 0)
    sep = "," if sep is UNDEFINED else to_string(sep)
    if o.buffer.data is None:
        return sep * max(n - 1, 0)
    A.charge(n)
    A.alloc(n * (len(sep) + 24) * 2)  # the element strings and the result
    vals = read_values(o, 0, n)
    if o.etype.bigint:
        return sep.join(str(v.value) for v in vals)
    return sep.join(str(v) if type(v) is int else number_to_string(v) for v in vals)


# 23.2.3.16 %TypedArray%.prototype.keys ( )
def ta_keys(this, args: list):
    return create_array_iterator(validate_typed_array(this, "%TypedArray%.prototype.keys"), "key")


# 23.2.3.17 %TypedArray%.prototype.lastIndexOf ( searchElement [ , fromIndex ] )
def ta_last_index_of(this, args: list):
    o = validate_typed_array(this, "%TypedArray%.prototype.lastIndexOf")
    n = o.array_length
    if n == 0:
        return -1
    if len(args) > 1:
        r = to_integer_or_infinity(args[1])
    else:
        r = n - 1
    if r == -INF:
        return -1
    k = int(min(r, n - 1)) if r >= 0 else n + int(r)
    if k < 0 or o.buffer.data is None:
        return -1
    key = _search_key(o, arg(args, 0))
    if key is None or (type(key) is float and math.isnan(key)):
        return -1
    vals = read_values(o, 0, k + 1)
    if o.etype.bigint:
        vals = [v.value for v in vals]
    for i in range(k, -1, -1):
        if vals[i] == key:
            return i
    return -1


# 23.2.3.18 get %TypedArray%.prototype.length
def ta_length(this, args: list):
    o = _require(this)
    return 0 if o.buffer.data is None else o.array_length


# 23.2.3.19 %TypedArray%.prototype.map ( callbackfn [ , thisArg ] )
def ta_map(this, args: list):
    o = validate_typed_array(this, "%TypedArray%.prototype.map")
    n = o.array_length
    fn = _callback(arg(args, 0))
    this_arg = arg(args, 1)
    a = typed_array_species_create(o, [n])
    for k in range(n):
        _tick()
        a.set(str(k), call(fn, this_arg, [o.element_get(k), k, o]), a) or _set_failed(k)
    return a


def _reduce(this, args: list, right: bool):
    name = "reduceRight" if right else "reduce"
    o = validate_typed_array(this, f"%TypedArray%.prototype.{name}")
    n = o.array_length
    fn = _callback(arg(args, 0))
    order = range(n - 1, -1, -1) if right else range(n)
    it = iter(order)
    if len(args) > 1:
        acc = args[1]
    else:
        if n == 0:
            raise type_error("Reduce of empty array with no initial value")
        acc = o.element_get(next(it))
    for k in it:
        _tick()
        acc = call(fn, UNDEFINED, [acc, o.element_get(k), k, o])
    return acc


# 23.2.3.20 %TypedArray%.prototype.reduce ( callbackfn [ , initialValue ] )
def ta_reduce(this, args: list):
    return _reduce(this, args, False)


# 23.2.3.21 %TypedArray%.prototype.reduceRight ( callbackfn [ , initialValue ] )
def ta_reduce_right(this, args: list):
    return _reduce(this, args, True)


# 23.2.3.22 %TypedArray%.prototype.reverse ( )
def ta_reverse(this, args: list):
    o = validate_typed_array(this, "%TypedArray%.prototype.reverse")
    n = o.array_length
    vals = read_values(o, 0, n)
    vals.reverse()
    write_values(o, 0, vals)
    return o


# 23.2.3.23 %TypedArray%.prototype.set ( source [ , offset ] )
def ta_set(this, args: list):
    target = _require(this)
    offset = to_integer_or_infinity(arg(args, 1))
    if offset < 0:
        raise range_error("offset is out of bounds")
    source = arg(args, 0)
    if isinstance(source, JSTypedArray):
        _set_from_typed_array(target, offset, source)
    else:
        _set_from_array_like(target, offset, source)
    return UNDEFINED


# 23.2.3.23.1 SetTypedArrayFromTypedArray ( target, targetOffset, source )
def _set_from_typed_array(target: JSTypedArray, offset, source: JSTypedArray) -> None:
    name = "%TypedArray%.prototype.set"
    tdata = target.buffer.data
    if tdata is None:
        raise _detached(name)
    tlen = target.array_length
    sdata = source.buffer.data
    if sdata is None:
        raise _detached(name)
    et, st = target.etype, source.etype
    if et.bigint != st.bigint:
        raise type_error("Cannot mix BigInt and other types, use explicit conversions")
    slen = source.array_length
    if offset == INF or slen + offset > tlen:
        raise range_error("offset is out of bounds")
    offset = int(offset)
    A.charge(slen >> 2)
    if et is st:
        size = et.size
        tb = target.byte_offset + offset * size
        sb = source.byte_offset
        tdata[tb:tb + slen * size] = sdata[sb:sb + slen * size]
        return
    vals = read_values(source, 0, slen)
    size = et.size
    tb = target.byte_offset + offset * size
    for i, v in enumerate(vals):
        et.put(tdata, tb + i * size, v)


# 23.2.3.23.2 SetTypedArrayFromArrayLike ( target, targetOffset, source )
def _set_from_array_like(target: JSTypedArray, offset, source) -> None:
    if target.buffer.data is None:
        raise _detached("%TypedArray%.prototype.set")
    tlen = target.array_length
    src = to_object(source)
    slen = length_of_array_like(src)
    if offset == INF or slen + offset > tlen:
        raise range_error("offset is out of bounds")
    offset = int(offset)
    A.charge(slen)
    for k in range(slen):
        target.element_set(offset + k, _fast_get(src, k))


# 23.2.3.24 %TypedArray%.prototype.slice ( start, end )
def ta_slice(this, args: list):
    name = "%TypedArray%.prototype.slice"
    o = validate_typed_array(this, name)
    n = o.array_length
    k = _relative(arg(args, 0), n)
    final = _relative_end(arg(args, 1), n)
    count = max(final - k, 0)
    a = typed_array_species_create(o, [count])
    if count > 0:
        sdata = o.buffer.data
        if sdata is None:
            raise _detached(name)
        final = min(final, o.array_length)
        if o.etype is a.etype:
            size = o.etype.size
            src = o.byte_offset + k * size
            dst = a.byte_offset
            nbytes = (final - k) * size
            tdata = a.buffer.data
            A.charge(nbytes >> 4)
            if tdata is sdata and src < dst < src + nbytes:
                for i in range(nbytes):  # the specification copies byte by byte, ascending
                    tdata[dst + i] = sdata[src + i]
            else:
                tdata[dst:dst + nbytes] = sdata[src:src + nbytes]
        else:
            A.charge(final - k)
            for i, kk in enumerate(range(k, final)):
                a.element_set(i, o.element_get(kk))
    return a


# 23.2.3.25 %TypedArray%.prototype.some ( callbackfn [ , thisArg ] )
def ta_some(this, args: list) -> bool:
    o = validate_typed_array(this, "%TypedArray%.prototype.some")
    n = o.array_length
    fn = _callback(arg(args, 0))
    this_arg = arg(args, 1)
    for k in range(n):
        _tick()
        if to_boolean(call(fn, this_arg, [o.element_get(k), k, o])):
            return True
    return False


def _number_sort_key(v):
    if math.isnan(v):
        return (1, 0.0, 0)
    return (0, v, 0 if v == 0 and math.copysign(1.0, v) < 0 else 1)


# 23.2.3.26 %TypedArray%.prototype.sort ( comparefn )
def ta_sort(this, args: list):
    comparefn = arg(args, 0)
    if comparefn is not UNDEFINED and not is_callable(comparefn):
        raise type_error("The comparison function must be either a function or undefined")
    o = validate_typed_array(this, "%TypedArray%.prototype.sort")
    n = o.array_length
    vals = read_values(o, 0, n)
    A.charge(n * max(n.bit_length(), 1) >> 2)
    if comparefn is UNDEFINED:
        if o.etype.bigint:
            vals.sort(key=lambda b: b.value)
        elif o.etype.integer:
            vals.sort()
        else:
            vals.sort(key=_number_sort_key)
    else:
        def compare(x, y):
            A.ticks -= 1
            if A.ticks < 0:
                A.tick()
            r = call(comparefn, UNDEFINED, [x, y])
            if type(r) is not int:
                r = to_number(r)
                if math.isnan(r):
                    return 0
            return r

        vals.sort(key=cmp_to_key(compare))
    if o.buffer.data is not None:
        write_values(o, 0, vals[:o.array_length])
    return o


# 23.2.3.27 %TypedArray%.prototype.subarray ( begin, end )
def ta_subarray(this, args: list):
    o = _require(this)
    buffer = o.buffer
    src_len = 0 if buffer.data is None else o.array_length
    begin = _relative(arg(args, 0), src_len)
    end = _relative_end(arg(args, 1), src_len)
    new_len = max(end - begin, 0)
    begin_byte = o.byte_offset + begin * o.etype.size
    return typed_array_species_create(o, [buffer, begin_byte, new_len])


# 23.2.3.28 %TypedArray%.prototype.toLocaleString ( [ reserved1 [ , reserved2 ] ] )
def ta_to_locale_string(this, args: list) -> str:
    o = validate_typed_array(this, "%TypedArray%.prototype.toLocaleString")
    n = o.array_length
    parts = []
    for k in range(n):
        _tick()
        v = o.element_get(k)
        if v is UNDEFINED or v is None:
            parts.append("")
        else:
            parts.append(to_string(invoke(v, "toLocaleString", [])))
    return ",".join(parts)


# 23.2.3.31 %TypedArray%.prototype.values ( )
def ta_values(this, args: list):
    return create_array_iterator(validate_typed_array(this, "%TypedArray%.prototype.values"), "value")


# 23.2.3.32 get %TypedArray%.prototype [ @@toStringTag ]
def ta_to_string_tag(this, args: list):
    if not isinstance(this, JSTypedArray):
        return UNDEFINED
    return this.typed_array_name


# -- setup -----------------------------------------------------------------------------------------------


def _make_constructor(realm, et: ElementType, abstract, abstract_proto):
    name = et.name + "Array"

    # 23.2.5.1 TypedArray ( ...args )
    def ta_call(this, args: list):
        raise type_error(f"Constructor {name} requires 'new'")

    def ta_construct(args: list, new_target):
        return typed_array_construct(et, args, new_target)

    proto = JSObject(abstract_proto)
    ctor = constructor(realm, name, ta_call, ta_construct, 3, proto, fn_proto=abstract)
    # 23.2.6.1 TypedArray.BYTES_PER_ELEMENT, 23.2.7.1 TypedArray.prototype.BYTES_PER_ELEMENT
    constant(ctor, "BYTES_PER_ELEMENT", et.size)
    constant(proto, "BYTES_PER_ELEMENT", et.size)
    setattr(realm, name, ctor)
    setattr(realm, name + "Prototype", proto)
    realm.define_global(name, ctor)


def setup(realm) -> None:
    # 23.2.1 The %TypedArray% Intrinsic Object, 23.2.3 its prototype object
    proto = JSObject(realm.ObjectPrototype)
    ctor = constructor(realm, "TypedArray", typed_array_abstract, typed_array_abstract_construct, 0, proto)
    method(realm, ctor, "from", typed_array_from, 1)
    method(realm, ctor, "of", typed_array_of, 0)
    getter(realm, ctor, SYM.species, typed_array_species)

    getter(realm, proto, "buffer", ta_buffer)
    getter(realm, proto, "byteLength", ta_byte_length)
    getter(realm, proto, "byteOffset", ta_byte_offset)
    for name, fn, length in (
        ("copyWithin", ta_copy_within, 2), ("entries", ta_entries, 0), ("every", ta_every, 1),
        ("fill", ta_fill, 1), ("filter", ta_filter, 1), ("find", ta_find, 1),
        ("findIndex", ta_find_index, 1), ("forEach", ta_for_each, 1), ("includes", ta_includes, 1),
        ("indexOf", ta_index_of, 1), ("join", ta_join, 1), ("keys", ta_keys, 0),
        ("lastIndexOf", ta_last_index_of, 1),
    ):
        method(realm, proto, name, fn, length)
    getter(realm, proto, "length", ta_length)
    for name, fn, length in (
        ("map", ta_map, 1), ("reduce", ta_reduce, 1), ("reduceRight", ta_reduce_right, 1),
        ("reverse", ta_reverse, 0), ("set", ta_set, 1), ("slice", ta_slice, 2), ("some", ta_some, 1),
        ("sort", ta_sort, 1), ("subarray", ta_subarray, 2), ("toLocaleString", ta_to_locale_string, 0),
    ):
        method(realm, proto, name, fn, length)
    # 23.2.3.30 %TypedArray%.prototype.toString: the same function object as Array.prototype.toString
    proto.props["toString"] = realm.ArrayPrototype.props["toString"]
    method(realm, proto, "values", ta_values, 0)
    # 23.2.3.32 %TypedArray%.prototype [ @@iterator ]: the same function object as values
    proto.props[SYM.iterator] = proto.props["values"]
    getter(realm, proto, SYM.toStringTag, ta_to_string_tag)
    realm.TypedArray = ctor
    realm.TypedArrayPrototype = proto

    for et in ELEMENT_TYPES:
        _make_constructor(realm, et, ctor, proto)


__all__ = ["JSTypedArray", "numeric_index", "read_values", "setup", "typed_array_create",
           "typed_array_species_create", "validate_typed_array"]
