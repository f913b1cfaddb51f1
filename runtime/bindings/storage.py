"""`require("storage")`: a string key/value store kept between runs, one per integration."""

from __future__ import annotations

import sqlite3
from typing import Any

from runtime.jsvalues import arg, primitive_to_string, type_name
from runtime.sandbox import UNDEFINED, HostError, HostFn, Limits
from runtime.store import Store


def _size(text: str) -> str:
    n = len(text.encode("utf-8", "surrogatepass"))
    return f"{n / 2**20:.1f} MB" if n >= 2**20 else f"{n} bytes"


def make_storage(store: Store, namespace: str, limits: Limits) -> dict[str, HostFn]:
    """The storage object: get/set/remove/clear over `namespace` in `store`."""

    def key_of(method: str, value: Any) -> str:
        text = primitive_to_string(value)
        if text is None:
            raise HostError("TypeError", f"storage.{method}: the key must be a string, got {type_name(value)}")
        return text

    def guarded(method: str, action: Any) -> Any:
        try:
            return action()
        except sqlite3.Error as exc:
            raise HostError("Error", f"storage.{method} failed: {exc}") from None

    def get(*args: Any) -> str | None:
        key = key_of("get", arg(args, 0))
        return guarded("get", lambda: store.storage_get(namespace, key))

    def set_(*args: Any) -> Any:
        key = key_of("set", arg(args, 0))
        raw = arg(args, 1)
        if isinstance(raw, (dict, list)):
            raise HostError(
                "TypeError",
                f"storage.set: cannot store {type_name(raw)}; only strings, numbers and booleans can be "
                "stored: store JSON.stringify(value) and JSON.parse it when you read it back",
            )
        value = primitive_to_string(raw)
        if value is None:
            raise HostError(
                "TypeError",
                f"storage.set: cannot store {type_name(raw)}; only strings, numbers and booleans can be "
                "stored (use storage.remove(key) to delete a key)",
            )
        if len(value) > limits.storage_value_bytes:
            raise HostError(
                "RangeError",
                f"storage.set: the value is {_size(value)}, over the limit of "
                f"{limits.storage_value_bytes // 2**20} MB per value",
            )

        def write() -> None:
            old = store.storage_get(namespace, key)
            _, total = store.storage_size(namespace)
            grown = total + len(key) + len(value) - (0 if old is None else len(key) + len(old))
            if grown > limits.storage_total_bytes:
                raise HostError(
                    "RangeError",
                    f"storage.set: the storage of this integration would exceed its limit of "
                    f"{limits.storage_total_bytes // 2**20} MB",
                )
            store.storage_set(namespace, key, value)

        guarded("set", write)
        return UNDEFINED

    def remove(*args: Any) -> Any:
        key = key_of("remove", arg(args, 0))
        guarded("remove", lambda: store.storage_remove(namespace, key))
        return UNDEFINED

    def clear(*args: Any) -> Any:
        guarded("clear", lambda: store.storage_clear(namespace))
        return UNDEFINED

    return {
        "get": HostFn(get, "get", 1),
        "set": HostFn(set_, "set", 2),
        "remove": HostFn(remove, "remove", 1),
        "clear": HostFn(clear, "clear", 0),
    }
