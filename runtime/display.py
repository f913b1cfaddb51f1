"""How the CLI shows things: tables in the platform CLI's style, log entries, sizes."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from runtime.store import LogEntry

FORMATS = ("table", "plain", "csv", "tsv", "json")


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]], fmt: str = "table", header: bool = True) -> str:
    """Rows as a bordered table (platform CLI style), plain/tsv/csv text, or JSON objects."""
    cells = [["" if v is None else str(v) for v in row] for row in rows]
    if fmt == "json":
        return json.dumps([dict(zip(headers, row)) for row in rows], indent=2, ensure_ascii=False)
    if fmt in ("csv", "tsv", "plain"):
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        if header:
            writer.writerow(headers)
        writer.writerows([[c.replace("\n", " ") for c in row] for row in cells] if fmt == "plain" else cells)
        return buf.getvalue().rstrip("\n")
    widths = [len(h) for h in headers]
    for row in cells:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], *(len(line) for line in cell.split("\n")))
    rule = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    lines = [rule]
    if header:
        lines += ["| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths)) + " |", rule]
    for row in cells:
        split = [cell.split("\n") for cell in row]
        for n in range(max(len(s) for s in split) if split else 1):
            parts = [(s[n] if n < len(s) else "").ljust(w) for s, w in zip(split, widths)]
            lines.append("| " + " | ".join(parts) + " |")
    lines.append(rule)
    return "\n".join(lines)


def size(n: float | None) -> str:
    """Bytes in a readable unit."""
    if n is None:
        return "-"
    value = float(n)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"


def duration(ms: float | None) -> str:
    """Milliseconds as `12 ms` or `3.4 s`."""
    if ms is None:
        return "-"
    return f"{ms:.0f} ms" if ms < 1000 else f"{ms / 1000:.2f} s"


def usage_text(usage: dict[str, Any]) -> str:
    """Budget use of a run, one line."""
    parts = []
    if usage.get("steps") is not None:
        parts.append(f"{usage['steps']:,} steps")
    if usage.get("memory"):
        parts.append(f"memory {size(usage['memory'])}")
    if usage.get("time") is not None:
        parts.append(f"time {float(usage['time']):.3f} s")
    if usage.get("exhausted"):
        parts.append(f"{usage['exhausted']} budget exhausted")
    return ", ".join(parts) or "-"


def fetch_line(f: dict[str, Any]) -> str:
    """One fetch of a run, one line."""
    outcome = f"-> {f['status']}" if f.get("status") is not None else "-> failed"
    text = f"{f.get('method', 'GET')} {f.get('url')} {outcome}"
    if f.get("bytes"):
        text += f" ({size(f['bytes'])})"
    if f.get("duration_ms") is not None:
        text += f" in {duration(f['duration_ms'])}"
    if f.get("error"):
        text += f": {f['error']}"
    return text


def entry_block(e: LogEntry, full: bool = False) -> str:
    """A log entry as a readable block: header, timings, budget use, fetches, output, error."""
    envs = ", ".join(e.environments) or "-"
    result = e.result or "-"
    lines = [
        f"Run {e.id}  integration {e.integration_id or '-'}  {e.state}/{result}",
        (f"  activity:  {e.activity_type or '-'} ({e.activity_state or '-'}) id {e.activity_id or '-'} "
         f"environments {envs}"),
        f"  created:   {e.created_at}",
        f"  started:   {e.started_at or '-'}",
        f"  completed: {e.completed_at or '-'}  duration {duration(e.duration_ms)}",
        f"  budget:    {usage_text(e.usage)}",
    ]
    if e.fetches:
        lines.append(f"  fetches:   {len(e.fetches)}")
        shown = e.fetches if full else e.fetches[:5]
        lines += [f"    {fetch_line(f)}" for f in shown]
        if len(shown) < len(e.fetches):
            lines.append(f"    ... {len(e.fetches) - len(shown)} more (jsengine integration:activity:get {e.id})")
    else:
        lines.append("  fetches:   0")
    lines.append("  output:" if e.output else "  output:    (none)")
    lines += [f"    {line}" for line in e.output.split("\n")] if e.output else []
    if e.error:
        lines.append("  error:")
        lines += [f"    {line}" for line in e.error.split("\n")]
    return "\n".join(lines)
