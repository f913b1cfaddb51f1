"""jsengine's speed suite: JavaScript programs, their CPython twins, and a runner that times them on
jsengine, CPython, Js2Py and Node. Run `python -m benchmarks --help`; see docs/benchmarks.md."""
