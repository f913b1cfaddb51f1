"""The runner with the real engine: fixture verdicts, and agreement with a naive whole-script runner.

Skipped until jsengine provides the API of docs/python-api.md (including the test262 host).
"""

from __future__ import annotations

import re

import pytest

from conformance.executor import ASYNC_COMPLETE, ASYNC_FAILURE, Limits
from conformance.pool import PoolConfig, execute_runs
from conformance.suite import STRICT_PREFIX, Suite, read_source

LIMITS = Limits(timeout=1.0)


@pytest.fixture(scope="module")
def js():
    engine = pytest.importorskip("jsengine")
    missing = [n for n in ("compile", "Engine", "Budget", "JSError", "JSSyntaxError", "BudgetExceeded")
               if not hasattr(engine, n)]
    if missing:
        pytest.skip(f"jsengine lacks {missing}")
    try:
        engine.Engine().install_test262_host()
    except Exception as exc:  # noqa: BLE001 - any failure means: not ready yet
        pytest.skip(f"jsengine has no test262 host yet: {type(exc).__name__}: {exc}")
    return engine


def run_all(root, runs, jobs=0):
    out = {}
    execute_runs(runs, PoolConfig(root=root, engine="jsengine", limits=LIMITS, jobs=jobs),
                 lambda run, status, message, *_: out.__setitem__(run.key, (status, message)))
    return out


def test_fixture_verdicts_with_the_real_engine(js, fixture_root, expected):
    runs = [r for tf in Suite(fixture_root).collect() for r in tf.runs
            if "fake-only" not in r.file and "starved" not in r.file]  # starved: same as infinite-loop here
    got = run_all(fixture_root, runs)
    wrong = {k: (got[k], want) for k, want in expected.items() if k in got and got[k][0] != want}
    assert wrong == {}


def naive_verdict(js, root, run) -> str:
    """An independent judge: harness files and the test concatenated into one script, run in a fresh
    engine (the way `jsengine run` of harness + test would)."""
    parts = [read_source(root / "harness" / name) for name in run.harness]
    source = "\n".join([*parts, read_source(root / run.file)])
    if run.strict:
        source = STRICT_PREFIX + source
    printed = []
    try:
        script = js.compile(source, filename=str(root / run.file))
    except js.JSSyntaxError:
        return "pass" if run.negative_phase == "parse" else "fail"
    except Exception:  # noqa: BLE001 - an engine crash
        return "fail"
    if run.negative_phase == "parse":
        return "fail"
    engine = js.Engine(budget=js.Budget(steps=LIMITS.steps, memory=LIMITS.memory, timeout=LIMITS.timeout),
                       console=lambda level, text: printed.append(text))
    engine.install_test262_host()
    try:
        engine.run(script)
        engine.run_jobs()
    except js.JSError as exc:
        name = exc.name or re.match(r"(?:Uncaught )?([\w$]*)", str(exc)).group(1)
        return "pass" if run.negative_phase == "runtime" and name == run.negative_type else "fail"
    except TypeError:  # completion value not convertible: the script completed
        pass
    except Exception:  # noqa: BLE001 - budget exceeded or an engine crash: a failure either way
        return "fail"
    if run.negative_phase == "runtime":
        return "fail"
    if run.is_async:
        for line in printed:
            if line.startswith(ASYNC_FAILURE):
                return "fail"
            if line == ASYNC_COMPLETE:
                return "pass"
        return "fail"
    return "pass"


@pytest.mark.parametrize("directory", [
    "test/built-ins/Boolean",  # plain tests
    "test/built-ins/Promise/resolve",  # async tests
    "test/language/future-reserved-words",  # parse-negative tests, strict-only early errors
])
def test_agrees_with_a_naive_runner(js, real_test262, directory):
    suite = Suite(real_test262)
    runs = [r for tf in suite.collect([directory]) for r in tf.runs]
    runs = runs[:: max(1, len(runs) // 16)]  # a spread sample keeps this test fast
    got = run_all(real_test262, runs)
    disagree = {}
    for run in runs:
        naive = naive_verdict(js, real_test262, run)
        if naive != got[run.key][0]:
            disagree[run.key] = (got[run.key], naive)
    assert disagree == {}
