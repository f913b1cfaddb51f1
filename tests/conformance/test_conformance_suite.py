"""Scope, discovery and expansion of test files into runs."""

from __future__ import annotations

import pytest

from conformance.frontmatter import TestMeta
from conformance.suite import (
    STRICT_PREFIX,
    Scope,
    Suite,
    SuiteError,
    default_test262_dir,
    harness_files,
    modes_for,
)


def meta(**kw) -> TestMeta:
    return TestMeta(**kw)


def test_harness_order_default_async_includes_and_raw():
    assert harness_files(meta()) == ("assert.js", "sta.js")
    assert harness_files(meta(flags=["async"], includes=["asyncHelpers.js"])) == (
        "assert.js", "sta.js", "doneprintHandle.js", "asyncHelpers.js")
    assert harness_files(meta(includes=["b.js", "a.js", "b.js"])) == ("assert.js", "sta.js", "b.js", "a.js")
    assert harness_files(meta(flags=["raw"], includes=["a.js"])) == ()


def test_modes():
    assert modes_for(meta()) == ("sloppy", "strict")
    assert modes_for(meta(flags=["onlyStrict"])) == ("strict",)
    assert modes_for(meta(flags=["noStrict"])) == ("sloppy",)
    assert modes_for(meta(flags=["raw"])) == ("sloppy",)
    assert modes_for(meta(flags=["generated", "non-deterministic", "CanBlockIsFalse"])) == ("sloppy", "strict")


def test_strict_prefix_is_the_interpreting_md_directive():
    assert STRICT_PREFIX == '"use strict";\n'


def test_scope_reasons():
    scope = Scope(allowed={"Symbol": "ES2015", "BigInt": "ES2020"}, later={"Array.prototype.at": "ES2022"})
    assert scope.skip_reason(meta(features=["Symbol", "BigInt"])) is None
    assert scope.skip_reason(meta(features=["Symbol", "Array.prototype.at"])) == "feature Array.prototype.at (ES2022)"
    assert "not in the ES2021 list" in scope.skip_reason(meta(features=["brand-new"]))
    assert scope.skip_reason(meta(flags=["module"])).startswith("module test")
    assert "CanBlockIsTrue" in scope.skip_reason(meta(flags=["CanBlockIsTrue"]))
    assert scope.skip_reason(meta(flags=["CanBlockIsFalse"])) is None
    assert "$262.agent" in scope.skip_reason(meta(), "$262.agent.start(`...`)")
    assert Scope(allowed={}, agent=True).skip_reason(meta(), "$262.agent.start()") is None


def test_discover_whole_tree_sorted_without_fixture_files(fixture_root):
    files = Suite(fixture_root).discover()
    assert files == sorted(files)
    assert "test/basic/pass.js" in files
    assert not any("_FIXTURE" in f for f in files)
    assert all(f.startswith("test/") for f in files)


def test_paths_resolve_from_cwd_root_or_test_dir(fixture_root):
    suite = Suite(fixture_root)
    expect = ["test/modes/default-both.js", "test/modes/no-strict.js", "test/modes/only-strict.js",
              "test/modes/raw.js", "test/modes/strict-prefix.js"]
    assert suite.discover(["modes"]) == expect
    assert suite.discover(["test/modes"]) == expect
    assert suite.discover([str(fixture_root / "test" / "modes")]) == expect
    assert suite.discover(["modes/raw.js", "basic/pass.js"]) == ["test/basic/pass.js", "test/modes/raw.js"]
    with pytest.raises(SuiteError):
        suite.discover(["no/such/dir"])
    with pytest.raises(SuiteError):
        suite.discover(["/"])


def test_load_expands_runs(fixture_root):
    suite = Suite(fixture_root)
    both = suite.load("test/modes/default-both.js")
    assert [r.mode for r in both.runs] == ["sloppy", "strict"]
    assert both.runs[0].harness == ("assert.js", "sta.js")
    raw = suite.load("test/modes/raw.js")
    assert [(r.mode, r.harness) for r in raw.runs] == [("sloppy", ())]
    neg = suite.load("test/negative/early-strict.js")
    assert [(r.mode, r.negative_phase, r.negative_type) for r in neg.runs] == [("strict", "parse", "SyntaxError")]
    asy = suite.load("test/async/uses-harness-done.js")
    assert asy.runs[0].is_async
    assert asy.runs[0].harness == ("assert.js", "sta.js", "doneprintHandle.js", "helperA.js")


def test_out_of_scope_files_have_no_runs_and_a_reason(fixture_root, expected_skips):
    suite = Suite(fixture_root)
    for file, reason in expected_skips.items():
        tf = suite.load(file)
        assert tf.runs == [] and reason in tf.skip_reason, (file, tf.skip_reason)


def test_test262_location(monkeypatch, tmp_path, fixture_root):
    assert default_test262_dir(fixture_root) == fixture_root.resolve()
    monkeypatch.setenv("TEST262_DIR", str(fixture_root))
    assert default_test262_dir() == fixture_root.resolve()
    with pytest.raises(SuiteError):
        default_test262_dir(tmp_path)


def test_real_scope_matches_the_in_scope_list(real_test262, real_suite_files):
    """Our scope rule reproduces in_scope_es2021_script.txt; only host-limited files are skipped on top."""
    listed = set((real_test262 / "in_scope_es2021_script.txt").read_text().split())
    files = real_suite_files
    running = {tf.file for tf in files if tf.runs}
    host_skipped = {tf.file for tf in files if tf.skip_reason and tf.file in listed}
    assert running | host_skipped == listed
    assert running <= listed
    assert all("agent" in tf.skip_reason or "CanBlock" in tf.skip_reason
               for tf in files if tf.file in host_skipped)
    assert len(host_skipped) < 100
    runs = sum(len(tf.runs) for tf in files)
    assert 64_000 < runs < 67_000
