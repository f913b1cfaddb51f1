"""The ratio chart: time relative to CPython per benchmark and engine, log scale, bars from 1x.

Written without plotting libraries: a small RGB canvas with rectangles and bitmap text (font.py),
saved as PNG with zlib and struct; `.svg` names get an SVG file instead.
"""

from __future__ import annotations

import math
import struct
import zlib
from pathlib import Path

from benchmarks import font

COLORS = {"jsengine": (37, 99, 185), "js2py": (222, 120, 31), "node": (52, 150, 82)}
LABELS = {"jsengine": "jsengine", "js2py": "Js2Py", "node": "Node"}
WHITE, BLACK, GRID, MUTED, REFLINE = (
    (255, 255, 255),
    (25, 25, 25),
    (222, 222, 222),
    (120, 120, 120),
    (60, 60, 60),
)

SCALE = 2  # pixels per font cell
CHAR_W = (font.WIDTH + 1) * SCALE
TEXT_H = 7 * SCALE
BAR_H = 16
BAR_GAP = 3
GROUP_GAP = 12
PLOT_W = 620


class Canvas:
    def __init__(self, width: int, height: int, background=WHITE) -> None:
        self.width, self.height = width, height
        self.pixels = bytearray(bytes(background) * (width * height))

    def rect(self, x0: int, y0: int, x1: int, y1: int, color) -> None:
        x0, x1 = max(0, min(x0, x1)), min(self.width, max(x0, x1))
        y0, y1 = max(0, min(y0, y1)), min(self.height, max(y0, y1))
        if x0 >= x1:
            return
        row = bytes(color) * (x1 - x0)
        for y in range(y0, y1):
            start = (y * self.width + x0) * 3
            self.pixels[start : start + len(row)] = row

    def text(self, x: int, y: int, text: str, color=BLACK, align: str = "left") -> None:
        """Draw text with its top-left (or top-right for align='right') at (x, y)."""
        if align == "right":
            x -= text_width(text)
        elif align == "center":
            x -= text_width(text) // 2
        for ch in text:
            for r, bits in enumerate(font.glyph(ch)):
                for c, bit in enumerate(bits):
                    if bit == "#":
                        px, py = x + c * SCALE, y + r * SCALE
                        self.rect(px, py, px + SCALE, py + SCALE, color)
            x += CHAR_W

    def png(self) -> bytes:
        raw = b"".join(
            b"\x00" + bytes(self.pixels[y * self.width * 3 : (y + 1) * self.width * 3])
            for y in range(self.height)
        )

        def chunk(kind: bytes, data: bytes) -> bytes:
            return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

        header = struct.pack(">IIBBBBB", self.width, self.height, 8, 2, 0, 0, 0)
        return (
            b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw, 9))
            + chunk(b"IEND", b"")
        )


def text_width(text: str) -> int:
    return len(text) * CHAR_W - SCALE


def fmt_ratio(r: float) -> str:
    if r >= 100:
        return f"{r:.0f}x"
    if r >= 10:
        return f"{r:.1f}x"
    return f"{r:.2f}x"


def _series(report: dict) -> tuple[list[str], list[tuple[str, dict]]]:
    """Engines to draw, and (label, {engine: ratio or status text}) per benchmark and geomean."""
    rows = report["benchmarks"]
    engines = [e for e in ("jsengine", "js2py", "node") if any(e in r["results"] for r in rows)]
    series = []
    for r in rows:
        values = {}
        for e in engines:
            res = r["results"].get(e)
            if res is None:
                continue
            values[e] = res["ratio"] if res.get("ratio") else res["status"]
        series.append((r["name"], values))
    gm = report.get("geomean", {})
    for scope, label in (("micro", "geomean micro"), ("all", "geomean all")):
        values = {e: gm[e][scope] for e in engines if gm.get(e, {}).get(scope)}
        if values:
            series.append((label, values))
    return engines, series


def layout(report: dict):
    engines, series = _series(report)
    ratios = [v for _, vals in series for v in vals.values() if isinstance(v, float)] + [1.0]
    lo = math.floor(math.log10(min(ratios)) - 0.15)
    hi = math.ceil(math.log10(max(ratios)) + 0.35)
    label_w = max(text_width(name) for name, _ in series) + 16
    left = label_w + 10
    width = max(left + PLOT_W + 70, text_width(report.get("title_note", "")) + 24)
    top = 116
    band = len(engines) * (BAR_H + BAR_GAP) + GROUP_GAP
    height = top + band * len(series) + 40
    return engines, series, lo, hi, left, width, top, band, height


def render_png(report: dict) -> bytes:
    engines, series, lo, hi, left, width, top, band, height = layout(report)
    cv = Canvas(width, height)

    def x_of(r: float) -> int:
        return left + round((math.log10(r) - lo) / (hi - lo) * PLOT_W)

    cv.text(12, 10, "Time relative to CPython (log scale, lower is faster)")
    cv.text(12, 32, report.get("title_note", ""), MUTED)
    lx = 12
    for e in engines:
        cv.rect(lx, 58, lx + 14, 58 + 14, COLORS[e])
        cv.text(lx + 20, 58, LABELS[e])
        lx += 20 + text_width(LABELS[e]) + 28
    bottom = top + band * len(series)
    for d in range(lo, hi + 1):
        x = x_of(10.0**d)
        cv.rect(x, top - 6, x + 1, bottom, GRID)
        label = f"{10.0**d:g}x"
        cv.text(x, bottom + 8, label, MUTED, align="center")
    one = x_of(1.0)
    y = top
    for i, (name, values) in enumerate(series):
        if name.startswith("geomean") and not series[i - 1][0].startswith("geomean"):
            cv.rect(12, y - GROUP_GAP // 2 - 1, left + PLOT_W, y - GROUP_GAP // 2, REFLINE)
        cv.text(left - 14, y + (band - GROUP_GAP - TEXT_H) // 2, name, align="right")
        for k, e in enumerate(engines):
            by = y + k * (BAR_H + BAR_GAP)
            v = values.get(e)
            ty = by + (BAR_H - TEXT_H) // 2
            if isinstance(v, float):
                x = x_of(v)
                cv.rect(min(one, x), by, max(one, x) + 1, by + BAR_H, COLORS[e])
                if v >= 1:
                    cv.text(x + 6, ty, fmt_ratio(v), COLORS[e])
                else:
                    cv.text(x - 6, ty, fmt_ratio(v), COLORS[e], align="right")
            elif v:
                cv.text(one + 6, ty, str(v), MUTED)
        y += band
    cv.rect(one, top - 6, one + 2, bottom, REFLINE)
    cv.text(one, top - 26, "CPython", REFLINE, align="center")
    return cv.png()


def render_svg(report: dict) -> str:
    engines, series, lo, hi, left, width, top, band, height = layout(report)

    def x_of(r: float) -> float:
        return left + (math.log10(r) - lo) / (hi - lo) * PLOT_W

    def esc(s: str) -> str:
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    def rgb(c) -> str:
        return "#{:02x}{:02x}{:02x}".format(*c)

    out = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'font-family="sans-serif" font-size="14"><rect width="100%" height="100%" fill="white"/>'
        ),
        '<text x="12" y="24" font-size="16">Time relative to CPython (log scale, lower is faster)</text>',
        f'<text x="12" y="44" fill="{rgb(MUTED)}">{esc(report.get("title_note", ""))}</text>',
    ]
    lx = 12
    for e in engines:
        out.append(
            f'<rect x="{lx}" y="58" width="14" height="14" fill="{rgb(COLORS[e])}"/>'
            f'<text x="{lx + 20}" y="70">{LABELS[e]}</text>'
        )
        lx += 20 + 9 * len(LABELS[e]) + 28
    bottom = top + band * len(series)
    for d in range(lo, hi + 1):
        x = x_of(10.0**d)
        out.append(
            f'<line x1="{x:.1f}" y1="{top - 6}" x2="{x:.1f}" y2="{bottom}" stroke="{rgb(GRID)}"/>'
            f'<text x="{x:.1f}" y="{bottom + 20}" text-anchor="middle" '
            f'fill="{rgb(MUTED)}">{10.0**d:g}x</text>'
        )
    one = x_of(1.0)
    y = top
    for name, values in series:
        out.append(
            f'<text x="{left - 14}" y="{y + (band - GROUP_GAP) / 2 + 5:.1f}" '
            f'text-anchor="end">{esc(name)}</text>'
        )
        for k, e in enumerate(engines):
            by = y + k * (BAR_H + BAR_GAP)
            v = values.get(e)
            if isinstance(v, float):
                x = x_of(v)
                out.append(
                    f'<rect x="{min(one, x):.1f}" y="{by}" width="{abs(x - one) + 1:.1f}" height="{BAR_H}" '
                    f'fill="{rgb(COLORS[e])}"/>'
                )
                anchor, tx = ("start", x + 6) if v >= 1 else ("end", x - 6)
                out.append(
                    f'<text x="{tx:.1f}" y="{by + 13}" text-anchor="{anchor}" fill="{rgb(COLORS[e])}">'
                    f"{fmt_ratio(v)}</text>"
                )
            elif v:
                out.append(f'<text x="{one + 6:.1f}" y="{by + 13}" fill="{rgb(MUTED)}">{esc(str(v))}</text>')
        y += band
    out.append(
        f'<line x1="{one:.1f}" y1="{top - 6}" x2="{one:.1f}" y2="{bottom}" stroke="{rgb(REFLINE)}" '
        f'stroke-width="2"/><text x="{one:.1f}" y="{top - 12}" text-anchor="middle">CPython</text></svg>'
    )
    return "\n".join(out) + "\n"


def write_plot(report: dict, path: str | Path) -> None:
    path = Path(path)
    if path.suffix.lower() == ".svg":
        path.write_text(render_svg(report), encoding="utf-8")
    else:
        path.write_bytes(render_png(report))
