"""One measurement in a fresh process:

    python -m benchmarks.worker ENGINE FILE SCALE [--needs regexp,...] [--underscore JS] [--profile OUT]

ENGINE is `jsengine`, `cpython` or `js2py`. The worker loads what the program needs (the engine, the
`_` library), then times only the program itself -- for jsengine: compile plus run, in-process through
the Python API; for CPython: exec of the twin; for Js2Py: translation plus run -- and prints one JSON
object on standard output: {"status", "time", "compile", "output", "message"}.

status is "ok", "error" (the program failed) or "unsupported" (the engine lacks a builtin the program
needs, found by a probe before the run). `--profile OUT` (jsengine only) runs under cProfile and
writes the stats to OUT.
"""

from __future__ import annotations

import io
import json
import sys
import time
import traceback
from contextlib import redirect_stdout
from pathlib import Path

# Budgets stay on for jsengine (the accounting is paid as in production) but never bind.
STEPS = 10**12
MEMORY = 8 * 2**30
TIMEOUT = 3600.0

# A program that needs `regexp` only runs when this probe, run first, evaluates to true.
REGEXP_PROBE = 'var m = /a(b+)/.exec("xabbc"); m !== null && m[1] === "bb" && "x-y".split(/-/).length === 2'


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    first = text[0] if text else ""
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__


def run_jsengine(
    source: str,
    filename: str,
    scale: int,
    underscore: str | None,
    needs: list[str],
    profile: str | None = None,
) -> dict:
    import jsengine

    lines: list[str] = []
    eng = jsengine.Engine(
        budget=jsengine.Budget(steps=STEPS, memory=MEMORY, timeout=TIMEOUT),
        console=lambda level, text: lines.append(text),
    )
    if "regexp" in needs or underscore:
        try:
            ok = eng.run(REGEXP_PROBE, filename="regexp-probe.js")
        except Exception as exc:  # noqa: BLE001 - any failure means the builtin is not usable
            return {"status": "unsupported", "message": f"RegExp does not work: {_short(exc)}"}
        if ok is not True:
            return {"status": "unsupported", "message": "RegExp gives wrong results"}
    if underscore:
        try:
            eng.run(_compiled_underscore(underscore), filename=underscore, result=False)
        except Exception as exc:  # noqa: BLE001
            return {"status": "unsupported", "message": f"cannot load Underscore: {_short(exc)}"}
    eng.set_global("SCALE", scale)
    if profile:
        return _profiled(eng, source, filename, profile, lines)
    try:
        t0 = time.perf_counter()
        script = jsengine.compile(source, filename=filename)
        t1 = time.perf_counter()
        eng.run(script, result=False)
        t2 = time.perf_counter()
    except Exception as exc:  # noqa: BLE001
        return {"status": "error", "message": _short(exc), "output": "\n".join(lines)}
    return {"status": "ok", "time": t2 - t0, "compile": t1 - t0, "output": "\n".join(lines)}


def _profiled(eng, source: str, filename: str, out: str, lines: list[str]) -> dict:
    """Compile and run under cProfile, inside the engine's big-stack thread (where the work happens)."""
    import cProfile

    import jsengine
    from jsengine.engine import run_on_big_stack

    prof = cProfile.Profile()

    def work() -> float:
        t0 = time.perf_counter()
        prof.enable()
        try:
            eng.run(jsengine.compile(source, filename=filename), result=False)
        finally:
            prof.disable()
        return time.perf_counter() - t0

    try:
        elapsed = run_on_big_stack(work)
    except Exception as exc:  # noqa: BLE001
        return {"status": "error", "message": _short(exc), "output": "\n".join(lines)}
    prof.dump_stats(out)
    return {"status": "ok", "time": elapsed, "output": "\n".join(lines), "profile": out}


def _compiled_underscore(path: str):
    """Underscore compiled the way the activity runtime does it, or from the file when it cannot."""
    try:
        from runtime.underscore import compiled_underscore, underscore_file

        same = Path(underscore_file()).resolve() == Path(path).resolve()
    except Exception:  # noqa: BLE001 - runtime absent or different: compile the file ourselves
        same = False
    if same:
        return compiled_underscore()
    import jsengine

    return jsengine.compile(Path(path).read_text(encoding="utf-8"), filename=path)


def run_cpython(source: str, filename: str, scale: int) -> dict:
    code = compile(source, filename, "exec")
    saved_argv = sys.argv
    sys.argv = [filename, str(scale)]
    buf = io.StringIO()
    try:
        with redirect_stdout(buf):
            t0 = time.perf_counter()
            exec(code, {"__name__": "__main__", "__file__": filename})  # noqa: S102 - our own twin program
            t1 = time.perf_counter()
    except Exception as exc:  # noqa: BLE001
        return {"status": "error", "message": _short(exc), "output": buf.getvalue().rstrip("\n")}
    finally:
        sys.argv = saved_argv
    return {"status": "ok", "time": t1 - t0, "output": buf.getvalue().rstrip("\n")}


def run_js2py(source: str, filename: str, scale: int, underscore: str | None) -> dict:
    import js2py

    sys.setrecursionlimit(100000)
    ctx = js2py.EvalJs()
    try:
        if underscore:
            ctx.execute(Path(underscore).read_text(encoding="utf-8"))
        # Js2Py's console.log prints Python reprs; collect lines the way Node prints them instead.
        ctx.execute(
            "var __bench_lines = []; console.log = function () {"
            " __bench_lines.push(Array.prototype.join.call(arguments, ' ')); };"
            f" var SCALE = {int(scale)};"
        )
    except Exception as exc:  # noqa: BLE001
        return {"status": "unsupported", "message": f"setup failed: {_short(exc)}"}
    try:
        t0 = time.perf_counter()
        ctx.execute(source)
        t1 = time.perf_counter()
    except BaseException as exc:  # Js2Py raises odd things (RecursionError, NotImplementedError)
        if isinstance(exc, KeyboardInterrupt):
            raise
        return {"status": "error", "message": _short(exc)}
    output = "\n".join(str(x) for x in ctx.__bench_lines.to_list())
    return {"status": "ok", "time": t1 - t0, "output": output}


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    underscore = None
    needs: list[str] = []
    if "--underscore" in args:
        i = args.index("--underscore")
        underscore = args[i + 1]
        del args[i : i + 2]
    profile = None
    if "--profile" in args:
        i = args.index("--profile")
        profile = args[i + 1]
        del args[i : i + 2]
    if "--needs" in args:
        i = args.index("--needs")
        needs = [n for n in args[i + 1].split(",") if n]
        del args[i : i + 2]
    engine, filename, scale_text = args
    scale = int(scale_text)
    source = Path(filename).read_text(encoding="utf-8")
    try:
        if engine == "jsengine":
            result = run_jsengine(source, filename, scale, underscore, needs, profile)
        elif engine == "cpython":
            result = run_cpython(source, filename, scale)
        elif engine == "js2py":
            result = run_js2py(source, filename, scale, underscore)
        else:
            result = {"status": "error", "message": f"unknown engine {engine!r}"}
    except Exception as exc:  # noqa: BLE001 - report, never a bare traceback
        result = {"status": "error", "message": _short(exc), "detail": traceback.format_exc(limit=5)}
    sys.__stdout__.write(json.dumps(result) + "\n")
    sys.__stdout__.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
