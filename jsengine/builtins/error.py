"""Error, the NativeErrors and AggregateError (20.5)."""

from __future__ import annotations

from ..budget import AGENT as A
from ..errors import type_error
from ..objects import C, MISSING, W, JSInternal, JSObject, Prop
from ..ops import (create_array, get_prototype_from_constructor, iterate_to_list, to_string)
from ..realm import arg, constructor, method
from ..values import UNDEFINED

NATIVE_ERRORS = ("EvalError", "RangeError", "ReferenceError", "SyntaxError", "TypeError", "URIError")


def _stack_text(header: str, tb=None, skip_frames: bool = False) -> str:
    try:
        from ..compiler.stack import capture_stack, format_stack

        frames = capture_stack(tb)
    except Exception:  # noqa: BLE001 - a stack is best effort, never an error
        frames = []
    text = format_stack(frames)
    return header + ("\n" + text if text else "")


def error_header(o) -> str:
    """'Name: message' as Error.prototype.toString would give, without running user code."""
    name = _peek(o, "name")
    msg = _peek(o, "message")
    name = "Error" if not isinstance(name, str) else name
    msg = "" if not isinstance(msg, str) else msg
    if not name:
        return msg
    if not msg:
        return name
    return f"{name}: {msg}"


def _peek(o, key):
    while o is not None:
        v = o.props.get(key, MISSING) if o.ordinary_get else MISSING
        if v is not MISSING:
            return v.value if type(v) is Prop else v
        o = o.proto if o.ordinary_get else None
    return None


def make_error(realm, kind: str, msg: str, tb=None):
    """A new error object of ``kind`` in ``realm`` (used for errors the engine throws)."""
    proto = getattr(realm, f"{kind}Prototype", None) or realm.ErrorPrototype
    o = JSInternal(proto, "Error")
    o.props["message"] = Prop(msg, W | C)
    o.props["stack"] = Prop(_stack_text(f"{kind}: {msg}" if msg else kind, tb), W | C)
    return o


def _install_cause(o, options) -> None:
    # ES2022 error cause is out of scope for ES2021; ignored
    return None


def _make_ctor(realm, name: str, proto_name: str, parent_ctor=None):
    proto = JSObject(realm.ErrorPrototype if name != "Error" else realm.ObjectPrototype)
    if name == "Error":
        realm.ErrorPrototype = proto

    def construct(args, new_target):
        p = get_prototype_from_constructor(new_target, proto_name)
        o = JSInternal(p, "Error")
        m = arg(args, 0)
        if m is not UNDEFINED:
            o.props["message"] = Prop(to_string(m), W | C)
        o.props["stack"] = Prop(_stack_text(error_header(o)), W | C)
        return o

    def call(this, args):
        return construct(args, getattr(realm, name))

    ctor = constructor(realm, name, call, construct, 1, proto,
                       fn_proto=parent_ctor if parent_ctor is not None else None)
    proto.props["name"] = Prop(name, W | C)
    proto.props["message"] = Prop("", W | C)
    setattr(realm, proto_name, proto)
    setattr(realm, name, ctor)
    realm.define_global(name, ctor)
    return ctor, proto


def setup(realm) -> None:
    realm.ErrorPrototype = None
    err_ctor, err_proto = _make_ctor(realm, "Error", "ErrorPrototype")

    # 20.5.3.4 Error.prototype.toString
    def to_string_(this, args):
        if not isinstance(this, JSObject):
            raise type_error("Error.prototype.toString requires that 'this' be an Object")
        name = this.get("name")
        name = "Error" if name is UNDEFINED else to_string(name)
        msg = this.get("message")
        msg = "" if msg is UNDEFINED else to_string(msg)
        if not name:
            return msg
        if not msg:
            return name
        return f"{name}: {msg}"

    method(realm, err_proto, "toString", to_string_, 0)

    # V8's Error.captureStackTrace, which some scripts call
    def capture_stack_trace(this, args):
        o = arg(args, 0)
        if not isinstance(o, JSObject):
            raise type_error("Invalid argument")
        o.define_own_property("stack", _desc(_stack_text(error_header(o))))
        return UNDEFINED

    method(realm, err_ctor, "captureStackTrace", capture_stack_trace, 2)
    err_ctor.props["stackTraceLimit"] = 10

    for name in NATIVE_ERRORS:
        _make_ctor(realm, name, f"{name}Prototype", parent_ctor=err_ctor)

    # 20.5.7 AggregateError
    agg_proto = JSObject(realm.ErrorPrototype)

    def agg_construct(args, new_target):
        p = get_prototype_from_constructor(new_target, "AggregateErrorPrototype")
        o = JSInternal(p, "Error")
        m = arg(args, 1)
        if m is not UNDEFINED:
            o.props["message"] = Prop(to_string(m), W | C)
        errors = iterate_to_list(arg(args, 0))
        o.props["errors"] = Prop(create_array(errors), W | C)
        o.props["stack"] = Prop(_stack_text(error_header(o)), W | C)
        return o

    def agg_call(this, args):
        return agg_construct(args, realm.AggregateError)

    agg = constructor(realm, "AggregateError", agg_call, agg_construct, 2, agg_proto, fn_proto=err_ctor)
    agg_proto.props["name"] = Prop("AggregateError", W | C)
    agg_proto.props["message"] = Prop("", W | C)
    realm.AggregateErrorPrototype = agg_proto
    realm.AggregateError = agg
    realm.define_global("AggregateError", agg)


def _desc(v):
    from ..objects import Desc

    return Desc(value=v, writable=True, enumerable=False, configurable=True)
