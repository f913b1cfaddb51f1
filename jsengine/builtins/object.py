"""The Object constructor and Object.prototype (ECMA-262 20.1), with the Annex B members (B.2.2)."""

from __future__ import annotations

from ..budget import AGENT as A
from ..errors import JSThrow, type_error
from ..objects import (
    ACC,
    MISSING,
    C,
    Desc,
    E,
    JSArray,
    JSObject,
    JSStringObject,
    Prop,
    W,
    func_name,
    same_value,
)
from ..ops import (
    call,
    create_array,
    create_data_property_or_throw,
    from_property_descriptor,
    get_iterator,
    is_array,
    is_callable,
    iterator_close,
    iterator_step,
    key_display,
    ordinary_create_from_constructor,
    own_enumerable_string_keys,
    to_object,
    to_property_descriptor,
    to_property_key,
)
from ..realm import arg, constructor, getter, method
from ..values import SYM, UNDEFINED, JSSymbol


class ImmutablePrototypeObject(JSObject):
    """An immutable prototype exotic object (10.4.7): %Object.prototype%."""

    __slots__ = ()

    # 10.4.7.1 [[SetPrototypeOf]] ( V ) -> SetImmutablePrototype
    def set_prototype_of(self, v) -> bool:
        return v is self.get_prototype_of()


# -- helpers shared with json.py / reflect.py ---------------------------------------------------------


def constructor_name(o) -> str:
    """The name V8 shows for an object's constructor (JSReceiver::GetConstructorName), side-effect free."""
    cur = o
    seen = 0
    while isinstance(cur, JSObject) and seen < 10000:
        seen += 1
        if not cur.ordinary_get and not isinstance(cur, (JSArray, JSStringObject)):
            break  # an exotic object (Proxy ...): no side-effect-free lookup
        tag = cur.props.get(SYM.toStringTag, MISSING)
        if type(tag) is Prop and not tag.flags & ACC:
            tag = tag.value
        if type(tag) is str:
            return tag
        if cur is not o:
            c = cur.props.get("constructor", MISSING)
            if type(c) is Prop and not c.flags & ACC:
                c = c.value
            if isinstance(c, JSObject) and c.is_callable:
                name = func_name(c)
                if name and name != "Object":
                    return name
        cur = cur.proto
    return "Array" if isinstance(o, JSArray) else ("Function" if o.is_callable else "Object")


def object_desc(o) -> str:
    """An object as V8 renders it inside error messages (``#<Foo>``, ``[object Array]``)."""
    if is_array(o):
        return "[object Array]"
    if o.is_callable:
        src = getattr(o, "source_text", None)
        if isinstance(src, str):
            return src
        return f"function {func_name(o)}() {{ [native code] }}"
    return f"#<{constructor_name(o)}>"


def value_text(v) -> str:
    """A value as V8 renders it inside error messages."""
    if isinstance(v, JSObject):
        return object_desc(v)
    if type(v) is JSSymbol:
        return v.descriptive_string()
    from ..ops import to_display_string

    return to_display_string(v)


def check_proto(v, where: str = "Object prototype") -> None:
    """TypeError unless ``v`` is an Object or null (prototype arguments)."""
    if v is not None and not isinstance(v, JSObject):
        raise type_error(f"{where} may only be an Object or null: {value_text(v)}")


def set_prototype_or_throw(o, proto) -> None:
    """O.[[SetPrototypeOf]](proto), throwing V8's TypeError when it returns false."""
    if o.set_prototype_of(proto):
        return
    if isinstance(o, ImmutablePrototypeObject):
        raise type_error("Immutable prototype object 'Object.prototype' cannot have their prototype set")
    if hasattr(o, "proxy_handler"):
        raise type_error("'setPrototypeOf' on proxy: trap returned falsish for property 'undefined'")
    if not o.is_extensible():
        raise type_error(f"{object_desc(o)} is not extensible")
    raise type_error("Cyclic __proto__ value")


def define_property_or_throw(o, key, desc: Desc) -> None:
    """DefinePropertyOrThrow (7.3.8) with V8's messages."""
    if o.define_own_property(key, desc):
        return
    if hasattr(o, "proxy_handler"):
        raise type_error(f"'defineProperty' on proxy: trap returned falsish for property '{key_display(key)}'")
    if o.get_own_property(key) is MISSING and not o.is_extensible():
        raise type_error(f"Cannot define property {key_display(key)}, object is not extensible")
    raise type_error(f"Cannot redefine property: {key_display(key)}")


def set_or_throw(o, key, value) -> None:
    """Set(O, P, V, true) (7.3.4) with V8's message."""
    if not o.set(key, value, o):
        raise type_error(f"Cannot assign to read only property '{key_display(key)}' of object "
                         f"'{object_desc(o)}'")


def _is_enumerable(p) -> bool:
    return type(p) is not Prop or bool(p.flags & E)


def _direct_value(o, p) -> bool:
    """True when [[Get]] of an own property stored as ``p`` is just ``p`` (no trap, no getter)."""
    return type(p) is not Prop and (o.ordinary_get or type(o) is JSArray or type(o) is JSStringObject)


def enumerable_own_properties(o, kind: str) -> list:
    """EnumerableOwnPropertyNames (7.3.23); kind is "key", "value" or "key+value"."""
    if kind == "key":
        keys = own_enumerable_string_keys(o)
        A.charge(len(keys))
        return keys
    keys = o.own_keys()
    A.charge(len(keys))
    out = []
    for k in keys:
        if type(k) is not str:
            continue
        p = o.get_own_property(k)
        if p is MISSING or not _is_enumerable(p):
            continue
        v = p if _direct_value(o, p) else o.get(k, o)
        out.append(v if kind == "value" else create_array([k, v]))
    return out


def set_integrity_level(o, level: str) -> bool:
    """SetIntegrityLevel (7.3.15); level is "sealed" or "frozen"."""
    if not o.prevent_extensions():
        return False
    keys = o.own_keys()
    A.charge(len(keys))
    if level == "sealed":
        for k in keys:
            define_property_or_throw(o, k, Desc(configurable=False))
        return True
    for k in keys:
        p = o.get_own_property(k)
        if p is MISSING:
            continue
        if type(p) is Prop and p.flags & ACC:
            define_property_or_throw(o, k, Desc(configurable=False))
        else:
            define_property_or_throw(o, k, Desc(configurable=False, writable=False))
    return True


def test_integrity_level(o, level: str) -> bool:
    """TestIntegrityLevel (7.3.16)."""
    if o.is_extensible():
        return False
    keys = o.own_keys()
    A.charge(len(keys))
    for k in keys:
        p = o.get_own_property(k)
        if p is MISSING:
            continue
        if type(p) is not Prop:
            return False  # default attributes: configurable
        if p.flags & C:
            return False
        if level == "frozen" and not p.flags & ACC and p.flags & W:
            return False
    return True


def object_define_properties(o, properties):
    """ObjectDefineProperties (20.1.2.3.1)."""
    props = to_object(properties)
    keys = props.own_keys()
    A.charge(len(keys))
    descriptors = []
    for k in keys:
        p = props.get_own_property(k)
        if p is not MISSING and _is_enumerable(p):
            desc_obj = p if _direct_value(props, p) else props.get(k, props)
            descriptors.append((k, to_property_descriptor(desc_obj)))
    for k, d in descriptors:
        define_property_or_throw(o, k, d)
    return o


# -- 20.1.1 The Object constructor ---------------------------------------------------------------------


def setup(realm) -> None:
    proto = realm.ObjectPrototype
    if type(proto) is JSObject:
        proto.__class__ = ImmutablePrototypeObject  # same layout; Realm made it a plain JSObject

    # 20.1.1.1 Object ( [ value ] )
    def object_call(this, args):
        v = arg(args, 0)
        if v is UNDEFINED or v is None:
            return JSObject(realm.ObjectPrototype)
        return to_object(v)

    def object_construct(args, new_target):
        if new_target is not None and new_target is not ctor:
            return ordinary_create_from_constructor(new_target, "ObjectPrototype")
        return object_call(UNDEFINED, args)

    ctor = constructor(realm, "Object", object_call, object_construct, 1, proto)
    realm.Object = ctor

    # 20.1.2.1 Object.assign ( target, ...sources )
    def assign(this, args):
        to = to_object(arg(args, 0))
        for src in args[1:]:
            if src is UNDEFINED or src is None:
                continue
            frm = to_object(src)
            keys = frm.own_keys()
            A.charge(len(keys))
            for k in keys:
                p = frm.get_own_property(k)
                if p is MISSING or not _is_enumerable(p):
                    continue
                v = p if _direct_value(frm, p) else frm.get(k, frm)
                set_or_throw(to, k, v)
        return to

    # 20.1.2.2 Object.create ( O, Properties )
    def create(this, args):
        o = arg(args, 0)
        check_proto(o)
        obj = JSObject(o)
        props = arg(args, 1)
        if props is not UNDEFINED:
            object_define_properties(obj, props)
        return obj

    # 20.1.2.3 Object.defineProperties ( O, Properties )
    def define_properties(this, args):
        o = arg(args, 0)
        if not isinstance(o, JSObject):
            raise type_error("Object.defineProperties called on non-object")
        return object_define_properties(o, arg(args, 1))

    # 20.1.2.4 Object.defineProperty ( O, P, Attributes )
    def define_property(this, args):
        o = arg(args, 0)
        if not isinstance(o, JSObject):
            raise type_error("Object.defineProperty called on non-object")
        key = to_property_key(arg(args, 1))
        desc = to_property_descriptor(arg(args, 2))
        define_property_or_throw(o, key, desc)
        return o

    # 20.1.2.5 Object.entries ( O )
    def entries(this, args):
        return create_array(enumerable_own_properties(to_object(arg(args, 0)), "key+value"))

    # 20.1.2.6 Object.freeze ( O )
    def freeze(this, args):
        o = arg(args, 0)
        if not isinstance(o, JSObject):
            return o
        if not set_integrity_level(o, "frozen"):
            raise type_error("Cannot freeze")
        return o

    # 20.1.2.7 Object.fromEntries ( iterable )
    def from_entries(this, args):
        iterable = arg(args, 0)
        if iterable is UNDEFINED or iterable is None:  # RequireObjectCoercible, with V8's message
            raise type_error("undefined is not iterable")
        obj = JSObject(realm.ObjectPrototype)
        rec = get_iterator(iterable)
        while True:
            A.charge(1)
            item = iterator_step(rec)
            if item is MISSING:
                return obj
            try:
                if not isinstance(item, JSObject):
                    raise type_error(f"Iterator value {value_text(item)} is not an entry object")
                k = item.get("0", item)
                v = item.get("1", item)
                create_data_property_or_throw(obj, to_property_key(k), v)
            except JSThrow as exc:
                iterator_close(rec, exc)
                raise

    # 20.1.2.8 Object.getOwnPropertyDescriptor ( O, P )
    def get_own_property_descriptor(this, args):
        obj = to_object(arg(args, 0))
        key = to_property_key(arg(args, 1))
        return from_property_descriptor(obj.get_own_property(key))

    # 20.1.2.9 Object.getOwnPropertyDescriptors ( O )
    def get_own_property_descriptors(this, args):
        obj = to_object(arg(args, 0))
        keys = obj.own_keys()
        A.charge(len(keys))
        out = JSObject(realm.ObjectPrototype)
        for k in keys:
            d = from_property_descriptor(obj.get_own_property(k))
            if d is not UNDEFINED:
                out.props[k] = d
        return out

    # 20.1.2.10 Object.getOwnPropertyNames ( O )
    def get_own_property_names(this, args):
        keys = to_object(arg(args, 0)).own_keys()
        A.charge(len(keys))
        return create_array([k for k in keys if type(k) is str])

    # 20.1.2.11 Object.getOwnPropertySymbols ( O )
    def get_own_property_symbols(this, args):
        keys = to_object(arg(args, 0)).own_keys()
        A.charge(len(keys))
        return create_array([k for k in keys if type(k) is JSSymbol])

    # 20.1.2.12 Object.getPrototypeOf ( O )
    def get_prototype_of(this, args):
        return to_object(arg(args, 0)).get_prototype_of()

    # 20.1.2.13 Object.is ( value1, value2 )
    def is_(this, args):
        return same_value(arg(args, 0), arg(args, 1))

    # 20.1.2.14 Object.isExtensible ( O )
    def is_extensible(this, args):
        o = arg(args, 0)
        return isinstance(o, JSObject) and o.is_extensible()

    # 20.1.2.15 Object.isFrozen ( O )
    def is_frozen(this, args):
        o = arg(args, 0)
        return not isinstance(o, JSObject) or test_integrity_level(o, "frozen")

    # 20.1.2.16 Object.isSealed ( O )
    def is_sealed(this, args):
        o = arg(args, 0)
        return not isinstance(o, JSObject) or test_integrity_level(o, "sealed")

    # 20.1.2.17 Object.keys ( O )
    def keys(this, args):
        return create_array(enumerable_own_properties(to_object(arg(args, 0)), "key"))

    # 20.1.2.18 Object.preventExtensions ( O )
    def prevent_extensions(this, args):
        o = arg(args, 0)
        if isinstance(o, JSObject) and not o.prevent_extensions():
            if hasattr(o, "proxy_handler"):
                raise type_error("'preventExtensions' on proxy: trap returned falsish")
            raise type_error("Cannot prevent extensions")
        return o

    # 20.1.2.20 Object.seal ( O )
    def seal(this, args):
        o = arg(args, 0)
        if not isinstance(o, JSObject):
            return o
        if not set_integrity_level(o, "sealed"):
            raise type_error("Cannot seal")
        return o

    # 20.1.2.21 Object.setPrototypeOf ( O, proto )
    def set_prototype_of(this, args):
        o = arg(args, 0)
        if o is UNDEFINED or o is None:
            raise type_error("Object.setPrototypeOf called on null or undefined")
        p = arg(args, 1)
        check_proto(p)
        if not isinstance(o, JSObject):
            return o
        set_prototype_or_throw(o, p)
        return o

    # 20.1.2.22 Object.values ( O )
    def values(this, args):
        return create_array(enumerable_own_properties(to_object(arg(args, 0)), "value"))

    for name, fn, length in (
        ("assign", assign, 2), ("create", create, 2), ("defineProperties", define_properties, 2),
        ("defineProperty", define_property, 3), ("entries", entries, 1), ("freeze", freeze, 1),
        ("fromEntries", from_entries, 1), ("getOwnPropertyDescriptor", get_own_property_descriptor, 2),
        ("getOwnPropertyDescriptors", get_own_property_descriptors, 1),
        ("getOwnPropertyNames", get_own_property_names, 1),
        ("getOwnPropertySymbols", get_own_property_symbols, 1), ("getPrototypeOf", get_prototype_of, 1),
        ("is", is_, 2), ("isExtensible", is_extensible, 1), ("isFrozen", is_frozen, 1),
        ("isSealed", is_sealed, 1), ("keys", keys, 1), ("preventExtensions", prevent_extensions, 1),
        ("seal", seal, 1), ("setPrototypeOf", set_prototype_of, 2), ("values", values, 1),
    ):
        method(realm, ctor, name, fn, length)

    _setup_prototype(realm, proto)
    realm.define_global("Object", ctor)


# -- 20.1.3 Properties of the Object Prototype Object ------------------------------------------------

_BUILTIN_TAGS = frozenset(("Arguments", "Error", "Boolean", "Number", "String", "Date", "RegExp"))


# 20.1.3.6 Object.prototype.toString ( )
def object_to_string(this, args: list) -> str:
    """Object.prototype.toString: "[object " + tag + "]"."""
    if this is UNDEFINED:
        return "[object Undefined]"
    if this is None:
        return "[object Null]"
    o = to_object(this)
    if is_array(o):
        builtin = "Array"
    elif o.is_callable:
        builtin = "Function"
    else:
        kind = getattr(o, "kind", None)
        if type(kind) is str and kind in _BUILTIN_TAGS:
            builtin = kind
        elif o.class_name == "Arguments":
            builtin = "Arguments"
        else:
            builtin = "Object"
    tag = o.get(SYM.toStringTag, o)
    return f"[object {tag if type(tag) is str else builtin}]"


def _setup_prototype(realm, proto: JSObject) -> None:
    # 20.1.3.2 Object.prototype.hasOwnProperty ( V )
    def has_own_property(this, args):
        key = to_property_key(arg(args, 0))
        return to_object(this).get_own_property(key) is not MISSING

    # 20.1.3.3 Object.prototype.isPrototypeOf ( V )
    def is_prototype_of(this, args):
        v = arg(args, 0)
        if not isinstance(v, JSObject):
            return False
        o = to_object(this)
        while True:
            A.charge(1)
            v = v.get_prototype_of()
            if v is None:
                return False
            if v is o:
                return True

    # 20.1.3.4 Object.prototype.propertyIsEnumerable ( V )
    def property_is_enumerable(this, args):
        key = to_property_key(arg(args, 0))
        p = to_object(this).get_own_property(key)
        return p is not MISSING and _is_enumerable(p)

    # 20.1.3.5 Object.prototype.toLocaleString ( [ reserved1 [ , reserved2 ] ] )
    def to_locale_string(this, args):
        if this is UNDEFINED or this is None:
            raise type_error("Object.prototype.toLocaleString called on null or undefined")
        from ..ops import get_v

        return call(get_v(this, "toString"), this, [])

    # 20.1.3.7 Object.prototype.valueOf ( )
    def value_of(this, args):
        return to_object(this)

    # B.2.2.1.1 get Object.prototype.__proto__
    def proto_get(this, args):
        return to_object(this).get_prototype_of()

    # B.2.2.1.2 set Object.prototype.__proto__
    def proto_set(this, args):
        if this is UNDEFINED or this is None:
            raise type_error("set Object.prototype.__proto__ called on null or undefined")
        p = arg(args, 0)
        if (p is not None and not isinstance(p, JSObject)) or not isinstance(this, JSObject):
            return UNDEFINED
        set_prototype_or_throw(this, p)
        return UNDEFINED

    # B.2.2.2 Object.prototype.__defineGetter__ ( P, getter )
    def define_getter(this, args):
        o = to_object(this)
        g = arg(args, 1)
        if not is_callable(g):
            raise type_error("Object.prototype.__defineGetter__: Expecting function")
        key = to_property_key(arg(args, 0))
        define_property_or_throw(o, key, Desc(get=g, enumerable=True, configurable=True))
        return UNDEFINED

    # B.2.2.3 Object.prototype.__defineSetter__ ( P, setter )
    def define_setter(this, args):
        o = to_object(this)
        s = arg(args, 1)
        if not is_callable(s):
            raise type_error("Object.prototype.__defineSetter__: Expecting function")
        key = to_property_key(arg(args, 0))
        define_property_or_throw(o, key, Desc(set=s, enumerable=True, configurable=True))
        return UNDEFINED

    def lookup(this, args, want_getter: bool):
        o = to_object(this)
        key = to_property_key(arg(args, 0))
        while o is not None:
            A.charge(1)
            p = o.get_own_property(key)
            if p is not MISSING:
                if type(p) is Prop and p.flags & ACC:
                    return p.getter if want_getter else p.setter
                return UNDEFINED
            o = o.get_prototype_of()
        return UNDEFINED

    # B.2.2.4 Object.prototype.__lookupGetter__ ( P )
    def lookup_getter(this, args):
        return lookup(this, args, True)

    # B.2.2.5 Object.prototype.__lookupSetter__ ( P )
    def lookup_setter(this, args):
        return lookup(this, args, False)

    method(realm, proto, "hasOwnProperty", has_own_property, 1)
    method(realm, proto, "isPrototypeOf", is_prototype_of, 1)
    method(realm, proto, "propertyIsEnumerable", property_is_enumerable, 1)
    method(realm, proto, "toLocaleString", to_locale_string, 0)
    realm.ObjectProtoToString = method(realm, proto, "toString", object_to_string, 0)
    method(realm, proto, "valueOf", value_of, 0)
    getter(realm, proto, "__proto__", proto_get, proto_set)
    method(realm, proto, "__defineGetter__", define_getter, 2)
    method(realm, proto, "__defineSetter__", define_setter, 2)
    method(realm, proto, "__lookupGetter__", lookup_getter, 1)
    method(realm, proto, "__lookupSetter__", lookup_setter, 1)


__all__ = [
    "ImmutablePrototypeObject",
    "check_proto",
    "constructor_name",
    "define_property_or_throw",
    "enumerable_own_properties",
    "object_desc",
    "object_to_string",
    "set_integrity_level",
    "set_or_throw",
    "set_prototype_or_throw",
    "setup",
    "test_integrity_level",
    "value_text",
]
