"""DataView objects (ECMA-262 25.3): views reading and writing any element type at any byte offset of
an ArrayBuffer or SharedArrayBuffer, big-endian unless asked for little-endian."""

from __future__ import annotations

from ..errors import JSThrow, range_error, type_error
from ..objects import C, JSObject
from ..ops import get_prototype_from_constructor, to_boolean, to_index
from ..realm import arg, constant, constructor, getter, method
from ..values import SYM, UNDEFINED
from .arraybuffer import ETYPE, ElementType, JSArrayBuffer
from .iterator import incompatible


class JSDataView(JSObject):
    """A DataView: [[ViewedArrayBuffer]], [[ByteOffset]], [[ByteLength]]."""

    __slots__ = ("buffer", "byte_length", "byte_offset")
    kind = "DataView"

    def __init__(self, proto, buffer: JSArrayBuffer, byte_offset: int, byte_length: int) -> None:
        self.props = {}
        self.proto = proto
        self.extensible = True
        self.buffer = buffer
        self.byte_offset = byte_offset
        self.byte_length = byte_length


def _index(v, what: str) -> int:
    try:
        return to_index(v)
    except JSThrow as e:
        if e.kind == "RangeError":
            raise range_error(what) from None
        raise


# 25.3.2.1 DataView ( buffer [ , byteOffset [ , byteLength ] ] )
def data_view_call(this, args: list):
    raise type_error("Constructor DataView requires 'new'")


def data_view_construct(args: list, new_target):
    buffer = arg(args, 0)
    if not isinstance(buffer, JSArrayBuffer):
        raise type_error("First argument to DataView constructor must be an ArrayBuffer")
    offset = _index(arg(args, 1), f"Start offset {arg(args, 1)} is outside the bounds of the buffer")
    if buffer.data is None:
        raise type_error("Cannot perform DataView constructor on a detached ArrayBuffer")
    buffer_len = len(buffer.data)
    if offset > buffer_len:
        raise range_error(f"Start offset {offset} is outside the bounds of the buffer")
    length = arg(args, 2)
    if length is UNDEFINED:
        view_len = buffer_len - offset
    else:
        view_len = _index(length, f"Invalid DataView length {length}")
        if offset + view_len > buffer_len:
            raise range_error(f"Invalid DataView length {view_len}")
    proto = get_prototype_from_constructor(new_target, "DataViewPrototype")
    if buffer.data is None:
        raise type_error("Cannot perform DataView constructor on a detached ArrayBuffer")
    return JSDataView(proto, buffer, offset, view_len)


def _view(this, name: str) -> JSDataView:
    if not isinstance(this, JSDataView):
        raise incompatible(f"DataView.prototype.{name}", this)
    return this


# 25.3.4.1 get DataView.prototype.buffer
def data_view_buffer(this, args: list):
    return _view(this, "buffer").buffer


# 25.3.4.2 get DataView.prototype.byteLength
def data_view_byte_length(this, args: list):
    v = _view(this, "byteLength")
    if v.buffer.data is None:
        raise type_error("Cannot perform DataView.prototype.byteLength on a detached ArrayBuffer")
    return v.byte_length


# 25.3.4.3 get DataView.prototype.byteOffset
def data_view_byte_offset(this, args: list):
    v = _view(this, "byteOffset")
    if v.buffer.data is None:
        raise type_error("Cannot perform DataView.prototype.byteOffset on a detached ArrayBuffer")
    return v.byte_offset


# 25.3.1.1 GetViewValue ( view, requestIndex, isLittleEndian, type )
def get_view_value(this, args: list, et: ElementType):
    name = f"get{et.name}"
    view = _view(this, name)
    index = _index(arg(args, 0), "Offset is outside the bounds of the DataView")
    little = to_boolean(arg(args, 1))
    data = view.buffer.data
    if data is None:
        raise type_error(f"Cannot perform DataView.prototype.{name} on a detached ArrayBuffer")
    if index + et.size > view.byte_length:
        raise range_error("Offset is outside the bounds of the DataView")
    return et.get(data, view.byte_offset + index, little)


# 25.3.1.2 SetViewValue ( view, requestIndex, isLittleEndian, type, value )
def set_view_value(this, args: list, et: ElementType):
    name = f"set{et.name}"
    view = _view(this, name)
    index = _index(arg(args, 0), "Offset is outside the bounds of the DataView")
    n = et.coerce(arg(args, 1))
    little = to_boolean(arg(args, 2))
    data = view.buffer.data
    if data is None:
        raise type_error(f"Cannot perform DataView.prototype.{name} on a detached ArrayBuffer")
    if index + et.size > view.byte_length:
        raise range_error("Offset is outside the bounds of the DataView")
    et.put(data, view.byte_offset + index, n, little)
    return UNDEFINED


def _getter(et: ElementType):
    return lambda this, args: get_view_value(this, args, et)


def _setter(et: ElementType):
    return lambda this, args: set_view_value(this, args, et)


_ORDER = ("BigInt64", "BigUint64", "Float32", "Float64", "Int8", "Int16", "Int32", "Uint8", "Uint16",
          "Uint32")


def setup(realm) -> None:
    # 25.3.2 The DataView Constructor, 25.3.4 Properties of the DataView Prototype Object
    proto = JSObject(realm.ObjectPrototype)
    ctor = constructor(realm, "DataView", data_view_call, data_view_construct, 1, proto)
    getter(realm, proto, "buffer", data_view_buffer)
    getter(realm, proto, "byteLength", data_view_byte_length)
    getter(realm, proto, "byteOffset", data_view_byte_offset)
    # 25.3.4.5-25.3.4.14 DataView.prototype.getBigInt64 ... getUint32
    for name in _ORDER:
        method(realm, proto, f"get{name}", _getter(ETYPE[name]), 1)
    # 25.3.4.15-25.3.4.24 DataView.prototype.setBigInt64 ... setUint32
    for name in _ORDER:
        method(realm, proto, f"set{name}", _setter(ETYPE[name]), 2)
    # 25.3.4.25 DataView.prototype [ @@toStringTag ]
    constant(proto, SYM.toStringTag, "DataView", C)
    realm.DataView = ctor
    realm.DataViewPrototype = proto
    realm.define_global("DataView", ctor)


__all__ = ["JSDataView", "setup"]
