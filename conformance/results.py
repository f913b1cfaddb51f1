"""Run results: aggregation by directory and by feature, text tables, and the JSON files.

Statuses are ``pass``, ``fail`` and ``skip``. A skipped *file* is one entry with an empty mode; a run
is one entry per (file, mode). ``summary.total`` counts every entry: ``passed + failed + skipped``.

Two JSON shapes share the same top-level keys:
- the results file (``--json OUT``): ``summary``, ``areas``, ``features`` and ``results`` (one entry per
  run or skipped file: ``file``, ``mode``, ``status``, ``message``);
- the summary file (``conformance/summary.json``): the same without ``results``; it is small, kept in
  the repository, and is what ``report --markdown`` renders into the README.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

__all__ = [
    "Result",
    "Results",
    "area_of",
    "format_tables",
    "load_json",
    "top_of",
]

PASS, FAIL, SKIP = "pass", "fail", "skip"


@dataclass(frozen=True)
class Result:
    file: str
    mode: str  # "sloppy", "strict", or "" for a skipped file
    status: str  # pass | fail | skip
    message: str = ""
    time: float = 0.0  # wall-clock seconds of the run (0 for skips)

    @property
    def key(self) -> tuple[str, str]:
        return (self.file, self.mode)


def _parts(file: str) -> list[str]:
    parts = file.split("/")
    return parts[1:] if parts and parts[0] == "test" else parts


def top_of(file: str) -> str:
    """``test/built-ins/Array/x.js`` -> ``built-ins``."""
    parts = _parts(file)
    return parts[0] if len(parts) > 1 else "(root)"


def area_of(file: str) -> str:
    """``test/built-ins/Array/x.js`` -> ``built-ins/Array`` (the directory table's row)."""
    parts = _parts(file)
    if len(parts) > 2:
        return f"{parts[0]}/{parts[1]}"
    return parts[0] if len(parts) > 1 else "(root)"


def _empty() -> dict:
    return {"passed": 0, "failed": 0, "skipped": 0}


def _bump(table: dict, key: str, status: str) -> None:
    row = table.setdefault(key, _empty())
    row[{"pass": "passed", "fail": "failed"}.get(status, "skipped")] += 1


def pass_rate(row: dict) -> float | None:
    runs = row["passed"] + row["failed"]
    return None if runs == 0 else row["passed"] / runs


@dataclass
class Results:
    """Every entry of one invocation, plus the per-file features needed for the feature table."""

    entries: list[Result] = field(default_factory=list)
    features: dict[str, list[str]] = field(default_factory=dict)
    info: dict = field(default_factory=dict)  # duration_s, jobs, timeout, engine, test262, paths ...

    def add(self, result: Result) -> None:
        self.entries.append(result)

    def sorted_entries(self) -> list[Result]:
        order = {"": 0, "sloppy": 1, "strict": 2}
        return sorted(self.entries, key=lambda r: (r.file, order.get(r.mode, 3), r.mode))

    # -- aggregation -------------------------------------------------------------------------------
    def counts(self) -> dict:
        c = Counter(r.status for r in self.entries)
        return {
            "total": len(self.entries),
            "passed": c[PASS],
            "failed": c[FAIL],
            "skipped": c[SKIP],
        }

    def by_top(self) -> dict[str, dict]:
        table: dict[str, dict] = {}
        for r in self.entries:
            _bump(table, top_of(r.file), r.status)
        return dict(sorted(table.items()))

    def by_area(self) -> dict[str, dict]:
        table: dict[str, dict] = {}
        for r in self.entries:
            _bump(table, area_of(r.file), r.status)
        return dict(sorted(table.items()))

    def by_feature(self) -> dict[str, dict]:
        table: dict[str, dict] = {}
        for r in self.entries:
            for tag in self.features.get(r.file, ()):
                _bump(table, tag, r.status)
        return dict(sorted(table.items(), key=lambda kv: kv[0].lower()))

    def skip_reasons(self) -> dict[str, int]:
        c = Counter(r.message for r in self.entries if r.status == SKIP)
        return dict(c.most_common())

    def summary(self) -> dict:
        counts = self.counts()
        runs = counts["passed"] + counts["failed"]
        out = dict(counts)
        out["runs"] = runs
        out["pass_rate"] = round(counts["passed"] / runs, 6) if runs else None
        out.update(self.info)
        duration = self.info.get("duration_s")
        if duration:
            out["runs_per_s"] = round(runs / duration, 2)
        return out

    def slowest(self, count: int = 10) -> list[dict]:
        runs = sorted((r for r in self.entries if r.status != SKIP), key=lambda r: -r.time)[:count]
        return [{"file": r.file, "mode": r.mode, "status": r.status, "time": r.time} for r in runs]

    def to_dict(self, with_results: bool = True) -> dict:
        data = {
            "summary": self.summary(),
            "top": self.by_top(),
            "areas": self.by_area(),
            "features": self.by_feature(),
            "skip_reasons": self.skip_reasons(),
            "slowest": self.slowest(),
        }
        if with_results:
            data["results"] = [asdict(r) for r in self.sorted_entries()]
        return data

    def write_json(self, path: str | Path, with_results: bool = True) -> None:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(self.to_dict(with_results), indent=1 if with_results else 2, ensure_ascii=False)
        path.write_text(text + "\n", encoding="utf-8")


def load_json(path: str | Path) -> dict:
    """A results or summary file written by :meth:`Results.write_json`."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def results_from_json(data: dict) -> list[Result]:
    return [Result(e["file"], e.get("mode", ""), e["status"], e.get("message", ""), e.get("time", 0.0))
            for e in data["results"]]


# -- text tables -----------------------------------------------------------------------------------------

def _pct(row: dict) -> str:
    rate = pass_rate(row)
    return "-" if rate is None else f"{100 * rate:5.1f}%"


def _table(title: str, rows: list[tuple[str, dict]], width: int, extra: dict | None = None) -> list[str]:
    head = f"{title:<{width}} {'runs':>7} {'pass':>7} {'fail':>7} {'skip':>7} {'pass%':>7}"
    lines = [head, "-" * len(head)]
    for name, row in rows:
        runs = row["passed"] + row["failed"]
        label = name if extra is None or name not in extra else f"{name} {extra[name]}"
        lines.append(
            f"{label:<{width}} {runs:>7} {row['passed']:>7} {row['failed']:>7} {row['skipped']:>7} "
            f"{_pct(row):>7}"
        )
    return lines


def format_tables(data: dict, feature_editions: dict[str, str] | None = None, detail: bool = True) -> str:
    """The stdout report: totals, a table by directory (top level, then language/*, built-ins/*,
    annexB/* rows) and a table by feature (features with at least one run)."""
    s = data["summary"]
    lines = []
    rate = s.get("pass_rate")
    rate_text = "-" if rate is None else f"{100 * rate:.1f}%"
    lines.append(
        f"test262: {s['runs']} runs: {s['passed']} passed, {s['failed']} failed ({rate_text} pass); "
        f"{s['skipped']} skipped"
    )
    if s.get("duration_s"):
        line = f"time: {s['duration_s']:.1f} s, {s.get('runs_per_s', 0):.1f} runs/s with {s.get('jobs', '?')} worker(s)"
        if s.get("cpu_s"):
            line += f"; {s['cpu_s']:.0f} CPU s in runs ({s['runs'] / s['cpu_s']:.1f} runs per CPU second)"
        lines.append(line)
    areas = data["areas"]
    top = data.get("top") or {}
    width = max([len(k) for k in areas] + [len(k) + 2 for k in top] + [24]) + 2
    rows: list[tuple[str, dict]] = []
    for name, row in top.items():
        rows.append((name, row))
        if detail:
            rows.extend((f"  {a}", r) for a, r in areas.items() if a.split("/")[0] == name and a != name)
    total = {k: s[k] for k in ("passed", "failed", "skipped")}
    lines.append("")
    lines.extend(_table("directory", [*rows, ("TOTAL", total)], width))
    features = {k: v for k, v in data["features"].items() if v["passed"] + v["failed"] > 0}
    if features:
        editions = feature_editions or {}
        fwidth = max(len(k) + len(editions.get(k, "")) + 1 for k in features) + 2
        lines.append("")
        lines.extend(
            _table("feature", list(features.items()), max(fwidth, 24), {k: f"({v})" for k, v in editions.items()})
        )
    if data.get("slowest"):
        lines.append("")
        lines.append("slowest runs:")
        for r in data["slowest"]:
            lines.append(f"  {r['time']:7.2f} s  {r['status']:<4}  {r['file']} [{r['mode']}]")
    if data.get("skip_reasons"):
        lines.append("")
        lines.append("skipped because:")
        for reason, count in list(data["skip_reasons"].items())[:15]:
            lines.append(f"  {count:>6}  {reason}")
        if len(data["skip_reasons"]) > 15:
            lines.append(f"  ... and {len(data['skip_reasons']) - 15} more reasons")
    return "\n".join(lines)
