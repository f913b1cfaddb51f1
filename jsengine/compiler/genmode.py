"""The second compile mode: generator and async function bodies as Python generators.

Only nodes that contain ``yield``/``await`` (not counting nested functions) are compiled in this mode:
their closures are Python generator functions driven with ``yield from``; everything else inside a
generator body is compiled exactly as in ordinary functions, so ordinary code keeps its speed and a
suspended JS generator is a suspended Python generator (no thread per generator).

Resumption: ``send(v)`` continues normally, ``throw(JSThrow)`` throws at the yield point, and
``throw(GeneratorReturn(v))`` performs a return completion there (finally blocks run; catch does not).
In async generators the Python generator yields (YIELD, v) or (AWAIT, v); in async functions it yields
the awaited value.
"""

from __future__ import annotations

from .. import ops
from ..budget import AGENT as A
from ..errors import JSThrow, type_error
from ..objects import MISSING, Desc, JSArray, JSObject
from ..ops import to_boolean, to_property_key
from ..values import HOLE, SYM, UNDEFINED, UNINIT, JSSymbol
from .runtime import RETURN, Completion
from .scope import iter_children

YIELD, AWAIT = 0, 1


class GeneratorReturn(Exception):
    """A return completion injected at a yield point (generator.return(v))."""

    def __init__(self, value) -> None:
        super().__init__()
        self.value = value


class Resuming(Exception):
    """Raised and caught around each resumption of a compiled body (``raise RESUMING`` / ``except
    Resuming``). CPython looks for the exception being handled on every raise, StopIteration included,
    by walking the exception state of every running generator frame until one is handling something;
    with this one handled at each resumption, the walk stops at the caller instead of crossing every
    suspended level below, which made deep generator and async recursion quadratic."""


RESUMING = Resuming()
DEEP = 64  # JS call depth from which resumptions use resume_marked


def resume_marked(pygen, mode: int, value):
    """``pygen.send(value)`` (mode 0) or ``pygen.throw(value)`` while RESUMING is being handled: used
    deep in the stack only, where the walk it cuts short is long (it costs ~0.3 us)."""
    try:
        raise RESUMING
    except Resuming:
        RESUMING.__traceback__ = RESUMING.__context__ = None
        if mode == 0:
            return pygen.send(value)
        return pygen.throw(value)


def suspends(node) -> bool:
    """Does ``node`` contain yield/await outside nested functions? (cached on the node)"""
    c = node.__dict__.get("_susp")
    if c is not None:
        return c
    t = node.type
    if t in ("YieldExpression", "AwaitExpression"):
        r = True
    elif t in ("FunctionExpression", "FunctionDeclaration", "ArrowFunctionExpression"):
        r = False
    elif t == "ForOfStatement" and getattr(node, "allowAwait", False):
        r = True
    elif t in ("ClassExpression", "ClassDeclaration"):
        r = any(suspends(c) for c in _class_parts(node))
    else:
        r = any(suspends(c) for c in iter_children(node))
    node.__dict__["_susp"] = r
    return r


def _class_parts(node):
    if node.superClass is not None:
        yield node.superClass
    for m in node.body.body:
        if m.computed:
            yield m.key


def _mark_async_gen_returns(node) -> None:
    """`return expr` in an async generator awaits expr (15.x ReturnStatement evaluation), so it
    suspends: mark those statements (not in nested functions) before anything asks ``suspends``."""
    t = node.type
    if t in ("FunctionExpression", "FunctionDeclaration", "ArrowFunctionExpression"):
        return
    if t == "ReturnStatement" and node.argument is not None:
        node.__dict__["_susp"] = True
        return
    for c in iter_children(node):
        _mark_async_gen_returns(c)


def _plain_gen(f):
    """A plain closure as a generator function (for mixing with suspending siblings)."""
    def g(env):
        return f(env)
        yield
    return g


class GenMixin:
    """Generator-mode compilation, mixed into Compiler."""

    # -- entry --------------------------------------------------------------------------------------
    def gen_body(self, stmts):
        """A generator function ``body(env)`` whose return value is the JS return value."""
        code = self.fn_code
        if code is not None and code.is_async and code.generator:
            for st in stmts:
                _mark_async_gen_returns(st)
        run = self.g_list(stmts)

        def gbody(env):
            r = yield from run(env)
            if r is None:
                return UNDEFINED
            return r.value
        return gbody

    def gen_expr_body(self, node):
        f = self.gv(node)

        def gbody(env):
            return (yield from f(env))
        return gbody

    def gv(self, node):
        """A generator-function closure for an expression (plain ones wrapped)."""
        if not suspends(node):
            return _plain_gen(self.expr(node))
        m = getattr(self, "g_" + node.type, None)
        if m is None:
            raise self.err(f"'yield'/'await' is not supported inside {node.type} yet", node)
        return m(node)

    def g_list(self, stmts):
        items = []
        for st in stmts:
            if suspends(st):
                items.append((True, self.gstmt(st)))
            else:
                f = self.stmt(st)
                if f is not None:
                    items.append((False, f))
        items_t = tuple(items)

        def glist(env):
            for is_gen, f in items_t:
                if is_gen:
                    r = yield from f(env)
                else:
                    r = f(env)
                if r is not None:
                    return r
            return None
        return glist

    def gstmt(self, node):
        """A generator-function closure for a statement that suspends."""
        m = getattr(self, "gs_" + node.type, None)
        if m is None:
            raise self.err(f"'yield'/'await' is not supported inside {node.type} yet", node)
        return m(node)

    def gsub(self, node):
        """Sub-statement: (generator closure) whether or not it suspends."""
        if suspends(node):
            return self.gstmt(node)
        f = self.sub_stmt(node) or (lambda env: None)
        return _plain_gen(f)

    # -- yield / await ------------------------------------------------------------------------------
    def g_YieldExpression(self, node):
        arg = self.gv(node.argument) if node.argument is not None else None
        is_async = self.fn_code.is_async
        if node.delegate:
            return self.yield_star(arg, is_async)
        if is_async:
            def g_yield_async(env):
                v = UNDEFINED if arg is None else (yield from arg(env))
                v = yield (AWAIT, v)
                return (yield (YIELD, v))
            return g_yield_async

        def g_yield(env):
            v = UNDEFINED if arg is None else (yield from arg(env))
            return (yield v)
        return g_yield

    def g_AwaitExpression(self, node):
        arg = self.gv(node.argument)

        def g_await(env):
            v = yield from arg(env)
            return (yield (AWAIT, v))
        return g_await

    def yield_star(self, arg, is_async: bool):
        """yield* (15.5.5): forward next/throw/return to the inner iterator."""
        def g_yield_star(env):
            iterable = yield from arg(env)
            if is_async:
                rec = yield from async_get_iterator_gen(iterable)
            else:
                rec = get_iterator_v8(iterable)
            it = rec.iterator
            received = UNDEFINED
            mode = "next"
            while True:
                if mode == "next":
                    r = ops.call(rec.next_method, it, [received])
                elif mode == "throw":
                    th = ops.get_method(it, "throw")
                    if th is UNDEFINED:
                        # protocol violation: close the iterator, then TypeError
                        if is_async:
                            yield from async_iterator_close_gen(rec)
                        else:
                            ops.iterator_close(rec)
                        raise type_error("The iterator does not provide a 'throw' method.")
                    r = ops.call(th, it, [received])
                else:
                    ret = ops.get_method(it, "return")
                    if ret is UNDEFINED:
                        if is_async:
                            received = yield (AWAIT, received)
                        raise GeneratorReturn(received)
                    r = ops.call(ret, it, [received])
                if is_async:
                    r = yield (AWAIT, r)
                if not isinstance(r, JSObject):
                    raise type_error(f"Iterator result {ops.to_display_string(r)} is not an object")
                done = to_boolean(r.get("done"))
                if done:
                    value = r.get("value")
                    if mode == "return":
                        raise GeneratorReturn(value)
                    return value
                out = (YIELD, r.get("value")) if is_async else _Raw(r)
                try:
                    received = yield out
                    mode = "next"
                except JSThrow as e:
                    received = e.get_value(A.realm)
                    mode = "throw"
                except GeneratorReturn as gr:
                    received = gr.value
                    mode = "return"
        return g_yield_star

    # -- expressions containing yield/await ---------------------------------------------------------
    def g_SequenceExpression(self, node):
        fs = [self.gv(e) for e in node.expressions]

        def g_seq(env):
            v = UNDEFINED
            for f in fs:
                v = yield from f(env)
            return v
        return g_seq

    def g_ConditionalExpression(self, node):
        t = self.gv(node.test)
        a = self.gv(node.consequent)
        b = self.gv(node.alternate)

        def g_cond(env):
            if to_boolean((yield from t(env))):
                return (yield from a(env))
            return (yield from b(env))
        return g_cond

    def g_LogicalExpression(self, node):
        a = self.gv(node.left)
        b = self.gv(node.right)
        op = node.operator

        def g_logical(env):
            v = yield from a(env)
            if op == "&&":
                if not to_boolean(v):
                    return v
            elif op == "||":
                if to_boolean(v):
                    return v
            elif not (v is None or v is UNDEFINED):
                return v
            return (yield from b(env))
        return g_logical

    def g_BinaryExpression(self, node):
        from .codegen import apply_binop

        a = self.gv(node.left)
        b = self.gv(node.right)
        op = node.operator
        plain = self.compare_fn(op) if op in ("<", ">", "<=", ">=", "===", "!==", "==", "!=", "instanceof", "in") else None

        def g_binary(env):
            x = yield from a(env)
            y = yield from b(env)
            if plain is not None:
                return plain(x, y)
            return apply_binop(op, x, y)
        return g_binary

    def compare_fn(self, op):
        from ..ops import instance_of, less_than, loose_equals, strict_equals

        if op == "<":
            return lambda x, y: less_than(x, y, True) is True
        if op == ">":
            return lambda x, y: less_than(y, x, False) is True
        if op == "<=":
            return lambda x, y: less_than(y, x, False) is False
        if op == ">=":
            return lambda x, y: less_than(x, y, True) is False
        if op == "===":
            return strict_equals
        if op == "!==":
            return lambda x, y: not strict_equals(x, y)
        if op == "==":
            return loose_equals
        if op == "!=":
            return lambda x, y: not loose_equals(x, y)
        if op == "instanceof":
            return instance_of

        def in_op(k, o):
            if not isinstance(o, JSObject):
                raise type_error("Cannot use 'in' operator to search for a key in a non-object")
            return o.has_property(to_property_key(k))
        return in_op

    def g_UnaryExpression(self, node):
        op = node.operator
        if op == "delete":
            return self.g_delete(node)
        arg = self.gv(node.argument)
        from ..ops import js_neg, to_int32, to_number, to_numeric, typeof
        from ..values import JSBigInt

        def g_unary(env):
            v = yield from arg(env)
            if op == "!":
                return not to_boolean(v)
            if op == "typeof":
                return typeof(v)
            if op == "void":
                return UNDEFINED
            if op == "+":
                return to_number(v)
            v = to_numeric(v)
            if op == "-":
                return JSBigInt(-v.value) if type(v) is JSBigInt else js_neg(v)
            return JSBigInt(~v.value) if type(v) is JSBigInt else ~to_int32(v)
        return g_unary

    def g_TemplateLiteral(self, node):
        parts = []
        from ..ops import to_string
        from ..values import to_utf16

        for i, q in enumerate(node.quasis):
            if q.value.cooked is None:
                raise self.err("Invalid escape sequence in template", q)
            parts.append(to_utf16(q.value.cooked))
            if i < len(node.expressions):
                parts.append(self.gv(node.expressions[i]))

        def g_template(env):
            out = []
            for p in parts:
                if type(p) is str:
                    out.append(p)
                else:
                    out.append(to_string((yield from p(env))))
            return "".join(out)
        return g_template

    def g_ArrayExpression(self, node):
        items = []
        for el in node.elements:
            if el is None:
                items.append(None)
            elif el.type == "SpreadElement":
                items.append(("spread", self.gv(el.argument)))
            else:
                items.append(("one", self.gv(el)))

        def g_array(env):
            out = []
            for it in items:
                if it is None:
                    out.append(HOLE)
                elif it[0] == "spread":
                    out.extend(ops.iterate_to_list((yield from it[1](env))))
                else:
                    out.append((yield from it[1](env)))
            return JSArray(A.realm.ArrayPrototype, out)
        return g_array

    def g_ObjectExpression(self, node):
        from .codegen import copy_data_properties, is_anonymous_fn, set_function_name

        steps = []
        for p in node.properties:
            if p.type == "SpreadElement":
                steps.append(("spread", None, self.gv(p.argument), False))
                continue
            if p.kind != "init" or p.method:
                if suspends(p.value) or (p.computed and suspends(p.key)):
                    pass
                keyf = self.gv(p.key) if p.computed else None
                key = None if p.computed else self.static_key(p.key)
                maker = self.function_maker(p.value, method=True,
                                            kind=("get" if p.kind == "get" else "set" if p.kind == "set" else "method"))
                steps.append((p.kind if p.kind in ("get", "set") else "method", key, keyf, maker))
                continue
            if not p.computed and not p.shorthand and self.static_key(p.key) == "__proto__":
                steps.append(("proto", None, self.gv(p.value), False))
                continue
            keyf = self.gv(p.key) if p.computed else None
            key = None if p.computed else self.static_key(p.key)
            steps.append(("init", key, keyf, self.gv(p.value), is_anonymous_fn(p.value)))

        def g_object(env):

            o = JSObject(A.realm.ObjectPrototype)
            for st in steps:
                kind = st[0]
                if kind == "spread":
                    copy_data_properties(o, (yield from st[2](env)), set())
                    continue
                if kind == "proto":
                    v = yield from st[2](env)
                    if v is None or isinstance(v, JSObject):
                        o.proto = v
                    continue
                k = st[1] if st[2] is None else to_property_key((yield from st[2](env)))
                if kind == "init":
                    v = yield from st[3](env)
                    if st[4]:
                        set_function_name(v, k)
                    ops.create_data_property_or_throw(o, k, v)
                else:
                    f = st[3](env, o)
                    if kind == "method":
                        set_function_name(f, k)
                        o.define_own_property(k, Desc(value=f, writable=True, enumerable=True, configurable=True))
                    else:
                        set_function_name(f, k, kind)
                        if kind == "get":
                            o.define_own_property(k, Desc(get=f, enumerable=True, configurable=True))
                        else:
                            o.define_own_property(k, Desc(set=f, enumerable=True, configurable=True))
            return o
        return g_object

    def g_args(self, arguments):
        items = [(a.type == "SpreadElement", self.gv(a.argument if a.type == "SpreadElement" else a))
                 for a in arguments]

        def g_arglist(env):
            out = []
            for sp, f in items:
                v = yield from f(env)
                if sp:
                    out.extend(ops.iterate_to_list(v))
                else:
                    out.append(v)
            return out
        return g_arglist

    def g_callee(self, callee):
        """Generator closure returning (function, this); in an optional chain, (SHORT, None) when
        the chain short-circuits."""
        from .codegen import SHORT, index_get, member_get

        if not suspends(callee):
            cw = self.callee_with_this(callee)

            def g_cw_plain(env):
                return cw(env)
                yield
            return g_cw_plain
        if callee.type == "MemberExpression":
            keyf = self.gv(callee.property) if callee.computed else None
            key = None if callee.computed else callee.property.name
            if callee.object.type == "Super":
                home_f = self.special_get(callee, "%home")
                this_f = self.special_get(callee, "%this")

                def g_cw_super(env):
                    this = this_f(env)
                    k = key if keyf is None else to_property_key((yield from keyf(env)))
                    return home_f(env).get_prototype_of().get(k, this), this
                return g_cw_super
            objf = self.gv(callee.object)
            optional = getattr(callee, "optional", False)
            in_chain = getattr(callee, "_in_chain", False)

            def g_cw(env):
                o = yield from objf(env)
                if in_chain and (o is SHORT or (optional and (o is None or o is UNDEFINED))):
                    return SHORT, None
                if keyf is not None:
                    return index_get(o, (yield from keyf(env))), o
                return member_get(o, key), o
            return g_cw
        if callee.type == "ChainExpression":
            from .codegen import mark_chain

            mark_chain(callee.expression)
            inner = self.g_callee(callee.expression)

            def g_cw_chain(env):
                f, this = yield from inner(env)
                if f is SHORT:
                    return UNDEFINED, UNDEFINED
                return f, this
            return g_cw_chain
        f = self.gv(callee)

        def g_cw_value(env):
            return (yield from f(env)), UNDEFINED
        return g_cw_value

    def g_CallExpression(self, node):
        from .codegen import SHORT

        if node.callee.type == "Super":
            return self.g_super_call(node)
        optional = getattr(node, "optional", False)
        in_chain = getattr(node, "_in_chain", False)
        cw = self.g_callee(node.callee)
        argsf = self.g_args(node.arguments)
        text = self.callee_text(node)
        direct_eval = getattr(node, "maybe_direct_eval", False)
        if direct_eval:
            scope = self.scope
            strict = self.strict
            fcode = self.fn_code
            in_params = bool(node.__dict__.get("eval_in_params"))
            referrer = self.referrer

        def g_call(env):
            f, this = yield from cw(env)
            if in_chain and (f is SHORT or (optional and (f is None or f is UNDEFINED))):
                return SHORT
            args = yield from argsf(env)
            if direct_eval and f is getattr(A.realm, "eval_fn", None):
                if not args:
                    return UNDEFINED
                from .api import perform_eval

                return perform_eval(args[0], A.realm, strict, env, scope, fcode, in_params, referrer)
            if isinstance(f, JSObject) and f.is_callable:
                return f.call(this, args)
            raise type_error(f"{text} is not a function")
        return g_call

    def g_NewExpression(self, node):
        cf = self.gv(node.callee)
        argsf = self.g_args(node.arguments)
        text = self.text(node.callee)

        def g_new(env):
            c = yield from cf(env)
            args = yield from argsf(env)
            if isinstance(c, JSObject) and c.is_constructor:
                return c.construct(args, c)
            raise type_error(f"{text} is not a constructor")
        return g_new

    def g_MemberExpression(self, node):
        from .codegen import SHORT, index_get, member_get

        if node.object.type == "Super":
            keyf = self.gv(node.property)
            home_f = self.special_get(node, "%home")
            this_f = self.special_get(node, "%this")

            def g_super_member(env):
                this = this_f(env)
                k = to_property_key((yield from keyf(env)))
                return home_f(env).get_prototype_of().get(k, this)
            return g_super_member
        objf = self.gv(node.object)
        keyf = self.gv(node.property) if node.computed else None
        key = None if node.computed else node.property.name
        optional = getattr(node, "optional", False)
        in_chain = getattr(node, "_in_chain", False)

        def g_member(env):
            o = yield from objf(env)
            if in_chain and (o is SHORT or (optional and (o is None or o is UNDEFINED))):
                return SHORT
            if keyf is not None:
                return index_get(o, (yield from keyf(env)))
            return member_get(o, key)
        return g_member

    def g_ImportExpression(self, node):
        src = self.gv(node.source)
        referrer = self.referrer

        def g_import(env):
            from ..modules import dynamic_import

            return dynamic_import(referrer, (yield from src(env)))
        return g_import

    def g_ClassExpression(self, node):
        return self.g_class(node)

    def gs_ClassDeclaration(self, node):
        mk = self.g_class(node)
        put = self.ident_set(node.id, init=True)

        def gs_class_decl(env):
            put(env, (yield from mk(env)))
        return gs_class_decl

    def g_class(self, node):
        """A class whose heritage or computed keys contain yield/await: those expressions (and every
        computed key, to keep the order) run first in the generator, in source order, keys converted
        with ToPropertyKey; the ordinary class compiler then reads the values back."""
        cscope = node.scope
        parts = []
        if node.superClass is not None:
            parts.append((False, node.superClass))
        for m in node.body.body:
            if m.computed:
                parts.append((True, m.key))
        with self.with_scope(cscope):
            fs = tuple((is_key, self.gv(n)) for is_key, n in parts)
            name = node.id.name if node.id is not None else ""
            nb = cscope.bindings.get(name) if name else None
            tdz_slot = None
            if nb is not None and not cscope.has_env:
                tdz_slot = (self.env_of(self.hops_to(nb.env_scope)), nb.index)
        stack: list = []
        saved_super = node.superClass
        saved_keys = [m.key for m in node.body.body]
        i = 0
        if node.superClass is not None:
            node.superClass = _Precomputed(stack, 0, saved_super)
            i = 1
        for m in node.body.body:
            if m.computed:
                m.key = _Precomputed(stack, i, m.key)
                i += 1
        try:
            make_class = self.class_def(node)
        finally:
            node.superClass = saved_super
            for m, k in zip(node.body.body, saved_keys):
                m.key = k
        has_env = cscope.has_env
        size = cscope.size

        def g_class_eval(env):
            if has_env:
                cenv = [env, cscope] + [UNINIT] * (size - 2)
            else:
                cenv = env
                if tdz_slot is not None:
                    tdz_slot[0](env)[tdz_slot[1]] = UNINIT
            values = []
            for is_key, f in fs:
                v = yield from f(cenv)
                values.append(to_property_key(v) if is_key else v)
            stack.append(values)
            try:
                return make_class(env)
            finally:
                stack.pop()
        return g_class_eval

    def e_GenPrecomputed(self, node):
        stack, i = node.stack, node.index
        return lambda env: stack[-1][i]

    def g_AssignmentExpression(self, node):
        from .codegen import (
            apply_binop,
            index_get,
            is_anonymous_fn,
            member_get,
            member_set,
            set_function_name,
            to_key_fast,
        )

        left = node.left
        op = node.operator
        rhs = self.gv(node.right)
        strict = self.strict
        if left.type == "Identifier":
            put = self.ident_set(left)
            get = self.ident_get(left)
            anon = is_anonymous_fn(node.right)
            name = left.name

            def g_assign_ident(env):
                if op == "=":
                    v = yield from rhs(env)
                else:
                    cur = get(env)
                    if op in ("&&=", "||=", "??="):
                        b = op[:-1]
                        if (b == "&&" and not to_boolean(cur)) or (b == "||" and to_boolean(cur)) or (
                                b == "??" and not (cur is None or cur is UNDEFINED)):
                            return cur
                        v = yield from rhs(env)
                    else:
                        v = apply_binop(op[:-1], cur, (yield from rhs(env)))
                if anon:
                    set_function_name(v, name)
                put(env, v)
                return v
            return g_assign_ident
        if left.type == "MemberExpression" and left.object.type != "Super":
            objf = self.gv(left.object)
            keyf = self.gv(left.property) if left.computed else None
            key = None if left.computed else left.property.name

            def g_assign_member(env):
                o = yield from objf(env)
                k = key if keyf is None else to_key_fast((yield from keyf(env)))
                if op == "=":
                    v = yield from rhs(env)
                else:
                    cur = member_get(o, k)
                    if op in ("&&=", "||=", "??="):
                        b = op[:-1]
                        if (b == "&&" and not to_boolean(cur)) or (b == "||" and to_boolean(cur)) or (
                                b == "??" and not (cur is None or cur is UNDEFINED)):
                            return cur
                        v = yield from rhs(env)
                    else:
                        v = apply_binop(op[:-1], cur, (yield from rhs(env)))
                member_set(o, k, v, strict)
                return v
            del index_get
            return g_assign_member
        if left.type in ("ObjectPattern", "ArrayPattern") and op == "=":
            bind = self.g_pattern(left, "assign")

            def g_destructure(env):
                v = yield from rhs(env)
                yield from bind(env, v)
                return v
            return g_destructure
        if left.type == "MemberExpression":  # super[k] = v, super.x op= v
            from .codegen import apply_binop as _binop

            keyf = self.gv(left.property) if left.computed else None
            key = None if left.computed else left.property.name
            home_f = self.special_get(left, "%home")
            this_f = self.special_get(left, "%this")

            def g_assign_super(env):
                this = this_f(env)
                k = key if keyf is None else to_property_key((yield from keyf(env)))
                home = home_f(env)
                if op == "=":
                    v = yield from rhs(env)
                else:
                    cur = home.get_prototype_of().get(k, this)
                    if op in ("&&=", "||=", "??="):
                        b = op[:-1]
                        if (b == "&&" and not to_boolean(cur)) or (b == "||" and to_boolean(cur)) or (
                                b == "??" and not (cur is None or cur is UNDEFINED)):
                            return cur
                        v = yield from rhs(env)
                    else:
                        v = _binop(op[:-1], cur, (yield from rhs(env)))
                if not home.get_prototype_of().set(k, v, this) and strict:
                    raise ops.set_failure(this, k)
                return v
            return g_assign_super
        raise self.err("'yield'/'await' in this assignment is not supported yet", node)

    def g_UpdateExpression(self, node):
        from .codegen import _inc_slow, member_get, member_set

        arg = node.argument
        if arg.type != "MemberExpression" or arg.object.type == "Super":
            raise self.err("'yield'/'await' in this update expression is not supported yet", node)
        objf = self.gv(arg.object)
        keyf = self.gv(arg.property) if arg.computed else None
        key = None if arg.computed else arg.property.name
        delta = 1 if node.operator == "++" else -1
        prefix = node.prefix
        strict = self.strict

        def g_update(env):
            o = yield from objf(env)
            k = key if keyf is None else to_property_key((yield from keyf(env)))
            old, new = _inc_slow(member_get(o, k), delta)
            member_set(o, k, new, strict)
            return new if prefix else old
        return g_update

    # -- statements ---------------------------------------------------------------------------------
    def gs_ExpressionStatement(self, node):
        f = self.gv(node.expression)

        def gs_expr(env):
            yield from f(env)
        return gs_expr

    def gs_VariableDeclaration(self, node):
        from .codegen import is_anonymous_fn, set_function_name

        steps = []
        kind = node.kind
        for d in node.declarations:
            if d.init is None:
                if kind == "var":
                    continue
                put = self.ident_set(d.id, init=True)
                steps.append((None, put, False, None))
                continue
            init = self.gv(d.init)
            if d.id.type == "Identifier":
                init_mode = kind != "var" or not (d.id.ref.dynamic or d.id.ref.binding is None)
                put = self.ident_set(d.id, init=init_mode)
                steps.append((init, put, is_anonymous_fn(d.init), d.id.name))
            else:
                steps.append((init, self.g_pattern(d.id, "init" if kind != "var" else "var"), False, True))

        def gs_var(env):
            for init, put, anon, name in steps:
                v = UNDEFINED if init is None else (yield from init(env))
                if name is True:
                    yield from put(env, v)
                    continue
                if anon:
                    set_function_name(v, name)
                put(env, v)
        return gs_var

    def gs_ReturnStatement(self, node):
        f = self.gv(node.argument)
        if self.fn_code.is_async and self.fn_code.generator:
            def gs_return_await(env):
                v = yield from f(env)
                v = yield (AWAIT, v)
                return Completion(RETURN, v)
            return gs_return_await

        def gs_return(env):
            v = yield from f(env)
            return Completion(RETURN, v)
        return gs_return

    def gs_ThrowStatement(self, node):
        f = self.gv(node.argument)

        def gs_throw(env):
            raise JSThrow((yield from f(env)))
        return gs_throw

    def gs_IfStatement(self, node):
        t = self.gv(node.test)
        a = self.gsub(node.consequent)
        b = self.gsub(node.alternate) if node.alternate is not None else None

        def gs_if(env):
            if to_boolean((yield from t(env))):
                return (yield from a(env))
            if b is not None:
                return (yield from b(env))
            return None
        return gs_if

    def gs_BlockStatement(self, node):
        s = getattr(node, "scope", None)
        with self.with_scope(s):
            body = self.g_list(node.body)
            enter = self.block_enter(s) if s is not None else None

        def gs_block(env):
            return (yield from body(env if enter is None else enter(env)))
        return gs_block

    def gs_LabeledStatement(self, node):
        from .codegen import Target

        label = node.label.name
        body = node.body
        if body.type in ("ForStatement", "ForInStatement", "ForOfStatement", "WhileStatement",
                         "DoWhileStatement", "LabeledStatement"):
            self.pending_labels.append(label)
            return self.gstmt(body)
        tgt = Target(self.pending_labels + [label], False)
        self.pending_labels = []
        self.targets.append(tgt)
        try:
            inner = self.gsub(body)
        finally:
            self.targets.pop()
        brk = tgt.brk

        def gs_labeled(env):
            r = yield from inner(env)
            return None if r is brk else r
        return gs_labeled

    def g_loop_body(self, tgt, body_node):
        self.targets.append(tgt)
        try:
            return self.gsub(body_node)
        finally:
            self.targets.pop()

    def gs_WhileStatement(self, node):
        tgt = self.loop_target()
        t = self.gv(node.test)
        body = self.g_loop_body(tgt, node.body)
        brk, cont = tgt.brk, tgt.cont

        def gs_while(env):
            while to_boolean((yield from t(env))):
                A.ticks -= 1
                if A.ticks < 0:
                    A.tick()
                r = yield from body(env)
                if r is not None:
                    if r is brk:
                        break
                    if r is not cont:
                        return r
            return None
        return gs_while

    def gs_DoWhileStatement(self, node):
        tgt = self.loop_target()
        t = self.gv(node.test)
        body = self.g_loop_body(tgt, node.body)
        brk, cont = tgt.brk, tgt.cont

        def gs_do(env):
            while True:
                A.ticks -= 1
                if A.ticks < 0:
                    A.tick()
                r = yield from body(env)
                if r is not None:
                    if r is brk:
                        break
                    if r is not cont:
                        return r
                if not to_boolean((yield from t(env))):
                    break
            return None
        return gs_do

    def gs_ForStatement(self, node):
        s = node.scope
        with self.with_scope(s):
            tgt = self.loop_target()
            init = None
            if node.init is not None:
                if node.init.type == "VariableDeclaration":
                    init = self.gstmt(node.init) if suspends(node.init) else _plain_gen(self.stmt(node.init) or (lambda env: None))
                else:
                    ie = self.gv(node.init)
                    init = ie
            test = self.gv(node.test) if node.test is not None else None
            update = self.gv(node.update) if node.update is not None else None
            body = self.g_loop_body(tgt, node.body)
            brk, cont = tgt.brk, tgt.cont
            per_iter = s.has_env and node.init is not None and node.init.type == "VariableDeclaration" \
                and node.init.kind == "let"
            template = [None, s] + [UNINIT] * (s.size - 2) if s.has_env else None
            has_env = s.has_env

        def gs_for(env):
            if has_env:
                e = template[:]
                e[0] = env
            else:
                e = env
            if init is not None:
                yield from init(e)
            if per_iter:
                e = e[:]
            while True:
                if test is not None and not to_boolean((yield from test(e))):
                    break
                A.ticks -= 1
                if A.ticks < 0:
                    A.tick()
                r = yield from body(e)
                if r is not None:
                    if r is brk:
                        break
                    if r is not cont:
                        return r
                if per_iter:
                    e = e[:]
                if update is not None:
                    yield from update(e)
            return None
        return gs_for

    def gs_ForInStatement(self, node):
        return self.g_for_in_of(node, False)

    def gs_ForOfStatement(self, node):
        return self.g_for_in_of(node, True)

    def g_for_in_of(self, node, is_of: bool):
        from .codegen import enumerate_keys

        s = node.scope
        is_await = bool(getattr(node, "allowAwait", False))
        with self.with_scope(s):
            tgt = self.loop_target()
            decl = None
            if suspends(node.left):
                gbind, lexical, g_init = self.g_for_head(node)
                bind = None
            else:
                g_init = None
                bind, lexical, decl = self.for_in_of_target(node)
                gbind = None
            rhs = self.gv(node.right)
            iter_text = callsite_text(node.right, self.source)
            if node.right.type == "CallExpression":
                iter_text = iter_text + " is not a function or its return value"
            body = self.g_loop_body(tgt, node.body)
            brk, cont = tgt.brk, tgt.cont
            has_env = s.has_env
            template = [None, s] + [UNINIT] * (s.size - 2) if has_env else None
            # lexical bindings kept in the function's frame go back to TDZ for each iteration
            resets = tuple(b.index for b in s.bindings.values()) if (not has_env and lexical) else ()
            up = self.env_of(self.hops_to_from(s, s.func)) if resets else None
            var_init = None
            if bind is not None and decl is not None and decl.init is not None:
                var_init = self.gv(decl.init)

        def iteration_env(env):
            if has_env:
                e = template[:]
                e[0] = env
                return e
            if resets:
                fe = up(env)
                for i in resets:
                    fe[i] = UNINIT
            return env

        def gs_for_in_of(env):
            if var_init is not None:  # for (var x = init in o), sloppy Annex B
                bind(env, (yield from var_init(env)))
            elif g_init is not None:
                yield from gbind(env, (yield from g_init(env)))
            v = yield from rhs(iteration_env(env) if lexical else env)
            if not is_of:
                if v is None or v is UNDEFINED:
                    return None
                for k in enumerate_keys(ops.to_object(v)):
                    A.ticks -= 1
                    if A.ticks < 0:
                        A.tick()
                    e = iteration_env(env) if lexical else env
                    if gbind is not None:
                        yield from gbind(e, k)
                    else:
                        bind(e, k)
                    r = yield from body(e)
                    if r is not None:
                        if r is brk:
                            break
                        if r is not cont:
                            return r
                return None
            if is_await:
                rec = yield from async_get_iterator_gen(v, iter_text)
            else:
                rec = ops.get_iterator(v)
            while True:
                A.ticks -= 1
                if A.ticks < 0:
                    A.tick()
                if is_await:
                    res = ops.call(rec.next_method, rec.iterator, [])
                    res = yield (AWAIT, res)
                    if not isinstance(res, JSObject):
                        raise type_error(f"Iterator result {ops.to_display_string(res)} is not an object")
                    if to_boolean(res.get("done")):
                        return None
                    x = res.get("value")
                else:
                    x = ops.iterator_step(rec)
                    if x is MISSING:
                        return None
                e = iteration_env(env) if lexical else env
                try:
                    if gbind is not None:
                        yield from gbind(e, x)
                    else:
                        bind(e, x)
                    r = yield from body(e)
                except JSThrow as exc:
                    if is_await:
                        yield from async_iterator_close_gen(rec, exc)
                    else:
                        ops.iterator_close(rec, exc)
                    raise
                except GeneratorReturn:
                    if is_await:
                        yield from async_iterator_close_gen(rec)
                    else:
                        ops.iterator_close(rec)
                    raise
                if r is not None:
                    if r is brk:
                        if is_await:
                            yield from async_iterator_close_gen(rec)
                        else:
                            ops.iterator_close(rec)
                        return None
                    if r is not cont:
                        if is_await:
                            yield from async_iterator_close_gen(rec)
                        else:
                            ops.iterator_close(rec)
                        return r
        return gs_for_in_of

    def gs_SwitchStatement(self, node):
        from ..ops import strict_equals
        from .codegen import Target

        disc = self.gv(node.discriminant)
        s = node.scope
        with self.with_scope(s):
            tgt = Target(self.take_labels(), False, is_switch=True)
            self.targets.append(tgt)
            try:
                cases = [(self.gv(c.test) if c.test is not None else None, self.g_list(c.consequent))
                         for c in node.cases]
            finally:
                self.targets.pop()
        enter = self.block_enter(s)
        brk = tgt.brk
        default_index = next((i for i, c in enumerate(node.cases) if c.test is None), -1)

        def gs_switch(env):
            v = yield from disc(env)
            e = env if enter is None else enter(env)
            start = -1
            for i, (test, _) in enumerate(cases):
                if test is not None and strict_equals(v, (yield from test(e))):
                    start = i
                    break
            if start < 0:
                if default_index < 0:
                    return None
                start = default_index
            for j in range(start, len(cases)):
                r = yield from cases[j][1](e)
                if r is not None:
                    return None if r is brk else r
            return None
        return gs_switch

    def gs_TryStatement(self, node):
        block = self.gsub(node.block)
        handler = None
        if node.handler is not None:
            h = node.handler
            cs = h.scope
            if self.strict and h.param is not None and h.param.type == "Identifier" and \
                    h.param.name in ("eval", "arguments"):
                raise self.err("Unexpected eval or arguments in strict mode", h.param)
            with self.with_scope(cs):
                bind = self.g_pattern(h.param, "init") if h.param is not None else None
                body = self.gsub(h.body)
                has_env = cs.has_env
                template = [None, cs] + [UNDEFINED] * (cs.size - 2) if has_env else None

            def handler(env, exc):
                e = env
                if has_env:
                    e = template[:]
                    e[0] = env
                if bind is not None:
                    yield from bind(e, exc)
                return (yield from body(e))
        fin = self.gsub(node.finalizer) if node.finalizer is not None else None

        def gs_try(env):
            try:
                try:
                    r = yield from block(env)
                except JSThrow as e:
                    if handler is None:
                        raise
                    r = yield from handler(env, e.get_value(A.realm))
                except RecursionError:
                    if handler is None:
                        raise
                    exc = JSThrow(kind="RangeError", msg="Maximum call stack size exceeded")
                    r = yield from handler(env, exc.get_value(A.realm))
            except (JSThrow, GeneratorReturn):
                if fin is not None:
                    fr = yield from fin(env)
                    if fr is not None:
                        return fr
                raise
            if fin is not None:
                fr = yield from fin(env)
                if fr is not None:
                    return fr
            return r
        return gs_try

    # -- destructuring that suspends (13.15.5, 8.5.2) ------------------------------------------------
    def g_pattern(self, node, mode: str):
        """A generator closure ``bind(env, value)`` for a pattern whose defaults, computed keys or
        targets contain yield/await. mode: 'assign', 'init' or 'var' as for ``pattern``."""
        if not suspends(node):
            plain = self.pattern(node, mode)

            def g_plain_bind(env, v):
                plain(env, v)
                return None
                yield
            return g_plain_bind
        t = node.type
        if t == "ObjectPattern":
            return self.g_object_pattern(node, mode)
        if t == "ArrayPattern":
            return self.g_array_pattern(node, mode)
        elem = self.g_elem(node, mode)

        def g_bind_one(env, v):
            yield from elem(env, lambda: v)
        return g_bind_one

    def g_elem(self, node, mode: str):
        """One destructuring element as ``elem(env, fetch)``: the target reference is evaluated first,
        then ``fetch()`` gives the value, then the default applies (13.15.5.5-6 order)."""
        from .codegen import is_anonymous_fn, member_set, set_function_name, to_key_fast

        target, default, anon = node, None, False
        if node.type == "AssignmentPattern":
            target = node.left
            default = self.gv(node.right)
            anon = is_anonymous_fn(node.right) and target.type == "Identifier"
        name = target.name if target.type == "Identifier" else None
        prep = put = sub = None
        if target.type in ("ObjectPattern", "ArrayPattern"):
            sub = self.g_pattern(target, mode)
        elif target.type == "MemberExpression":
            if mode != "assign":
                raise self.err("Illegal property in declaration context", target)
            strict = self.strict
            keyf = self.gv(target.property) if target.computed else None
            key = None if target.computed else target.property.name
            if target.object.type == "Super":
                home_f = self.special_get(target, "%home")
                this_f = self.special_get(target, "%this")

                def prep(env):
                    this = this_f(env)
                    k = key if keyf is None else to_property_key((yield from keyf(env)))
                    return home_f(env), this, k

                def put(env, ref, v):
                    home, this, k = ref
                    ok = home.get_prototype_of().set(k, v, this)
                    if not ok and strict:
                        raise ops.set_failure(this, k)
            else:
                objf = self.gv(target.object)

                def prep(env):
                    o = yield from objf(env)
                    k = key if keyf is None else to_key_fast((yield from keyf(env)))
                    return o, k

                def put(env, ref, v):
                    member_set(ref[0], ref[1], v, strict)
        else:
            simple = self.pattern(target, mode)

            def put(env, ref, v):
                simple(env, v)

        def g_elem_bind(env, fetch):
            ref = None
            if prep is not None:
                ref = yield from prep(env)
            v = fetch()
            if default is not None and v is UNDEFINED:
                v = yield from default(env)
                if anon:
                    set_function_name(v, name)
            if sub is not None:
                yield from sub(env, v)
            else:
                put(env, ref, v)
        return g_elem_bind

    def g_object_pattern(self, node, mode: str):
        from .codegen import copy_data_properties, member_get

        steps = []
        rest = None
        for prop in node.properties:
            if prop.type == "RestElement":
                rest = self.g_elem(prop.argument, mode)
                continue
            keyf = self.gv(prop.key) if prop.computed else None
            key = None if prop.computed else self.static_key(prop.key)
            steps.append((key, keyf, self.g_elem(prop.value, mode)))
        steps_t = tuple(steps)

        def g_bind_object(env, v):
            if v is None or v is UNDEFINED:
                raise type_error(f"Cannot destructure '{ops.to_display_string(v)}' as it is "
                                 f"{'null' if v is None else 'undefined'}.")
            used = []
            for key, keyf, elem in steps_t:
                k = key if keyf is None else to_property_key((yield from keyf(env)))
                used.append(k)
                yield from elem(env, lambda k=k: member_get(v, k))
            if rest is not None:
                def copy():
                    o = JSObject(A.realm.ObjectPrototype)
                    copy_data_properties(o, v, set(used))
                    return o
                yield from rest(env, copy)
        return g_bind_object

    def g_array_pattern(self, node, mode: str):
        elems = []
        for el in node.elements:
            if el is None:
                elems.append(None)
            elif el.type == "RestElement":
                elems.append(("rest", self.g_elem(el.argument, mode)))
            else:
                elems.append(self.g_elem(el, mode))
        elems_t = tuple(elems)

        def g_bind_array(env, v):
            rec = ops.get_iterator(v)

            def step():
                if rec.done:
                    return UNDEFINED
                try:
                    x = ops.iterator_step(rec)
                except BaseException:
                    rec.done = True
                    raise
                return UNDEFINED if x is MISSING else x

            def collect():
                items = []
                while not rec.done:
                    x = step()
                    if rec.done:
                        break
                    items.append(x)
                return JSArray(A.realm.ArrayPrototype, items)
            try:
                for el in elems_t:
                    if el is None:
                        step()
                    elif type(el) is tuple:
                        yield from el[1](env, collect)
                    else:
                        yield from el(env, step)
            except JSThrow as e:
                if not rec.done:
                    ops.iterator_close(rec, e)
                raise
            except GeneratorReturn:
                if not rec.done:
                    ops.iterator_close(rec)
                raise
            if not rec.done:
                ops.iterator_close(rec)
        return g_bind_array

    def g_for_head(self, node):
        """(bind generator closure, lexical) for a for-in/of head containing yield/await."""
        left = node.left
        if left.type == "VariableDeclaration":
            d = left.declarations[0]
            if len(left.declarations) != 1:
                raise self.err("Invalid left-hand side in for-in loop: Must have a single binding.", node)
            if d.init is not None:
                if left.kind != "var" or self.strict or node.type == "ForOfStatement" or d.id.type != "Identifier":
                    raise self.err("for-in loop variable declaration may not have an initializer.", node)
                return self.g_pattern(d.id, "var"), False, self.gv(d.init)
            return self.g_pattern(d.id, "init" if left.kind != "var" else "var"), left.kind != "var", None
        return self.g_pattern(left, "assign"), False, None

    # -- with, optional chains, tagged templates, delete, super() ----------------------------------------
    def gs_WithStatement(self, node):
        objf = self.gv(node.object)
        s = node.scope
        with self.with_scope(s):
            body = self.gsub(node.body)
        size = s.size
        widx = s.with_index

        def gs_with(env):
            o = ops.to_object((yield from objf(env)))
            e = [env, s] + [UNDEFINED] * (size - 2)
            e[widx] = o
            return (yield from body(e))
        return gs_with

    def g_ChainExpression(self, node):
        from .codegen import SHORT, mark_chain

        mark_chain(node.expression)
        f = self.gv(node.expression)

        def g_chain(env):
            v = yield from f(env)
            return UNDEFINED if v is SHORT else v
        return g_chain

    def g_TaggedTemplateExpression(self, node):
        quasi = node.quasi
        site = self.template_site(quasi)
        exprs = [self.gv(e) for e in quasi.expressions]
        cw = self.g_callee(node.tag)
        text = self.text(node.tag)

        def g_tagged(env):
            f, this = yield from cw(env)
            args = [site()]
            for e in exprs:
                args.append((yield from e(env)))
            if not isinstance(f, JSObject) or not f.is_callable:
                raise type_error(f"{text} is not a function")
            return f.call(this, args)
        return g_tagged

    def g_super_call(self, node):
        from ..errors import reference_error

        argsf = self.g_args(node.arguments)
        func_f = self.special_get(node, "%func")
        nt_f = self.special_get(node, "%newtarget")
        this_set = self.special_setter(node, "%this")
        this_get_raw = self.special_raw(node, "%this")

        def g_super(env):
            func = func_f(env)
            nt = nt_f(env)
            parent = func.get_prototype_of()
            args = yield from argsf(env)
            if not ops.is_constructor(parent):
                raise type_error("Super constructor is not a constructor")
            result = parent.construct(args, nt)
            if this_get_raw(env) is not UNINIT:
                raise reference_error("Super constructor may only be called once")
            this_set(env, result)
            fields = getattr(func, "code", None)
            if fields is not None and fields.fields is not None:
                fields.fields(result, func)
            return result
        return g_super

    def g_delete(self, node):
        from .codegen import SHORT, mark_chain

        arg = node.argument
        strict = self.strict
        if arg.type == "ChainExpression":
            mark_chain(arg.expression)
            arg = arg.expression
        if arg.type == "MemberExpression" and arg.object.type != "Super":
            objf = self.gv(arg.object)
            keyf = self.gv(arg.property) if arg.computed else None
            key = None if arg.computed else arg.property.name
            optional = getattr(arg, "optional", False)

            def g_delete_member(env):
                o = yield from objf(env)
                if o is SHORT or (optional and (o is None or o is UNDEFINED)):
                    return True
                k = key if keyf is None else to_property_key((yield from keyf(env)))
                obj = ops.to_object(o)
                ok = obj.delete(k)
                if not ok and strict:
                    raise type_error(f"Cannot delete property '{ops.key_display(k)}' of {ops.value_desc(o)}")
                return ok
            return g_delete_member
        f = self.gv(arg)

        def g_delete_value(env):
            yield from f(env)
            return True
        return g_delete_value



class _Precomputed:
    """Stands in for a class heritage or computed key evaluated ahead by ``g_class``."""

    type = "GenPrecomputed"

    def __init__(self, stack: list, index: int, orig) -> None:
        self.stack = stack
        self.index = index
        self._line = getattr(orig, "_line", 0)
        self._column = getattr(orig, "_column", 0)
        self._start = getattr(orig, "_start", 0)
        self._end = getattr(orig, "_end", 0)


class _Raw:
    """yield* of a sync iterator hands the inner result object through unchanged."""

    __slots__ = ("result",)

    def __init__(self, result) -> None:
        self.result = result


def v8_type_desc(v) -> str:
    """How V8 names a value in "is not iterable" messages: 'number 5', 'object null', 'object' ..."""
    if v is UNDEFINED:
        return "undefined"
    if v is None:
        return "object null"
    t = type(v)
    if t is bool:
        return "boolean true" if v else "boolean false"
    if t is int or t is float:
        return f"number {ops.number_to_string(v)}"
    if t is str:
        return f'string "{v}"'
    if isinstance(v, JSObject):
        return "function" if v.is_callable else "object"
    if t is JSSymbol:
        return "symbol"
    return "bigint"


def get_iterator_v8(v):
    """GetIterator(v, sync) (7.4.3) with V8's message when v is not iterable (yield*, Promise.all ...)."""
    method = UNDEFINED if v is None or v is UNDEFINED else ops.get_v(v, SYM.iterator)
    if not ops.is_callable(method):
        raise type_error(f"{v8_type_desc(v)} is not iterable (cannot read property Symbol(Symbol.iterator))")
    return ops.get_iterator(v, method)


def async_get_iterator_gen(v, text=None):
    """GetIterator(v, async) (7.4.3) as a generator helper (no awaits needed here). ``text``: the
    source of the iterable in a for-await head, for V8's "x is not async iterable"."""
    if v is None or v is UNDEFINED:
        raise type_error(f"Cannot read properties of {ops.to_display_string(v)} "
                         f"(reading 'Symbol(Symbol.asyncIterator)')")
    method = ops.get_v(v, SYM.asyncIterator)
    if method is None or method is UNDEFINED:
        sync_method = ops.get_v(v, SYM.iterator)
        if not ops.is_callable(sync_method):
            if text is None:
                raise type_error(f"{v8_type_desc(sync_method)} is not a function")
            raise type_error(f"{text} is not async iterable")
        sync_rec = ops.get_iterator(v, sync_method)
        from ..builtins.promise import create_async_from_sync_iterator

        return create_async_from_sync_iterator(sync_rec)
    if not ops.is_callable(method):
        if text is None:
            raise type_error(f"{v8_type_desc(method)} is not a function")
        raise type_error(f"{text} is not async iterable")
    it = ops.call(method, v, [])
    if not isinstance(it, JSObject):
        raise type_error("Result of the Symbol.asyncIterator method is not an object")
    return ops.IteratorRecord(it, it.get("next"))
    yield


def callsite_text(node, source: str) -> str:
    """V8's rendering of an expression in "x is not (async) iterable" messages (its CallPrinter)."""
    t = node.type
    if t == "Identifier":
        return node.name
    if t == "ThisExpression":
        return "this"
    if t == "Literal" and type(node.value) is str:
        return f'"{node.value}"'
    if t == "MemberExpression" and node.object.type != "Super":
        base = callsite_text(node.object, source)
        p = node.property
        if not node.computed:
            return f"{base}.{p.name}"
        if p.type == "Literal" and type(p.value) is str:
            return f"{base}.{p.value}"
        return f"{base}[{callsite_text(p, source)}]"
    if t == "CallExpression" and node.callee.type != "Super":
        return f"{callsite_text(node.callee, source)}(...)"
    if t == "ObjectExpression":
        return "{}" if not node.properties else "{(intermediate value)}"
    return source[node._start:node._end]


def async_iterator_close_gen(rec, exc=None):
    """AsyncIteratorClose (7.4.7)."""
    it = rec.iterator
    try:
        ret = ops.get_method(it, "return")
        if ret is UNDEFINED:
            return
        r = ops.call(ret, it, [])
        r = yield (AWAIT, r)
    except JSThrow:
        if exc is not None:
            return
        raise
    if exc is None and not isinstance(r, JSObject):
        raise type_error(f"Iterator result {ops.to_display_string(r)} is not an object")
