"""Sandbox escape suite: no Python object is ever reachable from a script.

A JavaScript walker visits every object reachable from the global object (own properties including
symbols, prototypes, getters called on their holder, functions called and constructed with no arguments,
prototype methods called on a fresh instance) and hands every value it meets to a raw recorder: a
``BuiltinFunction`` built in this test, which sees each value *before* any conversion and records its
Python type. Every value must be one of the value model's types. On every object the walker also reads
Python attribute names (``__class__``, ``__globals__`` ...), which must all be undefined.
"""

from __future__ import annotations

import collections
import json

import pytest

from jsengine import UNDEFINED, Budget, Engine, HostFunction
from jsengine.objects import BuiltinFunction, JSObject
from jsengine.values import JSBigInt, JSSymbol, JSUndefined

# Names of Python attributes that would open a way out if any JS property lookup reached them
PY_NAMES = [
    "__class__", "__globals__", "__subclasses__", "__init__", "__dict__", "__code__", "func_globals",
    "__builtins__", "__import__", "__mro__", "__base__", "__bases__", "__getattribute__", "__getattr__",
    "__closure__", "__self__", "__func__", "__module__", "__qualname__", "__wrapped__", "__reduce__",
    "__reduce_ex__", "__call__", "__len__", "__iter__", "__next__", "__doc__", "__slots__", "__weakref__",
    "gi_frame", "gi_code", "f_globals", "f_locals", "f_back", "tb_frame", "co_code",
    # attribute names of the engine's own Python objects that no JS object defines (names a JS object may
    # rightly have, such as an error's ``code``, are left out: the recorder checks every value's type anyway)
    "props", "proto", "extensible", "realm", "fn", "ctor", "arr", "proxy_target", "proxy_handler", "global_obj",
    "nonconfig", "is_callable", "is_constructor", "ordinary_get", "class_name",
]

WALKER = r"""
var __seen = new Set([globalThis]), __queue = [globalThis], __count = 0, __calls = 0;
var __skip = new Set([record, leak]);
function __note(v) {
  record(v);
  if (((typeof v === 'object' && v !== null) || typeof v === 'function') && !__seen.has(v)) {
    __seen.add(v); __queue.push(v);
  }
}
function __try(f, self, construct) {
  if (__skip.has(f) || __calls++ > 20000) return;
  try { __note(construct ? Reflect.construct(f, []) : Reflect.apply(f, self, [])); } catch (e) { __note(e); }
}
while (__queue.length && __count < 20000) {
  var o = __queue.shift(); __count++;
  var keys = [];
  try { keys = Reflect.ownKeys(o); } catch (e) { __note(e); }
  try { __note(Object.getPrototypeOf(o)); } catch (e) { __note(e); }
  var inst;
  if (typeof o === 'function') {
    __try(o, undefined, false);
    try { inst = Reflect.construct(o, []); __note(inst); } catch (e) { inst = undefined; __note(e); }
  } else { inst = undefined; }
  for (var k of keys) {
    record(k);
    var d; try { d = Reflect.getOwnPropertyDescriptor(o, k); } catch (e) { __note(e); continue; }
    if (!d) continue;
    if ('value' in d) { __note(d.value); if (typeof d.value === 'function') __try(d.value, o, false); }
    if (d.get) { __note(d.get); __try(d.get, o, false); }
    if (d.set) __note(d.set);
  }
  if (inst !== undefined && typeof o.prototype === 'object' && o.prototype !== null) {
    var pk = []; try { pk = Reflect.ownKeys(o.prototype); } catch (e) {}
    for (var k of pk) {
      var d; try { d = Reflect.getOwnPropertyDescriptor(o.prototype, k); } catch (e) { continue; }
      if (d && typeof d.value === 'function' && k !== 'constructor') __try(d.value, inst, false);
      if (d && d.get) __try(d.get, inst, false);
    }
  }
  for (var name of PY_NAMES) {
    try { var v = o[name]; if (v !== undefined) leak(name, v); } catch (e) { __note(e); }
  }
}
[__count, __calls]
"""

ALLOWED = (str, int, float, bool, type(None), JSUndefined, JSSymbol, JSBigInt)


class Walk:
    """The outcome of one walk: Python types met, engine classes met, Python names that answered."""

    def __init__(self) -> None:
        self.types: collections.Counter = collections.Counter()
        self.bad: list = []
        self.classes: set = set()
        self.leaks: list = []
        self.strings: list[str] = []
        self.console: list[str] = []


def walk(with_host_functions: bool) -> tuple[Walk, list]:
    w = Walk()
    eng = Engine(budget=Budget(steps=50_000_000, memory=1024 * 2**20, timeout=600),
                 console=lambda level, text: w.console.append(text))
    realm = eng.realm

    def record(this, args: list):
        for v in args:  # raw values, before any conversion
            w.types[type(v).__name__] += 1
            if isinstance(v, JSObject):
                w.classes.add(type(v).__module__ + "." + type(v).__name__)
            elif type(v) not in ALLOWED:
                w.bad.append(repr(v)[:100])
            if type(v) is str:
                w.strings.append(v)
        return UNDEFINED

    def leak(this, args: list):
        w.leaks.append((args[0] if args else None, type(args[1]).__name__ if len(args) > 1 else None))
        return UNDEFINED

    realm.global_obj.props["record"] = BuiltinFunction(realm, record, "record", 1)
    realm.global_obj.props["leak"] = BuiltinFunction(realm, leak, "leak", 2)
    eng.set_global("PY_NAMES", PY_NAMES)
    if with_host_functions:
        eng.set_global("host_list", HostFunction(lambda *a: [1, [2, {"k": "v"}]], "host_list"))
        eng.set_global("host_dict", HostFunction(
            lambda *a: {"n": 1, "f": HostFunction(lambda *b: {"deep": [None]}, "inner")}, "host_dict"))
        eng.set_global("host_error", HostFunction(lambda *a: 1 / 0, "host_error"))
        eng.set_global("config", {"nested": {"list": [1, "two", None, True]}})
    counts = eng.run(WALKER)
    return w, counts


@pytest.fixture(scope="module", params=[False, True], ids=["builtins", "with-host-functions"])
def walked(request) -> tuple[Walk, list]:
    return walk(request.param)


def test_walk_reaches_the_whole_library(walked) -> None:
    w, (objects, calls) = walked
    assert objects > 1000 and calls > 1000
    # it met the kinds of objects a script can make
    for cls in ("JSArray", "JSInternal", "BuiltinFunction", "JSCompiledFunction", "BoundFunction", "JSPromise",
                "JSTypedArray", "JSArrayBuffer", "JSStringObject"):
        assert any(c.endswith("." + cls) for c in w.classes), cls


def test_every_reachable_value_is_a_js_value(walked) -> None:
    w, _ = walked
    assert w.bad == []
    assert set(w.types) - {"JSObject"} <= {c.__name__ for c in ALLOWED} | {
        c.rsplit(".", 1)[1] for c in w.classes}
    assert all(c.startswith("jsengine.") for c in w.classes), w.classes


def test_no_python_attribute_answers_on_any_object(walked) -> None:
    w, _ = walked
    assert w.leaks == []


def test_no_python_text_in_any_reachable_string(walked) -> None:
    w, _ = walked
    for s in w.strings:
        assert "Traceback" not in s and ".py\"" not in s and "File \"" not in s, s[:200]


# -- classic escape attempts ----------------------------------------------------------------------


@pytest.fixture
def eng() -> Engine:
    e = Engine(budget=Budget(steps=5_000_000, timeout=30))
    e.register("host_list", lambda *a: [1, {"a": [2]}])
    e.register("host_dict", lambda *a: {"x": 1, "inner": {"y": [1, 2]}})
    return e


@pytest.mark.parametrize("start", [
    "({})", "[]", "''", "0", "true", "Symbol()", "(function () {})", "(() => 1)", "(async function () {})",
    "(function* () {})", "(async function* () {})", "class {}", "Math.max", "host_list", "host_list()",
    "host_dict()", "new Error('e')", "Promise.resolve()", "new Map()", "JSON", "Reflect",
])
def test_constructor_constructor_gives_only_the_js_global(eng: Engine, start: str) -> None:
    got = eng.run(f"""var F = ({start}).constructor.constructor;
    var r = F('return this')();
    r instanceof Promise || (r && typeof r.next === 'function') ? 'not a global' : r === globalThis""")
    if got == "not a global":  # async and generator constructors return promises / generators
        assert eng.run(f"({start}).constructor.constructor === Function") is False
    else:
        assert got is True


@pytest.mark.parametrize("name", [
    "process", "require", "module", "exports", "__builtins__", "__import__", "__name__", "__file__", "open",
    "os", "sys", "globals", "locals", "exec", "compile", "getattr", "setattr", "type", "object", "breakpoint",
    "__loader__", "__spec__", "Deno", "Bun", "print", "$262", "jsengine", "subprocess", "importlib",
])
def test_no_host_names_are_reachable(eng: Engine, name: str) -> None:
    assert eng.run(f"typeof {name}") == "undefined"
    assert eng.run(f"Function('return typeof {name}')()") == "undefined"
    assert eng.run(f"(0, eval)('typeof {name}')") == "undefined"
    assert eng.run(f"with (globalThis) {{ typeof {name} }}") == "undefined"
    assert eng.run(f"try {{ Function('return {name}')(); 'reached' }} catch (e) {{ e.name }}") == "ReferenceError"
    assert eng.run(f"globalThis[{json.dumps(name)}]") is UNDEFINED


@pytest.mark.parametrize("expr", [
    "({})", "[]", "host_list", "host_list()", "host_dict()", "host_dict().inner", "Object.getOwnPropertyNames({})",
    "Object.keys(host_dict())", "Object.entries({a: 1})", "new Error('x')", "(function () { return arguments })()",
    "Reflect.ownKeys(globalThis)", "JSON.parse('{\"a\": [1]}')", "'str'", "Symbol.iterator", "10n",
    "[].values()", "new Map([[1, 2]]).entries()", "(function* () {})()", "Promise.resolve(1)", "/re/g",
    "/(?<x>a)/.exec('a')", "'abc'.matchAll(/b/g)",
])
def test_python_attribute_names_are_undefined(eng: Engine, expr: str) -> None:
    eng.run(f"var target = {expr}; 1")
    names = json.dumps(PY_NAMES)
    got = eng.run(f"""var found = [];
    for (var n of {names}) {{
      var v; try {{ v = Object(target)[n]; }} catch (e) {{ continue; }}
      if (v !== undefined) found.push(n);
      if (Object(target).hasOwnProperty(n) || n in Object(target)) found.push('in:' + n);
    }}
    found""")
    assert got == []


def test_js2py_cve_2024_28397_chain_goes_nowhere(eng: Engine) -> None:
    # The published Js2Py exploit: a Python list comes back from getOwnPropertyNames and its
    # __getattribute__ walks to object.__subclasses__() and subprocess.Popen.
    got = eng.run(r"""
    var out = [];
    try {
      let hacked = Object.getOwnPropertyNames({});
      out.push(typeof hacked, Array.isArray(hacked));
      let bymarve = hacked.__getattribute__;
      out.push(typeof bymarve);
      let n11 = bymarve("__getattribute__");
      let obj = n11("__class__").__base__;
      function findpopen(o) {
        for (let i in o.__subclasses__()) {
          let item = o.__subclasses__()[i];
          if (item.__module__ == "subprocess" && item.__name__ == "Popen") return item;
          if (item.__name__ != "type" && (result = findpopen(item))) return result;
        }
      }
      out.push(findpopen(obj)("id", -1, null, -1, -1, -1, null, null, true).communicate());
    } catch (e) { out.push(e.name); }
    out""")
    assert got == ["object", True, "undefined", "TypeError"]


def test_cve_chain_through_host_returned_values(eng: Engine) -> None:
    got = eng.run(r"""
    var results = [];
    for (var v of [host_list(), host_dict(), host_dict().inner, host_list()[1].a, host_list]) {
      var r = [];
      for (var n of ['__getattribute__', '__class__', '__dict__', '__reduce__', '__init__', '__self__', 'fn']) {
        try { r.push(typeof v[n]); } catch (e) { r.push(e.name); }
      }
      try { v.__getattribute__('__class__'); r.push('called'); } catch (e) { r.push(e.name); }
      r.push(Object.getPrototypeOf(v) === (typeof v === 'function' ? Function.prototype
             : Array.isArray(v) ? Array.prototype : Object.prototype));
      results.push(r.join());
    }
    results""")
    expected = ",".join(["undefined"] * 7 + ["TypeError", "true"])
    assert got == [expected] * 5


def test_host_values_are_plain_js_objects(eng: Engine) -> None:
    assert eng.run("Object.getOwnPropertyNames(host_dict())") == ["x", "inner"]
    assert eng.run("JSON.stringify(host_list())") == '[1,{"a":[2]}]'
    assert eng.run("Object.getOwnPropertyNames(host_list).sort()") == ["length", "name"]
    assert eng.run("Object.prototype.toString.call(host_dict())") == "[object Object]"


def test_errors_carry_no_python_details(eng: Engine) -> None:
    eng.register("explode", lambda: {}["missing"])
    got = eng.run(r"""var texts = [];
    for (var f of [() => null.x, () => undefined(), () => [].reduce((a, b) => a), () => explode(),
                   () => new Array(-1), () => JSON.parse('{'), () => Symbol() + '', () => BigInt(1.5),
                   () => eval('(')]) {
      try { f(); } catch (e) { texts.push(String(e), String(e.stack)); }
    }
    texts""")
    assert len(got) == 18
    for text in got:
        assert "Traceback" not in text and ".py" not in text and "File \"" not in text, text


def test_function_internals_are_not_exposed(eng: Engine) -> None:
    got = eng.run(r"""var f = function named(a, b) { return a + b };
    var caller; try { caller = f.caller; } catch (e) { caller = e.name; }
    [Object.getOwnPropertyNames(f).sort().join(), typeof caller === 'function',
     Object.getOwnPropertyNames(Math.max).sort().join(), Object.getOwnPropertyNames(host_list).sort().join(),
     String(Math.max), String(host_list)]""")
    assert got[0] == "length,name,prototype"
    assert got[1] is False
    assert got[2] == "length,name" and got[3] == "length,name"
    assert got[4] == "function max() { [native code] }"
    assert got[5] == "function host_list() { [native code] }"
