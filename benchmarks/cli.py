"""`python -m benchmarks`: the speed suite (see docs/benchmarks.md).

    python -m benchmarks [--quick] [--only NAMES] [--runs N] [--engines LIST]
                         [--json OUT] [--plot OUT.png|OUT.svg] [--markdown]
    python -m benchmarks --from-json RESULTS.json [--markdown] [--readme README.md] [--plot OUT.png]
    python -m benchmarks --profile NAME [--quick] [--top N]

Exit status: 0 when every engine printed CPython's checksum (or honestly could not run a program:
n/a, unsupported), 1 on a wrong checksum, an error of jsengine, CPython or Node, or a jsengine
timeout; 2 on bad usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from benchmarks import engines as E
from benchmarks import report as R
from benchmarks import runner
from benchmarks.plot import write_plot
from benchmarks.suite import BENCHMARKS, select


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="jsengine's speed suite: jsengine, "
        "CPython twins, Js2Py and Node, interleaved, with checksums.",
    )
    p.add_argument(
        "--quick",
        action="store_true",
        help="small sizes and one run: a checksum check (no start-up, no test262)",
    )
    p.add_argument("--only", metavar="NAMES", help="comma-separated benchmark names or groups (micro, macro)")
    p.add_argument("--runs", type=int, help="runs per engine and benchmark (default 3; 1 with --quick)")
    p.add_argument("--js2py-runs", type=int, default=1, help="runs for Js2Py, which is slow (default 1)")
    p.add_argument(
        "--engines",
        default=",".join(E.ENGINE_NAMES),
        help="comma-separated: jsengine,cpython,js2py,node (CPython always runs: it is the reference)",
    )
    p.add_argument("--timeout", type=float, default=300.0, help="seconds per measurement (default 300)")
    p.add_argument("--json", metavar="OUT", help="write every measurement and the summary as JSON")
    p.add_argument("--plot", metavar="OUT", help="write a bar chart of the ratios (.png, or .svg)")
    p.add_argument("--markdown", action="store_true", help="print a Markdown table for the README instead")
    p.add_argument("--no-startup", action="store_true", help="skip the start-up measurements")
    p.add_argument("--no-test262", action="store_true", help="skip the test262 throughput measurement")
    p.add_argument("--startup-runs", type=int, default=5, help="runs per start-up case (default 5)")
    p.add_argument(
        "--test262-paths",
        default=",".join(runner.TEST262_PATHS),
        help=f"test262 paths for the throughput run (default {','.join(runner.TEST262_PATHS)})",
    )
    p.add_argument(
        "--readme",
        metavar="FILE",
        help="replace the block between <!-- benchmarks:start --> and "
        "<!-- benchmarks:end --> in FILE with the Markdown table",
    )
    p.add_argument("--from-json", metavar="IN", help="report a saved --json result instead of running")
    p.add_argument(
        "--profile",
        metavar="NAME",
        help="run one benchmark on jsengine under cProfile (in-process) and print its hottest functions",
    )
    p.add_argument("--top", type=int, default=25, help="functions shown by --profile (default 25)")
    p.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.list:
        for b in BENCHMARKS:
            needs = f"  [needs {', '.join(b.needs)}]" if b.needs else ""
            print(f"{b.name:<15} {b.group:<6} full {b.full:<6} quick {b.quick:<5} {b.summary}{needs}")
        return 0
    if args.profile:
        return profile(args.profile, args.quick, args.top, args.timeout)
    if args.from_json:
        result = json.loads(Path(args.from_json).read_text(encoding="utf-8"))
    else:
        try:
            benches = select(args.only)
        except ValueError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        chosen = tuple(e.strip() for e in args.engines.split(",") if e.strip())
        unknown = [e for e in chosen if e not in E.ENGINE_NAMES]
        if unknown:
            print(
                f"error: unknown engine(s) {', '.join(unknown)} (known: {', '.join(E.ENGINE_NAMES)})",
                file=sys.stderr,
            )
            return 2
        opts = runner.Options(
            quick=args.quick,
            engines=chosen,
            runs=args.runs or (1 if args.quick else 3),
            js2py_runs=args.js2py_runs,
            timeout=args.timeout,
            startup=not (args.no_startup or args.quick),
            startup_runs=args.startup_runs,
            test262=not (args.no_test262 or args.quick),
            test262_paths=tuple(p for p in args.test262_paths.split(",") if p),
        )
        result = run(benches, opts)
    if args.json and not args.from_json:
        Path(args.json).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {args.json}", file=sys.stderr)
    if args.plot:
        write_plot(result, args.plot)
        print(f"wrote {args.plot}", file=sys.stderr)
    if args.readme:
        try:
            changed = R.update_readme(Path(args.readme), R.markdown(result).rstrip("\n"))
        except ValueError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        print(f"{'updated' if changed else 'unchanged'}: {args.readme}", file=sys.stderr)
    sys.stdout.write(R.markdown(result) if args.markdown else R.text_table(result))
    bad = failures(result)
    if bad:
        print("FAILED: " + "; ".join(bad), file=sys.stderr)
    return 1 if bad else 0


def profile(name: str, quick: bool, top: int, timeout: float) -> int:
    """cProfile one benchmark on jsengine (compile and run, in-process) and print the hottest functions."""
    import pstats
    import subprocess
    import tempfile

    try:
        (bench,) = select(name)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="jsengine-profile-") as tmp:
        out = Path(tmp) / f"{bench.name}.prof"
        argv = [
            sys.executable,
            "-m",
            "benchmarks.worker",
            "jsengine",
            str(bench.js),
            str(bench.scale(quick)),
            "--profile",
            str(out),
        ]
        if bench.needs:
            argv += ["--needs", ",".join(bench.needs)]
        underscore = E.underscore_path() if "underscore" in bench.needs else None
        if underscore is not None:
            argv += ["--underscore", str(underscore)]
        proc = subprocess.run(
            argv,
            capture_output=True,
            text=True,
            check=False,
            timeout=timeout * 4,
            cwd=E.ROOT,
            env=E.worker_env(),
        )
        lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
        data = json.loads(lines[-1]) if lines else {"status": "error", "message": proc.stderr.strip()[-300:]}
        if data["status"] != "ok":
            print(f"{bench.name}: {data['status']}: {data.get('message', '')}", file=sys.stderr)
            return 1
        print(
            f"{bench.name} (scale {bench.scale(quick)}): {data['time']:.2f} s under cProfile; "
            f"printed {data['output']!r}\n"
        )
        stats = pstats.Stats(str(out), stream=sys.stdout)
        stats.strip_dirs()
        for key, title in (("tottime", "by own time"), ("cumulative", "by cumulative time")):
            print(f"--- hottest {top} {title} ---")
            stats.sort_stats(key).print_stats(top)
    return 0


def run(benches, opts: runner.Options) -> dict:
    """Run the suite and return the whole result as a JSON-ready dict."""
    machine = R.machine_info()
    engines = [e for e in E.ENGINE_NAMES if e in opts.engines or e == "cpython"]
    for e in engines:
        reason = E.availability(e)
        print(
            f"{E.LABELS[e]}: {'n/a: ' + reason if reason else E.version(e) or 'available'}", file=sys.stderr
        )
    rows = runner.run_benchmarks(benches, opts)
    result = {
        "meta": {
            "date": R.now_utc(),
            "mode": "quick" if opts.quick else "full",
            "runs": opts.runs,
            "js2py_runs": opts.js2py_runs,
            "timeout": opts.timeout,
            "machine": machine,
            "engines": engines,
            "versions": {e: E.version(e) for e in engines},
            "timing": "program only, in a fresh process (no start-up, imports or library loading); "
            "jsengine includes compile, Js2Py includes translation; budgets on for jsengine",
        },
        "benchmarks": runner.rows_to_json(rows),
        "geomean": runner.geomeans(rows),
    }
    result["title_note"] = (
        f"{result['meta']['date']}; {machine['cpu']}, {machine['nproc']} cores; "
        f"Python {machine['python']}; {result['meta']['mode']} mode"
    )
    if opts.startup:
        result["startup"] = runner.run_startup(opts)
    if opts.test262:
        result["test262"] = runner.run_test262(opts)
    return result


def failures(result: dict) -> list[str]:
    """What makes the run fail: wrong checksums, and errors or timeouts of the engines that must work."""
    out = []
    for row in result["benchmarks"]:
        for engine, res in row["results"].items():
            if res["status"] == "mismatch" or (res["status"] in runner.FAILING and engine != "js2py"):
                out.append(f"{row['name']} / {engine}: {res['status']}")
    return out
