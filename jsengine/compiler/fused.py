"""Fused operands: binary operators specialised on the shape of their operands.

A binary operator's closure normally calls one closure per operand. When an operand is a local slot
(``env[i]``), a slot one environment up (``env[0][i]``) or a constant, reading it inline saves a Python
call per operand, which is a large share of an arithmetic expression's cost. Each operator's body is
written once below as Python source over ``x`` and ``y``; the variant for a pair of operand shapes is
made from it on first use (``exec`` of project-written templates, cached per operator and shape), so
there is one body per operator and no hand-copied variants.

Shapes: ``f`` any expression (a closure), ``l`` a local slot without a TDZ check, ``u`` such a slot one
environment up, ``c`` a constant. The operand value passed with a shape is the closure, the slot index
or the constant.
"""

from __future__ import annotations

import re

from ..ops import js_mul, less_than, loose_equals
from ..values import MAX_SAFE, UNDEFINED, JSBigInt

# Each body reads x and y and returns the result. Written as the former hand-made closures were.
BODIES: dict[str, str] = {
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
if (tx is float or tx is int) and (ty is float or ty is int):
    return x + y
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
if tx is float and (ty is float or ty is int):
    return x * y
if tx is int and ty is float:
    return x * y
if tx is int and ty is int:
    r = x * y
    if r and -MAX_SAFE <= r <= MAX_SAFE:
        return r
    return js_mul(x, y)
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
if type(x) is int and type(y) is int and -2147483648 <= x <= 2147483647 and -2147483648 <= y <= 2147483647:
    return x & y
return numeric_binop("&", x, y)
""",
    "|": """
if type(x) is int and type(y) is int and -2147483648 <= x <= 2147483647 and -2147483648 <= y <= 2147483647:
    return x | y
return numeric_binop("|", x, y)
""",
    "^": """
if type(x) is int and type(y) is int and -2147483648 <= x <= 2147483647 and -2147483648 <= y <= 2147483647:
    return x ^ y
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
    return x + y
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
          "    elif {v} is MISSING or type({v}) is Prop:\n        {v} = global_get({n})\n"
          "elif {v} is UNINIT:\n    {v} = global_get({n})"),
}
_NAMES = {"+": "add", "-": "sub", "*": "mul", "/": "div", "%": "mod", "&": "band", "|": "bor", "^": "bxor",
          ">>": "sar", ">>>": "shr", "<": "lt", ">": "gt", "<=": "le", ">=": "ge", "===": "seq",
          "!==": "sne", "==": "leq", "!=": "lne"}
_FACTORIES: dict = {}
_GLOBALS: dict = {}


def _globals() -> dict:
    if not _GLOBALS:
        from ..budget import AGENT
        from ..errors import type_error
        from ..objects import MISSING, JSObject, Prop
        from ..values import UNINIT
        from ..objects import ACC
        from ..objects import HOLE, JSArray
        from ..ops import to_property_key
        from .codegen import (_inc_slow, index_get, index_set, member_get, member_set, nullish_base_error,
                              numeric_binop, slow_add, str_concat, to_key_fast)
        from .runtime import global_get

        _GLOBALS.update(MAX_SAFE=MAX_SAFE, UNDEFINED=UNDEFINED, UNINIT=UNINIT, JSBigInt=JSBigInt,
                        js_mul=js_mul, less_than=less_than, loose_equals=loose_equals,
                        numeric_binop=numeric_binop, slow_add=slow_add, str_concat=str_concat, A=AGENT,
                        MISSING=MISSING, Prop=Prop, JSObject=JSObject, global_get=global_get,
                        type_error=type_error, ACC=ACC, member_get=member_get, HOLE=HOLE,
                        JSArray=JSArray, index_get=index_get, index_set=index_set, member_set=member_set,
                        nullish_base_error=nullish_base_error, to_key_fast=to_key_fast,
                        to_property_key=to_property_key, _inc_slow=_inc_slow)
    return _GLOBALS


_RETURN = re.compile(r"^(\s*)return (.+)$", re.M)
_STORE = {"l": "env[_t]", "u": "env[0][_t]"}


def _sunk(body: str, sink: tuple) -> str:
    """``body`` with its value sent to ``sink`` instead of returned: ("discard",) for an expression
    statement, ("store", shape, slot) to assign a slot and return None (an assignment statement),
    ("store_ret", shape, slot) to assign it and return the value too, or ("branch", has_else) for a
    condition that returns ``_ta(env)`` when true, else ``_tb(env)`` (or None without an else)."""
    kind = sink[0]
    if kind == "discard":
        return _RETURN.sub(r"\1\2\n\1return", body)
    if kind == "flag":  # a condition inlined in a loop: sets _c and leaves a one-pass `while True:`
        return _RETURN.sub(r"\1_c = \2\n\1break", body)
    if kind == "branch":  # a condition choosing between two closures (if/else, ?:)
        other = "_tb(env)" if sink[1] else "None"
        return _RETURN.sub(rf"\1if \2:\n\1    return _ta(env)\n\1return {other}", body)
    target = _STORE[sink[1]]
    if kind == "store":
        return _RETURN.sub(rf"\1{target} = \2\n\1return", body)
    return _RETURN.sub(rf"\1_r = {target} = \2\n\1return _r", body)


_TEMPS = re.compile(r"\b(x|y|tx|ty|r)\b")


def _operand_code(var: str, shape: str, value, n: str):
    """(fetch source, [(param, value)], cache key) reading one operand into ``var``; ``n`` names the
    closure variable(s). Shape "x" is a fused binary operation (op, sa, a, sb, b) of two simple
    operands, computed inline: its body, temporaries renamed, runs in a one-pass loop."""
    if shape != "x":
        return _FETCH[shape].format(v=var, n=n), [(n, value)], shape
    op, sa, a, sb, b = value
    int_right = sb == "c" and type(b) is int and op in INT_RIGHT
    body = _TEMPS.sub(lambda m: f"_{var}_{m.group(1)}", (INT_RIGHT if int_right else BODIES)[op].strip("\n"))
    body = _RETURN.sub(rf"\1{var} = \2\n\1break", body)
    code = "\n".join([_FETCH[sa].format(v=f"_{var}_x", n=f"{n}a"), _FETCH[sb].format(v=f"_{var}_y", n=f"{n}b"),
                      "while True:"] + ["    " + ln for ln in body.split("\n")])
    return code, [(f"{n}a", a), (f"{n}b", b)], ("x", op, sa, sb, int_right)


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
        if sink[0] == "branch":
            extras = {**extras, "_ta": sink[2], "_tb": sink[3]}
        elif sink[0] in ("store", "store_ret"):
            extras = {**extras, "_t": sink[2]}
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
        ns: dict = {}
        label = "".join(sh if type(sh) is str else "x" for sh in shapes)
        exec(compile(src, f"<{name} {label}>", "exec"), _globals(), ns)  # noqa: S102 - own templates
        factory = _FACTORIES[key] = ns["make"]
    return factory(*[v for _, v in params], *extras.values())


def _not_both_constant(sa: str, a):
    """Two constants would make a body with no operand to read: read the left one as a closure."""
    return ("f", lambda env: a) if sa == "c" else (sa, a)


def fused(op: str, sa: str, a, sb: str, b, sink: tuple | None = None):
    """The closure for ``a op b`` with operand shapes ``sa`` and ``sb`` (see the module text)."""
    if sb == "c":
        sa, a = _not_both_constant(sa, a)
    int_right = sb == "c" and type(b) is int and op in INT_RIGHT
    body = (INT_RIGHT if int_right else BODIES)[op]
    return specialize(_NAMES[op], body, (("x", sa, a), ("y", sb, b)), sink=sink)


_FOR_BODY = """
if _init is not None:
    _init(env)
while True:
    @fetch x
    @fetch y
    while True:
TEST
    if not _c:
        return None
    A.ticks -= 1
    if A.ticks < 0:
        A.tick()
    r = _body(env)
    if r is not None:
        if r is _brk:
            return None
        if r is not _cont:
            return r
UPDATE
"""


def fused_for(op: str, sa: str, a, sb: str, b, init, body, update, brk, cont):
    """A for statement whose test ``a op b`` is read inline each iteration (no per-iteration env)."""
    if sb == "c":
        sa, a = _not_both_constant(sa, a)
    int_right = sb == "c" and type(b) is int and op in INT_RIGHT
    test = _sunk((INT_RIGHT if int_right else BODIES)[op], ("flag",))
    text = _FOR_BODY.replace("TEST", "\n".join("        " + ln for ln in test.strip("\n").split("\n"))).replace(
        "UPDATE", "    _update(env)" if update is not None else "")
    return specialize("for_", text, (("x", sa, a), ("y", sb, b)),
                      {"_init": init, "_body": body, "_update": update, "_brk": brk, "_cont": cont})


_BINOP_FUNCTIONS: dict = {}


def binop_function(op: str):
    """``op`` as a plain function of (x, y), from the same body (for compound assignments)."""
    f = _BINOP_FUNCTIONS.get(op)
    if f is None:
        if op not in BODIES:
            from .codegen import apply_binop

            return lambda x, y: apply_binop(op, x, y)
        src = f"def {_NAMES[op]}(x, y):\n" + "".join(f"    {ln}\n" for ln in BODIES[op].strip("\n").split("\n"))
        ns: dict = {}
        exec(compile(src, f"<{_NAMES[op]}>", "exec"), _globals(), ns)  # noqa: S102 - own templates
        f = _BINOP_FUNCTIONS[op] = ns[_NAMES[op]]
    return f


def fusible(op: str) -> bool:
    return op in BODIES
