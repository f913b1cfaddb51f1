"""Array, Array.prototype and the Array Iterator, run as JS through jsengine.

Table tests pin what a script sees (values checked against Node 20); the differential tests run the
same programs in Node (skipped when ``node`` is not installed), including random sort / splice /
copyWithin / fill cases; the budget tests check that huge lengths end by the step or memory budget.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import time

import pytest

import jsengine
from jsengine import Budget, BudgetExceeded, Engine, JSError

NODE = shutil.which("node")
needs_node = pytest.mark.skipif(NODE is None, reason="node is not installed")

PRELUDE = """
function T(f) { try { return String(f()); } catch (e) { return e.constructor.name + ': ' + e.message; } }
function J(x) { return JSON.stringify(x); }
"""


def js(src: str):
    """The completion value of ``src`` (with T and J defined), converted to Python."""
    return jsengine.run(PRELUDE + src)


def js_error(src: str) -> str:
    with pytest.raises(JSError) as info:
        jsengine.run(src)
    return f"{info.value.name}: {info.value.message}"


# -- table tests ------------------------------------------------------------------------------------


def test_constructor_forms():
    assert js("[Array(3).length, Array('3').length, Array(1, 2).length, new Array(-0).length]") == [3, 1, 2, 0]
    assert js("J(Array(3))") == "[null,null,null]"
    assert js("J(Object.keys(new Array(3)))") == "[]"
    assert js("J([Array.of(7), Array.of(1, 2, 3), Array.of()])") == "[[7],[1,2,3],[]]"
    assert js("[Array.isArray([]), Array.isArray({length: 0}), Array.isArray(Array.prototype)]") == [
        True, False, True]


def test_invalid_lengths_throw_range_error():
    for src in ("new Array(2**32)", "new Array(-1)", "new Array(1.5)", "Array(NaN)", "[].length = 2**32",
                "Array.from({length: 2**32})"):
        assert js_error(src) == "RangeError: Invalid array length", src


def test_huge_sparse_array_is_cheap():
    t = time.monotonic()
    assert js("""
        const a = new Array(2**31); a[5] = 'x'; a[2**31 - 2] = 'y';
        [a.length, a.indexOf('y'), a.lastIndexOf('x'), a.includes('y'), a.includes(undefined),
         a.indexOf(undefined), a.join('').length, a.slice(2**31 - 5).join('-')].join()""") == (
        "2147483648,2147483646,5,true,true,-1,2,---y-")
    assert js("const a = []; a[2**31] = 1; a[5] = 2; a.sort(); J([a[0], a[1], a.length, Object.keys(a)])") == (
        '[1,2,2147483649,["0","1"]]')
    assert time.monotonic() - t < 10


def test_array_from():
    assert js("J(Array.from('abc'))") == '["a","b","c"]'
    assert js("J(Array.from({length: 3}, (v, i) => i * 2))") == "[0,2,4]"
    assert js("J(Array.from(new Set([1, 1, 2])))") == "[1,2]"
    assert js("J(Array.from([1, 2, 3], function (x) { return x * this.m }, {m: 10}))") == "[10,20,30]"
    assert js("J(Array.from({length: 2, 0: 'a'}))") == '["a",null]'
    assert js("J(Array.from(new Map([[1, 2]])))") == "[[1,2]]"
    assert js("J(Array.from([1, , 3]))") == "[1,null,3]"
    assert js_error("Array.from([1], 'x')") == "TypeError: x is not a function"
    assert js_error("Array.from(null)") == (
        "TypeError: object null is not iterable (cannot read property Symbol(Symbol.iterator))")


def test_array_from_closes_iterator_when_mapping_throws():
    assert js("""
        let closed = 0;
        const it = {[Symbol.iterator]() { return {next() { return {value: 1, done: false} },
                                                   return() { closed++; return {} }} }};
        T(() => Array.from(it, () => { throw new Error('m') })) + ' ' + closed""") == "Error: m 1"


def test_array_from_sees_elements_pushed_while_iterating():
    assert js("const a = [1, 2]; J(Array.from(a, (x) => { if (a.length < 4) a.push(x * 10); return x }))") == (
        "[1,2,10,20]")


def test_subclass_and_species():
    assert js("""
        class M extends Array {}
        const m = new M(1, 2, 3);
        [m.map(x => x) instanceof M, m.filter(x => x > 1).constructor.name, M.from([1]).constructor.name,
         M.of(1, 2).length, m.slice(1) instanceof M, m.concat([1]) instanceof M, m.splice(0, 1) instanceof M,
         m.flat() instanceof M, Array.isArray(m)].join()""") == "true,M,M,2,true,true,true,true,true"
    assert js("""
        const a = [1, 2, 3];
        a.constructor = {[Symbol.species]: function (n) { return {length: n, foo: 1}; }};
        J(a.map(x => x * 2))""") == '{"0":2,"1":4,"2":6,"length":3,"foo":1}'
    assert js("const a = [1]; a.constructor = {[Symbol.species]: null}; Array.isArray(a.slice())") is True
    assert js_error("const a = [1]; a.constructor = 5; a.slice()") == (
        "TypeError: object.constructor[Symbol.species] is not a constructor")
    assert js("Array[Symbol.species] === Array") is True


def test_concat():
    assert js("[1, 2, 3].concat(4, [5, [6]], {length: 1, 0: 7, [Symbol.isConcatSpreadable]: true}).join('|')") == (
        "1|2|3|4|5|6|7")
    assert js("const r = [1, , 3].concat([4, , 6]); J(Object.keys(r)) + r.length") == '["0","2","3","5"]6'
    assert js("const r = Array.prototype.concat.call(1, 2); J(r) + typeof r[0]") == "[1,2]object"
    assert js("const a = [1, 2]; a[Symbol.isConcatSpreadable] = false; [].concat(a).length") == 1


def test_copy_within_and_fill():
    assert js("""J([[1,2,3,4,5].copyWithin(0, 3), [1,2,3,4,5].copyWithin(-2), [1,2,3,4,5].copyWithin(0, 3, 4),
                 [1,2,3,4,5].copyWithin(1, 0), [1,2,3].copyWithin(-Infinity, 1)])""") == (
        "[[4,5,3,4,5],[1,2,3,1,2],[4,2,3,4,5],[1,1,2,3,4],[2,3,3]]")
    assert js("J(Array.prototype.copyWithin.call({length: 5, 3: 1}, 0, 3))") == '{"0":1,"3":1,"length":5}'
    assert js("const a = [1, , 3, , 5]; a.copyWithin(0, 1); J(Object.keys(a))") == '["1","3","4"]'
    assert js("J([[1,2,3].fill(4), [1,2,3].fill(4, 1, 2), [1,2,3].fill(4, -3, -2), [1,2,3].fill(4, NaN, NaN)])") == (
        "[[4,4,4],[1,4,3],[4,2,3],[1,2,3]]")
    assert js("J(Array.prototype.fill.call({length: 3}, 1))") == '{"0":1,"1":1,"2":1,"length":3}'
    assert js("new Array(300000).fill(7).reduce((a, b) => a + b)") == 2_100_000


def test_iteration_methods_skip_holes_and_see_mutation():
    assert js("const out = []; [1, , 3].forEach((v, i, a) => out.push(v, i, a.length)); J(out)") == "[1,0,3,3,2,3]"
    assert js("J([1, , 3].map(x => x * 2)) + J(Object.keys([1, , 3].map(x => x)))") == '[2,null,6]["0","2"]'
    assert js("""
        const a = [1, 2, 3, 4, 5]; const seen = [];
        a.forEach((v, i) => { seen.push(v); if (i === 0) { a.pop(); a.push(9, 10); } });
        seen.join() + '|' + a.join()""") == "1,2,3,4,9|1,2,3,4,9,10"
    assert js("[[1, 2, 3].every(x => x > 0), [].every(x => false), [1, 2].some(x => x > 1), [].some(x => 1)].join()") == (
        "true,true,true,false")
    assert js("J([[1, 2, 3].find(x => x > 1), [1, 2, 3].findIndex(x => x > 5), [, 1].findIndex(x => x === undefined)])") == (
        "[2,-1,0]")
    assert js("J([[1,2,3].reduce((a, b) => a + b), [1,2,3].reduceRight((a, b) => a + '-' + b), [,,1,,].reduce((a, b) => a + b)])") == (
        '[6,"3-2-1",1]')


def test_callback_errors():
    assert js("T(() => [].every(undefined))") == "TypeError: undefined is not a function"
    assert js("T(() => [].map('abc'))") == "TypeError: abc is not a function"
    assert js("T(() => [].map({}))") == "TypeError: #<Object> is not a function"
    assert js("T(() => [].flatMap(1))") == "TypeError: flatMap mapper function is not callable"
    assert js("T(() => [].reduce((a, b) => a))") == "TypeError: Reduce of empty array with no initial value"
    assert js("T(() => [].sort(1))") == "TypeError: The comparison function must be either a function or undefined"
    assert js("T(() => Array.prototype.values.call(null))") == "TypeError: Cannot convert undefined or null to object"
    assert js("T(() => [][Symbol.iterator]().next.call({}))") == (
        "TypeError: Method Array Iterator.prototype.next called on incompatible receiver #<Object>")


def test_flat():
    assert js("J([[1,[2,[3,[4]]]].flat(), [1,[2,[3,[4]]]].flat(Infinity), [1,[2]].flat(-1), [1,,[2,,3]].flat()])") == (
        "[[1,2,[3,[4]]],[1,2,3,4],[1,[2]],[1,2,3]]")
    assert js("J([1, 2].flatMap(x => [x, [x * 2]]))") == "[1,[2],2,[4]]"
    assert js("let a = []; for (let i = 0; i < 1000; i++) a = [a, i]; a.flat(Infinity).length") == 1000
    assert js("T(() => { const a = [1]; a.push(a); return a.flat(Infinity) })") == (
        "RangeError: Maximum call stack size exceeded")


def test_search():
    assert js("""J([[1,2,NaN].includes(NaN), [1,2,NaN].indexOf(NaN), [,].includes(undefined), [,].indexOf(undefined),
                 [1,2,3].includes(1,-1), [0].includes(-0), [-0].indexOf(0), [1, true, '1'].indexOf(true),
                 [1, true, '1'].indexOf('1'), [true, 1].indexOf(1), [1,2,1].lastIndexOf(1, -2),
                 [NaN].lastIndexOf(NaN), [1n, 2n].indexOf(2n)])""") == (
        "[true,-1,true,-1,false,true,0,1,2,1,0,-1,1]")


def test_join_and_to_string():
    assert js("[1, [2, [3, null, undefined]], , 4].toString()") == "1,2,3,,,,4"
    assert js("J([[1,2].join(undefined), [1,2].join(null), [null, undefined, 1].join('-'), Array(3).join('ab')])") == (
        '["1,2","1null2","--1","abab"]')
    # a self-nesting array joins its cycle as the empty string (as V8 does)
    assert js("const a = [1, 2]; a.push(a); a.join() + '|' + String([a, [a]])") == "1,2,|1,2,,1,2,"
    assert js("const o = {length: 2, 0: 1, toString() { return Array.prototype.join.call(this) }}; o[1] = o; "
              "Array.prototype.join.call(o)") == "1,"
    assert js("J([Array.prototype.toString.call({join: 1}), Array.prototype.toString.call({join() { return 'j' }})])") == (
        '["[object Object]","j"]')
    # ECMA-262 without Intl calls each element's toLocaleString with no arguments (Node passes 2)
    assert js("[{toLocaleString() { return arguments.length }}, null, 1].toLocaleString('en', {})") == "0,,1"


def test_mutators():
    assert js("const a = [1, 2, 3]; J([a.pop(), a.push(4, 5), a.shift(), a.unshift(0, -1), a])") == (
        "[3,4,1,5,[0,-1,2,4,5]]")
    assert js("const o = {0: 1, 2: 3, length: 3}; Array.prototype.shift.call(o); J(o)") == '{"1":3,"length":2}'
    assert js("const o = {0: 1, 2: 3, length: 3}; Array.prototype.unshift.call(o, 'a'); J(o)") == (
        '{"0":"a","1":1,"3":3,"length":4}')
    assert js("const o = {0: 1, 2: 3, length: 3}; Array.prototype.reverse.call(o); J(o)") == (
        '{"0":3,"2":1,"length":3}')
    assert js("J(Object.keys([1, , 3, , ].reverse()))") == '["1","3"]'
    assert js("const a = [1, , 3, , 5]; const d = a.splice(1, 2, 'x'); J([a, Object.keys(a), d, Object.keys(d)])") == (
        '[[1,"x",null,5],["0","1","3"],[null,3],["1"]]')
    assert js("const o = {0: 'a', 1: 'b', 3: 'd', length: 5}; const d = Array.prototype.splice.call(o, 1, 3); "
              "J([o, d])") == '[{"0":"a","length":2},["b",null,"d"]]'


def test_length_limits():
    assert js("T(() => Array.prototype.push.call({length: 2**53 - 1}, 1))") == (
        "TypeError: Pushing 1 elements on an array-like of length 9007199254740991 is disallowed, "
        "as the total surpasses 2**53-1")
    assert js("T(() => Array.prototype.unshift.call({length: 2**53 - 1}, 1))") == "TypeError: Invalid array length"
    assert js("T(() => Array.prototype.splice.call({length: 2**53 - 1}, 0, 0, 1))") == (
        "TypeError: Invalid array length")
    assert js("const o = {length: 2**53 + 5}; Array.prototype.pop.call(o); o.length") == 2**53 - 2


def test_frozen_arrays_reject_changes():
    for src in ("Object.freeze([1, 2]).push(3)", "Object.freeze([1, 2]).pop()", "Object.freeze([2, 1]).sort()",
                "Object.freeze([1]).fill(0)", "Object.freeze([1, 2]).reverse()", "Object.freeze([1]).splice(0, 1)"):
        assert js(f"T(() => {src}).slice(0, 10)") == "TypeError:", src
    assert js("const a = Object.freeze([3, 1]); T(() => a.sort()); J(a)") == "[3,1]"


def test_holes_read_through_prototype():
    assert js("""
        const a = [1, , 3]; Array.prototype[1] = 'p';
        const r = [a.indexOf('p'), a.includes('p'), a.join(), a.map(x => x + '!').join(), Object.keys(a.slice()).join(),
                   a.filter(x => 1).length, [...a].join(), a.lastIndexOf('p'), J(a.concat()), a.slice().join(),
                   J(a.sort())];
        delete Array.prototype[1];
        r.join(' ')""") == '1 true 1,p,3 1!,p!,3! 0,1,2 3 1,p,3 1 [1,"p",3] 1,p,3 [1,3,"p"]'


def test_getters_on_elements_run_once_each():
    assert js("""
        let calls = 0; const a = [1, 2, 3];
        Object.defineProperty(a, 1, {get() { calls++; return 7 }});
        [a.indexOf(7), a.map(x => x).join(), a.slice().join(), a.join(), a.includes(7), calls].join(' ')""") == (
        "1 1,7,3 1,7,3 1,7,3 true 5")


def test_array_iterator():
    assert js("""
        const a = [1, 2, 3]; const it = a[Symbol.iterator](); const r = [J(it.next())];
        a.push(4); r.push(J(it.next()), J(it.next()), J(it.next()), J(it.next()));
        a.push(5); r.push(J(it.next())); r.join(' ')""") == (
        '{"value":1,"done":false} {"value":2,"done":false} {"value":3,"done":false} '
        '{"value":4,"done":false} {"done":true} {"done":true}')
    assert js("J([...[1, 2].entries()]) + J([...[, 1].keys()])") == "[[0,1],[1,2]][0,1]"
    assert js("Object.prototype.toString.call([].values())") == "[object Array Iterator]"
    assert js("const it = [].keys(); it[Symbol.iterator]() === it") is True
    assert js("Array.prototype[Symbol.iterator] === Array.prototype.values") is True


def test_unscopables():
    assert js("J(Reflect.ownKeys(Array.prototype[Symbol.unscopables]))") == (
        '["copyWithin","entries","fill","find","findIndex","flat","flatMap","includes","keys","values"]')
    assert js("Object.getPrototypeOf(Array.prototype[Symbol.unscopables])") is None


def test_method_lengths_and_names():
    names = ["concat", "copyWithin", "entries", "every", "fill", "filter", "find", "findIndex", "flat", "flatMap",
             "forEach", "includes", "indexOf", "join", "keys", "lastIndexOf", "map", "pop", "push", "reduce",
             "reduceRight", "reverse", "shift", "slice", "some", "sort", "splice", "toLocaleString", "toString",
             "unshift", "values"]
    got = js(f"J({json.dumps(names)}.map(k => [Array.prototype[k].length, Array.prototype[k].name]))")
    lengths = dict(zip(names, (n for n, _ in json.loads(got))))
    assert lengths == {"concat": 1, "copyWithin": 2, "entries": 0, "every": 1, "fill": 1, "filter": 1, "find": 1,
                       "findIndex": 1, "flat": 0, "flatMap": 1, "forEach": 1, "includes": 1, "indexOf": 1,
                       "join": 1, "keys": 0, "lastIndexOf": 1, "map": 1, "pop": 0, "push": 1, "reduce": 1,
                       "reduceRight": 1, "reverse": 0, "shift": 0, "slice": 2, "some": 1, "sort": 1, "splice": 2,
                       "toLocaleString": 0, "toString": 0, "unshift": 1, "values": 0}
    assert [n for _, n in json.loads(got)] == names
    assert js("[Array.length, Array.from.length, Array.of.length, "
              "Object.getOwnPropertyDescriptor(Array, Symbol.species).get.name].join()") == "1,1,0,get [Symbol.species]"


# -- sort -------------------------------------------------------------------------------------------


def test_sort_default_order_and_undefined_and_holes():
    assert js("J([[3, 1, 2].sort(), [10, 9, 1, 100].sort(), ['b', undefined, 'a', , 'c'].sort()])") == (
        '[[1,2,3],[1,10,100,9],["a","b","c",null,null]]')
    assert js("const a = [, 1, undefined, 0, , -1]; a.sort(); J(a) + Object.keys(a) + a.length") == (
        "[-1,0,1,null,null,null]0,1,2,36")
    assert js("J(Array.prototype.sort.call({0: 'b', 1: 'a', 3: 'c', 4: undefined, length: 5}))") == (
        '{"0":"a","1":"b","2":"c","length":5}')


def test_sort_is_stable():
    assert js("""
        const a = []; for (let i = 0; i < 300; i++) a.push({k: (i * 7) % 5, i});
        a.sort((x, y) => x.k - y.k);
        a.every((o, j) => j === 0 || a[j - 1].k < o.k || (a[j - 1].k === o.k && a[j - 1].i < o.i))""") is True


def test_sort_inconsistent_comparators_do_not_crash():
    assert js("""
        let seed = 7; const a = []; for (let i = 0; i < 500; i++) a.push(i % 37);
        const r = a.slice().sort(() => { seed = (seed * 16807) % 2147483647; return seed % 3 - 1; });
        r.length === 500 && r.slice().sort((x, y) => x - y).join() === a.slice().sort((x, y) => x - y).join()""") is True
    assert js("J([3, 1, 2].sort((a, b) => a > b))") == "[3,1,2]"
    assert js("J([5, 1, 4].sort(() => NaN))") == "[5,1,4]"


def test_sort_comparator_errors_stop_the_sort():
    assert js("const a = [2, 1]; T(() => a.sort(() => { throw new Error('boom') })) + J(a)") == "Error: boom[2,1]"
    assert js("T(() => [1, Symbol()].sort())") == "TypeError: Cannot convert a Symbol value to a string"


def test_sort_comparator_mutating_the_array():
    assert js("const a = [3, 2, 1]; a.sort((x, y) => { a.length = 0; return x - y }); J(a)") == "[1,2,3]"


# -- budgets ----------------------------------------------------------------------------------------


def _run_budget(src: str, **kw):
    budget = Budget(steps=kw.pop("steps", 2_000_000), memory=kw.pop("memory", 256 * 2**20),
                    timeout=kw.pop("timeout", 60))
    return Engine(budget=budget).run(src)


@pytest.mark.parametrize("src", [
    "Array.prototype.indexOf.call({length: 2**32 - 1}, 1)",
    "Array.prototype.includes.call({length: 2**53 - 1}, 1)",
    "Array.prototype.lastIndexOf.call({length: 2**32 - 1}, 1)",
    "Array.prototype.fill.call({length: 2**40}, 1)",
    "Array.prototype.reverse.call({length: 2**40})",
    "Array.from({length: 2**32 - 1})",
    "new Array(2**31).forEach(x => x)",
    "Array.prototype.join.call({length: 2**40}, '')",
])
def test_huge_lengths_end_by_step_budget(src):
    with pytest.raises(BudgetExceeded) as info:
        _run_budget(src, steps=300_000)
    assert info.value.kind in ("steps", "memory")


@pytest.mark.parametrize("src", [
    "new Array(2**31).join('*')",
    "const a = []; a.length = 2**32 - 1; a.join('ab')",
    "let a = [1]; for (let i = 0; i < 40; i++) a = a.concat(a)",
    "const a = ['x']; for (let i = 0; i < 40; i++) a.push(a.join(''))",
])
def test_memory_bombs_are_refused(src):
    with pytest.raises(BudgetExceeded) as info:
        _run_budget(src, steps=None, memory=64 * 2**20)
    assert info.value.kind == "memory"


def test_budget_does_not_hit_ordinary_work():
    assert _run_budget("const a = []; for (let i = 0; i < 2000; i++) a.push(i); "
                       "a.sort((x, y) => y - x).slice(0, 3).join()") == "1999,1998,1997"


# -- differential tests against node -----------------------------------------------------------------

CASES = [
    # sort: stability, comparators, undefined and holes, generic receivers
    ("(() => { const a = []; for (let i = 0; i < 100; i++) a.push({k: i % 7, i}); "
    "a.sort((x, y) => x.k - y.k); return a.map(o => o.k + ':' + o.i).join(',') })()"),
    ("J([[3,1,2].sort((a,b)=>a>b), [5,1,4,2,3].sort((a,b)=>a>b), [5,1,4,2,3].sort(()=>NaN), "
    "[3,2,1].sort((a,b)=>a<b?-1:1), [1,2,3].sort(() => -1), [1,2,3].sort(() => 1)])"),
    ("(() => { const log = []; [3,1,2].sort((a,b)=>{log.push(a+''+b); return a-b}); "
    "[1,2,3,4,5].sort((a,b)=>{log.push(a+''+b); return a-b}); return log.join(' ') })()"),
    "J([[true, false, 'b', 'a', 1, null, undefined, 'null'].sort(), ['\\u00e9', 'e', 'z', 'E'].sort()])",
    "J([[0.1, -1, 1e21, 2, -0, 0].sort(), [0.1, -1, 1e21, 2, 0].sort((a, b) => a - b)])",
    ("J(['b', undefined, , 'a'].sort((x, y) => { if (x === undefined || y === undefined) throw 1; "
    "return x < y ? -1 : 1 }))"),
    "J(Array.prototype.sort.call({0: 3, 1: 1, 2: undefined, 4: 0, length: 6}, (a, b) => a - b))",
    "(() => { const a = [1,,3,,0]; a.sort(); return J(a) + J(Object.keys(a)) + a.length })()",
    # splice / copyWithin / fill edge cases
    ("(() => { const r = []; for (const args of [[1], [1,1], [-2], [1,0,'a','b'], [0,10], [], [1,-1,'x'], "
    "[undefined], [1, undefined], [Infinity], [-Infinity, 2], [NaN, NaN, 'z'], [2, 1.7], ['1', '2']]) { "
    "const a = [1,2,3,4]; const d = a.splice(...args); r.push(J(a) + J(d)); } return r.join(' ') })()"),
    ("(() => { const a = [1,,3,,5]; const d = a.splice(1, 2, 'x', 'y', 'z'); "
    "return J(a) + J(Object.keys(a)) + J(d) + J(Object.keys(d)) + d.length })()"),
    ("(() => { const o = {0: 'a', 1: 'b', 3: 'd', length: 5}; const d = Array.prototype.splice.call(o, 1, 2, "
    "'x', 'y', 'z'); return J(o) + J(d) })()"),
    ("(() => { const o = {0: 'a', 1: 'b', 3: 'd', length: 5}; const d = Array.prototype.splice.call(o, 1, 3); "
    "return J(o) + J(d) })()"),
    ("J([[1,2,3,4,5].copyWithin(0, 3), [1,2,3,4,5].copyWithin(-2), [1,2,3,4,5].copyWithin(0, 3, 4), "
    "[1,2,3,4,5].copyWithin(-2, -3, -1), [1,2,3,4,5].copyWithin(1, 0), [1,2,3,4,5].copyWithin(2, 0, 4), "
    "[1,2,3].copyWithin(Infinity, -Infinity), [1,2,3].copyWithin(-Infinity, 1), [1,2,3].copyWithin(0, 1, NaN)])"),
    "(() => { const a = [1,,3,,5]; a.copyWithin(1, 2); return J(Object.keys(a)) + J(a) })()",
    "J(Array.prototype.copyWithin.call({length: 5, 3: 1, 4: 2}, 0, 3))",
    ("J([[1,2,3].fill(4), [1,2,3].fill(4,1), [1,2,3].fill(4,1,2), [1,2,3].fill(4,-3,-2), [1,2,3].fill(4,NaN,NaN),"
    " Array(3).fill(), [1,2,3].fill(0, 5), [1,2,3].fill(9, -Infinity, Infinity), [1,2,3].fill(9, 2, 1)])"),
    ("(() => { const a = [1,,3]; a.fill('f', 1, 2); return J(Object.keys(a)) + J(Array.prototype.fill.call("
    "{length: 2}, 0)) })()"),
    # join / toString of nested and holey arrays
    ("J([[1,[2,[3,null,undefined]],,4].toString(), [[], [[]], [,]].join('-'), [1,,2,,].join(), "
    "[{}, [{}]].toString(), Array(4).toString(), [null, [undefined, [null]]].join(';')])"),
    ("(() => { const a = [1, 2]; a.push(a); const b = [a, [a, b => 1]]; "
    "return a.join() + '|' + String(b) + '|' + a.toLocaleString() })()"),
    "(() => { const a = [1]; const b = [a]; a.push(b); return String(a) + '|' + String(b) + '|' + a.join('-') })()",
    "J([[1.5, -0, 1e21, 1e-7, NaN, -Infinity].join(), [true, false, 'x', 10n].join('')])",
    ("(() => { const o = {length: 3, 0: 'a', 2: 'c'}; return Array.prototype.join.call(o, '+') + "
    "Array.prototype.toString.call(o) })()"),
    # the order of observable operations (Proxy traps, species, iterator protocol)
    """(() => { const log = []; const t = [1, , 3];
    const p = new Proxy(t, { get(o, k, r) { log.push('get ' + String(k));
    return Reflect.get(o, k, r) }, has(o, k) { log.push('has ' + String(k));
    return Reflect.has(o, k) }, set(o, k, v, r) { log.push('set ' + String(k));
    return Reflect.set(o, k, v, r) }, deleteProperty(o, k) { log.push('del ' + String(k));
    return Reflect.deleteProperty(o, k) }, defineProperty(o, k, d) { log.push('def ' + String(k));
    return Reflect.defineProperty(o, k, d) } }); const out = [];
    for (const m of ['reverse', 'shift', 'unshift', 'splice', 'sort', 'copyWithin', 'fill', 'pop', 'push', 'slice', 'map', 'filter', 'indexOf', 'lastIndexOf', 'includes', 'join', 'concat', 'flat', 'reduce', 'find']) { t.length = 0;
    t.push(1, 2, 3); delete t[1]; log.length = 0;
    try { const args = m === 'splice' ? [0, 1, 'x', 'y'] : m === 'unshift' || m === 'push' ? ['z'] : m === 'copyWithin' ? [0, 1] : m === 'fill' ? [0, 1] : m === 'map' || m === 'filter' || m === 'find' ? [x => x] : m === 'reduce' ? [(a, b) => a + b] : [3];
    Array.prototype[m].apply(p, args);
    } catch (e) { log.push('!' + e.message) } out.push(m + ': ' + log.join(','));
    } return out.join('\\n') })()""",
    """(() => { const log = []; const o = { length: 3, 0: 'a', 2: 'c' };
    const p = new Proxy(o, { get(o, k, r) { log.push('get ' + String(k));
    return Reflect.get(o, k, r) }, has(o, k) { log.push('has ' + String(k));
    return Reflect.has(o, k) }, set(o, k, v, r) { log.push('set ' + String(k));
    return Reflect.set(o, k, v, r) }, deleteProperty(o, k) { log.push('del ' + String(k));
    return Reflect.deleteProperty(o, k) } }); Array.prototype.sort.call(p);
    return log.join(',') + J(o) })()""",
    """(() => { const log = []; const a = [3, 1, 2];
    a.constructor = { get [Symbol.species]() { log.push('species');
    return function (n) { log.push('new ' + n);
    return new Proxy({}, { defineProperty(o, k, d) { log.push('def ' + k);
    return Reflect.defineProperty(o, k, d) }, set(o, k, v, r) { log.push('set ' + k);
    return Reflect.set(o, k, v, r) } }) } } }; a.map(x => x); a.filter(x => x > 1); a.slice(1);
    a.splice(0, 1); a.concat([4]); a.flat(); a.flatMap(x => [x]); return log.join(',') })()""",
    """(() => { const log = []; const it = { [Symbol.iterator]() { log.push('iter'); let i = 0;
    return { get next() { log.push('get next'); return () => { log.push('next');
    return i < 2 ? { value: i++, done: false } : { value: 'end', done: true } } } } } };
    const r = Array.from(it, (x, k) => { log.push('map ' + x + k); return x * 10 });
    return J(r) + log.join(',') })()""",
    """(() => { const log = []; const C = function (n) { log.push('C ' + arguments.length + ' ' + n); };
    const r = Array.from.call(C, { length: 2, 0: 'a', 1: 'b' }); const r2 = Array.of.call(C, 1, 2);
    const r3 = Array.from.call(C, [7, 8]); return log.join(',') + J([r, r2, r3]) })()""",
    # setters and Proxies on the prototype chain see holes being read and filled
    """(() => { let log = '';
    Object.defineProperty(Object.prototype, '3', { set(v) { log += 'set3:' + v + ';' }, get() { return 'g3' }, configurable: true });
    const a = [1, 2, 3]; a.push(4); const b = [1, 2]; b.unshift(0, 0); const c = [1, 2, 3];
    c.splice(1, 0, 'x'); const d = [5, 4, 3, 2, 1]; d.length = 3; d.length = 5; const e = d.slice();
    d.sort(); const f = [9, 8, 7]; f.length = 5; f.fill(1); const g = [1, 2, 3, 4, 5]; g.length = 3;
    g.length = 5; g.reverse(); delete Object.prototype[3];
    return log + JSON.stringify([a, b, c, d, e, f, g]) + a.length + Object.keys(d) + Object.keys(g) })()""",
    """(() => { const p = new Proxy([], { set(t, k, v, r) { return Reflect.set(t, k, v, r) }, get(t, k, r) { return k === '1' ? 'P' : Reflect.get(t, k, r) }, has(t, k) { return k === '1' || Reflect.has(t, k) } });
    const a = [0, , 2]; Object.setPrototypeOf(a, p);
    const r = [a.indexOf('P'), a.join(), a.includes('P'), J(a.slice()), a.map(x => x).join()]; a.sort();
    r.push(J(a)); return r.join(' ') })()""",
    # other generic behaviour
    ("J([[1,2,3,4].slice(1), [1,2,3,4].slice(-2), [1,2,3,4].slice(1,-1), [1,2,3].slice(5), [1,,3].slice(), "
    "Array.prototype.slice.call({length: 3, 1: 'x'}), Array.prototype.slice.call('abc', 1)])"),
    ("J([[1,[2,[3,[4]]]].flat(), [1,[2,[3,[4]]]].flat(Infinity), [1,[2,[3,[4]]]].flat(0), [1,,[2,,3]].flat(), "
    "[1,2].flatMap(x=>[x,[x*2]]), [[1], {length: 1, 0: 2}].flat()])"),
    ("J([[1,2,NaN].includes(NaN), [1,2,NaN].indexOf(NaN), [,].includes(undefined), [,].indexOf(undefined), "
    "[1,2,3].includes(3,-1), [1,2,3].indexOf(2,-100), [1,2,3].indexOf(1,5), [1,2,1].lastIndexOf(1,-4), "
    "[1,2,1].lastIndexOf(2,10), [1,2,1].lastIndexOf(1,undefined), ['a','b'].indexOf('b', 1.9)])"),
    ("J([[1,2,3].reduce((a,b)=>a+b), [1,2,3].reduce((a,b)=>a+b, 10), [1,2,3].reduceRight((a,b)=>a+'-'+b), "
    "[[1],[2]].reduceRight((a,b)=>a.concat(b), []), Array.prototype.reduce.call('abc', (a, b) => b + a)])"),
    ("(() => { const a = [1,2,3]; const r = a.map((v, i) => { if (i === 0) a.length = 1; return v * 2 }); "
    "return J(r) + r.length })()"),
    ("(() => { const a = [1, 2, 3, 4]; const out = []; a.forEach((v, i) => { out.push(v); a.shift() }); "
    "return J(out) + J(a) })()"),
    ("(() => { const r = []; const a = [1, 2, 3]; for (const x of a) { r.push(x); if (r.length < 4) a.unshift(0) } "
    "return J(r) + J(a) })()"),
]


def _batch_program(cases: list[str]) -> str:
    return PRELUDE + "const __cases = " + json.dumps(cases) + """;
const __out = [];
for (const __c of __cases) {
  try { __out.push(String((0, eval)(__c))); } catch (e) { __out.push('!' + e.constructor.name + ': ' + e.message); }
}
JSON.stringify(__out);
"""


def _node_batch(cases: list[str]) -> list[str]:
    prog = "process.stdout.write(String((0, eval)(" + json.dumps(_batch_program(cases)) + ")))"
    p = subprocess.run([NODE, "-e", prog], check=False, capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout)


def _mine_batch(cases: list[str]) -> list[str]:
    return json.loads(jsengine.run(_batch_program(cases)))


@pytest.fixture(scope="module")
def node_and_mine():
    if NODE is None:
        pytest.skip("node is not installed")
    return _node_batch(CASES), _mine_batch(CASES)


@needs_node
@pytest.mark.parametrize("i", range(len(CASES)))
def test_same_as_node(node_and_mine, i):
    theirs, mine = node_and_mine
    assert mine[i] == theirs[i], CASES[i]


def _random_cases(seed: int) -> list[str]:
    """Random sort / splice / copyWithin / fill / slice calls on small holey arrays."""
    rnd = random.Random(seed)

    def arr() -> str:
        items = []
        for _ in range(rnd.randint(0, 9)):
            r = rnd.random()
            items.append("" if r < 0.15 else "undefined" if r < 0.25 else str(rnd.randint(-3, 12)))
        return "[" + ",".join(items) + ("," if items and items[-1] == "" else "") + "]"

    def num() -> str:
        return rnd.choice(["0", "1", "2", "-1", "-3", "5", "10", "undefined", "NaN", "Infinity", "-Infinity", "1.5"])

    cases = []
    for _ in range(60):
        a = arr()
        kind = rnd.choice(["sort", "sortcmp", "splice", "copyWithin", "fill", "slice", "reverse", "unshift"])
        if kind == "sort":
            call = "a.sort()"
        elif kind == "sortcmp":
            call = rnd.choice(["a.sort((x, y) => x - y)", "a.sort((x, y) => y - x)", "a.sort((x, y) => (x % 3) - (y % 3))",
                               "a.sort((x, y) => x > y)", "a.sort(() => 0)"])
        elif kind == "splice":
            args = [num() for _ in range(rnd.randint(0, 2))] + [str(rnd.randint(0, 9)) for _ in range(rnd.randint(0, 3))]
            call = f"a.splice({', '.join(args)})"
        else:
            args = ", ".join(num() for _ in range(rnd.randint(0, 3)))
            call = {"copyWithin": f"a.copyWithin({args})", "fill": f"a.fill('f', {args})" if args else "a.fill('f')",
                    "slice": f"a.slice({args})", "reverse": "a.reverse()", "unshift": f"a.unshift({args})"}[kind]
        cases.append(f"(() => {{ const a = {a}; const r = {call}; "
                     f"return J(r) + ' ' + J(a) + ' ' + Object.keys(a) + ' ' + a.length }})()")
    return cases


@needs_node
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_mutators_same_as_node(seed):
    cases = _random_cases(seed)
    theirs = _node_batch(cases)
    mine = _mine_batch(cases)
    diffs = [(c, m, t) for c, m, t in zip(cases, mine, theirs) if m != t]
    assert not diffs, diffs[:3]
