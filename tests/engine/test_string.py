"""String, String.prototype, the String Iterator and Symbol, run as JS through jsengine.

Table tests pin what a script sees; the differential tests run the same programs in Node (skipped
when ``node`` is not installed) over random strings with astral characters and lone surrogates.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess

import pytest

import jsengine
from jsengine import Budget, BudgetExceeded, JSError

NODE = shutil.which("node")
needs_node = pytest.mark.skipif(NODE is None, reason="node is not installed")


def js(src: str):
    return jsengine.run(src)


def js_error(src: str) -> str:
    """Run ``src`` expecting an uncaught error; return "Name: message"."""
    with pytest.raises(JSError) as info:
        jsengine.run(src)
    return f"{info.value.name}: {info.value.message}"


# -- differential harness ---------------------------------------------------------------------------

# ``cases`` is a JSON list of [receiver path, method name, this, args]; each result is encoded so that
# undefined, NaN, -0, the infinities, arrays and errors survive JSON.
PROBE = r"""
const dec = (v) => {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(dec);
  if ('u' in v) return undefined;
  if ('n' in v) return v.n === '-0' ? -0 : Number(v.n);
  if ('o' in v) { const o = {}; for (const k of Object.keys(v.o)) o[k] = dec(v.o[k]); return o; }
  throw new TypeError('bad case');
};
const enc = (v) => {
  if (v === undefined) return {u: 1};
  if (typeof v === 'number') {
    if (v !== v) return {n: 'NaN'};
    if (v === Infinity || v === -Infinity) return {n: String(v)};
    if (v === 0 && 1 / v < 0) return {n: '-0'};
    return v;
  }
  if (Array.isArray(v)) return {a: v.map(enc)};
  if (typeof v === 'symbol' || typeof v === 'object' && v !== null) return {t: typeof v};
  return v;
};
const results = [];
for (const [path, name, thisv, args] of CASES) {
  const holder = path.split('.').reduce((o, k) => o[k], globalThis);
  try { results.push(enc(holder[name].apply(dec(thisv), args.map(dec)))); }
  catch (e) { results.push({e: e.name, m: e.message}); }
}
JSON.stringify(results);
"""


def run_node(src: str) -> str:
    """The completion value of the script ``src`` in Node, as a string."""
    wrapper = "process.stdout.write(String(require('vm').runInThisContext(require('fs').readFileSync(0, 'utf8'))))"
    return subprocess.run([NODE, "-e", wrapper], input=src, capture_output=True, text=True, check=True,
                          encoding="utf-8").stdout


def differential(cases: list) -> None:
    """Run every case in jsengine and in Node; assert identical results, naming the first difference."""
    src = "const CASES = " + json.dumps(cases) + ";\n" + PROBE
    ours = json.loads(jsengine.run(src, budget=Budget(steps=None, timeout=300)))
    theirs = json.loads(run_node(src))
    assert len(ours) == len(theirs) == len(cases)
    bad = [(c, o, t) for c, o, t in zip(cases, ours, theirs) if o != t]
    assert not bad, f"{len(bad)} of {len(cases)} differ; first: case {bad[0][0]!r}: ours {bad[0][1]!r}, " \
                    f"node {bad[0][2]!r}"


U = {"u": 1}
NAN = {"n": "NaN"}
INF = {"n": "Infinity"}
NINF = {"n": "-Infinity"}
NZERO = {"n": "-0"}


def random_string(rnd: random.Random, max_len: int = 10) -> str:
    """Random UTF-16 code units: ASCII, Latin, Greek (sigma), Cyrillic, astral pairs and lone surrogates."""
    out = []
    for _ in range(rnd.randint(0, max_len)):
        r = rnd.random()
        if r < 0.3:
            out.append(chr(rnd.randint(0x20, 0x7E)))
        elif r < 0.5:
            out.append(chr(rnd.randint(0xA0, 0x24F)))
        elif r < 0.62:
            out.append(chr(rnd.randint(0x370, 0x52F)))
        elif r < 0.7:
            out.append(rnd.choice(["\u03a3", "\u03c3", "\u0130", "\u0131", "\u00df", "\ufb03", "\u0149", " "]))
        elif r < 0.8:
            out.append(chr(rnd.randint(0x1E00, 0x1FFF)))
        elif r < 0.88:
            out.append(chr(rnd.choice([0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xD83D, 0xDE00])))
        else:
            c = rnd.choice([rnd.randint(0x10400, 0x1044F), rnd.randint(0x1E900, 0x1E943),
                            rnd.randint(0x1F600, 0x1F64F), rnd.randint(0x10000, 0x10FFFF)]) - 0x10000
            out.append(chr(0xD800 + (c >> 10)) + chr(0xDC00 + (c & 0x3FF)))
    return "".join(out)


# -- String constructor --------------------------------------------------------------------------------

@pytest.mark.parametrize("src, expected", [
    ("String()", ""),
    ("String(undefined)", "undefined"),
    ("String(null)", "null"),
    ("String(-0)", "0"),
    ("String(1e21)", "1e+21"),
    ("String(Symbol('desc'))", "Symbol(desc)"),
    ("String(Symbol())", "Symbol()"),
    ("String({toString() { return 'T'; }})", "T"),
    ("typeof new String('ab')", "object"),
    ("new String('ab').length", 2),
    ("new String('ab')[1]", "b"),
    ("Object.keys(new String('ab')).join()", "0,1"),
    ("new String('ab') instanceof String", True),
    ("class S extends String {}; new S('xy') instanceof S && new S('xy').length === 2", True),
    ("String.length", 1),
    ("String.fromCharCode(72, 105, 65536 + 33, -1)", "Hi!\uffff"),
    ("String.fromCharCode()", ""),
    ("String.fromCharCode(0xD83D, 0xDE00)", "\U0001F600"),
    ("String.fromCodePoint(72, 0x1F600, 0x10FFFF).length", 5),
    ("String.fromCodePoint('65', -0)", "A\x00"),
    ("String.raw`a\\n${1}b${2}`", "a\\n1b2"),
    ("String.raw({raw: ['x', 'y', 'z']}, 1)", "x1yz"),
    ("String.raw({raw: {length: 0}}, 1)", ""),
    ("String.raw({raw: 'abc'}, '-', '+', '*')", "a-b+c"),
])
def test_string_constructor(src, expected):
    assert js(src) == expected


@pytest.mark.parametrize("src, error", [
    ("new String(Symbol())", "TypeError: Cannot convert a Symbol value to a string"),
    ("String.fromCodePoint(1.5)", "RangeError: Invalid code point 1.5"),
    ("String.fromCodePoint(0x110000)", "RangeError: Invalid code point 1114112"),
    ("String.fromCodePoint(-1)", "RangeError: Invalid code point -1"),
    ("String.fromCodePoint(NaN)", "RangeError: Invalid code point NaN"),
    ("String.fromCodePoint(Infinity)", "RangeError: Invalid code point Infinity"),
    ("String.raw()", "TypeError: Cannot convert undefined or null to object"),
])
def test_string_constructor_errors(src, error):
    assert js_error(src) == error


# -- String.prototype methods ---------------------------------------------------------------------------

@pytest.mark.parametrize("src, expected", [
    # at (ES2022, as in Node), charAt, charCodeAt, codePointAt: code units
    ("'abc'.at(-1)", "c"),
    ("'abc'.at(3)", jsengine.UNDEFINED),
    ("'abc'.charAt(1)", "b"),
    ("'abc'.charAt(-1)", ""),
    ("'abc'.charAt(3)", ""),
    ("'abc'.charAt()", "a"),
    ("'abc'.charAt(1.9)", "b"),
    ("'abc'.charAt(NaN)", "a"),
    ("'\\u{1F600}'.charAt(0) === '\\uD83D'", True),
    ("'abc'.charCodeAt(1)", 98),
    ("isNaN('abc'.charCodeAt(5))", True),
    ("'\\u{1F600}'.charCodeAt(1)", 0xDE00),
    ("'a\\u{1F600}'.codePointAt(1)", 0x1F600),
    ("'a\\u{1F600}'.codePointAt(2)", 0xDE00),
    ("'\\uD800'.codePointAt(0)", 0xD800),
    ("'abc'.codePointAt(3)", jsengine.UNDEFINED),
    ("'abc'.codePointAt(-1)", jsengine.UNDEFINED),
    # concat
    ("'a'.concat(1, null, undefined, [2, 3], {})", "a1nullundefined2,3[object Object]"),
    ("'a'.concat()", "a"),
    # endsWith, includes, startsWith, indexOf, lastIndexOf
    ("'abcabc'.endsWith('bc')", True),
    ("'abcabc'.endsWith('ab', 2)", True),
    ("'abcabc'.endsWith('abc', 100)", True),
    ("'abc'.endsWith('')", True),
    ("'abc'.endsWith('a', -5)", False),
    ("'abc'.includes('bc')", True),
    ("'abc'.includes('a', 1)", False),
    ("'abc'.includes('')", True),
    ("'undefined'.includes()", True),
    ("'abc'.startsWith('bc', 1)", True),
    ("'abc'.startsWith('a', -Infinity)", True),
    ("'abc'.startsWith('abcd')", False),
    ("'abcabc'.indexOf('c')", 2),
    ("'abcabc'.indexOf('c', 3)", 5),
    ("'abcabc'.indexOf('c', -10)", 2),
    ("'abc'.indexOf('')", 0),
    ("'abc'.indexOf('', 10)", 3),
    ("'abc'.indexOf('d')", -1),
    ("'a\\u{1F600}b'.indexOf('\\uDE00')", 2),
    ("'abcabc'.lastIndexOf('c')", 5),
    ("'abcabc'.lastIndexOf('c', 4)", 2),
    ("'abcabc'.lastIndexOf('c', NaN)", 5),
    ("'abcabc'.lastIndexOf('a', -5)", 0),
    ("'abc'.lastIndexOf('')", 3),
    ("'abc'.lastIndexOf('', 1)", 1),
    # localeCompare (root collation approximation)
    ("'a'.localeCompare('b')", -1),
    ("'b'.localeCompare('a')", 1),
    ("'a'.localeCompare('a')", 0),
    ("'a'.localeCompare('B')", -1),
    ("'a'.localeCompare('A')", -1),
    ("'résumé'.localeCompare('resume')", 1),
    ("'\\u00e9'.localeCompare('e\\u0301')", 0),
    ("'a'.localeCompare('A', undefined, {sensitivity: 'base'})", 0),
    ("'a'.localeCompare('\\u00e1', undefined, {sensitivity: 'base'})", 0),
    ("'10'.localeCompare('9')", -1),
    ("'10'.localeCompare('9', undefined, {numeric: true})", 1),
    ("['b', 'A', 'a', 'B', '_', '1', 'ä'].sort((x, y) => x.localeCompare(y)).join('')", "_1aAäbB"),
    # normalize
    ("'\\u00e9'.normalize('NFD').length", 2),
    ("'e\\u0301'.normalize()", "\u00e9"),
    ("'\\ufb01'.normalize('NFKC')", "fi"),
    ("'\\ufb01'.normalize('NFC')", "\ufb01"),
    ("'\\u1e9b\\u0323'.normalize('NFKD')", "s\u0323\u0307"),
    ("'\\uD800a'.normalize() === '\\uD800a'", True),
    # padEnd, padStart
    ("'ab'.padStart(5, '-')", "---ab"),
    ("'ab'.padStart(7, 'xyz')", "xyzxyab"),
    ("'ab'.padStart(1, '-')", "ab"),
    ("'ab'.padStart(5)", "   ab"),
    ("'ab'.padStart(5, '')", "ab"),
    ("'ab'.padStart(5, null)", "nulab"),
    ("'ab'.padEnd(5, '-')", "ab---"),
    ("'ab'.padEnd(6, '12')", "ab1212"),
    ("'ab'.padEnd(-1, '-')", "ab"),
    ("'ab'.padEnd(NaN, '-')", "ab"),
    # repeat
    ("'ab'.repeat(3)", "ababab"),
    ("'ab'.repeat(0)", ""),
    ("'ab'.repeat(2.9)", "abab"),
    ("'ab'.repeat(-0.5)", ""),
    ("''.repeat(2 ** 40)", ""),
    ("'ab'.repeat('2')", "abab"),
    # slice, substring, substr
    ("'abcdef'.slice(1, 3)", "bc"),
    ("'abcdef'.slice(-2)", "ef"),
    ("'abcdef'.slice(2, -2)", "cd"),
    ("'abcdef'.slice(4, 2)", ""),
    ("'abcdef'.slice()", "abcdef"),
    ("'abcdef'.slice(-Infinity, Infinity)", "abcdef"),
    ("'abcdef'.substring(4, 1)", "bcd"),
    ("'abcdef'.substring(-3, 2)", "ab"),
    ("'abcdef'.substring(NaN, 2)", "ab"),
    ("'abcdef'.substring(3)", "def"),
    ("'abcdef'.substr(1, 2)", "bc"),
    ("'abcdef'.substr(-3, 2)", "de"),
    ("'abcdef'.substr(2)", "cdef"),
    ("'abcdef'.substr(1, -1)", ""),
    ("'abcdef'.substr(-Infinity, 2)", "ab"),
    # toLowerCase, toUpperCase: full Unicode mappings on code points
    ("'Hello World'.toUpperCase()", "HELLO WORLD"),
    ("'Hello World'.toLowerCase()", "hello world"),
    ("'straße'.toUpperCase()", "STRASSE"),
    ("'\\ufb03'.toUpperCase()", "FFI"),
    ("'\\u0149'.toUpperCase()", "\u02bcN"),
    ("'\\u0390'.toUpperCase()", "\u0399\u0308\u0301"),
    ("'ΟΔΟΣ'.toLowerCase()", "οδος"),
    ("'ΑΣ ΑΣ. Σ'.toLowerCase()", "ας ας. σ"),
    ("'\\u0130'.toLowerCase()", "i\u0307"),
    ("'\\u{10400}'.toLowerCase()", "\U00010428"),
    ("'\\u{1E922}'.toUpperCase()", "\U0001E900"),
    ("'a\\uD800b'.toUpperCase() === 'A\\uD800B'", True),
    ("'ǅ'.toUpperCase() + 'ǅ'.toLowerCase()", "Ǆǆ"),
    ("'i'.toLocaleUpperCase('tr')", "\u0130"),
    ("'I'.toLocaleLowerCase('tr')", "\u0131"),
    ("'I'.toLocaleLowerCase(['az', 'en'])", "\u0131"),
    ("'ß'.toLocaleUpperCase()", "SS"),
    ("'I'.toLocaleLowerCase('en-US')", "i"),
    # toString, valueOf
    ("'abc'.toString()", "abc"),
    ("new String('abc').valueOf()", "abc"),
    ("String.prototype.toString.call(String.prototype)", ""),
    # trim, trimStart, trimEnd (+ Annex B aliases)
    ("' \\t\\n\\v\\f\\r\\u00a0\\u1680\\u2000\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeffx \\ufeff'.trim()", "x"),
    ("'\\u180e x '.trim()", "\u180e x"),
    ("'\\u200bx'.trim()", "\u200bx"),
    ("'  x  '.trimStart()", "x  "),
    ("'  x  '.trimEnd()", "  x"),
    ("'  x  '.trimLeft()", "x  "),
    ("'  x  '.trimRight()", "  x"),
    ("String.prototype.trimLeft === String.prototype.trimStart", True),
    ("String.prototype.trimRight === String.prototype.trimEnd", True),
    ("String.prototype.trimLeft.name", "trimStart"),
    ("String.prototype.trimRight.name", "trimEnd"),
    # generic receivers
    ("String.prototype.toUpperCase.call(true)", "TRUE"),
    ("String.prototype.slice.call(12345, 1, 3)", "23"),
    ("String.prototype.indexOf.call({toString() { return 'xyz'; }}, 'z')", 2),
    # Annex B HTML methods
    ("'t'.anchor('a\"b')", "<a name=\"a&quot;b\">t</a>"),
    ("'t'.big()", "<big>t</big>"),
    ("'t'.blink()", "<blink>t</blink>"),
    ("'t'.bold()", "<b>t</b>"),
    ("'t'.fixed()", "<tt>t</tt>"),
    ("'t'.fontcolor('red')", "<font color=\"red\">t</font>"),
    ("'t'.fontsize(7)", "<font size=\"7\">t</font>"),
    ("'t'.italics()", "<i>t</i>"),
    ("'t'.link('u')", "<a href=\"u\">t</a>"),
    ("'t'.small()", "<small>t</small>"),
    ("'t'.strike()", "<strike>t</strike>"),
    ("'t'.sub()", "<sub>t</sub>"),
    ("'t'.sup()", "<sup>t</sup>"),
    ("'t'.anchor()", "<a name=\"undefined\">t</a>"),
])
def test_string_methods(src, expected):
    assert js(src) == expected


@pytest.mark.parametrize("src, expected", [
    # split with a string separator and a limit
    ("JSON.stringify('a,b,,c'.split(','))", '["a","b","","c"]'),
    ("JSON.stringify('a,b,c'.split(',', 2))", '["a","b"]'),
    ("JSON.stringify('a,b,c'.split(',', 0))", "[]"),
    ("JSON.stringify('a,b,c'.split(',', -1))", '["a","b","c"]'),
    ("JSON.stringify('a,b,c'.split(',', 2 ** 32 + 1))", '["a"]'),
    ("JSON.stringify('abc'.split(''))", '["a","b","c"]'),
    ("JSON.stringify('abc'.split('', 2))", '["a","b"]'),
    ("JSON.stringify('abc'.split())", '["abc"]'),
    ("JSON.stringify('abc'.split(undefined, 0))", "[]"),
    ("JSON.stringify(''.split(''))", "[]"),
    ("JSON.stringify(''.split(','))", '[""]'),
    ("JSON.stringify('a--b--'.split('--'))", '["a","b",""]'),
    ("JSON.stringify('anullb'.split(null))", '["a","b"]'),
    ("'\\u{1F600}'.split('').length", 2),
    ("JSON.stringify('a1b2c'.split({[Symbol.split](s, lim) { return [s, lim]; }}, 7))", '["a1b2c",7]'),
    # replace / replaceAll with string patterns and GetSubstitution
    ("'aXbXc'.replace('X', '-')", "a-bXc"),
    ("'aXbXc'.replaceAll('X', '-')", "a-b-c"),
    ("'abc'.replace('', '-')", "-abc"),
    ("'abc'.replaceAll('', '-')", "-a-b-c-"),
    ("'aaaa'.replaceAll('aa', 'b')", "bb"),
    ("'abc'.replace('d', '-')", "abc"),
    ("'abc'.replace('b', '[$$|$&|$`|$\\'|$1|$<x>|$]')", "a[$|b|a|c|$1|$<x>|$]c"),
    ("'abc'.replaceAll('b', '$&$&')", "abbc"),
    ("'abcbd'.replaceAll('b', '($`)')", "a(a)c(abc)d"),
    ("'abc'.replace('b', '$0$00$01$10$')", "a$0$00$01$10$c"),
    ("'abc'.replace('b', (m, p, s) => `[${m},${p},${s}]`)", "a[b,1,abc]c"),
    ("'xaxa'.replaceAll('a', (m, p) => p)", "x1x3"),
    ("'a1b'.replace({[Symbol.replace](s, r) { return s + '|' + r; }}, 'R')", "a1b|R"),
    ("'undefined'.replace(undefined, 'u')", "u"),
    ("'null'.replaceAll(null, 'n')", "n"),
    # match / matchAll / search delegate to the argument's well-known method
    ("'abc'.match({[Symbol.match](s) { return 'M' + s; }})", "Mabc"),
    ("'abc'.search({[Symbol.search](s) { return 42; }})", 42),
    ("'abc'.matchAll({[Symbol.matchAll](s) { return 'A' + s; }})", "Aabc"),
    ("'abc'.matchAll({[Symbol.match]: true, flags: 'g', [Symbol.matchAll](s) { return 'G' + s; }})", "Gabc"),
    ("'abc'.replaceAll({[Symbol.match]: true, flags: 'gi', [Symbol.replace](s, r) { return r + s; }}, 'R')",
     "Rabc"),
])
def test_split_replace_and_delegation(src, expected):
    assert js(src) == expected


@pytest.mark.parametrize("src, error", [
    ("String.prototype.trim.call(null)", "TypeError: String.prototype.trim called on null or undefined"),
    ("String.prototype.at.call(undefined)", "TypeError: String.prototype.at called on null or undefined"),
    ("String.prototype.padStart.call(null)",
     "TypeError: String.prototype.padStart called on null or undefined"),
    ("String.prototype.split.call(undefined)", "TypeError: String.prototype.split called on null or undefined"),
    ("String.prototype.replace.call(null)", "TypeError: String.prototype.replace called on null or undefined"),
    ("String.prototype.toString.call(1)", "TypeError: String.prototype.toString requires that 'this' be a String"),
    ("String.prototype.valueOf.call({})", "TypeError: String.prototype.valueOf requires that 'this' be a String"),
    ("'x'.repeat(-1)", "RangeError: Invalid count value: -1"),
    ("'x'.repeat(-1.5)", "RangeError: Invalid count value: -1.5"),
    ("'x'.repeat(Infinity)", "RangeError: Invalid count value: Infinity"),
    ("''.repeat(Infinity)", "RangeError: Invalid count value: Infinity"),
    ("'a'.normalize('nfc')",
     "RangeError: The normalization form should be one of NFC, NFD, NFKC, NFKD."),
    ("'a'.startsWith({[Symbol.match]: true})",
     "TypeError: First argument to String.prototype.startsWith must not be a regular expression"),
    ("'a'.endsWith({[Symbol.match]: 1})",
     "TypeError: First argument to String.prototype.endsWith must not be a regular expression"),
    ("'a'.includes({[Symbol.match]: 'yes'})",
     "TypeError: First argument to String.prototype.includes must not be a regular expression"),
    ("'a'.matchAll({[Symbol.match]: true, flags: 'i'})",
     "TypeError: String.prototype.matchAll called with a non-global RegExp argument"),
    ("'a'.replaceAll({[Symbol.match]: true, flags: ''}, 'x')",
     "TypeError: String.prototype.replaceAll called with a non-global RegExp argument"),
    ("'a'.replaceAll({[Symbol.match]: true}, 'x')",
     "TypeError: String.prototype.replaceAll called on null or undefined"),
    ("'a'.concat(Symbol())", "TypeError: Cannot convert a Symbol value to a string"),
    ("'a'.toLocaleUpperCase('not a tag!')", "RangeError: Incorrect locale information provided"),
    ("'a'.localeCompare('b', undefined, {sensitivity: 'loud'})",
     "RangeError: Value loud out of range for Intl.Collator options property sensitivity"),
    ("'a'[Symbol.iterator]().next.call({})",
     "TypeError: Method String Iterator.prototype.next called on incompatible receiver #<Object>"),
])
def test_string_errors(src, error):
    assert js_error(src) == error


def test_string_length_limit_and_memory_budget():
    # without a memory budget, V8's limit on string length is a catchable RangeError ...
    eng = jsengine.Engine(budget=Budget(memory=None))
    assert eng.run("try { 'ab'.repeat(2 ** 29) } catch (e) { e.name + ': ' + e.message }") == \
        "RangeError: Invalid string length"
    assert eng.run("try { 'a'.padEnd(2 ** 30) } catch (e) { e.message }") == "Invalid string length"
    assert eng.run("try { 'a'.concat('b'.repeat(2 ** 28), 'c'.repeat(2 ** 28)) } catch (e) { e.message }") == \
        "Invalid string length"
    # ... but a memory bomb is refused by the memory budget before Python allocates it
    eng = jsengine.Engine(budget=Budget(memory=64 * 2**20))
    with pytest.raises(BudgetExceeded) as info:
        eng.run("try { 'x'.repeat(2 ** 40) } catch (e) { 'caught' }")
    assert info.value.kind == "memory"
    eng = jsengine.Engine(budget=Budget(memory=64 * 2**20))
    with pytest.raises(BudgetExceeded):
        eng.run("'x'.padStart(2 ** 28, 'ab')")


def test_long_scans_are_charged_steps():
    eng = jsengine.Engine(budget=Budget(steps=200_000))
    with pytest.raises(BudgetExceeded) as info:
        eng.run("const s = 'ab'.repeat(1e6); let n = 0; for (let i = 0; i < 100; i++) n += s.indexOf('c'); n")
    assert info.value.kind == "steps"


def test_string_iterator():
    assert js("[...'a\\u{1F600}b'].length") == 3
    assert js("[...'a\\u{1F600}b'][1]") == "\U0001F600"
    assert js("[...'\\uD800\\uD800\\uDC00'].length") == 2
    assert js("Array.from('\\uDC00\\uD800').length") == 2
    assert js("let n = 0; for (const c of 'abc') n++; n") == 3
    assert js("const it = 'ab'[Symbol.iterator](); it.next(); it.next(); JSON.stringify(it.next())") == \
        '{"done":true}'
    assert js("Object.prototype.toString.call(''[Symbol.iterator]())") == "[object String Iterator]"
    assert js("const p = Object.getPrototypeOf(''[Symbol.iterator]()); "
              "Object.getPrototypeOf(p) === Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()))")
    assert js("String.prototype[Symbol.iterator].name") == "[Symbol.iterator]"
    assert js_error("String.prototype[Symbol.iterator].call(null)") == \
        "TypeError: String.prototype[Symbol.iterator] called on null or undefined"


def test_string_prototype_shape():
    assert js("Object.prototype.toString.call(String.prototype)") == "[object String]"
    assert js("String.prototype.length") == 0
    assert js("String.prototype.constructor === String")
    assert js("JSON.stringify(Object.getOwnPropertyDescriptor(String.prototype, 'at'))") == \
        '{"writable":true,"enumerable":false,"configurable":true}'
    lengths = js("['concat', 'padStart', 'padEnd', 'replace', 'replaceAll', 'slice', 'split', 'substr', "
                 "'substring', 'normalize', 'localeCompare', 'anchor', 'big', 'trim']"
                 ".map(k => String.prototype[k].length).join()")
    assert lengths == "1,1,1,2,2,2,2,2,2,0,1,1,0,0"
    assert js("Object.getOwnPropertyNames(String).sort().join()") == \
        "fromCharCode,fromCodePoint,length,name,prototype,raw"


# -- Symbol ------------------------------------------------------------------------------------------------

WELL_KNOWN = ("['asyncIterator', 'hasInstance', 'isConcatSpreadable', 'iterator', 'match', 'matchAll', 'replace', "
              "'search', 'species', 'split', 'toPrimitive', 'toStringTag', 'unscopables']")


@pytest.mark.parametrize("src, expected", [
    ("typeof Symbol()", "symbol"),
    ("Symbol('a') === Symbol('a')", False),
    ("Symbol('a').toString()", "Symbol(a)"),
    ("Symbol('a').description", "a"),
    ("Symbol().description", jsengine.UNDEFINED),
    ("Symbol('').description", ""),
    ("Symbol(undefined).toString()", "Symbol()"),
    ("Symbol(null).description", "null"),
    ("Symbol.for('k') === Symbol.for('k')", True),
    ("Symbol.for('k') === Symbol('k')", False),
    ("Symbol.keyFor(Symbol.for('k'))", "k"),
    ("Symbol.keyFor(Symbol('k'))", jsengine.UNDEFINED),
    ("Symbol.keyFor(Symbol.iterator)", jsengine.UNDEFINED),
    ("Symbol.for().description", "undefined"),
    ("Symbol.iterator.toString()", "Symbol(Symbol.iterator)"),
    ("Symbol.asyncIterator.description", "Symbol.asyncIterator"),
    (WELL_KNOWN + ".every(k => typeof Symbol[k] === 'symbol' && Symbol[k].description === 'Symbol.' + k)", True),
    ("JSON.stringify(Object.getOwnPropertyDescriptor(Symbol, 'iterator'))",
     '{"writable":false,"enumerable":false,"configurable":false}'),
    ("const s = Symbol('w'); Object(s).valueOf() === s", True),
    ("const s = Symbol('w'); Object(s)[Symbol.toPrimitive]('string') === s", True),
    ("typeof Object(Symbol())", "object"),
    ("Object(Symbol('z')).description", "z"),
    ("Object(Symbol('z')).toString()", "Symbol(z)"),
    ("Object.prototype.toString.call(Symbol())", "[object Symbol]"),
    ("Symbol.prototype[Symbol.toStringTag]", "Symbol"),
    ("Symbol.prototype[Symbol.toPrimitive].name", "[Symbol.toPrimitive]"),
    ("Object.getOwnPropertyDescriptor(Symbol.prototype, Symbol.toPrimitive).writable", False),
    ("Object.getOwnPropertyDescriptor(Symbol.prototype, 'description').get.name", "get description"),
    ("Symbol.length", 0),
    ("Symbol.for.length + Symbol.keyFor.length", 2),
    ("const o = {[Symbol.for('x')]: 1}; o[Symbol.for('x')]", 1),
])
def test_symbol(src, expected):
    assert js(src) == expected


@pytest.mark.parametrize("src, error", [
    ("new Symbol()", "TypeError: Symbol is not a constructor"),
    ("Symbol(Symbol())", "TypeError: Cannot convert a Symbol value to a string"),
    ("Symbol() + ''", "TypeError: Cannot convert a Symbol value to a string"),
    ("String(Object(Symbol()))", "TypeError: Cannot convert a Symbol value to a string"),
    ("`${Symbol()}`", "TypeError: Cannot convert a Symbol value to a string"),
    ("Symbol() * 2", "TypeError: Cannot convert a Symbol value to a number"),
    ("Symbol.keyFor('a')", "TypeError: a is not a symbol"),
    ("Symbol.keyFor(1)", "TypeError: 1 is not a symbol"),
    ("Symbol.prototype.toString.call(1)",
     "TypeError: Symbol.prototype.toString requires that 'this' be a Symbol"),
    ("Symbol.prototype.valueOf.call('s')",
     "TypeError: Symbol.prototype.valueOf requires that 'this' be a Symbol"),
    ("Symbol.prototype.description",
     "TypeError: Symbol.prototype.description requires that 'this' be a Symbol"),
    ("Symbol.prototype[Symbol.toPrimitive].call({})",
     "TypeError: Symbol.prototype [ @@toPrimitive ] requires that 'this' be a Symbol"),
])
def test_symbol_errors(src, error):
    assert js_error(src) == error


def test_symbol_registry_is_shared_across_engines():
    a = jsengine.Engine()
    b = jsengine.Engine()
    a.run("globalThis.k = Symbol.for('shared-key')")
    assert b.run("Symbol.keyFor(Symbol.for('shared-key'))") == "shared-key"


# -- differential tests against Node -----------------------------------------------------------------------

SP = "String.prototype"


@needs_node
def test_differential_fixed_strings():
    strings = ["", "abc", "a\ud83d\ude00b", "\ud800x", "x\udc00", "\u00df", "\u0391\u03a3 \u0391\u03a3. \u03a3",
               "\u0130stanbul", "\u01c5", "\ufb03", "\u0149", "\u0390", "  \t\u00a0\ufeff hi \u2028\n", "aXbXc"]
    index_args = [[], [0], [1], [-1], NAN, [100], [INF], [NINF], [1.5], ["2"], [U], [1, 2], [-3, -1], [2, 1],
                  [NAN, 2], [0, INF], [NINF, 2], [1, U], [5, -2], [-2, 5]]
    index_args = [a if isinstance(a, list) else [a] for a in index_args]
    cases = []
    for s in strings:
        for m in ("toUpperCase", "toLowerCase", "trim", "trimStart", "trimEnd", "normalize", "toString",
                  "toLocaleUpperCase", "toLocaleLowerCase"):
            cases.append([SP, m, s, []])
        for a in index_args:
            for m in ("charAt", "charCodeAt", "codePointAt", "at", "slice", "substring", "substr"):
                cases.append([SP, m, s, a])
        for a in (["b"], [""], ["b", 2], ["", 100], ["X", -5], ["a", NAN], ["\ude00"], ["\ud83d"], [U], [None]):
            for m in ("indexOf", "lastIndexOf", "includes", "startsWith", "endsWith"):
                cases.append([SP, m, s, a])
        for a in ([10], [10, "-="], [2, "x"], [10, ""], [-1], [NAN], [10, U], [10, None], [7, "\ud83d\ude00"]):
            cases.append([SP, "padStart", s, a])
            cases.append([SP, "padEnd", s, a])
        for a in ([0], [1], [3], [-1], [INF], [NAN], [2.7], [-0.5], ["3"]):
            cases.append([SP, "repeat", s, a])
        for a in (["X"], [""], ["X", 1], ["X", 0], [U], [None], ["", 2], ["b", 2**32 + 1], ["\ud83d"]):
            cases.append([SP, "split", s, a])
        for a in (["X", "[$&|$`|$'|$$|$1|$<x>|$]"], ["", "_"], ["b", "$0$00$01"], ["zz", "q"], [U, "u"]):
            cases.append([SP, "replace", s, a])
            cases.append([SP, "replaceAll", s, a])
        for a in (["NFD"], ["NFKC"], ["NFKD"], ["nfc"]):
            cases.append([SP, "normalize", s, a])
    for m in ("trim", "charAt", "slice", "padStart", "split", "replace", "toString", "valueOf", "normalize",
              "localeCompare", "match", "search", "matchAll", "replaceAll", "at", "codePointAt"):
        cases += [[SP, m, None, []], [SP, m, U, []]]
        if m not in ("match", "search", "matchAll") or js("typeof RegExp") == "function":
            cases.append([SP, m, 12, []])  # match, search and matchAll create a RegExp
    differential(cases)


@needs_node
def test_differential_random_strings():
    rnd = random.Random(20210)
    cases = []
    for _ in range(600):
        s = random_string(rnd, 12)
        t = random_string(rnd, 2)
        for m in ("toUpperCase", "toLowerCase", "normalize"):
            cases.append([SP, m, s, []])
        cases.append([SP, "normalize", s, ["NFKD"]])
        cases.append([SP, "toLocaleUpperCase", s, ["tr"]])
        cases.append([SP, "toLocaleLowerCase", s, ["tr"]])
        cases.append([SP, "indexOf", s, [t]])
        cases.append([SP, "indexOf", s, [t, rnd.randint(-2, 10)]])
        cases.append([SP, "lastIndexOf", s, [t, rnd.randint(-2, 10)]])
        cases.append([SP, "includes", s, [t, rnd.randint(-2, 10)]])
        cases.append([SP, "split", s, [t]])
        cases.append([SP, "split", s, [t, rnd.randint(0, 4)]])
        cases.append([SP, "padStart", s, [rnd.randint(0, 20), t]])
        cases.append([SP, "padEnd", s, [rnd.randint(0, 20), t]])
        cases.append([SP, "replaceAll", s, [t, "<$&>"]])
        cases.append([SP, "codePointAt", s, [rnd.randint(0, 5)]])
    differential(cases)


@needs_node
def test_differential_locale_compare_words():
    rnd = random.Random(7)
    alphabet = list("aAbBeEzZ019 -_.,'") + ["\u00e9", "\u00c9", "\u00e8", "\u00e4", "\u00f6", "\u00df", "\u00f1",
                                              "\u00f8", "\u00e6", "\u03b1", "\u044f", "\u4e2d", "e\u0301"]
    words = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 5))) for _ in range(1500)]
    cases = [[SP, "localeCompare", words[i], [words[i + 1]]] for i in range(len(words) - 1)]
    for i in range(200):
        cases.append([SP, "localeCompare", words[i], [words[i + 1], U, {"o": {"sensitivity": "base"}}]])
        cases.append([SP, "localeCompare", words[i], [words[i + 1], U, {"o": {"sensitivity": "accent"}}]])
        cases.append([SP, "localeCompare", words[i], [words[i + 1], "en", {"o": {"numeric": True}}]])
    differential(cases)


@needs_node
def test_differential_constructor_functions():
    cases = [["String", "fromCharCode", U, [65, 66.7, 65536 + 67, -1, NAN]],
             ["String", "fromCodePoint", U, [65, 0x1F600, 0x10FFFF]],
             ["String", "fromCodePoint", U, [1.5]], ["String", "fromCodePoint", U, [0x110000]],
             ["String", "fromCodePoint", U, [NZERO]], ["String", "fromCodePoint", U, ["65"]],
             ["globalThis", "String", U, []], ["globalThis", "String", U, [NZERO]],
             ["globalThis", "String", U, [None]], ["globalThis", "String", U, [U]],
             ["globalThis", "String", U, [1e21]], ["globalThis", "String", U, [1.5e-7]]]
    differential(cases)
