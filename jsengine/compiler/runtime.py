"""Run-time support for compiled code: function objects, the call protocol, arguments objects,
global and dynamic (``with``/``eval``) name resolution."""

from __future__ import annotations

from ..budget import AGENT as A
from ..errors import JSThrow, reference_error, type_error
from ..objects import (ACC, C, DEFAULT, MISSING, E, W, Desc, JSFunction, JSObject, Prop, WatchedDict, ordinary_set,
                       validate_and_apply)
from ..ops import get_prototype_from_constructor, to_boolean, to_object
from ..values import SYM, UNDEFINED, UNINIT

BREAK, CONTINUE, RETURN = 1, 2, 3


class Completion:
    """An abrupt completion other than throw: break / continue (preallocated per target) or return."""

    __slots__ = ("kind", "value")

    def __init__(self, kind: int, value=UNDEFINED) -> None:
        self.kind = kind
        self.value = value


class FunctionCode:
    """What a function expression/declaration compiles to (shared by all its closures)."""

    __slots__ = ("name", "length", "strict", "kind", "scope", "body", "source_text", "filename",
                 "this_idx", "newtarget_idx", "home_idx", "func_idx", "args_idx", "callee_idx",
                 "bind_params", "nparams", "template", "funcs", "is_ctor", "has_prototype", "mapped",
                 "simple", "is_class_ctor", "derived", "is_arrow", "line", "column", "param_slots",
                 "generator", "is_async", "fields", "start", "static_name", "fast", "lazy", "tail", "ctor_fast",
                 "call_n", "ctor_n", "leaf_n", "init", "mtail", "sloppy_this",
                 "__weakref__")

    def __init__(self) -> None:
        self.name = ""
        self.length = 0
        self.strict = False
        self.kind = "normal"
        self.body = None
        self.source_text = ""
        self.filename = ""
        self.this_idx = self.newtarget_idx = self.home_idx = self.func_idx = 0
        self.args_idx = self.callee_idx = 0
        self.bind_params = None
        self.nparams = 0
        self.template: list = []
        self.funcs: list = []
        self.is_ctor = False
        self.has_prototype = False
        self.mapped = False
        self.simple = True
        self.is_class_ctor = False
        self.derived = False
        self.is_arrow = False
        self.line = self.column = 0
        self.param_slots: list = []
        self.generator = False
        self.is_async = False
        self.fields = None
        self.static_name = False
        self.lazy = None  # a deferred body compile (compile(..., lazy=True))
        self.ctor_fast = False  # inline [[Construct]]: a base constructor with simple parameters
        self.call_n = self.ctor_n = -1  # nparams when fast / ctor_fast (one test at call sites), else -1
        self.leaf_n = -1  # nparams of a fast function whose body is an expression without calls (call_n -1)
        self.init = None  # a body of `this.k = param` only: init(proto, *args) -> the new object or None
        self.fast = False  # plain call path: simple params, no arguments/new.target/home/own name/functions
        self.start = None  # generator / async functions: start(func, env) instead of running the body
        self.mtail = None  # fast functions: the template after this (env = [parent, scope, *args, this, *mtail])
        self.sloppy_this = False  # sloppy code reading this: a call's this is made an object (or the global)
        self.tail = None  # fast functions: the template after the parameters (env = [parent, scope, *args, *tail])


_LENGTH_PROPS: dict = {}


def _length_prop(n: int) -> Prop:
    p = _LENGTH_PROPS.get(n)
    if p is None:
        p = _LENGTH_PROPS[n] = Prop(n, C)
    return p


def sloppy_this(this, realm):
    """The this value a sloppy function sees for a non-object ``this`` (10.2.1.2 OrdinaryCallBindThis)."""
    if this is None or this is UNDEFINED:
        return realm.global_this
    return to_object(this)


class JSCompiledFunction(JSFunction):
    """A function made by compiled code (10.2 ECMAScript function objects)."""

    __slots__ = ("code", "env", "home", "ctor_parent", "is_constructor")

    def __init__(self, code: FunctionCode, env: list, realm, proto=None, name=None) -> None:
        self.props = {}
        self.proto = realm.FunctionPrototype if proto is None else proto
        self.extensible = True
        self.realm = realm
        self.code = code
        self.env = env
        self.home = None
        self.is_constructor = code.is_ctor
        props = self.props
        props["length"] = _length_prop(code.length)
        props["name"] = Prop(code.name if name is None else name, C)
        if code.start is not None:
            if code.generator:
                self.proto = realm.AsyncGeneratorFunctionPrototype if code.is_async else realm.GeneratorFunctionPrototype
                p = JSObject(realm.AsyncGeneratorPrototype if code.is_async else realm.GeneratorPrototype)
                props["prototype"] = Prop(p, W)
            else:
                self.proto = realm.AsyncFunctionPrototype
        elif code.has_prototype:
            p = JSObject(realm.ObjectPrototype)
            p.props = WatchedDict(constructor=Prop(self, W | C))
            props["prototype"] = Prop(p, W)

    @property
    def source_text(self) -> str:
        return self.code.source_text

    def call(self, this, args: list):
        code = self.code
        if code.fast:
            a = A
            a.ticks -= 1
            if a.ticks < 0:
                a.tick()
            d = a.depth + 1
            if d > a.max_depth:
                raise JSThrow(kind="RangeError", msg="Maximum call stack size exceeded")
            n = code.nparams
            if len(args) == n:
                env = [self.env, code.scope, *args, this, *code.mtail]
            elif len(args) > n:  # callbacks: map/filter/forEach pass (value, index, array)
                env = [self.env, code.scope, *args[:n], this, *code.mtail]
            else:
                env = code.template[:]
                env[0] = self.env
                env[2:2 + len(args)] = args
                env[2 + n] = this
            if code.sloppy_this and not isinstance(this, JSObject):
                env[code.this_idx] = sloppy_this(this, self.realm)
            realm = self.realm
            if a.realm is realm:
                a.depth = d
                try:
                    return code.body(env)
                except JSThrow as e:
                    if e.kind is not None and e.realm is None:
                        e.realm = realm
                    raise
                finally:
                    a.depth = d - 1
            return self._call_other_realm(code, env, d)
        if code.lazy is not None:
            code.lazy()
            return self.call(this, args)
        if code.is_class_ctor:
            raise type_error(f"Class constructor {code.name} cannot be invoked without 'new'")
        A.ticks -= 1
        if A.ticks < 0:
            A.tick()
        d = A.depth + 1
        if d > A.max_depth:
            raise JSThrow(kind="RangeError", msg="Maximum call stack size exceeded")
        env = code.template[:]
        env[0] = self.env
        if code.this_idx:
            if code.strict:
                env[code.this_idx] = this
            elif this is None or this is UNDEFINED:
                env[code.this_idx] = self.realm.global_this
            elif isinstance(this, JSObject):
                env[code.this_idx] = this
            else:
                env[code.this_idx] = to_object(this)
        if code.simple:
            n = code.nparams
            if n:
                if len(args) >= n:
                    env[2:2 + n] = args[:n] if len(args) > n else args
                else:
                    env[2:2 + len(args)] = args
        prev_realm = A.realm
        A.depth = d
        try:
            if prev_realm is not self.realm:
                A.realm = self.realm
            if code.func_idx:
                env[code.func_idx] = self
            if code.home_idx:
                env[code.home_idx] = self.home
            if code.newtarget_idx:
                env[code.newtarget_idx] = UNDEFINED
            if code.args_idx:
                env[code.args_idx] = make_arguments(self, env, args)
            if code.start is not None:
                return self._start(env, args)
            if not code.simple:
                code.bind_params(env, args)
            if code.funcs:
                instantiate_functions(code.funcs, env, self.realm)
            return code.body(env)
        except JSThrow as e:
            if e.kind is not None and e.realm is None:
                e.realm = self.realm  # errors the engine raises belong to the running function's realm
            raise
        finally:
            A.depth = d - 1
            A.realm = prev_realm

    def _call_other_realm(self, code, env, d):
        prev = A.realm
        A.realm = self.realm
        A.depth = d
        try:
            return code.body(env)
        except JSThrow as e:
            if e.kind is not None and e.realm is None:
                e.realm = self.realm
            raise
        finally:
            A.depth = d - 1
            A.realm = prev

    def _start(self, env, args):
        """Generator and async functions: bind parameters, then hand the body to its driver."""
        code = self.code
        try:
            if not code.simple:
                code.bind_params(env, args)
            if code.funcs:
                instantiate_functions(code.funcs, env, self.realm)
        except JSThrow as e:
            if code.is_async and not code.generator:
                from ..builtins.promise import new_intrinsic_promise, reject_promise

                p = new_intrinsic_promise(self.realm)
                reject_promise(p, e.get_value(self.realm))
                return p
            raise
        return code.start(self, env)

    def construct(self, args: list, new_target=None):
        code = self.code
        if code.lazy is not None:
            code.lazy()
        if not code.is_ctor:
            raise type_error(f"{code.name or 'anonymous'} is not a constructor")
        if new_target is None:
            new_target = self
        A.ticks -= 1
        if A.ticks < 0:
            A.tick()
        d = A.depth + 1
        if d > A.max_depth:
            raise JSThrow(kind="RangeError", msg="Maximum call stack size exceeded")
        prev_realm = A.realm
        A.depth = d
        try:
            if prev_realm is not self.realm:
                A.realm = self.realm
            if code.derived:
                this = UNINIT
            else:
                p = new_target.props.get("prototype") if new_target is self else None
                if type(p) is Prop and not p.flags & ACC and isinstance(p.value, JSObject):
                    this = JSObject(p.value)  # new C(): C.prototype as it is, without a [[Get]] call
                else:
                    this = JSObject(get_prototype_from_constructor(new_target, "ObjectPrototype"))
            tail = code.tail
            bound = tail is not None and len(args) == code.nparams and not code.args_idx
            if bound:  # simple parameters, exact arity: the frame in one list display
                env = [self.env, code.scope, *args, *tail]
            else:
                env = code.template[:]
                env[0] = self.env
            if code.this_idx:
                env[code.this_idx] = this
            if code.func_idx:
                env[code.func_idx] = self
            if code.home_idx:
                env[code.home_idx] = self.home
            if code.newtarget_idx:
                env[code.newtarget_idx] = new_target
            if code.args_idx:
                env[code.args_idx] = make_arguments(self, env, args)
            if bound:
                pass
            elif code.simple:
                n = code.nparams
                if n:
                    if len(args) >= n:
                        env[2:2 + n] = args[:n] if len(args) > n else args
                    else:
                        env[2:2 + len(args)] = args
            else:
                code.bind_params(env, args)
            if not code.derived and code.fields is not None:
                code.fields(this, self)
            if code.funcs:
                instantiate_functions(code.funcs, env, self.realm)
            result = code.body(env)
            if isinstance(result, JSObject):
                return result
            if code.derived:
                if result is not UNDEFINED:
                    raise type_error("Derived constructors may only return object or undefined")
                this = env[code.this_idx]
                if this is UNINIT:
                    raise JSThrow(kind="ReferenceError",
                                  msg="Must call super constructor in derived class before accessing "
                                      "'this' or returning from derived constructor")
            return this
        except JSThrow as e:
            if e.kind is not None and e.realm is None:
                e.realm = self.realm
            raise
        finally:
            A.depth = d - 1
            A.realm = prev_realm


def instantiate_functions(funcs: list, env: list, realm) -> None:
    for idx, fcode, maker in funcs:
        env[idx] = maker(env, realm)


# -- arguments objects (10.4.4) -----------------------------------------------------------------------


class ArgumentsObject(JSObject):
    """An unmapped arguments object (strict code or non-simple parameters)."""

    __slots__ = ()
    class_name = "Arguments"


class MappedArguments(ArgumentsObject):
    """A mapped arguments exotic object: indices alias the parameter slots."""

    __slots__ = ("env", "mapping")
    ordinary_get = False

    def get_own_property(self, key):
        p = self.props.get(key, MISSING)
        if p is MISSING:
            return MISSING
        m = self.mapping.get(key)
        if m is not None:
            v = self.env[m]
            return v if type(p) is not Prop else Prop(v, p.flags)
        return p

    def define_own_property(self, key, desc: Desc) -> bool:
        m = self.mapping.get(key)
        if m is None:
            return JSObject.define_own_property(self, key, desc)
        new = desc
        if desc.is_data() and desc.value is Desc().value and desc.writable is False:
            new = Desc(value=self.env[m], writable=False, enumerable=desc.enumerable,
                       configurable=desc.configurable)
        cur = self.get_own_property(key)
        if not validate_and_apply(self, key, True, new, cur):
            return False
        if desc.is_accessor():
            del self.mapping[key]
        else:
            if desc.value is not Desc().value:
                self.env[m] = desc.value
            if desc.writable is False:
                del self.mapping[key]
        return True

    def get(self, key, receiver=None):
        m = self.mapping.get(key)
        if m is not None:
            return self.env[m]
        v = self.props.get(key, MISSING)
        if v is MISSING:
            p = self.proto
            return UNDEFINED if p is None else p.get(key, self if receiver is None else receiver)
        if type(v) is Prop:
            if v.flags & ACC:
                return UNDEFINED if v.getter is UNDEFINED else v.getter.call(
                    self if receiver is None else receiver, [])
            return v.value
        return v

    def set(self, key, value, receiver=None) -> bool:
        if receiver is None or receiver is self:
            m = self.mapping.get(key)
            if m is not None:
                p = self.props.get(key)
                if type(p) is not Prop:
                    self.env[m] = value
                    self.props[key] = value
                    return True
                ok = ordinary_set(self, key, value, self)
                if ok:
                    self.env[m] = value
                return ok
        return ordinary_set(self, key, value, self if receiver is None else receiver)

    def delete(self, key) -> bool:
        ok = JSObject.delete(self, key)
        if ok:
            self.mapping.pop(key, None)
        return ok

    def has_property(self, key) -> bool:
        if key in self.props:
            return True
        p = self.proto
        return p is not None and p.has_property(key)


def make_arguments(func: JSCompiledFunction, env: list, args: list):
    realm = func.realm
    code = func.code
    if code.mapped:
        o = MappedArguments(realm.ObjectPrototype)
        o.env = env
        mapping = {}
        slots = code.param_slots
        for i in range(min(len(args), len(slots))):
            name_slot = slots[i]
            if name_slot is not None:
                mapping[str(i)] = name_slot
        o.mapping = mapping
    else:
        o = ArgumentsObject(realm.ObjectPrototype)
    props = o.props
    for i, v in enumerate(args):
        props[str(i)] = v
    props["length"] = Prop(len(args), W | C)
    props[SYM.iterator] = Prop(realm.ArrayValues, W | C) if hasattr(realm, "ArrayValues") else Prop(UNDEFINED, W | C)
    if code.mapped:
        props["callee"] = Prop(func, W | C)
    else:
        tte = getattr(realm, "ThrowTypeError", UNDEFINED)
        props["callee"] = Prop(UNDEFINED, ACC, tte, tte)
    return o


# -- global names (9.1.1.4) ---------------------------------------------------------------------------


def global_get(name: str):
    realm = A.realm
    v = realm.global_lex.get(name, MISSING)
    if v is not MISSING:
        if v is UNINIT:
            raise reference_error(f"Cannot access '{name}' before initialization")
        return v
    g = realm.global_obj
    v = g.props.get(name, MISSING)
    if v is MISSING or type(v) is Prop or not g.ordinary_get:
        if g.has_property(name):
            return g.get(name, g)
        raise reference_error(f"{name} is not defined")
    return v


def global_get_at(name: str, _pos):
    """global_get for a global read inline in another closure: ``_pos`` places its errors in stack
    traces (stack.py reads it here)."""
    return global_get(name)


def global_has(name: str) -> bool:
    realm = A.realm
    return name in realm.global_lex or realm.global_obj.has_property(name)


def global_typeof_get(name: str):
    realm = A.realm
    v = realm.global_lex.get(name, MISSING)
    if v is not MISSING:
        if v is UNINIT:
            raise reference_error(f"Cannot access '{name}' before initialization")
        return v
    g = realm.global_obj
    if g.has_property(name):
        return g.get(name, g)
    return UNDEFINED


def global_set(name: str, value, strict: bool) -> None:
    realm = A.realm
    lex = realm.global_lex
    v = lex.get(name, MISSING)
    if v is not MISSING:
        if v is UNINIT:
            raise reference_error(f"Cannot access '{name}' before initialization")
        if name in realm.global_lex_const:
            raise type_error("Assignment to constant variable.")
        lex[name] = value
        return
    g = realm.global_obj
    props = g.props
    v = props.get(name, MISSING)
    if v is not MISSING and g.ordinary_get:
        if type(v) is not Prop:
            props[name] = value
            return
        if v.flags & W and not v.flags & ACC:  # a var binding (non-configurable data property)
            props[name] = Prop(value, v.flags)
            return
    if strict and not g.has_property(name):
        raise reference_error(f"{name} is not defined")
    if not g.set(name, value, g) and strict:
        raise type_error(f"Cannot assign to read only property '{name}' of object '#<Object>'")


def global_delete(name: str) -> bool:
    realm = A.realm
    if name in realm.global_lex:
        return False
    g = realm.global_obj
    if g.has_property(name):
        return g.delete(name)
    return True


# -- dynamic names (with / direct eval) ---------------------------------------------------------------


def dyn_find(env, name: str):
    """Find ``name`` on the runtime scope chain: (env_list, index) | (dict, name) | (object, None) | None."""
    e = env
    while e is not None:
        meta = e[1]
        if meta.kind == "with":
            obj = e[meta.with_index]
            if obj.has_property(name):
                u = obj.get(SYM.unscopables)
                if not (isinstance(u, JSObject) and to_boolean(u.get(name))):
                    return (obj, None)
        else:
            idx = meta.names.get(name)
            if idx is not None:
                return (e, idx)
            di = meta.eval_dict_index
            if di >= 0:
                d = e[di]
                if d is not None and name in d:
                    return (d, name)
        e = e[0]
    return None


def dyn_get(env, name: str, strict: bool = False):
    r = dyn_find(env, name)
    if r is None:
        return global_get(name)
    c, k = r
    if k is None:
        # GetBindingValue of an object environment checks HasProperty again (9.1.1.2.6)
        if not c.has_property(name):
            if strict:
                raise reference_error(f"{name} is not defined")
            return UNDEFINED
        return c.get(name, c)
    v = c[k]
    if v is UNINIT:
        raise reference_error(f"Cannot access '{name}' before initialization")
    return v


def dyn_typeof_get(env, name: str):
    r = dyn_find(env, name)
    if r is None:
        return global_typeof_get(name)
    c, k = r
    if k is None:
        return c.get(name, c)
    v = c[k]
    if v is UNINIT:
        raise reference_error(f"Cannot access '{name}' before initialization")
    return v


def dyn_get_with_this(env, name: str):
    """(value, this) for a call through a with-object (the object is the this value)."""
    r = dyn_find(env, name)
    if r is None:
        return global_get(name), UNDEFINED
    c, k = r
    if k is None:
        if not c.has_property(name):
            return UNDEFINED, c
        return c.get(name, c), c
    v = c[k]
    if v is UNINIT:
        raise reference_error(f"Cannot access '{name}' before initialization")
    return v, UNDEFINED


def dyn_set(env, name: str, value, strict: bool, init: bool = False) -> None:
    r = dyn_find(env, name)
    if r is None:
        return global_set(name, value, strict)
    c, k = r
    if k is None:
        if not c.has_property(name) and strict:
            raise reference_error(f"{name} is not defined")
        if not c.set(name, value, c) and strict:
            raise type_error(f"Cannot assign to read only property '{name}' of object")
        return
    if type(c) is dict:
        c[k] = value
        return
    meta = c[1]
    b = meta.bindings.get(name)
    if not init and c[k] is UNINIT:
        raise reference_error(f"Cannot access '{name}' before initialization")
    if b is not None and not init and b.is_const:
        if b.kind == "callee" and not strict:
            return
        raise type_error("Assignment to constant variable.")
    c[k] = value


def dyn_delete(env, name: str) -> bool:
    r = dyn_find(env, name)
    if r is None:
        return global_delete(name)
    c, k = r
    if k is None:
        return c.delete(name)
    if type(c) is dict:
        del c[k]
        return True
    return False


def find_var_env(env):
    """The nearest function (or eval-var) environment, or None for global code."""
    e = env
    while e is not None:
        meta = e[1]
        if meta.kind == "function" or meta.kind == "body":
            return e
        if meta.kind == "eval" and meta.strict:
            return e
        e = e[0]
    return None


__all__ = ["Completion", "FunctionCode", "JSCompiledFunction", "BREAK", "CONTINUE", "RETURN", "E", "DEFAULT"]
