const log = (...a) => console.log(...a);
const show = r => JSON.stringify(r);
let n = 0; const tick = () => { if (n < 12) { const i = ++n; Promise.resolve().then(() => { log('tick', i); tick(); }); } }; tick();
async function* g() { try { log('g start'); yield 'a'; log('after a'); yield 'b'; } finally { log('g finally'); } }
// return while suspended at start
const i1 = g(); i1.return('R1').then(r => log('i1 return', show(r)));
// return while suspended at yield
const i2 = g(); i2.next().then(r => log('i2 next', show(r))); i2.return('R2').then(r => log('i2 return', show(r))); i2.next().then(r => log('i2 next after', show(r)));
// return on completed with a thenable
const i3 = g(); i3.return().then(() => i3.return({ then(r) { log('thenable then'); r('TV'); } })).then(r => log('i3 completed return', show(r)));
// throw while suspended at yield, caught inside
async function* h() { while (true) { try { yield 'h'; } catch (e) { log('h caught', e); } } }
const i4 = h(); i4.next().then(() => i4.throw('E1')).then(r => log('i4 throw result', show(r)));
// interleaved next/throw/return queue
const i5 = g();
Promise.all([i5.next(), i5.throw(new Error('q')).catch(e => 'rejected ' + e.message), i5.next(), i5.return('x')]).then(v => log('i5', show(v)));
// return with rejected promise while suspended at yield -> throws at yield
async function* k() { try { yield 1; } catch (e) { log('k caught', e); yield 'k recovered'; } }
const i6 = k(); i6.next().then(() => i6.return(Promise.reject('rej'))).then(r => log('i6', show(r)), e => log('i6 err', e));
