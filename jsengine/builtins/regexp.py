"""RegExp objects (ECMA-262 22.2.3-22.2.7), %RegExpStringIteratorPrototype% (22.2.7) and Annex B's
RegExp.prototype.compile (B.2.4).

The pattern engine is ``jsengine.regexp``: ``compile_pattern(source, flags)`` gives a cached matcher
whose ``match``/``search`` return flat capture index lists. A RegExp object is
``JSInternal(proto, "RegExp", RegExpData)``; its ``lastIndex`` is an ordinary own data property.

RegExpExec calls the ``exec`` found on the object like the specification; when that is the intrinsic
``RegExp.prototype.exec`` the algorithms that loop over matches (@@match, @@replace, @@split ...) take
the match as an index list and skip building the result array nobody can see.
"""

from __future__ import annotations

from ..budget import AGENT as A
from ..errors import syntax_error, type_error
from ..objects import ACC, MISSING, BuiltinFunction, JSInternal, JSObject, Prop, W, same_value
from ..ops import (
    call,
    construct,
    create_array,
    create_iter_result,
    get_prototype_from_constructor,
    is_callable,
    length_of_array_like,
    num,
    set_failure,
    species_constructor,
    to_boolean,
    to_integer_or_infinity,
    to_length,
    to_object,
    to_string,
    to_uint32,
)
from ..realm import arg, constructor, getter, method
from ..regexp import RegExpSyntaxError, compile_pattern
from ..values import SYM, UNDEFINED
from .iterator import incompatible, make_iterator_prototype, receiver_text
from .string import get_substitution, is_regexp, reserve_string


class RegExpData:
    """The internal slots [[RegExpMatcher]], [[OriginalSource]], [[OriginalFlags]]."""

    __slots__ = ("canonical_flags", "escaped", "flags", "matcher", "source")

    def __init__(self, matcher, source: str, flags: str) -> None:
        self.matcher = matcher
        self.source = source
        self.flags = flags
        self.escaped = None  # EscapeRegExpPattern(source), computed on first use
        self.canonical_flags = "".join(c for c in "gimsuy" if c in flags)  # what the flags getter returns


def _is_regexp_object(v) -> bool:
    """Has a [[RegExpMatcher]] internal slot."""
    return type(v) is JSInternal and v.kind == "RegExp"


def _require_regexp(v, name: str) -> JSInternal:
    if type(v) is JSInternal and v.kind == "RegExp" and v.data is not None:
        return v
    raise incompatible(name, v)


def _require_object(v, name: str) -> JSObject:
    if isinstance(v, JSObject):
        return v
    raise incompatible(name, v)


# -- lastIndex ----------------------------------------------------------------------------------------


def _set_last_index(r, value) -> None:
    """Set(R, "lastIndex", value, true)."""
    if type(r) is JSInternal:
        p = r.props.get("lastIndex", MISSING)
        if type(p) is Prop and p.flags == W:  # the instance's own writable data property
            r.props["lastIndex"] = Prop(value, W)
            return
    if not r.set("lastIndex", value, r):
        if _is_regexp_object(r):
            raise type_error("Cannot assign to read only property 'lastIndex' of object '[object RegExp]'")
        raise set_failure(r, "lastIndex")


def _get_last_index(r) -> int:
    """ToLength(? Get(R, "lastIndex"))."""
    v = r.get("lastIndex")
    if type(v) is int and v >= 0:
        return v
    return to_length(v)


# 22.2.5.2.3 AdvanceStringIndex ( S, index, unicode )
def advance_string_index(s: str, index: int, unicode: bool):
    if not unicode or index + 1 >= len(s):
        return num(index + 1)
    if "\ud800" <= s[index] <= "\udbff" and "\udc00" <= s[index + 1] <= "\udfff":
        return index + 2
    return index + 1


# -- 22.2.3 Abstract operations for the RegExp constructor --------------------------------------------


# 22.2.3.1 RegExpAlloc ( newTarget )
def regexp_alloc(new_target) -> JSInternal:
    proto = get_prototype_from_constructor(new_target, "RegExpPrototype")
    obj = JSInternal(proto, "RegExp", None)
    obj.props["lastIndex"] = Prop(UNDEFINED, W)
    return obj


# 22.2.3.2 RegExpInitialize ( obj, pattern, flags )
def regexp_initialize(obj: JSInternal, pattern, flags) -> JSInternal:
    p = "" if pattern is UNDEFINED else to_string(pattern)
    f = "" if flags is UNDEFINED else to_string(flags)
    try:
        m = compile_pattern(p, f)
    except RegExpSyntaxError as e:
        raise syntax_error(str(e)) from None
    obj.data = RegExpData(m, p, f)
    _set_last_index(obj, 0)
    return obj


_DATA_CACHE: dict = {}  # (source, flags) -> RegExpData: immutable apart from its lazily filled fields
_LAST_INDEX_0 = Prop(0, W)


# 22.2.3.3 RegExpCreate ( P, F )
def regexp_create(pattern, flags) -> JSInternal:
    """A new RegExp of the current realm (regex literals, String.prototype.match/matchAll/search)."""
    if type(pattern) is str and type(flags) is str:
        data = _DATA_CACHE.get((pattern, flags))
        if data is not None:
            obj = JSInternal(A.realm.RegExpPrototype, "RegExp", data)
            obj.props["lastIndex"] = _LAST_INDEX_0
            return obj
    obj = JSInternal(A.realm.RegExpPrototype, "RegExp", None)
    obj.props["lastIndex"] = Prop(UNDEFINED, W)
    regexp_initialize(obj, pattern, flags)
    if type(pattern) is str and type(flags) is str:
        if len(_DATA_CACHE) >= 4096:
            _DATA_CACHE.clear()
        _DATA_CACHE[(pattern, flags)] = obj.data
    return obj


_LINE_ESCAPES = {"\n": "\\n", "\r": "\\r", "\u2028": "\\u2028", "\u2029": "\\u2029"}


# 22.2.3.4 EscapeRegExpPattern ( P, F )
def escape_regexp_pattern(src: str) -> str:
    """The source as it can appear between slashes: "/" and line terminators escaped, "" -> "(?:)"."""
    if src == "":
        return "(?:)"
    if "/" not in src and not any(c in src for c in _LINE_ESCAPES):
        return src
    out = []
    in_class = False
    i = 0
    n = len(src)
    while i < n:
        c = src[i]
        if c == "\\" and i + 1 < n:
            d = src[i + 1]
            out.append(_LINE_ESCAPES.get(d, c + d))
            i += 2
            continue
        if c == "/" and not in_class:
            out.append("\\/")
        elif c in _LINE_ESCAPES:
            out.append(_LINE_ESCAPES[c])
        else:
            if c == "[":
                in_class = True
            elif c == "]":
                in_class = False
            out.append(c)
        i += 1
    return "".join(out)


# -- 22.2.3.1 The RegExp constructor ------------------------------------------------------------------


# 22.2.3.1 RegExp ( pattern, flags )
def regexp_call(this, args: list):
    return regexp_construct(args, UNDEFINED)


def regexp_construct(args: list, new_target):
    pattern = arg(args, 0)
    flags = arg(args, 1)
    pattern_is_regexp = is_regexp(pattern)
    if new_target is UNDEFINED:
        new_target = A.realm.RegExp  # the active function object
        if pattern_is_regexp and flags is UNDEFINED and same_value(new_target, pattern.get("constructor")):
            return pattern
    if _is_regexp_object(pattern) and pattern.data is not None:
        p = pattern.data.source
        f = pattern.data.flags if flags is UNDEFINED else flags
    elif pattern_is_regexp:
        p = pattern.get("source")
        f = pattern.get("flags") if flags is UNDEFINED else flags
    else:
        p, f = pattern, flags
    obj = regexp_alloc(new_target)
    return regexp_initialize(obj, p, f)


# 22.2.4.2 get RegExp [ @@species ]
def regexp_species(this, args: list):
    return this


# -- 22.2.5 RegExp.prototype: exec and RegExpExec ------------------------------------------------------


# 22.2.5.2.2 RegExpBuiltinExec ( R, S ), up to the match: (flat index list, matcher), or None
def _builtin_exec_raw(r: JSInternal, s: str):
    last_index = _get_last_index(r)
    m = r.data.matcher
    sticky = m.sticky
    global_or_sticky = m.global_ or sticky
    if not global_or_sticky:
        last_index = 0
    if last_index > len(s):
        if global_or_sticky:
            _set_last_index(r, 0)
        return None
    res = m.match(s, last_index, A.charge) if sticky else m.search(s, last_index, A.charge)
    if res is None:
        if global_or_sticky:
            _set_last_index(r, 0)
        return None
    if global_or_sticky:
        _set_last_index(r, res[1])
    return res, m


def _groups_object(matcher, captures: list):
    """The ``groups`` object: null-prototype, one property per named group (captures[0] is the match)."""
    names = matcher.group_names
    if not names:
        return UNDEFINED
    groups = JSObject(None)
    for name, index in names.items():
        groups.props[name] = captures[index]
    return groups


def _captures(s: str, res: list, n_groups: int) -> list:
    """[matched, capture 1, ...]: Strings, undefined for unmatched groups."""
    out = [s[res[0]:res[1]]]
    for i in range(2, 2 * n_groups + 2, 2):
        a = res[i] if i < len(res) else -1
        out.append(UNDEFINED if a < 0 else s[a:res[i + 1]])
    return out


def _result_array(matcher, s: str, res: list):
    """The exec result: [matched, captures...] with index, input and groups (22.2.5.2.2 steps 16-26)."""
    items = _captures(s, res, matcher.n_groups)
    if len(items) > 64:
        A.charge(len(items) >> 4)
    a = create_array(items)
    a.props["index"] = res[0]
    a.props["input"] = s
    a.props["groups"] = _groups_object(matcher, items)
    return a


def regexp_builtin_exec(r: JSInternal, s: str):
    """RegExpBuiltinExec (22.2.5.2.2): the result array or null."""
    found = _builtin_exec_raw(r, s)
    return None if found is None else _result_array(found[1], s, found[0])


# 22.2.5.2 RegExp.prototype.exec ( string )
def regexp_prototype_exec(this, args: list):
    r = _require_regexp(this, "RegExp.prototype.exec")
    s = arg(args, 0)
    if type(s) is not str:
        s = to_string(s)
    return regexp_builtin_exec(r, s)


def _is_intrinsic_exec(f) -> bool:
    return type(f) is BuiltinFunction and f.fn is regexp_prototype_exec and f.realm is A.realm


def _exec_raw(r, s: str):
    """RegExpExec (22.2.5.2.1) for the algorithms below. Returns None for null; a (matches, matcher)
    tuple when the intrinsic exec ran (no result array made); else the object a user exec returned."""
    ex = r.get("exec")
    if is_callable(ex):
        if _is_intrinsic_exec(ex) and _is_regexp_object(r) and r.data is not None:
            return _builtin_exec_raw(r, s)
        result = call(ex, r, [s])
        if result is not None and not isinstance(result, JSObject):
            raise type_error("RegExp exec method returned something other than an Object or null")
        return result
    r = _require_regexp(r, "RegExp.prototype.exec")
    return _builtin_exec_raw(r, s)


# 22.2.5.2.1 RegExpExec ( R, S )
def regexp_exec(r, s: str):
    result = _exec_raw(r, s)
    if type(result) is tuple:
        res, m = result
        return _result_array(m, s, res)
    return result


def _matched_string(result, s: str) -> str:
    """ToString(? Get(result, "0"))."""
    if type(result) is tuple:
        res = result[0]
        return s[res[0]:res[1]]
    return to_string(result.get("0"))


def _advance_after_empty(rx, s: str, full_unicode: bool) -> None:
    this_index = _get_last_index(rx)
    _set_last_index(rx, advance_string_index(s, this_index, full_unicode))


# -- 22.2.5 RegExp.prototype: accessors --------------------------------------------------------------


# 22.2.5.4 get RegExp.prototype.flags
def regexp_flags(this, args: list):
    if not isinstance(this, JSObject):
        raise type_error(f"RegExp.prototype.flags getter called on non-object {receiver_text(this)}")
    out = ""
    if to_boolean(this.get("global")):
        out += "g"
    if to_boolean(this.get("ignoreCase")):
        out += "i"
    if to_boolean(this.get("multiline")):
        out += "m"
    if to_boolean(this.get("dotAll")):
        out += "s"
    if to_boolean(this.get("unicode")):
        out += "u"
    if to_boolean(this.get("sticky")):
        out += "y"
    return out


_PRISTINE_KEYS = ("exec", "flags", "global", "ignoreCase", "multiline", "dotAll", "unicode", "sticky")


def _pristine(rx):
    """The RegExpData of ``rx`` when it is a RegExp of the current realm whose only own property is
    lastIndex and whose exec, flags and flag getters are RegExp.prototype's untouched intrinsics: then
    reading them runs nothing observable, and the algorithms below may use the matcher directly."""
    if type(rx) is JSInternal and rx.kind == "RegExp" and rx.data is not None:
        realm = A.realm
        proto = realm.RegExpPrototype
        if rx.proto is proto and len(rx.props) == 1:
            pprops = proto.props
            for key, p in zip(_PRISTINE_KEYS, realm.RegExpPristineProps):
                if pprops.get(key) is not p:
                    return None
            return rx.data
    return None


def _get_flags(rx) -> str:
    """ToString(? Get(rx, "flags"))."""
    d = _pristine(rx)
    if d is not None:
        return d.canonical_flags
    return to_string(rx.get("flags"))


def _flag_getter(name: str, flag: str):
    # 22.2.5.4.1 RegExpHasFlag ( R, codeUnit )
    def get_flag(this, args: list):
        if type(this) is JSInternal and this.kind == "RegExp" and this.data is not None:
            return flag in this.data.flags
        if this is A.realm.RegExpPrototype:
            return UNDEFINED
        raise type_error(f"RegExp.prototype.{name} getter called on non-RegExp object")
    return get_flag


# 22.2.5.12 get RegExp.prototype.source
def regexp_source(this, args: list):
    if type(this) is JSInternal and this.kind == "RegExp" and this.data is not None:
        d = this.data
        if d.escaped is None:
            d.escaped = escape_regexp_pattern(d.source)
        return d.escaped
    if this is A.realm.RegExpPrototype:
        return "(?:)"
    raise type_error("RegExp.prototype.source getter called on non-RegExp object")


# -- 22.2.5 RegExp.prototype methods --------------------------------------------------------------------


# 22.2.5.13 RegExp.prototype.test ( S )
def regexp_test(this, args: list):
    r = _require_object(this, "RegExp.prototype.test")
    s = to_string(arg(args, 0))
    return _exec_raw(r, s) is not None


# 22.2.5.14 RegExp.prototype.toString ( )
def regexp_to_string(this, args: list):
    r = _require_object(this, "RegExp.prototype.toString")
    pattern = to_string(r.get("source"))
    flags = _get_flags(r)
    return f"/{pattern}/{flags}"


# B.2.4.1 RegExp.prototype.compile ( pattern, flags )
def regexp_compile(this, args: list):
    o = _require_regexp(this, "RegExp.prototype.compile")
    pattern = arg(args, 0)
    flags = arg(args, 1)
    if _is_regexp_object(pattern) and pattern.data is not None:
        if flags is not UNDEFINED:
            raise type_error("Cannot supply flags when constructing one RegExp from another")
        p = pattern.data.source
        f = pattern.data.flags
    else:
        p, f = pattern, flags
    return regexp_initialize(o, p, f)


# 22.2.5.6 RegExp.prototype [ @@match ] ( string )
def regexp_symbol_match(this, args: list):
    rx = _require_object(this, "RegExp.prototype.@@match")
    s = to_string(arg(args, 0))
    d = _pristine(rx)
    if d is not None and d.matcher.global_:
        _set_last_index(rx, 0)
        matches = _all_matches(d.matcher, s)
        _set_last_index(rx, 0)
        if not matches:
            return None
        if len(matches) > 4096:
            reserve_string(sum(res[1] - res[0] + 16 for res in matches))
        return create_array([s[res[0]:res[1]] for res in matches])
    flags = _get_flags(rx)
    if "g" not in flags:
        return regexp_exec(rx, s)
    full_unicode = "u" in flags
    _set_last_index(rx, 0)
    out = []
    total = 0
    limit = 4096
    while True:
        result = _exec_raw(rx, s)
        if result is None:
            return None if not out else create_array(out)
        match_str = _matched_string(result, s)
        out.append(match_str)
        total += len(match_str) + 16
        if len(out) & 1023 == 0:
            A.charge(64)
            if total > limit:
                reserve_string(total)
                limit = 2 * total
        if match_str == "":
            _advance_after_empty(rx, s, full_unicode)


# 22.2.5.7 RegExp.prototype [ @@matchAll ] ( string )
def regexp_symbol_match_all(this, args: list):
    r = _require_object(this, "RegExp.prototype.@@matchAll")
    s = to_string(arg(args, 0))
    c = species_constructor(r, A.realm.RegExp)
    flags = _get_flags(r)
    matcher = construct(c, [r, flags])
    last_index = _get_last_index(r)
    _set_last_index(matcher, last_index)
    # 22.2.7.1 CreateRegExpStringIterator ( R, S, global, fullUnicode )
    return JSInternal(A.realm.RegExpStringIteratorPrototype, "RegExpStringIterator",
                      [matcher, s, "g" in flags, "u" in flags, False])


# 22.2.7.2.1 %RegExpStringIteratorPrototype%.next ( )
def regexp_string_iterator_next(this, args: list):
    if type(this) is not JSInternal or this.kind != "RegExpStringIterator":
        raise incompatible("%RegExpStringIterator%.prototype.next", this)
    state = this.data
    r, s, global_, full_unicode, done = state
    if done:
        return create_iter_result(UNDEFINED, True)
    match = regexp_exec(r, s)
    if match is None:
        state[4] = True
        return create_iter_result(UNDEFINED, True)
    if global_:
        if to_string(match.get("0")) == "":
            _advance_after_empty(r, s, full_unicode)
        return create_iter_result(match, False)
    state[4] = True
    return create_iter_result(match, False)


# 22.2.5.9 RegExp.prototype [ @@replace ] ( string, replaceValue )
def regexp_symbol_replace(this, args: list):
    rx = _require_object(this, "RegExp.prototype.@@replace")
    s = to_string(arg(args, 0))
    length_s = len(s)
    replace_value = arg(args, 1)
    functional = is_callable(replace_value)
    if not functional:
        replace_value = to_string(replace_value)
    d = _pristine(rx)
    if d is not None:
        # nothing observable happens until the replacements: find the matches with the matcher
        m = d.matcher
        if m.global_:
            _set_last_index(rx, 0)
            matches = _all_matches(m, s)
            _set_last_index(rx, 0)
        else:
            found = _builtin_exec_raw(rx, s)  # (ToLength(lastIndex) may run code that recompiles rx)
            if found is None:
                return s
            matches, m = [found[0]], found[1]
        return _replace_matches(s, m, matches, replace_value, functional)
    flags = to_string(rx.get("flags"))
    global_ = "g" in flags
    full_unicode = False
    if global_:
        full_unicode = "u" in flags
        _set_last_index(rx, 0)
    results = []
    while True:
        result = _exec_raw(rx, s)
        if result is None:
            break
        results.append(result)
        if not global_:
            break
        A.charge(1)
        if _matched_string(result, s) == "":
            _advance_after_empty(rx, s, full_unicode)
    out = []
    total = 0
    limit = 4096
    next_source_position = 0
    for result in results:
        if type(result) is tuple:
            res, m = result
            captures = _captures(s, res, m.n_groups)
            named = _groups_object(m, captures)
            matched = captures.pop(0)
            position = res[0]
        else:
            n_captures = max(length_of_array_like(result) - 1, 0)
            matched = to_string(result.get("0"))
            position = to_integer_or_infinity(result.get("index"))
            position = int(max(min(position, length_s), 0))
            captures = []
            for n in range(1, n_captures + 1):
                cap = result.get(str(n))
                if cap is not UNDEFINED:
                    cap = to_string(cap)
                captures.append(cap)
            named = result.get("groups")
        if functional:
            repl_args = [matched, *captures, position, s]
            if named is not UNDEFINED:
                repl_args.append(named)
            replacement = to_string(call(replace_value, UNDEFINED, repl_args))
        else:
            if named is not UNDEFINED:
                named = to_object(named)
            replacement = get_substitution(matched, s, position, captures, named, replace_value)
        if position >= next_source_position:
            piece = s[next_source_position:position]
            total += len(piece) + len(replacement)
            if total > limit:
                reserve_string(total)
                limit = 2 * total
            out.append(piece)
            out.append(replacement)
            next_source_position = position + len(matched)
    if next_source_position < length_s:
        out.append(s[next_source_position:])
    return "".join(out)


def _all_matches(m, s: str) -> list:
    """The matches a global RegExp's exec loop finds from lastIndex 0 (as in @@match/@@replace): each
    next search starts at the previous end, one character further after an empty match."""
    out = []
    append = out.append
    n = len(s)
    start = 0
    u = m.unicode
    find = m.match if m.sticky else m.search
    charge = A.charge
    count = 0
    while start <= n:
        res = find(s, start, charge)
        if res is None:
            break
        append(res)
        e = res[1]
        start = e if e > res[0] else advance_string_index(s, e, u)
        count += 1
        if count & 255 == 0:
            charge(16)
            A.alloc(256 * 64)
    return out


def _replace_matches(s: str, m, matches: list, replace_value, functional: bool) -> str:
    """@@replace steps 14-15 for matches found by the matcher (flat index lists, ascending)."""
    if not matches:
        return s
    n_groups = m.n_groups
    simple = not functional and "$" not in replace_value
    out = []
    total = 0
    limit = 4096
    nsp = 0
    for res in matches:
        position = res[0]
        if simple:
            replacement = replace_value
        else:
            caps = _captures(s, res, n_groups)
            named = _groups_object(m, caps)
            if functional:
                caps.append(position)
                caps.append(s)
                if named is not UNDEFINED:
                    caps.append(named)
                replacement = to_string(call(replace_value, UNDEFINED, caps))
            else:
                replacement = get_substitution(caps[0], s, position, caps[1:], named, replace_value)
        piece = s[nsp:position]
        total += len(piece) + len(replacement)
        if total > limit:
            reserve_string(total)
            limit = 2 * total
        out.append(piece)
        out.append(replacement)
        nsp = res[1]
    if nsp < len(s):
        out.append(s[nsp:])
    return "".join(out)


# 22.2.5.10 RegExp.prototype [ @@search ] ( string )
def regexp_symbol_search(this, args: list):
    rx = _require_object(this, "RegExp.prototype.@@search")
    s = to_string(arg(args, 0))
    previous = rx.get("lastIndex")
    if not same_value(previous, 0):
        _set_last_index(rx, 0)
    result = _exec_raw(rx, s)
    current = rx.get("lastIndex")
    if not same_value(current, previous):
        _set_last_index(rx, previous)
    if result is None:
        return -1
    if type(result) is tuple:
        return result[0][0]
    return result.get("index")


def _split_fast(splitter: JSInternal) -> bool:
    """True when RegExpExec(splitter, ...) would run the intrinsic exec unobservably: the splitter was
    made by the intrinsic %RegExp% and its ``exec`` is the intrinsic data property."""
    if "exec" in splitter.props or splitter.proto is not A.realm.RegExpPrototype:
        return False
    ex = splitter.proto.props.get("exec", MISSING)
    if type(ex) is Prop:
        if ex.flags & ACC:
            return False
        ex = ex.value
    return _is_intrinsic_exec(ex)


def _pristine_species(rx):
    """The RegExpData of a pristine ``rx`` (see _pristine) whose SpeciesConstructor is %RegExp% read
    through untouched intrinsic properties, so that constructing the splitter is unobservable."""
    d = _pristine(rx)
    if d is None:
        return None
    realm = A.realm
    ctor_prop, match_prop, species_prop = realm.RegExpSpeciesProps
    pprops = realm.RegExpPrototype.props
    if (pprops.get("constructor") is not ctor_prop or pprops.get(SYM.match) is not match_prop
            or realm.RegExp.props.get(SYM.species) is not species_prop):
        return None
    return d


def _split_matches(s: str, m, lim: int, unicode: bool) -> list:
    """@@split steps 13-20 when the splitter is a RegExp running the intrinsic exec: ``m`` is its
    matcher without the sticky flag, so one search finds the next position where the sticky match
    of the specification would succeed."""
    size = len(s)
    charge = A.charge
    if size == 0:
        return [] if m.match(s, 0, charge) is not None else [s]
    out = []
    append = out.append
    search = m.search
    n_groups = m.n_groups
    p = 0
    q = 0
    while q < size:
        res = search(s, q, charge)
        if res is None:
            break
        q = res[0]
        if q >= size:
            break
        e = res[1]
        if e == p:
            q = advance_string_index(s, q, unicode)
            continue
        append(s[p:q])
        if n_groups:
            for i in range(2, 2 * n_groups + 2, 2):
                if len(out) == lim:
                    return out
                a = res[i]
                append(UNDEFINED if a < 0 else s[a:res[i + 1]])
        count = len(out)
        if count >= lim:
            return out
        if count & 255 == 0:
            charge(16)
            A.alloc(256 * 64)
        p = q = e
    append(s[p:])
    return out


# 22.2.5.13 RegExp.prototype [ @@split ] ( string, limit )
def regexp_symbol_split(this, args: list):
    rx = _require_object(this, "RegExp.prototype.@@split")
    s = to_string(arg(args, 0))
    limit = arg(args, 1)
    d = _pristine_species(rx)
    if d is not None:
        lim = 0xFFFFFFFF if limit is UNDEFINED else to_uint32(limit)
        if lim == 0:
            return create_array([])
        m = compile_pattern(d.source, d.flags.replace("y", ""))
        return create_array(_split_matches(s, m, lim, m.unicode))
    realm = A.realm
    c = species_constructor(rx, realm.RegExp)
    flags = _get_flags(rx)
    unicode_matching = "u" in flags
    new_flags = flags if "y" in flags else flags + "y"
    splitter = construct(c, [rx, new_flags])
    out = []
    lim = 0xFFFFFFFF if limit is UNDEFINED else to_uint32(limit)
    if lim == 0:
        return create_array(out)
    if c is realm.RegExp and _is_regexp_object(splitter) and _split_fast(splitter):
        d = splitter.data
        m = compile_pattern(d.source, d.flags.replace("y", ""))
        return create_array(_split_matches(s, m, lim, unicode_matching))
    size = len(s)
    if size == 0:
        if regexp_exec(splitter, s) is not None:
            return create_array(out)
        return create_array([s])
    p = 0
    q = 0
    while q < size:
        _set_last_index(splitter, q)
        z = _exec_raw(splitter, s)
        if z is None:
            q = advance_string_index(s, q, unicode_matching)
            continue
        e = min(_get_last_index(splitter), size)
        if e == p:
            q = advance_string_index(s, q, unicode_matching)
            continue
        out.append(s[p:q])
        if len(out) == lim:
            return create_array(out)
        p = e
        if type(z) is tuple:
            res, zm = z
            captures = _captures(s, res, zm.n_groups)[1:]
        else:
            n_captures = max(length_of_array_like(z) - 1, 0)
            captures = [z.get(str(i)) for i in range(1, n_captures + 1)]
        for cap in captures:
            out.append(cap)
            if len(out) == lim:
                return create_array(out)
        q = p
    out.append(s[p:])
    return create_array(out)


# -- setup -------------------------------------------------------------------------------------------


def setup(realm) -> None:
    """Create RegExp, RegExp.prototype and %RegExpStringIteratorPrototype%."""
    proto = JSObject(realm.ObjectPrototype)  # an ordinary object, not a RegExp instance (22.2.5)
    realm.RegExpPrototype = proto
    ctor = constructor(realm, "RegExp", regexp_call, regexp_construct, 2, proto)
    realm.RegExp = ctor
    getter(realm, ctor, SYM.species, regexp_species)

    realm.RegExpExec = method(realm, proto, "exec", regexp_prototype_exec, 1)
    getter(realm, proto, "dotAll", _flag_getter("dotAll", "s"))
    getter(realm, proto, "flags", regexp_flags)
    getter(realm, proto, "global", _flag_getter("global", "g"))
    getter(realm, proto, "ignoreCase", _flag_getter("ignoreCase", "i"))
    method(realm, proto, SYM.match, regexp_symbol_match, 1)
    method(realm, proto, SYM.matchAll, regexp_symbol_match_all, 1)
    getter(realm, proto, "multiline", _flag_getter("multiline", "m"))
    method(realm, proto, SYM.replace, regexp_symbol_replace, 2)
    method(realm, proto, SYM.search, regexp_symbol_search, 1)
    getter(realm, proto, "source", regexp_source)
    method(realm, proto, SYM.split, regexp_symbol_split, 2)
    getter(realm, proto, "sticky", _flag_getter("sticky", "y"))
    method(realm, proto, "test", regexp_test, 1)
    method(realm, proto, "toString", regexp_to_string, 0)
    getter(realm, proto, "unicode", _flag_getter("unicode", "u"))
    method(realm, proto, "compile", regexp_compile, 2)  # B.2.4.1
    realm.RegExpPristineProps = tuple(proto.props[k] for k in _PRISTINE_KEYS)  # see _pristine
    realm.RegExpSpeciesProps = (proto.props["constructor"], proto.props[SYM.match], ctor.props[SYM.species])

    it_proto = make_iterator_prototype(realm, "RegExp String Iterator", regexp_string_iterator_next)
    realm.RegExpStringIteratorPrototype = it_proto
    realm.define_global("RegExp", ctor)


__all__ = ["advance_string_index", "escape_regexp_pattern", "regexp_builtin_exec", "regexp_create",
           "regexp_exec", "setup"]
