const log = (...a) => console.log(...a);
let n = 0; const tick = () => { if (n < 10) { const i = ++n; Promise.resolve().then(() => { log('tick', i); tick(); }); } }; tick();
const settled = Promise.resolve('S');
const rejected = Promise.reject('R'); rejected.catch(() => {});
const thenable = { then(r) { log('thenable.then called'); r('TH'); } };
Promise.all([settled, thenable, 'plain']).then(v => log('all', v));
Promise.allSettled([settled, rejected, thenable]).then(v => log('allSettled', JSON.stringify(v)));
Promise.race([thenable, settled]).then(v => log('race', v));
Promise.any([rejected, thenable]).then(v => log('any', v));
Promise.race([rejected, settled]).catch(e => log('race rejected', e));
class Sub extends Promise { constructor(ex) { log('Sub ctor'); super(ex); } }
Sub.all([1, 2]).then(v => log('Sub.all', v));
Sub.resolve(1).then(v => log('Sub.resolve', v));
const iterClose = { [Symbol.iterator]() { return { i: 0, next() { if (this.i++ === 1) throw new Error('next threw'); return { value: this.i, done: false }; }, return() { log('should not close on next throw'); return {}; } }; } };
Promise.all(iterClose).catch(e => log('iter next threw', e.message));
const badResolve = function (ex) { return new Promise(ex); }; badResolve.resolve = () => { throw new Error('resolve threw'); };
const closing = { [Symbol.iterator]() { return { next() { return { value: 1, done: false }; }, return() { log('closed iterator'); return {}; } }; } };
Promise.all.call(badResolve, closing).catch(e => log('all with throwing resolve', e.message));
