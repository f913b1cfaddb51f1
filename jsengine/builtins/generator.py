"""Generators (27.5), the generator/async function constructors and prototypes (27.3, 27.4, 27.7),
and %AsyncGeneratorPrototype% (27.6.1)."""

from __future__ import annotations

from ..budget import AGENT as A
from ..compiler.genmode import DEEP, GeneratorReturn, _Raw, resume_marked
from ..errors import JSThrow, type_error
from ..objects import C, JSObject, Prop
from ..ops import create_iter_result
from ..realm import arg, constructor, method
from ..values import SYM, UNDEFINED


class JSGenerator(JSObject):
    """A generator instance: a suspended Python generator running the compiled body."""

    __slots__ = ("func", "pygen", "state")
    kind = "Generator"


def start_generator(func, env):
    """Calling a generator function makes a generator object; the body waits for next()."""
    realm = func.realm
    proto = func.get("prototype")
    if not isinstance(proto, JSObject):
        proto = realm.GeneratorPrototype
    g = JSGenerator(proto)
    g.pygen = func.code.body(env)
    g.func = func
    g.state = "suspendedStart"
    return g


def generator_resume(g, value, mode: int):
    """GeneratorResume / GeneratorResumeAbrupt (27.5.3.3-4). mode: 0 next, 1 throw, 2 return."""

    if not isinstance(g, JSGenerator):
        from .iterator import incompatible

        raise incompatible(f"[Generator].prototype.{('next', 'throw', 'return')[mode]}", g)
    state = g.state
    if state == "executing":
        raise type_error("Generator is already running")
    if state == "suspendedStart" and mode != 0:
        g.state = state = "completed"
    if state == "completed":
        if mode == 0:
            return create_iter_result(UNDEFINED, True)
        if mode == 1:
            raise JSThrow(value)
        return create_iter_result(value, True)
    d = A.depth + 1  # resuming runs JS code: it counts as a call for the stack limit
    if d > A.max_depth:
        raise JSThrow(kind="RangeError", msg="Maximum call stack size exceeded")
    A.depth = d
    g.state = "executing"
    pygen = g.pygen
    self = g.func  # noqa: F841 - stack traces: this frame stands for a call of the generator function
    try:
        if mode == 0:
            v = None if state == "suspendedStart" else value
            y = pygen.send(v) if d < DEEP else resume_marked(pygen, 0, v)
        else:
            exc = JSThrow(value) if mode == 1 else GeneratorReturn(value)
            y = pygen.throw(exc) if d < DEEP else resume_marked(pygen, 1, exc)
    except StopIteration as s:
        g.state = "completed"
        return create_iter_result(s.value, True)
    except GeneratorReturn as r:
        g.state = "completed"
        return create_iter_result(r.value, True)
    except BaseException:
        g.state = "completed"
        raise
    finally:
        A.depth = d - 1
    g.state = "suspendedYield"
    if type(y) is _Raw:
        return y.result
    return create_iter_result(y, False)


def _register_stack_frames() -> None:
    """Resumptions are JS frames for stack traces (the local ``self`` names the function)."""
    from ..compiler import stack
    from . import promise

    stack._BOUNDARY_CODES.update((generator_resume.__code__, promise._async_step.__code__,
                                  promise._ag_step.__code__))


def setup(realm) -> None:
    from ..compiler.api import create_dynamic_function

    _register_stack_frames()
    # %GeneratorFunction.prototype% and %GeneratorPrototype% (27.3.3, 27.5.1)
    gen_fn_proto = JSObject(realm.FunctionPrototype)
    gen_proto = JSObject(realm.IteratorPrototype)
    realm.GeneratorFunctionPrototype = gen_fn_proto
    realm.GeneratorPrototype = gen_proto
    gen_fn_proto.props["prototype"] = Prop(gen_proto, C)
    gen_proto.props["constructor"] = Prop(gen_fn_proto, C)
    gen_fn_proto.props[SYM.toStringTag] = Prop("GeneratorFunction", C)
    method(realm, gen_proto, "next", lambda this, args: generator_resume(this, arg(args, 0), 0), 1)
    method(realm, gen_proto, "return", lambda this, args: generator_resume(this, arg(args, 0), 2), 1)
    method(realm, gen_proto, "throw", lambda this, args: generator_resume(this, arg(args, 0), 1), 1)
    gen_proto.props[SYM.toStringTag] = Prop("Generator", C)

    def dyn(kind):
        def call_(this, args):
            return create_dynamic_function(realm, kind, args, None)

        def construct_(args, new_target):
            return create_dynamic_function(realm, kind, args, new_target)
        return call_, construct_

    fn_ctor = getattr(realm, "Function", None)
    c, k = dyn("generator")
    gen_fn = constructor(realm, "GeneratorFunction", c, k, 1, None, fn_proto=fn_ctor)
    gen_fn.props["prototype"] = Prop(gen_fn_proto, 0)
    gen_fn_proto.props["constructor"] = Prop(gen_fn, C)
    realm.GeneratorFunction = gen_fn

    # %AsyncFunction% (27.7)
    async_fn_proto = JSObject(realm.FunctionPrototype)
    async_fn_proto.props[SYM.toStringTag] = Prop("AsyncFunction", C)
    realm.AsyncFunctionPrototype = async_fn_proto
    c, k = dyn("async")
    async_fn = constructor(realm, "AsyncFunction", c, k, 1, None, fn_proto=fn_ctor)
    async_fn.props["prototype"] = Prop(async_fn_proto, 0)
    async_fn_proto.props["constructor"] = Prop(async_fn, C)
    realm.AsyncFunction = async_fn

    # %AsyncGeneratorFunction% and %AsyncGeneratorPrototype% (27.4, 27.6)
    from .promise import _ag_enqueue

    ag_fn_proto = JSObject(realm.FunctionPrototype)
    ag_proto = JSObject(getattr(realm, "AsyncIteratorPrototype", realm.ObjectPrototype))
    realm.AsyncGeneratorFunctionPrototype = ag_fn_proto
    realm.AsyncGeneratorPrototype = ag_proto
    ag_fn_proto.props["prototype"] = Prop(ag_proto, C)
    ag_proto.props["constructor"] = Prop(ag_fn_proto, C)
    ag_fn_proto.props[SYM.toStringTag] = Prop("AsyncGeneratorFunction", C)
    method(realm, ag_proto, "next", lambda this, args: _ag_enqueue(this, "next", arg(args, 0), realm), 1)
    method(realm, ag_proto, "return", lambda this, args: _ag_enqueue(this, "return", arg(args, 0), realm), 1)
    method(realm, ag_proto, "throw", lambda this, args: _ag_enqueue(this, "throw", arg(args, 0), realm), 1)
    ag_proto.props[SYM.toStringTag] = Prop("AsyncGenerator", C)
    c, k = dyn("asyncGenerator")
    ag_fn = constructor(realm, "AsyncGeneratorFunction", c, k, 1, None, fn_proto=fn_ctor)
    ag_fn.props["prototype"] = Prop(ag_fn_proto, 0)
    ag_fn_proto.props["constructor"] = Prop(ag_fn, C)
    realm.AsyncGeneratorFunction = ag_fn
