const log = (...a) => console.log(...a);
let n = 0; const tick = () => { if (n < 14) { const i = ++n; Promise.resolve().then(() => { log('tick', i); tick(); }); } }; tick();
async function r1() { return 1; }
async function r2() { return await 2; }
async function r3() { return Promise.resolve(3); }
async function r4() { return await Promise.resolve(4); }
async function r5() { try { return Promise.reject(new Error('r5')); } catch { log('never'); } }
async function r6() { try { return await Promise.reject(new Error('r6')); } catch (e) { return 'caught ' + e.message; } }
async function r7() { return { then(r) { r(7); } }; }
r1().then(v => log('r1', v)); r2().then(v => log('r2', v)); r3().then(v => log('r3', v)); r4().then(v => log('r4', v));
r5().catch(e => log('r5 rejected', e.message)); r6().then(v => log('r6', v)); r7().then(v => log('r7', v));
async function* ag() { yield 1; yield Promise.resolve(2); return 3; }
(async () => { const it = ag(); log('ag', JSON.stringify(await it.next())); log('ag', JSON.stringify(await it.next())); log('ag', JSON.stringify(await it.next())); log('ag', JSON.stringify(await it.next())); })();
new Promise((res, rej) => { res('first'); rej('second'); throw new Error('ignored'); }).then(v => log('executor', v), e => log('bad', e));
new Promise(() => { throw new Error('executor threw'); }).catch(e => log('executor error', e.message));
Promise.reject(new Error('then2')).then(null, e => log('then second arg', e.message));
Promise.resolve('passthrough').then(null).then(undefined, null).then(v => log(v));
Promise.reject('rpass').then(v => log('no')).catch(e => log('caught rpass', e));
const p = Promise.resolve('multi'); p.then(v => log('m1', v)); p.then(v => log('m2', v));
Promise.resolve().then(() => { throw new RangeError('in then'); }).catch(e => log(e.name)).finally(() => log('fin')).then(v => log('after fin', v));
