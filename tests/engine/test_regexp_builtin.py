"""The RegExp builtin (jsengine/builtins/regexp.py): constructor, prototype, Symbol methods, the String
methods wired through them, the observable protocol test262 checks, and budgets.

The matching engine itself is tested in tests/engine/regexp/; whole programs compared with Node are
tests/engine/programs/regexp_*.js.
"""

from __future__ import annotations

import time

import pytest

import jsengine
from jsengine import Budget, BudgetExceeded, JSError


def js(src: str):
    return jsengine.run(src)


def js_error(src: str) -> str:
    """Run ``src`` expecting an uncaught error; return "Name: message"."""
    with pytest.raises(JSError) as info:
        jsengine.run(src)
    return f"{info.value.name}: {info.value.message}"


# -- the constructor -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("src", "expected"), [
    ("new RegExp('a', 'gi').flags", "gi"),
    ("new RegExp('x', 'yusmig').flags", "gimsuy"),
    ("new RegExp().source", "(?:)"),
    ("new RegExp(undefined, undefined).flags", ""),
    ("new RegExp(null).source", "null"),
    ("new RegExp(12).source", "12"),
    ("new RegExp(/a/g).flags", "g"),
    ("new RegExp(/a/g, 'i').flags", "i"),
    ("new RegExp(/a/g, '').flags", ""),
    ("RegExp('a').source", "a"),
    ("RegExp.length", 2),
    ("RegExp.name", "RegExp"),
    ("RegExp.prototype.constructor === RegExp", True),
    ("RegExp[Symbol.species] === RegExp", True),
    ("Object.getOwnPropertyDescriptor(RegExp, Symbol.species).get.name", "get [Symbol.species]"),
    ("Object.getOwnPropertyDescriptor(RegExp, 'prototype').writable", False),
    ("Object.getPrototypeOf(/a/) === RegExp.prototype", True),
])
def test_constructor_values(src, expected):
    assert js(src) == expected


def test_regexp_called_returns_its_argument_when_constructor_matches():
    assert js("var r = /a/; RegExp(r) === r") is True
    assert js("var r = /a/; new RegExp(r) === r") is False
    assert js("var r = /a/; RegExp(r, 'g') === r") is False
    assert js("var r = /a/; r.constructor = Object; RegExp(r) === r") is False
    # an object whose Symbol.match is truthy counts as a RegExp (IsRegExp)
    assert js("var o = {[Symbol.match]: 1, constructor: RegExp}; RegExp(o) === o") is True
    assert js("var o = {[Symbol.match]: 1, source: 'b+', flags: 'i'}; var r = RegExp(o); "
              "r.source + '/' + r.flags + '/' + r.test('XBB')") == "b+/i/true"
    # a real RegExp whose Symbol.match is false is read through its slots, not as an object
    assert js("var r = /q/m; r[Symbol.match] = false; RegExp(r) === r") is False


def test_constructor_reads_in_spec_order():
    src = """
    var log = [];
    var p = {get [Symbol.match]() { log.push('match'); return true; },
             get constructor() { log.push('constructor'); return null; },
             get source() { log.push('source'); return 'x'; },
             get flags() { log.push('flags'); return 'g'; }};
    RegExp(p);
    var nt = function(){}.bind();
    Object.defineProperty(nt, 'prototype', {get() { log.push('prototype'); return RegExp.prototype; }});
    Reflect.construct(RegExp, [p, {toString() { log.push('toString flags'); return 'i'; }}], nt);
    log.join()
    """
    assert js(src) == ("match,constructor,source,flags,"
                       "match,source,prototype,toString flags")


def test_new_target_and_subclass():
    src = """
    class R extends RegExp { hi() { return 'hi ' + this.source; } }
    var r = new R('a+', 'g');
    [r instanceof R, r.hi(), r.flags, Object.prototype.toString.call(r)].join()
    """
    assert js(src) == "true,hi a+,g,[object RegExp]"
    assert js("var o = Reflect.construct(RegExp, ['a'], Object); Object.getPrototypeOf(o) === Object.prototype") \
        is True


@pytest.mark.parametrize(("src", "expected"), [
    ("new RegExp('(')", "SyntaxError: Invalid regular expression: /(/: Unterminated group"),
    ("new RegExp('a', 'gg')", "SyntaxError: Invalid flags supplied to RegExp constructor 'gg'"),
    ("new RegExp('a', 'd')", "SyntaxError: Invalid flags supplied to RegExp constructor 'd'"),
    ("new RegExp('a', 'x')", "SyntaxError: Invalid flags supplied to RegExp constructor 'x'"),
    ("RegExp(Symbol())", "TypeError: Cannot convert a Symbol value to a string"),
])
def test_constructor_errors(src, expected):
    assert js_error(src) == expected


def test_literals_are_fresh_objects_of_the_current_realm():
    assert js("function f() { return /a/g; } var a = f(), b = f(); a !== b && a.source === b.source") is True
    assert js("var r = /a/g; r.lastIndex = 3; function f() { return /a/g; } f().lastIndex") == 0


# -- source, flags, getters ----------------------------------------------------------------------------


@pytest.mark.parametrize(("pattern", "source"), [
    ("''", "(?:)"),
    ("'/'", "\\/"),
    ("'\\\\/'", "\\/"),
    ("'[/]'", "[/]"),
    ("'[\\\\]/]'", "[\\]/]"),
    ("'a/b/c'", "a\\/b\\/c"),
    ("'\\n'", "\\n"),
    ("'\\r'", "\\r"),
    ("'\\u2028\\u2029'", "\\u2028\\u2029"),
    ("'\\\\\\n'", "\\n"),
])
def test_source_is_escaped(pattern, source):
    assert js(f"new RegExp({pattern}).source") == source
    # the escaped source round-trips through a literal
    assert js(f"var r = new RegExp({pattern}); eval('/' + r.source + '/').source === r.source") is True


def test_flag_getters():
    assert js("var r = /x/gimsuy; ['global','ignoreCase','multiline','dotAll','unicode','sticky']"
              ".map(k => r[k]).join()") == "true,true,true,true,true,true"
    assert js("var r = /x/; ['global','ignoreCase','multiline','dotAll','unicode','sticky']"
              ".map(k => r[k]).join()") == "false,false,false,false,false,false"
    # on RegExp.prototype itself: undefined, "(?:)", ""; on other objects: TypeError
    assert js("[RegExp.prototype.global, RegExp.prototype.sticky, RegExp.prototype.source, "
              "RegExp.prototype.flags, String(RegExp.prototype)].join('|')") == "||(?:)||/(?:)/"
    assert js_error("Object.getOwnPropertyDescriptor(RegExp.prototype, 'global').get.call({})") == \
        "TypeError: RegExp.prototype.global getter called on non-RegExp object"
    assert js_error("Object.getOwnPropertyDescriptor(RegExp.prototype, 'source').get.call(1)") == \
        "TypeError: RegExp.prototype.source getter called on non-RegExp object"
    assert js_error("Object.getOwnPropertyDescriptor(RegExp.prototype, 'flags').get.call(1)") == \
        "TypeError: RegExp.prototype.flags getter called on non-object 1"
    assert js("Object.prototype.toString.call(RegExp.prototype)") == "[object Object]"


def test_flags_getter_reads_each_flag_in_order():
    src = """
    var log = [];
    var o = {};
    ['global','ignoreCase','multiline','dotAll','unicode','sticky'].forEach(function (k, i) {
      Object.defineProperty(o, k, {get() { log.push(k); return i % 2 === 0 ? 1 : ''; }});
    });
    var f = Object.getOwnPropertyDescriptor(RegExp.prototype, 'flags').get.call(o);
    f + ':' + log.join()
    """
    assert js(src) == "gmu:global,ignoreCase,multiline,dotAll,unicode,sticky"


def test_last_index_property():
    assert js("var d = Object.getOwnPropertyDescriptor(/a/, 'lastIndex'); "
              "[d.value, d.writable, d.enumerable, d.configurable].join()") == "0,true,false,false"
    assert js("Object.getOwnPropertyNames(/a/g).join()") == "lastIndex"
    assert js("delete /a/.lastIndex") is False


def test_to_string_is_generic():
    assert js("String(/a\\/b[/]/gi)") == "/a\\/b[/]/gi"
    assert js("RegExp.prototype.toString.call({source: 'S', flags: 'F'})") == "/S/F"
    assert js_error("RegExp.prototype.toString.call(1)") == \
        "TypeError: Method RegExp.prototype.toString called on incompatible receiver 1"


# -- exec and test ----------------------------------------------------------------------------------


def test_exec_result_shape():
    src = """
    var m = /(a)(x)?(?:b)/.exec('zab');
    JSON.stringify([m.length, m[0], m[1], m[2] === undefined, 2 in m, m.index, m.input, m.groups === undefined,
                    Object.keys(m), Array.isArray(m)])
    """
    assert js(src) == '[3,"ab","a",true,true,1,"zab",true,["0","1","2","index","input","groups"],true]'


def test_exec_named_groups():
    src = """
    var m = /(?<y>\\d{4})-(?<m>\\d\\d)(?:-(?<d>\\d\\d))?/.exec('2021-07');
    [Object.getPrototypeOf(m.groups) === null, Object.keys(m.groups).join(), m.groups.y, m.groups.d,
     'd' in m.groups].join('|')
    """
    assert js(src) == "true|y,m,d|2021||true"


def test_exec_last_index_semantics():
    # global: starts at lastIndex, advances it, resets to 0 on failure
    assert js("var r = /a/g, s = 'aXa', out = []; var m; while ((m = r.exec(s))) out.push(m.index, r.lastIndex); "
              "out.push(r.lastIndex); out.join()") == "0,1,2,3,0"
    # sticky: only at lastIndex
    assert js("var r = /a/y; r.lastIndex = 1; [r.test('ba'), r.lastIndex, r.test('ba'), r.lastIndex].join()") == \
        "true,2,false,0"
    # neither: lastIndex is read (ToLength) but neither used nor written
    assert js("var n = 0, r = /a/; r.lastIndex = {valueOf() { n++; return 7; }}; r.exec('a').index + ',' + n + ','"
              " + typeof r.lastIndex") == "0,1,object"
    # ToLength: negative -> 0, huge -> past the end
    assert js("var r = /a/g; r.lastIndex = -5; r.exec('a').index") == 0
    assert js("var r = /a/g; r.lastIndex = 2 ** 60; [r.exec('a'), r.lastIndex].join()") == ",0"
    # a read-only lastIndex throws when exec has to write it
    assert js_error("var r = /a/g; Object.defineProperty(r, 'lastIndex', {writable: false}); r.exec('a')") == \
        "TypeError: Cannot assign to read only property 'lastIndex' of object '[object RegExp]'"
    assert js("var r = /a/; Object.defineProperty(r, 'lastIndex', {writable: false}); r.exec('b')") is None


def test_unicode_last_index_advance():
    # u: a match ends after the whole surrogate pair; empty matches step over pairs
    assert js("var r = /./gu; r.exec('\\u{1F600}x'); r.lastIndex") == 2
    assert js("'\\u{1F600}\\u{1F600}'.match(/(?:)/gu).length") == 3
    assert js("'\\u{1F600}\\u{1F600}'.match(/(?:)/g).length") == 5
    assert js("'\\u{1F600}'.replace(/(?:)/gu, '-')") == "-\U0001F600-"
    assert js("'\\u{1F600}\\u{1F601}'.split(/(?:)/u).length") == 2


def test_exec_and_test_errors():
    assert js_error("RegExp.prototype.exec.call({}, '')") == \
        "TypeError: Method RegExp.prototype.exec called on incompatible receiver #<Object>"
    assert js_error("RegExp.prototype.exec.call(RegExp.prototype, '')").startswith("TypeError: Method RegExp")
    assert js_error("RegExp.prototype.test.call(1, '')").startswith("TypeError: Method RegExp.prototype.test")
    assert js_error("var r = /a/; r.exec = () => 1; r.test('a')") == \
        "TypeError: RegExp exec method returned something other than an Object or null"


def test_test_calls_user_exec():
    assert js("var r = /a/, n = 0; r.exec = function (s) { n++; return s === 'q' ? {} : null; }; "
              "[r.test('q'), r.test('a'), n].join()") == "true,false,2"
    # a non-callable exec falls back to the builtin one
    assert js("var r = /a/; r.exec = 3; r.test('a')") is True


def test_compile():
    assert js("var r = /a/g; r.lastIndex = 3; var s = r.compile('b+', 'i'); "
              "[s === r, r.source, r.flags, r.lastIndex, r.test('xBBx')].join()") == "true,b+,i,0,true"
    assert js("var r = /a/; r.compile(/z/m); r.source + r.flags") == "zm"
    assert js("var r = /a/; r.compile(); r.source") == "(?:)"
    assert js_error("/a/.compile(/b/, 'g')") == \
        "TypeError: Cannot supply flags when constructing one RegExp from another"
    assert js_error("RegExp.prototype.compile.call({})").startswith("TypeError: Method RegExp.prototype.compile")
    # a failed compile leaves the object as it was
    assert js("var r = /a/g; try { r.compile('('); } catch (e) {} r.source + r.flags") == "ag"


# -- Symbol methods ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("src", "expected"), [
    ("'a1b22c333'.match(/\\d+/g).join()", "1,22,333"),
    ("'abc'.match(/x/g)", None),
    ("'abc'.match(/(?:)/g).length", 4),
    ("'a.b'.match('.').index", 0),
    ("'abc'.search(/c/)", 2),
    ("'abc'.search(/z/)", -1),
    ("'abc'.search('b')", 1),
    ("'a, b,c ,  d'.split(/,\\s*/).join('|')", "a|b|c |d"),
    ("'a1b2c'.split(/(\\d)/).join('|')", "a|1|b|2|c"),
    ("'a1b2c3d'.split(/\\d/, 2).join('|')", "a|b"),
    ("'a1b2c3d'.split(/(\\d)/, 2).join('|')", "a|1"),
    ("'abc'.split(/(?:)/).join('|')", "a|b|c"),
    ("''.split(/x/).length", 1),
    ("''.split(/(?:)/).length", 0),
    ("'ab'.split(/(x)?b/).length", 3),
    ("'abc'.split(/b/, 0).length", 0),
    ("'a-b-c'.split(/-/y).join('|')", "a|b|c"),
    ("'aaa'.replace(/a/, 'b')", "baa"),
    ("\"it's Bob's\".replace(/'/g, \"\\\\'\")", "it\\'s Bob\\'s"),
    ("'John Smith'.replace(/(\\w+)\\s(\\w+)/, \"$2, $1 [$&] <$`|$'> $$ $3 $0 $10\")",
     "Smith, John [John Smith] <|> $ $3 $0 John0"),
    ("'2021-07-04'.replace(/(?<y>\\d+)-(?<m>\\d+)-(?<d>\\d+)/, '$<d>/$<m>/$<y>$<zz>')", "04/07/2021"),
    ("'ab'.replace(/(a)/, '$<x>')", "$<x>b"),
    ("'b'.replace(/(a)?b/, '[$1]')", "[]"),
    ("'abc'.replace(/(?:)/g, '-')", "-a-b-c-"),
    ("'aab'.replace(/a/gy, 'x')", "xxb"),
    ("'baa'.replace(/a/y, 'x')", "baa"),
    ("'a.b.c'.replaceAll(/\\./g, '/')", "a/b/c"),
    ("[...'x1y22'.matchAll(/\\d+/g)].map(m => m[0] + '@' + m.index).join()", "1@1,22@3"),
    ("[...'ab'.matchAll('')].length", 3),
])
def test_string_methods_through_regexp(src, expected):
    assert js(src) == expected


def test_replace_function_arguments():
    assert js("'a1b2'.replace(/([a-z])(\\d)/g, (m, l, d, off, s) => `${l}${d * 2}@${off}/${s}`)") == \
        "a2@0/a1b2b4@2/a1b2"
    assert js("'x=1'.replace(/(?<k>\\w)=(?<v>\\d)/, (...a) => JSON.stringify(a))") == \
        '["x=1","x","1",0,"x=1",{"k":"x","v":"1"}]'
    assert js("'b'.replace(/(a)?b/, (m, a) => typeof a)") == "undefined"
    # the replacer runs after all matches were found, with this undefined
    assert js("'use strict'; var r = /a/g, seen = []; 'aa'.replace(r, function () { seen.push(r.lastIndex, this); "
              "return 'b'; }); seen.join()") == "0,,0,"


def test_match_all_iterator():
    assert js("var it = 'aa'.matchAll(/a/g); Object.prototype.toString.call(it)") == "[object RegExp String Iterator]"
    assert js("var it = 'aa'.matchAll(/a/g); var p = Object.getPrototypeOf(it); "
              "Object.getPrototypeOf(p) === Object.getPrototypeOf(Object.getPrototypeOf([].keys())) && "
              "p.next.length === 0 && p.next.name === 'next'") is True
    assert js("var it = RegExp.prototype[Symbol.matchAll].call(/a/, 'aa'); "
              "var a = it.next(), b = it.next(); [a.value[0], a.done, b.value, b.done].join()") == "a,false,,true"
    # the iterator works on a copy: the original's lastIndex is read once and left alone
    assert js("var r = /a/g; r.lastIndex = 1; var it = r[Symbol.matchAll]('aaa'); var n = [...it].length; "
              "n + ',' + r.lastIndex") == "2,1"
    assert js_error("'abc'.matchAll(/b/)") == \
        "TypeError: String.prototype.matchAll called with a non-global RegExp argument"
    assert js_error("'aa'.matchAll(/a/g).next.call({})") == \
        "TypeError: Method %RegExpStringIterator%.prototype.next called on incompatible receiver #<Object>"


def test_symbol_methods_require_objects():
    for name in ("match", "matchAll", "replace", "search", "split"):
        assert js_error(f"RegExp.prototype[Symbol.{name}].call(1, 'a')") == \
            f"TypeError: Method RegExp.prototype.@@{name} called on incompatible receiver 1"


def test_protocol_reads_follow_the_spec():
    """@@match, @@replace, @@split, @@matchAll read "flags" (ES2022+, as test262 expects)."""
    src = r"""
    var log = [];
    function traced(re) {
      return new Proxy(re, {
        get(t, k) { log.push('get ' + String(k)); var v = Reflect.get(t, k, t);
                    return typeof v === 'function' ? v.bind(t) : v; },
        set(t, k, v) { log.push('set ' + String(k) + '=' + v); return Reflect.set(t, k, v, t); },
      });
    }
    var out = [];
    function run(f) { log = []; f(); out.push(log.join(', ')); }
    run(() => RegExp.prototype[Symbol.match].call(traced(/a/g), 'aXa'));
    run(() => RegExp.prototype[Symbol.match].call(traced(/(?:)/g), 'a'));
    run(() => RegExp.prototype[Symbol.replace].call(traced(/a/g), 'aXa', 'b'));
    run(() => RegExp.prototype[Symbol.replace].call(traced(/a/), 'aXa', 'b'));
    run(() => RegExp.prototype[Symbol.search].call(traced(/a/g), 'xa'));
    run(() => RegExp.prototype[Symbol.split].call(traced(/-/), 'a-b'));
    out.join('\n')
    """
    assert js(src).split("\n") == [
        "get flags, set lastIndex=0, get exec, get exec, get exec",
        ("get flags, set lastIndex=0, get exec, get lastIndex, set lastIndex=1, get exec, get lastIndex, "
         "set lastIndex=2, get exec"),
        "get flags, set lastIndex=0, get exec, get exec, get exec",
        "get flags, get exec",
        "get lastIndex, get exec, get lastIndex, set lastIndex=0",
        "get constructor, get flags, get Symbol(Symbol.match), get source",
    ]


def test_replace_with_user_exec_results():
    # results are read back through Get/ToString/ToIntegerOrInfinity; a position behind the last one is skipped
    src = """
    var r = /x/g, n = 0;
    r.exec = function () {
      n++;
      if (n > 3) return null;
      return [{0: 'ab', 1: 7, length: 2, index: 1, groups: {g: 'G'}},
              {0: 'c', length: 1, index: 0},
              {0: 'd', length: '1', index: '99'}][n - 1];
    };
    'zabcd'.replace(r, '[$1|$<g>|$&]')
    """
    assert js(src) == "z[7|G|ab]cd[$1|$<g>|d]"


def test_split_uses_species_constructor_with_sticky_flag():
    src = """
    var seen = [];
    class R extends RegExp {
      static get [Symbol.species]() {
        return function (src, flags) { seen.push(String(src), flags); return new RegExp(src, flags); };
      }
    }
    var out = 'a1b'.split(new R('\\\\d', 'gi'));
    out.join('|') + ' ' + seen.join('|')
    """
    assert js(src) == "a|b /\\d/gi|giy"


def test_split_with_user_exec_splitter():
    # a species that returns a plain object with its own exec: the generic loop drives it
    src = """
    var calls = [];
    var re = /./;
    re.constructor = function () {};
    re.constructor[Symbol.species] = function () {
      var self = {lastIndex: 0, exec(s) {
        calls.push(self.lastIndex);
        if (self.lastIndex === 1) { self.lastIndex = 2; return ['x']; }
        return null;
      }};
      return self;
    };
    var out = re[Symbol.split]('abc');
    out.join('|') + ' ' + calls.join()
    """
    assert js(src) == "a|c 0,1,2"


# -- budgets -------------------------------------------------------------------------------------------


def test_catastrophic_pattern_ends_within_the_step_budget():
    eng = jsengine.Engine(budget=Budget(steps=2_000_000, timeout=20.0))
    t0 = time.monotonic()
    with pytest.raises(BudgetExceeded) as info:
        eng.run("/(a+)+$/.test('a'.repeat(40) + 'b')")
    assert info.value.kind == "steps"
    assert time.monotonic() - t0 < 5


def test_many_matches_are_charged():
    eng = jsengine.Engine(budget=Budget(steps=200_000, timeout=20.0))
    with pytest.raises(BudgetExceeded):
        eng.run("var s = 'a'.repeat(100000); for (var i = 0; i < 100; i++) s.replace(/a/g, 'b');")
