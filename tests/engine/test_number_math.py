"""Number, Boolean and Math, run as JS through jsengine; number formatting and Math compared with Node.

The differential tests are skipped when ``node`` is not installed.
"""

from __future__ import annotations

import json
import math
import random
import shutil
import struct
import subprocess

import pytest

import jsengine
from jsengine import Budget, JSError

NODE = shutil.which("node")
needs_node = pytest.mark.skipif(NODE is None, reason="node is not installed")
UNDEFINED = jsengine.UNDEFINED


def js(src: str):
    return jsengine.run(src)


def js_error(src: str) -> str:
    """Run ``src`` expecting an uncaught error; return "Name: message"."""
    with pytest.raises(JSError) as info:
        jsengine.run(src)
    return f"{info.value.name}: {info.value.message}"


# -- differential harness (cases: [receiver path, method name, this, args], values encoded for JSON) ----

PROBE = r"""
const dec = (v) => {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(dec);
  if ('u' in v) return undefined;
  if ('n' in v) return v.n === '-0' ? -0 : Number(v.n);
  if ('o' in v) { const o = {}; for (const k of Object.keys(v.o)) o[k] = dec(v.o[k]); return o; }
  throw new TypeError('bad case');
};
const enc = (v) => {
  if (v === undefined) return {u: 1};
  if (typeof v === 'number') {
    if (v !== v) return {n: 'NaN'};
    if (v === Infinity || v === -Infinity) return {n: String(v)};
    if (v === 0 && 1 / v < 0) return {n: '-0'};
    return {n: String(v)};
  }
  if (typeof v === 'object' && v !== null) return {t: typeof v};
  return v;
};
const results = [];
for (const [path, name, thisv, args] of CASES) {
  const holder = path.split('.').reduce((o, k) => o[k], globalThis);
  try { results.push(enc(holder[name].apply(dec(thisv), args.map(dec)))); }
  catch (e) { results.push({e: e.name, m: e.message}); }
}
JSON.stringify(results);
"""


def run_node(src: str) -> str:
    """The completion value of the script ``src`` in Node, as a string."""
    wrapper = "process.stdout.write(String(require('vm').runInThisContext(require('fs').readFileSync(0, 'utf8'))))"
    return subprocess.run([NODE, "-e", wrapper], input=src, capture_output=True, text=True, check=True,
                          encoding="utf-8").stdout


def _close(a, b, ulps: int) -> bool:
    """Equal results, or Numbers within ``ulps`` units in the last place (same sign, both finite)."""
    if a == b:
        return True
    if not (isinstance(a, dict) and isinstance(b, dict) and "n" in a and "n" in b) or ulps == 0:
        return False
    x, y = float(a["n"]), float(b["n"])
    if not (math.isfinite(x) and math.isfinite(y)) or (x < 0) != (y < 0):
        return False
    return abs(x - y) <= ulps * math.ulp(max(abs(x), abs(y)))


def differential(cases: list, ulps: int = 0) -> None:
    """Run every case in jsengine and in Node; results must match (Numbers within ``ulps``)."""
    src = "const CASES = " + json.dumps(cases) + ";\n" + PROBE
    ours = json.loads(jsengine.run(src, budget=Budget(steps=None, timeout=300)))
    theirs = json.loads(run_node(src))
    assert len(ours) == len(theirs) == len(cases)
    bad = [(c, o, t) for c, o, t in zip(cases, ours, theirs) if not _close(o, t, ulps)]
    assert not bad, f"{len(bad)} of {len(cases)} differ; first: case {bad[0][0]!r}: ours {bad[0][1]!r}, " \
                    f"node {bad[0][2]!r}"


U = {"u": 1}
NAN = {"n": "NaN"}
INF = {"n": "Infinity"}
NINF = {"n": "-Infinity"}
NZERO = {"n": "-0"}


def random_doubles(rnd: random.Random, n: int) -> list[float]:
    """Random bit patterns (all magnitudes) and random decimals with few digits; no NaN."""
    out = []
    while len(out) < n:
        x = struct.unpack("d", struct.pack("Q", rnd.getrandbits(64)))[0]
        if not math.isnan(x):
            out.append(x)
        out.append(round(rnd.uniform(-1e6, 1e6), rnd.randint(0, 8)))
        out.append(rnd.uniform(-2, 2))
    return out


# -- Number ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("src, expected", [
    ("Number()", 0),
    ("Number('  12  ')", 12),
    ("Number('0x1F')", 31),
    ("Number('0b101') + Number('0o17')", 5 + 15),
    ("Number('')", 0),
    ("Number(null)", 0),
    ("Number(true)", 1),
    ("isNaN(Number(undefined))", True),
    ("isNaN(Number('1_000'))", True),
    ("Number('-Infinity')", -math.inf),
    ("Number(12n)", 12),
    ("Number(2n ** 64n)", 18446744073709551616),
    ("Number(10n ** 400n)", math.inf),
    ("Object.is(Number('-0'), -0)", True),
    ("typeof new Number(1)", "object"),
    ("new Number(7) + 1", 8),
    ("Object.prototype.toString.call(new Number(1))", "[object Number]"),
    ("class N extends Number {}; new N(3) instanceof N && new N(3).valueOf() === 3", True),
    ("Number.length", 1),
    ("Number.EPSILON === 2 ** -52", True),
    ("Number.MAX_SAFE_INTEGER", 9007199254740991),
    ("Number.MIN_SAFE_INTEGER", -9007199254740991),
    ("Number.MAX_VALUE", 1.7976931348623157e308),
    ("Number.MIN_VALUE", 5e-324),
    ("Number.MIN_VALUE / 2", 0),
    ("isNaN(Number.NaN)", True),
    ("Number.NEGATIVE_INFINITY", -math.inf),
    ("Number.POSITIVE_INFINITY", math.inf),
    ("JSON.stringify(Object.getOwnPropertyDescriptor(Number, 'MAX_VALUE'))",
     '{"value":1.7976931348623157e+308,"writable":false,"enumerable":false,"configurable":false}'),
    ("Number.parseInt === parseInt && Number.parseFloat === parseFloat", True),
    ("Number.isFinite(1) && !Number.isFinite('1') && !Number.isFinite(Infinity) && !Number.isFinite(NaN)", True),
    ("Number.isInteger(5.0) && !Number.isInteger(5.5) && !Number.isInteger('5') && Number.isInteger(2 ** 60)",
     True),
    ("Number.isNaN(NaN) && !Number.isNaN('NaN') && !Number.isNaN(undefined)", True),
    ("Number.isSafeInteger(2 ** 53 - 1) && !Number.isSafeInteger(2 ** 53) && !Number.isSafeInteger(1.5)", True),
    # toString(radix)
    ("(255).toString(16)", "ff"),
    ("(255).toString(2)", "11111111"),
    ("(-255).toString(36)", "-73"),
    ("(0.5).toString(2)", "0.1"),
    ("(3.75).toString(8)", "3.6"),
    ("(-0).toString()", "0"),
    ("(1e21).toString()", "1e+21"),
    ("(123.456).toString(10)", "123.456"),
    ("NaN.toString(2)", "NaN"),
    ("(255).toString(16.9)", "ff"),
    ("(0.1 + 0.2).toString()", "0.30000000000000004"),
    # toFixed
    ("(1.005).toFixed(2)", "1.00"),
    ("(1.45).toFixed(1)", "1.4"),
    ("(2.5).toFixed(0)", "3"),
    ("(-2.5).toFixed(0)", "-3"),
    ("(-0).toFixed(2)", "0.00"),
    ("(-0.0001).toFixed(2)", "-0.00"),
    ("(1e21).toFixed(2)", "1e+21"),
    ("(123.456).toFixed()", "123"),
    ("(0.000001).toFixed(7)", "0.0000010"),
    ("(1).toFixed(100).length", 102),
    ("NaN.toFixed(2)", "NaN"),
    # toExponential
    ("(123456).toExponential(2)", "1.23e+5"),
    ("(123456).toExponential()", "1.23456e+5"),
    ("(0).toExponential()", "0e+0"),
    ("(0).toExponential(2)", "0.00e+0"),
    ("(-1.5e-7).toExponential(3)", "-1.500e-7"),
    ("Infinity.toExponential(1000)", "Infinity"),
    ("(1.45).toExponential(1)", "1.4e+0"),
    # toPrecision
    ("(123.456).toPrecision(4)", "123.5"),
    ("(0.000123).toPrecision(2)", "0.00012"),
    ("(0.0000001).toPrecision(1)", "1e-7"),
    ("(123456).toPrecision(2)", "1.2e+5"),
    ("(123.456).toPrecision()", "123.456"),
    ("(-0).toPrecision(3)", "0.00"),
    ("NaN.toPrecision(1000)", "NaN"),
    # toLocaleString: en-US grouping, at most 3 fraction digits, rounding half away from zero
    ("(1234567.891).toLocaleString()", "1,234,567.891"),
    ("(1234.5678).toLocaleString()", "1,234.568"),
    ("(1.0005).toLocaleString()", "1.001"),
    ("(0.0004).toLocaleString()", "0"),
    ("(-1234.5).toLocaleString()", "-1,234.5"),
    ("(-0).toLocaleString()", "-0"),
    ("(999).toLocaleString()", "999"),
    ("(1e21).toLocaleString()", "1,000,000,000,000,000,000,000"),
    ("NaN.toLocaleString()", "NaN"),
    ("(-Infinity).toLocaleString()", "-∞"),
    ("(1234.5).toLocaleString('en-US')", "1,234.5"),
    ("(1234.5).toLocaleString('de-DE')", "1.234,5"),
    ("(1234.5).toLocaleString('fr')", "1\u202f234,5"),
    ("(1234.5).toLocaleString('en-IN', {minimumFractionDigits: 2})", "1,234.50"),
    ("(1234567).toLocaleString('en-IN')", "12,34,567"),
    ("(2.5).toLocaleString(undefined, {maximumFractionDigits: 0})", "3"),
    ("(0.125).toLocaleString(undefined, {maximumFractionDigits: 2})", "0.13"),
    ("(12345.678).toLocaleString(undefined, {useGrouping: false})", "12345.678"),
    ("(1.23456).toLocaleString(undefined, {minimumFractionDigits: 5})", "1.23456"),
    ("(7).toLocaleString(undefined, {minimumFractionDigits: 1, maximumFractionDigits: 1})", "7.0"),
    # valueOf, generic this
    ("new Number(4.5).valueOf()", 4.5),
    ("Number.prototype.valueOf.call(3)", 3),
    ("Number.prototype.toString.call(Number.prototype)", "0"),
])
def test_number(src, expected):
    assert js(src) == expected


@pytest.mark.parametrize("src, error", [
    ("(1).toFixed(101)", "RangeError: toFixed() digits argument must be between 0 and 100"),
    ("(1).toFixed(-1)", "RangeError: toFixed() digits argument must be between 0 and 100"),
    ("Infinity.toFixed(Infinity)", "RangeError: toFixed() digits argument must be between 0 and 100"),
    ("(1).toExponential(101)", "RangeError: toExponential() argument must be between 0 and 100"),
    ("(1).toPrecision(0)", "RangeError: toPrecision() argument must be between 1 and 100"),
    ("(1).toPrecision(101)", "RangeError: toPrecision() argument must be between 1 and 100"),
    ("(1).toString(1)", "RangeError: toString() radix argument must be between 2 and 36"),
    ("(1).toString(37)", "RangeError: toString() radix argument must be between 2 and 36"),
    ("Number.prototype.toString.call('1')", "TypeError: Number.prototype.toString requires that 'this' be a Number"),
    ("Number.prototype.valueOf.call({})", "TypeError: Number.prototype.valueOf requires that 'this' be a Number"),
    ("Number.prototype.toFixed.call(true)", "TypeError: Number.prototype.toFixed requires that 'this' be a Number"),
    ("Number.prototype.toLocaleString.call(null)",
     "TypeError: Number.prototype.toLocaleString requires that 'this' be a Number"),
    ("Number(Symbol())", "TypeError: Cannot convert a Symbol value to a number"),
    ("(1).toLocaleString('??')", "RangeError: Incorrect locale information provided"),
    ("(1).toLocaleString(undefined, {maximumFractionDigits: 101})",
     "RangeError: maximumFractionDigits value is out of range."),
    ("(1).toLocaleString(undefined, {minimumFractionDigits: 3, maximumFractionDigits: 2})",
     "RangeError: maximumFractionDigits value is out of range."),
    ("(1).toLocaleString(undefined, {minimumFractionDigits: -1})",
     "RangeError: minimumFractionDigits value is out of range."),
])
def test_number_errors(src, error):
    assert js_error(src) == error


# -- Boolean --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("src, expected", [
    ("Boolean()", False),
    ("Boolean(0) || Boolean(-0) || Boolean(NaN) || Boolean('') || Boolean(null) || Boolean(0n)", False),
    ("Boolean('0') && Boolean({}) && Boolean([]) && Boolean(Symbol()) && Boolean(-1)", True),
    ("typeof new Boolean(false)", "object"),
    ("new Boolean(false) ? 'truthy' : 'falsy'", "truthy"),
    ("new Boolean(false).valueOf()", False),
    ("new Boolean(1).toString()", "true"),
    ("false.toString()", "false"),
    ("Boolean.prototype.valueOf()", False),
    ("Object.prototype.toString.call(new Boolean(true))", "[object Boolean]"),
    ("class B extends Boolean {}; new B(true) instanceof B && new B(true).valueOf()", True),
    ("Boolean.length", 1),
])
def test_boolean(src, expected):
    assert js(src) == expected


@pytest.mark.parametrize("src, error", [
    ("Boolean.prototype.toString.call(1)", "TypeError: Boolean.prototype.toString requires that 'this' be a Boolean"),
    ("Boolean.prototype.valueOf.call('true')",
     "TypeError: Boolean.prototype.valueOf requires that 'this' be a Boolean"),
])
def test_boolean_errors(src, error):
    assert js_error(src) == error


# -- Math -----------------------------------------------------------------------------------------------

def is_neg_zero(src: str) -> bool:
    return js(f"Object.is({src}, -0)")


@pytest.mark.parametrize("src", [
    "Math.round(-0.5)", "Math.round(-0.2)", "Math.round(-0)", "Math.ceil(-0.5)", "Math.trunc(-0.9)",
    "Math.sign(-0)", "Math.abs(-0) === 0 ? -0 : 1", "Math.floor(-0)", "Math.sqrt(-0)", "Math.cbrt(-0)",
    "Math.sin(-0)", "Math.tan(-0)", "Math.atan(-0)", "Math.asinh(-0)", "Math.atanh(-0)", "Math.expm1(-0)",
    "Math.log1p(-0)", "Math.fround(-0)", "Math.min(0, -0)", "Math.min(-0, 0)", "Math.max(-0, -0)",
    "Math.atan2(-0, 1)", "Math.pow(-0, 3)", "Math.tanh(-0)", "Math.sinh(-0)", "Math.asin(-0)",
])
def test_math_negative_zero(src):
    assert is_neg_zero(src)


@pytest.mark.parametrize("src, expected", [
    ("Math.round(0.49999999999999994)", 0),
    ("Math.round(2.5)", 3),
    ("Math.round(-2.5)", -2),
    ("Math.round(-2.6)", -3),
    ("Math.round(4503599627370495.5)", 4503599627370496),
    ("Math.round(-4503599627370495.5)", -4503599627370495),
    ("Math.round(2 ** 53 + 2)", 2**53 + 2),
    ("Math.floor(-1.5)", -2),
    ("Math.ceil(1.2)", 2),
    ("Math.trunc(-1.7)", -1),
    ("Math.sign(-3)", -1),
    ("Math.sign(5)", 1),
    ("Math.abs(-5.5)", 5.5),
    ("Math.abs('-2')", 2),
    ("Math.max()", -math.inf),
    ("Math.min()", math.inf),
    ("Math.max(1, 3, 2)", 3),
    ("Math.min(1, '0', 2)", 0),
    ("isNaN(Math.max(1, NaN, Infinity))", True),
    ("Object.is(Math.max(0, -0), 0)", True),
    ("let n = 0; Math.max(NaN, {valueOf() { n++; return 1; }}); n", 1),
    ("Math.hypot()", 0),
    ("Math.hypot(3, 4)", 5),
    ("Math.hypot(3, 4, 12)", 13),
    ("Math.hypot(NaN, Infinity)", math.inf),
    ("Math.hypot(-Infinity, NaN)", math.inf),
    ("isNaN(Math.hypot(NaN, 1))", True),
    ("Math.hypot(1e200, 1e200)", 1.414213562373095e200),
    ("Math.hypot(3e-310, 4e-310)", 5e-310),
    ("Math.hypot(-3)", 3),
    ("Math.pow(2, 10)", 1024),
    ("isNaN(Math.pow(1, Infinity))", True),
    ("Math.pow(-8, 1 / 3)", None),  # None: NaN
    ("Math.atan2(0, -0)", math.pi),
    ("Math.atan2(-0, -0)", -math.pi),
    ("Math.atan2(1, -Infinity)", math.pi),
    ("Math.atan2(-1, Infinity) === -0", True),
    ("Math.atan2(Infinity, -Infinity)", 3 * math.pi / 4),
    ("Math.cbrt(-27)", -3),
    ("Math.cbrt(8)", 2),
    ("Math.cbrt(27)", 3),
    ("Math.cbrt(1000)", 10),
    ("Math.clz32(1)", 31),
    ("Math.clz32(0)", 32),
    ("Math.clz32(-1)", 0),
    ("Math.clz32(2 ** 32)", 32),
    ("Math.imul(2, 4)", 8),
    ("Math.imul(-1, 8)", -8),
    ("Math.imul(0xffffffff, 5)", -5),
    ("Math.imul(0x7fffffff, 0x7fffffff)", 1),
    ("Math.fround(5.5)", 5.5),
    ("Math.fround(5.05)", 5.050000190734863),
    ("Math.fround(2 ** 128)", math.inf),
    ("Math.fround(3.4028235677973366e38)", math.inf),
    ("Math.fround(3.4028235677973362e38)", 3.4028234663852886e38),
    ("Math.fround(1e-46)", 0),
    ("Math.fround(1e-45)", 1.401298464324817e-45),
    ("Math.exp(0)", 1),
    ("Math.exp(1000)", math.inf),
    ("Math.exp(-Infinity)", 0),
    ("Math.expm1(1000)", math.inf),
    ("Math.cosh(1000)", math.inf),
    ("Math.sinh(-1000)", -math.inf),
    ("Math.log(0)", -math.inf),
    ("isNaN(Math.log(-1))", True),
    ("Math.log10(1000)", 3),
    ("Math.log2(8)", 3),
    ("Math.log2(0)", -math.inf),
    ("Math.log1p(-1)", -math.inf),
    ("isNaN(Math.log1p(-2))", True),
    ("Math.sqrt(16)", 4),
    ("isNaN(Math.sqrt(-1))", True),
    ("isNaN(Math.acos(2)) && isNaN(Math.asin(-2)) && isNaN(Math.acosh(0.5))", True),
    ("Math.atanh(1)", math.inf),
    ("Math.atanh(-1)", -math.inf),
    ("isNaN(Math.sin(Infinity)) && isNaN(Math.cos(-Infinity)) && isNaN(Math.tan(Infinity))", True),
    ("Math.tanh(Infinity)", 1),
    ("Math.acosh(1)", 0),
    ("Math.cos(0)", 1),
    ("const r = Math.random(); r >= 0 && r < 1", True),
    ("new Set(Array.from({length: 20}, Math.random)).size", 20),
    ("Math.E", math.e),
    ("Math.LN10", 2.302585092994046),
    ("Math.LN2", 0.6931471805599453),
    ("Math.LOG10E", 0.4342944819032518),
    ("Math.LOG2E", 1.4426950408889634),
    ("Math.PI", math.pi),
    ("Math.SQRT1_2", 0.7071067811865476),
    ("Math.SQRT2", 1.4142135623730951),
    ("Object.prototype.toString.call(Math)", "[object Math]"),
    ("JSON.stringify(Object.getOwnPropertyDescriptor(Math, 'PI'))",
     '{"value":3.141592653589793,"writable":false,"enumerable":false,"configurable":false}'),
    ("Math.max.length + Math.hypot.length + Math.random.length + Math.abs.length", 5),
    ("typeof Math", "object"),
    ("Object.keys(Math).length", 0),
])
def test_math(src, expected):
    if expected is None:
        assert js(f"isNaN({src})")
    else:
        assert js(src) == expected


def test_math_has_every_es2021_function():
    names = ["abs", "acos", "acosh", "asin", "asinh", "atan", "atanh", "atan2", "cbrt", "ceil", "clz32", "cos",
             "cosh", "exp", "expm1", "floor", "fround", "hypot", "imul", "log", "log1p", "log10", "log2", "max",
             "min", "pow", "random", "round", "sign", "sin", "sinh", "sqrt", "tan", "tanh", "trunc"]
    assert js("Object.getOwnPropertyNames(Math).filter(k => typeof Math[k] === 'function').sort().join()") == \
        ",".join(sorted(names))
    assert js("typeof Math.max.prototype") == "undefined"
    assert js_error("new Math.max()") == "TypeError: Math.max is not a constructor"


# -- differential tests against Node ----------------------------------------------------------------------

NP = "Number.prototype"
SPECIAL = [0, NZERO, 1, -1, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994, -0.49999999999999994, NAN,
           INF, NINF, 1e300, -1e300, 5e-324, 2**53, 2**53 + 2, 4503599627370495.5, -4503599627370495.5, 3.7,
           -3.7, 1e-7, 123.456, 0.1, 2, 10, 100, "3", "abc", None, U, True, 0.9, -0.9, 1.0000001,
           3.4028235677973366e38, 3.4028235677973362e38, 3.4028234663852886e38, 1e-46, 1.401298464324817e-45,
           7e-46, -7e-46]
EXACT_UNARY = ["abs", "ceil", "clz32", "floor", "fround", "round", "sign", "sqrt", "trunc"]
APPROX_UNARY = ["acos", "acosh", "asin", "asinh", "atan", "atanh", "cbrt", "cos", "cosh", "exp", "expm1", "log",
                "log1p", "log10", "log2", "sin", "sinh", "tan", "tanh"]


def _math_cases(names: list, values: list) -> list:
    cases = [["Math", m, U, [x]] for m in names for x in values]
    return cases + [["Math", m, U, []] for m in names]


@needs_node
def test_differential_math_exact():
    rnd = random.Random(11)
    values = SPECIAL + random_doubles(rnd, 300)
    cases = _math_cases(EXACT_UNARY, values)
    for m in ("max", "min", "hypot", "imul"):
        cases += [["Math", m, U, [x, y]] for x in SPECIAL[:24] for y in SPECIAL[:24]]
        cases += [["Math", m, U, [rnd.choice(values), rnd.choice(values), rnd.choice(values)]] for _ in range(200)]
        cases += [["Math", m, U, []], ["Math", m, U, [NZERO]], ["Math", m, U, [NAN, INF]], ["Math", m, U, [INF, NAN]]]
    differential(cases)


@needs_node
def test_differential_math_approximated():
    # Math.sin, exp, pow ... are implementation-approximated: V8 uses fdlibm, we use the C library.
    rnd = random.Random(12)
    values = SPECIAL + [rnd.uniform(-1000, 1000) for _ in range(100)] + [rnd.uniform(-2, 2) for _ in range(100)]
    cases = _math_cases(APPROX_UNARY, values)
    for m in ("atan2", "pow"):
        cases += [["Math", m, U, [x, y]] for x in SPECIAL[:24] for y in SPECIAL[:24]]
        cases += [["Math", m, U, [rnd.uniform(-100, 100), rnd.uniform(-5, 5)]] for _ in range(200)]
    differential(cases, ulps=2)


@needs_node
def test_differential_number_formatting():
    rnd = random.Random(13)
    values = [v for v in SPECIAL if not isinstance(v, (str, bool, type(None), dict)) or v in (NZERO, INF, NINF)]
    values += [1.005, 1.0005, 0.0005, 1234567.891, 1e21, 1.5e-7, 0.125, 0.135, 999.9995, 999999.9999, -0.0001,
               12345.6789, 0.1 + 0.2] + random_doubles(rnd, 150)
    cases = []
    for v in values + [NAN]:
        cases.append([NP, "toString", v, []])
        cases.append([NP, "toLocaleString", v, []])
        cases.append([NP, "toExponential", v, []])
        cases.append([NP, "toPrecision", v, [U]])
        cases += [[NP, "toString", v, [r]] for r in (2, 7, 16, 36)]
        cases += [[NP, "toFixed", v, [d]] for d in (0, 1, 2, 5, 20)]
        cases += [[NP, "toExponential", v, [d]] for d in (0, 1, 2, 5, 20)]
        cases += [[NP, "toPrecision", v, [p]] for p in (1, 2, 6, 21)]
        cases += [["Number", m, U, [v]] for m in ("isInteger", "isSafeInteger", "isFinite", "isNaN")]
    for d in (-1, 101, INF, NAN, "3", U, 100, 1.9):
        for m in ("toFixed", "toExponential", "toPrecision"):
            cases += [[NP, m, 1.5, [d]], [NP, m, INF, [d]]]
    cases += [[NP, "toString", 255, [r]] for r in (1, 37, NAN, U, "16", 36.9)]
    for v in (1.005, 1234.5, 0.125, 2.5, -1234567.891, 1e21, 0, NZERO):
        for opts in ({"maximumFractionDigits": 0}, {"maximumFractionDigits": 2}, {"minimumFractionDigits": 2},
                     {"minimumFractionDigits": 5, "maximumFractionDigits": 2}, {"maximumFractionDigits": 101},
                     {"useGrouping": False}, {"minimumFractionDigits": 1, "maximumFractionDigits": 1}):
            cases.append([NP, "toLocaleString", v, [U, {"o": opts}]])
        for loc in ("en-US", "de", "de-DE", "fr", "es", "ru", "sv", "en-IN", "de-CH", "pl", "$$", "ja"):
            cases.append([NP, "toLocaleString", v, [loc]])
    differential(cases)
