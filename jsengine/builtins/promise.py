"""Promise (27.2), the job queue, async functions (27.7) and async generators (27.6).

Jobs go on ``AGENT.jobs`` and the host drains them after each script turn (Engine.run).
Reaction handlers are JS functions or, for the engine's own continuations (await), ``PyHandler``s.
"""

from __future__ import annotations

from collections import deque

from ..budget import AGENT as A
from ..errors import JSThrow, type_error
from ..objects import C, MISSING, W, JSObject, Prop
from ..ops import (call, construct, create_array, create_iter_result, get_iterator, get_prototype_from_constructor,
                   is_callable, is_constructor, iterator_close, iterator_step, same_value, species_constructor)
from ..realm import arg, constructor, getter, make_function, method
from ..values import SYM, UNDEFINED

PENDING, FULFILLED, REJECTED = "pending", "fulfilled", "rejected"


class JSPromise(JSObject):
    """A promise instance (27.2.6)."""

    __slots__ = ("state", "result", "fulfill_reactions", "reject_reactions", "is_handled", "realm")
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
    __slots__ = ("promise", "resolve", "reject")

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
    from ..objects import JSInternal

    if isinstance(reason, JSInternal) and reason.kind == "Error":
        return ""
    from ..ops import to_display_string
    from ..values import JSSymbol

    if isinstance(reason, JSObject):
        from ..objects import JSArray

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
    if not is_constructor(c):
        raise type_error("Promise resolve or reject function is not callable")
    realm = A.realm
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
    _async_step(gen, promise, 0, None)
    return promise


def _async_step(gen, promise: JSPromise, mode: int, value) -> None:
    from ..compiler.genmode import AWAIT

    while True:
        try:
            y = gen.send(value) if mode == 0 else gen.throw(JSThrow(value))
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
        if type(y) is tuple and y[0] == AWAIT:
            v = y[1]
        else:  # pragma: no cover - a plain yield cannot occur in an async function
            v = y
        try:
            p = promise_resolve(A.realm.Promise, v)
        except JSThrow as e:
            mode, value = 1, e.get_value(A.realm)
            continue
        perform_promise_then(p, PyHandler(lambda x: _async_step(gen, promise, 0, x)),
                             PyHandler(lambda r: _async_step(gen, promise, 1, r)), None)
        return


# -- async generators (27.6) --------------------------------------------------------------------------


class JSAsyncGenerator(JSObject):
    __slots__ = ("pygen", "state", "queue", "realm")
    kind = "AsyncGenerator"


def start_async_generator(func, env):
    realm = func.realm
    proto = func.get("prototype")
    if not isinstance(proto, JSObject):
        proto = realm.AsyncGeneratorPrototype
    g = JSAsyncGenerator(proto)
    g.pygen = func.code.body(env)
    g.state = "suspendedStart"
    g.queue = deque()
    g.realm = realm
    return g


def _ag_enqueue(this, kind: str, value, realm):
    """AsyncGeneratorEnqueue (27.6.3.x, ES2021)."""
    cap = new_promise_capability(realm.Promise)
    if not isinstance(this, JSAsyncGenerator):
        call(cap.reject, UNDEFINED, [JSThrow(kind="TypeError", msg=f"{kind} method called on incompatible receiver")
                                     .get_value(realm)])
        return cap.promise
    this.queue.append((kind, value, cap))
    if this.state != "executing":
        _ag_resume_next(this)
    return cap.promise


def _ag_resolve(g: JSAsyncGenerator, value, done: bool) -> None:
    kind, _, cap = g.queue.popleft()
    call(cap.resolve, UNDEFINED, [create_iter_result(value, done)])


def _ag_reject(g: JSAsyncGenerator, reason) -> None:
    kind, _, cap = g.queue.popleft()
    call(cap.reject, UNDEFINED, [reason])


def _ag_resume_next(g: JSAsyncGenerator) -> None:
    """AsyncGeneratorResumeNext (ES2021 27.6.3.8)."""
    while True:
        if g.state in ("executing", "awaiting-return"):
            return
        if not g.queue:
            return
        kind, value, cap = g.queue[0]
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
            from ..compiler.genmode import GeneratorReturn

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
    """Run the generator body until it yields, awaits, returns or throws."""
    from ..compiler.genmode import AWAIT

    gen = g.pygen
    while True:
        try:
            if mode == 0:
                y = gen.send(value)
            elif mode == 1:
                y = gen.throw(JSThrow(value))
            else:
                y = gen.throw(value)
        except StopIteration as s:
            # `return expr` already awaited expr where it was evaluated
            g.state = "completed"
            _ag_resolve(g, s.value, True)
            _ag_resume_next(g)
            return
        except JSThrow as e:
            g.state = "completed"
            _ag_reject(g, e.get_value(A.realm))
            _ag_resume_next(g)
            return
        except Exception as e:  # GeneratorReturn escaping the body
            from ..compiler.genmode import GeneratorReturn

            if isinstance(e, GeneratorReturn):
                g.state = "completed"
                _ag_resolve(g, e.value, True)
                _ag_resume_next(g)
                return
            raise
        if y[0] == AWAIT:
            def aw_ok(v, g=g):
                _ag_step(g, 0, v)

            def aw_err(r, g=g):
                _ag_step(g, 1, r)
            await_value(y[1], aw_ok, aw_err)
            return
        # YIELD
        g.state = "suspendedYield"
        _ag_resolve(g, y[1], False)
        _ag_resume_next(g)
        return


def create_async_from_sync_iterator(sync_rec):
    """CreateAsyncFromSyncIterator (27.1.4.1)."""
    from ..ops import IteratorRecord

    realm = A.realm
    o = AsyncFromSync(realm.AsyncFromSyncIteratorPrototype)
    o.sync_rec = sync_rec
    return IteratorRecord(o, realm.AsyncFromSyncIteratorPrototype.get("next"))


def _async_from_sync_continuation(result, cap: Capability):
    """AsyncFromSyncIteratorContinuation (27.1.4.4)."""
    from ..ops import to_boolean

    done = to_boolean(result.get("done"))
    value = result.get("value")
    realm = A.realm
    try:
        vw = promise_resolve(realm.Promise, value)
    except JSThrow as e:
        call(cap.reject, UNDEFINED, [e.get_value(realm)])
        return cap.promise

    def unwrap(v):
        call(cap.resolve, UNDEFINED, [create_iter_result(v, done)])

    def fail(r):
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
        cap = new_promise_capability(this)
        call(cap.reject, UNDEFINED, [arg(args, 0)])
        return cap.promise

    def combinator(name: str):
        def run(this, args):
            c = this
            cap = new_promise_capability(c)
            try:
                resolve_fn = c.get("resolve")
                if not is_callable(resolve_fn):
                    raise type_error("Promise resolve is not a function")
                from ..compiler.genmode import get_iterator_v8

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
            raise type_error("Method Promise.prototype.then called on incompatible receiver")
        c = species_constructor(this, realm.Promise)
        cap = new_promise_capability(c)
        return perform_promise_then(this, arg(args, 0), arg(args, 1), cap)

    # 27.2.5.1 Promise.prototype.catch
    def catch(this, args):
        return _invoke(this, "then", [UNDEFINED, arg(args, 0)])

    # 27.2.5.3 Promise.prototype.finally
    def finally_(this, args):
        if not isinstance(this, JSObject):
            raise type_error("Promise.prototype.finally called on a non-object")
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


def _invoke(o, name, args):
    from ..ops import invoke

    return invoke(o, name, args)


def _desc(v) -> str:
    from ..ops import value_desc

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
    from ..objects import Desc

    return Desc(value=v, writable=True, enumerable=False, configurable=True)


def _setup_async_objects(realm) -> None:
    """%AsyncFromSyncIteratorPrototype%, %AsyncIteratorPrototype%, %AsyncGeneratorPrototype%."""
    from ..ops import get_method, to_boolean

    aip = JSObject(realm.ObjectPrototype)
    method(realm, aip, SYM.asyncIterator, lambda this, args: this, 0)
    realm.AsyncIteratorPrototype = aip

    afs = JSObject(aip)
    realm.AsyncFromSyncIteratorPrototype = afs

    def afs_call(which):
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
                        else:
                            call(cap.reject, UNDEFINED, [arg(args, 0)])
                        return cap.promise
                    result = call(m, it, args[:1])
                if not isinstance(result, JSObject):
                    raise type_error("iterator result is not an object")
            except JSThrow as e:
                call(cap.reject, UNDEFINED, [e.get_value(A.realm)])
                return cap.promise
            return _async_from_sync_continuation(result, cap)
        return fn

    method(realm, afs, "next", afs_call("next"), 1)
    method(realm, afs, "return", afs_call("return"), 1)
    method(realm, afs, "throw", afs_call("throw"), 1)
    del to_boolean


__all__ = ["JSPromise", "PyHandler", "Capability", "new_promise_capability", "promise_resolve",
           "perform_promise_then", "resolve_promise", "reject_promise", "enqueue_job", "await_value",
           "start_async_function", "start_async_generator", "create_async_from_sync_iterator", "W", "deque"]
