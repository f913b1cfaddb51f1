"""Generators: the protocol (next/return/throw in every state), yield*, iterator closing, yield in every
expression position (destructuring, classes, optional chains, tagged templates ...), and deep recursion."""

from __future__ import annotations

import time

import pytest

import jsengine
from jsengine import JSError
from tests.conftest import js_output


def js(src: str):
    return jsengine.run(src)


def js_error(src: str) -> tuple[str, str]:
    with pytest.raises(JSError) as ei:
        jsengine.run(src)
    return ei.value.name, ei.value.message


STEPS = """
function* g() {
  try { const x = yield 1; log.push('x=' + x); yield 2; }
  catch (e) { log.push('caught ' + e); yield 'from catch'; }
  finally { log.push('finally'); }
  return 'end';
}
var log = [];
const show = r => JSON.stringify(r);
"""


def test_next_in_every_state():
    assert js(STEPS + "const it = g(); [show(it.next('ignored')), show(it.next('X')), show(it.next()),"
                      "show(it.next()), log.join()].join(' ')") == \
        '{"value":1,"done":false} {"value":2,"done":false} {"value":"end","done":true} {"done":true} x=X,finally'


def test_return_and_throw_at_start_complete_without_running_the_body():
    assert js(STEPS + "const it = g(); [show(it.return(5)), show(it.next()), log.length].join(' ')") == \
        '{"value":5,"done":true} {"done":true} 0'
    assert js(STEPS + "const it = g(); let m; try { it.throw(new Error('early')); } catch (e) { m = e.message; }"
                      "[m, show(it.next()), log.length].join(' ')") == 'early {"done":true} 0'


def test_return_runs_finally_and_throw_is_caught_inside():
    assert js(STEPS + "const it = g(); it.next(); [show(it.return(7)), show(it.next()), log.join()].join(' ')") == \
        '{"value":7,"done":true} {"done":true} finally'
    assert js(STEPS + "const it = g(); it.next(); [show(it.throw('E')), show(it.next()), log.join()].join(' ')") == \
        '{"value":"from catch","done":false} {"value":"end","done":true} caught E,finally'


def test_yield_in_finally_during_return_and_finally_overriding_return():
    assert js("function* h() { try { yield 1; } finally { yield 'f'; } }"
              "const it = h(); it.next(); JSON.stringify([it.return('R'), it.next(), it.next()])") == \
        '[{"value":"f","done":false},{"value":"R","done":true},{"done":true}]'
    assert js("function* k() { try { yield 1; } finally { return 'override'; } }"
              "const it = k(); it.next(); JSON.stringify(it.return('R'))") == '{"value":"override","done":true}'


def test_completed_generator_rethrows_and_returns():
    assert js_error("function* g() {} const it = g(); it.next(); it.throw(new RangeError('after'))") == \
        ("RangeError", "after")
    assert js("function* g() {} const it = g(); it.next(); JSON.stringify(it.return(3))") == '{"value":3,"done":true}'


def test_reentering_a_running_generator_is_a_type_error():
    assert js("function* s() { try { me.next(); } catch (e) { yield e.constructor.name + ': ' + e.message; } }"
              "const me = s(); me.next().value") == "TypeError: Generator is already running"


def test_generator_methods_receivers_are_checked():
    assert js_error("function* g() {} g.prototype.next.call({})")[0] == "TypeError"
    assert js_error("function* g() {} new g()")[0] == "TypeError"


def test_yield_star_forwards_next_throw_and_return():
    src = """
    const calls = [];
    const inner = { [Symbol.iterator]() { let i = 0; return {
      next(v) { calls.push('next ' + v); return { value: i++, done: i > 3 }; },
      return(v) { calls.push('return ' + v); return { value: 'rv', done: true }; },
      throw(e) { calls.push('throw ' + e); return { value: 'tv', done: false }; } }; } };
    function* d() { const r = yield* inner; calls.push('result ' + r); }
    const it = d();
    const out = [it.next('a'), it.next('b'), it.throw('T'), it.return('Q')].map(r => JSON.stringify(r));
    out.join(' ') + ' | ' + calls.join()
    """
    assert js(src) == ('{"value":0,"done":false} {"value":1,"done":false} {"value":"tv","done":false} '
                       '{"value":"rv","done":true} | next undefined,next b,throw T,return Q')


def test_yield_star_passes_inner_results_through_and_closes_on_missing_throw():
    assert js("const w = { [Symbol.iterator]() { return { next() { return { value: 1, done: false, extra: 'kept' };"
              " } }; } }; function* d() { yield* w; } JSON.stringify(d().next())") == \
        '{"value":1,"done":false,"extra":"kept"}'
    src = """
    let closed = false;
    const noThrow = { [Symbol.iterator]() { return { next() { return { value: 1, done: false }; },
                                                     return() { closed = true; return {}; } }; } };
    function* d() { yield* noThrow; }
    const it = d(); it.next();
    let msg; try { it.throw('x'); } catch (e) { msg = e.message; }
    msg + ' ' + closed
    """
    assert js(src) == "The iterator does not provide a 'throw' method. true"


def test_yield_star_hands_the_inner_result_over_without_reading_value():
    src = """
    const it = { [Symbol.iterator]() { return this; },
                 next() { return { done: false, get value() { throw new Error('value getter'); } }; } };
    function* g() { try { yield* it; } catch (e) { yield 'caught inside'; } }
    const r = g().next(); let m; try { r.value; } catch (e) { m = e.message; } m
    """
    assert js(src) == "value getter"


def test_yield_star_not_iterable_message_is_v8s():
    assert js_error("function* g() { yield* 5; } g().next()") == \
        ("TypeError", "number 5 is not iterable (cannot read property Symbol(Symbol.iterator))")
    assert js_error("function* g() { yield* {}; } g().next()")[1] == \
        "object is not iterable (cannot read property Symbol(Symbol.iterator))"


def test_for_of_break_and_throw_close_the_generator():
    src = """
    const log = [];
    function* counted() { try { for (let i = 0; ; i++) yield i; } finally { log.push('closed'); } }
    for (const x of counted()) { if (x === 2) break; log.push(x); }
    try { for (const x of counted()) throw new Error('body'); } catch (e) { log.push(e.message); }
    const [a, b] = counted(); log.push(a, b);
    log.join()
    """
    assert js(src) == "0,1,closed,closed,body,closed,0,1"


def test_spread_from_and_this_arguments():
    assert js("function* f() { yield 1; yield 2; } [...f(), ...Array.from(f(), x => x * 10)].join()") == "1,2,10,20"
    assert js("function* a() { yield arguments.length; yield arguments[1]; yield this.tag; }"
              "[...a.call({tag: 'T'}, 'x', 'y', 'z')].join()") == "3,y,T"
    assert js("class C { *[Symbol.iterator]() { yield* [1, 2]; } static *s() { yield 's'; } }"
              "[...new C(), ...C.s()].join()") == "1,2,s"


def test_yield_in_expression_positions():
    src = """
    function f(...a) { return a.join('|'); }
    function* g() {
      const out = [];
      out.push(f(yield 'a', yield 'b'));
      out.push(`t${yield 't'}`);
      const o = { [yield 'k']: yield 'v' };
      out.push(JSON.stringify(o));
      out.push((yield 'c') ? yield 'yes' : 'no');
      out.push(String.raw`x${yield 'tag'}y`);
      out.push((yield 'oc')?.p);
      out.push(delete (yield 'del')[yield 'dk']);
      return out.join(' ');
    }
    const it = g(); let r = it.next(); const feed = [1, 2, 'T', 'key', 'val', true, 'Y', 'TG', null, { z: 1 }, 'z'];
    let i = 0; while (!r.done) r = it.next(feed[i++]);
    r.value
    """
    assert js(src) == '1|2 tT {"key":"val"} Y xTGy  true'


def test_yield_in_destructuring_defaults_targets_and_for_heads():
    src = """
    function* g() {
      const { a = yield 'da', b: [c = yield 'dc'] = [] } = {};
      let x, o = {};
      [x = yield 'ax', o[yield 'key']] = [undefined, 'V'];
      const heads = [];
      for (const [i = yield 'fh'] of [[], [1]]) heads.push(i);
      try { throw { m: 'thrown' }; } catch ({ m, n = yield 'catch' }) { heads.push(m + n); }
      return [a, c, x, JSON.stringify(o), heads.join()].join(' ');
    }
    const it = g(); let r = it.next(); const names = [];
    while (!r.done) { names.push(r.value); r = it.next(r.value.toUpperCase()); }
    names.join() + ' -> ' + r.value
    """
    assert js(src) == 'da,dc,ax,key,fh,catch -> DA DC AX {"KEY":"V"} FH,1,thrownCATCH'


def test_destructuring_target_is_evaluated_before_the_value():
    assert js("const log = []; const src = { get p() { log.push('get p'); return 1; } };"
              "function* g() { const t = {}; ({ p: t[(log.push('key'), yield 'k')] } = src); return log.join(); }"
              "const it = g(); it.next(); it.next('K').value") == "key,get p"


def test_return_during_yield_in_array_destructuring_closes_the_iterator():
    src = """
    let closed = 0;
    const iterable = { [Symbol.iterator]() { return { next() { return { value: undefined, done: false }; },
                                                      return() { closed++; return {}; } }; } };
    function* g() { const [a = yield 'default'] = iterable; }
    const it = g(); it.next(); JSON.stringify(it.return('R')) + ' ' + closed
    """
    assert js(src) == '{"value":"R","done":true} 1'


def test_yield_in_class_heritage_and_computed_keys():
    src = """
    function* g() {
      class C extends (yield 'heritage') { static get [yield 'k1']() { return 'got'; } ['m' + (yield 'k2')]() { return 2; } }
      return C;
    }
    const it = g(); it.next(); it.next(Array); it.next('first'); const C = it.next('X').value;
    [C.first, new C().mX(), Object.getPrototypeOf(C) === Array].join()
    """
    assert js(src) == "got,2,true"


def test_yield_in_with_statement_and_super_call():
    assert js("function* g() { with ({ v: 'w' }) { yield v; } } g().next().value") == "w"
    src = """
    class A { constructor(x) { this.x = x; } }
    function* make() { class B extends A { constructor() { super(...arguments); } } return B; }
    new (make().next().value)(5).x
    """
    assert js(src) == 5


def test_deep_generator_recursion_is_a_range_error_and_fast():
    t = time.perf_counter()
    assert js("function* r(n) { yield* r(n + 1); }"
              "try { r(0).next(); 'no error' } catch (e) { e.constructor.name + ': ' + e.message }") == \
        "RangeError: Maximum call stack size exceeded"
    assert time.perf_counter() - t < 30  # was quadratic in the depth (minutes)


def test_deep_but_finite_generator_recursion_returns():
    assert js("function* r(n) { if (n === 0) return 'bottom'; return yield* r(n - 1); } r(3000).next().value") == \
        "bottom"


def test_stack_traces_name_the_generator():
    out = js_output("function* gen() { yield 1; throw new RangeError('boom'); }"
                    "const it = gen(); it.next(); try { it.next(); } catch (e) { console.log(e.stack.split('\\n')[1]); }")
    assert out.strip() == "at gen (test.js:1:34)"


def test_generator_function_constructor_and_prototypes():
    assert js("const GF = Object.getPrototypeOf(function*(){}).constructor;"
              "const f = new GF('a', 'yield a; yield a * 2;'); [...f(21)].join() + ' ' + f.name") == "21,42 anonymous"
    assert js("function* g() {} Object.prototype.toString.call(g()) + ' ' + (g.prototype === Object.getPrototypeOf(g()))"
              ) == "[object Generator] true"
    assert js("function* g() {} g.prototype = null; Object.getPrototypeOf(g()) === "
              "Object.getPrototypeOf(function*(){}).prototype") is True
