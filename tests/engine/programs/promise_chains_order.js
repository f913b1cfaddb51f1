// interleaved promise chains
const log = (...a) => console.log(...a);
Promise.resolve().then(() => log('a1')).then(() => log('a2')).then(() => log('a3'));
Promise.resolve().then(() => log('b1')).then(() => log('b2')).then(() => log('b3'));
new Promise(r => { log('executor'); r(); }).then(() => log('c1'));
log('sync');
// resolve with a native promise: 2 extra ticks
const p = Promise.resolve('x');
new Promise(r => r(p)).then(v => log('adopted', v));
Promise.resolve().then(() => log('t1')).then(() => log('t2')).then(() => log('t3')).then(() => log('t4'));
// thenable adoption
new Promise(r => r({ then(res) { log('then called'); res('thenable'); } })).then(v => log('got', v));
// returning a promise from then
Promise.resolve().then(() => Promise.resolve('inner')).then(v => log('returned promise', v));
Promise.resolve().then(() => log('u1')).then(() => log('u2')).then(() => log('u3')).then(() => log('u4')).then(() => log('u5'));
