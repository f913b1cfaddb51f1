"""Boolean objects (ECMA-262 20.3)."""

from __future__ import annotations

from ..errors import type_error
from ..objects import JSInternal
from ..ops import get_prototype_from_constructor, to_boolean
from ..realm import arg, constructor, method


def this_boolean_value(v, name: str) -> bool:
    """thisBooleanValue (20.3.3): a Boolean or a Boolean object's [[BooleanData]]."""
    if type(v) is bool:
        return v
    if isinstance(v, JSInternal) and v.kind == "Boolean":
        return v.data
    raise type_error(f"Boolean.prototype.{name} requires that 'this' be a Boolean")


# 20.3.1.1 Boolean ( value )
def boolean_call(this, args: list):
    return to_boolean(arg(args, 0))


def boolean_construct(args: list, new_target):
    b = to_boolean(arg(args, 0))
    return JSInternal(get_prototype_from_constructor(new_target, "BooleanPrototype"), "Boolean", b)


# 20.3.3.2 Boolean.prototype.toString ( )
def boolean_to_string(this, args: list):
    return "true" if this_boolean_value(this, "toString") else "false"


# 20.3.3.3 Boolean.prototype.valueOf ( )
def boolean_value_of(this, args: list):
    return this_boolean_value(this, "valueOf")


def setup(realm) -> None:
    proto = realm.BooleanPrototype
    realm.Boolean = constructor(realm, "Boolean", boolean_call, boolean_construct, 1, proto)
    realm.define_global("Boolean", realm.Boolean)
    method(realm, proto, "toString", boolean_to_string, 0)
    method(realm, proto, "valueOf", boolean_value_of, 0)
