"""Fused operands: binary operators specialised on the shape of their operands.

A binary operator's closure normally calls one closure per operand. When an operand is a local slot
(``env[i]``), a slot one environment up (``env[0][i]``) or a constant, reading it inline saves a Python
call per operand, which is a large share of an arithmetic expression's cost. Each operator's body is
written once below as Python source over ``x`` and ``y``; the variant for a pair of operand shapes is
made from it on first use (``exec`` of project-written templates, cached per operator and shape), so
there is one body per operator and no hand-copied variants.

Shapes: ``f`` any expression (a closure), ``l`` a local slot without a TDZ check, ``u`` such a slot one
environment up, ``c`` a constant, ``g`` a global binding, ``t`` a slot (local or one up) read with a TDZ
check, ``m`` a property read ``o.key`` of a local or one-up slot, ``i`` an element read ``o[k]`` of such
a slot with a slot or constant key, ``x`` a nested simple operation. The operand value passed with a shape is the closure, the slot index
or the constant.
"""

from __future__ import annotations

import hashlib
import re

from ..ops import js_mul, less_than, loose_equals
from ..values import MAX_SAFE, UNDEFINED, JSBigInt
from .codecache import compiled

# Each body reads x and y and returns the result. Written as the former hand-made closures were.
BODIES: dict[str, str] = {
    # -x as an operand ("x" shape with a dummy y; not a binary operator, so never fused on its own)
    "neg": """
if type(x) is int:
    return -x if x else -0.0
if type(x) is float:
    return -x
return neg_slow(x)
""",
    "+": """
tx = type(x)
ty = type(y)
if tx is int and ty is int:
    r = x + y
    if -MAX_SAFE <= r <= MAX_SAFE:
        return r
    return float(r)
if tx is str and ty is str:
    if len(x) + len(y) < 100_000:
        return x + y
    return str_concat(x, y)
if tx is float:
    if ty is float:
        return x + y
    if ty is int:
        return y if x == 0 else x + y  # -0 + y is y: keep an int an int
elif tx is int and ty is float:
    return x if y == 0 else x + y
return slow_add(x, y)
""",
    "-": """
if type(x) is int and type(y) is int:
    r = x - y
    if -MAX_SAFE <= r <= MAX_SAFE:
        return r
    return float(r)
if (type(x) is float or type(x) is int) and (type(y) is float or type(y) is int):
    return x - y
return numeric_binop("-", x, y)
""",
    "*": """
tx = type(x)
ty = type(y)
if tx is int:
    if ty is int:
        r = x * y
        if r:
            if -MAX_SAFE <= r <= MAX_SAFE:
                return r
        elif x >= 0 and y >= 0:  # else -0
            return 0
        return js_mul(x, y)
    if ty is float:
        return x * y
elif tx is float and (ty is float or ty is int):
    return x * y
return numeric_binop("*", x, y)
""",
    "/": """
if (type(x) is float or type(x) is int) and (type(y) is float or type(y) is int) and y:
    return x / y
return numeric_binop("/", x, y)
""",
    "%": """
if type(x) is int and type(y) is int and x >= 0 and y > 0:
    return x % y
return numeric_binop("%", x, y)
""",
    "&": """
if type(x) is int and type(y) is int:
    r = x & y  # ToInt32 keeps the low 32 bits, which a bitwise operation computes from theirs alone
    if -2147483648 <= r <= 2147483647:
        return r
return numeric_binop("&", x, y)
""",
    "|": """
if type(x) is int and type(y) is int:
    r = x | y  # ToInt32 keeps the low 32 bits, which a bitwise operation computes from theirs alone
    if -2147483648 <= r <= 2147483647:
        return r
return numeric_binop("|", x, y)
""",
    "^": """
if type(x) is int and type(y) is int:
    r = x ^ y  # ToInt32 keeps the low 32 bits, which a bitwise operation computes from theirs alone
    if -2147483648 <= r <= 2147483647:
        return r
return numeric_binop("^", x, y)
""",
    ">>": """
if type(x) is int and type(y) is int and -2147483648 <= x <= 2147483647 and 0 <= y < 32:
    return x >> y
return numeric_binop(">>", x, y)
""",
    ">>>": """
if type(x) is int and type(y) is int and 0 <= x <= 4294967295 and 0 <= y < 32:
    return x >> y
return numeric_binop(">>>", x, y)
""",
    "<": """
if type(x) is int and type(y) is int:
    return x < y
tx = type(x)
ty = type(y)
if (tx is float or tx is int) and (ty is float or ty is int):
    return x < y
if tx is str and ty is str:
    return x < y
return less_than(x, y, True) is True
""",
    ">": """
if type(x) is int and type(y) is int:
    return x > y
tx = type(x)
ty = type(y)
if (tx is float or tx is int) and (ty is float or ty is int):
    return x > y
if tx is str and ty is str:
    return x > y
return less_than(y, x, False) is True
""",
    "<=": """
if type(x) is int and type(y) is int:
    return x <= y
tx = type(x)
ty = type(y)
if (tx is float or tx is int) and (ty is float or ty is int):
    return x <= y
if tx is str and ty is str:
    return x <= y
return less_than(y, x, False) is False
""",
    ">=": """
if type(x) is int and type(y) is int:
    return x >= y
tx = type(x)
ty = type(y)
if (tx is float or tx is int) and (ty is float or ty is int):
    return x >= y
if tx is str and ty is str:
    return x >= y
return less_than(x, y, True) is False
""",
    "===": """
if x is y:
    return type(x) is not float or x == x
tx = type(x)
ty = type(y)
if tx is ty:
    if tx is int or tx is str or tx is float or tx is bool:
        return x == y
    if tx is JSBigInt:
        return x.value == y.value
    return False
if (tx is int and ty is float) or (tx is float and ty is int):
    return x == y
return False
""",
    "!==": """
if x is y:
    return type(x) is float and x != x
tx = type(x)
ty = type(y)
if tx is ty:
    if tx is int or tx is str or tx is float or tx is bool:
        return x != y
    if tx is JSBigInt:
        return x.value != y.value
    return True
if (tx is int and ty is float) or (tx is float and ty is int):
    return x != y
return True
""",
    "==": """
tx = type(x)
if tx is type(y) and (tx is int or tx is str):
    return x == y
return loose_equals(x, y)
""",
    "!=": """
tx = type(x)
if tx is type(y) and (tx is int or tx is str):
    return x != y
return not loose_equals(x, y)
""",
}

# Bodies for a right operand known to be an int constant (the commonest constant: k - 1, i % 2, n < 10).
INT_RIGHT: dict[str, str] = {
    "+": """
if type(x) is int:
    r = x + y
    if -MAX_SAFE <= r <= MAX_SAFE:
        return r
    return float(r)
if type(x) is float:
    return y if x == 0 else x + y
return slow_add(x, y)
""",
    "-": """
if type(x) is int:
    r = x - y
    if -MAX_SAFE <= r <= MAX_SAFE:
        return r
    return float(r)
if type(x) is float:
    return x - y
return numeric_binop("-", x, y)
""",
    "%": """
if type(x) is int and x >= 0 and y > 0:
    return x % y
if type(x) is float and 0.0 < x < 9007199254740992.0 and y > 0:
    return x % y
return numeric_binop("%", x, y)
""",
    "<": """
if type(x) is int or type(x) is float:
    return x < y
return less_than(x, y, True) is True
""",
    ">": """
if type(x) is int or type(x) is float:
    return x > y
return less_than(y, x, False) is True
""",
    "<=": """
if type(x) is int or type(x) is float:
    return x <= y
return less_than(y, x, False) is False
""",
    ">=": """
if type(x) is int or type(x) is float:
    return x >= y
return less_than(x, y, True) is False
""",
    "===": """
return (type(x) is int or type(x) is float) and x == y
""",
    "!==": """
return not ((type(x) is int or type(x) is float) and x == y)
""",
}

# How an operand is read into the variable {v} from the closure variable {n}.
_FETCH = {
    "f": "{v} = {n}(env)",
    "l": "{v} = env[{n}]",
    "u": "{v} = env[0][{n}]",
    "c": "{v} = {n}",
    # a global binding by name: the global lexical scope, then a plain data property of the global object
    "g": ("_realm = A.realm\n{v} = _realm.global_lex.get({n}, MISSING)\n"
          "if {v} is MISSING:\n    {v} = _realm.gprops.get({n}, MISSING)\n"
          "    if type({v}) is Prop and not {v}.flags & ACC and _realm.global_obj.ordinary_get:\n"
          "        {v} = {v}.value\n"
          "    elif {v} is MISSING or type({v}) is Prop:\n        {v} = global_get_at({n}, {n}p)\n"
          "elif {v} is UNINIT:\n    {v} = global_get_at({n}, {n}p)"),
}
# o.key for a local or captured slot o and a constant key (an identifier name): an own data property
# with the default attributes read inline, anything else (a prototype's property, an accessor, a
# primitive or nullish base) by member_get_at, which carries the property's position for stack
# traces. Every object class keeps such a property as a bare value in ``props`` and reads it as it
# is there (exotic objects differ only for index and numeric keys, or keep nothing in ``props``), so
# the object's type is not tested; a primitive has no ``props``.
_MEMBER_FETCH = """{obj}
try:
    {v}_p = {v}.props.get({n}k, PMISS)
except AttributeError:
    {v}_p = PMISS
if type({v}_p) is not Prop:
    {v} = {v}_p
else:
    {v} = member_get_at({v}, {n}k, {n}p)"""
# o.length of a slot: an array's or a string's length inline
_LENGTH_FETCH = """{obj}
if type({v}) is JSArray and {v}.arr is not None:
    {v} = len({v}.arr)
elif type({v}) is str:
    {v} = len({v})
else:
    {v} = member_get_at({v}, "length", {n}p)"""
# o[k] of a slot o and a slot or constant k: an array element inline
_INDEX_FETCH = """{obj}
{key}
if type({v}_k) is int and type({v}) is JSArray:
    {v}_a = {v}.arr
    if {v}_a is not None and 0 <= {v}_k < len({v}_a) and {v}_a[{v}_k] is not HOLE:
        {v} = {v}_a[{v}_k]
    else:
        {v} = index_get_at({v}, {v}_k, {n}p)
else:
    {v} = index_get_at({v}, {v}_k, {n}p)"""
_SLOT = {"l": "env[{n}]", "u": "env[0][{n}]"}

_NAMES = {"+": "add", "-": "sub", "*": "mul", "/": "div", "%": "mod", "&": "band", "|": "bor", "^": "bxor",
          ">>": "sar", ">>>": "shr", "<": "lt", ">": "gt", "<=": "le", ">=": "ge", "===": "seq",
          "!==": "sne", "==": "leq", "!=": "lne"}
_FACTORIES: dict = {}
_GLOBALS: dict = {}


def _globals() -> dict:
    if not _GLOBALS:
        from ..budget import AGENT
        from ..errors import JSThrow, type_error
        from ..objects import ACC, EPOCH, HOLE, MISSING, PMISS, BuiltinFunction, JSArray, JSObject, Prop, WatchedDict
        from ..ops import to_boolean, to_property_key
        from ..values import UNINIT
        from .codegen import (_inc_slow, index_get, index_get_at, index_set, member_get, member_get_at, member_set,
                              member_set_at, method_lookup, instance_of_at, neg_slow, nullish_base_error, update_member_at, numeric_binop, slow_add,
                              str_concat, tdz_error_at, to_key_fast)
        from .runtime import JSCompiledFunction, global_get_at, sloppy_this

        _GLOBALS.update(MAX_SAFE=MAX_SAFE, UNDEFINED=UNDEFINED, UNINIT=UNINIT, JSBigInt=JSBigInt,
                        js_mul=js_mul, less_than=less_than, loose_equals=loose_equals,
                        numeric_binop=numeric_binop, slow_add=slow_add, str_concat=str_concat, A=AGENT,
                        MISSING=MISSING, PMISS=PMISS, Prop=Prop, JSObject=JSObject, global_get_at=global_get_at,
                        type_error=type_error, ACC=ACC, member_get=member_get, HOLE=HOLE,
                        JSArray=JSArray, index_get=index_get, index_set=index_set, member_set=member_set,
                        nullish_base_error=nullish_base_error, to_key_fast=to_key_fast,
                        to_property_key=to_property_key, _inc_slow=_inc_slow,
                        JSCompiledFunction=JSCompiledFunction, instance_of_at=instance_of_at, member_get_at=member_get_at, member_set_at=member_set_at,
                        tdz_error_at=tdz_error_at, BuiltinFunction=BuiltinFunction, update_member_at=update_member_at, neg_slow=neg_slow, index_get_at=index_get_at,
                        _new=object.__new__, EPOCH=EPOCH,
                        method_lookup=method_lookup, WatchedDict=WatchedDict, to_boolean=to_boolean, JSThrow=JSThrow, sloppy_this=sloppy_this)
    return _GLOBALS


_RETURN = re.compile(r"^(\s*)return (.+)$", re.M)
_STORE = {"l": "env[_t]", "u": "env[0][_t]"}


def _sunk(body: str, sink: tuple) -> str:
    """``body`` with its value sent to ``sink`` instead of returned: ("discard",) for an expression
    statement, ("store", shape, slot) to assign a slot and return None (an assignment statement),
    ("store_ret", shape, slot) to assign it and return the value too, or ("branch", has_else) for a
    condition that returns ``_ta(env)`` when true, else ``_tb(env)`` (or None without an else); the
    body's values are Python bools there, any JS value with "branchv" (tested by ToBoolean); or
    ("choose", a, b) returning the operand a = (shape, value) when true, else the operand b."""
    kind = sink[0]
    if kind == "discard":
        return _RETURN.sub(r"\1\2\n\1return", body)
    if kind == "flag":  # a condition inlined in a loop: sets _c and leaves a one-pass `while True:`
        return _RETURN.sub(r"\1_c = \2\n\1break", body)
    if kind == "branch":  # a condition choosing between two closures (if/else, ?:)
        other = "_tb(env)" if sink[1] else "None"
        return _RETURN.sub(rf"\1if \2:\n\1    return _ta(env)\n\1return {other}", body)
    if kind == "choose":  # a ?: whose branches are operands (read inline when they are simple)
        return _RETURN.sub(r"\1if \2:\n\1    @fetch _ca\n\1    return _ca\n\1@fetch _cb\n\1return _cb", body)
    if kind == "branchv":  # the same for any JS value, by ToBoolean
        other = "_tb(env)" if sink[1] else "None"
        return _RETURN.sub(rf"\1_v = \2\n\1if _v is True or (_v is not False and to_boolean(_v)):\n"
                           rf"\1    return _ta(env)\n\1return {other}", body)
    target = _STORE[sink[1]]
    if kind == "store":
        return _RETURN.sub(rf"\1{target} = \2\n\1return", body)
    return _RETURN.sub(rf"\1_r = {target} = \2\n\1return _r", body)


_TEMPS = re.compile(r"\b(x|y|tx|ty|r)\b")


def _operand_code(var: str, shape: str, value, n: str):
    """(fetch source, [(param, value)], cache key) reading one operand into ``var``; ``n`` names the
    closure variable(s). Shape "x" is a fused binary operation (op, sa, a, sb, b) of two simple
    operands, computed inline: its body, temporaries renamed, runs in a one-pass loop."""
    if shape == "i":  # (object shape, object, key shape, key, position)
        so, o, sk, k, pos = value
        obj, po, ko = _operand_code(var, so, o, f"{n}o")
        key, pk, kk = _operand_code(f"{var}_k", sk, k, f"{n}k")
        return (_INDEX_FETCH.format(v=var, n=n, obj=obj, key=key), po + pk + [(f"{n}p", pos)], ("i", ko, kk))
    if shape == "m":  # (object shape, object, key, position)
        so, o, key, pos = value
        obj, po, ko = _operand_code(var, so, o, f"{n}o")
        if key == "length":
            return _LENGTH_FETCH.format(v=var, n=n, obj=obj), po + [(f"{n}p", pos)], ("m", ko, "length")
        return (_MEMBER_FETCH.format(v=var, n=n, obj=obj), po + [(f"{n}k", key), (f"{n}p", pos)], ("m", ko))
    if shape == "t":
        slot, idx, name, pos = value
        return (f"{var} = {_SLOT[slot].format(n=n)}\nif {var} is UNINIT:\n    tdz_error_at({n}n, {n}p)",
                [(n, idx), (f"{n}n", name), (f"{n}p", pos)], ("t", slot))
    if shape == "g":
        name, pos = value
        return _FETCH[shape].format(v=var, n=n), [(n, name), (f"{n}p", pos)], shape
    if shape != "x":
        return _FETCH[shape].format(v=var, n=n), [(n, value)], shape
    op, sa, a, sb, b = value
    int_right = sb == "c" and type(b) is int and op in INT_RIGHT
    body = _TEMPS.sub(lambda m: f"_{var}_{m.group(1)}", (INT_RIGHT if int_right else BODIES)[op].strip("\n"))
    body = _RETURN.sub(rf"\1{var} = \2\n\1break", body)
    ca, pa, ka = _operand_code(f"_{var}_x", sa, a, f"{n}a")
    cb, pb, kb = _operand_code(f"_{var}_y", sb, b, f"{n}b")
    code = "\n".join([ca, cb, "while True:"] + ["    " + ln for ln in body.split("\n")])
    return code, pa + pb, ("x", op, ka, kb, int_right)


def specialize(name: str, body: str, operands: tuple, extras: dict | None = None, sink: tuple | None = None):
    """A closure ``name(env)`` that reads its operands, then runs ``body`` (Python source).

    ``operands`` is a tuple of (variable, shape, value): each is read into ``variable`` in order, as
    its shape says (see _FETCH and _operand_code). ``extras`` become free variables of the closure
    (for example ``_pos``, which stack traces read); ``sink`` says where the value goes (see _sunk).
    A body line ``@fetch VAR`` reads that operand there instead of before the body (for operands
    evaluated after something the body does first). Made once per body and shapes, then only
    instantiated.
    """
    extras = extras or {}
    if sink is not None:
        body = _sunk(body, sink)
        if sink[0] in ("branch", "branchv"):
            extras = {**extras, "_ta": sink[2], "_tb": sink[3]}
        elif sink[0] in ("store", "store_ret"):
            extras = {**extras, "_t": sink[2]}
    if sink is not None and sink[0] == "choose":
        operands = tuple(operands) + (("_ca", *sink[1]), ("_cb", *sink[2]))
    fetch = {}
    params: list = []
    shapes = []
    for i, (var, shape, value) in enumerate(operands):
        code, ps, k = _operand_code(var, shape, value, f"_o{i}")
        fetch[var] = code
        params.extend(ps)
        shapes.append(k)
    key = (name, body, tuple(shapes), tuple(extras))
    factory = _FACTORIES.get(key)
    if factory is None:
        lines = []
        body_lines = body.strip("\n").split("\n")
        deferred = {ln.strip()[7:] for ln in body_lines if ln.strip().startswith("@fetch ")}
        for var, _, _ in operands:
            if var not in deferred:
                lines.append(fetch[var])
        if "_pos" in extras:
            lines.append("if False:\n    _pos")
        if "_poss" in extras:
            lines.append("if False:\n    _poss")
        for ln in body_lines:
            if ln.strip().startswith("@fetch "):
                indent = ln[:len(ln) - len(ln.lstrip())]
                lines.extend(indent + f for f in fetch[ln.strip()[7:]].split("\n"))
            else:
                lines.append(ln)
        names = [p for p, _ in params] + list(extras)
        src = (f"def make({', '.join(names)}):\n    def {name}(env):\n"
               + "".join(f"        {ln}\n" for line in lines for ln in line.split("\n"))
               + f"    return {name}\n")
        label = "".join(sh if type(sh) is str else "x" for sh in shapes)
        factory = _FACTORIES[key] = _make_factory(src, f"{name} {label}", name)
    return factory(*[v for _, v in params], *extras.values())


_BOUND = re.compile(r"M(?:AX|IN)_SAFE\b")  # a literal first letter: the search skips ahead fast
_BOUNDS = {"MAX_SAFE": str(MAX_SAFE), "MIN_SAFE": str(-MAX_SAFE)}


def _bound(m) -> str:
    i = m.start()
    if i and (m.string[i - 1].isalnum() or m.string[i - 1] == "_"):  # inside a longer name
        return m.group()
    return _BOUNDS[m.group()]


def _literal_bounds(src: str) -> str:
    """Template source with the safe-integer bounds as literals: ``-MAX_SAFE`` read from a global
    negates a big int (a new object) on every range test; a literal (``-9007199254740992`` is
    folded by the compiler) is one constant."""
    return _BOUND.sub(_bound, src)


def boundary_lines(src: str) -> dict:
    """{line: is it a `new`} for the lines of ``src`` that run a callee inline (``# @boundary``)."""
    return {i + 1: ln.endswith(" new") for i, ln in enumerate(src.split("\n"))
            if ln.endswith(("# @boundary", "# @boundary new"))}


def _make_factory(src: str, title: str, inner: str):
    """``make`` from template source defining ``make(...)`` around a function ``inner``, compiled as
    the file "<title hash>" (a short hash of the source keeps profiles apart); lines ending in ``#
    @boundary`` (or ``# @boundary new``) run a callee inline and are registered as JS frame boundaries
    for stack traces (stack.py)."""
    ns: dict = {}
    src = _literal_bounds(src)
    label = f"<{title} {hashlib.blake2b(src.encode(), digest_size=3).hexdigest()}>"
    exec(compiled(src, label), _globals(), ns)  # noqa: S102 - the project's own templates
    factory = ns["make"]
    boundary = boundary_lines(src)
    items = _item_lines(src)
    if boundary or items:
        from .stack import register_inline_calls, register_item_lines

        for c in factory.__code__.co_consts:
            if getattr(c, "co_name", None) == inner:
                if boundary:
                    register_inline_calls(c, boundary)
                if items:
                    register_item_lines(c, items)
    return factory


def _item_lines(src: str) -> dict:
    """{line: statement index} for the lines after each ``# @item i`` marker of a statement list
    (straight_body), up to the next marker; ``# @item -`` starts lines of no statement made here."""
    out: dict = {}
    cur = None
    for n, ln in enumerate(src.split("\n"), 1):
        t = ln.strip()
        if t.startswith("# @item "):
            cur = None if t[8:] == "-" else int(t[8:])
        elif cur is not None:
            out[n] = cur
    return out


def _not_both_constant(sa: str, a):
    """Two constants would make a body with no operand to read: read the left one as a closure."""
    return ("f", lambda env: a) if sa == "c" else (sa, a)


_LOOSE_NULLISH = ("x is None or x is UNDEFINED or (type(x) is not int and type(x) is not str"
                  " and getattr(x, 'is_htmldda', False))")
# x === null / x !== undefined / x == null ... (the constant right side is not read)
_NULLISH = {
    ("===", "null"): "return x is None",
    ("!==", "null"): "return x is not None",
    ("===", "undefined"): "return x is UNDEFINED",
    ("!==", "undefined"): "return x is not UNDEFINED",
    ("==", "null"): f"return {_LOOSE_NULLISH}",
    ("==", "undefined"): f"return {_LOOSE_NULLISH}",
    ("!=", "null"): f"return not ({_LOOSE_NULLISH})",
    ("!=", "undefined"): f"return not ({_LOOSE_NULLISH})",
}


def fused_nullish(op: str, lit: str, sa: str, a, sink: tuple | None = None):
    """The closure for ``a op null`` / ``a op undefined`` (op one of === !== == !=)."""
    if sa == "c":
        sa, a = "f", (lambda env, a=a: a)
    return specialize("nullish", _NULLISH[op, lit], (("x", sa, a),), sink=sink)


# s += t on a local slot with two strings: the slot lets go of s first, so CPython can grow the string
# in place when nothing else holds it (building a string in a loop stays linear, as it is in CPython)
_APPEND = """
if type(x) is str and type(y) is str and len(x) + len(y) < 100_000:
    env[_t] = None
    x += y
    env[_t] = x
    return None
"""


def fused(op: str, sa: str, a, sb: str, b, sink: tuple | None = None, pos: tuple | None = None):
    """The closure for ``a op b`` with operand shapes ``sa`` and ``sb`` (see the module text);
    ``pos``, the operator's position, places the errors it raises in stack traces."""
    extras = {"_pos": pos} if pos is not None else {}
    if op == "+" and sink is not None and sink[0] == "store" and sink[1] == sa == "l" and sink[2] == a:
        return specialize("append", _APPEND + _sunk(BODIES["+"], sink), (("x", sa, a), ("y", sb, b)),
                          {"_t": sink[2], **extras})
    if sb == "c":
        sa, a = _not_both_constant(sa, a)
    int_right = sb == "c" and type(b) is int and op in INT_RIGHT
    body = (INT_RIGHT if int_right else BODIES)[op]
    return specialize(_NAMES[op], body, (("x", sa, a), ("y", sb, b)), extras, sink=sink)


# One run of a fused loop's body: a step, then the body's completion (break, continue, return).
_RUN_BODY = """    A.ticks -= 1
    if A.ticks < 0:
        A.tick()
    r = _body(env)
    if r is not None:
        if r is _brk:
            return None
        if r is not _cont:
            return r"""
# The test ``x op y`` read inline into _c (TEST is the operator's body with a "flag" sink).
_TEST = """    @fetch x
    @fetch y
    while True:
TEST
    if not _c:
        return None"""

_FOR_BODY = f"""
if _init is not None:
    _init(env)
while True:
{_TEST}
{_RUN_BODY}
UPDATE
"""

_DO_BODY = f"""
while True:
{_RUN_BODY}
{_TEST}
"""


def _loop(template: str, op: str, sa: str, a, sb: str, b) -> tuple:
    """(template with the test ``a op b`` in it as a "flag" sink, operands) for the fused loops."""
    if sb == "c":
        sa, a = _not_both_constant(sa, a)
    int_right = sb == "c" and type(b) is int and op in INT_RIGHT
    test = _sunk((INT_RIGHT if int_right else BODIES)[op], ("flag",))
    text = template.replace("TEST", "\n".join("        " + ln for ln in test.strip("\n").split("\n")))
    return text, (("x", sa, a), ("y", sb, b))


def fused_do_while(op: str, sa: str, a, sb: str, b, body, brk, cont):
    """do body while (a op b), the test read inline after each run of the body."""
    text, operands = _loop(_DO_BODY, op, sa, a, sb, b)
    return specialize("do_while", text, operands, {"_body": body, "_brk": brk, "_cont": cont})


# i++, i-- or i += k as a for statement's update, on int values; anything else by the update's closure
# (which reads the slots again: reading them has no effects)
_STEP = """    _u = env[_ui]
    {fetch}
    if type(_u) is int and type(_ud) is int and -MAX_SAFE < _u + _ud < MAX_SAFE:
        env[_ui] = _u + _ud
    else:
        _update(env)"""
_STEP_FETCH = {"c": "_ud = _us", "l": "_ud = env[_us]", "u": "_ud = env[0][_us]"}
# i++ / i-- / i += k with an int constant k: ints are safe integers, so one bound decides
_STEP_CONST = """    _u = env[_ui]
    if type(_u) is int and _u {cmp} _ul:
        env[_ui] = _u + _us
    else:
        _update(env)"""


def fused_for(op: str, sa: str, a, sb: str, b, init, body, update, brk, cont, step=None):
    """A for statement whose test ``a op b`` is read inline each iteration (no per-iteration env);
    ``step`` = (slot, shape, value) when the update adds a slot or a constant to a local slot (i++,
    i--, i += k)."""
    extras = {"_init": init, "_body": body, "_update": update, "_brk": brk, "_cont": cont}
    if step is not None:
        extras["_ui"], extras["_us"] = step[0], step[2]
    text, operands = _loop(_FOR_BODY, op, sa, a, sb, b)
    if step is not None and step[1] == "c" and type(step[2]) is int and 0 < abs(step[2]) < MAX_SAFE:
        extras["_ul"] = MAX_SAFE - step[2] if step[2] > 0 else -MAX_SAFE - step[2]
        update_text = _STEP_CONST.format(cmp="<" if step[2] > 0 else ">")
    elif step is not None:
        update_text = _STEP.format(fetch=_STEP_FETCH[step[1]])
    else:
        update_text = "    _update(env)"
    text = text.replace("UPDATE", update_text if update is not None else "")
    return specialize("for_", text, operands, extras)


_BINOP_FUNCTIONS: dict = {}


def binop_function(op: str):
    """``op`` as a plain function of (x, y), from the same body (for compound assignments)."""
    f = _BINOP_FUNCTIONS.get(op)
    if f is None:
        if op not in BODIES:
            from .codegen import apply_binop

            return lambda x, y: apply_binop(op, x, y)
        src = _literal_bounds(f"def {_NAMES[op]}(x, y):\n"
                              + "".join(f"    {ln}\n" for ln in BODIES[op].strip("\n").split("\n")))
        ns: dict = {}
        exec(compile(src, f"<{_NAMES[op]}>", "exec"), _globals(), ns)  # noqa: S102 - own templates
        f = _BINOP_FUNCTIONS[op] = ns[_NAMES[op]]
    return f


# A fast function's frame is one list display: [env, scope, *args, this, *mtail] (this right after the
# parameters: scope.finalize keeps that slot whether the function reads this or not). Sloppy code
# that reads this (FunctionCode.sloppy_this) sees an object: the global for undefined, a primitive
# boxed. _THIS[kind] = (the frame's list display after the arguments, then the statement fixing this).
_THIS = {
    # this = undefined (f(x)): the template's undefined, the global object for sloppy functions
    "undefined": ("*_fc.tail", "if _fc.sloppy_this:\n    _ne[_fc.this_idx] = {f}.realm.global_this"),
    # this = an object (a getter's receiver)
    "object": ("{this}, *_fc.mtail", ""),
    # this = any value (o.m(x))
    "any": ("{this}, *_fc.mtail",
            "if _fc.sloppy_this and not isinstance({this}, JSObject):\n"
            "    _ne[_fc.this_idx] = sloppy_this({this}, {f}.realm)"),
}


# Entering and leaving a callee's frame made inline: a step, the depth check, the body under the depth.
# {env} is the frame's list display; {this} sets the this slot; the call line is a stack-trace
# boundary (stack.py), with the callee's code in ``_fc``.
_FRAME = """_a = A
_a.ticks -= 1
if _a.ticks < 0:
    _a.tick()
_d = _a.depth + 1
if _d > _a.max_depth:
    raise JSThrow(kind="RangeError", msg="Maximum call stack size exceeded")
_ne = {env}
{this}
_a.depth = _d
try:
    _r = {body}(_ne)  # @boundary{mark}
finally:
    _a.depth = _d - 1"""


def _frame(indent: str, env: str, this: str, mark: str = "", body: str = "_fc.body") -> str:
    text = _FRAME.format(env=env, this=this, mark=mark, body=body)
    return "\n".join(indent + ln for ln in text.split("\n"))


def inline_call(f: str, this: str, this_kind: str, args: list[str]) -> str:
    """Template source calling the function in variable ``f`` with ``this`` and ``args`` inline when it
    is a plain compiled function of the running realm taking exactly those arguments (the fast path of
    JSCompiledFunction.call without its frame and argument list); otherwise falls through. A leaf
    (FunctionCode.leaf_n: one expression that makes no call) is run without a depth or a step of its
    own: it cannot recurse but through a counted call, so the stack stays bounded, and a call site
    runs once per step of the code around it (a loop's iteration, a counted call), which a leaf, one
    expression, cannot multiply."""
    rest, fix = _THIS[this_kind]
    env = f"[{f}.env, _fc.scope, {''.join(f'{a}, ' for a in args)}{rest.format(this=this)}]"
    set_this = fix.format(f=f, this=this)
    leaf_this = "\n".join("        " + ln for ln in set_this.split("\n"))
    return f"""
if type({f}) is JSCompiledFunction:
    _fc = {f}.code
    if _fc.call_n == {len(args)} and {f}.realm is A.realm:
{_frame("        ", env, set_this)}
        return _r
    if _fc.leaf_n == {len(args)} and {f}.realm is A.realm:  # a leaf: no depth, no step, nothing to undo
        _ne = {env}
{leaf_this}
        _r = _fc.body(_ne)  # @boundary
        return _r
"""


def inline_getter(indent: str) -> str:
    """Source running the getter ``_g`` (code ``_fc``, which takes no parameters) with this = the
    object ``o``, leaving its value in ``_r`` (codegen.member_get_at)."""
    return _frame(indent, "[_g.env, _fc.scope, o, *_fc.mtail]", "")


def inline_construct(c: str, args: list[str]) -> str:
    """Template source for ``new c(args)`` run inline when ``c`` is a base constructor of the running
    realm with simple parameters, taking exactly those arguments (the [[Construct]] of runtime.py
    without its frame); otherwise falls through. ``c.prototype`` is read as the data property it is.
    A class whose constructor only stores its parameters (FunctionCode.init) is kept in the site's
    ``_nc`` = [class, realm, init, prototype]: a class's prototype property is read-only."""
    items = "".join(f"{a}, " for a in args)
    set_this = (f"if _fc.func_idx:\n    _ne[_fc.func_idx] = {c}\n"
                f"if _fc.newtarget_idx:\n    _ne[_fc.newtarget_idx] = {c}")
    return f"""
if {c} is _nc[0] and _nc[1] is A.realm and A.depth < A.max_depth:  # the class made here last time
    _this = _nc[2](_nc[3], {items})
    if _this is not None:
        return _this
if type({c}) is JSCompiledFunction:
    _fc = {c}.code
    if _fc.ctor_n == {len(args)} and {c}.realm is A.realm:
        _p = {c}.props.get("prototype", PMISS).value  # non-configurable: always a data Prop
        if isinstance(_p, JSObject):
            if _fc.init is not None and A.depth < A.max_depth:
                _this = _fc.init(_p, {items})
                if _this is not None:  # no JS code ran: no step of its own, as a leaf (inline_call)
                    if _fc.is_class_ctor:  # a class's prototype is read-only: keep it for next time
                        _nc[:] = ({c}, {c}.realm, _fc.init, _p)
                    return _this
            _this = JSObject(_p)
{_frame("            ", f"[{c}.env, _fc.scope, {items}_this, *_fc.mtail]", set_this, " new")}
            return _r if isinstance(_r, JSObject) else _this
"""


def field_init(n: int, keys: list, sources: list):
    """init(proto, a0, ..., a{n-1}) for a constructor whose body only stores parameters and constants
    in fresh properties (codegen.field_init; ``sources`` are ("a", parameter index) or ("c", value)):
    the new object with those properties made at once, or None when a prototype has one of the keys
    (a setter or a read-only property there decides, so the body runs). Running no JS code, it
    keeps the body's semantics: each key is created in order, a repeated key keeps its first place
    and its last value. A prototype chain of watched objects found without the keys is not walked
    again until the prototype epoch moves on (objects.WatchedDict)."""
    params = [f"a{i}" for i in range(n)]
    extras = {f"_k{i}": k for i, k in enumerate(keys)}
    values = []
    for i, (kind, v) in enumerate(sources):
        if kind == "a":
            values.append(params[v])
        else:
            extras[f"_c{i}"] = v
            values.append(f"_c{i}")
    test = " or ".join(f"_k{i} in pp" for i in range(len(keys)))
    display = ", ".join(f"_k{i}: {v}" for i, v in enumerate(values))
    extras["_ok"] = [None, -1]  # the prototype last found without the keys, and the epoch then
    src = (f"def make({', '.join(extras)}):\n"
           f"    def init(_p{''.join(', ' + a for a in params)}):\n"
           f"        if _p is not _ok[0] or _ok[1] != EPOCH[0]:\n"
           f"            p = _p\n"
           f"            watched = True\n"
           f"            while p is not None:\n"
           f"                if not p.ordinary_get:\n                    return None\n"
           f"                pp = p.props\n"
           f"                if {test}:\n                    return None\n"
           f"                if type(pp) is not WatchedDict:\n                    watched = False\n"
           f"                p = p.proto\n"
           f"            if watched:\n"
           f"                _ok[0] = _p\n"
           f"                _ok[1] = EPOCH[0]\n"
           f"        o = _new(JSObject)\n"
           f"        o.props = {{{display}}}\n"
           f"        o.proto = _p\n"
           f"        o.extensible = True\n"
           f"        return o\n"
           f"    return init\n")
    key = ("init", src)
    factory = _FACTORIES.get(key)
    if factory is None:
        factory = _FACTORIES[key] = _make_factory(src, f"init {n}/{len(keys)}", "init")
    return factory(*extras.values())


def fusible(op: str) -> bool:
    return op in BODIES and op != "neg"


_CALLERS: dict = {}


def callback_caller(f, this, m: int):
    """A Python function of ``m`` arguments calling ``f`` with ``this`` and those arguments, for
    builtins that call back many times (Array.prototype.map & co., sort's comparator). A plain compiled
    function of the running realm gets its frame built directly (the fast path of
    JSCompiledFunction.call, made once per callback instead of per call); anything else is called
    through [[Call]]."""
    names = [f"a{i}" for i in range(m)]
    params = ", ".join(names)
    code = f.code if type(f) is _globals()["JSCompiledFunction"] else None
    if code is None or not code.fast or f.realm is not _GLOBALS["A"].realm:
        generic = _CALLERS.get(m)
        if generic is None:
            generic = _CALLERS[m] = eval(f"lambda f, this: lambda {params}: f.call(this, [{params}])")  # noqa: S307
        return generic(f, this)
    n = code.nparams
    if code.sloppy_this and not isinstance(this, _GLOBALS["JSObject"]):
        this = _GLOBALS["sloppy_this"](this, f.realm)
    leaf = code.leaf_n >= 0
    key = (m, n, leaf)
    factory = _CALLERS.get(key)
    if factory is None:
        items = "".join(f"{a}, " for a in names[:n]) + "UNDEFINED, " * max(0, n - m)
        env = f"[_fenv, _scope, {items}_this, *_mtail]"
        if leaf:  # a step (the builtin's loop counts on it), no depth: a leaf cannot recurse (inline_call)
            frame = ("        _a = A\n        _a.ticks -= 1\n        if _a.ticks < 0:\n            _a.tick()\n"
                     f"        _r = _body({env})  # @boundary")
        else:
            frame = _frame("        ", env, "", body="_body")
        src = (f"def make(_fc, _fenv, _this):\n    _scope, _mtail, _body = _fc.scope, _fc.mtail, _fc.body\n"
               f"    def caller({params}):\n        if False:\n            _fc\n{frame}\n        return _r\n"
               f"    return caller\n")
        factory = _CALLERS[key] = _make_factory(src, f"caller {m}/{n}{' leaf' if leaf else ''}", "caller")
    return factory(code, f.env, this)


def straight_body(fs: list, last, result: str = "UNDEFINED"):
    """A function body of statements that cannot complete abruptly except by throwing (no return
    among them; break and continue cannot leave a function), run one after another in one frame,
    then returning the operand ``last`` = (shape, value) read inline (``return this``, ``return
    o.x``, ``return a + b``), or ``result`` (source) when ``last`` is None: undefined for a function
    body, None (a normal completion) for a statement list. An item of ``fs`` is a statement's
    closure, or a statement made here (codegen.inline_store): ("store", slot, operand, position)
    storing an operand into a slot of this env, ("setprop", ...) for ``o.k = v`` and ``o.k op= v``,
    ("update", ...) for ``o.k++``. An error raised on one of their lines is placed at its position
    (``_poss``, found by line: stack.register_item_lines)."""
    if len(fs) > 16:
        fs = [straight_body(fs[i:i + 16], None, "None") for i in range(0, len(fs), 16)]
        if len(fs) > 16:
            fs = [_chain(fs)]
    extras: dict = {}
    operands = []
    body = ""
    poss = []  # the position of each statement made here (stack.py finds it by line: # @item)
    for i, f in enumerate(fs):
        if type(f) is tuple:
            body += f"# @item {len(poss)}\n"
            poss.append(f[3] if f[0] == "store" else f[7] if f[0] == "setprop" else f[4])
        if type(f) is tuple and f[0] == "store":
            operands.append((f"v{i}", *f[2]))
            extras[f"_d{i}"] = f[1]
            body += f"@fetch v{i}\nenv[_d{i}] = v{i}\n"
        elif type(f) is tuple:  # setprop (= or op=), update
            operands.append((f"o{i}", *f[1]))
            extras.update({f"_k{i}": f[2], f"_p{i}": f[4], f"_st{i}": f[5]})
            names = {"o": f"o{i}", "v": f"v{i}", "k": f"_k{i}", "p": f"_p{i}", "st": f"_st{i}", "op": f"_op{i}"}
            if f[0] == "update":
                body += _UPDATE_PROP.format(d=f[3], **names)
            else:
                operands.append((f"v{i}", *f[3]))
                if f[6] is not None:
                    extras[f"_op{i}"] = f[6]
                body += (_SET_PROP if f[6] is None else _COMPOUND_PROP).format(**names)
        else:
            body += "# @item -\n" if poss else ""
            extras[f"_s{i}"] = f
            body += f"_s{i}(env)\n"
    if poss:
        extras["_poss"] = tuple(poss)
    if last is None:
        return specialize("body", body + f"return {result}", tuple(operands), extras)
    return specialize("body", body + "@fetch r\nreturn r", tuple(operands) + (("r", *last),), extras)


# o.k = v; in a statement list: an own data property with the default attributes, or a new one no
# prototype has, stored directly; anything else by [[Set]] (member_set_at keeps the position)
_SET_PROP = """@fetch {o}
@fetch {v}
if type({o}) is JSObject:
    _pp = {o}.props
    _cur = _pp.get({k}, PMISS)
    if type(_cur) is not Prop:
        _pp[{k}] = {v}
    elif _cur is PMISS and {o}.extensible:
        _q = {o}.proto
        while _q is not None and _q.ordinary_get and {k} not in _q.props:
            _q = _q.proto
        if _q is None:
            _pp[{k}] = {v}
        else:
            member_set_at({o}, {k}, {v}, {st}, {p})
    else:
        member_set_at({o}, {k}, {v}, {st}, {p})
else:
    member_set_at({o}, {k}, {v}, {st}, {p})
"""


# o.k op= v; in a statement list: an own data property with the default attributes read and stored
# in place (v may delete or redefine it); anything else by [[Get]] and [[Set]]
_COMPOUND_PROP = """@fetch {o}
_x = {o}.props.get({k}, PMISS) if type({o}) is JSObject else PMISS
if type(_x) is not Prop:
    @fetch {v}
    _x = {op}(_x, {v})
    _pp = {o}.props
    if type(_pp.get({k}, PMISS)) is not Prop:
        _pp[{k}] = _x
    else:
        member_set_at({o}, {k}, _x, {st}, {p})
else:
    _x = member_get_at({o}, {k}, {p})
    @fetch {v}
    member_set_at({o}, {k}, {op}(_x, {v}), {st}, {p})
"""

# o.k++; / o.k--; in a statement list: a safe integer in an own data property stepped in place
_UPDATE_PROP = """@fetch {o}
if type({o}) is JSObject:
    _pp = {o}.props
    _x = _pp.get({k}, MISSING)
    if type(_x) is int and MIN_SAFE < _x < MAX_SAFE:
        _pp[{k}] = _x + {d}
    else:
        update_member_at({o}, {k}, {d}, {st}, {p})
else:
    update_member_at({o}, {k}, {d}, {st}, {p})
"""


def _chain(fs: list):
    fs = tuple(fs)

    def chain(env):
        for f in fs:
            f(env)
    return chain


# One `this.k = v` of a run, in fall-through form: an own data property or a new one no prototype
# has, stored directly; anything else by [[Set]] (member_set_at keeps the statement's position).
_THIS_SET = """{fetch}
if type(o) is JSObject:
    props = o.props
    cur = props.get({k}, MISSING)
    if cur is MISSING:
        p = o.proto
        while p is not None and p.ordinary_get and {k} not in p.props:
            p = p.proto
        if p is None and o.extensible:
            props[{k}] = {v}
        else:
            member_set_at(o, {k}, {v}, strict, {pos})
    elif type(cur) is not Prop:
        props[{k}] = {v}
    else:
        member_set_at(o, {k}, {v}, strict, {pos})
else:
    member_set_at(o, {k}, {v}, strict, {pos})"""


def this_assigns(this_idx: int, items: list, strict: bool, result: str):
    """A run of statements ``this.k = v`` (v a slot or a constant: reading it has no effects) in one
    closure, as a constructor's body usually is. On a fresh object (no own properties, extensible)
    whose prototypes have none of the keys, the values are stored straight away; otherwise each
    statement runs as an assignment of its own. Returns ``result`` (source: None or UNDEFINED).
    ``items`` are (key, shape, value, position)."""
    operands = []
    extras = {"strict": strict, "_this": this_idx}
    fresh, general = [], []
    keys = []
    for i, (key, shape, value, pos) in enumerate(items):
        var = f"v{i}"
        operands.append((var, shape, value))
        extras[f"_k{i}"] = key
        extras[f"_p{i}"] = pos
        keys.append(f"_k{i} in pp")
        fresh.append(f"        @fetch {var}\n        props[_k{i}] = {var}")
        general.append(_THIS_SET.format(fetch=f"@fetch {var}", k=f"_k{i}", v=var, pos=f"_p{i}"))
    body = (f"o = env[_this]\n"
            f"if type(o) is JSObject and o.extensible and not o.props:\n"
            f"    p = o.proto\n"
            f"    while p is not None and p.ordinary_get:\n"
            f"        pp = p.props\n"
            f"        if {' or '.join(keys)}:\n            break\n"
            f"        p = p.proto\n"
            f"    if p is None:\n        props = o.props\n" + "\n".join(fresh) + f"\n        return {result}\n"
            + "\n".join(general) + f"\nreturn {result}\n")
    return specialize("this_assigns", body, tuple(operands), extras)
