"""Compiled templates kept between processes, as CPython keeps ``.pyc`` files.

The fused closures (fused.py) are made from template source on first use; compiling that source is
4-11% of a short program's run (raytrace: 98 templates, 26 ms). Each compiled template is kept in
``templates-<cache tag>/`` under the engine's cache directory (parsecache.cache_dir: by default
``~/.cache/jsengine``; ``JSENGINE_CACHE_DIR=off`` turns it off), one file per template named by a hash
of its source and label, holding the interpreter's magic number and the marshalled code object.

A template's source is the project's own text: operand values, property names and positions are
arguments of the factory, never part of the source, so nothing a script wrote is stored. Since a
code object runs as Python, the directory is used only when it belongs to this user and nobody else
can write to it (it is made with mode 0700); a damaged file, or one written by another interpreter
version, is ignored and compiled again. Writing is given up for the process at its first error (a
read-only home): the cache only saves time.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from importlib.util import MAGIC_NUMBER

from ..parsecache import cache_dir

_CODE = type(compile("", "", "exec"))
_state: dict = {}


def _directory():
    """The templates directory, or None when there is none to trust (decided once per process)."""
    if "dir" not in _state:
        _state["dir"] = None
        base = cache_dir()
        tag = sys.implementation.cache_tag
        if base is not None and tag is not None:
            path = base / f"templates-{tag}"
            try:
                path.mkdir(mode=0o700, parents=True, exist_ok=True)
                st = path.stat()
                if os.name != "posix" or (st.st_uid == os.getuid() and not st.st_mode & 0o022):
                    _state["dir"] = path
            except OSError:
                pass
    return _state["dir"]


def compiled(src: str, label: str):
    """The code object of ``src`` compiled as file ``label``, from the cache when it is there."""
    directory = _directory()
    if directory is None:
        return compile(src, label, "exec")
    path = directory / hashlib.blake2b(f"{label}\n{src}".encode(), digest_size=16).hexdigest()
    try:
        data = path.read_bytes()
    except OSError:
        data = b""
    if data[:4] == MAGIC_NUMBER:
        try:
            code = marshal.loads(data[4:])
        except (EOFError, ValueError, TypeError):
            code = None
        if type(code) is _CODE and code.co_filename == label:
            return code
    code = compile(src, label, "exec")
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(MAGIC_NUMBER + marshal.dumps(code))
        os.replace(tmp, path)  # atomic: a reader sees the whole file or none
    except OSError:
        _state["dir"] = None
        try:
            tmp.unlink()
        except OSError:
            pass
    return code
