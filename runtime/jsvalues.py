"""JS conversions the bindings need on values received from scripts (ToString of primitives)."""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

from runtime.sandbox import is_undefined


def number_to_string(x: float) -> str:
    """Number::toString(10): shortest round-trip digits with JS's exponent rules."""
    if isinstance(x, int):
        return str(x)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    if x == 0:
        return "0"
    sign = "-" if x < 0 else ""
    _, digits_t, exp = Decimal(repr(abs(x))).as_tuple()
    digits = "".join(map(str, digits_t))
    stripped = digits.rstrip("0")
    exp = int(exp) + (len(digits) - len(stripped))
    digits = stripped
    k = len(digits)
    n = exp + k
    if k <= n <= 21:
        body = digits + "0" * (n - k)
    elif 0 < n <= 21:
        body = digits[:n] + "." + digits[n:]
    elif -6 < n <= 0:
        body = "0." + "0" * (-n) + digits
    else:
        e = n - 1
        mantissa = digits if k == 1 else digits[0] + "." + digits[1:]
        body = f"{mantissa}e{'+' if e >= 0 else '-'}{abs(e)}"
    return sign + body


def primitive_to_string(value: Any) -> str | None:
    """ToString for string, number and boolean values; None for anything else."""
    if isinstance(value, str):
        return value
    if type(value) is bool:
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return number_to_string(value)
    return None


def type_name(value: Any) -> str:
    """A JS-ish name for a received value's type, for error messages."""
    if value is None:
        return "null"
    if is_undefined(value):
        return "undefined"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    if type(value) is bool:
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return "a value of another type"


def arg(args: tuple[Any, ...], index: int) -> Any:
    """The index-th argument, or undefined when the script passed fewer."""
    from runtime.sandbox import UNDEFINED

    return args[index] if index < len(args) else UNDEFINED
