"""Whole programs whose console output must equal Node's (recorded in programs/*.out).

The .out files were produced by `node program.js`; regenerate one with
`node tests/engine/programs/NAME.js > tests/engine/programs/NAME.out` after checking the change.
When node is on PATH the test also re-checks the recorded output against a live run.
"""

from __future__ import annotations

import pathlib
import subprocess

import pytest

from tests.conftest import NODE, js_output

PROGRAMS = sorted(pathlib.Path(__file__).parent.joinpath("programs").glob("*.js"))


@pytest.mark.parametrize("path", PROGRAMS, ids=[p.stem for p in PROGRAMS])
def test_program_output_matches_node(path: pathlib.Path) -> None:
    expected = path.with_suffix(".out").read_text(encoding="utf-8")
    got = js_output(path.read_text(encoding="utf-8"))
    assert got.splitlines() == expected.splitlines()


@pytest.mark.skipif(NODE is None, reason="node is not on PATH")
@pytest.mark.parametrize("path", PROGRAMS, ids=[p.stem for p in PROGRAMS])
def test_recorded_output_is_nodes(path: pathlib.Path) -> None:
    live = subprocess.run([NODE, str(path)], capture_output=True, text=True, timeout=60).stdout
    assert live == path.with_suffix(".out").read_text(encoding="utf-8")
