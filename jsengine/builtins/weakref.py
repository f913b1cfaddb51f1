"""WeakRef and FinalizationRegistry (ECMA-262 26.1, 26.2).

Liveness is the engine's choice (9.10): a WeakRef keeps its target for as long as the WeakRef lives,
which the specification allows (an implementation never has to empty a WeakRef). A
FinalizationRegistry holds its cells' targets and unregister tokens weakly (Python weak references) and
never calls its cleanup callback, which the specification also allows (9.10.3: cleanup jobs are
scheduled at the host's discretion).
"""

from __future__ import annotations

import weakref

from ..errors import type_error
from ..objects import C, JSInternal, JSObject
from ..ops import get_prototype_from_constructor, is_callable, same_value
from ..realm import arg, constant, constructor, method
from ..values import SYM, UNDEFINED
from .iterator import incompatible, receiver_text


class Cell:
    """A FinalizationRegistry cell: [[WeakRefTarget]], [[HeldValue]], [[UnregisterToken]]."""

    __slots__ = ("held", "target", "token")

    def __init__(self, target: JSObject, held, token) -> None:
        self.target = weakref.ref(target)
        self.held = held
        self.token = None if token is None else weakref.ref(token)


# 26.1.1.1 WeakRef ( target )
def weak_ref_call(this, args: list):
    raise type_error("Constructor WeakRef requires 'new'")


def weak_ref_construct(args: list, new_target):
    target = arg(args, 0)
    if not isinstance(target, JSObject):
        raise type_error("WeakRef: target must be an object")
    proto = get_prototype_from_constructor(new_target, "WeakRefPrototype")
    return JSInternal(proto, "WeakRef", target)


# 26.1.3.2 WeakRef.prototype.deref ( )
def weak_ref_deref(this, args: list):
    if not isinstance(this, JSInternal) or this.kind != "WeakRef":
        raise incompatible("WeakRef.prototype.deref", this)
    return this.data  # WeakRefDeref (26.1.4.1): the target is never emptied


# 26.2.1.1 FinalizationRegistry ( cleanupCallback )
def finalization_registry_call(this, args: list):
    raise type_error("Constructor FinalizationRegistry requires 'new'")


def finalization_registry_construct(args: list, new_target):
    cleanup = arg(args, 0)
    if not is_callable(cleanup):
        raise type_error("FinalizationRegistry: cleanup must be callable")
    proto = get_prototype_from_constructor(new_target, "FinalizationRegistryPrototype")
    return JSInternal(proto, "FinalizationRegistry", {"cleanup": cleanup, "cells": []})


def _registry(this, name: str) -> dict:
    if not isinstance(this, JSInternal) or this.kind != "FinalizationRegistry":
        raise incompatible(f"FinalizationRegistry.prototype.{name}", this)
    return this.data


# 26.2.3.2 FinalizationRegistry.prototype.register ( target, heldValue [ , unregisterToken ] )
def finalization_registry_register(this, args: list):
    data = _registry(this, "register")
    target = arg(args, 0)
    held = arg(args, 1)
    token = arg(args, 2)
    if not isinstance(target, JSObject):
        raise type_error(f"FinalizationRegistry.prototype.register: invalid target {receiver_text(target)}")
    if same_value(target, held):
        raise type_error("FinalizationRegistry.prototype.register: target and holdings must not be same")
    if not isinstance(token, JSObject):
        if token is not UNDEFINED:
            raise type_error(f"FinalizationRegistry.prototype.register: invalid unregister token "
                             f"{receiver_text(token)}")
        token = None
    cells = data["cells"]
    cells[:] = [c for c in cells if c.target() is not None]  # drop cells whose target is gone
    cells.append(Cell(target, held, token))
    return UNDEFINED


# 26.2.3.3 FinalizationRegistry.prototype.unregister ( unregisterToken )
def finalization_registry_unregister(this, args: list) -> bool:
    data = _registry(this, "unregister")
    token = arg(args, 0)
    if not isinstance(token, JSObject):
        raise type_error(f"Invalid unregisterToken ('{receiver_text(token)}')")
    cells = data["cells"]
    kept = [c for c in cells if c.token is None or c.token() is not token]
    removed = len(kept) != len(cells)
    cells[:] = kept
    return removed


def setup(realm) -> None:
    # 26.1.2 The WeakRef Constructor, 26.1.3 Properties of the WeakRef Prototype Object
    proto = JSObject(realm.ObjectPrototype)
    ctor = constructor(realm, "WeakRef", weak_ref_call, weak_ref_construct, 1, proto)
    method(realm, proto, "deref", weak_ref_deref, 0)
    # 26.1.3.3 WeakRef.prototype [ @@toStringTag ]
    constant(proto, SYM.toStringTag, "WeakRef", C)
    realm.WeakRef = ctor
    realm.WeakRefPrototype = proto
    realm.define_global("WeakRef", ctor)

    # 26.2.2 The FinalizationRegistry Constructor, 26.2.3 its prototype object
    fproto = JSObject(realm.ObjectPrototype)
    fctor = constructor(realm, "FinalizationRegistry", finalization_registry_call,
                        finalization_registry_construct, 1, fproto)
    method(realm, fproto, "register", finalization_registry_register, 2)
    method(realm, fproto, "unregister", finalization_registry_unregister, 1)
    # 26.2.3.4 FinalizationRegistry.prototype [ @@toStringTag ]
    constant(fproto, SYM.toStringTag, "FinalizationRegistry", C)
    realm.FinalizationRegistry = fctor
    realm.FinalizationRegistryPrototype = fproto
    realm.define_global("FinalizationRegistry", fctor)


__all__ = ["setup"]
