"""Promise: the job order (ticks), thenable adoption, combinators, finally, subclassing, and messages."""

from __future__ import annotations

import pytest

import jsengine
from jsengine import JSError
from tests.conftest import js_output


def js(src: str):
    return jsengine.run(src)


def lines(src: str) -> list[str]:
    return js_output(src).splitlines()


TICKS = ("let n = 0; const tick = () => { if (n < 8) { const i = ++n; "
         "Promise.resolve().then(() => { console.log('tick', i); tick(); }); } }; tick();\n")


def test_jobs_run_after_the_script_in_fifo_order():
    assert lines("Promise.resolve().then(() => console.log('a1')).then(() => console.log('a2'));"
                 "Promise.resolve().then(() => console.log('b1')).then(() => console.log('b2'));"
                 "new Promise(r => { console.log('executor'); r(); }).then(() => console.log('c1'));"
                 "console.log('sync')") == ["executor", "sync", "a1", "b1", "c1", "a2", "b2"]


def test_resolving_with_a_native_promise_takes_two_extra_ticks():
    out = lines(TICKS + "new Promise(r => r(Promise.resolve('x'))).then(v => console.log('adopted', v));"
                        "Promise.resolve().then(() => Promise.resolve('y')).then(v => console.log('returned', v));")
    assert out.index("adopted x") == 3  # after tick 1..3
    assert out.index("returned y") == 5


def test_thenable_adoption_calls_then_in_a_job():
    out = lines("const t = { then(res) { console.log('then called'); res('T'); } };"
                "Promise.resolve(t).then(v => console.log('got', v)); console.log('sync');")
    assert out == ["sync", "then called", "got T"]


def test_thenable_errors_reject():
    out = lines("Promise.resolve({ then() { throw new Error('then threw'); } }).catch(e => console.log(e.message));"
                "Promise.resolve({ get then() { throw new Error('getter'); } }).catch(e => console.log(e.message));"
                "Promise.resolve({ then(r) { r(1); r(2); throw new Error('ignored'); } }).then(v => console.log(v));")
    assert sorted(out) == ["1", "getter", "then threw"]


def test_resolve_functions_act_once_and_executor_errors_reject():
    assert lines("new Promise((res, rej) => { res('first'); rej('second'); throw new Error('x'); })"
                 ".then(v => console.log(v), e => console.log('bad'));"
                 "new Promise(() => { throw new Error('executor'); }).catch(e => console.log(e.message));") == \
        ["first", "executor"]


def test_self_resolution_is_a_type_error():
    assert lines("const p = new Promise(r => setTimeout(() => r(p))); p.catch(e => console.log(e.constructor.name, e.message));"
                 ) == ["TypeError Chaining cycle detected for promise #<Promise>"]


def test_combinator_orders():
    out = lines("const d = (v, n) => { let p = Promise.resolve(v); for (let i = 0; i < n; i++) p = p.then(x => x);"
                " return p; };"
                "Promise.all([d('a', 3), d('b', 1), 'c']).then(v => console.log('all', v.join()));"
                "Promise.race([d('slow', 3), d('fast', 1)]).then(v => console.log('race', v));"
                "Promise.any([Promise.reject(1), d('any', 2)]).then(v => console.log('any', v));"
                "Promise.allSettled([Promise.reject('r'), 3]).then(v => console.log(JSON.stringify(v)));")
    assert out == ['[{"status":"rejected","reason":"r"},{"status":"fulfilled","value":3}]', 'race fast',
                   'any any', 'all a,b,c']  # as Node prints them


def test_any_rejects_with_an_aggregate_error():
    assert lines("Promise.any([Promise.reject(1), Promise.reject(2)]).catch(e => "
                 "console.log(e.constructor.name, e.message, e.errors.join()));"
                 "Promise.any([]).catch(e => console.log(e.errors.length));") == \
        ["0", "AggregateError All promises were rejected 1,2"]


def test_combinators_reject_non_iterables_with_v8s_message():
    assert lines("Promise.all(5).catch(e => console.log(e.constructor.name, e.message));"
                 "Promise.race({}).catch(e => console.log(e.message));") == [
        "TypeError number 5 is not iterable (cannot read property Symbol(Symbol.iterator))",
        "object is not iterable (cannot read property Symbol(Symbol.iterator))"]


def test_combinator_closes_the_iterator_when_resolve_throws_but_not_when_next_throws():
    out = lines("const C = function (ex) { return new Promise(ex); }; C.resolve = () => { throw new Error('resolve'); };"
                "const it = { [Symbol.iterator]() { return { next() { return { value: 1, done: false }; },"
                " return() { console.log('closed'); return {}; } }; } };"
                "Promise.all.call(C, it).catch(e => console.log(e.message));"
                "const bad = { [Symbol.iterator]() { return { next() { throw new Error('next'); },"
                " return() { console.log('wrongly closed'); return {}; } }; } };"
                "Promise.all(bad).catch(e => console.log(e.message));")
    assert out == ["closed", "resolve", "next"]


def test_finally_passes_values_through_and_can_override_with_errors():
    out = lines("Promise.resolve(1).finally(() => 99).then(v => console.log('value', v));"
                "Promise.reject(2).finally(() => {}).catch(v => console.log('reason', v));"
                "Promise.resolve(3).finally(() => { throw 'thrown'; }).catch(v => console.log('override', v));"
                "Promise.resolve(4).finally(() => Promise.reject('rej')).catch(v => console.log('override', v));")
    assert sorted(out) == ["override rej", "override thrown", "reason 2", "value 1"]


def test_subclasses_and_species():
    assert js("class P extends Promise {} const p = P.resolve(5);"
              "[p instanceof P, p.then(() => {}) instanceof P, Promise.resolve(p) === p, P.resolve(p) === p].join()") == \
        "true,true,false,true"


def test_promise_api_shape():
    assert js("Object.getOwnPropertyNames(Promise).sort().join()") == \
        "all,allSettled,any,length,name,prototype,race,reject,resolve"
    assert js("Object.getOwnPropertyNames(Promise.prototype).sort().join() + ' ' + "
              "Promise.prototype[Symbol.toStringTag]") == "catch,constructor,finally,then Promise"
    with pytest.raises(JSError) as ei:
        js("Promise()")
    assert ei.value.message == "Promise constructor cannot be invoked without 'new'"
    with pytest.raises(JSError) as ei:
        js("new Promise(5)")
    assert ei.value.message == "Promise resolver 5 is not a function"


def test_long_chains_do_not_overflow():
    assert lines("let p = Promise.resolve(0); for (let i = 0; i < 5000; i++) p = p.then(v => v + 1);"
                 "p.then(v => console.log(v));") == ["5000"]
