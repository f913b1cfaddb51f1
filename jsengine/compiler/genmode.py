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

from ..budget import AGENT as A
from ..errors import JSThrow, type_error
from ..objects import MISSING, JSArray, JSObject
from .. import ops
from ..ops import to_boolean, to_property_key
from ..values import HOLE, UNDEFINED, UNINIT
from .runtime import RETURN, Completion
from .scope import iter_children

YIELD, AWAIT = 0, 1


class GeneratorReturn(Exception):
    """A return completion injected at a yield point (generator.return(v))."""

    def __init__(self, value) -> None:
        super().__init__()
        self.value = value


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


def _plain_gen(f):
    """A plain closure as a generator function (for mixing with suspending siblings)."""
    def g(env):
        return f(env)
        yield  # noqa: B901 - makes this a generator function
    return g


class GenMixin:
    """Generator-mode compilation, mixed into Compiler."""

    # -- entry --------------------------------------------------------------------------------------
    def gen_body(self, stmts):
        """A generator function ``body(env)`` whose return value is the JS return value."""
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
                rec = ops.get_iterator(iterable)
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
                        raise type_error("The iterator does not provide a 'throw' method")
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
                try:
                    if is_async:
                        received = yield (YIELD, r.get("value"))
                    else:
                        received = yield _Raw(r)
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
            raise self.err("'yield'/'await' inside delete is not supported yet", node)
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
        from ..values import to_utf16
        from ..ops import to_string

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
            from ..objects import Desc

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
        """Generator closure returning (function, this)."""
        from .codegen import index_get, member_get

        if callee.type == "MemberExpression" and callee.object.type != "Super":
            objf = self.gv(callee.object)
            keyf = self.gv(callee.property) if callee.computed else None
            key = None if callee.computed else callee.property.name

            def g_cw(env):
                o = yield from objf(env)
                if keyf is not None:
                    return index_get(o, (yield from keyf(env))), o
                return member_get(o, key), o
            return g_cw
        cw = self.callee_with_this(callee) if not suspends(callee) else None
        if cw is not None:
            def g_cw_plain(env):
                return cw(env)
                yield  # noqa: B901
            return g_cw_plain
        f = self.gv(callee)

        def g_cw_value(env):
            return (yield from f(env)), UNDEFINED
        return g_cw_value

    def g_CallExpression(self, node):
        if node.callee.type == "Super":
            raise self.err("'yield'/'await' in super() arguments is not supported yet", node)
        if getattr(node, "optional", False) or getattr(node, "_in_chain", False):
            raise self.err("'yield'/'await' in optional chains is not supported yet", node)
        cw = self.g_callee(node.callee)
        argsf = self.g_args(node.arguments)
        text = self.callee_text(node)
        _pos = self.pos(node)
        direct_eval = getattr(node, "maybe_direct_eval", False)

        def g_call(env):
            if False:
                _pos  # noqa: B018
            f, this = yield from cw(env)
            args = yield from argsf(env)
            if direct_eval and f is getattr(A.realm, "eval_fn", None):
                raise type_error("direct eval with yield/await in its arguments is not supported")
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
        from .codegen import index_get, member_get

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

        def g_member(env):
            o = yield from objf(env)
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

    def g_ChainExpression(self, node):
        raise self.err("'yield'/'await' in optional chains is not supported yet", node)

    def g_TaggedTemplateExpression(self, node):
        raise self.err("'yield'/'await' in tagged templates is not supported yet", node)

    def g_ClassExpression(self, node):
        raise self.err("'yield'/'await' in class heritage or computed keys is not supported yet", node)

    def g_AssignmentExpression(self, node):
        from .codegen import apply_binop, index_get, is_anonymous_fn, member_get, member_set, set_function_name, to_key_fast

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
            if suspends(left):
                raise self.err("'yield'/'await' inside destructuring targets is not supported yet", node)
            bind = self.pattern(left, "assign")

            def g_destructure(env):
                v = yield from rhs(env)
                bind(env, v)
                return v
            return g_destructure
        raise self.err("'yield'/'await' in this assignment is not supported yet", node)

    # -- statements ---------------------------------------------------------------------------------
    def gs_ExpressionStatement(self, node):
        f = self.gv(node.expression)
        cv = self.cv_ref

        def gs_expr(env):
            yield from f(env)
        return gs_expr if cv is None else gs_expr

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
                if suspends(d.id):
                    raise self.err("'yield'/'await' inside destructuring patterns is not supported yet", d)
                steps.append((init, self.pattern(d.id, "init" if kind != "var" else "var"), False, None))

        def gs_var(env):
            for init, put, anon, name in steps:
                v = UNDEFINED if init is None else (yield from init(env))
                if anon:
                    set_function_name(v, name)
                put(env, v)
            return None
        return gs_var

    def gs_ReturnStatement(self, node):
        f = self.gv(node.argument)

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
            if suspends(node.left):
                raise self.err("'yield'/'await' in a for-in/of head is not supported yet", node)
            bind, lexical, decl = self.for_in_of_target(node)
            rhs = self.gv(node.right)
            body = self.g_loop_body(tgt, node.body)
            brk, cont = tgt.brk, tgt.cont
            has_env = s.has_env
            template = [None, s] + [UNINIT] * (s.size - 2) if has_env else None

        def iteration_env(env):
            if has_env:
                e = template[:]
                e[0] = env
                return e
            return env

        def gs_for_in_of(env):
            v = yield from rhs(iteration_env(env) if lexical else env)
            if not is_of:
                if v is None or v is UNDEFINED:
                    return None
                for k in enumerate_keys(ops.to_object(v)):
                    e = iteration_env(env) if lexical else env
                    bind(e, k)
                    r = yield from body(e)
                    if r is not None:
                        if r is brk:
                            break
                        if r is not cont:
                            return r
                return None
            if is_await:
                rec = yield from async_get_iterator_gen(v)
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
                        raise type_error("Iterator result is not an object")
                    if to_boolean(res.get("done")):
                        return None
                    x = res.get("value")
                else:
                    x = ops.iterator_step(rec)
                    if x is MISSING:
                        return None
                e = iteration_env(env) if lexical else env
                try:
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
        from .codegen import Target
        from ..ops import strict_equals

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
            with self.with_scope(cs):
                bind = self.pattern(h.param, "init") if h.param is not None else None
                body = self.gsub(h.body)
                has_env = cs.has_env
                template = [None, cs] + [UNDEFINED] * (cs.size - 2) if has_env else None

            def handler(env, exc):
                e = env
                if has_env:
                    e = template[:]
                    e[0] = env
                if bind is not None:
                    bind(e, exc)
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


class _Raw:
    """yield* of a sync iterator hands the inner result object through unchanged."""

    __slots__ = ("result",)

    def __init__(self, result) -> None:
        self.result = result


def async_get_iterator_gen(v):
    """GetIterator(v, async) (7.4.3) as a generator helper (no awaits needed here)."""
    from ..values import SYM

    method = ops.get_method(v, SYM.asyncIterator)
    if method is UNDEFINED:
        sync_method = ops.get_method(v, SYM.iterator)
        if sync_method is UNDEFINED:
            raise type_error(f"{ops.value_desc_iter(v)} is not async iterable")
        sync_rec = ops.get_iterator(v, sync_method)
        from ..builtins.promise import create_async_from_sync_iterator

        return create_async_from_sync_iterator(sync_rec)
    it = ops.call(method, v, [])
    if not isinstance(it, JSObject):
        raise type_error("Result of the Symbol.asyncIterator method is not an object")
    return ops.IteratorRecord(it, it.get("next"))
    yield  # noqa: B901


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
        raise type_error("iterator.return() did not return an object")
