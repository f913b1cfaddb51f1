"""The runtime's only door to the engine (docs/python-api.md).

Bindings are plain Python: they describe JS functions with :class:`HostFn` (a callable marker) and
throw JS errors with :class:`HostError`. This module turns those into the engine's `HostFunction`s,
runs scripts in a fresh `Engine` with budgets, and turns every engine outcome into a
:class:`ScriptFailure` carrying the message a user should see.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

try:  # the engine may be absent or half-built; management verbs must work regardless
    import jsengine as _js
    from jsengine import UNDEFINED, HostError

    _IMPORT_ERROR: BaseException | None = None
except Exception as exc:  # noqa: BLE001 - any failure means "engine unavailable"
    _js = None
    _IMPORT_ERROR = exc

    class _Undefined:
        """Stand-in for the engine's `undefined` while the engine cannot be imported."""

        def __repr__(self) -> str:
            return "undefined"

        def __bool__(self) -> bool:
            return False

    UNDEFINED = _Undefined()

    class HostError(Exception):  # type: ignore[no-redef]
        """Stand-in for the engine's HostError: throws a JS error of type `name`."""

        def __init__(self, name: str, message: str) -> None:
            super().__init__(message)
            self.name = name
            self.message = message


__all__ = ["UNDEFINED", "HostError", "HostFn", "Limits", "Sandbox", "ScriptFailure", "compile_script",
           "engine_available", "is_undefined"]


_NO_COMPLETION = "\n;void 0;\n"
_RUN_HAS_RESULT = _js is not None and "result" in inspect.signature(_js.Engine.run).parameters


def engine_available() -> bool:
    """True when the engine imports."""
    return _js is not None


def is_undefined(value: Any) -> bool:
    """True for JS `undefined` as host functions receive it."""
    return value is UNDEFINED


@dataclass(frozen=True)
class HostFn:
    """A Python function offered to JS as a function object. Calling it calls `fn` (for tests)."""

    fn: Callable[..., Any]
    name: str
    length: int = 0

    def __call__(self, *args: Any) -> Any:
        return self.fn(*args)


@dataclass
class Limits:
    """Budgets of one run (see docs/activity-scripts.md for the defaults and how to change them)."""

    steps: int = 200_000_000
    memory: int = 256 * 2**20
    time: float = 60.0
    fetches: int = 50
    fetch_timeout: float = 30.0
    response_bytes: int = 10 * 2**20
    output_bytes: int = 1 * 2**20
    storage_value_bytes: int = 1 * 2**20
    storage_total_bytes: int = 16 * 2**20


class ScriptFailure(Exception):
    """A run that did not complete: `kind` is error, syntax, budget, engine or internal."""

    def __init__(self, kind: str, message: str, budget: str | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.budget = budget

    def __str__(self) -> str:
        return self.message


def _require_engine() -> Any:
    if _js is None:
        raise ScriptFailure(
            "engine", f"the JavaScript engine is not available ({type(_IMPORT_ERROR).__name__}: {_IMPORT_ERROR})"
        )
    return _js


def _to_engine(value: Any) -> Any:
    """Replace HostFn markers (deeply) by engine HostFunctions."""
    if isinstance(value, HostFn):
        return _js.HostFunction(_wrap(value.fn), name=value.name, length=value.length)
    if isinstance(value, dict):
        return {k: _to_engine(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_to_engine(v) for v in value]
    return value


def _wrap(fn: Callable[..., Any]) -> Callable[..., Any]:
    def call(*args: Any) -> Any:
        return _to_engine(fn(*args))

    return call


def _failure(exc: BaseException) -> ScriptFailure:
    """The user-facing failure for an exception raised by the engine."""
    js = _js
    if isinstance(exc, ScriptFailure):
        return exc
    if isinstance(exc, js.BudgetExceeded):
        return ScriptFailure("budget", f"Script stopped: {exc}", budget=getattr(exc, "kind", None))
    if isinstance(exc, js.JSSyntaxError):
        return ScriptFailure("syntax", str(exc))
    if isinstance(exc, js.JSError):
        stack = getattr(exc, "stack", None)
        text = str(exc)
        if isinstance(stack, str) and stack.strip():
            lines = stack.rstrip().splitlines()
            # a JS stack usually starts with "Name: message"; show "Uncaught Name: message" then frames
            frames = [ln for ln in lines if ln.lstrip().startswith("at ")]
            if frames:
                text = text + "\n" + "\n".join(frames)
        return ScriptFailure("error", text)
    if isinstance(exc, RecursionError):
        return ScriptFailure("budget", "Script stopped: stack budget exhausted", budget="stack")
    if isinstance(exc, MemoryError):
        return ScriptFailure("budget", "Script stopped: memory budget exhausted", budget="memory")
    return ScriptFailure("internal", f"internal engine error: {type(exc).__name__}: {exc}")


def compile_script(source: str, filename: str, parse_cache: Path | None = None, lazy: bool = False) -> Any:
    """Parse and compile a script once (raises ScriptFailure for syntax errors).

    With `parse_cache` (a file path), the parse tree is kept on disk and reused while the source, the
    parser and the engine are unchanged, so a fresh process skips parsing. `lazy` compiles function
    bodies on their first call (for a trusted library).
    """
    js = _require_engine()
    try:
        return js.compile(source, filename=filename, lazy=lazy, cache=parse_cache)
    except Exception as exc:  # noqa: BLE001 - every engine failure becomes a clear message
        raise _failure(exc) from None


class Sandbox:
    """A fresh engine (one realm) with budgets, for one run of one script."""

    def __init__(self, limits: Limits, console: Callable[[str, str], None]) -> None:
        js = _require_engine()
        self.limits = limits
        self._usage: dict[str, Any] = {}
        try:
            self.engine = js.Engine(
                budget=js.Budget(steps=limits.steps, memory=limits.memory, timeout=limits.time),
                console=console,
            )
        except Exception as exc:  # noqa: BLE001
            raise _failure(exc) from None

    def define(self, name: str, value: Any) -> None:
        """Define a global (plain data, with HostFn markers anywhere inside)."""
        self.engine.set_global(name, _to_engine(value))

    def run(self, code: Any, filename: str = "script.js") -> None:
        """Run source text or a compiled script; raises ScriptFailure when it does not complete."""
        try:
            # A script's completion value means nothing here, and converting it fails on cyclic values
            # and costs time on big ones: ask the engine not to (older engines: end with `void 0`).
            if _RUN_HAS_RESULT:
                self.engine.run(code, filename=filename, result=False)
            elif isinstance(code, str):
                self.engine.run(code + _NO_COMPLETION, filename=filename)
            else:
                self.engine.run(code)
            rejection = self._unhandled_rejection()
            if rejection is not None:
                raise rejection
            return
        except Exception as exc:  # noqa: BLE001
            failure = _failure(exc)
            if failure.kind == "syntax" and isinstance(code, str):
                failure = self._syntax_error_of(code, filename) or failure
            raise failure from None
        finally:
            self._account()

    def _unhandled_rejection(self) -> BaseException | None:
        """A promise rejection nothing handled ends the run, as it ends a Node process."""
        check = getattr(self.engine, "unhandled_rejection", None)
        return check() if callable(check) else None

    @staticmethod
    def _syntax_error_of(code: str, filename: str) -> ScriptFailure | None:
        """The syntax error of the script as written (without the suffix), e.g. for end of input."""
        try:
            _js.compile(code, filename=filename)
        except Exception as exc:  # noqa: BLE001
            return _failure(exc)
        return None

    def _account(self) -> None:
        try:
            last = dict(self.engine.usage())
        except Exception:  # noqa: BLE001 - usage is informative only
            return
        for key, value in last.items():
            if not isinstance(value, (int, float)):
                continue
            key = "memory" if key == "memory_peak" else key
            before = self._usage.get(key, 0)
            self._usage[key] = max(before, value) if key == "memory" else before + value

    def usage(self) -> dict[str, Any]:
        """Budget use of every run so far: steps and time summed, peak memory."""
        return dict(self._usage)
