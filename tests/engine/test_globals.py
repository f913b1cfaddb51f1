"""The global object's value and function properties (parseInt, URI functions, escape ...), run as JS.

The differential tests (skipped without ``node``) compare the URI functions and number parsing with Node.
"""

from __future__ import annotations

import json
import random
import shutil
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


# ``CASES`` is a list of [global function name, argument list]; results are encoded so that NaN, -0,
# the infinities and errors survive JSON.
PROBE = r"""
const enc = (v) => {
  if (v === undefined) return {u: 1};
  if (typeof v === 'number') return Object.is(v, -0) ? {n: '-0'} : {n: String(v)};
  return v;
};
const results = [];
for (const [name, args] of CASES) {
  try { results.push(enc(globalThis[name](...args))); }
  catch (e) { results.push({e: e.name, m: e.message}); }
}
JSON.stringify(results);
"""


def run_node(src: str) -> str:
    """The completion value of the script ``src`` in Node, as a string."""
    wrapper = "process.stdout.write(String(require('vm').runInThisContext(require('fs').readFileSync(0, 'utf8'))))"
    return subprocess.run([NODE, "-e", wrapper], input=src, capture_output=True, text=True, check=True,
                          encoding="utf-8").stdout


def differential(cases: list) -> None:
    """Run every case in jsengine and in Node; assert identical results, naming the first difference."""
    src = "const CASES = " + json.dumps(cases) + ";\n" + PROBE
    ours = json.loads(jsengine.run(src, budget=Budget(steps=None, timeout=300)))
    theirs = json.loads(run_node(src))
    assert len(ours) == len(theirs) == len(cases)
    bad = [(c, o, t) for c, o, t in zip(cases, ours, theirs) if o != t]
    assert not bad, f"{len(bad)} of {len(cases)} differ; first: case {bad[0][0]!r}: ours {bad[0][1]!r}, " \
                    f"node {bad[0][2]!r}"


# -- value properties -------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["NaN", "Infinity", "undefined"])
def test_value_properties_are_frozen(name):
    assert js(f"JSON.stringify(Object.getOwnPropertyDescriptor(globalThis, '{name}'), "
              "(k, v) => v === undefined ? 'undef' : v)").endswith(
        '"writable":false,"enumerable":false,"configurable":false}')
    assert js(f"{name} = 1; typeof {name} === 'number' ? String({name}) : typeof {name}") in (
        "NaN", "Infinity", "undefined")
    assert js(f"delete globalThis.{name}") is False
    assert js_error(f"'use strict'; globalThis.{name} = 1").startswith(
        "TypeError: Cannot assign to read only property")


@pytest.mark.parametrize("name", ["NaN", "Infinity", "undefined"])
def test_strict_assignment_to_value_properties_throws(name):
    assert js_error(f"'use strict'; {name} = 1").startswith("TypeError: Cannot assign to read only property")


def test_value_property_values():
    assert js("Infinity") == float("inf")
    assert js("NaN !== NaN")
    assert js("undefined === void 0")
    assert js("Object.keys(globalThis).includes('NaN')") is False


def test_function_properties_shape():
    lengths = js("['parseInt', 'parseFloat', 'isNaN', 'isFinite', 'encodeURI', 'encodeURIComponent', "
                 "'decodeURI', 'decodeURIComponent', 'escape', 'unescape'].map(k => k + ':' + globalThis[k].length)"
                 ".join()")
    assert lengths == ("parseInt:2,parseFloat:1,isNaN:1,isFinite:1,encodeURI:1,encodeURIComponent:1,decodeURI:1,"
                       "decodeURIComponent:1,escape:1,unescape:1")
    assert js("JSON.stringify(Object.getOwnPropertyDescriptor(globalThis, 'parseInt'), (k, v) => "
              "typeof v === 'function' ? 'f' : v)") == \
        '{"value":"f","writable":true,"enumerable":false,"configurable":true}'
    assert js("parseInt.name + parseFloat.name") == "parseIntparseFloat"
    assert js("Number.parseInt === parseInt && Number.parseFloat === parseFloat")
    assert js_error("new parseInt('1')") == "TypeError: parseInt is not a constructor"


# -- parseInt, parseFloat, isNaN, isFinite ----------------------------------------------------------------

@pytest.mark.parametrize("src, expected", [
    ("parseInt('42px')", 42),
    ("parseInt('  -17 ')", -17),
    ("parseInt('0x1A')", 26),
    ("parseInt('0x1A', 16)", 26),
    ("parseInt('0x1A', 10)", 0),
    ("parseInt('ff', 16)", 255),
    ("parseInt('z', 36)", 35),
    ("parseInt('101', 2)", 5),
    ("parseInt('12', 0)", 12),
    ("parseInt('12', 4294967306)", 12),  # ToInt32(2**32 + 10) is 10
    ("isNaN(parseInt('12', 1))", True),
    ("isNaN(parseInt('12', 37))", True),
    ("isNaN(parseInt(''))", True),
    ("isNaN(parseInt('0x'))", True),
    ("parseInt('1e3')", 1),
    ("parseInt(0.0000005)", 5),
    ("parseInt(null, 36)", 1112745),
    ("Object.is(parseInt('-0'), -0)", True),
    ("parseInt('123456789012345678901234567890')", 1.2345678901234568e29),
    ("parseInt('\\u00a0\\ufeff\\u2028 7')", 7),
    ("parseFloat('3.14abc')", 3.14),
    ("parseFloat('  .5')", 0.5),
    ("parseFloat('-.5e-3x')", -0.0005),
    ("parseFloat('1e')", 1),
    ("parseFloat('Infinityx')", float("inf")),
    ("parseFloat('-Infinity')", float("-inf")),
    ("isNaN(parseFloat('infinity'))", True),
    ("isNaN(parseFloat('0x10')) || parseFloat('0x10')", 0),
    ("Object.is(parseFloat('-0'), -0)", True),
    ("parseFloat('1_000')", 1),
    ("parseFloat({toString() { return '2.5'; }})", 2.5),
    ("isNaN('abc') && isNaN(undefined) && isNaN({}) && !isNaN('') && !isNaN(null) && !isNaN('0x10')", True),
    ("isFinite('12') && !isFinite('Infinity') && !isFinite(NaN) && isFinite(null)", True),
])
def test_number_parsing(src, expected):
    assert js(src) == expected


@pytest.mark.parametrize("src, error", [
    ("isNaN(Symbol())", "TypeError: Cannot convert a Symbol value to a number"),
    ("isFinite(1n)", "TypeError: Cannot convert a BigInt value to a number"),
    ("parseInt(Symbol())", "TypeError: Cannot convert a Symbol value to a string"),
])
def test_number_parsing_errors(src, error):
    assert js_error(src) == error


# -- URI handling functions -------------------------------------------------------------------------------

@pytest.mark.parametrize("src, expected", [
    ("encodeURIComponent('a b&c/d?e=f#g')", "a%20b%26c%2Fd%3Fe%3Df%23g"),
    ("encodeURI('http://x.com/a b?c=d&e=f#g')", "http://x.com/a%20b?c=d&e=f#g"),
    ("encodeURIComponent(\"-_.!~*'()\")", "-_.!~*'()"),
    ("encodeURI(';/?:@&=+$,#')", ";/?:@&=+$,#"),
    ("encodeURIComponent(';/?:@&=+$,#')", "%3B%2F%3F%3A%40%26%3D%2B%24%2C%23"),
    ("encodeURIComponent('\\u00e9\\u20ac')", "%C3%A9%E2%82%AC"),
    ("encodeURIComponent('\\u{1F600}')", "%F0%9F%98%80"),
    ("encodeURIComponent('\\x00\\x7f')", "%00%7F"),
    ("encodeURIComponent(undefined)", "undefined"),
    ("decodeURIComponent('a%20b%26c%2Fd')", "a b&c/d"),
    ("decodeURI('a%20b%26c%2Fd%23')", "a b%26c%2Fd%23"),
    ("decodeURI('%41%3b%3B')", "A%3b%3B"),
    ("decodeURIComponent('%C3%A9%e2%82%ac')", "\u00e9\u20ac"),
    ("decodeURIComponent('%F0%9F%98%80').length", 2),
    ("decodeURIComponent('%F4%8F%BF%BF').codePointAt(0)", 0x10FFFF),
    ("decodeURIComponent('no escapes')", "no escapes"),
    ("decodeURIComponent(encodeURIComponent('\\u{10400}x\\uFFFF'))", "\U00010400x\uffff"),
])
def test_uri_functions(src, expected):
    assert js(src) == expected


@pytest.mark.parametrize("src", [
    "encodeURI('\\uD800')", "encodeURIComponent('a\\uDC00')", "encodeURIComponent('\\uDBFF\\uDBFF\\uDC00\\uD800')",
    "decodeURI('%')", "decodeURI('%4')", "decodeURI('%4G')", "decodeURIComponent('%80')",
    "decodeURIComponent('%C3')", "decodeURIComponent('%C3%28')", "decodeURIComponent('%C0%80')",
    "decodeURIComponent('%ED%A0%80')", "decodeURIComponent('%F4%90%80%80')", "decodeURIComponent('%F8%80%80%80')",
    "decodeURIComponent('%E2%82')", "decodeURIComponent('%E2%82%2')", "decodeURIComponent('%E2%82%AC%')",
    "decodeURIComponent('%E2%82AC')", "decodeURIComponent('%FF')",
])
def test_uri_malformed(src):
    assert js_error(src) == "URIError: URI malformed"
    assert js(f"try {{ {src} }} catch (e) {{ e instanceof URIError && e.constructor === URIError }}")


# -- Annex B escape / unescape ----------------------------------------------------------------------------

@pytest.mark.parametrize("src, expected", [
    ("escape('abc123@*_+-./')", "abc123@*_+-./"),
    ("escape('a b&c')", "a%20b%26c"),
    ("escape('\\u00e9\\u20ac')", "%E9%u20AC"),
    ("escape('\\u{1F600}')", "%uD83D%uDE00"),
    ("escape('~!')", "%7E%21"),
    ("unescape('%u20AC%E9%41')", "\u20ac\u00e9A"),
    ("unescape('%u20ac')", "\u20ac"),
    ("unescape('%ZZ%4%u12')", "%ZZ%4%u12"),
    ("unescape('%%41')", "%A"),
    ("unescape(escape('\\u{1F600} x\\uD800'))", "\U0001F600 x\ud800"),
])
def test_escape_unescape(src, expected):
    assert js(src) == expected


# -- differential tests against Node -----------------------------------------------------------------------

URI_PIECES = ["a", "Z", "0", "%", " ", "#", ";", "/", "?", ":", "@", "&", "=", "+", "$", ",", "-", "_", ".", "!",
              "~", "*", "'", "(", ")", "\u00e9", "\u20ac", "\ud83d\ude00", "\ud800", "\udc00", "\x00", "\x7f",
              "\uffff", "%41", "%e2%82%ac", "%C3%A9", "%2F", "%23", "%3b", "%ZZ", "%E2%82", "%C0%80", "%ED%A0%80",
              "%F4%90%80%80", "%F0%9F%98%80", "%u0041", "%u20AC", "%80", "%FF", "%c3", "\\", '"', "<", "`", "^"]


@needs_node
def test_differential_uri_and_escape():
    rnd = random.Random(19)
    strings = ["", "%", "%4", "%41%42", "%E0%A4%A", "%%%", "http://x.com/a b?c=d&e=f#g"]
    strings += ["".join(rnd.choice(URI_PIECES) for _ in range(rnd.randint(1, 8))) for _ in range(1500)]
    names = ("encodeURI", "encodeURIComponent", "decodeURI", "decodeURIComponent", "escape", "unescape")
    differential([[name, [s]] for s in strings for name in names])


@needs_node
def test_differential_number_parsing():
    rnd = random.Random(23)
    pieces = ["0", "1", "7", "9", "a", "f", "z", "x", "X", "e", "E", ".", "-", "+", " ", "\u00a0", "\u2028", "_",
              "Infinity", "0x", "0b", "0o", "1e5", "5e-3", "n"]
    strings = ["", " ", "12", " 12 ", "0x1F", "0b11", "0o17", "-0x10", "1e3", ".5", "5.", "-.5e-3", "Infinity",
               "-Infinity", "+Infinity", "infinity", "1_000", "\u00a012\u2028", "12px", "0.0000001", "-0", "1e1000",
               "0x", "00012", "08", "1.2.3", "+-1", "\ufeff5", "9007199254740993", "0.1e-400",
               "123456789012345678901234567890", "ffffffffffffffffffffffffffff"]
    strings += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 6))) for _ in range(800)]
    cases = []
    for s in strings:
        cases += [["parseFloat", [s]], ["parseInt", [s]], ["isNaN", [s]], ["isFinite", [s]], ["Number", [s]]]
        cases += [["parseInt", [s, r]] for r in (0, 2, 8, 16, 36, 1, 37)]
    differential(cases)
