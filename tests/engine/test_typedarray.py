"""ArrayBuffer, SharedArrayBuffer, DataView, the typed arrays and Atomics, run as JS through jsengine.

Detaching uses the test262 host (``$262.detachArrayBuffer``); in Node the same programs detach with
``structuredClone(buffer, {transfer: [buffer]})``. The differential tests are skipped without ``node``.
"""

from __future__ import annotations

import subprocess

import pytest

import jsengine
from jsengine import Budget, BudgetExceeded, JSError
from tests.conftest import NODE, js_output, needs_node

NODE_DETACH = ("if (typeof $262 === 'undefined') globalThis.$262 = "
               "{detachArrayBuffer: b => structuredClone(b, {transfer: [b]})};\n")


def run_with_host(src: str) -> str:
    """Console output of ``src`` in an engine with ``$262`` (for detachArrayBuffer)."""
    lines: list[str] = []
    eng = jsengine.Engine(console=lambda level, text: lines.append(text))
    eng.install_test262_host()
    eng.run(src)
    return "".join(line + "\n" for line in lines)


def js_error(src: str) -> str:
    with pytest.raises(JSError) as info:
        jsengine.run(src)
    return f"{info.value.name}: {info.value.message}"


SHOW = "const show = x => Object.is(x, -0) ? '-0' : String(x); const j = a => Array.from(a, show).join(',');\n"


@pytest.mark.parametrize(("ctor", "expected"), [
    ("Int8Array", "1,-1,-128,127,1,-1,0,0,0"),
    ("Uint8Array", "1,255,128,127,1,255,0,0,0"),
    ("Uint8ClampedArray", "2,0,128,0,1,255,255,0,0"),
    ("Int16Array", "1,-1,128,-32641,1,-1,0,0,0"),
    ("Uint32Array", "1,4294967295,128,4294934655,1,4294967295,0,0,0"),
    ("Float32Array", "1.5,-1.5,128,-32641,1.100000023841858,4294967296,Infinity,NaN,-0"),
    ("Float64Array", "1.5,-1.5,128,-32641,1.1,4294967295,1e+300,NaN,-0"),
])
def test_element_conversions(ctor, expected):
    out = js_output(SHOW + f"console.log(j(new {ctor}([1.5, -1.5, 128, -32641, 1.1, 4294967295, 1e300, NaN, -0])))")
    assert out == expected + "\n"


def test_uint8_clamped_rounds_half_to_even():
    out = js_output("console.log(new Uint8ClampedArray([0.5, 1.5, 2.5, 254.5, 253.5, -0.5, 300]).join())")
    assert out == "0,2,2,254,254,0,255\n"


def test_bigint_arrays_wrap_and_refuse_numbers():
    out = js_output("""
var a = new BigInt64Array([2n ** 63n, -1n]);
var b = new BigUint64Array([-1n, 2n ** 64n + 5n]);
console.log(String(a[0]), String(a[1]), String(b[0]), String(b[1]));
try { a[0] = 1; } catch (e) { console.log(e.name); }
try { new Int8Array(1)[0] = 1n; } catch (e) { console.log(e.name); }
try { a[0] = "1.5"; } catch (e) { console.log(e.name); }
""")
    assert out == "-9223372036854775808 -1 18446744073709551615 5\nTypeError\nTypeError\nSyntaxError\n"


def test_integer_indexed_keys():
    out = js_output("""
var d = new Int8Array(4);
console.log(d["-0"], d["1.0"], d[1.5], d[-1], d.Infinity, "-0" in d, "4" in d, "3" in d);
d["01"] = 5; d["1.0"] = 6; d[10] = 7; d["-0"] = 8;
console.log(Object.keys(d).join(), d["01"], d["1.0"], d[10]);
console.log(delete d[0], delete d[10], Reflect.defineProperty(d, 0, {value: 42}), d[0],
            Reflect.defineProperty(d, 0, {value: 1, configurable: false}), Reflect.defineProperty(d, 9, {value: 1}));
console.log(JSON.stringify(Object.getOwnPropertyDescriptor(d, 0)));
""")
    assert out.splitlines() == [
        "undefined undefined undefined undefined undefined false false true",
        "0,1,2,3,01,1.0 5 6 undefined",
        "false true true 42 false false",
        '{"value":42,"writable":true,"enumerable":true,"configurable":true}',
    ]


def test_sort_is_numeric_with_negative_zero_first_and_nan_last():
    out = js_output(SHOW + """
console.log(j(new Float64Array([3, -0, NaN, 0, -Infinity, 2, NaN, -5]).sort()));
console.log(j(new Int32Array([10, 9, -1, 100]).sort()), j(new Int8Array([1, 2, 3]).sort((a, b) => b - a)));
""")
    assert out == "-Infinity,-5,-0,0,2,3,NaN,NaN\n-1,9,10,100 3,2,1\n"


def test_species_and_subclasses():
    out = js_output("""
class Bytes extends Uint8Array {}
var b = new Bytes([1, 2, 3]);
console.log(b.map(x => x) instanceof Bytes, b.slice(1) instanceof Bytes, b.subarray(1) instanceof Bytes,
            b.filter(Boolean).constructor.name);
var t = new Int8Array(2);
t.constructor = { [Symbol.species]: function (n) { return new Int8Array(1); } };
try { t.map(x => x); } catch (e) { console.log(e.name); }
t.constructor = { [Symbol.species]: BigInt64Array };
try { t.slice(); } catch (e) { console.log(e.name); }
""")
    assert out == "true true true Bytes\nTypeError\nTypeError\n"


def test_set_copies_overlapping_ranges_like_memmove():
    out = js_output("""
var a = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]);
a.set(a.subarray(0, 4), 2);
var b = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]);
new Uint16Array(b.buffer).set(new Uint8Array(b.buffer, 0, 3), 1);
console.log(a.join(), b.join());
try { a.set([1, 2], 7); } catch (e) { console.log(e.name, e.message); }
""")
    assert out == "1,2,1,2,3,4,7,8 1,2,1,0,2,0,3,0\nRangeError offset is out of bounds\n"


def test_data_view_endianness_and_bounds():
    out = js_output("""
var dv = new DataView(new ArrayBuffer(10), 2);
dv.setUint16(0, 0x0102);
dv.setUint16(2, 0x0102, true);
dv.setFloat32(4, 1.5);
console.log(new Uint8Array(dv.buffer).join(), dv.getUint16(0, true), dv.getInt32(0), dv.getFloat32(4),
            dv.byteOffset, dv.byteLength);
console.log(String(new DataView(new ArrayBuffer(8)).getBigUint64(0)));
try { dv.getUint32(5); } catch (e) { console.log(e.name, e.message); }
try { dv.getInt8(-1); } catch (e) { console.log(e.name); }
try { new DataView(new ArrayBuffer(4), 5); } catch (e) { console.log(e.name); }
try { new DataView({}); } catch (e) { console.log(e.name); }
""")
    assert out.splitlines() == [
        "0,0,1,2,2,1,63,192,0,0 513 16908801 1.5 2 8",
        "0",
        "RangeError Offset is outside the bounds of the DataView",
        "RangeError",
        "RangeError",
        "TypeError",
    ]


def test_detached_buffers():
    out = run_with_host("""
var a = new Int8Array([1, 2, 3]);
$262.detachArrayBuffer(a.buffer);
console.log(a.length, a.byteLength, a.byteOffset, a[0], 0 in a, Object.keys(a).length, a.buffer.byteLength);
a[0] = 5;
for (const m of ["join", "fill", "map", "includes", "values", "sort"]) {
  try { a[m](); console.log(m, "no error"); } catch (e) { console.log(m, e.name); }
}
var c = new Int8Array([1, 2, 3]);
console.log(c.includes(undefined, { valueOf() { $262.detachArrayBuffer(c.buffer); return 0; } }));
try { $262.detachArrayBuffer({}); } catch (e) { console.log(e.name); }
""")
    assert out.splitlines() == [
        "0 0 0 undefined false 0 0",
        "join TypeError", "fill TypeError", "map TypeError", "includes TypeError", "values TypeError",
        "sort TypeError",
        "true",
        "TypeError",
    ]


def test_huge_buffers_are_refused_before_allocation():
    assert js_error("new ArrayBuffer(2 ** 40)") == "RangeError: Array buffer allocation failed"
    assert js_error("new Float64Array(2 ** 45)") == "RangeError: Array buffer allocation failed"
    assert js_error("new ArrayBuffer(-1)") == "RangeError: Invalid array buffer length"
    with pytest.raises(BudgetExceeded):
        jsengine.run("var keep = []; for (;;) keep.push(new ArrayBuffer(32 * 2 ** 20));",
                     budget=Budget(memory=128 * 2**20))


def test_atomics_single_agent():
    out = js_output("""
var ia = new Int32Array(new SharedArrayBuffer(16));
console.log(Atomics.add(ia, 0, 5), Atomics.sub(ia, 0, 2), Atomics.and(ia, 0, 2), Atomics.or(ia, 0, 12),
            Atomics.xor(ia, 0, 5), Atomics.exchange(ia, 0, 7), Atomics.compareExchange(ia, 0, 7, 1),
            Atomics.compareExchange(ia, 0, 7, 2), Atomics.load(ia, 0), Atomics.store(ia, 1, 3.7),
            Atomics.notify(ia, 0), Atomics.isLockFree(4));
var u8 = new Uint8Array(1);
console.log(Atomics.add(u8, 0, 300), u8[0], String(Atomics.sub(new BigInt64Array(1), 0, 1n)));
for (const f of [() => Atomics.add(new Float64Array(1), 0, 1), () => Atomics.load(ia, 4),
                 () => Atomics.wait(ia, 0, 0, 0), () => Atomics.wait(new Int32Array(4), 0, 0, 0)]) {
  try { f(); } catch (e) { console.log(e.name); }
}
""")
    assert out.splitlines() == ["0 5 3 2 14 11 7 1 1 3 0 true", "0 44 0", "TypeError", "RangeError",
                                "TypeError", "TypeError"]


def test_iteration_protocols():
    out = js_output("""
var a = new Int16Array([5, 6]);
console.log([...a.entries()].join("|"), [...a.keys()].join(), [...a].join(), Array.from(a).join(),
            a[Symbol.iterator] === a.values, Int8Array.from(new Set([1, 2])).join(), Uint8Array.of(1, 256).join());
""")
    assert out == "0,5|1,6 0,1 5,6 5,6 true 1,2 1,0\n"


DIFFERENTIAL = [
    SHOW + """
const vals = [0, -0, 1, -1, 1.5, -2.5, 127, 128, 255, 256, -129, 32768, 65535, 65536, 2147483648, 4294967296,
  1e10, -1e10, 1e300, NaN, Infinity, -Infinity, 0.5, 254.5, 3.4028235677973366e38, 3.5e38, 1e-45, 1e-46,
  "12", "0x1F", "", " 7 ", "abc", true, false, null, undefined, [5], {valueOf() { return 9; }}];
for (const C of [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
                 Float32Array, Float64Array]) {
  const a = new C(vals.length);
  vals.forEach((v, i) => { a[i] = v; });
  console.log(C.name, j(a));
}
""",
    SHOW + """
const dv = new DataView(new ArrayBuffer(16));
for (const t of ["Int8", "Uint8", "Int16", "Uint16", "Int32", "Uint32", "Float32", "Float64"]) {
  for (const v of [-1.5, 300, 70000, 1e10, NaN, -0]) {
    for (const le of [false, true]) {
      dv["set" + t](1, v, le);
      console.log(t, show(v), le, show(dv["get" + t](1, le)), show(dv["get" + t](1, !le)), new Uint8Array(dv.buffer).join());
    }
  }
}
for (const t of ["BigInt64", "BigUint64"]) for (const v of [-1n, 2n ** 63n + 7n, 258n]) {
  dv["set" + t](3, v); console.log(t, String(dv["get" + t](3)), String(dv["get" + t](3, true)));
}
""",
    SHOW + """
const a = new Int16Array([1, 2, 3, 4, 5, 6, 7, 8]);
console.log(j(a.slice().copyWithin(0, 3)), j(a.slice().copyWithin(2, 0, 4)), j(a.slice().copyWithin(-2, -4, -3)));
console.log(j(a.slice().fill(9, -3, -1)), j(a.slice().fill(1.9)), j(a.slice().reverse()));
console.log(a.includes(3), a.includes(3, 3), a.includes(NaN), new Float32Array([NaN]).includes(NaN),
            new Float32Array([NaN]).indexOf(NaN), a.indexOf(4, -3), a.lastIndexOf(4, 2), a.indexOf("4"));
console.log(a.join(), a.join(" - "), a.toString(), a.toLocaleString(), j(a.subarray(-3, -1)), a.subarray(2, 4).byteOffset);
console.log(j(a.map(x => x * 1000)), j(a.filter(x => x % 2)), a.reduce((s, x) => s + x), a.reduceRight((s, x) => s + "" + x, ""));
console.log(a.every(x => x > 0), a.some(x => x > 7), a.find(x => x > 4), a.findIndex(x => x > 4));
console.log(j(Float32Array.from([1, 2, 3], x => x / 3)), j(Int8Array.from({length: 3, 0: 7, 2: "9"})));
const ab = new ArrayBuffer(10);
console.log(ab.slice(2, -3).byteLength, ab.slice(-2).byteLength, ab.slice(5, 2).byteLength,
            ArrayBuffer.isView(new DataView(ab)), ArrayBuffer.isView(ab), Object.prototype.toString.call(ab),
            Object.prototype.toString.call(new Uint8Array(1)), Object.prototype.toString.call(new DataView(ab)));
for (const f of [() => Int8Array(2), () => new Int8Array(-1), () => new Int16Array(new ArrayBuffer(4), 1),
                 () => new Int16Array(new ArrayBuffer(5)), () => new Int16Array(new ArrayBuffer(4), 2, 2),
                 () => Object.getPrototypeOf(Int8Array)(), () => Object.freeze(new Int8Array(1))]) {
  try { f(); } catch (e) { console.log(e.name); }
}
""",
    NODE_DETACH + """
const det = b => $262.detachArrayBuffer(b);
const tryit = (name, f) => { try { console.log(name, String(f())); } catch (e) { console.log(name, e.name); } };
let a = new Int8Array([1, 2, 3]); det(a.buffer);
for (const m of ["join", "fill", "map", "forEach", "includes", "indexOf", "reverse", "slice", "sort", "entries",
                 "every", "copyWithin", "filter", "lastIndexOf", "reduce", "set", "subarray"])
  tryit(m, () => a[m](x => x));
tryit("ctor", () => new Int8Array(a.buffer));
tryit("dv", () => new DataView(a.buffer));
let c = new Int8Array([1, 2, 3]);
tryit("map", () => c.map((x, i) => { if (i === 0) det(c.buffer); return 7; }).join());
c = new Int8Array([1, 2, 3]);
tryit("join", () => c.join({ toString() { det(c.buffer); return "-"; } }));
c = new Int8Array([1, 2, 3]);
tryit("fill", () => c.fill({ valueOf() { det(c.buffer); return 1; } }));
c = new Int8Array([1, 2, 3]);
tryit("set", () => c.set([1, { valueOf() { det(c.buffer); return 2; } }, 3]));
c = new Int8Array([3, 2, 1]);
tryit("sort", () => c.sort((x, y) => { det(c.buffer); return x - y; }).length);
c = new Int8Array([1, 2, 3]);
tryit("ctor offset", () => new Int8Array(c.buffer, { valueOf() { det(c.buffer); return 0; } }));
""",
]


@needs_node
@pytest.mark.parametrize("src", DIFFERENTIAL)
def test_same_output_as_node(src):
    expected = subprocess.run([NODE, "-e", src], capture_output=True, text=True, timeout=60, check=True).stdout
    assert run_with_host(src) == expected
