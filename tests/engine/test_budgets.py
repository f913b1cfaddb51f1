"""Budgets: resource bombs end cleanly with the right budget, exit code 3, bounded memory and time; deep
recursion is a catchable RangeError; JS cannot catch or outlive an exhausted budget.

Each CLI bomb runs in its own process under a small wrapper that reports the process's peak RSS
(``getrusage(RUSAGE_CHILDREN)``), so the memory bound is measured, not assumed.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest

from jsengine import Budget, BudgetExceeded, Engine, JSError

MB = 2**20
MEMORY = 64  # MB: the --memory budget given to every bomb
RSS_SLACK = 150  # MB the process may use beyond its budget (interpreter, engine, measurement lag)

_WRAPPER = r"""
import json, resource, subprocess, sys, time
t = time.monotonic()
p = subprocess.run([sys.executable, "-m", "jsengine.cli"] + sys.argv[1:], capture_output=True)
print(json.dumps({"rc": p.returncode, "elapsed": time.monotonic() - t,
                  "rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
                  "stdout": p.stdout.decode("utf-8", "replace"), "stderr": p.stderr.decode("utf-8", "replace")}))
"""


def run_cli(code: str, *flags: str, timeout: float = 120) -> dict:
    """Run ``jsengine eval CODE FLAGS`` in a fresh process; its exit code, output, wall time, peak RSS."""
    out = subprocess.run([sys.executable, "-c", _WRAPPER, "eval", code, *flags], capture_output=True, text=True,
                         timeout=timeout, check=True)
    return json.loads(out.stdout)


def budget_kind(stderr: str) -> str | None:
    for kind in ("steps", "memory", "time"):
        if f"{kind} budget exhausted" in stderr:
            return kind
    return None


NESTED_30 = "var a = []; for (var i = 0; i < 30; i++) a = [a, a]; "

# code, extra flags, the budgets that may rightly end it, the wall-clock bound in seconds
BOMBS = [
    ("'x'.repeat(2**40)", [], {"memory"}, 15),
    ("new Array(2**31).join('*')", [], {"memory"}, 15),
    ("var s = 'x'; while (true) s += s", [], {"memory"}, 15),
    ("var a = []; for (;;) a = [a, a]", ["--timeout", "60"], {"memory"}, 40),
    ("var arr = []; while (true) arr.push({})", ["--timeout", "60"], {"memory"}, 40),
    (NESTED_30 + "String(a)", ["--steps", "300000"], {"steps", "time"}, 25),
    (NESTED_30 + "JSON.stringify(a)", ["--steps", "300000"], {"steps", "time"}, 25),
    (NESTED_30 + "a.join('-')", ["--steps", "300000"], {"steps", "time"}, 25),
    ("while (true) {}", ["--steps", "1000000"], {"steps"}, 25),
    ("/(a+)+b/.test('a'.repeat(40))", ["--steps", "1000000"], {"steps"}, 25),  # catastrophic backtracking
    ("'x'.repeat(2**20).replace(/x/g, 'y'.repeat(64))", [], {"memory"}, 20),
    ("for (;;) {}", ["--steps", "0", "--timeout", "3"], {"time"}, 20),
    ("function f() { for (;;) {} } try { f() } catch (e) {} finally { for (;;) {} }", ["--steps", "200000"],
     {"steps"}, 20),
]


@pytest.mark.parametrize("code, flags, kinds, seconds", BOMBS, ids=[b[0][-45:] for b in BOMBS])
def test_bomb_ends_cleanly_with_the_right_budget(code: str, flags: list, kinds: set, seconds: float) -> None:
    r = run_cli(code, "--memory", f"{MEMORY}MB", "--timeout", "10", *flags)
    assert r["rc"] == 3, r
    assert budget_kind(r["stderr"]) in kinds, r["stderr"]
    assert "Traceback" not in r["stderr"]
    assert r["stderr"].startswith("jsengine: ") and "the script was stopped" in r["stderr"]
    assert r["elapsed"] < seconds, r["elapsed"]
    assert r["rss_mb"] < MEMORY + RSS_SLACK, r["rss_mb"]


def test_index_of_over_a_huge_array_like_is_bounded() -> None:
    # 2**32 - 1 indices of a plain object: either the work is charged (and the budget stops it) or the
    # engine skips the absent indices and answers -1 as Node does; never a hang or a blow-up
    r = run_cli("console.log(Array.prototype.indexOf.call({length: 2**32 - 1}, 1))", "--memory", f"{MEMORY}MB",
                "--timeout", "10", "--steps", "300000")
    assert (r["rc"], r["stdout"]) == (0, "-1\n") or (r["rc"] == 3 and budget_kind(r["stderr"]) in ("steps", "time"))
    assert r["elapsed"] < 25 and r["rss_mb"] < MEMORY + RSS_SLACK


def test_memory_budget_error_names_the_limit_and_flag() -> None:
    r = run_cli("'x'.repeat(2**40)", "--memory", "64MB")
    assert "memory budget exhausted: limit 64 MB" in r["stderr"]
    assert "--memory" in r["stderr"]
    r = run_cli("for (;;) {}", "--steps", "12345")
    assert "steps budget exhausted: limit 12,345 steps" in r["stderr"] and "--steps" in r["stderr"]


def test_output_before_the_budget_ran_out_is_kept() -> None:
    r = run_cli("console.log('before'); for (;;) {}", "--steps", "100000")
    assert r["rc"] == 3 and r["stdout"] == "before\n"


# -- stack ----------------------------------------------------------------------------------------


def test_deep_recursion_uncaught_exits_1_with_range_error() -> None:
    r = run_cli("function f() { f() } f()")
    assert r["rc"] == 1
    assert r["stderr"].startswith("Uncaught RangeError: Maximum call stack size exceeded")
    assert "at f (<eval>:1:" in r["stderr"]
    assert "Traceback" not in r["stderr"]
    assert r["rss_mb"] < 512


@pytest.mark.parametrize("code", [
    "function f() { f() } f()",
    "var o = {get x() { return this.x }}; o.x",
    "function f() { return [0].map(f) } f()",
    "function f() { return new Proxy({}, {get: f}).x } f()",
    "var g = function () { return String({toString: g}) }; g()",
    "function f() { return Reflect.apply(f, null, []) } f()",
    "class A { constructor() { new A() } } new A()",
    "var a = []; for (var i = 0; i < 50000; i++) a = [a]; String(a)",
    "var a = []; for (var i = 0; i < 100000; i++) a = [a]; JSON.stringify(a)",
    "var o = {}; for (var i = 0; i < 100000; i++) o = {o}; JSON.stringify(o)",
])
def test_deep_recursion_is_a_catchable_range_error(code: str) -> None:
    eng = Engine(budget=Budget(timeout=60))
    t = time.monotonic()
    got = eng.run(f"try {{ {code}; 'no error' }} catch (e) {{ [e instanceof RangeError, e.message] }}")
    assert got == [True, "Maximum call stack size exceeded"]
    assert time.monotonic() - t < 20  # nested joins once checked for cycles with a scan of every level
    assert eng.run("1 + 1") == 2  # and the engine is fine afterwards


def test_stack_budget_sets_the_call_depth() -> None:
    src = "var d = 0; function g() { d++; g() } try { g() } catch (e) { d }"
    shallow = Engine(budget=Budget(stack=100)).run(src)
    deep = Engine(budget=Budget(stack=5000)).run(src)
    assert 90 <= shallow <= 100
    assert 4900 <= deep <= 5000
    r = run_cli("var d = 0; function g() { d++; g() } try { g() } catch (e) { console.log(d) }", "--stack", "100")
    assert r["rc"] == 0 and 90 <= int(r["stdout"]) <= 100


# -- the Python API -------------------------------------------------------------------------------


@pytest.mark.parametrize("budget, code, kind", [
    (Budget(steps=10_000), "for (;;) {}", "steps"),
    (Budget(steps=None, timeout=0.5), "for (;;) {}", "time"),
    (Budget(memory=32 * MB), "var a = []; for (;;) a.push('x'.repeat(1000) + a.length)", "memory"),
    (Budget(memory=32 * MB), "'x'.repeat(2**40)", "memory"),
    (Budget(steps=10_000), "function f() { f() } try { f() } catch (e) {} for (;;) {}", "steps"),
])
def test_budget_exceeded_kind(budget: Budget, code: str, kind: str) -> None:
    eng = Engine(budget=budget)
    t = time.monotonic()
    with pytest.raises(BudgetExceeded) as ei:
        eng.run(code)
    assert ei.value.kind == kind
    assert kind in str(ei.value)
    assert time.monotonic() - t < 30
    assert eng.run("'still usable'") == "still usable"


def test_js_cannot_catch_or_outlive_an_exhausted_budget() -> None:
    lines: list[str] = []
    eng = Engine(budget=Budget(steps=50_000), console=lambda level, text: lines.append(text))
    with pytest.raises(BudgetExceeded):
        eng.run("""try { for (;;) {} } catch (e) { console.log('caught') } finally { console.log('finally') }""")
    with pytest.raises(BudgetExceeded):
        eng.run("""function* g() { try { yield 1; for (;;) {} } finally { console.log('gen finally') } }
                   for (var x of g()) {}""")
    with pytest.raises(BudgetExceeded):
        eng.run("""Promise.resolve().then(() => { for (;;) {} }).catch(() => console.log('rejected'));
                   Promise.resolve().then(() => console.log('later job'))""")
    assert lines == []


def test_budget_is_per_run_and_usage_is_reported() -> None:
    eng = Engine(budget=Budget(steps=200_000))
    for _ in range(3):  # each run gets the whole budget again
        assert eng.run("var n = 0; for (var i = 0; i < 50000; i++) n += i; n") == 1249975000
    used = eng.usage()
    assert 50_000 <= used["steps"] <= 200_000
    assert used["time"] >= 0


def test_uncaught_error_after_budgeted_work_is_a_js_error() -> None:
    with pytest.raises(JSError) as ei:
        Engine(budget=Budget(steps=1_000_000)).run("for (var i = 0; i < 1000; i++); null.x")
    assert ei.value.name == "TypeError"
