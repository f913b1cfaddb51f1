"""A stand-in for jsengine with the same public API, driven by ``//FAKE:`` comment directives.

The conformance runner's tests use it so they do not depend on the real engine's progress. A script's
behaviour comes only from its directives (the JavaScript around them is ignored here; it gives the same
verdicts under the real engine):

    //FAKE: syntax-error                  compile raises JSSyntaxError
    //FAKE: syntax-error-if-strict        ... only when the source is strict
    //FAKE: throw NAME [MESSAGE]          run raises JSError(NAME, MESSAGE)
    //FAKE: throw-if-strict NAME [MSG]    ... only in strict mode
    //FAKE: throw-object NAME             a thrown object that is not a native error, as for
                                          `throw new Test262Error()`: name "Error", str() "Uncaught NAME: "
    //FAKE: print TEXT                    print(TEXT) now;  //FAKE: job-print TEXT  print it from a job
    //FAKE: expect-strict / expect-sloppy  throw unless the script is (not) strict
    //FAKE: expect-harness a.js,b.js      throw unless exactly these harness files ran before, in order
    //FAKE: expect-harness-compiled-once  throw if a harness file was compiled twice in this process
    //FAKE: loop                          spin until the time budget runs out (BudgetExceeded "time")
    //FAKE: starve                        sleep through the time budget (little CPU), then BudgetExceeded
    //FAKE: hang                          spin forever, ignoring the budget
    //FAKE: exit | segv | recursion | memory | pyerror    crash in the named way
"""

from __future__ import annotations

import os
import re
import signal
import time

UNDEFINED = type("Undefined", (), {"__repr__": lambda self: "undefined"})()
COMPILE_COUNTS: dict[str, int] = {}
_DIRECTIVE = re.compile(r"^//FAKE:\s*(\S+)\s*(.*)$", re.MULTILINE)


class JSError(Exception):
    def __init__(self, name, message="", text=None):
        self.name = name
        self.message = message
        self.stack = ""
        super().__init__(text if text is not None else f"Uncaught {name}: {message}")


class JSSyntaxError(JSError):
    def __init__(self, message, filename="<script>", line=1, column=1):
        self.filename, self.line, self.column, self.source_line = filename, line, column, ""
        super().__init__("SyntaxError", message)


class BudgetExceeded(Exception):
    def __init__(self, kind, limit):
        self.kind = kind
        super().__init__(f"{kind} budget exhausted: limit {limit}")


class HostError(Exception):
    pass


class Budget:
    def __init__(self, steps=None, memory=None, timeout=None):
        self.steps, self.memory, self.timeout = steps, memory, timeout


class Script:
    def __init__(self, source, filename, strict):
        self.source = source
        self.filename = filename
        self.strict = strict
        self.directives = [(m.group(1), m.group(2).strip()) for m in _DIRECTIVE.finditer(source)]


def _is_strict(source: str) -> bool:
    return source.startswith(('"use strict"', "'use strict'"))


def compile(source, filename="<script>", strict=False):
    COMPILE_COUNTS[filename] = COMPILE_COUNTS.get(filename, 0) + 1
    script = Script(source, filename, strict or _is_strict(source))
    for name, arg in script.directives:
        if name == "syntax-error" or (name == "syntax-error-if-strict" and script.strict):
            raise JSSyntaxError("Unexpected token", filename, 3, 9)
    return script


class Engine:
    def __init__(self, budget=None, console=None):
        self.budget = budget or Budget()
        self.console = console
        self.host = False
        self.ran: list[str] = []
        self.jobs: list = []

    def install_test262_host(self):
        self.host = True

    def _print(self, text):
        if not self.host:
            raise JSError("ReferenceError", "print is not defined")
        if self.console:
            self.console("log", text)

    def run(self, script, filename="<script>"):
        if isinstance(script, str):
            script = compile(script, filename)
        for name, arg in script.directives:
            self._directive(script, name, arg)
        if script.filename.startswith("harness/"):
            self.ran.append(script.filename.split("/", 1)[1])
        self.run_jobs()
        return UNDEFINED

    def run_jobs(self):
        while self.jobs:
            self.jobs.pop(0)()

    def _directive(self, script, name, arg):
        if name == "throw":
            err, _, message = arg.partition(" ")
            raise JSError(err, message)
        if name == "throw-if-strict" and script.strict:
            err, _, message = arg.partition(" ")
            raise JSError(err, message)
        if name == "throw-object":
            raise JSError("Error", "", text=f"Uncaught {arg}: ")
        if name == "print":
            self._print(arg)
        elif name == "job-print":
            self.jobs.append(lambda: self._print(arg))
        elif name == "expect-strict" and not script.strict:
            raise JSError("Test262Error", "expected strict mode")
        elif name == "expect-sloppy" and script.strict:
            raise JSError("Test262Error", "expected sloppy mode")
        elif name == "expect-harness":
            expected = [h for h in arg.split(",") if h]
            if self.ran != expected:
                raise JSError("Test262Error", f"harness ran {self.ran}, expected {expected}")
        elif name == "expect-harness-compiled-once":
            twice = [f for f, n in COMPILE_COUNTS.items() if f.startswith("harness/") and n > 1]
            if twice:
                raise JSError("Test262Error", f"harness compiled more than once: {twice}")
        elif name == "loop":
            deadline = time.monotonic() + (self.budget.timeout or 1.0)
            while time.monotonic() < deadline:
                pass
            raise BudgetExceeded("time", self.budget.timeout)
        elif name == "starve":
            time.sleep(self.budget.timeout or 1.0)
            raise BudgetExceeded("time", self.budget.timeout)
        elif name == "hang":
            while True:
                time.sleep(0.01)
        elif name == "exit":
            os._exit(7)
        elif name == "segv":
            os.kill(os.getpid(), signal.SIGSEGV)
        elif name == "recursion":
            def deep(n):
                return deep(n + 1) + 1

            deep(0)
        elif name == "memory":
            raise MemoryError("fake allocation failure")
        elif name == "pyerror":
            raise ValueError("fake engine bug")

    def usage(self):
        return {"steps": 0, "memory": 0, "time": 0.0}


def run(source, globals=None, budget=None):
    return Engine(budget).run(compile(source))
