"""Object, Object.prototype (with Annex B) and Reflect: concrete cases and a Node-differential table."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

import jsengine
from jsengine import JSError

NODE = shutil.which("node")


def js(src: str):
    return jsengine.run(src)


def js_error(src: str) -> tuple[str, str]:
    with pytest.raises(JSError) as ei:
        jsengine.run(src)
    return ei.value.name, ei.value.message


# -- the constructor ---------------------------------------------------------------------------------


def test_object_constructor():
    assert js("typeof Object(1) + typeof Object('s') + Object(true).valueOf()") == "objectobjecttrue"
    assert js("var o = {}; Object(o) === o && new Object(o) === o") is True
    assert js("Object.getPrototypeOf(Object(null)) === Object.prototype && Object.keys(new Object()).length") == 0
    assert js("class A extends Object { constructor() { super(); this.x = 1; } }"
              "var a = new A(); a instanceof A && a.x === 1") is True
    assert js("Object.length + Object.name") == "1Object"


def test_assign():
    assert js("JSON.stringify(Object.assign({a: 1}, null, {b: 2}, undefined, 'xy', {a: 3}))") == \
        '{"0":"x","1":"y","a":3,"b":2}'
    # getters on the source run, setters on the target run, symbols are copied
    assert js("""var log = []; var s = Symbol('s');
        var src = {get g() { log.push('get'); return 1; }, [s]: 2};
        var dst = {set g(v) { log.push('set' + v); }};
        Object.assign(dst, src); log.join() + dst[s]""") == "get,set12"
    assert js_error("'use strict'; Object.assign(Object.freeze({a: 1}), {a: 2})") == (
        "TypeError", "Cannot assign to read only property 'a' of object '#<Object>'")
    assert js_error("Object.assign(null)") == ("TypeError", "Cannot convert undefined or null to object")


def test_create_and_define_properties():
    assert js("""var p = {x: 1}; var o = Object.create(p, {y: {value: 2, enumerable: true}, z: {value: 3}});
                 [Object.getPrototypeOf(o) === p, o.x, o.y, o.z, Object.keys(o).join()].join()""") == \
        "true,1,2,3,y"
    assert js("Object.getPrototypeOf(Object.create(null))") is None
    assert js_error("Object.create(1)") == ("TypeError", "Object prototype may only be an Object or null: 1")
    assert js_error("Object.create({}, {a: 1})") == ("TypeError", "Property description must be an object: 1")
    # all descriptors are read before any is defined
    assert js("""var o = {}; try { Object.defineProperties(o, {a: {value: 1}, b: {get: 5}}); } catch (e) {}
                 'a' in o""") is False


def test_define_property():
    assert js("""var o = {}; Object.defineProperty(o, 'x', {value: 1});
                 var d = Object.getOwnPropertyDescriptor(o, 'x');
                 [d.value, d.writable, d.enumerable, d.configurable].join()""") == "1,false,false,false"
    assert js_error("Object.defineProperty(1, 'a', {})") == (
        "TypeError", "Object.defineProperty called on non-object")
    assert js_error("Object.defineProperty(Object.freeze({a: 1}), 'a', {value: 2})") == (
        "TypeError", "Cannot redefine property: a")
    assert js_error("Object.defineProperty(Object.preventExtensions({}), 'x', {value: 1})") == (
        "TypeError", "Cannot define property x, object is not extensible")
    assert js("var o = {}; Object.defineProperty(o, 'a', {get() { return 7; }, configurable: true}); o.a") == 7


def test_keys_values_entries():
    assert js("Object.keys({b: 1, a: 2, 1: 3, [Symbol()]: 4}).join()") == "1,b,a"
    assert js("Object.values({b: 1, a: 2, 1: 3}).join()") == "3,1,2"
    assert js("JSON.stringify(Object.entries({a: 1, b: [2]}))") == '[["a",1],["b",[2]]]'
    assert js("Object.keys('ab').join() + Object.values('ab').join()") == "0,1a,b"
    assert js("Object.keys([5, , 7]).join()") == "0,2"
    # a getter deleting a later key: the key list is fixed, the deleted key is skipped
    assert js("var o = {get a() { delete this.b; return 1; }, b: 2, c: 3}; JSON.stringify(Object.entries(o))") == \
        '[["a",1],["c",3]]'
    assert js_error("Object.keys(undefined)") == ("TypeError", "Cannot convert undefined or null to object")


def test_freeze_seal_prevent_extensions():
    assert js("""'use strict'; var o = Object.freeze({a: 1, nested: {b: 2}});
                 var r = [Object.isFrozen(o), Object.isSealed(o), Object.isExtensible(o)];
                 try { o.a = 2; } catch (e) { r.push(e.name); }
                 o.nested.b = 3; r.push(o.nested.b); r.join()""") == "true,true,false,TypeError,3"
    assert js("var s = Object.seal({a: 1}); s.a = 5; delete s.a; [s.a, Object.isSealed(s), Object.isFrozen(s)].join()") \
        == "5,true,false"
    assert js("var a = Object.freeze([1, 2]); a[0] = 9; a.push === Array.prototype.push && a[0]") == 1
    assert js_error("'use strict'; var a = Object.freeze([1]); a.push(2)")[0] == "TypeError"
    assert js("Object.isFrozen(1) && Object.isSealed('x') && !Object.isExtensible(1) && Object.freeze(5) === 5") \
        is True
    assert js("Object.isFrozen(Object.preventExtensions({})) && !Object.isFrozen(Object.preventExtensions({a: 1}))") \
        is True
    # an accessor stays an accessor when frozen
    assert js("var o = Object.freeze({get g() { return 1; }}); typeof Object.getOwnPropertyDescriptor(o, 'g').get") \
        == "function"


def test_from_entries():
    assert js("JSON.stringify(Object.fromEntries([['a', 1], ['b', 2], ['a', 3]]))") == '{"a":3,"b":2}'
    assert js("JSON.stringify(Object.fromEntries(new Map([[1, 'x']])))") == '{"1":"x"}'
    assert js_error("Object.fromEntries([1])") == ("TypeError", "Iterator value 1 is not an entry object")
    # the iterator is closed when an entry is bad
    assert js("""var closed = false; var it = {[Symbol.iterator]() { return {
            next() { return {value: 5, done: false}; }, return() { closed = true; return {}; } }; }};
        try { Object.fromEntries(it); } catch (e) {} closed""") is True


def test_descriptors_names_symbols():
    assert js("""var s = Symbol('s'); var o = {a: 1, [s]: 2};
                 Object.getOwnPropertyNames(o).join() + Object.getOwnPropertySymbols(o).length""") == "a1"
    assert js("Object.getOwnPropertyNames([1]).join()") == "0,length"
    assert js("""var d = Object.getOwnPropertyDescriptors({a: 1, get b() { return 2; }});
                 [d.a.value, d.a.writable, typeof d.b.get, d.b.set, 'value' in d.b].join()""") == \
        "1,true,function,,false"
    assert js("Object.getOwnPropertyDescriptor({}, 'x')") is jsengine.UNDEFINED
    assert js("Object.getOwnPropertyDescriptor('abc', 'length').value") == 3


def test_prototypes():
    assert js("Object.getPrototypeOf(1) === Number.prototype && Object.getPrototypeOf([]) === Array.prototype") \
        is True
    assert js("var o = {}; Object.setPrototypeOf(o, Array.prototype) === o && Array.isArray(o) === false "
              "&& typeof o.push") == "function"
    assert js("Object.setPrototypeOf(1, null)") == 1
    assert js_error("Object.setPrototypeOf(null, {})") == (
        "TypeError", "Object.setPrototypeOf called on null or undefined")
    assert js_error("Object.setPrototypeOf({}, 2)") == ("TypeError", "Object prototype may only be an Object or null: 2")
    assert js_error("var a = {}; Object.setPrototypeOf(a, Object.create(a))") == ("TypeError", "Cyclic __proto__ value")
    assert js_error("Object.setPrototypeOf(Object.preventExtensions({}), {})") == (
        "TypeError", "#<Object> is not extensible")


def test_object_prototype_is_immutable_prototype_exotic():
    assert js_error("Object.setPrototypeOf(Object.prototype, {})") == (
        "TypeError", "Immutable prototype object 'Object.prototype' cannot have their prototype set")
    assert js("Object.setPrototypeOf(Object.prototype, null) === Object.prototype") is True
    assert js("Reflect.setPrototypeOf(Object.prototype, {})") is False
    assert js("Reflect.setPrototypeOf(Object.prototype, null)") is True
    assert js("Object.isExtensible(Object.prototype)") is True


def test_is():
    assert js("[Object.is(NaN, NaN), Object.is(0, -0), Object.is(-0, -0), Object.is('a', 'a'), "
              "Object.is({}, {})].join()") == "true,false,true,true,false"


# -- Object.prototype --------------------------------------------------------------------------------


def test_has_own_property_and_friends():
    assert js("var o = {a: 1}; [o.hasOwnProperty('a'), o.hasOwnProperty('toString'), "
              "'ab'.hasOwnProperty(1), [1].hasOwnProperty('length')].join()") == "true,false,true,true"
    assert js("var p = {}; var o = Object.create(p); [p.isPrototypeOf(o), Object.prototype.isPrototypeOf(o), "
              "o.isPrototypeOf(p), Object.prototype.isPrototypeOf.call(null, 1)].join()") == "true,true,false,false"
    assert js_error("Object.prototype.isPrototypeOf.call(null, {})")[0] == "TypeError"
    assert js("[[1].propertyIsEnumerable(0), [1].propertyIsEnumerable('length')].join()") == "true,false"


def test_to_string_tags():
    assert js("""var ts = Object.prototype.toString;
        [ts.call(undefined), ts.call(null), ts.call(1), ts.call(''), ts.call(true), ts.call([]),
         ts.call(function () {}), ts.call(new Error('x')), ts.call((function () { return arguments; })()),
         ts.call(Symbol()), ts.call(JSON), ts.call(Math), ts.call(Reflect), ts.call({}),
         ts.call(Boolean.prototype), ts.call(Object.create(null)), ts.call(new Map()),
         ts.call({[Symbol.toStringTag]: 'Custom'}), ts.call(Object.assign([], {[Symbol.toStringTag]: 5}))
        ].join()""") == ("[object Undefined],[object Null],[object Number],[object String],[object Boolean],"
                         "[object Array],[object Function],[object Error],[object Arguments],[object Symbol],"
                         "[object JSON],[object Math],[object Reflect],[object Object],[object Boolean],"
                         "[object Object],[object Map],[object Custom],[object Array]")
    assert js("String({}) + `${Object.create({[Symbol.toStringTag]: 'T'})}`") == "[object Object][object T]"


def test_to_locale_string_and_value_of():
    assert js("({toString() { return 'X'; }}).toLocaleString()") == "X"
    assert js("Object.prototype.toLocaleString.call(5)") == "5"
    assert js_error("Object.prototype.toLocaleString.call(null)") == (
        "TypeError", "Object.prototype.toLocaleString called on null or undefined")
    assert js("var o = {}; o.valueOf() === o && typeof Object.prototype.valueOf.call(1)") == "object"


def test_annex_b_proto_accessor():
    assert js("var p = {x: 1}; var o = {}; o.__proto__ = p; o.x + (o.__proto__ === p)") == 2
    assert js("var o = {}; o.__proto__ = 5; Object.getPrototypeOf(o) === Object.prototype") is True
    assert js("(1).__proto__ === Number.prototype") is True
    assert js("var o = Object.create(null); o.__proto__ = {}; Object.getPrototypeOf(o) === null && "
              "typeof o.__proto__") == "object"
    assert js_error("var d = Object.getOwnPropertyDescriptor(Object.prototype, '__proto__'); d.set.call(undefined, {})") \
        == ("TypeError", "set Object.prototype.__proto__ called on null or undefined")
    assert js("var d = Object.getOwnPropertyDescriptor(Object.prototype, '__proto__'); "
              "[d.get.name, d.set.name, d.enumerable, d.configurable].join()") == \
        "get __proto__,set __proto__,false,true"


def test_annex_b_define_lookup():
    assert js("""var o = {}; o.__defineGetter__('a', function () { return 4; });
                 o.__defineSetter__('a', function (v) { this.b = v; }); o.a = 9;
                 var d = Object.getOwnPropertyDescriptor(o, 'a');
                 [o.a, o.b, d.enumerable, d.configurable].join()""") == "4,9,true,true"
    assert js("""var p = {get x() { return 1; }}; var o = Object.create(p);
                 [o.__lookupGetter__('x') === Object.getOwnPropertyDescriptor(p, 'x').get,
                  o.__lookupSetter__('x'), o.__lookupGetter__('nope'), ({y: 1}).__lookupGetter__('y')].join()""") \
        == "true,,,"
    assert js_error("({}).__defineGetter__('a', 1)") == (
        "TypeError", "Object.prototype.__defineGetter__: Expecting function")


def test_property_order_of_builtins():
    assert js("Object.getOwnPropertyNames(Object.prototype).join()") == (
        "constructor,hasOwnProperty,isPrototypeOf,propertyIsEnumerable,toLocaleString,toString,valueOf,"
        "__proto__,__defineGetter__,__defineSetter__,__lookupGetter__,__lookupSetter__")
    assert js("Object.getOwnPropertyNames(Object).join()") == (
        "length,name,prototype,assign,create,defineProperties,defineProperty,entries,freeze,fromEntries,"
        "getOwnPropertyDescriptor,getOwnPropertyDescriptors,getOwnPropertyNames,getOwnPropertySymbols,"
        "getPrototypeOf,is,isExtensible,isFrozen,isSealed,keys,preventExtensions,seal,setPrototypeOf,values")


# -- Reflect ------------------------------------------------------------------------------------------


def test_reflect_functions():
    assert js("Reflect.apply(Math.max, null, [1, 5, 3])") == 5
    assert js("Reflect.apply(function () { return this.v; }, {v: 8}, {length: 0})") == 8
    assert js("class A { constructor(x) { this.x = x; } } class B {}"
              "var o = Reflect.construct(A, [3], B); [o.x, o instanceof B, o instanceof A].join()") == "3,true,false"
    assert js("var o = {}; [Reflect.defineProperty(o, 'a', {value: 1}), "
              "Reflect.defineProperty(o, 'a', {value: 2}), o.a].join()") == "true,false,1"
    assert js("var o = Object.freeze({a: 1}); [Reflect.deleteProperty(o, 'a'), Reflect.deleteProperty({}, 'a')].join()") \
        == "false,true"
    assert js("var r = {v: 7}; Reflect.get({get g() { return this.v; }}, 'g', r)") == 7
    assert js("Reflect.getOwnPropertyDescriptor({a: 1}, 'a').writable") is True
    assert js("Reflect.getPrototypeOf([]) === Array.prototype && Reflect.has([], 'push') && "
              "Reflect.isExtensible({})") is True
    assert js("var s = Symbol('s'); var o = {b: 1, 1: 2, [s]: 3, a: 4}; Reflect.ownKeys(o).map(String).join()") == \
        "1,b,a,Symbol(s)"
    assert js("var o = {}; Reflect.preventExtensions(o) && !Object.isExtensible(o)") is True
    assert js("var o = {}; var r = {}; Reflect.set(o, 'a', 1, r); [o.a, r.a].join()") == ",1"
    assert js("Reflect.set(Object.freeze({a: 1}), 'a', 2)") is False
    assert js("var a = {}; Reflect.setPrototypeOf(a, Object.create(a))") is False


def test_reflect_errors():
    for name in ("defineProperty", "deleteProperty", "get", "getOwnPropertyDescriptor", "getPrototypeOf", "has",
                 "isExtensible", "ownKeys", "preventExtensions", "set", "setPrototypeOf"):
        assert js_error(f"Reflect.{name}(1)") == ("TypeError", f"Reflect.{name} called on non-object")
    assert js_error("Reflect.apply(1)") == (
        "TypeError", "Function.prototype.apply was called on 1, which is a number and not a function")
    assert js_error("Reflect.apply(Math.max, null, 1)") == ("TypeError", "CreateListFromArrayLike called on non-object")
    assert js_error("Reflect.construct(Math.max, [])") == (
        "TypeError", "function max() { [native code] } is not a constructor")
    assert js_error("Reflect.setPrototypeOf({}, 1)") == ("TypeError", "Object prototype may only be an Object or null: 1")


def test_reflect_shape():
    assert js("Reflect.ownKeys(Reflect).map(String).join()") == (
        "apply,construct,defineProperty,deleteProperty,get,getOwnPropertyDescriptor,getPrototypeOf,has,"
        "isExtensible,ownKeys,preventExtensions,set,setPrototypeOf,Symbol(Symbol.toStringTag)")
    assert js("[Reflect.apply.length, Reflect.construct.length, Reflect.set.length, typeof Reflect].join()") == \
        "3,2,3,object"


# -- Node-differential ---------------------------------------------------------------------------------

_DIFF_EXPRESSIONS = [
    "Object.keys(Object.assign([1, 2], 'ab', null, {0: 'x'}, [9]))",
    "JSON.stringify(Object.getOwnPropertyDescriptors(Object.freeze([1])))",
    "JSON.stringify(Object.entries('hi'))",
    "Object.getOwnPropertyNames('abc')",
    "Object.keys(Object.seal([1, 2]))",
    "Object.isFrozen(Object.freeze(function () {}))",
    "Object.isFrozen('')",
    "Object.prototype.toString.call(new Proxy([], {}))",
    "Object.prototype.toString.call(new Proxy(function () {}, {}))",
    "Object.prototype.toString.call(new (class extends Array {})())",
    "Object.prototype.propertyIsEnumerable.call('abc', 1)",
    "Reflect.ownKeys(new String('ab'))",
    "Reflect.ownKeys([1, , 3])",
    "Reflect.ownKeys({2: 1, 1: 1, b: 1, a: 1, [Symbol.iterator]: 1}).map(String)",
    "Object.entries({a: 1, get b() { return 2; }}).join('|')",
    "Object.fromEntries([['a', 1], ['b', 2]].values()).b",
    "Object.fromEntries(null)",
    "Object.assign(Object.freeze([1]), [2])",
    "Object.setPrototypeOf(Object.preventExtensions([]), {})",
    "Object.defineProperty({}, 'a', {get: 1})",
    "Object.defineProperty([], 'length', {value: -1})",
    "Object.defineProperty(Object.freeze([]), 0, {value: 1})",
    "Object.getOwnPropertyDescriptor(Function.prototype, 'caller').get()",
]


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_matches_node():
    lines = ["var __out = [];"]
    for e in _DIFF_EXPRESSIONS:
        lines.append(f"try {{ __out.push(String({e})); }} catch (__e) "
                     f"{{ __out.push('!' + __e.name + ': ' + __e.message); }}")
    prog = "\n".join(lines) + "\n"
    ours = json.loads(js(prog + "JSON.stringify(__out)"))
    node = json.loads(subprocess.run([NODE, "-"], input=prog + "process.stdout.write(JSON.stringify(__out))",
                                     capture_output=True, text=True, check=True, timeout=60).stdout)
    diffs = [(e, o, n) for e, o, n in zip(_DIFF_EXPRESSIONS, ours, node, strict=True) if o != n]
    assert not diffs, "\n".join(f"{e}\n  ours: {o!r}\n  node: {n!r}" for e, o, n in diffs)


@pytest.mark.parametrize(("setup", "target"), [
    ("class Point {}; var o = new Point()", "object '#<Point>'"),
    ("var o = new Map()", "object '#<Map>'"),
    ("var o = Object.create(null)", "object '[object Object]'"),
    ("var o = [1]", "object '[object Array]'"),
    ("var o = /a/", "object '[object RegExp]'"),
    ("var o = new String('ab')", "object '[object String]'"),
    ("var o = function f() {}", "function 'function f() {}'"),
])
def test_a_failed_strict_assignment_names_its_target_as_v8_does(setup, target) -> None:
    assert js_error(f"'use strict'; {setup}; Object.defineProperty(o, 'q', {{value: 1}}); o.q = 2") == (
        "TypeError", f"Cannot assign to read only property 'q' of {target}")


@pytest.mark.parametrize(("setup", "target"), [
    ("var o = { get q() { return 1; } }", "#<Object>"),
    ("class P { get q() { return 1; } }; var o = new P()", "#<P>"),
    ("var o = []; Object.defineProperty(o, 'q', { get() {} })", "[object Array]"),
    ("function F() {}; Object.defineProperty(F, 'q', { get() {} }); var o = F", "function F() {}"),
])
def test_assigning_a_property_that_has_only_a_getter_says_so(setup, target) -> None:
    assert js_error(f"'use strict'; {setup}; o.q = 2") == (
        "TypeError", f"Cannot set property q of {target} which has only a getter")  # V8's words
