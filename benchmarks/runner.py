"""Running the suite: interleaved measurements, checksums, start-up and test262 throughput."""

from __future__ import annotations

import json
import math
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from benchmarks import engines as E
from benchmarks.suite import Benchmark

# Statuses that make the suite exit non-zero (a peer that cannot run a program is "n/a" instead).
FAILING = ("error", "mismatch", "timeout")
TEST262_PATHS = ("built-ins/Array/prototype/indexOf",)


@dataclass
class Options:
    quick: bool = False
    engines: tuple[str, ...] = E.ENGINE_NAMES
    runs: int = 3
    js2py_runs: int = 1
    timeout: float = 300.0
    startup: bool = True
    startup_runs: int = 5
    test262: bool = True
    test262_paths: tuple[str, ...] = TEST262_PATHS


@dataclass
class Row:
    """One benchmark: the reference (CPython) checksum line and every engine's result."""

    name: str
    group: str
    scale: int
    expected: str = ""
    results: dict = field(default_factory=dict)  # engine -> dict (status, times, median, ratio, ...)


def _progress(text: str) -> None:
    sys.stderr.write(text + "\n")
    sys.stderr.flush()


def _runs_for(engine: str, opts: Options) -> int:
    return max(1, opts.js2py_runs if engine == "js2py" else opts.runs)


def run_benchmarks(benches: list[Benchmark], opts: Options) -> list[Row]:
    """Measure every benchmark on every engine, interleaved: round by round, benchmark by benchmark,
    engines in a rotating order, so that machine load falls on all engines alike."""
    engines = [e for e in E.ENGINE_NAMES if e in opts.engines or e == "cpython"]
    raw: dict[tuple[str, str], list[E.Measurement]] = {(b.name, e): [] for b in benches for e in engines}
    rounds = max(_runs_for(e, opts) for e in engines)
    total = sum(_runs_for(e, opts) for e in engines) * len(benches)
    done = 0
    with tempfile.TemporaryDirectory(prefix="jsengine-bench-") as tmp:
        for r in range(rounds):
            for bench in benches:
                scale = bench.scale(opts.quick)
                order = engines[r % len(engines) :] + engines[: r % len(engines)]
                for engine in order:
                    runs = _runs_for(engine, opts)
                    if r >= runs:
                        continue
                    done += 1
                    previous = raw[(bench.name, engine)]
                    if previous and previous[-1].status != "ok":
                        continue  # a failure repeats; do not pay for it again
                    if engine == "js2py" and bench.js2py_limit:
                        m = E.Measurement("n/a", message=bench.js2py_limit)
                    else:
                        m = E.measure(engine, bench, scale, opts.timeout, Path(tmp))
                    previous.append(m)
                    shown = f"{m.time:8.3f} s" if m.status == "ok" else f"{m.status}: {m.message}"
                    _progress(
                        f"[{done:>3}/{total}] {bench.name:<15} {E.LABELS[engine]:<9} "
                        f"run {r + 1}/{runs}  {shown}"
                    )
    return [_summarize(bench, opts, engines, raw) for bench in benches]


def _summarize(bench: Benchmark, opts: Options, engines: list[str], raw: dict) -> Row:
    row = Row(bench.name, bench.group, bench.scale(opts.quick))
    ref_runs = [m for m in raw[(bench.name, "cpython")] if m.status == "ok"]
    row.expected = ref_runs[0].output if ref_runs else ""
    for engine in engines:
        ms = raw[(bench.name, engine)]
        oks = [m for m in ms if m.status == "ok"]
        res: dict = {
            "status": "n/a",
            "times": [m.time for m in oks],
            "median": None,
            "ratio": None,
            "message": "",
            "output": oks[0].output if oks else "",
        }
        bad = next((m for m in ms if m.status != "ok"), None)
        if bad is not None:
            res["status"], res["message"] = bad.status, bad.message
            if bad.status in ("timeout", "error") and engine == "js2py":
                res["status"] = "n/a"  # Js2Py failing on our program is Js2Py's limit, reported as such
                res["message"] = f"{bad.status}: {bad.message}"
        elif oks:
            wrong = next((m for m in oks if m.output.strip() != row.expected.strip()), None)
            if engine != "cpython" and ref_runs and wrong is not None:
                res["status"] = "mismatch"
                res["message"] = f"printed {wrong.output.strip()!r}, CPython printed {row.expected.strip()!r}"
            else:
                res["status"] = "ok"
                res["median"] = statistics.median(res["times"])
                compiles = [m.compile for m in oks if m.compile is not None]
                if compiles:
                    res["compile"] = statistics.median(compiles)
        row.results[engine] = res
    ref = row.results.get("cpython", {})
    if ref.get("status") == "ok" and ref["median"]:
        for engine, res in row.results.items():
            if res["status"] == "ok":
                res["ratio"] = res["median"] / ref["median"]
    return row


def geomeans(rows: list[Row]) -> dict:
    """Per engine: geometric mean of the ratios to CPython over the micro set and over all."""
    out: dict = {}
    engines = sorted({e for row in rows for e in row.results})
    for engine in engines:
        entry = {}
        for scope in ("micro", "all"):
            ratios = [
                row.results[engine]["ratio"]
                for row in rows
                if (scope == "all" or row.group == scope)
                and engine in row.results
                and row.results[engine].get("ratio")
            ]
            total = sum(1 for row in rows if scope == "all" or row.group == scope)
            entry[scope] = math.exp(sum(math.log(x) for x in ratios) / len(ratios)) if ratios else None
            entry[f"{scope}_n"] = len(ratios)
            entry[f"{scope}_of"] = total
        out[engine] = entry
    return out


# -- start-up ----------------------------------------------------------------------------------------

TRIVIAL_JS = 'console.log("hello");\n'
UNDERSCORE_JS = (
    'const counts = _.countBy(["push", "redeploy", "push"]);\n'
    "console.log(JSON.stringify(counts), _.max([3, 9, 4]));\n"
)


def jsengine_command() -> list[str]:
    """The `jsengine` console script of this interpreter's environment."""
    beside = Path(sys.executable).with_name("jsengine")
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("jsengine")
    if found:
        return [found]
    return [sys.executable, "-c", "import sys; from jsengine.cli import main; sys.exit(main())"]


def _has_activity_run(env: dict) -> bool:
    proc = subprocess.run(
        jsengine_command() + ["activity:run", "--help"],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        timeout=120,
    )
    return proc.returncode == 0


def _runtime_importable() -> bool:
    try:
        import runtime.cli  # noqa: F401
    except Exception:  # noqa: BLE001
        return False
    return True


def run_startup(opts: Options) -> list[dict]:
    """Whole-process wall time of short scripts, interleaved, after one unmeasured warm-up each."""
    cases: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="jsengine-startup-") as tmp:
        tmpdir = Path(tmp)
        env = dict(
            E.worker_env(tmpdir), JSENGINE_HOME=str(tmpdir / "home"), JSENGINE_CACHE_DIR=str(tmpdir / "cache")
        )
        trivial = tmpdir / "trivial.js"
        trivial.write_text(TRIVIAL_JS, encoding="utf-8")
        uses = tmpdir / "uses_underscore.js"
        uses.write_text(UNDERSCORE_JS, encoding="utf-8")
        js = jsengine_command()
        cases.append(
            {
                "name": "jsengine: trivial script",
                "engine": "jsengine",
                "argv": js + ["run", str(trivial)],
                "how": "jsengine run trivial.js",
                "target": 0.3,
            }
        )
        underscore = E.underscore_path()
        if underscore is None:
            cases.append(
                {
                    "name": "jsengine: script using _",
                    "engine": "jsengine",
                    "argv": None,
                    "target": 0.5,
                    "skip": "skipped: Underscore is not installed (npm ci --prefix stdlib_js)",
                }
            )
        elif _has_activity_run(env):
            cases.append(
                {
                    "name": "jsengine: script using _",
                    "engine": "jsengine",
                    "target": 0.5,
                    "argv": js + ["activity:run", str(uses)],
                    "how": "jsengine activity:run script.js",
                }
            )
        else:
            prepended = tmpdir / "underscore_prepended.js"
            prepended.write_text(
                underscore.read_text(encoding="utf-8") + "\n" + UNDERSCORE_JS, encoding="utf-8"
            )
            cases.append(
                {
                    "name": "jsengine: script using _",
                    "engine": "jsengine",
                    "target": 0.5,
                    "argv": js + ["run", str(prepended)],
                    "how": "jsengine run (underscore.js prepended; no activity:run verb)",
                }
            )
            if _runtime_importable():
                cases.append(
                    {
                        "name": "runtime: activity:run using _",
                        "engine": "jsengine",
                        "target": 0.5,
                        "argv": [sys.executable, "-m", "runtime", "activity:run", str(uses)],
                        "how": "python -m runtime activity:run (the verb is not registered with jsengine)",
                    }
                )
        cases.append(
            {
                "name": "CPython: python -c pass",
                "engine": "cpython",
                "how": "python -c pass",
                "argv": [sys.executable, "-c", "pass"],
            }
        )
        if "node" in opts.engines and not E.availability("node"):
            cases.append(
                {
                    "name": "Node: trivial script",
                    "engine": "node",
                    "how": "node trivial.js",
                    "argv": [shutil.which("node") or "node", str(trivial)],
                }
            )
        if "js2py" in opts.engines and not E.availability("js2py"):
            cases.append(
                {
                    "name": "Js2Py: trivial script",
                    "engine": "js2py",
                    "how": "python -c 'import js2py; ...'",
                    "argv": [sys.executable, "-c", f"import js2py; js2py.eval_js({TRIVIAL_JS!r})"],
                }
            )
        for case in cases:
            case["times"] = []
            if case.get("skip") or not case.get("argv"):
                continue
            t, msg = E.wall_time(case["argv"], opts.timeout, env=env, cwd=tmpdir)  # warm-up, not counted
            if t is None:
                case["skip"] = f"fails: {msg}"
        for i in range(opts.startup_runs):
            for case in cases:
                if case.get("skip"):
                    continue
                t, msg = E.wall_time(case["argv"], opts.timeout, env=env, cwd=tmpdir)
                if t is None:
                    case["skip"] = f"fails: {msg}"
                    continue
                case["times"].append(t)
                _progress(f"[start-up {i + 1}/{opts.startup_runs}] {case['name']:<28} {t:7.3f} s")
    out = []
    for case in cases:
        entry = {k: case.get(k) for k in ("name", "engine", "how", "target", "skip", "times")}
        entry["median"] = statistics.median(case["times"]) if case["times"] and not case.get("skip") else None
        out.append(entry)
    return out


# -- test262 throughput --------------------------------------------------------------------------------


def run_test262(opts: Options) -> dict:
    """Tests per second of `python -m conformance run` on a fixed small directory, one worker."""
    paths = list(opts.test262_paths)
    result: dict = {"paths": paths, "jobs": 1}
    try:
        import conformance  # noqa: F401
    except Exception as exc:  # noqa: BLE001
        result["skip"] = f"the conformance package does not import: {exc}"
        return result
    with tempfile.TemporaryDirectory(prefix="jsengine-t262-") as tmp:
        out = Path(tmp) / "results.json"
        argv = [
            sys.executable,
            "-m",
            "conformance",
            "run",
            *paths,
            "--jobs",
            "1",
            "--json",
            str(out),
            "--no-progress",
            "--no-summary",
        ]
        _progress(f"[test262] {' '.join(paths)} ...")
        t0 = time.perf_counter()
        try:
            proc = subprocess.run(
                argv,
                capture_output=True,
                text=True,
                check=False,
                timeout=max(opts.timeout, 600),
                cwd=E.ROOT,
                env=E.worker_env(),
            )
        except subprocess.TimeoutExpired:
            result["skip"] = "timed out"
            return result
        wall = time.perf_counter() - t0
        if proc.returncode != 0 or not out.is_file():
            lines = proc.stderr.strip().splitlines() or [f"exit status {proc.returncode}"]
            result["skip"] = f"conformance run failed: {lines[-1][:300]}"
            return result
        data = json.loads(out.read_text(encoding="utf-8"))
    summary = data.get("summary", {})
    runs = summary.get("runs") or 0
    files = len({r.get("file") for r in data.get("results", []) if r.get("status") != "skip"})
    result.update(
        {
            "runs": runs,
            "passed": summary.get("passed"),
            "failed": summary.get("failed"),
            "wall": wall,
            "runs_per_s": runs / wall if wall else None,
            "runner_runs_per_s": summary.get("runs_per_s"),
            "files": files,
            "files_per_s": files / wall if wall else None,
        }
    )
    _progress(f"[test262] {runs} runs in {wall:.1f} s: {result['runs_per_s']:.1f} runs/s")
    return result


def rows_to_json(rows: list[Row]) -> list[dict]:
    return [asdict(r) for r in rows]
