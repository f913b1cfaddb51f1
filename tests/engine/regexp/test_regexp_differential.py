"""Differential tests: random patterns and inputs, compared with Node (V8) and between our own paths."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from regexp_helpers import Budget, counting_charge
from regexp_node_oracle import NODE, node_run

from jsengine.regexp import Matcher, RegExpSyntaxError

ATOMS = [
    "a",
    "b",
    "c",
    "A",
    ".",
    "[ab]",
    "[^a]",
    "[a-c]",
    "\\d",
    "\\w",
    "\\W",
    "\\s",
    "1",
    " ",
    "\\n",
    "[\\w-]",
    "\u00e9",
    "\u017f",
    "k",
    "\\u212a",
    "\u03c3",
    "\u03a3",
    "\u00df",
    "\\u{1F600}",
    "\\ud83d",
    "\\ude00",
    "[\\u{1F600}-\\u{1F602}x]",
    "[^\\ud83d]",
    "\\x41",
    "\\0",
    "[\\b]",
]
QUANTS = ["*", "+", "?", "{0,2}", "{1,}", "{2}", "{1,3}"]
INPUT_CHARS = [
    "a",
    "b",
    "c",
    "A",
    "1",
    " ",
    "\n",
    "k",
    "K",
    "\u212a",
    "\u017f",
    "\u00e9",
    "\u00c9",
    "\u03c3",
    "\u03c2",
    "\u03a3",
    "\u00df",
    "\u1e9e",
    "\ud83d\ude00",
    "\ud83d",
    "\ude00",
    "x",
]


def random_pattern(rnd: random.Random, depth: int = 0, state: dict | None = None) -> str:
    """A random pattern from a small grammar (groups, lookarounds, backreferences, quantifiers)."""
    if state is None:
        state = {"groups": 0, "names": []}
    parts = []
    for _ in range(rnd.randint(1, 3)):
        kind = rnd.choice(["atom"] * 5 + (["group", "assert", "ref"] if depth < 3 else []))
        if kind == "group":
            opener = rnd.choice(["(", "(?:", "(?=", "(?!", "(?<=", "(?<!", "(?<n>"])
            if opener == "(?<n>":
                name = f"n{len(state['names'])}"
                state["names"].append(name)
                opener = f"(?<{name}>"
            if opener == "(" or opener.startswith("(?<n"):
                state["groups"] += 1
            atom = opener + random_pattern(rnd, depth + 1, state) + ")"
            quantifiable = opener == "(" or opener == "(?:" or opener.startswith("(?<n")
        elif kind == "assert":
            parts.append(rnd.choice(["^", "$", "\\b", "\\B"]))
            continue
        elif kind == "ref" and state["groups"]:
            if state["names"] and rnd.random() < 0.4:
                parts.append(f"\\k<{rnd.choice(state['names'])}>")
            else:
                parts.append(f"\\{rnd.randint(1, state['groups'])}")
            continue
        else:
            atom = rnd.choice(ATOMS)
            quantifiable = True
        if quantifiable and rnd.random() < 0.4:
            atom += rnd.choice(QUANTS) + rnd.choice(["", "", "?"])
        parts.append(atom)
    text = "".join(parts)
    if depth < 3 and rnd.random() < 0.2:
        text += "|" + random_pattern(rnd, depth + 1, state)
    return text


FLAGS = ["", "i", "m", "s", "u", "iu", "mu", "su", "imsu", "is"]


def random_cases(rnd: random.Random, n_patterns: int) -> list[tuple[str, str, str, int, str]]:
    """Several inputs for each of n random patterns."""
    out = []
    for _ in range(n_patterns):
        pattern = random_pattern(rnd)
        flags = rnd.choice(FLAGS)
        for _ in range(4):
            text = "".join(rnd.choice(INPUT_CHARS) for _ in range(rnd.randint(0, 10)))
            index = min(rnd.randint(0, 2), len(text))
            out.append((pattern, flags, text, index, rnd.choice(["search", "search", "match"])))
    return out


def ours(pattern: str, flags: str, text: str, index: int, mode: str, fast: bool = True) -> object:
    """Our result for one case: the match list, None, "error" or "budget"."""
    try:
        m = Matcher(pattern, flags, fast_paths=fast)
    except RegExpSyntaxError:
        return "error"
    charge, _ = counting_charge(2_000_000)
    try:
        if mode == "all":
            return list(m.search_all(text, index, charge))
        call = m.search if mode == "search" else m.match
        return call(text, min(index, len(text)), charge)
    except Budget:
        return "budget"


def _mid_pair(text: str, i: int) -> bool:
    return 0 < i < len(text) and "\udc00" <= text[i] <= "\udfff" and "\ud800" <= text[i - 1] <= "\udbff"


@pytest.mark.skipif(NODE is None, reason="node not installed")
@settings(max_examples=3, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.integers(0, 2**64))
def test_same_results_as_node(seed: int) -> None:
    batch = random_cases(random.Random(seed), 250)
    expected = node_run(batch)
    for case, exp in zip(batch, expected):
        got = ours(*case)
        if isinstance(exp, dict):
            assert got == "error", case
            continue
        if got == "budget":
            continue  # exponential in V8 too, just faster there
        if "u" in case[1] and (
            _mid_pair(case[2], case[3]) or isinstance(exp, list) and _mid_pair(case[2], exp[0])
        ):
            # V8 is inconsistent there: it tries empty matches inside a surrogate pair, and
            # steps back to the pair's start from an index inside it only for some patterns
            continue
        assert got == exp, case


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.integers(0, 2**64))
def test_fast_paths_agree_with_the_engine(seed: int) -> None:
    for pattern, flags, text, index, mode in random_cases(random.Random(seed), 25):
        case = (pattern, flags, text, index, "all" if mode == "match" else mode)
        fast = ours(*case, fast=True)
        core = ours(*case, fast=False)
        if "budget" in (fast, core):
            continue
        assert fast == core, case
