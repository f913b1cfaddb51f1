"""The public engine object: a realm with a global object, budgets, and the run loop."""

from __future__ import annotations

import sys
import threading

from .budget import AGENT as A
from .budget import Budget
from .errors import BudgetExceeded, JSError, JSSyntaxError, JSThrow
from .interop import HostFunction, to_js, to_python
from .objects import MISSING, JSObject, Prop
from .parser import raise_recursion_limit
from .realm import Realm
from .values import UNDEFINED, to_display

STACK_BYTES = 256 * 2**20
_stack_lock = threading.Lock()


def _call_in_roomy_chunk(fn, args):
    return fn(*args)


# CPython 3.11 keeps Python frames in 16 KiB chunks and frees a chunk as soon as its first frame
# returns, so a recursion that keeps crossing a chunk boundary maps and unmaps memory on every crossing
# (python/cpython#142183, fixed in 3.13.3+/3.14). JS recursion is deep Python recursion, and whether a
# hot loop sits on a boundary depended on frame sizes: the same program ran up to 3x slower. A frame
# bigger than half of a chunk gets a chunk of the next power of two with the rest free, so this
# function, its value stack padded by _ROOM_SLOTS slots (1 MiB, never touched), runs the engine in a 2 MiB chunk with 1 MiB of room:
# about 600 JS call levels before the next boundary.
_ROOM_SLOTS = 131_072
_code = _call_in_roomy_chunk.__code__
_call_in_roomy_chunk.__code__ = _code.replace(co_stacksize=_code.co_stacksize + _ROOM_SLOTS)
del _code


def run_on_big_stack(fn, *args):
    """Run ``fn`` on a thread with a large C stack and a high recursion limit; re-raise its exception."""
    if getattr(_tls, "inside", False):
        return fn(*args)
    raise_recursion_limit()
    box: dict = {}

    def target():
        _tls.inside = True
        try:
            box["result"] = _call_in_roomy_chunk(fn, args)
        except BaseException as e:  # noqa: BLE001 - handed back to the caller's thread
            box["error"] = e
        finally:
            _tls.inside = False

    with _stack_lock:
        old = threading.stack_size()
        try:
            threading.stack_size(STACK_BYTES)
            t = threading.Thread(target=target, name="jsengine", daemon=True)
            t.start()
        finally:
            threading.stack_size(old)
    t.join()
    if "error" in box:
        raise box["error"]
    return box.get("result")


_tls = threading.local()


def compile(source: str, filename: str = "<script>", strict: bool = False, lazy: bool = False,
            cache=None):
    """Parse and compile a script once (no realm needed); see docs/python-api.md.

    ``lazy=True`` compiles function bodies on their first call: faster start-up for large trusted
    libraries, with early errors inside function bodies reported at that first call. ``cache``: a file
    path where the parse tree is kept between processes (used while the source and engine are unchanged).
    """
    from .compiler import compile_script

    def work():
        prog = None
        if cache is not None:
            from pathlib import Path

            from . import parsecache
            from .parser import parse, prepare_source

            text = prepare_source(source)
            prog = parsecache.load(Path(cache), text)
            if prog is None:
                prog = parse(text, filename, strict)
                parsecache.store(Path(cache), text, prog)
        return compile_script(source, filename, strict, lazy, prog)

    return run_on_big_stack(work)


def js_error_from(exc: JSThrow, realm) -> JSError:
    """Describe an uncaught JS exception for Python (name, message, stack)."""
    value = exc.get_value(realm)
    name, message, stack = "", "", ""
    if isinstance(value, JSObject):
        name = _peek_str(value, "name")
        message = _peek_str(value, "message")
        stack = _peek_str(value, "stack")
        if not name and message:  # {message} of a class without a name: "Test262Error: ..."
            ctor = _peek_obj(value, "constructor")
            if ctor is not None:
                name = _peek_str(ctor, "name")
        if not name and not message:
            from .builtins.console import inspect

            message = inspect(value)
    else:
        from .builtins.console import inspect

        message = inspect(value)
    try:
        py = to_python(value)
    except (TypeError, RecursionError):
        py = None
    return JSError(name, message, stack, py)


def _peek_obj(o, key):
    cur = o
    depth = 0
    while cur is not None and depth < 100:
        p = cur.props.get(key, MISSING)
        if p is not MISSING:
            if type(p) is Prop:
                p = p.value if not p.flags & 8 else None
            return p if isinstance(p, JSObject) else None
        cur = cur.proto
        depth += 1
    return None


def _peek_str(o, key) -> str:
    """Read a string property without running user code (getters are not called)."""
    cur = o
    depth = 0
    while cur is not None and depth < 100:
        p = cur.props.get(key, MISSING)
        if p is not MISSING:
            if type(p) is Prop:
                p = p.value if not p.flags & 8 else None
            return to_display(p) if type(p) is str else ""
        cur = cur.proto
        depth += 1
    return ""


class Engine:
    """A reusable engine: one realm (global object), a budget, and a console sink."""

    def __init__(self, budget: Budget | None = None, console=None, modules_root: str | None = None) -> None:
        self.budget = budget if budget is not None else Budget()
        self.console = console
        self.modules_root = modules_root  # import() may load files under this directory (None: disabled)
        self._usage: dict = {}
        prev = A.realm
        try:
            self.realm = run_on_big_stack(Realm, self)
        finally:
            A.realm = prev

    # -- globals --------------------------------------------------------------------------------------
    def set_global(self, name: str, value) -> None:
        """Define a global variable from a Python value (deep-copied through interop)."""
        prev = A.realm
        A.realm = self.realm
        try:
            self.realm.global_obj.props[name] = to_js(value, self.realm)
        finally:
            A.realm = prev

    def register(self, name: str, fn, length: int = 0) -> None:
        """Expose a Python callable as a global JS function."""
        self.set_global(name, HostFunction(fn, name, length))

    def get_global(self, name: str):
        v = self.realm.global_obj.props.get(name, MISSING)
        if v is MISSING:
            return UNDEFINED
        if type(v) is Prop:
            v = v.value
        return to_python(v)

    # -- running --------------------------------------------------------------------------------------
    def run(self, source, filename: str = "<script>", strict: bool = False, *, result: bool = True):
        """Run a script (source text or a compiled script) and return its completion value
        (``result=False``: return None without converting it, as the CLI does)."""
        return run_on_big_stack(self._run, source, filename, strict, result)

    def _run(self, source, filename: str, strict: bool, result: bool = True):
        from .compiler import CompiledScript, compile_script, run_script

        if isinstance(source, CompiledScript):
            script = source
        else:
            if not isinstance(source, str):
                raise TypeError("source must be a str or a compiled script")
            script = compile_script(source, filename, strict)
        saved = A.save()
        A.reset(self.budget)
        A.realm = self.realm
        try:
            try:
                value = run_script(script, self.realm)
                self._drain_jobs()
                return to_python(value) if result else None
            except JSThrow as e:
                raise js_error_from(e, self.realm) from None
            except RecursionError:
                raise JSError("RangeError", "Maximum call stack size exceeded") from None
        finally:
            self._usage = A.usage()
            A.restore(saved)

    def run_jobs(self) -> None:
        """Drain the promise job queue."""
        run_on_big_stack(self._drain_jobs)

    def _drain_jobs(self) -> None:
        from .builtins.promise import run_next_macrotask

        jobs = A.jobs
        while True:
            while jobs:
                job = jobs.popleft()
                job()
            if not run_next_macrotask(self.realm):  # timers, then the jobs they queue (as Node)
                break

    def unhandled_rejection(self) -> JSError | None:
        """The first promise rejection of the runs so far that never got a handler (Node ends the
        process with it), as a JSError; None when every rejection was handled. Clears the record."""
        from .builtins.promise import take_unhandled_rejections, unhandled_rejection_text

        reasons = take_unhandled_rejections(self.realm)
        if not reasons:
            return None
        text = unhandled_rejection_text(reasons[0])
        if text:
            return JSError("UnhandledPromiseRejection", text)
        return js_error_from(JSThrow(reasons[0]), self.realm)

    def usage(self) -> dict:
        """Budget use of the last run: steps, peak memory (bytes), time (s)."""
        return dict(self._usage)

    def install_test262_host(self) -> None:
        """Define $262 and print for the conformance runner (never for user scripts)."""
        from .host262 import install

        install(self)

    # -- console --------------------------------------------------------------------------------------
    def write_console(self, level: str, text: str) -> None:
        if self.console is not None:
            self.console(level, text)
            return
        stream = sys.stdout if level in ("log", "info", "debug") else sys.stderr
        data = text + "\n"
        try:
            stream.write(data)
        except UnicodeEncodeError:
            enc = getattr(stream, "encoding", None) or "utf-8"
            stream.write(data.encode(enc, "replace").decode(enc, "replace"))


def run(source, globals: dict | None = None, budget: Budget | None = None, filename: str = "<script>"):
    """Run ``source`` in a fresh engine and return the completion value (deep-copied)."""
    eng = Engine(budget=budget)
    if globals:
        for k, v in globals.items():
            eng.set_global(k, v)
    return eng.run(source, filename)


__all__ = ["Budget", "BudgetExceeded", "Engine", "JSError", "JSSyntaxError", "compile", "run"]
