"""%IteratorPrototype% (ECMA-262 27.1.2) and helpers shared by the builtin iterators.

``make_iterator_prototype`` builds the prototype of a builtin iterator kind (%ArrayIteratorPrototype%,
%MapIteratorPrototype%, ...): an object inheriting from %IteratorPrototype% with ``next`` and
``@@toStringTag``. ``JSIterable`` walks a JS iterable from Python code (Array.from, new Map(iterable)
...), taking the array fast path only when it cannot be observed.
"""

from __future__ import annotations

from ..budget import AGENT as A
from ..errors import JSThrow, type_error
from ..objects import MISSING, C, JSArray, JSInternal, JSObject, Prop
from ..ops import get_iterator, get_v, is_callable, iterator_close, iterator_step, typeof
from ..realm import method
from ..values import HOLE, SYM, UNDEFINED, JSSymbol


# 27.1.2.1 %IteratorPrototype% [ @@iterator ] ( )
def iterator_prototype_iterator(this, args: list):
    return this


def make_iterator_prototype(realm, name_tag: str, next_fn) -> JSObject:
    """A builtin iterator prototype: inherits %IteratorPrototype%, has ``next`` and @@toStringTag.

    The ``next`` function object is available as ``proto.props["next"].value``.
    """
    proto = JSObject(realm.IteratorPrototype)
    method(realm, proto, "next", next_fn, 0)
    proto.props[SYM.toStringTag] = Prop(name_tag, C)
    return proto


def next_method_of(proto: JSObject):
    """The ``next`` function stored on an iterator prototype made by ``make_iterator_prototype``."""
    v = proto.props.get("next", MISSING)
    return v.value if type(v) is Prop else v


def receiver_text(v) -> str:
    """A receiver as V8 renders it in "called on incompatible receiver" messages."""
    if isinstance(v, JSObject):
        try:
            from .object import value_text

            return value_text(v)
        except (ImportError, JSThrow):  # pragma: no cover - object.py not loaded
            return "#<Object>"
    if type(v) is str:
        return v
    if type(v) is JSSymbol:
        return v.descriptive_string()
    from ..ops import to_display_string

    return to_display_string(v)


def incompatible(method_name: str, this) -> JSThrow:
    """V8's TypeError for a builtin method called on the wrong kind of object."""
    return type_error(f"Method {method_name} called on incompatible receiver {receiver_text(this)}")


class JSIterable:
    """Step through a JS iterable from Python code::

        it = JSIterable(iterable)          # GetIterator (7.4.1)
        while (v := it.step()) is not MISSING:
            try: ...                       # work on v
            except BaseException as e: it.close(e); raise   # IfAbruptCloseIterator

    An error thrown by the iterator itself (``step``) must not close it. For an array whose iteration
    is untouched (%Array.prototype%.values and %ArrayIteratorPrototype%.next intrinsic) the array is
    walked by index exactly as its iterator would (length re-read at every step, holes read through
    [[Get]]), without creating JS objects.
    """

    __slots__ = ("array", "index", "rec")

    def __init__(self, iterable, method=None) -> None:
        self.array = None
        self.index = 0
        self.rec = None
        if method is None:
            if iterable is UNDEFINED or iterable is None:
                raise not_iterable(iterable)
            method = get_v(iterable, SYM.iterator)
            if method is UNDEFINED or method is None or not is_callable(method):
                raise not_iterable(iterable)
        if type(iterable) is JSArray and _array_iterator_untouched(iterable, method):
            self.array = iterable
        else:
            self.rec = get_iterator(iterable, method)

    def step(self):
        """IteratorStep + IteratorValue: the next value, or MISSING when done."""
        A.ticks -= 1
        if A.ticks < 0:
            A.tick()
        a = self.array
        if a is not None:
            i = self.index
            arr = a.arr
            if arr is not None:
                if i < len(arr):
                    self.index = i + 1
                    v = arr[i]
                    return a.get(str(i)) if v is HOLE else v
            elif i < a.length:
                self.index = i + 1
                return a.get(str(i))
            self.array = None
            return MISSING
        rec = self.rec
        if rec is None:
            return MISSING
        v = iterator_step(rec)
        if v is MISSING:
            self.rec = None
        return v

    def close(self, exc: BaseException | None = None) -> None:
        """IteratorClose after an abrupt completion ``exc`` (whose exception wins) or a normal one.

        A budget exhaustion (not a JSThrow) closes nothing: no more JS code may run.
        """
        if exc is not None and not isinstance(exc, JSThrow):
            return
        a = self.array
        if a is not None:
            # the hidden array iterator: only now made into an object, for a user-defined "return"
            self.array = None
            proto = A.realm.ArrayIteratorPrototype
            if proto.get("return") is UNDEFINED:
                return
            from ..ops import IteratorRecord

            it = JSInternal(proto, "ArrayIterator", [a, self.index, "value"])
            self.rec = IteratorRecord(it, proto.get("next"))
        rec = self.rec
        if rec is not None:
            self.rec = None
            iterator_close(rec, exc)


def not_iterable(v) -> JSThrow:
    """V8's TypeError for a value without a callable @@iterator (Map/Set constructors, Array.from ...)."""
    if isinstance(v, JSObject):
        what = "function" if v.is_callable else "object"
    elif v is UNDEFINED:
        what = "undefined"
    elif v is None:
        what = "object null"
    elif type(v) is JSSymbol:
        what = "symbol"
    else:
        what = f"{typeof(v)} {receiver_text(v)}"
    return type_error(f"{what} is not iterable (cannot read property Symbol(Symbol.iterator))")


def _array_iterator_untouched(a: JSArray, method) -> bool:
    """True when ``method`` is %Array.prototype.values% and %ArrayIteratorPrototype%.next is intrinsic:
    GetIterator(a, method) then makes an Array Iterator whose steps we can take ourselves."""
    realm = A.realm
    if method is not getattr(realm, "ArrayValues", None):
        return False
    f = realm.ArrayIteratorPrototype.props.get("next")
    return (f.value if type(f) is Prop else f) is realm.ArrayIteratorNext


def setup(realm) -> None:
    """Fill %IteratorPrototype% (created by the Realm)."""
    method(realm, realm.IteratorPrototype, SYM.iterator, iterator_prototype_iterator, 0)
