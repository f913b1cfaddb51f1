"""The Reflect object (ECMA-262 28.1)."""

from __future__ import annotations

from ..errors import type_error
from ..objects import C, JSObject
from ..ops import (
    create_array,
    from_property_descriptor,
    is_callable,
    is_constructor,
    to_property_descriptor,
    to_property_key,
)
from ..realm import arg, constant, method
from ..values import SYM
from .function import list_from_array_like, not_callable_message
from .object import check_proto, object_desc


def _target(args: list, name: str) -> JSObject:
    t = arg(args, 0)
    if not isinstance(t, JSObject):
        raise type_error(f"Reflect.{name} called on non-object")
    return t


def _args_list(v) -> list:
    if not isinstance(v, JSObject):
        raise type_error("CreateListFromArrayLike called on non-object")
    return list_from_array_like(v)


# 28.1.1 Reflect.apply ( target, thisArgument, argumentsList )
def reflect_apply(this, args: list):
    target = arg(args, 0)
    if not is_callable(target):
        raise type_error(not_callable_message("Function.prototype.apply", target))
    return target.call(arg(args, 1), _args_list(arg(args, 2)))


# 28.1.2 Reflect.construct ( target, argumentsList [ , newTarget ] )
def reflect_construct(this, args: list):
    target = arg(args, 0)
    if not is_constructor(target):
        raise type_error(f"{_shown(target)} is not a constructor")
    new_target = args[2] if len(args) > 2 else target
    if not is_constructor(new_target):
        raise type_error(f"{_shown(new_target)} is not a constructor")
    return target.construct(_args_list(arg(args, 1)), new_target)


def _shown(v) -> str:
    if isinstance(v, JSObject):
        return object_desc(v)
    from .object import value_text

    return value_text(v)


# 28.1.3 Reflect.defineProperty ( target, propertyKey, attributes )
def reflect_define_property(this, args: list):
    t = _target(args, "defineProperty")
    key = to_property_key(arg(args, 1))
    return t.define_own_property(key, to_property_descriptor(arg(args, 2)))


# 28.1.4 Reflect.deleteProperty ( target, propertyKey )
def reflect_delete_property(this, args: list):
    t = _target(args, "deleteProperty")
    return t.delete(to_property_key(arg(args, 1)))


# 28.1.5 Reflect.get ( target, propertyKey [ , receiver ] )
def reflect_get(this, args: list):
    t = _target(args, "get")
    key = to_property_key(arg(args, 1))
    return t.get(key, args[2] if len(args) > 2 else t)


# 28.1.6 Reflect.getOwnPropertyDescriptor ( target, propertyKey )
def reflect_get_own_property_descriptor(this, args: list):
    t = _target(args, "getOwnPropertyDescriptor")
    return from_property_descriptor(t.get_own_property(to_property_key(arg(args, 1))))


# 28.1.7 Reflect.getPrototypeOf ( target )
def reflect_get_prototype_of(this, args: list):
    return _target(args, "getPrototypeOf").get_prototype_of()


# 28.1.8 Reflect.has ( target, propertyKey )
def reflect_has(this, args: list):
    t = _target(args, "has")
    return t.has_property(to_property_key(arg(args, 1)))


# 28.1.9 Reflect.isExtensible ( target )
def reflect_is_extensible(this, args: list):
    return _target(args, "isExtensible").is_extensible()


# 28.1.10 Reflect.ownKeys ( target )
def reflect_own_keys(this, args: list):
    from ..budget import AGENT as A

    keys = _target(args, "ownKeys").own_keys()
    A.charge(len(keys))
    return create_array(list(keys))


# 28.1.11 Reflect.preventExtensions ( target )
def reflect_prevent_extensions(this, args: list):
    return _target(args, "preventExtensions").prevent_extensions()


# 28.1.12 Reflect.set ( target, propertyKey, V [ , receiver ] )
def reflect_set(this, args: list):
    t = _target(args, "set")
    key = to_property_key(arg(args, 1))
    return t.set(key, arg(args, 2), args[3] if len(args) > 3 else t)


# 28.1.13 Reflect.setPrototypeOf ( target, proto )
def reflect_set_prototype_of(this, args: list):
    t = _target(args, "setPrototypeOf")
    proto = arg(args, 1)
    check_proto(proto)
    return t.set_prototype_of(proto)


def setup(realm) -> None:
    reflect = JSObject(realm.ObjectPrototype)
    for name, fn, length in (
        ("apply", reflect_apply, 3), ("construct", reflect_construct, 2),
        ("defineProperty", reflect_define_property, 3), ("deleteProperty", reflect_delete_property, 2),
        ("get", reflect_get, 2), ("getOwnPropertyDescriptor", reflect_get_own_property_descriptor, 2),
        ("getPrototypeOf", reflect_get_prototype_of, 1), ("has", reflect_has, 2),
        ("isExtensible", reflect_is_extensible, 1), ("ownKeys", reflect_own_keys, 1),
        ("preventExtensions", reflect_prevent_extensions, 1), ("set", reflect_set, 3),
        ("setPrototypeOf", reflect_set_prototype_of, 2),
    ):
        method(realm, reflect, name, fn, length)
    # 28.1.14 Reflect [ @@toStringTag ]
    constant(reflect, SYM.toStringTag, "Reflect", C)
    realm.Reflect = reflect
    realm.define_global("Reflect", reflect)


__all__ = ["setup"]
