"""Results as a text table (stdout), a Markdown table (README), and machine information."""

from __future__ import annotations

import datetime
import os
import platform
import subprocess
from pathlib import Path

from benchmarks.engines import LABELS, ROOT
from benchmarks.plot import fmt_ratio

PEERS = ("jsengine", "js2py", "node")


def machine_info() -> dict:
    cpu = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.lower().startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        cpu = platform.processor()
    try:
        nproc = len(os.sched_getaffinity(0))
    except AttributeError:
        nproc = os.cpu_count() or 0
    try:
        load = os.getloadavg()[0]
    except OSError:
        load = None
    return {
        "nproc": nproc,
        "cpu": cpu or "unknown CPU",
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "os": platform.platform(terse=True),
        "load_at_start": load,
        "commit": _commit(),
    }


def _commit() -> str:
    """The checked-out commit (read-only git), with '+' when the work tree has changes."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
            timeout=20,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
            timeout=20,
        ).stdout.strip()
        return head + ("+" if head and dirty else "")
    except (OSError, subprocess.SubprocessError):
        return ""


def now_utc() -> str:
    return datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")


def fmt_time(t: float | None) -> str:
    if t is None:
        return "-"
    if t < 1:
        return f"{t * 1000:.3g} ms"
    return f"{t:.3g} s"


def _engines(report: dict) -> list[str]:
    present = {e for row in report["benchmarks"] for e in row["results"]}
    return [e for e in PEERS if e in present]


def _cell(res: dict | None, with_time: bool) -> str:
    if res is None:
        return "-"
    if res.get("ratio"):
        ratio = fmt_ratio(res["ratio"])
        return f"{fmt_time(res['median'])} {ratio:>7}" if with_time else ratio
    status = res["status"]
    return status.upper() if status in ("error", "mismatch") else status


def _vs_js2py(row: dict) -> str:
    js, peer = row["results"].get("jsengine", {}), row["results"].get("js2py", {})
    if js.get("median") and peer.get("median"):
        return f"{peer['median'] / js['median']:.1f}x"
    return "-"


def text_table(report: dict) -> str:
    meta = report["meta"]
    engines = _engines(report)
    js2py_runs = f" (Js2Py: {meta['js2py_runs']})" if "js2py" in engines else ""
    lines = [
        (
            f"jsengine benchmarks: {meta['mode']} mode, median of {meta['runs']} run(s){js2py_runs}; "
            "ratio = time / CPython time (lower is faster)"
        ),
        (
            f"{meta['date']}; {meta['machine']['cpu']}, {meta['machine']['nproc']} cores; "
            f"Python {meta['machine']['python']}; "
            f"load {meta['machine'].get('load_at_start') or 0:.1f} at start"
        ),
        "",
    ]
    if meta["mode"] == "quick":
        lines[-1:] = [
            "quick mode checks checksums: at these sizes the times are mostly noise and start-up",
            "",
        ]
    head = ["benchmark", "group", "scale", "CPython"] + [LABELS[e] for e in engines]
    if "js2py" in engines and "jsengine" in engines:
        head.append("Js2Py/jsengine")
    table = [head]
    for row in report["benchmarks"]:
        cells = [
            row["name"],
            row["group"],
            str(row["scale"]),
            fmt_time(row["results"]["cpython"].get("median"))
            if row["results"]["cpython"]["status"] == "ok"
            else _cell(row["results"]["cpython"], False),
        ]
        cells += [_cell(row["results"].get(e), True) for e in engines]
        if len(head) > len(cells):
            cells.append(_vs_js2py(row))
        table.append(cells)
    for scope in ("micro", "all"):
        cells = [f"geomean {scope}", "", "", ""]
        for e in engines:
            g = report["geomean"].get(e, {})
            if g.get(scope):
                note = (
                    "" if g[f"{scope}_n"] == g[f"{scope}_of"] else f" ({g[f'{scope}_n']}/{g[f'{scope}_of']})"
                )
                cells.append(f"{fmt_ratio(g[scope])}{note}")
            else:
                cells.append("-")
        if len(head) > len(cells):
            cells.append("")
        table.append(cells)
    widths = [max(len(r[i]) for r in table) for i in range(len(head))]
    for i, r in enumerate(table):
        if i == len(table) - 2:
            lines.append("  ".join("-" * w for w in widths))
        lines.append(
            "  ".join(c.ljust(w) if j < 3 else c.rjust(w) for j, (c, w) in enumerate(zip(r, widths))).rstrip()
        )
    notes = _notes(report)
    if notes:
        lines += ["", "notes:"] + [f"  {n}" for n in notes]
    lines += _extras_text(report)
    return "\n".join(lines) + "\n"


def _notes(report: dict) -> list[str]:
    out = []
    for row in report["benchmarks"]:
        for engine, res in row["results"].items():
            if res["status"] != "ok" and res.get("message"):
                out.append(f"{row['name']} / {LABELS[engine]}: {res['status']}: {res['message']}")
    return out


def _extras_text(report: dict) -> list[str]:
    lines = []
    startup = report.get("startup")
    if startup:
        lines += ["", "start-up (whole process, wall clock, median):"]
        for s in startup:
            if s.get("skip"):
                lines.append(f"  {s['name']:<30} {s['skip']}   {s.get('how') or ''}".rstrip())
                continue
            target = f"   (target < {s['target']:g} s)" if s.get("target") else ""
            lines.append(f"  {s['name']:<30} {fmt_time(s['median']):>9}{target}   {s.get('how') or ''}")
    t262 = report.get("test262")
    if t262:
        lines.append("")
        if t262.get("skip"):
            lines.append(f"test262 throughput: skipped: {t262['skip']}")
        else:
            lines.append(
                f"test262 throughput: {t262['runs_per_s']:.1f} runs/s ({t262['files_per_s']:.1f} files/s): "
                f"{t262['runs']} runs of {t262['files']} files in {t262['wall']:.1f} s, 1 worker, "
                f"{', '.join(t262['paths'])}"
            )
    return lines


def markdown(report: dict) -> str:
    meta = report["meta"]
    m = meta["machine"]
    engines = _engines(report)
    versions = meta.get("versions", {})
    peers = ", ".join(f"{LABELS[e]} {versions.get(e, '')}".strip() for e in ("node", "js2py") if e in engines)
    js2py_runs = f" (Js2Py: {meta['js2py_runs']})" if "js2py" in engines else ""
    out = [
        (
            f"Generated by `python -m benchmarks --markdown` on {meta['date']}: {m['cpu']}, "
            f"{m['nproc']} cores, "
            f"{m['implementation']} {m['python']}{', ' + peers if peers else ''}; jsengine "
            f"{m.get('commit') or versions.get('jsengine', '')}. {meta['mode'].capitalize()} mode, median of "
            f"{meta['runs']} runs{js2py_runs}; "
            "each cell is the time relative to CPython running the same work (lower is faster)."
        ),
        "",
    ]
    head = ["benchmark", "CPython"] + [LABELS[e] for e in engines]
    if "js2py" in engines and "jsengine" in engines:
        head.append("jsengine speed-up over Js2Py")
    out.append("| " + " | ".join(head) + " |")
    out.append("|" + "|".join(["---"] + ["---:"] * (len(head) - 1)) + "|")
    for row in report["benchmarks"]:
        ref = row["results"]["cpython"]
        cells = [row["name"], fmt_time(ref.get("median")) if ref["status"] == "ok" else ref["status"]]
        cells += [_cell(row["results"].get(e), False) for e in engines]
        if len(head) > len(cells):
            cells.append(_vs_js2py(row))
        out.append("| " + " | ".join(cells) + " |")
    for scope in ("micro", "all"):
        cells = [f"**geometric mean, {scope}**", ""]
        for e in engines:
            g = report["geomean"].get(e, {})
            if g.get(scope):
                note = (
                    ""
                    if g[f"{scope}_n"] == g[f"{scope}_of"]
                    else f" ({g[f'{scope}_n']} of {g[f'{scope}_of']})"
                )
                cells.append(f"**{fmt_ratio(g[scope])}**{note}")
            else:
                cells.append("-")
        if len(head) > len(cells):
            cells.append("")
        out.append("| " + " | ".join(cells) + " |")
    notes = [n for n in _notes(report)]
    if notes:
        out += [""] + [f"- {n}" for n in notes]
    startup = [s for s in report.get("startup") or [] if s["engine"] == "jsengine"]
    if startup:
        out.append("")
        parts = []
        for s in startup:
            if s.get("skip"):
                parts.append(f"{s['name'].split(': ', 1)[1]}: skipped ({s['skip']})")
            else:
                parts.append(
                    f"{s['name'].split(': ', 1)[1]} {fmt_time(s['median'])} (target < {s['target']:g} s; "
                    f"{s['how']})"
                )
        out.append("Start-up, whole process: " + "; ".join(parts) + ".")
    t262 = report.get("test262")
    if t262 and not t262.get("skip"):
        out.append(
            f"test262 throughput: {t262['runs_per_s']:.1f} runs/s with one worker "
            f"({', '.join(t262['paths'])})."
        )
    return "\n".join(out) + "\n"


README_START = "<!-- benchmarks:start -->"
README_END = "<!-- benchmarks:end -->"


def update_readme(readme: Path, content: str) -> bool:
    """Replace the text between the README's benchmark markers; True when the file changed."""
    old = readme.read_text(encoding="utf-8")
    start, end = old.find(README_START), old.find(README_END)
    if start < 0 or end < start:
        raise ValueError(f"{readme} has no '{README_START}' ... '{README_END}' block")
    new = old[: start + len(README_START)] + "\n" + content + "\n" + old[end:]
    if new != old:
        readme.write_text(new, encoding="utf-8")
    return new != old
