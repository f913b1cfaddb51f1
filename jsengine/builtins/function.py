"""The Function constructor and Function.prototype (ECMA-262 20.2), and %ThrowTypeError% (10.2.4.1)."""

from __future__ import annotations

from ..budget import AGENT as A
from ..errors import type_error
from ..objects import ACC, MISSING, BoundFunction, BuiltinFunction, C, JSArray, JSObject, Prop, func_name
from ..ops import (
    INF,
    create_list_from_array_like,
    function_has_instance,
    get_function_realm,
    is_callable,
    to_integer_or_infinity,
    typeof,
)
from ..realm import arg, constructor, method
from ..values import HOLE, SYM, UNDEFINED


def list_from_array_like(o) -> list:
    """CreateListFromArrayLike (7.3.18), with a fast path for dense arrays."""
    if type(o) is JSArray and o.arr is not None:
        arr = o.arr
        A.charge(len(arr))
        if HOLE not in arr:
            return list(arr)
        return [v if v is not HOLE else o.get(str(i), o) for i, v in enumerate(arr)]
    return create_list_from_array_like(o)


def not_callable_message(fn_name: str, v) -> str:
    """V8's "X was called on V, which is a T and not a function"."""
    from .object import value_text

    if v is None:
        return f"{fn_name} was called on null, which is null and not a function"
    t = typeof(v)
    return f"{fn_name} was called on {value_text(v)}, which is {'an' if t == 'object' else 'a'} {t} and not a function"


# 20.2.3.5 Function.prototype.toString ( )
def function_to_string(this, args: list) -> str:
    """The source text of a compiled function, or a NativeFunction string."""
    if not isinstance(this, JSObject) or not this.is_callable:
        raise type_error("Function.prototype.toString requires that 'this' be a Function")
    src = getattr(this, "source_text", None)
    if isinstance(src, str):
        return src
    if isinstance(this, BuiltinFunction):
        return f"function {func_name(this)}() {{ [native code] }}"
    return "function () { [native code] }"


def bound_function_create(target, bound_this, bound_args: list) -> BoundFunction:
    """Function.prototype.bind steps 3-11: BoundFunctionCreate, then SetFunctionLength/Name."""
    f = BoundFunction(get_function_realm(target), target, bound_this, bound_args)
    length = 0
    if target.get_own_property("length") is not MISSING:
        tl = target.get("length", target)
        if type(tl) is int or type(tl) is float:
            if tl == INF:
                length = INF
            elif tl != -INF:
                length = max(to_integer_or_infinity(tl) - len(bound_args), 0)
    f.props["length"] = Prop(length, C)
    name = target.get("name", target)
    f.props["name"] = Prop("bound " + (name if type(name) is str else ""), C)
    return f


def setup(realm) -> None:
    proto = realm.FunctionPrototype

    # 10.2.4.1 %ThrowTypeError% ( )
    def throw_type_error(this, args):
        raise type_error("'caller', 'callee', and 'arguments' properties may not be accessed on strict mode "
                         "functions or the arguments objects for calls to them")

    thrower = BuiltinFunction(realm, throw_type_error, "", 0)
    thrower.props["length"] = Prop(0, 0)
    thrower.props["name"] = Prop("", 0)
    thrower.extensible = False
    realm.ThrowTypeError = thrower
    # 10.2.4 AddRestrictedFunctionProperties ( F, realm )
    for key in ("arguments", "caller"):
        proto.props[key] = Prop(UNDEFINED, C | ACC, thrower, thrower)

    # 20.2.1.1 Function ( p1, p2, ..., pn, body )
    def function_call(this, args):
        return function_construct(args, None)

    def function_construct(args, new_target):
        from ..compiler import create_dynamic_function

        return create_dynamic_function(realm, "normal", list(args), ctor if new_target is None else new_target)

    ctor = constructor(realm, "Function", function_call, function_construct, 1, proto)
    realm.Function = ctor

    # 20.2.3.1 Function.prototype.apply ( thisArg, argArray )
    def apply(this, args):
        if not is_callable(this):
            raise type_error(not_callable_message("Function.prototype.apply", this))
        arg_array = arg(args, 1)
        if arg_array is UNDEFINED or arg_array is None:
            return this.call(arg(args, 0), [])
        return this.call(arg(args, 0), list_from_array_like(arg_array))

    # 20.2.3.2 Function.prototype.bind ( thisArg, ...args )
    def bind(this, args):
        if not is_callable(this):
            raise type_error("Bind must be called on a function")
        return bound_function_create(this, arg(args, 0), list(args[1:]))

    # 20.2.3.3 Function.prototype.call ( thisArg, ...args )
    def call(this, args):
        if not is_callable(this):
            raise type_error(not_callable_message("Function.prototype.call", this))
        return this.call(arg(args, 0), list(args[1:]))

    method(realm, proto, "apply", apply, 2)
    method(realm, proto, "bind", bind, 1)
    method(realm, proto, "call", call, 1)
    method(realm, proto, "toString", function_to_string, 0)
    method(realm, proto, SYM.hasInstance, function_has_instance, 1, flags=0)
    realm.define_global("Function", ctor)


__all__ = ["bound_function_create", "function_to_string", "list_from_array_like", "not_callable_message",
           "setup"]
