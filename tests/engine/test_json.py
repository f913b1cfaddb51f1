"""JSON.parse and JSON.stringify: concrete cases, V8's error messages, budgets, and Node-differential
round trips of random values with random replacers and indents."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess

import pytest

import jsengine
from jsengine import Budget, BudgetExceeded, JSError

NODE = shutil.which("node")
SEEDS = int(os.environ.get("JSON_DIFF_SEEDS", "4"))
needs_node = pytest.mark.skipif(NODE is None, reason="node is not installed")


def js(src: str):
    return jsengine.run(src)


def js_error(src: str) -> tuple[str, str]:
    with pytest.raises(JSError) as ei:
        jsengine.run(src)
    return ei.value.name, ei.value.message


def collect_program(exprs: list[str]) -> str:
    """A program evaluating each expression (each in its own try) into a JSON array of strings."""
    lines = ["var __out = [];"]
    for e in exprs:
        lines.append(f"try {{ __out.push(String({e})); }} catch (__e) "
                     f"{{ __out.push('!' + __e.name + ': ' + __e.message); }}")
    return "\n".join(lines) + "\n"


def run_both(exprs: list[str]) -> tuple[list[str], list[str]]:
    prog = collect_program(exprs)
    ours = json.loads(js(prog + "JSON.stringify(__out)"))
    node = subprocess.run([NODE, "-"], input=prog + "process.stdout.write(JSON.stringify(__out))",
                          capture_output=True, text=True, check=True, timeout=60)
    return ours, json.loads(node.stdout)


def assert_same(exprs: list[str]) -> None:
    ours, node = run_both(exprs)
    diffs = [(e, o, n) for e, o, n in zip(exprs, ours, node, strict=True) if o != n]
    assert not diffs, "\n".join(f"{e}\n  ours: {o!r}\n  node: {n!r}" for e, o, n in diffs[:10])


# -- JSON.parse ------------------------------------------------------------------------------------


def test_parse_values():
    assert js('JSON.parse(\'{"a":[1,2.5,"x",true,false,null],"b":{}}\')') == {
        "a": [1, 2.5, "x", True, False, None], "b": {}}
    assert js("JSON.parse(' \\t\\n\\r 7 ')") == 7
    assert js("1 / JSON.parse('-0')") == float("-inf")
    assert js("JSON.parse('1e400')") == float("inf")
    assert js("JSON.parse('12345678901234567890')") == 12345678901234567890.0
    assert js("Number.isInteger(JSON.parse('1.0')) && JSON.parse('1e2') === 100") is True


def test_parse_strings_keep_code_units():
    assert js(r"""JSON.parse('"\\ud800"').length""") == 1
    assert js(r"""JSON.parse('"\\ud83d\\ude00"').length""") == 2
    assert js(r"""JSON.parse('"\\ud83d\\ude00"') === '\ud83d\ude00'""") is True
    assert js(r"""JSON.parse('"\\u0041\\/\\b\\f\\n\\r\\t\\"\\\\"')""") == 'A/\b\f\n\r\t"\\'


def test_parse_duplicate_keys_and_proto():
    assert js("""var o = JSON.parse('{"a":1,"b":2,"a":3}'); Object.keys(o).join() + o.a""") == "a,b3"
    assert js("""var o = JSON.parse('{"__proto__":{"x":1}}');
                 [Object.getPrototypeOf(o) === Object.prototype, o.x, o.__proto__.x].join()""") == "true,,1"
    assert js("""Object.keys(JSON.parse('{"b":1,"2":1,"1":1,"a":1}')).join()""") == "1,2,b,a"


@pytest.mark.parametrize("text, message", [
    ('{"a":1,}', "Expected double-quoted property name in JSON at position 7"),
    ("[1,]", "Unexpected token ']', \"[1,]\" is not valid JSON"),
    ("", "Unexpected end of JSON input"),
    ("{", "Expected property name or '}' in JSON at position 1"),
    ("[1", "Expected ',' or ']' after array element in JSON at position 2"),
    ('{"a"', "Expected ':' after property name in JSON at position 4"),
    ('{"a":1', "Expected ',' or '}' after property value in JSON at position 6"),
    ("true x", "Unexpected non-whitespace character after JSON at position 5"),
    ('"abc', "Unterminated string in JSON at position 4"),
    ('"\\x"', "Bad escaped character in JSON at position 2"),
    ('"\\u12"', "Bad Unicode escape in JSON at position 5"),
    ("01", "Unexpected number in JSON at position 1"),
    ("-", "No number after minus sign in JSON at position 1"),
    ("1.", "Unterminated fractional number in JSON at position 2"),
    ("1e+", "Exponent part is missing a number in JSON at position 3"),
    ("undefined", '"undefined" is not valid JSON'),
    ('"a\tb"', "Bad control character in string literal in JSON at position 2"),
    ("\u00a01", "Unexpected token '\u00a0', \"\u00a01\" is not valid JSON"),
    ("a" * 30, "Unexpected token 'a', \"aaaaaaaaaa\"... is not valid JSON"),
    ("[" + " " * 12 + "x" + " " * 20 + "]",
     "Unexpected token 'x', ...\"          x         \"... is not valid JSON"),
    ('{"a":1,"b"}', "Unexpected token '}', \"{\"a\":1,\"b\"}\" is not valid JSON"),
    ("tr\"", "Unexpected string in JSON at position 2"),
])
def test_parse_errors_match_v8(text, message):
    name, msg = js_error(f"JSON.parse({json.dumps(text)})")
    assert (name, msg) == ("SyntaxError", message)


def test_parse_deep_nesting_is_iterative():
    n = 100_000
    assert js(f"var a = JSON.parse('['.repeat({n}) + ']'.repeat({n})); var d = 0;"
              "while (a.length) { a = a[0]; d++; } d") == n - 1


def test_reviver_deep_nesting_is_a_range_error():
    name, msg = js_error("JSON.parse('['.repeat(100000) + ']'.repeat(100000), (k, v) => v)")
    assert (name, msg) == ("RangeError", "Maximum call stack size exceeded")


def test_reviver_walk():
    # the reviver sees children first, with the holder as this; undefined deletes
    assert js("""var seen = [];
        var r = JSON.parse('{"a":[1,2,{"b":3}],"c":4}', function (k, v) {
            seen.push(k + (Array.isArray(this) ? '@arr' : ''));
            if (k === 'c') return undefined;
            return typeof v === 'number' ? v * 10 : v;
        });
        seen.join() + ' ' + JSON.stringify(r)""") == '0@arr,1@arr,b,2@arr,a,c, {"a":[10,20,{"b":30}]}'
    # deleting an array element leaves a hole
    assert js("""var r = JSON.parse('[1,2,3]', (k, v) => k === '1' ? undefined : v);
                 [r.length, 1 in r].join()""") == "3,false"
    assert js("JSON.parse('1', function (k, v) { return [k, v, typeof this]; })") == ["", 1, "object"]


def test_parse_converts_argument_with_tostring():
    assert js("JSON.parse({toString() { return '[5]'; }})[0]") == 5
    assert js("JSON.parse(null)") is None


# -- JSON.stringify --------------------------------------------------------------------------------


def test_stringify_basic():
    assert js("JSON.stringify({a:[1,'x',true,null],b:{c:{}}})") == '{"a":[1,"x",true,null],"b":{"c":{}}}'
    assert js("JSON.stringify([undefined, function(){}, Symbol(), NaN, -Infinity, -0])") == \
        "[null,null,null,null,null,0]"
    assert js("JSON.stringify({a: undefined, b: function(){}, c: Symbol(), [Symbol()]: 1, d: 2})") == '{"d":2}'
    assert js("JSON.stringify(undefined) === undefined && JSON.stringify(function(){}) === undefined") is True
    assert js("JSON.stringify([1e21, 1e-7, 0.1, 123.456, 2**53, -5])") == "[1e+21,1e-7,0.1,123.456,9007199254740992,-5]"
    assert js("JSON.stringify([new Number(3), new String('s'), new Boolean(false), Object(Symbol())])") == \
        '[3,"s",false,{}]'


def test_stringify_key_order_is_own_keys_order():
    assert js("JSON.stringify({b:1, a:2, 10:3, 2:4})") == '{"2":4,"10":3,"b":1,"a":2}'


def test_stringify_well_formed_strings():
    assert js(r"JSON.stringify('\ud800\udc00\ud800x\udc00\u2028\u0000\u001f\u007f\"\\/\b\f\n\r\t')") == \
        '"\U00010000\\ud800x\\udc00\u2028\\u0000\\u001f\u007f\\"\\\\/\\b\\f\\n\\r\\t"'
    assert js(r"JSON.stringify({'\udead': 1})") == '{"\\udead":1}'


def test_stringify_indent():
    assert js("JSON.stringify({a:[1,{b:2}],c:[],d:{}}, null, 2)") == \
        '{\n  "a": [\n    1,\n    {\n      "b": 2\n    }\n  ],\n  "c": [],\n  "d": {}\n}'
    assert js("JSON.stringify([1], null, 20)") == "[\n          1\n]"
    assert js("JSON.stringify([1], null, '123456789012')") == "[\n12345678901\n]"
    assert js("JSON.stringify([1], null, new Number(1))") == "[\n 1\n]"
    assert js("JSON.stringify([1], null, new String('--'))") == "[\n--1\n]"
    assert js("JSON.stringify([1,2], null, 0.9)") == "[1,2]"  # ToIntegerOrInfinity(0.9) is 0
    assert js("JSON.stringify([1,2], null, -3)") == "[1,2]"
    assert js("JSON.stringify({a:1}, null, true)") == '{"a":1}'


def test_stringify_replacer_function():
    assert js("""JSON.stringify({a:1,b:[1,2],c:'x'}, function (k, v) {
        return typeof v === 'number' ? v * 2 : v; })""") == '{"a":2,"b":[2,4],"c":"x"}'
    # called with the holder as this, first with the wrapper's "" key
    assert js("""var calls = []; JSON.stringify({a:[7]}, function (k, v) {
        calls.push(JSON.stringify(k) + ':' + Array.isArray(this)); return v; }); calls.join(' ')""") == \
        '"":false "a":false "0":true'
    assert js("JSON.stringify({a:1}, (k, v) => k === 'a' ? undefined : v)") == "{}"
    assert js("JSON.stringify([1], (k, v) => k === '0' ? undefined : v)") == "[null]"


def test_stringify_replacer_array():
    assert js("""JSON.stringify({b:1,a:2,1:3,c:{a:1,b:2}},
                 ['a', 1, new String('c'), new Number(1), {}, 'a', true])""") == '{"a":2,"1":3,"c":{"a":1}}'
    # the property list does not apply to arrays
    assert js("JSON.stringify([{a:1,b:2}], ['b'])") == '[{"b":2}]'


def test_stringify_tojson():
    assert js("JSON.stringify({x:{toJSON(k){ return 'k=' + k; }}})") == '{"x":"k=x"}'
    assert js("JSON.stringify([{toJSON(k){ return k; }}])") == '["0"]'
    assert js("JSON.stringify({toJSON(){ return undefined; }})") is jsengine.UNDEFINED
    assert js("""Object.prototype.toJSON = function () { return 'P'; };
                 var r = JSON.stringify({a:[1]}); delete Object.prototype.toJSON; r""") == '"P"'


def test_stringify_getters_and_non_enumerable():
    assert js("""var o = {get g() { return 5; }};
                 Object.defineProperty(o, 'h', {value: 1, enumerable: false});
                 JSON.stringify(o)""") == '{"g":5}'


def test_stringify_circular():
    name, msg = js_error("var a = {}; a.a = a; JSON.stringify(a)")
    assert name == "TypeError"
    assert msg == ("Converting circular structure to JSON\n    --> starting at object with constructor 'Object'"
                   "\n    --- property 'a' closes the circle")
    name, msg = js_error("var b = []; b.push({x: [b]}); JSON.stringify(b)")
    assert msg.splitlines() == [
        "Converting circular structure to JSON",
        "    --> starting at object with constructor 'Array'",
        "    |     index 0 -> object with constructor 'Object'",
        "    |     property 'x' -> object with constructor 'Array'",
        "    --- index 0 closes the circle"]
    # a repeated (non-circular) reference is fine
    assert js("var s = {}; JSON.stringify([s, s])") == "[{},{}]"


def test_stringify_bigint():
    assert js_error("JSON.stringify({a: 1n})") == ("TypeError", "Do not know how to serialize a BigInt")


def test_stringify_deep_nesting_is_a_range_error():
    assert js_error("var a = []; for (var i = 0; i < 100000; i++) a = [a]; JSON.stringify(a)") == \
        ("RangeError", "Maximum call stack size exceeded")
    assert js("var a = []; for (var i = 0; i < 1000; i++) a = [a]; JSON.stringify(a).length") == 2002  # 1001 arrays


def test_stringify_bomb_ends_by_memory_budget():
    src = "let a = []; for (let i = 0; i < 30; i++) a = [a, a]; JSON.stringify(a, null, 1).length"
    with pytest.raises(BudgetExceeded) as ei:
        jsengine.run(src, budget=Budget(steps=None, memory=64 * 2**20, timeout=120))
    assert ei.value.kind == "memory"


def test_stringify_bomb_ends_by_step_budget():
    src = "let a = []; for (let i = 0; i < 30; i++) a = [a, a]; JSON.stringify(a).length"
    with pytest.raises(BudgetExceeded) as ei:
        jsengine.run(src, budget=Budget(steps=2_000_000, memory=None, timeout=120))
    assert ei.value.kind == "steps"


def test_stringify_huge_sparse_array_is_budgeted():
    with pytest.raises(BudgetExceeded):
        jsengine.run("var a = []; a.length = 4294967295; JSON.stringify(a)",
                     budget=Budget(steps=1_000_000, memory=None, timeout=120))


def test_json_object_shape():
    assert js("Object.prototype.toString.call(JSON)") == "[object JSON]"
    assert js("Object.getOwnPropertyNames(JSON).join() + ' ' + JSON.parse.length + JSON.stringify.length") == \
        "parse,stringify 23"
    assert js("""var d = Object.getOwnPropertyDescriptor(JSON, Symbol.toStringTag);
                 [d.value, d.writable, d.enumerable, d.configurable].join()""") == "JSON,false,false,true"


# -- Node-differential ------------------------------------------------------------------------------

_NUMBERS = ["0", "-0", "1", "-1.5", "1e21", "1e-7", "NaN", "Infinity", "-Infinity", "9007199254740993",
            "0.1", "123456789.125", "5e-324", "1.7976931348623157e308", "100"]
_STRINGS = ['""', '"abc"', '"a\\"b\\\\c"', '"\\n\\t\\b\\f\\r"', '"\\u0000\\u001f\\u007f"', '"\\ud800"',
            '"\\udc00x"', '"\\ud83d\\ude00"', '"\\u2028\\u2029"', '"é漢字"', '"</script>"', '"\\\\u0041"']
_KEYS = ['"a"', '"b"', '"1"', '"0"', '"01"', '"-1"', '"x y"', '"é"', '"\\ud800"', '""', '"__proto__"',
         '"toJSON2"', '"4294967295"']
_LEAVES = (["true", "false", "null", "undefined", "function(){}", "Symbol('s')", "new Number(3)",
            "new String('ab')", "new Boolean(false)", "{toJSON(k){ return 'J' + k; }}",
            "{toJSON(){ return undefined; }}", "Object.create(null)", "({get g() { return 7; }})",
            "Object.defineProperty({}, 'h', {value: 1, enumerable: false})", "[1,,3]"]
           + _NUMBERS + _STRINGS)
_REPLACERS = ["undefined", "null", "function (k, v) { return typeof v === 'number' ? v + 1 : v; }",
              "function (k, v) { return k === 'a' || k === '1' ? undefined : v; }",
              "function (k, v) { return Array.isArray(v) ? v.length : v; }",
              "function (k, v) { return typeof v === 'string' ? k + ':' + v : v; }",
              "function (k, v) { return v === null ? {n: k} : v; }",
              "['a', '1', 1, new String('b'), {}, 'a', new Number(0)]", "[]", "['x y', 'é']"]
_SPACES = ["undefined", "0", "1", "2", "10", "11", "-1", "1.9", "''", "'\\t'", "'abcdefghijklmnop'",
           "new Number(3)", "new String('xx')", "null", "true"]
_REVIVERS = ["undefined", "function (k, v) { return typeof v === 'number' ? v * 2 : v; }",
             "function (k, v) { return k === 'a' || k === '0' ? undefined : v; }",
             "function (k, v) { return Array.isArray(v) ? v.concat([k]) : v; }",
             "function (k, v) { if (v && typeof v === 'object' && !Array.isArray(v)) v.seen = k; return v; }"]


def random_value(rng: random.Random, depth: int = 0) -> str:
    r = rng.random()
    if depth >= 4 or r < 0.35:
        return rng.choice(_LEAVES)
    if r < 0.65:
        return "[" + ", ".join(random_value(rng, depth + 1) for _ in range(rng.randint(0, 5))) + "]"
    members = []
    for _ in range(rng.randint(0, 5)):
        members.append(f"[{rng.choice(_KEYS)}]: {random_value(rng, depth + 1)}")
    if rng.random() < 0.1:
        members.append("[Symbol('k')]: 1")
    return "({" + ", ".join(members) + "})"


def random_json_text(rng: random.Random, depth: int = 0) -> str:
    r = rng.random()
    if depth >= 4 or r < 0.4:
        return rng.choice(["0", "-0", "1.5e3", "-12.25", "true", "false", "null", '"s"', '"\\u00e9\\ud800"',
                           "123456789012345678901234567890", '"\\\\"', "1E-5", '"\\ud83d\\ude00"'])
    ws = rng.choice(["", " ", "\n  ", "\t"])
    if r < 0.7:
        return "[" + ws + ("," + ws).join(random_json_text(rng, depth + 1)
                                          for _ in range(rng.randint(0, 4))) + ws + "]"
    keys = rng.sample(["a", "b", "0", "1", "__proto__", "x y", "a"], rng.randint(0, 4))
    return "{" + ",".join(f'{ws}"{k}"{ws}:{ws}{random_json_text(rng, depth + 1)}' for k in keys) + ws + "}"


def mutate(rng: random.Random, text: str) -> str:
    if not text:
        return rng.choice(["{", "[", '"'])
    i = rng.randrange(len(text) + 1)
    op = rng.random()
    if op < 0.3:
        return text[:i] + text[i + 1:]
    if op < 0.7:
        return text[:i] + rng.choice('{}[],:"\\ -0123456789.eEatx\u00a0\x01') + text[i:]
    return text[:i]


@needs_node
@pytest.mark.parametrize("seed", range(SEEDS))
def test_stringify_random_values_match_node(seed):
    rng = random.Random(seed)
    exprs = []
    for _ in range(150):
        v = random_value(rng)
        exprs.append(f"JSON.stringify({v}, {rng.choice(_REPLACERS)}, {rng.choice(_SPACES)})")
        exprs.append(f"JSON.stringify(JSON.parse(JSON.stringify({v}) || 'null'), null, {rng.choice(_SPACES)})")
    assert_same(exprs)


@needs_node
@pytest.mark.parametrize("seed", range(SEEDS))
def test_parse_random_texts_match_node(seed):
    rng = random.Random(100 + seed)
    exprs = []
    for _ in range(150):
        text = random_json_text(rng)
        exprs.append(f"JSON.stringify(JSON.parse({json.dumps(text)}, {rng.choice(_REVIVERS)}))")
        bad = mutate(rng, text)
        exprs.append(f"JSON.stringify(JSON.parse({json.dumps(bad)}))")
    assert_same(exprs)


@needs_node
def test_edge_cases_match_node():
    assert_same([
        "JSON.stringify({a: 1}, null, 1.99)",
        "JSON.stringify([[[]]], null, '\\u2028')",
        "JSON.stringify(Object.assign([1, 2], {x: 3}))",
        "JSON.stringify(new String('abc'))",
        "JSON.stringify(Object.assign(new Number(4), {toJSON: undefined}))",
        "JSON.stringify({a: new Boolean(true)}, (k, v) => v)",
        "JSON.stringify('\\ud800\\ud800\\udc00\\udc00')",
        "JSON.stringify({[1]: 1, [-0]: 2})",
        "JSON.parse('[1, 2]', function (k, v) { return Array.isArray(v) ? v : this.length; })",
        "JSON.stringify(JSON.parse('{\"a\": {\"b\": [1, {\"c\": 2}]}}', (k, v) => k === 'c' ? [v] : v))",
        "(function () { var c = {}; c.self = {p: {q: {r: {s: c}}}}; return JSON.stringify(c); })()",
        "(function () { var c = {}; c[''] = c; return JSON.stringify(c); })()",
        "(function () { class Foo {} var f = new Foo(); f.f = [f]; return JSON.stringify(f); })()",
        "JSON.parse('\"\\\\u0041\\\\u00')",
        "JSON.parse('{\"a\":1,\"b\":2,}')",
        "JSON.parse('[' + ' '.repeat(30) + '}')",
    ])
