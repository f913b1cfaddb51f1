"""`btoa` and `atob`: base64 of byte strings (one char per byte), as in browsers and Node."""

from __future__ import annotations

import base64
import binascii
import re
from typing import Any

from runtime.jsvalues import arg, primitive_to_string
from runtime.sandbox import HostError, HostFn

_SPACE = re.compile(r"[\t\n\f\r ]")


def btoa(*args: Any) -> str:
    """Base64 of a string whose characters are all below U+0100."""
    text = primitive_to_string(arg(args, 0))
    if text is None:
        text = "undefined" if not args else "null" if args[0] is None else ""
    if any(ord(c) > 0xFF for c in text):
        raise HostError("Error", "btoa: the string contains characters outside of the Latin1 range "
                                 "(encode it first, e.g. with unescape(encodeURIComponent(s)))")
    return base64.b64encode(text.encode("latin-1")).decode("ascii")


def atob(*args: Any) -> str:
    """The byte string (one char per byte) that a base64 text encodes."""
    text = primitive_to_string(arg(args, 0))
    if text is None:
        raise HostError("TypeError", "atob: the argument must be a string")
    data = _SPACE.sub("", text)
    if len(data) % 4 == 1 or not re.fullmatch(r"[A-Za-z0-9+/]*={0,2}", data):
        raise HostError("Error", "atob: the string to be decoded is not correctly encoded")
    try:
        return base64.b64decode(data + "=" * (-len(data) % 4)).decode("latin-1")
    except (binascii.Error, ValueError):
        raise HostError("Error", "atob: the string to be decoded is not correctly encoded") from None


def make_encoding() -> dict[str, HostFn]:
    """The `btoa` and `atob` globals."""
    return {"btoa": HostFn(btoa, "btoa", 1), "atob": HostFn(atob, "atob", 1)}
