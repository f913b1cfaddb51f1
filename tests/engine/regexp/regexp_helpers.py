"""Helpers shared by the RegExp engine tests."""

from __future__ import annotations

import pytest

from jsengine.regexp import Matcher, compile_pattern


class Budget(Exception):
    """Stands in for the engine's budget exception."""


def counting_charge(limit: int = 10**12) -> tuple:
    """A charge callable that raises Budget past ``limit`` steps, and its running total."""
    total = [0]

    def charge(n: int) -> None:
        assert n >= 0
        total[0] += n
        if total[0] > limit:
            raise Budget(total[0])

    return charge, total


def exec_(pattern: str, flags: str, s: str, index: int = 0, fast: bool = True) -> list | None:
    """Like RegExp.prototype.exec from ``index``: the matched strings (None for unmatched groups)."""
    m = compile_pattern(pattern, flags) if fast else Matcher(pattern, flags, fast_paths=False)
    charge, _ = counting_charge()
    r = m.search(s, index, charge)
    if r is None:
        return None
    return [s[r[i] : r[i + 1]] if r[i] >= 0 else None for i in range(0, len(r), 2)]


@pytest.fixture(params=[True, False], ids=["fast", "core"])
def fast(request: pytest.FixtureRequest) -> bool:
    """Run a test with the fast paths and with the backtracking engine alone."""
    return request.param
