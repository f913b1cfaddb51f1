"""Run many RegExp cases through Node in one process (JSON over stdin) for differential tests."""

from __future__ import annotations

import json
import shutil
import subprocess
from typing import Any

NODE = shutil.which("node")

_SCRIPT = r"""
const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const out = cases.map(([pattern, flags, input, index, mode]) => {
  let re;
  try { re = new RegExp(pattern, flags + (mode === 'match' ? 'y' : 'g') + 'd'); }
  catch (e) { return {error: e.message}; }
  re.lastIndex = index;
  const m = re.exec(input);
  if (m === null) return null;
  const flat = [];
  for (const pair of m.indices) { if (pair === undefined) flat.push(-1, -1); else flat.push(pair[0], pair[1]); }
  return flat;
});
process.stdout.write(JSON.stringify(out));
"""


def node_run(cases: list[tuple[str, str, str, int, str]]) -> list[Any]:
    """Each case is (pattern, flags, input, index, 'search'|'match'); returns Node's results."""
    assert NODE is not None
    res = subprocess.run(
        [NODE, "-e", _SCRIPT],
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        check=True,
        encoding="utf-8",
        errors="surrogatepass",
    )
    return json.loads(res.stdout)


def units(s: str) -> str:
    """A Python str as UTF-16 code units (astral characters become surrogate pairs)."""
    if all(ord(c) <= 0xFFFF for c in s):
        return s
    out = []
    for c in s:
        o = ord(c)
        if o > 0xFFFF:
            o -= 0x10000
            out.append(chr(0xD800 + (o >> 10)))
            out.append(chr(0xDC00 + (o & 0x3FF)))
        else:
            out.append(c)
    return "".join(out)
