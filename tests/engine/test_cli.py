"""The `jsengine` command: exit codes, how errors look, and that no input ever shows a Python traceback.

Fixed cases run the real command in a subprocess; the random-input properties call ``cli.main`` in this
process (same code path after argument parsing) to try many inputs quickly.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jsengine import __version__, cli
from jsengine.parser import raise_recursion_limit

raise_recursion_limit()  # the engine raises it on first use; do it before hypothesis records the limit
EXIT_CODES = {0, 1, 2, 3}


def jsengine(*args: str, stdin: bytes | None = None, env: dict | None = None, timeout: float = 120):
    """Run the command; (exit code, stdout text, stderr text)."""
    p = subprocess.run([sys.executable, "-m", "jsengine.cli", *args], input=stdin, capture_output=True,
                       timeout=timeout, env=env, check=False)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def run_file(tmp_path: Path, data: bytes, name: str = "script.js", *flags: str):
    path = tmp_path / name
    path.write_bytes(data)
    return jsengine("run", str(path), *flags)


def main_in_process(argv: list[str]) -> tuple[object, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            rc: object = cli.main(argv)
        except BaseException as e:  # noqa: BLE001 - reported as a failure below
            rc = f"escaped: {type(e).__name__}: {e}"
    return rc, out.getvalue(), err.getvalue()


# -- exit codes -----------------------------------------------------------------------------------


@pytest.mark.parametrize("code, rc", [
    ("console.log(1 + 1)", 0),
    ("throw new TypeError('t')", 1),
    ("undefinedVariable", 1),
    ("throw 42", 1),
    ("var = 1", 2),
    ("for (;;) {}", 3),
])
def test_eval_exit_codes(code: str, rc: int) -> None:
    assert jsengine("eval", code, "--steps", "100000")[0] == rc


def test_run_exit_codes(tmp_path: Path) -> None:
    assert run_file(tmp_path, b"console.log('ok')")[:2] == (0, "ok\n")
    assert run_file(tmp_path, b"null.x")[0] == 1
    assert run_file(tmp_path, b"let let = 1")[0] == 2
    assert run_file(tmp_path, b"while (true) {}", "s.js", "--steps", "50000")[0] == 3


def test_usage_errors_and_help() -> None:
    rc, out, err = jsengine()
    assert rc == 2 and "usage: jsengine" in out
    rc, out, _ = jsengine("--help")
    assert rc == 0 and "usage: jsengine" in out
    rc, _, err = jsengine("no-such-verb")
    assert rc == 2 and "unknown command 'no-such-verb'" in err
    rc, _, err = jsengine("eval", "1", "--memory", "lots")
    assert rc == 2 and "not a size" in err
    rc, _, err = jsengine("run")
    assert rc == 2 and "Traceback" not in err
    assert jsengine("--version")[:2] == (0, f"jsengine {__version__}\n")


# -- what errors look like ------------------------------------------------------------------------


def test_uncaught_error_shows_name_message_and_js_stack(tmp_path: Path) -> None:
    rc, out, err = run_file(tmp_path, b"console.log('before');\nfunction f() {\n  null.x;\n}\nf();\n", "te.js")
    assert rc == 1
    assert out == "before\n"
    lines = err.splitlines()
    assert lines[0] == "Uncaught TypeError: Cannot read properties of null (reading 'x')"
    assert re.fullmatch(r"    at f \(.*te\.js:3:\d+\)", lines[1]), lines
    assert re.fullmatch(r"    at .*te\.js:5:1\)?", lines[2]), lines
    assert "Traceback" not in err


def test_uncaught_error_stack_through_several_functions() -> None:
    rc, _, err = jsengine("eval", "function a() { b() }\nfunction b() { throw new RangeError('deep') }\na()")
    assert rc == 1
    assert err.splitlines() == [
        "Uncaught RangeError: deep",
        "    at b (<eval>:2:22)",  # the columns Node reports
        "    at a (<eval>:1:16)",
        "    at <eval>:3:1",
    ]


@pytest.mark.parametrize("code, first_line", [
    ("throw 42", "Uncaught 42"),
    ("throw 'text'", "Uncaught 'text'"),
    ("throw null", "Uncaught null"),
    ("throw {a: 1}", "Uncaught { a: 1 }"),
    ("throw Object.create(null)", "Uncaught [Object: null prototype] {}"),
    ("throw Symbol('s')", "Uncaught Symbol(s)"),
    ("class MyError extends Error {}; throw new MyError('custom')", "Uncaught Error: custom"),
    ("var e = new Error('m'); Object.defineProperty(e, 'message', {get() { throw 1 }}); throw e",
     "Uncaught Error: m"),
    ("throw new Proxy({}, {get() { throw 1 }, ownKeys() { throw 2 }, getPrototypeOf() { throw 3 }})",
     "Uncaught {}"),
])
def test_uncaught_non_errors_and_hostile_errors(code: str, first_line: str) -> None:
    rc, _, err = jsengine("eval", code)
    assert rc == 1
    assert err.splitlines()[0] == first_line
    assert "Traceback" not in err


def test_syntax_error_shows_location_source_line_and_caret(tmp_path: Path) -> None:
    rc, out, err = run_file(tmp_path, b"var a = 1;\nvar b = ;\n", "se.js")
    assert rc == 2 and out == ""
    lines = err.splitlines()
    assert lines[0].endswith("se.js:2:9")
    assert lines[1] == "var b = ;"
    assert lines[2] == " " * 8 + "^"
    assert lines[-1] == "SyntaxError: Unexpected token ;"


def test_syntax_error_in_eval_code() -> None:
    rc, _, err = jsengine("eval", "let x = 1;\nlet x = 2;")
    assert rc == 2
    assert err.splitlines()[0] == "<eval>:2:5"
    assert "SyntaxError: Identifier 'x' has already been declared" in err


def test_runtime_syntax_errors_are_exit_1() -> None:
    # a SyntaxError thrown while running (eval, JSON.parse, new Function) is an ordinary JS exception
    for code in ("eval('var = 1')", "JSON.parse('{')", "new Function('return (')"):
        rc, _, err = jsengine("eval", code)
        assert rc == 1 and err.startswith("Uncaught SyntaxError: "), (code, err)


# -- awkward inputs -------------------------------------------------------------------------------


def test_invalid_utf8_is_replaced(tmp_path: Path) -> None:
    rc, out, _ = run_file(tmp_path, b"console.log('a\xff\xfeb', '\xc3')\n")
    assert (rc, out) == (0, "a\ufffd\ufffdb \ufffd\n")


def test_nul_bytes(tmp_path: Path) -> None:
    assert run_file(tmp_path, b"console.log('a\x00b'.length)")[:2] == (0, "3\n")
    rc, _, err = run_file(tmp_path, b"console.log(1)\x00\n")
    assert rc == 2 and "SyntaxError" in err and "Traceback" not in err


def test_five_megabyte_single_line(tmp_path: Path) -> None:
    body = b"var s = '" + b"x" * 5_000_000 + b"'; console.log(s.length)"
    assert run_file(tmp_path, body)[:2] == (0, "5000000\n")
    rc, _, err = run_file(tmp_path, b"var s = '" + b"y" * 5_000_000 + b"' +;")
    assert rc == 2 and "SyntaxError" in err and "Traceback" not in err


def test_bom_is_ignored(tmp_path: Path) -> None:
    assert run_file(tmp_path, b"\xef\xbb\xbfconsole.log('bom')")[:2] == (0, "bom\n")
    rc, _, err = run_file(tmp_path, b"\xef\xbb\xbfvar b = ;", "bom.js")
    assert rc == 2 and err.splitlines()[0].endswith("bom.js:1:9")


def test_crlf_line_endings(tmp_path: Path) -> None:
    assert run_file(tmp_path, b"console.log('a')\r\nconsole.log('b')\r\n")[:2] == (0, "a\nb\n")
    rc, _, err = run_file(tmp_path, b"var a = 1;\r\nvar b = ;\r\n", "crlf.js")
    assert rc == 2
    assert err.splitlines()[0].endswith("crlf.js:2:9")
    assert err.splitlines()[1] == "var b = ;"  # no stray carriage return
    rc, _, err = run_file(tmp_path, b"\r\n\r\nnull.x\r\n", "crlf2.js")
    assert rc == 1 and "crlf2.js:3:" in err


def test_empty_file(tmp_path: Path) -> None:
    assert run_file(tmp_path, b"") == (0, "", "")
    assert run_file(tmp_path, b"\n\n  // only a comment\n") == (0, "", "")


def test_directory_and_missing_file(tmp_path: Path) -> None:
    rc, _, err = jsengine("run", str(tmp_path))
    assert rc == 2 and err.startswith("jsengine: cannot read") and "Traceback" not in err
    rc, _, err = jsengine("run", str(tmp_path / "missing.js"))
    assert rc == 2 and "No such file or directory" in err and "Traceback" not in err


def test_binary_garbage(tmp_path: Path) -> None:
    data = bytes(range(256)) * 20 + os.urandom(4096)
    rc, _, err = run_file(tmp_path, data)
    assert rc in EXIT_CODES and "Traceback" not in err


def test_non_utf8_terminal_encoding() -> None:
    env = dict(os.environ, PYTHONIOENCODING="ascii")
    p = subprocess.run([sys.executable, "-m", "jsengine.cli", "eval", "console.log('é😀'); throw new Error('ü')"],
                       capture_output=True, env=env, timeout=60, check=False)
    assert p.returncode == 1
    assert p.stdout == "é😀\n".encode()
    assert p.stderr.decode().startswith("Uncaught Error: ü")


def test_lone_surrogates_print_as_replacement_characters() -> None:
    rc, out, _ = jsengine("eval", "console.log('a\\ud800b')")
    assert (rc, out) == (0, "a\ufffdb\n")


def test_closed_stdout_pipe() -> None:
    p = subprocess.Popen([sys.executable, "-m", "jsengine.cli", "eval",
                          "for (var i = 0; i < 200000; i++) console.log(i)"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert p.stdout is not None and p.stderr is not None
    first = p.stdout.readline()
    p.stdout.close()
    err = p.stderr.read()
    rc = p.wait(timeout=120)
    assert first == b"0\n"
    assert b"Traceback" not in err
    assert rc in EXIT_CODES


# -- random inputs (in process) -------------------------------------------------------------------

BUDGET = ["--steps", "200000", "--timeout", "5", "--memory", "128MB"]

TOKENS = [
    "function", "return", "var ", "let ", "const ", "if", "else", "for", "while", "new ", "this", "class ",
    "extends ", "yield", "async ", "await ", "=>", "...", "x", "y", "(", ")", "{", "}", "[", "]", ";", ",",
    ".", "+", "-", "=", "==", "`", "${", "'", '"', "/", "*", "?", "?.", "??", ":", "\n", " ", "0", "1",
    "1e309", "get ", "set ", "static ", "super", "typeof ", "delete ", "in ", "of ", "try", "catch",
    "finally", "throw ", "switch", "case ", "default", "break", "continue", "lbl:", "with", "debugger",
    "#p", "\\u0041", "0x", "n", "-->", "<!--", "//", "/*", "*/", "\u2028", "\ufeff", "\x00", "😀", "\ud800",
    "console.log(", "JSON.stringify(", "Symbol()", "null", "undefined", "[]", "{}", "import(", "eval(",
]


@settings(max_examples=120, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(data=st.binary(max_size=600))
def test_random_bytes_never_show_a_traceback(tmp_path_factory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "random.js"
    path.write_bytes(data)
    rc, out, err = main_in_process(["run", str(path), *BUDGET])
    assert rc in EXIT_CODES, (data, rc, err[-500:])
    assert "Traceback" not in out + err


@settings(max_examples=120, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(text=st.text(max_size=300))
def test_random_text_never_shows_a_traceback(text: str) -> None:
    rc, out, err = main_in_process(["eval", text, *BUDGET])
    assert rc in EXIT_CODES, (text, rc, err[-500:])
    assert "Traceback" not in out + err


@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(parts=st.lists(st.sampled_from(TOKENS), min_size=1, max_size=40))
def test_token_soup_never_shows_a_traceback(parts: list[str]) -> None:
    code = "".join(parts)
    rc, out, err = main_in_process(["eval", code, *BUDGET])
    assert rc in EXIT_CODES, (code, rc, err[-500:])
    assert "Traceback" not in out + err
