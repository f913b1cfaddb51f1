"""The sandbox guarantees: every match is charged, catastrophic patterns end on the budget,
long inputs and deep patterns never exhaust Python's stack."""

from __future__ import annotations

import sys
import time

import pytest
from regexp_helpers import Budget, counting_charge

from jsengine.regexp import Matcher, RegExpSyntaxError, compile_pattern

CATASTROPHIC = [
    ("(a+)+$", "a" * 40 + "b"),
    ("(a|a)*b", "a" * 40),
    ("(a*)*b", "a" * 40),
    ("^(\\w+\\s?)*$", "a" * 40 + "!"),
    ("(x+x+)+y", "x" * 40),
    ("(.*a){20}", "a" * 40 + "b"),
    ("(?:a?){40}a{40}", "a" * 40),
    ("(?:a?){1000000000}", "x" * 10),
    ("(?=(a+))(a*)*b", "a" * 40),
    ("(?<=^(a+)+)b", "x" + "a" * 40 + "b"),
    ("(a+)+\\1$", "a" * 40 + "b"),
    ("\\d+x", "1" * 30000),
]


@pytest.mark.parametrize(("pattern", "text"), CATASTROPHIC)
@pytest.mark.parametrize("flags", ["", "iu"])
def test_catastrophic_patterns_end_on_the_budget(pattern: str, text: str, flags: str) -> None:
    charge, total = counting_charge(200_000)
    start = time.perf_counter()
    with pytest.raises(Budget):
        compile_pattern(pattern, flags).search(text, 0, charge)
    assert time.perf_counter() - start < 5
    assert total[0] > 200_000


def test_budget_exception_is_not_swallowed_by_match() -> None:
    charge, _ = counting_charge(1000)
    with pytest.raises(Budget):
        compile_pattern("(a+)+$", "").match("a" * 30 + "b", 0, charge)


@pytest.mark.parametrize(
    ("pattern", "flags", "text"),
    [
        ("a", "", "xxa"),
        ("'", "", "it's"),
        (",\\s*", "", "a, b"),
        ("(a)|b", "", "b"),
        ("x", "", ""),
        ("(?:ab)*c", "", "ababc"),
        ("\\p{L}", "u", "1a"),
        ("^x", "", "ax"),
    ],
)
def test_every_call_is_charged(pattern: str, flags: str, text: str) -> None:
    for fast in (True, False):
        m = Matcher(pattern, flags, fast_paths=fast)
        for call in (m.search, m.match):
            charge, total = counting_charge()
            call(text, 0, charge)
            assert total[0] >= 1


def test_scanning_work_is_charged() -> None:
    """Work done at C speed (re runs, str.find) is charged too, so long scans are not free."""
    charge, total = counting_charge()
    assert compile_pattern("\\d+x", "").search("1" * 5000, 0, charge) is None
    assert total[0] > 5000


@pytest.mark.parametrize(
    ("pattern", "flags", "text", "end"),
    [
        ("a*", "", "a" * 100_000, 100_000),
        ("(?:ab)*", "", "ab" * 50_000, 100_000),
        ("(ab)*", "", "ab" * 50_000, 100_000),
        ("(?:a|b)*", "", "ab" * 50_000, 100_000),
        ("(a|b)*c", "", "ab" * 50_000 + "c", 100_001),
        ("[\\s\\S]*?x", "", "y" * 100_000 + "x", 100_001),
        ("(?:a|b)*?c", "", "ab" * 50_000 + "c", 100_001),
        (".*", "u", "\ud83d\ude00" * 50_000, 100_000),
        ("(?:.)*", "u", "\ud83d\ude00" * 50_000, 100_000),
        ("(?<=a*)b", "", "a" * 100_000 + "b", 100_001),
        ("(\\w)+\\1", "i", "ab" * 50_000 + "B", 100_001),
        ("(?:a+)*!", "", "a" * 100_000 + "!", 100_001),
    ],
)
def test_long_inputs_do_not_recurse(pattern: str, flags: str, text: str, end: int) -> None:
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(200)  # the matcher must not depend on Python's stack
    try:
        for fast in (True, False):
            charge, _ = counting_charge()
            r = Matcher(pattern, flags, fast_paths=fast).search(text, 0, charge)
            assert r is not None and r[1] == end
    finally:
        sys.setrecursionlimit(limit)


@pytest.mark.parametrize("opener", ["(", "(?:", "(?=", "(?<=", "(?<n>"])
def test_deep_nesting_compiles_or_is_rejected_cleanly(opener: str) -> None:
    depth = 300
    pattern = "".join(opener.replace("<n>", f"<n{i}>") for i in range(depth)) + "a" + ")" * depth
    charge, _ = counting_charge()
    assert compile_pattern(pattern, "").search("xa", 0, charge) is not None
    with pytest.raises(RegExpSyntaxError, match="too large"):
        compile_pattern(opener.replace("?<n>", "") * 5000 + ")" * 5000, "")


def test_huge_counted_quantifiers() -> None:
    charge, _ = counting_charge()
    assert compile_pattern("a{0,4294967295}", "").search("aaa", 0, charge) == [0, 3]
    assert compile_pattern("a{99999999999999999999}", "").search("aaa", 0, charge) is None
    assert compile_pattern("(?:){99999999999}x", "").search("x", 0, charge) == [0, 1]
