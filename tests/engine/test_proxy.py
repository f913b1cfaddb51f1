"""Proxy objects: every trap, the invariant checks, revocation, and proxies met on a prototype chain.

Programs print with console.log; the differential tests run the same programs in Node (skipped when
``node`` is not installed).
"""

from __future__ import annotations

import subprocess

import pytest

import jsengine
from jsengine import JSError
from tests.conftest import NODE, js_output, needs_node

TRAPS = ["get", "set", "has", "deleteProperty", "ownKeys", "getOwnPropertyDescriptor", "defineProperty",
         "getPrototypeOf", "setPrototypeOf", "isExtensible", "preventExtensions", "apply", "construct"]

LOGGING_HANDLER = f"""
var log = [];
var handler = {{}};
for (const t of {TRAPS}) {{
  handler[t] = function (...a) {{
    log.push(t + (typeof a[1] === "string" ? ":" + a[1] : ""));
    return Reflect[t](...a);
  }};
}}
function flush() {{ console.log(log.join(" ")); log = []; }}
"""


def js_error(src: str) -> str:
    with pytest.raises(JSError) as info:
        jsengine.run(src)
    return f"{info.value.name}: {info.value.message}"


def test_each_operation_reaches_its_trap():
    out = js_output(LOGGING_HANDLER + """
var p = new Proxy({a: 1}, handler);
p.a; flush();
p.b = 2; flush();
"a" in p; flush();
delete p.a; flush();
Object.keys(p); flush();
Object.defineProperty(p, "c", {value: 3}); flush();
Object.getPrototypeOf(p); flush();
Object.setPrototypeOf(p, null); flush();
Object.isExtensible(p); flush();
Object.preventExtensions(p); flush();
var f = new Proxy(function () { return 7; }, handler);
f(1); flush();
new f(); flush();
""")
    assert out.splitlines() == [
        "get:a",
        "set:b getOwnPropertyDescriptor:b defineProperty:b",
        "has:a",
        "deleteProperty:a",
        "ownKeys getOwnPropertyDescriptor:b",
        "defineProperty:c",
        "getPrototypeOf",
        "setPrototypeOf",
        "isExtensible",
        "preventExtensions",
        "apply",
        "construct get:prototype",
    ]


def test_proxy_on_a_prototype_chain_sees_get_set_and_has():
    out = js_output("""
var log = [];
var p = new Proxy({}, {
  get(t, k, r) { log.push("get " + String(k) + " " + (r === o)); return Reflect.get(t, k, r); },
  set(t, k, v, r) { log.push("set " + k + " " + (r === o)); return Reflect.set(t, k, v, r); },
  has(t, k) { log.push("has " + k); return Reflect.has(t, k); },
});
var o = Object.create(p);
o.x = 1;
console.log(o.hasOwnProperty("x"), "y" in o, o.y, log.join("; "));
""")
    assert out == "true false undefined set x true; get hasOwnProperty true; has y; get y true\n"


def test_array_with_a_proxy_prototype_sends_new_indices_to_the_set_trap():
    out = js_output("""
var seen = [];
var arr = [1];
Object.setPrototypeOf(arr, new Proxy([], { set(t, k, v, r) { seen.push(k); return Reflect.set(t, k, v, r); } }));
arr[5] = 2;
arr[0] = 3;
console.log(seen.join(), arr.length, arr[5], arr[0]);
""")
    assert out == "5 6 2 3\n"


def test_callable_and_constructor_follow_the_target():
    out = js_output("""
var f = new Proxy(function (a) { return a * 2; }, {});
var o = new Proxy({}, {});
class B { constructor() { this.n = new.target.name; } }
class D extends new Proxy(B, {}) {}
console.log(typeof f, typeof o, f(21), new D().n, Function.prototype.toString.call(f));
try { o(); } catch (e) { console.log(e.name); }
try { new (new Proxy(() => 1, {}))(); } catch (e) { console.log(e.name); }
""")
    assert out == "function object 42 D function () { [native code] }\nTypeError\nTypeError\n"


def test_revocable():
    out = js_output("""
var r = Proxy.revocable({a: 1}, {});
console.log(r.proxy.a, Object.keys(r).join(), r.revoke.length, r.revoke.name === "");
console.log(r.revoke(), r.revoke());
for (const f of [() => r.proxy.a, () => Object.keys(r.proxy), () => Array.isArray(r.proxy)]) {
  try { f(); } catch (e) { console.log(e.name, e.message); }
}
""")
    assert out.splitlines() == [
        "1 proxy,revoke 0 true",
        "undefined undefined",
        "TypeError Cannot perform 'get' on a proxy that has been revoked",
        "TypeError Cannot perform 'ownKeys' on a proxy that has been revoked",
        "TypeError Cannot perform 'IsArray' on a proxy that has been revoked",
    ]


@pytest.mark.parametrize(("src", "message"), [
    ("Proxy({}, {})", "Constructor Proxy requires 'new'"),
    ("new Proxy(1, {})", "Cannot create proxy with a non-object as target or handler"),
    ("new Proxy({}, null)", "Cannot create proxy with a non-object as target or handler"),
    ("new Proxy(Object.freeze({x: 1}), {get() { return 2; }}).x",
     ("'get' on proxy: property 'x' is a read-only and non-configurable data property on the proxy target "
     "but the proxy did not return its actual value (expected '1' but got '2')")),
    ("Object.keys(new Proxy({}, {ownKeys() { return ['a', 'a']; }}))",
     "'ownKeys' on proxy: trap returned duplicate entries"),
    ("Object.keys(new Proxy(Object.preventExtensions({a: 1}), {ownKeys() { return []; }}))",
     "'ownKeys' on proxy: trap result did not include 'a'"),
    ("Object.keys(new Proxy(Object.preventExtensions({}), {ownKeys() { return ['b']; }}))",
     "'ownKeys' on proxy: trap returned extra keys but proxy target is non-extensible"),
    ("Object.keys(new Proxy({}, {ownKeys() { return [1]; }}))", "1 is not a valid property name"),
    ("'a' in new Proxy(Object.freeze({a: 1}), {has() { return false; }})",
     ("'has' on proxy: trap returned falsish for property 'a' which exists in the proxy target as "
     "non-configurable")),
    ("delete new Proxy(Object.freeze({a: 1}), {deleteProperty() { return true; }}).a",
     ("'deleteProperty' on proxy: trap returned truish for property 'a' which is non-configurable in the "
     "proxy target")),
    ("Object.isExtensible(new Proxy({}, {isExtensible() { return false; }}))",
     "'isExtensible' on proxy: trap result does not reflect extensibility of proxy target (which is 'true')"),
    ("Object.preventExtensions(new Proxy({}, {preventExtensions() { return true; }}))",
     "'preventExtensions' on proxy: trap returned truish but the proxy target is extensible"),
    ("Object.getPrototypeOf(new Proxy({}, {getPrototypeOf() { return 1; }}))",
     "'getPrototypeOf' on proxy: trap returned neither object nor null"),
    (("Object.getOwnPropertyDescriptor(new Proxy({}, {getOwnPropertyDescriptor() { "
     "return {value: 1, configurable: false}; }}), 'x')"),
     ("'getOwnPropertyDescriptor' on proxy: trap reported non-configurability for property 'x' which is "
     "either non-existent or configurable in the proxy target")),
    (("Object.defineProperty(new Proxy(Object.preventExtensions({}), {defineProperty() { return true; }}), "
     "'x', {value: 1})"),
     ("'defineProperty' on proxy: trap returned truish for adding property 'x'  to the non-extensible proxy "
     "target")),
    ("new (new Proxy(function () {}, {construct() { return 1; }}))()",
     "'construct' on proxy: trap returned non-object ('1')"),
])
def test_invariant_violations_throw_type_errors(src, message):
    assert js_error(src) == f"TypeError: {message}"


def test_set_trap_returning_false_throws_only_in_strict_code():
    out = js_output("""
var p = new Proxy({}, { set() { return false; } });
console.log(p.x = 1, Reflect.set(p, "x", 1));
console.log((function () { "use strict"; try { p.x = 1; return "no error"; } catch (e) { return e.name; } })());
""")
    assert out == "1 false\nTypeError\n"


def test_a_long_chain_of_proxies_is_a_catchable_range_error():
    out = js_output("""
var p = {x: 1};
for (var i = 0; i < 20000; i++) p = new Proxy(p, {});
try { p.x; } catch (e) { console.log(e.name); }
var q = {y: 2};
for (var i = 0; i < 500; i++) q = new Proxy(q, {});
console.log(q.y);
""")
    assert out == "RangeError\n2\n"


def test_property_shape_of_the_constructor():
    out = js_output("""
console.log(Proxy.length, Proxy.name, "prototype" in Proxy, Object.getOwnPropertyNames(Proxy).join(),
            Proxy.revocable.length);
""")
    assert out == "2 Proxy false length,name,revocable 2\n"


DIFFERENTIAL = [
    LOGGING_HANDLER + """
var p = new Proxy({a: 1, b: 2}, handler);
console.log(JSON.stringify(p)); flush();
var copy = {...p}; flush();
Object.assign({}, p); flush();
Object.freeze(p); flush();
console.log(Object.isFrozen(p)); flush();
""",
    """
var p = new Proxy([1, 2, 3], {});
console.log(Array.isArray(p), p.length, p.map(x => x * 2).join(), [].concat(p).length, [...p].join(),
            Array.from(p).join(), Object.prototype.toString.call(p), JSON.stringify(p));
var fp = new Proxy(function () { return 1; }, {});
console.log(fp.call(null), fp.apply(null, []), fp.bind(null)(), Object.prototype.toString.call(fp));
console.log(Reflect.ownKeys(new Proxy({b: 1, a: 2, 1: 3}, {})).join());
""",
    """
var errs = [];
var tries = [
  () => Object.getPrototypeOf(new Proxy(Object.preventExtensions({}), { getPrototypeOf() { return Array.prototype; } })),
  () => Object.setPrototypeOf(new Proxy(Object.preventExtensions({}), { setPrototypeOf() { return true; } }), Array.prototype),
  () => Object.getOwnPropertyDescriptor(new Proxy(Object.freeze({a: 1}), { getOwnPropertyDescriptor() { return undefined; } }), "a"),
  () => Object.defineProperty(new Proxy({}, { defineProperty() { return true; } }), "x", {configurable: false, value: 1}),
  () => new Proxy(Object.defineProperty({}, "g", {set(v) {}}), { get() { return 1; } }).g,
  () => { "use strict"; new Proxy(Object.defineProperty({}, "s", {get() {}}), { set() { return true; } }).s = 1; },
];
for (const f of tries) { try { f(); errs.push("none"); } catch (e) { errs.push(e.name); } }
console.log(errs.join());
""",
]


@needs_node
@pytest.mark.parametrize("src", DIFFERENTIAL)
def test_same_output_as_node(src):
    expected = subprocess.run([NODE, "-e", src], capture_output=True, text=True, timeout=60, check=True).stdout
    assert js_output(src) == expected
