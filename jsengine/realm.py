"""Realms: the intrinsics and the global object (9.3).

Every builtin module in ``jsengine/builtins/`` has ``setup(realm)``, called in ``SETUP_ORDER``. A module
creates its constructor and prototype objects, stores the ones other code needs as realm attributes
(``realm.ArrayPrototype``, ``realm.Array``, ...) and defines its globals with ``realm.define_global``.

Helpers for builtin code::

    fn = method(realm, proto, "push", array_push, 1)   # fn(this, args) -> value
    getter(realm, proto, "size", map_size)              # accessor with only a getter
    ctor = constructor(realm, "Map", map_call, map_construct, 0, proto)
    arg(args, 0)                                        # args[0] or undefined
"""

from __future__ import annotations

import importlib

from .objects import (ACC, DEFAULT, BuiltinFunction, C, E, GlobalObject, JSArray, JSInternal, JSObject, WatchedDict,
                      JSStringObject, Prop, W)
from .values import SYM, UNDEFINED

SETUP_ORDER = [
    "function", "object", "error", "iterator", "symbol", "array", "string", "number", "math", "boolean",
    "globals", "evalfn", "json", "collections", "date", "reflect", "console", "regexp", "promise", "generator",
    "bigint", "proxy", "arraybuffer", "typedarray", "dataview", "atomics", "weakref",
]


def arg(args: list, i: int):
    """The i-th argument, or undefined."""
    return args[i] if i < len(args) else UNDEFINED


def make_function(realm, fn, name, length: int, ctor=None, proto=None) -> BuiltinFunction:
    """A builtin function object; ``name`` may be a str or a Symbol (-> "[description]")."""
    if type(name) is not str:
        name = f"[{name.description}]" if name.description is not None else ""
    return BuiltinFunction(realm, fn, name, length, ctor, proto)


def method(realm, obj: JSObject, name, fn, length: int, flags: int = W | C) -> BuiltinFunction:
    """Define a builtin method ``obj[name]`` (writable, configurable, not enumerable)."""
    f = make_function(realm, fn, name, length)
    obj.props[name] = f if flags == DEFAULT else Prop(f, flags)
    return f


def getter(realm, obj: JSObject, name, fn, setter_fn=None, flags: int = C) -> BuiltinFunction:
    """Define an accessor ``obj[name]`` with a builtin getter (and optional setter)."""
    label = name if type(name) is str else f"[{name.description}]"
    g = make_function(realm, fn, f"get {label}", 0)
    s = UNDEFINED if setter_fn is None else make_function(realm, setter_fn, f"set {label}", 1)
    obj.props[name] = Prop(UNDEFINED, flags | ACC, g, s)
    return g


def constant(obj: JSObject, name, value, flags: int = 0) -> None:
    """Define a data property (default: not writable, enumerable or configurable)."""
    obj.props[name] = value if flags == DEFAULT else Prop(value, flags)


def constructor(realm, name: str, call_fn, construct_fn, length: int, proto: JSObject | None,
                fn_proto: JSObject | None = None) -> BuiltinFunction:
    """A builtin constructor linked with its prototype object (``prototype``/``constructor``)."""
    f = make_function(realm, call_fn, name, length, construct_fn, fn_proto)
    if proto is not None:
        f.props["prototype"] = Prop(proto, 0)
        proto.props["constructor"] = Prop(f, W | C)
    return f


class Realm:
    """A realm: intrinsics as attributes, the global object, the global lexical bindings."""

    def __init__(self, engine=None) -> None:
        self.engine = engine
        # the objects everything else needs, made before any setup() runs
        self.ObjectPrototype = JSObject(None)
        self.FunctionPrototype = BuiltinFunction(self, lambda this, args: UNDEFINED, "", 0,
                                                 proto=self.ObjectPrototype)
        self.ArrayPrototype = JSArray(self.ObjectPrototype)
        self.StringPrototype = JSStringObject(self.ObjectPrototype, "")
        self.NumberPrototype = JSInternal(self.ObjectPrototype, "Number", 0)
        self.BooleanPrototype = JSInternal(self.ObjectPrototype, "Boolean", False)
        self.SymbolPrototype = JSObject(self.ObjectPrototype)
        self.BigIntPrototype = JSObject(self.ObjectPrototype)
        self.IteratorPrototype = JSObject(self.ObjectPrototype)
        self.global_obj = GlobalObject(self.ObjectPrototype)
        self.global_this = self.global_obj
        self.global_lex: dict = {}  # global let/const/class bindings: name -> value (UNINIT in TDZ)
        self.global_lex_const: set = set()
        self.template_cache: dict = {}  # template objects per site (13.2.8.4)
        self.gprops = self.global_obj.props
        for name in SETUP_ORDER:
            try:
                mod = importlib.import_module(f"jsengine.builtins.{name}")
            except ModuleNotFoundError as e:
                if e.name == f"jsengine.builtins.{name}":
                    continue  # not written yet
                raise
            mod.setup(self)
        self.define_global("globalThis", self.global_obj, W | C)
        for proto in (self.ObjectPrototype, self.FunctionPrototype):  # no JS has run: nothing holds props
            proto.props = WatchedDict(proto.props)

    def define_global(self, name: str, value, flags: int = W | C) -> None:
        """A property of the global object (builtins are writable, configurable, not enumerable)."""
        self.global_obj.props[name] = value if flags == DEFAULT else Prop(value, flags)

    def intrinsic(self, name: str):
        return getattr(self, name)


__all__ = ["Realm", "arg", "method", "getter", "constant", "constructor", "make_function", "SYM", "E", "W",
           "C", "DEFAULT"]
