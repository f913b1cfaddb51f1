"""console, with values formatted as Node's util.inspect prints them for the common cases."""

from __future__ import annotations

import math
import re
import time

from ..budget import AGENT as A
from ..objects import ACC, MISSING, E, JSArray, JSFunction, JSInternal, JSObject, Prop, ordered_keys
from ..values import HOLE, UNDEFINED, JSBigInt, JSSymbol, JSUndefined, to_display
from ..realm import method

BREAK_LENGTH = 80
MAX_ARRAY = 100
MAX_STRING = 10000
DEPTH = 2
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z_0-9]*$")


class Ctx:
    __slots__ = ("seen", "indentation", "current_depth", "circular", "budget_chars")

    def __init__(self) -> None:
        self.seen: list = []
        self.indentation = 0
        self.current_depth = 0
        self.circular: dict = {}
        self.budget_chars = 0


def str_escape(s: str) -> str:
    """Quote a string as util.inspect does (single quotes unless the string contains them)."""
    quote = "'"
    if "'" in s:
        if '"' not in s:
            quote = '"'
        elif "`" not in s and "${" not in s:
            quote = "`"
    out = []
    for ch in s:
        o = ord(ch)
        if ch == quote or ch == "\\":
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\b":
            out.append("\\b")
        elif ch == "\f":
            out.append("\\f")
        elif ch == "\v":
            out.append("\\v")
        elif o < 0x20 or o == 0x7F:
            out.append(f"\\x{o:02X}")
        elif 0xD800 <= o <= 0xDFFF:
            out.append(ch)
        else:
            out.append(ch)
    return quote + to_display("".join(out)) + quote


def number_text(v) -> str:
    if type(v) is float and v == 0 and math.copysign(1, v) < 0:
        return "-0"
    from ..ops import number_to_string

    return number_to_string(v)


def format_primitive(v, ctx: Ctx, quote_strings: bool = True) -> str:
    t = type(v)
    if t is str:
        if not quote_strings:
            return to_display(v)
        trailer = ""
        if len(v) > MAX_STRING:
            trailer = f"... {len(v) - MAX_STRING} more characters"
            v = v[:MAX_STRING]
        if len(v) > 16 and len(v) > BREAK_LENGTH - ctx.indentation - 4 and "\n" in v[:-1]:
            parts = re.findall(r"[^\n]*\n|[^\n]+$", v)
            return " +\n".join(str_escape(p) for p in parts) + trailer
        return str_escape(v) + trailer
    if t is int or t is float:
        return number_text(v)
    if t is bool:
        return "true" if v else "false"
    if v is None:
        return "null"
    if t is JSUndefined:
        return "undefined"
    if t is JSSymbol:
        return to_display(v.descriptive_string())
    if t is JSBigInt:
        return f"{v.value}n"
    return str(v)


def _own(o, key):
    p = o.get_own_property(key)
    if p is MISSING:
        return MISSING
    return p


def _proto_chain_ctor_name(o):
    """The constructor name from the first prototype that has an own ``constructor``."""
    cur = o
    depth = 0
    while cur is not None and depth < 1000:
        p = cur.props.get("constructor", MISSING) if cur.ordinary_get or isinstance(cur, JSArray) else MISSING
        if p is not MISSING:
            f = p.value if type(p) is Prop else p
            if isinstance(f, JSFunction):
                n = f.props.get("name", MISSING)
                n = n.value if type(n) is Prop else n
                if type(n) is str and n:
                    return n
        cur = cur.proto
        depth += 1
    return None


def _fn_base(f) -> str:
    from ..ops import typeof  # noqa: F401

    name = f.props.get("name", MISSING)
    name = name.value if type(name) is Prop else name
    code = getattr(f, "code", None)
    src = getattr(code, "source_text", "") if code is not None else ""
    if code is not None and getattr(code, "is_class_ctor", False) or (src.startswith("class") and code is not None):
        base = f"[class {name}]" if name else "[class (anonymous)]"
        if code.derived:
            parent = f.proto
            pn = parent.props.get("name", MISSING) if parent is not None else MISSING
            pn = pn.value if type(pn) is Prop else pn
            if type(pn) is str and pn:
                base = base[:-1] + f" extends {pn}]"
        return base
    kind = "Function"
    if code is not None:
        if getattr(code, "generator", False) and getattr(code, "is_async", False):
            kind = "AsyncGeneratorFunction"
        elif getattr(code, "generator", False):
            kind = "GeneratorFunction"
        elif getattr(code, "is_async", False):
            kind = "AsyncFunction"
    if type(name) is str and name:
        return f"[{kind}: {to_display(name)}]"
    return f"[{kind} (anonymous)]"


def _key_text(k) -> str:
    if type(k) is JSSymbol:
        return f"[{to_display(k.descriptive_string())}]"
    if _IDENT.match(k):
        return k
    return str_escape(k)


def _property(o, k, ctx: Ctx, depth: int, array_like: bool = False) -> str:
    p = o.get_own_property(k)
    if type(p) is Prop and p.flags & ACC:
        g = p.getter is not UNDEFINED
        s = p.setter is not UNDEFINED
        val = "[Getter/Setter]" if g and s else "[Getter]" if g else "[Setter]" if s else "undefined"
    else:
        v = p.value if type(p) is Prop else p
        ctx.indentation += 2
        val = format_value(v, ctx, depth + 1)
        ctx.indentation -= 2
    if array_like:
        return val
    return f"{_key_text(k)}: {val}"


def _enumerable_keys(o) -> list:
    out = []
    for k in o.own_keys():
        p = o.get_own_property(k)
        if p is MISSING:
            continue
        if type(p) is Prop and not p.flags & E:
            continue
        out.append(k)
    return out


def _group_array_elements(ctx: Ctx, output: list, values: list | None) -> list:
    total = 0
    max_len = 0
    out_len = len(output)
    if values is not None and len(values) < out_len:
        pass
    has_more = out_len > 0 and output[-1].startswith("... ") and output[-1].endswith(" more items")
    if has_more:
        out_len -= 1
    sep = 2
    data_len = []
    for i in range(out_len):
        n = len(output[i])
        data_len.append(n)
        total += n + sep
        if max_len < n:
            max_len = n
    actual_max = max_len + sep
    if actual_max * 3 + ctx.indentation < BREAK_LENGTH and (total / actual_max > 5 or max_len <= 6):
        average_bias = math.sqrt(actual_max - total / len(output))
        biased_max = max(actual_max - 3 - average_bias, 1)
        columns = min(round(math.sqrt(2.5 * biased_max * out_len) / biased_max),
                      (BREAK_LENGTH - ctx.indentation) // actual_max, 3 * 4, 15)
        if columns <= 1:
            return output
        tmp = []
        max_line = []
        for i in range(columns):
            line = 0
            for j in range(i, len(output), columns):
                if j < out_len and data_len[j] > line:
                    line = data_len[j]
            max_line.append(line + sep)
        pad_start = values is not None and all(
            (type(v) in (int, float, JSBigInt)) for v in values[:out_len])
        for i in range(0, out_len, columns):
            mx = min(i + columns, out_len)
            s = ""
            j = i
            while j < mx - 1:
                cell = output[j] + ", "
                s += cell.rjust(max_line[j - i]) if pad_start else cell.ljust(max_line[j - i])
                j += 1
            if pad_start:
                s += output[j].rjust(max_line[j - i] - sep)
            else:
                s += output[j]
            tmp.append(s)
        if has_more:
            tmp.append(output[out_len])
        return tmp
    return output


def _reduce(ctx: Ctx, output: list, base: str, braces: tuple, is_array: bool, depth: int,
            values: list | None = None) -> str:
    entries = len(output)
    if is_array and entries > 6:
        output = _group_array_elements(ctx, output, values)
    if ctx.current_depth - depth < 3 and entries == len(output):
        start = len(output) + ctx.indentation + len(braces[0]) + len(base) + 10
        total = len(output) + start
        fits = total + len(output) <= BREAK_LENGTH
        if fits:
            for e in output:
                total += len(e)
                if total > BREAK_LENGTH:
                    fits = False
                    break
        if fits and "\n" not in base:
            joined = ", ".join(output)
            if "\n" not in joined:
                return f"{base + ' ' if base else ''}{braces[0]} {joined} {braces[1]}"
    ind = "\n" + " " * ctx.indentation
    return f"{base + ' ' if base else ''}{braces[0]}{ind}  {(',' + ind + '  ').join(output)}{ind}{braces[1]}"


def format_value(v, ctx: Ctx, depth: int = 0) -> str:
    if not isinstance(v, JSObject):
        return format_primitive(v, ctx)
    A.charge(1)
    if v in ctx.seen:
        idx = ctx.circular.get(id(v))
        if idx is None:
            idx = len(ctx.circular) + 1
            ctx.circular[id(v)] = idx
        return f"[Circular *{idx}]"
    return _format_raw(v, ctx, depth)


def _format_raw(o, ctx: Ctx, depth: int) -> str:
    target = getattr(o, "proxy_target", None)
    if target is not None:
        return format_value(target, ctx, depth)  # Node shows a proxy's target, running no traps
    kind = getattr(o, "kind", None)
    if kind == "TypedArray":
        return _format_typed_array(o, ctx, depth)
    if kind in ("ArrayBuffer", "SharedArrayBuffer"):
        return _format_array_buffer(o, kind)
    ctor = _proto_chain_ctor_name(o)
    null_proto = o.proto is None
    keys = _enumerable_keys(o)
    base = ""
    braces = ("{", "}")
    is_array = False
    prefix_output: list = []
    values = None
    extra_keys = keys

    if isinstance(o, JSArray) or _is_proxy_array(o):
        is_array = True
        n = o.length
        prefix = "" if ctor == "Array" else (f"{ctor}({n}) " if ctor else f"[Array({n}): null prototype] ")
        braces = (f"{prefix}[", "]")
        extra_keys = [k for k in keys if not (type(k) is str and k.isdigit() and _is_index(k))]
        if n == 0 and not extra_keys:
            return f"{braces[0]}]"
        if depth > DEPTH:
            return f"[{ctor or 'Array'}]"
    elif o.is_callable:
        base = _fn_base(o)
        extra_keys = [k for k in keys if k not in ("prototype",)]
        if not extra_keys:
            return base
        if depth > DEPTH:
            return base
    elif kind == "Error":
        stack = o.props.get("stack", MISSING)
        stack = stack.value if type(stack) is Prop else stack
        if type(stack) is str and stack:
            base = to_display(stack)
        else:
            from .error import error_header

            base = f"[{error_header(o)}]"
        extra_keys = [k for k in keys if k not in ("stack", "message")]
        if not extra_keys:
            return base if depth == 0 else base.replace("\n", "\n" + " " * ctx.indentation)
    elif kind in ("Number", "Boolean", "String", "Symbol", "BigInt") or type(o).__name__ == "JSStringObject":
        data = getattr(o, "data", None)
        tname = kind or "String"
        base = f"[{tname}: {format_primitive(data, Ctx())}]"
        if tname == "String":
            extra_keys = [k for k in keys if not (type(k) is str and k.isdigit())]
        if not extra_keys:
            return base
    elif kind == "Date":
        from ..datecore import to_iso_string

        try:
            base = to_iso_string(o.data)
        except (ValueError, OverflowError):
            base = "Invalid Date"
        if not keys:
            return base
    elif kind == "RegExp":
        src = o.get("source")
        flags = o.get("flags")
        base = f"/{to_display(src if type(src) is str else '')}/{flags if type(flags) is str else ''}"
        extra_keys = [k for k in keys if k != "lastIndex"]
        if not extra_keys:
            return base
    elif kind in ("Map", "Set"):
        data = o.data
        size = len(data) if data is not None else 0
        n = ctor if ctor else f"[{kind}: null prototype]"
        if depth > DEPTH:
            return f"[{kind}]"
        braces = (f"{n}({size}) {{", "}")
        ctx.seen.append(o)
        ctx.current_depth = depth
        out = []
        ctx.indentation += 2
        for entry in _collection_entries(o):
            if kind == "Map":
                out.append(f"{format_value(entry[0], ctx, depth + 1)} => {format_value(entry[1], ctx, depth + 1)}")
            else:
                out.append(format_value(entry, ctx, depth + 1))
        ctx.indentation -= 2
        for k in keys:
            out.append(_property(o, k, ctx, depth))
        ctx.seen.pop()
        if not out:
            return f"{n}({size}) {{}}"
        return _finish(o, ctx, _reduce(ctx, out, "", braces, False, depth))
    elif kind in ("WeakMap", "WeakSet"):
        return f"{kind} {{ <items unknown> }}"
    elif kind == "Promise":
        state = getattr(o, "state", None) or (o.data.get("state") if isinstance(o.data, dict) else None)
        base = "Promise"
        braces = ("Promise {", "}")
        inner = "<pending>"
        if state == "fulfilled":
            inner = format_value(o.data.get("result"), ctx, depth + 1)
        elif state == "rejected":
            inner = "<rejected> " + format_value(o.data.get("result"), ctx, depth + 1)
        out = [inner] + [_property(o, k, ctx, depth) for k in keys]
        return _reduce(ctx, out, "", braces, False, depth)
    elif getattr(o, "class_name", "") == "Arguments":
        braces = ("[Arguments] [", "]")
        is_array = True
        extra_keys = [k for k in keys if not (type(k) is str and k.isdigit())]
    else:
        tag = o.get_own_property(_SYM_TAG())
        tag_v = None
        cur = o
        while cur is not None and tag_v is None:
            p = cur.props.get(_SYM_TAG(), MISSING) if cur.ordinary_get else MISSING
            if p is not MISSING and not (type(p) is Prop and p.flags & ACC):
                tag_v = p.value if type(p) is Prop else p
            cur = cur.proto if cur.ordinary_get else None
        del tag
        if null_proto:
            prefix = "[Object: null prototype]"
        elif ctor is None:
            prefix = ""
        elif ctor == "Object":
            prefix = ""
        else:
            prefix = ctor
        if type(tag_v) is str and tag_v and tag_v != ctor:
            prefix = f"{prefix or 'Object'} [{to_display(tag_v)}]"
        if getattr(o, "kind", None) == "ArrayIterator" or getattr(o, "kind", None) == "Generator":
            pass
        if not keys:
            if prefix:
                return f"{prefix} {{}}"
            return "{}"
        if depth > DEPTH:
            return f"[{prefix or 'Object'}]"
        braces = (f"{prefix} {{" if prefix else "{", "}")

    ctx.seen.append(o)
    ctx.current_depth = depth
    output: list = []
    if is_array:
        if isinstance(o, JSArray):
            output, values = _format_array(o, ctx, depth)
        else:
            n = _length(o)
            for i in range(min(n, MAX_ARRAY)):
                output.append(_property(o, str(i), ctx, depth, array_like=True))
    for k in extra_keys:
        output.append(_property(o, k, ctx, depth))
    ctx.seen.pop()
    res = _reduce(ctx, output, base, braces, is_array, depth, values)
    return _finish(o, ctx, res)


def _format_typed_array(o, ctx: Ctx, depth: int) -> str:
    from .typedarray import read_values

    name = o.typed_array_name
    ctor = _proto_chain_ctor_name(o) or name
    n = 0 if o.buffer is None or o.buffer.data is None else o.array_length
    if depth > DEPTH:
        return f"[{ctor}]"
    shown = min(n, MAX_ARRAY)
    values = read_values(o, 0, shown) if shown else []
    out = [format_primitive(v, ctx) for v in values]
    if n > shown:
        out.append(f"... {n - shown} more item{'s' if n - shown > 1 else ''}")
    if not out:
        return f"{ctor}(0) []"
    ctx.current_depth = depth
    return _reduce(ctx, out, "", (f"{ctor}({n}) [", "]"), True, depth, values)


def _format_array_buffer(o, kind: str) -> str:
    data = o.data
    if data is None:
        return f"{kind} {{ (detached), byteLength: 0 }}"
    shown = bytes(data[:50]).hex(" ")
    more = len(data) - 50
    extra = f" ... {more} more byte{'s' if more > 1 else ''}" if more > 0 else ""
    return f"{kind} {{ [Uint8Contents]: <{shown}{extra}>, byteLength: {len(data)} }}"


def _finish(o, ctx: Ctx, res: str) -> str:
    idx = ctx.circular.get(id(o))
    if idx is not None:
        res = f"<ref *{idx}> {res}"
    return res


def _SYM_TAG():
    from ..values import SYM

    return SYM.toStringTag


def _is_index(k: str) -> bool:
    from ..objects import is_array_index

    return is_array_index(k)


def _is_proxy_array(o) -> bool:
    return False


def _length(o) -> int:
    v = o.get("length")
    return v if type(v) is int and v >= 0 else 0


def _format_array(a: JSArray, ctx: Ctx, depth: int):
    out = []
    values = []
    n = a.length
    i = 0
    holes = 0
    shown = 0
    while i < n and shown < MAX_ARRAY:
        p = a.get_own_property(str(i)) if a.arr is None else (a.arr[i] if i < len(a.arr) else HOLE)
        if p is MISSING or p is HOLE:
            j = i
            while j < n and (a.get_own_property(str(j)) is MISSING if a.arr is None else a.arr[j] is HOLE):
                j += 1
                if a.arr is None and j - i > 1_000_000:
                    j = n
                    break
            holes = j - i
            out.append(f"<{holes} empty item{'s' if holes > 1 else ''}>")
            values.append(None)
            i = j
            shown += 1
            continue
        out.append(_property(a, str(i), ctx, depth, array_like=True))
        values.append(p.value if type(p) is Prop else p)
        i += 1
        shown += 1
    if i < n:
        rest = n - i
        out.append(f"... {rest} more item{'s' if rest > 1 else ''}")
    return out, values


def _collection_entries(o):
    data = o.data
    if data is None:
        return []
    entries = getattr(data, "entries_for_inspect", None)
    if entries is not None:
        return entries()
    try:
        if o.kind == "Map":
            return [(k, v) for k, v in _iter_map(data)]
        return list(_iter_set(data))
    except Exception:  # noqa: BLE001 - unknown layout: show nothing rather than fail
        return []


def _iter_map(data):
    if isinstance(data, dict):
        for k, v in data.values() if all(isinstance(x, tuple) for x in data.values()) else data.items():
            yield k, v
    else:
        for item in data:
            if item is not None:
                yield item[0], item[1]


def _iter_set(data):
    if isinstance(data, dict):
        for v in data.values():
            yield v
    else:
        for item in data:
            if item is not None:
                yield item if not isinstance(item, tuple) else item[0]


def inspect(v, depth: int = 0) -> str:
    """util.inspect(v) with Node's defaults."""
    return format_value(v, Ctx(), depth)


def format_args(args: list) -> str:
    """console.log's formatting: a format string first, then values separated by spaces."""
    from ..ops import to_number, to_string

    parts = []
    start = 0
    if args and type(args[0]) is str and "%" in args[0]:
        fmt = args[0]
        rest = list(args[1:])
        out = []
        i = 0
        n = len(fmt)
        while i < n:
            c = fmt[i]
            if c == "%" and i + 1 < n:
                d = fmt[i + 1]
                if d == "%":
                    out.append("%")
                    i += 2
                    continue
                if d in "sdifjoOc" and rest:
                    v = rest.pop(0)
                    if d == "s":
                        if type(v) is str:
                            out.append(to_display(v))
                        elif isinstance(v, JSObject):
                            out.append(format_value(v, Ctx(), 1))
                        elif type(v) is JSBigInt:
                            out.append(f"{v.value}n")
                        elif type(v) is JSSymbol:
                            out.append(format_primitive(v, Ctx()))
                        else:
                            out.append(format_primitive(v, Ctx(), quote_strings=False))
                    elif d in "di":
                        if isinstance(v, JSObject):
                            out.append("NaN")
                        elif type(v) is JSBigInt:
                            out.append(f"{v.value}n")
                        else:
                            x = to_number(v) if type(v) is not JSSymbol else float("nan")
                            if d == "i" and x == x and x not in (float("inf"), float("-inf")):
                                x = int(x)
                            out.append(number_text(x))
                    elif d == "f":
                        x = to_number(v) if type(v) is not JSSymbol else float("nan")
                        out.append(number_text(x))
                    elif d == "j":
                        from ..errors import JSThrow
                        from .json import json_stringify

                        try:
                            r = json_stringify(UNDEFINED, [v])
                            out.append("undefined" if r is UNDEFINED else to_display(r))
                        except JSThrow:
                            out.append("[Circular]")
                    elif d == "o":
                        text = inspect(v)
                        if isinstance(v, JSArray) and text.endswith(" ]"):
                            text = text[:-2] + f", [length]: {v.length} ]"
                        elif isinstance(v, JSArray) and text == "[]":
                            text = "[ [length]: 0 ]"
                        out.append(text)
                    elif d == "O":
                        out.append(inspect(v))
                    elif d == "c":
                        pass
                    i += 2
                    continue
            out.append(c)
            i += 1
        parts.append("".join(out))
        args = rest
    for v in args[start:]:
        if type(v) is str:
            parts.append(to_display(v))
        else:
            parts.append(inspect(v))
    del to_string
    return " ".join(parts)


def setup(realm) -> None:
    console = JSObject(realm.ObjectPrototype)
    counts: dict = {}
    timers: dict = {}
    group = [0]

    def emit(level: str, text: str) -> None:
        if group[0]:
            pad = " " * (2 * group[0])
            text = "\n".join(pad + line for line in text.split("\n"))
        eng = realm.engine
        if eng is None:
            print(text)
            return
        eng.write_console(level, text)

    def make(level):
        def log(this, args):
            emit(level, format_args(args))
            return UNDEFINED
        return log

    for name, level in (("log", "log"), ("info", "info"), ("debug", "debug"), ("warn", "warn"),
                        ("error", "error")):
        method(realm, console, name, make(level), 0)
        console.props[name] = console.props[name].value if type(console.props[name]) is Prop else console.props[name]

    def trace(this, args):
        emit("error", "Trace: " + format_args(args) if args else "Trace")
        return UNDEFINED

    def dir_(this, args):
        emit("log", inspect(args[0] if args else UNDEFINED))
        return UNDEFINED

    def assert_(this, args):
        from ..ops import to_boolean

        if not (args and to_boolean(args[0])):
            rest = args[1:]
            emit("error", "Assertion failed" + (": " + format_args(rest) if rest else ""))
        return UNDEFINED

    def count(this, args):
        from ..ops import to_string

        label = "default" if not args or args[0] is UNDEFINED else to_string(args[0])
        counts[label] = counts.get(label, 0) + 1
        emit("log", f"{to_display(label)}: {counts[label]}")
        return UNDEFINED

    def count_reset(this, args):
        from ..ops import to_string

        label = "default" if not args or args[0] is UNDEFINED else to_string(args[0])
        counts[label] = 0
        return UNDEFINED

    def time_(this, args):
        from ..ops import to_string

        label = "default" if not args or args[0] is UNDEFINED else to_string(args[0])
        timers[label] = time.monotonic()
        return UNDEFINED

    def time_end(this, args):
        from ..ops import to_string

        label = "default" if not args or args[0] is UNDEFINED else to_string(args[0])
        t0 = timers.pop(label, None)
        if t0 is not None:
            emit("log", f"{to_display(label)}: {(time.monotonic() - t0) * 1000:.3f}ms")
        return UNDEFINED

    def time_log(this, args):
        from ..ops import to_string

        label = "default" if not args or args[0] is UNDEFINED else to_string(args[0])
        t0 = timers.get(label)
        if t0 is not None:
            extra = (" " + format_args(args[1:])) if len(args) > 1 else ""
            emit("log", f"{to_display(label)}: {(time.monotonic() - t0) * 1000:.3f}ms{extra}")
        return UNDEFINED

    def group_(this, args):
        if args:
            emit("log", format_args(args))
        group[0] += 1
        return UNDEFINED

    def group_end(this, args):
        group[0] = max(0, group[0] - 1)
        return UNDEFINED

    def table(this, args):
        emit("log", format_args(args))
        return UNDEFINED

    for name, fn in (("trace", trace), ("dir", dir_), ("assert", assert_), ("count", count),
                     ("countReset", count_reset), ("time", time_), ("timeEnd", time_end),
                     ("timeLog", time_log), ("group", group_), ("groupCollapsed", group_),
                     ("groupEnd", group_end), ("table", table)):
        method(realm, console, name, fn, 0)
        console.props[name] = console.props[name].value if type(console.props[name]) is Prop else console.props[name]
    realm.define_global("console", console)
    realm.console = console


def _unused(*_a) -> None:
    return None


__all__ = ["inspect", "format_args", "setup", "JSInternal", "ordered_keys", "E"]
