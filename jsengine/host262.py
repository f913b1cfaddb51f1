"""The test262 host object ``$262`` (INTERPRETING.md "Host-Defined Functions") and ``print``.

Installed only by the conformance runner through ``Engine.install_test262_host()``.
"""

from __future__ import annotations

from .budget import AGENT as A
from .errors import JSSyntaxError, JSThrow
from .objects import C, W, JSObject, Prop
from .realm import arg, method
from .values import UNDEFINED


class HTMLDDA(JSObject):
    """An [[IsHTMLDDA]] object (B.3.6): typeof 'undefined', falsy, == null; callable returning null."""

    __slots__ = ()
    is_htmldda = True
    is_callable = True

    def call(self, this, args):
        return None


def make_262(engine):
    from .builtins.console import format_args
    from .compiler import compile_script, run_script

    realm = engine.realm
    o = JSObject(realm.ObjectPrototype)

    def create_realm(this, args):
        from .engine import Engine

        prev = A.realm
        try:
            other = Engine(budget=engine.budget, console=engine.console)
        finally:
            A.realm = prev
        other._parent = engine
        return make_262(other)

    def eval_script(this, args):
        from .ops import to_string

        src = to_string(arg(args, 0))
        try:
            cs = compile_script(src, "<evalScript>")
        except JSSyntaxError as e:
            raise JSThrow(kind="SyntaxError", msg=e.message) from None
        prev = A.realm
        A.realm = realm
        try:
            return run_script(cs, realm)
        finally:
            A.realm = prev

    def detach(this, args):
        buf = arg(args, 0)
        detach_fn = getattr(realm, "detach_array_buffer", None)
        if detach_fn is None:
            raise JSThrow(kind="TypeError", msg="ArrayBuffer is not supported")
        detach_fn(buf, arg(args, 1))
        return None

    def gc(this, args):
        import gc as _gc

        _gc.collect()
        return UNDEFINED

    method(realm, o, "createRealm", create_realm, 0)
    method(realm, o, "evalScript", eval_script, 1)
    method(realm, o, "detachArrayBuffer", detach, 1)
    method(realm, o, "gc", gc, 0)
    o.props["global"] = Prop(realm.global_obj, W | C)
    dda = HTMLDDA(realm.ObjectPrototype)
    o.props["IsHTMLDDA"] = Prop(dda, W | C)

    def print_(this, args):
        engine.write_console("log", format_args(args))
        return UNDEFINED

    realm.global_obj.props["print"] = Prop(method(realm, JSObject(None), "print", print_, 1), W | C)
    realm.global_obj.props["$262"] = Prop(o, W | C)
    return o


def install(engine) -> None:
    if engine.modules_root is None:
        engine.modules_root = "/"  # test262 fixtures are trusted files
    prev = A.realm
    A.realm = engine.realm
    try:
        make_262(engine)
    finally:
        A.realm = prev
