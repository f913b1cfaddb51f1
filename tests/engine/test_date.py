"""The Date builtin (ECMA-262 21.4, Annex B.2.4): constructor forms, getters, setters with the spec's
coercion order, string forms, toJSON / @@toPrimitive, V8's error messages, and a differential run
against node in three time zones (TZ=UTC, America/New_York, Europe/Berlin)."""

from __future__ import annotations

import json
import os
import random
import subprocess
import time

import pytest

import jsengine
from jsengine import JSError
from tests.conftest import NODE, js_output, needs_node

ZONES = ("UTC", "America/New_York", "Europe/Berlin")


@pytest.fixture(params=ZONES)
def tz(request, monkeypatch) -> str:
    """Run the test with the TZ environment variable set (datecore reads it at every call)."""
    monkeypatch.setenv("TZ", request.param)
    return request.param


@pytest.fixture
def utc(monkeypatch) -> None:
    monkeypatch.setenv("TZ", "UTC")


@pytest.fixture
def berlin(monkeypatch) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlin")


@pytest.fixture
def new_york(monkeypatch) -> None:
    monkeypatch.setenv("TZ", "America/New_York")


def js(src: str):
    return jsengine.run(src)


def js_error(src: str) -> tuple[str, str]:
    with pytest.raises(JSError) as ei:
        jsengine.run(src)
    return ei.value.name, ei.value.message


# -- the constructor ------------------------------------------------------------------------------


def test_no_arguments_is_now() -> None:
    before = time.time() * 1000
    got = js("new Date().getTime()")
    after = time.time() * 1000
    assert before - 1 <= got <= after + 1
    assert before - 1 <= js("Date.now()") <= time.time() * 1000 + 1
    assert type(js("Date.now()")) is int


def test_called_as_function_returns_current_date_string(utc) -> None:
    s = js("Date(2000, 1, 1)")  # arguments are ignored
    assert isinstance(s, str) and s.endswith("GMT+0000 (Coordinated Universal Time)")
    year = time.gmtime().tm_year
    assert str(year) in s
    assert js("typeof Date()") == "string"


def test_time_value_and_clip(utc) -> None:
    assert js("new Date(0).getTime()") == 0
    assert js("new Date(8.64e15).getTime()") == 8_640_000_000_000_000
    assert js("isNaN(new Date(8.64e15 + 1).getTime())") is True
    assert js("new Date(1.9).getTime()") == 1
    assert js("new Date(-1.9).getTime()") == -1
    assert js("Object.is(new Date(-0).getTime(), 0)") is True
    assert js("new Date(true).getTime()") == 1
    assert js("new Date(null).getTime()") == 0
    assert js("isNaN(new Date(undefined).getTime())") is True


def test_string_argument_is_parsed(utc) -> None:
    assert js("new Date('2020-06-15T10:20:30.456+02:00').getTime()") == 1592209230456
    assert js("new Date(new String('2020-01-01')).getTime()") == 1577836800000
    assert js("new Date({[Symbol.toPrimitive]() { return '1970-01-02' }}).getTime()") == 86400000
    assert js("isNaN(new Date('not a date'))") is True


def test_date_argument_copies_time_value_without_calling_user_code() -> None:
    src = """var d = new Date(12345); var calls = 0;
    d.valueOf = function () { calls++; return 1 }; d[Symbol.toPrimitive] = d.valueOf;
    [new Date(d).getTime(), calls]"""
    assert js(src) == [12345, 0]


def test_components_are_local_time(tz) -> None:
    expected = {"UTC": 1582979445123, "America/New_York": 1582997445123, "Europe/Berlin": 1582975845123}
    assert js("new Date(2020, 1, 29, 12, 30, 45, 123).getTime()") == expected[tz]
    assert js("var d = new Date(2020, 1, 29, 12, 30, 45, 123);"
              "[d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds(),"
              " d.getMilliseconds(), d.getDay()]") == [2020, 1, 29, 12, 30, 45, 123, 6]


def test_two_digit_years_mean_1900s(utc) -> None:
    assert js("new Date(99, 0).getFullYear()") == 1999
    assert js("new Date(0, 0).getFullYear()") == 1900
    assert js("new Date(100, 0).getFullYear()") == 100
    assert js("new Date(99.9, 0).getFullYear()") == 1999
    assert js("new Date(-1, 0).getFullYear()") == -1


def test_constructor_coerces_components_in_order() -> None:
    src = """var log = []; var o = k => ({valueOf() { log.push(k); return 1 }});
    new Date(o('y'), o('m'), o('d'), o('h'), o('min'), o('s'), o('ms')); log.join()"""
    assert js(src) == "y,m,d,h,min,s,ms"


def test_subclass_and_new_target_prototype() -> None:
    assert js("class D extends Date { y() { return this.getUTCFullYear() } }; new D(0).y()") == 1970
    assert js("class D extends Date {}; new D(0) instanceof D && new D(0) instanceof Date") is True
    src = """function F() {} F.prototype = null;
    Object.getPrototypeOf(Reflect.construct(Date, [0], F)) === Date.prototype"""
    assert js(src) is True


# -- Date.UTC, Date.parse -------------------------------------------------------------------------


def test_date_utc() -> None:
    assert js("Date.UTC(2020)") == 1577836800000
    assert js("Date.UTC(2020, 1, 29, 12, 30, 45, 123)") == 1582979445123
    assert js("Date.UTC(99, 0)") == 915148800000
    assert js("isNaN(Date.UTC())") is True
    assert js("Date.UTC(275760, 8, 13)") == 8_640_000_000_000_000
    assert js("isNaN(Date.UTC(275760, 8, 13, 0, 0, 0, 1))") is True
    assert js("Date.UTC(2000, -1)") == 944006400000
    assert js("Date.UTC(2020, 0, 1.9, 1.9)") == 1577840400000


def test_date_parse(new_york) -> None:
    assert js("Date.parse('2020-01-01')") == 1577836800000  # date-only forms are UTC
    assert js("Date.parse('2020-01-01T00:00')") == 1577854800000  # date-time forms are local
    assert js("Date.parse('Tue, 01 Jan 2019 00:00:00 GMT')") == 1546300800000
    assert js("isNaN(Date.parse())") is True
    assert js("isNaN(Date.parse('2020-13-01'))") is True


# -- getters --------------------------------------------------------------------------------------


def test_utc_getters_ignore_zone(tz) -> None:
    src = """var d = new Date(-1);
    [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(),
     d.getUTCSeconds(), d.getUTCMilliseconds(), d.getUTCDay()]"""
    assert js(src) == [1969, 11, 31, 23, 59, 59, 999, 3]


def test_timezone_offset(tz) -> None:
    winter = {"UTC": 0, "America/New_York": 300, "Europe/Berlin": -60}
    summer = {"UTC": 0, "America/New_York": 240, "Europe/Berlin": -120}
    assert js("new Date(Date.UTC(2021, 0, 15)).getTimezoneOffset()") == winter[tz]
    assert js("new Date(Date.UTC(2021, 6, 15)).getTimezoneOffset()") == summer[tz]


def test_getters_of_invalid_date_are_nan() -> None:
    names = ["getDate", "getDay", "getFullYear", "getHours", "getMilliseconds", "getMinutes", "getMonth",
             "getSeconds", "getTime", "getTimezoneOffset", "getUTCDate", "getUTCDay", "getUTCFullYear",
             "getUTCHours", "getUTCMilliseconds", "getUTCMinutes", "getUTCMonth", "getUTCSeconds", "getYear",
             "valueOf"]
    src = "var d = new Date(NaN); [" + ", ".join(f"isNaN(d.{n}())" for n in names) + "]"
    assert js(src) == [True] * len(names)


def test_get_year_annex_b(utc) -> None:
    assert js("new Date(0).getYear()") == 70
    assert js("new Date(Date.UTC(2021, 0)).getYear()") == 121
    assert js("new Date(Date.UTC(1850, 0)).getYear()") == -50


# -- setters --------------------------------------------------------------------------------------


def test_local_setters(berlin) -> None:
    src = """var d = new Date(2020, 0, 31, 10, 20, 30, 400); var r = [];
    r.push(d.setMonth(1));                      // Feb 31 -> Mar 2
    r.push(d.getMonth(), d.getDate());
    r.push(d.setDate(0), d.getDate());          // last day of the previous month
    r.push(d.setHours(25), d.getDate(), d.getHours());
    r.push(d.setMinutes(61, 2, 3), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds());
    r.push(d.setSeconds(-1), d.getMinutes(), d.getSeconds());
    r.push(d.setMilliseconds(1000), d.getSeconds(), d.getMilliseconds());
    r.push(d.setFullYear(2021, 11, 31), d.toString());
    r"""
    assert js(src) == [
        1583140830400, 2, 2,
        1582968030400, 29,
        1583022030400, 1, 1,
        1583024462003, 2, 1, 2, 3,
        1583024459003, 0, 59,
        1583024460000, 0, 0,
        1640912460000, "Fri Dec 31 2021 02:01:00 GMT+0100 (Central European Standard Time)",
    ]


def test_utc_setters(tz) -> None:
    src = """var d = new Date(0); var r = [];
    r.push(d.setUTCHours(25), d.setUTCMilliseconds(-1), d.setUTCDate(0), d.setUTCMonth(13, 2),
           d.setUTCFullYear(-5), d.setUTCSeconds(70, 3), d.setUTCMinutes(1, 2, 3), d.toISOString());
    r"""
    assert js(src) == [90000000, 89999999, -82800001, 2768399999, -62322217200001, -62322217189997,
                       -62322217137997, "-000005-02-02T01:01:02.003Z"]


def test_set_time(utc) -> None:
    assert js("var d = new Date(0); [d.setTime('12345'), d.getTime()]") == [12345, 12345]
    assert js("var d = new Date(0); d.setTime(); isNaN(d.getTime())") is True
    assert js("var d = new Date(0); d.setTime(8.64e15 + 1); isNaN(d)") is True


def test_set_full_year_on_invalid_date_starts_from_zero(tz) -> None:
    # t = +0 read as a local time (not LocalTime(+0)): midnight, January 1st, in every zone
    got = js("var d = new Date(NaN); d.setFullYear(2000); [d.getFullYear(), d.getMonth(), d.getDate(),"
             " d.getHours(), d.getMinutes()]")
    assert got == [2000, 0, 1, 0, 0]
    assert js("var d = new Date(NaN); d.setUTCFullYear(2000); d.getTime()") == 946684800000
    assert js("new Date(NaN).setFullYear(2000, 5, 5) === new Date(2000, 5, 5).getTime()") is True


def test_set_year_annex_b(utc) -> None:
    assert js("new Date(0).setYear(95)") == 788918400000
    assert js("new Date(0).setYear(2000.7)") == 946684800000
    assert js("var d = new Date(0); [isNaN(d.setYear(NaN)), isNaN(d.getTime())]") == [True, True]
    assert js("new Date(NaN).setYear(5)") == -2051222400000


def test_setters_on_invalid_date_stay_invalid() -> None:
    for call in ("setDate(1)", "setHours(1)", "setMilliseconds(1)", "setMinutes(1)", "setMonth(1)",
                 "setSeconds(1)", "setUTCDate(1)", "setUTCHours(1)", "setUTCMilliseconds(1)",
                 "setUTCMinutes(1)", "setUTCMonth(1)", "setUTCSeconds(1)"):
        assert js(f"var d = new Date(NaN); [isNaN(d.{call}), isNaN(d.getTime())]") == [True, True], call


@pytest.mark.parametrize("call, expected", [
    # 21.4.4.22 setHours: ToNumber(hour), then min, sec, ms when present, even for an invalid date
    # (V8 stops after the first argument there; the specification does not)
    ("setHours(o('a'), o('b'), o('c'), o('d'))", "a,b,c,d"),
    ("setUTCHours(o('a'), o('b'), o('c'), o('d'))", "a,b,c,d"),
    ("setMinutes(o('a'), o('b'), o('c'))", "a,b,c"),
    ("setUTCMinutes(o('a'), o('b'), o('c'))", "a,b,c"),
    ("setSeconds(o('a'), o('b'))", "a,b"),
    ("setUTCSeconds(o('a'), o('b'))", "a,b"),
    ("setMonth(o('a'), o('b'))", "a,b"),
    ("setUTCMonth(o('a'), o('b'))", "a,b"),
    ("setFullYear(o('a'), o('b'), o('c'))", "a,b,c"),
    ("setUTCFullYear(o('a'), o('b'), o('c'))", "a,b,c"),
    ("setMilliseconds(o('a'), o('b'))", "a"),  # extra arguments are not read
    ("setDate(o('a'), o('b'))", "a"),
    ("setHours(o('a'))", "a"),
])
def test_setter_coercion_order_on_invalid_date(call: str, expected: str) -> None:
    src = f"""var log = []; var o = k => ({{valueOf() {{ log.push(k); return 1 }}}});
    new Date(NaN).{call}; log.join()"""
    assert js(src) == expected


@pytest.mark.parametrize("name", ["setDate", "setHours", "setMilliseconds", "setMinutes", "setMonth", "setSeconds",
                                  "setUTCDate", "setUTCHours", "setUTCMilliseconds", "setUTCMinutes",
                                  "setUTCMonth", "setUTCSeconds"])
def test_date_value_is_read_before_arguments_are_coerced(name: str) -> None:
    # an invalid date stays as the argument's valueOf left it; a valid one is computed from the value read first
    src = f"""var d = new Date(NaN); var r = d.{name}({{valueOf() {{ d.setTime(0); return 1 }}}});
    var e = new Date(0); var q = e.{name}({{valueOf() {{ e.setTime(NaN); return 1 }}}});
    [isNaN(r), d.getTime(), q === e.getTime(), isNaN(q)]"""
    assert js(src) == [True, 0, True, False]


def test_this_is_checked_before_arguments_are_coerced() -> None:
    src = """var touched = false; try { Date.prototype.setHours.call({}, {valueOf() { touched = true }}) }
    catch (e) { [e.name, touched] }"""
    assert js(src) == ["TypeError", False]


def test_dst_gap_and_overlap(new_york) -> None:
    # 2020-03-08 02:30 does not exist in New York (moves forward), 2020-11-01 01:30 happens twice
    assert js("new Date(2020, 2, 8, 2, 30).getTime()") == 1583652600000
    assert js("new Date(2020, 2, 8, 2, 30).getHours()") == 3
    assert js("new Date(2020, 10, 1, 1, 30).getTime()") == 1604208600000
    assert js("var d = new Date(2020, 2, 8, 1, 30); d.setHours(2); d.toString()") == \
        "Sun Mar 08 2020 03:30:00 GMT-0400 (Eastern Daylight Time)"


# -- string forms ---------------------------------------------------------------------------------


def test_string_forms(berlin) -> None:
    src = """var d = new Date(2020, 6, 4, 15, 6, 7, 8);
    [String(d), d.toDateString(), d.toTimeString(), d.toISOString(), d.toUTCString(), d.toGMTString(),
     d.toLocaleString(), d.toLocaleDateString(), d.toLocaleTimeString(), d.toJSON()]"""
    assert js(src) == [
        "Sat Jul 04 2020 15:06:07 GMT+0200 (Central European Summer Time)",
        "Sat Jul 04 2020",
        "15:06:07 GMT+0200 (Central European Summer Time)",
        "2020-07-04T13:06:07.008Z",
        "Sat, 04 Jul 2020 13:06:07 GMT",
        "Sat, 04 Jul 2020 13:06:07 GMT",
        "7/4/2020, 3:06:07 PM",
        "7/4/2020",
        "3:06:07 PM",
        "2020-07-04T13:06:07.008Z",
    ]


def test_invalid_date_strings() -> None:
    src = """var d = new Date(NaN);
    [String(d), d.toDateString(), d.toTimeString(), d.toUTCString(), d.toLocaleString(),
     d.toLocaleDateString(), d.toLocaleTimeString(), d.toJSON()]"""
    assert js(src) == ["Invalid Date"] * 7 + [None]
    assert js_error("new Date(NaN).toISOString()") == ("RangeError", "Invalid time value")


def test_iso_string_extended_years(utc) -> None:
    assert js("new Date(-8.64e15).toISOString()") == "-271821-04-20T00:00:00.000Z"
    assert js("new Date(8.64e15).toISOString()") == "+275760-09-13T00:00:00.000Z"
    assert js("new Date(-62198755200000).toISOString()") == "-000001-01-01T00:00:00.000Z"
    assert js("new Date(-1e14).toString()") == "Thu Feb 15 -1199 14:13:20 GMT+0000 (Coordinated Universal Time)"


def test_to_gmt_string_is_to_utc_string() -> None:
    assert js("Date.prototype.toGMTString === Date.prototype.toUTCString") is True
    assert js("Date.prototype.toGMTString.name") == "toUTCString"


def test_to_json_per_spec() -> None:
    # ToPrimitive(this, number), a non-finite Number -> null, else Invoke(this, "toISOString")
    assert js("Date.prototype.toJSON.call({valueOf() { return 5 }, toISOString() { return 'iso' }})") == "iso"
    assert js("Date.prototype.toJSON.call({valueOf() { return Infinity }, toISOString() { return 1 }})") is None
    assert js("Date.prototype.toJSON.call({valueOf() { return 'x' }, toISOString() { return 2 }})") == 2
    assert js_error("Date.prototype.toJSON.call({toISOString: 1})") == ("TypeError", "toISOString is not a function")
    assert js_error("Date.prototype.toJSON.call(null)")[0] == "TypeError"
    assert js("JSON.stringify({d: new Date(0), n: new Date(NaN)})") == '{"d":"1970-01-01T00:00:00.000Z","n":null}'


def test_to_primitive(utc) -> None:
    assert js("new Date(5) + 1") == "Thu Jan 01 1970 00:00:00 GMT+0000 (Coordinated Universal Time)1"
    assert js("new Date(5) - 1") == 4
    assert js("+new Date(5)") == 5
    assert js("new Date(0) < new Date(1)") is True
    assert js("new Date(0) == new Date(0).toString()") is True
    assert js("`${new Date(0)}`").startswith("Thu Jan 01 1970")
    assert js("new Date(7)[Symbol.toPrimitive]('number')") == 7
    assert js("new Date(7)[Symbol.toPrimitive]('default')").startswith("Thu Jan 01 1970")
    assert js("Date.prototype[Symbol.toPrimitive].call({toString() { return 's' }, valueOf() { return 1 }},"
              " 'default')") == "s"
    assert js_error("new Date(0)[Symbol.toPrimitive]('bad')") == ("TypeError", "Invalid hint: bad")
    assert js_error("new Date(0)[Symbol.toPrimitive]()") == ("TypeError", "Invalid hint: undefined")
    assert js_error("Date.prototype[Symbol.toPrimitive].call(1, 'number')") == (
        "TypeError", "Method Date.prototype [ @@toPrimitive ] called on incompatible receiver 1")


def test_console_prints_dates_like_node(utc) -> None:
    assert js_output("console.log(new Date(0)); console.log([new Date(NaN)]); console.log({d: new Date(1)})") == (
        "1970-01-01T00:00:00.000Z\n[ Invalid Date ]\n{ d: 1970-01-01T00:00:00.001Z }\n")


# -- errors and shapes ----------------------------------------------------------------------------


def test_incompatible_receivers() -> None:
    assert js_error("Date.prototype.getTime.call({})") == ("TypeError", "this is not a Date object.")
    assert js_error("Date.prototype.getDay.call(5)") == ("TypeError", "this is not a Date object.")
    assert js_error("Date.prototype.valueOf.call(Date.prototype)") == ("TypeError", "this is not a Date object.")
    assert js_error("Date.prototype.toString.call(1)") == (
        "TypeError", "Method Date.prototype.toString called on incompatible receiver 1")
    assert js_error("Date.prototype.setTime.call({})") == (
        "TypeError", "Method Date.prototype.setTime called on incompatible receiver #<Object>")
    assert js_error("Date.prototype.toGMTString.call({})") == (
        "TypeError", "Method Date.prototype.toUTCString called on incompatible receiver #<Object>")


def test_shapes() -> None:
    assert js("[Date.length, Date.name, Date.UTC.length, Date.parse.length, Date.now.length]") == \
        [7, "Date", 7, 1, 0]
    lengths = {"setFullYear": 3, "setHours": 4, "setMinutes": 3, "setMonth": 2, "setSeconds": 2,
               "setUTCFullYear": 3, "setUTCHours": 4, "setUTCMinutes": 3, "setUTCMonth": 2,
               "setUTCSeconds": 2, "setDate": 1, "setTime": 1, "setYear": 1, "toJSON": 1, "getTime": 0,
               "toString": 0, "valueOf": 0}
    names = json.dumps(list(lengths))
    got = js(f"var r = {{}}; for (var k of {names}) r[k] = Date.prototype[k].length; r")
    assert got == lengths
    assert js("Object.prototype.toString.call(new Date(0))") == "[object Date]"
    assert js("Object.prototype.toString.call(Date.prototype)") == "[object Object]"  # not a Date
    desc = js("var p = Object.getOwnPropertyDescriptor(Date.prototype, Symbol.toPrimitive);"
              "[p.writable, p.enumerable, p.configurable, p.value.name, p.value.length]")
    assert desc == [False, False, True, "[Symbol.toPrimitive]", 1]
    assert js("Object.keys(Date.prototype).length + Object.keys(Date).length") == 0
    assert js("Date.prototype.constructor === Date && Object.getPrototypeOf(new Date) === Date.prototype") is True


# -- differential against node --------------------------------------------------------------------

_PROBE = """function show(d) {
  return [d.getTime(), d.getFullYear(), d.getMonth(), d.getDate(), d.getDay(), d.getHours(), d.getMinutes(),
          d.getSeconds(), d.getMilliseconds(), d.getTimezoneOffset(), d.getYear(), String(d), d.toUTCString(),
          d.toLocaleString(), isNaN(d) ? 'invalid' : d.toISOString()].join('|');
}
var out = [];
function probe(f) { try { out.push(show(f())); } catch (e) { out.push('!' + e.name + ': ' + e.message); } }
"""


def _random_cases(rng: random.Random, n: int) -> list[str]:
    """Expressions producing a Date: components, time values, strings, and setter chains (setters are only
    applied to valid dates with all arguments numbers, where V8 follows the specification)."""
    years = [1969, 1970, 1999, 2000, 2020, 2021, 2038, 1900, 1600, 50, 10000, -1, 275760, -271821]
    setters = [("setDate", 1), ("setFullYear", 3), ("setHours", 4), ("setMilliseconds", 1), ("setMinutes", 3),
               ("setMonth", 2), ("setSeconds", 2), ("setUTCDate", 1), ("setUTCFullYear", 3),
               ("setUTCHours", 4), ("setUTCMilliseconds", 1), ("setUTCMinutes", 3), ("setUTCMonth", 2),
               ("setUTCSeconds", 2), ("setYear", 1), ("setTime", 1)]

    def small() -> str:
        return rng.choice([str(rng.randint(-40, 70)), str(rng.randint(0, 12)), "0.5", "-1", "1e3", "31"])

    cases = []
    for _ in range(n):
        kind = rng.randrange(5)
        if kind == 0:
            parts = [str(rng.choice(years + [rng.randint(1800, 2100)])), str(rng.randint(-2, 13))]
            parts += [str(rng.randint(-1, 32)), str(rng.randint(-1, 25)), str(rng.randint(-1, 61)),
                      str(rng.randint(-1, 61)), str(rng.randint(-1, 1001))][: rng.randint(0, 5)]
            base = f"new Date({', '.join(parts)})"
        elif kind == 1:
            base = f"new Date({rng.randint(-10**13, 10**13 * 3)})"
        elif kind == 2:
            base = f"new Date(Date.UTC({rng.choice(years)}, {rng.randint(0, 11)}, {rng.randint(1, 28)}, " \
                   f"{rng.randint(0, 23)}, {rng.randint(0, 59)}))"
        elif kind == 3:
            y, mo, d = rng.randint(1950, 2050), rng.randint(1, 12), rng.randint(1, 28)
            h, mi = rng.randint(0, 23), rng.randint(0, 59)
            text = rng.choice([f"{y}-{mo:02d}-{d:02d}", f"{y}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}",
                               f"{y}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:00Z", f"{mo}/{d}/{y} {h}:{mi}"])
            base = f"new Date('{text}')"
        else:
            # around this zone's DST transitions
            base = f"new Date({rng.choice([2020, 2021, 1995])}, {rng.choice([2, 3, 9, 10])}, " \
                   f"{rng.randint(1, 31)}, {rng.randint(0, 4)}, {rng.choice([0, 30, 59])})"
        chain = []
        for _ in range(rng.randint(0, 3)):
            name, arity = rng.choice(setters)
            args = [small() for _ in range(rng.randint(1, arity))]
            if name == "setTime":
                args = [str(rng.randint(-10**12, 10**13))]
            chain.append(f"d.{name}({', '.join(args)});")
        cases.append(f"probe(function () {{ var d = {base}; if (!isNaN(d)) {{ {' '.join(chain)} }} return d; }});")
    return cases


@needs_node
@pytest.mark.parametrize("zone", ZONES)
def test_differential_against_node(zone: str, monkeypatch) -> None:
    rng = random.Random(f"date-{zone}")
    fixed = [
        "probe(() => new Date(2020, 1, 29, 12, 30, 45, 123));",
        "probe(() => new Date(8.64e15));",
        "probe(() => new Date(-8.64e15));",
        "probe(() => new Date(NaN));",
        "probe(() => new Date(1600, 0));",
        "probe(() => new Date(1880, 5));",
        "probe(() => new Date(50000, 5));",
        "probe(() => new Date(2021, 2, 28, 2, 30));",
        "probe(() => new Date(2021, 9, 31, 2, 30));",
        "probe(() => new Date(2021, 2, 14, 2, 30));",
        "probe(() => new Date(2021, 10, 7, 1, 30));",
        "probe(() => { var d = new Date(2000, 0, 31); d.setMonth(1); return d; });",
    ]
    program = _PROBE + "\n".join(fixed + _random_cases(rng, 300)) + "\nJSON.stringify(out)"
    monkeypatch.setenv("TZ", zone)
    ours = json.loads(js(program))
    env = dict(os.environ, TZ=zone)
    res = subprocess.run([NODE, "-p", program], capture_output=True, text=True, env=env, timeout=60, check=True)
    theirs = json.loads(res.stdout)
    lines = program.splitlines()[len(_PROBE.splitlines()):]
    mismatches = [(src, a, b) for src, a, b in zip(lines, ours, theirs) if a != b]
    assert not mismatches, mismatches[:5]
    assert len(ours) == len(theirs) == len(fixed) + 300
