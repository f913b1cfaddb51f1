"""`require(name)`: only "storage" is available to activity scripts."""

from __future__ import annotations

from typing import Any

from runtime.jsvalues import arg, primitive_to_string
from runtime.sandbox import HostError, HostFn


def make_require(modules: dict[str, Any]) -> HostFn:
    """A require() that returns `modules[name]` and throws a JS Error naming what exists otherwise."""
    available = ", ".join(f'"{name}"' for name in modules)

    def require(*args: Any) -> Any:
        name = primitive_to_string(arg(args, 0))
        if name is not None and name in modules:
            return modules[name]
        shown = repr(name) if name is not None else "that value"
        raise HostError(
            "Error",
            f"Cannot find module {shown}: activity scripts can only require {available}",
        )

    return HostFn(require, "require", 1)
