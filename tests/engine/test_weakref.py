"""WeakRef and FinalizationRegistry: construction, deref, register/unregister and their TypeErrors."""

from __future__ import annotations

import subprocess

import pytest

from tests.conftest import NODE, js_output, needs_node


def test_deref_returns_the_target():
    out = js_output("""
var target = {name: "t"};
var ref = new WeakRef(target);
console.log(ref.deref() === target, ref.deref().name, Object.prototype.toString.call(ref),
            WeakRef.length, WeakRef.prototype.deref.length);
class MyRef extends WeakRef {}
console.log(new MyRef(target) instanceof MyRef, new MyRef(target).deref() === target);
""")
    assert out == "true t [object WeakRef] 1 0\ntrue true\n"


def test_register_and_unregister():
    out = js_output("""
var reg = new FinalizationRegistry(function (held) {});
var token = {};
var a = {}, b = {};
console.log(reg.register(a, "a", token), reg.register(b, "b", token), reg.register({}, "c"));
console.log(reg.unregister(token), reg.unregister(token), reg.unregister({}));
console.log(Object.prototype.toString.call(reg), FinalizationRegistry.prototype.register.length,
            "cleanupSome" in reg);
""")
    assert out == "undefined undefined undefined\ntrue false false\n[object FinalizationRegistry] 2 false\n"


@pytest.mark.parametrize("src", [
    "WeakRef({})",
    "new WeakRef(1)",
    "new WeakRef(Symbol())",
    "WeakRef.prototype.deref.call({})",
    "FinalizationRegistry(function () {})",
    "new FinalizationRegistry({})",
    "new FinalizationRegistry(function () {}).register(1, 2)",
    "var o = {}; new FinalizationRegistry(function () {}).register(o, o)",
    "new FinalizationRegistry(function () {}).register({}, 1, 2)",
    "new FinalizationRegistry(function () {}).unregister(1)",
    "FinalizationRegistry.prototype.register.call(new WeakRef({}), {}, 1)",
])
def test_type_errors(src):
    out = js_output(f"try {{ {src}; console.log('no error'); }} catch (e) {{ console.log(e.name); }}")
    assert out == "TypeError\n"


@needs_node
def test_same_output_as_node():
    src = """
var reg = new FinalizationRegistry(() => {});
var t = {};
console.log(reg.register(t, 1, t), reg.unregister(t), reg.unregister(t), new WeakRef(t).deref() === t);
console.log(Object.getOwnPropertyNames(WeakRef.prototype).join(), String(WeakRef.prototype[Symbol.toStringTag]));
console.log(Object.getOwnPropertyNames(FinalizationRegistry.prototype).filter(k => k !== "cleanupSome").join());
"""
    expected = subprocess.run([NODE, "-e", src], capture_output=True, text=True, timeout=60, check=True).stdout
    assert js_output(src) == expected
