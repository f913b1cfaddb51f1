"""The speed suite in --quick mode: every engine prints the CPython twin's checksum line.

Checksums only: timings are never asserted (the machine may be loaded). Js2Py is left out (optional
and slow); Node joins when it is on PATH.
"""

from __future__ import annotations

import json
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from benchmarks.suite import BENCHMARKS


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("bench")
    engines = "jsengine,cpython" + (",node" if shutil.which("node") else "")
    out, png = tmp / "quick.json", tmp / "ratios.png"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks",
            "--quick",
            "--engines",
            engines,
            "--json",
            str(out),
            "--plot",
            str(png),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    return proc, json.loads(out.read_text(encoding="utf-8")) if out.is_file() else None, png


def test_every_engine_prints_the_cpython_checksum(quick_run):
    proc, result, _ = quick_run
    assert proc.returncode == 0, proc.stdout + proc.stderr[-3000:]
    rows = {row["name"]: row for row in result["benchmarks"]}
    assert set(rows) == {b.name for b in BENCHMARKS}
    for bench in BENCHMARKS:
        row = rows[bench.name]
        assert row["results"]["cpython"]["status"] == "ok", row
        assert row["expected"].startswith(bench.name + " "), row["expected"]
        for engine, res in row["results"].items():
            if engine == "jsengine" and res["status"] == "unsupported":
                assert bench.needs, f"{bench.name}: unsupported without a declared need: {res['message']}"
                continue
            if res["status"] == "skip":  # Underscore not installed
                assert "underscore" in bench.needs
                continue
            assert res["status"] == "ok", f"{bench.name} / {engine}: {res['status']}: {res['message']}"
            assert res["output"] == row["expected"]


def test_the_table_and_the_plot_are_written(quick_run):
    proc, _, png = quick_run
    assert "geomean micro" in proc.stdout and "fib" in proc.stdout
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert width > 400 and height > 300


def test_markdown_from_saved_results(quick_run, tmp_path):
    _, result, _ = quick_run
    saved = tmp_path / "saved.json"
    saved.write_text(json.dumps(result), encoding="utf-8")
    readme = tmp_path / "README.md"
    readme.write_text(
        "# x\n<!-- benchmarks:start -->\nold\n<!-- benchmarks:end -->\ntail\n", encoding="utf-8"
    )
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks",
            "--from-json",
            str(saved),
            "--markdown",
            "--readme",
            str(readme),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert "| fib |" in proc.stdout and "geometric mean, micro" in proc.stdout
    text = readme.read_text(encoding="utf-8")
    assert "old" not in text and "| fib |" in text and text.endswith("<!-- benchmarks:end -->\ntail\n")
