"""Compiled templates kept on disk between processes (compiler/codecache.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from jsengine.compiler import codecache

SRC = "def make(k):\n    def f(env):\n        return env + k\n    return f\n"
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def cache(monkeypatch, tmp_path):
    monkeypatch.setenv("JSENGINE_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(codecache, "_state", {})
    return tmp_path / f"templates-{sys.implementation.cache_tag}"


def _make(code):
    ns: dict = {}
    exec(code, {}, ns)  # noqa: S102 - the test's own source
    return ns["make"](2)


def _no_compiling(monkeypatch):
    def refuse(*args):
        raise AssertionError("compiled again")

    monkeypatch.setattr(codecache, "compile", refuse, raising=False)


def test_a_template_is_compiled_once_then_read(cache, monkeypatch) -> None:
    assert _make(codecache.compiled(SRC, "<f 1>"))(40) == 42
    files = list(cache.iterdir())
    assert len(files) == 1
    assert oct(cache.stat().st_mode & 0o777) == "0o700"
    monkeypatch.setattr(codecache, "_state", {})  # as a fresh process
    _no_compiling(monkeypatch)
    code = codecache.compiled(SRC, "<f 1>")
    assert code.co_filename == "<f 1>"
    assert _make(code)(1) == 3


def test_source_and_label_both_name_the_entry(cache) -> None:
    codecache.compiled(SRC, "<f 1>")
    codecache.compiled(SRC, "<f 2>")
    codecache.compiled(SRC.replace("env + k", "env - k"), "<f 1>")
    assert len(list(cache.iterdir())) == 3
    assert _make(codecache.compiled(SRC.replace("env + k", "env - k"), "<f 1>"))(40) == 38


def test_a_damaged_entry_is_compiled_again(cache) -> None:
    codecache.compiled(SRC, "<f 1>")
    (entry,) = cache.iterdir()
    for damage in (b"", b"garbage", entry.read_bytes()[:-5], b"\0\0\0\0" + entry.read_bytes()[4:]):
        entry.write_bytes(damage)
        assert _make(codecache.compiled(SRC, "<f 1>"))(1) == 3
        assert entry.read_bytes()[:4] == codecache.MAGIC_NUMBER


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_directory_others_can_write_is_not_used(cache, monkeypatch) -> None:
    cache.mkdir(parents=True)
    cache.chmod(0o777)
    (cache / "planted").write_bytes(b"x")
    assert _make(codecache.compiled(SRC, "<f 1>"))(1) == 3
    assert [p.name for p in cache.iterdir()] == ["planted"]


def test_off_turns_the_cache_off(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(codecache, "_state", {})
    monkeypatch.setenv("JSENGINE_CACHE_DIR", "off")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    assert _make(codecache.compiled(SRC, "<f 1>"))(1) == 3
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_directory_only_costs_time(cache, monkeypatch) -> None:
    codecache.compiled(SRC, "<f 1>")

    def fail(*args):
        raise OSError("read-only")

    monkeypatch.setattr(codecache.os, "replace", fail)
    assert _make(codecache.compiled(SRC, "<f 2>"))(1) == 3
    assert codecache._state["dir"] is None  # given up for the process
    assert not [p for p in cache.iterdir() if p.name.endswith(".tmp")]


def test_a_second_process_runs_from_the_cache(tmp_path) -> None:
    program = tmp_path / "p.js"
    program.write_text("class V { constructor(x) { this.x = x; } get d() { return this.x * 2; } }\n"
                       "let t = 0; for (let i = 0; i < 50; i++) t += new V(i).d;\n"
                       "try { null.x } catch (e) { console.log(e.stack.split('\\n')[1].trim()) }\n"
                       "console.log(t);\n")
    env = dict(os.environ, JSENGINE_CACHE_DIR=str(tmp_path / "cache"), PYTHONPATH=str(REPO))
    cmd = [sys.executable, "-m", "jsengine.cli", "run", str(program)]
    first = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=tmp_path, check=True)
    entries = sorted(p.name for p in (tmp_path / "cache" / f"templates-{sys.implementation.cache_tag}").iterdir())
    assert entries
    second = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=tmp_path, check=True)
    assert first.stdout == second.stdout == f"at {program}:3:12\n2450\n"
    assert sorted(p.name for p in (tmp_path / "cache" / f"templates-{sys.implementation.cache_tag}").iterdir()) == entries
