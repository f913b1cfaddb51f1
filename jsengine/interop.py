"""The only door between Python and JS values (DESIGN.md "The door between Python and JS").

Conversion is by allow-list and always a deep copy: no Python object is ever reachable from JS, and no
JS object leaks into Python. Host functions are registered explicitly as ``HostFunction``.
"""

from __future__ import annotations

import math

from .budget import AGENT as A
from .errors import BudgetExceeded, HostError, JSThrow
from .objects import MISSING, BuiltinFunction, E, JSArray, JSObject, Prop
from .values import HOLE, MAX_SAFE, MIN_SAFE, UNDEFINED, JSBigInt, JSSymbol, JSUndefined, from_utf16, to_utf16

MAX_DEPTH = 1000


class HostFunction:
    """A Python callable offered to JS. JS arguments arrive converted to Python; the result goes back
    through ``to_js``. Raise ``HostError(name, message)`` to throw a JS error of that type."""

    __slots__ = ("fn", "length", "name")

    def __init__(self, fn, name: str | None = None, length: int = 0) -> None:
        if not callable(fn):
            raise TypeError("HostFunction needs a callable")
        self.fn = fn
        self.name = name if name is not None else getattr(fn, "__name__", "host")
        self.length = length

    def __repr__(self) -> str:
        return f"HostFunction({self.name})"


def to_js(value, realm=None, _depth: int = 0):
    """Python -> JS by allow-list: None, UNDEFINED, bool, int, float, str, list/tuple, dict, HostFunction."""
    if realm is None:
        realm = A.realm
    if _depth > MAX_DEPTH:
        raise TypeError("value nested too deeply to pass to JS")
    t = type(value)
    if value is None:
        return None
    if t is JSUndefined:
        return UNDEFINED
    if t is bool:
        return value
    if t is int:
        return value if MIN_SAFE <= value <= MAX_SAFE else float(value)
    if t is float:
        return value
    if t is str:
        return to_utf16(value)
    if t is list or t is tuple:
        return JSArray(realm.ArrayPrototype, [to_js(v, realm, _depth + 1) for v in value])
    if t is dict:
        o = JSObject(realm.ObjectPrototype)
        for k, v in value.items():
            if type(k) is not str:
                raise TypeError(f"dict keys passed to JS must be str, not {type(k).__name__}")
            o.props[to_utf16(k)] = to_js(v, realm, _depth + 1)
        return o
    if t is HostFunction:
        return make_host_function(value, realm)
    raise TypeError(f"cannot pass a Python {t.__name__} to JS (allowed: None, bool, int, float, str, "
                    f"list, tuple, dict, HostFunction)")


MAX_NODES = 10_000_000  # objects and array elements one to_python call may copy


class _Walk:
    """One to_python call: the objects on the current path (cycles) and the copy's size so far."""

    __slots__ = ("left", "path")

    def __init__(self) -> None:
        self.path: set = set()
        self.left = MAX_NODES

    def spend(self, n: int) -> None:
        """Account ``n`` more values: a shared sub-object is copied each time it is met, so a small DAG
        (``a = [a, a]`` forty times) would expand to 2**40 values; the running budget applies too."""
        self.left -= n
        if self.left < 0:
            raise TypeError("value too large to pass to Python")
        A.charge(n)


def to_python(value, _depth: int = 0, _seen: _Walk | None = None):
    """JS -> Python, deep-copied: see docs/python-api.md for the mapping. Runs no JS code."""
    t = type(value)
    if value is None:
        return None
    if t is JSUndefined:
        return UNDEFINED
    if t is bool:
        return value
    if t is int:
        return value
    if t is float:
        if value.is_integer() and abs(value) <= MAX_SAFE and not (value == 0 and math.copysign(1, value) < 0):
            return int(value)
        return value
    if t is str:
        return from_utf16(value)
    if t is JSSymbol:
        return UNDEFINED
    if t is JSBigInt:
        return value.value
    if not isinstance(value, JSObject):
        return UNDEFINED
    if value.is_callable:
        return UNDEFINED
    if hasattr(value, "proxy_target"):  # its traps would run JS code inside the door
        raise TypeError("cannot pass a Proxy to Python")
    if _depth > MAX_DEPTH:
        raise TypeError("value nested too deeply to pass to Python")
    if _seen is None:
        _seen = _Walk()
    path = _seen.path
    if id(value) in path:
        raise TypeError("cannot convert a cyclic JS value to Python")
    path.add(id(value))
    try:
        if isinstance(value, JSArray):
            n = value.length
            if n > MAX_NODES:
                raise TypeError("array too large to pass to Python")
            _seen.spend(n + 1)
            out = []
            arr = value.arr
            for i in range(n):
                if arr is not None:
                    v = arr[i] if i < len(arr) else HOLE
                    v = UNDEFINED if v is HOLE else v
                else:
                    v = _own_data(value, str(i))
                out.append(to_python(v, _depth + 1, _seen))
            return out
        data = getattr(value, "data", MISSING)
        kind = getattr(value, "kind", None)
        if kind in ("Number", "Boolean", "String") and data is not MISSING:
            return to_python(data, _depth + 1, _seen)
        _seen.spend(getattr(value, "array_length", 0) + 1)  # a typed array lists every index
        keys = value.own_keys()
        _seen.spend(len(keys))
        out_d = {}
        for k in keys:
            if type(k) is not str:
                continue
            p = value.get_own_property(k)
            if p is MISSING or (type(p) is Prop and not p.flags & E):
                continue
            v = p.value if type(p) is Prop and not p.flags & 8 else (UNDEFINED if type(p) is Prop else p)
            out_d[from_utf16(k)] = to_python(v, _depth + 1, _seen)
        return out_d
    finally:
        path.discard(id(value))


def _own_data(o, key):
    p = o.get_own_property(key)
    if p is MISSING:
        return UNDEFINED
    if type(p) is Prop:
        return UNDEFINED if p.flags & 8 else p.value
    return p


def make_host_function(hf: HostFunction, realm) -> BuiltinFunction:
    fn = hf.fn

    def host_call(this, args):
        try:
            py_args = [to_python(a) for a in args]
        except TypeError as e:
            raise JSThrow(kind="TypeError", msg=str(e)) from None
        try:
            result = fn(*py_args)
        except HostError as e:
            raise JSThrow(kind=e.name if e.name in _ERROR_KINDS else "Error", msg=e.message) from None
        except (BudgetExceeded, JSThrow):
            raise
        except RecursionError:
            raise JSThrow(kind="RangeError", msg="Maximum call stack size exceeded") from None
        except Exception as e:  # noqa: BLE001 - never a traceback into JS
            raise JSThrow(kind="Error", msg=str(e) or type(e).__name__) from None
        try:
            return to_js(result, realm)
        except TypeError as e:
            raise JSThrow(kind="TypeError", msg=f"host function {hf.name} returned an unsupported value: {e}") from None

    return BuiltinFunction(realm, host_call, hf.name, hf.length)


_ERROR_KINDS = {"Error", "TypeError", "RangeError", "SyntaxError", "ReferenceError", "EvalError", "URIError"}
