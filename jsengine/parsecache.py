"""An on-disk cache of parse trees for large trusted scripts (e.g. a library loaded on every run).

Compiled code (closures) cannot be stored, but esprima's tree can, and loading it with ``marshal`` costs a
fraction of parsing. An entry is used only while the source, this engine, esprima and Python are the
same (the stamp); anything unreadable is ignored and rewritten.
"""

from __future__ import annotations

import hashlib
import importlib
import marshal
import os
import sys
from pathlib import Path

FORMAT = 1
ENV_DIR = "JSENGINE_CACHE_DIR"


def cache_dir() -> Path | None:
    """Where on-disk caches live: $JSENGINE_CACHE_DIR, else $XDG_CACHE_HOME/jsengine or
    ~/.cache/jsengine; None when JSENGINE_CACHE_DIR is "off" (nothing is read or written)."""
    env = os.environ.get(ENV_DIR)
    if env:
        return None if env == "off" else Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "jsengine"


def _stamp(source: str) -> str:
    import esprima

    from . import __version__

    here = Path(__file__).with_name("parser.py")
    try:
        st = here.stat()
        adapter = (st.st_mtime_ns, st.st_size)
    except OSError:
        adapter = None
    key = hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()
    return repr((FORMAT, __version__, getattr(esprima, "__version__", "?"), adapter, sys.version_info[:2], key))


def load(path: Path, source: str):
    """The cached tree for ``source``, or None."""
    try:
        with open(path, "rb") as f:
            data = marshal.load(f)
        if not isinstance(data, tuple) or len(data) != 2 or data[0] != _stamp(source):
            return None
        return _thaw(data[1], {})
    except (OSError, EOFError, ValueError, TypeError, ImportError, AttributeError):
        return None


def store(path: Path, source: str, tree) -> None:
    try:
        data = marshal.dumps((_stamp(source), _freeze(tree)))
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except (OSError, ValueError, TypeError, RecursionError):
        pass  # a cache that cannot be written is only slower


def _freeze(value):
    """esprima nodes -> marshal-able data: ("module:Class", {attr: value}) tuples, lists, primitives."""
    if isinstance(value, list):
        return [_freeze(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, tuple) or not hasattr(value, "__dict__"):
        raise TypeError(f"cannot store a {type(value).__name__} in the parse cache")
    cls = type(value)
    return (f"{cls.__module__}:{cls.__qualname__}", {k: _freeze(v) for k, v in vars(value).items()})


def _thaw(value, classes: dict):
    """The inverse of _freeze (only esprima's own classes are rebuilt)."""
    kind = type(value)
    if kind is list:
        return [_thaw(v, classes) for v in value]
    if kind is tuple:
        name, attrs = value
        cls = classes.get(name)
        if cls is None:
            module, _, qualname = name.partition(":")
            if not module.startswith("esprima"):
                raise ValueError(f"unexpected class in the parse cache: {name}")
            cls = getattr(importlib.import_module(module), qualname)
            classes[name] = cls
        obj = cls.__new__(cls)
        obj.__dict__.update({k: _thaw(v, classes) for k, v in attrs.items()})
        return obj
    return value
