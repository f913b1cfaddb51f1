"""Shared fixtures for the conformance runner's tests: a tiny test262 tree and a fake engine."""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
FIXTURE_ROOT = HERE / "fixtures" / "test262"
FAKE_ENGINE = HERE / "fake_engine.py"

# The verdict of every fixture run, under the fake engine and the real one alike
# (test/fake-only/ is for the fake engine only: it simulates engine crashes).
EXPECTED = {
    ("test/async/complete.js", "sloppy"): "pass",
    ("test/async/complete.js", "strict"): "pass",
    ("test/async/failure.js", "sloppy"): "fail",
    ("test/async/failure.js", "strict"): "fail",
    ("test/async/never-done.js", "sloppy"): "fail",
    ("test/async/never-done.js", "strict"): "fail",
    ("test/async/uses-harness-done.js", "sloppy"): "pass",
    ("test/async/uses-harness-done.js", "strict"): "pass",
    ("test/basic/assertion-fails.js", "sloppy"): "fail",
    ("test/basic/assertion-fails.js", "strict"): "fail",
    ("test/basic/includes-flow.js", "sloppy"): "pass",
    ("test/basic/includes-flow.js", "strict"): "pass",
    ("test/basic/includes-order.js", "sloppy"): "pass",
    ("test/basic/includes-order.js", "strict"): "pass",
    ("test/basic/pass.js", "sloppy"): "pass",
    ("test/basic/pass.js", "strict"): "pass",
    ("test/basic/syntax-error.js", "sloppy"): "fail",
    ("test/basic/syntax-error.js", "strict"): "fail",
    ("test/budget/infinite-loop.js", "sloppy"): "fail",
    ("test/budget/infinite-loop.js", "strict"): "fail",
    ("test/budget/starved.js", "sloppy"): "fail",
    ("test/budget/starved.js", "strict"): "fail",
    ("test/modes/default-both.js", "sloppy"): "pass",
    ("test/modes/default-both.js", "strict"): "fail",
    ("test/modes/no-strict.js", "sloppy"): "pass",
    ("test/modes/only-strict.js", "strict"): "pass",
    ("test/modes/raw.js", "sloppy"): "pass",
    ("test/modes/strict-prefix.js", "strict"): "pass",
    ("test/negative/early-strict.js", "strict"): "pass",
    ("test/negative/parse-compiles.js", "sloppy"): "fail",
    ("test/negative/parse-compiles.js", "strict"): "fail",
    ("test/negative/parse.js", "sloppy"): "pass",
    ("test/negative/parse.js", "strict"): "pass",
    ("test/negative/runtime-no-throw.js", "sloppy"): "fail",
    ("test/negative/runtime-no-throw.js", "strict"): "fail",
    ("test/negative/runtime-test262error.js", "sloppy"): "pass",
    ("test/negative/runtime-test262error.js", "strict"): "pass",
    ("test/negative/runtime-wrong-type.js", "sloppy"): "fail",
    ("test/negative/runtime-wrong-type.js", "strict"): "fail",
    ("test/negative/runtime.js", "sloppy"): "pass",
    ("test/negative/runtime.js", "strict"): "pass",
}

EXPECTED_SKIPS = {
    "test/skip/agent.js": "needs $262.agent",
    "test/skip/can-block-true.js": "CanBlockIsTrue",
    "test/skip/later-feature.js": "feature class-fields-public (ES2022)",
    "test/skip/module.js": "module test",
    "test/skip/unknown-feature.js": "feature made-up-feature",
}

FAKE_ONLY = {
    "test/fake-only/after-crash.js": ("pass", ""),
    "test/fake-only/exit.js": ("fail", "worker exited with status 7"),
    "test/fake-only/segv.js": ("fail", "worker killed by SIGSEGV"),
    "test/fake-only/hang.js": ("fail", "hard timeout"),
    "test/fake-only/recursion.js": ("fail", "engine crash: RecursionError"),
    "test/fake-only/memory.js": ("fail", "engine crash: MemoryError"),
    "test/fake-only/pyerror.js": ("fail", "engine crash: ValueError: fake engine bug"),
}


@pytest.fixture
def fixture_root() -> Path:
    return FIXTURE_ROOT


@pytest.fixture
def fake_engine() -> str:
    return str(FAKE_ENGINE)


@pytest.fixture
def expected() -> dict:
    return dict(EXPECTED)


@pytest.fixture
def expected_skips() -> dict:
    return dict(EXPECTED_SKIPS)


@pytest.fixture
def fake_only() -> dict:
    return dict(FAKE_ONLY)


@pytest.fixture(scope="session")
def real_test262() -> Path:
    """The real test262 checkout ($TEST262_DIR or ../shared/test262), or skip."""
    from conformance.suite import SuiteError, default_test262_dir

    try:
        return default_test262_dir()
    except SuiteError as exc:
        pytest.skip(str(exc))


@pytest.fixture(scope="session")
def real_suite_files(real_test262):
    """Every test file of the real checkout, loaded once per session (about 4 s)."""
    from conformance.suite import Suite

    return Suite(real_test262).collect()
