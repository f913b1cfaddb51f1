"""Run one test262 run in a fresh engine and judge it (INTERPRETING.md, "Test Results").

This is the worker-side half of the runner. It only needs the engine's public API
(docs/python-api.md): ``compile``, ``Engine(budget=..., console=...)``, ``Engine.run``,
``Engine.run_jobs``, ``Engine.install_test262_host``, ``Budget`` and the exceptions ``JSError``,
``JSSyntaxError`` and ``BudgetExceeded``. The engine is passed in as a module so tests can use a fake.

Verdicts:
- negative ``parse``: compiling the test must raise ``JSSyntaxError`` of the expected type; the test
  is never run (and no realm is created).
- otherwise the test must compile; harness files run first (each compiled once per worker), then the
  test, then the job queue is drained.
- negative ``runtime``: the test must throw a ``JSError`` whose ``name`` is the expected type.
- ``async``: the test passes only when ``print`` received ``Test262:AsyncTestComplete`` and not
  ``Test262:AsyncTestFailure:...`` first.
- a budget overrun (steps, memory, time) is a failure.
"""

from __future__ import annotations

import array
import importlib
import importlib.util
import inspect
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from .suite import STRICT_PREFIX, Run, read_source

__all__ = ["FAIL", "PASS", "Executor", "Limits", "load_engine"]

PASS = "pass"
FAIL = "fail"
ASYNC_COMPLETE = "Test262:AsyncTestComplete"
ASYNC_FAILURE = "Test262:AsyncTestFailure:"
MESSAGE_LIMIT = 600
_PRINT_LIMIT = 200  # lines of print() output kept per run


@dataclass(frozen=True)
class Limits:
    """Per-run budget handed to ``jsengine.Budget``."""

    steps: int = 100_000_000
    memory: int = 512 * 2**20
    timeout: float = 60.0  # 3x the CPU time of the slowest passing tests (about 19 s)


class WorkerMustRetire(Exception):
    """Raised after a run whose failure leaves the worker process in doubt (MemoryError)."""


def load_engine(spec: str = "jsengine") -> ModuleType:
    """Import the engine: a module name (``jsengine``) or a path to a ``.py`` file (test fakes)."""
    if spec.endswith(".py"):
        path = Path(spec).resolve()
        name = f"_conformance_engine_{path.stem}"
        if name in sys.modules:
            return sys.modules[name]
        module_spec = importlib.util.spec_from_file_location(name, path)
        if module_spec is None or module_spec.loader is None:
            raise ImportError(f"cannot load engine from {spec}")
        module = importlib.util.module_from_spec(module_spec)
        sys.modules[name] = module
        module_spec.loader.exec_module(module)
        return module
    return importlib.import_module(spec)


def _clip(text: str, limit: int = MESSAGE_LIMIT) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 3] + "..."


def describe_error(exc: BaseException) -> str:
    """One compact line for a JS error: ``TypeError: message``; syntax errors add file:line:col."""
    line = getattr(exc, "line", None)
    name, message = getattr(exc, "name", None), getattr(exc, "message", None)
    if line is not None and name is not None:
        text = f"{name}: {message}" if message else str(name)
        return _clip(f"{text} ({getattr(exc, 'filename', '?')}:{line}:{getattr(exc, 'column', '?')})")
    text = str(exc).strip()
    text = text.splitlines()[0] if text else ""
    if not text:
        text = f"{name}: {message}" if name else type(exc).__name__
    return _clip(text.removeprefix("Uncaught "))


def error_matches(exc: BaseException, expected: str | None) -> bool:
    """Whether a JS error is of the expected constructor: its ``name``, or -- for thrown objects that
    are not native errors, such as ``new Test262Error()`` -- the constructor name its text starts with
    (``Test262Error: ...`` or ``Test262Error { message: '' }``)."""
    if expected is None:
        return False
    if getattr(exc, "name", None) == expected:
        return True
    text = str(exc).strip().removeprefix("Uncaught ").strip()
    return text == expected or (text.startswith(expected) and text[len(expected)] in ": {(")


def describe_crash(exc: BaseException) -> str:
    """A Python exception escaping the engine: its type, message and innermost frame."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = ""
    if frames:
        last = frames[-1]
        where = f" at {Path(last.filename).name}:{last.lineno} in {last.name}"
    return _clip(f"engine crash: {type(exc).__name__}: {exc}{where}")


class _HarnessError(Exception):
    pass


def _build_string(args) -> str:
    """regExpUtils.js ``buildString({loneCodePoints, ranges})`` in Python: the string of every lone code
    point and every code point of every inclusive range, in order, as UTF-16 code units (the engine's
    string form). The JS version loops over up to 1.1 million code points in JS (about 1.5 CPU seconds
    per RegExp property-escape test in this engine); this one slices two cached tables."""
    pieces = [_code_units(int(cp), int(cp)) for cp in args.get("loneCodePoints") or []]
    pieces += [_code_units(int(start), int(end)) for start, end in args.get("ranges") or []]
    return "".join(pieces)


_UNIT_TABLES: list[str] = []


def _code_units(start: int, end: int) -> str:
    """Code points start..end (inclusive) as UTF-16 code units: astral ones as surrogate pairs."""
    if not _UNIT_TABLES:
        bmp = "".join(map(chr, range(0x10000)))
        units = array.array("H")
        astral = "".join(map(chr, range(0x10000, 0x110000)))
        units.frombytes(astral.encode("utf-16-le" if sys.byteorder == "little" else "utf-16-be"))
        _UNIT_TABLES[:] = [bmp, "".join(map(chr, units))]
    bmp, astral = _UNIT_TABLES
    out = ""
    if start <= 0xFFFF:
        out = bmp[start : min(end, 0xFFFF) + 1]
    if end >= 0x10000:
        first = max(start, 0x10000) - 0x10000
        out += astral[2 * first : 2 * (end - 0x10000 + 1)]
    return out


#: Harness functions the runner replaces by host functions after the file has run. INTERPRETING.md allows
#: it ("consumers may choose to override any of the functions defined by test harness files"); these are
#: pure data builders whose JS versions only cost time. ``--pure-harness`` turns this off.
HARNESS_OVERRIDES: dict[str, tuple[tuple[str, object, int], ...]] = {
    "regExpUtils.js": (("buildString", _build_string, 1),),
}


def _is_completion_conversion(exc: BaseException) -> bool:
    """True for the Python TypeError ``Engine.run`` raises when the script *completed* but its completion
    value cannot be converted to Python (a cyclic object such as ``this``): the run itself succeeded."""
    if not isinstance(exc, TypeError):
        return False
    frames = traceback.extract_tb(exc.__traceback__)
    return any(f.name == "to_python" and Path(f.filename).name == "interop.py" for f in frames)


def _accepts_result_flag(engine_class) -> bool:
    """Whether ``Engine.run`` takes ``result=False`` (skip converting the completion value)."""
    try:
        return "result" in inspect.signature(engine_class.run).parameters
    except (TypeError, ValueError, AttributeError):
        return False


def _run(engine, script, kwargs: dict) -> None:
    """``engine.run(script)``, ignoring the completion value (never needed by test262)."""
    try:
        engine.run(script, **kwargs)
    except TypeError as exc:
        if not _is_completion_conversion(exc):
            raise


class Executor:
    """Runs test262 runs one at a time in fresh engines; caches compiled harness files."""

    def __init__(self, engine: ModuleType, root: Path, limits: Limits | None = None, overrides: bool = True):
        self.js = engine
        self.root = Path(root)
        self.limits = limits or Limits()
        self.overrides = overrides and hasattr(engine, "HostFunction")
        self._harness: dict[str, object] = {}
        self._source: tuple[str | None, str] = (None, "")
        self._root_prefix = str(self.root.resolve()) + "/"
        self._run_kwargs = {"result": False} if _accepts_result_flag(getattr(engine, "Engine", None)) else {}

    # -- caches ------------------------------------------------------------------------------------
    def harness(self, name: str):
        """The compiled harness file (compiled on first use, then reused for every run)."""
        cached = self._harness.get(name)
        if cached is None:
            path = self.root / "harness" / name
            try:
                cached = self.js.compile(read_source(path), filename=f"harness/{name}")
            except OSError as exc:
                cached = _HarnessError(f"harness file {name} cannot be read: {exc.strerror}")
            except self.js.JSSyntaxError as exc:
                cached = _HarnessError(f"harness file {name} does not compile: {describe_error(exc)}")
            self._harness[name] = cached
        if isinstance(cached, _HarnessError):
            raise cached
        return cached

    def source(self, rel: str) -> str:
        if self._source[0] != rel:
            self._source = (rel, read_source(self.root / rel))
        return self._source[1]

    # -- one run -----------------------------------------------------------------------------------
    def execute(self, run: Run) -> tuple[str, str]:
        """(status, message) for one run. Raises WorkerMustRetire (after judging) on MemoryError."""
        status, message = self._judge(run)
        return status, message.replace(self._root_prefix, "") if message else message

    def _judge(self, run: Run) -> tuple[str, str]:
        try:
            return self._execute(run)
        except self.js.BudgetExceeded as exc:
            kind = getattr(exc, "kind", "?")
            return FAIL, _clip(f"budget exceeded ({kind}): {exc}")
        except RecursionError as exc:
            return FAIL, describe_crash(exc)
        except MemoryError as exc:
            raise WorkerMustRetire(FAIL, _clip(f"engine crash: MemoryError {exc}")) from None
        except _HarnessError as exc:
            return FAIL, _clip(str(exc))
        except Exception as exc:  # noqa: BLE001 - an engine bug must fail the run, not the runner
            return FAIL, describe_crash(exc)

    def _execute(self, run: Run) -> tuple[str, str]:
        js = self.js
        try:
            text = self.source(run.file)
        except OSError as exc:
            return FAIL, f"cannot read test: {exc.strerror}"
        if run.strict:
            text = STRICT_PREFIX + text

        # Parse phase: the test itself compiles before anything runs. The absolute file name lets
        # import() resolve './x_FIXTURE.js' next to the test; messages show it relative to the root.
        try:
            script = js.compile(text, filename=self._root_prefix + run.file)
        except js.JSSyntaxError as exc:
            if run.negative_phase == "parse":
                if error_matches(exc, run.negative_type) or (
                    getattr(exc, "name", None) is None and run.negative_type == "SyntaxError"
                ):
                    return PASS, ""
                return FAIL, _clip(f"expected {run.negative_type} at parse time, got {describe_error(exc)}")
            return FAIL, _clip(f"unexpected parse error: {describe_error(exc)}")
        if run.negative_phase == "parse":
            return FAIL, f"expected {run.negative_type} at parse time, but the test compiled"
        if run.negative_phase not in (None, "runtime"):
            return FAIL, f"unsupported negative phase {run.negative_phase!r}"

        printed: list[str] = []

        def console(level: str, text: str) -> None:
            if len(printed) < _PRINT_LIMIT:
                printed.append(str(text))

        limits = self.limits
        engine = js.Engine(
            budget=js.Budget(steps=limits.steps, memory=limits.memory, timeout=limits.timeout),
            console=console,
        )
        engine.install_test262_host()
        for name in run.harness:
            try:
                _run(engine, self.harness(name), self._run_kwargs)
            except js.JSError as exc:
                return FAIL, _clip(f"error in harness/{name}: {describe_error(exc)}")
            if self.overrides and name in HARNESS_OVERRIDES:
                for fname, fn, length in HARNESS_OVERRIDES[name]:
                    engine.set_global(fname, js.HostFunction(fn, name=fname, length=length))

        try:
            _run(engine, script, self._run_kwargs)
            engine.run_jobs()
        except js.JSError as exc:
            if run.negative_phase == "runtime":
                if error_matches(exc, run.negative_type):
                    return PASS, ""
                return FAIL, _clip(f"expected {run.negative_type} at runtime, got {describe_error(exc)}")
            if isinstance(exc, js.JSSyntaxError):
                return FAIL, _clip(f"SyntaxError at runtime: {describe_error(exc)}")
            return FAIL, describe_error(exc)
        if run.negative_phase == "runtime":
            return FAIL, f"expected {run.negative_type} at runtime, but the test completed"

        if run.is_async:
            for line in printed:
                if line.startswith(ASYNC_FAILURE):
                    return FAIL, _clip("async: " + line[len(ASYNC_FAILURE) :].strip())
                if line == ASYNC_COMPLETE:
                    return PASS, ""
            return FAIL, "async test did not complete: print never received " + ASYNC_COMPLETE
        return PASS, ""
