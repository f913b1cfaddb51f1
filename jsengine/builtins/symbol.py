"""Symbol objects (ECMA-262 20.4)."""

from __future__ import annotations

from ..errors import type_error
from ..objects import C, JSInternal, Prop
from ..ops import to_display_string, to_string
from ..realm import arg, constructor, getter, method
from ..values import SYM, UNDEFINED, JSSymbol

# The GlobalSymbolRegistry (20.4.2.2): one per agent, shared by every realm of the process.
GLOBAL_SYMBOL_REGISTRY: dict[str, JSSymbol] = {}


def this_symbol_value(v, name: str) -> JSSymbol:
    """thisSymbolValue (20.4.3): a Symbol or a Symbol object's [[SymbolData]]."""
    if type(v) is JSSymbol:
        return v
    if isinstance(v, JSInternal) and v.kind == "Symbol":
        return v.data
    raise type_error(f"{name} requires that 'this' be a Symbol")


# 20.4.1.1 Symbol ( [ description ] )
def symbol_call(this, args: list):
    desc = arg(args, 0)
    return JSSymbol(None if desc is UNDEFINED else to_string(desc))


def symbol_construct(args: list, new_target):
    raise type_error("Symbol is not a constructor")


# 20.4.2.2 Symbol.for ( key )
def symbol_for(this, args: list):
    key = to_string(arg(args, 0))
    sym = GLOBAL_SYMBOL_REGISTRY.get(key)
    if sym is None:
        sym = JSSymbol(key, registered=True)
        GLOBAL_SYMBOL_REGISTRY[key] = sym
    return sym


# 20.4.2.6 Symbol.keyFor ( sym )
def symbol_key_for(this, args: list):
    sym = arg(args, 0)
    if type(sym) is not JSSymbol:
        raise type_error(f"{to_display_string(sym)} is not a symbol")
    if sym.registered:
        return sym.description
    return UNDEFINED


# 20.4.3.2 get Symbol.prototype.description
def symbol_description(this, args: list):
    s = this_symbol_value(this, "Symbol.prototype.description")
    return UNDEFINED if s.description is None else s.description


# 20.4.3.3 Symbol.prototype.toString ( )
def symbol_to_string(this, args: list):
    return this_symbol_value(this, "Symbol.prototype.toString").descriptive_string()


# 20.4.3.4 Symbol.prototype.valueOf ( )
def symbol_value_of(this, args: list):
    return this_symbol_value(this, "Symbol.prototype.valueOf")


# 20.4.3.5 Symbol.prototype [ @@toPrimitive ] ( hint )
def symbol_to_primitive(this, args: list):
    return this_symbol_value(this, "Symbol.prototype [ @@toPrimitive ]")


def setup(realm) -> None:
    proto = realm.SymbolPrototype
    ctor = constructor(realm, "Symbol", symbol_call, symbol_construct, 0, proto)
    realm.Symbol = ctor
    realm.define_global("Symbol", ctor)
    # 20.4.2 Properties of the Symbol Constructor (well-known symbols: not writable/enumerable/configurable)
    method(realm, ctor, "for", symbol_for, 1)
    method(realm, ctor, "keyFor", symbol_key_for, 1)
    for name, sym in SYM.all().items():
        ctor.props[name] = Prop(sym, 0)
    # 20.4.3 Properties of the Symbol Prototype Object
    method(realm, proto, "toString", symbol_to_string, 0)
    method(realm, proto, "valueOf", symbol_value_of, 0)
    getter(realm, proto, "description", symbol_description)
    method(realm, proto, SYM.toPrimitive, symbol_to_primitive, 1, flags=C)
    proto.props[SYM.toStringTag] = Prop("Symbol", C)
