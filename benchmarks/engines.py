"""The engines the suite compares, and how one measurement of each is taken.

jsengine, CPython and Js2Py are timed inside a fresh worker process (`benchmarks.worker`), around the
program only: no interpreter start-up, no imports, no loading of Underscore. Node runs the program
in a wrapper that reads `process.hrtime` before and after it, for the same reason. Every measurement
is a separate process, so a crash, a runaway or a timeout costs one row, not the suite.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from benchmarks.suite import Benchmark

ROOT = Path(__file__).resolve().parent.parent
ENGINE_NAMES = ("jsengine", "cpython", "js2py", "node")
LABELS = {"jsengine": "jsengine", "cpython": "CPython", "js2py": "Js2Py", "node": "Node"}


@dataclass
class Measurement:
    """One run of one program by one engine."""

    status: str  # ok | error | mismatch | unsupported | timeout | n/a | skip
    time: float | None = None
    compile: float | None = None
    output: str = ""
    message: str = ""


def underscore_path() -> Path | None:
    """underscore.js as the activity runtime finds it (stdlib_js/node_modules), or None."""
    try:
        from runtime.underscore import underscore_file

        return Path(underscore_file())
    except Exception:  # noqa: BLE001 - runtime missing or library not installed: look for the file
        path = ROOT / "stdlib_js" / "node_modules" / "underscore" / "underscore.js"
        return path if path.is_file() else None


def _node() -> str | None:
    return shutil.which("node")


@cache
def availability(engine: str) -> str | None:
    """None when the engine can run here, else the reason it cannot."""
    if engine in ("jsengine", "cpython"):
        return None
    if engine == "node":
        return None if _node() else "node is not on PATH"
    if engine == "js2py":
        probe = subprocess.run(
            [sys.executable, "-c", "import js2py"], capture_output=True, text=True, check=False
        )
        if probe.returncode != 0:
            return "js2py is not installed (pip install -e '.[bench]')"
        return None
    return f"unknown engine {engine}"


@cache
def version(engine: str) -> str:
    """A version string for reports ('' when unknown)."""
    try:
        if engine == "cpython":
            return sys.version.split()[0]
        if engine == "node":
            return (
                subprocess.run(
                    [_node() or "node", "--version"], capture_output=True, text=True, check=False, timeout=30
                )
                .stdout.strip()
                .lstrip("v")
            )
        if engine in ("js2py", "jsengine"):
            from importlib.metadata import version as dist_version

            return dist_version(engine)
    except Exception:  # noqa: BLE001 - a version is only decoration
        return ""
    return ""


def worker_env(workdir: Path | None = None) -> dict:
    """The environment of a child process: this checkout first on the import path, and bytecode and
    jsengine's compiled templates cached under `workdir` (outside the source tree and the user's
    cache) even where PYTHONDONTWRITEBYTECODE is set, so that a child does not recompile every module,
    as no normal installation would."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    env.setdefault("PYTHONHASHSEED", "0")
    if workdir is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(workdir / "pycache")
        env.setdefault("JSENGINE_CACHE_DIR", str(workdir / "cache"))
    return env


def measure(engine: str, bench: Benchmark, scale: int, timeout: float, workdir: Path) -> Measurement:
    """Run `bench` once on `engine` at `scale` and time it."""
    reason = availability(engine)
    if reason:
        return Measurement("n/a", message=reason)
    underscore = None
    if "underscore" in bench.needs:
        underscore = underscore_path()
        if underscore is None and engine != "cpython":
            return Measurement("skip", message="Underscore is not installed (npm ci --prefix stdlib_js)")
    if engine == "node":
        return _measure_node(bench, scale, timeout, workdir, underscore)
    program = {"jsengine": bench.js, "cpython": bench.py, "js2py": bench.es5}[engine]
    argv = [sys.executable, "-m", "benchmarks.worker", engine, str(program), str(scale)]
    if bench.needs:
        argv += ["--needs", ",".join(bench.needs)]
    if underscore is not None and engine != "cpython":
        argv += ["--underscore", str(underscore)]
    try:
        proc = subprocess.run(
            argv,
            capture_output=True,
            text=True,
            check=False,
            timeout=timeout,
            env=worker_env(workdir),
            cwd=ROOT,
        )
    except subprocess.TimeoutExpired:
        return Measurement("timeout", message=f"no result within {timeout:g} s")
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if not lines:
        tail = (proc.stderr.strip().splitlines() or [f"exit status {proc.returncode}"])[-1]
        return Measurement("error", message=f"worker died: {tail}")
    data = json.loads(lines[-1])
    return Measurement(
        data.get("status", "error"),
        data.get("time"),
        data.get("compile"),
        data.get("output", ""),
        data.get("message", ""),
    )


_NODE_MARK = "__bench_time__"


def _measure_node(
    bench: Benchmark, scale: int, timeout: float, workdir: Path, underscore: Path | None
) -> Measurement:
    head = [f"var SCALE = {int(scale)};"]
    if underscore is not None:
        head.append(f"var _ = require({json.dumps(str(underscore))});")
    head.append("var __benchStart = process.hrtime.bigint();")
    tail = (
        f'\n;process.stderr.write("\\n{_NODE_MARK} " + '
        f'Number(process.hrtime.bigint() - __benchStart) / 1e9 + "\\n");\n'
    )
    wrapped = workdir / f"{bench.name}.node.js"
    wrapped.write_text("\n".join(head) + "\n" + bench.js.read_text(encoding="utf-8") + tail, encoding="utf-8")
    try:
        proc = subprocess.run(
            [_node() or "node", str(wrapped)], capture_output=True, text=True, check=False, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        return Measurement("timeout", message=f"no result within {timeout:g} s")
    marks = [line for line in proc.stderr.splitlines() if line.startswith(_NODE_MARK)]
    if proc.returncode != 0 or not marks:
        last = proc.stderr.strip().splitlines() or [f"exit status {proc.returncode}"]
        message = next((line for line in last if "Error" in line), last[-1])
        return Measurement("error", message=message.strip(), output=proc.stdout.rstrip("\n"))
    return Measurement("ok", float(marks[-1].split()[1]), output=proc.stdout.rstrip("\n"))


def wall_time(
    argv: list[str], timeout: float, env: dict | None = None, cwd: Path | None = None
) -> tuple[float | None, str]:
    """Whole-process wall time of a command; (None, message) when it fails."""
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(
            argv, capture_output=True, text=True, check=False, timeout=timeout, env=env, cwd=cwd
        )
    except subprocess.TimeoutExpired:
        return None, f"no exit within {timeout:g} s"
    except OSError as exc:
        return None, str(exc)
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        lines = (proc.stderr or proc.stdout).strip().splitlines()
        return None, (lines[-1] if lines else f"exit status {proc.returncode}")[:300]
    return elapsed, proc.stdout
