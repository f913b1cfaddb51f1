"""ArrayBuffer and SharedArrayBuffer (ECMA-262 25.1, 25.2) and the element types shared by typed arrays,
DataView and Atomics (25.1.2 raw bytes: GetValueFromBuffer / SetValueInBuffer).

A buffer's Data Block is a Python ``bytearray`` (``data``); a detached buffer has ``data`` None. Element
values are encoded with ``struct`` (little-endian unless a DataView asks for big-endian). The numeric
conversions (ToInt8 ... ToUint8Clamp, Float32 rounding) happen in ``ElementType.put``.
"""

from __future__ import annotations

import math
import struct

from ..budget import AGENT as A
from ..errors import JSThrow, range_error, type_error
from ..objects import C, JSObject
from ..ops import (
    construct,
    get_prototype_from_constructor,
    same_value,
    species_constructor,
    to_index,
    to_integer_or_infinity,
    to_number,
)
from ..realm import arg, constant, constructor, getter, method
from ..values import SYM, UNDEFINED, JSBigInt
from .bigint import to_bigint

MAX_BYTES = 2**32  # the largest buffer this engine allocates (V8: "Array buffer allocation failed")
INF = float("inf")


# -- element types (Table 71) ---------------------------------------------------------------------------


def _int_of(n) -> int:
    """The mathematical integer of a Number for the ToIntN conversions (NaN and infinities are 0)."""
    if type(n) is int:
        return n
    if math.isnan(n) or n in (INF, -INF):
        return 0
    return int(n)


def _clamp(n) -> int:
    """ToUint8Clamp (7.1.12): round half to even."""
    if type(n) is int:
        return 0 if n < 0 else min(n, 255)
    if math.isnan(n) or n <= 0:
        return 0
    if n >= 255:
        return 255
    return round(n)


class ElementType:
    """One row of the TypedArray table: name, element size, conversion and encoding."""

    __slots__ = ("be", "bigint", "integer", "le", "name", "size", "wrap")

    def __init__(self, name: str, code: str, wrap, bigint: bool = False, integer: bool = True) -> None:
        self.name = name
        self.le = struct.Struct("<" + code)
        self.be = struct.Struct(">" + code)
        self.size = self.le.size
        self.wrap = wrap  # numeric value (already ToNumber / ToBigInt) -> value to pack
        self.bigint = bigint
        self.integer = integer

    def __repr__(self) -> str:
        return f"<{self.name}>"

    def coerce(self, v):
        """ToBigInt or ToNumber, as the element type's content type requires."""
        if self.bigint:
            return v if type(v) is JSBigInt else to_bigint(v)
        t = type(v)
        if t is int or t is float:
            return v
        return to_number(v)

    def get(self, data, offset: int, little: bool = True):
        """GetValueFromBuffer (25.1.2.10) on a Data Block."""
        v = (self.le if little else self.be).unpack_from(data, offset)[0]
        return JSBigInt(v) if self.bigint else v

    def put(self, data, offset: int, n, little: bool = True) -> None:
        """SetValueInBuffer (25.1.2.12) of a Number / BigInt already converted by ``coerce``."""
        st = self.le if little else self.be
        if self.integer:
            st.pack_into(data, offset, self.wrap(n.value if self.bigint else n))
            return
        try:
            st.pack_into(data, offset, float(n))
        except OverflowError:  # rounds past the largest Float32: an infinity
            st.pack_into(data, offset, math.copysign(INF, n))

    def encode(self, n, little: bool = True) -> bytes:
        """The bytes of a converted value (NumericToRawBytes)."""
        b = bytearray(self.size)
        self.put(b, 0, n, little)
        return bytes(b)


def _signed(bits: int):
    half = 1 << (bits - 1)
    mask = (1 << bits) - 1
    return lambda n: ((_int_of(n) + half) & mask) - half


def _unsigned(bits: int):
    mask = (1 << bits) - 1
    return lambda n: _int_of(n) & mask


ELEMENT_TYPES = [
    ElementType("Int8", "b", _signed(8)),
    ElementType("Uint8", "B", _unsigned(8)),
    ElementType("Uint8Clamped", "B", _clamp),
    ElementType("Int16", "h", _signed(16)),
    ElementType("Uint16", "H", _unsigned(16)),
    ElementType("Int32", "i", _signed(32)),
    ElementType("Uint32", "I", _unsigned(32)),
    ElementType("Float32", "f", float, integer=False),
    ElementType("Float64", "d", float, integer=False),
    ElementType("BigInt64", "q", _signed(64), bigint=True),
    ElementType("BigUint64", "Q", _unsigned(64), bigint=True),
]
ETYPE = {t.name: t for t in ELEMENT_TYPES}


# -- buffer objects --------------------------------------------------------------------------------------


class JSArrayBuffer(JSObject):
    """An ArrayBuffer or SharedArrayBuffer: ``data`` is its Data Block (None once detached)."""

    __slots__ = ("data", "detach_key", "shared")

    def __init__(self, proto, data: bytearray, shared: bool = False) -> None:
        self.props = {}
        self.proto = proto
        self.extensible = True
        self.data = data
        self.shared = shared
        self.detach_key = UNDEFINED

    @property
    def kind(self) -> str:
        return "SharedArrayBuffer" if self.shared else "ArrayBuffer"

    @property
    def detached(self) -> bool:
        return self.data is None

    @property
    def byte_length(self) -> int:
        return 0 if self.data is None else len(self.data)


def create_byte_data_block(n: int) -> bytearray:
    """CreateByteDataBlock (6.2.9.1): a RangeError when it cannot be allocated."""
    limit = A.mem_limit
    if n > MAX_BYTES or (limit is not None and n > limit):
        raise range_error("Array buffer allocation failed")
    A.alloc(n)
    A.charge(n >> 12)
    return bytearray(n)


# 25.1.2.1 AllocateArrayBuffer ( constructor, byteLength )
def allocate_array_buffer(ctor, byte_length: int, shared: bool = False) -> JSArrayBuffer:
    name = "SharedArrayBufferPrototype" if shared else "ArrayBufferPrototype"
    proto = get_prototype_from_constructor(ctor, name) if ctor is not None else getattr(A.realm, name)
    return JSArrayBuffer(proto, create_byte_data_block(byte_length), shared)


# 25.1.2.3 DetachArrayBuffer ( arrayBuffer [ , key ] )
def detach_array_buffer(buf, key=UNDEFINED) -> None:
    if not isinstance(buf, JSArrayBuffer) or buf.shared:
        raise type_error("detachArrayBuffer: not an ArrayBuffer")
    if not same_value(buf.detach_key, key):
        raise type_error("detachArrayBuffer: wrong detach key")
    buf.data = None


def _require_buffer(this, name: str, shared: bool) -> JSArrayBuffer:
    if not isinstance(this, JSArrayBuffer) or this.shared != shared:
        from .iterator import incompatible

        raise incompatible(name, this)
    return this


# 25.1.3.1 ArrayBuffer ( length )
def array_buffer_call(this, args: list):
    raise type_error("Constructor ArrayBuffer requires 'new'")


def array_buffer_construct(args: list, new_target):
    n = _buffer_length(arg(args, 0))
    return allocate_array_buffer(new_target, n)


def _buffer_length(v) -> int:
    try:
        return to_index(v)
    except JSThrow as e:
        if e.kind == "RangeError":
            raise range_error("Invalid array buffer length") from None
        raise


# 25.1.4.1 ArrayBuffer.isView ( arg )
def array_buffer_is_view(this, args: list) -> bool:
    from .dataview import JSDataView
    from .typedarray import JSTypedArray

    return isinstance(arg(args, 0), (JSTypedArray, JSDataView))


# 25.1.4.3 get ArrayBuffer [ @@species ]
def get_species(this, args: list):
    return this


# 25.1.5.1 get ArrayBuffer.prototype.byteLength
def array_buffer_byte_length(this, args: list):
    return _require_buffer(this, "ArrayBuffer.prototype.byteLength", False).byte_length


def _relative(v, n: int, default: int) -> int:
    if v is UNDEFINED:
        return default
    r = to_integer_or_infinity(v)
    if r < 0:
        return int(max(n + r, 0))
    return int(min(r, n))


def _slice(this, args: list, shared: bool):
    name = "SharedArrayBuffer" if shared else "ArrayBuffer"
    o = _require_buffer(this, f"{name}.prototype.slice", shared)
    if o.data is None:
        raise type_error("Cannot perform ArrayBuffer.prototype.slice on a detached ArrayBuffer")
    n = len(o.data)
    first = _relative(arg(args, 0), n, 0)
    final = _relative(arg(args, 1), n, n)
    new_len = max(final - first, 0)
    realm = A.realm
    ctor = species_constructor(o, realm.SharedArrayBuffer if shared else realm.ArrayBuffer)
    new = construct(ctor, [new_len])
    if not isinstance(new, JSArrayBuffer) or new.shared != shared:
        raise type_error(f"Method {name}.prototype.slice called on incompatible receiver")
    if new.data is None:
        raise type_error("Cannot perform ArrayBuffer.prototype.slice on a detached ArrayBuffer")
    if new is o:
        raise type_error(f"{name} subclass returned this from species constructor")
    if len(new.data) < new_len:
        raise type_error(f"Species constructor returned a too-small {name}")
    if o.data is None:
        raise type_error("Cannot perform ArrayBuffer.prototype.slice on a detached ArrayBuffer")
    A.charge(new_len >> 4)
    new.data[0:new_len] = o.data[first:first + new_len]
    return new


# 25.1.5.3 ArrayBuffer.prototype.slice ( start, end )
def array_buffer_slice(this, args: list):
    return _slice(this, args, False)


# 25.2.2.1 SharedArrayBuffer ( length )
def shared_array_buffer_call(this, args: list):
    raise type_error("Constructor SharedArrayBuffer requires 'new'")


def shared_array_buffer_construct(args: list, new_target):
    n = _buffer_length(arg(args, 0))
    return allocate_array_buffer(new_target, n, shared=True)


# 25.2.4.1 get SharedArrayBuffer.prototype.byteLength
def shared_array_buffer_byte_length(this, args: list):
    return _require_buffer(this, "SharedArrayBuffer.prototype.byteLength", True).byte_length


# 25.2.4.3 SharedArrayBuffer.prototype.slice ( start, end )
def shared_array_buffer_slice(this, args: list):
    return _slice(this, args, True)


def setup(realm) -> None:
    # 25.1.3 The ArrayBuffer Constructor, 25.1.5 Properties of the ArrayBuffer Prototype Object
    proto = JSObject(realm.ObjectPrototype)
    ctor = constructor(realm, "ArrayBuffer", array_buffer_call, array_buffer_construct, 1, proto)
    method(realm, ctor, "isView", array_buffer_is_view, 1)
    getter(realm, ctor, SYM.species, get_species)
    getter(realm, proto, "byteLength", array_buffer_byte_length)
    method(realm, proto, "slice", array_buffer_slice, 2)
    constant(proto, SYM.toStringTag, "ArrayBuffer", C)
    realm.ArrayBuffer = ctor
    realm.ArrayBufferPrototype = proto
    realm.define_global("ArrayBuffer", ctor)

    # 25.2.2 The SharedArrayBuffer Constructor, 25.2.4 Properties of the SharedArrayBuffer Prototype
    sproto = JSObject(realm.ObjectPrototype)
    sctor = constructor(realm, "SharedArrayBuffer", shared_array_buffer_call, shared_array_buffer_construct,
                        1, sproto)
    getter(realm, sctor, SYM.species, get_species)
    getter(realm, sproto, "byteLength", shared_array_buffer_byte_length)
    method(realm, sproto, "slice", shared_array_buffer_slice, 2)
    constant(sproto, SYM.toStringTag, "SharedArrayBuffer", C)
    realm.SharedArrayBuffer = sctor
    realm.SharedArrayBufferPrototype = sproto
    realm.define_global("SharedArrayBuffer", sctor)

    realm.detach_array_buffer = detach_array_buffer


__all__ = ["ELEMENT_TYPES", "ETYPE", "ElementType", "JSArrayBuffer", "allocate_array_buffer",
           "detach_array_buffer", "setup"]
