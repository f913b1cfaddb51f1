"""ES modules for dynamic ``import()`` (16.2): loading, linking, evaluation, namespace objects.

Module loading is a host capability: an Engine only loads files when it was given a ``modules_root``
(files outside it are refused), so untrusted scripts cannot read the file system by default.
"""

from __future__ import annotations

import os

from .budget import AGENT as A
from .errors import JSSyntaxError, JSThrow, type_error
from .objects import MISSING, E, W, Desc, JSObject, Prop, ordered_keys, validate_and_apply
from .values import SYM, UNDEFINED, UNINIT, JSSymbol

AMBIGUOUS = "ambiguous"


class ModuleRecord:
    """A Source Text Module Record (16.2.1.6)."""

    def __init__(self, path: str, code) -> None:
        self.path = path
        self.code = code  # CompiledModule
        self.status = "unlinked"
        self.error = None
        self.env: list | None = None
        self.namespace = None
        self.resolved: dict[str, ModuleRecord] = {}

    # -- 16.2.1.6.3 ResolveExport -----------------------------------------------------------------
    def resolve_export(self, name: str, resolve_set=None):
        if resolve_set is None:
            resolve_set = set()
        key = (id(self), name)
        if key in resolve_set:
            return None
        resolve_set.add(key)
        code = self.code
        for ename, lname in code.local_exports:
            if ename == name:
                return (self, lname)
        for ename, req, iname in code.indirect_exports:
            if ename == name:
                imported = self.resolved[req]
                if iname == "*":
                    return (imported, "*namespace*")
                return imported.resolve_export(iname, resolve_set)
        if name == "default":
            return None
        star = None
        for req in code.star_exports:
            imported = self.resolved[req]
            r = imported.resolve_export(name, resolve_set)
            if r == AMBIGUOUS:
                return AMBIGUOUS
            if r is not None:
                if star is None:
                    star = r
                elif star[0] is not r[0] or star[1] != r[1]:
                    return AMBIGUOUS
        return star

    # -- 16.2.1.6.2 GetExportedNames --------------------------------------------------------------
    def exported_names(self, star_set=None) -> list[str]:
        if star_set is None:
            star_set = set()
        if id(self) in star_set:
            return []
        star_set.add(id(self))
        names = [e for e, _ in self.code.local_exports] + [e for e, _, _ in self.code.indirect_exports]
        for req in self.code.star_exports:
            for n in self.resolved[req].exported_names(star_set):
                if n != "default" and n not in names:
                    names.append(n)
        return names


class ModuleNamespace(JSObject):
    """A module namespace exotic object (10.4.6)."""

    __slots__ = ("module", "exports")
    ordinary_get = False
    class_name = "Module"

    def __init__(self, module: ModuleRecord, exports: list[str]) -> None:
        JSObject.__init__(self, None)
        self.module = module
        self.exports = sorted(exports, key=lambda s: [ord(c) for c in s])
        self.props[SYM.toStringTag] = Prop("Module", 0)
        self.extensible = False

    def _value(self, name: str):
        r = self.module.resolve_export(name)
        mod, bname = r
        if bname == "*namespace*":
            return get_namespace(mod)
        env = mod.env
        idx = mod.code.scope.bindings[bname].index
        v = env[idx]
        if type(v) is tuple:  # an import binding of that module
            v = v[0][v[1]]
        if v is UNINIT:
            raise JSThrow(kind="ReferenceError", msg=f"Cannot access '{name}' before initialization")
        return v

    def set_prototype_of(self, v) -> bool:
        return v is None

    def prevent_extensions(self) -> bool:
        return True

    def get_own_property(self, key):
        if type(key) is JSSymbol:
            return self.props.get(key, MISSING)
        if key not in self.exports:
            return MISSING
        return Prop(self._value(key), W | E)

    def define_own_property(self, key, desc: Desc) -> bool:
        if type(key) is JSSymbol:
            cur = self.props.get(key, MISSING)
            return validate_and_apply(self, key, False, desc, cur)
        cur = self.get_own_property(key)
        if cur is MISSING:
            return False
        if desc.configurable is True or desc.enumerable is False or desc.is_accessor() or desc.writable is False:
            return False
        if desc.value is not Desc().value:
            from .objects import same_value

            return same_value(desc.value, cur.value)
        return True

    def has_property(self, key) -> bool:
        if type(key) is JSSymbol:
            return key in self.props
        return key in self.exports

    def get(self, key, receiver=None):
        if type(key) is JSSymbol:
            v = self.props.get(key, MISSING)
            return UNDEFINED if v is MISSING else (v.value if type(v) is Prop else v)
        if key not in self.exports:
            return UNDEFINED
        return self._value(key)

    def set(self, key, value, receiver=None) -> bool:
        return False

    def delete(self, key) -> bool:
        if type(key) is JSSymbol:
            return JSObject.delete(self, key)
        return key not in self.exports

    def own_keys(self) -> list:
        return list(self.exports) + [k for k in ordered_keys(self.props) if type(k) is JSSymbol]


def get_namespace(m: ModuleRecord):
    if m.namespace is None:
        names = [n for n in m.exported_names() if m.resolve_export(n) not in (None, AMBIGUOUS)]
        m.namespace = ModuleNamespace(m, names)
    return m.namespace


class Loader:
    """Loads module files under ``root`` for one realm."""

    def __init__(self, realm, root: str) -> None:
        self.realm = realm
        self.root = os.path.realpath(root)
        self.cache: dict[str, ModuleRecord] = {}

    def resolve_path(self, referrer: str, specifier: str) -> str:
        base = os.path.dirname(referrer) if referrer and os.path.isabs(referrer) else self.root
        if referrer and not os.path.isabs(referrer) and os.path.exists(referrer):
            base = os.path.dirname(os.path.realpath(referrer))
        if not (specifier.startswith("./") or specifier.startswith("../") or specifier.startswith("/")):
            raise type_error(f"Cannot find module '{specifier}' (only relative paths can be imported)")
        path = os.path.realpath(os.path.join(base, specifier))
        if os.path.commonpath([path, self.root]) != self.root:
            raise type_error(f"Cannot import '{specifier}': outside the allowed directory")
        if not os.path.isfile(path):
            raise type_error(f"Cannot find module '{specifier}'")
        return path

    def load(self, path: str) -> ModuleRecord:
        m = self.cache.get(path)
        if m is not None:
            return m
        from .compiler.api import compile_module

        with open(path, "rb") as f:
            source = f.read().decode("utf-8", "replace")
        try:
            code = compile_module(source, path)
        except JSSyntaxError as e:
            raise JSThrow(kind="SyntaxError", msg=e.message) from None
        m = ModuleRecord(path, code)
        self.cache[path] = m
        for spec in code.requested:
            m.resolved[spec] = self.load(self.resolve_path(path, spec))
        return m

    def link(self, m: ModuleRecord) -> None:
        """Link (16.2.1.5.1): create every environment, then resolve imports, then hoist functions."""
        order: list[ModuleRecord] = []
        seen: set = set()

        def visit(x):
            if id(x) in seen or x.status != "unlinked":
                return
            seen.add(id(x))
            for dep in x.resolved.values():
                visit(dep)
            order.append(x)
        visit(m)
        for x in order:
            scope = x.code.scope
            env = [None, scope] + [UNDEFINED] * (scope.size - 2)
            for b in x.code.tdz_slots:
                env[b] = UNINIT
            x.env = env
        try:
            for x in order:
                self._initialize(x)
        except JSThrow:
            for x in order:
                x.status = "unlinked"
                x.env = None
            raise
        for x in order:
            x.status = "linked"

    def _initialize(self, x: ModuleRecord) -> None:
        code = x.code
        for ename, req, iname in code.indirect_exports:
            r = x.resolve_export(ename)
            if r is None or r == AMBIGUOUS:
                raise JSThrow(kind="SyntaxError", msg=f"The requested module '{req}' does not provide an export named '{iname}'")
        env = x.env
        for req, iname, lname in code.import_entries:
            target = x.resolved[req]
            idx = code.scope.bindings[lname].index
            if iname == "*":
                env[idx] = get_namespace(target)
                continue
            r = target.resolve_export(iname)
            if r is None or r == AMBIGUOUS:
                what = "an ambiguous export" if r == AMBIGUOUS else "an export"
                raise JSThrow(kind="SyntaxError", msg=f"The requested module '{req}' provides {what} named '{iname}'"
                              if r == AMBIGUOUS else f"The requested module '{req}' does not provide an export named '{iname}'")
            mod, bname = r
            if bname == "*namespace*":
                env[idx] = get_namespace(mod)
            else:
                tidx = mod.code.scope.bindings[bname].index
                tv = mod.env[tidx]
                env[idx] = tv if type(tv) is tuple else (mod.env, tidx)
        prev = A.realm
        A.realm = self.realm
        try:
            for idx, maker in code.funcs:
                env[idx] = maker(env, None)
        finally:
            A.realm = prev

    def evaluate(self, m: ModuleRecord) -> None:
        if m.status == "evaluated":
            if m.error is not None:
                raise JSThrow(m.error)
            return
        if m.status == "evaluating":
            return
        m.status = "evaluating"
        try:
            for dep in m.code.requested:
                self.evaluate(m.resolved[dep])
            from .compiler.api import run_body

            prev = A.realm
            A.realm = self.realm
            try:
                run_body(m.code.body, m.env, m.path)
            finally:
                A.realm = prev
        except JSThrow as e:
            m.status = "evaluated"
            m.error = e.get_value(self.realm)
            raise
        m.status = "evaluated"


def dynamic_import(referrer: str, specifier_value):
    """ImportCall evaluation (13.3.10.1): a promise for the module namespace."""
    from .builtins.promise import enqueue_job, new_intrinsic_promise, reject_promise, resolve_promise
    from .ops import to_string

    realm = A.realm
    promise = new_intrinsic_promise(realm)
    try:
        spec = to_string(specifier_value)
    except JSThrow as e:
        reject_promise(promise, e.get_value(realm))
        return promise
    engine = realm.engine
    root = getattr(engine, "modules_root", None) if engine is not None else None

    def job():
        prev = A.realm
        A.realm = realm
        try:
            if root is None:
                raise type_error("import() is not available: this engine has no module loader")
            loader = realm.__dict__.get("module_loader")
            if loader is None:
                loader = realm.module_loader = Loader(realm, root)
            m = loader.load(loader.resolve_path(referrer, spec))
            if m.status == "unlinked":
                loader.link(m)
            loader.evaluate(m)
            resolve_promise(promise, get_namespace(m))
        except JSThrow as e:
            reject_promise(promise, e.get_value(realm))
        except OSError as e:
            reject_promise(promise, JSThrow(kind="TypeError", msg=f"Cannot load module '{spec}': {e.strerror}")
                           .get_value(realm))
        finally:
            A.realm = prev
    enqueue_job(job)
    return promise
