"""Shared test helpers."""

from __future__ import annotations

import shutil

import pytest

import jsengine


class Captured:
    """Runs JS in a fresh engine and collects console output like Node prints it."""

    def __init__(self, budget=None) -> None:
        self.lines: list[str] = []
        self.engine = jsengine.Engine(budget=budget, console=self._write)

    def _write(self, level: str, text: str) -> None:
        self.lines.append(text)

    def run(self, source: str, filename: str = "test.js"):
        return self.engine.run(source, filename=filename)

    @property
    def output(self) -> str:
        return "\n".join(self.lines) + ("\n" if self.lines else "")


def js_output(source: str, budget=None) -> str:
    """Console output of ``source`` (uncaught errors propagate as jsengine.JSError)."""
    c = Captured(budget)
    c.run(source)
    return c.output


@pytest.fixture
def js():
    return js_output


NODE = shutil.which("node")
needs_node = pytest.mark.skipif(NODE is None, reason="node is not on PATH")
