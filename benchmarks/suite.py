"""The benchmark programs: what each one is, its sizes, and what it needs.

Every benchmark is a set of files in `programs/`: `NAME.js` (modern JavaScript, run by jsengine and
Node), `NAME.py` (the idiomatic CPython twin) and, when `NAME.js` uses anything newer than ES5,
`NAME.es5.js` (the same work spelled in ES5, for Js2Py). Each prints one checksum line, and the
lines of all engines must be identical.

The size: JavaScript programs read a global `SCALE` (the runner defines it; without it they use their
own full size), Python twins read `sys.argv[1]`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PROGRAMS = Path(__file__).resolve().parent / "programs"


@dataclass(frozen=True)
class Benchmark:
    name: str
    group: str  # "micro" or "macro"
    summary: str
    full: int  # SCALE in full mode (jsengine takes roughly 0.5-3 s)
    quick: int  # SCALE in --quick mode (a checksum check, well under a second)
    needs: tuple[str, ...] = ()  # "regexp": the RegExp builtin; "underscore": the `_` global
    js2py_limit: str | None = None  # why Js2Py cannot give the right answer (it is then not run)

    @property
    def js(self) -> Path:
        return PROGRAMS / f"{self.name}.js"

    @property
    def es5(self) -> Path:
        """The program Js2Py runs: the ES5 spelling if there is one, else the program itself."""
        path = PROGRAMS / f"{self.name}.es5.js"
        return path if path.is_file() else self.js

    @property
    def py(self) -> Path:
        return PROGRAMS / f"{self.name}.py"

    def scale(self, quick: bool) -> int:
        return self.quick if quick else self.full


BENCHMARKS: tuple[Benchmark, ...] = (
    Benchmark("fib", "micro", "recursive calls: naive fib(n) and the Takeuchi function", 26, 12),
    Benchmark("sieve", "micro", "array reads/writes: prime sieve and divisor-count sieve", 100000, 2000),
    Benchmark("objects", "micro", "classes, inheritance, methods, getters, small allocations", 150, 5),
    Benchmark("strings", "micro", "string building, split/join, indexOf, slice, charCodeAt", 12000, 200),
    Benchmark("closures", "micro", "closures, composition, map/filter/reduce/forEach with arrows", 80, 2),
    Benchmark(
        "json_roundtrip",
        "micro",
        "JSON.stringify (compact, indented), JSON.parse, tree walk",
        2500,
        60,
        js2py_limit="Js2Py's JSON.parse turns null into undefined (so JSON.stringify drops it)",
    ),
    Benchmark("richards", "macro", "OS scheduler simulation (tasks, packets, priorities)", 6000, 100),
    Benchmark("deltablue", "macro", "incremental constraint solver (chain and projection tests)", 400, 20),
    Benchmark("raytrace", "macro", "ray tracer: spheres, shadows, reflections, 36x27 pixels", 36, 8),
    Benchmark(
        "regex",
        "macro",
        "log parsing with regular expressions (exec, replace, split, /gm)",
        500,
        40,
        needs=("regexp",),
    ),
    Benchmark(
        "underscore",
        "macro",
        "activity-payload processing with Underscore.js",
        1000,
        20,
        needs=("underscore",),
        js2py_limit="Js2Py does not keep property insertion order and garbles _.template's output",
    ),
)

GROUPS = ("micro", "macro")


def select(only: str | None) -> list[Benchmark]:
    """Benchmarks named in a comma-separated list of names and group names (all when empty)."""
    if not only:
        return list(BENCHMARKS)
    wanted = [w.strip() for w in only.split(",") if w.strip()]
    known = {b.name for b in BENCHMARKS} | set(GROUPS)
    unknown = [w for w in wanted if w not in known]
    if unknown:
        raise ValueError(f"unknown benchmark(s): {', '.join(unknown)} (known: {', '.join(sorted(known))})")
    return [b for b in BENCHMARKS if b.name in wanted or b.group in wanted]
