"""Function.prototype (apply, bind, call, toString, @@hasInstance), the Function constructor and
%ThrowTypeError%."""

from __future__ import annotations

import pytest

import jsengine
from jsengine import Budget, BudgetExceeded, JSError


def js(src: str):
    return jsengine.run(src)


def js_error(src: str) -> tuple[str, str]:
    with pytest.raises(JSError) as ei:
        jsengine.run(src)
    return ei.value.name, ei.value.message


def test_function_prototype_itself():
    assert js("Function.prototype()") is jsengine.UNDEFINED
    assert js("typeof Function.prototype + Function.prototype.length + JSON.stringify(Function.prototype.name)") == \
        'function0""'
    assert js("Object.getPrototypeOf(Function.prototype) === Object.prototype") is True
    assert js("Object.getOwnPropertyNames(Function.prototype).join()") == \
        "length,name,arguments,caller,constructor,apply,bind,call,toString"
    assert js_error("new Function.prototype()")[0] == "TypeError"


def test_call_and_apply():
    assert js("function f(a, b) { return [this.v, a, b].join(); } f.call({v: 1}, 2, 3)") == "1,2,3"
    assert js("function f(a, b) { return [this.v, a, b].join(); } f.apply({v: 1}, [2, 3])") == "1,2,3"
    assert js("function f() { return arguments.length; } f.apply(null) + f.apply(null, null) + f.call()") == 0
    assert js("Math.max.apply(null, {length: 3, 0: 5, 1: 9, 2: 1})") == 9
    assert js("function f() { return arguments[1]; } f.apply(null, [1, , 3])") is jsengine.UNDEFINED
    assert js("Array.prototype[1] = 'P'; function f() { return arguments[1]; } var r = f.apply(null, [1, , 3]);"
              "delete Array.prototype[1]; r") == "P"
    assert js("'use strict'; function f() { return this; } f.call(5)") == 5
    assert js_error("(function () {}).apply(null, 1)") == ("TypeError", "CreateListFromArrayLike called on non-object")
    assert js_error("Function.prototype.call.call({})") == (
        "TypeError", "Function.prototype.call was called on #<Object>, which is an object and not a function")


def test_apply_huge_length_is_budgeted():
    with pytest.raises(BudgetExceeded):
        jsengine.run("Math.max.apply(null, {length: 2 ** 32 - 1})", budget=Budget(steps=1_000_000))


def test_bind():
    assert js("function f(a, b, c) { return [this.v, a, b, c].join(); } var g = f.bind({v: 1}, 2);"
              "g(3, 4) + '|' + g.length + '|' + g.name") == "1,2,3,4|2|bound f"
    assert js("var g = Math.max.bind(null, 1, 2, 3, 4); g.length + g.name") == "0bound max"
    assert js("function F(x) { this.x = x; } var B = F.bind({ignored: 1}, 5); var o = new B();"
              "[o.x, o instanceof F, o instanceof B, 'ignored' in o].join()") == "5,true,true,false"
    assert js("Object.getOwnPropertyNames(function () {}.bind()).join()") == "length,name"
    assert js("var d = Object.getOwnPropertyDescriptor(function (a) {}.bind(), 'length');"
              "[d.value, d.writable, d.enumerable, d.configurable].join()") == "1,false,false,true"
    # length and name come from the target's own properties
    assert js("""var f = function () {};
        Object.defineProperty(f, 'length', {value: -Infinity}); var a = f.bind().length;
        Object.defineProperty(f, 'length', {value: Infinity}); var b = f.bind(0, 1).length;
        Object.defineProperty(f, 'length', {value: 2.7}); var c = f.bind().length;
        Object.defineProperty(f, 'length', {value: '3'}); var d = f.bind().length;
        Object.defineProperty(f, 'name', {value: 3}); [a, b, c, d, JSON.stringify(f.bind().name)].join()""") == \
        '0,Infinity,2,0,"bound "'
    # the bound function's prototype is the target's [[GetPrototypeOf]]
    assert js("var t = function () {}; var p = function () {}; Object.setPrototypeOf(t, p);"
              "Object.getPrototypeOf(t.bind()) === p") is True
    assert js("function f() { this.ok = new.target === f; } new (f.bind())().ok") is True
    assert js("(() => 1).bind().name") == "bound "
    assert js_error("Function.prototype.bind.call({})") == ("TypeError", "Bind must be called on a function")
    assert js_error("new ((() => 1).bind())()")[0] == "TypeError"


def test_to_string():
    assert js("Function.prototype.toString.call(Math.max)") == "function max() { [native code] }"
    assert js("String(Array.prototype.push)") == "function push() { [native code] }"
    assert js("Function.prototype.toString.call(Function.prototype)") == "function () { [native code] }"
    assert js("String(Math.max.bind())") == "function () { [native code] }"
    assert js("String(Object.getOwnPropertyDescriptor(Object.prototype, '__proto__').get)") == \
        "function get __proto__() { [native code] }"
    assert js("String(Function.prototype[Symbol.hasInstance])") == \
        "function [Symbol.hasInstance]() { [native code] }"
    assert js("function  foo ( a,b ) { return a /* c */ }\nString(foo)") == "function  foo ( a,b ) { return a /* c */ }"
    assert js("String(class A { m() {} })") == "class A { m() {} }"
    assert js("String((a) => a * 2)") == "(a) => a * 2"
    assert js_error("Function.prototype.toString.call({})") == (
        "TypeError", "Function.prototype.toString requires that 'this' be a Function")


def test_to_string_of_methods():
    assert js("var o = { m(x) { return x; } }; String(o.m)") == "m(x) { return x; }"
    assert js("var o = { get g() { return 1; } }; String(Object.getOwnPropertyDescriptor(o, 'g').get)") == \
        "get g() { return 1; }"


def test_has_instance():
    assert js("var d = Object.getOwnPropertyDescriptor(Function.prototype, Symbol.hasInstance);"
              "[d.writable, d.enumerable, d.configurable, d.value.length, d.value.name].join()") == \
        "false,false,false,1,[Symbol.hasInstance]"
    assert js("function F() {} var o = new F(); [F[Symbol.hasInstance](o), F[Symbol.hasInstance]({}),"
              "Function.prototype[Symbol.hasInstance].call({}, o)].join()") == "true,false,false"
    assert js("function F() {} var B = F.bind(); B[Symbol.hasInstance](new F())") is True


def test_function_constructor():
    assert js("new Function('a', 'b', 'return a + b')(2, 3)") == 5
    assert js("Function('return 7')()") == 7
    assert js("Function()()") is jsengine.UNDEFINED
    assert js("Object.getPrototypeOf(Function('')) === Function.prototype && Function.length === 1") is True
    assert js("Function.prototype.constructor === Function && typeof Function") == "function"
    assert js_error("Function('a', '}')")[0] == "SyntaxError"
    assert js_error("Function('/*', '*/){')")[0] == "SyntaxError"


def test_throw_type_error():
    msg = ("'caller', 'callee', and 'arguments' properties may not be accessed on strict mode functions or the "
           "arguments objects for calls to them")
    assert js_error("Function.prototype.caller") == ("TypeError", msg)
    assert js_error("Function.prototype.arguments = 1") == ("TypeError", msg)
    assert js("""var d = Object.getOwnPropertyDescriptor(Function.prototype, 'caller');
        var e = Object.getOwnPropertyDescriptor(Function.prototype, 'arguments');
        var t = d.get;
        [d.get === d.set, d.get === e.get, d.enumerable, d.configurable, Object.isFrozen(t),
         Object.isExtensible(t), t.length, JSON.stringify(t.name),
         Object.getOwnPropertyDescriptor(t, 'name').configurable].join()""") == \
        'true,true,false,true,true,false,0,"",false'
