"""The Atomics object (ECMA-262 25.4), for a single agent.

There is one agent and it cannot block ([[CanBlock]] false, as on a browser's main thread): every
read-modify-write is trivially atomic, ``Atomics.wait`` throws a TypeError once its arguments are
validated, and ``Atomics.notify`` finds no waiter and returns 0.
"""

from __future__ import annotations

from ..errors import JSThrow, range_error, type_error
from ..objects import C, JSObject
from ..ops import to_index, to_int32, to_integer_or_infinity, to_number
from ..realm import arg, constant, method
from ..values import SYM, UNDEFINED
from .arraybuffer import ETYPE
from .bigint import to_bigint
from .typedarray import JSTypedArray

_INTEGER_TYPES = frozenset(("Int8", "Uint8", "Int16", "Uint16", "Int32", "Uint32", "BigInt64", "BigUint64"))
_WAITABLE_TYPES = frozenset(("Int32", "BigInt64"))
INF = float("inf")


# 25.4.2.1 ValidateIntegerTypedArray ( typedArray [ , waitable ] )
def validate_integer_typed_array(ta, waitable: bool = False) -> JSTypedArray:
    if not isinstance(ta, JSTypedArray):
        raise type_error("Argument is not a typed array")
    if ta.buffer.data is None:
        raise type_error("Cannot perform Atomics operation on a detached ArrayBuffer")
    if ta.etype.name not in (_WAITABLE_TYPES if waitable else _INTEGER_TYPES):
        if waitable:
            raise type_error(f"[object {ta.typed_array_name}] is not an int32 or BigInt64 typed array.")
        raise type_error(f"[object {ta.typed_array_name}] is not an integer shared typed array.")
    return ta


# 25.4.2.2 ValidateAtomicAccess ( typedArray, requestIndex )
def validate_atomic_access(ta: JSTypedArray, request_index) -> int:
    length = ta.array_length
    try:
        index = to_index(request_index)
    except JSThrow as e:
        if e.kind == "RangeError":
            raise range_error("Invalid atomic access index") from None
        raise
    if index >= length:
        raise range_error("Invalid atomic access index")
    return index * ta.etype.size + ta.byte_offset


def _operand(ta: JSTypedArray, v):
    """ToBigInt for BigInt arrays, else ToIntegerOrInfinity as a Number."""
    if ta.etype.bigint:
        return to_bigint(v)
    return to_integer_or_infinity(v)


def _revalidate(ta: JSTypedArray) -> bytearray:
    data = ta.buffer.data
    if data is None:
        raise type_error("Cannot perform Atomics operation on a detached ArrayBuffer")
    return data


def _raw(ta: JSTypedArray, v) -> int:
    """The integer stored for a converted operand (NumericToRawBytes, read back as an integer)."""
    et = ta.etype
    return et.wrap(v.value if et.bigint else v)


# 25.4.2.11 AtomicReadModifyWrite ( typedArray, index, value, op )
def atomic_read_modify_write(args: list, op):
    ta = validate_integer_typed_array(arg(args, 0))
    i = validate_atomic_access(ta, arg(args, 1))
    v = _operand(ta, arg(args, 2))
    data = _revalidate(ta)
    et = ta.etype
    old = et.get(data, i)
    x = old.value if et.bigint else old
    new = et.wrap(op(x, _raw(ta, v)))
    st = et.le
    st.pack_into(data, i, new)
    return old


def _rmw(op):
    return lambda this, args: atomic_read_modify_write(args, op)


# 25.4.3 Atomics.add ( typedArray, index, value )
atomics_add = _rmw(lambda x, y: x + y)
# 25.4.4 Atomics.and ( typedArray, index, value )
atomics_and = _rmw(lambda x, y: x & y)


# 25.4.5 Atomics.compareExchange ( typedArray, index, expectedValue, replacementValue )
def atomics_compare_exchange(this, args: list):
    ta = validate_integer_typed_array(arg(args, 0))
    i = validate_atomic_access(ta, arg(args, 1))
    expected = _operand(ta, arg(args, 2))
    replacement = _operand(ta, arg(args, 3))
    data = _revalidate(ta)
    et = ta.etype
    old = et.get(data, i)
    if et.le.pack(_raw(ta, expected)) == bytes(data[i:i + et.size]):
        et.le.pack_into(data, i, _raw(ta, replacement))
    return old


# 25.4.6 Atomics.exchange ( typedArray, index, value )
atomics_exchange = _rmw(lambda x, y: y)


# 25.4.7 Atomics.isLockFree ( size )
def atomics_is_lock_free(this, args: list) -> bool:
    n = to_integer_or_infinity(arg(args, 0))
    return n in (1, 2, 4, 8)


# 25.4.8 Atomics.load ( typedArray, index )
def atomics_load(this, args: list):
    ta = validate_integer_typed_array(arg(args, 0))
    i = validate_atomic_access(ta, arg(args, 1))
    data = _revalidate(ta)
    return ta.etype.get(data, i)


# 25.4.9 Atomics.or ( typedArray, index, value )
atomics_or = _rmw(lambda x, y: x | y)


# 25.4.10 Atomics.store ( typedArray, index, value )
def atomics_store(this, args: list):
    ta = validate_integer_typed_array(arg(args, 0))
    i = validate_atomic_access(ta, arg(args, 1))
    v = _operand(ta, arg(args, 2))
    data = _revalidate(ta)
    ta.etype.le.pack_into(data, i, _raw(ta, v))
    return v


# 25.4.11 Atomics.sub ( typedArray, index, value )
atomics_sub = _rmw(lambda x, y: x - y)


# 25.4.12 Atomics.wait ( typedArray, index, value, timeout )
def atomics_wait(this, args: list):
    ta = validate_integer_typed_array(arg(args, 0), waitable=True)
    if not ta.buffer.shared:
        raise type_error(f"[object {ta.typed_array_name}] is not a shared typed array.")
    validate_atomic_access(ta, arg(args, 1))
    if ta.etype is ETYPE["BigInt64"]:
        to_bigint(arg(args, 2))
    else:
        to_int32(arg(args, 2))
    to_number(arg(args, 3))
    # AgentCanSuspend() is false for the only agent
    raise type_error("Atomics.wait cannot be called in this context")


# 25.4.13 Atomics.notify ( typedArray, index, count )
def atomics_notify(this, args: list):
    ta = validate_integer_typed_array(arg(args, 0), waitable=True)
    validate_atomic_access(ta, arg(args, 1))
    count = arg(args, 2)
    if count is not UNDEFINED:
        to_integer_or_infinity(count)
    return 0  # no agent is ever waiting


# 25.4.14 Atomics.xor ( typedArray, index, value )
atomics_xor = _rmw(lambda x, y: x ^ y)


def setup(realm) -> None:
    atomics = JSObject(realm.ObjectPrototype)
    for name, fn, length in (
        ("add", atomics_add, 3), ("and", atomics_and, 3), ("compareExchange", atomics_compare_exchange, 4),
        ("exchange", atomics_exchange, 3), ("isLockFree", atomics_is_lock_free, 1), ("load", atomics_load, 2),
        ("or", atomics_or, 3), ("store", atomics_store, 3), ("sub", atomics_sub, 3),
        ("wait", atomics_wait, 4), ("notify", atomics_notify, 3), ("xor", atomics_xor, 3),
    ):
        method(realm, atomics, name, fn, length)
    # 25.4.15 Atomics [ @@toStringTag ]
    constant(atomics, SYM.toStringTag, "Atomics", C)
    realm.Atomics = atomics
    realm.define_global("Atomics", atomics)


__all__ = ["setup", "validate_atomic_access", "validate_integer_typed_array"]
