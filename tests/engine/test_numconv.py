"""Tests of jsengine.numconv: table tests of tricky cases, and differential tests against node."""

from __future__ import annotations

import json
import math
import os
import shutil
import struct
import subprocess
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jsengine.numconv import (
    WHITESPACE,
    js_trim,
    number_to_string,
    parse_float,
    parse_int,
    string_to_number,
    to_exponential,
    to_fixed,
    to_precision,
)

NAN = math.nan
INF = math.inf


def same_value(a: float, b: float) -> bool:
    """SameValue on Numbers: NaN equals NaN, -0 differs from +0."""
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return a == b and math.copysign(1.0, a) == math.copysign(1.0, b)


def check_number_model(v: float) -> None:
    """A result obeys the value model: ints are integral, within 2**53; -0 and NaN are floats."""
    assert type(v) in (int, float)
    if type(v) is int:
        assert -(2**53) <= v <= 2**53
    elif v.is_integer() and abs(v) <= 2**53:
        assert v == 0 and math.copysign(1.0, v) < 0, f"{v!r} should be an int"


# --- table tests -----------------------------------------------------------------------------

TO_STRING_10 = [
    (0, "0"),
    (-0.0, "0"),
    (0.0, "0"),
    (NAN, "NaN"),
    (INF, "Infinity"),
    (-INF, "-Infinity"),
    (1, "1"),
    (-1, "-1"),
    (1.0, "1"),
    (2**53, "9007199254740992"),
    (2.0**53 + 2, "9007199254740994"),
    (123.456, "123.456"),
    (-123.456, "-123.456"),
    (0.1, "0.1"),
    (0.1 + 0.2, "0.30000000000000004"),
    (1e21, "1e+21"),
    (-1e21, "-1e+21"),
    (1e20, "100000000000000000000"),
    (123456789012345680000.0, "123456789012345680000"),
    (1.5e21, "1.5e+21"),
    (1e-6, "0.000001"),
    (1.5e-6, "0.0000015"),
    (1e-7, "1e-7"),
    (1.5e-7, "1.5e-7"),
    (-1.5e-7, "-1.5e-7"),
    (5e-324, "5e-324"),
    (-5e-324, "-5e-324"),
    (1.7976931348623157e308, "1.7976931348623157e+308"),
    (2.2250738585072014e-308, "2.2250738585072014e-308"),
    (1e16, "10000000000000000"),
    (12345.6789e10, "123456789000000"),
    (0.000123, "0.000123"),
    (100.5, "100.5"),
    (4.35, "4.35"),
    (9007199254740993.0, "9007199254740992"),
]


@pytest.mark.parametrize(("x", "expected"), TO_STRING_10)
def test_number_to_string_radix10(x: float, expected: str) -> None:
    assert number_to_string(x) == expected
    assert number_to_string(x, 10) == expected


TO_STRING_RADIX = [
    (0.5, 2, "0.1"),
    (255, 16, "ff"),
    (-255, 16, "-ff"),
    (255.0, 2, "11111111"),
    (-255.5, 16, "-ff.8"),
    (math.pi, 36, "3.53i5ab8p5f"),
    (math.pi, 2, "11.001001000011111101101010100010001000010110100011"),
    (1e21, 36, "5v1j4f4ds7c000"),
    (0.1, 3, "0.0022002200220022002200220022002201"),
    (0.1, 2, "0.0001100110011001100110011001100110011001100110011001101"),
    (35, 36, "z"),
    (36, 36, "10"),
    (-0.0, 2, "0"),
    (NAN, 2, "NaN"),
    (INF, 16, "Infinity"),
    (-INF, 36, "-Infinity"),
    (2**53, 2, "1" + "0" * 53),
    (2.0**60, 2, "1" + "0" * 60),
    (1e300, 36, "fhgyjdfcg7s" + "0" * 182),
    (0.999999999999, 7, "0.6666666666666621525"),
    (1 - 2**-53, 2, "0." + "1" * 53),
    (123.456, 8, "173.3513615237574734"),
    (-1.1, 3, "-1.002200220022002200220022002200221"),
    # an exact .5 remainder at the last digit: round half to even, carrying into the integer part
    (2**52 + 0.5, 3, "210212120220220211102011121012021"),
    (2**52 + 0.5, 7, "2523420223060136362"),
    (2**52 + 0.5, 5, "14210243434014101323441"),
    (-(2**51 + 0.25), 3, "-101221021221221220201002022002122"),
    (1.5, 7, "1.3333333333333333334"),
    (1.5, 35, "1.hhhhhhhhhhi"),
]


@pytest.mark.parametrize(("x", "radix", "expected"), TO_STRING_RADIX)
def test_number_to_string_radix(x: float, radix: int, expected: str) -> None:
    assert number_to_string(x, radix) == expected


def test_number_to_string_denormal_radix2() -> None:
    s = number_to_string(2**-1074, 2)
    assert s == "0." + "0" * 1073 + "1"
    assert number_to_string(-(2**-1074), 2) == "-" + s


TO_FIXED = [
    (1.005, 2, "1.00"),
    (1.45, 1, "1.4"),
    (1.55, 1, "1.6"),
    (0.5, 0, "1"),
    (1.5, 0, "2"),
    (2.5, 0, "3"),
    (-1.5, 0, "-2"),
    (-2.5, 0, "-3"),
    (0.125, 2, "0.13"),
    (0, 2, "0.00"),
    (-0.0, 2, "0.00"),
    (-0.0001, 2, "-0.00"),
    (0.0001, 0, "0"),
    (123.456, 0, "123"),
    (123.456, 10, "123.4560000000"),
    (1e-10, 5, "0.00000"),
    (0.000001, 7, "0.0000010"),
    (1e21, 2, "1e+21"),
    (-1e21, 2, "-1e+21"),
    (1e20, 2, "100000000000000000000.00"),
    (999999999999999900000.0, 0, "999999999999999868928"),
    (0.1, 20, "0.10000000000000000555"),
    (0.1, 100, "0." + "1000000000000000055511151231257827021181583404541015625".ljust(100, "0")),
    (5e-324, 100, "0." + "0" * 100),
    (NAN, 2, "NaN"),
    (INF, 2, "Infinity"),
    (-INF, 0, "-Infinity"),
    (42, 3, "42.000"),
    (-42, 0, "-42"),
    (8.345, 2, "8.35"),
    (8.335, 2, "8.34"),
]


@pytest.mark.parametrize(("x", "digits", "expected"), TO_FIXED)
def test_to_fixed(x: float, digits: int, expected: str) -> None:
    assert to_fixed(x, digits) == expected


TO_EXPONENTIAL = [
    (123.456, 2, "1.23e+2"),
    (123.456, 0, "1e+2"),
    (123.456, None, "1.23456e+2"),
    (0, None, "0e+0"),
    (0, 3, "0.000e+0"),
    (-0.0, None, "0e+0"),
    (-0.0, 2, "0.00e+0"),
    (1.25, 1, "1.3e+0"),
    (1.35, 1, "1.4e+0"),
    (-1.25, 1, "-1.3e+0"),
    (0.00015, 1, "1.5e-4"),
    (9.5, 0, "1e+1"),
    (99.99, 1, "1.0e+2"),
    (1, None, "1e+0"),
    (1e21, None, "1e+21"),
    (5e-324, None, "5e-324"),
    (5e-324, 3, "4.941e-324"),
    (1.7976931348623157e308, 20, "1.79769313486231570815e+308"),
    (0.1, 30, "1.000000000000000055511151231258e-1"),
    (-1e-7, None, "-1e-7"),
    (NAN, 2, "NaN"),
    (INF, None, "Infinity"),
    (-INF, 3, "-Infinity"),
    (12345, 2, "1.23e+4"),
]


@pytest.mark.parametrize(("x", "digits", "expected"), TO_EXPONENTIAL)
def test_to_exponential(x: float, digits: int | None, expected: str) -> None:
    assert to_exponential(x, digits) == expected


TO_PRECISION = [
    (0, 1, "0"),
    (0, 3, "0.00"),
    (-0.0, 2, "0.0"),
    (1e21, 3, "1.00e+21"),
    (1e21, 22, "1000000000000000000000"),
    (123.456, 1, "1e+2"),
    (123.456, 2, "1.2e+2"),
    (123.456, 3, "123"),
    (123.456, 4, "123.5"),
    (123.456, 10, "123.4560000"),
    (0.000001, 2, "0.0000010"),
    (0.0000001, 2, "1.0e-7"),
    (0.00000123, 1, "0.000001"),
    (1.25, 2, "1.3"),
    (1.45, 2, "1.4"),
    (-1.5, 1, "-2"),
    (99.99, 3, "100"),
    (99.99, 2, "1.0e+2"),
    (9.5, 1, "1e+1"),
    (0.1, 25, "0.1000000000000000055511151"),
    (5e-324, 2, "4.9e-324"),
    (NAN, 3, "NaN"),
    (INF, 1, "Infinity"),
    (-INF, 1, "-Infinity"),
    (42, 2, "42"),
    (42, 1, "4e+1"),
]


@pytest.mark.parametrize(("x", "p", "expected"), TO_PRECISION)
def test_to_precision(x: float, p: int, expected: str) -> None:
    assert to_precision(x, p) == expected


STRING_TO_NUMBER = [
    ("", 0),
    ("   ", 0),
    ("\t\n\r\x0b\x0c\xa0\ufeff\u2028\u2029\u1680\u3000", 0),
    ("42", 42),
    ("  42  ", 42),
    ("\xa0\u2003 42 \ufeff\u2029", 42),
    ("+42", 42),
    ("-42", -42),
    ("-0", -0.0),
    ("+0", 0),
    ("0.0", 0),
    ("012", 12),
    (".5", 0.5),
    ("5.", 5),
    ("-.5e1", -5),
    ("+5.e-1", 0.5),
    ("1e3", 1000),
    ("1E+3", 1000),
    ("1e-7", 1e-7),
    ("1e400", INF),
    ("-1e400", -INF),
    ("1e-400", 0),
    ("-1e-400", -0.0),
    ("Infinity", INF),
    ("+Infinity", INF),
    ("-Infinity", -INF),
    ("  Infinity\n", INF),
    ("infinity", NAN),
    ("INFINITY", NAN),
    ("Infinityx", NAN),
    ("0x10", 16),
    ("0XfF", 255),
    ("0o17", 15),
    ("0O17", 15),
    ("0b101", 5),
    ("0B101", 5),
    ("-0x10", NAN),
    ("+0x10", NAN),
    ("0x", NAN),
    ("0b2", NAN),
    ("0o8", NAN),
    ("00x1", NAN),
    ("0x1g", NAN),
    ("0x1.5", NAN),
    ("1_000", NAN),
    ("0x1_0", NAN),
    (".", NAN),
    ("+", NAN),
    ("-", NAN),
    ("e5", NAN),
    ("1e", NAN),
    ("1e+", NAN),
    ("1.2.3", NAN),
    ("1 2", NAN),
    ("\u180e1", NAN),
    ("\u0661", NAN),
    ("\uff11", NAN),
    ("1n", NAN),
    ("abc", NAN),
    ("9007199254740992", 2**53),
    ("9007199254740993", 2**53),
    ("9007199254740994", 9007199254740994.0),
    ("0x20000000000001", 2**53),
    ("0x20000000000003", 9007199254740996.0),
    ("0x1000000000000180", 2.0**60 + 512),
    ("0x1" + "0" * 256, INF),
    ("0x" + "0" * 1000 + "1", 1),
    ("1" + "0" * 400 + "e-400", 1),
    ("0." + "0" * 500 + "1e501", 1),
    ("123456789012345678901234567890", 1.2345678901234568e29),
    ("2.2250738585072011e-308", 2.225073858507201e-308),
]


@pytest.mark.parametrize(("s", "expected"), STRING_TO_NUMBER)
def test_string_to_number(s: str, expected: float) -> None:
    got = string_to_number(s)
    check_number_model(got)
    assert same_value(got, expected), (s, got)


PARSE_INT = [
    ("42", 0, 42),
    ("  42px", 0, 42),
    ("\u2028\ufeff-42", 0, -42),
    ("+42", 0, 42),
    ("-0", 0, -0.0),
    ("-0x0", 0, -0.0),
    ("0x1f", 0, 31),
    ("0X1F", 16, 31),
    ("0x1f", 15, 0),
    ("-0x1f", 0, -31),
    ("0x", 0, NAN),
    ("0x", 16, NAN),
    ("0b11", 0, 0),
    ("0b11", 2, 0),
    ("0o17", 8, 0),
    ("11", 2, 3),
    ("12", 2, 1),
    ("z", 36, 35),
    ("Z", 36, 35),
    ("10", 37, NAN),
    ("10", 1, NAN),
    ("10", -1, NAN),
    ("", 0, NAN),
    ("-", 0, NAN),
    ("+-1", 0, NAN),
    ("- 1", 0, NAN),
    ("1e3", 0, 1),
    ("3.9", 0, 3),
    (".9", 0, NAN),
    ("Infinity", 0, NAN),
    ("\u0661", 0, NAN),
    ("1_000", 0, 1),
    ("9007199254740993", 10, 2**53),
    ("9007199254740995", 10, 9007199254740996.0),
    ("1" * 400, 10, INF),
    ("1" * 308, 10, 1.1111111111111111e307),
    ("-" + "9" * 400, 10, -INF),
    ("0" * 5000 + "7", 10, 7),
    ("1" * 5000, 3, INF),
    ("1" * 100, 3, 2.576887603660057e47),
    ("z" * 20, 36, 1.3367494538843734e31),
    ("1000000000000080", 16, 2.0**60),  # tie: round to even, down
    ("1000000000000081", 16, 2.0**60 + 256),
    ("1000000000000180", 16, 2.0**60 + 512),  # tie: round to even, up
    ("10000000000000800", 16, 2.0**64),
    ("10000000000000801", 16, 2.0**64 + 4096),
    ("20000000000001", 16, 2**53),
    ("20000000000003", 16, 9007199254740996.0),
    ("f" * 300, 16, INF),
    ("1" * 1025, 2, INF),
    ("1" * 1024, 2, INF),
    ("1" * 1023, 2, 8.98846567431158e307),
    ("vvvvvvvvvvvvvvvvvvvvvvvvvvvvv", 32, 4.4601490397061246e43),
]


@pytest.mark.parametrize(("s", "radix", "expected"), PARSE_INT)
def test_parse_int(s: str, radix: int, expected: float) -> None:
    got = parse_int(s, radix)
    check_number_model(got)
    assert same_value(got, expected), (s, radix, got)


PARSE_FLOAT = [
    ("3.14", 3.14),
    ("  3.14abc", 3.14),
    ("\ufeff\u3000-.5e-1", -0.05),
    (".5e-1", 0.05),
    ("-0", -0.0),
    ("-0.0e5", -0.0),
    ("0", 0),
    ("5.", 5),
    ("5.e", 5),
    ("5e", 5),
    ("5e+", 5),
    ("5e+1x", 50),
    ("1e1000", INF),
    ("-1e1000", -INF),
    ("Infinity", INF),
    ("Infinityx", INF),
    ("-Infinity", -INF),
    ("+Infinity1", INF),
    ("infinity", NAN),
    ("0x10", 0),
    ("1_5", 1),
    ("", NAN),
    (".", NAN),
    ("-.", NAN),
    ("e5", NAN),
    ("abc", NAN),
    ("\u180e1", NAN),
    ("1.2.3", 1.2),
    ("9007199254740993", 2**53),
    ("1" * 400, INF),
]


@pytest.mark.parametrize(("s", "expected"), PARSE_FLOAT)
def test_parse_float(s: str, expected: float) -> None:
    got = parse_float(s)
    check_number_model(got)
    assert same_value(got, expected), (s, got)


def test_whitespace_constant() -> None:
    import unicodedata

    zs = {chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Zs"}
    expected = zs | set("\t\x0b\x0c \xa0\ufeff\n\r\u2028\u2029")
    assert set(WHITESPACE) == expected
    assert len(WHITESPACE) == len(expected)
    assert "\u180e" not in WHITESPACE
    assert "\u200b" not in WHITESPACE


def test_js_trim() -> None:
    s = "\ufeff\u2029 \tab c\xa0\u3000\n"
    assert js_trim(s) == "ab c"
    assert js_trim(s, end=False) == "ab c\xa0\u3000\n"
    assert js_trim(s, start=False) == "\ufeff\u2029 \tab c"
    assert js_trim(s, start=False, end=False) == s
    assert js_trim("\u180eab\u200b") == "\u180eab\u200b"
    assert js_trim("") == ""


# --- differential tests against node ---------------------------------------------------------

NODE_PROGRAM = r"""
const readline = require('readline');
const dv = new DataView(new ArrayBuffer(8));
const num = (h) => { dv.setBigUint64(0, BigInt('0x' + h)); return dv.getFloat64(0); };
const bits = (x) => { dv.setFloat64(0, x); return dv.getBigUint64(0).toString(16).padStart(16, '0'); };
const ops = {
  str: (h, r) => num(h).toString(r),
  fixed: (h, d) => num(h).toFixed(d),
  exp: (h, d) => num(h).toExponential(d === null ? undefined : d),
  prec: (h, p) => num(h).toPrecision(p),
  num: (s) => bits(Number(s)),
  int: (s, r) => bits(parseInt(s, r)),
  float: (s) => bits(parseFloat(s)),
  trim: (s) => s.trim(),
};
readline.createInterface({ input: process.stdin }).on('line', (line) => {
  const out = JSON.parse(line).map(([op, ...args]) => {
    try { return ops[op](...args); } catch (e) { return 'error: ' + e.message; }
  });
  process.stdout.write(JSON.stringify(out) + '\n');
});
"""


class Node:
    """One node process answering batches of conversion requests, one JSON line each."""

    def __init__(self) -> None:
        node = shutil.which("node")
        if node is None:
            pytest.skip("node is not installed")
        self.proc = subprocess.Popen(
            [node, "-e", NODE_PROGRAM],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )

    def run(self, cases: list[list[Any]]) -> list[Any]:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(json.dumps(cases) + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        assert line, "node exited"
        return json.loads(line)

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=10)


@pytest.fixture(scope="module")
def node() -> Iterator[Node]:
    n = Node()
    yield n
    n.close()


def to_bits(x: float) -> str:
    return struct.pack(">d", x).hex()


def from_bits(h: str) -> float:
    return struct.unpack(">d", bytes.fromhex(h))[0]


def double_from_bits(b: int) -> float:
    return struct.unpack(">d", b.to_bytes(8, "big"))[0]


# Doubles of every shape: any bit pattern, small decimals, exact binary ties, integers.
doubles = st.one_of(
    st.floats(),
    st.integers(0, 2**64 - 1).map(double_from_bits),
    st.builds(lambda n, k: n / 10**k, st.integers(-(10**9), 10**9), st.integers(0, 12)),
    st.builds(lambda n, k: n / 2**k, st.integers(-(10**6), 10**6), st.integers(0, 30)),
    st.integers(-(2**53), 2**53),
    st.integers(-(2**53), 2**53).map(float),
    st.sampled_from([0.0, -0.0, 5e-324, 1e21, 1e-7, 1.7976931348623157e308, 0.5, 2.5]),
)
# Numbers below 1e21 mostly, where toFixed does its own work.
fixed_doubles = st.one_of(
    doubles,
    st.floats(min_value=-1e22, max_value=1e22),
    st.floats(min_value=-1e-3, max_value=1e-3),
)
# Batches per differential test; raise it for a longer soak, e.g. NUMCONV_EXAMPLES=2000.
DIFF_SETTINGS = settings(
    max_examples=int(os.environ.get("NUMCONV_EXAMPLES", "25")),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def batch(elements: st.SearchStrategy[Any]) -> st.SearchStrategy[list[Any]]:
    return st.lists(elements, min_size=1, max_size=150)


def assert_same_strings(expected: list[str], got: list[str], cases: list[Any]) -> None:
    wrong = [(c, e, g) for c, e, g in zip(cases, expected, got, strict=True) if e != g]
    assert not wrong, wrong[:5]


@DIFF_SETTINGS
@given(batch(st.tuples(doubles, st.integers(2, 36))))
def test_number_to_string_matches_node(node: Node, cases: list[tuple[float, int]]) -> None:
    expected = node.run([["str", to_bits(float(x)), r] for x, r in cases])
    got = [number_to_string(x, r) for x, r in cases]
    assert_same_strings(expected, got, cases)


@DIFF_SETTINGS
@given(batch(st.tuples(doubles, st.just(10))))
def test_number_to_string_radix10_matches_node(node: Node, cases: list[tuple[float, int]]) -> None:
    expected = node.run([["str", to_bits(float(x)), r] for x, r in cases])
    got = [number_to_string(x) for x, _ in cases]
    assert_same_strings(expected, got, cases)


@DIFF_SETTINGS
@given(batch(st.tuples(fixed_doubles, st.one_of(st.integers(0, 20), st.integers(0, 100)))))
def test_to_fixed_matches_node(node: Node, cases: list[tuple[float, int]]) -> None:
    expected = node.run([["fixed", to_bits(float(x)), d] for x, d in cases])
    got = [to_fixed(x, d) for x, d in cases]
    assert_same_strings(expected, got, cases)


@DIFF_SETTINGS
@given(batch(st.tuples(doubles, st.one_of(st.none(), st.integers(0, 20), st.integers(0, 100)))))
def test_to_exponential_matches_node(node: Node, cases: list[tuple[float, int | None]]) -> None:
    expected = node.run([["exp", to_bits(float(x)), d] for x, d in cases])
    got = [to_exponential(x, d) for x, d in cases]
    assert_same_strings(expected, got, cases)


@DIFF_SETTINGS
@given(batch(st.tuples(doubles, st.one_of(st.integers(1, 21), st.integers(1, 100)))))
def test_to_precision_matches_node(node: Node, cases: list[tuple[float, int]]) -> None:
    expected = node.run([["prec", to_bits(float(x)), p] for x, p in cases])
    got = [to_precision(x, p) for x, p in cases]
    assert_same_strings(expected, got, cases)


# Strings built from the pieces that matter to numeric parsing.
numeric_strings = st.lists(
    st.sampled_from(
        list("0123456789") * 4
        + list("+-.eExXoObBaAfFzZ_n")
        + ["Infinity", "0x", "0b", "0o", "1e", "e-", " ", "\t", "\n", "\xa0", "\ufeff", "\u2028"]
        + ["\u3000", "\u180e", "\u200b", "\u0661", "\ud800", "9" * 30, "0" * 20]
    ),
    max_size=12,
).map("".join)


def assert_same_numbers(expected_bits: list[str], got: list[int | float], cases: list[Any]) -> None:
    for v in got:
        check_number_model(v)
    wrong = [
        (c, from_bits(e), g)
        for c, e, g in zip(cases, expected_bits, got, strict=True)
        if not same_value(from_bits(e), g)
    ]
    assert not wrong, wrong[:5]


@DIFF_SETTINGS
@given(batch(numeric_strings))
def test_string_to_number_matches_node(node: Node, cases: list[str]) -> None:
    expected = node.run([["num", s] for s in cases])
    assert_same_numbers(expected, [string_to_number(s) for s in cases], cases)


@DIFF_SETTINGS
@given(batch(numeric_strings))
def test_parse_float_matches_node(node: Node, cases: list[str]) -> None:
    expected = node.run([["float", s] for s in cases])
    assert_same_numbers(expected, [parse_float(s) for s in cases], cases)


@DIFF_SETTINGS
@given(batch(st.tuples(numeric_strings, st.sampled_from([0, 0, 10, 16, 2, 8, 32, 36, 3, 7, 1, 37, -5]))))
def test_parse_int_matches_node(node: Node, cases: list[tuple[str, int]]) -> None:
    expected = node.run([["int", s, r] for s, r in cases])
    assert_same_numbers(expected, [parse_int(s, r) for s, r in cases], cases)


@DIFF_SETTINGS
@given(batch(st.tuples(st.sampled_from("0123456789abcdefghijklmnopqrstuvwxyz"), st.integers(1, 400))))
def test_parse_int_long_digit_strings_match_node(node: Node, pieces: list[tuple[str, int]]) -> None:
    cases = []
    for i, (ch, count) in enumerate(pieces):
        radix = max(2, min(36, int(ch, 36) + 1 + i % 3))
        cases.append(("0" * (i % 4) + "1" + ch * count, radix))
    expected = node.run([["int", s, r] for s, r in cases])
    assert_same_numbers(expected, [parse_int(s, r) for s, r in cases], cases)


def test_whitespace_matches_node(node: Node) -> None:
    chars = [chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000]
    expected = node.run([["trim", "a" + ch + "a" + ch] for ch in chars])
    js_ws = {ch for ch, e in zip(chars, expected, strict=True) if e == "a" + ch + "a"}
    assert js_ws == set(WHITESPACE)
