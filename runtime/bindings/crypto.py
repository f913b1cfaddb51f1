"""`crypto.createHmac(alg, key)` (and `createHash`, `randomUUID`), as Node's crypto offers them.

Strings are hashed as UTF-8, except the byte strings this run's `digest('')` produced (one char per
byte), which are hashed as those bytes so they work as the next key of an HMAC chain (AWS SigV4).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import uuid
from collections.abc import Callable
from typing import Any

from runtime.jsvalues import arg, type_name
from runtime.sandbox import HostError, HostFn, is_undefined

ALGORITHMS: dict[str, Callable[..., Any]] = {
    "sha256": hashlib.sha256,
    "sha1": hashlib.sha1,
    "md5": hashlib.md5,
    "sha384": hashlib.sha384,
    "sha512": hashlib.sha512,
}
_BINARY_FORMATS = ("", "binary", "latin1")


def _utf8(text: str) -> bytes:
    # lone surrogates become U+FFFD, as TextEncoder does
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace").encode("utf-8")


class Crypto:
    """The crypto object of one run; remembers the byte strings its digests produced."""

    def __init__(self) -> None:
        self.byte_strings: set[str] = set()

    def to_bytes(self, what: str, data: Any, encoding: Any = None) -> bytes:
        """The bytes a script means by `data` (a string), in `encoding` (default utf8)."""
        if not isinstance(data, str):
            raise HostError("TypeError", f"crypto: the {what} must be a string, got {type_name(data)}")
        enc = "" if encoding is None or is_undefined(encoding) else str(encoding).lower()
        if enc in ("", "utf8", "utf-8"):
            if data in self.byte_strings:
                return data.encode("latin-1")
            return _utf8(data)
        if enc in ("latin1", "binary"):
            return bytes(ord(c) & 0xFF for c in data)
        if enc == "hex":
            try:
                return bytes.fromhex(data)
            except ValueError:
                raise HostError("TypeError", f"crypto: the {what} is not valid hex") from None
        if enc in ("base64", "base64url"):
            padded = data + "=" * (-len(data) % 4)
            try:
                return base64.urlsafe_b64decode(padded.replace("+", "-").replace("/", "_"))
            except ValueError:
                raise HostError("TypeError", f"crypto: the {what} is not valid base64") from None
        raise HostError("TypeError", f"crypto: unknown input encoding {enc!r} (use utf8, latin1, hex or base64)")

    def _algorithm(self, fn: str, alg: Any) -> Callable[..., Any]:
        name = alg.lower().replace("-", "") if isinstance(alg, str) else None
        if name not in ALGORITHMS:
            raise HostError(
                "Error", f"crypto.{fn}: unsupported algorithm {alg!r} (use sha256, sha1 or md5)"
            )
        return ALGORITHMS[name]

    def _hasher(self, fn: str, state: Any) -> dict[str, HostFn]:
        finished = False

        def update(*args: Any) -> dict[str, HostFn]:
            if finished:
                raise HostError("Error", f"crypto.{fn}: update() after digest()")
            state.update(self.to_bytes("data", arg(args, 0), arg(args, 1)))
            return obj

        def digest(*args: Any) -> str:
            nonlocal finished
            if finished:
                raise HostError("Error", f"crypto.{fn}: digest() already called")
            fmt = arg(args, 0)
            fmt = "" if fmt is None or is_undefined(fmt) else fmt
            if not isinstance(fmt, str):
                raise HostError("TypeError", f"crypto: the digest format must be a string, got {type_name(fmt)}")
            raw = state.digest()
            finished = True
            if fmt == "hex":
                return raw.hex()
            if fmt == "base64":
                return base64.b64encode(raw).decode("ascii")
            if fmt == "base64url":
                return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")
            if fmt in _BINARY_FORMATS:
                text = raw.decode("latin-1")
                self.byte_strings.add(text)
                return text
            finished = False
            raise HostError("Error", f"crypto: unknown digest format {fmt!r} (use 'hex', 'base64' or '')")

        obj = {"update": HostFn(update, "update", 1), "digest": HostFn(digest, "digest", 1)}
        return obj

    def create_hmac(self, *args: Any) -> dict[str, HostFn]:
        """crypto.createHmac(alg, key)."""
        algorithm = self._algorithm("createHmac", arg(args, 0))
        key = self.to_bytes("key", arg(args, 1))
        return self._hasher("createHmac", hmac.new(key, digestmod=algorithm))

    def create_hash(self, *args: Any) -> dict[str, HostFn]:
        """crypto.createHash(alg)."""
        return self._hasher("createHash", self._algorithm("createHash", arg(args, 0))())

    def binding(self) -> dict[str, HostFn]:
        """The `crypto` global."""
        return {
            "createHmac": HostFn(self.create_hmac, "createHmac", 2),
            "createHash": HostFn(self.create_hash, "createHash", 1),
            "randomUUID": HostFn(lambda *a: str(uuid.uuid4()), "randomUUID", 0),
        }


def make_crypto() -> dict[str, HostFn]:
    """A fresh `crypto` global for one run."""
    return Crypto().binding()
