"""``python -m conformance run | check | report``.

    python -m conformance run [PATHS...] [--test262 DIR] [--jobs N] [--json OUT] [--timeout S]
    python -m conformance check [PATHS...] [--update-baseline | --init-baseline] [--from-json FILE]
    python -m conformance report --markdown [--from FILE] [--readme README.md]

PATHS are test files or directories, given as paths, relative to the test262 checkout, or relative to
its ``test/`` directory (``built-ins/Array``). Without PATHS the whole suite runs, and the summary file
``conformance/summary.json`` (what ``report`` renders) is rewritten.

Exit status: ``run`` 0; ``check`` 0 when no run outside the baseline fails, 1 otherwise; 2 when the
runner itself cannot work (no test262 checkout, the engine does not import, a bad baseline file).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import platform
import sys
import time
from pathlib import Path

from . import baseline as baseline_mod
from .executor import Limits
from .pool import PoolConfig, RunnerError, default_jobs, execute_runs
from .progress import Progress, format_duration
from .report import MarkersMissing, render_markdown, update_readme
from .results import FAIL, PASS, SKIP, Result, Results, format_tables, load_json, results_from_json
from .suite import REPO_ROOT, Suite, SuiteError, default_test262_dir

PACKAGE_DIR = Path(__file__).resolve().parent
DEFAULT_BASELINE = PACKAGE_DIR / "expected_failures.txt"
DEFAULT_SUMMARY = PACKAGE_DIR / "summary.json"
DEFAULT_README = REPO_ROOT / "README.md"
DEFAULT_ENGINE = "jsengine"

# Failures of the process rather than of the test: retried once.
_CRASH_MARKERS = ("hard timeout", "worker killed", "worker exited", "engine crash: MemoryError", "worker stopped")
_MAX_RETRIES = 300


def _add_run_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", metavar="PATHS", help="test files or directories (default: all of test/)")
    p.add_argument("--test262", metavar="DIR", help="test262 checkout (default: $TEST262_DIR or ../shared/test262)")
    p.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                   help="worker processes (default: one per core; 0 runs in this process)")
    p.add_argument("--timeout", type=float, default=Limits.timeout, metavar="S",
                   help=f"time budget per run in seconds (default {Limits.timeout:g})")
    p.add_argument("--steps", type=int, default=Limits.steps, metavar="N",
                   help=f"step budget per run (default {Limits.steps:,})")
    p.add_argument("--memory", type=int, default=Limits.memory // 2**20, metavar="MB",
                   help=f"engine memory budget per run in MiB (default {Limits.memory // 2**20})")
    p.add_argument("--worker-memory", type=int, default=None, metavar="MB",
                   help="address-space cap (RLIMIT_AS) per worker in MiB (default: 3/4 of RAM / jobs, <= 8 GiB)")
    p.add_argument("--json", metavar="OUT", help="write every result and the summary as JSON")
    p.add_argument("--summary", metavar="FILE",
                   help="write the summary JSON here (default: conformance/summary.json for whole-suite runs)")
    p.add_argument("--no-summary", action="store_true", help="do not write the summary file")
    p.add_argument("--no-progress", action="store_true", help="no progress display on stderr")
    p.add_argument("--no-retry", action="store_true", help="do not retry timing-sensitive failures once")
    p.add_argument("--brief", action="store_true", help="top-level table only (no per-directory rows)")
    p.add_argument("--pure-harness", action="store_true",
                   help="run harness helpers as written (no host versions of slow helpers such as buildString)")
    p.add_argument("--hard-timeout", type=float, default=None, metavar="S",
                   help="kill a worker silent this long (default: max(2 x timeout, timeout + 20 s))")
    p.add_argument("--engine", default=DEFAULT_ENGINE, help=argparse.SUPPRESS)  # module or .py (test fakes)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m conformance", description="test262 conformance runner")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="run test262 tests and print tables by directory and feature")
    _add_run_options(run)

    check = sub.add_parser("check", help="run and gate against conformance/expected_failures.txt")
    _add_run_options(check)
    check.add_argument("--baseline", default=str(DEFAULT_BASELINE), metavar="FILE",
                       help="expected failures (default conformance/expected_failures.txt)")
    mode = check.add_mutually_exclusive_group()
    mode.add_argument("--update-baseline", action="store_true",
                      help="remove newly passing and stale runs from the baseline (never adds)")
    mode.add_argument("--init-baseline", action="store_true",
                      help="write every failing run to the baseline (bootstrap; replaces the file)")
    check.add_argument("--from-json", metavar="FILE",
                       help="judge a results file written by --json instead of running the tests")

    report = sub.add_parser("report", help="render the summary as tables or as the README's markdown block")
    report.add_argument("--markdown", action="store_true",
                        help="rewrite the README block between the conformance markers")
    report.add_argument("--from", dest="source", default=str(DEFAULT_SUMMARY), metavar="FILE",
                        help="summary or results JSON (default conformance/summary.json)")
    report.add_argument("--readme", default=str(DEFAULT_README), metavar="FILE", help="README to rewrite")
    report.add_argument("--stdout", action="store_true", help="print the markdown instead of rewriting")
    return parser


# -- running ---------------------------------------------------------------------------------------------

def _log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _load_sensitive(outcome: tuple, timeout: float) -> bool:
    """A failure that may come from machine load rather than from the engine: a worker crash or hang, or
    the time budget running out while the run got well under its share of CPU."""
    status, message, _wall, cpu = outcome
    if status != FAIL:
        return False
    if message.startswith("budget exceeded (time)"):
        return cpu < 0.7 * timeout
    return message.startswith(_CRASH_MARKERS)


def execute(args: argparse.Namespace) -> tuple[Suite, Results, list[str]]:
    """Discover, run and collect; returns (suite, results, discovered files)."""
    root = default_test262_dir(args.test262)
    suite = Suite(root)
    t0 = time.monotonic()
    files = suite.collect(args.paths)
    results = Results()
    runs = []
    for tf in files:
        results.features[tf.file] = tf.features
        if tf.error:
            results.add(Result(tf.file, "sloppy", FAIL, tf.error))
        elif tf.skip_reason:
            results.add(Result(tf.file, "", SKIP, tf.skip_reason))
        else:
            runs.extend(tf.runs)
    jobs = default_jobs() if args.jobs is None else args.jobs
    limits = Limits(steps=args.steps, memory=args.memory * 2**20, timeout=args.timeout)
    config = PoolConfig(
        root=root,
        engine=args.engine,
        limits=limits,
        jobs=jobs,
        memory_cap=args.worker_memory * 2**20 if args.worker_memory else None,
        hard_timeout=args.hard_timeout,
        harness_overrides=not args.pure_harness,
    )
    skipped = len(files) - len({r.file for r in runs})
    _log(f"conformance: {len(files)} test files in {root}: {len(runs)} runs, {skipped} skipped; "
         f"{jobs or 'no'} worker(s), {args.timeout:g} s per run")
    progress = Progress(len(runs), enabled=not args.no_progress)
    outcome: dict = {}

    def on_result(run, status, message, wall, cpu):
        outcome[run.key] = (status, message, wall, cpu)
        progress.update(status != PASS)

    started = time.monotonic()
    execute_runs(runs, config, on_result)
    progress.finish()

    if not args.no_retry:
        retry = [r for r in runs if _load_sensitive(outcome[r.key], args.timeout)]
        if 0 < len(retry) <= _MAX_RETRIES:
            _log(f"conformance: retrying {len(retry)} run(s) that failed on a worker crash, or on time while "
                 f"the machine was busy (less CPU than wall time), with {2 * args.timeout:g} s")
            first = {r.key: outcome[r.key] for r in retry}
            retry_config = dataclasses.replace(config, limits=dataclasses.replace(limits, timeout=2 * args.timeout))
            execute_runs(retry, retry_config,
                         lambda run, *result: outcome.__setitem__(run.key, result))
            for r in retry:
                if outcome[r.key][0] == PASS:
                    _log(f"  passed on retry: {r.file} [{r.mode}] (first: {first[r.key][1]})")
        elif retry:
            _log(f"conformance: {len(retry)} load-sensitive failures: too many to retry")
    duration = time.monotonic() - started
    cpu_total = 0.0
    for run in runs:
        status, message, wall, cpu = outcome[run.key]
        cpu_total += cpu
        results.add(Result(run.file, run.mode, status, message, round(wall, 3)))
    results.info = {
        "duration_s": round(duration, 1),
        "cpu_s": round(cpu_total, 1),  # CPU time of the workers spent in runs (load-independent)
        "collect_s": round(started - t0, 1),
        "jobs": jobs,
        "timeout_s": args.timeout,
        "steps": args.steps,
        "engine": args.engine,
        "test262": str(root),
        "paths": list(args.paths),
        "python": platform.python_version(),
        "generated": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }
    _log(f"conformance: {len(runs)} runs in {format_duration(duration)}"
         + (f" ({len(runs) / duration:.1f} runs/s)" if duration > 0 else ""))
    return suite, results, [tf.file for tf in files]


def _write_outputs(args: argparse.Namespace, results: Results) -> None:
    if args.json:
        results.write_json(args.json)
        _log(f"conformance: results written to {args.json}")
    summary = args.summary
    if summary is None and not args.paths and args.engine == DEFAULT_ENGINE:
        summary = DEFAULT_SUMMARY
    if summary and not args.no_summary:
        results.write_json(summary, with_results=False)
        _log(f"conformance: summary written to {summary}")


def _print_tables(args: argparse.Namespace, suite: Suite | None, results: Results) -> None:
    editions = suite.scope.allowed if suite else None
    print(format_tables(results.to_dict(with_results=False), editions, detail=not args.brief))


def cmd_run(args: argparse.Namespace) -> int:
    suite, results, _files = execute(args)
    _write_outputs(args, results)
    _print_tables(args, suite, results)
    return 0


def _show_list(title: str, items: list[str], limit: int) -> None:
    print(f"\n{title} ({len(items)}):")
    for line in items[:limit]:
        print(f"  {line}")
    if len(items) > limit:
        print(f"  ... and {len(items) - limit} more")


def cmd_check(args: argparse.Namespace) -> int:
    baseline_path = Path(args.baseline)
    try:
        baseline = baseline_mod.load(baseline_path)
    except ValueError as exc:
        _log(f"conformance: bad baseline: {exc}")
        return 2
    if args.from_json:
        data = load_json(args.from_json)
        results = Results(entries=results_from_json(data))
        suite = None
        partial = bool(data.get("summary", {}).get("paths"))
        covered = {r.file for r in results.entries} if partial else None
    else:
        suite, results, files = execute(args)
        _write_outputs(args, results)
        covered = set(files) if args.paths else None
    _print_tables(args, suite, results)

    if args.init_baseline:
        failing = {r.key for r in results.entries if r.status == FAIL}
        if covered is not None:  # partial run: keep the entries of files not looked at
            failing |= {k for k in baseline if k[0] not in covered}
        baseline_mod.save(baseline_path, failing)
        print(f"\nbaseline: wrote {len(failing)} failing runs to {baseline_path}")
        return 0

    outcome = baseline_mod.compare(baseline, results.entries, covered)
    print(f"\nbaseline {baseline_path.name}: {len(baseline)} expected failures; "
          f"{outcome.still_failing} still fail, {len(outcome.newly_passing)} now pass, "
          f"{len(outcome.stale)} stale, {len(outcome.new_failures)} new failures")
    if outcome.newly_passing:
        _show_list("newly passing (remove them: python -m conformance check --update-baseline)",
                   [f"{f} {m}" for f, m in outcome.newly_passing], 100)
    if outcome.stale:
        _show_list("stale baseline entries (test gone or skipped)", [f"{f} {m}" for f, m in outcome.stale], 30)
    if args.update_baseline and (outcome.newly_passing or outcome.stale):
        shrunk = baseline_mod.shrink(baseline, outcome)
        baseline_mod.save(baseline_path, shrunk)
        print(f"\nbaseline: removed {len(baseline) - len(shrunk)} entries; {len(shrunk)} remain")
    if outcome.new_failures:
        _show_list("NEW FAILURES (not in the baseline)",
                   [f"{r.file} {r.mode}: {r.message}" for r in outcome.new_failures], 500)
        print(f"\nconformance check FAILED: {len(outcome.new_failures)} run(s) fail that are not in {baseline_path}")
        return 1
    print("\nconformance check passed: no new failures")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    source = Path(args.source)
    if not source.exists():
        _log(f"conformance: no {source}; run the whole suite first (python -m conformance run)")
        return 2
    data = load_json(source)
    if not args.markdown:
        print(format_tables(data))
        return 0
    try:
        name = source.resolve().relative_to(REPO_ROOT).as_posix()
    except ValueError:
        name = source.name
    content = render_markdown(data, name)
    if args.stdout:
        print(content)
        return 0
    readme = Path(args.readme)
    try:
        changed = update_readme(readme, content)
    except FileNotFoundError:
        _log(f"conformance: no {readme}")
        return 2
    except MarkersMissing as exc:
        _log(f"conformance: {exc}; add these two lines where the table belongs and run again:\n"
             "<!-- conformance:start -->\n<!-- conformance:end -->")
        return 2
    _log(f"conformance: {readme} {'updated' if changed else 'already up to date'}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler = {"run": cmd_run, "check": cmd_check, "report": cmd_report}[args.command]
    try:
        return handler(args)
    except (SuiteError, RunnerError) as exc:
        _log(f"conformance: {exc}")
        return 2
    except KeyboardInterrupt:
        _log("conformance: interrupted")
        return 130
