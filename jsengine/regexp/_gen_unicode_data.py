"""Developer tool: regenerate ``unicode_data.json`` (property sets and case tables).

Usage: ``python -m jsengine.regexp._gen_unicode_data [TEST262_DIR]``.

The property names and aliases come from test262's generated property-escape tests
(built-ins/RegExp/property-escapes/generated); the code point sets, the toUppercase table
and the simple-case-folding equivalence classes are computed by Node (ICU), so the shipped
data follows one Unicode version (the one printed as ``unicode``). Not used at run time.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

_NODE_SCRIPT = r"""
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
let all = '';
const chunks = [];
for (let cp = 0; cp <= 0x10FFFF; cp++) {
  if (cp >= 0xD800 && cp <= 0xDFFF) continue;
  chunks.push(cp);
  if (chunks.length === 10000) { all += String.fromCodePoint(...chunks); chunks.length = 0; }
}
all += String.fromCodePoint(...chunks);
// code unit index -> code point (surrogates are skipped in `all`)
function cpAt(i) { return all.codePointAt(i); }

function ranges(expr) {
  const out = [];
  const re = new RegExp('\\p{' + expr + '}+', 'gu');
  for (const m of all.matchAll(re)) {
    const s = cpAt(m.index);
    const cps = [...m[0]];
    const last = cps[cps.length - 1].codePointAt(0);
    if (s < 0xD800 && last > 0xDFFF) { out.push([s, 0xD7FF]); out.push([0xE000, last]); }
    else out.push([s, last]);
  }
  // lone surrogates, one by one
  const one = new RegExp('^\\p{' + expr + '}$', 'u');
  let start = -1;
  for (let cp = 0xD800; cp <= 0xE000; cp++) {
    const hit = cp < 0xE000 && one.test(String.fromCharCode(cp));
    if (hit && start < 0) start = cp;
    if (!hit && start >= 0) { out.push([start, cp - 1]); start = -1; }
  }
  out.sort((a, b) => a[0] - b[0]);
  const merged = [];
  for (const r of out) {
    const top = merged[merged.length - 1];
    if (top && top[1] + 1 >= r[0]) top[1] = Math.max(top[1], r[1]); else merged.push(r.slice());
  }
  return merged;
}
const sets = input.exprs.map(ranges);
// non-u Canonicalize: toUppercase of one code unit
const upper = [];
for (let u = 0; u < 0x10000; u++) {
  const up = String.fromCharCode(u).toUpperCase();
  if (up.length !== 1) continue;
  const cu = up.charCodeAt(0);
  if (cu === u || (u >= 128 && cu < 128)) continue;
  upper.push([u, cu]);
}
// u+i: simple case folding equivalence classes among case-sensitive code points
const cased = [];
for (const [a, b] of ranges('Changes_When_Casemapped')) for (let c = a; c <= b; c++) cased.push(c);
const extra = new Set();
for (const c of cased) {
  for (const t of [String.fromCodePoint(c).toLowerCase(), String.fromCodePoint(c).toUpperCase()]) {
    const cps = [...t];
    if (cps.length === 1) extra.add(cps[0].codePointAt(0));
  }
}
for (const c of cased) extra.add(c);
const universe = [...extra].sort((a, b) => a - b);
const ustr = universe.map((c) => String.fromCodePoint(c)).join('');
const seen = new Set();
const classes = [];
for (const c of universe) {
  if (seen.has(c)) continue;
  const re = new RegExp('\\u{' + c.toString(16) + '}', 'uig');
  const members = [...ustr.matchAll(re)].map((m) => m[0].codePointAt(0));
  if (!members.includes(c)) members.push(c);
  members.sort((a, b) => a - b);
  for (const m of members) seen.add(m);
  if (members.length > 1) classes.push(members);
}
process.stdout.write(JSON.stringify({unicode: process.versions.unicode, sets, upper, classes}));
"""

_PROPS = {
    "General_Category": "gc",
    "gc": "gc",
    "Script": "sc",
    "sc": "sc",
    "Script_Extensions": "scx",
    "scx": "scx",
}


def _encode(ranges: list[list[int]]) -> str:
    """Delta-encode inclusive ranges as base-36 numbers: start-gap,length,gap,length..."""
    out: list[str] = []
    prev = 0
    for lo, hi in ranges:
        out.append(_b36(lo - prev))
        out.append(_b36(hi - lo))
        prev = hi
    return ",".join(out)


def _b36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    s = ""
    while True:
        n, r = divmod(n, 36)
        s = digits[r] + s
        if n == 0:
            return s


def collect_names(test262: Path) -> tuple[list[str], dict[str, dict[str, int]]]:
    """Return (canonical expressions, {kind: {value-or-name: set index}}) from the test files."""
    exprs: list[str] = []
    names: dict[str, dict[str, int]] = {"gc": {}, "sc": {}, "scx": {}, "bin": {}}
    gen = test262 / "test/built-ins/RegExp/property-escapes/generated"
    for path in sorted(gen.glob("*.js")):
        text = path.read_text()
        found = sorted(set(re.findall(r"\\[pP]\{([^}]*)\}", text)))
        if not found:
            continue
        idx = len(exprs)
        canonical = path.stem.replace("_-_", "=")
        exprs.append(canonical)
        for expr in found:
            if "=" in expr:
                prop, value = expr.split("=", 1)
                names[_PROPS[prop]][value] = idx
            elif canonical.startswith("General_Category="):
                names["gc"][expr] = idx
            else:
                names["bin"][expr] = idx
    return exprs, names


def main() -> None:
    """Write unicode_data.json next to this file."""
    test262 = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/test262")
    exprs, names = collect_names(test262)
    res = subprocess.run(
        ["node", "-e", _NODE_SCRIPT],
        input=json.dumps({"exprs": exprs}),
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(res.stdout)
    out = {
        "unicode": data["unicode"],
        "names": names,
        "sets": [_encode(r) for r in data["sets"]],
        "upper": data["upper"],
        "classes": data["classes"],
    }
    target = Path(__file__).with_name("unicode_data.json")
    target.write_text(json.dumps(out, separators=(",", ":"), sort_keys=True))
    print(f"wrote {target} ({target.stat().st_size} bytes, Unicode {data['unicode']})")


if __name__ == "__main__":
    main()
