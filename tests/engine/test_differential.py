"""Differential tests against Node: random expressions (arithmetic, strings, comparisons, logic, coercions,
number formatting) and random small programs (let/const, if, bounded loops, functions, arrays, objects,
template literals, destructuring, exceptions) must give exactly Node's results.

Hypothesis draws a batch of cases per example; each batch is one script run once in jsengine and once in
one node process, so a run costs a handful of node start-ups. The examples are derandomized (the same
cases every run); set JSENGINE_DIFF_RANDOM=1 to explore new ones.
"""

from __future__ import annotations

import json
import os
import subprocess

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jsengine import Budget, Engine
from jsengine.parser import raise_recursion_limit
from tests.conftest import NODE

raise_recursion_limit()  # the engine raises it on first use; do it before hypothesis records the limit

pytestmark = pytest.mark.skipif(NODE is None, reason="node is not on PATH")

DIFF_SETTINGS = settings(max_examples=6, deadline=None, derandomize=not os.environ.get("JSENGINE_DIFF_RANDOM"),
                         suppress_health_check=list(HealthCheck))

PRELUDE = r"""
var __results = [];
function __fmt(v) {
  if (typeof v === 'number' && Object.is(v, -0)) return 'number:-0';
  if (typeof v === 'symbol') return 'symbol:' + v.description;
  if (typeof v === 'function') return 'function';
  if (typeof v === 'object' && v !== null) {
    try { return 'object:' + JSON.stringify(v); } catch (e) { return 'object!' + e.name; }
  }
  return typeof v + ':' + String(v);
}
function __run(f) {
  try { __results.push(__fmt(f())); } catch (e) { __results.push('!' + (e && e.name) + ': ' + (e && e.message)); }
}
"""

NODE_RUNNER = ("process.stdout.write(String(require('vm').runInThisContext("
               "require('fs').readFileSync(0, 'utf8'), {filename: 'batch.js'})))")


def run_both(cases: list[str]) -> tuple[list[str], list[str]]:
    """Each case is a function body; run the batch in jsengine and in node, return both result lists."""
    body = "\n".join(f"__run(function () {{\n{c}\n}});" for c in cases)
    source = PRELUDE + body + "\nJSON.stringify(__results)"
    ours = Engine(budget=Budget(steps=20_000_000, timeout=60)).run(source, filename="batch.js")
    node = subprocess.run([NODE, "-e", NODE_RUNNER], input=source, capture_output=True, text=True, timeout=60,
                          check=True)
    return json.loads(ours), json.loads(node.stdout)


def assert_same(cases: list[str]) -> None:
    ours, theirs = run_both(cases)
    assert len(ours) == len(theirs) == len(cases)
    diffs = [(c, a, b) for c, a, b in zip(cases, ours, theirs) if a != b]
    assert not diffs, "\n\n".join(f"{c}\n  jsengine: {a}\n  node:     {b}" for c, a, b in diffs[:5])


# -- expressions ----------------------------------------------------------------------------------

NUMBERS = ["0", "(-0)", "1", "(-1)", "2", "3", "7", "10", "255", "0.5", "0.1", "1.5", "(-2.5)", "1e21", "1e-7",
           "123456789", "(2**53)", "(2**31)", "NaN", "Infinity", "(-Infinity)", "0x1f", "(1/3)", "0.000001",
           "5e-324", "1.7976931348623157e308", "4294967295", "(-2147483648)", "100", "123.456"]
STRINGS = ["''", "'a'", "'abc'", "'10'", "' 1 '", "'0x10'", "'1e3'", "'-0'", "'true'", "'null'", "'é'", "'😀'",
           "'a,b'", "' '", "'\\n'", "'Infinity'", "'0b11'", "'1_000'", "'3.14abc'", "'AbC'"]
OTHERS = ["true", "false", "null", "undefined", "[]", "[1, 2]", "[0]", "['a']", "[[]]", "[null]", "{}",
          "({valueOf() { return 42 }})", "({toString() { return '7' }})", "new Date(0)", "x", "y", "s"]
# ``**`` is left out: see test_exponentiation_rounding_matches_v8
BINARY = ["+", "-", "*", "/", "%", "==", "===", "!=", "!==", "<", ">", "<=", ">=", "&&", "||", "??", "&",
          "|", "^", "<<", ">>", ">>>", ","]
UNARY = ["-", "+", "!", "~", "typeof ", "void ", "!!"]
CALLS = [
    "String({})", "Number({})", "parseInt({})", "parseFloat({})", "Math.floor({})", "Math.round({})",
    "Math.abs({})", "Math.max({}, 1)", "Math.min({}, -1)", "Math.sign({})", "Math.trunc({})", "isNaN({})",
    "Boolean({})", "JSON.stringify({})", "[{}].join('-')", "String({}).length", "String({}).toUpperCase()",
    "String({}).slice(1, 3)", "String({}).indexOf('1')", "String({}).padStart(6, '*')", "String({}).split('')",
    "Number({}).toFixed(2)", "Object.is({}, -0)", "[{}, 1, 'b'].sort()", "Array.isArray({})",
    "String({}).repeat(2)", "String({}).charCodeAt(0)", "encodeURIComponent({})", "Number({}).toString(2)",
    "Number({}).toPrecision(3)", "Number({}).toExponential(2)", "String({}).trim()", "[{}].concat([{}])",
    "String({}).at(-1)", "[...String({})].reverse().join('')", "Number.isInteger({})", "String({}).includes('a')",
    "[1, 2, 3].indexOf({})", "({})?.length", "Object.keys(Object({})).length", "({} instanceof Object)",
    "String({}).localeCompare('b')", "String({}).codePointAt(0)", "Math.hypot({}, 4)", "Number({}).toString(36)",
]


def _binary(t: tuple[str, str, str]) -> str:
    return f"({t[0]} {t[1]} {t[2]})"


def _extend(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        st.tuples(inner, st.sampled_from(BINARY), inner).map(_binary),
        st.tuples(st.sampled_from(UNARY), inner).map(lambda t: f"({t[0]}({t[1]}))"),
        st.tuples(inner, inner, inner).map(lambda t: f"({t[0]} ? {t[1]} : {t[2]})"),
        st.tuples(inner, inner).map(lambda t: f"`<${{{t[0]}}}|${{{t[1]}}}>`"),
        st.tuples(st.sampled_from(CALLS), inner).map(lambda t: t[0].replace("{}", t[1])),
    )


LEAVES = st.sampled_from(NUMBERS + STRINGS + OTHERS)
EXPRESSIONS = st.recursive(LEAVES, _extend, max_leaves=6)


def expression_case(expr: str) -> str:
    return f"let x = 5, y = -2.5, s = 'str';\nreturn {expr};"


@DIFF_SETTINGS
@given(st.lists(EXPRESSIONS, min_size=150, max_size=150))
def test_random_expressions_match_node(exprs: list[str]) -> None:
    assert_same([expression_case(e) for e in exprs])


def test_every_binary_operator_on_a_spread_of_operands() -> None:
    # a fixed sweep: each operator over operand kinds (numbers, strings, objects, null, undefined)
    sample = ["0", "(-0)", "1.5", "NaN", "(-Infinity)", "(2**53)", "''", "' 10 '", "'abc'", "true", "null",
              "undefined", "[1, 2]", "({valueOf() { return 42 }})"]
    cases = [expression_case(f"({a} {op} {b})") for op in BINARY for a in sample for b in sample]
    assert_same(cases)


def test_exponentiation_small_cases_match_node() -> None:
    # special values and small integer exponents, where every pow agrees
    bases = ["0", "(-0)", "1", "(-1)", "2", "0.5", "(-2.5)", "NaN", "Infinity", "(-Infinity)", "''", "'3'", "null",
             "undefined", "[]", "true", "(2**53)"]
    exponents = ["0", "(-0)", "1", "(-1)", "2", "3", "(-2)", "0.5", "NaN", "Infinity", "(-Infinity)", "''", "'3'",
                 "null", "undefined", "[]", "true"]
    assert_same([expression_case(f"({a} ** {b})") for a in bases for b in exponents])


@pytest.mark.xfail(strict=True, reason="V8 rounds some powers differently (its own pow, not the C library's "
                   "correctly rounded one): 10 ** 42 is 9.999999999999999e+41 in Node, 1e+42 here")
def test_exponentiation_rounding_matches_v8() -> None:
    assert_same([expression_case(e) for e in (
        "let b = 10; return b ** 42", "let b = 1.5; return b ** 42", "return (2 ** 53) ** 1.5",
        "return Math.pow(42, 42)")])


# -- programs -------------------------------------------------------------------------------------

SIMPLE = st.sampled_from(["a", "b", "c", "arr.length", "obj.x", "obj.y", "arr[0]", "arr[arr.length - 1]",
                          "i", "s", "n", "'k' + n", "a * 2", "b + c", "String(a).length", "-a", "a % 3"])


def _sexpr(leaf: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.recursive(leaf, lambda inner: st.one_of(
        st.tuples(inner, st.sampled_from(["+", "-", "*", "%", "<", "===", "&&", "||", "??", "|", ">>"]),
                  inner).map(_binary),
        st.tuples(inner, inner).map(lambda t: f"`${{{t[0]}}}:${{{t[1]}}}`"),
        st.tuples(inner, inner, inner).map(lambda t: f"({t[0]} ? {t[1]} : {t[2]})"),
    ), max_leaves=4)


LITERALS = st.sampled_from(NUMBERS[:18] + STRINGS[:10] + ["true", "false", "null"])
INIT = _sexpr(LITERALS)  # no variables: initial values
SEXPR = _sexpr(st.one_of(SIMPLE, LITERALS))


_SIMPLE_STATEMENTS = [
    "out.push({e});",
    "a = {e};",
    "b += {e};",
    "c = c ?? {e};",
    "arr.push({e});",
    "obj[{e}] = {e2};",
    "n++; s += {e};",
    "out.push(JSON.stringify(obj));",
    "out.push(arr.map((v, k) => v + k).filter(Boolean).join('|'));",
    "out.push(arr.reduce((p, q) => p + q, ''));",
    "out.push(Object.keys(obj).join(), Object.values(obj).length);",
    "out.push(f1({e}, {e2}));",
    "out.push(f2({e}));",
    "{{ const [p1, p2 = 'dflt', ...rest] = arr; out.push(p1, p2, rest.length); }}",
    "{{ const {{x: ox, y: oy = 'none', ...others}} = obj; out.push(ox, oy, Object.keys(others).length); }}",
    "out.push([...arr, ...String({e})].length);",
    "out.push(obj?.x?.toString?.(), obj.missing?.deep);",
    ("try {{ if ({e}) throw new RangeError('r' + n); out.push('no throw'); }} catch (err) {{ "
     "out.push(err.name, err.message); }} finally {{ n++; }}"),
    "out.push(typeof a, typeof obj, typeof f1, Array.isArray(arr));",
    "out.push(new Counter({e}).next().next().value);",
    "arr.sort(); out.push(arr.join());",
    "out.push(JSON.stringify({{a, list: arr.slice(0, 3), e: {e}}}));",
]
_BLOCK_STATEMENTS = [
    "if ({e}) {{ {body} }} else {{ out.push('else'); }}",
    "for (let i = 0; i < {n}; i++) {{ {body} }}",
    "{{ let k{d} = 0; while (k{d} < {n}) {{ k{d}++; {body} }} }}",
    "for (const key in obj) {{ out.push(key); {body} }}",
    "for (const item of arr.slice(0, 3)) {{ out.push(item); {body} }}",
    ("outer{d}: for (let i = 0; i < {n}; i++) {{ for (let j = 0; j < 3; j++) {{ "
     "if (j === i) continue outer{d}; if (i + j > 4) break outer{d}; {body} }} }}"),
    "switch ({e}) {{ case 1: out.push('one'); case 'a': {body} break; default: out.push('dflt'); }}",
]


@st.composite
def statement(draw, depth: int = 0) -> str:
    """One statement; blocks (drawn only when chosen) nest up to two levels."""
    kinds = len(_SIMPLE_STATEMENTS) + (len(_BLOCK_STATEMENTS) if depth < 2 else 0)
    k = draw(st.integers(0, kinds - 1))
    e = draw(SEXPR)
    if k < len(_SIMPLE_STATEMENTS):
        template = _SIMPLE_STATEMENTS[k]
        return template.format(e=e, e2=draw(SEXPR) if "{e2}" in template else "")
    body = " ".join(draw(st.lists(statement(depth + 1), min_size=1, max_size=2)))
    return _BLOCK_STATEMENTS[k - len(_SIMPLE_STATEMENTS)].format(e=e, body=body, n=draw(st.integers(0, 4)), d=depth)


@st.composite
def program(draw) -> str:
    head = (f"const out = []; let a = {draw(INIT)}, "
            f"b = 1, c = null, n = 0, s = '', i = 0;\n"
            f"let arr = [{draw(INIT)}, a, 'x'], obj = {{x: {draw(INIT)}, y: 'why'}};\n"
            "function f1(p, q) { return p + q * 2; }\n"
            "const f2 = (v, w = 'w') => `${typeof v}/${w}/${v}`;\n"
            "class Counter { constructor(v) { this.value = v; } next() { this.value = this.value + 1; "
            "return this; } }\n")
    body = "\n".join(draw(st.lists(statement(), min_size=3, max_size=6)))
    return head + body + "\nreturn [out, a, b, c, n, s, arr, obj];"


@settings(DIFF_SETTINGS, max_examples=8)
@given(st.lists(program(), min_size=6, max_size=6))
def test_random_programs_match_node(programs: list[str]) -> None:
    assert_same(programs)


def test_differential_harness_detects_a_difference() -> None:
    # the harness itself must be able to fail: a case whose result depends on the engine
    ours, theirs = run_both(["return typeof process", "return 1 + 1"])
    assert ours[1] == theirs[1] == "number:2"
    assert ours[0] == "string:undefined" and theirs[0] == "string:object"
