"""The test262 checkout: where it is, which tests are in scope, and how each test expands into runs.

A *test file* expands into one or two *runs* (sloppy and/or strict mode) following INTERPRETING.md:
default tests run twice, ``onlyStrict`` only strict, ``noStrict`` and ``raw`` only sloppy. Out-of-scope
files (a feature later than ES2021, module tests, host capabilities we do not provide) produce no run;
they are reported as skipped with the reason.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .frontmatter import FrontmatterError, TestMeta, parse_test

__all__ = [
    "STRICT_PREFIX",
    "Run",
    "Scope",
    "Suite",
    "SuiteError",
    "TestFile",
    "default_test262_dir",
    "harness_files",
    "modes_for",
]

#: The text prepended to a test's source for a strict-mode run (INTERPRETING.md, "Strict Mode").
#: It adds one line: error line numbers of strict runs are one higher than in the file.
STRICT_PREFIX = '"use strict";\n'

#: Harness files evaluated before every non-raw test, in this order.
DEFAULT_HARNESS = ("assert.js", "sta.js")
ASYNC_HARNESS = "doneprintHandle.js"

_PACKAGE_DIR = Path(__file__).resolve().parent
REPO_ROOT = _PACKAGE_DIR.parent
_AGENT_USE = re.compile(r"\$262\s*\.\s*agent\b")


class SuiteError(Exception):
    """The test262 checkout is missing or a path is not inside it."""


def default_test262_dir(explicit: str | os.PathLike | None = None) -> Path:
    """``--test262`` if given, else ``$TEST262_DIR``, else ``../shared/test262`` next to the repository."""
    if explicit:
        candidate = Path(explicit)
    elif os.environ.get("TEST262_DIR"):
        candidate = Path(os.environ["TEST262_DIR"])
    else:
        candidate = REPO_ROOT.parent / "shared" / "test262"
    candidate = candidate.resolve()
    if not (candidate / "test").is_dir() or not (candidate / "harness").is_dir():
        raise SuiteError(
            f"no test262 checkout at {candidate} (expected test/ and harness/ inside); "
            "pass --test262 DIR or set TEST262_DIR"
        )
    return candidate


@dataclass(frozen=True)
class Run:
    """One execution of a test file in one mode. Picklable and small: it is what workers receive."""

    file: str  # posix path relative to the test262 root, e.g. "test/built-ins/Array/length.js"
    mode: str  # "sloppy" or "strict"
    harness: tuple[str, ...]  # harness/ files to evaluate first, in order
    is_async: bool = False
    negative_phase: str | None = None
    negative_type: str | None = None

    @property
    def strict(self) -> bool:
        return self.mode == "strict"

    @property
    def key(self) -> tuple[str, str]:
        return (self.file, self.mode)


@dataclass
class TestFile:
    """A discovered test file with its metadata, the runs it expands into, or why it is skipped."""

    __test__ = False  # not a pytest test class

    file: str
    meta: TestMeta | None = None
    runs: list[Run] = field(default_factory=list)
    skip_reason: str | None = None
    error: str | None = None  # unreadable file or malformed frontmatter: counted as a failed run

    @property
    def features(self) -> list[str]:
        return self.meta.features if self.meta else []


def _read_feature_table(path: Path) -> dict[str, str]:
    """``tag<TAB>edition<TAB>...`` lines -> {tag: edition}; ``#`` comments ignored."""
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split("\t")
        table[parts[0].strip()] = parts[1].strip() if len(parts) > 1 else ""
    return table


@dataclass
class Scope:
    """Which tests we run: ES2021-or-earlier features, script goal, host capabilities we provide."""

    allowed: dict[str, str]  # feature tag -> edition (ES2015 ... ES2021, host, legacy)
    later: dict[str, str] = field(default_factory=dict)  # excluded tags -> edition, for skip messages
    can_block: bool = False  # [[CanBlock]] of our agent: Atomics.wait cannot block the only thread
    agent: bool = False  # $262.agent (multi-agent tests) is not provided

    @classmethod
    def load(cls, test262: Path, **host) -> Scope:
        """Read ``features_es2021.txt`` (and ``features_later.txt``) from the checkout, or the copies
        bundled with this package when the checkout has none."""
        allowed_path = test262 / "features_es2021.txt"
        if not allowed_path.is_file():
            allowed_path = _PACKAGE_DIR / "features_es2021.txt"
        later_path = test262 / "features_later.txt"
        later = _read_feature_table(later_path) if later_path.is_file() else {}
        return cls(allowed=_read_feature_table(allowed_path), later=later, **host)

    def skip_reason(self, meta: TestMeta, source: str = "") -> str | None:
        """None when the test is in scope, else a one-line reason naming what excluded it."""
        if "module" in meta.flags:
            return "module test (module goal is out of scope)"
        for tag in meta.features:
            if tag not in self.allowed:
                edition = self.later.get(tag, "not in the ES2021 list")
                return f"feature {tag} ({edition})"
        if "CanBlockIsTrue" in meta.flags and not self.can_block:
            return "flag CanBlockIsTrue (this host's agent cannot block)"
        if "CanBlockIsFalse" in meta.flags and self.can_block:
            return "flag CanBlockIsFalse (this host's agent can block)"
        if not self.agent and _AGENT_USE.search(source):
            return "needs $262.agent (multi-agent host hook not provided)"
        return None


def harness_files(meta: TestMeta) -> tuple[str, ...]:
    """Harness files to evaluate before the test, in order: assert.js, sta.js, doneprintHandle.js for
    async tests, then ``includes`` in the order given. None at all for ``raw`` tests."""
    if "raw" in meta.flags:
        return ()
    files = list(DEFAULT_HARNESS)
    if "async" in meta.flags:
        files.append(ASYNC_HARNESS)
    for name in meta.includes:
        if name not in files:
            files.append(name)
    return tuple(files)


def modes_for(meta: TestMeta) -> tuple[str, ...]:
    """("sloppy", "strict") by default; one mode for onlyStrict, noStrict and raw."""
    flags = meta.flags
    if "raw" in flags or "noStrict" in flags:
        return ("sloppy",)
    if "onlyStrict" in flags:
        return ("strict",)
    return ("sloppy", "strict")


def read_source(path: Path) -> str:
    """Test source exactly as in the file (UTF-8, line terminators untouched)."""
    return path.read_bytes().decode("utf-8", "surrogateescape")


class Suite:
    """A test262 checkout plus the scope rules; discovers test files and expands them into runs."""

    def __init__(self, root: Path, scope: Scope | None = None):
        self.root = Path(root).resolve()
        self.scope = scope or Scope.load(self.root)

    # -- discovery ---------------------------------------------------------------------------------
    def resolve(self, arg: str) -> Path:
        """A command-line path: as given, or relative to the checkout root, or to its test/ directory."""
        for candidate in (Path(arg), self.root / arg, self.root / "test" / arg):
            if candidate.exists():
                resolved = candidate.resolve()
                if resolved != self.root and self.root not in resolved.parents:
                    raise SuiteError(f"{arg} is not inside the test262 checkout {self.root}")
                return resolved
        raise SuiteError(f"no such test or directory: {arg} (looked in ., {self.root}, {self.root / 'test'})")

    def discover(self, paths: Iterable[str] = ()) -> list[str]:
        """Test files (posix paths relative to the root, sorted, no ``_FIXTURE`` files) under ``paths``;
        the whole ``test/`` directory when no path is given."""
        roots = [self.resolve(p) for p in paths] or [self.root / "test"]
        found: set[str] = set()
        for base in roots:
            if base == self.root:
                base = self.root / "test"
            if base.is_file():
                found.add(base.relative_to(self.root).as_posix())
                continue
            for dirpath, dirnames, filenames in os.walk(base):
                dirnames.sort()
                rel = Path(dirpath).relative_to(self.root)
                for name in filenames:
                    if name.endswith(".js") and "_FIXTURE" not in name:
                        found.add((rel / name).as_posix())
        return sorted(found)

    # -- expansion ---------------------------------------------------------------------------------
    def load(self, rel: str) -> TestFile:
        """Read one test file's frontmatter and expand it into runs (or a skip reason)."""
        entry = TestFile(file=rel)
        try:
            source = read_source(self.root / rel)
            meta = parse_test(source)
        except (OSError, FrontmatterError) as exc:
            entry.error = f"cannot load test: {exc}"
            return entry
        entry.meta = meta
        reason = self.scope.skip_reason(meta, source)
        if reason:
            entry.skip_reason = reason
            return entry
        harness = harness_files(meta)
        negative_phase = meta.negative_phase
        if negative_phase == "early":  # the name used before ES2019; same meaning as parse
            negative_phase = "parse"
        entry.runs = [
            Run(
                file=rel,
                mode=mode,
                harness=harness,
                is_async="async" in meta.flags,
                negative_phase=negative_phase,
                negative_type=meta.negative_type,
            )
            for mode in modes_for(meta)
        ]
        return entry

    def collect(self, paths: Iterable[str] = ()) -> list[TestFile]:
        """Discover and load every test file under ``paths``."""
        return [self.load(rel) for rel in self.discover(paths)]
