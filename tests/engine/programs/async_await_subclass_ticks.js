const log = (...a) => console.log(...a);
let n = 0; const tick = () => { if (n < 8) { const i = ++n; Promise.resolve().then(() => { log('tick', i); tick(); }); } }; tick();
class Sub extends Promise {}
(async () => { await Sub.resolve(1); log('awaited subclass'); })();
const patched = Promise.resolve(2); patched.then = function (a, b) { log('patched then'); return Promise.prototype.then.call(this, a, b); };
(async () => { await patched; log('awaited patched'); })();
const ctorPatched = Promise.resolve(3); Object.defineProperty(ctorPatched, 'constructor', { get() { log('constructor read'); return Promise; } });
(async () => { await ctorPatched; log('awaited ctor-patched'); })();
Promise.resolve(Sub.resolve(4)).then(() => log('Promise.resolve(subclass)'));
(async function () { log('arguments', arguments.length, arguments[0]); })('a', 'b');
const o = { get p() { return (async () => 'getter promise')(); } };
o.p.then(log);
async function* agen() { const x = await (yield 'first'); log('x', x); }
const it = agen(); it.next().then(r => { log(r.value); return it.next(Promise.resolve('resolved-arg')); }).then(r => log('done', r.done));
