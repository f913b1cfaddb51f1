"""Long-lived worker processes that execute runs, with crash and hang recovery.

One worker per core. Each worker imports the engine once, compiles each harness file once (on first
use) and then executes runs in fresh engines. The parent hands out chunks of runs over a pipe per worker
(two chunks in flight so a worker never waits) and receives one result message per run, so it always
knows which run a worker is executing: the first unanswered run of its queue.

- A worker that dies (segfault, ``os._exit``, the OOM killer, ``RLIMIT_AS``) is replaced; the run it was
  executing fails with the exit reason and the rest of its queue goes back to the pending queue.
- A worker silent for longer than the hard timeout (a hang the engine's time budget did not catch) is
  killed and handled the same way.
- A worker whose run raised ``MemoryError`` reports the failure and retires; it is replaced.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .executor import FAIL, Executor, Limits, WorkerMustRetire, load_engine
from .suite import Run

__all__ = ["PoolConfig", "RunnerError", "default_jobs", "default_memory_cap", "execute_runs"]

# on_result(run, status, message, wall_seconds, cpu_seconds)
ResultCallback = Callable[[Run, str, str, float, float], None]


class RunnerError(Exception):
    """The runner itself cannot go on (e.g. workers cannot import the engine)."""


def default_jobs() -> int:
    """One worker per usable core."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def default_memory_cap(jobs: int) -> int:
    """Address-space cap per worker: 3/4 of physical memory shared by the workers, at most 8 GiB and at
    least 1 GiB (24 GiB and 2 workers -> 8 GiB each)."""
    try:
        physical = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        physical = 8 * 2**30
    share = int(physical * 0.75) // max(1, jobs)
    return max(2**30, min(8 * 2**30, share))


@dataclass
class PoolConfig:
    root: Path
    engine: str = "jsengine"
    limits: Limits = field(default_factory=Limits)
    jobs: int = 0  # 0: run in this process (no isolation; for debugging)
    memory_cap: int | None = None  # RLIMIT_AS per worker, bytes; None: default_memory_cap(jobs)
    hard_timeout: float | None = None  # seconds of silence before a worker is killed
    chunk_size: int = 16
    quiet_workers: bool = True  # send worker stdout/stderr to /dev/null
    harness_overrides: bool = True  # host versions of slow harness helpers (executor.HARNESS_OVERRIDES)

    def effective_hard_timeout(self) -> float:
        if self.hard_timeout is not None:
            return self.hard_timeout
        return max(2 * self.limits.timeout, self.limits.timeout + 20.0)


# -- worker side ---------------------------------------------------------------------------------------

def _limit_address_space(cap: int | None) -> None:
    if not cap:
        return
    try:
        import resource

        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ImportError, ValueError, OSError):
        pass


def _silence() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    os.close(devnull)


def _rss_bytes() -> int:
    try:
        with open("/proc/self/statm", "rb") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return 0


def timed_execute(executor: Executor, run: Run) -> tuple[str, str, float, float, bool]:
    """(status, message, wall seconds, CPU seconds of this process, must_retire) for one run."""
    wall, cpu = time.monotonic(), time.process_time()
    retire = False
    try:
        status, message = executor.execute(run)
    except WorkerMustRetire as exc:
        (status, message), retire = exc.args, True
    return status, message, time.monotonic() - wall, time.process_time() - cpu, retire


def worker_main(conn, config: PoolConfig, memory_cap: int | None) -> None:
    """Worker loop: receive chunks of (index, Run), send ("result", index, status, message) per run."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's business
    if config.quiet_workers:
        _silence()
    _limit_address_space(memory_cap)
    try:
        engine = load_engine(config.engine)
        executor = Executor(engine, config.root, config.limits, config.harness_overrides)
    except BaseException as exc:  # noqa: BLE001 - report any import failure to the parent
        conn.send(("init-error", f"{type(exc).__name__}: {exc}"))
        return
    import gc

    gc.collect()
    gc.freeze()  # the engine's modules are long-lived: keep them out of every collection
    conn.send(("ready", os.getpid()))
    retire_rss = int(memory_cap * 0.6) if memory_cap else None
    done = 0
    while True:
        try:
            chunk = conn.recv()
        except (EOFError, OSError):
            return
        if chunk is None:
            return
        for index, run in chunk:
            status, message, wall, cpu, retire = timed_execute(executor, run)
            conn.send(("result", index, status, message, wall, cpu))
            if retire:
                conn.send(("retire", "MemoryError"))
                return
            done += 1
            if retire_rss and done % 64 == 0 and _rss_bytes() > retire_rss:
                conn.send(("retire", "memory growth"))
                return


# -- parent side ---------------------------------------------------------------------------------------

class _Worker:
    def __init__(self, ctx, config: PoolConfig, memory_cap: int | None):
        parent_conn, child_conn = ctx.Pipe(duplex=True)
        self.conn = parent_conn
        self.process = ctx.Process(
            target=worker_main, args=(child_conn, config, memory_cap), name="conformance-worker", daemon=True
        )
        self.process.start()
        child_conn.close()
        self.inflight: deque[int] = deque()
        self.chunks = 0  # chunks sent and not fully answered (approximate pipelining control)
        self.ready = False
        self.retired = False
        self.last_activity = time.monotonic()

    def send_chunk(self, items: list[tuple[int, Run]]) -> None:
        self.conn.send(items)
        if not self.inflight:
            self.last_activity = time.monotonic()
        self.inflight.extend(index for index, _ in items)

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


def _exit_reason(process) -> str:
    code = process.exitcode
    if code is None:
        return "worker stopped responding"
    if code < 0:
        try:
            return f"worker killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"worker killed by signal {-code}"
    return f"worker exited with status {code}"


_INLINE: dict[tuple[str, str], Executor] = {}


def _run_inline(runs: list[Run], config: PoolConfig, on_result: ResultCallback) -> None:
    """``--jobs 0``: execute in this process (no crash isolation), like a single worker that lives as
    long as the process: the compiled harness is reused across invocations."""
    key = (config.engine, str(config.root))
    executor = _INLINE.get(key)
    if executor is None:
        executor = _INLINE[key] = Executor(load_engine(config.engine), config.root, config.limits)
    executor.limits = config.limits
    executor.overrides = config.harness_overrides and hasattr(executor.js, "HostFunction")
    for run in runs:
        status, message, wall, cpu, _retire = timed_execute(executor, run)
        on_result(run, status, message, wall, cpu)


def execute_runs(runs: Iterable[Run], config: PoolConfig, on_result: ResultCallback) -> None:
    """Execute every run, calling ``on_result(run, status, message, wall_s, cpu_s)`` once per run, in
    completion order. For a run blamed for a worker crash or hang, cpu_s is 0."""
    runs = list(runs)
    if not runs:
        return
    if config.jobs <= 0:
        _run_inline(runs, config, on_result)
        return

    ctx = multiprocessing.get_context("spawn")
    jobs = min(config.jobs, len(runs))
    memory_cap = config.memory_cap if config.memory_cap is not None else default_memory_cap(jobs)
    hard_timeout = config.effective_hard_timeout()
    pending: deque[int] = deque(range(len(runs)))
    answered = [False] * len(runs)
    remaining = len(runs)
    workers: list[_Worker] = [_Worker(ctx, config, memory_cap) for _ in range(jobs)]
    init_failures = 0

    def finish(index: int, status: str, message: str, wall: float = 0.0, cpu: float = 0.0) -> None:
        nonlocal remaining
        if answered[index]:
            return
        answered[index] = True
        remaining -= 1
        on_result(runs[index], status, message, wall, cpu)

    def chunk_size() -> int:
        # big chunks while there is plenty of work, single runs near the end to balance the tail
        return max(1, min(config.chunk_size, len(pending) // (4 * jobs)))

    def replace(worker: _Worker, blame: str | None) -> _Worker:
        """Fail the run the worker was executing (if blame), requeue the rest, start a new worker."""
        # drain whatever the worker sent before it died
        try:
            while worker.conn.poll():
                handle(worker, worker.conn.recv())
        except (EOFError, OSError):
            pass
        worker.kill()
        inflight = list(worker.inflight)
        if inflight and blame is not None:
            finish(inflight.pop(0), FAIL, blame, time.monotonic() - worker.last_activity)
        for index in reversed(inflight):
            if not answered[index]:
                pending.appendleft(index)
        return _Worker(ctx, config, memory_cap)

    def handle(worker: _Worker, msg) -> None:
        nonlocal init_failures
        kind = msg[0]
        worker.last_activity = time.monotonic()
        if kind == "result":
            _, index, status, message, wall, cpu = msg
            if worker.inflight and worker.inflight[0] == index:
                worker.inflight.popleft()
            else:
                try:
                    worker.inflight.remove(index)
                except ValueError:
                    pass
            finish(index, status, message, wall, cpu)
        elif kind == "ready":
            worker.ready = True
            init_failures = 0
        elif kind == "retire":
            worker.retired = True
        elif kind == "init-error":
            init_failures += 1
            if init_failures >= 3:
                raise RunnerError(f"workers cannot start: {msg[1]}")
            worker.retired = True

    try:
        while remaining > 0:
            # keep every live worker fed with up to two chunks
            for worker in workers:
                if worker.retired:
                    continue
                while pending and len(worker.inflight) < 2 * chunk_size() + 1:
                    size = chunk_size()
                    items = []
                    while pending and len(items) < size:
                        index = pending.popleft()
                        if not answered[index]:
                            items.append((index, runs[index]))
                    if items:
                        try:
                            worker.send_chunk(items)
                        except (BrokenPipeError, OSError):
                            for index, _ in reversed(items):
                                pending.appendleft(index)
                            break
            waitables = {}
            for worker in workers:
                waitables[worker.conn] = worker
                waitables[worker.process.sentinel] = worker
            ready = multiprocessing.connection.wait(list(waitables), timeout=0.5)
            dead: set[int] = set()
            for obj in ready:
                worker = waitables[obj]
                if obj is worker.conn:
                    try:
                        while worker.conn.poll():
                            handle(worker, worker.conn.recv())
                    except (EOFError, OSError):
                        dead.add(id(worker))
                else:
                    dead.add(id(worker))
            now = time.monotonic()
            for i, worker in enumerate(workers):
                if worker.retired:
                    workers[i] = replace(worker, None)
                elif id(worker) in dead:
                    worker.process.join(1)
                    if not worker.ready:
                        init_failures += 1
                        if init_failures >= 3:
                            raise RunnerError(f"workers die while starting: {_exit_reason(worker.process)}")
                        workers[i] = replace(worker, None)
                    else:
                        workers[i] = replace(worker, _exit_reason(worker.process))
                elif worker.inflight and now - worker.last_activity > hard_timeout:
                    worker.kill()
                    workers[i] = replace(worker, f"hard timeout: worker silent for {hard_timeout:.0f}s, killed")
    finally:
        for worker in workers:
            try:
                worker.conn.send(None)
            except (BrokenPipeError, OSError):
                pass
        deadline = time.monotonic() + 2
        for worker in workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            worker.kill()
