"""The specialised closures (compiler/fused.py): operands read inline, statement forms, shared return
records. Each case is a program whose answer the slow, general path would also give."""

from __future__ import annotations

import pytest

import jsengine
from jsengine import JSError


def js(src: str):
    return jsengine.run(src)


def js_error(src: str) -> tuple[str, str]:
    with pytest.raises(JSError) as ei:
        jsengine.run(src)
    return ei.value.name, ei.value.message


@pytest.mark.parametrize(("src", "expected"), [
    # every operator over every operand shape: slot, captured slot, constant, global, any expression
    ("(function () { let a = 7, b = 2; return [a + b, a - b, a * b, a / b, a % b, a & b, a | b, a ^ b,"
     " a >> b, a >>> b, a < b, a > b, a <= b, a >= b, a === b, a !== b, a == b, a != b].join(); })()",
     "9,5,14,3.5,1,2,7,5,1,1,false,true,false,true,false,true,false,true"),
    ("(function () { let a = 7; return (() => [a + 1, a - 1, a < 8, a === 7, 1 - a, 3 * a, a % 4])().join(); })()",
     "8,6,true,true,-6,21,3"),
    ("var g = 5; (function () { return [g + 1, 10 - g, g * g, g < 6, g === 5].join(); })()", "6,5,25,true,true"),
    ("(function () { let s = 'ab'; return [s + 1, s + 'c', 1 + s, s < 'b', s === 'ab', s - 1].join(); })()",
     "ab1,abc,1ab,true,true,NaN"),
    ("(function () { let x = 2 ** 53; return [x + 1 === x, x - 1, -x - 2, x * 2, x % 3, 0 * -1].join(); })()",
     "true,9007199254740991,-9007199254740994,18014398509481984,2,0"),
    ("(function () { let z = -0; return [Object.is(z * 1, -0), Object.is(0 * -1, -0), 1 / (z - 0)].join(); })()",
     "true,true,-Infinity"),
    ("(function () { let n = NaN; return [n === n, n !== n, n < 1, n >= 1, n == n, n != n].join(); })()",
     "false,true,false,false,false,true"),
    ("(function () { let b = 10n; return [b + 1n, b * b, b === 10n, b < 11n, b % 3n].join(); })()", "11,100,true,true,1"),
    ("(function () { let o = {valueOf() { return 3; }}; return [o + 1, o * 2, o < 4, o == 3, o === 3].join(); })()",
     "4,6,true,true,false"),
    ("(function () { let u; return [u === undefined, u == null, null == 0, u + 1, null + 1].join(); })()",
     "true,true,false,NaN,1"),
])
def test_operators_over_operand_shapes(src, expected):
    assert js(src) == expected


def test_assignment_statements_store_into_slots():
    assert js("""(function () {
        let a = 1, b = 2, s = '';
        a = b + 3; b = a * 2; a += b; b -= 1; a *= 2; s += 'x'; s += a;
        let f = () => { a += 100; b = a - 1; };
        f(); f();
        let i = 0; i++; i++; i--; ++i;
        return [a, b, s, i].join();
    })()""") == "230,229,x30,2"


def test_compound_assignment_reads_the_target_before_the_right_side():
    assert js("(function () { let x = 1; x += (x = 10, 5); return x; })()") == 6
    assert js("(function () { let x = 'a'; const f = () => { x += 'b'; return 'c'; }; x += f(); return x; })()") == "ac"


def test_method_arguments_are_evaluated_after_the_method_lookup():
    # the getter runs before the argument is read, even when the argument is a plain slot
    assert js("""(function () {
        let x = 1;
        const o = { get m() { x = 2; return (v) => v; } };
        return o.m(x);
    })()""") == 2
    assert js_error("(function () { let o = {}; let n = 0; o.nope(n++); })()") == \
        ("TypeError", "o.nope is not a function")


def test_string_method_calls_use_the_running_realms_prototype():
    assert js("String.prototype.shout = function () { return this + '!'; }; 'hi'.shout()") == "hi!"
    assert js("const f = String.prototype.charCodeAt; String.prototype.charCodeAt = () => 7;"
              "const r = 'a'.charCodeAt(0); String.prototype.charCodeAt = f; r + 'b'.charCodeAt(0)") == 105
    assert js("Object.defineProperty(String.prototype, 'g', {get() { return () => this.length; }}); 'abc'.g()") == 3
    assert js_error("'x'.nope()") == ("TypeError", "'x'.nope is not a function")


def test_new_reads_the_current_prototype():
    assert js("function P(x) { this.x = x; } const a = new P(1); P.prototype = {k: 5}; const b = new P(2);"
              "[a.k, b.k, b.x, Object.getPrototypeOf(a) === Object.getPrototypeOf(b)].join()") == ",5,2,false"
    assert js("function P() {} P.prototype = 3; Object.getPrototypeOf(new P()) === Object.prototype") is True
    assert js_error("const o = {}; new o(1)") == ("TypeError", "o is not a constructor")


def test_member_reads_and_writes():
    assert js("(function () { const a = [1, 2, 3]; a[1] = 5; a[5] = 6; a.x = 1;"
              " return [a.length, a[1], a[4], a[5], a.x, 'abc'.length, a['length']].join(); })()") == \
        "6,5,,6,1,3,6"
    assert js("(function () { const o = {get v() { return this.w * 2; }, w: 4}; o.w = 5; return o.v; })()") == 10
    assert js_error("(function () { let u; return u.x; })()")[0] == "TypeError"
    assert js_error("'use strict'; (function () { const o = Object.freeze({a: 1}); o.a = 2; })()")[0] == "TypeError"


def test_return_records_survive_reentry():
    # a return whose exit runs JS code (finally, iterator close) must not share its record
    assert js("""
        function f(n) { try { if (n > 0) return n; } finally { if (n > 0) f(n - 1); } return -1; }
        f(3)""") == 3
    assert js("""
        function h(it) { for (const x of it) { if (x) return x; } }
        const it = { [Symbol.iterator]() { let i = 0; return {
            next() { return { value: ++i, done: false }; },
            return() { h([0, 9]); return {}; } }; } };
        h(it)""") == 1
    assert js("""
        function* g(n) { try { if (n) return n; } finally { yield 0; } }
        const a = g(5), b = g(7); a.next(); b.next();
        [a.next().value, b.next().value].join()""") == "5,7"
    assert js("function tak(x, y, z) { if (y >= x) return z; return tak(tak(x - 1, y, z), tak(y - 1, z, x),"
              " tak(z - 1, x, y)); } tak(12, 8, 4)") == 5


def test_nested_immediately_invoked_functions_compile_once():
    # each level was once compiled twice (2**depth compiles): 60 levels must finish at once
    depth = 60
    src = "var n = 0;" + "(function () { n++;" * depth + "})();" * depth + " n"
    assert js(src) == depth


def test_counting_loops_with_an_inline_test():
    assert js("""(function () {
        const out = [];
        for (let i = 0; i < 10; i++) { if (i === 2) continue; if (i === 7) break; out.push(i); }
        outer: for (let i = 0; i < 3; i++) { for (let j = 0; j < 3; j++) { if (j > i) continue outer; out.push(`${i}${j}`); } }
        let s = 'abc';
        for (let i = 0; i < s.length; i++) { if (s.length < 6) s += 'x'; }
        out.push(s);
        let n = 0;
        for (let i = 0; i < NaN; i++) n++;
        for (let x = 0.5; x <= 2; x += 0.5) n += x;
        for (let i = 10; i >= 0; i -= 3) n += 100;
        out.push(n);
        return out.join();
    })()""") == "0,1,3,4,5,6,00,10,11,20,21,22,abcxxx,405"
    assert js("function f(a) { for (let i = 0; i < a.length; i++) { if (a[i] > 2) return i; } return -1; }"
              "[f([1, 2, 3]), f([]), f([5])].join()") == "2,-1,0"


def test_if_and_conditional_branches_on_comparisons():
    assert js("""(function () {
        const r = [];
        for (const v of [1, 2, '2', NaN, null, undefined, 2n]) {
            r.push(v < 2 ? 'lt' : v == 2 ? 'eq' : 'other');
            if (v === 2) r.push('strict'); else if (v != v) r.push('nan');
        }
        return r.join();
    })()""") == "lt,eq,strict,eq,other,nan,lt,other,eq"


def test_compound_assignment_to_elements_and_properties():
    assert js("""(function () {
        const a = [1, 2, 3], o = {n: 1, s: 'a'};
        let i = 0;
        a[i++] += 10; a[2] *= a[1]; a[1] -= 0.5; a[5] |= 3; o.n += 2; o['s'] += 'b'; o.m = o.m ?? 4; o.n **= 2;
        const b = [1]; b[0] += (b.length = 0, 5);
        return [a.join(), i, o.n, o.s, o.m, b.length, b[0]].join(';');
    })()""") == "11,1.5,6,,,3;1;9;ab;4;1;6"
    assert js_error("(function () { let u; u[0] += 1; })()")[0] == "TypeError"
    assert js("(function () { const o = {get x() { return 2; }, set x(v) { this.y = v; }}; o.x += 3; return o.y; })()") == 5


def test_member_updates_and_new_properties():
    assert js("""(function () {
        const o = {n: 1}, a = [5], s = Symbol('s');
        o.n++; ++o.n; o.n--; const post = o.n++; const pre = --o.n;
        a[0]++; o[s] = 1; o[s]++; o.f = 1.5; o.f++; o.big = 2 ** 53; o.big++;
        o.str = '4'; o.str++; o.u++;
        return [o.n, post, pre, a[0], o[s], o.f, o.big, o.str, o.u].join();
    })()""") == "2,2,2,6,2,2.5,9007199254740992,5,NaN"
    assert js("""(function () {
        class A { set x(v) { this._x = v * 2; } }
        class B extends A { constructor() { super(); this.x = 4; this.y = 1; } }
        const b = new B();
        const frozen = Object.preventExtensions({});
        frozen.z = 1;
        const ro = Object.create(Object.defineProperty({}, 'k', {value: 1}));
        ro.k = 2;
        return [b._x, Object.keys(b).join('|'), 'z' in frozen, ro.k].join();
    })()""") == "8,_x|y,false,1"
    assert js_error("'use strict'; const o = Object.preventExtensions({}); o.z = 1;")[0] == "TypeError"
