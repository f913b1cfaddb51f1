"""Underscore.js 1.9.2, the real library, as the `_` global.

It is pinned by `stdlib_js/package.json` + `package-lock.json` and installed with
`npm ci --prefix stdlib_js`; nothing of its source is kept in this repository. Its compiled form is
cached in the process, so each run after the first pays only for running it. Underscore's UMD wrapper,
finding no `exports`/`module`/`define`, assigns `root._ = _` where `root` is the sloppy-mode `this` of
its outer function: the global object. So running it in a realm defines `_` there, nothing else.

A fresh process also skips parsing it: the parse tree is cached on disk (see `cache_dir`) and
reused while the file, the parser and the engine are unchanged.

Whether a script needs `_` is decided from its text: if `_` appears anywhere as a standalone
identifier (or in a string), Underscore is loaded; otherwise the run skips it.
"""

from __future__ import annotations

import json
import os
import re
import threading
from pathlib import Path
from typing import Any

from jsengine.parsecache import cache_dir
from runtime.errors import UserError
from runtime.sandbox import ScriptFailure, compile_script

VERSION = "1.9.2"
ENV_STDLIB = "JSENGINE_STDLIB_JS"
_USES = re.compile(r"(?<![A-Za-z0-9$_\\])_(?![A-Za-z0-9$_])")
_lock = threading.Lock()
_cache: dict[tuple[str, int, int], Any] = {}


def stdlib_dir() -> Path:
    """The stdlib_js folder: JSENGINE_STDLIB_JS, or the one beside the runtime package."""
    env = os.environ.get(ENV_STDLIB)
    return Path(env) if env else Path(__file__).resolve().parent.parent / "stdlib_js"


def underscore_file() -> Path:
    """Path of the installed underscore.js; a UserError telling how to install it when missing."""
    base = stdlib_dir()
    package = base / "node_modules" / "underscore"
    source = package / "underscore.js"
    hint = f"install it with: npm ci --prefix {base}"
    if not source.is_file():
        raise UserError(f"Underscore.js {VERSION} is not installed (no {source}); {hint}")
    try:
        version = json.loads((package / "package.json").read_text(encoding="utf-8")).get("version")
    except (OSError, ValueError):
        version = None
    if version != VERSION:
        raise UserError(f"{source} is Underscore {version or '(unknown version)'}, not the pinned {VERSION}; {hint}")
    return source


def uses_underscore(source: str) -> bool:
    """True when the script text mentions `_` as an identifier (conservative: strings count too)."""
    return _USES.search(source) is not None


def compiled_underscore() -> Any:
    """Underscore compiled once per process (per file version)."""
    path = underscore_file()
    st = path.stat()
    key = (str(path), st.st_mtime_ns, st.st_size)
    with _lock:
        found = _cache.get(key)
        if found is None:
            try:
                where = cache_dir()
                found = compile_script(path.read_text(encoding="utf-8"), filename=str(path),
                                       parse_cache=None if where is None else where / f"underscore-{VERSION}.ast",
                                       lazy=True)
            except ScriptFailure as exc:
                raise UserError(f"cannot compile {path}: {exc}") from None
            _cache.clear()
            _cache[key] = found
        return found
