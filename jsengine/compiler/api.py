"""Compiling and running scripts, eval code and dynamic functions."""

from __future__ import annotations

from ..budget import AGENT as A
from ..errors import JSSyntaxError, JSThrow
from ..objects import C, DEFAULT, MISSING, E, W, Desc, JSObject, Prop
from ..parser import make_syntax_error, parse, prepare_source, source_line
from ..values import UNDEFINED, UNINIT
from . import runtime as rt
from .codegen import Compiler, dedupe_funcs
from .scope import LEXICAL, EarlyError, Resolver, Scope
from .stack import register_script_runner


class CompiledScript:
    """A script compiled once, runnable in any realm (immutable)."""

    __slots__ = ("filename", "source", "scope", "body", "strict", "var_names", "func_makers",
                 "lexicals", "cv_index", "__weakref__")

    def __init__(self) -> None:
        self.filename = "<script>"
        self.source = ""


def _early(e: EarlyError, source: str, filename: str) -> JSSyntaxError:
    node = e.node
    line = getattr(node, "_line", 1) or 1
    col = getattr(node, "_column", 0) or 0
    return make_syntax_error(str(e), source, filename, line, col)


def compile_script(source: str, filename: str = "<script>", strict: bool = False, lazy: bool = False,
                   prog=None) -> CompiledScript:
    """Parse, resolve and compile a Script. Raises JSSyntaxError (parse and early errors).

    ``lazy``: compile function bodies on first call (for trusted library code: early errors inside
    function bodies are then reported when the function is first called). ``prog``: an already
    parsed Program (from ``parse``) to compile instead of parsing ``source`` again."""
    source = prepare_source(source)
    if prog is None:
        prog = parse(source, filename, strict)
    try:
        scope = Resolver(source).resolve_program(prog, strict)
        comp = Compiler(source, filename)
        comp.lazy = lazy
        comp.scope = scope
        cv_index = scope.add_slot("%cv")
        comp.cv_ref = (scope, cv_index)
        cs = CompiledScript()
        cs.filename = filename
        cs.source = source
        cs.scope = scope
        cs.strict = scope.strict
        cs.cv_index = cv_index
        cs.var_names = list(scope.var_names)
        cs.func_makers = [(f.id.name, comp.function_maker(f)) for f in dedupe_funcs(scope.funcs)]
        cs.lexicals = [(b.name, b.kind) for b in scope.lexical_decls]
        cs.body = comp.stmt_list(prog.body)
    except EarlyError as e:
        raise _early(e, source, filename) from None
    except RecursionError:
        raise JSSyntaxError("Maximum nesting depth exceeded while compiling", filename, 1, 1,
                            source_line(source, 1)) from None
    return cs


def run_body(body, env, filename):
    """Runs script/eval code; its frame marks the script level in stack traces."""
    return body(env)


register_script_runner(run_body.__code__)


def run_script(cs: CompiledScript, realm):
    """ScriptEvaluation (16.1.6): returns the completion value."""
    scope = cs.scope
    env = [None, scope] + [UNDEFINED] * (scope.size - 2)
    for b in _hoisted_lexicals(scope):
        env[b.index] = UNINIT
    for name, _kind in cs.lexicals:
        if name in realm.global_lex:
            raise JSThrow(kind="SyntaxError", msg=f"Identifier '{name}' has already been declared")
    _gdi(cs, realm, env)
    run_body(cs.body, env, cs.filename)
    return env[cs.cv_index]


def _gdi(cs, realm, env) -> None:
    # like global_declaration_instantiation, but functions get the script env
    g = realm.global_obj
    lex = realm.global_lex
    for name, kind in cs.lexicals:
        p = g.get_own_property(name)
        if p is not MISSING and type(p) is Prop and not p.flags & C:
            raise JSThrow(kind="SyntaxError", msg=f"Identifier '{name}' has already been declared")
    for name in cs.var_names:
        if name in lex:
            raise JSThrow(kind="SyntaxError", msg=f"Identifier '{name}' has already been declared")
    fnames = [n for n, _ in cs.func_makers]
    for name in fnames:
        if name in lex:
            raise JSThrow(kind="SyntaxError", msg=f"Identifier '{name}' has already been declared")
        p = g.get_own_property(name)
        if p is MISSING:
            if not g.is_extensible():
                raise JSThrow(kind="TypeError", msg=f"Cannot define global function '{name}'")
        elif type(p) is Prop and not p.flags & C:
            if p.flags & 8 or not (p.flags & W and p.flags & E):
                raise JSThrow(kind="TypeError", msg=f"Cannot redefine global function '{name}'")
    for name in cs.var_names:
        if name not in fnames and g.get_own_property(name) is MISSING and not g.is_extensible():
            raise JSThrow(kind="TypeError", msg=f"Cannot define global variable '{name}'")
    for name, kind in cs.lexicals:
        lex[name] = UNINIT
        if kind == "const":
            realm.global_lex_const.add(name)
        else:
            realm.global_lex_const.discard(name)
    for name, maker in cs.func_makers:
        fo = maker(env, None)
        p = g.get_own_property(name)
        if p is MISSING or type(p) is not Prop or p.flags & C:
            g.define_own_property(name, Desc(value=fo, writable=True, enumerable=True, configurable=False))
        else:
            g.define_own_property(name, Desc(value=fo))
    for name in cs.var_names:
        if name in fnames:
            continue
        if g.get_own_property(name) is MISSING:
            g.define_own_property(name, Desc(value=UNDEFINED, writable=True, enumerable=True,
                                             configurable=False))


def _hoisted_lexicals(scope: Scope):
    stack = list(scope.children)
    while stack:
        s = stack.pop()
        if s.func is not scope:
            continue
        for b in s.bindings.values():
            if b.env_scope is scope and b.kind in LEXICAL:
                yield b
        stack.extend(s.children)


class CompiledModule:
    """A module compiled once: scope, body, hoisted functions and its import/export entries."""

    __slots__ = ("filename", "scope", "body", "funcs", "tdz_slots", "requested", "import_entries",
                 "local_exports", "indirect_exports", "star_exports")


def compile_module(source: str, filename: str) -> CompiledModule:
    """ParseModule (16.2.1.6.1) and compile; raises JSSyntaxError."""
    import esprima

    from ..parser import _LINE_PREFIX

    source = prepare_source(source)
    try:
        prog = esprima.parseModule(source, {"tolerant": False})
    except esprima.Error as e:
        msg = _LINE_PREFIX.sub("", getattr(e, "message", None) or str(e))
        raise make_syntax_error(msg, source, filename, getattr(e, "lineNumber", 1) or 1,
                                (getattr(e, "column", 1) or 1) - 1) from None
    except RecursionError:
        raise JSSyntaxError("Maximum nesting depth exceeded while parsing", filename) from None
    cm = CompiledModule()
    cm.filename = filename
    try:
        scope = Resolver(source).resolve_module(prog)
        comp = Compiler(source, filename)
        comp.scope = scope
        cm.scope = scope
        funcs = []
        for f in dedupe_funcs_module(scope.funcs):
            name = f.id.name if f.id is not None else "*default*"
            maker = comp.function_maker(f)
            if f.id is None:
                maker.code.name = "default"
            funcs.append((scope.bindings[name].index, maker))
        cm.funcs = funcs
        cm.body = comp.stmt_list(prog.body)
    except EarlyError as e:
        raise _early(e, source, filename) from None
    cm.tdz_slots = [b.index for b in scope.bindings.values() if b.kind in LEXICAL]
    cm.tdz_slots += list(_hoisted_slots(scope))
    requested: list = []
    imports: list = []
    import_of: dict = {}
    for st in prog.body:
        if st.type == "ImportDeclaration":
            req = st.source.value
            if req not in requested:
                requested.append(req)
            for sp in st.specifiers:
                if sp.type == "ImportNamespaceSpecifier":
                    iname = "*"
                elif sp.type == "ImportDefaultSpecifier":
                    iname = "default"
                else:
                    iname = sp.imported.name
                imports.append((req, iname, sp.local.name))
                import_of[sp.local.name] = (req, iname)
    local, indirect, star = [], [], []
    for st in prog.body:
        t = st.type
        if t == "ExportNamedDeclaration":
            if st.declaration is not None:
                d = st.declaration
                if d.type == "VariableDeclaration":
                    from .scope import pattern_names

                    for decl in d.declarations:
                        for n in pattern_names(decl.id, []):
                            local.append((n, n))
                else:
                    local.append((d.id.name, d.id.name))
            elif st.source is not None:
                req = st.source.value
                if req not in requested:
                    requested.append(req)
                for sp in st.specifiers:
                    indirect.append((sp.exported.name, req, sp.local.name))
            else:
                for sp in st.specifiers:
                    ln, en = sp.local.name, sp.exported.name
                    imp = import_of.get(ln)
                    if imp is not None and imp[1] != "*":
                        indirect.append((en, imp[0], imp[1]))
                    else:
                        local.append((en, ln))
        elif t == "ExportDefaultDeclaration":
            d = st.declaration
            if d.type in ("FunctionDeclaration", "ClassDeclaration") and d.id is not None:
                local.append(("default", d.id.name))
            else:
                local.append(("default", "*default*"))
        elif t == "ExportAllDeclaration":
            req = st.source.value
            if req not in requested:
                requested.append(req)
            if st.exported is None:
                star.append(req)
            else:
                indirect.append((st.exported.name, req, "*"))
    names = [e for e, _ in local] + [e for e, _, _ in indirect]
    if len(set(names)) != len(names):
        raise make_syntax_error("Duplicate export name", source, filename, 1, 0)
    cm.requested = requested
    cm.import_entries = imports
    cm.local_exports = local
    cm.indirect_exports = indirect
    cm.star_exports = star
    return cm


def dedupe_funcs_module(funcs: list) -> list:
    seen = {}
    for f in funcs:
        seen[f.id.name if f.id is not None else "*default*"] = f
    return list(seen.values())


def _hoisted_slots(scope: Scope):
    for b in _hoisted_lexicals(scope):
        yield b.index


# -- eval (19.2.1) ------------------------------------------------------------------------------------


def perform_eval(x, realm, strict_caller: bool, env, caller_scope: Scope | None, fcode=None,
                 in_params: bool = False, referrer: str = "<eval>"):
    """PerformEval: direct when ``env``/``caller_scope`` are given, else indirect (global)."""
    if type(x) is not str:
        return x
    direct = caller_scope is not None
    try:
        prog = parse(x, "<eval>", strict_caller and direct)
    except JSSyntaxError as e:
        raise JSThrow(kind="SyntaxError", msg=e.message) from None
    try:
        resolver = Resolver(x)
        scope = resolver.resolve_program(prog, strict_caller if direct else False, "eval",
                                         caller_scope if direct else None)
        _check_eval_context(prog, caller_scope, fcode, direct)
        comp = Compiler(x, "<eval>")
        comp.referrer = referrer
        comp.scope = scope
        cv_index = scope.add_slot("%cv")
        comp.cv_ref = (scope, cv_index)
        funcs = [(f.id.name, comp.function_maker(f)) for f in dedupe_funcs(scope.funcs)]
        body = comp.stmt_list(prog.body)
    except EarlyError as e:
        raise JSThrow(kind="SyntaxError", msg=str(e)) from None
    except RecursionError:
        raise JSThrow(kind="RangeError", msg="Maximum call stack size exceeded") from None
    if in_params and not scope.strict and "arguments" in scope.var_names:
        raise JSThrow(kind="SyntaxError", msg="Identifier 'arguments' has already been declared")
    eenv = [env if direct else None, scope] + [UNDEFINED] * (scope.size - 2)
    for b in scope.bindings.values():
        if b.kind in LEXICAL and b.env_scope is scope:
            eenv[b.index] = UNINIT
    for b in _hoisted_lexicals(scope):
        eenv[b.index] = UNINIT
    # EvalDeclarationInstantiation (19.2.1.3)
    if scope.strict:
        for name, maker in funcs:
            eenv[scope.bindings[name].index] = maker(eenv, None)
    else:
        var_env = rt.find_var_env(env) if direct else None
        names = list(scope.var_names)
        fnames = [n for n, _ in funcs]
        # conflicts with lexical declarations between the eval and its variable scope
        if direct:
            e = env
            while e is not None and e is not var_env:
                meta = e[1]
                if meta.kind != "with":
                    for name in names + fnames:
                        b = meta.bindings.get(name)
                        if b is not None and b.env_scope is meta and b.kind in LEXICAL + ("lexfunc", "catchparam"):
                            if b.kind == "catchparam":
                                continue  # B.3.5: a catch parameter may be redeclared by eval code
                            raise JSThrow(kind="SyntaxError", msg=f"Identifier '{name}' has already been declared")
                e = e[0]
        if var_env is None:
            g = realm.global_obj
            for name in names + fnames:
                if name in realm.global_lex:
                    raise JSThrow(kind="SyntaxError", msg=f"Identifier '{name}' has already been declared")
            for name in fnames:
                p = g.get_own_property(name)
                if p is MISSING:
                    if not g.is_extensible():
                        raise JSThrow(kind="TypeError", msg=f"Cannot define global function '{name}'")
                elif type(p) is Prop and not p.flags & C and (p.flags & 8 or not (p.flags & W and p.flags & E)):
                    raise JSThrow(kind="TypeError", msg=f"Cannot redefine global function '{name}'")
            for name in names:
                if name not in fnames and g.get_own_property(name) is MISSING and not g.is_extensible():
                    raise JSThrow(kind="TypeError", msg=f"Cannot define global variable '{name}'")
            for name, maker in funcs:
                fo = maker(eenv, None)
                p = g.get_own_property(name)
                if p is MISSING or type(p) is not Prop or p.flags & C:
                    g.define_own_property(name, Desc(value=fo, writable=True, enumerable=True, configurable=True))
                else:
                    g.define_own_property(name, Desc(value=fo))
            for name in names:
                if name not in fnames and g.get_own_property(name) is MISSING:
                    g.define_own_property(name, Desc(value=UNDEFINED, writable=True, enumerable=True,
                                                     configurable=True))
        else:
            meta = var_env[1]
            di = meta.eval_dict_index
            d = var_env[di] if di >= 0 else None
            for name, maker in funcs:
                fo = maker(eenv, None)
                idx = meta.names.get(name)
                if idx is not None:
                    var_env[idx] = fo
                else:
                    if d is None:
                        d = var_env[di] = {}
                    d[name] = fo
            for name in names:
                if name in fnames:
                    continue
                if meta.names.get(name) is not None:
                    continue
                if d is None:
                    d = var_env[di] = {}
                if name not in d:
                    d[name] = UNDEFINED
    run_body(body, eenv, "<eval>")
    return eenv[cv_index]


def _check_eval_context(prog, caller_scope, fcode, direct: bool) -> None:
    """Early errors for eval code: new.target / super outside functions or methods."""
    from .scope import iter_children

    fn_ok = False
    method_ok = False
    ctor_ok = False
    if direct and caller_scope is not None:
        s = caller_scope.nearest_this_scope()
        if s.kind == "function":
            fn_ok = True
            node = s.node
            method_ok = bool(getattr(node, "_method", False))
            ctor_ok = s.is_class_ctor and s.derived
    stack = [prog]
    while stack:
        n = stack.pop()
        t = n.type
        if t in ("FunctionExpression", "FunctionDeclaration"):
            continue
        if t == "MetaProperty" and not fn_ok:
            raise EarlyError("new.target expression is not allowed here", n)
        if t == "Super":
            pass
        if t == "MemberExpression" and n.object.type == "Super" and not method_ok:
            raise EarlyError("'super' keyword unexpected here", n)
        if t == "CallExpression" and n.callee.type == "Super" and not ctor_ok:
            raise EarlyError("'super' keyword unexpected here", n)
        if t == "ArrowFunctionExpression":
            stack.extend(iter_children(n))
            continue
        stack.extend(iter_children(n))


# -- dynamic functions (20.2.1.1.1) -------------------------------------------------------------------


def create_dynamic_function(realm, kind: str, args: list, new_target=None):
    """CreateDynamicFunction (20.2.1.1.1): ``new Function(p1, ..., body)`` and the generator/async kinds."""
    from ..ops import to_string

    prefix = {"normal": "function", "generator": "function*", "async": "async function",
              "asyncGenerator": "async function*"}[kind]
    params = [to_string(a) for a in args[:-1]] if args else []
    body = to_string(args[-1]) if args else ""
    p = ",".join(params)
    head = f"{prefix} anonymous({p}\n) "
    src = f"{head}{{\n{body}\n}}"
    try:
        prog = parse(src, "<anonymous>", False)
    except JSSyntaxError as e:
        raise JSThrow(kind="SyntaxError", msg=e.message) from None
    # the parameters and the body must each stand alone: the function's body starts at our brace
    ok = (len(prog.body) == 1 and prog.body[0].type == "FunctionDeclaration"
          and prog.body[0].body._start == len(head) and prog.body[0].body._end == len(src))
    if not ok:
        raise JSThrow(kind="SyntaxError", msg="Arg string terminates parameters early")
    fn = prog.body[0]
    fn.type = "FunctionExpression"
    expr_prog = _wrap_expression(prog)
    try:
        scope = Resolver(src).resolve_program(expr_prog, False, "script")
        comp = Compiler(src, "<anonymous>")
        comp.scope = scope
        maker = comp.function_maker(fn)
    except EarlyError as e:
        raise JSThrow(kind="SyntaxError", msg=str(e)) from None
    env = [None, scope] + [UNDEFINED] * (scope.size - 2)
    prev = A.realm
    A.realm = realm
    try:
        f = maker(env, None)
    finally:
        A.realm = prev
    f.code.name = "anonymous"
    f.props["name"] = Prop("anonymous", C)
    default = {"normal": "Function", "generator": "GeneratorFunction", "async": "AsyncFunction",
               "asyncGenerator": "AsyncGeneratorFunction"}[kind]
    if new_target is not None and new_target is not getattr(realm, default, None):
        from ..ops import get_prototype_from_constructor

        f.proto = get_prototype_from_constructor(new_target, default + "Prototype")
    return f


def _wrap_expression(prog):
    """Turn ``function anonymous(){}`` (parsed as a declaration) into an expression statement."""
    from esprima import nodes as N

    fn = prog.body[0]
    stmt = N.ExpressionStatement(fn)
    stmt._start, stmt._end, stmt._line, stmt._column = fn._start, fn._end, fn._line, fn._column
    prog.body = [stmt]
    return prog


__all__ = ["compile_script", "run_script", "perform_eval", "create_dynamic_function", "CompiledScript",
           "DEFAULT", "JSObject"]
