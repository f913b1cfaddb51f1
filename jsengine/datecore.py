"""Time values for the Date builtin (ECMA-262 ES2021 21.4.1), local time, formatting and parsing.

Pure functions over time values (``float`` milliseconds since the epoch, NaN allowed). The
local time zone is read from the ``TZ`` environment variable at every call (IANA names through
``zoneinfo``; unset means the system zone from /etc/localtime, else UTC). Offsets, display names,
formats and the date-string parser follow what Node 20 (V8 with ICU, en-US) prints and accepts.
This module imports nothing from the rest of jsengine.
"""

from __future__ import annotations

import math
import os
import re
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = [
    "INVALID_DATE",
    "MAX_TIME",
    "MS_PER_DAY",
    "MS_PER_HOUR",
    "MS_PER_MINUTE",
    "MS_PER_SECOND",
    "date_from_time",
    "day",
    "day_from_year",
    "days_in_year",
    "hour_from_time",
    "in_leap_year",
    "local_time",
    "local_tza",
    "make_date",
    "make_day",
    "make_time",
    "min_from_time",
    "month_from_time",
    "ms_from_time",
    "parse",
    "sec_from_time",
    "time_clip",
    "time_from_year",
    "time_within_day",
    "timezone_name",
    "timezone_offset",
    "to_date_string",
    "to_iso_string",
    "to_locale_date_string",
    "to_locale_string",
    "to_locale_time_string",
    "to_string",
    "to_time_string",
    "to_utc_string",
    "utc",
    "week_day",
    "year_from_time",
]

NAN = math.nan
MS_PER_SECOND = 1000
MS_PER_MINUTE = 60_000
MS_PER_HOUR = 3_600_000
MS_PER_DAY = 86_400_000
MAX_TIME = 8.64e15  # 21.4.1.1 Time Values and Time Range

# V8's bounds: MakeDay's year/month arguments, and local times converted to UTC.
_MAX_YEAR_ARG = 1e6
_MAX_MONTH_ARG = 1e7
_MAX_LOCAL_TIME = MAX_TIME + 10 * MS_PER_DAY

# Days before each month, in common and in leap years.
_CUMULATIVE_DAYS = (
    (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365),
    (0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366),
)
_DAYS_PER_400_YEARS = 146_097


def _finite(x: float) -> bool:
    return not (math.isnan(x) or math.isinf(x))


def _to_integer(x: float) -> float:
    """ToIntegerOrInfinity of a finite Number, as a float (+0 for -0)."""
    return float(math.trunc(x))


# ---------------------------------------------------------------------------------------------
# 21.4.1 Overview of Date Objects and Definitions of Abstract Operations (finite ``t`` only)
# ---------------------------------------------------------------------------------------------


# 21.4.1.2 Day Number and Time within Day
def day(t: float) -> int:
    """Day(t): the day number containing time value ``t``."""
    return math.floor(t) // MS_PER_DAY


# 21.4.1.2 Day Number and Time within Day
def time_within_day(t: float) -> int | float:
    """TimeWithinDay(t): ``t`` modulo msPerDay."""
    whole = math.floor(t)
    rest = whole % MS_PER_DAY
    return rest if whole == t else rest + (t - whole)


# 21.4.1.3 Year Number
def days_in_year(y: int) -> int:
    """DaysInYear(y): 365 or 366."""
    if y % 4 != 0 or (y % 100 == 0 and y % 400 != 0):
        return 365
    return 366


# 21.4.1.3 Year Number
def day_from_year(y: int) -> int:
    """DayFromYear(y): the day number of the first day of year ``y``."""
    return 365 * (y - 1970) + (y - 1969) // 4 - (y - 1901) // 100 + (y - 1601) // 400


# 21.4.1.3 Year Number
def time_from_year(y: int) -> int:
    """TimeFromYear(y): the time value at the start of year ``y``."""
    return MS_PER_DAY * day_from_year(y)


def _year_from_day(d: int) -> int:
    """The year containing day number ``d``."""
    y = 1970 + (d * 400) // _DAYS_PER_400_YEARS
    while day_from_year(y) > d:
        y -= 1
    while day_from_year(y + 1) <= d:
        y += 1
    return y


# 21.4.1.3 Year Number
def year_from_time(t: float) -> int:
    """YearFromTime(t): the largest year ``y`` with TimeFromYear(y) <= t."""
    return _year_from_day(day(t))


# 21.4.1.3 Year Number
def in_leap_year(t: float) -> int:
    """InLeapYear(t): 1 in a leap year, else 0."""
    return days_in_year(year_from_time(t)) - 365


def _month_and_date(d: int) -> tuple[int, int, int]:
    """Year, month (0-11) and date (1-31) of day number ``d``."""
    y = _year_from_day(d)
    within = d - day_from_year(y)
    table = _CUMULATIVE_DAYS[days_in_year(y) - 365]
    m = min(within // 31, 11)
    while table[m + 1] <= within:
        m += 1
    return y, m, within - table[m] + 1


# 21.4.1.4 Month Number
def month_from_time(t: float) -> int:
    """MonthFromTime(t): 0 (January) to 11 (December)."""
    return _month_and_date(day(t))[1]


# 21.4.1.5 Date Number
def date_from_time(t: float) -> int:
    """DateFromTime(t): the day of the month, 1 to 31."""
    return _month_and_date(day(t))[2]


# 21.4.1.6 Week Day
def week_day(t: float) -> int:
    """WeekDay(t): 0 (Sunday) to 6 (Saturday)."""
    return (day(t) + 4) % 7


# 21.4.1.10 Hours, Minutes, Second, and Milliseconds
def hour_from_time(t: float) -> int:
    """HourFromTime(t)."""
    return (math.floor(t) // MS_PER_HOUR) % 24


# 21.4.1.10 Hours, Minutes, Second, and Milliseconds
def min_from_time(t: float) -> int:
    """MinFromTime(t)."""
    return (math.floor(t) // MS_PER_MINUTE) % 60


# 21.4.1.10 Hours, Minutes, Second, and Milliseconds
def sec_from_time(t: float) -> int:
    """SecFromTime(t)."""
    return (math.floor(t) // MS_PER_SECOND) % 60


# 21.4.1.10 Hours, Minutes, Second, and Milliseconds
def ms_from_time(t: float) -> int | float:
    """msFromTime(t): ``t`` modulo msPerSecond."""
    whole = math.floor(t)
    rest = whole % MS_PER_SECOND
    return rest if whole == t else rest + (t - whole)


# 21.4.1.11 MakeTime ( hour, min, sec, ms )
def make_time(hour: float, minute: float, sec: float, ms: float) -> float:
    """MakeTime: milliseconds from the four fields, in IEEE double arithmetic."""
    if not (_finite(hour) and _finite(minute) and _finite(sec) and _finite(ms)):
        return NAN
    h, m, s, milli = _to_integer(hour), _to_integer(minute), _to_integer(sec), _to_integer(ms)
    return h * MS_PER_HOUR + m * MS_PER_MINUTE + s * MS_PER_SECOND + milli


# 21.4.1.12 MakeDay ( year, month, date )
def make_day(year: float, month: float, date: float) -> float:
    """MakeDay: a day number; NaN when an argument is not finite or out of V8's range."""
    if not (_finite(year) and _finite(month) and _finite(date)):
        return NAN
    if not (-_MAX_YEAR_ARG <= year <= _MAX_YEAR_ARG and -_MAX_MONTH_ARG <= month <= _MAX_MONTH_ARG):
        return NAN
    m = math.trunc(month)
    ym = math.trunc(year) + m // 12
    first = day_from_year(ym) + _CUMULATIVE_DAYS[days_in_year(ym) - 365][m % 12]
    return float(first - 1) + _to_integer(date)


# 21.4.1.13 MakeDate ( day, time )
def make_date(day_number: float, time_ms: float) -> float:
    """MakeDate: ``day * msPerDay + time``; NaN unless finite."""
    if not (_finite(day_number) and _finite(time_ms)):
        return NAN
    tv = day_number * MS_PER_DAY + time_ms
    return tv if _finite(tv) else NAN


# 21.4.1.14 TimeClip ( time )
def time_clip(t: float) -> float:
    """TimeClip: NaN outside +-8.64e15, else the integer part as a float (+0 for -0)."""
    if not _finite(t) or abs(t) > MAX_TIME:
        return NAN
    return _to_integer(t)


def _fields(t: int) -> tuple[int, int, int, int, int, int, int, int]:
    """Year, month, date, hours, minutes, seconds, ms and weekday of integral time ``t``."""
    d, within = divmod(t, MS_PER_DAY)
    y, m, date = _month_and_date(d)
    secs, ms = divmod(within, 1000)
    return y, m, date, secs // 3600, secs // 60 % 60, secs % 60, ms, (d + 4) % 7


# ---------------------------------------------------------------------------------------------
# 21.4.1.7 LocalTZA, 21.4.1.8 LocalTime, 21.4.1.9 UTC: the zone named by TZ
# ---------------------------------------------------------------------------------------------

_EPOCH = datetime(1970, 1, 1)
_SECONDS_PER_400_YEARS = _DAYS_PER_400_YEARS * 86_400
# zoneinfo works in years 1..9999: earlier times (before every zone's first transition) and
# later ones (under every zone's final rule) move by whole 400-year Gregorian cycles, which keeps
# the calendar and so the offsets.
_LOW_SECONDS = day_from_year(600) * 86_400
_HIGH_SECONDS = day_from_year(9000) * 86_400
# V8 asks whether DST is in effect (for the zone's display name) at an "equivalent" time in
# 2008..2035 outside the 32-bit epoch-second range.
_MAX_EPOCH_MS = (2**31 - 1) * 1000
_MONTH_SECONDS = 2_629_746  # an average Gregorian month
_UTC_KEYS = frozenset({"UTC", "Etc/UTC", "UCT", "Etc/UCT", "Universal", "Etc/Universal", "Zulu", "Etc/Zulu"})
_UTC_NAME = "Coordinated Universal Time"
_UNKNOWN_NAME = "GMT+00:00"


@dataclass(slots=True)
class _Zone:
    """A resolved time zone: ``info`` is None for a zone fixed at UTC+0."""

    key: str
    info: ZoneInfo | None
    std_name: str
    dst_name: str
    negative_dst: bool = False


def _gmt_name(offset_seconds: int) -> str:
    """ICU's localized GMT format, "GMT+01:00", used for zones without a long name."""
    sign = "-" if offset_seconds < 0 else "+"
    minutes = abs(offset_seconds) // 60
    return f"GMT{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def _shift_seconds(s: int) -> int:
    """Move epoch seconds ``s`` by whole 400-year cycles into years 600..9000."""
    if s < _LOW_SECONDS:
        return s + ((_LOW_SECONDS - s) // _SECONDS_PER_400_YEARS + 1) * _SECONDS_PER_400_YEARS
    if s >= _HIGH_SECONDS:
        return s - ((s - _HIGH_SECONDS) // _SECONDS_PER_400_YEARS + 1) * _SECONDS_PER_400_YEARS
    return s


def _as_local(info: ZoneInfo, s: int) -> datetime:
    """The aware local datetime at UTC epoch second ``s`` (already within years 600..9000)."""
    return datetime.fromtimestamp(s, info)


def _delta_ms(delta: timedelta | None) -> int:
    return 0 if delta is None else (delta.days * 86_400 + delta.seconds) * 1000


def _dst_seconds(info: ZoneInfo, s: int) -> int:
    return _delta_ms(_as_local(info, _shift_seconds(s)).dst()) // 1000


def _has_negative_dst(info: ZoneInfo) -> bool:
    """Whether tzdata models a zone's DST as negative (Dublin, Windhoek, Casablanca)."""
    start = day_from_year(1970) * 86_400
    return any(_dst_seconds(info, start + month * _MONTH_SECONDS) < 0 for month in range(68 * 12))


def _names_for(key: str, info: ZoneInfo | None) -> tuple[str, str]:
    """Long standard and daylight names of a zone, as ICU's en-US display names."""
    if info is None:
        return (_UTC_NAME, _UTC_NAME) if key in _UTC_KEYS else (_UNKNOWN_NAME, _UNKNOWN_NAME)
    std, dst = _NAMES_BY_ZONE.get(key, (None, None))
    if std is not None and dst is not None:
        return std, dst
    # ICU falls back to the GMT format of today's raw offset (plus DST savings when in use).
    now = int(time.time())
    local = _as_local(info, now)
    raw = _delta_ms(local.utcoffset()) // 1000 - _delta_ms(local.dst()) // 1000
    savings = 0
    for month in range(1, 13):
        saving = _dst_seconds(info, now + month * _MONTH_SECONDS)
        if saving > 0:
            savings = saving
            break
    return std or _gmt_name(raw), dst or _gmt_name(raw + savings)


def _load_zone(key: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def _system_zone() -> tuple[str, ZoneInfo | None]:
    """The zone of /etc/localtime (or /etc/timezone), else UTC."""
    try:
        target = os.readlink("/etc/localtime")
    except OSError:
        target = ""
    if "zoneinfo/" in target:
        key = target.split("zoneinfo/", 1)[1]
        return key, _load_zone(key)
    try:
        with open("/etc/timezone", encoding="utf-8") as f:
            key = f.read().strip()
        if key:
            return key, _load_zone(key)
    except OSError:
        pass
    try:
        with open("/etc/localtime", "rb") as f:
            return "localtime", ZoneInfo.from_file(f, key="localtime")
    except (OSError, ValueError):
        return "UTC", None


def _make_zone(tz: str | None) -> _Zone:
    if tz is None:
        key, info = _system_zone()
    else:
        key = tz.removeprefix(":")
        if key.startswith("/") and "zoneinfo/" in key:
            key = key.split("zoneinfo/", 1)[1]
        info = _load_zone(key) if key else None
    if key in _UTC_KEYS:
        info = None
    std, dst = _names_for(key, info)
    negative = info is not None and _has_negative_dst(info)
    return _Zone(key, info, std, dst, negative)


_ZONES: dict[str | None, _Zone] = {}


def _current_zone() -> _Zone:
    """The zone named by TZ right now (resolved once per distinct TZ value)."""
    tz = os.environ.get("TZ")
    zone = _ZONES.get(tz)
    if zone is None:
        zone = _ZONES[tz] = _make_zone(tz)
    return zone


def _offset_ms(zone: _Zone, t: float, is_utc: bool) -> int:
    """The zone's offset in ms at UTC time ``t`` or (choosing the earlier offset) local time ``t``."""
    if zone.info is None:
        return 0
    t = max(-_MAX_LOCAL_TIME, min(_MAX_LOCAL_TIME, t))
    s = _shift_seconds(math.floor(t) // 1000)
    if is_utc:
        return _delta_ms(_as_local(zone.info, s).utcoffset())
    return _delta_ms(zone.info.utcoffset(_EPOCH + timedelta(seconds=s)))  # fold=0: the earlier offset


# 21.4.1.7 LocalTZA ( t, isUTC )
def local_tza(t: float, is_utc: bool) -> float:
    """LocalTZA: the local offset in ms at UTC ``t`` (is_utc) or at local time ``t``.

    For a local time in a DST gap or overlap the offset before the transition is used, as V8.
    """
    if not _finite(t):
        return NAN
    return float(_offset_ms(_current_zone(), t, is_utc))


# 21.4.1.8 LocalTime ( t )
def local_time(t: float) -> float:
    """LocalTime: ``t + LocalTZA(t, true)``."""
    if not _finite(t):
        return NAN
    return t + _offset_ms(_current_zone(), t, True)


# 21.4.1.9 UTC ( t )
def utc(t: float) -> float:
    """UTC: ``t - LocalTZA(t, false)``; NaN beyond V8's range (8.64e15 + 10 days)."""
    if not _finite(t) or abs(t) > _MAX_LOCAL_TIME:
        return NAN
    return t - _offset_ms(_current_zone(), t, False)


def timezone_offset(t: float) -> float:
    """Date.prototype.getTimezoneOffset as V8 computes it: whole minutes, truncated; NaN for NaN."""
    if not _finite(t):
        return NAN
    return float(-_offset_minutes(_offset_ms(_current_zone(), t, True)))


def _offset_minutes(offset_ms: int) -> int:
    """An offset in whole minutes, truncated toward zero."""
    return -(-offset_ms // MS_PER_MINUTE) if offset_ms < 0 else offset_ms // MS_PER_MINUTE


def _equivalent_time(t: int) -> int:
    """``t`` moved into a year of 2008..2035 with the same leap-ness and weekday of Jan 1.

    Of the (up to three) such years this picks the one V8 picks.
    """
    d, within = divmod(t, MS_PER_DAY)
    y, m, date = _month_and_date(d)
    jan1 = (day_from_year(y) + 4) % 7
    recent = (1956 if days_in_year(y) == 366 else 1967) + (jan1 * 12) % 28
    year = 2008 + (recent + 3 * 28 - 2008) % 28
    new_day = day_from_year(year) + _CUMULATIVE_DAYS[days_in_year(year) - 365][m] + date - 1
    return new_day * MS_PER_DAY + within


def _is_dst(zone: _Zone, t: float) -> bool:
    """Whether V8 considers DST in effect at ``t`` when naming the zone."""
    if zone.info is None:
        return False
    ms = math.floor(t)
    if ms < 0 or ms > _MAX_EPOCH_MS:
        ms = _equivalent_time(ms)
    s = ms // 1000
    saving = _dst_seconds(zone.info, s)
    if not zone.negative_dst or saving != 0:
        return saving > 0
    # ICU reads negative DST as standard time, and the rest of the year as DST.
    months = range(1, 13)
    before = any(_dst_seconds(zone.info, s - k * _MONTH_SECONDS) < 0 for k in months)
    return before and any(_dst_seconds(zone.info, s + k * _MONTH_SECONDS) < 0 for k in months)


def timezone_name(t: float) -> str:
    """The long zone name Node shows in Date.prototype.toString at ``t``."""
    zone = _current_zone()
    return zone.dst_name if _is_dst(zone, t) else zone.std_name


# ---------------------------------------------------------------------------------------------
# 21.4.4.41 Date.prototype.toString and friends, as Node 20 prints them (en-US)
# ---------------------------------------------------------------------------------------------

_WEEKDAYS = ("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
INVALID_DATE = "Invalid Date"


def _year_text(y: int) -> str:
    """A year as toString prints it: at least four digits, "-0001" before year 0."""
    return f"{y:04d}" if y >= 0 else f"-{-y:04d}"


def _local_fields(t: float) -> tuple[tuple[int, int, int, int, int, int, int, int], int, _Zone]:
    zone = _current_zone()
    offset = _offset_ms(zone, t, True)
    return _fields(math.floor(t) + offset), offset, zone


def _zone_suffix(t: float, offset: int, zone: _Zone) -> str:
    """The zone part of toString: "GMT+0100 (Central European Standard Time)"."""
    minutes = _offset_minutes(offset)
    sign = "-" if minutes < 0 else "+"
    hh, mm = divmod(abs(minutes), 60)
    name = zone.dst_name if _is_dst(zone, t) else zone.std_name
    return f"GMT{sign}{hh:02d}{mm:02d} ({name})"


# 21.4.4.41.2 DateString ( tv )
def _date_text(f: tuple[int, ...]) -> str:
    return f"{_WEEKDAYS[f[7]]} {_MONTHS[f[1]]} {f[2]:02d} {_year_text(f[0])}"


# 21.4.4.41.1 TimeString ( tv )
def _time_text(f: tuple[int, ...]) -> str:
    return f"{f[3]:02d}:{f[4]:02d}:{f[5]:02d}"


# 21.4.4.41 Date.prototype.toString ( )
def to_string(t: float) -> str:
    """Date.prototype.toString: "Sat Nov 28 2026 08:02:42 GMT+0000 (Coordinated Universal Time)"."""
    if not _finite(t):
        return INVALID_DATE
    f, offset, zone = _local_fields(t)
    return f"{_date_text(f)} {_time_text(f)} {_zone_suffix(t, offset, zone)}"


# 21.4.4.35 Date.prototype.toDateString ( )
def to_date_string(t: float) -> str:
    """Date.prototype.toDateString: "Sat Nov 28 2026"."""
    if not _finite(t):
        return INVALID_DATE
    return _date_text(_local_fields(t)[0])


# 21.4.4.42 Date.prototype.toTimeString ( )
def to_time_string(t: float) -> str:
    """Date.prototype.toTimeString: "08:02:42 GMT+0000 (Coordinated Universal Time)"."""
    if not _finite(t):
        return INVALID_DATE
    f, offset, zone = _local_fields(t)
    return f"{_time_text(f)} {_zone_suffix(t, offset, zone)}"


# 21.4.4.43 Date.prototype.toUTCString ( )
def to_utc_string(t: float) -> str:
    """Date.prototype.toUTCString: "Sat, 28 Nov 2026 08:02:42 GMT"."""
    if not _finite(t):
        return INVALID_DATE
    f = _fields(math.floor(t))
    return f"{_WEEKDAYS[f[7]]}, {f[2]:02d} {_MONTHS[f[1]]} {_year_text(f[0])} {_time_text(f)} GMT"


# 21.4.4.36 Date.prototype.toISOString ( )
def to_iso_string(t: float) -> str:
    """Date.prototype.toISOString: "2026-11-28T08:02:42.000Z", years outside 0..9999 as +-YYYYYY.

    Raises ValueError for NaN (the caller throws a RangeError).
    """
    if not _finite(t):
        raise ValueError("Invalid time value")
    y, mo, d, h, mi, s, ms, _ = _fields(math.floor(t))
    year = f"{y:04d}" if 0 <= y <= 9999 else f"{'-' if y < 0 else '+'}{abs(y):06d}"
    return f"{year}-{mo + 1:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}.{ms:03d}Z"


def _locale_date(f: tuple[int, ...]) -> str:
    year = f[0] if f[0] > 0 else 1 - f[0]  # the era year: ICU prints 1 BC as "1"
    return f"{f[1] + 1}/{f[2]}/{year}"


def _locale_time(f: tuple[int, ...]) -> str:
    hour = f[3] % 12 or 12
    return f"{hour}:{f[4]:02d}:{f[5]:02d} {'PM' if f[3] >= 12 else 'AM'}"


# 21.4.4.39 Date.prototype.toLocaleString ( [ reserved1 [ , reserved2 ] ] )
def to_locale_string(t: float) -> str:
    """Date.prototype.toLocaleString (en-US): "11/28/2026, 8:02:42 AM"."""
    if not _finite(t):
        return INVALID_DATE
    f = _local_fields(t)[0]
    return f"{_locale_date(f)}, {_locale_time(f)}"


# 21.4.4.38 Date.prototype.toLocaleDateString ( [ reserved1 [ , reserved2 ] ] )
def to_locale_date_string(t: float) -> str:
    """Date.prototype.toLocaleDateString (en-US): "11/28/2026"."""
    if not _finite(t):
        return INVALID_DATE
    return _locale_date(_local_fields(t)[0])


# 21.4.4.40 Date.prototype.toLocaleTimeString ( [ reserved1 [ , reserved2 ] ] )
def to_locale_time_string(t: float) -> str:
    """Date.prototype.toLocaleTimeString (en-US): "8:02:42 AM"."""
    if not _finite(t):
        return INVALID_DATE
    return _locale_time(_local_fields(t)[0])


# ---------------------------------------------------------------------------------------------
# 21.4.3.2 Date.parse ( string ): 21.4.1.15 Date Time String Format, then V8's legacy forms
# ---------------------------------------------------------------------------------------------

# WhiteSpace, then LineTerminator: V8 reads LS and PS as letters of a word.
_SPACES = frozenset(
    "\t\x0b\x0c \xa0\ufeff\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000"
)
_SPACES_AND_LINE_BREAKS = _SPACES | frozenset("\n\r\u2028\u2029")
_MAX_DIGITS = 9  # V8 keeps the first nine significant digits of a number

# Token kinds.
_END, _NUMBER, _SYMBOL, _SPACE, _WORD, _OTHER = range(6)
# Keyword kinds.
_MONTH, _AMPM, _ZONE, _T = range(4)
_KEYWORDS: dict[str, tuple[int, int]] = {
    **{name: (_MONTH, i + 1) for i, name in enumerate(m.lower() for m in _MONTHS)},
    "am": (_AMPM, 0),
    "pm": (_AMPM, 12),
    "ut": (_ZONE, 0),
    "utc": (_ZONE, 0),
    "z": (_ZONE, 0),
    "gmt": (_ZONE, 0),
    "cdt": (_ZONE, -5),
    "cst": (_ZONE, -6),
    "edt": (_ZONE, -4),
    "est": (_ZONE, -5),
    "mdt": (_ZONE, -6),
    "mst": (_ZONE, -7),
    "pdt": (_ZONE, -7),
    "pst": (_ZONE, -8),
    "t": (_T, 0),
}
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


class _Token(NamedTuple):
    """A token of a date string.

    Numbers carry ``number`` (their first nine significant digits) and ``length`` (digits read);
    symbols carry ``symbol``; words carry ``length`` and their ``keyword`` (kind, value), if any.
    """

    kind: int
    number: int = 0
    length: int = 0
    symbol: str = ""
    keyword: tuple[int, int] | None = None

    def is_symbol(self, c: str) -> bool:
        return self.kind == _SYMBOL and self.symbol == c

    def is_sign(self) -> bool:
        return self.kind == _SYMBOL and self.symbol in ("+", "-")

    def sign(self) -> int:
        return -1 if self.symbol == "-" else 1

    def is_number(self, length: int | None = None) -> bool:
        return self.kind == _NUMBER and (length is None or self.length == length)

    def keyword_kind(self) -> int | None:
        return None if self.keyword is None else self.keyword[0]

    def is_z(self) -> bool:
        return self.keyword_kind() == _ZONE and self.length == 1


_END_TOKEN = _Token(_END)
_OTHER_TOKEN = _Token(_OTHER)
_SPACE_TOKEN = _Token(_SPACE, length=1)


class _Scanner:
    """Splits a date string into numbers, symbols, spaces, words and other characters."""

    def __init__(self, s: str) -> None:
        nul = s.find("\0")
        self._s = s if nul < 0 else s[:nul]  # V8 stops reading at a NUL
        self._i = 0
        self._next = self._scan()

    def peek(self) -> _Token:
        return self._next

    def next(self) -> _Token:
        token = self._next
        self._next = self._scan()
        return token

    def skip_symbol(self, c: str) -> bool:
        if self._next.is_symbol(c):
            self.next()
            return True
        return False

    def _scan(self) -> _Token:
        s, i = self._s, self._i
        if i >= len(s):
            return _END_TOKEN
        c = s[i]
        if "0" <= c <= "9":
            j = i
            while j < len(s) and "0" <= s[j] <= "9":
                j += 1
            self._i = j
            return _Token(_NUMBER, int(s[i:j].lstrip("0")[:_MAX_DIGITS] or "0"), j - i)
        if c in ":-+.)":
            self._i = i + 1
            return _Token(_SYMBOL, symbol=c)
        if c >= "A" and c not in _SPACES:
            j = i
            while j < len(s) and s[j] >= "A" and s[j] not in _SPACES:
                j += 1
            self._i = j
            kw = _KEYWORDS.get(s[i : min(j, i + 3)].translate(_ASCII_LOWER))
            if kw is not None and j - i > 3 and kw[0] != _MONTH:
                kw = None  # only month names may be longer than their keyword
            return _Token(_WORD, length=j - i, keyword=kw)
        self._i = i + 1
        if c in _SPACES_AND_LINE_BREAKS:
            return _SPACE_TOKEN
        if c == "(":
            depth = 1
            while self._i < len(s) and depth > 0:
                depth += {"(": 1, ")": -1}.get(s[self._i], 0)
                self._i += 1
        return _OTHER_TOKEN


def _in_range(x: int, lo: int, hi: int) -> bool:
    return lo <= x <= hi


class _DayParts:
    """Up to three numbers and a named month, read as a calendar date."""

    def __init__(self) -> None:
        self.parts: list[int] = []
        self.named_month: int | None = None
        self.iso = False

    def add(self, n: int) -> bool:
        if len(self.parts) >= 3:
            return False
        self.parts.append(n)
        return True

    def result(self) -> tuple[int, int, int] | None:
        """Year, month (1-12) and day, or None when invalid."""
        if not self.parts:
            return None
        p = self.parts + [1] * (3 - len(self.parts))
        if self.named_month is None:
            if self.iso or not _in_range(p[0], 1, 31):  # a first part that is no day is the year
                year, month, day_ = p
            else:
                month, day_, year = p
        else:
            month = self.named_month
            if not _in_range(p[0], 1, 31):  # missing parts are 1: "Nov 28" is in 2001
                year, day_ = p[0], p[1]
            else:
                day_, year = p[0], p[1]
        if not self.iso:
            if 0 <= year <= 49:
                year += 2000
            elif 50 <= year <= 99:
                year += 1900
        if not (_in_range(month, 1, 12) and _in_range(day_, 1, 31)):
            return None
        return year, month, day_


class _TimeParts:
    """Hours, minutes, seconds and milliseconds, with an optional AM/PM."""

    def __init__(self) -> None:
        self.parts: list[int] = []
        self.hour_offset: int | None = None

    def empty(self) -> bool:
        return not self.parts

    def add(self, n: int) -> bool:
        if len(self.parts) >= 4:
            return False
        self.parts.append(n)
        return True

    def add_final(self, n: int) -> bool:
        if not self.add(n):
            return False
        self.parts += [0] * (4 - len(self.parts))
        return True

    def expects(self, n: int) -> bool:
        """Whether ``n`` fits as the next minutes, seconds or milliseconds."""
        k = len(self.parts)
        return (k in (1, 2) and n <= 59) or (k == 3 and n <= 999)

    def result(self) -> tuple[int, int, int, int] | None:
        h, m, s, ms = self.parts + [0] * (4 - len(self.parts))
        if self.hour_offset is not None:
            if h > 12:
                return None
            h = h % 12 + self.hour_offset
        if (h > 23 or m > 59 or s > 59 or ms > 999) and (h != 24 or m or s or ms):
            return None  # only 24:00:00.000 may pass the 23rd hour
        return h, m, s, ms


class _ZoneParts:
    """A UTC offset: sign, hours and minutes; unset means local time."""

    def __init__(self) -> None:
        self.sign: int | None = None
        self.hour: int | None = None
        self.minute: int | None = None

    def set_hours(self, hours: int) -> None:
        self.sign = -1 if hours < 0 else 1
        self.hour, self.minute = abs(hours), 0

    def is_utc(self) -> bool:
        return self.hour == 0 and self.minute == 0

    def expects(self, n: int) -> bool:
        return self.hour is not None and self.minute is None and n <= 59

    def seconds(self) -> int | None:
        """The offset in seconds, or None for local time."""
        if self.sign is None:
            return None
        return self.sign * ((self.hour or 0) * 3600 + (self.minute or 0) * 60)


def _milliseconds(token: _Token) -> int:
    """The first three digits of a fraction of a second."""
    return _fraction_ms(token.number, token.length)


def _fraction_ms(n: int, length: int) -> int:
    """Milliseconds of the fraction ``n`` (significant digits) written with ``length`` digits."""
    if length == 1:
        return n * 100
    if length == 2:
        return n * 10
    if length > 3:
        return n // 10 ** (min(length, _MAX_DIGITS) - 3)
    return n


class _Invalid(Exception):
    """The string is a malformed Date Time String Format: the result is NaN."""


def _parse_iso(sc: _Scanner, day_: _DayParts, tm: _TimeParts, tz: _ZoneParts) -> _Token:
    """21.4.1.15 Date Time String Format, with V8's extensions.

    Returns the end token when the whole string is in the format, else the first token it could
    not take (for the legacy parser to go on from); raises _Invalid for a malformed time part.
    """
    # Date: (YYYY | +-YYYYYY) [-MM [-DD]]
    if sc.peek().is_sign():
        sign = sc.next()
        if not sc.peek().is_number(6):
            return sign
        year = sc.next().number
        if sign.symbol == "-" and year == 0:
            return sign  # -000000 is not a year
        day_.add(sign.sign() * year)
    elif sc.peek().is_number(4):
        day_.add(sc.next().number)
    else:
        return sc.next()
    for hi in (12, 31):
        if not sc.skip_symbol("-"):
            break
        if not (sc.peek().is_number(2) and _in_range(sc.peek().number, 1, hi)):
            return sc.next()
        day_.add(sc.next().number)
    # Time: THH:mm[:ss[.sss]] then Z | +-HH:mm | +-HHmm
    if sc.peek().keyword_kind() == _T:
        sc.next()
        _parse_iso_time(sc, tm, tz)
    elif sc.peek().kind != _END:
        return sc.next()
    if tz.sign is None and tm.empty():
        tz.set_hours(0)  # date-only forms are UTC, date-time forms local
    day_.iso = True
    return _END_TOKEN


def _two_digits(sc: _Scanner, hi: int) -> int:
    token = sc.peek()
    if not token.is_number(2) or token.number > hi:
        raise _Invalid
    sc.next()
    return token.number


def _parse_iso_time(sc: _Scanner, tm: _TimeParts, tz: _ZoneParts) -> None:
    hour = _two_digits(sc, 24)
    tm.add(hour)
    limit = 0 if hour == 24 else 59  # 24:00 only as 24:00:00.000
    if not sc.skip_symbol(":"):
        raise _Invalid
    tm.add(_two_digits(sc, limit))
    if sc.skip_symbol(":"):
        tm.add(_two_digits(sc, limit))
        if sc.skip_symbol("."):
            token = sc.peek()
            if not token.is_number() or (hour == 24 and token.number > 0):
                raise _Invalid
            tm.add(_milliseconds(sc.next()))  # any number of digits
    if sc.peek().is_z():
        sc.next()
        tz.set_hours(0)
    elif sc.peek().is_sign():
        tz.sign = sc.next().sign()
        if sc.peek().is_number(4):
            hh, mm = divmod(sc.next().number, 100)
            if hh > 23 or mm > 59:
                raise _Invalid
            tz.hour, tz.minute = hh, mm
        else:
            tz.hour = _two_digits(sc, 23)
            if not sc.skip_symbol(":"):
                raise _Invalid
            tz.minute = _two_digits(sc, 59)
    if sc.peek().kind != _END:
        raise _Invalid


class _Legacy:
    """V8's fallback parser: numbers, month names, AM/PM, zone names and offsets in any order."""

    def __init__(self, sc: _Scanner, day_: _DayParts, tm: _TimeParts, tz: _ZoneParts) -> None:
        self.sc, self.day, self.tm, self.tz = sc, day_, tm, tz
        self.has_number = bool(day_.parts)

    def run(self, token: _Token) -> bool:
        """Read tokens from ``token`` to the end; False when the string is rejected."""
        sc = self.sc
        while token.kind != _END:
            if token.kind == _NUMBER:
                ok = self._number(token.number)
            elif token.kind == _WORD:
                ok = self._word(token)
            elif token.is_sign() and (self.tz.is_utc() or not self.tm.empty()):
                ok = self._offset(token.sign())
            else:
                # Other characters are skipped, but a sign or ')' must not follow a number.
                ok = not ((token.is_sign() or token.is_symbol(")")) and self.has_number)
            if not ok:
                return False
            token = sc.next()
        return True

    def _number(self, n: int) -> bool:
        sc, tm, tz = self.sc, self.tm, self.tz
        self.has_number = True
        if sc.skip_symbol(":"):
            if sc.skip_symbol(":"):  # "n::" is n hours and zero minutes
                if not tm.empty():
                    return False
                tm.add(n)
                tm.add(0)
                return True
            if not tm.add(n):
                return False
            if sc.peek().is_symbol("."):
                sc.next()
            return True
        if sc.skip_symbol(".") and tm.expects(n):
            tm.add(n)
            if not sc.peek().is_number():
                return False
            tm.add_final(_milliseconds(sc.next()))  # V8 ignores a fifth time field here
            return True
        if tz.expects(n):
            tz.minute = n
            return True
        if tm.expects(n):
            tm.add_final(n)
            peek = sc.peek()
            return peek.kind in (_END, _SPACE) or peek.is_z() or peek.is_sign()
        if not self.day.add(n):
            return False
        sc.skip_symbol("-")
        return True

    def _word(self, token: _Token) -> bool:
        kind = token.keyword_kind()
        value = 0 if token.keyword is None else token.keyword[1]
        if kind == _AMPM and not self.tm.empty():
            self.tm.hour_offset = value
        elif kind == _MONTH:
            self.day.named_month = value
            self.sc.skip_symbol("-")
        elif kind == _ZONE and self.has_number:
            self.tz.set_hours(value)
        elif self.has_number or self.sc.peek().is_number():
            return False  # unknown words only before the first number, apart from it
        return True

    def _offset(self, sign: int) -> bool:
        """A UTC offset after a zone name or a time: +-h, +-hh, +-hmm, +-hhmm or +-h:mm."""
        sc, tz = self.sc, self.tz
        tz.sign = sign
        n = length = 0
        if sc.peek().is_number():
            number = sc.next()
            n, length = number.number, number.length
        self.has_number = True
        if sc.peek().is_symbol(":"):
            tz.hour, tz.minute = n, None
        elif length in (1, 2):
            tz.hour, tz.minute = n, 0
        elif length in (3, 4):
            tz.hour, tz.minute = divmod(n, 100)
        else:
            return False
        return True


def _parse_fields(s: str) -> tuple[tuple[int, int, int], tuple[int, int, int, int], int | None] | None:
    """Date, time and UTC offset (seconds, None for local) of a date string, or None."""
    sc = _Scanner(s)
    day_, tm, tz = _DayParts(), _TimeParts(), _ZoneParts()
    try:
        token = _parse_iso(sc, day_, tm, tz)
    except _Invalid:
        return None
    if not _Legacy(sc, day_, tm, tz).run(token):
        return None
    date_part, time_part = day_.result(), tm.result()
    if date_part is None or time_part is None:
        return None
    offset = tz.seconds()
    if offset is not None:
        # V8 sums the offset in unsigned 32 bits and rejects it beyond its largest small integer.
        magnitude = abs(offset) % 2**32
        if magnitude > 2**31 - 1:
            return None
        offset = -magnitude if offset < 0 else magnitude
    return date_part, time_part, offset


_ISO = re.compile(
    r"([0-9]{4}|[+-][0-9]{6})(?:-([0-9]{2})(?:-([0-9]{2}))?)?"
    r"(?:[Tt]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]+))?)?"
    r"(?:([Zz])|([+-])([0-9]{2}):?([0-9]{2}))?)?"
)


def _parse_iso_fast(s: str) -> tuple[tuple[int, int, int], tuple[int, int, int, int], int | None] | None:
    """The fields of a well-formed Date Time String Format string, or None to take the long way."""
    m = _ISO.fullmatch(s)
    if m is None:
        return None
    year_text, month, date, hour, minute, second, fraction, z, sign, off_h, off_m = m.groups()
    if year_text == "-000000":
        return None
    month_n, date_n = int(month or 1), int(date or 1)
    if not (1 <= month_n <= 12 and 1 <= date_n <= 31):
        return None
    date_part = (int(year_text), month_n, date_n)
    if hour is None:
        return date_part, (0, 0, 0, 0), 0  # date-only forms are UTC
    frac = 0 if fraction is None else int(fraction.lstrip("0")[:_MAX_DIGITS] or "0")
    time_part = (int(hour), int(minute), int(second or 0), _fraction_ms(frac, len(fraction or "")))
    if time_part[0] > 24 or time_part[1] > 59 or time_part[2] > 59:
        return None
    if time_part[0] == 24 and (time_part[1] or time_part[2] or frac):
        return None  # 24:00 only as 24:00:00.000
    if sign is None:
        return date_part, time_part, (0 if z else None)
    if int(off_h) > 23 or int(off_m) > 59:
        return None
    return date_part, time_part, (-1 if sign == "-" else 1) * (int(off_h) * 3600 + int(off_m) * 60)


# 21.4.3.2 Date.parse ( string )
def parse(s: str) -> float:
    """The time value of a date string as V8 reads it; NaN when unrecognised."""
    fields = _parse_iso_fast(s) or _parse_fields(s)
    if fields is None:
        return NAN
    (year, month, date), (h, m, sec, ms), offset = fields
    tv = make_date(make_day(year, month - 1, date), make_time(h, m, sec, ms))
    if math.isnan(tv):
        return NAN
    if offset is None:
        return time_clip(utc(tv))
    tv -= offset * 1000
    return time_clip(tv)


# ---------------------------------------------------------------------------------------------
# Long zone names: ICU's en-US standard and daylight names (CLDR), as Node 20 prints them,
# by zone. None means ICU's GMT-format fallback. Zones not listed use that fallback for both.
# ---------------------------------------------------------------------------------------------

_ZONE_NAMES: dict[tuple[str, str | None], str] = {
    ("Acre Standard Time", "Acre Summer Time"): (
        "America/Eirunepe America/Porto_Acre America/Rio_Branco Brazil/Acre"
    ),
    ("Afghanistan Time", None): "Asia/Kabul",
    ("Alaska Standard Time", "Alaska Daylight Time"): (
        "America/Anchorage America/Juneau America/Metlakatla America/Nome "
        "America/Sitka America/Yakutat US/Alaska"
    ),
    ("Amazon Standard Time", "Amazon Summer Time"): (
        "America/Boa_Vista America/Campo_Grande America/Cuiaba America/Manaus America/Porto_Velho Brazil/West"
    ),
    ("American Samoa Standard Time", None): "Pacific/Midway Pacific/Pago_Pago Pacific/Samoa US/Samoa",
    ("Arabian Standard Time", "Arabian Daylight Time"): (
        "Asia/Aden Asia/Baghdad Asia/Bahrain Asia/Kuwait Asia/Qatar Asia/Riyadh"
    ),
    ("Argentina Standard Time", "Argentina Summer Time"): (
        "America/Argentina/Buenos_Aires America/Argentina/Catamarca "
        "America/Argentina/ComodRivadavia America/Argentina/Cordoba "
        "America/Argentina/Jujuy America/Argentina/La_Rioja "
        "America/Argentina/Mendoza America/Argentina/Rio_Gallegos "
        "America/Argentina/Salta America/Argentina/San_Juan "
        "America/Argentina/San_Luis America/Argentina/Tucuman "
        "America/Argentina/Ushuaia America/Buenos_Aires America/Catamarca "
        "America/Cordoba America/Jujuy America/Mendoza America/Rosario"
    ),
    ("Armenia Standard Time", "Armenia Summer Time"): "Asia/Yerevan",
    ("Atlantic Standard Time", "Atlantic Daylight Time"): (
        "America/Anguilla America/Antigua America/Aruba America/Barbados "
        "America/Blanc-Sablon America/Curacao America/Dominica "
        "America/Glace_Bay America/Goose_Bay America/Grenada America/Guadeloupe "
        "America/Halifax America/Kralendijk America/Lower_Princes "
        "America/Marigot America/Martinique America/Moncton America/Montserrat "
        "America/Port_of_Spain America/Puerto_Rico America/Santo_Domingo "
        "America/St_Barthelemy America/St_Kitts America/St_Lucia "
        "America/St_Thomas America/St_Vincent America/Thule America/Tortola "
        "America/Virgin Atlantic/Bermuda Canada/Atlantic"
    ),
    ("Australian Central Standard Time", "Australian Central Daylight Time"): (
        "Australia/Adelaide Australia/Broken_Hill Australia/Darwin "
        "Australia/North Australia/South Australia/Yancowinna"
    ),
    ("Australian Central Western Standard Time", "Australian Central Western Daylight Time"): (
        "Australia/Eucla"
    ),
    ("Australian Eastern Standard Time", "Australian Eastern Daylight Time"): (
        "Antarctica/Macquarie Australia/ACT Australia/Brisbane "
        "Australia/Canberra Australia/Currie Australia/Hobart "
        "Australia/Lindeman Australia/Melbourne Australia/NSW "
        "Australia/Queensland Australia/Sydney Australia/Tasmania "
        "Australia/Victoria"
    ),
    ("Australian Western Standard Time", "Australian Western Daylight Time"): (
        "Antarctica/Casey Australia/Perth Australia/West"
    ),
    ("Azerbaijan Standard Time", "Azerbaijan Summer Time"): "Asia/Baku",
    ("Azores Standard Time", "Azores Summer Time"): "Atlantic/Azores",
    ("Bangladesh Standard Time", "Bangladesh Summer Time"): "Asia/Dacca Asia/Dhaka",
    ("Bhutan Time", None): "Asia/Thimbu Asia/Thimphu",
    ("Bolivia Time", None): "America/La_Paz",
    ("Brasilia Standard Time", "Brasilia Summer Time"): (
        "America/Araguaina America/Bahia America/Belem America/Fortaleza "
        "America/Maceio America/Recife America/Santarem America/Sao_Paulo "
        "Brazil/East"
    ),
    ("Brunei Time", None): "Asia/Brunei",
    ("Cape Verde Standard Time", None): "Atlantic/Cape_Verde",
    ("Central Africa Time", None): (
        "Africa/Blantyre Africa/Bujumbura Africa/Gaborone Africa/Harare "
        "Africa/Juba Africa/Khartoum Africa/Kigali Africa/Lubumbashi "
        "Africa/Lusaka Africa/Maputo Africa/Windhoek"
    ),
    ("Central European Standard Time", "Central European Summer Time"): (
        "Africa/Algiers Africa/Ceuta Africa/Tunis Arctic/Longyearbyen "
        "Atlantic/Jan_Mayen CET Europe/Amsterdam Europe/Andorra Europe/Belgrade "
        "Europe/Berlin Europe/Bratislava Europe/Brussels Europe/Budapest "
        "Europe/Busingen Europe/Copenhagen Europe/Gibraltar Europe/Ljubljana "
        "Europe/Luxembourg Europe/Madrid Europe/Malta Europe/Monaco Europe/Oslo "
        "Europe/Paris Europe/Podgorica Europe/Prague Europe/Rome "
        "Europe/San_Marino Europe/Sarajevo Europe/Skopje Europe/Stockholm "
        "Europe/Tirane Europe/Vaduz Europe/Vatican Europe/Vienna Europe/Warsaw "
        "Europe/Zagreb Europe/Zurich MET Poland"
    ),
    ("Central Indonesia Time", None): "Asia/Makassar Asia/Ujung_Pandang",
    ("Central Standard Time", "Central Daylight Time"): (
        "America/Bahia_Banderas America/Belize America/Chicago "
        "America/Chihuahua America/Costa_Rica America/El_Salvador "
        "America/Guatemala America/Indiana/Knox America/Indiana/Tell_City "
        "America/Knox_IN America/Managua America/Matamoros America/Menominee "
        "America/Merida America/Mexico_City America/Monterrey "
        "America/North_Dakota/Beulah America/North_Dakota/Center "
        "America/North_Dakota/New_Salem America/Ojinaga America/Rainy_River "
        "America/Rankin_Inlet America/Regina America/Resolute "
        "America/Swift_Current America/Tegucigalpa America/Winnipeg CST6CDT "
        "Canada/Central Canada/Saskatchewan Mexico/General US/Central "
        "US/Indiana-Starke"
    ),
    ("Chamorro Standard Time", None): "Pacific/Guam Pacific/Saipan",
    ("Chatham Standard Time", "Chatham Daylight Time"): "NZ-CHAT Pacific/Chatham",
    ("Chile Standard Time", "Chile Summer Time"): "America/Santiago Chile/Continental",
    ("China Standard Time", "China Daylight Time"): (
        "Asia/Chongqing Asia/Chungking Asia/Harbin Asia/Macao Asia/Macau Asia/Shanghai PRC"
    ),
    ("Christmas Island Time", None): "Indian/Christmas",
    ("Chuuk Time", None): "Pacific/Chuuk Pacific/Truk Pacific/Yap",
    ("Cocos Islands Time", None): "Indian/Cocos",
    ("Colombia Standard Time", "Colombia Summer Time"): "America/Bogota",
    ("Cook Islands Standard Time", "Cook Islands Summer Time"): "Pacific/Rarotonga",
    ("Coordinated Universal Time", None): "Etc/UCT Etc/UTC Etc/Universal Etc/Zulu UCT UTC Universal Zulu",
    ("Cuba Standard Time", "Cuba Daylight Time"): "America/Havana Cuba",
    ("Davis Time", None): "Antarctica/Davis",
    ("Dumont d’Urville Time", None): "Antarctica/DumontDUrville",
    ("East Africa Time", None): (
        "Africa/Addis_Ababa Africa/Asmara Africa/Asmera Africa/Dar_es_Salaam "
        "Africa/Djibouti Africa/Kampala Africa/Mogadishu Africa/Nairobi "
        "Indian/Antananarivo Indian/Comoro Indian/Mayotte"
    ),
    ("Easter Island Standard Time", "Easter Island Summer Time"): "Chile/EasterIsland Pacific/Easter",
    ("Eastern European Standard Time", "Eastern European Summer Time"): (
        "Africa/Cairo Africa/Tripoli Asia/Beirut Asia/Famagusta Asia/Gaza "
        "Asia/Hebron Asia/Nicosia EET Egypt Europe/Athens Europe/Bucharest "
        "Europe/Chisinau Europe/Helsinki Europe/Kaliningrad Europe/Kiev "
        "Europe/Kyiv Europe/Mariehamn Europe/Nicosia Europe/Riga Europe/Sofia "
        "Europe/Tallinn Europe/Tiraspol Europe/Uzhgorod Europe/Vilnius "
        "Europe/Zaporozhye Libya"
    ),
    ("Eastern Indonesia Time", None): "Asia/Jayapura",
    ("Eastern Standard Time", "Eastern Daylight Time"): (
        "America/Atikokan America/Cancun America/Cayman America/Coral_Harbour "
        "America/Detroit America/Fort_Wayne America/Grand_Turk "
        "America/Indiana/Indianapolis America/Indiana/Marengo "
        "America/Indiana/Petersburg America/Indiana/Vevay "
        "America/Indiana/Vincennes America/Indiana/Winamac America/Indianapolis "
        "America/Iqaluit America/Jamaica America/Kentucky/Louisville "
        "America/Kentucky/Monticello America/Louisville America/Montreal "
        "America/Nassau America/New_York America/Nipigon America/Panama "
        "America/Pangnirtung America/Port-au-Prince America/Thunder_Bay "
        "America/Toronto Canada/Eastern EST EST5EDT Jamaica US/East-Indiana "
        "US/Eastern US/Michigan"
    ),
    ("Ecuador Time", None): "America/Guayaquil",
    ("Falkland Islands Standard Time", "Falkland Islands Summer Time"): "Atlantic/Stanley",
    ("Fernando de Noronha Standard Time", "Fernando de Noronha Summer Time"): (
        "America/Noronha Brazil/DeNoronha"
    ),
    ("Fiji Standard Time", "Fiji Summer Time"): "Pacific/Fiji",
    ("French Guiana Time", None): "America/Cayenne",
    ("French Southern & Antarctic Time", None): "Indian/Kerguelen",
    ("GMT+00:00", "GMT+01:00"): "Africa/Casablanca Africa/El_Aaiun",
    ("Galapagos Time", None): "Pacific/Galapagos",
    ("Gambier Time", None): "Pacific/Gambier",
    ("Georgia Standard Time", "Georgia Summer Time"): "Asia/Tbilisi",
    ("Gilbert Islands Time", None): "Pacific/Tarawa",
    ("Greenland Standard Time", "Greenland Summer Time"): (
        "America/Godthab America/Nuuk America/Scoresbysund"
    ),
    ("Greenwich Mean Time", None): (
        "Africa/Abidjan Africa/Accra Africa/Bamako Africa/Banjul Africa/Bissau "
        "Africa/Conakry Africa/Dakar Africa/Freetown Africa/Lome "
        "Africa/Monrovia Africa/Nouakchott Africa/Ouagadougou Africa/Sao_Tome "
        "Africa/Timbuktu America/Danmarkshavn Antarctica/Troll "
        "Atlantic/Reykjavik Atlantic/St_Helena Etc/GMT Etc/GMT+0 Etc/GMT-0 "
        "Etc/GMT0 Etc/Greenwich Europe/Guernsey Europe/Isle_of_Man "
        "Europe/Jersey GMT GMT+0 GMT-0 GMT0 Greenwich Iceland"
    ),
    ("Greenwich Mean Time", "British Summer Time"): "Europe/Belfast Europe/London GB GB-Eire",
    ("Greenwich Mean Time", "Greenwich Mean Time"): "Eire",
    ("Greenwich Mean Time", "Irish Standard Time"): "Europe/Dublin",
    ("Gulf Standard Time", None): "Asia/Dubai Asia/Muscat",
    ("Guyana Time", None): "America/Guyana",
    ("Hawaii-Aleutian Standard Time", "Hawaii-Aleutian Daylight Time"): (
        "America/Adak America/Atka HST Pacific/Honolulu Pacific/Johnston US/Aleutian US/Hawaii"
    ),
    ("Hong Kong Standard Time", "Hong Kong Summer Time"): "Asia/Hong_Kong Hongkong",
    ("India Standard Time", None): "Asia/Calcutta Asia/Colombo Asia/Kolkata",
    ("Indian Ocean Time", None): "Indian/Chagos",
    ("Indochina Time", None): ("Asia/Bangkok Asia/Ho_Chi_Minh Asia/Phnom_Penh Asia/Saigon Asia/Vientiane"),
    ("Iran Standard Time", "Iran Daylight Time"): "Asia/Tehran Iran",
    ("Irkutsk Standard Time", "Irkutsk Summer Time"): "Asia/Irkutsk",
    ("Israel Standard Time", "Israel Daylight Time"): "Asia/Jerusalem Asia/Tel_Aviv Israel",
    ("Japan Standard Time", None): "Asia/Tokyo Japan",
    ("Kamchatka Standard Time", "Kamchatka Summer Time"): "Asia/Anadyr Asia/Kamchatka",
    ("Kazakhstan Time", None): (
        "Asia/Almaty Asia/Aqtau Asia/Aqtobe Asia/Atyrau Asia/Oral Asia/Qostanay Asia/Qyzylorda"
    ),
    ("Khovd Standard Time", "Khovd Summer Time"): "Asia/Hovd",
    ("Korean Standard Time", "Korean Daylight Time"): "Asia/Pyongyang Asia/Seoul ROK",
    ("Kosrae Time", None): "Pacific/Kosrae",
    ("Krasnoyarsk Standard Time", "Krasnoyarsk Summer Time"): (
        "Asia/Barnaul Asia/Krasnoyarsk Asia/Novokuznetsk Asia/Novosibirsk Asia/Tomsk"
    ),
    ("Kyrgyzstan Time", None): "Asia/Bishkek",
    ("Line Islands Time", None): "Pacific/Kiritimati",
    ("Lord Howe Standard Time", "Lord Howe Daylight Time"): "Australia/LHI Australia/Lord_Howe",
    ("Magadan Standard Time", "Magadan Summer Time"): "Asia/Magadan Asia/Sakhalin Asia/Srednekolymsk",
    ("Malaysia Time", None): "Asia/Kuala_Lumpur Asia/Kuching",
    ("Maldives Time", None): "Indian/Maldives",
    ("Marquesas Time", None): "Pacific/Marquesas",
    ("Marshall Islands Time", None): "Kwajalein Pacific/Kwajalein Pacific/Majuro",
    ("Mauritius Standard Time", "Mauritius Summer Time"): "Indian/Mauritius",
    ("Mawson Time", None): "Antarctica/Mawson",
    ("Mexican Pacific Standard Time", "Mexican Pacific Daylight Time"): (
        "America/Hermosillo America/Mazatlan Mexico/BajaSur"
    ),
    ("Moscow Standard Time", "Moscow Summer Time"): (
        "Europe/Kirov Europe/Minsk Europe/Moscow Europe/Simferopol Europe/Volgograd W-SU"
    ),
    ("Mountain Standard Time", "Mountain Daylight Time"): (
        "America/Boise America/Cambridge_Bay America/Ciudad_Juarez "
        "America/Creston America/Dawson_Creek America/Denver America/Edmonton "
        "America/Fort_Nelson America/Inuvik America/Phoenix America/Shiprock "
        "America/Yellowknife Canada/Mountain MST MST7MDT Navajo US/Arizona "
        "US/Mountain"
    ),
    ("Myanmar Time", None): "Asia/Rangoon Asia/Yangon",
    ("Nauru Time", None): "Pacific/Nauru",
    ("Nepal Time", None): "Asia/Kathmandu Asia/Katmandu",
    ("New Caledonia Standard Time", "New Caledonia Summer Time"): "Pacific/Noumea",
    ("New Zealand Standard Time", "New Zealand Daylight Time"): (
        "Antarctica/McMurdo Antarctica/South_Pole NZ Pacific/Auckland"
    ),
    ("Newfoundland Standard Time", "Newfoundland Daylight Time"): "America/St_Johns Canada/Newfoundland",
    ("Niue Time", None): "Pacific/Niue",
    ("Norfolk Island Standard Time", "Norfolk Island Daylight Time"): "Pacific/Norfolk",
    ("Omsk Standard Time", "Omsk Summer Time"): "Asia/Omsk",
    ("Pacific Standard Time", "Pacific Daylight Time"): (
        "America/Ensenada America/Los_Angeles America/Santa_Isabel "
        "America/Tijuana America/Vancouver Canada/Pacific Mexico/BajaNorte "
        "PST8PDT US/Pacific"
    ),
    ("Pakistan Standard Time", "Pakistan Summer Time"): "Asia/Karachi",
    ("Palau Time", None): "Pacific/Palau",
    ("Papua New Guinea Time", None): "Pacific/Port_Moresby",
    ("Paraguay Standard Time", "Paraguay Summer Time"): "America/Asuncion",
    ("Peru Standard Time", "Peru Summer Time"): "America/Lima",
    ("Philippine Standard Time", "Philippine Summer Time"): "Asia/Manila",
    ("Phoenix Islands Time", None): "Pacific/Enderbury Pacific/Kanton",
    ("Pitcairn Time", None): "Pacific/Pitcairn",
    ("Pohnpei Time", None): "Pacific/Pohnpei Pacific/Ponape",
    ("Rothera Time", None): "Antarctica/Rothera",
    ("Réunion Time", None): "Indian/Reunion",
    ("Samara Standard Time", "Samara Summer Time"): (
        "Europe/Astrakhan Europe/Samara Europe/Saratov Europe/Ulyanovsk"
    ),
    ("Samoa Standard Time", "Samoa Daylight Time"): "Pacific/Apia",
    ("Seychelles Time", None): "Indian/Mahe",
    ("Singapore Standard Time", None): "Asia/Singapore Singapore",
    ("Solomon Islands Time", None): "Pacific/Guadalcanal",
    ("South Africa Standard Time", None): "Africa/Johannesburg Africa/Maseru Africa/Mbabane",
    ("South Georgia Time", None): "Atlantic/South_Georgia",
    ("St. Pierre & Miquelon Standard Time", "St. Pierre & Miquelon Daylight Time"): "America/Miquelon",
    ("Suriname Time", None): "America/Paramaribo",
    ("Syowa Time", None): "Antarctica/Syowa",
    ("Tahiti Time", None): "Pacific/Tahiti",
    ("Taiwan Standard Time", "Taiwan Daylight Time"): "Asia/Taipei ROC",
    ("Tajikistan Time", None): "Asia/Dushanbe",
    ("Timor-Leste Time", None): "Asia/Dili",
    ("Tokelau Time", None): "Pacific/Fakaofo",
    ("Tonga Standard Time", "Tonga Summer Time"): "Pacific/Tongatapu",
    ("Turkmenistan Standard Time", "Turkmenistan Summer Time"): "Asia/Ashgabat Asia/Ashkhabad",
    ("Tuvalu Time", None): "Pacific/Funafuti",
    ("Türkiye Standard Time", "Türkiye Summer Time"): "Asia/Istanbul Europe/Istanbul Turkey",
    ("Ulaanbaatar Standard Time", "Ulaanbaatar Summer Time"): (
        "Asia/Choibalsan Asia/Ulaanbaatar Asia/Ulan_Bator"
    ),
    ("Uruguay Standard Time", "Uruguay Summer Time"): "America/Montevideo",
    ("Uzbekistan Standard Time", "Uzbekistan Summer Time"): "Asia/Samarkand Asia/Tashkent",
    ("Vanuatu Standard Time", "Vanuatu Summer Time"): "Pacific/Efate",
    ("Venezuela Time", None): "America/Caracas",
    ("Vladivostok Standard Time", "Vladivostok Summer Time"): "Asia/Ust-Nera Asia/Vladivostok",
    ("Vostok Time", None): "Antarctica/Vostok",
    ("Wake Island Time", None): "Pacific/Wake",
    ("Wallis & Futuna Time", None): "Pacific/Wallis",
    ("West Africa Time", None): (
        "Africa/Bangui Africa/Brazzaville Africa/Douala Africa/Kinshasa "
        "Africa/Lagos Africa/Libreville Africa/Luanda Africa/Malabo "
        "Africa/Ndjamena Africa/Niamey Africa/Porto-Novo"
    ),
    ("Western European Standard Time", "Western European Summer Time"): (
        "Atlantic/Canary Atlantic/Faeroe Atlantic/Faroe Atlantic/Madeira Europe/Lisbon Portugal WET"
    ),
    ("Western Indonesia Time", None): "Asia/Jakarta Asia/Pontianak",
    ("Yakutsk Standard Time", "Yakutsk Summer Time"): "Asia/Chita Asia/Khandyga Asia/Yakutsk",
    ("Yekaterinburg Standard Time", "Yekaterinburg Summer Time"): "Asia/Yekaterinburg",
    ("Yukon Time", None): "America/Dawson America/Whitehorse Canada/Yukon",
}

_NAMES_BY_ZONE: dict[str, tuple[str, str | None]] = {
    zone: names for names, zones in _ZONE_NAMES.items() for zone in zones.split()
}
