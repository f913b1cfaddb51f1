"""Objects and their internal methods (ECMA-262 10.1 ordinary objects, 10.4 exotic objects).

Own properties live in one dict ``props`` (key -> value) in insertion order. A property with the
default attributes (writable, enumerable, configurable data) is stored as its bare value; any other
property is stored as an immutable ``Prop`` record, so the hot [[Get]] is one dict lookup and a
type test per object on the prototype chain.
"""

from __future__ import annotations

from .budget import AGENT as A
from .errors import JSThrow, type_error
from .values import HOLE, UNDEFINED, JSSymbol

W, E, C, ACC = 1, 2, 4, 8
DEFAULT = W | E | C

MISSING = object()  # absent dict entry
ABSENT = object()  # absent descriptor field


class Prop:
    """A property with non-default attributes or an accessor. Immutable: replace, never mutate."""

    __slots__ = ("value", "getter", "setter", "flags")

    def __init__(self, value=UNDEFINED, flags: int = DEFAULT, getter=UNDEFINED, setter=UNDEFINED) -> None:
        self.value = value
        self.flags = flags
        self.getter = getter
        self.setter = setter

    @property
    def writable(self) -> bool:
        return bool(self.flags & W)

    @property
    def enumerable(self) -> bool:
        return bool(self.flags & E)

    @property
    def configurable(self) -> bool:
        return bool(self.flags & C)

    @property
    def is_accessor(self) -> bool:
        return bool(self.flags & ACC)

    def __repr__(self) -> str:
        if self.flags & ACC:
            return f"Prop(get={self.getter!r}, set={self.setter!r}, flags={self.flags})"
        return f"Prop({self.value!r}, flags={self.flags})"


# The default of ``props.get(key, PMISS)`` in the compiled fast paths: a ``Prop`` that is never stored,
# so one test, ``type(v) is not Prop``, finds a present property with the default attributes.
PMISS = Prop(UNDEFINED, ACC)


# Prototype epochs. The ``props`` of the objects that usually serve as prototypes (a function's or a
# class's ``prototype``, Object.prototype, Function.prototype) are a WatchedDict from the start: any
# change to one of them, and any [[SetPrototypeOf]] of such an object, moves EPOCH[0] on. A call site
# may then keep the method it found up a chain of watched prototypes (codegen.method_lookup) until
# the epoch moves on. EPOCH[1] moves with EPOCH[0] and also with any change to a class
# constructor's own properties (a CtorDict) or prototype: an ``instanceof`` site keeps its answers
# for a class and the prototypes of its operands while it stays the same (codegen.instance_of_at),
# and static properties written in a loop do not make the method caches start over.
EPOCH = [0, 0]
# The method caches of call sites ({prototype: method}) that hold something: emptied when EPOCH[0]
# moves on, so a site reads its cache without testing the epoch (codegen.method_lookup).
METHOD_CACHES: list = []


class WatchedDict(dict):
    """A ``props`` dict whose every change moves the prototype epochs on (reads are dict's own)."""

    __slots__ = ()

    def moved(self) -> None:
        EPOCH[0] += 1
        EPOCH[1] += 1
        if METHOD_CACHES:
            for cache in METHOD_CACHES:
                cache.clear()
            METHOD_CACHES.clear()

    def __setitem__(self, key, value) -> None:
        self.moved()
        dict.__setitem__(self, key, value)

    def __delitem__(self, key) -> None:
        self.moved()
        dict.__delitem__(self, key)

    def pop(self, *args):
        self.moved()
        return dict.pop(self, *args)

    def popitem(self):
        self.moved()
        return dict.popitem(self)

    def setdefault(self, key, default=None):
        self.moved()
        return dict.setdefault(self, key, default)

    def update(self, *args, **kwargs) -> None:
        self.moved()
        dict.update(self, *args, **kwargs)

    def clear(self) -> None:
        self.moved()
        dict.clear(self)

    def __ior__(self, other):
        self.moved()
        return dict.__ior__(self, other)


class CtorDict(WatchedDict):
    """The ``props`` of a class constructor: a change moves only EPOCH[1] on."""

    __slots__ = ()

    def moved(self) -> None:
        EPOCH[1] += 1


class Desc:
    """A Property Descriptor (6.2.5); fields not given are ABSENT."""

    __slots__ = ("value", "get", "set", "writable", "enumerable", "configurable")

    def __init__(self, value=ABSENT, get=ABSENT, set=ABSENT, writable=ABSENT, enumerable=ABSENT,
                 configurable=ABSENT) -> None:
        self.value = value
        self.get = get
        self.set = set
        self.writable = writable
        self.enumerable = enumerable
        self.configurable = configurable

    def is_accessor(self) -> bool:
        return self.get is not ABSENT or self.set is not ABSENT

    def is_data(self) -> bool:
        return self.value is not ABSENT or self.writable is not ABSENT

    def is_generic(self) -> bool:
        return not self.is_accessor() and not self.is_data()

    @staticmethod
    def from_prop(p) -> Desc:
        if type(p) is not Prop:
            return Desc(value=p, writable=True, enumerable=True, configurable=True)
        if p.flags & ACC:
            return Desc(get=p.getter, set=p.setter, enumerable=bool(p.flags & E),
                        configurable=bool(p.flags & C))
        return Desc(value=p.value, writable=bool(p.flags & W), enumerable=bool(p.flags & E),
                    configurable=bool(p.flags & C))


def desc_to_stored(d: Desc):
    """A complete descriptor -> what is stored in ``props``."""
    if d.get is not ABSENT or d.set is not ABSENT:
        flags = ACC | (E if d.enumerable is True else 0) | (C if d.configurable is True else 0)
        return Prop(UNDEFINED, flags, UNDEFINED if d.get is ABSENT else d.get,
                    UNDEFINED if d.set is ABSENT else d.set)
    flags = ((W if d.writable is True else 0) | (E if d.enumerable is True else 0)
             | (C if d.configurable is True else 0))
    value = UNDEFINED if d.value is ABSENT else d.value
    if flags == DEFAULT:
        return value if type(value) is not Prop else Prop(value, DEFAULT)
    return Prop(value, flags)


def stored_flags(p) -> int:
    return DEFAULT if type(p) is not Prop else p.flags


def is_array_index(key) -> bool:
    """An array index: a canonical numeric string for an integer in [0, 2**32 - 2]."""
    return (type(key) is str and key.isdigit() and key.isascii() and (key == "0" or key[0] != "0")
            and len(key) <= 10 and int(key) < 4294967295)


def index_key_int(key) -> int:
    """The integer of an array-index key, or -1."""
    if type(key) is str and key.isdigit() and key.isascii() and (key == "0" or key[0] != "0") \
            and len(key) <= 10:
        i = int(key)
        if i < 4294967295:
            return i
    return -1


def _call(f, this, args):
    if isinstance(f, JSObject) and f.is_callable:
        return f.call(this, args)
    raise type_error("not a function")


class JSObject:
    """An ordinary object."""

    __slots__ = ("props", "proto", "extensible", "__weakref__")
    ordinary_get = True  # [[Get]] reads ``props`` and goes on to ``proto``
    class_name = "Object"
    is_callable = False
    is_constructor = False

    def __init__(self, proto: JSObject | None = None) -> None:
        self.props: dict = {}
        self.proto = proto
        self.extensible = True

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.class_name}>"

    # -- 10.1.1-10.1.4 --------------------------------------------------------------------------
    def get_prototype_of(self):
        return self.proto

    def set_prototype_of(self, v) -> bool:
        # OrdinarySetPrototypeOf (10.1.2.1)
        if v is self.proto:
            return True
        if not self.extensible:
            return False
        p = v
        while p is not None:
            if p is self:
                return False
            if not p.ordinary_get and type(p).get_prototype_of is not JSObject.get_prototype_of:
                break  # a Proxy: stop the loop check
            p = p.proto
        self.proto = v
        if isinstance(self.props, WatchedDict):
            self.props.moved()
        return True

    def is_extensible(self) -> bool:
        return self.extensible

    def prevent_extensions(self) -> bool:
        self.extensible = False
        return True

    # -- 10.1.5 [[GetOwnProperty]] ------------------------------------------------------------------
    def get_own_property(self, key):
        """The own property as stored (a bare value or a ``Prop``), or MISSING."""
        return self.props.get(key, MISSING)

    # -- 10.1.6 [[DefineOwnProperty]] ---------------------------------------------------------------
    def define_own_property(self, key, desc: Desc) -> bool:
        current = self.get_own_property(key)
        return validate_and_apply(self, key, self.extensible if current is MISSING else True, desc, current)

    def _store(self, key, stored) -> None:
        """Store a property record (used by ValidateAndApplyPropertyDescriptor)."""
        self.props[key] = stored

    # -- 10.1.7 [[HasProperty]] ---------------------------------------------------------------------
    def has_property(self, key) -> bool:
        o = self
        while o is not None:
            if o.ordinary_get or o is self:
                if o.get_own_property(key) is not MISSING:
                    return True
                o = o.get_prototype_of()
            else:
                return o.has_property(key)
        return False

    # -- 10.1.8 [[Get]] -----------------------------------------------------------------------------
    def get(self, key, receiver=None):
        o = self
        while True:
            if o.ordinary_get:
                v = o.props.get(key, MISSING)
                if v is not MISSING:
                    if type(v) is Prop:
                        if v.flags & ACC:
                            g = v.getter
                            if g is UNDEFINED:
                                return UNDEFINED
                            return g.call(self if receiver is None else receiver, [])
                        return v.value
                    return v
                o = o.proto
                if o is None:
                    return UNDEFINED
            else:
                return o.get(key, self if receiver is None else receiver)

    # -- 10.1.9 [[Set]] -----------------------------------------------------------------------------
    def set(self, key, value, receiver=None) -> bool:
        if receiver is None or receiver is self:
            props = self.props
            v = props.get(key, MISSING)
            if v is not MISSING:
                if type(v) is not Prop and self.ordinary_get:
                    props[key] = value
                    return True
            elif self.extensible and self.ordinary_get:
                # adding a property: fine unless the chain has a setter or a read-only property
                p = self.proto
                while p is not None:
                    if not p.ordinary_get:
                        break
                    pv = p.props.get(key, MISSING)
                    if pv is not MISSING:
                        if type(pv) is Prop:
                            break
                        p = None
                        break
                    p = p.proto
                if p is None:
                    props[key] = value
                    return True
            receiver = self
        return ordinary_set(self, key, value, receiver)

    # -- 10.1.10 [[Delete]] -------------------------------------------------------------------------
    def delete(self, key) -> bool:
        v = self.props.get(key, MISSING)
        if v is MISSING:
            return True
        if type(v) is Prop and not v.flags & C:
            return False
        del self.props[key]
        return True

    # -- 10.1.11 [[OwnPropertyKeys]] ----------------------------------------------------------------
    def own_keys(self) -> list:
        return ordered_keys(self.props)

    # -- helpers ------------------------------------------------------------------------------------
    def put(self, key, value) -> None:
        """CreateDataProperty on an object known to accept it (fresh, ordinary)."""
        self.props[key] = value

    def define(self, key, value, flags: int = W | C) -> None:
        """Define a builtin data property (default: writable, configurable, not enumerable)."""
        self.props[key] = value if flags == DEFAULT else Prop(value, flags)

    def define_accessor(self, key, getter=UNDEFINED, setter=UNDEFINED, flags: int = C) -> None:
        self.props[key] = Prop(UNDEFINED, flags | ACC, getter, setter)


def ordered_keys(props: dict) -> list:
    """Integer indices ascending, then strings in insertion order, then symbols (10.1.11.1)."""
    ints = []
    strs = []
    syms = []
    for k in props:
        if type(k) is str:
            if k.isdigit() and is_array_index(k):
                ints.append(k)
            else:
                strs.append(k)
        else:
            syms.append(k)
    if ints:
        ints.sort(key=int)
        return ints + strs + syms
    if syms:
        return strs + syms
    return strs


def same_value(a, b) -> bool:
    """SameValue (7.2.10)."""
    ta, tb = type(a), type(b)
    if (ta is int or ta is float) and (tb is int or tb is float):
        if a != a:
            return b != b
        if a == 0 and b == 0:
            return str(float(a))[0] == str(float(b))[0]  # sign of zero
        return a == b
    if ta is not tb:
        return False
    if ta is str or ta is bool:
        return a == b
    if ta.__name__ == "JSBigInt":
        return a.value == b.value
    return a is b


def validate_and_apply(o, key, extensible: bool, desc: Desc, current) -> bool:
    """ValidateAndApplyPropertyDescriptor (10.1.6.3); ``o`` None only validates."""
    if current is MISSING:
        if not extensible:
            return False
        if o is not None:
            if desc.is_accessor():
                o._store(key, desc_to_stored(Desc(get=desc.get, set=desc.set,
                                                  enumerable=desc.enumerable is True,
                                                  configurable=desc.configurable is True)))
            else:
                o._store(key, desc_to_stored(desc))
        return True
    cur = current if type(current) is Prop else None
    cflags = DEFAULT if cur is None else cur.flags
    if not cflags & C:
        if desc.configurable is True:
            return False
        if desc.enumerable is not ABSENT and bool(desc.enumerable) != bool(cflags & E):
            return False
        if not desc.is_generic() and desc.is_accessor() != bool(cflags & ACC):
            return False
        if cflags & ACC:
            if desc.get is not ABSENT and desc.get is not cur.getter:
                return False
            if desc.set is not ABSENT and desc.set is not cur.setter:
                return False
        elif not cflags & W:
            if desc.writable is True:
                return False
            if desc.value is not ABSENT:
                cv = cur.value if cur is not None else current
                if not same_value(desc.value, cv):
                    return False
    if o is None:
        return True
    # apply
    if desc.is_accessor() and not cflags & ACC:
        flags = ACC | (cflags & (E | C))
        new = Prop(UNDEFINED, flags, UNDEFINED, UNDEFINED)
    elif desc.is_data() and cflags & ACC:
        new = Prop(UNDEFINED, cflags & (E | C), UNDEFINED, UNDEFINED)
    else:
        new = Prop(current if cur is None else cur.value, cflags,
                   UNDEFINED if cur is None else cur.getter, UNDEFINED if cur is None else cur.setter)
    flags = new.flags
    if desc.enumerable is not ABSENT:
        flags = (flags | E) if desc.enumerable else (flags & ~E)
    if desc.configurable is not ABSENT:
        flags = (flags | C) if desc.configurable else (flags & ~C)
    if flags & ACC:
        g = new.getter if desc.get is ABSENT else desc.get
        s = new.setter if desc.set is ABSENT else desc.set
        o._store(key, Prop(UNDEFINED, flags, g, s))
    else:
        if desc.writable is not ABSENT:
            flags = (flags | W) if desc.writable else (flags & ~W)
        v = new.value if desc.value is ABSENT else desc.value
        o._store(key, v if flags == DEFAULT else Prop(v, flags))
    return True


def ordinary_set(o, key, value, receiver) -> bool:
    """OrdinarySet (10.1.9.2) walking the prototype chain."""
    own = o.get_own_property(key)
    while own is MISSING:
        parent = o.get_prototype_of()
        if parent is None:
            own = UNDEFINED  # as if a default writable data property
            break
        if not parent.ordinary_get and type(parent).set is not JSObject.set:
            return parent.set(key, value, receiver)
        o = parent
        own = o.get_own_property(key)
    if type(own) is Prop:
        if own.flags & ACC:
            s = own.setter
            if s is UNDEFINED:
                return False
            s.call(receiver, [value])
            return True
        if not own.flags & W:
            return False
    if not isinstance(receiver, JSObject):
        return False
    if receiver is o and own is not MISSING and type(own) is not Prop and o.ordinary_get:
        o.props[key] = value
        return True
    existing = receiver.get_own_property(key)
    if existing is not MISSING:
        if type(existing) is Prop:
            if existing.flags & ACC or not existing.flags & W:
                return False
        return receiver.define_own_property(key, Desc(value=value))
    return receiver.define_own_property(key, Desc(value=value, writable=True, enumerable=True,
                                                  configurable=True))


# -- functions ----------------------------------------------------------------------------------------

class JSFunction(JSObject):
    """Base of callable objects. Subclasses implement ``call`` and, for constructors, ``construct``."""

    __slots__ = ("realm",)
    class_name = "Function"
    is_callable = True
    is_constructor = False

    def call(self, this, args: list):  # pragma: no cover - abstract
        raise NotImplementedError

    def construct(self, args: list, new_target=None):
        raise type_error(f"{func_name(self) or 'anonymous'} is not a constructor")


def func_name(f) -> str:
    v = f.props.get("name", MISSING)
    if type(v) is Prop:
        v = v.value
    return v if type(v) is str else ""


class BuiltinFunction(JSFunction):
    """A function implemented in Python: ``fn(this, args)``; constructors also ``ctor(args, new_target)``."""

    __slots__ = ("fn", "ctor", "is_constructor")

    def __init__(self, realm, fn, name: str, length: int, ctor=None, proto=None) -> None:
        JSObject.__init__(self, realm.FunctionPrototype if proto is None else proto)
        self.realm = realm
        self.fn = fn
        self.ctor = ctor
        self.is_constructor = ctor is not None
        self.props["length"] = Prop(length, C)
        self.props["name"] = Prop(name, C)

    def call(self, this, args: list):
        realm = A.realm
        if realm is self.realm:
            try:
                return self.fn(this, args)
            except JSThrow as e:
                if e.kind is not None and e.realm is None:
                    e.realm = realm
                raise
        A.realm = self.realm
        try:
            return self.fn(this, args)
        except JSThrow as e:
            if e.kind is not None and e.realm is None:
                e.realm = self.realm
            raise
        finally:
            A.realm = realm

    def construct(self, args: list, new_target=None):
        if self.ctor is None:
            raise type_error(f"{func_name(self) or 'anonymous'} is not a constructor")
        realm = A.realm
        A.realm = self.realm
        try:
            return self.ctor(args, self if new_target is None else new_target)
        except JSThrow as e:
            if e.kind is not None and e.realm is None:
                e.realm = self.realm
            raise
        finally:
            A.realm = realm


class BoundFunction(JSFunction):
    """A bound function exotic object (10.4.1)."""

    __slots__ = ("target", "bound_this", "bound_args")

    def __init__(self, realm, target, bound_this, bound_args: list) -> None:
        JSObject.__init__(self, target.get_prototype_of())
        self.realm = realm
        self.target = target
        self.bound_this = bound_this
        self.bound_args = bound_args

    @property
    def is_constructor(self) -> bool:  # type: ignore[override]
        return self.target.is_constructor

    def call(self, this, args: list):
        return self.target.call(self.bound_this, self.bound_args + args)

    def construct(self, args: list, new_target=None):
        if not self.target.is_constructor:
            raise type_error("bound function is not a constructor")
        if new_target is None or new_target is self:
            new_target = self.target
        return self.target.construct(self.bound_args + args, new_target)


# -- arrays -------------------------------------------------------------------------------------------

class JSArray(JSObject):
    """An Array exotic object (10.4.2).

    Dense mode: elements in ``arr`` (a list, HOLE for holes), every element a default data property,
    length == len(arr). Sparse mode (``arr`` is None): elements live in ``props`` like an ordinary
    object's and ``alen`` holds the length.
    """

    __slots__ = ("arr", "alen", "length_writable")
    ordinary_get = False
    class_name = "Array"

    def __init__(self, proto, items: list | None = None) -> None:
        self.props = {}
        self.proto = proto
        self.extensible = True
        self.arr = [] if items is None else items
        self.alen = 0
        self.length_writable = True

    @property
    def length(self) -> int:
        arr = self.arr
        return len(arr) if arr is not None else self.alen

    def to_sparse(self) -> None:
        arr = self.arr
        if arr is None:
            return
        newprops = {}
        for i, v in enumerate(arr):
            if v is not HOLE:
                newprops[str(i)] = v
        newprops.update(self.props)
        self.props = newprops
        self.alen = len(arr)
        self.arr = None

    def get_own_property(self, key):
        arr = self.arr
        if key == "length":
            n = len(arr) if arr is not None else self.alen
            return Prop(n, W if self.length_writable else 0)
        if arr is not None and type(key) is str:
            i = index_key_int(key)
            if i >= 0:
                if i < len(arr):
                    v = arr[i]
                    return MISSING if v is HOLE else v
                return MISSING
        return self.props.get(key, MISSING)

    def get(self, key, receiver=None):
        arr = self.arr
        if type(key) is str:
            if arr is not None:
                if key.isdigit():
                    i = index_key_int(key)
                    if 0 <= i < len(arr):
                        v = arr[i]
                        if v is not HOLE:
                            return v
                    if i >= 0:
                        p = self.proto
                        return UNDEFINED if p is None else p.get(key, self if receiver is None else receiver)
                elif key == "length":
                    return len(arr)
            elif key == "length":
                return self.alen
        v = self.props.get(key, MISSING)
        if v is not MISSING:
            if type(v) is Prop:
                if v.flags & ACC:
                    return UNDEFINED if v.getter is UNDEFINED else v.getter.call(
                        self if receiver is None else receiver, [])
                return v.value
            return v
        p = self.proto
        return UNDEFINED if p is None else p.get(key, self if receiver is None else receiver)

    def get_index(self, i: int):
        """[[Get]] for an integer index (fast path for compiled ``a[i]``)."""
        arr = self.arr
        if arr is not None and 0 <= i < len(arr):
            v = arr[i]
            if v is not HOLE:
                return v
        return self.get(str(i), self)

    def set(self, key, value, receiver=None) -> bool:
        if (receiver is None or receiver is self) and type(key) is str:
            arr = self.arr
            if arr is not None and key.isdigit():
                i = index_key_int(key)
                if i >= 0 and self.set_index_fast(i, value):
                    return True
            elif key == "length":
                if not self.length_writable:
                    return False  # OrdinarySet on a read-only data property (10.1.9.2 step 2.a)
                return self.define_own_property("length", Desc(value=value))
            else:
                v = self.props.get(key, MISSING)
                if v is not MISSING and type(v) is not Prop:
                    self.props[key] = value
                    return True
        return ordinary_set(self, key, value, self if receiver is None else receiver)

    def set_index_fast(self, i: int, value) -> bool:
        """Try the dense-store fast path of ``a[i] = value``; False means take the slow path."""
        arr = self.arr
        if arr is None:
            return False
        n = len(arr)
        if i < n:
            if arr[i] is not HOLE:
                arr[i] = value
                return True
            if not self.extensible or INDEX_HAZARD[0]:
                return False
        elif not self.extensible or not self.length_writable or INDEX_HAZARD[0]:
            return False
        p = self.proto
        while p is not None and (p.ordinary_get or type(p) is JSArray):
            p = p.proto
        if p is not None:
            return False  # a Proxy, a TypedArray, a String object ... up the chain sees the [[Set]]
        if i < n:
            arr[i] = value
            return True
        if i == n:
            arr.append(value)
            return True
        if i - n > 1024:
            return False  # would be mostly holes: go sparse
        A.alloc((i - n) * 8)
        arr.extend([HOLE] * (i - n))
        arr.append(value)
        return True

    def define_own_property(self, key, desc: Desc) -> bool:
        # 10.4.2.1
        if key == "length":
            return self.set_length(desc)
        if type(key) is str:
            i = index_key_int(key)
            if i >= 0:
                n = self.length
                if i >= n and not self.length_writable:
                    return False
                arr = self.arr
                if arr is not None:
                    simple = (desc.get is ABSENT and desc.set is ABSENT
                              and desc.writable is not False and desc.enumerable is not False
                              and desc.configurable is not False)
                    if simple and i < n and arr[i] is not HOLE:
                        if desc.value is not ABSENT:
                            arr[i] = desc.value
                        return True
                    if (simple and desc.writable is True and desc.enumerable is True
                            and desc.configurable is True and self.extensible):
                        v = UNDEFINED if desc.value is ABSENT else desc.value
                        if i < n:
                            arr[i] = v
                            return True
                        if i - n <= 1024:
                            arr.extend([HOLE] * (i - n))
                            arr.append(v)
                            return True
                    self.to_sparse()
                current = self.props.get(key, MISSING)
                if not validate_and_apply(self, key, self.extensible if current is MISSING else True,
                                          desc, current):
                    return False
                if i >= self.alen:
                    self.alen = i + 1
                return True
        current = self.props.get(key, MISSING)
        return validate_and_apply(self, key, self.extensible if current is MISSING else True, desc, current)

    def _store(self, key, stored) -> None:
        if type(stored) is Prop and type(key) is str and key.isdigit() and (
                stored.flags & ACC or not stored.flags & W):
            INDEX_HAZARD[0] = True
        self.props[key] = stored

    def set_length(self, desc: Desc) -> bool:
        """ArraySetLength (10.4.2.4)."""
        from .ops import to_number, to_uint32

        if desc.value is ABSENT:
            if desc.configurable is True or desc.enumerable is True or desc.is_accessor():
                return False
            if desc.writable is True and not self.length_writable:
                return False
            if desc.writable is False:
                self.length_writable = False
            return True
        new_len = to_uint32(desc.value)
        if new_len != to_number(desc.value):
            raise JSThrow(kind="RangeError", msg="Invalid array length")
        if desc.configurable is True or desc.enumerable is True or desc.is_accessor():
            return False
        old_len = self.length
        if new_len == old_len:
            if desc.writable is True and not self.length_writable:
                return False
            if desc.writable is False:
                self.length_writable = False
            return True
        if not self.length_writable:
            return False
        arr = self.arr
        if arr is not None:
            if new_len < old_len:
                del arr[new_len:]
            elif new_len - old_len <= 1024 or new_len <= 2 * old_len + 16:
                arr.extend([HOLE] * (new_len - old_len))
            else:
                self.to_sparse()
                self.alen = new_len
        else:
            if new_len < old_len:
                idx = sorted((int(k) for k in self.props if type(k) is str and is_array_index(k)
                              and int(k) >= new_len), reverse=True)
                for i in idx:
                    k = str(i)
                    v = self.props[k]
                    if type(v) is Prop and not v.flags & C:
                        self.alen = i + 1
                        if desc.writable is False:
                            self.length_writable = False
                        return False
                    del self.props[k]
            self.alen = new_len
        if desc.writable is False:
            self.length_writable = False
        return True

    def has_property(self, key) -> bool:
        if self.get_own_property(key) is not MISSING:
            return True
        p = self.proto
        return p is not None and p.has_property(key)

    def delete(self, key) -> bool:
        arr = self.arr
        if key == "length":
            return False
        if arr is not None and type(key) is str:
            i = index_key_int(key)
            if i >= 0:
                if i < len(arr):
                    if i == len(arr) - 1 and False:
                        pass
                    arr[i] = HOLE
                return True
        return JSObject.delete(self, key)

    def own_keys(self) -> list:
        arr = self.arr
        if arr is not None:
            keys = [str(i) for i, v in enumerate(arr) if v is not HOLE]
            keys.append("length")
            rest = ordered_keys(self.props)
            return keys + rest
        keys = ordered_keys(self.props)
        n = 0
        while n < len(keys) and type(keys[n]) is str and is_array_index(keys[n]):
            n += 1
        return keys[:n] + ["length"] + keys[n:]

    def prevent_extensions(self) -> bool:
        self.to_sparse()
        self.extensible = False
        return True


INDEX_HAZARD = [False]  # set once an accessor or read-only index property exists anywhere


def _ordinary_store(self, key, stored) -> None:
    if type(stored) is Prop and type(key) is str and key.isdigit() and (
            stored.flags & ACC or not stored.flags & W):
        INDEX_HAZARD[0] = True
    self.props[key] = stored


JSObject._store = _ordinary_store


class GlobalObject(JSObject):
    """The global object. Its var/function bindings (writable, enumerable, non-configurable data
    properties) are stored as bare values, with their names in ``nonconfig``, so that global
    variable reads and writes take the one-dict-lookup fast path."""

    __slots__ = ("nonconfig",)

    def __init__(self, proto) -> None:
        JSObject.__init__(self, proto)
        self.nonconfig: set = set()

    def get_own_property(self, key):
        v = self.props.get(key, MISSING)
        if v is not MISSING and type(v) is not Prop and key in self.nonconfig:
            return Prop(v, W | E)
        return v

    def _store(self, key, stored) -> None:
        if type(stored) is Prop and stored.flags == W | E:
            self.nonconfig.add(key)
            self.props[key] = stored.value
            return
        self.nonconfig.discard(key)
        _ordinary_store(self, key, stored)

    def delete(self, key) -> bool:
        if key in self.nonconfig and key in self.props:
            return False
        return JSObject.delete(self, key)


class JSInternal(JSObject):
    """An ordinary object with internal slots: ``kind`` names them (e.g. "Map"), ``data`` holds them."""

    __slots__ = ("kind", "data")

    def __init__(self, proto, kind: str, data=None) -> None:
        self.props = {}
        self.proto = proto
        self.extensible = True
        self.kind = kind
        self.data = data


class JSStringObject(JSObject):
    """A String exotic object (10.4.3): indices and length read from the primitive."""

    __slots__ = ("data",)
    ordinary_get = False
    class_name = "String"
    kind = "String"

    def __init__(self, proto, s: str) -> None:
        self.props = {}
        self.proto = proto
        self.extensible = True
        self.data = s
        self.props["length"] = Prop(len(s), 0)

    def get_own_property(self, key):
        if type(key) is str and key.isdigit():
            i = index_key_int(key)
            if 0 <= i < len(self.data):
                return Prop(self.data[i], E)
        return self.props.get(key, MISSING)

    def define_own_property(self, key, desc: Desc) -> bool:
        if type(key) is str and key.isdigit():
            i = index_key_int(key)
            if 0 <= i < len(self.data):
                return validate_and_apply(None, key, False, desc, Prop(self.data[i], E))
        return JSObject.define_own_property(self, key, desc)

    def get(self, key, receiver=None):
        if type(key) is str and key.isdigit():
            i = index_key_int(key)
            if 0 <= i < len(self.data):
                return self.data[i]
        v = self.props.get(key, MISSING)
        if v is not MISSING:
            if type(v) is Prop:
                if v.flags & ACC:
                    return UNDEFINED if v.getter is UNDEFINED else v.getter.call(
                        self if receiver is None else receiver, [])
                return v.value
            return v
        p = self.proto
        return UNDEFINED if p is None else p.get(key, self if receiver is None else receiver)

    def set(self, key, value, receiver=None) -> bool:
        return ordinary_set(self, key, value, self if receiver is None else receiver)

    def has_property(self, key) -> bool:
        if self.get_own_property(key) is not MISSING:
            return True
        p = self.proto
        return p is not None and p.has_property(key)

    def delete(self, key) -> bool:
        if type(key) is str and key.isdigit():
            i = index_key_int(key)
            if 0 <= i < len(self.data):
                return False
        return JSObject.delete(self, key)

    def own_keys(self) -> list:
        n = len(self.data)
        keys = [str(i) for i in range(n)]
        rest = ordered_keys(self.props)
        extra_ints = [k for k in rest if type(k) is str and is_array_index(k)]
        others = [k for k in rest if not (type(k) is str and is_array_index(k))]
        return keys + extra_ints + others


def is_symbol(v) -> bool:
    return type(v) is JSSymbol
