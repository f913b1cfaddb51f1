"""Proxy exotic objects (ECMA-262 10.5) and the Proxy constructor (28.2).

A ``JSProxy`` overrides every internal method: each one looks up its trap on the handler, forwards to
the target when the trap is undefined, and otherwise calls the trap and checks the invariants of the
specification against the target. Callers never special-case proxies: they use the internal methods
(``get``, ``set``, ``own_keys`` ...) like for any object. ``proxy_handler`` is None once revoked.
"""

from __future__ import annotations

from ..budget import AGENT as A
from ..errors import JSThrow, type_error
from ..objects import (
    ACC,
    MISSING,
    C,
    Desc,
    JSObject,
    Prop,
    W,
    desc_to_stored,
    same_value,
    validate_and_apply,
)
from ..ops import (
    call,
    complete_desc,
    create_array,
    create_data_property_or_throw,
    from_property_descriptor,
    length_of_array_like,
    to_boolean,
    to_display_string,
    to_property_descriptor,
)
from ..realm import arg, constructor, make_function, method
from ..values import UNDEFINED, JSSymbol


def _error(msg: str) -> JSThrow:
    """A TypeError of the current realm (the realm of the code using the proxy)."""
    e = type_error(msg)
    e.realm = A.realm
    return e


def _key(key) -> str:
    return key.descriptive_string() if type(key) is JSSymbol else key


def _shown(v) -> str:
    if isinstance(v, JSObject):
        return "[object Function]" if v.is_callable else "[object Object]"
    if type(v) is JSSymbol:
        return v.descriptive_string()
    return to_display_string(v)


def _configurable(stored) -> bool:
    return type(stored) is not Prop or bool(stored.flags & C)


def _forward(fn, *args):
    """Run a target's internal method, counting depth (a chain of proxies recurses in Python)."""
    d = A.depth + 1
    if d > A.max_depth:
        raise JSThrow(kind="RangeError", msg="Maximum call stack size exceeded")
    A.depth = d
    try:
        return fn(*args)
    finally:
        A.depth = d - 1


class JSProxy(JSObject):
    """A Proxy exotic object (10.5): internal methods dispatch to the handler's traps."""

    __slots__ = ("is_callable", "is_constructor", "proxy_handler", "proxy_target")
    ordinary_get = False
    class_name = "Object"

    def __init__(self, target: JSObject, handler: JSObject) -> None:
        self.props = {}
        self.proto = None
        self.extensible = True
        self.proxy_target = target
        self.proxy_handler = handler
        self.is_callable = target.is_callable
        self.is_constructor = target.is_constructor

    def _trap(self, name: str):
        """(handler, target, trap): TypeError once revoked; trap is UNDEFINED when absent."""
        handler = self.proxy_handler
        if handler is None:
            raise _error(f"Cannot perform '{name}' on a proxy that has been revoked")
        trap = handler.get(name, handler)  # GetMethod(handler, name)
        if trap is UNDEFINED or trap is None:
            return handler, self.proxy_target, UNDEFINED
        if not (isinstance(trap, JSObject) and trap.is_callable):
            from .object import value_text

            raise _error(f"'{value_text(trap)}' returned for property '{name}' of object "
                         f"'{value_text(handler)}' is not a function")
        return handler, self.proxy_target, trap

    # 10.5.1 [[GetPrototypeOf]] ( )
    def get_prototype_of(self):
        handler, target, trap = self._trap("getPrototypeOf")
        if trap is UNDEFINED:
            return _forward(target.get_prototype_of)
        handler_proto = call(trap, handler, [target])
        if handler_proto is not None and not isinstance(handler_proto, JSObject):
            raise _error("'getPrototypeOf' on proxy: trap returned neither object nor null")
        if target.is_extensible():
            return handler_proto
        if handler_proto is not target.get_prototype_of():
            raise _error("'getPrototypeOf' on proxy: proxy target is non-extensible but the trap "
                             "did not return its actual prototype")
        return handler_proto

    # 10.5.2 [[SetPrototypeOf]] ( V )
    def set_prototype_of(self, v) -> bool:
        handler, target, trap = self._trap("setPrototypeOf")
        if trap is UNDEFINED:
            return _forward(target.set_prototype_of, v)
        if not to_boolean(call(trap, handler, [target, v])):
            return False
        if target.is_extensible():
            return True
        if v is not target.get_prototype_of():
            raise _error("'setPrototypeOf' on proxy: trap returned truish for setting a new prototype "
                             "on the non-extensible proxy target")
        return True

    # 10.5.3 [[IsExtensible]] ( )
    def is_extensible(self) -> bool:
        handler, target, trap = self._trap("isExtensible")
        if trap is UNDEFINED:
            return _forward(target.is_extensible)
        result = to_boolean(call(trap, handler, [target]))
        target_result = target.is_extensible()
        if result != target_result:
            raise _error("'isExtensible' on proxy: trap result does not reflect extensibility of "
                             f"proxy target (which is '{'true' if target_result else 'false'}')")
        return result

    # 10.5.4 [[PreventExtensions]] ( )
    def prevent_extensions(self) -> bool:
        handler, target, trap = self._trap("preventExtensions")
        if trap is UNDEFINED:
            return _forward(target.prevent_extensions)
        result = to_boolean(call(trap, handler, [target]))
        if result and target.is_extensible():
            raise _error("'preventExtensions' on proxy: trap returned truish but the proxy target "
                             "is extensible")
        return result

    # 10.5.5 [[GetOwnProperty]] ( P )
    def get_own_property(self, key):
        handler, target, trap = self._trap("getOwnPropertyDescriptor")
        if trap is UNDEFINED:
            return _forward(target.get_own_property, key)
        result_obj = call(trap, handler, [target, key])
        if result_obj is not UNDEFINED and not isinstance(result_obj, JSObject):
            raise _error("'getOwnPropertyDescriptor' on proxy: trap returned neither object nor "
                             f"undefined for property '{_key(key)}'")
        target_desc = target.get_own_property(key)
        if result_obj is UNDEFINED:
            if target_desc is MISSING:
                return MISSING
            if not _configurable(target_desc):
                raise _error(f"'getOwnPropertyDescriptor' on proxy: trap returned undefined for "
                                 f"property '{_key(key)}' which is non-configurable in the proxy target")
            if not target.is_extensible():
                raise _error(f"'getOwnPropertyDescriptor' on proxy: trap returned undefined for "
                                 f"property '{_key(key)}' which exists in the non-extensible proxy target")
            return MISSING
        extensible_target = target.is_extensible()
        result_desc = complete_desc(to_property_descriptor(result_obj))
        if not validate_and_apply(None, key, extensible_target, result_desc, target_desc):
            raise _error(f"'getOwnPropertyDescriptor' on proxy: trap returned descriptor for property "
                             f"'{_key(key)}' that is incompatible with the existing property in the "
                             "proxy target")
        if result_desc.configurable is False:
            if target_desc is MISSING or _configurable(target_desc):
                raise _error(f"'getOwnPropertyDescriptor' on proxy: trap reported non-configurability "
                                 f"for property '{_key(key)}' which is either non-existent or configurable "
                                 "in the proxy target")
            if result_desc.writable is False and (type(target_desc) is not Prop or (
                    not target_desc.flags & ACC and target_desc.flags & W)):
                raise _error(f"'getOwnPropertyDescriptor' on proxy: trap reported non-configurable and "
                                 f"writable for property '{_key(key)}' which is non-configurable, "
                                 "non-writable in the proxy target")
        return desc_to_stored(result_desc)

    # 10.5.6 [[DefineOwnProperty]] ( P, Desc )
    def define_own_property(self, key, desc: Desc) -> bool:
        handler, target, trap = self._trap("defineProperty")
        if trap is UNDEFINED:
            return _forward(target.define_own_property, key, desc)
        desc_obj = from_property_descriptor(desc)
        if not to_boolean(call(trap, handler, [target, key, desc_obj])):
            return False
        target_desc = target.get_own_property(key)
        extensible_target = target.is_extensible()
        setting_config_false = desc.configurable is False
        if target_desc is MISSING:
            if not extensible_target:
                raise _error(f"'defineProperty' on proxy: trap returned truish for adding property "
                                 f"'{_key(key)}'  to the non-extensible proxy target")
            if setting_config_false:
                raise _error(f"'defineProperty' on proxy: trap returned truish for defining "
                                 f"non-configurable property '{_key(key)}' which is either non-existent or "
                                 "configurable in the proxy target")
            return True
        if not validate_and_apply(None, key, extensible_target, desc, target_desc):
            raise _error(f"'defineProperty' on proxy: trap returned truish for adding property "
                             f"'{_key(key)}'  that is incompatible with the existing property in the "
                             "proxy target")
        if setting_config_false and _configurable(target_desc):
            raise _error(f"'defineProperty' on proxy: trap returned truish for defining non-configurable "
                             f"property '{_key(key)}' which is either non-existent or configurable in the "
                             "proxy target")
        if type(target_desc) is Prop and not target_desc.flags & (ACC | C) and target_desc.flags & W \
                and desc.writable is False:
            raise _error(f"'defineProperty' on proxy: trap returned truish for defining non-configurable "
                             f"property '{_key(key)}' which cannot be non-writable, unless there exists a "
                             "corresponding non-configurable, non-writable own property of the target "
                             "object.")
        return True

    # 10.5.7 [[HasProperty]] ( P )
    def has_property(self, key) -> bool:
        handler, target, trap = self._trap("has")
        if trap is UNDEFINED:
            return _forward(target.has_property, key)
        result = to_boolean(call(trap, handler, [target, key]))
        if not result:
            target_desc = target.get_own_property(key)
            if target_desc is not MISSING:
                if not _configurable(target_desc):
                    raise _error(f"'has' on proxy: trap returned falsish for property '{_key(key)}' "
                                     "which exists in the proxy target as non-configurable")
                if not target.is_extensible():
                    raise _error(f"'has' on proxy: trap returned falsish for property '{_key(key)}' "
                                     "but the proxy target is not extensible")
        return result

    # 10.5.8 [[Get]] ( P, Receiver )
    def get(self, key, receiver=None):
        handler, target, trap = self._trap("get")
        if receiver is None:
            receiver = self
        if trap is UNDEFINED:
            return _forward(target.get, key, receiver)
        value = call(trap, handler, [target, key, receiver])
        target_desc = target.get_own_property(key)
        if type(target_desc) is Prop and not target_desc.flags & C:
            if target_desc.flags & ACC:
                if target_desc.getter is UNDEFINED and value is not UNDEFINED:
                    raise _error(f"'get' on proxy: property '{_key(key)}' is a non-configurable accessor "
                                     "property on the proxy target and does not have a getter function, but "
                                     f"the trap did not return 'undefined' (got '{_shown(value)}')")
            elif not target_desc.flags & W and not same_value(value, target_desc.value):
                raise _error(f"'get' on proxy: property '{_key(key)}' is a read-only and non-configurable "
                                 "data property on the proxy target but the proxy did not return its actual "
                                 f"value (expected '{_shown(target_desc.value)}' but got '{_shown(value)}')")
        return value

    # 10.5.9 [[Set]] ( P, V, Receiver )
    def set(self, key, value, receiver=None) -> bool:
        handler, target, trap = self._trap("set")
        if receiver is None:
            receiver = self
        if trap is UNDEFINED:
            return _forward(target.set, key, value, receiver)
        if not to_boolean(call(trap, handler, [target, key, value, receiver])):
            return False
        target_desc = target.get_own_property(key)
        if type(target_desc) is Prop and not target_desc.flags & C:
            if target_desc.flags & ACC:
                if target_desc.setter is UNDEFINED:
                    raise _error(f"'set' on proxy: trap returned truish for property '{_key(key)}' which "
                                     "exists in the proxy target as a non-configurable and non-writable "
                                     "accessor property without a setter")
            elif not target_desc.flags & W and not same_value(value, target_desc.value):
                raise _error(f"'set' on proxy: trap returned truish for property '{_key(key)}' which "
                                 "exists in the proxy target as a non-configurable and non-writable data "
                                 "property with a different value")
        return True

    # 10.5.10 [[Delete]] ( P )
    def delete(self, key) -> bool:
        handler, target, trap = self._trap("deleteProperty")
        if trap is UNDEFINED:
            return _forward(target.delete, key)
        if not to_boolean(call(trap, handler, [target, key])):
            return False
        target_desc = target.get_own_property(key)
        if target_desc is MISSING:
            return True
        if not _configurable(target_desc):
            raise _error(f"'deleteProperty' on proxy: trap returned truish for property '{_key(key)}' "
                             "which is non-configurable in the proxy target")
        if not target.is_extensible():
            raise _error(f"'deleteProperty' on proxy: trap returned truish for property '{_key(key)}' "
                             "but the proxy target is non-extensible")
        return True

    # 10.5.11 [[OwnPropertyKeys]] ( )
    def own_keys(self) -> list:
        handler, target, trap = self._trap("ownKeys")
        if trap is UNDEFINED:
            return _forward(target.own_keys)
        result_array = call(trap, handler, [target])
        # CreateListFromArrayLike(trapResultArray, « String, Symbol »)
        if not isinstance(result_array, JSObject):
            raise _error("CreateListFromArrayLike called on non-object")
        n = length_of_array_like(result_array)
        A.charge(n)
        keys = []
        seen = set()
        for i in range(n):
            k = result_array.get(str(i))
            if type(k) is not str and type(k) is not JSSymbol:
                raise _error(f"{_shown(k)} is not a valid property name")
            keys.append(k)
            seen.add(k)
        if len(seen) != len(keys):
            raise _error("'ownKeys' on proxy: trap returned duplicate entries")
        extensible_target = target.is_extensible()
        target_keys = target.own_keys()
        A.charge(len(target_keys))
        configurable_keys = []
        nonconfigurable_keys = []
        for k in target_keys:
            d = target.get_own_property(k)
            if d is not MISSING and not _configurable(d):
                nonconfigurable_keys.append(k)
            else:
                configurable_keys.append(k)
        if extensible_target and not nonconfigurable_keys:
            return keys
        unchecked = set(keys)
        for k in nonconfigurable_keys:
            if k not in unchecked:
                raise _error(f"'ownKeys' on proxy: trap result did not include '{_key(k)}'")
            unchecked.discard(k)
        if extensible_target:
            return keys
        for k in configurable_keys:
            if k not in unchecked:
                raise _error(f"'ownKeys' on proxy: trap result did not include '{_key(k)}'")
            unchecked.discard(k)
        if unchecked:
            raise _error("'ownKeys' on proxy: trap returned extra keys but proxy target is non-extensible")
        return keys

    # 10.5.12 [[Call]] ( thisArgument, argumentsList )
    def call(self, this, args: list):
        if not self.is_callable:
            raise _error("proxy is not a function")
        handler, target, trap = self._trap("apply")
        if trap is UNDEFINED:
            return _forward(call, target, this, args)
        return call(trap, handler, [target, this, create_array(list(args))])

    # 10.5.13 [[Construct]] ( argumentsList, newTarget )
    def construct(self, args: list, new_target=None):
        if not self.is_constructor:
            raise _error("proxy is not a constructor")
        handler, target, trap = self._trap("construct")
        if new_target is None:
            new_target = self
        if trap is UNDEFINED:
            return _forward(target.construct, args, new_target)
        new_obj = call(trap, handler, [target, create_array(list(args)), new_target])
        if not isinstance(new_obj, JSObject):
            raise _error(f"'construct' on proxy: trap returned non-object ('{_shown(new_obj)}')")
        return new_obj


# 10.5.14 ProxyCreate ( target, handler )
def proxy_create(target, handler) -> JSProxy:
    if not isinstance(target, JSObject) or not isinstance(handler, JSObject):
        raise _error("Cannot create proxy with a non-object as target or handler")
    return JSProxy(target, handler)


# 28.2.1.1 Proxy ( target, handler )
def proxy_call(this, args: list):
    raise _error("Constructor Proxy requires 'new'")


def proxy_construct(args: list, new_target):
    return proxy_create(arg(args, 0), arg(args, 1))


# 28.2.2.1 Proxy.revocable ( target, handler )
def proxy_revocable(this, args: list):
    p = proxy_create(arg(args, 0), arg(args, 1))
    cell = [p]

    # 28.2.2.1.1 Proxy Revocation Functions
    def revoke(this, args: list):
        proxy = cell[0]
        if proxy is None:
            return UNDEFINED
        cell[0] = None
        proxy.proxy_target = None
        proxy.proxy_handler = None
        return UNDEFINED

    realm = A.realm
    result = JSObject(realm.ObjectPrototype)
    create_data_property_or_throw(result, "proxy", p)
    create_data_property_or_throw(result, "revoke", make_function(realm, revoke, "", 0))
    return result


def setup(realm) -> None:
    ctor = constructor(realm, "Proxy", proxy_call, proxy_construct, 2, None)
    method(realm, ctor, "revocable", proxy_revocable, 2)
    realm.Proxy = ctor
    realm.define_global("Proxy", ctor)


__all__ = ["JSProxy", "proxy_create", "setup"]
