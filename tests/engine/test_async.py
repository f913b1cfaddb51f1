"""Async functions, await, async generators, for await, the host's jobs (queueMicrotask, timers) and what
happens to a promise rejection nobody handles."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

import jsengine
from jsengine import Budget, BudgetExceeded, Engine
from tests.conftest import js_output


def lines(src: str) -> list[str]:
    return js_output(src).splitlines()


TICKS = ("let n = 0; const tick = () => { if (n < 10) { const i = ++n; "
         "Promise.resolve().then(() => { console.log('tick', i); tick(); }); } }; tick();\n")


def test_async_function_runs_synchronously_until_its_first_await():
    assert lines("async function f() { console.log('f start'); await undefined; console.log('f after'); }"
                 "f(); console.log('sync end');") == ["f start", "sync end", "f after"]


def test_await_takes_one_tick_for_values_and_native_promises_three_for_thenables():
    out = lines(TICKS + "(async () => { await 5; console.log('value'); })();"
                        "(async () => { await Promise.resolve(); console.log('native'); })();"
                        "(async () => { await { then(r) { r(); } }; console.log('thenable'); })();")
    assert out[:5] == ["tick 1", "value", "native", "tick 2", "thenable"]  # as Node


def test_returning_a_promise_from_an_async_function_costs_two_extra_ticks():
    out = lines(TICKS + "(async () => 1)().then(() => console.log('plain'));"
                        "(async () => Promise.resolve(2))().then(() => console.log('promise'));")
    assert out[:6] == ["tick 1", "plain", "tick 2", "tick 3", "promise", "tick 4"]  # as Node


def test_await_in_every_position():
    src = """
    const P = v => Promise.resolve(v);
    (async () => {
      const out = [];
      out.push(`t${await P(1)}`, [await P(2), ...(await P([3]))].join(), (await P(0)) || (await P('or')));
      const { a = await P('dflt') } = {}; out.push(a);
      for (let i = await P(0); i < await P(2); i += await P(1)) out.push('i' + i);
      switch (await P('b')) { case await P('a'): out.push('A'); break; case await P('b'): out.push('B'); }
      try { await Promise.reject(new Error('E')); } catch (e) { out.push(e.message + await P('c')); }
      finally { out.push('f' + await P('f')); }
      out.push((await P(null))?.x, String.raw`r${await P('s')}`);
      class K extends (await P(Array)) { [await P('m')]() { return 'km'; } }
      out.push(new K().m());
      console.log(out.join(' '));
    })();
    """
    assert lines(src) == ["t1 2,3 or dflt i0 i1 B Ec ff  rs km"]


def test_rejections_are_catchable_and_async_errors_reject():
    assert lines("async function t() { throw new TypeError('bad'); } t().catch(e => console.log(e.name, e.message));"
                 "(async () => { try { await Promise.reject(new Error('no')); } catch (e) { console.log('caught', e.message); } })();"
                 ) == ["TypeError bad", "caught no"]


def test_parameter_errors_reject_instead_of_throwing():
    assert lines("async function f(a = (() => { throw new Error('param'); })()) {}"
                 "f().catch(e => console.log('rejected', e.message)); console.log('sync');") == ["sync", "rejected param"]


def test_async_methods_arrows_this_super_and_arguments():
    src = """
    class B { hi() { return 'B.hi'; } }
    class C extends B {
      constructor() { super(); this.n = 'c'; }
      async m() { await null; return this.n + ' ' + super.hi(); }
      async a() { const f = async () => { await null; return this.n + arguments.length; }; return f(); }
      static async s() { return 'static'; }
    }
    const c = new C();
    Promise.all([c.m(), c.a(1, 2), C.s()]).then(v => console.log(v.join('|')));
    """
    assert lines(src) == ["c B.hi|c2|static"]


def test_async_generator_queues_requests_made_before_it_settles():
    src = """
    async function* ag() { const x = yield 1; console.log('got', x); await null; yield 2; return 'done'; }
    const it = ag();
    [it.next('a'), it.next('b'), it.next('c'), it.next('d')].forEach((p, i) => p.then(r => console.log(i, JSON.stringify(r))));
    console.log('queued');
    """
    assert lines(src) == ["queued", "got b", '0 {"value":1,"done":false}', '1 {"value":2,"done":false}',
                          '2 {"value":"done","done":true}', '3 {"done":true}']


def test_async_generator_return_and_throw_in_each_state():
    src = """
    const show = r => JSON.stringify(r);
    async function* g() { try { yield 'a'; yield 'b'; } finally { console.log('finally'); } }
    (async () => {
      const i1 = g(); console.log('start return', show(await i1.return('R1')), show(await i1.next()));
      const i2 = g(); await i2.next(); console.log('yield return', show(await i2.return(Promise.resolve('R2'))));
      const i3 = g(); await i3.next();
      try { await i3.throw(new Error('T')); } catch (e) { console.log('thrown out', e.message); }
      console.log('completed return', show(await i3.return('R3')));
      try { await g().throw(new Error('at start')); } catch (e) { console.log('start throw', e.message); }
    })();
    """
    assert lines(src) == ['start return {"value":"R1","done":true} {"done":true}', "finally",
                          'yield return {"value":"R2","done":true}', "finally", "thrown out T",
                          'completed return {"value":"R3","done":true}', "start throw at start"]


def test_explicit_return_awaits_but_implicit_return_does_not():
    out = lines(TICKS + "async function* a() {} async function* b() { return undefined; }"
                        "a().next().then(() => console.log('implicit')); b().next().then(() => console.log('explicit'));")
    assert out[:4] == ["tick 1", "implicit", "tick 2", "explicit"]  # as Node


def test_async_yield_star_reads_values_inside_the_generator():
    src = """
    const it = { [Symbol.asyncIterator]() { return this; },
                 next() { return { done: false, get value() { throw new Error('value getter'); } }; } };
    async function* g() { try { yield* it; } catch (e) { yield 'caught ' + e.message; } }
    g().next().then(r => console.log(r.value));
    """
    assert lines(src) == ["caught value getter"]


def test_for_await_over_sync_and_async_iterables():
    src = """
    (async () => {
      for await (const v of [Promise.resolve('a'), 'b']) console.log(v);
      async function* counter() { try { for (let i = 0; ; i++) yield i; } finally { console.log('closed'); } }
      for await (const x of counter()) { if (x > 1) break; console.log('x', x); }
      try { for await (const x of counter()) throw new Error('body'); } catch (e) { console.log(e.message); }
      try { for await (const x of 5); } catch (e) { console.log(e.message); }
      const o = {}; try { for await (const x of o.missing); } catch (e) { console.log(e.message); }
    })();
    """
    assert lines(src) == ["a", "b", "x 0", "x 1", "closed", "closed", "body", "5 is not async iterable",
                          "Cannot read properties of undefined (reading 'Symbol(Symbol.asyncIterator)')"]


def test_for_await_closes_a_sync_iterator_whose_value_rejects():
    src = """
    function* g() { try { yield Promise.reject(new Error('x')); } finally { console.log('cleanup'); } }
    (async () => { try { for await (const v of g()); } catch (e) { console.log('caught', e.message); } })();
    """
    assert lines(src) == ["cleanup", "caught x"]  # ES2025 (test262); Node 20 does not close


def test_queue_microtask_and_timers_run_like_node():
    src = """
    setTimeout(() => { console.log('timeout A'); Promise.resolve().then(() => console.log('micro in A')); }, 0);
    setTimeout((a, b) => console.log('timeout B', a, b), 0, 'x', 'y');
    clearTimeout(setTimeout(() => console.log('cancelled'), 0));
    let n = 0; const iv = setInterval(() => { console.log('interval', ++n); if (n === 2) clearInterval(iv); }, 0);
    queueMicrotask(() => console.log('queueMicrotask'));
    Promise.resolve().then(() => console.log('micro'));
    (async () => { await new Promise(r => setTimeout(r, 50)); console.log('slept'); })();
    console.log('sync');
    """
    assert lines(src) == ["sync", "queueMicrotask", "micro", "timeout A", "micro in A", "timeout B x y",
                          "interval 1", "interval 2", "slept"]


def test_timers_take_real_time_and_a_timer_past_the_deadline_ends_the_run():
    assert lines("const t0 = Date.now(); setTimeout(() => console.log(Date.now() - t0 >= 100), 100);") == ["true"]
    t = time.perf_counter()
    with pytest.raises(BudgetExceeded) as ei:
        jsengine.run("setTimeout(() => {}, 60000)", budget=Budget(timeout=5))
    assert ei.value.kind == "time" and time.perf_counter() - t < 5


def test_timers_return_node_timeout_objects():
    assert lines("const t = setTimeout(function () { console.log('this', this === t); }, 10);"
                 "console.log(typeof t, t.hasRef(), t.unref() === t, t.hasRef(), t.ref() === t, typeof +t);"
                 "setTimeout(() => console.log('unref timers do not keep the run going'), 20).unref();"
                 "const c = setTimeout(() => console.log('cleared'), 5); clearTimeout(+c);"
                 "let n = 0; const r = setTimeout(() => { console.log('refreshed', ++n); if (n < 2) r.refresh(); }, 1);") == [
        "object true true false true number", "refreshed 1", "refreshed 2", "this true"]


def test_timer_callbacks_must_be_functions():
    assert lines("try { setTimeout('code'); } catch (e) { console.log(e.name, e.code, e.message); }") == [
        'TypeError ERR_INVALID_ARG_TYPE The "callback" argument must be of type function. Received type string (\'code\')']


def test_unhandled_rejection_is_reported_by_the_engine():
    eng = Engine(console=lambda level, text: None)
    eng.run("const p = Promise.reject(new Error('late')); Promise.resolve().then(() => p.catch(() => {}));")
    assert eng.unhandled_rejection() is None  # handled before the queue was empty
    eng.run("(async () => { await null; throw new TypeError('from async'); })(); Promise.reject(42);")
    err = eng.unhandled_rejection()
    assert err is not None and err.name == "UnhandledPromiseRejection" and 'reason "42"' in err.message
    assert eng.unhandled_rejection() is None  # reported once
    eng.run("Promise.reject(new RangeError('r'))")
    err = eng.unhandled_rejection()
    assert (err.name, err.message) == ("RangeError", "r")


def test_an_unhandled_rejection_stops_the_timers():
    out = lines("Promise.reject(1); setTimeout(() => console.log('timer'), 0); Promise.resolve().then(() => console.log('micro'));")
    assert out == ["micro"]  # Node's process ends before the timer


def test_cli_exits_1_and_names_the_error_of_an_unhandled_rejection(tmp_path: Path):
    script = tmp_path / "u.js"
    script.write_text("console.log('before');\n(async () => { await null; throw new TypeError('async boom'); })();\n")
    p = subprocess.run([sys.executable, "-m", "jsengine.cli", "run", str(script)], capture_output=True, text=True,
                       timeout=120, check=False)
    assert p.returncode == 1
    assert p.stdout == "before\n"
    assert "Uncaught (in promise) TypeError: async boom" in p.stderr


def test_stack_overflow_in_async_code_is_a_range_error():
    t = time.perf_counter()
    assert lines("async function rec(n) { return rec(n + 1); }"
                 "rec(0).catch(e => console.log(e instanceof RangeError, e.message));") == \
        ["true Maximum call stack size exceeded"]
    assert lines("async function* r() { yield* r(); } r().next().catch(e => console.log(e.constructor.name));") == \
        ["RangeError"]
    assert time.perf_counter() - t < 60


def test_deep_await_recursion_completes():
    assert lines("async function rec(n) { await null; return n === 0 ? 'bottom' : rec(n - 1); }"
                 "rec(3000).then(v => console.log(v));") == ["bottom"]


def test_async_stack_traces_name_the_function():
    assert lines("async function outer() { await null; throw new Error('boom'); }"
                 "outer().catch(e => console.log(e.stack.split('\\n')[1].trim()));") == ["at outer (test.js:1:44)"]


def test_async_function_constructor():
    assert jsengine.run("const AF = (async () => {}).constructor;"
                        "AF.name + ' ' + (Object.getPrototypeOf(AF) === Function) + ' ' +"
                        "Object.prototype.toString.call(new AF('return 1'))") == \
        "AsyncFunction true [object AsyncFunction]"
