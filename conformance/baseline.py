"""The expected-failures baseline and the CI gate.

``conformance/expected_failures.txt`` lists every in-scope run that fails today, one per line::

    test/built-ins/Array/from/iter-cstm-ctor.js strict

(``#`` starts a comment; entries are sorted). The gate:

- a failing run that is not listed is a *new failure*: ``check`` exits non-zero;
- a listed run that now passes is *newly passing*: reported, so the baseline can shrink;
- a listed run that no longer exists or is now skipped is *stale*.

``--update-baseline`` removes newly-passing and stale entries and never adds any, so the list only
shrinks. ``--init-baseline`` writes the full list of current failures (bootstrap only).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .results import FAIL, PASS, SKIP, Result

__all__ = ["CheckOutcome", "compare", "load", "save"]

Key = tuple[str, str]

HEADER = """\
# test262 runs that fail today: "<file> <mode>" per line, sorted.
# Gate: `python -m conformance check` fails when a run not listed here fails.
# This list only shrinks: `python -m conformance check --update-baseline` removes runs that now pass.
"""


def load(path: str | Path) -> set[Key]:
    """Entries of a baseline file; a missing file is an empty baseline."""
    path = Path(path)
    if not path.exists():
        return set()
    entries: set[Key] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        if len(parts) != 2 or parts[1] not in ("sloppy", "strict"):
            raise ValueError(f"{path}:{number}: expected '<file> sloppy|strict', got {line!r}")
        entries.add((parts[0], parts[1]))
    return entries


def save(path: str | Path, entries: Iterable[Key]) -> None:
    order = {"sloppy": 0, "strict": 1}
    lines = [f"{file} {mode}" for file, mode in sorted(entries, key=lambda k: (k[0], order.get(k[1], 2)))]
    Path(path).write_text(HEADER + "".join(line + "\n" for line in lines), encoding="utf-8")


@dataclass
class CheckOutcome:
    new_failures: list[Result] = field(default_factory=list)
    newly_passing: list[Key] = field(default_factory=list)
    stale: list[Key] = field(default_factory=list)
    still_failing: int = 0

    @property
    def ok(self) -> bool:
        return not self.new_failures


def compare(
    baseline: set[Key],
    results: Iterable[Result],
    covered_files: set[str] | None = None,
) -> CheckOutcome:
    """Compare results with the baseline.

    ``covered_files`` is the set of files the invocation looked at (run or skipped); baseline entries of
    other files are ignored (a partial run says nothing about them). None means the whole suite was
    covered, so entries for files that no longer exist are stale.
    """
    outcome = CheckOutcome()
    seen: dict[Key, str] = {}
    skipped_files: set[str] = set()
    for r in results:
        if r.status == SKIP:
            skipped_files.add(r.file)
            continue
        seen[r.key] = r.status
        if r.status == FAIL:
            if r.key in baseline:
                outcome.still_failing += 1
            else:
                outcome.new_failures.append(r)
    for key in sorted(baseline):
        file = key[0]
        if covered_files is not None and file not in covered_files:
            continue
        status = seen.get(key)
        if status == PASS:
            outcome.newly_passing.append(key)
        elif status is None:
            outcome.stale.append(key)  # file gone, now skipped, or mode no longer run
    outcome.new_failures.sort(key=lambda r: r.key)
    return outcome


def shrink(baseline: set[Key], outcome: CheckOutcome) -> set[Key]:
    """The baseline without newly-passing and stale entries (never adds)."""
    return baseline - set(outcome.newly_passing) - set(outcome.stale)
