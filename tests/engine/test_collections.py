"""Map, Set, WeakMap, WeakSet and their iterators, run as JS through jsengine (values checked against
Node 20), with differential tests against node (skipped when it is not installed)."""

from __future__ import annotations

import gc
import json
import shutil
import subprocess

import pytest

import jsengine
from jsengine.budget import AGENT
from jsengine.builtins.collections import Table, map_entries, normalize_key, set_values
from jsengine.objects import JSObject
from jsengine.realm import Realm
from jsengine.values import UNDEFINED

NODE = shutil.which("node")
needs_node = pytest.mark.skipif(NODE is None, reason="node is not installed")

PRELUDE = """
function T(f) { try { return String(f()); } catch (e) { return e.constructor.name + ': ' + e.message; } }
function J(x) { return JSON.stringify(x); }
"""


def js(src: str):
    return jsengine.run(PRELUDE + src)


# -- keys: SameValueZero ----------------------------------------------------------------------------


def test_true_one_and_string_one_are_distinct_keys():
    assert js("""
        const m = new Map();
        m.set(true, 1).set(1, 2).set('1', 3).set(1.0, 4).set(false, 5).set(0, 6).set('', 7).set(null, 8)
         .set(undefined, 9);
        m.size + ' ' + [true, 1, '1', false, 0, '', null, undefined, -0].map(k => m.get(k)).join()""") == (
        "8 1,4,3,5,6,7,8,9,6")


def test_nan_and_negative_zero():
    assert js("const m = new Map([[NaN, 1], [-0, 2]]); "
              "[m.get(NaN), m.get(0), m.has(-0), Object.is([...m.keys()][1], -0)].join()") == "1,2,true,false"
    assert js("const s = new Set([NaN, NaN, 0, -0]); s.size + ' ' + Object.is([...s][1], -0)") == "2 false"


def test_objects_key_by_identity():
    assert js("const m = new Map(); const o = {}, p = {}; m.set(o, 1).set(p, 2); [m.get(o), m.get(p), m.get({})].join()") == (
        "1,2,")
    assert js("const s = new Set([[], []]); s.size") == 2


def test_python_key_normalisation():
    keys = [True, 1, "1", 1.0, False, 0, -0.0, float("nan"), None, UNDEFINED, ""]
    assert len({normalize_key(k) for k in keys}) == 9  # 1 == 1.0 and 0 == -0.0: 11 values, 9 keys
    t = Table()
    t.set(-0.0, "z")
    assert t.keys == [0] and type(t.keys[0]) is int
    t.set(float("nan"), "n")
    assert t.get(float("nan")) == "n"


# -- methods ----------------------------------------------------------------------------------------


def test_map_methods():
    assert js("""
        const m = new Map([['a', 1]]);
        const r = [m.set('b', 2) === m, m.size, m.get('a'), m.get('zz'), m.has('b'), m.delete('a'), m.delete('a'),
                   m.size, J([...m]), m.clear(), m.size];
        r.join(' ')""") == 'true 2 1  true true false 1 [["b",2]]  0'


def test_set_methods():
    assert js("""
        const s = new Set(['x']);
        [s.add('y') === s, s.add('x').size, s.has('y'), s.delete('y'), s.has('y'), J([...s.entries()]),
         J([...s.keys()])].join(' ')""") == 'true 2 true true false [["x","x"]] ["x"]'


def test_iterators_and_to_string_tags():
    assert js("Object.prototype.toString.call(new Map().entries()) + Object.prototype.toString.call(new Set().values())"
              " + Object.prototype.toString.call(new Map()) + Object.prototype.toString.call(new WeakSet())") == (
        "[object Map Iterator][object Set Iterator][object Map][object WeakSet]")
    assert js("[Map.prototype.entries === Map.prototype[Symbol.iterator], Set.prototype.keys === Set.prototype.values,"
              " Set.prototype.values === Set.prototype[Symbol.iterator]].join()") == "true,true,true"
    assert js("const it = new Map([[1, 2]]).entries(); J([it.next(), it.next(), it.next()])") == (
        '[{"value":[1,2],"done":false},{"done":true},{"done":true}]')
    assert js("Object.getPrototypeOf(Object.getPrototypeOf(new Map().keys())) === "
              "Object.getPrototypeOf(Object.getPrototypeOf([].values()))") is True
    assert js("J([...new Map([[1, 'a'], [2, 'b']]).values()]) + J(Array.from(new Set('hello')))") == (
        '["a","b"]["h","e","l","o"]')


def test_lengths_and_names():
    assert js("[Map.prototype.set.length, Map.length, Map.prototype.forEach.length, "
              "Object.getOwnPropertyDescriptor(Map.prototype, 'size').get.name, "
              "Object.getOwnPropertyDescriptor(Map, Symbol.species).get.name, Set.prototype.add.length, "
              "WeakMap.prototype.set.length, WeakSet.prototype.add.length, Set.length].join()") == (
        "2,0,1,get size,get [Symbol.species],1,2,1,0")
    assert js("[Map[Symbol.species] === Map, Set[Symbol.species] === Set].join()") == "true,true"


# -- live iteration ---------------------------------------------------------------------------------


def test_for_each_visits_added_and_skips_deleted():
    assert js("""
        const m = new Map([[1, 'a'], [2, 'b'], [3, 'c']]); const out = [];
        m.forEach((v, k) => { out.push(k); if (k === 1) { m.delete(2); m.set(4, 'd'); } });
        out.join()""") == "1,3,4"
    assert js("let n = 0; const m = new Map([[1, 1]]); m.forEach(() => { if (n++ < 5) m.set(n + 1, 1); }); "
              "n + ' ' + m.size") == "6 6"


def test_clear_during_iteration_continues_with_new_entries():
    assert js("const s = new Set([1, 2, 3]); const out = []; "
              "for (const v of s) { out.push(v); if (v === 1) { s.clear(); s.add(9); } } out.join()") == "1,9"
    assert js("const s = new Set([1, 2, 3]); const it = s.values(); it.next(); s.clear(); s.add(7); "
              "const r = [...it].join(); s.add(8); r + '|' + J(it.next())") == '7|{"done":true}'


def test_iteration_survives_compaction():
    # deleting most entries compacts the table; live iterators keep their place
    assert js("""
        const m = new Map(); for (let i = 0; i < 1000; i++) m.set(i, i);
        const it = m.keys(); const got = [it.next().value];
        for (let i = 0; i < 900; i++) m.delete(i);
        for (const k of it) got.push(k);
        got.length + ' ' + got.slice(0, 3).join() + ' ' + m.size""") == "101 0,900,901 100"
    assert js("""
        const m = new Map(); for (let i = 0; i < 100; i++) m.set(i, i); const got = [];
        m.forEach((v, k) => { got.push(k); if (k < 50) m.delete(k + 1); });
        got.length + ":" + got.slice(0, 5).join()""") == "75:0,2,4,6,8"
    assert js("""
        const m = new Map(); for (let i = 0; i < 200; i++) m.set(i, i); const got = [];
        m.forEach((v, k) => { got.push(k); if (k === 0) for (let j = 1; j <= 150; j++) m.delete(j);
                              if (k === 160) m.set('new', 1); });
        got.length + ':' + got.slice(0, 3).join() + ':' + got[got.length - 1]""") == "51:0,151,152:new"
    assert js("""
        const s = new Set(); for (let i = 0; i < 100; i++) s.add(i);
        const it = s.values(); it.next(); it.next();
        for (let i = 0; i < 100; i++) s.delete(i);
        for (let i = 0; i < 3; i++) s.add('n' + i);
        [...it].join()""") == "n0,n1,n2"


def test_deleted_then_readded_key_goes_last():
    assert js("const m = new Map([[1, 2], [3, 4]]); m.delete(1); m.set(1, 5); J([...m])") == "[[3,4],[1,5]]"


# -- constructors -----------------------------------------------------------------------------------


def test_constructors_require_new_and_iterables():
    assert js("T(() => Map()) + T(() => Set()) + T(() => WeakMap()) + T(() => WeakSet())") == (
        "TypeError: Constructor Map requires 'new'TypeError: Constructor Set requires 'new'"
        "TypeError: Constructor WeakMap requires 'new'TypeError: Constructor WeakSet requires 'new'")
    assert js("T(() => new Map([1]))") == "TypeError: Iterator value 1 is not an entry object"
    assert js("T(() => new Map(5))") == (
        "TypeError: number 5 is not iterable (cannot read property Symbol(Symbol.iterator))")
    assert js("T(() => new Set({}))") == "TypeError: object is not iterable (cannot read property Symbol(Symbol.iterator))"
    assert js("new Map(null).size + new Set(undefined).size") == 0


def test_constructor_uses_the_adder_looked_up_on_the_new_object():
    assert js("""
        const log = []; const orig = Set.prototype.add;
        Set.prototype.add = function (v) { log.push(v); return orig.call(this, v) };
        const s = new Set([1, 2, 2]); Set.prototype.add = orig;
        log.join() + ' ' + s.size""") == "1,2,2 2"
    assert js("""
        class M extends Map { set(k, v) { return super.set(k, v * 2) } }
        const m = new M([[1, 1], [2, 2]]); [m.get(1), m.get(2), m instanceof Map].join()""") == "2,4,true"
    assert js("const orig = Map.prototype.set; Map.prototype.set = 1; const r = T(() => new Map([])); "
              "Map.prototype.set = orig; r") == (
        "TypeError: '1' returned for property 'set' of object '#<Map>' is not a function")


def test_constructor_closes_the_iterator_on_error():
    assert js("""
        let closed = 0;
        const iter = {[Symbol.iterator]() { return {next() { return {value: 1, done: false} },
                                                     return() { closed++; return {} }} }};
        T(() => new Map(iter)) + ' ' + T(() => new WeakSet(iter)) + ' ' + closed""") == (
        "TypeError: Iterator value 1 is not an entry object TypeError: Invalid value used in weak set 2")


# -- weak collections -------------------------------------------------------------------------------


def test_weak_map_and_set():
    assert js("const k = {}; const w = new WeakMap([[k, 1]]); "
              "[w.get(k), w.has({}), w.set(k, 2) === w, w.get(k), w.delete(k), w.has(k), w.delete(k)].join()") == (
        "1,false,true,2,true,false,false")
    assert js("const k = {}; const w = new WeakSet([k]); [w.has(k), w.has({}), w.add(k) === w, w.delete(k), w.has(k)]"
              ".join()") == "true,false,true,true,false"
    assert js("[new WeakMap().get(1), new WeakMap().has(1), new WeakMap().delete(1), new WeakSet().has(1)].join()") == (
        ",false,false,false")
    assert js("T(() => new WeakMap().set(1, 1))") == "TypeError: Invalid value used as weak map key"
    assert js("T(() => new WeakMap().set(Symbol(), 1))") == "TypeError: Invalid value used as weak map key"
    assert js("T(() => new WeakSet().add('x'))") == "TypeError: Invalid value used in weak set"
    assert js("T(() => new WeakMap([[1, 2]]))") == "TypeError: Invalid value used as weak map key"


def test_weak_map_does_not_keep_keys_alive():
    realm = Realm()
    AGENT.realm = realm
    wm = realm.WeakMap.construct([], realm.WeakMap)
    key = JSObject(realm.ObjectPrototype)
    realm.WeakMapPrototype.get("set").call(wm, [key, "v"])
    assert len(wm.data) == 1
    del key
    gc.collect()
    assert len(wm.data) == 0


def test_incompatible_receivers():
    assert js("T(() => Map.prototype.get.call({}, 1))") == (
        "TypeError: Method Map.prototype.get called on incompatible receiver #<Object>")
    assert js("T(() => Set.prototype.add.call(new Map(), 1))") == (
        "TypeError: Method Set.prototype.add called on incompatible receiver #<Map>")
    assert js("T(() => WeakMap.prototype.get.call(new Map(), {}))") == (
        "TypeError: Method WeakMap.prototype.get called on incompatible receiver #<Map>")
    assert js("T(() => Object.getOwnPropertyDescriptor(Map.prototype, 'size').get.call(new Set()))") == (
        "TypeError: Method get Map.prototype.size called on incompatible receiver #<Set>")
    assert js("T(() => new Map().forEach(1))") == "TypeError: number 1 is not a function"


def test_python_helpers():
    realm = Realm()
    AGENT.realm = realm
    m = realm.Map.construct([], realm.Map)
    realm.MapPrototype.get("set").call(m, ["a", 1])
    realm.MapPrototype.get("set").call(m, [True, 2])
    assert map_entries(m) == [("a", 1), (True, 2)]
    s = realm.Set.construct([], realm.Set)
    realm.SetPrototype.get("add").call(s, [3])
    assert set_values(s) == [3]


# -- differential tests against node -----------------------------------------------------------------

CASES = [
    ("(() => { const m = new Map([['a', 1]]); const r = []; for (const [k, v] of m) { r.push(k + v); "
    "if (r.length < 3) m.set(k + 'x', v + 1); } return r.join(); })()"),
    ("(() => { const m = new Map(); m.set('k', 1); const e = m.entries(); m.clear(); "
    "return J(e.next()) + m.size + m.delete('k') + m.has('k'); })()"),
    ("J(Object.getOwnPropertyNames(Map.prototype).sort()) + J(Object.getOwnPropertyNames(Set.prototype).sort()) + "
    "J(Object.getOwnPropertyNames(WeakMap.prototype).sort()) + J(Object.getOwnPropertyNames(WeakSet.prototype).sort())"),
    ("(() => { const s = new Set([3, 1, 2]); const out = []; s.forEach(function (v, k, set) { "
    "out.push(v === k, set === s, this.t); }, {t: 'T'}); return out.join(); })()"),
    ("(() => { const m = new Map([[1, 'a']]); const it = m[Symbol.iterator](); m.set(2, 'b'); m.delete(1); "
    "return J([...it]) + J([...m.entries()]) })()"),
    ("(() => { const m = new Map(); for (let i = 0; i < 50; i++) m.set(i % 2 ? i : String(i), i); "
    "for (let i = 0; i < 50; i += 3) m.delete(i % 2 ? i : String(i)); return J([...m.keys()]) + m.size })()"),
    "(() => { const s = new Set('mississippi'); return [...s].join('') + s.size })()",
    "(() => { const m = new Map([[{}, 1], [[], 2], [() => 3, 3]]); return [...m.values()].join() })()",
    ("[typeof Map.prototype[Symbol.toStringTag], Map.prototype[Symbol.toStringTag], "
    "Set.prototype[Symbol.toStringTag], WeakMap.prototype[Symbol.toStringTag], "
    "Object.getOwnPropertyDescriptor(Map.prototype, Symbol.toStringTag).writable].join()"),
    "(() => { const s = new Set(); const it = s.values(); s.add(1); return J(it.next()) + J(it.next()) })()",
    "(() => { const s = new Set([1]); const it = s.values(); it.next(); it.next(); s.add(2); return J(it.next()) })()",
]


@needs_node
def test_same_as_node():
    prog = PRELUDE + "const __c = " + json.dumps(CASES) + """;
JSON.stringify(__c.map(c => { try { return String((0, eval)(c)); } catch (e) { return '!' + e.message; } }));"""
    p = subprocess.run([NODE, "-e", "process.stdout.write(String((0, eval)(" + json.dumps(prog) + ")))"],
                       check=False, capture_output=True, text=True, timeout=60)
    theirs = json.loads(p.stdout)
    mine = json.loads(jsengine.run(prog))
    for case, m, t in zip(CASES, mine, theirs):
        assert m == t, case
