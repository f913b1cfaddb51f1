"""Map, Set, WeakMap and WeakSet (ECMA-262 24.1-24.4) and their iterators.

A Map or Set keeps its entries in a ``Table``: insertion-ordered lists of keys and values with
tombstones for deleted entries, and a dict from the normalised key to the entry's position. Iteration
is live as the specification requires (entries added during iteration are visited, deleted ones
skipped): an iterator or a running forEach holds a ``Cursor`` (a position), and the table moves the
cursors that are alive when it compacts or clears its lists.

Keys are normalised for SameValueZero: Python's ``True == 1 == 1.0`` and ``nan != nan`` would
otherwise merge or split JS keys, so booleans and NaN map to sentinels; numbers key by value (-0 is
stored as +0), strings by value, BigInts by value, everything else by identity.
"""

from __future__ import annotations

import weakref
from math import isnan

from ..budget import AGENT as A
from ..errors import type_error
from ..objects import MISSING, C, JSInternal, JSObject, Prop
from ..ops import (
    call,
    create_array,
    create_iter_result,
    get_prototype_from_constructor,
    is_callable,
)
from ..realm import arg, constructor, getter, method
from ..values import SYM, UNDEFINED
from .iterator import JSIterable, incompatible, make_iterator_prototype, receiver_text


class _Key:
    """A sentinel key for a value Python would confuse with another (true, false, NaN)."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"<key {self.name}>"


_TRUE = _Key("true")
_FALSE = _Key("false")
_NAN = _Key("NaN")
EMPTY = _Key("empty")  # a deleted entry


def normalize_key(k):
    """The dict key for JS value ``k`` under SameValueZero."""
    t = type(k)
    if t is bool:
        return _TRUE if k else _FALSE
    if t is float and isnan(k):
        return _NAN
    return k


class Cursor:
    """A position in a Table's entry lists, moved by the table when it compacts or clears."""

    __slots__ = ("__weakref__", "pos", "table")

    def __init__(self, table: Table) -> None:
        self.table: Table | None = table
        self.pos = 0
        if table.cursors is None:
            table.cursors = weakref.WeakSet()
        table.cursors.add(self)

    def next_index(self) -> int:
        """The position of the next live entry (advancing past it), or -1 when done for good."""
        t = self.table
        if t is None:
            return -1
        keys = t.keys
        pos = self.pos
        n = len(keys)
        while pos < n and keys[pos] is EMPTY:
            pos += 1
        if pos >= n:
            self.close()
            return -1
        self.pos = pos + 1
        return pos

    def close(self) -> None:
        t = self.table
        if t is not None:
            if t.cursors is not None:
                t.cursors.discard(self)
            self.table = None


class Table:
    """The entries of a Map or Set ([[MapData]] / [[SetData]])."""

    __slots__ = ("cursors", "index", "is_set", "keys", "size", "vals")

    def __init__(self, is_set: bool = False) -> None:
        self.is_set = is_set
        self.keys: list = []
        self.vals: list = []
        self.index: dict = {}
        self.size = 0
        self.cursors: weakref.WeakSet | None = None  # live Cursors, made on first use

    def __len__(self) -> int:
        return self.size

    def find(self, key) -> int:
        return self.index.get(normalize_key(key), -1)

    def get(self, key):
        i = self.index.get(normalize_key(key), -1)
        return UNDEFINED if i < 0 else self.vals[i]

    def has(self, key) -> bool:
        return normalize_key(key) in self.index

    def set(self, key, value) -> None:
        nk = normalize_key(key)
        i = self.index.get(nk, -1)
        if i >= 0:
            self.vals[i] = value
            return
        if type(key) is float and key == 0:
            key = 0  # -0 is stored as +0
        self.index[nk] = len(self.keys)
        self.keys.append(key)
        self.vals.append(value)
        self.size += 1

    def delete(self, key) -> bool:
        i = self.index.pop(normalize_key(key), -1)
        if i < 0:
            return False
        self.keys[i] = EMPTY
        self.vals[i] = EMPTY
        self.size -= 1
        dead = len(self.keys) - self.size
        if dead > 32 and dead > self.size:
            self.compact()
        return True

    def clear(self) -> None:
        # every entry becomes empty: a live cursor's next entry is the first one added later
        self.keys = []
        self.vals = []
        self.index = {}
        self.size = 0
        if self.cursors:
            for c in list(self.cursors):
                c.pos = 0

    def compact(self) -> None:
        """Drop the tombstones, moving live cursors to the same next entry."""
        keys = self.keys
        cursors = list(self.cursors) if self.cursors else None
        A.charge(len(keys) >> 4)
        if cursors:
            live_before = [0] * (len(keys) + 1)
            n = 0
            for i, k in enumerate(keys):
                live_before[i] = n
                if k is not EMPTY:
                    n += 1
            live_before[len(keys)] = n
            for c in cursors:
                c.pos = live_before[min(c.pos, len(keys))]
        vals = self.vals
        self.keys = [k for k in keys if k is not EMPTY]
        self.vals = [v for k, v in zip(keys, vals) if k is not EMPTY]
        self.index = {normalize_key(k): i for i, k in enumerate(self.keys)}

    def entries(self) -> list:
        """The live (key, value) pairs, in order (a snapshot, for host code)."""
        return [(k, v) for k, v in zip(self.keys, self.vals) if k is not EMPTY]

    def entries_for_inspect(self) -> list:
        """What console.log shows: (key, value) pairs of a Map, values of a Set."""
        if self.is_set:
            return [k for k in self.keys if k is not EMPTY]
        return self.entries()


# -- helpers for other modules (console, interop ...) -------------------------------------------------


def is_map(v) -> bool:
    return type(v) is JSInternal and v.kind == "Map"


def is_set(v) -> bool:
    return type(v) is JSInternal and v.kind == "Set"


def map_entries(m) -> list:
    """The (key, value) pairs of a Map object, in insertion order."""
    return m.data.entries()


def set_values(s) -> list:
    """The values of a Set object, in insertion order."""
    return [k for k, _ in s.data.entries()]


def _this(this, kind: str, name: str) -> Table:
    if type(this) is JSInternal and this.kind == kind:
        return this.data
    raise incompatible(name, this)


def _add_entries(target, iterable, adder_name: str, entries: bool, fast) -> None:
    """AddEntriesFromIterable (24.1.1.2) for Map/WeakMap, and the loop of the Set/WeakSet constructors.

    ``fast(target, k, v)`` stands in for the call when the adder is the intrinsic method (unobservable).
    """
    adder = target.get(adder_name)
    if not is_callable(adder):
        raise type_error(f"'{receiver_text(adder)}' returned for property '{adder_name}' of object "
                         f"'{receiver_text(target)}' is not a function")
    intrinsic = adder is getattr(A.realm, f"{target.kind}_{adder_name}", None)
    it = JSIterable(iterable)
    while True:
        item = it.step()
        if item is MISSING:
            return
        try:
            if entries:
                if not isinstance(item, JSObject):
                    raise type_error(f"Iterator value {receiver_text(item)} is not an entry object")
                k = item.get("0")
                v = item.get("1")
                if intrinsic:
                    fast(target, k, v)
                else:
                    call(adder, target, [k, v])
            elif intrinsic:
                fast(target, item, item)
            else:
                call(adder, target, [item])
        except BaseException as e:
            it.close(e)
            raise


def _requires_new(name: str):
    def call_fn(this, args: list):
        raise type_error(f"Constructor {name} requires 'new'")

    return call_fn


def _species(this, args: list):
    return this


def _iter_next(kind: str, label: str):
    """%MapIteratorPrototype%.next / %SetIteratorPrototype%.next (24.1.5.2.1 / 24.2.5.2.1)."""
    is_map_kind = kind == "MapIterator"

    def next_fn(this, args: list):
        if type(this) is not JSInternal or this.kind != kind:
            raise incompatible(f"{label}.prototype.next", this)
        cursor, what = this.data
        i = cursor.next_index()
        if i < 0:
            return create_iter_result(UNDEFINED, True)
        t = cursor.table
        k = t.keys[i]
        if what == "key":
            return create_iter_result(k, False)
        v = t.vals[i] if is_map_kind else k
        if what == "value":
            return create_iter_result(v, False)
        return create_iter_result(create_array([k, v]), False)

    return next_fn


def _make_iterator(proto_name: str, kind: str, table: Table, what: str) -> JSInternal:
    return JSInternal(getattr(A.realm, proto_name), kind, (Cursor(table), what))


# -- 24.1 Map -----------------------------------------------------------------------------------------


# 24.1.1.1 Map ( [ iterable ] )
def map_construct(args: list, new_target):
    proto = get_prototype_from_constructor(new_target, "MapPrototype")
    m = JSInternal(proto, "Map", Table())
    iterable = arg(args, 0)
    if iterable is not UNDEFINED and iterable is not None:
        _add_entries(m, iterable, "set", True, lambda o, k, v: o.data.set(k, v))
    return m


# 24.1.3.1 Map.prototype.clear ( )
def map_clear(this, args: list):
    _this(this, "Map", "Map.prototype.clear").clear()
    return UNDEFINED


# 24.1.3.3 Map.prototype.delete ( key )
def map_delete(this, args: list) -> bool:
    return _this(this, "Map", "Map.prototype.delete").delete(arg(args, 0))


# 24.1.3.4 Map.prototype.entries ( )
def map_entries_method(this, args: list):
    t = _this(this, "Map", "Map.prototype.entries")
    return _make_iterator("MapIteratorPrototype", "MapIterator", t, "key+value")


def _for_each(this, args: list, kind: str, name: str):
    t = _this(this, kind, name)
    cb = arg(args, 0)
    if not is_callable(cb):
        raise type_error(f"{_typed_text(cb)} is not a function")
    this_arg = arg(args, 1)
    cursor = Cursor(t)
    is_map_kind = kind == "Map"
    try:
        while True:
            A.ticks -= 1
            if A.ticks < 0:
                A.tick()
            i = cursor.next_index()
            if i < 0:
                break
            tbl = cursor.table
            k = tbl.keys[i]
            cb.call(this_arg, [tbl.vals[i] if is_map_kind else k, k, this])
    finally:
        cursor.close()
    return UNDEFINED


def _typed_text(v) -> str:
    """V8's rendering of a non-callable callback in Map/Set forEach ("number 1", "object null")."""
    from ..ops import typeof

    if isinstance(v, JSObject):
        return "object"
    if v is UNDEFINED:
        return "undefined"
    if v is None:
        return "object null"
    t = typeof(v)
    if t in ("symbol", "bigint"):
        return t
    if t == "string":
        return f'string "{v}"'
    return f"{t} {receiver_text(v)}"


# 24.1.3.5 Map.prototype.forEach ( callbackfn [ , thisArg ] )
def map_for_each(this, args: list):
    return _for_each(this, args, "Map", "Map.prototype.forEach")


# 24.1.3.6 Map.prototype.get ( key )
def map_get(this, args: list):
    return _this(this, "Map", "Map.prototype.get").get(arg(args, 0))


# 24.1.3.7 Map.prototype.has ( key )
def map_has(this, args: list) -> bool:
    return _this(this, "Map", "Map.prototype.has").has(arg(args, 0))


# 24.1.3.8 Map.prototype.keys ( )
def map_keys(this, args: list):
    t = _this(this, "Map", "Map.prototype.keys")
    return _make_iterator("MapIteratorPrototype", "MapIterator", t, "key")


# 24.1.3.9 Map.prototype.set ( key, value )
def map_set(this, args: list):
    _this(this, "Map", "Map.prototype.set").set(arg(args, 0), arg(args, 1))
    return this


# 24.1.3.10 get Map.prototype.size
def map_size(this, args: list) -> int:
    return _this(this, "Map", "get Map.prototype.size").size


# 24.1.3.11 Map.prototype.values ( )
def map_values(this, args: list):
    t = _this(this, "Map", "Map.prototype.values")
    return _make_iterator("MapIteratorPrototype", "MapIterator", t, "value")


# -- 24.2 Set -----------------------------------------------------------------------------------------


# 24.2.1.1 Set ( [ iterable ] )
def set_construct(args: list, new_target):
    proto = get_prototype_from_constructor(new_target, "SetPrototype")
    s = JSInternal(proto, "Set", Table(is_set=True))
    iterable = arg(args, 0)
    if iterable is not UNDEFINED and iterable is not None:
        _add_entries(s, iterable, "add", False, lambda o, k, v: o.data.set(k, k))
    return s


# 24.2.3.1 Set.prototype.add ( value )
def set_add(this, args: list):
    v = arg(args, 0)
    _this(this, "Set", "Set.prototype.add").set(v, v)
    return this


# 24.2.3.2 Set.prototype.clear ( )
def set_clear(this, args: list):
    _this(this, "Set", "Set.prototype.clear").clear()
    return UNDEFINED


# 24.2.3.4 Set.prototype.delete ( value )
def set_delete(this, args: list) -> bool:
    return _this(this, "Set", "Set.prototype.delete").delete(arg(args, 0))


# 24.2.3.5 Set.prototype.entries ( )
def set_entries(this, args: list):
    t = _this(this, "Set", "Set.prototype.entries")
    return _make_iterator("SetIteratorPrototype", "SetIterator", t, "key+value")


# 24.2.3.6 Set.prototype.forEach ( callbackfn [ , thisArg ] )
def set_for_each(this, args: list):
    return _for_each(this, args, "Set", "Set.prototype.forEach")


# 24.2.3.7 Set.prototype.has ( value )
def set_has(this, args: list) -> bool:
    return _this(this, "Set", "Set.prototype.has").has(arg(args, 0))


# 24.2.3.9 get Set.prototype.size
def set_size(this, args: list) -> int:
    return _this(this, "Set", "get Set.prototype.size").size


# 24.2.3.10 Set.prototype.values ( )
def set_values_method(this, args: list):
    t = _this(this, "Set", "Set.prototype.values")
    return _make_iterator("SetIteratorPrototype", "SetIterator", t, "value")


# -- 24.3 WeakMap / 24.4 WeakSet ----------------------------------------------------------------------


def _weak_data(this, kind: str, name: str) -> weakref.WeakKeyDictionary:
    if type(this) is JSInternal and this.kind == kind:
        return this.data
    raise incompatible(name, this)


# 24.3.1.1 WeakMap ( [ iterable ] )
def weakmap_construct(args: list, new_target):
    proto = get_prototype_from_constructor(new_target, "WeakMapPrototype")
    m = JSInternal(proto, "WeakMap", weakref.WeakKeyDictionary())
    iterable = arg(args, 0)
    if iterable is not UNDEFINED and iterable is not None:
        _add_entries(m, iterable, "set", True, _weakmap_put)
    return m


def _weakmap_put(m, k, v) -> None:
    if not isinstance(k, JSObject):
        raise type_error("Invalid value used as weak map key")
    m.data[k] = v


# 24.3.3.2 WeakMap.prototype.delete ( key )
def weakmap_delete(this, args: list) -> bool:
    d = _weak_data(this, "WeakMap", "WeakMap.prototype.delete")
    k = arg(args, 0)
    if not isinstance(k, JSObject) or k not in d:
        return False
    del d[k]
    return True


# 24.3.3.3 WeakMap.prototype.get ( key )
def weakmap_get(this, args: list):
    d = _weak_data(this, "WeakMap", "WeakMap.prototype.get")
    k = arg(args, 0)
    if not isinstance(k, JSObject):
        return UNDEFINED
    return d.get(k, UNDEFINED)


# 24.3.3.4 WeakMap.prototype.has ( key )
def weakmap_has(this, args: list) -> bool:
    d = _weak_data(this, "WeakMap", "WeakMap.prototype.has")
    k = arg(args, 0)
    return isinstance(k, JSObject) and k in d


# 24.3.3.5 WeakMap.prototype.set ( key, value )
def weakmap_set(this, args: list):
    d = _weak_data(this, "WeakMap", "WeakMap.prototype.set")
    k = arg(args, 0)
    if not isinstance(k, JSObject):
        raise type_error("Invalid value used as weak map key")
    d[k] = arg(args, 1)
    return this


# 24.4.1.1 WeakSet ( [ iterable ] )
def weakset_construct(args: list, new_target):
    proto = get_prototype_from_constructor(new_target, "WeakSetPrototype")
    s = JSInternal(proto, "WeakSet", weakref.WeakKeyDictionary())
    iterable = arg(args, 0)
    if iterable is not UNDEFINED and iterable is not None:
        _add_entries(s, iterable, "add", False, _weakset_put)
    return s


def _weakset_put(s, k, v) -> None:
    if not isinstance(k, JSObject):
        raise type_error("Invalid value used in weak set")
    s.data[k] = True


# 24.4.3.1 WeakSet.prototype.add ( value )
def weakset_add(this, args: list):
    d = _weak_data(this, "WeakSet", "WeakSet.prototype.add")
    k = arg(args, 0)
    if not isinstance(k, JSObject):
        raise type_error("Invalid value used in weak set")
    d[k] = True
    return this


# 24.4.3.3 WeakSet.prototype.delete ( value )
def weakset_delete(this, args: list) -> bool:
    d = _weak_data(this, "WeakSet", "WeakSet.prototype.delete")
    k = arg(args, 0)
    if not isinstance(k, JSObject) or k not in d:
        return False
    del d[k]
    return True


# 24.4.3.4 WeakSet.prototype.has ( value )
def weakset_has(this, args: list) -> bool:
    d = _weak_data(this, "WeakSet", "WeakSet.prototype.has")
    k = arg(args, 0)
    return isinstance(k, JSObject) and k in d


# -- setup -------------------------------------------------------------------------------------------


def _tag(obj: JSObject, name: str) -> None:
    obj.props[SYM.toStringTag] = Prop(name, C)


def setup(realm) -> None:
    """Create Map, Set, WeakMap, WeakSet, their prototypes and %MapIteratorPrototype% /
    %SetIteratorPrototype%."""
    op = realm.ObjectPrototype

    # 24.1 Map
    proto = JSObject(op)
    realm.MapPrototype = proto
    ctor = constructor(realm, "Map", _requires_new("Map"), map_construct, 0, proto)
    realm.Map = ctor
    getter(realm, ctor, SYM.species, _species)
    method(realm, proto, "clear", map_clear, 0)
    method(realm, proto, "delete", map_delete, 1)
    entries = method(realm, proto, "entries", map_entries_method, 0)
    method(realm, proto, "forEach", map_for_each, 1)
    method(realm, proto, "get", map_get, 1)
    method(realm, proto, "has", map_has, 1)
    method(realm, proto, "keys", map_keys, 0)
    realm.Map_set = method(realm, proto, "set", map_set, 2)
    getter(realm, proto, "size", map_size)
    method(realm, proto, "values", map_values, 0)
    proto.props[SYM.iterator] = proto.props["entries"]  # 24.1.3.12: the same function as entries
    realm.MapEntries = entries
    _tag(proto, "Map")
    realm.MapIteratorPrototype = make_iterator_prototype(realm, "Map Iterator",
                                                         _iter_next("MapIterator", "Map Iterator"))
    realm.define_global("Map", ctor)

    # 24.2 Set
    proto = JSObject(op)
    realm.SetPrototype = proto
    ctor = constructor(realm, "Set", _requires_new("Set"), set_construct, 0, proto)
    realm.Set = ctor
    getter(realm, ctor, SYM.species, _species)
    realm.Set_add = method(realm, proto, "add", set_add, 1)
    method(realm, proto, "clear", set_clear, 0)
    method(realm, proto, "delete", set_delete, 1)
    method(realm, proto, "entries", set_entries, 0)
    method(realm, proto, "forEach", set_for_each, 1)
    method(realm, proto, "has", set_has, 1)
    getter(realm, proto, "size", set_size)
    values = method(realm, proto, "values", set_values_method, 0)
    proto.props["keys"] = proto.props["values"]  # 24.2.3.8: the same function as values
    proto.props[SYM.iterator] = proto.props["values"]  # 24.2.3.11
    realm.SetValues = values
    _tag(proto, "Set")
    realm.SetIteratorPrototype = make_iterator_prototype(realm, "Set Iterator",
                                                         _iter_next("SetIterator", "Set Iterator"))
    realm.define_global("Set", ctor)

    # 24.3 WeakMap
    proto = JSObject(op)
    realm.WeakMapPrototype = proto
    ctor = constructor(realm, "WeakMap", _requires_new("WeakMap"), weakmap_construct, 0, proto)
    realm.WeakMap = ctor
    method(realm, proto, "delete", weakmap_delete, 1)
    method(realm, proto, "get", weakmap_get, 1)
    method(realm, proto, "has", weakmap_has, 1)
    realm.WeakMap_set = method(realm, proto, "set", weakmap_set, 2)
    _tag(proto, "WeakMap")
    realm.define_global("WeakMap", ctor)

    # 24.4 WeakSet
    proto = JSObject(op)
    realm.WeakSetPrototype = proto
    ctor = constructor(realm, "WeakSet", _requires_new("WeakSet"), weakset_construct, 0, proto)
    realm.WeakSet = ctor
    realm.WeakSet_add = method(realm, proto, "add", weakset_add, 1)
    method(realm, proto, "delete", weakset_delete, 1)
    method(realm, proto, "has", weakset_has, 1)
    _tag(proto, "WeakSet")
    realm.define_global("WeakSet", ctor)


__all__ = ["Cursor", "Table", "is_map", "is_set", "map_entries", "normalize_key", "set_values", "setup"]
