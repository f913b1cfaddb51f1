"""The ``jsengine`` command.

    jsengine run FILE [--steps N] [--memory 64MB] [--timeout S] [--stack N]
    jsengine eval CODE [same flags]

Exit codes: 0 ok, 1 uncaught JS exception, 2 syntax error (or bad usage), 3 budget exhausted,
70 internal error. Other verbs (``integration:add``, ``activity:trigger``, ``serve`` ...) are provided
by plugins registered under the ``jsengine.commands`` entry-point group (the activity runtime).
"""

from __future__ import annotations

import argparse
import os
import sys

EXIT_OK, EXIT_JS, EXIT_SYNTAX, EXIT_BUDGET, EXIT_INTERNAL = 0, 1, 2, 3, 70
ENGINE_VERBS = ("run", "eval")


def _budget_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--steps", type=int, default=None, help="step budget (default 30,000,000; 0 = unlimited)")
    p.add_argument("--memory", default=None, help="memory budget, e.g. 64MB, 1G (default 512MB; 0 = unlimited)")
    p.add_argument("--timeout", type=float, default=None, help="wall-clock budget in seconds (default 15; 0 = unlimited)")
    p.add_argument("--stack", type=int, default=None, help="maximum JS call depth (default 10000)")


def make_budget(args):
    from .budget import Budget, parse_size

    b = Budget()
    if args.steps is not None:
        b.steps = None if args.steps <= 0 else args.steps
    if args.memory is not None:
        size = parse_size(args.memory)
        b.memory = None if size <= 0 else size
    if args.timeout is not None:
        b.timeout = None if args.timeout <= 0 else args.timeout
    if args.stack is not None:
        b.stack = max(10, args.stack)
    return b


def read_source(path: str) -> str:
    """Read a script file as Node does: UTF-8, invalid bytes replaced, BOM dropped later."""
    with open(path, "rb") as f:
        data = f.read()
    return data.decode("utf-8", "replace")


def run_source(source: str, filename: str, budget) -> int:
    from . import Engine
    from .errors import BudgetExceeded, JSError, JSSyntaxError

    try:
        root = os.path.dirname(os.path.abspath(filename)) if filename != "<eval>" else os.getcwd()
        eng = Engine(budget=budget, modules_root=root)
        eng.run(source, filename=filename, result=False)  # the completion value is not shown
        rejected = eng.unhandled_rejection()
        if rejected is not None:  # as Node: a rejection nobody handled ends the run with status 1
            _flush()
            sys.stderr.write(f"Uncaught (in promise) {_error_text(rejected)}\n")
            return EXIT_JS
        return EXIT_OK
    except JSSyntaxError as e:
        _flush()
        sys.stderr.write(f"{e}\n")
        return EXIT_SYNTAX
    except JSError as e:
        _flush()
        sys.stderr.write(f"Uncaught {_error_text(e)}\n")
        return EXIT_JS
    except BudgetExceeded as e:
        _flush()
        flag = {"steps": "--steps", "memory": "--memory", "time": "--timeout"}.get(e.kind, "")
        sys.stderr.write(f"jsengine: {e}; the script was stopped (raise it with {flag})\n")
        return EXIT_BUDGET
    except MemoryError:
        _flush()
        sys.stderr.write("jsengine: memory budget exhausted: the process ran out of memory\n")
        return EXIT_BUDGET


def _error_text(e) -> str:
    return e.stack if e.stack and e.name else (f"{e.name}: {e.message}" if e.name else e.message)


def _flush() -> None:
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        pass


def engine_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="jsengine", description="Run JavaScript (ES2021) in a sandbox.")
    sub = parser.add_subparsers(dest="cmd", required=True)
    p_run = sub.add_parser("run", help="run a script file")
    p_run.add_argument("file")
    _budget_args(p_run)
    p_eval = sub.add_parser("eval", help="run a piece of code given on the command line")
    p_eval.add_argument("code")
    _budget_args(p_eval)
    args = parser.parse_args(argv)
    try:
        budget = make_budget(args)
    except ValueError as e:
        parser.error(str(e))
    if args.cmd == "run":
        try:
            source = read_source(args.file)
        except OSError as e:
            sys.stderr.write(f"jsengine: cannot read {args.file}: {e.strerror or e}\n")
            return EXIT_SYNTAX
        return run_source(source, args.file, budget)
    return run_source(args.code, "<eval>", budget)


def plugin_main(verb: str, argv: list[str]) -> int | None:
    """Dispatch a verb to a ``jsengine.commands`` entry point, or None if there is none."""
    from importlib.metadata import entry_points

    for ep in entry_points(group="jsengine.commands"):
        if ep.name == verb:
            return ep.load()(argv)
    return None


def usage() -> str:
    return ("usage: jsengine run FILE | eval CODE [--steps N --memory SIZE --timeout S --stack N]\n"
            "       jsengine <verb> ...   (integration:add, integrations, activity:trigger, serve, ...)\n")


def _utf8_streams() -> None:
    """Write UTF-8 whatever the locale says, as Node does: an ASCII or Latin-1 terminal encoding must not
    turn console.log('é') into an internal error."""
    for stream in (sys.stdout, sys.stderr):
        try:
            if (stream.encoding or "").lower().replace("-", "").replace("_", "") != "utf8":
                stream.reconfigure(encoding="utf-8", errors="replace")
        except (AttributeError, ValueError, OSError):  # not a text file (tests, embedding)
            pass


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _utf8_streams()
    try:
        if not argv or argv[0] in ("-h", "--help"):
            sys.stdout.write(usage())
            return EXIT_OK if argv else EXIT_SYNTAX
        if argv[0] in ("--version", "-V"):
            from . import __version__

            sys.stdout.write(f"jsengine {__version__}\n")
            return EXIT_OK
        if argv[0] in ENGINE_VERBS:
            return engine_main(argv)
        rc = plugin_main(argv[0], argv)
        if rc is None:
            sys.stderr.write(f"jsengine: unknown command {argv[0]!r}\n{usage()}")
            return EXIT_SYNTAX
        return rc
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        except OSError:
            pass
        return EXIT_OK
    except SystemExit as e:
        return e.code if isinstance(e.code, int) else EXIT_SYNTAX
    except Exception as e:  # noqa: BLE001 - never a Python traceback for a user
        _flush()
        sys.stderr.write(f"jsengine: internal error: {type(e).__name__}: {e}\n")
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
