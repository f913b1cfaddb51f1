"""Scope analysis: declarations, references, captures, and the runtime environment layout.

A runtime environment is a Python list ``[parent_env, scope, slot0, slot1, ...]``. Function, script and
eval scopes always have one; a block-like scope has one only when a binding of it is captured by a
closure or when names must be found at run time (``with``, direct ``eval``); otherwise its bindings are
hoisted into slots of the enclosing function's environment. Identifiers resolve at compile time to
(hops, index); only code under ``with`` or reachable by a sloppy direct ``eval`` looks names up at run time.
"""

from __future__ import annotations

from esprima import nodes as N

LEXICAL = ("let", "const", "class")
SPECIALS = ("%this", "%newtarget", "%home", "%func")

FUNCTION_NODES = ("FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression")


class EarlyError(Exception):
    def __init__(self, msg: str, node) -> None:
        super().__init__(msg)
        self.node = node


class Binding:
    __slots__ = ("name", "kind", "scope", "captured", "index", "env_scope", "needs_reset", "decl_end",
                 "node")

    def __init__(self, name: str, kind: str, scope: Scope, decl_end: int = -1, node=None) -> None:
        self.name = name
        self.kind = kind
        self.scope = scope
        self.captured = False
        self.index = -1
        self.env_scope: Scope | None = None
        self.needs_reset = False
        self.decl_end = decl_end
        self.node = node

    @property
    def is_const(self) -> bool:
        return self.kind in ("const", "callee", "import", "importns") or (
            self.kind == "class" and self.scope.kind == "class")

    def __repr__(self) -> str:
        return f"<Binding {self.kind} {self.name} @{self.index}>"


class Scope:
    """A static scope; also the runtime ``meta`` stored at env[1] for dynamic name lookup."""

    def __init__(self, kind: str, parent: Scope | None, node=None, strict: bool = False) -> None:
        self.kind = kind  # script, eval, function, block, catch, class, with, for, switch
        self.parent = parent
        self.node = node
        self.strict = strict
        self.bindings: dict[str, Binding] = {}
        self.func: Scope = self if kind in ("script", "eval", "function", "module") else parent.func  # type: ignore
        self.has_env = kind in ("script", "eval", "function", "with", "module")
        self.names: dict[str, int] = {}  # runtime: name -> env index (dynamic lookup)
        self.size = 2  # env list length
        self.children: list[Scope] = []
        # function-level facts
        self.is_arrow = False
        self.direct_eval = False  # a direct eval call in this function's own code
        self.no_hoist = False  # names must stay findable at run time
        self.uses_arguments = False
        self.eval_dict_index = -1  # slot holding a dict of vars made by sloppy direct eval
        self.lexical_decls: list[Binding] = []
        self.var_names: list[str] = []
        self.funcs: list = []  # function declarations to instantiate at entry
        self.has_simple_params = True
        self.param_names: list[str] = []
        self.in_loop = False
        self.is_class_ctor = False
        self.derived = False
        self.annexb: list = []
        self.with_index = 2
        self.this_slot = -1  # functions: the slot right after the parameters, kept for this (finalize)
        if parent is not None and kind != "eval":
            parent.children.append(self)

    def __repr__(self) -> str:
        return f"<Scope {self.kind} {list(self.bindings)}>"

    def declare(self, name: str, kind: str, decl_end: int = -1, node=None) -> Binding:
        b = self.bindings.get(name)
        if b is not None:
            return b
        b = Binding(name, kind, self, decl_end, node)
        self.bindings[name] = b
        return b

    def add_slot(self, name: str) -> int:
        idx = self.size
        self.size += 1
        if name not in self.names:
            self.names[name] = idx
        return idx

    def nearest_this_scope(self) -> Scope:
        s = self.func
        while s.kind == "function" and s.is_arrow:
            s = s.parent.func
        return s


class Ref:
    """A resolved identifier reference."""

    __slots__ = ("name", "binding", "dynamic", "scope", "tdz")

    def __init__(self, name: str, binding: Binding | None, dynamic: bool, scope: Scope, tdz: bool) -> None:
        self.name = name
        self.binding = binding
        self.dynamic = dynamic
        self.scope = scope
        self.tdz = tdz

    def hops(self) -> int:
        """Number of runtime environments between the reference and its binding's environment."""
        target = self.binding.env_scope
        s = self.scope
        h = 0
        while s is not target:
            if s.has_env:
                h += 1
            s = s.parent
        return h


def iter_children(node):
    for v in vars(node).values():
        if isinstance(v, N.Node):
            yield v
        elif type(v) is list:
            for x in v:
                if isinstance(x, N.Node):
                    yield x


def pattern_names(p, out: list) -> list:
    """Bound names of a binding pattern (13.15.x BoundNames)."""
    t = p.type
    if t == "Identifier":
        out.append(p.name)
    elif t == "ObjectPattern":
        for prop in p.properties:
            if prop.type == "RestElement":
                pattern_names(prop.argument, out)
            else:
                pattern_names(prop.value, out)
    elif t == "ArrayPattern":
        for el in p.elements:
            if el is not None:
                pattern_names(el, out)
    elif t == "AssignmentPattern":
        pattern_names(p.left, out)
    elif t == "RestElement":
        pattern_names(p.argument, out)
    return out


def is_directive_strict(body: list) -> bool:
    for st in body:
        d = getattr(st, "directive", None)
        if st.type != "ExpressionStatement" or d is None:
            return False
        if d == "use strict" and st.expression.raw[1:-1] == "use strict":
            return True
    return False


class Resolver:
    """Walks a Program (or function/eval code), building scopes and annotating identifier nodes."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.scope: Scope | None = None
        self.loop_depth = 0

    # -- declarations --------------------------------------------------------------------------------
    def collect_var_decls(self, body, fscope: Scope, annexb: bool) -> None:
        """VarDeclaredNames of a function/script body (not entering nested functions)."""
        stack = list(body) if type(body) is list else [body]
        while stack:
            n = stack.pop()
            if n is None:
                continue
            t = n.type
            if t == "VariableDeclaration":
                if n.kind == "var":
                    for d in n.declarations:
                        for name in pattern_names(d.id, []):
                            if name not in fscope.var_names:
                                fscope.var_names.append(name)
                continue
            if t in ("FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression",
                     "ClassDeclaration", "ClassExpression"):
                continue
            if t in ("ExpressionStatement", "ReturnStatement", "ThrowStatement"):
                continue
            for c in iter_children(n):
                if c.type.endswith("Statement") or c.type in ("VariableDeclaration", "SwitchCase",
                                                              "CatchClause", "BlockStatement",
                                                              "FunctionDeclaration", "ClassDeclaration"):
                    stack.append(c)

    def lexical_of(self, stmts: list, scope: Scope, top_level_function: bool) -> None:
        """Declare the lexically scoped names of a statement list in ``scope``."""
        for st in stmts:
            t = st.type
            if t == "VariableDeclaration" and st.kind != "var":
                for d in st.declarations:
                    for name in pattern_names(d.id, []):
                        self.declare_lexical(scope, name, st.kind, d._end, d)
            elif t == "ClassDeclaration" and st.id is not None:
                self.declare_lexical(scope, st.id.name, "class", st._end, st)
            elif t == "FunctionDeclaration" and not top_level_function:
                name = st.id.name
                prev = scope.bindings.get(name)
                if prev is not None:
                    if prev.kind == "lexfunc" and not scope.strict and not st.generator and not st.isAsync \
                            and not getattr(prev.node, "generator", False) and not getattr(prev.node, "isAsync", False):
                        prev.node = st
                        scope.funcs.append(st)
                        continue
                    raise EarlyError(f"Identifier '{name}' has already been declared", st)
                scope.declare(name, "lexfunc", -1, st)
                scope.funcs.append(st)
            elif t == "LabeledStatement":
                inner = st.body
                while inner.type == "LabeledStatement":
                    inner = inner.body
                if inner.type == "FunctionDeclaration":
                    self.lexical_of([inner], scope, top_level_function)

    def declare_lexical(self, scope: Scope, name: str, kind: str, end: int, node) -> None:
        if name == "let" and kind in ("let", "const"):
            raise EarlyError("let is disallowed as a lexically bound name", node)
        if name in scope.bindings:
            raise EarlyError(f"Identifier '{name}' has already been declared", node)
        b = scope.declare(name, kind, end, node)
        scope.lexical_decls.append(b)

    # -- entry points --------------------------------------------------------------------------------
    def resolve_program(self, prog, strict: bool, kind: str = "script", parent: Scope | None = None) -> Scope:
        body = prog.body
        strict = strict or bool(prog.__dict__.get("forced_strict")) or is_directive_strict(body)
        scope = Scope(kind, parent, prog, strict)
        prog.scope = scope
        self.scope = scope
        scope.var_names = []
        self.collect_var_decls(body, scope, True)
        self.lexical_of(body, scope, True)
        for st in body:
            if st.type == "FunctionDeclaration":
                scope.funcs.append(st)
            elif st.type == "LabeledStatement":
                inner = st.body
                while inner.type == "LabeledStatement":
                    inner = inner.body
                if inner.type == "FunctionDeclaration":
                    scope.funcs.append(inner)
        for name in scope.var_names:
            if name in scope.bindings and scope.bindings[name].kind in LEXICAL:
                raise EarlyError(f"Identifier '{name}' has already been declared", prog)
        for f in scope.funcs:
            if f.id.name in scope.bindings and scope.bindings[f.id.name].kind in LEXICAL:
                raise EarlyError(f"Identifier '{f.id.name}' has already been declared", f)
        if kind == "eval" and strict:
            # strict eval code has its own variable environment
            for name in scope.var_names:
                scope.declare(name, "var")
            for f in scope.funcs:
                scope.declare(f.id.name, "var")
        if not strict:
            self.annexb_hoist(body, scope)
        self.walk_stmts(body)
        finalize(scope)
        return scope

    def resolve_module(self, prog) -> Scope:
        """Scope of a Module (16.2.1.6.4 InitializeEnvironment's bindings)."""
        scope = Scope("module", None, prog, True)
        prog.scope = scope
        self.scope = scope
        body = prog.body
        decls = []
        for st in body:
            t = st.type
            if t in ("ExportNamedDeclaration", "ExportDefaultDeclaration"):
                if st.declaration is not None and st.declaration.type.endswith("Declaration"):
                    decls.append(st.declaration)
            elif t != "ImportDeclaration" and t != "ExportAllDeclaration":
                decls.append(st)
        self.collect_var_decls(decls, scope, True)
        self.lexical_of(decls, scope, True)
        for st in decls:
            if st.type == "FunctionDeclaration":
                scope.funcs.append(st)
        for st in body:
            if st.type == "ImportDeclaration":
                for sp in st.specifiers:
                    name = sp.local.name
                    if name in scope.bindings:
                        raise EarlyError(f"Identifier '{name}' has already been declared", sp)
                    b = scope.declare(name, "importns" if sp.type == "ImportNamespaceSpecifier" else "import")
                    b.captured = True
            elif st.type == "ExportDefaultDeclaration":
                d = st.declaration
                if d.type in ("FunctionDeclaration", "ClassDeclaration") and d.id is not None:
                    continue
                if d.type == "FunctionDeclaration":
                    scope.declare("*default*", "var")
                else:
                    b = scope.declare("*default*", "let")
                    scope.lexical_decls.append(b)
        for name in scope.var_names:
            if name in scope.bindings and scope.bindings[name].kind in LEXICAL + ("import", "importns"):
                raise EarlyError(f"Identifier '{name}' has already been declared", prog)
            scope.declare(name, "var")
        for f in scope.funcs:
            if f.id is not None:
                b = scope.bindings.get(f.id.name)
                if b is not None and b.kind in LEXICAL + ("import", "importns"):
                    raise EarlyError(f"Identifier '{f.id.name}' has already been declared", f)
                scope.declare(f.id.name, "var")
        for st in body:
            t = st.type
            if t in ("ImportDeclaration", "ExportAllDeclaration"):
                continue
            if t == "ExportNamedDeclaration":
                if st.declaration is not None:
                    self.walk_stmt(st.declaration)
                elif st.source is None:
                    for sp in st.specifiers:
                        if sp.local.name not in scope.bindings:
                            raise EarlyError(f"Export '{sp.local.name}' is not defined in module", sp)
                continue
            if t == "ExportDefaultDeclaration":
                d = st.declaration
                if d.type == "FunctionDeclaration":
                    self.resolve_function(d, scope)
                elif d.type == "ClassDeclaration":
                    if d.id is not None:
                        self.ref(d.id)
                    self.walk_class(d)
                else:
                    self.walk_expr(d)
                continue
            self.walk_stmt(st)
        finalize(scope)
        return scope

    def annexb_hoist(self, body, fscope: Scope) -> None:
        """B.3.3: sloppy function declarations in blocks also get a var binding."""
        blocked = set(fscope.param_names) if fscope.kind == "function" else set()
        lex_top = {b.name for b in fscope.lexical_decls}

        def visit(stmts, lexnames: set):
            for st in stmts:
                scan(st, lexnames)

        def scan(st, lexnames):
            t = st.type
            if t in ("FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression",
                     "ClassDeclaration", "ClassExpression"):
                return
            if t == "BlockStatement":
                visit_block(st.body, lexnames)
            elif t == "SwitchStatement":
                stmts = [c for case in st.cases for c in case.consequent]
                visit_block(stmts, lexnames)
            elif t == "IfStatement":
                for br in (st.consequent, st.alternate):
                    if br is not None:
                        if br.type == "FunctionDeclaration":
                            visit_block([br], lexnames)
                        else:
                            scan(br, lexnames)
            elif t in ("ForStatement", "ForInStatement", "ForOfStatement"):
                names = set(lexnames)
                head = st.init if t == "ForStatement" else st.left
                if head is not None and head.type == "VariableDeclaration" and head.kind != "var":
                    for d in head.declarations:
                        names.update(pattern_names(d.id, []))
                scan(st.body, names)
            elif t in ("WhileStatement", "DoWhileStatement", "WithStatement", "LabeledStatement"):
                scan(st.body, lexnames)
            elif t == "TryStatement":
                scan(st.block, lexnames)
                if st.handler is not None:
                    names = set(lexnames)
                    if st.handler.param is not None and st.handler.param.type != "Identifier":
                        names.update(pattern_names(st.handler.param, []))
                    scan(st.handler.body, names)
                if st.finalizer is not None:
                    scan(st.finalizer, lexnames)

        def visit_block(stmts, lexnames):
            inner = set(lexnames)
            for st in stmts:
                if st.type == "VariableDeclaration" and st.kind != "var":
                    for d in st.declarations:
                        inner.update(pattern_names(d.id, []))
                elif st.type == "ClassDeclaration" and st.id is not None:
                    inner.add(st.id.name)
            for st in stmts:
                s2 = st
                while s2.type == "LabeledStatement":
                    s2 = s2.body
                if s2.type == "FunctionDeclaration" and not s2.generator and not s2.isAsync:
                    name = s2.id.name
                    if name not in lexnames and name not in blocked and name not in lex_top:
                        if name not in fscope.var_names:
                            fscope.var_names.append(name)
                        s2.annexb = True
            # nested blocks see this block's lexical names, except its own function names
            fn_names = set()
            for st in stmts:
                s2 = st
                while s2.type == "LabeledStatement":
                    s2 = s2.body
                if s2.type == "FunctionDeclaration":
                    fn_names.add(s2.id.name)
            for st in stmts:
                scan(st, inner | fn_names)

        for st in body:
            scan(st, set())

    def resolve_function(self, fn, parent: Scope) -> Scope:
        """Scope of a function node (params + body)."""
        body = fn.body
        is_arrow = fn.type == "ArrowFunctionExpression"
        expr_body = is_arrow and getattr(fn, "expression", False)
        stmts = [] if expr_body else body.body
        strict = parent.strict or (not expr_body and is_directive_strict(stmts))
        scope = Scope("function", parent, fn, strict)
        fn.scope = scope
        scope.is_arrow = is_arrow
        simple = all(p.type == "Identifier" for p in fn.params)
        scope.has_simple_params = simple
        if strict and not simple and not expr_body and is_directive_strict(stmts) and not parent.strict:
            raise EarlyError("Illegal 'use strict' directive in function with non-simple parameter list", fn)
        if strict and not simple and not expr_body and is_directive_strict(stmts):
            raise EarlyError("Illegal 'use strict' directive in function with non-simple parameter list", fn)
        pnames: list[str] = []
        for p in fn.params:
            pattern_names(p, pnames)
        if len(set(pnames)) != len(pnames) and (strict or not simple or is_arrow or getattr(fn, "_method", False)):
            raise EarlyError("Duplicate parameter name not allowed in this context", fn)
        scope.param_names = pnames
        for name in pnames:
            scope.declare(name, "param")
        saved = self.scope
        self.scope = scope
        # with parameter expressions the body's var declarations get their own environment (10.2.11 step 28)
        bscope = scope
        if has_parameter_expressions(fn.params):
            fn._param_expr = True
        if not expr_body and has_parameter_expressions(fn.params):
            bscope = Scope("body", scope, fn, strict)
            bscope.param_names = pnames
            fn.body_scope = bscope
        if not expr_body:
            self.collect_var_decls(stmts, bscope, True)
            self.lexical_of(stmts, bscope, True)
            for st in stmts:
                s2 = st
                while s2.type == "LabeledStatement":
                    s2 = s2.body
                if s2.type == "FunctionDeclaration":
                    bscope.funcs.append(s2)
            for b in bscope.lexical_decls:
                if b.name in pnames:
                    raise EarlyError(f"Identifier '{b.name}' has already been declared", fn)
                if b.name in bscope.var_names:
                    raise EarlyError(f"Identifier '{b.name}' has already been declared", fn)
            for f in bscope.funcs:
                b = bscope.bindings.get(f.id.name)
                if b is not None and b.kind in LEXICAL:
                    raise EarlyError(f"Identifier '{f.id.name}' has already been declared", f)
            if not strict:
                self.annexb_hoist(stmts, bscope)
            for name in bscope.var_names:
                bscope.declare(name, "var")
            for f in bscope.funcs:
                bscope.declare(f.id.name, "var")
            if bscope is not scope:
                scope.var_names = list(bscope.var_names)
        # named function expression: its own name, unless shadowed
        if fn.type == "FunctionExpression" and fn.id is not None and fn.id.name not in scope.bindings:
            scope.declare(fn.id.name, "callee")
        if not is_arrow:
            args_shadowed = ("arguments" in pnames
                             or (bscope is scope and (
                                 any(f.id.name == "arguments" for f in bscope.funcs)
                                 or any(b.name == "arguments" and b.kind in LEXICAL for b in bscope.lexical_decls))))
            if not args_shadowed:
                scope.declare("arguments", "arguments" if "arguments" not in scope.bindings else
                              scope.bindings["arguments"].kind)
                scope.bindings["arguments"].kind = "arguments"
        # walk params then body
        saved_loop = self.loop_depth
        self.loop_depth = 0
        saved_params = getattr(self, "in_params", False)
        self.in_params = not is_arrow
        for p in fn.params:
            self.walk_pattern(p)
        self.in_params = False
        if expr_body:
            self.walk_expr(body)
        else:
            self.scope = bscope
            self.walk_stmts(stmts)
        self.loop_depth = saved_loop
        self.in_params = saved_params
        self.scope = saved
        return scope

    # -- walking -------------------------------------------------------------------------------------
    def push(self, kind: str, node=None) -> Scope:
        s = Scope(kind, self.scope, node, self.scope.strict)
        s.in_loop = self.loop_depth > 0
        self.scope = s
        return s

    def pop(self) -> None:
        self.scope = self.scope.parent

    def walk_stmts(self, stmts) -> None:
        for st in stmts:
            self.walk_stmt(st)

    def walk_block(self, stmts, node) -> None:
        s = self.push("block", node)
        node.scope = s
        self.lexical_of(stmts, s, False)
        self.walk_stmts(stmts)
        self.pop()

    def walk_stmt(self, st) -> None:
        t = st.type
        if t == "ExpressionStatement":
            self.walk_expr(st.expression)
        elif t == "VariableDeclaration":
            for d in st.declarations:
                self.walk_pattern(d.id)
                if d.init is not None:
                    self.walk_expr(d.init)
        elif t == "FunctionDeclaration":
            self.resolve_function(st, self.scope)
        elif t == "ClassDeclaration":
            self.ref(st.id)
            self.walk_class(st)
        elif t == "ReturnStatement":
            if st.argument is not None:
                self.walk_expr(st.argument)
        elif t == "IfStatement":
            self.walk_expr(st.test)
            self.walk_sub(st.consequent)
            if st.alternate is not None:
                self.walk_sub(st.alternate)
        elif t == "BlockStatement":
            self.walk_block(st.body, st)
        elif t == "ForStatement":
            s = self.push("for", st)
            st.scope = s
            if st.init is not None:
                if st.init.type == "VariableDeclaration":
                    if st.init.kind != "var":
                        self.lexical_of([st.init], s, False)
                    self.walk_stmt(st.init)
                else:
                    self.walk_expr(st.init)
            self.loop_depth += 1
            s.in_loop = True
            if st.test is not None:
                self.walk_expr(st.test)
            if st.update is not None:
                self.walk_expr(st.update)
            self.walk_sub(st.body)
            self.loop_depth -= 1
            self.pop()
        elif t in ("ForInStatement", "ForOfStatement"):
            s = self.push("for", st)
            st.scope = s
            left = st.left
            self.loop_depth += 1
            s.in_loop = True
            if left.type == "VariableDeclaration":
                if left.kind != "var":
                    self.lexical_of([left], s, False)
                    for b in s.bindings.values():  # the right side sees the head's bindings in their TDZ
                        b.decl_end = max(b.decl_end, st.right._end)
                for d in left.declarations:
                    self.walk_pattern(d.id)
                    if d.init is not None:
                        self.walk_expr(d.init)
            else:
                self.walk_pattern(left)
            self.walk_expr(st.right)
            self.walk_sub(st.body)
            self.loop_depth -= 1
            self.pop()
        elif t in ("WhileStatement", "DoWhileStatement"):
            self.loop_depth += 1
            self.walk_expr(st.test)
            self.walk_sub(st.body)
            self.loop_depth -= 1
        elif t == "ThrowStatement":
            self.walk_expr(st.argument)
        elif t == "TryStatement":
            self.walk_stmt(st.block)
            h = st.handler
            if h is not None:
                s = self.push("catch", h)
                h.scope = s
                if h.param is not None:
                    names = pattern_names(h.param, [])
                    if len(set(names)) != len(names):
                        raise EarlyError("Identifier has already been declared", h)
                    for name in names:
                        s.declare(name, "catchparam")
                    self.walk_pattern(h.param)
                # the catch block's lexical names may not redeclare the parameter
                body = h.body
                bs = self.push("block", body)
                body.scope = bs
                self.lexical_of(body.body, bs, False)
                for name in bs.bindings:
                    if name in s.bindings and bs.bindings[name].kind != "lexfunc" or (
                            name in s.bindings and bs.bindings[name].kind == "lexfunc"):
                        raise EarlyError(f"Identifier '{name}' has already been declared", body)
                self.walk_stmts(body.body)
                self.pop()
                self.pop()
            if st.finalizer is not None:
                self.walk_stmt(st.finalizer)
        elif t == "SwitchStatement":
            self.walk_expr(st.discriminant)
            s = self.push("switch", st)
            st.scope = s
            stmts = [c for case in st.cases for c in case.consequent]
            self.lexical_of(stmts, s, False)
            for case in st.cases:
                if case.test is not None:
                    self.walk_expr(case.test)
                self.walk_stmts(case.consequent)
            self.pop()
        elif t == "LabeledStatement":
            self.walk_stmt(st.body)
        elif t == "WithStatement":
            if self.scope.strict:
                raise EarlyError("Strict mode code may not include a with statement", st)
            self.walk_expr(st.object)
            s = self.push("with", st)
            st.scope = s
            mark_no_hoist(self.scope)
            self.walk_sub(st.body)
            self.pop()
        elif t in ("EmptyStatement", "DebuggerStatement", "BreakStatement", "ContinueStatement"):
            pass
        else:
            for c in iter_children(st):
                if c.type.endswith("Statement") or c.type.endswith("Declaration"):
                    self.walk_stmt(c)
                else:
                    self.walk_expr(c)

    def walk_sub(self, st) -> None:
        """A statement in a sub-statement position (a function declaration there gets its own block)."""
        if st.type == "FunctionDeclaration":
            s = self.push("block", st)
            st.block_scope = s
            self.lexical_of([st], s, False)
            self.walk_stmt(st)
            self.pop()
        else:
            self.walk_stmt(st)

    def walk_class(self, node) -> None:
        if node.superClass is not None:
            # the heritage is evaluated in the class scope (name in TDZ)
            pass
        s = self.push("class", node)
        s.strict = True
        node.scope = s
        if node.id is not None:
            b = s.declare(node.id.name, "class", node._end, node)
            s.lexical_decls.append(b)
        if node.superClass is not None:
            self.walk_expr(node.superClass)
        for m in node.body.body:
            if m.computed:
                self.walk_expr(m.key)
            if m.type == "MethodDefinition":
                m.value._method = True
                fs = self.resolve_function(m.value, s)
                fs.strict = True
                if m.kind == "constructor":
                    fs.is_class_ctor = True
                    fs.derived = node.superClass is not None
            else:
                raise EarlyError("Class fields are not supported (ES2022)", m)
        self.pop()

    def walk_pattern(self, p) -> None:
        t = p.type
        if t == "Identifier":
            self.ref(p)
        elif t == "ObjectPattern":
            for prop in p.properties:
                if prop.type == "RestElement":
                    self.walk_pattern(prop.argument)
                else:
                    if prop.computed:
                        self.walk_expr(prop.key)
                    self.walk_pattern(prop.value)
        elif t == "ArrayPattern":
            for el in p.elements:
                if el is not None:
                    self.walk_pattern(el)
        elif t == "AssignmentPattern":
            self.walk_pattern(p.left)
            self.walk_expr(p.right)
        elif t == "RestElement":
            self.walk_pattern(p.argument)
        else:
            self.walk_expr(p)

    def walk_expr(self, e) -> None:
        t = e.type
        if t == "Identifier":
            self.ref(e)
        elif t in ("Literal", "Super", "TemplateElement"):
            pass
        elif t == "ThisExpression":
            self.special(e, "%this")
        elif t == "MetaProperty":
            self.special(e, "%newtarget")
        elif t in ("FunctionExpression", "ArrowFunctionExpression"):
            self.resolve_function(e, self.scope)
        elif t == "ClassExpression":
            self.walk_class(e)
        elif t == "MemberExpression":
            self.walk_expr(e.object)
            if e.object.type == "Super":
                self.special(e, "%home")
                self.special(e, "%this")
            if e.computed:
                self.walk_expr(e.property)
        elif t == "CallExpression":
            callee = e.callee
            if callee.type == "Super":
                self.special(e, "%this")
                self.special(e, "%newtarget")
                self.special(e, "%func")
            elif callee.type == "Identifier" and callee.name == "eval":
                self.mark_direct_eval(e)
                self.walk_expr(callee)
            else:
                self.walk_expr(callee)
            for a in e.arguments:
                self.walk_expr(a)
        elif t == "Property":
            if e.computed:
                self.walk_expr(e.key)
            if e.value.type in ("FunctionExpression",) and (e.method or e.kind in ("get", "set")):
                e.value._method = True
            self.walk_expr(e.value)
        elif t in ("ObjectPattern", "ArrayPattern", "AssignmentPattern", "RestElement"):
            self.walk_pattern(e)
        elif t == "AssignmentExpression":
            self.walk_pattern(e.left)
            self.walk_expr(e.right)
        else:
            for c in iter_children(e):
                self.walk_expr(c)

    def mark_direct_eval(self, call) -> None:
        call.maybe_direct_eval = True
        call.eval_in_params = getattr(self, "in_params", False)
        s = self.scope
        f = s.func
        f.direct_eval = True
        # every function around may have its names read by the eval code
        mark_no_hoist(s)
        for name in SPECIALS:
            ts = s.nearest_this_scope() if name != "%func" else s.nearest_this_scope()
            if ts.kind == "function":
                b = ts.declare(name, "special")
                b.captured = True
        ts = s.nearest_this_scope()
        if ts.kind == "function" and "arguments" in ts.bindings:
            ts.bindings["arguments"].captured = True
            ts.uses_arguments = True

    def special(self, node, name: str) -> None:
        s = self.scope.nearest_this_scope()
        refs = node.__dict__.setdefault("srefs", {})
        if s.kind not in ("function", "module"):
            refs[name] = Ref(name, None, s.kind == "eval" or self.in_dynamic(), self.scope, False)
            return
        b = s.declare(name, "special")
        if s is not self.scope.func:
            b.captured = True
        refs[name] = Ref(name, b, False, self.scope, False)

    def in_dynamic(self) -> bool:
        s = self.scope
        while s is not None:
            if s.kind == "with":
                return True
            s = s.parent
        return False

    def ref(self, ident) -> None:
        name = ident.name
        s = self.scope
        dynamic = False
        crossed_function = False
        while s is not None:
            b = s.bindings.get(name)
            if b is not None and not (s.kind == "script" and b.kind in ("var", "let", "const", "class", "lexfunc")
                                      and s.kind == "script"):
                if crossed_function:
                    b.captured = True
                if b.kind == "arguments":
                    s.uses_arguments = True
                tdz = False
                if b.kind == "param" and b.scope.node is not None and b.scope.node.__dict__.get("_param_expr") \
                        and ident._start < b.scope.node.body._start:
                    tdz = True  # a parameter read by a parameter expression may still be uninitialised
                if b.kind in LEXICAL and not (b.node is not None and b.node.__dict__.get("id") is ident):
                    # (the declaring identifier of `let x = ...` is a store that initialises: no TDZ)
                    if (crossed_function or dynamic or ident._start < b.decl_end or b.scope.kind == "switch"
                            or b.scope.kind == "class"):
                        tdz = True
                        b.needs_reset = True
                ident.ref = Ref(name, b, dynamic, self.scope, tdz)
                return
            if s.kind == "with":
                dynamic = True
            if s.kind == "function" and s.direct_eval and not s.strict:
                dynamic = True
            if s.kind == "body" and s.func.direct_eval and not s.strict:
                dynamic = True
            if s.kind == "eval":
                dynamic = True
            if s.kind == "function":
                crossed_function = True
            s = s.parent
        ident.ref = Ref(name, None, dynamic, self.scope, True)


def has_parameter_expressions(params) -> bool:
    """ContainsExpression of the formals: defaults or computed keys anywhere in the patterns."""
    stack = list(params)
    while stack:
        p = stack.pop()
        t = p.type
        if t == "AssignmentPattern":
            return True
        if t == "ObjectPattern":
            for prop in p.properties:
                if prop.type == "RestElement":
                    stack.append(prop.argument)
                else:
                    if prop.computed:
                        return True
                    stack.append(prop.value)
        elif t == "ArrayPattern":
            stack.extend(e for e in p.elements if e is not None)
        elif t == "RestElement":
            stack.append(p.argument)
    return False


def mark_no_hoist(s: Scope) -> None:
    while s is not None:
        s.func.no_hoist = True
        s = s.func.parent


def finalize(root: Scope) -> None:
    """Decide which scopes get runtime environments and assign every binding its slot."""
    stack = [root]
    while stack:
        s = stack.pop()
        f = s.func
        if s.kind in ("script", "eval", "function", "module"):
            s.has_env = True
            if s.kind in ("function", "module"):
                # parameters first, in order, so simple calls can fill them by position; then the
                # slot of this, used or not, so method calls put their receiver in the frame's list
                # display ([env, scope, *args, this, *mtail]: FunctionCode.mtail)
                order = list(s.param_names) + [n for n in s.bindings if n not in s.param_names]
                for name in s.param_names:
                    b = s.bindings[name]
                    if b.index < 0:
                        b.index = s.add_slot(name)
                        b.env_scope = s
                if s.kind == "function":
                    b = s.bindings.get("%this")
                    s.this_slot = s.add_slot("%this" if b is not None else "%receiver")
                    if b is not None:
                        b.index = s.this_slot
                        b.env_scope = s
                for name in order:
                    b = s.bindings[name]
                    if b.index < 0:
                        b.index = s.add_slot(name)
                        b.env_scope = s
                if s.direct_eval and not s.strict:
                    s.eval_dict_index = s.add_slot("%evaldict")
            elif s.kind == "script":
                # script-level var/let/const live on the global object / global lexical record
                pass
            elif s.kind == "eval":
                if s.strict:
                    for name, b in s.bindings.items():
                        b.index = s.add_slot(name)
                        b.env_scope = s
                else:
                    for name, b in s.bindings.items():
                        if b.kind in LEXICAL or b.kind == "lexfunc":
                            b.index = s.add_slot(name)
                            b.env_scope = s
        elif s.kind == "with":
            s.has_env = True
            s.with_index = s.add_slot("%with")
        else:
            own = bool(s.bindings) and (f.no_hoist or any(b.captured for b in s.bindings.values()))
            s.has_env = own
            target = s if own else f
            for name, b in s.bindings.items():
                b.index = target.add_slot(name) if own else target.add_slot("%" + name)
                b.env_scope = target
            if s.kind == "body" and own and f.direct_eval and not s.strict:
                s.eval_dict_index = s.add_slot("%evaldict")
        stack.extend(reversed(s.children))
