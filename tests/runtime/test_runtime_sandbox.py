"""The door to the engine, against a stand-in engine module (the real one is tested end to end)."""

from __future__ import annotations

import types
from typing import Any

import pytest

from runtime import sandbox
from runtime.sandbox import HostFn, Limits, Sandbox, ScriptFailure


class FakeJSError(Exception):
    def __init__(self, text: str, stack: str = "") -> None:
        super().__init__(text)
        self.stack = stack


class FakeSyntaxError(FakeJSError):
    pass


class FakeBudgetExceeded(Exception):
    def __init__(self, kind: str) -> None:
        super().__init__(f"{kind} budget exhausted: limit 1 s")
        self.kind = kind


class FakeHostFunction:
    def __init__(self, fn: Any, name: str = "f", length: int = 0) -> None:
        self.fn, self.name, self.length = fn, name, length


class FakeEngine:
    def __init__(self, budget: Any, console: Any) -> None:
        self.budget, self.console, self.globals = budget, console, {}
        self.to_raise: BaseException | None = None

    def set_global(self, name: str, value: Any) -> None:
        self.globals[name] = value

    def run(self, code: Any, filename: str = "x.js", result: bool = True) -> Any:
        if self.to_raise is not None:
            raise self.to_raise
        return code

    def usage(self) -> dict[str, Any]:
        return {"steps": 10, "memory": 100, "time": 0.01}


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> types.SimpleNamespace:
    module = types.SimpleNamespace(
        Engine=FakeEngine, Budget=lambda **kw: kw, HostFunction=FakeHostFunction, JSError=FakeJSError,
        JSSyntaxError=FakeSyntaxError, BudgetExceeded=FakeBudgetExceeded, compile=lambda s, filename: ("c", s),
    )
    monkeypatch.setattr(sandbox, "_js", module)
    return module


def test_budgets_and_console_reach_the_engine(fake) -> None:
    printed: list[tuple[str, str]] = []
    box = Sandbox(Limits(steps=5, memory=6, time=7.0), lambda level, text: printed.append((level, text)))
    assert box.engine.budget == {"steps": 5, "memory": 6, "timeout": 7.0}
    box.engine.console("log", "hi")
    assert printed == [("log", "hi")]
    box.run("a")
    box.run("b")
    assert box.usage() == {"steps": 20, "memory": 100, "time": 0.02}


def test_host_fn_markers_become_host_functions_deeply(fake) -> None:
    box = Sandbox(Limits(), lambda *a: None)
    inner = HostFn(lambda: {"again": HostFn(lambda: 1, "again")}, "inner", 0)
    box.define("api", {"list": [inner], "n": 1})
    converted = box.engine.globals["api"]
    fn = converted["list"][0]
    assert isinstance(fn, FakeHostFunction) and fn.name == "inner" and converted["n"] == 1
    # what a host function returns is converted too (methods of returned objects)
    assert isinstance(fn.fn()["again"], FakeHostFunction)


@pytest.mark.parametrize(("exc", "kind", "text"), [
    (FakeBudgetExceeded("time"), "budget", "Script stopped: time budget exhausted"),
    (FakeSyntaxError("x.js:1:5 SyntaxError: Unexpected token"), "syntax", "x.js:1:5"),
    (FakeJSError("Uncaught Error: boom", "Error: boom\n    at go (x.js:2:9)\n    at x.js:3:1"), "error",
     "Uncaught Error: boom\n    at go (x.js:2:9)\n    at x.js:3:1"),
    (RecursionError(), "budget", "stack"),
    (KeyError("oops"), "internal", "internal engine error: KeyError"),
])
def test_engine_outcomes_become_clear_failures(fake, exc, kind, text) -> None:
    box = Sandbox(Limits(), lambda *a: None)
    box.engine.to_raise = exc
    with pytest.raises(ScriptFailure) as info:
        box.run("code")
    assert info.value.kind == kind and text in info.value.message


def test_budget_failure_names_the_budget(fake) -> None:
    box = Sandbox(Limits(), lambda *a: None)
    box.engine.to_raise = FakeBudgetExceeded("steps")
    with pytest.raises(ScriptFailure) as info:
        box.run("code")
    assert info.value.budget == "steps"


def test_missing_engine_is_a_clear_failure(monkeypatch) -> None:
    monkeypatch.setattr(sandbox, "_js", None)
    with pytest.raises(ScriptFailure, match="engine is not available"):
        Sandbox(Limits(), lambda *a: None)
