"""Date objects (ECMA-262 21.4, Annex B.2.4) over the time-value arithmetic of ``datecore``.

A Date is ``JSInternal(proto, "Date", tv)``: ``tv`` is the [[DateValue]], a float (NaN for an
invalid date). Local time is the zone named by the ``TZ`` environment variable (see datecore).

The setters read [[DateValue]] before coercing any argument, coerce every argument given (in order), and
leave an invalid date untouched, returning NaN: the ES2021 algorithms, with the later editions' rule
(checked by test262) that an invalid date is not written back.
"""

from __future__ import annotations

import math
import time

from .. import datecore as dc
from ..errors import range_error, type_error
from ..objects import JSInternal, JSObject, Prop
from ..ops import (
    call,
    get_prototype_from_constructor,
    is_callable,
    num,
    ordinary_to_primitive,
    to_number,
    to_object,
    to_primitive,
    to_string,
)
from ..realm import C, W, constructor, make_function, method
from ..values import SYM, UNDEFINED
from .iterator import incompatible, receiver_text

NAN = math.nan


def _finite(x: float) -> bool:
    return not (math.isnan(x) or math.isinf(x))


def _now() -> float:
    """The current time value (integral milliseconds since the epoch)."""
    return float(time.time_ns() // 1_000_000)


def _tv_out(tv: float):
    """A time value as a Number (integral values as int: the fast path of the value model)."""
    return int(tv) if _finite(tv) else tv


def this_time_value(v, name: str | None = None) -> float:
    """thisTimeValue (21.4.4): the [[DateValue]] of a Date; V8's TypeError otherwise."""
    if isinstance(v, JSInternal) and v.kind == "Date":
        return v.data
    if name is None:
        raise type_error("this is not a Date object.")
    raise incompatible(f"Date.prototype.{name}", v)


def _num(args: list, i: int) -> float:
    """ToNumber of the i-th argument as a float (undefined when absent)."""
    return float(to_number(args[i] if i < len(args) else UNDEFINED))


def _full_year(y: float) -> float:
    """Years 0-99 mean 1900-1999 (the Date constructor, Date.UTC and setYear)."""
    if math.isnan(y):
        return y
    yi = math.trunc(y) if _finite(y) else y
    if 0 <= yi <= 99:
        return 1900.0 + yi
    return y


def _components(args: list) -> float:
    """The date-time (in the time line of the arguments) from year, month[, date, h, min, s, ms]."""
    y = _num(args, 0)
    m = _num(args, 1) if len(args) > 1 else 0.0
    dt = _num(args, 2) if len(args) > 2 else 1.0
    h = _num(args, 3) if len(args) > 3 else 0.0
    mi = _num(args, 4) if len(args) > 4 else 0.0
    s = _num(args, 5) if len(args) > 5 else 0.0
    ms = _num(args, 6) if len(args) > 6 else 0.0
    return dc.make_date(dc.make_day(_full_year(y), m, dt), dc.make_time(h, mi, s, ms))


# -- 21.4.2 The Date Constructor --------------------------------------------------------------------


# 21.4.2.1 Date ( ...values )
def date_call(this, args: list) -> str:
    return dc.to_string(_now())


def date_construct(args: list, new_target) -> JSInternal:
    n = len(args)
    if n == 0:
        dv = _now()
    elif n == 1:
        value = args[0]
        if isinstance(value, JSInternal) and value.kind == "Date":
            tv = value.data
        else:
            v = to_primitive(value)
            tv = dc.parse(v) if type(v) is str else float(to_number(v))
        dv = dc.time_clip(tv)
    else:
        dv = dc.time_clip(dc.utc(_components(args)))
    return JSInternal(get_prototype_from_constructor(new_target, "DatePrototype"), "Date", dv)


# -- 21.4.3 Properties of the Date Constructor ------------------------------------------------------


# 21.4.3.1 Date.now ( )
def date_now(this, args: list):
    return int(_now())


# 21.4.3.2 Date.parse ( string )
def date_parse(this, args: list):
    s = to_string(args[0] if args else UNDEFINED)
    return _tv_out(dc.parse(s))


# 21.4.3.4 Date.UTC ( year [ , month [ , date [ , hours [ , minutes [ , seconds [ , ms ] ] ] ] ] ] )
def date_utc(this, args: list):
    return _tv_out(dc.time_clip(_components(args)))


# -- 21.4.4 Properties of the Date Prototype Object: getters ----------------------------------------


def _local_getter(field):
    """A getter reading ``field`` of the local time (NaN for an invalid date)."""

    def get(this, args: list):
        t = this_time_value(this)
        if not _finite(t):
            return NAN
        return num(field(dc.local_time(t)))

    return get


def _utc_getter(field):
    """A getter reading ``field`` of the UTC time (NaN for an invalid date)."""

    def get(this, args: list):
        t = this_time_value(this)
        if not _finite(t):
            return NAN
        return num(field(t))

    return get


# 21.4.4.10 Date.prototype.getTime ( )
def date_get_time(this, args: list):
    return _tv_out(this_time_value(this))


# 21.4.4.11 Date.prototype.getTimezoneOffset ( )
def date_get_timezone_offset(this, args: list):
    t = this_time_value(this)
    if not _finite(t):
        return NAN
    return num(int(dc.timezone_offset(t)))


# B.2.4.1 Date.prototype.getYear ( )
def date_get_year(this, args: list):
    t = this_time_value(this, "getYear")
    if not _finite(t):
        return NAN
    return dc.year_from_time(dc.local_time(t)) - 1900


# -- setters ----------------------------------------------------------------------------------------


def _set(this, tv: float):
    """Store a clipped time value in a Date and return it as a Number."""
    this.data = tv
    return _tv_out(tv)


def _store_local(this, date: float):
    return _set(this, dc.time_clip(dc.utc(date)))


# 21.4.4.20 Date.prototype.setDate ( date )
def date_set_date(this, args: list):
    t = this_time_value(this, "setDate")
    dt = _num(args, 0)
    if not _finite(t):
        return NAN  # the date stays as it is (an argument's valueOf may have changed it)
    t = dc.local_time(t)
    nd = dc.make_date(dc.make_day(dc.year_from_time(t), dc.month_from_time(t), dt), dc.time_within_day(t))
    return _store_local(this, nd)


# 21.4.4.21 Date.prototype.setFullYear ( year [ , month [ , date ] ] )
def date_set_full_year(this, args: list):
    t = this_time_value(this, "setFullYear")
    t = 0.0 if not _finite(t) else dc.local_time(t)
    y = _num(args, 0)
    m = _num(args, 1) if len(args) > 1 else dc.month_from_time(t)
    dt = _num(args, 2) if len(args) > 2 else dc.date_from_time(t)
    nd = dc.make_date(dc.make_day(y, m, dt), dc.time_within_day(t))
    return _store_local(this, nd)


# 21.4.4.22 Date.prototype.setHours ( hour [ , min [ , sec [ , ms ] ] ] )
def date_set_hours(this, args: list):
    t = this_time_value(this, "setHours")
    return _set_time_fields(this, t, args, 0, True)


# 21.4.4.23 Date.prototype.setMilliseconds ( ms )
def date_set_milliseconds(this, args: list):
    t = this_time_value(this, "setMilliseconds")
    return _set_time_fields(this, t, args, 3, True)


# 21.4.4.24 Date.prototype.setMinutes ( min [ , sec [ , ms ] ] )
def date_set_minutes(this, args: list):
    t = this_time_value(this, "setMinutes")
    return _set_time_fields(this, t, args, 1, True)


# 21.4.4.25 Date.prototype.setMonth ( month [ , date ] )
def date_set_month(this, args: list):
    t = this_time_value(this, "setMonth")
    return _set_month(this, t, args, True)


# 21.4.4.26 Date.prototype.setSeconds ( sec [ , ms ] )
def date_set_seconds(this, args: list):
    t = this_time_value(this, "setSeconds")
    return _set_time_fields(this, t, args, 2, True)


# 21.4.4.27 Date.prototype.setTime ( time )
def date_set_time(this, args: list):
    this_time_value(this, "setTime")
    return _set(this, dc.time_clip(_num(args, 0)))


# 21.4.4.28 Date.prototype.setUTCDate ( date )
def date_set_utc_date(this, args: list):
    t = this_time_value(this, "setUTCDate")
    dt = _num(args, 0)
    if not _finite(t):
        return NAN  # the date stays as it is (an argument's valueOf may have changed it)
    nd = dc.make_date(dc.make_day(dc.year_from_time(t), dc.month_from_time(t), dt), dc.time_within_day(t))
    return _set(this, dc.time_clip(nd))


# 21.4.4.29 Date.prototype.setUTCFullYear ( year [ , month [ , date ] ] )
def date_set_utc_full_year(this, args: list):
    t = this_time_value(this, "setUTCFullYear")
    if not _finite(t):
        t = 0.0
    y = _num(args, 0)
    m = _num(args, 1) if len(args) > 1 else dc.month_from_time(t)
    dt = _num(args, 2) if len(args) > 2 else dc.date_from_time(t)
    nd = dc.make_date(dc.make_day(y, m, dt), dc.time_within_day(t))
    return _set(this, dc.time_clip(nd))


# 21.4.4.30 Date.prototype.setUTCHours ( hour [ , min [ , sec [ , ms ] ] ] )
def date_set_utc_hours(this, args: list):
    t = this_time_value(this, "setUTCHours")
    return _set_time_fields(this, t, args, 0, False)


# 21.4.4.31 Date.prototype.setUTCMilliseconds ( ms )
def date_set_utc_milliseconds(this, args: list):
    t = this_time_value(this, "setUTCMilliseconds")
    return _set_time_fields(this, t, args, 3, False)


# 21.4.4.32 Date.prototype.setUTCMinutes ( min [ , sec [ , ms ] ] )
def date_set_utc_minutes(this, args: list):
    t = this_time_value(this, "setUTCMinutes")
    return _set_time_fields(this, t, args, 1, False)


# 21.4.4.33 Date.prototype.setUTCMonth ( month [ , date ] )
def date_set_utc_month(this, args: list):
    t = this_time_value(this, "setUTCMonth")
    return _set_month(this, t, args, False)


# 21.4.4.34 Date.prototype.setUTCSeconds ( sec [ , ms ] )
def date_set_utc_seconds(this, args: list):
    t = this_time_value(this, "setUTCSeconds")
    return _set_time_fields(this, t, args, 2, False)


_TIME_GETTERS = (dc.hour_from_time, dc.min_from_time, dc.sec_from_time, dc.ms_from_time)


def _set_time_fields(this, t: float, args: list, first: int, local: bool):
    """setHours/Minutes/Seconds/Milliseconds and UTC versions: fields ``first``.. of h, min, s, ms.

    The first field is always coerced; a later one only when its argument is present (in order),
    and every coercion happens even when the date is invalid.
    """
    valid = _finite(t)
    if valid and local:
        t = dc.local_time(t)
    fields: list[float] = []
    for i in range(4):
        k = i - first
        if k == 0 or (k > 0 and k < len(args)):
            fields.append(_num(args, k))
        else:
            fields.append(float(_TIME_GETTERS[i](t)) if valid else NAN)
    if not valid:
        return NAN  # the date stays as it is (an argument's valueOf may have changed it)
    nd = dc.make_date(float(dc.day(t)), dc.make_time(*fields))
    return _store_local(this, nd) if local else _set(this, dc.time_clip(nd))


def _set_month(this, t: float, args: list, local: bool):
    """setMonth / setUTCMonth (21.4.4.25, 21.4.4.33)."""
    valid = _finite(t)
    if valid and local:
        t = dc.local_time(t)
    m = _num(args, 0)
    dt = _num(args, 1) if len(args) > 1 else (float(dc.date_from_time(t)) if valid else NAN)
    if not valid:
        return NAN  # the date stays as it is (an argument's valueOf may have changed it)
    nd = dc.make_date(dc.make_day(dc.year_from_time(t), m, dt), dc.time_within_day(t))
    return _store_local(this, nd) if local else _set(this, dc.time_clip(nd))


# B.2.4.2 Date.prototype.setYear ( year )
def date_set_year(this, args: list):
    t = this_time_value(this, "setYear")
    t = 0.0 if not _finite(t) else dc.local_time(t)
    y = _num(args, 0)
    if math.isnan(y):
        return _set(this, NAN)
    nd = dc.make_date(dc.make_day(_full_year(y), dc.month_from_time(t), dc.date_from_time(t)),
                      dc.time_within_day(t))
    return _store_local(this, nd)


# -- string forms -----------------------------------------------------------------------------------


def _formatter(name: str, fmt):
    """A Date.prototype method returning ``fmt(tv)`` ("Invalid Date" for NaN)."""

    def f(this, args: list) -> str:
        return fmt(this_time_value(this, name))

    return f


# 21.4.4.36 Date.prototype.toISOString ( )
def date_to_iso_string(this, args: list) -> str:
    t = this_time_value(this, "toISOString")
    if not _finite(t):
        raise range_error("Invalid time value")
    return dc.to_iso_string(t)


# 21.4.4.37 Date.prototype.toJSON ( key )
def date_to_json(this, args: list):
    o = to_object(this)
    tv = to_primitive(o, "number")
    if (type(tv) is float) and not _finite(tv):
        return None
    f = o.get("toISOString")
    if not is_callable(f):
        raise type_error("toISOString is not a function")
    return call(f, o, [])


# 21.4.4.44 Date.prototype.valueOf ( )
def date_value_of(this, args: list):
    return _tv_out(this_time_value(this))


# 21.4.4.45 Date.prototype [ @@toPrimitive ] ( hint )
def date_to_primitive(this, args: list):
    if not isinstance(this, JSObject):
        raise incompatible("Date.prototype [ @@toPrimitive ]", this)
    hint = args[0] if args else UNDEFINED
    if hint == "string" or hint == "default":
        try_first = "string"
    elif hint == "number":
        try_first = "number"
    else:
        raise type_error(f"Invalid hint: {receiver_text(hint)}")
    return ordinary_to_primitive(this, try_first)


# -- setup ------------------------------------------------------------------------------------------


def setup(realm) -> None:
    proto = JSObject(realm.ObjectPrototype)  # 21.4.4: an ordinary object, not a Date
    realm.DatePrototype = proto
    ctor = constructor(realm, "Date", date_call, date_construct, 7, proto)
    realm.Date = ctor
    method(realm, ctor, "now", date_now, 0)
    method(realm, ctor, "parse", date_parse, 1)
    method(realm, ctor, "UTC", date_utc, 7)

    # 21.4.4.2 - 21.4.4.19: getters, in the specification's order
    for name, fn in (
        ("getDate", _local_getter(dc.date_from_time)),
        ("getDay", _local_getter(dc.week_day)),
        ("getFullYear", _local_getter(dc.year_from_time)),
        ("getHours", _local_getter(dc.hour_from_time)),
        ("getMilliseconds", _local_getter(dc.ms_from_time)),
        ("getMinutes", _local_getter(dc.min_from_time)),
        ("getMonth", _local_getter(dc.month_from_time)),
        ("getSeconds", _local_getter(dc.sec_from_time)),
        ("getTime", date_get_time),
        ("getTimezoneOffset", date_get_timezone_offset),
        ("getUTCDate", _utc_getter(dc.date_from_time)),
        ("getUTCDay", _utc_getter(dc.week_day)),
        ("getUTCFullYear", _utc_getter(dc.year_from_time)),
        ("getUTCHours", _utc_getter(dc.hour_from_time)),
        ("getUTCMilliseconds", _utc_getter(dc.ms_from_time)),
        ("getUTCMinutes", _utc_getter(dc.min_from_time)),
        ("getUTCMonth", _utc_getter(dc.month_from_time)),
        ("getUTCSeconds", _utc_getter(dc.sec_from_time)),
    ):
        method(realm, proto, name, fn, 0)
    # 21.4.4.20 - 21.4.4.34: setters
    for name, fn, length in (
        ("setDate", date_set_date, 1),
        ("setFullYear", date_set_full_year, 3),
        ("setHours", date_set_hours, 4),
        ("setMilliseconds", date_set_milliseconds, 1),
        ("setMinutes", date_set_minutes, 3),
        ("setMonth", date_set_month, 2),
        ("setSeconds", date_set_seconds, 2),
        ("setTime", date_set_time, 1),
        ("setUTCDate", date_set_utc_date, 1),
        ("setUTCFullYear", date_set_utc_full_year, 3),
        ("setUTCHours", date_set_utc_hours, 4),
        ("setUTCMilliseconds", date_set_utc_milliseconds, 1),
        ("setUTCMinutes", date_set_utc_minutes, 3),
        ("setUTCMonth", date_set_utc_month, 2),
        ("setUTCSeconds", date_set_utc_seconds, 2),
    ):
        method(realm, proto, name, fn, length)
    # 21.4.4.35 - 21.4.4.44: string forms and valueOf
    method(realm, proto, "toDateString", _formatter("toDateString", dc.to_date_string), 0)
    method(realm, proto, "toISOString", date_to_iso_string, 0)
    method(realm, proto, "toJSON", date_to_json, 1)
    method(realm, proto, "toLocaleDateString", _formatter("toLocaleDateString", dc.to_locale_date_string), 0)
    method(realm, proto, "toLocaleString", _formatter("toLocaleString", dc.to_locale_string), 0)
    method(realm, proto, "toLocaleTimeString", _formatter("toLocaleTimeString", dc.to_locale_time_string), 0)
    method(realm, proto, "toString", _formatter("toString", dc.to_string), 0)
    method(realm, proto, "toTimeString", _formatter("toTimeString", dc.to_time_string), 0)
    to_utc = method(realm, proto, "toUTCString", _formatter("toUTCString", dc.to_utc_string), 0)
    method(realm, proto, "valueOf", date_value_of, 0)
    # 21.4.4.45 Date.prototype [ @@toPrimitive ] ( hint ): not writable
    proto.props[SYM.toPrimitive] = Prop(make_function(realm, date_to_primitive, SYM.toPrimitive, 1), C)
    # B.2.4 Additional Properties of the Date.prototype Object
    method(realm, proto, "getYear", date_get_year, 0)
    method(realm, proto, "setYear", date_set_year, 1)
    proto.props["toGMTString"] = Prop(to_utc, W | C)  # B.2.4.3: the same function object as toUTCString
    realm.define_global("Date", ctor)
