"""The runner end to end on fixture tests, with a fake engine: verdicts, workers, crashes, CLI, gate."""

from __future__ import annotations

import io
import json
import time

import pytest

from conformance import baseline
from conformance.cli import main
from conformance.executor import Executor, Limits, load_engine
from conformance.pool import PoolConfig, execute_runs
from conformance.progress import Progress
from conformance.report import END, START, MarkersMissing, render_markdown, replace_block
from conformance.results import Result, Results, area_of, top_of
from conformance.suite import Suite

FAST = Limits(timeout=0.3)
# every fixture directory except fake-only/, whose crashes would kill an in-process (--jobs 0) run
SAFE_DIRS = ["async", "basic", "budget", "modes", "negative", "skip"]


def runs_under(root, *paths):
    return [run for tf in Suite(root).collect(paths) for run in tf.runs]


def verdicts(root, engine, runs, **config):
    config.setdefault("limits", FAST)
    out = {}
    execute_runs(runs, PoolConfig(root=root, engine=engine, **config),
                 lambda run, status, message, wall, cpu: out.__setitem__(run.key, (status, message)))
    return out


def fixture_runs(root):
    return [r for r in runs_under(root) if "fake-only" not in r.file]


# -- verdicts -----------------------------------------------------------------------------------------

def test_every_fixture_verdict_in_process(fixture_root, fake_engine, expected):
    got = verdicts(fixture_root, fake_engine, fixture_runs(fixture_root), jobs=0)
    assert {k: v[0] for k, v in got.items()} == expected


def test_worker_pool_gives_the_same_verdicts(fixture_root, fake_engine, expected):
    got = verdicts(fixture_root, fake_engine, fixture_runs(fixture_root), jobs=2)
    assert {k: v[0] for k, v in got.items()} == expected


def test_failure_messages_say_what_went_wrong(fixture_root, fake_engine):
    got = verdicts(fixture_root, fake_engine, fixture_runs(fixture_root), jobs=0)
    msg = {k: v[1] for k, v in got.items()}
    assert msg[("test/basic/assertion-fails.js", "sloppy")].startswith("Test262Error: one is not two")
    assert msg[("test/negative/parse-compiles.js", "sloppy")] == (
        "expected SyntaxError at parse time, but the test compiled")
    assert "got ReferenceError" in msg[("test/negative/runtime-wrong-type.js", "strict")]
    assert msg[("test/async/failure.js", "sloppy")] == "async: Test262Error: boom"
    assert "did not complete" in msg[("test/async/never-done.js", "sloppy")]
    assert msg[("test/budget/infinite-loop.js", "sloppy")].startswith("budget exceeded (time)")
    assert msg[("test/basic/syntax-error.js", "strict")].startswith("unexpected parse error: SyntaxError")
    assert msg[("test/basic/pass.js", "strict")] == ""


def test_negative_parse_test_never_runs(fixture_root, fake_engine):
    """A parse-negative test is judged at compile time: no realm is created, no harness runs."""
    js = load_engine(fake_engine)
    created = []
    original = js.Engine.__init__

    def spy(self, *a, **kw):
        created.append(1)
        original(self, *a, **kw)

    js.Engine.__init__ = spy
    try:
        ex = Executor(js, fixture_root, FAST)
        for run in runs_under(fixture_root, "negative/parse.js", "negative/early-strict.js"):
            assert ex.execute(run)[0] == "pass"
    finally:
        js.Engine.__init__ = original
    assert created == []


def test_strict_runs_get_the_use_strict_prefix(fixture_root):
    seen = []

    class Spy:
        class JSSyntaxError(Exception):
            pass

        JSError = BudgetExceeded = JSSyntaxError

        @staticmethod
        def compile(source, filename="x"):
            seen.append((filename, source[:14]))
            raise Spy.JSSyntaxError("stop")

    ex = Executor(Spy, fixture_root, FAST)
    for run in runs_under(fixture_root, "modes/default-both.js"):
        ex.execute(run)
    test = str(fixture_root / "test/modes/default-both.js")  # absolute: import() resolves next to it
    assert seen == [(test, "/*---\ndescript"), (test, '"use strict";\n')]


# -- crashes, hangs, timeouts --------------------------------------------------------------------------

def test_crashes_and_hangs_fail_one_run_and_never_stall(fixture_root, fake_engine, fake_only):
    runs = runs_under(fixture_root, "fake-only")
    runs.sort(key=lambda r: r.file != "test/fake-only/after-crash.js")  # last: runs after the crashes
    start = time.monotonic()
    got = {}

    def record(run, status, message, wall, cpu):
        got.setdefault(run.key, []).append((status, message))

    execute_runs(runs, PoolConfig(root=fixture_root, engine=fake_engine, limits=FAST, jobs=2, hard_timeout=5.0,
                                  chunk_size=4), record)
    assert time.monotonic() - start < 90
    assert sum(len(v) for v in got.values()) == len(runs)
    for file, (status, fragment) in fake_only.items():
        for got_status, message in got[(file, "sloppy")]:
            assert got_status == status and fragment in message, (file, message)


def test_an_infinite_loop_is_a_failure_within_the_time_budget(fixture_root, fake_engine):
    start = time.monotonic()
    got = verdicts(fixture_root, fake_engine, runs_under(fixture_root, "budget/infinite-loop.js"), jobs=1)
    assert time.monotonic() - start < 10
    assert all(v[0] == "fail" and "time" in v[1] for v in got.values())


def test_workers_that_cannot_start_stop_the_run(fixture_root, tmp_path):
    broken = tmp_path / "broken_engine.py"
    broken.write_text("raise ImportError('no engine here')\n")
    from conformance.pool import RunnerError

    with pytest.raises(RunnerError, match="no engine here"):
        verdicts(fixture_root, str(broken), runs_under(fixture_root, "basic"), jobs=1)


# -- command line -----------------------------------------------------------------------------------------

def cli(fixture_root, fake_engine, *args):
    return main([args[0], "--test262", str(fixture_root), "--engine", fake_engine, "--timeout", "0.1",
                 "--no-progress", "--no-retry", "--jobs", "0", *args[1:]])


def test_time_failures_are_retried_when_starved_of_cpu(fixture_root, fake_engine, capsys, tmp_path):
    """A run that ran out of time while getting little CPU (a busy machine) is retried once with twice
    the time; the retry's verdict stands."""
    out = tmp_path / "r.json"
    assert main(["run", "budget/starved.js", "basic/pass.js", "--test262", str(fixture_root), "--engine",
                 fake_engine, "--timeout", "0.2", "--no-progress", "--jobs", "0", "--json", str(out)]) == 0
    assert "retrying 2 run(s)" in capsys.readouterr().err
    results = json.loads(out.read_text())["results"]
    starved = [e for e in results if e["file"] == "test/budget/starved.js"]
    assert [e["status"] for e in starved] == ["fail", "fail"]
    assert all(e["time"] >= 0.4 and "limit 0.4" in e["message"] for e in starved)


def test_which_failures_count_as_load_sensitive():
    from conformance.cli import _load_sensitive

    timeout = 10.0
    assert _load_sensitive(("fail", "budget exceeded (time): limit 10 s", 10.0, 2.0), timeout)
    assert not _load_sensitive(("fail", "budget exceeded (time): limit 10 s", 10.0, 9.8), timeout)
    assert not _load_sensitive(("fail", "budget exceeded (steps): limit 100", 1.0, 0.1), timeout)
    assert _load_sensitive(("fail", "worker killed by SIGSEGV", 1.0, 0.0), timeout)
    assert _load_sensitive(("fail", "hard timeout: worker silent for 30s, killed", 30.0, 0.0), timeout)
    assert not _load_sensitive(("fail", "Test262Error: x", 1.0, 0.1), timeout)
    assert not _load_sensitive(("pass", "", 12.0, 1.0), timeout)


def test_run_writes_json_and_prints_tables(fixture_root, fake_engine, expected, expected_skips, tmp_path, capsys):
    out = tmp_path / "r.json"
    assert cli(fixture_root, fake_engine, "run", *SAFE_DIRS, "--json", str(out)) == 0
    data = json.loads(out.read_text())
    s = data["summary"]
    assert (s["total"], s["passed"], s["failed"], s["skipped"]) == (
        len(expected) + len(expected_skips),
        sum(v == "pass" for v in expected.values()),
        sum(v == "fail" for v in expected.values()),
        len(expected_skips),
    )
    entries = {(e["file"], e["mode"]): e for e in data["results"]}
    assert {k: e["status"] for k, e in entries.items() if e["status"] != "skip"} == expected
    assert set(entries[("test/basic/pass.js", "strict")]) == {"file", "mode", "status", "message", "time"}
    for file, reason in expected_skips.items():
        assert entries[(file, "")]["status"] == "skip" and reason in entries[(file, "")]["message"]
    printed = capsys.readouterr().out
    assert "negative" in printed and "TOTAL" in printed and "Promise (ES2015)" in printed
    assert "feature class-fields-public (ES2022)" in printed


def test_partial_runs_do_not_touch_the_default_summary(fixture_root, fake_engine, tmp_path, monkeypatch):
    written = []
    monkeypatch.setattr(Results, "write_json", lambda self, path, with_results=True: written.append(path))
    cli(fixture_root, fake_engine, "run", "basic/pass.js")
    assert written == []
    cli(fixture_root, fake_engine, "run", "basic/pass.js", "--summary", str(tmp_path / "s.json"))
    assert written == [str(tmp_path / "s.json")]


def test_check_gate_exit_codes(fixture_root, fake_engine, tmp_path, capsys):
    base = tmp_path / "expected_failures.txt"
    paths = ["basic", "modes", "negative"]
    # no baseline: every failure is new
    assert cli(fixture_root, fake_engine, "check", *paths, "--baseline", str(base)) == 1
    assert "NEW FAILURES" in capsys.readouterr().out
    # bootstrap, then the same run passes the gate
    assert cli(fixture_root, fake_engine, "check", *paths, "--baseline", str(base), "--init-baseline") == 0
    entries = baseline.load(base)
    assert ("test/modes/default-both.js", "strict") in entries
    assert ("test/modes/default-both.js", "sloppy") not in entries
    assert cli(fixture_root, fake_engine, "check", *paths, "--baseline", str(base)) == 0
    # a failure missing from the baseline fails the gate and is named
    baseline.save(base, entries - {("test/basic/assertion-fails.js", "strict")})
    capsys.readouterr()
    assert cli(fixture_root, fake_engine, "check", *paths, "--baseline", str(base)) == 1
    assert "test/basic/assertion-fails.js strict: Test262Error" in capsys.readouterr().out
    # a listed run that passes is reported; --update-baseline removes it and adds nothing
    baseline.save(base, entries | {("test/basic/pass.js", "sloppy")})
    assert cli(fixture_root, fake_engine, "check", *paths, "--baseline", str(base)) == 0
    assert "test/basic/pass.js sloppy" in capsys.readouterr().out.split("newly passing")[1]
    baseline.save(base, (entries | {("test/basic/pass.js", "sloppy")}) - {("test/basic/syntax-error.js", "sloppy")})
    assert cli(fixture_root, fake_engine, "check", *paths, "--baseline", str(base), "--update-baseline") == 1
    after = baseline.load(base)
    assert ("test/basic/pass.js", "sloppy") not in after
    assert ("test/basic/syntax-error.js", "sloppy") not in after  # a new failure is never added
    assert after == entries - {("test/basic/syntax-error.js", "sloppy")}


def test_check_from_json_and_stale_entries(fixture_root, fake_engine, tmp_path, capsys):
    out = tmp_path / "r.json"
    cli(fixture_root, fake_engine, "run", *SAFE_DIRS, "--json", str(out))
    base = tmp_path / "b.txt"
    assert main(["check", "--from-json", str(out), "--baseline", str(base), "--init-baseline"]) == 0
    entries = baseline.load(base)
    baseline.save(base, entries | {("test/removed.js", "strict"), ("test/skip/module.js", "sloppy")})
    capsys.readouterr()
    assert main(["check", "--from-json", str(out), "--baseline", str(base), "--update-baseline"]) == 0
    # the run covered test/skip/ (now skipped: stale) but says nothing about test/removed.js
    assert "1 stale" in capsys.readouterr().out
    assert baseline.load(base) == entries | {("test/removed.js", "strict")}
    # a whole-suite results file makes entries for files that no longer exist stale too
    data = json.loads(out.read_text())
    data["summary"]["paths"] = []
    out.write_text(json.dumps(data))
    assert main(["check", "--from-json", str(out), "--baseline", str(base), "--update-baseline"]) == 0
    assert baseline.load(base) == entries


def test_bad_baseline_line_is_a_usage_error(tmp_path, fixture_root, fake_engine):
    base = tmp_path / "b.txt"
    base.write_text("test/a.js sideways\n")
    assert cli(fixture_root, fake_engine, "check", "basic", "--baseline", str(base)) == 2


def test_missing_test262_is_a_usage_error(tmp_path):
    assert main(["run", "--test262", str(tmp_path), "--no-progress"]) == 2


def test_report_rewrites_only_the_marked_block(fixture_root, fake_engine, tmp_path):
    summary = tmp_path / "summary.json"
    cli(fixture_root, fake_engine, "run", *SAFE_DIRS, "--summary", str(summary))
    readme = tmp_path / "README.md"
    readme.write_text(f"# Title\n\nintro\n\n{START}\nold table\n{END}\n\n## After\n")
    assert main(["report", "--markdown", "--from", str(summary), "--readme", str(readme)]) == 0
    text = readme.read_text()
    assert text.startswith("# Title\n\nintro\n\n" + START) and text.endswith(END + "\n\n## After\n")
    assert "old table" not in text
    assert "| `negative` |" in text and "| `Promise` |" in text and "**total**" in text
    # idempotent
    assert main(["report", "--markdown", "--from", str(summary), "--readme", str(readme)]) == 0
    assert readme.read_text() == text
    readme.write_text("# no markers\n")
    assert main(["report", "--markdown", "--from", str(summary), "--readme", str(readme)]) == 2


# -- pieces ------------------------------------------------------------------------------------------------

def test_areas_and_aggregation():
    assert area_of("test/built-ins/Array/prototype/map/x.js") == "built-ins/Array"
    assert top_of("test/built-ins/Array/prototype/map/x.js") == "built-ins"
    assert area_of("test/annexB/built-ins/escape/x.js") == "annexB/built-ins"
    assert area_of("test/language/x.js") == "language"
    res = Results(features={"test/language/a.js": ["let"], "test/language/b.js": ["let", "Symbol"]})
    res.add(Result("test/language/a.js", "sloppy", "pass"))
    res.add(Result("test/language/a.js", "strict", "fail", "boom"))
    res.add(Result("test/language/b.js", "", "skip", "feature X"))
    d = res.to_dict()
    assert d["summary"]["total"] == 3 and d["summary"]["runs"] == 2 and d["summary"]["pass_rate"] == 0.5
    assert d["features"]["let"] == {"passed": 1, "failed": 1, "skipped": 1}
    assert d["features"]["Symbol"] == {"passed": 0, "failed": 0, "skipped": 1}
    assert d["skip_reasons"] == {"feature X": 1}
    md = render_markdown(d)
    assert "1 of 2 runs pass (50.0%)" in md


def test_baseline_compare_partial_coverage():
    base = {("test/a.js", "sloppy"), ("test/b.js", "strict"), ("test/other.js", "sloppy")}
    results = [Result("test/a.js", "sloppy", "pass"), Result("test/b.js", "strict", "fail", "x"),
               Result("test/c.js", "strict", "fail", "y")]
    out = baseline.compare(base, results, covered_files={"test/a.js", "test/b.js", "test/c.js"})
    assert [r.key for r in out.new_failures] == [("test/c.js", "strict")]
    assert out.newly_passing == [("test/a.js", "sloppy")]
    assert out.stale == []  # test/other.js was not looked at
    assert baseline.compare(base, results, None).stale == [("test/other.js", "sloppy")]


def test_replace_block_requires_markers():
    with pytest.raises(MarkersMissing):
        replace_block("nothing", "x")
    assert replace_block(f"a{START}b{END}c", "new") == f"a{START}\nnew\n{END}c"


def test_progress_plain_lines_when_not_a_tty():
    stream = io.StringIO()
    p = Progress(100, stream=stream, tty=False, interval=3600)
    for i in range(100):
        p.update(failed=i % 10 == 0)
    p.finish()
    lines = stream.getvalue().splitlines()
    assert 9 <= len(lines) <= 11  # one per 10%, no duplicate at the end
    assert lines[-1].startswith("[100/100] 100.0%") and "failed 10" in lines[-1] and "runs/s" in lines[-1]
    assert "ETA" in lines[0]


def test_progress_rewrites_one_line_on_a_tty():
    stream = io.StringIO()
    p = Progress(5, stream=stream, tty=True, interval=0)
    for _ in range(5):
        p.update()
    p.finish()
    text = stream.getvalue()
    assert text.count("\r") == 5 and text.endswith("\n") and text.count("\n") == 1


def test_host_build_string_matches_the_harness_definition():
    """The host version of regExpUtils.js buildString returns the same UTF-16 code units as the JS one:
    lone code points then inclusive ranges, astral code points as surrogate pairs."""
    from conformance.executor import HARNESS_OVERRIDES, _build_string

    def reference(lone, ranges):
        cps = list(lone) + [cp for a, b in ranges for cp in range(a, b + 1)]
        out = []
        for cp in cps:
            if cp >= 0x10000:
                cp -= 0x10000
                out += [chr(0xD800 + (cp >> 10)), chr(0xDC00 + (cp & 0x3FF))]
            else:
                out.append(chr(cp))
        return "".join(out)

    cases = [
        ([0x41, 0x1F600, 0xD800], [[0xDB7F, 0xDC01], [0xFFF0, 0x10010], [0x10FFF0, 0x10FFFF], [0x61, 0x63]]),
        ([], [[0, 0x2FF]]),
        ([0x2028], []),
    ]
    for lone, ranges in cases:
        assert _build_string({"loneCodePoints": lone, "ranges": ranges}) == reference(lone, ranges)
    assert len(_build_string({"loneCodePoints": [], "ranges": [[0, 0x10FFFF]]})) == 0x10000 + 2 * 0x100000
    assert [name for name, _fn, _len in HARNESS_OVERRIDES["regExpUtils.js"]] == ["buildString"]
