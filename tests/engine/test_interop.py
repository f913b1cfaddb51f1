"""The door between Python and JS (jsengine/interop.py): allow-listed values round trip, everything else is
refused, host functions see deep copies, Python exceptions become plain JS errors, and converting a JS
value never runs JS code or escapes the budget."""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from enum import IntEnum

import pytest

import jsengine
from jsengine import UNDEFINED, Budget, BudgetExceeded, Engine, HostError, HostFunction, JSError


@pytest.fixture
def eng() -> Engine:
    return Engine(budget=Budget(steps=2_000_000, timeout=20))


def roundtrip(eng: Engine, value):
    eng.set_global("v", value)
    return eng.get_global("v")


# -- values that may cross ------------------------------------------------------------------------


@pytest.mark.parametrize("value", [
    None, True, False, 0, 1, -5, 2**53, -(2**53), 1.5, -2.25, 1e300, 5e-324, "", "plain", "héllo wörld",
    "😀 astral", "\U0010ffff", "a\x00b", "line\nbreak\u2028", [1, [2, [3, []]]],
    {"a": {"b": [1, {"c": None}]}, "": "empty key", "😀": "astral key"}, [], {},
    [None, True, 1, 1.5, "s", [], {}],
], ids=repr)
def test_allowed_values_round_trip(eng: Engine, value) -> None:
    got = roundtrip(eng, value)
    assert got == value
    assert type(got) is type(value)


def test_undefined_round_trips(eng: Engine) -> None:
    assert roundtrip(eng, UNDEFINED) is UNDEFINED
    assert eng.run("typeof v") == "undefined"
    assert eng.run("[undefined, null]") == [UNDEFINED, None]


def test_tuple_becomes_array(eng: Engine) -> None:
    eng.set_global("t", (1, (2, 3)))
    assert eng.run("Array.isArray(t) && Array.isArray(t[1]) && t.length") == 2
    assert eng.get_global("t") == [1, [2, 3]]


@pytest.mark.parametrize("big", [2**53 + 1, 2**64, -(2**70), 10**400 // 10**100])
def test_ints_beyond_2_53_become_floats(eng: Engine, big: int) -> None:
    eng.set_global("n", big)
    assert eng.run("typeof n") == "number"
    assert eng.run("Number.isSafeInteger(n)") is False
    got = eng.get_global("n")
    assert got == float(big)  # rounded to the nearest double (2**53 + 1 -> 2**53, an int again)
    assert type(got) is (int if abs(float(big)) <= 2**53 else float)
    assert eng.run("n === " + repr(float(big)).replace("e+", "e")) is True


def test_floats_keep_sign_nan_and_infinity(eng: Engine) -> None:
    neg_zero = roundtrip(eng, -0.0)
    assert type(neg_zero) is float and math.copysign(1, neg_zero) == -1
    assert eng.run("Object.is(v, -0)") is True
    assert math.isnan(roundtrip(eng, math.nan))
    assert eng.run("Number.isNaN(v)") is True
    assert roundtrip(eng, math.inf) == math.inf and eng.run("v === Infinity") is True
    assert roundtrip(eng, -math.inf) == -math.inf
    assert eng.run("1 / 0") == math.inf
    assert math.copysign(1, eng.run("-0")) == -1
    assert type(eng.run("2 ** 60")) is float
    assert type(eng.run("2 ** 52")) is int and type(eng.run("3.0")) is int


def test_strings_are_utf16_inside(eng: Engine) -> None:
    eng.set_global("s", "😀x")
    assert eng.run("[s.length, s.charCodeAt(0), s.charCodeAt(1), s.codePointAt(0)]") == [3, 0xD83D, 0xDE00, 0x1F600]
    # lone surrogates survive both ways
    eng.set_global("lone", "a\ud800b\udc00")
    assert eng.run("[lone.length, lone.charCodeAt(1), lone.charCodeAt(3)]") == [4, 0xD800, 0xDC00]
    assert eng.get_global("lone") == "a\ud800b\udc00"
    assert eng.run("'\\ud83d' + '\\ude00'") == "😀"  # a pair made in JS comes out as one character
    assert eng.run("'\\ude00\\ud83d'") == "\ude00\ud83d"


def test_js_only_values_come_out_as_documented(eng: Engine) -> None:
    assert eng.run("Symbol('s')") is UNDEFINED
    assert eng.run("(function () {})") is UNDEFINED
    assert eng.run("({f() {}, [Symbol()]: 1, x: 1})") == {"f": UNDEFINED, "x": 1}
    assert eng.run("10n ** 30n") == 10**30
    assert eng.run("Object.defineProperty({a: 1}, 'hidden', {value: 2, enumerable: false})") == {"a": 1}
    assert eng.run("[1, , 3]") == [1, UNDEFINED, 3]
    assert eng.run("new Number(5)") == 5 and eng.run("new String('s')") == "s"


def test_getters_are_not_called_when_converting(eng: Engine) -> None:
    got = eng.run("var calls = 0; ({get g() { calls++; return 1 }, x: 2})")
    assert got == {"g": UNDEFINED, "x": 2}
    assert eng.run("calls") == 0


# -- values that may not cross --------------------------------------------------------------------


class Evil(str):
    def upper(self):  # pragma: no cover - must never be reachable
        raise AssertionError("called")


class Color(IntEnum):
    RED = 1


@pytest.mark.parametrize("bad", [
    object(), b"bytes", bytearray(b"x"), {1, 2}, frozenset(), lambda: 1, print, 3 + 4j, range(3), type,
    Evil("x"), Color.RED, OrderedDict(a=1), Exception("e"), {1: "int key"}, [object()], {"k": {"n": b"x"}},
], ids=lambda v: type(v).__name__)
def test_disallowed_python_values_raise_type_error(eng: Engine, bad) -> None:
    with pytest.raises(TypeError):
        eng.set_global("b", bad)
    assert eng.run("typeof b") == "undefined"
    with pytest.raises(TypeError):
        jsengine.run("1", globals={"b": bad})


def test_python_cycles_are_refused(eng: Engine) -> None:
    a: list = []
    a.append(a)
    with pytest.raises(TypeError):
        eng.set_global("a", a)
    d: dict = {}
    d["self"] = d
    with pytest.raises(TypeError):
        eng.set_global("d", d)


def test_js_cycles_raise_type_error(eng: Engine) -> None:
    with pytest.raises(TypeError, match="cyclic"):
        eng.run("var a = [1]; a.push(a); a")
    with pytest.raises(TypeError, match="cyclic"):
        eng.run("var o = {}; o.self = {o}; o")
    # a shared (acyclic) sub-object is copied twice, not refused
    assert eng.run("var s = {x: 1}; [s, s]") == [{"x": 1}, {"x": 1}]


def test_proxies_are_refused_without_running_traps(eng: Engine) -> None:
    eng.run("var traps = 0; var handler = {ownKeys(t) { traps++; return [] },"
            " getOwnPropertyDescriptor(t, k) { traps++ }}; globalThis.p = new Proxy({a: 1}, handler); 1")
    with pytest.raises(TypeError, match="Proxy"):
        eng.get_global("p")
    with pytest.raises(TypeError, match="Proxy"):
        eng.run("[p]")
    assert eng.run("traps") == 0


def test_converting_a_hostile_proxy_outside_a_run_cannot_hang(eng: Engine) -> None:
    eng.run("globalThis.q = new Proxy({}, {ownKeys() { for (;;) {} }}); 1")
    box: dict = {}

    def get() -> None:
        try:
            box["v"] = eng.get_global("q")
        except TypeError as e:
            box["e"] = e

    t = threading.Thread(target=get, daemon=True)
    t.start()
    t.join(30)
    assert not t.is_alive(), "get_global ran the proxy's endless ownKeys trap"
    assert "e" in box


def test_exponential_shared_structure_is_bounded(eng: Engine) -> None:
    # 40 levels of [a, a] are 80 objects in JS but 2**40 values once deep-copied
    with pytest.raises(BudgetExceeded):
        eng.run("var a = [1]; for (var i = 0; i < 40; i++) a = [a, a]; a")
    with pytest.raises(TypeError, match="too large"):
        Engine(budget=Budget(steps=None, timeout=None)).run(
            "var a = [1]; for (var i = 0; i < 40; i++) a = [a, a]; a")


def test_completion_value_conversion_is_optional(eng: Engine) -> None:
    assert eng.run("var a = [1]; a.push(a); a", result=False) is None
    assert eng.run("var b = [1]; for (var i = 0; i < 40; i++) b = [b, b]; b", result=False) is None


# -- host functions -------------------------------------------------------------------------------


def test_host_function_arguments_are_deep_copies(eng: Engine) -> None:
    seen: list = []
    eng.register("keep", lambda v: seen.append(v))
    eng.run("var o = {list: [1, 2], inner: {x: 1}}; keep(o); o.list.push(3); o.inner.x = 99; o.added = 1;"
            "keep(o.list)")
    assert seen[0] == {"list": [1, 2], "inner": {"x": 1}}
    assert seen[1] == [1, 2, 3]
    seen[0]["list"].append("py")  # and mutating the Python copy does not reach JS
    assert eng.run("o.list.length") == 3


def test_host_function_results_are_deep_copies(eng: Engine) -> None:
    state = {"items": [1, 2]}
    eng.register("get_state", lambda: state)
    assert eng.run("var s = get_state(); s.items.push(3); s.items.length") == 3
    assert state == {"items": [1, 2]}
    state["items"].append("later")
    assert eng.run("s.items.join()") == "1,2,3"
    assert eng.run("get_state() === get_state()") is False
    assert eng.run("Array.isArray(get_state().items)") is True


def test_host_function_shape(eng: Engine) -> None:
    eng.set_global("add", HostFunction(lambda a, b: a + b, name="add", length=2))
    assert eng.run("[add(2, 3), add('a', 'b'), add.name, add.length, typeof add]") == [5, "ab", "add", 2, "function"]
    assert eng.run("add instanceof Function && Object.getPrototypeOf(add) === Function.prototype") is True
    with pytest.raises(TypeError):
        HostFunction("not callable")


def test_host_error_becomes_catchable_js_error_of_that_type(eng: Engine) -> None:
    def fail(kind, msg):
        raise HostError(kind, msg)

    eng.register("fail", fail)
    for kind in ("TypeError", "RangeError", "SyntaxError", "ReferenceError", "URIError", "EvalError", "Error"):
        got = eng.run(f"try {{ fail('{kind}', 'boom') }} catch (e) {{ [e instanceof {kind}, e.name, e.message] }}")
        assert got == [True, kind, "boom"]
    # an unknown kind is a plain Error
    assert eng.run("try { fail('NoSuchError', 'm') } catch (e) { [e.constructor === Error, e.message] }") == \
        [True, "m"]
    with pytest.raises(JSError) as ei:
        eng.run("fail('RangeError', 'uncaught')")
    assert (ei.value.name, ei.value.message) == ("RangeError", "uncaught")


@pytest.mark.parametrize("exc, message", [
    (ValueError("bad value"), "bad value"),
    (KeyError("k"), "'k'"),
    (ZeroDivisionError("division by zero"), "division by zero"),
    (RuntimeError(), "RuntimeError"),
    (OSError(2, "No such file"), "[Errno 2] No such file"),
])
def test_python_exceptions_become_plain_js_errors(eng: Engine, exc: Exception, message: str) -> None:
    def boom():
        raise exc

    eng.register("boom", boom)
    got = eng.run("try { boom() } catch (e) { [e instanceof Error, e.name, e.message, String(e.stack)] }")
    assert got[:3] == [True, "Error", message]
    for text in got[1:]:
        assert "Traceback" not in text and ".py" not in text and "File " not in text


def test_host_function_given_a_cycle_throws_type_error_in_js(eng: Engine) -> None:
    called: list = []
    eng.register("take", lambda v: called.append(v))
    got = eng.run("var a = []; a.push(a); try { take(a); 'no error' } catch (e) { [e.name, e instanceof TypeError] }")
    assert got == ["TypeError", True]
    assert called == []


def test_host_function_returning_a_disallowed_value_throws_type_error_in_js(eng: Engine) -> None:
    eng.register("leak", lambda: object())
    eng.register("leak_bytes", lambda: {"b": b"x"})
    eng.register("leak_fn", lambda: print)
    for name in ("leak", "leak_bytes", "leak_fn"):
        assert eng.run(f"try {{ {name}(); 'no error' }} catch (e) {{ e.name }}") == "TypeError"


def test_host_function_can_return_host_functions(eng: Engine) -> None:
    counter = {"n": 0}

    def make():
        def inc():
            counter["n"] += 1
            return counter["n"]
        return {"inc": HostFunction(inc, "inc")}

    eng.register("make", make)
    assert eng.run("var c = make(); c.inc(); c.inc()") == 2
    assert eng.run("typeof c.inc") == "function"


def test_budget_applies_inside_host_calls_and_js_cannot_catch_it() -> None:
    eng = Engine(budget=Budget(steps=100_000, timeout=20))
    eng.register("noop", lambda *a: None)
    with pytest.raises(BudgetExceeded) as ei:
        eng.run("try { for (;;) noop(1, 2) } catch (e) { 'caught' }")
    assert ei.value.kind == "steps"
    # the engine is usable afterwards with a fresh budget
    assert eng.run("1 + 1") == 2


def test_recursion_inside_host_function_is_a_range_error(eng: Engine) -> None:
    def recurse(n=0):
        return recurse(n + 1)

    eng.register("recurse", recurse)
    assert eng.run("try { recurse() } catch (e) { [e.name, e.message] }") == \
        ["RangeError", "Maximum call stack size exceeded"]
