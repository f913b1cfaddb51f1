"""Dynamic import(): modules load only under the engine's modules_root."""

from __future__ import annotations

import pathlib

import jsengine

FIXTURE = pathlib.Path(__file__).parent / "modules_fixture"


def _run(src: str, root) -> list[str]:
    out: list[str] = []
    eng = jsengine.Engine(console=lambda level, text: out.append(text), modules_root=root)
    eng.run(src, filename=str(FIXTURE / "main.js"))
    return out


def test_import_loads_module_graph_with_live_bindings() -> None:
    out = _run("import('./a.mjs').then(ns => { console.log(Object.keys(ns).join(), ns.x, ns.default(), ns.sum(2, 3));"
               " ns.inc(); console.log(ns.x, ns.other, Object.isFrozen(ns), ns[Symbol.toStringTag]); })",
               str(FIXTURE))
    assert out == ["default,helper,inc,other,sum,x 1 dflt help 5", "2 5 false Module"]


def test_import_is_refused_without_a_modules_root() -> None:
    out = _run("import('./a.mjs').then(() => console.log('loaded'), e => console.log(e.name, e.message))", None)
    assert out == ["TypeError import() is not available: this engine has no module loader"]


def test_import_cannot_leave_the_root() -> None:
    out = _run("import('../test_modules.py').catch(e => console.log(e.name, e.message));"
               "import('/etc/passwd').catch(e => console.log(e.name));", str(FIXTURE))
    assert out[0].startswith("TypeError Cannot import '../test_modules.py': outside the allowed directory")
    assert out[1] == "TypeError"


def test_import_of_missing_module_rejects() -> None:
    out = _run("import('./nope.mjs').catch(e => console.log(e.message))", str(FIXTURE))
    assert out == ["Cannot find module './nope.mjs'"]
