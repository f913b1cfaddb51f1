"""Budgets: steps, memory, time and stack depth (DESIGN.md "Budgets").

The running script's state lives in one ``Agent`` (``AGENT``). Hot code charges steps with::

    A.ticks -= n
    if A.ticks < 0: A.tick()

``tick`` turns ticks into spent steps and checks the wall-clock deadline and the process's resident
memory. Builtins about to do large work call ``A.charge(n)``; before a large allocation they call
``A.alloc(nbytes)`` so a bomb is refused before Python allocates it.
"""

from __future__ import annotations

import os
from collections import deque
import time
from dataclasses import dataclass

from .errors import BudgetExceeded

_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
_CHUNK = 10_000  # steps between slow checks


def _rss() -> int:
    try:
        with open("/proc/self/statm", "rb") as f:
            return int(f.read().split()[1]) * _PAGE
    except OSError:  # not Linux: fall back to peak RSS
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def parse_size(text: str | int | float) -> int:
    """'64MB', '1G', '512k', 1000000 -> bytes."""
    if isinstance(text, (int, float)):
        return int(text)
    t = text.strip().upper().removesuffix("B").removesuffix("I")
    mult = 1
    for suf, m in (("K", 2**10), ("M", 2**20), ("G", 2**30), ("T", 2**40)):
        if t.endswith(suf):
            t, mult = t[:-1], m
            break
    try:
        return int(float(t) * mult)
    except ValueError:
        raise ValueError(f"not a size: {text!r} (try 64MB, 1G)") from None


@dataclass
class Budget:
    """Limits for one run. ``None`` means unlimited."""

    steps: int | None = 30_000_000
    memory: int | None = 512 * 2**20
    timeout: float | None = 15.0
    stack: int = 10000

    def __post_init__(self) -> None:
        if isinstance(self.memory, str):
            self.memory = parse_size(self.memory)


class Agent:
    """The execution state of the running script: budgets, call depth, current realm, jobs."""

    __slots__ = ("ticks", "steps_used", "step_limit", "deadline", "timeout", "mem_limit", "mem_base",
                 "mem_pending", "chunk", "depth", "max_depth", "realm", "jobs", "started", "mem_peak",
                 "__weakref__")

    def __init__(self) -> None:
        self.realm = None
        self.jobs = deque()
        self.reset(Budget(steps=None, memory=None, timeout=None))

    def reset(self, budget: Budget) -> None:
        self.step_limit = budget.steps
        self.steps_used = 0
        self.chunk = self.ticks = _CHUNK if budget.steps is None else min(_CHUNK, budget.steps)
        self.timeout = budget.timeout
        self.started = time.monotonic()
        self.deadline = None if budget.timeout is None else self.started + budget.timeout
        self.mem_limit = budget.memory
        self.mem_base = _rss() if budget.memory is not None else 0
        self.mem_peak = 0
        self.mem_pending = 0
        self.depth = 0
        self.max_depth = budget.stack

    def save(self) -> tuple:
        return (self.ticks, self.chunk, self.steps_used, self.step_limit, self.deadline, self.timeout, self.mem_limit,
                self.mem_base, self.mem_pending, self.depth, self.max_depth, self.realm, self.started,
                self.mem_peak)

    def restore(self, st: tuple) -> None:
        (self.ticks, self.chunk, self.steps_used, self.step_limit, self.deadline, self.timeout, self.mem_limit,
         self.mem_base, self.mem_pending, self.depth, self.max_depth, self.realm, self.started,
         self.mem_peak) = st

    def tick(self) -> None:
        """Account the chunk of steps just spent and check every budget."""
        self.steps_used += self.chunk - self.ticks
        lim = self.step_limit
        if lim is not None and self.steps_used >= lim:
            self.chunk = self.ticks = 0
            raise BudgetExceeded("steps", lim)
        self.chunk = self.ticks = _CHUNK if lim is None else min(_CHUNK, lim - self.steps_used)
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise BudgetExceeded("time", self.timeout)
        if self.mem_limit is not None:
            self.check_memory()

    def charge(self, n: int) -> None:
        """Charge ``n`` steps of builtin work before doing it."""
        self.ticks -= n
        if self.ticks < 0:
            self.tick()

    def check_memory(self) -> None:
        self.mem_pending = 0
        used = _rss() - self.mem_base
        if used > self.mem_peak:
            self.mem_peak = used
        if used > self.mem_limit:
            raise BudgetExceeded("memory", self.mem_limit)

    def alloc(self, nbytes: int) -> None:
        """Refuse an allocation of ``nbytes`` that would not fit in the memory budget."""
        if self.mem_limit is None:
            return
        if nbytes > self.mem_limit or self.mem_peak + nbytes > self.mem_limit:
            # re-measure before refusing: memory may have been freed
            used = _rss() - self.mem_base
            self.mem_peak = max(used, 0)
            if used + nbytes > self.mem_limit:
                raise BudgetExceeded("memory", self.mem_limit, f"an allocation of {nbytes:,} bytes")
        self.mem_pending += nbytes
        if self.mem_pending > (self.mem_limit >> 4):
            self.check_memory()

    def usage(self) -> dict:
        spent = self.steps_used + self.chunk - self.ticks
        return {"steps": spent, "memory_peak": self.mem_peak, "time": time.monotonic() - self.started}


AGENT = Agent()
