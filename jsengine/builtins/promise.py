"""Promise (27.2), the job queue, async functions (27.7) and async generators (27.6).

Jobs go on ``AGENT.jobs`` and the host drains them after each script turn (Engine.run).
Reaction handlers are JS functions or, for the engine's own continuations (await), ``PyHandler``s.
"""

from __future__ import annotations

import heapq
import time
from collections import deque

from ..budget import AGENT as A
from ..compiler.genmode import AWAIT, DEEP, GeneratorReturn, get_iterator_v8, resume_marked
from ..errors import BudgetExceeded, JSThrow, type_error
from ..objects import MISSING, C, Desc, JSArray, JSInternal, JSObject, Prop, W
from ..ops import (
    IteratorRecord,
    call,
    construct,
    create_array,
    create_iter_result,
    get_method,
    get_prototype_from_constructor,
    invoke,
    is_callable,
    is_constructor,
    iterator_close,
    iterator_step,
    species_constructor,
    to_boolean,
    to_display_string,
    to_number,
    value_desc,
)
from ..realm import arg, constructor, getter, make_function, method
from ..values import SYM, UNDEFINED, JSSymbol

PENDING, FULFILLED, REJECTED = "pending", "fulfilled", "rejected"


class JSPromise(JSObject):
    """A promise instance (27.2.6)."""

    __slots__ = ("fulfill_reactions", "is_handled", "realm", "reject_reactions", "result", "state")
    kind = "Promise"

    def __init__(self, proto, realm) -> None:
        JSObject.__init__(self, proto)
        self.state = PENDING
        self.result = UNDEFINED
        self.fulfill_reactions: list | None = []
        self.reject_reactions: list | None = []
        self.is_handled = False
        self.realm = realm

    @property
    def data(self):  # for console inspection
        return {"state": self.state, "result": self.result}


class PyHandler:
    """An internal reaction handler (not observable from JS)."""

    __slots__ = ("fn",)

    def __init__(self, fn) -> None:
        self.fn = fn


class Capability:
    __slots__ = ("promise", "reject", "resolve")

    def __init__(self, promise, resolve, reject) -> None:
        self.promise = promise
        self.resolve = resolve
        self.reject = reject


def enqueue_job(fn) -> None:
    A.jobs.append(fn)


def track_rejection(p: JSPromise, operation: str) -> None:
    """HostPromiseRejectionTracker (27.2.1.9): remember unhandled rejections for the end of the run."""
    realm = p.realm
    pending = realm.__dict__.setdefault("unhandled_rejections", {})
    if operation == "reject":
        pending[id(p)] = p
    else:
        pending.pop(id(p), None)


def take_unhandled_rejections(realm) -> list:
    """Reasons of the promises of ``realm`` rejected with no handler that never got one, in the
    order they were rejected (Node ends the process with the first); clears the record."""
    pending = realm.__dict__.get("unhandled_rejections")
    if not pending:
        return []
    reasons = [p.result for p in pending.values()]
    pending.clear()
    return reasons


def unhandled_rejection_text(reason) -> str:
    """Node's report of an unhandled rejection: an error's stack, or its UnhandledPromiseRejection."""

    if isinstance(reason, JSInternal) and reason.kind == "Error":
        return ""

    if isinstance(reason, JSObject):

        text = "[object Array]" if isinstance(reason, JSArray) else (
            "#<Object>" if not reason.is_callable else "#<Function>")
    elif type(reason) is JSSymbol:
        text = reason.descriptive_string()
    else:
        text = to_display_string(reason)
    return ("This error originated either by throwing inside of an async function without a catch block, "
            "or by rejecting a promise which was not handled with .catch(). The promise rejected with the "
            f'reason "{text}".')


def _fulfill(p: JSPromise, value) -> None:
    reactions = p.fulfill_reactions
    p.result = value
    p.fulfill_reactions = p.reject_reactions = None
    p.state = FULFILLED
    for r in reactions:
        _enqueue_reaction(r, value)


def reject_promise(p: JSPromise, reason) -> None:
    """RejectPromise (27.2.1.7)."""
    reactions = p.reject_reactions
    p.result = reason
    p.fulfill_reactions = p.reject_reactions = None
    p.state = REJECTED
    if not p.is_handled:
        track_rejection(p, "reject")
    for r in reactions:
        _enqueue_reaction(r, reason)


def _enqueue_reaction(reaction, argument) -> None:
    realm = A.realm
    enqueue_job(lambda: _reaction_job(reaction, argument, realm))


def _reaction_job(reaction, argument, realm) -> None:
    """PromiseReactionJob (27.2.2.1)."""
    cap, kind, handler = reaction
    prev = A.realm
    A.realm = getattr(handler, "realm", realm) or realm
    try:
        if handler is None:
            if kind == "fulfill":
                ok, value = True, argument
            else:
                ok, value = False, argument
        elif type(handler) is PyHandler:
            handler.fn(argument)
            return
        else:
            try:
                ok, value = True, handler.call(UNDEFINED, [argument])
            except JSThrow as e:
                ok, value = False, e.get_value(A.realm)
        if cap is None:
            if not ok:
                raise JSThrow(value)
            return
        call(cap.resolve if ok else cap.reject, UNDEFINED, [value])
    finally:
        A.realm = prev


def create_resolving_functions(p: JSPromise):
    """CreateResolvingFunctions (27.2.1.3)."""
    realm = A.realm
    state = [False]

    def resolve(this, args):
        if state[0]:
            return UNDEFINED
        state[0] = True
        resolve_promise(p, arg(args, 0))
        return UNDEFINED

    def reject(this, args):
        if state[0]:
            return UNDEFINED
        state[0] = True
        reject_promise(p, arg(args, 0))
        return UNDEFINED

    return make_function(realm, resolve, "", 1), make_function(realm, reject, "", 1)


def resolve_promise(p: JSPromise, resolution) -> None:
    """The body of a promise resolve function (27.2.1.3.2)."""
    if resolution is p:
        reject_promise(p, JSThrow(kind="TypeError", msg="Chaining cycle detected for promise #<Promise>")
                       .get_value(A.realm))
        return
    if not isinstance(resolution, JSObject):
        _fulfill(p, resolution)
        return
    try:
        then = resolution.get("then")
    except JSThrow as e:
        reject_promise(p, e.get_value(A.realm))
        return
    if not is_callable(then):
        _fulfill(p, resolution)
        return
    realm = A.realm

    def thenable_job():
        # PromiseResolveThenableJob (27.2.2.2)
        prev = A.realm
        A.realm = getattr(then, "realm", realm) or realm
        try:
            res, rej = create_resolving_functions(p)
            try:
                then.call(resolution, [res, rej])
            except JSThrow as e:
                rej.call(UNDEFINED, [e.get_value(A.realm)])
        finally:
            A.realm = prev
    enqueue_job(thenable_job)


def new_promise_capability(c) -> Capability:
    """NewPromiseCapability (27.2.1.5)."""
    realm = A.realm
    if c is realm.Promise:  # the intrinsic: nothing observable happens, make it directly
        p = JSPromise(realm.PromisePrototype, realm)
        res, rej = create_resolving_functions(p)
        return Capability(p, res, rej)
    if not is_constructor(c):
        raise type_error(f"{value_desc(c)} is not a constructor")
    box = [UNDEFINED, UNDEFINED]

    def executor(this, args):
        if box[0] is not UNDEFINED:
            raise type_error("Promise executor has already been invoked with non-undefined arguments")
        if box[1] is not UNDEFINED:
            raise type_error("Promise executor has already been invoked with non-undefined arguments")
        box[0] = arg(args, 0)
        box[1] = arg(args, 1)
        return UNDEFINED

    ex = make_function(realm, executor, "", 2)
    promise = construct(c, [ex])
    if not is_callable(box[0]):
        raise type_error("Promise resolve function is not callable")
    if not is_callable(box[1]):
        raise type_error("Promise reject function is not callable")
    return Capability(promise, box[0], box[1])


def new_intrinsic_promise(realm=None) -> JSPromise:
    realm = realm or A.realm
    return JSPromise(realm.PromisePrototype, realm)


def perform_promise_then(p: JSPromise, on_fulfilled, on_rejected, cap: Capability | None):
    """PerformPromiseThen (27.2.5.4.1)."""
    if not (type(on_fulfilled) is PyHandler or is_callable(on_fulfilled)):
        on_fulfilled = None
    if not (type(on_rejected) is PyHandler or is_callable(on_rejected)):
        on_rejected = None
    fr = (cap, "fulfill", on_fulfilled)
    rr = (cap, "reject", on_rejected)
    if p.state == PENDING:
        p.fulfill_reactions.append(fr)
        p.reject_reactions.append(rr)
    elif p.state == FULFILLED:
        _enqueue_reaction(fr, p.result)
    else:
        if not p.is_handled:
            track_rejection(p, "handle")
        _enqueue_reaction(rr, p.result)
    p.is_handled = True
    return UNDEFINED if cap is None else cap.promise


def promise_resolve(c, x):
    """PromiseResolve (27.2.4.7.1)."""
    if isinstance(x, JSPromise):
        ctor = x.get("constructor")
        if ctor is c:
            return x
    cap = new_promise_capability(c)
    call(cap.resolve, UNDEFINED, [x])
    return cap.promise


def await_value(value, on_ok, on_err) -> None:
    """Await (6.2.3.1) with Python continuations: on_ok(v) / on_err(reason) run as jobs."""
    realm = A.realm
    try:
        p = promise_resolve(realm.Promise, value)
    except JSThrow as e:
        reason = e.get_value(realm)
        enqueue_job(lambda: on_err(reason))
        return
    perform_promise_then(p, PyHandler(on_ok), PyHandler(on_err), None)


# -- async functions (27.7.5) -------------------------------------------------------------------------


def start_async_function(func, env):
    """AsyncFunctionStart: run the body until its first await; return the result promise."""
    realm = func.realm
    promise = new_intrinsic_promise(realm)
    gen = func.code.body(env)
    _async_step(func, gen, promise, 0, None, True)
    return promise


def _async_step(func, gen, promise: JSPromise, mode: int, value, first: bool = False) -> None:
    """Resume an async function body (mode 0: with a value, 1: throwing) until it awaits or ends."""
    self = None if first else func  # noqa: F841 - stack traces: this frame stands for a call of func
    while True:
        try:
            if A.depth < DEEP:
                y = gen.send(value) if mode == 0 else gen.throw(JSThrow(value))
            else:
                y = resume_marked(gen, mode, value if mode == 0 else JSThrow(value))
        except StopIteration as s:
            resolve_promise(promise, s.value)
            return
        except JSThrow as e:
            reject_promise(promise, e.get_value(A.realm))
            return
        except RecursionError:
            reject_promise(promise, JSThrow(kind="RangeError", msg="Maximum call stack size exceeded")
                           .get_value(A.realm))
            return
        # y is (AWAIT, v): Await(v) (6.2.3.1)
        try:
            p = promise_resolve(A.realm.Promise, y[1])
        except JSThrow as e:
            mode, value = 1, e.get_value(A.realm)
            continue
        perform_promise_then(p, PyHandler(lambda x: _async_step(func, gen, promise, 0, x)),
                             PyHandler(lambda r: _async_step(func, gen, promise, 1, r)), None)
        return


# -- async generators (27.6) --------------------------------------------------------------------------


class JSAsyncGenerator(JSObject):
    __slots__ = ("func", "pygen", "queue", "realm", "state")
    kind = "AsyncGenerator"


def start_async_generator(func, env):
    realm = func.realm
    proto = func.get("prototype")
    if not isinstance(proto, JSObject):
        proto = realm.AsyncGeneratorPrototype
    g = JSAsyncGenerator(proto)
    g.pygen = func.code.body(env)
    g.func = func
    g.state = "suspendedStart"
    g.queue = deque()
    g.realm = realm
    return g


def _ag_enqueue(this, kind: str, value, realm):
    """AsyncGeneratorEnqueue (27.6.3.x, ES2021)."""
    cap = new_promise_capability(realm.Promise)
    if not isinstance(this, JSAsyncGenerator):
        from .iterator import incompatible

        call(cap.reject, UNDEFINED, [incompatible(f"[AsyncGenerator].prototype.{kind}", this).get_value(realm)])
        return cap.promise
    this.queue.append((kind, value, cap))
    if this.state != "executing":
        _ag_resume_next(this)
    return cap.promise


def _ag_resolve(g: JSAsyncGenerator, value, done: bool) -> None:
    cap = g.queue.popleft()[2]
    call(cap.resolve, UNDEFINED, [create_iter_result(value, done)])


def _ag_reject(g: JSAsyncGenerator, reason) -> None:
    cap = g.queue.popleft()[2]
    call(cap.reject, UNDEFINED, [reason])


def _ag_resume_next(g: JSAsyncGenerator) -> None:
    """AsyncGeneratorResumeNext (ES2021 27.6.3.8)."""
    while True:
        if g.state in ("executing", "awaiting-return"):
            return
        if not g.queue:
            return
        kind, value = g.queue[0][:2]
        if kind != "next":
            if g.state == "suspendedStart":
                g.state = "completed"
            if g.state == "completed":
                if kind == "return":
                    g.state = "awaiting-return"
                    try:
                        p = promise_resolve(g.realm.Promise, value)
                    except JSThrow as e:
                        g.state = "completed"
                        _ag_reject(g, e.get_value(g.realm))
                        continue

                    def on_ok(v, g=g):
                        g.state = "completed"
                        _ag_resolve(g, v, True)
                        _ag_resume_next(g)

                    def on_err(r, g=g):
                        g.state = "completed"
                        _ag_reject(g, r)
                        _ag_resume_next(g)
                    perform_promise_then(p, PyHandler(on_ok), PyHandler(on_err), None)
                    return
                _ag_reject(g, value)
                continue
        elif g.state == "completed":
            _ag_resolve(g, UNDEFINED, True)
            continue
        if kind == "return" and g.state == "suspendedYield":
            # AsyncGeneratorYield resumed with a return: await the value, then return there
            g.state = "executing"

            def ret_ok(v, g=g):
                _ag_step(g, 2, GeneratorReturn(v))

            def ret_err(r, g=g):
                _ag_step(g, 1, r)
            await_value(value, ret_ok, ret_err)
            return
        first = g.state == "suspendedStart"
        g.state = "executing"
        _ag_step(g, 0 if kind == "next" else 1, None if first and kind == "next" else value)
        return


def _ag_step(g: JSAsyncGenerator, mode: int, value) -> None:
    """Run the generator body until it yields, awaits, returns or throws.
    mode 0: send value, 1: throw value, 2: throw the exception ``value`` (a GeneratorReturn)."""
    gen = g.pygen
    self = g.func  # noqa: F841 - stack traces name the function of this frame
    while True:
        try:
            if mode == 0:
                y = gen.send(value) if A.depth < DEEP else resume_marked(gen, 0, value)
            else:
                exc = JSThrow(value) if mode == 1 else value
                y = gen.throw(exc) if A.depth < DEEP else resume_marked(gen, 1, exc)
        except StopIteration as s:
            # `return expr` already awaited expr where it was evaluated
            g.state = "completed"
            _ag_resolve(g, s.value, True)
            _ag_resume_next(g)
            return
        except GeneratorReturn as e:
            g.state = "completed"
            _ag_resolve(g, e.value, True)
            _ag_resume_next(g)
            return
        except JSThrow as e:
            g.state = "completed"
            _ag_reject(g, e.get_value(A.realm))
            _ag_resume_next(g)
            return
        except RecursionError:
            g.state = "completed"
            _ag_reject(g, JSThrow(kind="RangeError", msg="Maximum call stack size exceeded")
                       .get_value(A.realm))
            _ag_resume_next(g)
            return
        if y[0] == AWAIT:
            try:
                p = promise_resolve(A.realm.Promise, y[1])
            except JSThrow as e:
                mode, value = 1, e.get_value(A.realm)
                continue
            perform_promise_then(p, PyHandler(lambda v: _ag_step(g, 0, v)),
                                 PyHandler(lambda r: _ag_step(g, 1, r)), None)
            return
        # YIELD: AsyncGeneratorYield (the value was awaited by the yield expression)
        g.state = "suspendedYield"
        _ag_resolve(g, y[1], False)
        _ag_resume_next(g)
        return


def create_async_from_sync_iterator(sync_rec):
    """CreateAsyncFromSyncIterator (27.1.4.1)."""

    realm = A.realm
    o = AsyncFromSync(realm.AsyncFromSyncIteratorPrototype)
    o.sync_rec = sync_rec
    return IteratorRecord(o, realm.AsyncFromSyncIteratorPrototype.get("next"))


def _async_from_sync_continuation(result, cap: Capability, rec, close_on_rejection: bool):
    """AsyncFromSyncIteratorContinuation (27.1.4.4): a rejected value closes the sync iterator."""
    realm = A.realm
    try:
        done = to_boolean(result.get("done"))
        value = result.get("value")
    except JSThrow as e:
        call(cap.reject, UNDEFINED, [e.get_value(realm)])
        return cap.promise
    try:
        vw = promise_resolve(realm.Promise, value)
    except JSThrow as e:
        if not done and close_on_rejection:
            iterator_close(rec, e)
        call(cap.reject, UNDEFINED, [e.get_value(realm)])
        return cap.promise

    def unwrap(v):
        call(cap.resolve, UNDEFINED, [create_iter_result(v, done)])

    def fail(r):
        if not done and close_on_rejection:
            iterator_close(rec, JSThrow(r))
        call(cap.reject, UNDEFINED, [r])
    perform_promise_then(vw, PyHandler(unwrap), PyHandler(fail), None)
    return cap.promise


class AsyncFromSync(JSObject):
    __slots__ = ("sync_rec",)


# -- setup --------------------------------------------------------------------------------------------


def setup(realm) -> None:
    proto = JSObject(realm.ObjectPrototype)
    realm.PromisePrototype = proto

    # 27.2.3.1 Promise(executor)
    def promise_call(this, args):
        raise type_error("Promise constructor cannot be invoked without 'new'")

    def promise_construct(args, new_target):
        executor = arg(args, 0)
        if not is_callable(executor):
            raise type_error(f"Promise resolver {_desc(executor)} is not a function")
        p = JSPromise(get_prototype_from_constructor(new_target, "PromisePrototype"), realm)
        res, rej = create_resolving_functions(p)
        try:
            executor.call(UNDEFINED, [res, rej])
        except JSThrow as e:
            rej.call(UNDEFINED, [e.get_value(A.realm)])
        return p

    ctor = constructor(realm, "Promise", promise_call, promise_construct, 1, proto)
    realm.Promise = ctor
    realm.define_global("Promise", ctor)
    getter(realm, ctor, SYM.species, lambda this, args: this)

    def this_promise_ctor(this):
        if not isinstance(this, JSObject):
            raise type_error("PromiseResolve called on non-object")
        return this

    # 27.2.4.7 Promise.resolve
    def p_resolve(this, args):
        return promise_resolve(this_promise_ctor(this), arg(args, 0))

    # 27.2.4.6 Promise.reject
    def p_reject(this, args):
        if not isinstance(this, JSObject):
            raise type_error("PromiseReject called on non-object")
        cap = new_promise_capability(this)
        call(cap.reject, UNDEFINED, [arg(args, 0)])
        return cap.promise

    def combinator(name: str):
        def run(this, args):
            c = this
            if not isinstance(c, JSObject):
                raise type_error(f"Promise.{name} called on non-object")
            cap = new_promise_capability(c)
            try:
                resolve_fn = c.get("resolve")
                if not is_callable(resolve_fn):
                    raise type_error("Promise resolve is not a function")
                rec = get_iterator_v8(arg(args, 0))
            except JSThrow as e:
                call(cap.reject, UNDEFINED, [e.get_value(A.realm)])
                return cap.promise
            try:
                return _perform_combinator(name, rec, c, cap, resolve_fn)
            except JSThrow as e:
                if not rec.done:
                    try:
                        iterator_close(rec, e)
                    except JSThrow:
                        pass
                call(cap.reject, UNDEFINED, [e.get_value(A.realm)])
                return cap.promise
        return run

    method(realm, ctor, "all", combinator("all"), 1)
    method(realm, ctor, "allSettled", combinator("allSettled"), 1)
    method(realm, ctor, "any", combinator("any"), 1)
    method(realm, ctor, "race", combinator("race"), 1)
    method(realm, ctor, "reject", p_reject, 1)
    method(realm, ctor, "resolve", p_resolve, 1)

    # 27.2.5.4 Promise.prototype.then
    def then(this, args):
        if not isinstance(this, JSPromise):
            from .iterator import incompatible

            raise incompatible("Promise.prototype.then", this)
        c = species_constructor(this, realm.Promise)
        cap = new_promise_capability(c)
        return perform_promise_then(this, arg(args, 0), arg(args, 1), cap)

    # 27.2.5.1 Promise.prototype.catch
    def catch(this, args):
        return _invoke(this, "then", [UNDEFINED, arg(args, 0)])

    # 27.2.5.3 Promise.prototype.finally
    def finally_(this, args):
        if not isinstance(this, JSObject):
            raise type_error("Promise.prototype.finally called on non-object")
        c = species_constructor(this, realm.Promise)
        on_finally = arg(args, 0)
        if not is_callable(on_finally):
            return _invoke(this, "then", [on_finally, on_finally])

        def then_finally(t, a):
            result = on_finally.call(UNDEFINED, [])
            p = promise_resolve(c, result)
            value = arg(a, 0)
            return _invoke(p, "then", [make_function(A.realm, lambda t2, a2: value, "", 0)])

        def catch_finally(t, a):
            result = on_finally.call(UNDEFINED, [])
            p = promise_resolve(c, result)
            reason = arg(a, 0)

            def thrower(t2, a2):
                raise JSThrow(reason)
            return _invoke(p, "then", [make_function(A.realm, thrower, "", 0)])

        return _invoke(this, "then", [make_function(realm, then_finally, "", 1),
                                      make_function(realm, catch_finally, "", 1)])

    method(realm, proto, "catch", catch, 1)
    method(realm, proto, "finally", finally_, 1)
    method(realm, proto, "then", then, 2)
    proto.props[SYM.toStringTag] = Prop("Promise", C)

    _setup_async_objects(realm)
    _setup_host_jobs(realm)


def _invoke(o, name, args):
    return invoke(o, name, args)


def _desc(v) -> str:
    return value_desc(v)


def _perform_combinator(name: str, rec, c, cap: Capability, resolve_fn):
    """PerformPromiseAll / AllSettled / Any / Race (27.2.4.x)."""
    realm = A.realm
    if name == "race":
        while True:
            try:
                v = iterator_step(rec)
            except JSThrow:
                rec.done = True
                raise
            if v is MISSING:
                return cap.promise
            p = resolve_fn.call(c, [v])
            _invoke(p, "then", [cap.resolve, cap.reject])
    values: list = []
    remaining = [1]
    index = 0
    errors: list = []

    def finish():
        if name == "any":
            err = JSThrow(kind="AggregateError", msg="All promises were rejected").get_value(realm)
            err.define_own_property("errors", _data_desc(create_array(list(errors))))
            call(cap.reject, UNDEFINED, [err])
        else:
            call(cap.resolve, UNDEFINED, [create_array(list(values))])

    while True:
        try:
            v = iterator_step(rec)
        except JSThrow:
            rec.done = True
            raise
        if v is MISSING:
            rec.done = True
            remaining[0] -= 1
            if remaining[0] == 0:
                finish()
            return cap.promise
        (errors if name == "any" else values).append(UNDEFINED)
        p = resolve_fn.call(c, [v])
        i = index
        called = [False]

        def settle(kind, this, args, i=i, called=called):
            if called[0]:
                return UNDEFINED
            called[0] = True
            x = arg(args, 0)
            if name == "all":
                values[i] = x
            elif name == "allSettled":
                o = JSObject(A.realm.ObjectPrototype)
                o.props["status"] = "fulfilled" if kind == "ok" else "rejected"
                o.props["value" if kind == "ok" else "reason"] = x
                values[i] = o
            else:
                errors[i] = x
            remaining[0] -= 1
            if remaining[0] == 0:
                finish()
            return UNDEFINED

        if name == "all":
            on_ok = make_function(realm, lambda t, a, s=settle: s("ok", t, a), "", 1)
            on_err = cap.reject
        elif name == "allSettled":
            on_ok = make_function(realm, lambda t, a, s=settle: s("ok", t, a), "", 1)
            on_err = make_function(realm, lambda t, a, s=settle: s("err", t, a), "", 1)
        else:
            on_ok = cap.resolve
            on_err = make_function(realm, lambda t, a, s=settle: s("err", t, a), "", 1)
        remaining[0] += 1
        _invoke(p, "then", [on_ok, on_err])
        index += 1


def _data_desc(v):
    return Desc(value=v, writable=True, enumerable=False, configurable=True)


def _setup_async_objects(realm) -> None:
    """%AsyncFromSyncIteratorPrototype%, %AsyncIteratorPrototype%, %AsyncGeneratorPrototype%."""

    aip = JSObject(realm.ObjectPrototype)
    method(realm, aip, SYM.asyncIterator, lambda this, args: this, 0)
    realm.AsyncIteratorPrototype = aip

    afs = JSObject(aip)
    realm.AsyncFromSyncIteratorPrototype = afs

    def afs_call(which):
        # 27.1.4.2.1-3 %AsyncFromSyncIteratorPrototype%.next / return / throw
        def fn(this, args):
            cap = new_promise_capability(realm.Promise)
            if not isinstance(this, AsyncFromSync):
                call(cap.reject, UNDEFINED, [JSThrow(kind="TypeError", msg="not an async-from-sync iterator")
                                             .get_value(realm)])
                return cap.promise
            rec = this.sync_rec
            it = rec.iterator
            try:
                if which == "next":
                    result = call(rec.next_method, it, args[:1])
                else:
                    m = get_method(it, which)
                    if m is UNDEFINED:
                        if which == "return":
                            call(cap.resolve, UNDEFINED, [create_iter_result(arg(args, 0), True)])
                            return cap.promise
                        # no throw method: close the sync iterator, then a TypeError (protocol violation)
                        iterator_close(rec)
                        raise type_error("The iterator does not provide a 'throw' method")
                    result = call(m, it, args[:1])
                if not isinstance(result, JSObject):
                    raise type_error(f"Iterator result {to_display_string(result)} is not an object")
            except JSThrow as e:
                call(cap.reject, UNDEFINED, [e.get_value(A.realm)])
                return cap.promise
            return _async_from_sync_continuation(result, cap, rec, which != "return")
        return fn

    method(realm, afs, "next", afs_call("next"), 1)
    method(realm, afs, "return", afs_call("return"), 1)
    method(realm, afs, "throw", afs_call("throw"), 1)


# -- host jobs: queueMicrotask and timers (as Node offers them; not ECMA-262) ---------------------------
#
# Timers run after the job queue is empty: the earliest due first (ties in the order they were set), each
# followed by draining the job queue again, as Node's event loop does. Due times are on a virtual clock that
# only timers advance (a timer set by a callback is due ``delay`` after that callback's own due time), so the
# order is Node's whatever the engine's speed; before a timer runs, real time catches up with its due time
# (Date.now() sees the delays), unless that would pass the time budget.


class _Timer:
    __slots__ = ("args", "delay", "due", "fn", "interval", "obj", "refed", "seq", "tid")


class JSTimeout(JSObject):
    """What setTimeout/setInterval (a Timeout) and setImmediate (an Immediate) return, as in Node."""

    __slots__ = ("timer",)


class _TimerState:
    __slots__ = ("heap", "live", "now", "origin", "refs", "seq")

    def __init__(self) -> None:
        self.origin = time.monotonic()  # real time of virtual time 0
        self.now = 0.0
        self.seq = 0
        self.heap: list = []
        self.live: dict = {}
        self.refs = 0  # live timers that keep the run going (not unref()'d)

    def schedule(self, t: _Timer, due: float) -> None:
        self.seq += 1
        t.seq = self.seq
        t.due = due
        if t.tid not in self.live:
            self.live[t.tid] = t
            if t.refed:
                self.refs += 1
        heapq.heappush(self.heap, (due, t.seq, t))

    def cancel(self, t: _Timer) -> None:
        if self.live.pop(t.tid, None) is not None and t.refed:
            self.refs -= 1


def _timer_state(realm) -> _TimerState:
    st = realm.__dict__.get("timer_state")
    if st is None:
        st = realm.__dict__["timer_state"] = _TimerState()
    return st


def _received(v) -> str:
    """How Node describes a wrong argument in ERR_INVALID_ARG_TYPE messages."""
    from ..ops import typeof

    if v is UNDEFINED:
        return "Received undefined"
    if v is None:
        return "Received null"
    if isinstance(v, JSObject):
        ctor = v.get("constructor")
        name = ctor.get("name") if isinstance(ctor, JSObject) else None
        return f"Received an instance of {name}" if isinstance(name, str) and name else "Received an instance of Object"
    if type(v) is str:
        shown = "'" + v[:25] + ("...'" if len(v) > 25 else "'")
    elif type(v) is JSSymbol:
        shown = v.descriptive_string()
    else:
        shown = to_display_string(v) + ("n" if typeof(v) == "bigint" else "")
    return f"Received type {typeof(v)} ({shown})"


def _callback_arg(v):
    if not is_callable(v):
        err = JSThrow(kind="TypeError",
                      msg=f'The "callback" argument must be of type function. {_received(v)}').get_value(A.realm)
        err.define_own_property("code", Desc(value="ERR_INVALID_ARG_TYPE", writable=True, enumerable=False,
                                             configurable=True))
        raise JSThrow(err)
    return v


def _set_timer(realm, fn, delay, args, repeat: bool, immediate: bool = False):
    st = _timer_state(realm)
    if immediate:
        d = 0.0
    else:
        d = to_number(delay) if delay is not UNDEFINED else 1.0
        if not (1 <= d <= 2147483647):  # Node: anything else means 1 ms
            d = 1.0
    t = _Timer()
    t.tid = st.seq + 1
    t.fn = fn
    t.args = list(args)
    t.delay = d
    t.interval = d if repeat else None
    t.refed = True
    protos = realm.__dict__["timer_protos"]
    t.obj = o = JSTimeout(protos[1] if immediate else protos[0])
    o.timer = t
    st.schedule(t, st.now + d)
    return o


def run_next_macrotask(realm) -> bool:
    """Run the next timer callback of ``realm`` (the job queue being empty); False when none is left,
    or when a promise rejection went unhandled (Node's process would end there)."""
    pending = realm.__dict__.get("unhandled_rejections")
    if pending:
        return False
    st = realm.__dict__.get("timer_state")
    if st is None or not st.refs:  # only unref()'d timers left: Node's process would exit
        return False
    heap = st.heap
    while heap:
        due, seq, t = heapq.heappop(heap)
        if st.live.get(t.tid) is not t or t.seq != seq:
            continue
        st.now = max(st.now, due)
        wait = st.origin + st.now / 1000 - time.monotonic()
        if wait > 0:
            if A.deadline is not None and time.monotonic() + wait > A.deadline:
                raise BudgetExceeded("time", A.timeout, f"a timer is due {st.now:g} ms after the first was set")
            time.sleep(wait)
        if t.interval is None:
            st.cancel(t)
        else:
            st.schedule(t, st.now + t.interval)
        prev = A.realm
        A.realm = realm
        try:
            call(t.fn, t.obj, t.args)
        finally:
            A.realm = prev
        return True
    return False


def _setup_host_jobs(realm) -> None:
    def queue_microtask(this, args):
        fn = _callback_arg(arg(args, 0))

        def job():
            prev = A.realm
            A.realm = realm
            try:
                call(fn, UNDEFINED, [])
            finally:
                A.realm = prev
        enqueue_job(job)
        return UNDEFINED

    def set_timeout(this, args):
        return _set_timer(realm, _callback_arg(arg(args, 0)), arg(args, 1), args[2:], False)

    def set_interval(this, args):
        return _set_timer(realm, _callback_arg(arg(args, 0)), arg(args, 1), args[2:], True)

    def set_immediate(this, args):
        return _set_timer(realm, _callback_arg(arg(args, 0)), UNDEFINED, args[1:], False, immediate=True)

    def clear(this, args):
        x = arg(args, 0)
        st = _timer_state(realm)
        if isinstance(x, JSTimeout):
            st.cancel(x.timer)
        elif type(x) in (int, float, str):  # the number a Timeout converts to
            try:
                t = st.live.get(int(float(x)))
            except ValueError:
                t = None
            if t is not None:
                st.cancel(t)
        return UNDEFINED

    def timer_of(this, name):
        if not isinstance(this, JSTimeout):
            raise type_error(f"{name} called on incompatible receiver")
        return this.timer

    def ref(this, args):
        t = timer_of(this, "ref")
        st = _timer_state(realm)
        if not t.refed:
            t.refed = True
            if t.tid in st.live:
                st.refs += 1
        return this

    def unref(this, args):
        t = timer_of(this, "unref")
        st = _timer_state(realm)
        if t.refed:
            t.refed = False
            if t.tid in st.live:
                st.refs -= 1
        return this

    def has_ref(this, args):
        return timer_of(this, "hasRef").refed

    def refresh(this, args):
        t = timer_of(this, "refresh")
        st = _timer_state(realm)
        st.schedule(t, st.now + t.delay)
        return this

    def close(this, args):
        _timer_state(realm).cancel(timer_of(this, "close"))
        return this

    def to_primitive(this, args):
        return timer_of(this, "[Symbol.toPrimitive]").tid

    protos = []
    for cname in ("Timeout", "Immediate"):
        proto = JSObject(realm.ObjectPrototype)
        ctor = make_function(realm, lambda this, args: UNDEFINED, cname, 0)
        ctor.props["prototype"] = Prop(proto, 0)
        proto.props["constructor"] = Prop(ctor, W | C)
        if cname == "Timeout":
            method(realm, proto, "refresh", refresh, 0)
        method(realm, proto, "unref", unref, 0)
        method(realm, proto, "ref", ref, 0)
        method(realm, proto, "hasRef", has_ref, 0)
        if cname == "Timeout":
            method(realm, proto, "close", close, 0)
            method(realm, proto, SYM.toPrimitive, to_primitive, 0)
        protos.append(proto)
    realm.__dict__["timer_protos"] = protos

    for name, fn, length in (("queueMicrotask", queue_microtask, 1), ("setTimeout", set_timeout, 5),
                             ("clearTimeout", clear, 1), ("setInterval", set_interval, 5),
                             ("clearInterval", clear, 1), ("setImmediate", set_immediate, 4),
                             ("clearImmediate", clear, 1)):
        realm.define_global(name, make_function(realm, fn, name, length))


__all__ = [
    "Capability",
    "JSPromise",
    "PyHandler",
    "W",
    "await_value",
    "create_async_from_sync_iterator",
    "deque",
    "enqueue_job",
    "new_promise_capability",
    "perform_promise_then",
    "promise_resolve",
    "reject_promise",
    "resolve_promise",
    "start_async_function",
    "start_async_generator",
]
