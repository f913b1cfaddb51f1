"""Underscore 1.9.2 pinning and loading (the parts that need no engine)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from runtime.errors import UserError
from runtime.underscore import VERSION, underscore_file, uses_underscore

from .helpers import ROOT, needs_engine


def test_pinned_by_package_json_and_lock_with_integrity() -> None:
    package = json.loads((ROOT / "stdlib_js" / "package.json").read_text())
    lock = json.loads((ROOT / "stdlib_js" / "package-lock.json").read_text())
    assert package["dependencies"] == {"underscore": VERSION}
    entry = lock["packages"]["node_modules/underscore"]
    assert entry["version"] == VERSION and entry["integrity"].startswith("sha512-")
    assert not (ROOT / "stdlib_js" / "underscore.js").exists()  # no copy of its source in the repository


@pytest.mark.parametrize(("source", "uses"), [
    ("_.map([1], x => x)", True), ("const {map} = _;", True), ("globalThis['_']", True), ("x = [_]", True),
    ("const my_var = 1; obj.__proto__; $_ = 2", False), ("console.log('a_b')", False), ("\\u005f", False),
])
def test_scripts_that_mention_underscore_load_it(source, uses) -> None:
    assert uses_underscore(source) is uses


def test_missing_install_says_how_to_install(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("JSENGINE_STDLIB_JS", str(tmp_path))
    with pytest.raises(UserError, match=r"not installed .*npm ci --prefix"):
        underscore_file()


def test_wrong_version_is_refused(tmp_path, monkeypatch) -> None:
    pkg = tmp_path / "node_modules" / "underscore"
    pkg.mkdir(parents=True)
    (pkg / "underscore.js").write_text("// other")
    (pkg / "package.json").write_text('{"version": "1.13.6"}')
    monkeypatch.setenv("JSENGINE_STDLIB_JS", str(tmp_path))
    with pytest.raises(UserError, match="1.13.6, not the pinned 1.9.2"):
        underscore_file()


def test_installed_copy_is_found() -> None:
    if not (ROOT / "stdlib_js" / "node_modules").is_dir():
        pytest.skip("run npm ci --prefix stdlib_js")
    assert underscore_file() == Path(ROOT / "stdlib_js" / "node_modules" / "underscore" / "underscore.js").resolve()


@needs_engine
def test_parse_cache_lets_a_fresh_compile_skip_parsing(tmp_path, monkeypatch) -> None:
    import esprima

    from runtime.sandbox import Limits, Sandbox, compile_script

    source = "var greeting = 'hi'; function twice(s) { return s + s; } var re = /h(i)/;"
    cache = tmp_path / "cache" / "lib.ast"
    compile_script(source, "lib.js", parse_cache=cache)
    assert cache.is_file()

    def no_parsing(*args, **kwargs):
        raise AssertionError("parsed again")

    monkeypatch.setattr(esprima, "parseScript", no_parsing)
    compiled = compile_script(source, "lib.js", parse_cache=cache)
    monkeypatch.undo()
    box = Sandbox(Limits(), lambda *a: None)
    box.run(compiled)
    assert box.engine.run("twice(greeting) + re.exec('hi')[1]") == "hihii"
    cache.write_bytes(b"garbage")
    assert compile_script(source, "lib.js", parse_cache=cache) is not None


def test_cache_dir_follows_the_environment(monkeypatch, tmp_path) -> None:
    from runtime.underscore import cache_dir

    monkeypatch.setenv("JSENGINE_CACHE_DIR", str(tmp_path))
    assert cache_dir() == tmp_path
    monkeypatch.delenv("JSENGINE_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "jsengine"
    monkeypatch.setenv("JSENGINE_CACHE_DIR", "off")
    assert cache_dir() is None
